"""Classify the kind of violence from the words of the incident's sentences (rules in events.yaml)."""
from __future__ import annotations

import re
from functools import lru_cache

from etl.resources import load_yaml


@lru_cache(maxsize=1)
def _rules() -> list[tuple[str, re.Pattern]]:
    return [(r["type"], re.compile(rf"\b(?:{'|'.join(r['words'])})\b", re.I)) for r in load_yaml("events.yaml")]


def event_type(text: str) -> str | None:
    """The most specific event type the text's words name, or None."""
    return next((name for name, rx in _rules() if rx.search(text)), None)
