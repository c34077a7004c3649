"""Where an incident happened: place name, admin1, country, coordinates and precision, read from text.

Pure: text in, a ``Place`` out. Candidate names are capitalised spans that the text marks as places
(locative words, place-type words, comma/parenthesis chains, datelines, "City, State"), resolved
against the offline gazetteer (``etl.extract.gazetteer``) with the countries and admin areas the text
names as context. Cue words, stoplists and US state abbreviations are data in
``etl/resources/places.yaml``; country aliases and demonyms in ``etl/resources/countries.yaml``.

>>> resolve_place("Assailants fired rockets in Marawara district, Kunar province, Afghanistan.")
Place(location='Marawara', admin1='Kunar', country='Afghanistan', country_code='AFG', ...)
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from itertools import accumulate, compress, repeat
from operator import and_, gt, itemgetter, methodcaller, sub

from etl.extract.actors import home_countries
from etl.extract.dates import MONTH_NAMES, WEEKDAYS
from etl.extract.numbers import parse_number
from etl.extract.gazetteer import (Gazetteer, fold, load_gazetteer, loose_key, name_key, particle_free,
                                   strip_admin_suffix)
from etl.extract.people import is_first_name, person_key, person_words
from etl.extract.text import ascii_twin, not_after_word, plain_ascii
from etl.extract.trie import trie_regex, words_regex
from etl.resources import load_yaml

__all__ = ["Place", "resolve_place", "countries_in"]


@dataclass(frozen=True)
class Place:
    location: str | None       # most specific named place of the incident, as a coder writes it
    admin1: str | None         # province/state name
    country: str | None
    country_code: str | None   # ISO 3166-1 alpha-3
    latitude: float | None
    longitude: float | None
    geo_precision: str | None  # "exact" | "near" | "admin2" | "admin1" | "country"
    phrase: str | None         # the words it was read from


NO_PLACE = Place(None, None, None, None, None, None, None, None)

# -- thresholds and weights (each written once) --------------------------------------------------
SMALL_TOWN = 15_000        # a bare name of a smaller town needs a cue or the text's country
BIG_CITY = 100_000         # "X, <big city>": X is a quarter of the city, coders record the city
NEAR_KM = 60               # a container town this close confirms a candidate
CHAIN_BEAM = 4             # readings kept per name when fitting a chain together
UNRESOLVED_PENALTY = -1.0  # leaving a name of a chain unresolved when it has readings
ARTICLE_CHARS = 6_000      # how much of an article is read for context
DATELINE_CHARS = 3_000     # how far into a text a dateline is looked for
ABSORB_MAX_POP = 50_000    # places up to this size can be read as part of a big city nearby
ABSORB_KM = 25             # a small place this close to a big city the text names is that city
MIN_SCORE = 1.5            # weakest evidence accepted as the event's place
REPEAT_BONUS = 0.5         # per further mention of the same name: the story's place recurs
REPEAT_CAP = 2.5
SENTENCE_PENALTY = 0.4     # per sentence before the mention's: reports lead with the event
LATER_PENALTY = 0.1        # per place read before it in its sentence: a sentence names the event's place first
BIG_CITY_STATE_VOTE = 0.5  # a big US city named anywhere: half a vote for its state (a state named is one)
BIG_CITY_DWARFS = 5        # ... when its population is this many times its namesakes'
DOMINANT_SHARE = 0.5       # a country with this share of the text's evidence is "the" country
ONE_COUNTRY_VOTE = 0.5     # a town marked as a place whose namesakes are all in one country: half a vote for it
ACTOR_HOME_VOTE = 1.0      # a group that fights in one country only ("the Houthis"): a vote for it, as a demonym is
KNOWN_TOWN = 40_000        # ... when one of them is this big (small places' coverage differs between countries)
FAR_KM = 1000             # a town the text measures the place from lies within this of it ("40km north of X")
PROVINCE_AS_TOWN = 2.5     # a province without a namesake town of its own weighs as a town of 100,000 (log10/2)
OTHER_SPELLING = -1.0      # a town whose own name is not spelt as written, only an alternate name or a looser
                           # spelling of it ("Wana" is Wana, Pakistan, before Wanna, Germany); not against the
                           # province named for it ("Zaporizhzhia" is still the city, spelt Zaporizhia, not its oblast)

CUE_WEIGHTS = {
    "dateline": 4.0,       # "MOSUL — ..."
    "us_pair": 1.0,        # "Nashville, Tenn." (on top of the chain cue its state gives)
    "locative": 2.5,       # in/near/at/outside X
    "chain": 2.0,          # "X, Y province, Country"
    "seat": 2.5,           # "Houston police": the local authority's town
    "resident": 1.5,       # "a Roswell man", "the Calumet City shooting"
    "capital": 1.0,        # "the Somali capital"
    "road": 2.0,           # "blocked the Kfarhim highway": the town a road is named for
    "relation": 1.0,       # "north of X": X is near the event, not the event's place itself
    "nonevent": -4.0,      # "fled to X", "born in X"
    "weak_nonevent": -1.0, # "of X", "from X"
    "weak": -1.5,          # sentence-initial, headline or stop-listed word with no cue
}
CONTEXT_WEIGHTS = (3, 2, 2, 1)   # the sentence's, paragraph's, headline's and article's evidence
PROVINCE_RANK = 5          # place-type ranks from here name first-level units ("department", "province", "state")
TYPE_WEIGHT_BY_RANK = {1: 1.5, 2: 3.0, 3: 3.0, 4: 3.0, 5: 1.5, 6: 1.0}


# -- rules ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Rules:
    locative: frozenset[str]
    nonevent_words: frozenset[str]
    weak_nonevent_words: frozenset[str]
    nonevent_phrases: frozenset[tuple[str, ...]]
    near_phrases: frozenset[tuple[str, ...]]
    answered_phrases: tuple[tuple[str, ...], ...]
    hospital_phrases: frozenset[tuple[str, ...]]
    facility_phrases: frozenset[tuple[str, ...]]
    holding_words: frozenset[str]
    transfer_words: frozenset[str]
    occurrence_words: tuple[str, ...]           # " took place ": padded to match whole words
    relation: frozenset[str]
    distance_units: frozenset[str]
    place_types: dict[str, int]
    place_type_pairs: dict[tuple[str, str], int]
    type_before_name: frozenset[str]
    sub_city: frozenset[str]
    city_part: frozenset[str]
    fold_into_district: frozenset[str]
    fold_into_town: frozenset[str]
    connectors: frozenset[str]
    not_place: frozenset[str]
    name_heads: frozenset[str]
    name_tails: frozenset[str]
    head_connectors: frozenset[str]
    not_place_phrases: frozenset[str]
    water_words: frozenset[str]
    ocean_names: frozenset[str]
    adjective_suffix: re.Pattern
    seat_suffixes: frozenset[str]
    resident_suffixes: frozenset[str]
    group_suffixes: frozenset[str]
    facility_words: frozenset[str]
    town_facility_words: frozenset[str]
    town_road_words: frozenset[str]
    street_words: frozenset[str]
    unknown_locatives: frozenset[str]
    target_locatives: frozenset[str]
    expansions: dict[str, str]
    honorifics: frozenset[str]
    namesake_joins: frozenset[str]
    masthead_words: frozenset[str]
    type_countries: dict[str, str]
    not_country_after: frozenset[str]
    actor_after_demonym: frozenset[str]
    state_body_words: frozenset[str]
    surroundings_words: frozenset[str]
    vague_units: frozenset[str]
    attack_after_country: frozenset[str]
    neighbour_phrases: frozenset[tuple[str, ...]]
    line_words: frozenset[str]
    country_cues: tuple[tuple[re.Pattern, tuple[str, ...], str], ...]   # pattern, its phrases lower-cased, iso2
    part_prefixes: frozenset[str]
    unit_compass: frozenset[str]
    breakers: frozenset[str]
    state_abbr_re: re.Pattern
    exact_country_re: re.Pattern | None
    joined_country_re: re.Pattern | None


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = load_yaml("places.yaml")     # YAML 1.2, as every rule table: "off", "no", "yes" are words, not booleans
    gaz = load_gazetteer()

    def low(items) -> frozenset[str]:
        return frozenset(str(x).lower() for x in items)

    locative = low(data["locative_before"])
    nonevent_words = low(data["nonevent_before"])
    weak_nonevent = low(data["weak_nonevent_before"])
    abbrs = sorted(gaz.us_state_abbr, key=len, reverse=True)
    state_names = sorted(gaz.us_state_name.values(), key=len, reverse=True)
    state_abbr_re = re.compile(
        r",[ \t]*(" + "|".join(re.escape(a) for a in state_names + abbrs) + r")(?![\w])")
    exact = sorted(gaz.country_exact, key=len, reverse=True)
    # found not after a word character or a dot (text.not_after_word)
    exact_re = re.compile("(?:" + "|".join(re.escape(a) for a in exact) + r")(?![\w])") if exact else None
    # names joined by lowercase words, which end a capitalised span ("Democratic Republic of the Congo", "Bosnia
    # and Herzegovina"): ~150 such names, as prefix trees by capitalised first letter, any case after it. Opening
    # with a capital letter, the pattern lets the regex engine skip to those; found not after a word character.
    joined = {k for k in gaz.country_keys if re.search(r" (?:of|and|the) ", k)}
    by_initial: dict[str, set[str]] = {}
    for name in joined:
        if "a" <= name[0] <= "z":
            by_initial.setdefault(name[0].upper(), set()).add(name[1:])
    joined_re = re.compile("(?:" + "|".join(f"{initial}(?i:{words_regex(rests)})" for initial, rests
                                           in sorted(by_initial.items())) + r")\b") if by_initial else None
    return _Rules(
        locative=locative,
        nonevent_words=nonevent_words,
        weak_nonevent_words=weak_nonevent,
        nonevent_phrases=frozenset(tuple(p.lower().split()) for p in data["nonevent_phrases"]),
        near_phrases=frozenset(tuple(p.lower().split()) for p in data["near_phrases"]),
        answered_phrases=tuple(tuple(p.lower().split()) for p in data["answered_event_phrases"]),
        hospital_phrases=frozenset(tuple(p.lower().split()) for p in data["hospital_phrases"]),
        facility_phrases=frozenset(tuple(p.lower().split()) for p in data["facility_phrases"]),
        holding_words=low(data["moving_words"] + data["holding_words"]),
        transfer_words=low(data["moving_words"] + data["transfer_words"]),
        occurrence_words=tuple(f" {' '.join(p.lower().split())} " for p in data["occurrence_words"]),
        relation=low(data["relation_words"]),
        distance_units=low(data["distance_units"]),
        place_types={k.lower(): int(v) for k, v in data["place_types"].items()},
        place_type_pairs={tuple(k.lower().split()): int(v) for k, v in data["place_type_pairs"].items()},
        type_before_name=low(data["type_before_name"]),
        sub_city=low(data["sub_city_types"]),
        city_part=low(data["city_part_types"]),
        fold_into_district=low(data["fold_into_district"]),
        fold_into_town=low(data["fold_into_town"]),
        connectors=low(data["name_connectors"]),
        not_place=low(data["not_place_words"]),
        name_heads=low(data["name_heads"]),
        name_tails=low(data["name_tails"]),
        head_connectors=low(data["head_connectors"]),
        not_place_phrases=frozenset(name_key(p) for p in data["not_place_phrases"]),
        water_words=low(data["water_words"]),
        ocean_names=low(data["ocean_names"]),
        adjective_suffix=re.compile(rf"-(?:{'|'.join(data['adjective_suffixes'])})$"),
        seat_suffixes=low(data["seat_suffixes"]),
        resident_suffixes=low(data["resident_suffixes"]),
        group_suffixes=low(data["group_suffixes"]),
        facility_words=low(data["facility_words"]) | low(data["street_words"]),
        town_facility_words=low(data["town_facility_words"]),
        town_road_words=low(data["town_road_words"]),
        street_words=low(data["street_words"]),
        unknown_locatives=low(data["unknown_locatives"]),
        target_locatives=low(data["target_locatives"]),
        expansions=dict(data["name_expansions"]),
        honorifics=low(data["official_name_prefixes"]),
        namesake_joins=low(data["official_name_joins"]),
        masthead_words=low(data["masthead_words"]),
        type_countries={k: v for k, v in data["type_countries"].items() if v},
        not_country_after=low(data["not_country_after"]),
        actor_after_demonym=low(data["actor_after_demonym"]),
        state_body_words=low(data["state_body_words"]),
        surroundings_words=low(data["surroundings_words"]),
        vague_units=low(data["vague_units"]),
        attack_after_country=low(data["attack_after_country"]),
        neighbour_phrases=frozenset(tuple(p.lower().split()) for p in data["neighbour_phrases"]),
        line_words=low(data["line_words"]),
        country_cues=tuple(
            (re.compile(r"(?<!\w)" + trie_regex({str(p) for p in phrases}) + r"(?!\w)", re.I),
             tuple(str(p).lower() for p in phrases), cc)
            for cc, phrases in data["country_cues"].items()),
        part_prefixes=low(data["part_prefixes"]),
        unit_compass=low(data["unit_name_compass"]),
        # Capitalised function words end a name span (title-case headlines: "Shooting At Houston Bar").
        breakers=locative | nonevent_words | weak_nonevent | frozenset(
            "the a an and or but after before as is are was were says said police".split())
        # ... and so do days: "in northeast Atlanta Tuesday morning" is Atlanta, not a name "Atlanta Tuesday"
        | frozenset(WEEKDAYS) | frozenset(("today", "tonight", "yesterday")) | low(data["page_words"]),
        state_abbr_re=state_abbr_re,
        exact_country_re=exact_re,
        joined_country_re=joined_re,
    )


# -- tokens --------------------------------------------------------------------------------------
# Words: letters and digits, joined by an apostrophe before a letter or a hyphen before a letter or digit.
# Written as an unrolled loop (runs of word characters between joiners): same matches, fewer steps.
_WORD = r"[^\W\d_][^\W_]*(?:(?:['’‘ʿʾ](?=[^\W\d_])|[-‐](?=[^\W_]))[^\W_]*)*"
# One token with the spaces before it (and an apostrophe opening a name: "'Ali" is "Ali"); the tokens with their
# spaces cover the text. Groups: the whole, the token, and the token again if a word or if a punctuation mark (a
# number is neither).
_SPACE_TOKEN = re.compile(rf"(\s*+(?:['‘ʿ](?=[A-Z]))?(({_WORD})|\d+(?:[.,:]\d+)*(?:st|nd|rd|th|s)?|(\S)))")
_SPACE_TOKEN_ASCII = ascii_twin(_SPACE_TOKEN)
_WHOLE_GROUP, _TOKEN_GROUP, _WORD_GROUP, _PUNCT_GROUP = map(itemgetter, range(4))
_SENTENCE_END = frozenset(".!?")
# Marks after which a sentence (or a quote) starts: sentence ends, ':"“—–', and " -".
_SENTENCE_MARKS = _SENTENCE_END | frozenset(':"“—–-')
_POSSESSIVE = re.compile("['’]s")
# "al-Hasakeh", "ad-Dali": a lower-case Arabic article joined to a capitalised name. Looked for from the joiner
# before a capital letter, which is rare: the articles' first letters a and e are everywhere.
_ARTICLE_PREFIX = re.compile(r"(?:al|el|ad|ar|as|at|az|an|ash|adh|ath|ed|es|ez|en)[-‐‘ʿ'][A-Z]")
_ARTICLE_LOOKALIKES = frozenset(("As", "At", "An"))
_JOINED_CAPITAL = re.compile(r"[-‐‘ʿ'](?=[A-Z])")
_MONTH_ABBREVIATIONS = frozenset([m[:3] for m in MONTH_NAMES] + ["sept"])
_ABBREVIATIONS = frozenset("st mr mrs ms dr jr sr lt sgt gen col capt gov rep sen no vs ft mt".split())
_NEWLINE = re.compile("\n")
_MASTHEAD_DASH = re.compile(" [-|–—]")


@dataclass(slots=True)
class _Tokens:
    """A text's tokens as parallel lists indexed by token number. Place finding reads every token of every
    text it is given, mostly to skip it: the lists are built by the regex engine and map, with Python loops
    only over the few tokens that need one (possessives, sentence ends, names beginning "al-")."""
    text: list[str]
    start: list[int]
    end: list[int]
    lower: list[str]
    word: list[bool]         # a word (not a number or punctuation)
    punct: list[bool]        # a punctuation mark
    cap: list[bool]          # a capitalised word
    initial: list[bool]      # first word of a sentence or line
    titled: list[bool]       # inside a title-case / all-caps line (headline)
    possessive: list[bool]   # "Kabul's" (the token is "Kabul")
    masthead: list[bool]     # publisher/station part of a headline line ("... - WKRN News 2")
    dateline: list[bool]     # inside a dateline ("NASHVILLE, Tenn. (WKRN) —")


def _modifies(toks: _Tokens, k: int) -> bool:
    """Token k is a lowercase word: the name before it is an adjective of it ("Chadian soldiers")."""
    return k < len(toks.text) and toks.word[k] and not toks.cap[k]


def _tokenise(text: str) -> _Tokens:
    pattern = _SPACE_TOKEN_ASCII if plain_ascii(text) else _SPACE_TOKEN
    parts = pattern.findall(text, 0, len(text.rstrip()))      # trailing spaces would be tried from each one
    ends = list(accumulate(map(len, map(_WHOLE_GROUP, parts))))
    words = list(map(_TOKEN_GROUP, parts))
    starts = list(map(sub, ends, map(len, words)))
    count = len(words)
    is_word = list(map(bool, map(_WORD_GROUP, parts)))
    possessive = [False] * count
    if "ʿ" in text:                          # a letter of the word pattern, dropped like an opening apostrophe
        for i in compress(range(count), map(methodcaller("startswith", "ʿ"), words)):
            words[i], starts[i] = words[i][1:], starts[i] + 1
    for match in _POSSESSIVE.finditer(text):
        i = bisect_left(ends, match.end())
        if i < count and ends[i] == match.end() and is_word[i] and len(words[i]) > 2:
            words[i], ends[i], possessive[i] = words[i][:-2], ends[i] - 2, True
    lower = list(map(str.lower, words))
    cap = list(map(and_, is_word, map(str.isupper, map(itemgetter(slice(1)), words))))  # '' when 'ʿ' was all
    for joiner in _JOINED_CAPITAL.finditer(text):             # "al-Hasakeh"
        for start in (joiner.start() - 3, joiner.start() - 2):
            i = bisect_left(starts, start)
            if start >= 0 and i < count and starts[i] == start and is_word[i] and _ARTICLE_PREFIX.match(text, start):
                cap[i] = True
    long_word = list(map(and_, is_word, map(gt, map(len, words), repeat(3))))   # words of more than 3 letters
    initial = [False] * count
    titled = [False] * count
    first = 0
    for end_of_line in [m.start() for m in _NEWLINE.finditer(text)] + [len(text)]:
        last = bisect_left(starts, end_of_line, first)
        if last > first:
            initial[first] = True            # a line's first word
            long_words = sum(long_word[first:last])
            if long_words >= 3 and sum(compress(cap[first:last], long_word[first:last])) >= 0.8 * long_words:
                titled[first:last] = [True] * (last - first)     # a title-case or all-caps line: a headline
        first = last
    for i in compress(range(count - 1), map(_SENTENCE_MARKS.__contains__, words)):
        p = words[i]
        if p in _SENTENCE_END:
            if not (i and is_word[i - 1] and (lower[i - 1] in _ABBREVIATIONS or len(words[i - 1]) == 1)):
                initial[i + 1] = True
        elif p != "-" or text[starts[i] - 1:starts[i]] == " ":
            initial[i + 1] = True
    punct = list(map(bool, map(_PUNCT_GROUP, parts)))
    return _Tokens(words, starts, ends, lower, is_word, punct, cap, initial, titled, possessive,
                   [False] * count, [False] * count)


# -- mentions ------------------------------------------------------------------------------------
@dataclass(eq=False, slots=True)
class _Mention:
    surface: str
    start: int                   # char offsets of the name
    end: int
    t0: int                      # token range of the name
    t1: int
    after: int                   # first token after the name and its place-type word
    key: str
    kind: str                    # country | demonym | state | place | unknown | capital
    cities: tuple[int, ...] = ()
    areas: tuple[int, ...] = ()
    loose_areas: tuple[int, ...] = ()   # areas matched only by loose spelling
    country: str | None = None   # iso2 for country/demonym/capital
    state: str | None = None     # US postal code
    ptype: str | None = None     # place-type word ("district", "village", ...)
    rank: int = 0
    type_inside: bool = False    # the type word is capitalised, part of a proper name
    type_before: bool = False    # typed by a "<type> of" phrase before it ("the village of X")
    locative: bool = False
    nonevent: bool = False
    weak_nonevent: bool = False
    relation: bool = False       # reference point of "north of X"
    seat: bool = False           # "Houston police"
    resident: bool = False       # "a Roswell man", "the Spring shooting"
    possessive: bool = False     # "Beirut's Hamra district": Beirut qualifies another name
    embedded: bool = False       # part of a longer capitalised name (person, street, organisation)
    weak: bool = False           # sentence-initial / headline / stop-listed word, without a cue
    dateline: bool = False
    us_pair: bool = False        # "City, State"
    masthead: bool = False       # in a headline's publisher part
    titled: bool = False         # in a title-case headline line
    loc_word: str | None = None  # the locative word before the name
    sentence: int = 0            # index of its sentence in the text
    containers: list[_Mention] = field(default_factory=list)
    near: _Mention | None = None
    contained: bool = False
    paren_chain: bool = False    # its chain opens with a parenthesis: "X (district, province)"
    located: bool = False        # named only to be placed by a reference town: "X near Y (district, province)"
    occurred: bool = False       # in a sentence that says where it happened: "Deputies say it happened ... in X"
    by_town: bool = False        # an area named by the town it lies by: "al-Jalam area east of Samarra" (its near)
    qualifier: str | None = None  # "(Hadrut Region)" right after a name the gazetteer lacks: part of its name
    road: bool = False           # "at the Kfarhim roundabout": the town a road is named for


@lru_cache(maxsize=1 << 14)
def _lookup(gaz: Gazetteer, surface: str, key: str) -> dict | None:
    """Gazetteer entries one name can denote (countries, US states, admin areas, towns). Cached, as a name
    recurs in an article's sentences, paragraphs and head; the dict is shared, read it only."""
    if not key:
        return None
    hit = {}
    folded = fold(surface)
    exact = gaz.country_exact.get(surface)
    if exact:
        hit["country"] = exact
    elif folded in gaz.country_keys:
        hit["country"] = gaz.country_keys[folded]
    if folded in gaz.demonym_keys:
        hit["demonym"] = gaz.demonym_keys[folded]
    if folded in gaz.us_state_keys:
        hit["state"] = gaz.us_state_keys[folded]
    areas = gaz.area_ids(key)
    last = folded.rpartition(" ")[2]
    if _rules().place_types.get(last, 0) >= PROVINCE_RANK and folded != last:
        # "La Libertad Department" is also Peru's La Libertad, which the data names without the type word
        areas = tuple(dict.fromkeys(areas + gaz.area_ids(name_key(strip_admin_suffix(surface)))))
    if not areas and (plain := particle_free(surface)) != folded:
        # "San Luis de Potosi": a unit written with a particle its data name lacks is that unit as spelt, not a
        # loose match that needs the text's country
        areas = gaz.area_ids(name_key(plain))
    if not areas:
        areas = gaz.area_ids(key, loose=True)
        if areas:
            hit["loose_areas"] = areas
    alias = gaz.city_alias.get(surface)
    cities = (alias,) if alias is not None else gaz.cities(key)
    if areas:
        hit["areas"] = areas
    if cities:
        hit["cities"] = cities
    return hit or None


