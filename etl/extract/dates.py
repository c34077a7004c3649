"""Read the date of an incident from a sentence, resolved against the article's publication date.

Relative words are resolved here rather than by dateparser: with a Thursday reference it reads "on Thursday"
as the week before and cannot read "late on Wednesday" (see LIBRARY_NOTES.md); news usage is simpler:
a weekday means the most recent such day on or before publication.

    >>> find_dates("killed late on Wednesday", dt.date(2017, 3, 9))[0].date
    datetime.date(2017, 3, 8)
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from etl.extract.text import ascii_twin, plain_ascii

MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december")
MONTHS = {m: i for i, m in enumerate(MONTH_NAMES, 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
# Holidays news names for their day ("shot on Thanksgiving Day"), as (month, day); Thanksgiving (the fourth
# Thursday of November, as in the US) is reckoned. Not their seasons: "the Thanksgiving weekend" is no day.
HOLIDAYS = {"christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25), "new year's eve": (12, 31),
            "new year's day": (1, 1), "fourth of july": (7, 4), "halloween": (10, 31)}
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}

_MONTH = r"(?P<month>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"

_SOURCES = [
    ("numeric", r"\b(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<year>(?:19|20)\d\d)\b"),
    ("iso", r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
    ("day_month", rf"\b(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MONTH}(?:,?\s+{_YEAR})?\b"),
    ("month_day", rf"\b{_MONTH}\s+{_DAY}(?!\d)(?:,?\s+{_YEAR})?\b(?!\s*(?:people|killed|dead|soldiers))"),
    ("month_year", rf"\b{_MONTH}\s+(?:of\s+)?{_YEAR}\b"),
    ("weekday", rf"\b(?:(?:late|early)\s+)?(?:on\s+)?(?:last\s+)?{_WEEKDAY}(?:'s)?(?:\s+(?:night|morning|evening|afternoon))?\b"
                rf"(?!,?\s+(?:the\s+)?(?:\d|{_MONTH[10:-4]}))"),
    ("relative", r"\b(?P<rel>the\s+day\s+before\s+yesterday|yesterday|today|tonight|this\s+morning|this\s+afternoon"
                 r"|this\s+evening|earlier\s+today|last\s+night|overnight|(?P<ago>\w+)\s+(?P<unit>day|week)s?\s+ago"
                 r"|last\s+week|earlier\s+this\s+week|this\s+week|earlier\s+this\s+month|this\s+month|last\s+month)\b"),
    ("holiday", r"\b(?P<holiday>(?<=\bon\s)christmas(?!\s+(?:eve|day))|christmas\s+(?:eve|day)|new\s+year['’]s\s+(?:eve|day)"
                r"|fourth\s+of\s+july|halloween|thanksgiving(?:\s+day)?)\b(?!\s+(?:weekend|holidays?|break|week|season))"),
    ("in_month", rf"\bin\s+(?:early\s+|late\s+|mid-?)?{_MONTH}\b(?!\s+\d)"),
]
# Words one of which every match of a pattern contains (lower-cased): on an ASCII sentence with none of them the
# pattern, tried at every position, need not run. (Unicode case folding may match other letters: not used there.)
_MONTH_STEMS = tuple(m[:3] for m in MONTH_NAMES)
_NEEDS = {"numeric": ("/",), "iso": ("-",), "day_month": _MONTH_STEMS, "month_day": _MONTH_STEMS,
          "month_year": _MONTH_STEMS, "in_month": _MONTH_STEMS, "weekday": ("day",),
          "relative": ("yesterday", "today", "tonight", "this", "last", "overnight", "ago"),
          "holiday": ("christmas", "year", "july", "halloween", "thanksgiving")}
# (kind, pattern, its ASCII twin, the words it needs)
_PATTERNS = [(name, rx, ascii_twin(rx), _NEEDS[name]) for name, rx in [(n, re.compile(s, re.I)) for n, s in _SOURCES]]
_RANGE_END = re.compile(r"\b(?:until|till|through|to|lasted|continued|ended)\s+(?:on\s+)?$", re.I)
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "a": 1}


@dataclass(frozen=True)
class DateMention:
    date: dt.date
    precision: str   # day | week | month | year
    phrase: str
    start: int
    end: int


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _infer_year(month: int, day: int, published: dt.date | None) -> dt.date | None:
    """A date written without its year is the latest such date not after publication."""
    if published is None:
        return None
    d = _safe(published.year, month, day)
    if d is None or d > published:
        d = _safe(published.year - 1, month, day)
    return d


def _holiday(name: str, published: dt.date) -> dt.date:
    """The latest day of the holiday on or before publication."""
    for year in (published.year, published.year - 1):
        if name.startswith("thanksgiving"):
            first = dt.date(year, 11, 1)
            day = first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
        else:
            day = dt.date(year, *HOLIDAYS[name])
        if day <= published:
            return day
    return day


def _resolve(kind: str, m: re.Match, published: dt.date | None) -> tuple[dt.date, str] | None:
    g = m.groupdict()
    if kind == "numeric":
        a, b, y = int(g["a"]), int(g["b"]), int(g["year"])
        d = _safe(y, a, b) or _safe(y, b, a)  # US month/day first, as GTD writes it
        return (d, "day") if d else None
    if kind == "iso":
        d = _safe(int(g["year"]), int(g["month"]), int(g["day"]))
        return (d, "day") if d else None
    if kind in ("day_month", "month_day"):
        month, day = MONTHS[g["month"].lower().rstrip(".")], int(g["day"])
        d = _safe(int(g["year"]), month, day) if g.get("year") else _infer_year(month, day, published)
        return (d, "day") if d else None
    if kind == "month_year":
        return dt.date(int(g["year"]), MONTHS[g["month"].lower().rstrip(".")], 1), "month"
    if kind == "in_month":
        if published is None:
            return None
        month = MONTHS[g["month"].lower().rstrip(".")]
        year = published.year if month <= published.month else published.year - 1
        return dt.date(year, month, 1), "month"
    if published is None:
        return None
    if kind == "holiday":
        return _holiday(re.sub(r"\s+", " ", g["holiday"].lower().replace("’", "'")), published), "day"
    if kind == "weekday":
        back = (published.weekday() - WEEKDAYS[g["weekday"].lower()]) % 7
        if re.search(r"\blast\b", m.group(0), re.I) and back == 0:
            back = 7
        return published - dt.timedelta(days=back), "day"
    rel = re.sub(r"\s+", " ", g["rel"].lower())
    if g.get("ago"):
        n = _NUMBERS.get(g["ago"].lower()) or (int(g["ago"]) if g["ago"].isdecimal() and len(g["ago"]) <= 5 else None)
        if not n:
            return None
        if g["unit"].lower() == "week":  # "two weeks ago": that week, counted back from publication like "last week"
            return published - dt.timedelta(weeks=n), "week"
        return published - dt.timedelta(days=n), "day"
    if rel in ("yesterday", "last night"):
        return published - dt.timedelta(days=1), "day"
    if rel == "the day before yesterday":
        return published - dt.timedelta(days=2), "day"
    if rel in ("today", "tonight", "this morning", "this afternoon", "this evening", "earlier today", "overnight"):
        return published, "day"
    if rel in ("last week",):
        return published - dt.timedelta(days=7), "week"
    if rel in ("this week", "earlier this week"):
        return published - dt.timedelta(days=published.weekday()), "week"
    if rel in ("this month", "earlier this month"):
        return published.replace(day=1), "month"
    if rel == "last month":
        first = published.replace(day=1) - dt.timedelta(days=1)
        return first.replace(day=1), "month"
    return None


def date_span(d: DateMention, published: dt.date | None) -> tuple[dt.date, dt.date]:
    """The first and last day a date may mean. A week or a month: its days, but a week before publication's own
    ("last week") does not run into it. "Overnight": the night that began the evening before the day it is
    counted as, so a day named for the violence nearby ("11:45 p.m. Sunday") may be either."""
    if d.precision == "week":
        end = d.date + dt.timedelta(days=6)
        this_week = published - dt.timedelta(days=published.weekday()) if published else d.date
        return d.date, min(end, this_week - dt.timedelta(days=1)) if d.date < this_week else end
    if d.precision == "month":
        return d.date, (d.date.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    if d.phrase.lower() == "overnight":
        return d.date - dt.timedelta(days=1), d.date
    return d.date, d.date


def find_dates(sentence: str, published: dt.date | None) -> list[DateMention]:
    """Every date the sentence gives, in text order, none after the publication date."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    plain = plain_ascii(sentence)
    lower = sentence.lower() if plain else ""
    for kind, rx, ascii_rx, needs in _PATTERNS:
        if plain and not any(w in lower for w in needs):
            continue
        for m in (ascii_rx if plain else rx).finditer(sentence):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            try:
                r = _resolve(kind, m, published)
            except (OverflowError, ValueError):  # off the calendar: "99999 days ago", "in May" before year 1
                r = None
            if r is None:
                continue
            taken.append((m.start(), m.end()))  # a date after publication still hides its parts ("March 2017")
            if r[0].year < 1900 or (published and r[0] > published):
                continue
            if _RANGE_END.search(sentence[max(0, m.start() - 25):m.start()]):
                continue  # "fighting that lasted until August 2": the end of a span, not the incident's date
            found.append(DateMention(r[0], r[1], m.group(0).strip(), m.start(), m.end()))
    found.sort(key=lambda d: d.start)
    return found
