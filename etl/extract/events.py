"""Classify the kind of violence from the words of the incident's sentences (rules in events.yaml)."""
from __future__ import annotations

import re
from functools import lru_cache

from etl.extract.text import ascii_twin, plain_ascii
from etl.resources import load_yaml


@lru_cache(maxsize=1)
def _rules() -> list[tuple[str, re.Pattern, re.Pattern]]:
    """(type, its words' pattern, that pattern's ASCII twin), most specific type first."""
    rules = [(r["type"], re.compile(rf"\b(?:{'|'.join(r['words'])})\b", re.I)) for r in load_yaml("events.yaml")]
    return [(name, rx, ascii_twin(rx)) for name, rx in rules]


def event_type(text: str) -> str | None:
    """The most specific event type the text's words name, or None."""
    plain = plain_ascii(text)
    return next((name for name, rx, ascii_rx in _rules() if (ascii_rx if plain else rx).search(text)), None)