def _find_mentions(text: str, toks: _Tokens, gaz: Gazetteer, rules: _Rules) -> list[_Mention]:
    mentions: list[_Mention] = []
    n = len(toks.text)
    used = [False] * n
    starts, ends, lower, cap = toks.start, toks.end, toks.lower, toks.cap
    # Dotted/upper-case country aliases ("U.S.", "UK", "DRC") match exactly; names with lowercase words in them
    # ("Republic of the Congo") are found whole before the capitalised spans would break them up.
    found = []
    if rules.exact_country_re:
        found += [(m, gaz.country_exact[m.group()]) for m in not_after_word(rules.exact_country_re, text, ".")]
    if rules.joined_country_re:
        found += [(m, gaz.country_keys[fold(re.sub(r"\s+", " ", m.group()))])
                  for m in not_after_word(rules.joined_country_re, text)]
    for match, country in found:
        t0 = bisect_left(starts, match.start())
        t1 = t0
        while t1 < n and ends[t1] <= match.end():
            if used[t1]:
                break
            used[t1] = True
            t1 += 1
        if t1 > t0:
            mentions.append(_Mention(match.group(), match.start(), match.end(), t0, t1, t1,
                                     match.group(), "country", country=country))
    breakers, connectors = rules.breakers, rules.connectors
    j = 0
    for i in compress(range(n), cap):        # a name starts with a capitalised word
        if (i < j or used[i] or lower[i] in breakers and not _arabic_article(text, toks, i, breakers)
                or lower[i] in _MONTH_ABBREVIATIONS and i + 1 < n and toks.text[i + 1] == "."):
            continue                         # inside the last name, or "Nov. 11"
        j = i + 1
        while j < n and not used[j] and not toks.possessive[j - 1] and "\n" not in text[ends[j - 1]:starts[j]]:
            if cap[j] and lower[j] not in breakers:
                j += 1
                continue
            k = j                            # "San Juan de los Morros", "Dar es Salaam"
            while k < n and k - j < 3 and toks.word[k] and lower[k] in connectors:
                k += 1
            if k == j and lower[j] in rules.head_connectors and lower[j - 1] in rules.name_heads:
                k += 1                       # "Bir at Tutah"
            if k > j and k < n and cap[k] and not used[k] and "\n" not in text[ends[j - 1]:starts[k]]:
                j = k + 1
            elif toks.text[j] == "." and lower[j - 1] in ("st", "ft", "mt") and j + 1 < n and cap[j + 1]:
                j += 1
            elif lower[j] == "and" and (joined := _joined_province(text, toks, i, j, gaz)):
                j = joined                              # "Sistan and Baluchestan province": one name
            elif not (toks.word[j] or toks.punct[j]) and j + 1 < n and lower[j + 1] in rules.place_types:
                j += 1                       # "Mile 16 village"
            elif (joined := _slash_joined(toks, j, rules)):
                j = joined                   # "Ohaji/Egbema LGA": one district named for two towns
            else:
                break
        if j - i > 8:                        # a long all-caps or title run: word by word
            j = i + 1
        mentions.extend(_span_mentions(text, toks, i, j, gaz, rules))
    mentions.sort(key=lambda m: m.start)
    return mentions


def _slash_joined(toks: _Tokens, j: int, rules: _Rules) -> int:
    """The end of a district's name whose two halves a slash joins (token j: "Ohaji/Egbema LGA", "Ideato/Orlu
    district"), written with no spaces and typed as a district after it; 0 when none."""
    n = len(toks.text)
    if not (toks.text[j] == "/" and j + 1 < n and toks.cap[j + 1] and toks.word[j + 1]
            and toks.end[j - 1] == toks.start[j] and toks.end[j] == toks.start[j + 1]):
        return 0
    k = j + 1
    while k < n and toks.cap[k] and toks.word[k] and k - j <= 3:
        k += 1
    district = rules.place_types["district"]
    typed = (rules.place_types.get(toks.lower[k - 1]) == district
             or k < n and rules.place_types.get(toks.lower[k]) == district)
    return k if typed else 0


def _joined_province(text: str, toks: _Tokens, i: int, j: int, gaz: Gazetteer) -> int:
    """The end of a province's name joined by "and" (token j) to the name from token i ("Sistan and Baluchestan",
    "Jammu and Kashmir"), as the data names a first-level unit; 0 when none."""
    n, end = len(toks.text), 0
    k = j + 1
    while k < n and k - j <= 3 and toks.cap[k] and toks.word[k] and "\n" not in text[toks.end[k - 1]:toks.start[k]]:
        k += 1
        if any(gaz.areas[a].level == 1 for a in gaz.area_ids(name_key(text[toks.start[i]:toks.end[k - 1]]))):
            end = k
    return end


def _arabic_article(text: str, toks: _Tokens, i: int, breakers: frozenset[str]) -> bool:
    """ "As Sabaa", "At Tuhayta", "An Nasiriyah": an Arabic article spelt like an English word, told apart by its
    capital inside a sentence and the capitalised name after it."""
    return (toks.text[i] in _ARTICLE_LOOKALIKES and not toks.initial[i] and not toks.titled[i]
            and i + 1 < len(toks.text) and toks.cap[i + 1] and toks.lower[i + 1] not in breakers
            and "\n" not in text[toks.end[i]:toks.start[i + 1]])


def _is_acronym(toks: _Tokens, i: int) -> bool:
    word = toks.text[i]
    # "KPK", "DHS"; "LoC" (the Line of Control), "DoD": capitals inside a short word
    return ((word.isupper() and len(word) <= 5 or len(word) <= 4 and sum(map(str.isupper, word)) >= 2)
            and not toks.titled[i] and not toks.dateline[i])


_number = lru_cache(maxsize=4096)(parse_number)  # (a span's first word, tried as a number word once)


def _span_mentions(text, toks, i, j, gaz, rules) -> list[_Mention]:
    """Longest gazetteer matches inside one capitalised span, left to right."""
    starts, ends, lower = toks.start, toks.end, toks.lower
    if _names_water(toks, i, j, rules):
        return []                            # "the Coral Sea", "the eastern Pacific": no town, no unknown name
    if j - i >= 2 and lower[i] in rules.place_types and not _lookup(
            gaz, text[starts[i]:ends[j - 1]], name_key(text[starts[i]:ends[j - 1]])):
        # A leading place-type word names the kind of what follows ("Barangay Guibonon").
        inner = _span_mentions(text, toks, i + 1, j, gaz, rules)
        # the name it types: the first, or the whole span's when that one is part of it ("Barangay Santo Tomas Old")
        named = next((m for m in inner if m.t0 == i + 1 and not m.embedded), inner[0] if inner else None)
        if named is not None and named.t0 == i + 1 and not named.ptype:
            named.ptype, named.rank = lower[i], rules.place_types[lower[i]]
        return inner
    out: list[_Mention] = []
    unmatched = [False] * (j - i)
    pos = i
    blocked = False
    while pos < j:
        found = None
        for end in range(min(j, pos + 6), pos, -1):
            surface = text[starts[pos]:ends[end - 1]]
            key = name_key(surface)
            if key in rules.not_place_phrases:
                found = (end, None, key, surface)
                break
            if end - pos == 1:
                low = lower[pos]
                if (low in rules.place_types or low in rules.part_prefixes
                        or _is_acronym(toks, pos) and surface not in gaz.country_exact
                        and surface not in gaz.city_alias):
                    continue
                if ((low in rules.not_place or key in rules.not_place or low in rules.facility_words)
                        and not _typed_after(text, toks, end, rules)        # "Rileys Bar & Grill"
                        and not (low in rules.name_heads and pos and toks.lower[pos - 1] in ("al", "el"))):
                    continue                 # ... but "in al Bab": a name head after its article is a whole name
            hit = _lookup(gaz, surface, key)
            if hit:
                found = (end, hit, key, surface)
                break
        if found is None:          # (an adjective such as "Israeli-occupied" joins no longer name)
            # (nor does a number word opening a sentence: "Ten Malian soldiers were killed" are Mali's)
            unmatched[pos - i] = ((lower[pos] not in rules.part_prefixes or _own_part_word(toks, pos, i, j, rules))
                                  and not rules.adjective_suffix.search(lower[pos])
                                  and not (pos == i and toks.initial[pos] and _number(lower[pos]) is not None))
            pos += 1
            continue
        end, hit, key, surface = found
        if hit is None:                      # a not-a-place phrase ("Islamic State")
            blocked = True
            for k in range(pos, end):
                unmatched[k - i] = True
            pos = end
            continue
        m = _Mention(surface, starts[pos], ends[end - 1], pos, end, end, key, "place")
        m.dateline = toks.dateline[pos]
        if "country" in hit:
            m.kind, m.country = "country", hit["country"]
        elif "state" in hit:
            m.kind, m.state = "state", hit["state"]
        elif "demonym" in hit and ("cities" not in hit or _modifies(toks, end)) and not (
                "areas" in hit and end < len(lower) and lower[end] in rules.place_types):
            # "Chadian soldiers" is Chad's, though a Chinese town is called Chadian; "the Somali region" is
            # Ethiopia's province of that name
            m.kind, m.country = "demonym", hit["demonym"]
        m.cities = hit.get("cities", ())
        m.areas = hit.get("areas", ())
        m.loose_areas = hit.get("loose_areas", ())
        if end < j and lower[end] in rules.place_types:      # "Kandahar Province"
            m.ptype, m.rank, m.type_inside = lower[end], rules.place_types[lower[end]], True
            m.after = end + 1
            end += 1
        out.append(m)
        pos = end
    # A match next to unknown capitalised words is part of a longer name ("Warren Sapp Drive",
    # "Kevin Barbee", "Syrian Observatory"): not a place, unless the span is a headline.
    for m in out:
        # "a Nigerian Army base": a demonym before a force's name that ends the span is a side, as "Nigerian
        # forces" is (not "Afghan National Army", "Syrian Observatory": longer names)
        force = m.kind == "demonym" and m.after == j - 1 and lower[m.after] in rules.actor_after_demonym
        # ... and so is one opening a state body's name ("the Iraqi Parliament", "the Jordanian Constitutional Court")
        force = force or m.kind == "demonym" and m.t0 == i and m.after < j and lower[j - 1] in rules.state_body_words
        left = m.t0 - 1 >= i and unmatched[m.t0 - 1 - i]
        right = (m.after < j and unmatched[m.after - i] and lower[m.after] not in rules.seat_suffixes
                 and not (lower[m.after] in rules.town_facility_words and _big_city(gaz, m))  # "Donetsk Airport"
                 and not _names_airport(lower, m, j, gaz))
        if (left or right and not force or _names_street(toks, m.after, rules) or _after_house_number(toks, m.t0)
                ) and not toks.titled[m.t0]:
            m.embedded = True
        if m.kind == "demonym" and m.after < j and not force:
            m.embedded = True
    # Two town names side by side are one longer name ("Anthony Jennings", "Sar Banader" with a district's loose
    # spelling), unless the second is a country, state or province qualifying the first ("Kandahar Afghanistan").
    for a, b in zip(out, out[1:]):
        if (a.after == b.t0 and a.kind == "place" and b.kind == "place"
                and (b.cities or b.loose_areas or _foreign_unit_after(text, toks, gaz, a, b))
                and not toks.titled[a.t0] and not a.type_inside):
            a.embedded = b.embedded = True
        elif a.embedded and a.after == b.t0 and not toks.titled[a.t0]:
            b.embedded = True                # "Mark Jordan Davis": all one name
    if blocked:
        return out
    if not out or any(m.embedded for m in out):
        # The whole span is one name the gazetteer lacks (or spells differently):
        # "Khwaja Sabz Posh district", "Puli Alam" (GeoNames "Pul-e ‘Alam").
        out.extend(_unknown_mention(text, toks, i, j, gaz, rules))
    return out


