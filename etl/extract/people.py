"""People an article names, with their ages when given ("Nicholas Lindsay, 24,"): details that tell one
incident's reports from another's where dates and places cannot (follow-ups weeks later, two shootings in one city).

Pure: text in, names out. A capitalised run of words is taken for a person's full name only when the text gives
it with an age, or refers back to it by the last name alone (news style: "John Smith ... Smith said"); words
that name places, institutions or dates (people.yaml) are never part of a name. `person_words` adds the names
given with a title, "identified as" or speaking, for the place finder: a bare one of them is not a town.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from etl.extract.gazetteer import fold, load_gazetteer, name_key
from etl.extract.text import is_word_char, not_after_word
from etl.extract.trie import trie_regex
from etl.resources import load_yaml

_WORD = r"(?:[A-Z][a-z]+(?:['’-](?!s\b)[A-Z]?[a-z]+)*|[A-Z][a-z]?[A-Z][a-z]+)"  # Smith, O'Neal, Kpana-Quamoh, McCarthy
_INITIAL = r"[A-Z]\."
_SUFFIX = r"(?:,?\s(?:Jr\.?|Sr\.?|II|III|IV))"
_NAME = rf"{_WORD}(?:\s(?:{_INITIAL}\s)?{_WORD}){{1,2}}{_SUFFIX}?"
# "Nicholas Lindsay, 24," / "Nicholas Lindsay (24)" / "Nicholas Lindsay, age 24"
_NAME_AGE = re.compile(rf"(?P<name>{_NAME})(?:,\s(?:age\s|aged\s)?(?P<age>\d{{1,3}})\b"
                       rf"(?![-–]|\s*(?:%|percent|years?\b(?!\s+old)))|\s\((?P<age2>\d{{1,3}})\))")
# "24-year-old Nicholas Lindsay"; the age's \b is a look-behind after its first digit, so that the pattern opens
# with a digit, which the regex engine skips to
_AGE_NAME = re.compile(rf"(?P<age3>\d(?<!\w\d)\d{{0,2}})-year-old\s(?:\w+\s)?(?P<name2>{_NAME})")
_CANDIDATE = re.compile(_NAME)  # not after a word character (text.not_after_word)


@lru_cache(maxsize=1)
def _not_name_words() -> tuple[frozenset[str], frozenset[str]]:
    """Words never in a name (people.yaml), and words a name does not end on."""
    data = load_yaml("people.yaml")
    return (frozenset(str(w).lower() for w in data["not_name_words"]),
            frozenset(str(w).lower() for w in data["not_last_name_words"]))


def person_key(name: str) -> str | None:
    """First and last name ("Thomas F. Matusiewicz Jr." and "Thomas Matusiewicz" -> "Thomas Matusiewicz"), titles
    before it dropped, or None when a word of it is not a person's (a place, an institution, a date), it opens
    with a nationality ("Iraqi Minister Salim" names no one in full) or ends on a particle ("Abu Al")."""
    not_name, not_last = _not_name_words()
    words = re.sub(rf"\s{_INITIAL}(?=\s)|{_SUFFIX}$", "", name).split()
    while words and words[0].lower() in not_name:  # "Police Chief Ann Kowalski" names Ann Kowalski
        words.pop(0)
    if (len(words) < 2 or any(w.lower() in not_name for w in words) or words[-1].lower() in not_last
            or fold(words[0]) in load_gazetteer().demonym_keys):
        return None
    return f"{words[0]} {words[-1]}"


# "a 14-year-old boy", "Smith, 24,", "aged 24", "(24)" after a name
_AGES = re.compile(rf"\b(\d{{1,3}})-year-old\b|{_WORD},\s(?:age\s|aged\s)?(\d{{1,3}}),|\baged?\s(\d{{1,3}})\b|{_WORD}\s\((\d{{1,3}})\)")


def ages_in(text: str) -> list[int]:
    """The ages the text gives people, sorted, each once."""
    return sorted({int(a) for m in _AGES.finditer(text) for a in m.groups() if a and 0 < int(a) < 110})


def _aged(text: str) -> Iterator[re.Match]:
    """Matches of _NAME_AGE and _AGE_NAME, left to right and not overlapping: what one pattern with the two as
    alternatives finds, where the regex engine would try every position instead of skipping to capitals and
    digits."""
    patterns = (_NAME_AGE, _AGE_NAME)
    pending = [p.search(text) for p in patterns]      # each pattern's next match
    while any(pending):
        match = min((m for m in pending if m), key=lambda m: m.start())   # never a tie: a capital, a digit
        yield match
        pending = [p.search(text, match.end()) if m and m.start() < match.end() else m
                   for p, m in zip(patterns, pending)]


@lru_cache(maxsize=256)  # an article's text is read for its people by the place finder and for its mentions
def people_at(text: str) -> tuple[tuple[int, str], ...]:
    """(offset, "Name, age" or "Name") for every place the text names a person by full name; sorted by offset."""
    ages: dict[str, int] = {}
    found: list[tuple[int, str]] = []
    for m in _aged(text):
        g = m.groupdict()
        key = person_key(g.get("name") or g.get("name2"))
        age = int(g.get("age") or g.get("age2") or g.get("age3"))
        if key and 0 < age < 110:
            ages.setdefault(key, age)
    bare: dict[str, int] = {}            # full name -> next place its last name stands alone (-1: none further)
    for m in not_after_word(_CANDIDATE, text):
        key = person_key(m.group(0))
        if key is None:
            continue
        if key not in ages and -1 < bare.get(key, 0) < m.end():
            first, last = key.split()[-2:]
            alone = _alone(text, m.end(), first, last)
            bare[key] = alone
        # referred back to by the last name alone, further on
        if key in ages or bare[key] >= m.end():
            found.append((m.start(), f"{key}, {ages[key]}" if key in ages else key))
    return tuple(found)


def _alone(text: str, start: int, first: str, last: str) -> int:
    r"""Where the last name next stands alone in text[start:] (-1: nowhere): as a whole word, not after the first
    name, not before another capitalised word. It is what re.search(rf"(?<!{first}\s)\b{last}\b(?!\s[A-Z])",
    text[start:]) finds (a name begins and ends with a letter), without compiling a pattern per name."""
    i = text.find(last, start)
    while i >= 0:
        end = i + len(last)
        before, after = text[i - 1] if i > start else "", text[end:end + 2]
        if (not is_word_char(before) and not is_word_char(after[:1])
                and not (before.isspace() and i - 1 - len(first) >= start and text[i - 1 - len(first):i - 1] == first)
                and not (after[:1].isspace() and "A" <= after[1:] <= "Z")):
            return i
        i = text.find(last, i + 1)
    return -1


def people_by_mention(text: str, starts: list[int]) -> list[list[str]]:
    """For mentions whose evidence starts at `starts`, the people each names: those named from its evidence on,
    up to the next mention's evidence (the first mention in the text also takes what comes before it)."""
    order = sorted(range(len(starts)), key=lambda i: starts[i])
    out: list[set[str]] = [set() for _ in starts]
    for offset, person in people_at(text) if starts else ():
        owner = order[0]
        for i in order:
            if starts[i] <= offset:
                owner = i
        out[owner].add(person)
    return [sorted(p) for p in out]


