"""Split article text into paragraphs and sentences, keeping character offsets into the original text."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Abbreviations whose full stop does not end a sentence (titles, US state abbreviations, initials handled apart).
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "lt", "col", "gen", "sgt", "capt", "cpl", "maj", "pvt",
    "gov", "sen", "rep", "rev", "insp", "supt", "cmdr", "adm", "no", "vs", "etc", "approx", "est", "dept", "co",
    "corp", "inc", "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky", "la", "md",
    "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt",
    "wash", "wis", "wyo", "mt", "ft", "u.s", "u.k", "u.n", "a.m", "p.m",
}

# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) before whitespace, and at a line end.
# Scraped text often loses the space after a full stop ("Sunday evening.The police..."): a full stop between
# a lower-case letter and a capitalised word ends a sentence too.
# Every ending starts with one of .!?\n, matched first so that the regex engine skips to those characters
# (a pattern opening with alternatives or look-arounds is tried at every position); the look-behinds then say
# which character it was. Only the match's end is used.
_END = re.compile(r"[.!?\n](?:(?<=\n)|(?<=[.!?])[.!?]*[\"'”’)\]]*(?=\s)|(?<=[a-z][.!?])(?=[A-Z][a-z]))")

# Longer "sentences" (tables, lists, text without punctuation) are cut at a space before this many characters.
# News sentences stay far below it (the longest in seeds/ is ~450), and the rules' cost grows faster than a
# sentence's length: unbounded, one run-on line of a few thousand words takes minutes.
MAX_SENTENCE_CHARS = 2000


@dataclass(frozen=True)
class Sentence:
    index: int       # position in the article
    paragraph: int   # paragraph number (blank-line or line-break separated)
    start: int
    end: int
    text: str


def _ends_sentence(text: str, stop: int) -> bool:
    """True when the punctuation ending at `stop` closes a sentence (not 'Lt.' or 'U.S.' or 'J.')."""
    if text[stop - 1] == "\n":
        return True
    if stop < len(text) and not text[stop].isspace():
        return True  # "evening.The": the lookahead already checked a capitalised word follows
    j = stop
    while j > 0 and text[j - 1] in ".!?\"'”’)]":
        j -= 1
    k = j
    while k > 0 and (text[k - 1].isalpha() or text[k - 1] == "."):
        k -= 1
    word = text[k:j].lower()
    if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
        # "Tikrit, Salah ad-Din Prov. The" still splits when the next word starts a sentence after a line end.
        nxt = text[stop:stop + 3].lstrip()
        return not nxt[:1].islower() and word in {"etc", "est"}
    nxt = text[stop:].lstrip(" \t")
    return not nxt[:1].islower()


# The separators \x1c-\x1f are whitespace to Unicode's \s, not to ASCII's: on ASCII text the only difference
# re.ASCII makes (but for a pattern that spells a letter whose Unicode case folding is ASCII, which ascii_twin refuses).
_FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"  # İ ı ſ K: under Unicode re.I these match i, i, s, k


def plain_ascii(text: str) -> bool:
    """Whether a pattern compiled with re.ASCII finds in `text` what it finds compiled for Unicode: ASCII text
    without the separators \\x1c-\\x1f. On such text re.ASCII patterns run a quarter to a third faster (ASCII case
    folding and character classes)."""
    # (four substring tests find them several times faster than a character-class search)
    return (text.isascii() and "\x1c" not in text and "\x1d" not in text and "\x1e" not in text
            and "\x1f" not in text)


def ascii_twin(pattern: re.Pattern) -> re.Pattern:
    """`pattern` compiled with re.ASCII, for the text plain_ascii accepts."""
    if any(ch in pattern.pattern for ch in _FOLDS_TO_ASCII):
        raise ValueError(f"no ASCII twin matches as {pattern.pattern[:60]!r}... does: it spells a letter of {_FOLDS_TO_ASCII}")
    return re.compile(pattern.pattern, (pattern.flags & ~re.UNICODE) | re.ASCII)


def is_word_char(ch: str) -> bool:
    r"""\w of a regular expression, for one character ("" is none)."""
    return ch.isalnum() or ch == "_"


def not_after_word(pattern: re.Pattern, text: str, also: str = "") -> Iterator[re.Match]:
    r"""What finditer gives of `pattern` behind (?<![\w<also>]): its matches not after a word character (or one of
    `also`). A pattern that opens with that look-behind is tried at every position; `pattern` without it can
    open with the letters its matches start with, which the regex engine skips to."""
    pos = 0
    while match := pattern.search(text, pos):
        before = text[match.start() - 1:match.start()]
        if is_word_char(before) or before and before in also:
            pos = match.start() + 1          # refused here; a later match may start inside this one
            continue
        yield match
        pos = match.end()


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    paragraph = 0
    start = 0
    for m in _END.finditer(text):
        stop = m.end()
        if not _ends_sentence(text, stop):
            continue
        _add(sentences, text, start, stop, paragraph)
        if text[stop - 1] == "\n" or text.startswith("\n", stop):
            paragraph += 1
        start = stop
    _add(sentences, text, start, len(text), paragraph)
    return sentences


def _add(out: list[Sentence], text: str, start: int, stop: int, paragraph: int) -> None:
    chunk = text[start:stop]
    lead = len(chunk) - len(chunk.lstrip())
    body = chunk.strip()
    s = start + lead
    while len(body) > MAX_SENTENCE_CHARS:
        cut = body.rfind(" ", MAX_SENTENCE_CHARS // 2, MAX_SENTENCE_CHARS)
        cut = cut if cut > 0 else MAX_SENTENCE_CHARS
        head = body[:cut].rstrip()
        out.append(Sentence(len(out), paragraph, s, s + len(head), head))
        rest = body[cut:]
        s += cut + len(rest) - len(rest.lstrip())
        body = rest.strip()
    if body:
        out.append(Sentence(len(out), paragraph, s, s + len(body), body))