def _names_water(toks: _Tokens, i: int, j: int, rules: _Rules) -> bool:
    """A capitalised span (tokens i..j) naming a sea or ocean: "Caribbean Sea", "Pacific Ocean", or an ocean's name
    after "the", a compass word between ("the Eastern Pacific"); not a unit named after one ("Red Sea state")."""
    lower = toks.lower
    if j < len(lower) and lower[j] in rules.place_types:
        return False                         # "Red Sea state", "Black Sea region": a unit named after the sea
    if j - i >= 2 and lower[j - 1] in rules.water_words and not toks.titled[i]:
        return True
    k = i - 1
    while k >= 0 and lower[k] in rules.part_prefixes and k >= i - 2:
        k -= 1                               # "the eastern Pacific": the compass word may open the span or not
    return (lower[j - 1] in rules.ocean_names and k >= 0 and lower[k] == "the"
            and all(lower[t] in rules.part_prefixes for t in range(i, j - 1)))


def _names_airport(lower: list[str], m: _Mention, j: int, gaz: Gazetteer) -> bool:
    """A country's or big city's name opening "<Name> International Airport" ending the span: the airport is the
    country's or city's own, and so the place ("drones struck Ruritania International Airport")."""
    return (m.after + 2 == j and lower[m.after] == "international" and lower[m.after + 1] == "airport"
            and (m.kind == "country" or _big_city(gaz, m)))


def _foreign_unit_after(text: str, toks: _Tokens, gaz: Gazetteer, a: _Mention, b: _Mention) -> bool:
    """An untyped unit's name right after a town's, in no country of the town, is no unit holding it: both are one
    longer name ("Hugo César Ramos": a person), not a town and its province ("Mexicali Baja California"), unless
    the unit's country follows ("Dover Kunduz, Afghanistan": a village the gazetteer knows only abroad)."""
    if not a.cities or not b.areas or b.type_inside:
        return False
    countries = {gaz.areas[x].country for x in b.areas}
    if {gaz.city_cc[c] for c in a.cities} & countries:
        return False
    k = b.after
    if k + 1 < len(toks.text) and toks.text[k] == ",":
        for end in range(k + 2, min(k + 5, len(toks.text) + 1)):
            surface = text[toks.start[k + 1]:toks.end[end - 1]]
            hit = _lookup(gaz, surface, name_key(surface))
            if hit and hit.get("country") in countries:
                return False
    return True


def _own_part_word(toks: _Tokens, pos: int, i: int, j: int, rules: _Rules) -> bool:
    """A part word at token `pos` of the span i..j that belongs to the name, not a part of a place: one ending the
    span after a name ("Barangay Santo Tomas Old"), or a compass word opening a district-level unit's name
    ("East Korum district": the unit is named so, not the east of Korum)."""
    district = rules.place_types["district"]
    if pos == i and j - i >= 2 and toks.lower[pos] in rules.unit_compass:
        return (rules.place_types.get(toks.lower[j - 1]) == district and j - i >= 3
                or j < len(toks.text) and rules.place_types.get(toks.lower[j]) == district)
    return pos == j - 1 and pos > i


def _names_street(toks: _Tokens, k: int, rules: _Rules) -> bool:
    """The name ending before token k is a street's: a street word follows in the plural ("Stanton streets", "Grace
    Streets"), or closes a pair of names ("Meridian and Grace Streets"). Not "on a Passaic street": the town's."""
    n = len(toks.text)
    if k >= n:
        return False
    if toks.lower[k] in rules.street_words:
        return toks.word[k] and toks.lower[k].endswith("s")
    if toks.lower[k] not in ("and", "&"):
        return False
    j = k + 1
    while j < n and j - k <= 3 and toks.cap[j] and toks.lower[j] not in rules.street_words:
        j += 1
    return k + 1 < j < n and toks.lower[j] in rules.street_words and toks.lower[j].endswith("s")


def _after_house_number(toks: _Tokens, i: int) -> bool:
    """A name after "at"/"on" and a house number is a street's ("at 7100 Georgetown"); not after a year ("in 2015
    Chicago") or a count ("killed 300 Afghan soldiers")."""
    if i < 2 or toks.word[i - 1] or toks.punct[i - 1] or toks.lower[i - 2] not in ("at", "on"):
        return False
    number = toks.text[i - 1]
    return number.isdigit() and len(number) >= 3 and not (len(number) == 4 and "1900" <= number <= "2099")


def _unknown_mention(text, toks, i, j, gaz, rules) -> list[_Mention]:
    """A capitalised name the gazetteer lacks; kept as a candidate, later accepted only with cues."""
    words = toks.lower[i:j]
    ptype = None
    end = j
    # "Deumai Municipality-7": a type word with a ward's number types the name before it
    last, _, ward = words[-1].partition("-")
    if j - i >= 2 and (words[-1] in rules.place_types or last in rules.place_types and ward.isdigit()):
        ptype, end = last if ward.isdigit() else words[-1], j - 1
    name_words = words[: end - i]
    if not name_words or any(w in rules.not_place for w in name_words) and len(name_words) == 1:
        return []
    qualifier = None if ptype else _region_qualifier(text, toks, j, rules)
    first = 1 if toks.text[i] in _ARTICLE_LOOKALIKES and len(name_words) > 1 else 0     # "As Sawdiyah"
    # a part word of the name's own ("Santo Tomas Old", "East Korum district") is no stop word in it
    opening_part = _own_part_word(toks, i + first, i, j, rules) and name_words[first] in rules.part_prefixes
    closing_part = (len(name_words) > 1 and end == j and name_words[-1] in rules.part_prefixes
                    and _own_part_word(toks, j - 1, i, j, rules))
    closing_tail = len(name_words) > 1 and name_words[-1] in rules.name_tails and name_words[-2] not in rules.not_place
    if (name_words[first] in rules.not_place and not opening_part
            and not (name_words[first] in rules.name_heads and len(name_words) > 1)
            or name_words[-1] in rules.not_place and not (qualifier or closing_part or closing_tail)):
        return []                            # ("Twin Hills (Tavush Region)": a qualified name)
    if end - i == 1 and _is_acronym(toks, i) or all(w in rules.part_prefixes for w in name_words):
        return []                            # "DHS", "16th Street, Southeast"
    if not ptype and 2 <= len(name_words) <= 3 and not toks.dateline[i] and _listed_person(toks, i):
        return []                            # "Ralph Pemberton", a photo credit's "(Bob Kellerman, ...)": a person
    part, _, rest = name_words[0].partition("-")
    if len(name_words) == 1 and part in rules.part_prefixes and fold(rest) in gaz.us_state_keys:
        return []                            # "Mid-Michigan": a part of a state, no town
    surface = text[toks.start[i]:toks.end[end - 1]]
    if rules.adjective_suffix.search(surface):
        return []                            # "the Druze-majority city of Jaramana"
    m = _Mention(surface, toks.start[i], toks.end[end - 1], i, end, j, name_key(surface), "unknown")
    m.dateline = toks.dateline[i]
    m.qualifier = qualifier
    if ptype:
        m.ptype, m.rank, m.type_inside = ptype, rules.place_types[ptype], True
    return [m]


def _region_qualifier(text: str, toks: _Tokens, j: int, rules: _Rules) -> str | None:
    """ "(Tavush Region)" right after token j: a unit named in parentheses with its type word, as event coders set
    apart places of one generic name ("Twin Hills (Tavush Region)", "Twin Hills (Ijevan Region)"); they record the
    name with it. Not a parenthesis of other words ("(AP)", "(Tavush, Armenia)")."""
    n = len(toks.text)
    if j >= n or toks.text[j] != "(":
        return None
    k = j + 1
    while k < n and k - j <= 5 and toks.word[k] and toks.cap[k]:
        k += 1
    if not (j + 2 < k < n and toks.text[k] == ")" and toks.lower[k - 1] in rules.place_types):
        return None
    return text[toks.start[j]:toks.end[k]]


def _listed_person(toks: _Tokens, i: int) -> bool:
    """The name opening at token i is a person's: it opens with a common given name ("Ralph Pemberton"), or follows
    one in a list of names ("Ralph Pemberton, Tamika Odom, and Dwayne Fulton")."""
    for _ in range(6):
        if not toks.text[i][1:].islower():
            return False
        if is_first_name(toks.text[i]):
            return True
        k = i - 1                            # back over ", " (and "and") to the name before
        if k >= 0 and toks.lower[k] == "and":
            k -= 1
        if k < 1 or toks.text[k] != ",":
            return False
        j, i = k, k
        while i > 0 and toks.cap[i - 1] and toks.word[i - 1]:
            i -= 1
        if not 2 <= j - i <= 3:
            return False
    return False


def _typed_after(text, toks, end, rules) -> bool:
    """A place-type word or ", <US state>" follows ("Independence, Mo.", "Mark County")."""
    if end >= len(toks.text):
        return False
    if toks.lower[end] in rules.place_types:                # "Mark County", "Police village"
        return not toks.cap[end] or toks.lower[end] in ("county", "parish", "township")
    return toks.text[end] == "," and rules.state_abbr_re.match(text, toks.start[end]) is not None


def _words_before(toks: _Tokens, i: int, limit: int = 5) -> list[str]:
    out = []
    j = i - 1
    while j >= 0 and len(out) < limit and not toks.punct[j]:
        out.append(toks.lower[j])
        j -= 1
    out.reverse()
    return out


def _sentence_before(toks: _Tokens, i: int, limit: int = 12) -> list[str]:
    """The words before token i in its sentence, up to ``limit`` tokens back, across commas, "&" and the dots of
    abbreviations ("transported to St. John Hospital & Medical Center in X")."""
    out = []
    for j in range(i - 1, max(i - limit, 0) - 1, -1):
        out.append(toks.lower[j])
        if toks.initial[j]:
            break
    out.reverse()
    return out


def _says_it_happened(toks: _Tokens, i: int, rules: _Rules) -> bool:
    """A verb of occurring before token i in its sentence: "it happened Sunday on Highway 30 in X"."""
    words = f" {' '.join(_sentence_before(toks, i))} "
    return any(verb in words for verb in rules.occurrence_words)


def _annotate(m: _Mention, toks: _Tokens, rules: _Rules, police_aliases: frozenset[str] = frozenset()) -> None:
    """Cues around a name: place-type word after it, locative/non-event words before it."""
    # not a word opening the next line or sentence: "... in Harlem\n\nPolice: ..." names no Harlem police
    if m.after < len(toks.text) and toks.word[m.after] and not m.ptype and not toks.initial[m.after]:
        word = toks.lower[m.after]
        pair = (word, toks.lower[m.after + 1]) if m.after + 1 < len(toks.text) else None
        if pair in rules.place_type_pairs:   # "under Aheri Police Station (Gadchiroli)": the station's area
            m.ptype, m.rank = " ".join(pair), rules.place_type_pairs[pair]
            m.after += 2
        elif word in rules.place_types:
            m.ptype, m.rank = word, rules.place_types[word]
            m.after += 1
            if m.after < len(toks.text) and toks.text[m.after] == "area":
                # "Balnoi sector area (Poonch district)": the area of a unit named for X, not a part of the
                # district to fold into it
                m.after += 1
                m.ptype, m.rank = None, 0
        elif (word in rules.town_facility_words and not toks.cap[m.after] and m.kind == "unknown"
              and m.after + 1 < len(toks.text) and toks.text[m.after + 1] == "("):
            m.after += 1                     # "at Al Qardabiya airbase (Al Jufrah)": the units of the place it is named for
        elif word in rules.town_road_words and not toks.cap[m.after]:
            # not a road placed by the town after it ("the Kfarhim roundabout in Zahle"), nor one between two towns
            # ("the Zahle-Kfarhim road")
            k = m.after + 1
            m.road = not (k + 1 < len(toks.text) and toks.lower[k] in ("in", "near", "of") and toks.cap[k + 1]
                          or _JOINED_CAPITAL.search(m.surface))
        elif word in rules.seat_suffixes:
            m.seat = True
        elif word in rules.resident_suffixes:
            m.resident = True
    before = _words_before(toks, m.t0)
    k = len(before)
    while k and before[k - 1] in ("the", "a", "an", "al", "el"):     # "in el Mina": an Arabic article left lower-case
        k -= 1
    # "in the village of X", "north of the city of X": the type word names X's kind.
    type_at = m.t0 - (len(before) - k) - 2
    # "in front of Abu Karim's convoy": before it, no front line nor a facility's town named for X
    in_front_of = k >= 3 and before[k - 3:k] == ["in", "front", "of"]
    if (k >= 2 and before[k - 1] == "of" and before[k - 2] in rules.place_types
            and type_at >= 0 and not toks.cap[type_at]           # not "Department of Labour"
            and not in_front_of):
        if not m.ptype:
            m.ptype, m.rank = before[k - 2], rules.place_types[before[k - 2]]
            m.type_before = True
            if m.kind == "unknown" and m.ptype in rules.vague_units:
                m.ptype, m.rank = "area", rules.place_types["area"]   # "in the region of Oum Taghrit": around it
        k -= 2
        while k and before[k - 1] in ("the", "a", "an"):
            k -= 1
    elif k >= 1 and before[k - 1] in rules.type_before_name:    # "residents of village Kothari", "in tambon X"
        if not m.ptype:
            m.ptype, m.rank = before[k - 1], rules.place_types[before[k - 1]]
            m.type_before = True
        k -= 1
    while k and before[k - 1] in rules.part_prefixes:          # "in northwest Albuquerque"
        k -= 1
        while k and before[k - 1] in ("the", "a", "an"):        # "at a southeast Travis County home"
            k -= 1
    words = before[:k]
    if words:
        last = words[-1]
        if len(words) >= 2 and (last == "of" and words[-2] in rules.relation
                                or last == "from" and words[-2] in rules.distance_units):    # "65 km from X"
            m.relation = True
        elif last in rules.locative:
            m.locative, m.loc_word = True, last
        elif tuple(words[-2:]) in rules.near_phrases:               # "close to X": near X
            m.locative, m.loc_word = True, "near"
            words = words[:-2] + ["near"]
        if last == "of" and len(words) >= 2 and words[-2] in rules.facility_words and not in_front_of:
            # "outside the regional court of Limassol": the building's town is the place
            if any(w in rules.locative for w in words[-6:-2]):
                m.locative, m.loc_word = True, next(w for w in reversed(words[-6:-2]) if w in rules.locative)
            words = words[:-1] + ["<facility>"]
        if any(tuple(words[-n:]) in rules.nonevent_phrases for n in range(1, len(words) + 1)):
            m.nonevent, m.locative = True, False
        elif tuple(words[-3:]) in rules.hospital_phrases and rules.transfer_words.intersection(
                _sentence_before(toks, m.t0)[:-3]):
            m.nonevent, m.locative = True, False
        elif tuple(words[-2:]) in rules.facility_phrases and rules.holding_words.intersection(
                _sentence_before(toks, m.t0)[:-2]):
            m.nonevent, m.locative = True, False
        elif last in rules.nonevent_words:
            m.nonevent = True
        elif last in ("of", "from") and _after_full_name(toks, m.t0 - 1):
            m.nonevent, m.locative = True, False     # "Marcus Jones of Lackawanna": the man's home
        elif last in rules.weak_nonevent_words and not m.relation:
            m.weak_nonevent = True
    m.possessive = toks.possessive[m.t1 - 1]
    m.occurred = _says_it_happened(toks, m.t0, rules) and not (
        m.after < len(toks.text) and toks.lower[m.after] in ("and", "or", "&"))     # one of several places
    if m.surface in police_aliases:          # "LVMPD said": the city's police
        m.seat = True
    if not (m.locative or m.ptype or m.relation or m.seat or m.resident):
        # (not "As Sabaa": an Arabic article opening a longer name is no English word)
        if (toks.titled[m.t0] or toks.initial[m.t0] or m.key in rules.not_place
                or toks.lower[m.t0] in rules.not_place
                and not (toks.text[m.t0] in _ARTICLE_LOOKALIKES and m.t1 - m.t0 > 1)):
            m.weak = True


