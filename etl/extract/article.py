"""Article -> incident mentions: figures, date, place, perpetrator and event type, each with its evidence.

Pure: text in, Mention rows out. Sentences that report casualties are grouped into incidents (one group per
distinct date/place), and each group becomes one Mention.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from etl.extract.actors import find_perpetrator
from etl.extract.casualties import (Item, find_casualties, find_zero, is_tally, names_attacker, names_one_known,
                                    names_some_of_those)
from etl.extract.dates import DateMention, date_span, find_dates
from etl.extract.events import event_type
from etl.extract.numbers import Count, is_vague, parse_number
from etl.extract.people import ages_in, people_by_mention
from etl.extract.places import countries_in, resolve_place
from etl.extract.text import Sentence, split_sentences
from etl.resources import load_yaml
from etl.schema import PROTEST, Article, Mention

_PACKAGE = Path(__file__).resolve().parent.parent


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """Hash of the extractor's code and rule tables: a change to either invalidates cached results."""
    h = hashlib.sha256()
    for p in sorted([*(_PACKAGE / "extract").glob("*.py"), *(_PACKAGE / "resources").glob("*")]):
        if p.is_file():
            h.update(p.name.encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


_UNNAMED_PLACE = re.compile(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:village|town|hamlet|settlement|neighbou?rhood|locality)\b", re.I)
# A sentence that starts another incident even when nothing else tells it apart.
_SEPARATE = re.compile(r"^(?:in\s+(?:a\s+)?(?:another|separate|second|different|an\s+unrelated)|separately|elsewhere|"
                       r"meanwhile|in\s+other\s+(?:violence|news|attacks?)|also\s+on|earlier|later,?\s+in)\b", re.I)
# A sentence that refers back to the incident just reported.
_ANAPHORA = re.compile(r"^(?:the|that|this|those|these)\s+(?:\w+\s+){0,2}?(?:attacks?|bomb\w*|blasts?|explosions?|"
                       r"shootings?|strikes?|raids?|assault|incident|violence|fighting|clash\w*|ambush)\b|\balso\b|"
                       r"^(?:he|she|they|it|the\s+(?:victims?|dead|injured|wounded))\b", re.I)
# "This was one of four coordinated attacks ...": the article's incident is one of N linked incidents.
_ONE_OF = re.compile(r"\bone\s+of\s+(?P<n>\w+)\s+(?:[\w-]+\s+){0,3}?(?:attacks|incidents|assaults|events|bombings|"
                     r"raids|strikes|ambushes|clashes|explosions)\b", re.I)
# "... were killed across the four attacks": the figure is the total of all the linked incidents.
_ACROSS = re.compile(r"\b(?:across|in\s+total|combined|altogether)\b"
                     r"|\b(?:in|during)\s+(?:the|these|those|both|all)\s+(?:\w+\s+)?(?:attacks|incidents|assaults|events)\b", re.I)
# A coder's note that a total is shared: "Fatalities split between 2 events", "coded as 10 and spread between
# 3 locations", "killed across the two attacks" (but "split across 2 events (5)" gives this event's own figure).
_SPLIT = re.compile(r"\b(?:(?:split|spread|distributed|divided|coded)\s+(?:up\s+|out\s+)?(?:evenly\s+)?(?:between|across|among|over)"
                    r"|across)\s+(?:the\s+|these\s+|all\s+)?(?P<n>\w+)\s+(?:separate\s+|linked\s+|related\s+)?"
                    r"(?:events|locations|days|attacks|incidents|assaults|areas)\b(?!\s*\(\d)", re.I)
_REPORTER = re.compile(
    r"\baccording\s+to\s+(?P<a>(?:the\s+)?(?:[A-Z][\w'’.-]+(?:\s+(?:for|of|and|on|the|[A-Z][\w'’.-]+))*)|"
    r"(?:local\s+|police\s+|security\s+|hospital\s+|health\s+|medical\s+)?(?:officials|police|sources|witnesses|medics))"
    r"|(?P<b>(?:[A-Z][\w'’-]+\s+){0,3}(?:officials|police|authorities|ministry|sources|monitor|spokesman|spokesperson|agency))"
    r"\s+(?:said|says|reported|told|confirmed)\b")


@lru_cache(maxsize=1)
def _violence_rules() -> dict[str, re.Pattern]:
    return {k: re.compile(rf"\b(?:{'|'.join(words)})\b", re.I) for k, words in load_yaml("violence.yaml").items()}


def _reports_violence(text: str) -> bool:
    """The sentence reports violence done (not threatened, planned, hypothetical or protested against):
    violence.yaml."""
    rules = _violence_rules()
    return bool(rules["riot"].search(text) or rules["done"].search(text) and not any(
        rules[k].search(text) for k in ("not_done", "hypothetical", "protest")))


def _reports_protest(text: str) -> bool:
    """The sentence reports a protest held (not threatened or planned, and no attack): violence.yaml."""
    rules = _violence_rules()
    return bool((rules["protest"].search(text) or rules["protest_acts"].search(text))
                and not rules["not_done"].search(text) and not rules["attack_signs"].search(text))


@dataclass
class _Group:
    sentences: list[Sentence] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    date: DateMention | None = None
    countries: set[str] = field(default_factory=set)

    @property
    def last(self) -> int:
        return self.sentences[-1].index


def extract_article(article: Article) -> list[Mention]:
    text = article.text or ""
    sentences = split_sentences(text)
    given = article.publication_date
    # relative dates ("on Sunday") count back from the day the page itself gives, when well before the date given
    article = replace(article, publication_date=_page_date(sentences, given))
    groups = _group(sentences, article)
    found = _without_recalled([(g, m) for g in groups if (m := _mention(g, sentences, article)) is not None], sentences)
    mentions = _without_background(found, article.publication_date)
    for n, m in enumerate(mentions, 1):
        m.mention_id = f"{article.article_id}#{n}"
    if not mentions:
        # An attack reported without casualty figures is still an incident (GTD codes such attacks too), and so
        # is one whose reported deaths a coder's note sets to zero: one row, for the first such group or
        # sentence, its counts left as stated (zero) or unknown. Failing violence, a protest held is an event
        # (ACLED codes protests): one row of type "protest".
        g = next((g for g in groups if any(i.count.best for i in g.items)), None)
        protest = None
        if g is None:
            first = next((s for s in sentences if _reports_violence(s.text) and not is_tally(s.text)), None)
            if first is None:
                first = protest = next((s for s in sentences if _reports_protest(s.text)), None)
            if first is not None:
                g = _Group(sentences=[first], date=next(iter(find_dates(first.text, article.publication_date)), None))
        m = _mention(g, sentences, article, uncounted=True) if g is not None else None
        if m is not None:
            m.mention_id = f"{article.article_id}#1"
            if protest is not None:
                m.event_type = PROTEST
            mentions.append(m)
    for m in mentions:
        m.publication_date = given  # the article's, whatever date its relative dates counted from
    _flag_unnamed_countries(mentions, article)
    for m, people in zip(mentions, people_by_mention(text, [m.evidence_start for m in mentions])):
        m.people, m.ages = people, ages_in(m.evidence)
    return mentions


# An incident dated this long before the article is news only when the article reports nothing more recent.
BACKGROUND_DAYS = 365


_ORDINAL = r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"
# A sentence placing the news in a series of incidents over a few days, those then recalled after it: "Sunday's
# attack marks the fourth shooting in nine days", "He was the second teen hurt within the past month", "The
# shooting follows two others over the weekend" (not a count of the year: "the city's 14th homicide this year")
_SERIES = re.compile(
    rf"\b(?:marks?|marked|is|was|becomes|became)\s+the\s+(?:[\w-]+['’]s\s+)?{_ORDINAL}\b[^.;]{{0,80}}?"
    r"\b(?:(?:in|within|over)\s+(?:the\s+)?(?:(?:past|last|span\s+of|just\s+over|little\s+more\s+than|about|nearly|"
    r"less\s+than|a\s+matter\s+of)\s+)?(?:a|an|as\s+many|\w+|\d+)\s+(?:hours?|days?|weeks?|months?)"
    r"|this\s+(?:week|weekend|month))\b"
    r"|\b(?:follows|followed|comes\s+after|came\s+after|on\s+the\s+heels\s+of)\s+(?:a|an|another|two|three|four|"
    r"five|several|\d+)\s+(?:[\w-]+\s+){0,2}?(?:shootings?|homicides?|killings?|incidents?|attacks?|murders?|stabbings?|"
    r"others)\b", re.I)


def _without_recalled(found: list[tuple[_Group, Mention]], sentences: list[Sentence]) -> list[tuple[_Group, Mention]]:
    """Leave out the incidents told after a sentence placing the news in a series ("marks the fourth shooting in nine
    days", "follows two others") and dated before the news (the incident told last before that sentence): the series
    recalled, each of its incidents reported in its own time. One told after it on the news's day or later stays
    (the news told on)."""
    if len(found) < 2:
        return found
    out = found
    # (only a sentence after the first incident's start and before the last one's can recall any)
    for s in sentences[found[0][0].sentences[0].index: found[-1][0].sentences[0].index]:
        if not _SERIES.search(s.text):
            continue
        news = [m for g, m in out if g.sentences[0].index <= s.index]
        if not news or news[-1].event_date is None:
            continue
        day = news[-1].event_date
        out = [(g, m) for g, m in out if g.sentences[0].index <= s.index or m.event_date is None or m.event_date >= day]
    return out


def _without_background(found: list[tuple[_Group, Mention]], published) -> list[Mention]:
    """Leave out incidents the text dates to a month or year over BACKGROUND_DAYS before publication when its
    own sentences date another to a recent day: a past attack recalled for context ("he killed the senator in
    June 1968") is not a new row. An old incident dated to the day stays (an archive page lists its cases so),
    and an incident dated only by its context is no evidence of a recent one (a trial story restates its old
    shooting beside the day of the verdict)."""
    def background(m: Mention) -> bool:
        return m.date_precision in ("month", "year") and (published - m.event_date).days > BACKGROUND_DAYS

    if published is None or not any(g.date and m.date_precision == "day" and
                                     (published - m.event_date).days <= BACKGROUND_DAYS for g, m in found):
        return [m for _, m in found]
    return [m for _, m in found if not background(m)]


PAGE_HEAD_SENTENCES = 10  # where a page's own "Posted:" / "Updated:" line is looked for
PAGE_DATE_SLACK = 2       # days a page's own date may precede the publication date given before it counts
_WITH_YEAR = re.compile(r"\d{4}|\d/\d{2}\b")


def _page_date(sentences: list[Sentence], given):
    """The page's own date ("Updated: 01/26/2015") when it is over PAGE_DATE_SLACK days before the publication
    date given (a page crawled or re-published years later); else the date given. Only a date with its year:
    "UPDATED May 15" on a page given as May 13 is a later update, not last year's."""
    if given is None:
        return given
    for s in sentences[:PAGE_HEAD_SENTENCES]:
        label = _PAGE_DATE_LINE.search(s.text)
        if label:
            days = [d.date for d in find_dates(s.text[label.end():], given)
                    if d.precision == "day" and _WITH_YEAR.search(d.phrase)]
            if days and (given - days[0]).days > PAGE_DATE_SLACK:
                return days[0]
    return given


def _group(sentences: list[Sentence], article: Article) -> list[_Group]:
    groups: list[_Group] = []
    opening: dict[int, Sentence] = {}  # each paragraph's first sentence
    for s in sentences:
        opening.setdefault(s.paragraph, s)
        items = _casualties(s)
        if not items or _other_headline(s, sentences) or _CAPTION_BOX.match(opening[s.paragraph].text):
            continue
        if s.index and all(names_some_of_those(i) for i in items) and is_tally(sentences[s.index - 1].text):
            continue  # "This week alone, three teens were shot. Two of the victims died.": some of a tally's people
        dates = _event_dates(s.text, article.publication_date)
        date = dates[0] if dates else None
        countries = countries_in(s.text)
        g = groups[-1] if groups else None
        if g and date and g.date and _died_after(s.text, date, g.date.date) and s.index - g.last <= 2:
            date = None  # "He died Sunday" of people shot on a day just told: the death day does not date the incident
        if g and _joins(g, s, date, countries):
            target = g
        else:
            target = next((h for h in groups if date and h.date and h.date.date == date.date
                           and countries and countries == h.countries and not _SEPARATE.search(s.text)), None)
        if target is None:
            target = _Group()
            groups.append(target)
        target.sentences.append(s)
        target.items.extend(items)
        target.date = target.date or date
        target.countries |= countries
    return groups


HEADLINE_SENTENCES = 3  # the page's own headline (and its repeat) comes within this many sentences
_TITLE_WORD = re.compile(r"[A-Za-z][\w'’-]*")
# a sentence's full stop, not an abbreviation's at a title's end ("Mother, Son Killed in R.I.")
_FULL_STOP_END = re.compile(r"(?<!\b[A-Z]\.[A-Z])\.\s*$")


def _other_headline(s: Sentence, sentences: list[Sentence]) -> bool:
    """A headline in title case further down the page ("Teen Dies After Crash On Route 9") is another story's,
    linked from this one: its figures are not this article's."""
    if s.index < HEADLINE_SENTENCES or _FULL_STOP_END.search(s.text) \
            or any(s.text == x.text for x in sentences[:HEADLINE_SENTENCES]):
        return False
    words = _TITLE_WORD.findall(s.text)
    long = [w for w in words if len(w) > 3]  # (short words stay lower case in a title: "in", "of", "at")
    return len(words) >= 4 and bool(long) and all(w[0].isupper() for w in long) \
        and not all(w.isupper() for w in long)  # (all capitals: a transcript, not a title)


# A news site's video box: a paragraph opening with "Caption" and a title ("Caption Triple homicide under
# investigation ... (credit) Caption ..."), listing other stories' clips: its figures are not the article's.
_CAPTION_BOX = re.compile(r"Caption\s+(?-i:[A-Z0-9])")


def _casualties(s: Sentence) -> list[Item]:
    """Casualty items of a sentence, read once per sentence text (grouping and counting both need them, and
    stock sentences recur across articles)."""
    return _casualties_in(s.text)


_casualties_in = lru_cache(maxsize=4096)(find_casualties)


def _joins(g: _Group, s: Sentence, date: DateMention | None, countries: set[str]) -> bool:
    """Does sentence `s` continue the incident of group `g`?"""
    if _SEPARATE.search(s.text):
        return False
    if date and g.date and date.date != g.date.date and not _within(date, g.date) and not _within(g.date, date):
        return False
    if countries and g.countries and not countries & g.countries:
        return False
    near = s.index - g.last <= 2
    # ("Police said the teen died Thursday": the one person named by "the" is one of those just reported)
    if near and (_ANAPHORA.search(s.text) or any(names_one_known(i) for i in _casualties(s))):
        return True
    # Far away or naming a different place: the same incident only if the text gives nothing new.
    return not date and not countries or near and not _own_place(s, g)


def _within(day: DateMention, month: DateMention) -> bool:
    """A day that falls in a month the text names ("A woman hurt in a shooting earlier this month has since died" ... "one
    of five people injured ... on Nov. 2"): the same time told more and less precisely."""
    first, last = date_span(month, None)
    return month.precision == "month" and day.precision == "day" and first <= day.date <= last


def _own_place(s: Sentence, g: _Group) -> bool:
    mine = _sentence_place(s.text)
    theirs = {_sentence_place(x.text) for x in g.sentences}
    return bool(mine) and mine not in theirs


@lru_cache(maxsize=4096)
def _sentence_place(text: str) -> str | None:
    return resolve_place(text).location


def _sum(counts: list[Count | None]) -> Count | None:
    counts = [c for c in counts if c]
    if not counts:
        return None
    low = sum(c.low for c in counts) if all(c.low is not None for c in counts) else None
    high = sum(c.high for c in counts) if all(c.high is not None for c in counts) else None
    return Count(best=sum(c.best for c in counts), low=low, high=high, phrase="; ".join(c.phrase for c in counts))


# The text calls the violence an attempt at suicide ("an attempted murder-suicide", "a suicide attempt"): one who
# "turned his rifle on himself" (an "attacker" reading of casualties.py, the only one with "turn") is not told dead.
_ATTEMPTED_SUICIDE = re.compile(r"\battempted\s+(?:murder[-\s]+)?suicide|\bsuicide\s+(?:attempt|try|bid)", re.I)
_TURNED_ON = re.compile(r"\bturn(?:ed|ing|s)?\b", re.I)


def _mention(g: _Group, sentences: list[Sentence], article: Article, uncounted: bool = False) -> Mention | None:
    text = article.text
    per_sentence = {s.index: _casualties(s) for s in g.sentences}
    if any(_ATTEMPTED_SUICIDE.search(s.text) for s in sentences[max(0, g.sentences[0].index - 2): g.last + 3]):
        # "shot his brother and then turned his rifle on himself ... the attempted murder-suicide": he was shot,
        # not told dead
        per_sentence = {k: [replace(i, kind="hit") if i.kind == "killed" and _TURNED_ON.search(i.phrase) else i
                            for i in items] for k, items in per_sentence.items()}
    killed = _combine_tagged(per_sentence, "killed")
    wounded = _combine_tagged(per_sentence, "wounded")
    hits = _combine_tagged(per_sentence, "hit")
    # people shot, some outcomes unstated: those not reported dead were wounded ("Five men were shot ... one
    # died ... three suffered non-life-threatening injuries": four wounded); a figure of people shot far above
    # the outcomes stated is about something else ("12 people were shot in the city this weekend"), unless it
    # numbers this incident's victims ("a fourth victim was grazed")
    # (the dead among them: not one who turned the gun on himself, whom nobody else shot: "killed a clerk ... and then
    # killed himself ... three people had been shot": two wounded; but "a boy accidentally shot himself ... He died"
    # is one of those shot)
    shot_self = any(i.kind == "hit" and _key(i) == "<self>" for items in per_sentence.values() for i in items)
    killed_self = any(i.kind == "killed" and _key(i) == "<self>" for items in per_sentence.values() for i in items)
    shot_dead = killed if shot_self or not killed_self else _combine_tagged(
        {k: [i for i in items if not (i.kind == "killed" and _key(i) == "<self>")] for k, items in per_sentence.items()},
        "killed")
    dead = shot_dead.best if shot_dead else 0
    told = dead + (wounded.best if wounded else 0)
    numbered = hits is not None and any(i.kind == "hit" and i.numbered and i.count.best == hits.best
                                        for items in per_sentence.values() for i in items)
    # ("two other gunshot victims were treated and released" after the dead, "shot his daughter and killed her
    # mother": others than those, none of them dead)
    others = hits is not None and all(i.other or _beside_one_dead(i, items)
                                      for items in per_sentence.values() for i in items if i.kind == "hit")
    if hits and (wounded is None or told < hits.best and (hits.best <= 2 * told or numbered)):
        rest = hits.best - (0 if others else dead)
        if rest > 0:
            wounded = Count(best=rest, low=rest if hits.low is not None else None,
                            high=rest if hits.high is not None else None, phrase=hits.phrase)
    wounded = _less_the_dead(per_sentence, wounded, killed)
    wounded = _less_the_numbered_dead(per_sentence, wounded, killed, hits)
    first, last = g.sentences[0], g.sentences[-1]
    window = sentences[max(0, first.index - 2): last.index + 3]
    zeros = set().union(*(find_zero(s.text) for s in window))
    if killed is None and "killed" in zeros:
        killed = Count(0, 0, 0, "no deaths reported")
    if wounded is None and "wounded" in zeros:
        wounded = Count(0, 0, 0, "no injuries reported")
    if not uncounted and not (killed and killed.best) and not (wounded and wounded.best):
        return None
    linked = _linked_incidents(g, window, text)
    if linked:
        killed, wounded = _share(killed, linked), _share(wounded, linked)

    event = _joined(g.sentences)
    paragraph = [s for s in sentences if s.paragraph in {x.paragraph for x in g.sentences}]
    context = _joined(paragraph if len(paragraph) > len(g.sentences) else window)
    date = _made_precise(g.date or _context_date(g, sentences, article), g, sentences, article.publication_date)
    # Nearby sentences may name the place; but when the incident's own sentences say it happened in an
    # unnamed place ("a northern Syrian village"), a town named nearby is not it.
    place = resolve_place(event, "" if _UNNAMED_PLACE.search(event) else context, text, article.title or "")
    who = find_perpetrator(event, _joined(window), text)
    reporter = _reporter(" ".join(s.text for s in sentences[first.index: last.index + 2]))

    m = Mention(
        article_id=article.article_id,
        source=article.publisher or "unknown",
        reported_by=reporter,
        publication_date=article.publication_date,
        event_date=date.date if date else article.publication_date,
        date_precision=date.precision if date else ("week" if article.publication_date else None),
        date_phrase=date.phrase if date else None,
        perpetrator=who.perpetrator,
        perpetrator_status=who.status,
        perpetrator_phrase=who.phrase,
        event_type=event_type(event) or event_type(context),
        evidence=text[first.start:last.end],
        evidence_start=first.start,
        evidence_end=last.end,
        location=place.location, admin1=place.admin1, country=place.country, country_code=place.country_code,
        latitude=place.latitude, longitude=place.longitude, geo_precision=place.geo_precision,
        location_phrase=place.phrase,
    )
    for kind, c in (("killed", killed), ("wounded", wounded)):
        if c is not None:
            setattr(m, kind, c.best)
            setattr(m, f"{kind}_low", c.low)
            setattr(m, f"{kind}_high", c.high)
            setattr(m, f"{kind}_phrase", c.phrase)
    return m


# a death told of someone already counted, or of a share of those counted ("he died", "one of them died", "one
# fatally"), by its noun whose victim is told again ("the murder of a girl shot in a drive-by"), or of one who shot
# himself
_ONE_OF_THOSE = re.compile(r"^(?:he|she|they|him|her|them|one|two|three)\b(?!\s+(?:man|woman|person|boy|girl))"
                           r"|\bof\s+(?:them|whom|those|these|the)\b|\bfatally$"
                           r"|\b(?:murder|death|killing|slaying|homicide)\s+of\b|\b(?:himself|herself)\b", re.I)
# one shot told by a pronoun is someone already counted ("a boy has died after he was shot")
_HE_OR_SHE = re.compile(r"^(?:he|she|they)\b|\b(?:himself|herself)\b", re.I)


def _beside_one_dead(hit: Item, items: list[Item]) -> bool:
    """One person shot, and one other person killed in the same sentence: "shot his daughter and killed her mother"
    (but "A man was shot and he died", "Two were shot and one of them died", "A boy has died after he was shot": the
    dead is of those shot; a title-case headline's "Shooting" is no one)."""
    return hit.count.best == 1 and not _HE_OR_SHE.search(hit.phrase) and not hit.phrase.istitle() and any(
        j.kind == "killed" and j.count.best == 1 and (j.end <= hit.start or hit.end <= j.start)
        and not j.fallback  # (a death told only by a charge or an inquiry names no one else: "charged with murder")
        and not _ONE_OF_THOSE.search(j.phrase) and not names_attacker(j.phrase)
        for j in items)


def _joined(sentences: list[Sentence]) -> str:
    """Sentences as the text has them: a paragraph break stays a break ("... in Chattanooga" and "Chattanooga
    Police are investigating" are not one name "Chattanooga Chattanooga")."""
    out = []
    for prev, s in zip([None, *sentences], sentences):
        if prev is not None:
            out.append("\n\n" if s.paragraph != prev.paragraph else " ")
        out.append(s.text)
    return "".join(out)


def _linked_incidents(g: _Group, window: list[Sentence], text: str) -> int | None:
    """N when the figures are totals across N linked incidents of which this is one: a coder's note says so
    near the figures, or the figures are said to be "across" the attacks of an article that calls this
    incident "one of N attacks". Incident datasets code each incident with its share."""
    notes = (_SPLIT.search(s.text) for s in window)
    m = next((x for x in notes if x and parse_number(x.group("n"))), None)
    if m is None and any(_ACROSS.search(s.text) for s in g.sentences):
        m = _ONE_OF.search(text)
    n = parse_number(m.group("n")) if m else None
    return n if n and n > 1 else None


def _share(c: Count | None, n: int) -> Count | None:
    """One incident's share of a total across n incidents: the total divided evenly, rounded half up (GTD's
    convention); at most the whole total, at least nothing."""
    if c is None or not c.best:
        return c
    return Count(best=(c.best + n // 2) // n, low=0, high=c.high,
                 phrase=f"{c.phrase} (a total across {n} linked incidents)")


def _combine_tagged(per_sentence: dict[int, list[Item]], kind: str) -> Count | None:
    """Incident figure: the largest one-sentence total (restatements don't add up), or the largest run of a
    figure continued by "N others" / "another" if larger, plus additions ("also", attackers); a party's claim of
    another figure beside it widens its range ("Rebels claim ... killing over 400 people ... journalists confirm at
    least 30 dead": 30, low 30, high 400)."""
    told = _combine_told(per_sentence, kind)
    claims = [i.count for items in per_sentence.values() for i in items if i.kind == kind and i.claim]
    if told is None or not claims or all(i.fallback for items in per_sentence.values() for i in items if i.kind == kind) \
            or all(c.best == told.best for c in claims):
        return told  # (claims alone are the figure: "the group claims it killed 15")
    low = min(c.low if c.low is not None else c.best for c in [told, *claims])
    high = max(c.high if c.high is not None else c.best for c in [told, *claims])
    return Count(told.best, low, high, f"{told.phrase} (claimed: {'; '.join(c.phrase for c in claims)})")


def _combine_told(per_sentence: dict[int, list[Item]], kind: str) -> Count | None:
    """_combine_tagged without the widening by claims."""
    final = [i for items in per_sentence.values() for i in items if i.kind == kind and i.final]
    if final:  # the text states the total outright
        return _phrased(final[-1])
    # a party's claim of a toll ("the group claimed 190 were dead"), a death told only as "a homicide": the figure
    # only when nobody else gives one
    if any(i.kind == kind and not i.fallback for items in per_sentence.values() for i in items):
        per_sentence = {k: [i for i in items if not (i.kind == kind and i.fallback)] for k, items in per_sentence.items()}
    # a vague word ("the gunman hurt several people") only when no number is given ("one person was injured"); one
    # that adds to the number still adds, in its sentence or after it ("eight children are killed ... the attack
    # also leaves several adults dead", "Six officers are killed. Dozens of militants are also killed.")
    if any(i.kind == kind and not is_vague(i.count) for items in per_sentence.values() for i in items):
        per_sentence = {k: [i for i in items if not (i.kind == kind and is_vague(i.count) and not i.additive and not any(
            j.kind == kind and not is_vague(j.count) for j in items))] for k, items in per_sentence.items()}
    run: Count | None = None             # the latest figure with the "others" that continue it
    longest: Count | None = None
    extra: list[Count] = []
    seen: set[str] = set()
    # a death only implied ("a suicide bomber detonated") counts when the text reports no attacker's death itself
    stated = any(i.kind == kind and i.additive and not i.implied for items in per_sentence.values() for i in items)
    per_sentence = {k: [i for i in items if not (i.implied and stated)] for k, items in per_sentence.items()}
    before: set[str] = set()             # kinds of the figures of the sentence just before
    told = False                         # a figure of any kind told in an earlier sentence
    for index, items in per_sentence.items():
        if index - 1 not in per_sentence:
            before = set()
        parts: dict[str, Count] = {}  # by phrase: a headline pasted twice into one run-on "sentence" counts once
        more: list[Count] = []
        # a self-inflicted death is one more of the deaths its sentence reports ("killed two people and then
        # himself"); alone in its sentence, it adds to the incident's figure only as its attacker's ("the gunman
        # then killed himself"), else it is the one death ("a man shot himself dead"), which another sentence's
        # figure may count already ("found the girl and her father dead"); told again beside others, he is among
        # them ("believed Smith had died ... now believe he took his own life")
        others = any(j.kind == kind and not j.additive and not j.other and _key(j) != "<self>" for j in items)
        for i in (i for i in items if i.kind == kind):
            key = _key(i)
            if key == "<self>":
                if not others and i.additive and key not in seen:
                    extra.append(_phrased(i))
                elif not (others and key in seen):
                    parts.setdefault(key, _phrased(i))
            # "two other policemen were killed" continues policemen killed in the sentence before; "four others
            # wounded" after the dead (in its sentence or the one before), or with no figure of its kind just
            # before, stands alone
            elif i.other and run is not None and kind in before and not any(
                    j.kind != kind and j.start < i.start for j in items):
                if key not in seen:   # a headline repeated in the text continues nothing
                    more.append(_phrased(i))
            elif not i.additive or not told and _first_in(i, items) and _of_victims(i):
                # (an addition with nothing told before it adds to nothing: the headline "Two deputies also wounded
                # at county fair" gives the figure of its own story)
                # one sentence giving a figure twice ("Seven people injured ... injured seven male victims"); the
                # price: "2 soldiers were killed and 2 civilians were killed" reads 2 (a chain, "2 soldiers and 2
                # civilians were killed", still reads 4)
                same = any(p.best == i.count.best > 1 for p in parts.values())
                if not same:
                    parts.setdefault(key, _phrased(i))
            elif parts and _of_victims(i):
                # "wounded two children ... and also wounded an 18-year-old": more of the sentence's own figure
                parts.setdefault(key, _phrased(i))
            elif key not in seen and run is not None and kind in before and _first_in(i, items) and _of_victims(i):
                # "a teller who was wounded ... A customer was also wounded": more of the figure just told, which an
                # earlier total may count already ("killed two guards and wounded two more people")
                more.append(_phrased(i))
            elif key not in seen:  # a headline repeated in the text adds nothing
                extra.append(_phrased(i))
            seen.add(key)
        total = _sum(list(parts.values()))
        if total:
            run = total
        if more:
            run = _sum([run, *more])
        if run and (longest is None or run.best > longest.best):
            longest = run
        before = {i.kind for i in items}
        told = told or bool(items)
    # "Six people were shot ... X was also shot ... all six people who were shot": the one added is among the six
    # (all of those shot, said to live, are all of those hit: "all five of those shot should survive")
    kinds = {kind, "wounded"} if kind == "hit" else {kind}
    whole = [i.count.best for items in per_sentence.values() for i in items if i.kind in kinds and i.whole]
    if extra and longest and longest.best in whole:
        return longest
    return _sum([longest, *extra])


_HIMSELF = re.compile(r"\b(?:himself|herself)\b", re.I)


def _of_victims(i: Item) -> bool:
    """The figure counts victims: not attackers or suspects, nor one who did it to himself."""
    return not (names_attacker(i.phrase) or _HIMSELF.search(i.phrase))


def _first_in(i: Item, items: list[Item]) -> bool:
    """No figure of its sentence comes before the item."""
    return not any(j.start < i.start for j in items)
_DIED_SINCE = re.compile(r"\b(?:has|have|had)\s+(?:since\s+|now\s+)?died|\blater\s+died|\bsuccumbed", re.I)


def _less_the_dead(per_sentence: dict[int, list[Item]], wounded: Count | None, killed: Count | None) -> Count | None:
    """The wounded a sentence gives beside the dead, where the incident's figure of wounded is those and the dead
    together: "Five people were wounded" early on, "1 killed, 4 wounded" once one of them died."""
    # the figure given alone, in a sentence reporting no deaths ("five others were injured" after the dead counts
    # others than those)
    alone = wounded is not None and any(
        i.kind == "wounded" and i.count.best == wounded.best and not (i.other or i.additive)
        and not any(j.kind == "killed" for j in items) for items in per_sentence.values() for i in items)
    for items in per_sentence.values() if alone else ():
        dead = _combine_tagged({0: items}, "killed")
        hurt = _combine_tagged({0: items}, "wounded")
        if dead and hurt and dead.best and hurt.low == hurt.best == hurt.high \
                and hurt.best + dead.best == wounded.best:
            return hurt
    # every death told as one of the hurt dying since ("Two men were hurt ... one of them has since died"), though
    # told again in other words ("A man hurt in the shooting has died ... Ray died at a hospital"): the dead were
    # among the wounded counted
    later = [i for items in per_sentence.values() for i in items if i.kind == "killed"]
    since = [i.count.best for i in later if _DIED_SINCE.search(i.phrase)]
    if alone and since and killed is not None and killed.best <= max(since):
        dead = killed.best
        if 0 < dead < wounded.best:
            return Count(wounded.best - dead, None, None, f"{wounded.phrase} (less {dead} who died since)")
    return wounded


# a death numbered by the dying of one hurt before: "A third man died of his injuries", "Third victim dies" (not one
# found dead or killed: "a third man was found dead" may be no one of the wounded)
_NUMBERED_DYING = re.compile(r"\b(?:died|dies|succumbed|succumbs)\b", re.I)


def _less_the_numbered_dead(per_sentence: dict[int, list[Item]], wounded: Count | None, killed: Count | None,
                            hits: Count | None) -> Count | None:
    """The wounded less those who died since, where a numbered death brings the dead above those first told: "Two
    killed and five wounded ... A third man died of his injuries" is four wounded; "Third victim dies ... six shot,
    two dead at the scene and four injured" is three."""
    items = [i for its in per_sentence.values() for i in its]
    dying = [i.count.best for i in items if i.kind == "killed" and i.numbered and _NUMBERED_DYING.search(i.phrase)]
    if not dying or wounded is None or killed is None or killed.best != max(dying) or wounded.low != wounded.best:
        return wounded
    n = killed.best
    # each sentence that tells the wounded figure, with the dead it tells beside them
    tallies = [_combine_tagged({0: its}, "killed") for its in per_sentence.values()
               if any(i.kind == "wounded" and i.count.best == wounded.best for i in its)]
    if any(dead and dead.best >= n for dead in tallies):
        return wounded  # "Two dead, four hurt in shooting ... A second man has died": the tally is told since
    if hits is not None and n < hits.best < wounded.best + n:
        rest = hits.best - n  # more dead and wounded than people shot: the dying were among the wounded
        return Count(rest, rest, rest, f"{wounded.phrase} (less those who died since)")
    for dead in tallies:
        if dead and 0 < dead.best < n < wounded.best + dead.best:
            rest = wounded.best - (n - dead.best)
            return Count(rest, rest, rest, f"{wounded.phrase} (less {n - dead.best} who died since)")
    return wounded


def _key(i: Item) -> str:
    """What an item says, to count a restatement once: "a 17-year-old dead" is "17-year-old dead in"; every
    "killed himself", "shot herself", "took his own life" of a group is the one person."""
    phrase = i.phrase.lower()
    if _SELF.search(phrase):
        return "<self>"
    # (a figure spelled or in digits is the same: "Two deputies also wounded" and "2 deputies also wounded")
    phrase = _number_words().sub(lambda m: str(parse_number(m.group(0))), phrase)
    return re.sub(r"^(?:a|an|the)\s+|\s+(?:in|at|on|by|after|near)$", "", re.sub(r"\W+", " ", phrase).strip())


@lru_cache(maxsize=1)
def _number_words() -> re.Pattern:
    """One word for a number above one ("two", "twelve", "forty"; not "a", "both", "couple"), lower case."""
    t = load_yaml("numbers.yaml")
    words = [w for w, n in {**t["units"], **t["tens"]}.items() if n > 1 and w not in ("both", "pair", "couple")]
    return re.compile(rf"\b(?:{'|'.join(sorted(words, key=len, reverse=True))})\b")


_SELF = re.compile(r"\b(?:himself|herself|self|(?:his|her)\s+own\s+life)\b")


def _phrased(i: Item) -> Count:
    """The item's figure carrying the words of the whole statement ("wounded 25 people"), not just "25"."""
    return Count(i.count.best, i.count.low, i.count.high, i.phrase)


NEXT_SENTENCES = 3  # sentences after an incident's own that may still date it ("It happened Saturday night")


def _context_date(g: _Group, sentences: list[Sentence], article: Article) -> DateMention | None:
    """No date of the violence in the incident's own sentences: the nearest one around them (earlier sentences
    of the paragraph, then the next few sentences: "It happened around 10 p.m. Friday"), else the article's
    first, in the lead or further down ("It happened Saturday night at about 11:45 p.m."); failing all, the day
    something was said, in that order. A day over BACKGROUND_DAYS before publication is background ("charged in a
    Feb. 21, 2013, incident") when the text gives a recent day right after the violence ("the shooting March 9").
    Page furniture ("Posted: ...", "Updated: ...") dates the page, not the event."""
    first, last = g.sentences[0], g.sentences[-1]
    published = article.publication_date
    earlier = [s for s in reversed(sentences[:first.index]) if s.paragraph == first.paragraph]
    nearby = earlier + sentences[last.index + 1: last.index + 1 + NEXT_SENTENCES] + sentences  # the lead first

    def old(d: DateMention) -> bool:
        return published is not None and (published - d.date).days > BACKGROUND_DAYS

    def recent_violence(s: Sentence) -> bool:
        return any(not old(d) and _VIOLENCE_BEFORE.search(s.text[max(0, d.start - 50):d.start])
                   for d in _event_dates(s.text, published))

    recent: list[bool] = []  # read once, and only when an old day turns up

    def background(d: DateMention) -> bool:
        if not old(d):
            return False
        if not recent:
            recent.append(any(recent_violence(s) for s in sentences if not _FURNITURE.search(s.text)))
        return recent[0]

    # failing a date of the violence, the text dates only when something was said ("As reported on 28 April")
    for read, pool, skip in ((_event_dates, nearby, background), (_event_dates, nearby, None),
                             (find_dates, g.sentences + nearby, None)):
        for s in pool:
            d = [] if _FURNITURE.search(s.text) else [x for x in read(s.text, published) if not (skip and skip(x))]
            if d:
                return d[-1] if s in earlier else d[0]
    return None


def _made_precise(date: DateMention | None, g: _Group, sentences: list[Sentence], published) -> DateMention | None:
    """A date that may mean several days ("shot last month", "overnight") made a day by a date of the violence that
    falls within it, in the incident's paragraph or the next few sentences ("It happened May 18"), else anywhere in
    the text when the day names the violence ("the May 18 shooting"): the same event told more precisely. A day
    outside it, or in a sentence reporting casualties of its own (another incident's), is another event's."""
    if date is None:
        return date
    first_day, last_day = date_span(date, published)
    if first_day == last_day:
        return date
    first, last = g.sentences[0], g.sentences[-1]
    pool = [s for s in sentences[:last.index + 1 + NEXT_SENTENCES]
            if (s.paragraph == first.paragraph or s.index >= first.index) and (s in g.sentences or not _casualties(s))]

    def days_within(among: Iterable[Sentence]) -> Iterator[tuple[Sentence, DateMention]]:
        for s in among:
            if not _FURNITURE.search(s.text):
                for d in _event_dates(s.text, published):
                    if first_day <= d.date <= last_day and date_span(d, published) == (d.date, d.date) \
                            and not _death_day(s.text, d):
                        yield s, d

    rest = (s for s in sentences if s not in pool and not _casualties(s))
    return next((d for _, d in days_within(pool)), None) \
        or next((d for s, d in days_within(rest) if _VIOLENCE_AFTER.match(s.text, d.end)), date)


def _event_dates(text: str, published) -> list[DateMention]:
    """Dates of the sentence, leaving out when something was said or someone charged ("police said Monday",
    "was arrested Monday", "sentenced to life in prison Friday"); the date of the violence first ("died Wednesday
    after being shot Monday", "closed Friday after Thursday's shooting": Monday, Thursday)."""
    dates = find_dates(text, published)
    kept = [d for d in dates if not _SAID_BEFORE.search(text[:d.start]) and not _SAID_AFTER.match(text[d.end:])
            and not _FURNITURE_BEFORE.search(text, max(0, d.start - 30), d.start)
            and not _time_stamp(text, d)
            and (_VIOLENCE_AFTER.match(text, d.end) or _AFTER_VIOLENCE.match(text, d.end)
                 or not _AFTERMATH_BEFORE.search(text, max(0, d.start - 60), d.start))]
    # (the day someone died of the wounds after them: "died Monday from her injuries")
    return sorted(kept, key=lambda d: (not (_VIOLENCE_BEFORE.search(text[max(0, d.start - 50):d.start])
                                            or _VIOLENCE_AFTER.match(text, d.end)), _death_day(text, d)))


def _death_day(text: str, d: DateMention) -> bool:
    """The date is the day someone died, told apart from the violence ("died at a local hospital on Sunday",
    "died Monday from her injuries"; not "died Sunday after being shot", "died in Sunday's shooting")."""
    return bool(_DIED_BEFORE.search(text, max(0, d.start - 50), d.start)) \
        and not (_VIOLENCE_AFTER.match(text, d.end) or _AFTER_VIOLENCE.match(text, d.end))


DEATH_AFTER_DAYS = 31  # a death this many days at most after the violence is of its wounds


def _died_after(text: str, d: DateMention, violence: dt.date) -> bool:
    """The date is the day someone died, within DEATH_AFTER_DAYS after the day of the violence."""
    return _death_day(text, d) and 0 < (d.date - violence).days <= DEATH_AFTER_DAYS


def _time_stamp(text: str, d: DateMention) -> bool:
    """A page's time stamp: the date with its clock time ending the line, or with its year alone on its line."""
    after = _STAMP_AFTER.match(text, d.end)
    return bool(after and (after.group().strip() or _ALONE_BEFORE.fullmatch(text, 0, d.start)
                           and _WITH_YEAR.search(d.phrase)))


_VIOLENCE_BEFORE = re.compile(r"\b(?:shot|shooting|stabbed|stabbing|attacked|attack|bombing|blast|explosion|"
                              r"ambushed|fired|opened\s+fire|suffered)\b[^.;,]{0,40}$", re.I)
# a page's own date lines: "Posted: ...", "DATE: October 19, 2016" atop a press release, a news blog's "UPDATE 1:50PM"
# or "Update (8:20 p.m. Sunday)"
_PAGE_LABEL = r"\b(?:posted|updated|created|published|last\s+updated|date(?=\s*:)|update(?=\s*[:\d(]))\s*:?\s*\(?"
_PAGE_DATE_LINE = re.compile(_PAGE_LABEL, re.I)
# ... and an embedded post's signature dates the post: "— Jane Doe (@janedoe) July 20, 2015"
_FURNITURE_LABEL = rf"(?:{_PAGE_LABEL}|\(@\w+\))"
_FURNITURE = re.compile(_FURNITURE_LABEL, re.I)
_FURNITURE_BEFORE = re.compile(_FURNITURE_LABEL + r"\s*(?:on\s+)?(?:[a-z]+day,?\s+)?$", re.I)  # "Posted: Monday, ..."
# ... as does a date with its clock time ending the line, or a date with its year alone on its line: a page's time
# stamp ("March 12, 2015 7:26 AM", "Monday, May 16, 2016")
_STAMP_AFTER = re.compile(r"\s*(?:\d{1,2}:\d\d\s*[ap]\.?m\.?(?:\s+[a-z]{2,4})?)?\s*$", re.I)
_ALONE_BEFORE = re.compile(r"\s*(?:[a-z]+day,?\s*)?", re.I)
# ... or when the dead were mourned or a court acted ("remembered at funeral services on Saturday", "a judge on
# Wednesday found probable cause", "arraigned Friday")
_SAID_BEFORE = re.compile(r"\b(?:said|says|say|told|announced|issued|reported|confirmed|stated|added|arrested|charged|"
                          r"indicted|sentenced|identified|released|arraigned|booked|judge|hearing|(?:in|to)\s+court|"
                          r"funeral(?:\s+services?)?|memorial\s+services?|buried|laid\s+to\s+rest|mourned|"
                          r"remembered|eulogi[sz]ed)\s+(?:on\s+)?$", re.I)
# ... or an act of the aftermath a few words before, no word of the violence between ("sentenced to life in prison
# Friday", "appeared in court, Wednesday", "pronounced dead at 12:30 p.m. Saturday"), or what someone told, what still
# held and what is to come ("told reporters Tuesday morning", "still hospitalized Monday", "in stable condition late
# Thursday", but not "in critical condition since Wednesday night", "will be arraigned Friday", "Tune in to the news
# Thursday at 6"), what was held ("a vigil was held Sunday", "a news conference Monday"), unless the date names the
# violence itself ("charged in Saturday's shooting") or comes right before it ("arrested Saturday after a boy was
# shot"). "court" only in lower case: "Smiley Court" is a street.
_AFTERMATH_BEFORE = re.compile(r"\b(?:sentenced|sentencing|pleaded|bond|bail|custody|jailed|(?-i:court(?:room)?)|"
                               r"appearance|arrested|charged|captured|apprehended|detained|surrendered|scheduled|"
                               r"autopsy|pronounced\s+dead|"
                               r"told|still|as\s+of|expected|will|tune\s+in|held|condition(?!\s+since\b)|"
                               r"(?:press|news)\s+conference)\b"
                               r"(?:(?!shot|shoot|kill|fire|gun|stab|attack|murder|wound|injur|suffer)[^;]){0,40}$",
                               re.I)
_VIOLENCE_AFTER = re.compile(r"(?:'s|’s)?\s+(?:(?:night|morning|evening|afternoon)\s+)?(?:shootings?|killings?|"
                             r"slayings?|attacks?|stabbings?|homicides?|murders?|deaths?|gunfire|gunfights?|shootouts?|"
                             r"rampages?)\b", re.I)
_AFTER_VIOLENCE = re.compile(r"[^.;]{0,20}?\bafter\b[^.;]{0,30}?\b(?:shot|shooting|stabbed|stabbing|attacked|attack)\b",
                             re.I)
_DIED_BEFORE = re.compile(r"\b(?:died|succumbed|passed\s+away)\b(?:(?!shot|shoot|stab|attack|fire|gun|kill)[^.;]){0,40}$",
                          re.I)
_SAID_AFTER = re.compile(r"\s*,?\s*(?:said|says|told|announced)\b", re.I)


def _reporter(text: str) -> str | None:
    """Who the figures come from: a named organisation ("the Syrian Observatory for Human Rights") beats a
    generic one ("a monitor", "officials")."""
    names = [re.sub(r"^the\s+", "", (m.group("a") or m.group("b")).strip(" ."), flags=re.I)
             for m in _REPORTER.finditer(text)]
    named = [n for n in names if n[:1].isupper()]
    return (named or names or [None])[0]


def _flag_unnamed_countries(mentions: list[Mention], article: Article) -> None:
    """is_country_unmentioned: a place put in a country the article never names is a guess worth checking."""
    if not any(m.country_code for m in mentions):
        return
    named = countries_in(article.text or "") | countries_in(article.title or "")
    for m in mentions:
        m.is_country_unmentioned = None if not m.country_code else m.country_code not in named
