"""One regular expression for many words, factored by prefix: matching is linear in the text, not the table."""
from __future__ import annotations

import re


def trie_regex(words: set[str], special: dict[str, str] | None = None) -> str:
    """The words as one prefix-tree alternation (longest first where one word extends another).
    `special`: characters that stand for a sub-pattern (actors.py's separator between an alias's words)."""
    special = special or {}
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True

    def dispatch(items: list[tuple[str, str]]) -> str:
        """Alternatives by first character; many are split in halves behind a character-class lookahead,
        so that a failing position costs a few tests instead of one per alternative."""
        if len(items) <= 6:
            return "(?:" + "|".join(branch for _, branch in items) + ")"
        half = len(items) // 2
        chars = "".join(re.escape(ch) for ch, _ in items[:half])
        return f"(?:(?=[{chars}]){dispatch(items[:half])}|{dispatch(items[half:])})"

    def walk(node: dict) -> str:
        items = [(ch, special.get(ch, re.escape(ch)) + walk(child)) for ch, child in sorted(node.items()) if ch]
        branches = [branch for _, branch in items]
        if not branches:
            return ""
        plain = all(ch not in special for ch, _ in items)
        body = branches[0] if len(branches) == 1 else (dispatch(items) if plain else "(?:" + "|".join(branches) + ")")
        if "" in node:
            return ("(?:" + body + ")?") if len(branches) == 1 else body + "?"
        return body

    return walk(trie) or "(?!)"


_SPACE = "\x02"  # a space in an entry of a word list


def words_regex(words) -> str:
    """A word list (casualties.yaml) as one prefix tree; a space in an entry matches any
    run of whitespace ("shot  dead")."""
    return trie_regex({w.replace(" ", _SPACE) for w in words}, {_SPACE: r"\s+"})