def _after_full_name(toks: _Tokens, k: int) -> bool:
    """Token k ("of", "from") follows a person's full name, or a name and an age ("Nicholas Lindsay, 24,")."""
    if k >= 2 and toks.text[k - 1] == "," and toks.text[k - 2].isdigit():
        k -= 2                               # ", 24," after the name
        if k >= 1 and toks.text[k - 1] == ",":
            k -= 1
    elif k >= 1 and toks.text[k - 1] == ",":
        k -= 1
    rules = _rules()                         # not "the Central Zone of Sao Paulo"
    return k >= 2 and all(toks.cap[t] and toks.word[t] and toks.text[t][1:].islower()
                          and toks.lower[t] not in rules.place_types and toks.lower[t] not in rules.not_place
                          for t in (k - 2, k - 1)) and person_key(f"{toks.text[k - 2]} {toks.text[k - 1]}") is not None


def _read_other_names(mentions: list[_Mention], toks: _Tokens, rules: _Rules, initials: list[int]) -> None:
    """In a sentence that says it gives local names ("in Kani Masi area (Kurdish name) in Barwari (Sidakan) region"), a
    type word after "X (Y)" makes Y X's official name, not its container: coders record Y, read with X's cues.
    Such a local "region" is an area of a district, not a province, as is any "region" the sentence names ("in
    Sidakan region of Soran"). Elsewhere "Mazar (Mazar-i-Sharif) city" keeps the name written first."""
    n = len(toks.text)
    local = {max(bisect_right(initials, k) - 1, 0) for k in range(2, n - 1)
             if toks.lower[k] in ("name", "names") and toks.text[k + 1] == ")" and toks.text[k - 2] == "("}
    if not local:
        return
    by_start = {m.t0: m for m in mentions}
    district = rules.place_types["district"]
    for m in mentions:
        if m.sentence in local and m.ptype == "region":
            m.rank = min(m.rank, district)  # "in Sidakan region of Soran": a local area, not a province
    for m in mentions:
        k = m.after
        if (m.sentence not in local or m.ptype or m.kind not in ("place", "unknown") or k + 1 >= n
                or toks.text[k] != "("):
            continue
        other = by_start.get(k + 1)
        if other is None or other.ptype or other.kind not in ("place", "unknown"):
            continue
        close = other.after
        if not (close + 1 < n and toks.text[close] == ")" and toks.word[close + 1] and not toks.cap[close + 1]
                and toks.lower[close + 1] in rules.place_types):
            continue
        other.ptype, other.rank = toks.lower[close + 1], min(rules.place_types[toks.lower[close + 1]], district)
        other.after = close + 2
        other.locative, other.loc_word, other.relation = m.locative, m.loc_word, m.relation
        other.nonevent, other.weak_nonevent, other.weak = m.nonevent, m.weak_nonevent, False
        m.embedded = True


# -- chains: "X, Y district, Z province, Country", "X (Y, Z)", "X area of Y", "X district in Y" ----
# "This was one of four related attacks in Qaisar district on this date": the series' place, not the incident's.
_SERIES = re.compile(r"\b(?:This|It) was (?:one|the (?:first|second|third|last)) of\b[^.]*")


def _mark_series(text: str, mentions: list[_Mention]) -> None:
    for match in _SERIES.finditer(text):
        for m in mentions:
            if match.start() <= m.start < match.end():
                m.nonevent, m.locative = True, False


def _link_chains(mentions: list[_Mention], toks: _Tokens, rules: _Rules) -> None:
    by_start = {m.t0: m for m in mentions if m.kind != "capital"}
    # "in Al Jawf, Ad Dali and Taizz governorates": a plural type word is each listed name's type
    for i, m in enumerate(mentions):
        if not (m.ptype and m.ptype.endswith("s") and m.ptype[:-1] in rules.place_types):
            continue
        later = m
        for p in reversed(mentions[:i]):
            between = [toks.lower[k] for k in range(p.after, later.t0)]
            if between not in ([","], ["and"], [",", "and"]) or p.ptype or p.kind not in ("place", "unknown"):
                break
            p.ptype, p.rank = m.ptype, m.rank
            later = p
    for m in mentions:
        # "Denver's Park Hill neighborhood": the possessive town contains the next name.
        nxt = by_start.get(m.after)
        if m.possessive and nxt is not None and nxt.ptype and nxt.kind in ("place", "unknown"):
            nxt.containers.append(m)
            m.contained = True
    peers = _between_peers(mentions, toks, by_start)
    for m in mentions:
        if m.embedded or m.kind in ("demonym", "country", "capital"):
            continue
        cur = m
        for _ in range(5):
            k = cur.after
            held = (cur is m and toks.lower[k:k + 2] == ["and", "its"] and k + 2 < len(toks.text)
                    and toks.lower[k + 2] in rules.surroundings_words)
            if held:
                k += 3                       # "Kafr Nubl and its surroundings in Idlib": the town is in Idlib
            if k >= len(toks.text):
                break
            link = toks.lower[k] if toks.word[k] else toks.text[k]
            nxt = by_start.get(k)                       # "Kandahar Afghanistan" (no comma)
            if nxt is not None and nxt.kind not in ("country", "state") and not _is_admin(nxt):
                nxt = None
            if nxt is None and link in (",", "(", "in", "of", "["):
                skip = k + 1
                while skip < len(toks.text) and toks.lower[skip] in ("the", "a"):
                    skip += 1
                nxt = by_start.get(skip)
                # "the village of X", and "Pinsk of the Brest region": a typed unit holds the name before "of"
                if nxt is not None and link == "of" and not (cur.ptype or nxt.ptype and nxt.rank >= 4):
                    nxt = None
                if nxt is None and link in ("in", ","):
                    # "Hatla in the eastern countryside of Deir-ez-Zor" (not "X, north of the city of Y")
                    nxt = next((c for c in mentions if c.type_before and not c.relation
                                and skip <= c.t0 <= skip + 5), None)
                if nxt is not None and link == "in" and not held and not (
                        cur.ptype or nxt.ptype or nxt.kind in ("country", "state") or nxt.areas
                        or (nxt.cities and cur.kind == "unknown" and cur.loc_word in rules.unknown_locatives)):
                    nxt = None
                # a name the gazetteer lacks, not marked as a place, is not put in one by "in": "members of the
                # Imbonerakure in Kabuye commune"
                if (nxt is not None and link == "in" and cur is m and m.kind == "unknown"
                        and not (m.ptype or m.locative or m.relation or m.dateline)):
                    nxt = None
            if nxt is None:
                if link == "," and cur is m:
                    # "X, north of the city of Y" / "X, near Y": Y is the reference point X lies near.
                    near_word = k + 1 < len(toks.text) and toks.lower[k + 1] in ("near", "outside")
                    ref = next((c for c in mentions if (c.relation or near_word)
                                and k < c.t0 <= k + 8 and c.kind in ("place", "unknown")), None)
                    if ref is not None:
                        m.near = ref
                        ref.contained = True
                        m.containers.extend(ref.containers)
                break
            if nxt.embedded or nxt.kind in ("demonym", "capital") or nxt is m:
                break
            if nxt.after < len(toks.text) and toks.lower[nxt.after] in ("and", "&"):
                break                                   # "in Kabul, Kandahar and Herat": peers
            if not _can_contain(cur, nxt):
                break
            if nxt in m.containers:
                cur = nxt
                continue
            if not m.containers and link == "(":
                m.paren_chain = True
            m.containers.append(nxt)
            nxt.contained = True
            cur = nxt
        if m.near is None and m.ptype:
            k = m.after
            if k < len(toks.text) and toks.lower[k] in ("near", "outside"):   # "the village of X near Y"
                ref = by_start.get(k + 1) or by_start.get(k + 2)
                if ref is not None and ref is not m and ref.kind in ("place", "unknown"):
                    m.near = ref
                    ref.contained = True
            elif m.ptype in rules.fold_into_town:
                # "al-Jalam area east of Samarra", "X area on the outskirts of Y": an area named by the town it lies
                # by (not contained: the town's own reading, with its "east of" cue, stays as it was)
                m.near = next((c for c in mentions if c.relation and not c.embedded and c.kind in ("place", "unknown")
                               and k + 2 <= c.t0 <= k + 5 and not any(toks.punct[k:c.t0])), None)
                m.by_town = m.near is not None
    for m in mentions:
        # "Kobama village near Oyugis (Rachuonyo South, Homa Bay)": the units in parentheses are the reference
        # town's, and event coders record the town whose units they give
        if m.near is not None and m.near.paren_chain:
            m.located, m.near.contained, m.near = True, False, None
        # "between Sollé and Titao (Titao, Loroum)": coders record the first; the units are both's
        peer = peers.get(id(m))
        if peer is not None:
            peer.located = True
            if not m.containers:
                m.containers = list(peer.containers)
        # "Qarwat region (Wadi Sirr, Abyan)": a unit typed as a province whose parenthesis gives its district and
        # province is a local area inside them (as a local "region" of _read_other_names is)
        if m.paren_chain and len(m.containers) >= 2 and m.rank >= PROVINCE_RANK and not m.type_inside:
            m.rank = rules.place_types["district"]


def _between_peers(mentions: list[_Mention], toks: _Tokens, by_start: dict) -> dict[int, _Mention]:
    """The second of "between X and Y" for each X, marked as a place as X is by "between" ("between Sahem and
    Al-Mataiyah in the countryside of Dar'a": Y too is put in the countryside)."""
    peers = {}
    part_prefixes = _rules().part_prefixes
    for m in mentions:
        if m.loc_word == "between" and not m.embedded and m.kind in ("place", "unknown"):
            k = m.after + (m.after < len(toks.text) and toks.lower[m.after] == "and")
            # "between Busra and Eastern Ghariyah": a compass word before the second name is no name
            while k < len(toks.text) and (toks.lower[k] in ("the", "a") or toks.lower[k] in part_prefixes):
                k += 1
            peer = by_start.get(k) if k > m.after else None
            if peer is not None and peer is not m and peer.kind in ("place", "unknown") and not peer.embedded:
                peers[id(m)] = peer
                if not peer.locative:
                    peer.locative, peer.loc_word = True, "between"
    return peers


def _is_admin(m: _Mention) -> bool:
    return bool(m.areas) and not m.cities


def _can_contain(inner: _Mention, outer: _Mention) -> bool:
    if inner.kind in ("country", "state"):
        return False
    if outer.kind in ("country", "state"):
        return True
    if outer.ptype and outer.rank <= 2 and not inner.ptype and _big_city(load_gazetteer(), inner):
        return False                         # "from Deir-ez-Zor, in the town of Jarablus": no city is in a town
    if outer.ptype and inner.ptype:
        return outer.rank >= inner.rank
    return True


# -- analysis of one text ------------------------------------------------------------------------
@dataclass
class _Analysis:
    mentions: list[_Mention]
    countries: Counter          # iso2 -> weighted evidence
    explicit: set[str]          # iso2 named by country name/alias/demonym (outside org names)
    placed: set[str]            # ... of them, those named other than as a side ("Romanian soldiers", "Saudi forces")
    sides: Counter              # iso2 -> the part of its evidence that is a side's nationality ("Saudi forces")
    states: Counter             # US postal -> count
    admin1: Counter             # (iso2, admin1 name) -> count
    dateline: list[_Mention]
    paired_states: Counter      # US postal -> "City, ST" pairs naming it


_DATELINE = re.compile(
    r"(?m)^[ \t]*(?:By [^\n]{1,60}\n+[ \t]*)?(?P<place>[A-Z][A-Z.'’\-]+(?:[ ][A-Z][A-Z.'’\-]+){0,3})"
    r"(?P<state>[ ]?,[ ]*[A-Z][A-Za-z.]{1,14}(?:[ ][A-Z][A-Za-z.]{1,14})?)?[ ]*(?:\((?P<station>[^)\n]{1,40})\))?[ ]*"
    # the dash may be missing after a station's name: "FORT WAYNE, Ind. (WANE) Fort Wayne police ..."
    r"(?:(?:—|–|--|-)[ ]|(?(station)(?=[A-Z])|(?!)))")
_CAPITAL = re.compile(
    r"\b(?P<pos>[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)['’]s\s+capital\b"
    r"|\b(?:the\s+)?(?P<adj>[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)\s+capital\b(?!\s+(?:of|city\s+of))"
    r"|\bcapital(?:\s+city)?\s+of\s+(?:the\s+)?(?P<of>[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+){0,3})")


@lru_cache(maxsize=256)
def _analyse(text: str) -> _Analysis:
    gaz = load_gazetteer()
    rules = _rules()
    toks = _tokenise(text)
    _mark_dateline_tokens(text, toks)
    _mark_masthead_tokens(text, toks, rules)
    mentions = _find_mentions(text, toks, gaz, rules)
    initials = list(compress(range(len(toks.text)), toks.initial))    # where the text's sentences start
    for m in mentions:
        _annotate(m, toks, rules, gaz.police_alias)
        m.sentence = max(bisect_right(initials, m.t0) - 1, 0) if m.t0 < len(toks.text) else len(initials) - 1
        m.masthead = toks.masthead[m.t0] if m.t0 < len(toks.text) else False
        m.titled = toks.titled[m.t0] if m.t0 < len(toks.text) else False
        if m.kind == "state" and m.locative and any(
                gaz.city_cc[c] == "US" and gaz.city_pop[c] >= BIG_CITY for c in m.cities):
            m.kind = "place"                 # "in Washington", "in New York": the city
    # "fought Bani Salim tribesmen in Lahij": a tribe's, a clan's or a unit's name is no place (nor any inside it),
    # though tribes are often named as their land is
    groups = [(m.t0, m.t1) for m in mentions if m.kind in ("place", "unknown") and m.after < len(toks.text)
              and toks.lower[m.after] in rules.group_suffixes]
    mentions = [m for m in mentions if not any(t0 <= m.t0 and m.t1 <= t1 for t0, t1 in groups)]
    _add_us_pairs(text, toks, mentions, gaz, rules)
    _add_capitals(text, toks, mentions, gaz, rules)
    mentions.sort(key=lambda m: m.start)
    _mark_asides(toks, mentions)
    _mark_answered(toks, mentions, rules)
    _read_other_names(mentions, toks, rules, initials)
    _link_chains(mentions, toks, rules)
    _mark_series(text, mentions)
    for m in mentions:
        if m.contained:
            m.weak = False                   # "(Rafah, North Sinai)": a chain's container is named as a place
    dateline = _mark_datelines(text, mentions)
    countries: Counter = Counter()
    explicit: set[str] = set()
    placed: set[str] = set()                 # not only as a side
    sides: Counter = Counter()
    states: Counter = Counter()
    admin1: Counter = Counter()
    def evidence(cc: str, weight: float, side: bool) -> None:
        countries[cc] += weight
        explicit.add(cc)
        if side:
            sides[cc] += weight
        else:
            placed.add(cc)

    for m in mentions:
        if m.embedded:
            continue
        if m.kind == "country":
            if m.after < len(toks.text) and toks.lower[m.after] in rules.not_country_after or m.nonevent:
                continue                     # "the US dollar", "fled to Nigeria"
            if tuple(w for w in _words_before(toks, m.t0, 3) if w != "the")[-2:] in rules.neighbour_phrases:
                continue                     # "near the border with Chad": the neighbour
            # "Israel strikes Gaza City", "airstrikes by Israel": the attacking side; "nine (soldiers) from South
            # Africa": whose, not where. A hint of where at most.
            before = m.t0 - 1 - (m.t0 > 1 and toks.lower[m.t0 - 1] == "the")
            side = before >= 0 and toks.lower[before] in ("by", "from") \
                or not m.locative and m.after < len(toks.text) and toks.lower[m.after] in rules.attack_after_country \
                or m.after < len(toks.text) and toks.lower[m.after] in rules.actor_after_demonym \
                or _opens_body_name(toks, m)                # "US soldiers", "the U.S. Department of Defense"
            evidence(m.country, 0.75 if side else 3, side)
        elif m.kind == "demonym":
            if m.t0 and toks.lower[m.t0 - 1] == "in" and not _modifies(toks, m.after):
                continue                     # "she said in Spanish": a language
            # "Saudi forces": a side, only a hint of where it happened
            # "a group of Malians": people, as "Malian nationals" are
            side = (m.after < len(toks.text) and (toks.lower[m.after] in rules.actor_after_demonym
                                                  or toks.cap[m.after])     # "the Iraqi Parliament" (a body)
                    or m.t0 and toks.lower[m.t0 - 1] == "of"
                    or m.nonevent)          # "according to Palestinian sources": who said it, not where
            evidence(m.country, 0.25 if side else 1, side)
        elif m.kind == "state":
            states[m.state] += 1
            countries["US"] += 2
        elif m.areas and not m.weak and not m.loose_areas:
            # a name its own chain puts in another country is not evidence: "Rafah (Rafah, North Sinai)"
            around = _chain_countries(m, gaz)
            areas = [gaz.areas[a] for a in m.areas if not around or gaz.areas[a].country in around]
            if not areas:
                continue
            level1 = {(a.country, a.admin1) for a in areas if a.level == 1}
            if len({a.country for a in areas}) > 1:
                pass                         # ambiguous across countries: no evidence
            elif len(level1) == 1 and (m.ptype or not m.cities or m.contained):
                (cc, name), = level1
                admin1[(cc, name)] += 1
                countries[cc] += 2
            elif areas[0].country == "US" and (m.ptype in ("county", "parish", "borough")
                                               or m.key.endswith((" county", " parish"))):
                countries["US"] += 1         # "Vanderburgh County"
                for a in areas:
                    state = gaz.us_state_code.get(a.admin1)
                    if state:
                        states[state] += 1 / len(areas)
    for m in mentions:
        if "-" in m.surface and m.t1 < len(toks.text) and toks.lower[m.t1] in rules.line_words:
            # "along the Malian-Nigerien border": the line between two countries, the first named taken as where
            named = [cc for part in m.surface.split("-") if (cc := _hyphen_country(gaz, part))]
            for k, cc in enumerate(dict.fromkeys(named)):
                evidence(cc, 0.25 if k else 1, bool(k))
    for m in mentions:
        if m.ptype in rules.type_countries and not m.embedded:
            countries[rules.type_countries[m.ptype]] += 1
        if m.kind == "place" and m.cities and not m.embedded:
            state = _big_city_state(gaz, m.cities, m.key)
            if state:
                states[state] += BIG_CITY_STATE_VOTE
            # "Spokane police", "in Spokane": a name that is a town of one country only puts the story there
            if (m.locative or m.seat or m.resident or m.us_pair or m.dateline) and not (m.nonevent or m.weak_nonevent):
                home = _one_country(gaz, m.cities)
                if home:
                    countries[home] += ONE_COUNTRY_VOTE
        # "the Tyre-Sidon highway": a road joining towns of one country only runs in it (not "Beirut-Damascus")
        if m.after < len(toks.text) and toks.lower[m.after] in rules.town_road_words and not m.embedded:
            home = _road_country(gaz, m.surface)
            if home:
                countries[home] += ONE_COUNTRY_VOTE
    lowered = text.lower() if text.isascii() else None
    for pattern, phrases, cc in rules.country_cues:   # weak: "Sheriff's Office", "the 2500 block of"
        # A case-insensitive search tries every position: in ASCII text (where lower-casing is what re.I
        # does) a phrase must be a substring of the lower-cased text first, which str finds far faster.
        if (lowered is None or any(p in lowered for p in phrases)) and pattern.search(text):
            countries[cc] += 1
    if _names_call_sign(text):                      # "(WKRN)", "Copyright 2017 WBRC": a US station's story
        countries["US"] += 1
    paired = Counter(m.state for m in mentions if m.us_pair and m.state and not m.masthead)
    return _Analysis(mentions, countries, explicit, placed, sides, states, admin1, dateline, paired)


