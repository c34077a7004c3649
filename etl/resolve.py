"""Mentions across articles -> incidents: reports of the same event merged into one row, with the reasons.

Rules (each written once, here):
- Candidates are blocked by country and week: a mention is only compared with incidents of the same country
  code in nearby weeks, an incident being filed under every week its mentions' dates may fall in ("in July"
  is found by a report of July 30). No all-pairs pass. Dates agree when the days each mention's date precision allows
  overlap (within DATE_SLACK: only for two stated days and one place name), neither article was published before
  the other's event, and on the same day they do not name different parts of it ("Saturday morning" / "Saturday
  afternoon"). A date known only to the month or year (VAGUE_DATES) ties two reports only when they give the same
  figures (killed and wounded), of more than one casualty (a city has many lone victims a month).
- Two mentions from one article are never merged: the extractor already told them apart.
- A mention joins the best compatible incident: places agree (same name; or within EXACT_PLACE_KM for two
  exactly placed towns, within PLACE_KM when one is only "near" a place or a county, or when both name a victim of
  the same age; a county's big city standing in for the county, geo_precision admin2, ties nothing by place: the
  county is too big), event types (a protest only with a protest) and perpetrators do not contradict each other, and
  the killed figures are compatible (a toll may rise). Of several, the one repeating the killed (then the
  wounded) figure is the best.
- A follow-up (an arrest, a trial, a funeral) is dated by its own news and often placed elsewhere: a mention also
  joins an incident up to FOLLOW_UP_DAYS away when they have a person in common, given with an age by at least one
  of them (`people`), in the same state, or two such people anywhere in the country. A second index by name finds
  these, and keeps an incident that names people in memory FOLLOW_UP_DAYS longer. One surname, one age and first
  names spelled alike (NAME_LIKENESS) are one person too, among the incidents of nearby weeks (not indexed).
- Same day, same town, yet one report gives the ages of its one or two casualties and the other (of any size) gives
  only other ages (`ages`): other victims, another event.
- Counts across reports: low = lowest reported, high = highest reported, best = the most recent report's
  figure (the latest publication; ties -> the larger), never above high. Reports that contradict each other
  beyond DISPUTE_RATIO (not a rising toll) mark the incident `is_disputed`.
"""
from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import heapq
import math
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Iterator

from etl.schema import INCIDENT_COLUMNS, PROTEST

PLACE_KM = 25            # two places this close are the same place for merging (one of them only "near" a town)
EXACT_PLACE_KM = 10      # ... and when both are exact places with different names
UNDATED_DAYS = 3         # an article that dates nothing reports on the last few days before publication
DATE_SLACK = 1           # two stated days this far apart in a place of one name (time zones, "overnight"): may be one event
VAGUE_DATES = ("month", "year")  # a date this vague ties two reports only together with the same figures
FOLLOW_UP_DAYS = 730     # a report naming the same person (given with an age) may follow the event this long after
FEW_CASUALTIES = 2       # reports of this many people killed or wounded at most give the victims' ages when any
AGE_SLACK = 1            # ages a year apart may be one person's (a birthday between two reports)
NAME_LIKENESS = 0.8      # first names this alike (difflib ratio: Isabella / Izabella) with surname and age the same: one person
DISPUTE_RATIO = 0.5      # figures differing by more than half the larger one...
DISPUTE_MIN = 3          # ...and by more than this many people are a dispute
TOLL_RATIO = 4           # killed figures further apart than this factor (and DISPUTE_MIN) are other events
COMPATIBLE_EVENTS = [{"bombing", "suicide bombing", "attack"}, {"shooting", "attack", "armed clash"},
                     {"air strike", "shelling", "bombing", "attack"}, {"stabbing", "attack"},
                     {"vehicle ramming", "attack", "shooting"}, {"arson", "attack"}]
GEO_RANK = {"exact": 0, "near": 1, "admin2": 2, "admin1": 3, "country": 4, None: 5}
DATE_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, None: 4}