# A capitalised word of a person's name as the place finder reads it ("Lindsay", "McDonald", "O'Neal",
# "Smith-Jones"), and a loose name: such words and initials, one to four of them.
_LOOSE_WORD = r"[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:['’-][A-Z]?[a-z]+)*"
_LOOSE_NAME = rf"{_LOOSE_WORD}(?:[ \t]+(?:{_LOOSE_WORD}|[A-Z]\.)){{0,3}}"


@lru_cache(maxsize=1)
def _person_patterns() -> tuple[tuple[re.Pattern, ...], frozenset[str]]:
    """Where a text names a person (group "name") besides its full names: with a title before ("Cpl. Marcus
    Tyler"), "identified as", or speaking ("Tyler said"); and the titles (people.yaml)."""
    data = load_yaml("people.yaml")
    title = trie_regex({str(t) for t in data["person_titles"]})
    verb = "|".join(re.escape(str(v)) for v in data["person_verbs"])
    return (
        re.compile(rf"\b(?<!\.)(?:(?i:{title})\.?,?[ \t]+)+(?P<name>{_LOOSE_NAME})"),
        re.compile(rf"\bidentified[ \t]+(?:\w+[ \t]+){{0,3}}?as[ \t]+(?P<name>{_LOOSE_NAME})"),
        re.compile(rf"\b(?<!\.)(?<!in )(?<!at )(?<!of )(?P<name>{_LOOSE_WORD})[ \t]+(?:{verb})\b"),
    ), frozenset(str(t).lower() for t in data["person_titles"])


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    return frozenset(str(n).lower() for n in load_yaml("people.yaml")["first_names"])


def is_first_name(word: str) -> bool:
    """A common given name ("Ralph", "Bob"; people.yaml first_names): a name opening with it is a person's."""
    return word.lower() in _first_names()


@lru_cache(maxsize=256)
def person_words(text: str) -> frozenset[str]:
    """Keys (gazetteer.name_key) of the words a text uses for people ("lindsay", "tyler"): elsewhere in it, a
    bare one is that person, not a town."""
    patterns, titles = _person_patterns()
    # named in full, with an age or referred back to by the last name
    words = {name_key(w) for _, person in people_at(text) for w in person.split(",")[0].split()}
    for pattern in patterns:
        for match in pattern.finditer(text):
            for word in match.group("name").split():
                if len(word) > 2 and not word.endswith(".") and word.lower() not in titles:
                    words.add(name_key(word))
    return frozenset(words)
