"""Read counts of people from words: digits, number words, vague quantities and hedges -> low/best/high."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from etl.extract.trie import words_regex
from etl.resources import load_yaml

MAX_COUNT = 1_000_000
ARTICLES = {"a", "an", "single", "lone"}  # larger figures are not tolls of one incident; they are rejected as counts
# "nine hundred and ninety-nine thousand nine hundred and ninety-nine" is 9 words. Unbounded, a run of number
# words ("hundred hundred ...") is re-read from every word in it: minutes for a few thousand words.
MAX_NUMBER_WORDS = 12


@dataclass(frozen=True)
class Count:
    best: int
    low: int | None
    high: int | None
    phrase: str


@lru_cache(maxsize=1)
def _tables() -> dict:
    return load_yaml("numbers.yaml")


def _alt(words) -> str:
    """The words as one prefix tree (a space matching any run of whitespace): at a position where several match,
    the longest is tried first, as in a list sorted longest first, but a failing position costs a few tests
    instead of one per word."""
    return words_regex(words)


@lru_cache(maxsize=1)
def patterns() -> dict[str, str]:
    t = _tables()
    # "a"/"an"/"single" stand for one only on their own: "three a..." is not a number
    article = [w for w in t["units"] if w in ARTICLES]
    word = _alt([*(w for w in t["units"] if w not in ARTICLES), *t["tens"], *t["scales"]])
    spelled = rf"(?:{word})(?:(?:\s+and\s+|[\s-]+)(?:{word})){{0,{MAX_NUMBER_WORDS - 1}}}\b"
    digits = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?![\d.,]\d)"
    # "a hundred", "a dozen", "a thousand and fifty": the article is the figure's "one"
    scaled = rf"(?:a|an)[\s-]+(?:{_alt(t['scales'])})(?:(?:\s+and\s+|[\s-]+)(?:{word})){{0,{MAX_NUMBER_WORDS - 2}}}\b"
    number = rf"(?:{digits}|{scaled}|{spelled}|(?:{_alt(article)})\b)"
    return {
        "hedge": _alt(t["hedges"]),
        "number": number,
        "vague": rf"(?:{_alt(t['vague'])})\b",  # a whole word: not the "some" of "someone"
        # "20 to 30", "20-30", "between 20 and 30"
        "range": rf"between\s+{number}\s+and\s+{number}|(?:{digits})\s*[-–]\s*(?:{digits})"
                 rf"|{number}\s+(?:to|or)\s+{number}",
    }


@lru_cache(maxsize=1)
def count_regex() -> re.Pattern:
    p = patterns()
    return re.compile(
        rf"(?:(?P<hedge>{p['hedge']})\s+)?"
        rf"(?:(?P<range>{p['range']})|(?P<vague>{p['vague']})|(?P<number>{p['number']}))",
        re.IGNORECASE,
    )


def parse_number(text: str) -> int | None:
    """'26' -> 26, '1,200' -> 1200, 'twenty-six' -> 26, 'one hundred and five' -> 105, 'a' -> 1."""
    s = text.strip().lower().replace(",", "")
    if s.isdecimal():  # not isdigit: "²" is a digit int() cannot read; nor will it read over 4,300 digits
        digits = s.lstrip("0") or "0"
        n = int(digits) if len(digits) <= len(str(MAX_COUNT)) else None
        return n if n is not None and n <= MAX_COUNT else None
    t = _tables()
    total = current = 0
    seen = False
    for w in re.split(r"[\s-]+", s):
        if w == "and" or not w:
            continue
        if w in t["units"]:
            current += t["units"][w]
        elif w in t["tens"]:
            current += t["tens"][w]
        elif w in t["scales"]:
            scale = t["scales"][w]
            current = max(current, 1) * scale
            if scale >= 1000:
                total, current = total + current, 0
        else:
            return None
        seen = True
    n = total + current
    return n if seen and n <= MAX_COUNT else None  # "hundred hundred hundred hundred" is no count


def is_vague(c: Count) -> bool:
    """The count is a vague word ("several", "dozens of"), not a number."""
    return re.sub(r"\s+", " ", c.phrase.strip().lower()) in _tables()["vague"]


def read_count(m: re.Match) -> Count | None:
    """Turn a count_regex match into low/best/high following the hedge's meaning."""
    t = _tables()
    phrase = m.group(0)
    hedge = (m.group("hedge") or "").lower()
    hedge = re.sub(r"\s+", " ", hedge)
    kind = t["hedges"].get(hedge)
    if m.group("range"):
        nums = re.split(r"\s*(?:-|–|\bto\b|\band\b|\bor\b)\s*", re.sub(r"^between\s+", "", m.group("range"), flags=re.I))
        values = [parse_number(n) for n in nums if n.strip()]
        if len(values) != 2 or None in values or values[0] > values[1]:
            return None
        return Count(best=values[0], low=values[0], high=values[1], phrase=phrase)
    if m.group("vague"):
        v = t["vague"][re.sub(r"\s+", " ", m.group("vague").lower())]
        return Count(best=v["best"], low=v["low"], high=None, phrase=phrase)
    n = parse_number(m.group("number"))
    if n is None:
        return None
    if kind == "min":
        return Count(best=n, low=n, high=None, phrase=phrase)
    if kind == "max":
        return Count(best=n, low=None, high=n, phrase=phrase)
    return Count(best=n, low=n if not kind else None, high=n if not kind else None, phrase=phrase)