_CARRIED = [c.name for c in INCIDENT_COLUMNS if c.name not in (
    "incident_id", "mention_ids", "article_ids", "sources", "n_sources", "first_reported", "is_disputed",
    "merge_reasons")]


@dataclass(eq=False)  # identity: two incidents with equal fields are still two
class _Incident:
    mentions: list[dict] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    _articles: tuple[int, set[str]] = (0, set())  # (mentions counted, their articles): asked for every candidate

    @property
    def articles(self) -> set[str]:
        if self._articles[0] != len(self.mentions):
            self._articles = (len(self.mentions), {m["article_id"] for m in self.mentions})
        return self._articles[1]


# Words that qualify a place name without naming it ("Lunenburg County" is Lunenburg).
_PLACE_WORDS = r"district|province|city|county|governorate|region|area|village|town"


def _ascii(name: str | None) -> str:
    return unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode().lower()


@lru_cache(maxsize=1 << 16)  # called for both sides of every candidate pair; place names repeat
def _norm(name: str | None) -> str:
    if not name:
        return ""
    s = re.sub(r"\b(?:al|el|ar|as|ad)[- ]", "", _ascii(name))
    s = re.sub(rf"\b(?:{_PLACE_WORDS})\b", "", s)
    return re.sub(r"(.)\1", r"\1", re.sub(r"[^a-z]", "", s))