def _mark_asides(toks: _Tokens, mentions: list[_Mention]) -> None:
    """Names inside a ", who ... ," clause about a person tell that person's past, not where the incident happened,
    when a place after the clause in the sentence says where ("the commander, who had fought in Ruritania, was
    killed in an airstrike in Freedonia": Freedonia)."""
    text, lower = toks.text, toks.lower
    if "who" not in lower and "whom" not in lower and "whose" not in lower:
        return
    for i in range(len(text) - 1):
        if text[i] != "," or lower[i + 1] not in ("who", "whom", "whose"):
            continue
        close = _clause_end(toks, i + 2, (",",))
        if close == len(text) or text[close] != ",":
            continue
        end = _clause_end(toks, close + 1, ())
        if any(close < n.t0 < end and n.locative and not (n.embedded or n.nonevent) for n in mentions):
            _set_aside(mentions, i + 1, close)


def _mark_answered(toks: _Tokens, mentions: list[_Mention], rules: _Rules) -> None:
    """Names inside an "in response to ..." clause, up to a comma or the sentence's end, are the answered event's
    places, not this incident's ("drones hit depots in response to two soldiers killed in Ruritania"), unless the
    clause opens its sentence."""
    lower, n = toks.lower, len(toks.text)
    for phrase in rules.answered_phrases:
        if not all(w in lower for w in phrase):
            continue
        size = len(phrase)
        for i in range(1, n - size + 1):
            if lower[i] != phrase[0] or tuple(lower[i:i + size]) != phrase or toks.initial[i]:
                continue
            _set_aside(mentions, i + size, _clause_end(toks, i + size, (",", ";")))


def _clause_end(toks: _Tokens, start: int, stops: tuple[str, ...]) -> int:
    """The first token from `start` that is one of `stops` or opens a sentence (the number of tokens if none)."""
    return next((k for k in range(start, len(toks.text)) if toks.text[k] in stops or toks.initial[k]),
                len(toks.text))


def _set_aside(mentions: list[_Mention], first: int, end: int) -> None:
    """Names starting at tokens first..end-1 tell another event's place or a person's past: not the incident's."""
    for m in mentions:
        if first <= m.t0 < end:
            m.nonevent, m.locative = True, False


def _opens_body_name(toks: _Tokens, m: _Mention) -> bool:
    """A country's name after "the" and before a capitalised word, neither said to be where, opens the name of a
    body of that state ("the U.S. Department of Defense reports", "The Ruritania Coast Guard said"): a side."""
    return (not m.locative and m.t0 > 0 and toks.lower[m.t0 - 1] == "the" and m.t1 < len(toks.text)
            and toks.cap[m.t1] and not toks.initial[m.t1] and not toks.titled[m.t0])


def _hyphen_country(gaz: Gazetteer, part: str) -> str | None:
    """The country one part of a hyphenated pair names ("Malian" of "Malian-Nigerien"), by its name or demonym."""
    folded = fold(part.strip())
    return gaz.country_exact.get(part.strip()) or gaz.country_keys.get(folded) or gaz.demonym_keys.get(folded)


@lru_cache(maxsize=1 << 12)
def _one_country(gaz: Gazetteer, cities: tuple[int, ...]) -> str | None:
    """The country of a town name when all its towns are in that one country and one is a known town."""
    countries = {gaz.city_cc[c] for c in cities}
    if len(countries) != 1 or max(gaz.city_pop[c] for c in cities) < KNOWN_TOWN:
        return None
    return countries.pop()


@lru_cache(maxsize=1 << 12)
def _road_country(gaz: Gazetteer, name: str) -> str | None:
    """The one country holding a town of each name a road is named for ("Tyre-Sidon"), one of them a known town."""
    parts = [name_key(p) for p in name.split("-")]
    if len(parts) < 2 or not all(parts):
        return None
    towns = [gaz.cities(p) for p in parts]
    common = set.intersection(*({gaz.city_cc[c] for c in ids} for ids in towns))
    if len(common) != 1:
        return None
    cc, = common
    return cc if any(gaz.city_cc[c] == cc and gaz.city_pop[c] >= KNOWN_TOWN for ids in towns for c in ids) else None


@lru_cache(maxsize=1 << 12)
def _big_city_state(gaz: Gazetteer, cities: tuple[int, ...], key: str) -> str | None:
    """The US state of the big city a name denotes when that reading dwarfs its others ("Chicago", not
    "Springfield"): a story naming it is likely in its state. Only by the city's own name: "Fayette County"
    is Lexington's alias, and a county of eleven states."""
    best = max(cities, key=gaz.city_pop.__getitem__)
    pop = gaz.city_pop[best]
    if gaz.city_cc[best] != "US" or pop < BIG_CITY or name_key(gaz.city_name[best]) != key:
        return None
    if any(c != best and gaz.city_pop[c] * BIG_CITY_DWARFS > pop for c in cities):
        return None
    return gaz.us_state_code.get(gaz.city_admin1[best])


def _chain_countries(m: _Mention, gaz: Gazetteer) -> set[str]:
    """Countries the names after m in its chain can be in."""
    out: set[str] = set()
    for c in m.containers:
        if c.kind in ("country", "demonym"):
            out.add(c.country)
        elif c.kind == "state":
            out.add("US")
        else:
            out |= {gaz.areas[a].country for a in c.areas} | {gaz.city_cc[ci] for ci in c.cities}
    return out


def _add_us_pairs(text, toks, mentions, gaz, rules) -> None:
    """ "City, ST" / "City, State": the state resolves the town and is a strong place cue."""
    by_after = {m.after: m for m in mentions}
    for match in rules.state_abbr_re.finditer(text):
        comma = bisect_left(toks.start, match.start())
        m = by_after.get(comma)
        if m is None or m.kind == "country" or m.embedded:
            continue
        abbr = match.group(1)
        code = gaz.us_state_abbr.get(abbr) or gaz.us_state_keys.get(fold(abbr))
        if not code:
            continue
        state_name = gaz.us_state_name.get(code)
        # Postal codes count only after a name that is a town of that state ("IN", "OR" are words).
        if len(abbr) == 2 and abbr.isupper():
            if not any(gaz.city_cc[c] == "US" and gaz.city_admin1[c] == state_name for c in m.cities):
                continue
        if m.kind == "state":
            m.kind = "place"
        m.us_pair, m.weak = True, False
        state_m = next((s for s in mentions if s.start == match.start(1)), None)
        if state_m is None:
            t0 = bisect_left(toks.start, match.start(1))
            t1 = bisect_left(toks.start, match.end(1))
            state_m = _Mention(abbr, match.start(1), match.end(1), t0, t1, t1, name_key(abbr), "state")
            mentions.append(state_m)
        state_m.kind, state_m.state, state_m.contained, state_m.embedded = "state", code, True, False
        m.state = code
        if state_m not in m.containers:
            m.containers.insert(0, state_m)


def _add_capitals(text, toks, mentions, gaz, rules) -> None:
    """ "the Somali capital", "the capital of Somalia", "Somalia's capital" -> the capital city."""
    if "capital" not in text:
        return                               # every pattern of _CAPITAL has the word
    for match in _CAPITAL.finditer(text):
        name = match.group("adj") or match.group("of") or match.group("pos")
        cc = gaz.country_exact.get(name) or gaz.country_keys.get(fold(name)) or gaz.demonym_keys.get(fold(name))
        if not cc or cc not in gaz.capital_city:
            continue
        city = gaz.capital_city[cc]
        t0, t1 = bisect_left(toks.start, match.start()), bisect_left(toks.start, match.end())
        m = _Mention(gaz.city_name[city], match.start(), match.end(), t0, t1, t1,
                     name_key(gaz.city_name[city]), "capital", cities=(city,), country=cc)
        _annotate(m, toks, rules)
        m.weak = False
        for other in mentions:
            if other.start >= match.start() and other.end <= match.end():
                other.contained = True
        mentions.append(m)


def _dateline(text: str) -> re.Match | None:
    """The first dateline in the text's first DATELINE_CHARS characters. One begins only at a line start: the
    pattern is tried at each of those, not (as a search would) at every position."""
    start = 0
    while True:
        match = _DATELINE.match(text, start, DATELINE_CHARS)
        if match:
            return match
        newline = text.find("\n", start, DATELINE_CHARS)
        if newline < 0:
            return None
        start = newline + 1


def _mark_dateline_tokens(text: str, toks: _Tokens) -> None:
    match = _dateline(text)
    if match is None:
        return
    lo, hi = match.start("place"), match.end("place")
    for i in range(bisect_left(toks.start, lo), bisect_left(toks.start, hi)):
        toks.dateline[i] = toks.end[i] <= hi


def _mark_masthead_tokens(text: str, toks: _Tokens, rules: _Rules) -> None:
    """Tokens after " - " / " | " on a line whose tail names a newsroom ("- WKRN News 2")."""
    starts = toks.start
    done = -1                                # the last line marked: its later dashes are not looked at
    for dash in _MASTHEAD_DASH.finditer(text):
        i = bisect_left(starts, dash.start() + 1)
        line_start = text.rfind("\n", 0, dash.start()) + 1
        first = bisect_left(starts, line_start)
        if first == i or first == done:
            continue                         # the line's first token: nothing before the dash
        line_end = text.find("\n", dash.end())
        tail = range(i + 1, bisect_left(starts, line_end) if line_end >= 0 else len(toks.text))
        if len(tail) <= 25 and any(toks.lower[t] in rules.masthead_words or _is_call_sign(toks.text[t])
                                   for t in tail[:4]):
            toks.masthead[tail.start:tail.stop] = [True] * len(tail)
            done = first
            if _cut_short(text, toks, i - 1):
                toks.masthead[i - 1] = True


def _cut_short(text: str, toks: _Tokens, k: int) -> bool:
    """The word before a headline's publisher is cut off, as page titles are at a fixed length ("shooting
    outside Hi - WBTV" of Hickory): a longer word of the text begins with it, or (the rest of the text not at hand)
    it is no name the gazetteer knows. Not a name, then."""
    word = toks.text[k]
    return bool(toks.cap[k]) and (re.search(rf"\b{re.escape(word)}[a-z]", text) is not None
                                  or _lookup(load_gazetteer(), word, name_key(word)) is None)


# Broadcast call signs beginning with K or W are allotted to US stations only (ITU prefixes).
# ... of four letters (a channel number may follow: "KCTV5"), or three with the service after a hyphen
# ("WXY-TV", "KXYZ-FM"); and a US network's station by its channel ("NBC10", "ABC7").
# (The look-behinds follow the first letters, so that the regex engine skips to those.)
_CALL_SIGN = re.compile(r"[KW](?<![\w-][KW])(?:[A-Z]{3}\d{0,2}(?![\w-])|[A-Z]{2,3}-(?:TV|FM|AM|DT)(?![\w-]))"
                        r"|(?:NBC|CBS|ABC|FOX)(?<![\w-]...)\d{1,2}(?![\w-])")


def _names_call_sign(text: str) -> bool:
    """A US station's call sign in the text, outside all-capital lines (where "WITH", "WHAT" are words)."""
    for match in _CALL_SIGN.finditer(text):
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.end())
        if not text[start:end if end >= 0 else len(text)].isupper():
            return True
    return False


def _is_call_sign(word: str) -> bool:
    return _CALL_SIGN.fullmatch(word) is not None


def _mark_datelines(text: str, mentions: list[_Mention]) -> list[_Mention]:
    for m in mentions:
        if m.dateline and m.kind in ("place", "unknown", "capital"):
            m.weak, m.embedded, m.nonevent, m.weak_nonevent = False, False, False, False
            return [m]
    return []


# -- resolution ----------------------------------------------------------------------------------
def _distance_km(lat1, lon1, lat2, lon2) -> float:
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(min(1.0, a)))


@dataclass
class _Resolved:
    """One gazetteer reading of a name."""
    kind: str                   # city | area (admin2) | admin1 | country
    name: str
    cc: str
    admin1: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    pop: int
    fit: float                  # agreement with the chain's (resolved) containers
    score: float
    alt_admin1: tuple[str, ...] = ()   # a country name that is also a province elsewhere ("Niger")


def _fit(gaz: Gazetteer, cc, admin1, admin2, lat, lon, outer: list[_Resolved]) -> float | None:
    """How well a reading sits inside the resolved names its chain puts after it; None = contradicted."""
    fit = 0.0
    for o in outer:
        if o.kind == "country":
            if o.cc == cc:
                fit += 3
            elif any(gaz.areas[a].country == cc and gaz.areas[a].admin1 == admin1 for a in o.alt_admin1):
                fit += 3                     # "Pandogari (Rafi LGA, Niger)": Niger state, Nigeria
            else:
                return None
        elif o.cc != cc:
            return None
        elif o.kind == "admin1" and o.admin1 != admin1 and cc == "US":
            return None                      # "the Big Bend region of Texas": US state names are not spelt loosely
        elif o.kind == "admin1":
            fit += 3 if o.admin1 == admin1 else 0.5
        elif o.kind == "area":
            same_admin1 = o.admin1 == admin1
            fit += 3 if same_admin1 and (admin2 is None or o.name == admin2) else (1 if same_admin1 else 0.3)
        elif o.kind == "city":
            close = lat is not None and o.lat is not None and _distance_km(lat, lon, o.lat, o.lon) < NEAR_KM
            fit += 2.5 if close else (1.0 if o.admin1 == admin1 else 0.3)
    return fit


class _Context:
    """Country/admin evidence of the whole input, to disambiguate names."""

    def __init__(self, analyses: list[_Analysis], people_text: str = "", homes: list[Counter] = ()):
        self.people_text = people_text       # the text whose words for people are read (when a name needs them)
        self.countries: Counter = Counter()
        self.admin1: Counter = Counter()
        self.states: Counter = Counter()
        for weight, an in zip(CONTEXT_WEIGHTS, analyses):
            for cc, v in an.countries.items():
                self.countries[cc] += weight * v
            for k, v in an.admin1.items():
                self.admin1[k] += weight * v
            for k, v in an.states.items():
                self.states[k] += weight * v
        iso2 = load_gazetteer().iso3_to_iso2
        for weight, found in zip(CONTEXT_WEIGHTS, homes):   # groups that fight in one country: where, likely
            for cc3, n in found.items():
                if cc3 in iso2:
                    self.countries[iso2[cc3]] += weight * ACTOR_HOME_VOTE * n
        total = sum(self.countries.values()) or 1
        self.share = {cc: v / total for cc, v in self.countries.items()}
        self.top = self.countries.most_common(1)[0][0] if self.countries else None
        self.dominant = self.top if self.top and self.share[self.top] >= DOMINANT_SHARE else None
        # ... and by more than a side's nationality: "Saudi forces shelled Razih district (Sadah)" is in Yemen
        side = sum(weight * an.sides[self.top] for weight, an in zip(CONTEXT_WEIGHTS, analyses)) if self.top else 0
        self.placed_dominant = self.dominant if self.dominant and self.countries[self.dominant] > side else None
        # the US state the text's "City, ST" pairs (datelines included) put it in, when they agree
        paired = sum((an.paired_states for an in analyses), Counter())
        state, n = paired.most_common(1)[0] if paired else (None, 0)
        self.dominant_state = state if n > DOMINANT_SHARE * sum(paired.values()) else None
        self.memo: dict = {}

    @cached_property
    def people(self) -> frozenset[str]:
        """Keys of the words the article uses for people: read only when a bare name would be the place."""
        return person_words(self.people_text)


