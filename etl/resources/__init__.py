"""Rule tables kept as data (YAML beside this file), loaded once per process."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

HERE = Path(__file__).parent


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser is ~10x faster when present
    """YAML 1.2 booleans: only true/false. YAML 1.1 would read the words 'no', 'on', 'off' as booleans."""


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:bool"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))


@lru_cache(maxsize=None)
def load_yaml(name: str):
    with open(HERE / name, encoding="utf-8") as f:
        return yaml.load(f, Loader=_Loader)