def _km(a: dict, b: dict) -> float | None:
    if None in (a.get("latitude"), a.get("longitude"), b.get("latitude"), b.get("longitude")):
        return None
    la1, lo1, la2, lo2 = map(math.radians, (a["latitude"], a["longitude"], b["latitude"], b["longitude"]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(min(1.0, math.sqrt(h)))


def _place_reason(m: dict, other: dict) -> tuple[str, bool] | None:
    """Why two mentions are in the same place, and whether they name it alike; None when they are not (or cannot
    tell)."""
    a, b = _norm(m.get("location")), _norm(other.get("location"))
    ranks = GEO_RANK[m.get("geo_precision")], GEO_RANK[other.get("geo_precision")]
    if a and b and "admin2" not in (m.get("geo_precision"), other.get("geo_precision")) and (a == b or _words(m.get("location")) <= _words(other.get("location"))
                    or _words(other.get("location")) <= _words(m.get("location"))):
        return f"same place ({other.get('location')})", True
    km = _km(m, other)
    # two towns each named exactly are the same place only when next to each other; "near" a town, or a victim
    # of the same age (a neighbourhood and its city), wider
    age = _age_in_common(m, other)
    limit = EXACT_PLACE_KM if ranks == (0, 0) and age is None else PLACE_KM
    if a and b and km is not None and km <= limit and max(ranks) <= 1:
        return f"{km:.0f} km apart" + ("" if km <= EXACT_PLACE_KM or age is None else f", a {age}-year-old in both"), False
    if not a and not b and m.get("country_code") and m.get("country_code") == other.get("country_code"):
        if m.get("admin1") and m.get("admin1") == other.get("admin1"):
            return f"same province ({m['admin1']})", False
        # no place on either side: only the same figures on the same stated day tie them together
        if (not m.get("admin1") or not other.get("admin1")) and m.get("date_phrase") and other.get("date_phrase") \
                and m.get("event_date") == other.get("event_date") and m.get("killed") == other.get("killed") \
                and m.get("wounded") == other.get("wounded"):
            return f"same country ({m['country_code']}), no place named, same day and figures", False
    return None


def _words(name: str | None) -> set[str]:
    """A place name's words, folded ("Lunenburg County" -> {"lunenburg"}); empty names never contain others."""
    words = set(re.findall(r"[a-z]+", _norm_words(name)))
    return words or {"\0"}


def _norm_words(name: str | None) -> str:
    return re.sub(rf"\b(?:al|el|ar|as|ad|{_PLACE_WORDS})\b", " ", _ascii(name))


def _states_agree(a: dict, b: dict) -> bool:
    return not a.get("admin1") or not b.get("admin1") or a["admin1"] == b["admin1"]


def _events_agree(a: str | None, b: str | None) -> bool:
    """Compatible kinds of violence; an unstated kind fits any, but a protest is no violence: it is only itself."""
    if PROTEST in (a, b):
        return a == b
    return not a or not b or a == b or any(a in g and b in g for g in COMPATIBLE_EVENTS)


def _perpetrators_agree(a: dict, b: dict) -> bool:
    pa, pb = a.get("perpetrator"), b.get("perpetrator")
    return not pa or not pb or pa == pb


def _tolls_agree(a: int | None, b: int | None) -> bool:
    if not a or not b:
        return True
    lo, hi = sorted((a, b))
    return hi - lo <= DISPUTE_MIN or hi <= lo * TOLL_RATIO


def _span(m: dict) -> tuple[dt.date, dt.date] | None:
    """The days the mention's event may have happened on, given its date precision. With no date in the text
    the publication date stands in (precision week); for merging, the event is taken to be of the last
    UNDATED_DAYS days before publication."""
    d = m.get("event_date")
    return None if d is None else _span_of(d, m.get("date_precision"), bool(m.get("date_phrase")))


@lru_cache(maxsize=1 << 16)  # called for both sides of every candidate pair
def _span_of(d: dt.date, precision: str | None, phrased: bool) -> tuple[dt.date, dt.date]:
    if precision == "day":
        return d, d
    if precision == "week" and not phrased:
        return d - dt.timedelta(days=UNDATED_DAYS), d
    if precision == "month":
        nxt = (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return d, nxt - dt.timedelta(days=1)
    if precision == "year":
        return d, d.replace(month=12, day=31)
    return d, d + dt.timedelta(days=6)


def _days_apart(sa: tuple[dt.date, dt.date] | None, sb: tuple[dt.date, dt.date] | None) -> int | None:
    """Days between two mentions' possible dates (their _spans): 0 when they overlap, None when either is undated."""
    if sa is None or sb is None:
        return None
    return max(0, (sb[0] - sa[1]).days, (sa[0] - sb[1]).days)


def _reported_before(a: dict, span_b: tuple[dt.date, dt.date]) -> bool:
    """`a` was published before the event of span `span_b` can have happened: they cannot be the same event."""
    return bool(a.get("publication_date") and a["publication_date"] < span_b[0])


def _person(entry: str) -> tuple[str, int | None]:
    """"Nicholas Lindsay, 24" -> ("nicholas lindsay", 24); "Nicholas Lindsay" -> ("nicholas lindsay", None)."""
    name, _, age = entry.partition(", ")
    return _ascii(name), int(age) if age else None


def _same_people(a: dict, b: dict) -> list[str]:
    """The people one mention gives with an age whom the other names too (at an age within a year or two: a
    follow-up may be written after a birthday)."""
    if not a.get("people") or not b.get("people"):
        return []
    ages_a = dict(map(_person, a["people"]))
    same = []
    for entry in b.get("people") or ():
        name, age = _person(entry)
        if name in ages_a and (age is not None or ages_a[name] is not None) \
                and (age is None or ages_a[name] is None or abs(age - ages_a[name]) <= 2 * AGE_SLACK):
            same.append(entry.partition(", ")[0])
        elif age is not None and any(_spelled_alike(name, other) for other, other_age in ages_a.items()
                                     if other_age == age):
            same.append(entry.partition(", ")[0])
    return same


@lru_cache(maxsize=1 << 16)
def _spelled_alike(a: str, b: str) -> bool:
    """"isabella hartley" / "izabella hartley": one surname, first names spelled alike (given the same age, one
    person); "marcus hartley" is her brother."""
    first_a, _, last_a = a.rpartition(" ")
    first_b, _, last_b = b.rpartition(" ")
    return bool(first_a and first_b) and last_a == last_b \
        and difflib.SequenceMatcher(None, first_a, first_b).ratio() >= NAME_LIKENESS


def _few(m: dict) -> bool:
    """The report gives FEW_CASUALTIES people killed or wounded at most."""
    return (m.get("killed") or 0) + (m.get("wounded") or 0) <= FEW_CASUALTIES


def _lone_casualty(m: dict) -> bool:
    """The report gives one person killed or wounded: a city has many such shootings a month."""
    return (m.get("killed") or 0) + (m.get("wounded") or 0) <= 1


def _few_with_ages(a: dict, b: dict) -> bool:
    """Both report a few casualties and give ages: the ages are likely the victims'."""
    return all(_few(m) and m.get("ages") for m in (a, b))


def _ages_differ(a: dict, b: dict) -> bool:
    """One reports a few casualties with their ages, the other gives ages too, none of them theirs: other people,
    another event."""
    return (_few(a) or _few(b)) and bool(a.get("ages") and b.get("ages")) \
        and all(abs(x - y) > AGE_SLACK for x in a["ages"] for y in b["ages"])


def _age_in_common(a: dict, b: dict) -> int | None:
    """Both report a few casualties and give an age (within AGE_SLACK) in common: the same victim, likely."""
    if not _few_with_ages(a, b):
        return None
    return next((x for x in a["ages"] for y in b["ages"] if abs(x - y) <= AGE_SLACK), None)


def _same_figures(a: dict, b: dict) -> bool:
    """Both give the same figures (killed, wounded; one left out by both is the same), and at least one."""
    figures = [(a.get(k), b.get(k)) for k in ("killed", "wounded")]
    return all(x == y for x, y in figures) and any(x is not None for x, _ in figures)


def _figures_score(a: dict, b: dict) -> float:
    """Among compatible incidents, prefer the one repeating the figures: the killed figure most (it decides
    compatibility), the wounded one less."""
    return sum(w for k, w in (("killed", 0.2), ("wounded", 0.1)) if a.get(k) is not None and a.get(k) == b.get(k))


# Words saying a report updates an earlier one: "the death toll rises to 110", "officials confirm that ..."
_UPDATE = re.compile(r"\b(?:toll|number\s+of\s+(?:dead|deaths|victims))\b[^.;]{0,80}?\b(?:rises?|rose|risen|climbs?|climbed|"
                     r"increases?|increased|reach(?:es|ed)?|jumps?|jumped|stands?\s+at|now)\b|\bconfirm(?:s|ed)?\b|"
                     r"\bupdated?\b", re.I)


def _another_days_news(a: dict, b: dict) -> bool:
    """One outlet's reports of two publication days, neither dating its event (a daily brief's "strikes kill at
    least 85 in Gaza"): each is its own day's news, unless one says it updates the other ("the toll rises to")."""
    source = a.get("source")
    return bool(source) and source != "unknown" and source == b.get("source") \
        and a.get("publication_date") != b.get("publication_date") \
        and a.get("date_precision") == b.get("date_precision") == "week" \
        and not any(_UPDATE.search(m.get("evidence") or "") for m in (a, b))


def _days_phrase(days: int) -> str:
    return "dates agree" if days == 0 else f"dates {days} day(s) apart"


def _match(m: dict, inc: _Incident) -> tuple[float, str] | None:
    """Score and reason for merging mention `m` into incident `inc`, or None when they are different events."""
    if m["article_id"] in inc.articles:
        return None
    best = None
    span = _span(m)
    for other in inc.mentions:
        other_span = _span(other)
        days = _days_apart(span, other_span)
        if days is None:
            continue
        people = _same_people(m, other)
        # one person in common and another state is a namesake; two people in common are the event's
        if people and days <= FOLLOW_UP_DAYS and (len(people) > 1 or _states_agree(m, other)) \
                and _events_agree(m.get("event_type"), other.get("event_type")):
            score = 2 + days / FOLLOW_UP_DAYS
            reason = f"{m['mention_id']} ~ {other['mention_id']}: both name {' and '.join(people)}, {_days_phrase(days)}"
            if best is None or score < best[0]:
                best = (score, reason)
            continue
        if days > DATE_SLACK or _reported_before(m, other_span) or _reported_before(other, span) \
                or _times_differ(m, other) or _ages_differ(m, other) or _another_days_news(m, other):
            continue
        found = _place_reason(m, other)
        if found is None or not _events_agree(m.get("event_type"), other.get("event_type")) \
                or not _perpetrators_agree(m, other) or not _tolls_agree(m.get("killed"), other.get("killed")):
            continue
        place, named_alike = found
        # each tolerance alone is common (a day: time zones, "overnight"; a place: two names for one spot); a day's
        # slack on a place named otherwise or on a date known only to the week, and a date vague to the month
        # without the same figures, are too little to tie two reports
        precisions = {m.get("date_precision"), other.get("date_precision")}
        if (days and (not named_alike or precisions != {"day"})) \
                or (precisions & set(VAGUE_DATES) and (not _same_figures(m, other) or _lone_casualty(m))):
            continue
        score = days + (0 if named_alike else 0.5) + (0 if m.get("event_type") == other.get("event_type") else 0.3) \
            - _figures_score(m, other)
        reason = (f"{m['mention_id']} ~ {other['mention_id']}: {place}, {_days_phrase(days)}"
                  f", event type {m.get('event_type') or '?'} / {other.get('event_type') or '?'}"
                  f", killed {m.get('killed')} / {other.get('killed')}")
        if best is None or score < best[0]:
            best = (score, reason)
    return best


# Mentions that differ in these columns are never compared (a mention looks for incidents in its own blocks
# only), so each group of mentions merges on its own: etl/stream.py re-merges only the groups that changed.
BLOCK_COLUMNS = ("country_code",)


def block_of(m: dict) -> tuple:
    return tuple(m.get(c) for c in BLOCK_COLUMNS)


# Parts of the day a date phrase may name; "Saturday morning" and "Saturday afternoon" are two events.
_PART_OF_DAY = {"morning": "morning", "dawn": "morning", "afternoon": "afternoon", "evening": "evening",
                "night": "evening", "tonight": "evening"}


def _part_of_day(m: dict) -> str | None:
    words = re.findall(r"[a-z]+", (m.get("date_phrase") or "").lower())
    return next((_PART_OF_DAY[w] for w in words if w in _PART_OF_DAY), None)


def _times_differ(a: dict, b: dict) -> bool:
    """Same stated day, different parts of it: different events."""
    pa, pb = _part_of_day(a), _part_of_day(b)
    return bool(pa and pb and pa != pb and a.get("event_date") == b.get("event_date"))


def _week(d: dt.date | None) -> int | None:
    return None if d is None else d.toordinal() // 7


# Weeks either side of a mention's week searched for incidents to join, by its date precision.
SPAN_WEEKS = {"month": 5, "year": 53}
DEFAULT_SPAN_WEEKS = 2
MAX_SPAN_WEEKS = max(DEFAULT_SPAN_WEEKS, *SPAN_WEEKS.values())


def mention_order(m: dict) -> tuple:
    """The order mentions are merged in: by event date (undated last), then mention_id."""
    return m.get("event_date") or dt.date.max, m["mention_id"]


def merge(mentions: list[dict]) -> list[_Incident]:
    """Group mentions into incidents. Deterministic: mentions are taken in (date, mention_id) order."""
    done = sorted(merge_sorted(sorted(mentions, key=mention_order)), key=lambda t: t[0])
    return [inc for _, inc in done]


def _names(inc_or_mention) -> set[str]:
    mentions = inc_or_mention.mentions if isinstance(inc_or_mention, _Incident) else [inc_or_mention]
    return {_person(p)[0] for m in mentions for p in m.get("people") or ()}


# Weeks an incident that names people stays findable by them after its last date (FOLLOW_UP_DAYS, rounded up).
FOLLOW_UP_WEEKS = -(-FOLLOW_UP_DAYS // 7)


def merge_sorted(mentions: Iterable[dict]) -> Iterator[tuple[int, _Incident]]:
    """`merge` over mentions already in `mention_order`, as a stream: yields (n, incident), n its creation
    number, as soon as no later mention can join it: its last week is further back than any mention searches
    (MAX_SPAN_WEEKS), and further back than FOLLOW_UP_WEEKS more when it names people (a follow-up finds it by
    name, through a second index). Memory holds only the incidents of the last year or so (of the last
    FOLLOW_UP_DAYS for those that name people), however long the stream."""
    blocks: dict[tuple, list[_Incident]] = defaultdict(list)
    block_weeks: list[int] = []           # heap of the weeks that have blocks
    keys_of_week: dict[int, list[tuple]] = defaultdict(list)
    by_name: dict[tuple, list[_Incident]] = defaultdict(list)  # (block, person's name) -> live incidents naming them
    live: dict[int, _Incident] = {}       # creation number -> incident that a later mention may still join
    last_week: dict[int, int] = {}        # creation number -> last week a later mention may still join it
    expiry: list[tuple[int, int]] = []    # heap of (last week, creation number); stale entries skipped
    number: dict[int, int] = {}           # id(incident) -> creation number
    created = 0
    previous = None
    for m in mentions:
        key = mention_order(m)
        if previous is not None and key < previous:
            raise ValueError(f"mentions out of order: {m['mention_id']!r} after {previous[1]!r}")
        previous = key
        week = _week(m.get("event_date"))
        if week is not None:
            horizon = week - MAX_SPAN_WEEKS  # nothing before this week can be a candidate again
            while expiry and expiry[0][0] < horizon:
                w, n = heapq.heappop(expiry)
                if last_week.get(n) == w:
                    del last_week[n]
                    inc = live.pop(n)
                    del number[id(inc)]
                    group = block_of(inc.mentions[0])
                    for name in _names(inc):
                        named = by_name[(*group, name)]
                        named.remove(inc)
                        if not named:
                            del by_name[(*group, name)]
                    yield n, inc
            while block_weeks and block_weeks[0] < horizon:
                for k in keys_of_week.pop(heapq.heappop(block_weeks)):
                    del blocks[k]
        group, names = block_of(m), _names(m)
        span = SPAN_WEEKS.get(m.get("date_precision"), DEFAULT_SPAN_WEEKS)
        candidates: dict[int, _Incident] = {}
        if week is not None:
            for w in range(week - span, week + span + 1):
                candidates.update((id(i), i) for i in blocks.get((*group, w), []))
            for name in names:
                candidates.update((id(i), i) for i in by_name.get((*group, name), []))
        scored = [(s, r, inc) for inc in candidates.values() if (sr := _match(m, inc)) for s, r in [sr]]
        if scored:
            _, reason, inc = min(scored, key=lambda t: (t[0], t[2].mentions[0]["mention_id"]))
            inc.mentions.append(m)
            inc.reasons.append(reason)
            n = number[id(inc)]
        else:
            inc = _Incident([m])
            n = created
            created += 1
            if week is None:  # undated: joins nothing, and nothing joins it
                yield n, inc
                continue
            live[n] = inc
            number[id(inc)] = n
        if week is not None:
            # filed under every week its date may fall in: "in July" is found by a report of July 30
            _, last = _span(m)
            last_w = _week(last)
            for w in range(week, last_w + 1):
                block = blocks[(*group, w)]
                if not block:
                    if w not in keys_of_week:
                        heapq.heappush(block_weeks, w)
                    keys_of_week[w].append((*group, w))
                if inc not in block:
                    block.append(inc)
            for name in names:
                named = by_name[(*group, name)]
                if inc not in named:
                    named.append(inc)
            if names or _names(inc):  # an incident names everyone its mentions name
                last_w += FOLLOW_UP_WEEKS
            if last_week.get(n, -1) < last_w:
                last_week[n] = last_w
                heapq.heappush(expiry, (last_w, n))
    for n in sorted(live):
        yield n, live[n]


def _range(mentions: list[dict], kind: str) -> dict:
    reports = [m for m in mentions if m.get(kind) is not None]
    if not reports:
        return {kind: None, f"{kind}_low": None, f"{kind}_high": None, f"{kind}_phrase": None}
    latest = max(reports, key=lambda m: (m.get("publication_date") or dt.date.min, m[kind]))
    lows = [m[f"{kind}_low"] if m.get(f"{kind}_low") is not None else m[kind] for m in reports]
    highs = [m[f"{kind}_high"] for m in reports if m.get(f"{kind}_high") is not None]
    bests = [m[kind] for m in reports]
    high = max(highs + bests) if highs else None
    best = latest[kind] if high is None else min(latest[kind], high)
    return {kind: best, f"{kind}_low": min(lows), f"{kind}_high": high, f"{kind}_phrase": latest.get(f"{kind}_phrase")}


def _disputed(mentions: list[dict]) -> bool:
    """Reports contradict each other: a report published later lowers an earlier figure by more than the
    tolerance. Reports of one day are not ordered (a building's injured beside the attack's toll, a morning and an
    evening figure): none of them lowers another, whatever order they come in."""
    for kind in ("killed", "wounded"):
        dated = [(m["publication_date"], m[kind]) for m in mentions
                 if m.get(kind) is not None and m.get("publication_date") is not None]
        for day, earlier in dated:
            for later_day, later in dated:
                drop = earlier - later
                if later_day > day and drop > DISPUTE_MIN and drop > DISPUTE_RATIO * earlier:
                    return True
    return False


def incidents(mentions: list[dict]) -> list[dict]:
    """Mentions -> incident rows, in (event_date, incident_id) order."""
    return sorted(incident_rows(merge(mentions)), key=incident_order)


def incident_order(row: dict) -> tuple:
    return row.get("event_date") or dt.date.max, row["incident_id"]


def incident_rows(merged: Iterable[_Incident]) -> Iterator[dict]:
    """One incident row per merged incident, in the order given."""
    for inc in merged:
        ms = inc.mentions
        anchor = min(ms, key=lambda m: (GEO_RANK[m.get("geo_precision")], DATE_RANK[m.get("date_precision")],
                                        m["mention_id"]))
        dated = min(ms, key=lambda m: (DATE_RANK[m.get("date_precision")], m.get("event_date") or dt.date.max))
        row = {k: anchor.get(k) for k in _CARRIED}
        for k in ("event_date", "date_precision", "date_phrase"):
            row[k] = dated.get(k)
        for k in ("perpetrator", "perpetrator_status", "perpetrator_phrase"):
            named = [m for m in ms if m.get("perpetrator")]
            row[k] = (named[0] if named else anchor).get(k)
        row["event_type"] = next((m["event_type"] for m in ms if m.get("event_type") not in (None, "attack")),
                                 anchor.get("event_type"))
        row["people"] = sorted({p for m in ms for p in m.get("people") or ()})
        row["ages"] = sorted({a for m in ms for a in m.get("ages") or ()})
        row.update(_range(ms, "killed"))
        row.update(_range(ms, "wounded"))
        # Blocking by country gives every mention the anchor's country: unmentioned only if no article names it.
        row["is_country_unmentioned"] = None if not row.get("country_code") else all(
            m.get("is_country_unmentioned") is True for m in ms)
        ids = sorted(m["mention_id"] for m in ms)
        row.update(
            incident_id="inc-" + hashlib.sha256("|".join(ids).encode()).hexdigest()[:12],
            mention_ids=ids,
            article_ids=sorted({m["article_id"] for m in ms}),
            sources=sorted({m["source"] for m in ms}),
            first_reported=min((m["publication_date"] for m in ms if m.get("publication_date")), default=None),
            is_disputed=_disputed(ms),
            merge_reasons=inc.reasons,
        )
        row["n_sources"] = len(row["sources"])
        yield row