def _resolve_chain(chain: list[_Mention], gaz: Gazetteer, ctx: _Context) -> list[_Resolved | None]:
    """Readings of a chain's names that fit together best: "X, Y district, Z province, Country" is
    read outermost first (Country, Z inside it, Y inside Z, X inside Y), keeping a few readings of
    each name so that "Bosaso (Bossaso, Bari)" finds Bari, Somalia rather than Bari, Italy."""
    key = tuple(id(m) for m in chain)
    if key in ctx.memo:
        return ctx.memo[key]
    beams: list[tuple[list[_Resolved | None], float]] = [([], 0.0)]
    last_named = max((i for i, m in enumerate(chain) if m.kind not in ("country", "state")), default=-1)
    for idx in range(len(chain) - 1, -1, -1):
        grown = []
        for assigned, total in beams:
            outer = [r for r in assigned if r is not None]
            options = _readings(chain[idx], outer, gaz, ctx, outermost=idx == last_named and idx > 0,
                                unit=idx > 0 and chain[0].paren_chain)
            for reading in options[:CHAIN_BEAM]:
                grown.append(([reading] + assigned, total + reading.score))
            if chain[idx].kind != "state" or not options:   # a US state named is that state
                # the admin units in parentheses are the town's ("Bouloye (Dori, Seno)"): one of them that the
                # gazetteer holds but no reading fits is contradicted by the outer ones, as costly as unread
                known = options or chain[0].paren_chain and (chain[idx].cities or chain[idx].areas)
                grown.append(([None] + assigned, total + (UNRESOLVED_PENALTY if known else 0.0)))
        grown.sort(key=lambda beam: -beam[1])
        # the best way of leaving this name unresolved stays in the beam, so that a namesake abroad of the
        # outer name does not shut out the reading of the names inside it ("Kalumbo (Dori, Seno)": Seno is
        # no Lao village when Dori is the Burkinabe town)
        unresolved = next((beam for beam in grown if beam[0][0] is None), None)
        beams = grown[:CHAIN_BEAM]
        if unresolved is not None and unresolved not in beams:
            beams.append(unresolved)
    ctx.memo[key] = beams[0][0]
    return beams[0][0]


def _resolve(m: _Mention, outer: list[_Resolved], gaz: Gazetteer, ctx: _Context) -> _Resolved | None:
    readings = _readings(m, outer, gaz, ctx)
    return readings[0] if readings else None


def _readings(m: _Mention, outer: list[_Resolved], gaz: Gazetteer, ctx: _Context,
              outermost: bool = False, unit: bool = False) -> list[_Resolved]:
    """Gazetteer entries a mention may name, best first, given its resolved containers and the
    text's countries and admin areas. ``outermost``: the last named unit of a chain, usually the
    province ("Bosaso town (Bossaso, Bari)"). ``unit``: a name in the parentheses after a town, which
    event coders fill with its district and province ("El Bouni (El Bouni)": the Algerian commune, not a
    Comorian village), read as a district is."""
    if m.kind == "country":
        country = gaz.countries.get(m.country)
        alt = tuple(a for a in m.areas if gaz.areas[a].level == 1 and gaz.areas[a].country != m.country)
        return [_Resolved("country", country.name if country else m.surface, m.country, None, None,
                          country.latitude if country else None, country.longitude if country else None,
                          0, 0.0, 0.0, alt)]
    if m.kind == "state":
        name = gaz.us_state_name.get(m.state)
        area = gaz.admin1_area("US", name) if name else None
        return [_Resolved("admin1", name or m.surface, "US", name, None,
                          area.latitude if area else None, area.longitude if area else None, 0, 0.0, 2.0)]
    if m.kind not in ("place", "capital"):
        return []
    out: list[_Resolved] = []
    district_like = m.rank >= 4 or unit
    written = fold(m.surface)
    # the provinces of this name: a town in one of them pays no other-spelling cost ("Zaporizhzhia" is still the
    # city, spelt Zaporizhia, not its oblast)
    provinces = {(gaz.areas[ai].country, gaz.areas[ai].admin1) for ai in m.areas if gaz.areas[ai].level == 1}
    state_name = gaz.us_state_name.get(m.state) if m.state else None
    for ci in m.cities[:400]:
        cc, admin1 = gaz.city_cc[ci], gaz.city_admin1[ci]
        if state_name and not (cc == "US" and admin1 == state_name):
            continue
        lat, lon, pop = gaz.city_lat[ci], gaz.city_lon[ci], gaz.city_pop[ci]
        fit = _fit(gaz, cc, admin1, None, lat, lon, outer)
        if fit is None:
            continue
        score = math.log10(pop + 10) / 2 + fit + 3 * ctx.share.get(cc, 0.0) + _state_bonus(cc, admin1, gaz, ctx)
        if fold(gaz.city_name[ci]) != written and (cc, admin1) not in provinces:
            score += OTHER_SPELLING
        if ctx.admin1.get((cc, admin1)):
            score += 1.5
        if district_like:
            score -= 0.5
        out.append(_Resolved("city", gaz.city_name[ci], cc, admin1, gaz.city_admin2[ci] or None,
                             lat, lon, pop, fit, score))
    with_admin1 = {cc for cc, _ in provinces}
    town_countries = {gaz.city_cc[ci] for ci in m.cities[:400]}     # "Tillabery": the town, so its region too
    # "killed in Borno": Nigeria's state, not an Italian village; a province weighs as a sizeable town unless
    # its country has a town so named ("Khan Younis") or the name is somewhere both a province and its
    # capital ("Odesa", "Colon"): coders read those as the town
    capital_pair = any((gaz.city_cc[ci], gaz.city_admin1[ci]) in provinces for ci in m.cities[:400])
    for ai in m.areas:
        area = gaz.areas[ai]
        if state_name and not (area.country == "US" and area.admin1 == state_name):
            continue
        fit = _fit(gaz, area.country, area.admin1, area.name if area.level == 2 else None,
                   area.latitude, area.longitude, outer)
        if fit is None:
            continue
        if ai in m.loose_areas and not (ctx.share.get(area.country) or area.country in town_countries or fit > 0):
            continue                         # a loose spelling match needs the text's country, a town so spelt there
                                             # or its chain's province ("Mineral Chico municipality, Hidalgo")
        size = math.log10(area.towns + 1)
        if area.level == 1 and not capital_pair and area.country not in town_countries \
                and (ctx.share.get(area.country) or not ctx.share):     # not in a text about another country
            size = max(size, PROVINCE_AS_TOWN)
        score = (size + fit + 3 * ctx.share.get(area.country, 0.0)
                 + _state_bonus(area.country, area.admin1, gaz, ctx))
        if district_like or (m.ptype is None and not m.cities):
            score += 1.5
        if area.level == 1 and m.rank and m.rank < PROVINCE_RANK:
            score -= 2
        if area.level == 2 and m.rank >= PROVINCE_RANK and area.country in with_admin1:
            score -= 2               # not where the data holds provinces as second-level units ("Isabela province")
        if area.level == 1 and outermost:
            score += 2
        out.append(_Resolved("area" if area.level == 2 else "admin1", area.name, area.country, area.admin1,
                             area.name if area.level == 2 else None, area.latitude, area.longitude, 0, fit, score))
    # A small foreign namesake is not the place when the text is plainly about another country
    # ("Akashat, western Anbar" is not the Kazakh village): such readings are dropped.
    # Kept: a town of a US state the text names ("Roswell" in a story datelined "ALBUQUERQUE, N.M."
    # about a suspect held in Mexico).
    if ctx.placed_dominant and not (m.dateline or m.us_pair):
        out = [r for r in out if r.cc == ctx.placed_dominant or r.fit > 0 or r.pop >= BIG_CITY
               or _admin1_named(r, gaz, ctx)]
    # ... nor a small town of another US state when the text is plainly about one ("the Eagle Point
    # apartments" in a Durham, N.C. story is not Eagle Point, Oregon)
    state = gaz.us_state_name.get(ctx.dominant_state) if ctx.dominant_state else None
    if state and not (m.dateline or m.us_pair):
        out = [r for r in out if r.cc != "US" or r.admin1 == state or r.fit > 0 or r.pop >= BIG_CITY]
    out.sort(key=lambda r: -r.score)
    return out


def _state_bonus(cc: str, admin1: str | None, gaz: Gazetteer, ctx: _Context) -> float:
    """By how much the text names a reading's US state (a county name shared by 16 states is 1/16 a vote for
    each): a town's or a county's."""
    if cc != "US" or not ctx.states:
        return 0.0
    return 2 * min(1.0, max((v for s, v in ctx.states.items() if gaz.us_state_name.get(s) == admin1), default=0.0))


def _admin1_named(r: _Resolved, gaz: Gazetteer, ctx: _Context) -> bool:
    """The reading lies in a US state the text names (a vote or more). Only US states: other provinces' votes
    come from names matched loosely ("el-Shamali" of a Lebanese town is also Israel's Northern District)."""
    return r.cc == "US" and ctx.states.get(gaz.us_state_code.get(r.admin1 or "", ""), 0) >= 1


# -- reading one mention as the event's place ---------------------------------------------------
def _cue(m: _Mention) -> float:
    w = CUE_WEIGHTS
    cue = 0.0
    if m.dateline:
        cue += w["dateline"]
    if m.us_pair:
        cue += w["us_pair"]
    if m.ptype:
        cue += TYPE_WEIGHT_BY_RANK.get(m.rank, 1.0) * (0.5 if m.type_inside and m.kind == "unknown" else 1.0)
    if m.locative:
        cue += w["locative"]
    if m.containers or m.near:
        cue += w["chain"]
    if m.seat:
        cue += w["seat"]
    elif m.resident:
        cue += w["resident"]
    if m.kind == "capital":
        cue += w["capital"]
    if m.road and m.kind == "unknown":     # not a lone namesake abroad: "the Naama highway" in a story of elsewhere
        cue += w["road"]
    if m.relation:
        cue += w["relation"]
    if m.nonevent:
        cue += w["nonevent"]
    elif m.weak_nonevent and not (m.paren_chain and any(c.kind != "unknown" for c in m.containers)):
        cue += w["weak_nonevent"]      # not in "a resident of X (LGA, state)": event notes give X's units
    if m.weak:
        cue += w["weak"]
    return cue


def _head(chain: list[_Mention], res: list[_Resolved | None], rules: _Rules) -> int:
    """Index in the chain of the unit a coder records: quarters, camps and areas fold into the town
    or district named after them; "X, <big city>, <province>" is a part of the big city."""
    if len(chain) < 2:
        return 0
    m, first = chain[0], chain[1]
    if first.kind not in ("place", "unknown"):
        return 0
    first_res = res[1]
    settlement = first.ptype in ("village", "town", "city") or (
        first_res is not None and first_res.kind == "city" and first.rank < PROVINCE_RANK)
    own_inside = res[0] is not None and res[0].kind == "city" and res[0].fit >= 2.5
    if m.ptype in rules.city_part and not (first_res is not None and first_res.kind == "city"
                                           and first_res.pop >= BIG_CITY):
        # "Barangay X, Molo, Iloilo City": a barangay of a city's district is the city's, as one of the city is
        city = res[2] if len(chain) >= 3 and not first.ptype else None
        if (city is not None and city.kind == "city" and city.pop >= BIG_CITY and (first_res is None or (
                first_res.kind == "city" and first_res.pop < city.pop
                and _distance_km(first_res.lat, first_res.lon, city.lat, city.lon) < ABSORB_KM))):
            return 2
        return 0
    untyped_unknown = first.kind == "unknown" and not first.ptype    # a town the gazetteer lacks is still one
    if m.ptype in rules.sub_city and (settlement or untyped_unknown):
        return 1                             # "X neighborhood, Kolofata"
    # (not "X area of Lahij (Tuban, Lahij)": the units in parentheses end with the province it names)
    province_named = len(chain) >= 3 and chain[-1].key == first.key and chain[-1] is not first
    if (m.ptype in rules.fold_into_town and not m.type_before and not m.paren_chain
            and (settlement or 2 <= first.rank <= 4 or untyped_unknown) and not own_inside and not province_named):
        return 1
    # "Baghulat village in Kumarkhali Upazila": incident coders record the district when the
    # village is not in their gazetteer.
    # (not "X commune (Y District, Z)": the units in parentheses place a unit coded as such)
    if (m.ptype in rules.fold_into_district and first.ptype and first.rank == 4 and not own_inside and not m.paren_chain
            and not (m.type_before and m.ptype in rules.fold_into_town)):     # "in the area of X in Y county" is X
        return 1
    # "Bayelle, Bamenda city": a name before a town the text calls a city is a part of it
    if (not m.ptype and first.ptype == "city" and first_res is not None and first_res.kind == "city"
            and (res[0] is None or res[0].kind != "city" or res[0].pop < first_res.pop)):
        return 1
    # In "X, Kandahar, Afghanistan" Kandahar is the province: a big city is X's container only
    # when a province follows it ("Ntamulung, Bamenda, North-West, Cameroon"), or when it is the capital and X a name
    # the gazetteer lacks ("Taimani, Kabul, Afghanistan": capitals' quarters are recorded as the capital).
    followed = len(chain) >= 3 and chain[2].kind != "country"
    if (not m.ptype and not first.ptype and not m.paren_chain
            and first_res is not None and first_res.kind == "city"):
        if not followed:
            return 1 if m.kind == "unknown" and _is_capital(first_res) else 0
        own = res[0]
        if first_res.pop >= BIG_CITY and (own is None or own.kind != "city" or (
                own.pop < SMALL_TOWN and _distance_km(own.lat, own.lon, first_res.lat, first_res.lon) < NEAR_KM)):
            return 1
    return 0


def _is_capital(city: _Resolved) -> bool:
    gaz = load_gazetteer()
    capital = gaz.capital_city.get(city.cc)
    return capital is not None and gaz.city_lat[capital] == city.lat and gaz.city_lon[capital] == city.lon


def _read(m: _Mention, gaz: Gazetteer, ctx: _Context) -> tuple[float, Place] | None:
    """One mention (with its chain) read as a place, with a score; None when not believable."""
    rules = _rules()
    chain = [m] + m.containers
    resolved = _resolve_chain(chain, gaz, ctx)
    h = _head(chain, resolved, rules)
    head, res = chain[h], resolved[h]
    outer = [r for r in resolved[h + 1:] if r is not None]
    if res is not None and head is m and m.near is not None:
        # "al-Waleed area, north of Ar Rutba district": a namesake in another country than the reference point's
        # is not the place; the name is one the gazetteer lacks, placed by its reference point
        near = _resolve_chain([m.near] + m.near.containers, gaz, ctx)[0]
        if near is not None and near.cc != res.cc:
            res = None
    cue = _cue(m)
    if head is m and _foreign_road_town(m, res, gaz, ctx):
        # "blocked the Naama highway": the road's town is a name the gazetteer lacks, read as written
        res, cue = None, cue + CUE_WEIGHTS["road"]
    name = _clean_name(head, res)
    if res is not None and res.kind == "city":
        agrees = bool(ctx.share.get(res.cc)) or res.fit > 0
        if res.pop < SMALL_TOWN and cue < 2 and not agrees:
            return None
        if head.embedded and not head.dateline:
            return None
        score = cue + 1.0 + min(1.5, math.log10(res.pop + 10) / 4) + _country_fit(res.cc, ctx)
        return score, Place(name, res.admin1 or None, _country_name(gaz, res.cc), gaz.iso3(res.cc),
                            res.lat, res.lon, "near" if m.relation and not m.near else "exact", m.surface)
    if res is not None and res.kind == "area":
        if cue < 2:
            return None
        score = cue + 0.8 + _country_fit(res.cc, ctx)
        return score, Place(name, res.admin1, _country_name(gaz, res.cc), gaz.iso3(res.cc),
                            res.lat, res.lon, "near", m.surface)
    if res is not None and res.kind == "admin1":
        # A province named alone is the incident's admin1; its name stands as location only when
        # not typed as a province (ACLED records "Ad Dali" for events across that governorate).
        typed = head.rank >= PROVINCE_RANK or rules.place_types.get(_last_word(name), 0) >= PROVINCE_RANK
        location = None if typed else name                                  # not "Vermont State (Police)"
        score = cue + 0.2 + _country_fit(res.cc, ctx)
        return score, Place(location, res.admin1, _country_name(gaz, res.cc), gaz.iso3(res.cc),
                            res.lat, res.lon, "admin1", m.surface)
    # A name the gazetteer lacks (or contradicted by its chain): a place only when marked as one.
    if cue < 2 or head.embedded or head.kind in ("country", "state", "demonym"):
        return None
    if not (head.ptype or len(chain) > 1 or m.near or head.dateline or head.loc_word in rules.unknown_locatives
            or head.qualifier or head.road):
        return None
    if head.titled and not (head.ptype or len(chain) > 1 or head.dateline):
        return None
    if _last_word(head.surface) in rules.facility_words or head.rank >= PROVINCE_RANK:
        # "at Pine Hollow Range in Anderson, S.C.": a business the gazetteer lacks is placed by the town it is in
        if head is m and m.containers and m.containers[0].kind in ("place", "capital", "unknown"):
            read = _read(m.containers[0], gaz, ctx)
            return (read[0] + cue, read[1]) if read is not None else None
        return None
    if m.near is not None:
        if head is m and m.by_town and m.near.rank < PROVINCE_RANK:
            # "al-Jalam area east of Samarra": an area the gazetteer lacks is recorded as the town it lies by (not
            # "Ein Issa area north of Raqqa province": a part of a province is a place of its own; nor "Al Hajaj
            # area, north of the city of Tikrit": set apart by a comma, a place of its own the town only locates)
            read = _read(m.near, gaz, ctx)
            if read is not None and read[1].location:
                return cue + 0.5, replace(read[1], geo_precision="near", phrase=m.surface)
        near = _resolve_chain([m.near] + m.near.containers, gaz, ctx)[0]
        if near is not None:
            outer = [near] + outer
    cc, admin1, lat, lon, precision = _where(outer, gaz, ctx)
    score = cue + (0.5 if head.ptype else 0.0)
    return score, Place(name, admin1, _country_name(gaz, cc), gaz.iso3(cc), lat, lon, precision, m.surface)


def _foreign_road_town(m: _Mention, res: _Resolved | None, gaz: Gazetteer, ctx: _Context) -> bool:
    """The town a road is named for ("the Naama highway") has namesakes in several countries, none big and none the
    story's: it is a town the gazetteer lacks, not one of them."""
    if not m.road or m.kind != "place" or res is None or res.kind != "city" or ctx.share.get(res.cc) or res.fit > 0:
        return False
    countries = {gaz.city_cc[c] for c in m.cities}
    return len(countries) > 1 and not any(ctx.share.get(cc) for cc in countries) and max(
        gaz.city_pop[c] for c in m.cities) < BIG_CITY


def _where(outer: list[_Resolved], gaz: Gazetteer, ctx: _Context):
    """Country, admin1, reference point and precision for a name the gazetteer lacks, from the
    nearest resolved names around it, else from the text's dominant country."""
    cc = admin1 = lat = lon = precision = None
    for o in outer:
        if cc is None:
            cc = o.cc
        elif o.cc != cc and o.kind != "country":
            continue
        if o.kind == "country" and o.cc != cc:
            continue
        if admin1 is None and o.admin1:
            admin1 = o.admin1
        if lat is None and o.lat is not None:
            lat, lon = o.lat, o.lon
            precision = {"city": "near", "area": "near", "admin1": "admin1", "country": "country"}[o.kind]
    if cc is None and ctx.dominant:
        cc = ctx.dominant
        admins = [(k, v) for k, v in ctx.admin1.items() if k[0] == cc]
        if admins:
            (_, admin1), _ = max(admins, key=lambda kv: kv[1])
            area = gaz.admin1_area(cc, admin1)
            if area and area.latitude is not None:
                lat, lon, precision = area.latitude, area.longitude, "admin1"
    if lat is None and cc:
        country = gaz.countries.get(cc)
        if country:
            lat, lon, precision = country.latitude, country.longitude, "country"
    return cc, admin1, lat, lon, precision


def _last_word(name: str) -> str:
    words = name.lower().split()
    return words[-1].strip(".") if words else ""


def _country_fit(cc: str, ctx: _Context) -> float:
    if ctx.top is None:
        return 0.0
    if cc == ctx.top:
        return 1.0
    # a text plainly about another country counts against; one that names that country only as a side
    # ("Israeli strikes on Gaza City") does not
    return -1.5 if ctx.placed_dominant and cc != ctx.placed_dominant else 0.0


def _clean_name(head: _Mention, res: _Resolved | None) -> str:
    name = head.surface
    if head.kind == "capital" and res is not None:
        name = res.name
    elif res is not None and res.kind == "city" and (
            len(name) <= 3 and (name.isupper() or name_key(name) == name_key(res.name))
            or name in load_gazetteer().city_alias):
        name = res.name                                     # "LA", "DC", "Philly", "(al) Bab"; not "Tyr"
    elif name.isupper() and len(name) > 3:                  # dateline / headline capitals
        name = res.name if res is not None and res.kind == "city" else name.title()
    elif res is not None and res.kind == "city" and _shortened(name, res.name):
        name = res.name                                     # "Guaymas" -> "Heroica Guaymas"
    elif (res is not None and res.kind in ("city", "area") and fold(name) != fold(res.name)
          and particle_free(name, ezafe=False) == particle_free(res.name, ezafe=False)):
        name = res.name                                     # "Mineral Chico" -> "Mineral del Chico"
    if head.qualifier:                                      # "Twin Hills (Tavush Region)"
        name = f"{name} {head.qualifier}"
    first, _, rest = name.partition(" ")
    expansions = _rules().expansions
    if rest and first in expansions:                        # "St. Louis" -> "Saint Louis"
        name = f"{expansions[first]} {rest}"
    return name


def _shortened(written: str, official: str) -> bool:
    """The text writes a town's official name short, without its honorific ("Guaymas" for "Heroica Guaymas") or
    its "de <namesake>" ("Acapulco" for "Acapulco de Juárez"): coders record the official name."""
    short, full = fold(written).split(), fold(official).split()
    if len(full) <= len(short) or not short:
        return False
    rules = _rules()
    if full[-len(short):] == short:
        return all(w in rules.honorifics for w in full[:-len(short)])
    return full[:len(short)] == short and full[len(short)] in rules.namesake_joins


def _country_name(gaz: Gazetteer, cc: str | None) -> str | None:
    country = gaz.countries.get(cc or "")
    return country.name if country else None


def _best(an: _Analysis, gaz: Gazetteer, ctx: _Context, accept=lambda p: True) -> Place | None:
    counts = Counter(m.key for m in an.mentions if not m.embedded)
    best = None
    earlier = Counter()                      # places read so far, by sentence
    for m in an.mentions:
        if m.contained or m.located or m.embedded or m.masthead or m.kind in ("country", "demonym", "state"):
            continue
        if m.possessive and not m.dateline and (_owns_a_name(m, an) or not _big_city(gaz, m)):
            continue                         # "Beirut's Hamra district" is Hamra's; "Baghdad's Tahrir Square" Baghdad's
        read = _read(m, gaz, ctx)
        if read is None:
            continue
        score, place = read
        score += min(REPEAT_CAP, REPEAT_BONUS * (counts[m.key] - 1)) - min(2.0, SENTENCE_PENALTY * m.sentence)
        score -= LATER_PENALTY * earlier[m.sentence]
        earlier[m.sentence] += 1
        # whether the name is a person's is asked last: it reads the whole article, and few names get this far
        if score >= MIN_SCORE and accept(place) and (best is None or score > best[0]) and not _is_person(m, ctx):
            best = (score, place)
    return best[1] if best else None


def _big_city(gaz: Gazetteer, m: _Mention) -> bool:
    return any(gaz.city_pop[c] >= BIG_CITY for c in m.cities)


def _owns_a_name(m: _Mention, an: _Analysis) -> bool:
    """A possessive town names a place of its own right after it ("Philadelphia's Tioga-Nicetown section")."""
    return any(n.t0 == m.after and not n.embedded and n.kind in ("place", "unknown") for n in an.mentions)


def _is_person(m: _Mention, ctx: _Context) -> bool:
    """A bare name the article uses for a person ("Lindsay was taken to a hospital"), with nothing marking it
    as a place here ("shot in Austin", "Tyler County", "Tyler, Texas" still are; "fired at Austin" is not)."""
    locative = m.locative and m.loc_word not in _rules().target_locatives
    # a list of people's names ("Pemberton, Odom, Lyle, and Fulton") is no chain of places
    chained = m.containers and not all(c.key in ctx.people for c in m.containers)
    return not (m.dateline or m.us_pair or m.ptype or locative or chained or m.near or m.seat
                or m.type_before or m.kind == "capital") and m.key in ctx.people


def resolve_place(event: str, context: str = "", article: str = "", title: str = "") -> Place:
    """The incident's place read from its sentence(s), falling back on the paragraph, the
    dateline, the headline, the article's place (its head, the lead counting most; not when the sentence
    names a country only) and the article's dominant country, in that order."""
    gaz = load_gazetteer()
    # The article is read for its dateline, countries and big cities; its head is enough for
    # that and keeps the cost of very long texts bounded.
    ev, cx, ti, ar = (_analyse(t or "") for t in (event, context, title, (article or "")[:ARTICLE_CHARS]))
    # groups that fight in one country only, named in the sentence or anywhere in the article
    homes = [home_countries(event), Counter(), Counter(), home_countries(article)]
    ctx = _Context([ev, cx, ti, ar], article or event, homes)
    named = ev.placed                       # "Romanian soldiers were killed in Kandahar": not a Romanian place

    def agrees(place: Place) -> bool:
        return not named or gaz.iso3_to_iso2.get(place.country_code or "") in named

    analyses = (ev, cx, ti, ar)
    def finished(place: Place) -> Place:
        place = _said_to_happen(_qualified_part(place, analyses, gaz, ctx), analyses, gaz, ctx)
        place = _absorb(_police_city(_placed_by(place, analyses), analyses, gaz, ctx), analyses, gaz, ctx)
        place = _city_zone(_quarter_of_home_city(place, ar, gaz, ctx), (event, context))
        place = _towns_country(_placed_elsewhere(_measured_away(place, analyses, gaz, ctx), analyses, gaz, ctx), analyses, gaz)
        return _province_seat(place, analyses, gaz)

    place = _best(ev, gaz, ctx) or _best(cx, gaz, ctx, agrees)
    if place:
        return finished(_owner_city(place, ((ev, event), (cx, context)), gaz, ctx)
                        or _town_within(place, analyses, gaz, ctx))
    for an in (ar, ev, cx):
        for m in an.dateline:
            read = _read(m, gaz, ctx)
            if read is not None and agrees(read[1]):
                return finished(_town_within(read[1], analyses, gaz, ctx))   # "JASPER COUNTY (WXYZ) -"
    # the article's place, unless the sentence names only a country or province ("a village in northern Syria");
    # a US state it names ("the worst shooting in South Carolina history") must hold the article's place. Weak
    # cues of a country ("the Sheriff's Office", a station's call sign) name no place.
    states = {state for state, votes in ev.states.items() if votes >= 1}     # not a big city's half vote

    def in_states(place: Place) -> bool:
        return agrees(place) and (not states or gaz.us_state_code.get(place.admin1 or "") in states)

    place = _best(ti, gaz, ctx, agrees) or (None if ev.explicit or ev.admin1 else (
        _best(ar, gaz, ctx, in_states) or _masthead_town(ar, gaz, ctx, in_states)))
    if place:
        return finished(_town_within(place, analyses, gaz, ctx))
    # a country named only as a side ("an Israeli airstrike", "against Russian forces") is where it happened only
    # when nothing names a country as a place ("Israeli attacks on the Gaza Strip" in the headline)
    for an in (ev, cx, ti, ar):
        where = an.placed | {cc for cc, _ in an.admin1}
        if where:
            return _country_place(an, gaz, where)
    for an in (ev, cx, ti, ar):
        if an.countries:
            return _country_place(an, gaz)
    return NO_PLACE


def _province_seat(place: Place, analyses, gaz: Gazetteer) -> Place:
    """A province the incident's sentences name as its place, alone ("an airstrike in Anbar province"), is
    recorded at its seat, as event coders record an incident placed no closer than its province (at the provincial
    capital): the seat stands in as location, precision still admin1. A province written as the name of a town of its
    own ("in Ad Dali") is that town, and so is one the text puts in a unit ("in Nangarhar, Kunar": a village of that
    name). Not a US state: "a shooting in Ohio" is in no one town, "in Washington" is the city."""
    if place.geo_precision != "admin1" or not place.admin1 or place.country_code in (None, "USA"):
        return place
    cc = gaz.iso3_to_iso2.get(place.country_code, "")
    if place.location is not None:
        key = name_key(place.location)
        if not any(gaz.areas[a].level == 1 and (gaz.areas[a].country, gaz.areas[a].admin1) == (cc, place.admin1)
                   for a in gaz.area_ids(key)):
            return place                     # a place of the province, placed no closer than it
        if any((gaz.city_cc[ci], gaz.city_admin1[ci]) == (cc, place.admin1) for ci in gaz.cities(key)):
            return place                     # a province named as its namesake town
        if any(m.key == key and any(c.kind != "country" for c in m.containers) for an in analyses for m in an.mentions):
            return place
    ci = _province_seats(gaz).get((cc, place.admin1))
    if ci is None:
        return place
    # only a province the incident's sentences put it in ("in Anbar province"; not one of a headline, nor one after
    # a name the gazetteer lacks: "in South Waziristan District, Khyber Pakhtunkhwa"), and not when they name another
    # place, read or not ("near Hatra in northern Nineveh", "on Tibú Airport in Norte de Santander"): the incident is
    # there, not at the seat
    province = name_key(place.phrase or place.location or "")
    own = {province, name_key(gaz.city_name[ci])}

    def other_place(m: _Mention, among: list[_Mention]) -> bool:
        return (m.kind in ("place", "unknown", "capital") and not m.masthead and m.key not in own and not _owner(m)
                and not (m.embedded and any(n.kind == "unknown" and n.t0 <= m.t0 and m.t1 <= n.t1 and n is not m
                                            for n in among)))     # "Abu" of "Abu Karim": that name's

    # the sentences counted, or their paragraph when they name no place at all ("Soldiers fought tribesmen in Lahij
    # governorate. The fighting began when ..."; the figure is in the second)
    told = analyses[0].mentions
    if not any(other_place(m, told) or m.key == province for m in told if m.kind != "country"):
        told = analyses[1].mentions
    if not any(m.key == province and (m.locative or m.ptype) and not m.contained for m in told):
        return place
    if any(other_place(m, told) for m in told):
        return place
    return replace(place, location=gaz.city_name[ci], latitude=gaz.city_lat[ci], longitude=gaz.city_lon[ci])


def _owner(m: _Mention) -> bool:
    """A possessive name the gazetteer lacks that nothing marks as a place ("against a plan of the Unity Council's
    office"): an owner, an institution or a person, not another place."""
    return m.kind == "unknown" and (m.possessive or m.weak_nonevent) and not (
        m.locative or m.ptype or m.relation or m.containers or m.contained or m.near or m.road or m.dateline
        or m.qualifier)


@lru_cache(maxsize=1)
def _province_seats(gaz: Gazetteer) -> dict[tuple[str, str], int]:
    """(country, admin1) -> the province's seat: its biggest town as a rule, else as places.yaml names it."""
    out: dict[tuple[str, str], int] = {}
    for ci, (cc, admin1, pop) in enumerate(zip(gaz.city_cc, gaz.city_admin1, gaz.city_pop)):
        key = (cc, admin1)
        if admin1 and (key not in out or pop > gaz.city_pop[out[key]]):
            out[key] = ci
    for cc, seats in (load_yaml("places.yaml").get("province_seats") or {}).items():
        for admin1, seat in seats.items():
            ids = [ci for ci in gaz.cities(name_key(seat)) if gaz.city_cc[ci] == cc]
            if not ids or (cc, admin1) not in out:
                raise ValueError(f"places.yaml province_seats: {seat!r} or {admin1!r} is not in the data of {cc}")
            out[(cc, admin1)] = max(ids, key=lambda ci: (gaz.city_admin1[ci] == admin1, gaz.city_pop[ci]))
    return out


def _placed_elsewhere(place: Place, analyses, gaz: Gazetteer, ctx: _Context) -> Place:
    """A place the gazetteer lacks, with no country, is where another mention of the same name in the text places
    it by the units after it ("shot dead in Tell Barzan, Hama ... a funeral in Tell Barzan village"): one name in
    one story is one place."""
    if place.country_code is not None or place.location is None:
        return place
    key = name_key(place.location)
    for an in analyses:
        for m in an.mentions:
            if m.key != key or m.kind != "unknown" or not m.containers or m.embedded or m.masthead:
                continue
            read = _read(m, gaz, ctx)
            if read is not None and read[1].country_code is not None:
                found = read[1]
                return replace(place, admin1=found.admin1, country=found.country, country_code=found.country_code,
                               latitude=found.latitude, longitude=found.longitude,
                               geo_precision=found.geo_precision)
    return place


def _measured_away(place: Place, analyses, gaz: Gazetteer, ctx: _Context) -> Place:
    """A small town read as the place is not it when the text measures the place from a town of another single
    country that lies far from it ("30km east of Dori, at Sagada" is no Philippine village): the place keeps its
    name, in the measured-from town's country, at that town's coordinates (precision "near"). Not when anything
    else in the text (a name, a demonym, a group that fights there) puts it in the town's country."""
    if place.location is None or place.geo_precision != "exact" or place.latitude is None \
            or _pop_at(gaz, place) >= KNOWN_TOWN or ctx.countries.get(gaz.iso3_to_iso2.get(place.country_code or "")):
        return place
    own = name_key(place.location)
    for an in analyses:
        for m in an.mentions:
            if not m.relation or m.kind != "place" or not m.cities or m.key == own or m.embedded or m.masthead:
                continue
            countries = {gaz.city_cc[c] for c in m.cities}
            if len(countries) != 1 or gaz.iso3(next(iter(countries))) == place.country_code or any(
                    _distance_km(place.latitude, place.longitude, gaz.city_lat[c], gaz.city_lon[c]) < FAR_KM
                    for c in m.cities):
                continue
            cc, = countries
            ref = max(m.cities, key=gaz.city_pop.__getitem__)
            return Place(place.location, gaz.city_admin1[ref] or None, _country_name(gaz, cc), gaz.iso3(cc),
                         gaz.city_lat[ref], gaz.city_lon[ref], "near", place.phrase)
    return place


def _towns_country(place: Place, analyses, gaz: Gazetteer) -> Place:
    """A place the gazetteer lacks, with no country, is in the country that every town the text names lies in,
    however it names them ("a sit-in at the Jadra roundabout at the entrance to Baalbek"): the story's towns are all
    of one country, so is its place. Only names whose towns are all in one country; not a masthead's, a weak
    name's (sentence-initial "On", a person's) nor one inside a longer name ("Al" of "Al Qarwah" is no Norwegian Ål).
    A text that names no place at all gets no country this way."""
    if place.country_code is not None or place.location is None:
        return place
    homes: set[str] = set()
    for an in analyses:
        for m in an.mentions:
            if m.kind == "place" and m.cities and not (m.masthead or m.weak or m.embedded):
                countries = {gaz.city_cc[c] for c in m.cities}
                if len(countries) == 1:
                    homes |= countries
    if len(homes) != 1:
        return place
    cc = homes.pop()
    return replace(place, country=_country_name(gaz, cc), country_code=gaz.iso3(cc))


def _qualified_part(place: Place, analyses, gaz: Gazetteer, ctx: _Context) -> Place:
    """A unit read as the place that qualifies a generic name the incident's sentences set apart by it ("posts in
    Tavush region ... near Twin Hills (Tavush Region)") gives way to that name: coders record the qualified name,
    the part, not the unit (its spelling may differ: "Terter", "Tartar")."""
    if not place.phrase or place.geo_precision not in ("exact", "admin1"):
        return place
    unit = loose_key(name_key(place.phrase))
    for m in analyses[0].mentions:                              # the incident's own sentences
        if (m.qualifier and m.containers and not (m.embedded or m.nonevent or m.masthead)
                and loose_key(name_key(strip_admin_suffix(m.containers[0].surface))) == unit):
            read = _read(m, gaz, ctx)
            if read is not None and read[1].location:
                return read[1]
    return place


def _said_to_happen(place: Place, analyses, gaz: Gazetteer, ctx: _Context) -> Place:
    """A town of the place's country that the text says the incident happened in ("The shooting occurred at a
    home ... in Walterboro") is its place, before one the counted sentences name otherwise. Not one of several
    ("bombings that occurred ... in New York and New Jersey"), nor a possessive ("at the Dent's Run range")."""
    types = _rules().place_types
    for an in analyses:
        for m in an.mentions:
            if (not m.occurred or not (m.locative or m.relation) or m.embedded or m.nonevent or m.masthead
                    or m.possessive or max(m.rank, types.get(_last_word(m.surface), 0)) >= types["district"]):
                continue                                        # a county holds the town named otherwise
            read = _read(m, gaz, ctx)
            if read is None or not read[1].location:
                continue
            if read[1].geo_precision in ("exact", "near") and read[1].country_code == place.country_code:
                return read[1]
            if (m.kind == "unknown" and place.location is None and place.admin1
                    and read[1].country_code in (None, place.country_code) and m.loc_word in ("in", "at")):
                # "Maine State Police said it occurred ... in X" where the sentences give only the state: a town
                # the gazetteer lacks, placed in that state
                return _near(place, m)
    return place


def _city_zone(place: Place, texts) -> Place:
    """A city's zone the incident's sentences name ("in the North Zone of Rio de Janeiro"): coders record the zone
    as the city's part, "Rio de Janeiro-North Zone"."""
    if place.location is None or place.geo_precision != "exact":
        return place
    zone = re.compile(rf"\bthe ([A-Z][a-z]+) Zone of {re.escape(place.location)}\b")
    for text in texts:
        if (match := zone.search(text or "")) is not None:
            return replace(place, location=f"{place.location}-{match.group(1)} Zone")
    return place


def _near(place: Place, m: _Mention) -> Place:
    """The place `m` names, which the gazetteer places no better than `place`: recorded near it."""
    return replace(place, location=_clean_name(m, None), geo_precision="near", phrase=m.surface)


def _placed_by(place: Place, analyses) -> Place:
    """A town the text names as the reference point of another ("a farm near Hillsdale, 25 miles south of Wichita",
    "in Cedar Grove, about 40 miles east of Mobile") is not the incident's: the town it places is."""
    if place.location is None:
        return place
    key = name_key(place.location)
    for an in analyses:
        for n in an.mentions:
            if (n.near is not None and n.near.key == key and n.near.relation and n.locative and n.rank != 1
                    and not (n.embedded or n.nonevent or n.masthead)):    # "the Pierce area, south of X" is X's
                return _near(place, n)
    return place


def _masthead_town(an: _Analysis, gaz: Gazetteer, ctx: _Context, accept) -> Place | None:
    """The town a local station or paper names in its masthead ("... - WKRN News 2 - Nashville, Tennessee"), when
    the story names no place of its own: a local newsroom's story is in its town."""
    for m in an.mentions:
        # "... - WKRN News 2 - Nashville, Tennessee"; a big city written alone ("- FOX 9 WQRS Memphis News")
        if m.masthead and m.kind == "place" and (m.us_pair or not m.embedded and _big_city(gaz, m)):
            read = _read(m, gaz, ctx)
            if read is not None and accept(read[1]):
                return read[1]
    return None


def _quarter_of_home_city(place: Place, an: _Analysis, gaz: Gazetteer, ctx: _Context) -> Place:
    """A name the gazetteer lacks, placed in its country only ("in the Brindlecombe area"), is a quarter of the big
    city a local newsroom's masthead names ("... - News 4 - Memphis, Tennessee"): coders record the city.
    (Not the city of "a Memphis mother": that reading merged two incidents of one town.)"""
    if place.geo_precision != "country" or not place.location:
        return place
    homes = {}
    for m in an.mentions:
        if m.kind == "place" and m.masthead and m.us_pair and not m.embedded and _big_city(gaz, m):
            read = _read(m, gaz, ctx)
            if read is not None and read[1].geo_precision == "exact" and read[1].country_code == place.country_code:
                homes[read[1].location] = read[1]
    return next(iter(homes.values())) if len(homes) == 1 else place


def _owner_city(place: Place, analysed, gaz: Gazetteer, ctx: _Context) -> Place | None:
    """A part of a city named as the city's ("Philadelphia's Tioga-Nicetown section", "Brooklyn's East
    Flatbush"): coders record the city."""
    if not place.phrase:
        return None
    for an, text in analysed:
        for m in an.mentions:
            if not (m.possessive and m.kind == "place" and m.cities) or m.embedded:
                continue
            if text[m.end + 2:].lstrip().startswith(place.phrase):
                read = _read(m, gaz, ctx)
                if read is not None and read[1].geo_precision == "exact":
                    return read[1]
    return None


def _town_within(place: Place, analyses, gaz: Gazetteer, ctx: _Context) -> Place:
    """A county (admin2) becomes the town inside it that the text puts the incident in or near ("in Tama
    County ... west of the town of Traer"; "the DeKalb County police ... a home in Lithonia"; "DeSoto County ...
    according to the Horn Lake Police Department"): incident datasets record the town, and a county named for
    its sheriff or coroner is not where it happened. A county name that several US states share ("Franklin
    County") is, when the text names none of them, the one holding the town."""
    if place.geo_precision == "exact" and _last_word(place.phrase or "") not in ("county", "parish"):
        return place                         # a town that shares its county's name ("Dallas") is that town
    cc = gaz.iso3_to_iso2.get(place.country_code or "")
    named = [a for a in (gaz.areas[i] for i in gaz.area_ids(name_key(place.location or "")))
             if a.level == 2 and a.country == cc]
    counties = {(a.admin1, a.name) for a in named if a.admin1 == place.admin1}
    if not counties:
        return place
    # the state was a guess (its votes are only the county name's shares): any of them
    if cc == "US" and ctx.states.get(gaz.us_state_code.get(place.admin1 or "", ""), 0) < 1:
        counties.update((a.admin1, a.name) for a in named)
    county_words = set(name_key(place.location or "").split()) | set(name_key(place.phrase or "").split())
    states = {state for state, _ in counties}
    rules = _rules()
    for k, an in enumerate(analyses):
        for m in an.mentions:
            if (m.kind != "place" or m.embedded or m.masthead or m.nonevent and not m.seat  # "according to X police"
                    or not (m.locative or m.relation or m.resident or m.type_before or m.dateline or m.seat)
                    or set(m.key.split()) & county_words):      # the county's own name, or its seat's
                continue
            for ci in m.cities:
                if gaz.city_cc[ci] == cc and (gaz.city_admin1[ci], gaz.city_admin2[ci]) in counties:
                    return Place(gaz.city_name[ci], gaz.city_admin1[ci], place.country, place.country_code,
                                 gaz.city_lat[ci], gaz.city_lon[ci], "near" if m.relation else "exact", m.surface)
        # ... or a hamlet too small for the gazetteer that the incident's own sentences put it in ("in rural
        # Foxhome", "just south of Ivydale", "a shooting in Elgin" of an Iowa county when the gazetteer's Elgins
        # are all in other states), placed at the county: before the towns the rest of the article names. US
        # counties only: elsewhere coders record the district of a village their gazetteer lacks.
        # The rest of the article only where it says so: "Deputies say it happened ... in Stokes".
        for m in an.mentions if cc == "US" else ():
            if k >= 2 and not m.occurred:
                continue
            if (m.kind in ("unknown", "place") and not (m.embedded or m.masthead or m.titled or m.weak or m.nonevent
                                                        or m.located or m.possessive)
                    and (m.loc_word in rules.unknown_locatives or m.relation) and m.rank <= 2
                    and not any(gaz.city_cc[ci] == cc and gaz.city_admin1[ci] in states for ci in m.cities)
                    and not any(gaz.areas[a].country == cc for a in m.areas)
                    and _last_word(m.surface) not in rules.facility_words and not set(m.key.split()) & county_words):
                return _near(place, m)
    # ... else the big city the county holds: incidents in a county's unincorporated parts are recorded by their postal
    # town, which for a county with a city of BIG_CITY people ("Pima County deputies" -> Tucson) is mostly that city;
    # a county a dateline names too ("TRAVIS COUNTY, Texas (KXAN) — ... in eastern Travis County"). The city only
    # stands in for the county: precision admin2.
    if cc == "US" and len(counties) == 1:
        ci = _county_big_cities(gaz).get(next(iter(counties)))
        if ci is not None:
            return Place(gaz.city_name[ci], gaz.city_admin1[ci], place.country, place.country_code,
                         gaz.city_lat[ci], gaz.city_lon[ci], "admin2", place.phrase)
    return place


@lru_cache(maxsize=1)
def _county_big_cities(gaz: Gazetteer) -> dict[tuple[str, str], int]:
    """(state, county) -> the biggest US city of BIG_CITY people or more in it."""
    out: dict[tuple[str, str], int] = {}
    for ci, (cc, pop) in enumerate(zip(gaz.city_cc, gaz.city_pop)):
        if cc == "US" and pop >= BIG_CITY and gaz.city_admin2[ci]:
            key = (gaz.city_admin1[ci], gaz.city_admin2[ci])
            if key not in out or pop > gaz.city_pop[out[key]]:
                out[key] = ci
    return out


def _police_city(place: Place, analyses, gaz: Gazetteer, ctx: _Context) -> Place:
    """A part of a big US city whose police the text names ("in the Brindlecombe area ... Memphis police", "SOUTH
    SHORE — ... Chicago Police said") is the city: US city police work inside the city, and incident datasets
    record the city, not the quarter. Kept: a town of the city's state beyond its reach or as big as a city of
    its own, a town of a state the text names, and a town whose own police the text names."""
    if place.location is None:
        return place
    if place.country_code not in (None, "USA") and (
            ctx.share.get(gaz.iso3_to_iso2.get(place.country_code, ""), 0) or _pop_at(gaz, place) >= BIG_CITY):
        return place                         # a namesake abroad only when nothing in the text names its country
    seats: dict[tuple[str, str | None], _Resolved] = {}
    place_key = name_key(place.location)
    for an in analyses:
        for m in an.mentions:
            if not m.seat or m.embedded or m.kind != "place" or not m.cities:
                continue
            if m.key == place_key or name_key(place.phrase or "") == m.key:
                return place                 # the place's own police
            city = _resolve_chain([m] + m.containers, gaz, ctx)[0]
            if (city is not None and city.kind == "city" and city.cc == "US" and city.pop >= BIG_CITY
                    # not "Fayette County deputies" (Lexington's alias); "LVMPD" is Las Vegas's police
                    and (name_key(city.name) == m.key or m.surface in gaz.police_alias)):
                seats[(city.name, city.admin1)] = city
    if len(seats) != 1:
        return place
    (city,) = seats.values()
    if name_key(city.name) == place_key:
        return place
    if place.latitude is not None and place.geo_precision == "exact":
        if place.admin1 == city.admin1 and (
                _distance_km(place.latitude, place.longitude, city.lat, city.lon) >= _reach_km(city.pop)
                or _pop_at(gaz, place) * 10 > city.pop):
            return place
        if place.admin1 != city.admin1 and _state_named(place, analyses, gaz, ctx) >= 1:
            return place
    return Place(city.name, city.admin1, _country_name(gaz, "US"), "USA", city.lat, city.lon, "exact", place.phrase)


def _state_named(place: Place, analyses, gaz: Gazetteer, ctx: _Context) -> float:
    """Votes of the text for the place's US state, but for those its own name gives as a big city: the quarter
    named three times in a Chicago story is not thereby in New York State."""
    state = gaz.us_state_code.get(place.admin1 or "", "")
    own = sum(weight * BIG_CITY_STATE_VOTE for weight, an in zip(CONTEXT_WEIGHTS, analyses) for m in an.mentions
              if m.key == name_key(place.location or "") and m.kind == "place" and m.cities and not m.embedded
              and _big_city_state(gaz, m.cities, m.key) == state)
    return ctx.states.get(state, 0) - own


def _reach_km(pop: int) -> float:
    """How far from its centre a city's own parts lie: ABSORB_KM for a city of a million or less, growing with
    the square root of its population (its radius) up to twice that."""
    return ABSORB_KM * min(2.0, max(1.0, math.sqrt(pop / 1_000_000)))


def _absorb(place: Place, analyses, gaz: Gazetteer, ctx: _Context) -> Place:
    """A small place inside a big city the text also names is recorded as the city, as coders do
    ("Uptown" -> Chicago, "Woodlawn" -> Baltimore)."""
    if place.geo_precision != "exact" or place.latitude is None or (place.phrase or "").isupper():
        return place                         # datelines name the town on purpose
    pop = _pop_at(gaz, place)
    if pop >= ABSORB_MAX_POP:
        return place
    for an in analyses:
        for m in an.mentions:
            if (m.kind != "place" or m.embedded or m.masthead or m.nonevent or m.weak_nonevent  # "a hospital in X"
                    or any(gaz.areas[a].level == 1 for a in m.areas)       # "Rio de Janeiro" the state
                    or not _big_city(gaz, m)):
                continue
            big = _resolve_chain([m] + m.containers, gaz, ctx)[0]
            if (big is not None and big.kind == "city" and big.pop >= max(BIG_CITY, 10 * pop)
                    and big.cc == gaz.iso3_to_iso2.get(place.country_code or "")
                    and _distance_km(place.latitude, place.longitude, big.lat, big.lon) < ABSORB_KM):
                return Place(_clean_name(m, big), big.admin1, place.country, place.country_code, big.lat, big.lon,
                             "exact", place.phrase)
    return place


def _pop_at(gaz: Gazetteer, place: Place) -> int:
    if place.latitude is None:       # a province the gazetteer names but holds no towns of
        return 0
    for ci in gaz.cities(name_key(place.location or "")):
        if abs(gaz.city_lat[ci] - place.latitude) < 1e-4 and abs(gaz.city_lon[ci] - place.longitude) < 1e-4:
            return gaz.city_pop[ci]
    return 0


def _country_place(an: _Analysis, gaz: Gazetteer, among: set[str] | None = None) -> Place:
    cc = max((cc for cc in an.countries if among is None or cc in among), key=an.countries.__getitem__)
    country = gaz.countries.get(cc)
    admin = None
    lat, lon, precision = (country.latitude, country.longitude, "country") if country else (None, None, None)
    admins = [(k, v) for k, v in an.admin1.items() if k[0] == cc]
    if admins:
        (_, admin), _ = max(admins, key=lambda kv: kv[1])
        area = gaz.admin1_area(cc, admin)
        if area and area.latitude is not None:
            lat, lon, precision = area.latitude, area.longitude, "admin1"
    return Place(None, admin, _country_name(gaz, cc), gaz.iso3(cc), lat, lon, precision, None)


def countries_in(text: str) -> set[str]:
    """ISO alpha-3 codes of the countries a text names (names, aliases, demonyms), not counting
    names inside organisation names ("Syrian Observatory for Human Rights")."""
    gaz = load_gazetteer()
    return {code for code in (gaz.iso3(cc) for cc in _analyse(text or "").explicit) if code}
