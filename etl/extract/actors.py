"""Who did it: the armed group or state force a text names as an incident's perpetrator, and how surely.

    >>> find_perpetrator("Taliban militants attacked a checkpoint, killing four police officers.")
    Attribution(perpetrator='Taliban', status='attributed', phrase='Taliban militants attacked')
    >>> canonical_actor("Islamic State of Iraq and the Levant (ISIL)")
    'Islamic State'

How a text is read, as GTD and ACLED coders read it:
1. Every actor name is found in one pass: the aliases of resources/actors.yaml (groups, named state units,
   unnamed attackers, bare references), "<demonym or country> <force word>" ("Pakistani troops") and
   "<force> of <country>", compiled into one trie-shaped regular expression.
2. Each name gets a role from the words around it in its sentence (resources/actor_cues.yaml): claimed,
   perpetrator (hedged or not), target, denied, responder, neutral. Names joined by "and"/"or" share a role.
3. The strongest reading wins: a claim over an attribution over a suspicion; a named group over a state force
   the text does not place, over an unnamed attacker ("gunmen": Unidentified Armed Group, status unknown).
4. References are resolved from the article: "the militants" (the attacker it names), "the coalition" (who
   it says leads it), a bare "Islamic State" (its province where the article is set).

Canonical names: groups as in actors.yaml; state forces "Military Forces of <country>" / "Police Forces of
<country>" (ACLED's form); a force the text does not place is "Police", "Military forces" or "Security
forces" (unless the caller passes `country`).
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import pycountry

from etl.extract.text import ascii_twin, plain_ascii
from etl.extract.trie import trie_regex
from etl.resources import load_yaml

UNIDENTIFIED = "Unidentified Armed Group"

# Kinds of table entries (actors.yaml `kind`); a plain group has none.
GROUP, UNNAMED, BARE, COALITION, FORCE, STATE = "group", "unidentified", "bare", "coalition", "force", "state"
# What a name did in its sentence, strongest first.
CLAIMED, PERPETRATOR, TARGET, DENIED, RESPONDER, NEUTRAL = "claimed", "perp", "target", "denied", "responder", "neutral"
ACCUSED = "accused"  # a state named as the culprit by another party: a perpetrator, hedged
INSPIRED = "inspired"  # an attacker "pledged allegiance to" the group: coded with a generic name (inspired_by)
# Ranks of a reading: a claim beats an attribution, which beats a hedged one. At equal status a named group
# comes first, then a state force, a bare reference resolved from the article, a generic "inspired" name, and
# a force word without a country ("police"); an unnamed attacker ("gunmen") only when nothing else is named.
_RANK = {"claimed": 3.0, "attributed": 2.0, "suspected": 1.0, "unknown": 0.5}
_KIND_PENALTY = {GROUP: 0.0, STATE: 0.05, COALITION: 0.0, BARE: 0.2, INSPIRED: 0.3, FORCE: 0.4}
CAUSE_PENALTY = 0.1  # an attacker named only as the cause ("killed in strikes after an X ambush") yields to one named outside


@dataclass(frozen=True)
class Attribution:
    perpetrator: str | None  # canonical name; None when the text names no group or force for this incident
    status: str              # "claimed" | "attributed" | "suspected" | "unknown"
    phrase: str | None       # the words it was read from


NOBODY = Attribution(None, "unknown", None)


# ---------------------------------------------------------------- text folding

_PUNCT = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u2010": "-", "\u2011": "-", "\u2013": "-",
                        "\u2014": "-", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


@lru_cache(maxsize=1024)
def _fold(text: str) -> str:
    """Accents off, typographic quotes and dashes made plain; ASCII text comes back as it is. Cached: every
    incident of an article folds the whole article again."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text.translate(_PUNCT))
    if text.isascii():  # only typographic quotes and dashes were not: no accents to take off
        return text
    return "".join(ch for ch in text if not unicodedata.combining(ch))


_NOT_ALNUM = re.compile(r"[\W_]+")
_LEADING_THE = re.compile(r"^the\s+")


def _key(name: str) -> str:
    """Lookup key: case, accents, spaces, hyphens, apostrophes, dots and a leading "the" ignored."""
    return _NOT_ALNUM.sub("", _LEADING_THE.sub("", _fold(name).strip().casefold()))


def _key_with_the(name: str) -> str:
    return _NOT_ALNUM.sub("", _fold(name).strip().casefold())


def _acronym_key(name: str) -> str:
    return _NOT_ALNUM.sub("", _fold(name).strip())


def _is_acronym(alias: str) -> bool:
    """Written in capitals ("IS", "NSCN-IM", "U.S."): must appear so in a text."""
    return not re.search(r"[a-z]", alias) and bool(re.search(r"[A-Z]", alias))


# ---------------------------------------------------------------- the trie regex

_SEP = "\x01"  # a space or hyphen between words of an alias
_STAR = "\x04"  # any ending ("bomb*")


def _symbols(alias: str, lower: bool, keep_the: bool = False) -> str:
    alias = _fold(alias).strip()
    alias = alias.lower() if lower else alias
    if not keep_the:
        alias = re.sub(r"^the\s+", "", alias, flags=re.I)
    return re.sub(r"[\s\-/]+", _SEP, alias)


def _variants(alias: str) -> set[str]:
    """An alias as written and without its apostrophes or dots ("Da'esh" and "Daesh", "U.S." and "US")."""
    return {alias, alias.replace("'", ""), alias.replace(".", "")}


def _trie_regex(words: set[str]) -> str:
    return trie_regex(words, {_SEP: r"[\s\-/]+", _STAR: r"\w*"})


def _alternation(fragments: list[str]) -> str:
    return "(?:" + "|".join(sorted(set(fragments), key=len, reverse=True)) + ")"


# ---------------------------------------------------------------- the tables

class _Names:
    """A list of names (places, countries) to count in texts as whole words, in any case."""

    def __init__(self, names: list[str]):
        self.any_case = re.compile(r"\b" + _alternation([re.escape(n) for n in names]) + r"\b", re.I)
        # ASCII text is matched lower-cased without re.I: the same matches, several times faster
        self.lowered = [n.lower() for n in names]
        self.lower = (re.compile(r"\b" + _alternation([re.escape(n) for n in self.lowered]) + r"\b")
                      if all(n.isascii() for n in names) else None)

    def count(self, text: str) -> int:
        """How many times the text names one of them."""
        if self.lower is not None and text.isascii():
            text = text.lower()
            if not any(n in text for n in self.lowered):
                return 0                     # most texts have none of the names, not even inside a word
            return len(self.lower.findall(text))
        return len(self.any_case.findall(text))


class _Entry(NamedTuple):
    canonical: str
    kind: str
    force: str | None = None    # "military" | "police" for a state force
    alpha3: str | None = None   # the state, when known; for a group, the one country it fights in (`home`)
    by_name: bool = False       # a country's bare name standing for its army ("Israel launched ...")


class _Scanners(dict):
    """The four mention scanners, each compiled when first needed: ~0.15 s apiece, and most texts need one (ASCII,
    no militias), which matters to a rebuild that extracts a single article.
    Folded text is mostly ASCII, where an ASCII pattern compiled with re.ASCII (ASCII case folding and \\w) finds
    the same matches a fifth faster: _mentions uses it there, unless the text has the separators \\x1c-\\x1f,
    which only Unicode's \\s matches."""

    def __init__(self, sources: dict[bool, str]):
        super().__init__()
        self.sources = sources

    def __missing__(self, key: tuple[bool, bool]) -> re.Pattern:
        with_ethnic, ascii_text = key
        source = self.sources[with_ethnic]
        self[key] = pattern = re.compile(source, re.I | re.ASCII if ascii_text and source.isascii() else re.I)
        return pattern


class _Tables(NamedTuple):
    by_key: dict[str, _Entry]          # folded alias -> entry
    by_acronym: dict[str, _Entry]      # acronym as written -> entry
    by_acronym_folded: dict[str, _Entry]
    canon: dict[str, _Entry]           # canonical key -> entry
    states: dict[str, str]             # folded demonym/country -> alpha-3
    states_cs: dict[str, str]          # demonyms written in capitals ("US", "DRC") -> alpha-3
    state_names: dict[str, str]        # alpha-3 -> display name
    provinces: dict[str, list[tuple[str, _Names]]]  # parent canonical -> [(province, its places)]
    coalitions: dict[str, str]
    theatres: list[tuple[str, _Names]]
    scanners: _Scanners  # (with ethnic militias, for ASCII text) -> mention scanner
    country: str                        # regex source for a country or demonym
    inspired: dict[str, str]            # group -> the generic name of those it inspires
    theatre_names: dict[str, str]       # canonical of a group -> the coalition fighting in its war
    actor_names: frozenset[str]         # country names that may stand alone for the country's army


def _state_name(alpha3: str, overrides: dict[str, str]) -> str:
    if alpha3 in overrides:
        return overrides[alpha3]
    country = pycountry.countries.get(alpha_3=alpha3)
    if country is None:
        return alpha3
    return getattr(country, "common_name", None) or country.name


def _force_canonical(force: str, alpha3: str, names: dict[str, str]) -> str:
    return f"{'Police' if force == 'police' else 'Military'} Forces of {_state_name(alpha3, names)}"


def _split_alias(alias: str) -> tuple[list[str], list[str]]:
    """(forms to find in texts, forms only to look up): "Name (ACR)" is both; "Name (Country)" finds "Name"."""
    m = re.fullmatch(r"(.*?)\s*\(([^()]+)\)\s*", alias)
    if not m:
        return [alias], []
    bare, inner = m.group(1).strip(), m.group(2).strip()
    if _is_acronym(inner) or (re.fullmatch(r"[A-Za-z0-9]{2,8}", inner) and sum(ch.isupper() for ch in inner) >= 2):
        return [bare, inner], [alias]
    # "Islamic State (Syria)": only looked up as written; a bare name is an alias when the table lists it
    # ("Communist Party of India (Maoist)" must not make "Communist Party of India" the Maoists)
    return [], [alias]


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    data = load_yaml("actors.yaml")
    sf = data["state_forces"]
    names = {k: v for k, v in sf["names"].items()}
    by_key: dict[str, _Entry] = {}
    by_acronym: dict[str, _Entry] = {}
    by_acronym_folded: dict[str, _Entry] = {}
    canon: dict[str, _Entry] = {}
    text_names: set[str] = set()
    text_acronyms: set[str] = set()

    def register(alias: str, entry: _Entry, findable: bool = True) -> None:
        if _is_acronym(alias):
            by_acronym.setdefault(_acronym_key(alias), entry)
            by_acronym_folded.setdefault(_key(alias), entry)
            if findable:
                text_acronyms.update(_symbols(v, lower=False) for v in _variants(alias))
        elif entry.kind == BARE:  # "the group" is a reference, "group" alone ("no group claimed") is not
            by_key.setdefault(_key_with_the(alias), entry)
            if findable:
                text_names.update(_symbols(v, lower=True, keep_the=True) for v in _variants(alias))
        else:
            by_key.setdefault(_key(alias), entry)
            if findable:
                text_names.update(_symbols(v, lower=True) for v in _variants(alias))

    entries: list[tuple[_Entry, list[str]]] = []
    for g in data["groups"]:
        entry = _Entry(g["canonical"], g.get("kind", GROUP), g.get("force"), g.get("home"))
        canon[_key(g["canonical"])] = entry
        entries.append((entry, [g["canonical"], *g["aliases"]]))
        for name in g.get("lookup_only", []):  # coders' names too vague to look for in a text ("Fulani")
            register(name, entry, findable=False)
    for alpha3, forces in sf["named"].items():
        for force, aliases in forces.items():
            entry = _Entry(_force_canonical(force, alpha3, names), STATE, force, alpha3)
            canon.setdefault(_key(entry.canonical), entry)
            entries.append((entry, aliases))
    # Aliases as written first; forms read out of "Name (ACR)" after, so that an acronym listed on its own
    # ("ADF" = Allied Democratic Forces) is not taken by another group's "(ADF)".
    derived: list[tuple[str, _Entry, bool]] = []
    for entry, aliases in entries:
        for alias in aliases:
            findable, lookup_only = _split_alias(alias)
            for form in lookup_only:
                register(form, entry, findable=False)
            if findable == [alias]:
                register(alias, entry)
            else:
                derived.extend((form, entry, True) for form in findable)
    for form, entry, findable in derived:
        register(form, entry, findable)

    # Countries and demonyms: the gazetteer's table (countries.yaml), pycountry's names and a few extras.
    countries = load_yaml("countries.yaml")
    states: dict[str, str] = {}
    states_cs: dict[str, str] = {}
    excluded = {_key(n) for n in sf["exclude_names"]}
    sources = [countries.get("aliases", {}), countries.get("demonyms", {}), sf["extra_demonyms"]]
    for c in pycountry.countries:
        sources.append({c.alpha_3: [n for n in (c.name, getattr(c, "common_name", None)) if n and "," not in n]})
    sources.append({a3: [n] for a3, n in names.items()})
    for table in sources:
        for alpha3, words in table.items():
            for word in words:
                if _key(word) in excluded:
                    continue
                if _is_acronym(word):
                    states_cs.setdefault(_acronym_key(word), alpha3)
                else:
                    states.setdefault(_key(word), alpha3)
    for alpha3 in set(states.values()) | set(states_cs.values()):
        for force in ("military", "police"):
            entry = _Entry(_force_canonical(force, alpha3, names), STATE, force, alpha3)
            canon.setdefault(_key(entry.canonical), entry)

    words = {w for table in sources for ws in table.values() for w in ws if _key(w) not in excluded}
    country_rx = (r"(?:(?-i:" + _trie_regex({_symbols(v, False) for w in words if _is_acronym(w) for v in _variants(w)})
                  + r")|" + _trie_regex({_symbols(v, True) for w in words if not _is_acronym(w) for v in _variants(w)}) + ")")
    mods = _alternation([re.escape(m) for m in sf["modifiers"]])
    # A country's name alone acts for its army when a verb follows ("Israel launches airstrikes ...").
    not_actor = {_key(n) for n in sf["not_actor_names"]} | excluded
    actor_names = frozenset(v for table in (countries.get("aliases", {}), _country_names(), names)
                            for ws in table.values() for w in ([ws] if isinstance(ws, str) else ws)
                            if _key(w) not in not_actor and w[:1].isupper() for v in _variants(w))
    mil = _trie_regex({_symbols(w, True) for w in sf["military_words"]})
    pol = _trie_regex({_symbols(w, True) for w in sf["police_words"]})
    alternatives = (
        rf"(?P<of>(?:(?P<ofpol>police(?:\s+forces?)?)|military\s+forces|armed\s+forces|security\s+forces|army|troops|soldiers)"
        rf"\s+of\s+(?:the\s+)?(?P<ofc>{country_rx}))"
        rf"|(?P<name>{_trie_regex(text_names)})(?:e?s)?"
        rf"|(?P<acro>(?-i:{_trie_regex(text_acronyms)})s?)"
        rf"|(?P<dem>{country_rx})(?:(?:'s)?(?:[\s\-]+{mods})*[\s\-]+(?:(?P<pol>{pol})|(?P<mil>{mil}))"
        r"|(?P<ctry>(?=\s+(?:[a-z]+ly\s+)?[a-z])))")
    # "Tiv militias": a militia named by its community, tried only in texts that say "militia"
    ethnic = (r"|(?-i:(?P<eth>[A-Z][a-z][\w']*(?:[\s\-][A-Z][a-z][\w']*){0,2}))\s+"
              r"(?:(?:ethnic|communal|clan|tribal|sub-clan)\s+)?militia(?:s|m[ae]n|\s+members)?")
    scanners = _Scanners({with_ethnic: rf"(?<![\w'])(?:{alternatives}{ethnic if with_ethnic else '|(?P<eth>(?!))'})(?![\w])"
                          for with_ethnic in (True, False)})

    provinces: dict[str, list[tuple[str, _Names]]] = {}
    for g in data["groups"]:
        if g.get("parent"):
            provinces.setdefault(g["parent"], []).append((g["canonical"], _Names(g["places"])))
    theatres = [(name, _Names(words)) for name, words in data["coalition_theatres"].items()]
    theatre_names = {w: name for name, words in data["coalition_theatres"].items() for w in words if _key(w) in canon}
    inspired = {group: generic_name for generic_name, groups in data["inspired_by"].items() for group in groups}
    return _Tables(by_key, by_acronym, by_acronym_folded, canon, states, states_cs, names, provinces,
                   data["coalitions"], theatres, scanners, country_rx, inspired, theatre_names,
                   actor_names)


def _country_names() -> dict[str, list[str]]:
    """pycountry's short names of countries (not demonyms), by alpha-3."""
    return {c.alpha_3: [n for n in (getattr(c, "common_name", None), c.name) if n and "," not in n]
            for c in pycountry.countries}


# ---------------------------------------------------------------- cue lexicon


def _expand(entry: str) -> list[str]:
    """A word-list entry's forms: "bomber(s)" -> bomber, bombers."""
    forms = [""]
    for part in re.split(r"(\((?:s|es)\))", entry):
        if part in ("(s)", "(es)"):
            forms = [f for form in forms for f in (form, form + part[1:-1])]
        elif part:
            forms = [form + part for form in forms]
    return forms


def _words_regex(entries: list[str], lower: bool = True) -> str:
    """A word list as one prefix-tree regex; a final "*" allows any ending."""
    symbols = set()
    for entry in entries:
        for form in _expand(str(entry)):
            star = form.endswith("*")
            form = form.rstrip("*")
            form = form.lower() if lower else form
            sym = re.sub(r"\s+", _SEP, form)
            symbols.add(sym + (_STAR if star else ""))
    return _trie_regex(symbols)


def _phrases(entries: list[str]) -> frozenset[str]:
    return frozenset(f.lower() for e in entries for f in _expand(str(e)))


class _Cues(NamedTuple):
    filler_words: frozenset[str]
    filler_longest: int
    filler_pattern: re.Pattern
    target_before: frozenset[str]
    target_longest: int
    attribution_last: frozenset[str]
    attribution_before: re.Pattern
    claim_before: re.Pattern
    member_before: re.Pattern
    claim_after: re.Pattern
    interception_after: re.Pattern
    cause_clause: re.Pattern
    denial_after: re.Pattern
    suspicion_after: re.Pattern
    verb_after: re.Pattern
    attack_after: re.Pattern
    target_after: re.Pattern
    nouns_after: re.Pattern
    hedge: re.Pattern
    hedge_after: re.Pattern
    violence: re.Pattern
    response: re.Pattern
    responder_object: re.Pattern
    shot_attacker: re.Pattern
    place_preposition: re.Pattern
    not_community: frozenset[str]
    attack_noun: re.Pattern
    attack_any: re.Pattern
    negating_prefix: re.Pattern
    coordination: re.Pattern
    coalition_lead: list[re.Pattern]
    unknown_claim: re.Pattern
    unknown_cues: re.Pattern
    unknown_name: re.Pattern
    group_head: re.Pattern
    not_group_start: re.Pattern
    other_incident: re.Pattern
    habitual: re.Pattern
    light_verb: re.Pattern
    passive: re.Pattern
    individual_noun: re.Pattern
    modifier: re.Pattern
    not_act_before_by: frozenset[str]
    inspiration: frozenset[str]
    inspiration_longest: int
    coordinated_verb: re.Pattern
    singular: re.Pattern


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    c = load_yaml("actor_cues.yaml")
    words = lambda key: _words_regex(c[key])  # noqa: E731
    patterns = lambda key: _alternation(c[key])  # noqa: E731
    filler = rf"(?:(?:{words('filler')}|{patterns('filler_patterns')})\s+)*"
    nouns = rf"(?:'s)?(?:[\s\-]+{words('group_nouns')}\b)*"
    adverbs = rf"(?:{words('adverbs')}|{patterns('adverb_patterns')})"
    apposition = (r"(?:\s*\([^()]{1,40}\))?(?:\s*,\s*(?:which|who)\b[^,.;]{1,80},)?(?:\s*,[^,.;]{1,60},)?"
                  r"(?:\s+in\s+[A-Z][^,.;()]{0,30}?(?:\s*\([^()]{1,40}\))?(?=\s))?"
                  r"(?:\s+(?:armed|equipped|wielding|carrying|riding|travelling|traveling|driving|dressed|wearing|aboard"
                  r"|from|of|belonging\s+to|operating\s+under|under|on|in|with)\b[^,.;]{0,45}?(?=\s))?")
    verb = rf"^{nouns}{apposition}\s*(?:{adverbs}\s+){{0,3}}['\"]?(?P<verb>{words('attack_verbs')})\b"
    country = _tables().country
    name_word = (r"(?:[A-Z][\w'\-]*|(?:al|el|ad|ash|as|bin|ibn|abu|wal|ul)-[\w'\-]+|al|el|of|the|for|and|in|de|del|la"
                 r"|los|las|wal|bin|ul|e|i|du|des|to|/)")
    name = rf"(?P<name>[A-Z][\w'\-]*(?:\s+{name_word}){{0,9}}(?:\s*\([A-Z][\w\-]*\))?)"
    filler_words = _phrases(c["filler"])
    target = _phrases(c["target_before"])
    return _Cues(
        filler_words=filler_words,
        filler_longest=max(len(w.split()) for w in filler_words),
        filler_pattern=re.compile(patterns("filler_patterns"), re.I),
        target_before=target,
        target_longest=max(len(w.split()) for w in target),
        attribution_last=_phrases(c["attribution_last_words"]),
        attribution_before=re.compile(rf"\b{patterns('attribution_before_patterns')}$", re.I),
        claim_before=re.compile(rf"\b{patterns('claim_before_patterns')}$", re.I),
        member_before=re.compile(rf"\b{patterns('member_patterns')}\s+{filler}$", re.I),
        claim_after=re.compile(rf"^{nouns}{apposition}\s*"
                               + patterns("claim_after_patterns").replace("{attack_verbs}", words("attack_verbs")), re.I),
        interception_after=re.compile(c["interception_after"], re.I),
        cause_clause=re.compile(c["cause_clause"], re.I),
        denial_after=re.compile(rf"^{nouns}{apposition}\s*{patterns('denial_after_patterns')}", re.I),
        suspicion_after=re.compile(rf"^{nouns}{apposition}\s+{patterns('suspicion_after_patterns')}", re.I),
        verb_after=re.compile(verb, re.I),
        attack_after=re.compile(rf"^(?:'s)?[\s\-]+(?:{words('group_nouns')}\s+)?(?:[a-z]+-[a-z-]+\s+)?"
                                rf"{words('attack_nouns')}\b", re.I),  # "a Hezbollah anti-tank missile"
        target_after=re.compile(rf"^{patterns('target_after_patterns')}", re.I),
        nouns_after=re.compile(rf"^(?:[\s\-]+{words('group_nouns')}\b)+", re.I),
        hedge=re.compile(rf"\b{words('hedges')}\b", re.I),
        hedge_after=re.compile(rf"^{nouns}\s+(?:\w+\s+)?(?:allegedly|likely|probably|possibly|presumably)\b"
                               rf"|^{nouns}\s+(?:is|are|was|were)\s+(?:\w+\s+)?(?:suspect|believed|thought|likely|alleged)", re.I),
        violence=re.compile(rf"\b{words('violence_words')}\b", re.I),
        response=re.compile(rf"\b{words('response_words')}\b", re.I),
        responder_object=re.compile(rf"\b(?:{words('responder_objects')}|{words('attacker_nouns')})\b", re.I),
        shot_attacker=re.compile(rf"\b(?:(?:the|both|all|one\s+of\s+the|two\s+of\s+the)\s+(?:\w+\s+)?"
                                 rf"{words('responder_objects')}|{words('attacker_nouns')})\b", re.I),
        place_preposition=re.compile(rf"\b{words('place_prepositions')}\s+(?:the\s+)?$", re.I),
        not_community=_phrases(c["not_community_words"]),
        attack_noun=re.compile(rf"\b{words('attack_nouns')}$", re.I),
        attack_any=re.compile(rf"\b{words('attack_nouns')}\b", re.I),
        negating_prefix=re.compile(rf"\b{words('negating_prefixes')}[\s\-]*$", re.I),
        coordination=re.compile(r"^\s*(?:,|and|or|and/or|&|/|as\s+well\s+as|along\s+with|together\s+with|,\s*and|,\s*or)"
                                r"\s*(?:(?:the|both|either|its|their|suspected|presumed)\s+)*$", re.I),
        coalition_lead=[re.compile(p.replace("{country}", country), re.I) for p in c["coalition_lead_patterns"]],
        unknown_claim=re.compile(r"\s(?:has\s+|have\s+|had\s+|later\s+)?(?:claimed|claims|accepted|accepts|took|takes)\s+(?:full\s+)?"
                                 r"(?:responsibility|credit)\b"),
        unknown_cues=re.compile(r"\b(?:(?P<claimed>claimed\s+by)|(?P<attributed>(?:attributed|blamed)\s+(?:[\w'-]+\s+){0,5}?"
                                r"(?:to|on)|(?:carried\s+out|perpetrated|conducted)\s+by)|(?P<suspected>suspected"
                                r"(?:\s+that|\s+(?:the\s+)?involvement\s+of)?))\s+(?:the\s+)?"),
        unknown_name=re.compile(rf"(?:[Tt]he\s+)?{name}"),
        group_head=re.compile(rf"\b{_words_regex(c['group_heads'], lower=False)}\b"),
        not_group_start=re.compile(rf"^{_alternation([re.escape(w) for w in c['not_group_starts']])}\b"),
        habitual=re.compile(rf"\b{words('habitual')}\b", re.I),
        other_incident=re.compile(rf"\b(?:{words('other_incident')}|{words('habitual')})\b", re.I),
        light_verb=re.compile(words("light_verbs"), re.I),
        passive=re.compile(rf"(?:{words('passive_participles')})\s+(?:in|during|when|while|after|as|by|near|at\s+(?!least)|"
                           r"on\s+(?:the\s+)?(?:spot|scene))\b", re.I),
        individual_noun=re.compile(rf"\b{words('individual_nouns')}$", re.I),
        modifier=re.compile(patterns("modifier_patterns"), re.I),
        not_act_before_by=_phrases(c["not_act_before_by"]),
        inspiration=_phrases(c["inspiration_before"]),
        inspiration_longest=max(len(w.split()) for w in _phrases(c["inspiration_before"])),
        coordinated_verb=re.compile(r"^\s*(?:,\s*)?(?:or|and|and/or|/)\s+(?:the\s+)?[\w'-]+", re.I),
        singular=re.compile(r"\b(?:a|an|one)\s+(?:[\w-]+\s+)?$", re.I),
    )


@lru_cache(maxsize=1)
def _cues_ascii() -> _Cues:
    """_cues with every pattern as its ASCII twin: what _read uses on plain ASCII text (text.plain_ascii)."""
    def twin(value):
        if isinstance(value, re.Pattern):
            return ascii_twin(value)
        if isinstance(value, list):
            return [twin(v) for v in value]
        return value

    return _Cues(*map(twin, _cues()))


def _cores(left: str, c: _Cues) -> list[str]:
    """`left`, then `left` without each of the filler words that end it, one by one ("... attributed the
    attack to the " -> "... attributed the attack to"). Every step is kept: "sources suspected" must be
    read before "suspected" goes as a filler word."""
    spans = [m.span() for m in _WORD.finditer(left[-160:])]
    offset = max(0, len(left) - 160)
    words = [left[offset + a: offset + b].lower() for a, b in spans]
    cores = [left.rstrip()]
    n = len(words)
    while n:
        for size in range(min(c.filler_longest, n), 0, -1):
            phrase = " ".join(words[n - size:n])
            if phrase in c.filler_words or (size == 1 and c.filler_pattern.fullmatch(phrase)):
                n -= size
                cores.append(left[:offset + spans[n - 1][1]] if n else left[:offset])
                break
            if size == 1 and c.modifier.fullmatch(phrase):  # "by Islamic State-aligned ADF rebels"
                n -= 1
                while n and left[offset + spans[n - 1][0]].isupper():
                    n -= 1
                cores.append(left[:offset + spans[n - 1][1]] if n else left[:offset])
                break
        else:
            break
    return cores


def _ends_with_phrase(core: str, phrases: frozenset[str], longest: int) -> bool:
    words = core.lower().split()
    return any(" ".join(words[-size:]) in phrases for size in range(1, min(longest, len(words)) + 1))


# ---------------------------------------------------------------- reading one text

class _Mention(NamedTuple):
    start: int
    end: int
    entry: _Entry
    text: str
    head: str = ""  # the name with the group words after it ("Kenyan police officer")


class _Reading(NamedTuple):
    mention: _Mention
    role: str
    hedged: bool
    phrase: str
    individual: bool = False  # "a police officer opened fire": one member, not the force, acted
    explicit: bool = False    # read from a claim or an attribution, not from a described act
    cause: bool = False       # named in a clause giving the incident's cause ("after an X ambush"), an earlier act


def _entry_for(m: re.Match, t: _Tables) -> _Entry | None:
    if m.group("of"):
        alpha3 = _state_of(m.group("ofc"), t)
        force = "police" if m.group("ofpol") else "military"
        return _Entry(_force_canonical(force, alpha3, t.state_names), STATE, force, alpha3) if alpha3 else None
    if m.group("name"):
        word = m.group("name")
        return (t.by_key.get(_key_with_the(word)) or t.by_key.get(_key(word))
                or t.by_key.get(_key(_PLURAL_END.sub("", word))))
    if m.group("acro"):
        word = m.group("acro")
        return t.by_acronym.get(_acronym_key(word)) or t.by_acronym.get(_acronym_key(word[:-1]))
    if m.group("dem"):
        by_name = m.group("ctry") is not None  # "Israel launched ...": the name alone, before a verb
        if by_name and m.group("dem") not in t.actor_names:
            return None
        alpha3 = _state_of(m.group("dem"), t)
        force = "police" if m.group("pol") else "military"
        return _Entry(_force_canonical(force, alpha3, t.state_names), STATE, force, alpha3, by_name) if alpha3 else None
    if m.group("eth"):
        if m.group("eth").split()[0].casefold() in _cues().not_community:
            return None
        return _Entry(f"{m.group('eth')} militia", GROUP)
    return None


def _state_of(words: str, t: _Tables) -> str | None:
    return t.states_cs.get(_acronym_key(words)) or t.states.get(_key(words))


_WORD = re.compile(r"\S+")
# where a verb's object ends: "launched an investigation | after gunmen killed ..."
_OBJECT_END = re.compile(r"[,;.]|\b(?:after|when|as|following|because|since|while|before|but|that|which|who)\b")
_PLURAL_END = re.compile(r"e?s$")
_PAREN_AFTER = re.compile(r"\s*\(([^()]{1,40})\)")
_MEMBER_GATE = re.compile(r"\b(?:of|from|to|with|for|under)\b")
# a capitalised word before a capitalised force word ("Cabinda Armed Forces"), unless it starts a sentence
_CAPITAL_BEFORE = re.compile(r"[A-Z][\w'-]*\s+$")
_SENTENCE_START_BEFORE = re.compile(r"(?:^|[.!?]\s+)[A-Z][\w'-]*\s+$")


@lru_cache(maxsize=1024)
def _mentions(text: str) -> tuple[_Mention, ...]:
    t = _tables()
    c = _cues()
    found: list[_Mention] = []
    last_end = -1
    scanner = t.scanners["ilitia" in text, plain_ascii(text)]
    for m in scanner.finditer(text):
        if m.start() < last_end:
            continue
        entry = _entry_for(m, t)
        if entry is None:
            continue
        if entry.kind == FORCE and m.group(0)[:1].isupper():
            before = text[max(0, m.start() - 30):m.start()]
            if _CAPITAL_BEFORE.search(before) and not _SENTENCE_START_BEFORE.search(before):
                continue  # "Cabinda Armed Forces": part of a proper name, not a force word
        end = m.end()
        paren = _PAREN_AFTER.match(text, end)  # "Boko Haram (BH)": one mention
        if paren and (_is_acronym(paren.group(1)) or t.by_key.get(_key(paren.group(1))) == entry):
            end = paren.end()
        nouns = c.nouns_after.match(text[end:end + 60])
        last_end = end + (nouns.end() if nouns else 0)
        found.append(_Mention(m.start(), end, entry, text[m.start():end], text[m.start():last_end]))
    return tuple(found)


# a mark before the next sentence's first word, or a blank line; opening with the character every ending starts
# with lets the regex engine skip to those (the look-behinds then say which it was)
_SENTENCE_END = re.compile(r"[.!?\n](?:(?<=[.!?])(?=[\"')\]]*\s+[\"'(\[]*[A-Z0-9])|(?<=\n)\s*\n)")
_CLAUSE_START = re.compile(r"(?:[;:]|\bhowever\b|\bbut\b|\bwhile\b|\bwhereas\b|\balthough\b|\bthough\b)", re.I)


def _sentences(text: str) -> list[int]:
    """Start offsets of the text's sentences."""
    return [0] + [m.end() for m in _SENTENCE_END.finditer(text)]


def _clause(left: str) -> str:
    return left[max((m.end() for m in _CLAUSE_START.finditer(left)), default=0):]


NAMED_KINDS = frozenset({GROUP, STATE, COALITION, BARE})
UNNAMED_KINDS = frozenset({FORCE, UNNAMED})
ALL_KINDS = NAMED_KINDS | UNNAMED_KINDS


@lru_cache(maxsize=1024)
def _read(text: str, kinds: frozenset[str] = ALL_KINDS) -> tuple[_Reading, ...]:
    """Every actor of these kinds named in `text`, with the part it played."""
    mentions = [m for m in _mentions(text) if m.entry.kind in kinds]
    if not mentions:
        return ()
    c = _cues_ascii() if plain_ascii(text) else _cues()
    starts = _sentences(text)
    readings: list[_Reading] = []
    for mention in mentions:
        i = bisect_right(starts, mention.start) - 1
        sent_start = starts[i]
        sent_end = starts[i + 1] if i + 1 < len(starts) else len(text)
        left = text[max(sent_start, mention.start - 160): mention.start]
        right = text[mention.end: min(sent_end, mention.end + 220)]
        role, cue = _role(left, right, mention, c)
        hedged = role == ACCUSED or (role == PERPETRATOR and bool(c.hedge.search(_clause(left)) or c.hedge_after.match(right)))
        role = PERPETRATOR if role == ACCUSED else role
        phrase = _phrase(text, mention, left, cue) if cue is not None else mention.text
        individual = (mention.entry.kind in (FORCE, STATE) and bool(c.singular.search(left[-30:]))
                      and bool(c.individual_noun.search(mention.head or mention.text)))
        readings.append(_Reading(mention, role, hedged, phrase, individual, bool(cue and cue[2]),
                                 bool(c.cause_clause.search(left))))
    return tuple(_coordinate(text, readings, c))


def _phrase(text: str, mention: _Mention, left: str, cue: tuple[int, str, bool]) -> str:
    offset, side, _ = cue
    if side == "left":
        return text[mention.start - (len(left) - offset): mention.end].strip()
    return text[mention.start: mention.end + offset].strip()


def _role(left: str, right: str, mention: _Mention, c: _Cues) -> tuple[str, tuple[int, str, bool] | None]:
    """(role, cue): the cue's start in `left` or its end in `right`, and whether it is an explicit claim or
    attribution ("claimed responsibility", "attributed the attack to") rather than a described act."""
    if c.negating_prefix.search(left[-12:]):
        return NEUTRAL, None
    if left.endswith("(") and right.startswith(")"):  # "volunteer fighters (VDPs) killed ...": a gloss
        left, right = left[:-1], right[1:]
    if m := c.claim_after.match(right):
        if c.interception_after.match(right, m.end()):
            return NEUTRAL, None  # "the army said it shot down 40 drones": a claim of the defence, not of the attack
        return CLAIMED, (m.end(), "right", True)
    cores = _cores(left, c)
    for core in cores:
        last = core[core.rfind(" ") + 1:].lower()
        if last in ("by", "from", "of", "behalf") and (m := c.claim_before.search(core[-140:])):
            return CLAIMED, (len(core) - len(core[-140:]) + m.start(), "left", True)
        if (last in c.attribution_last or last.endswith(",")) and (m := c.attribution_before.search(core[-160:])):
            # a state blamed by name ("officials blamed India") is an accusation: read as suspected
            return (ACCUSED if mention.entry.by_name else PERPETRATOR), (len(core) - len(core[-160:]) + m.start(), "left", True)
    core = cores[-1]
    last = core[core.rfind(" ") + 1:].lower()
    if _ends_with_phrase(core, c.inspiration, c.inspiration_longest):
        return INSPIRED, None
    if c.denial_after.match(right):
        return DENIED, None
    if last == "by":
        clause = _clause(core[:-2])
        before = clause.split()
        if before and before[-1].lower() in c.not_act_before_by or c.habitual.search(clause):
            return NEUTRAL, None
        if c.violence.search(" ".join(before[-7:])) or mention.entry.kind in (COALITION, STATE):
            if c.response.search(clause) or c.responder_object.search(clause):
                return RESPONDER, None
            return PERPETRATOR, (len(core) - 2, "left", False)
    if mention.entry.by_name and c.place_preposition.search(left[-14:]):
        return NEUTRAL, None  # "an airstrike in Somalia killed ...": the country is where, not who
    member = c.member_before.search(left[-100:]) if _MEMBER_GATE.search(left[-60:]) else None
    verb = c.verb_after.match(right)
    if not verb and (co := c.coordinated_verb.match(right)):  # "JNIM or ISGs militants assassinated ..."
        verb = c.verb_after.match(right[co.end():])
        verb_end = co.end() + verb.end() if verb else 0
    else:
        verb_end = verb.end() if verb else 0
    if member and not verb:
        return NEUTRAL, None
    if not member and _ends_with_phrase(core, c.target_before, c.target_longest):
        return TARGET, None
    if m := c.suspicion_after.match(right):
        return PERPETRATOR, (m.end(), "right", True)
    if verb and c.passive.match(right, verb.start("verb") + (verb_end - verb.end())):
        verb = None  # "Taliban fighters killed in an airstrike": they were killed
    if verb and c.light_verb.fullmatch(verb.group("verb")):
        obj = _OBJECT_END.split(right[verb_end: verb_end + 60], 1)[0]
        if not (c.violence.search(obj) or c.attack_any.search(obj)):
            verb = None  # "launched an investigation after ...": not an attack
    if verb:
        if c.shot_attacker.search(right[verb_end: verb_end + 45]) or c.response.search(right[verb_end: verb_end + 80]):
            return RESPONDER, None
        if c.habitual.search(_clause(core)) or c.habitual.search(right[: verb_end + 60]):
            return NEUTRAL, None  # "Daesh carries out frequent bombings": a habit, not this incident
        if member:
            return PERPETRATOR, (len(left) - len(left[-100:]) + member.start(), "left", False)
        return PERPETRATOR, (verb_end, "right", False)
    # "an Israeli airstrike", "a Taliban attack": the name qualifies the attack
    attack = c.attack_after.match(right)
    attack_end = attack.end() if attack and not c.target_after.match(right) else None
    if attack_end is None and mention.entry.kind == STATE and c.attack_noun.search(mention.text):
        attack_end = 0
    if attack_end is not None:
        if c.habitual.search(_clause(core)):
            return NEUTRAL, None  # "the attack resembled previous Islamic State bombings"
        return PERPETRATOR, (attack_end, "right", False)
    if c.target_after.match(right):
        return TARGET, None
    return NEUTRAL, None


def _coordinate(text: str, readings: list[_Reading], c: _Cues) -> list[_Reading]:
    """Names joined by "and"/"or" share a role: "attributed the attack to the Haqqani Network and the Taliban"."""
    out = list(readings)
    for _ in range(2):
        for i in range(len(out) - 1):
            a, b = out[i], out[i + 1]
            if not c.coordination.match(text[a.mention.end: b.mention.start]):
                continue
            if a.role == NEUTRAL and b.role in (CLAIMED, PERPETRATOR):
                out[i] = a._replace(role=b.role, hedged=b.hedged, phrase=f"{a.mention.text} ... {b.phrase}")
            elif b.role == NEUTRAL and a.role in (CLAIMED, PERPETRATOR):
                out[i + 1] = b._replace(role=a.role, hedged=a.hedged, phrase=f"{a.phrase} ... {b.mention.text}")
    return out


def _status(reading: _Reading) -> str:
    if reading.individual:  # a force is not attributed an act of one of its members
        return "unknown"
    if reading.role == CLAIMED:
        return "claimed"
    return "suspected" if reading.hedged else "attributed"


# ---------------------------------------------------------------- resolving bare references

@lru_cache(maxsize=256)
def _attackers(article: str, explicit_only: bool = False) -> tuple[tuple[int, str, str, str], ...]:
    """(offset, canonical, status, phrase) of every group the article names as a claimant or attacker (only
    those it explicitly says claimed or carried out an attack: "X claimed responsibility", "sources attributed
    the attack to X"), except in sentences about other attacks ("in a separate attack", "last month")."""
    c = _cues()
    text = _fold(article)
    starts = _sentences(text)
    out = []
    for r in _read(text, NAMED_KINDS):
        if r.role in (CLAIMED, PERPETRATOR) and r.mention.entry.kind in (GROUP, STATE) and (r.explicit or not explicit_only):
            i = bisect_right(starts, r.mention.start) - 1
            sentence = text[starts[i]: starts[i + 1] if i + 1 < len(starts) else len(text)]
            if not c.other_incident.search(sentence):
                out.append((r.mention.start, r.mention.entry.canonical, _status(r), r.phrase))
    return tuple(out)


def _resolve_bare(event: str, article: str) -> str | None:
    """The group a bare "the militants" means: the attacker the article names nearest before the event."""
    if not article:
        return None
    attackers = [a for a in _attackers(article) if a[2] != "suspected"]
    if not attackers:
        return None
    at = _fold(article).find(_fold(event)[:80]) if event else -1
    at = at if at >= 0 else len(article)
    before = [a for a in attackers if a[0] <= at]
    return (before[-1] if before else attackers[0])[1]


@lru_cache(maxsize=256)
def _coalition(text: str) -> str | None:
    """Who leads "the coalition" in this article: an explicit leader, else the war the article is about."""
    t = _tables()
    c = _cues()
    for r in _read(text):
        if r.mention.entry.canonical in t.coalitions.values():
            return r.mention.entry.canonical
    for rx in c.coalition_lead:
        for m in rx.finditer(text):
            alpha3 = _state_of(m.group("lead"), t)
            if alpha3 in t.coalitions:
                return t.coalitions[alpha3]
    counts = Counter({name: names.count(text) for name, names in t.theatres})
    for r in _read(text):  # "an IS cave complex": the groups a text names place its war too
        entry = r.mention.entry
        war = t.theatre_names.get(entry.canonical) or t.theatre_names.get(_parent(entry.canonical))
        if war:
            counts[war] += 1
    name, n = counts.most_common(1)[0] if counts else (None, 0)
    return name if n else None


def _parent(canonical: str) -> str | None:
    for parent, provinces in _tables().provinces.items():
        if any(name == canonical for name, _ in provinces):
            return parent
    return None


def _province(canonical: str, *texts: str) -> str:
    """A bare "Islamic State" in an article about Nigeria is its West Africa Province, as the coders write it:
    the province whose places the texts name most often."""
    options = _tables().provinces.get(canonical)
    if not options:
        return canonical
    counts = Counter({name: sum(_count(places, text) for text in texts) for name, places in options})
    name, n = counts.most_common(1)[0]
    return name if n else canonical


@lru_cache(maxsize=1024)
def _count(names: _Names, text: str) -> int:
    """Cached, as every incident of an article counts the names in the whole article."""
    return names.count(text)


def _unknown_group(text: str) -> tuple[str, str, str] | None:
    """A group the table does not know, where the coders' formula names one: "The X Brigades claimed
    responsibility", "sources attributed the attack to the X Front"."""
    c = _cues()
    found: list[tuple[int, str, str, str]] = []
    for m in c.unknown_claim.finditer(text):  # "<Name> claimed responsibility": the name is the whole clause
        clause_start = max(text.rfind(p, 0, m.start()) for p in ".;:,") + 1
        clause = text[clause_start:m.start()].strip()
        if (n := c.unknown_name.fullmatch(clause)) and _group_like(n.group("name"), c):
            found.append((clause_start, _clean_name(n.group("name")), "claimed", text[clause_start:m.end()].strip()))
    for m in c.unknown_cues.finditer(text):
        if (n := c.unknown_name.match(text, m.end())) and _group_like(_clean_name(n.group("name")), c):
            status = next(k for k in ("claimed", "attributed", "suspected") if m.group(k))
            found.append((m.start(), _clean_name(n.group("name")), status, text[m.start():n.end()].strip()))
    if not found:
        return None
    _, name, status, phrase = max(found, key=lambda f: (_RANK[f[2]], -f[0]))
    return name, status, phrase


def _clean_name(name: str) -> str:
    name = re.sub(r"^(?:[Tt]he)\s+", "", name).strip(" ,")
    return re.sub(r"(?:\s+(?:and|of|the|for|in|to))+$", "", name)


def _group_like(name: str, c: _Cues) -> bool:
    """A capitalised phrase that names a group, not a person: "the X Brigades", "X (ABC)", "Veterans for Y"."""
    words = name.split()
    return bool(re.search(r"\([A-Z][\w\-]*\)$", name) or c.group_head.search(name)
                or (len(words) >= 3 and any(w in ("of", "for", "the", "de", "del", "la") for w in words))) \
        and not c.not_group_start.match(name)


# ---------------------------------------------------------------- public API

def home_countries(text: str) -> Counter:
    """ISO alpha-3 code -> mentions in the text of groups that fight in that country only (actors.yaml `home`):
    evidence of where the text's events happened."""
    return Counter(m.entry.alpha3 for m in _mentions(_fold(text or "")) if m.entry.kind == GROUP and m.entry.alpha3)


def find_perpetrator(event: str, context: str = "", article: str = "", country: str | None = None) -> Attribution:
    """Who the text says did this incident, and how surely (claimed, attributed, suspected, unknown).

    `event`: the sentence(s) reporting the incident's casualties; `context`: nearby sentences (a claim often
    comes next); `article`: the whole text, to resolve "the militants" or "the coalition". `country` (a name or
    ISO alpha-3 code), when the caller knows where it happened, places a bare "police" or "army".

        >>> find_perpetrator("Two soldiers were killed.", "No group claimed responsibility.")
        Attribution(perpetrator=None, status='unknown', phrase=None)
        >>> find_perpetrator("A bomb killed 5 people.", "Al-Shabaab claimed responsibility for the attack.").status
        'claimed'
    """
    event, context = _fold(event or ""), _fold(context or "")
    best: tuple[float, int, int] | None = None
    choice: Attribution | None = None
    unnamed: Attribution | None = None
    full_article = _fold(article or "")
    passes = [(kinds, source, text) for kinds in (NAMED_KINDS, UNNAMED_KINDS)
              for source, text in enumerate((event, context)) if text and not (source == 1 and text == event)]
    for kinds, source, text in passes:
        if kinds is UNNAMED_KINDS and best is not None and best[0] >= _RANK["attributed"]:
            break  # a named group outranks any unnamed force or attacker
        for r in _read(text, kinds):
            if r.role == INSPIRED and r.mention.entry.canonical in _tables().inspired:
                r = r._replace(role=PERPETRATOR, mention=r.mention._replace(
                    entry=_Entry(_tables().inspired[r.mention.entry.canonical], INSPIRED)))
            if r.role not in (CLAIMED, PERPETRATOR):
                continue
            entry = r.mention.entry
            status = _status(r)
            name: str | None = entry.canonical
            kind = entry.kind
            if kind == UNNAMED:
                unnamed = unnamed or Attribution(UNIDENTIFIED, "unknown", r.phrase)
                continue
            if kind == BARE:
                name = _resolve_bare(event or context, full_article)
                if name is None:
                    if re.search(r"militants|insurgents|jihadists|terrorists|rebels", r.mention.text, re.I):
                        unnamed = unnamed or Attribution(UNIDENTIFIED, "unknown", r.phrase)
                    continue
            elif kind == COALITION:
                name = _coalition(full_article or f"{event} {context}")
                if name is None:
                    continue
            elif kind == FORCE:
                name = _placed_force(entry, country)
            elif name in _tables().provinces:
                name = _province(name, event, context, full_article)
            rank = (_RANK[status] - _KIND_PENALTY.get(kind, 0.0) - (CAUSE_PENALTY if r.cause else 0.0), -source,
                    -r.mention.start)
            if best is None or rank > best:
                best, choice = rank, Attribution(name, status, r.phrase)
    if choice is None:
        found = _unknown_group(f"{event} {context}".strip())
        if found:
            return Attribution(*found)
    if choice is None and full_article and full_article not in (event, context):
        # The claim is often further away than the sentences around the figures: an article that names one
        # attacker or claimant (and no other) names it for its incident.
        attackers = _attackers(full_article, explicit_only=True)
        if len({a[1] for a in attackers}) == 1:
            best_one = max(attackers, key=lambda a: _RANK[a[2]])
            return Attribution(_province(best_one[1], full_article), best_one[2], best_one[3])
    return choice or unnamed or NOBODY


def _placed_force(entry: _Entry, country: str | None) -> str:
    if not country:
        return entry.canonical
    t = _tables()
    alpha3 = country.upper() if re.fullmatch(r"[A-Za-z]{3}", country) and country.upper() in t.state_names.values() else None
    alpha3 = alpha3 or _state_of(country, t) or (country.upper() if len(country) == 3 else None)
    if not alpha3:
        return entry.canonical
    return _force_canonical(entry.force or "military", alpha3, t.state_names)


# ACLED "Military Forces of Pakistan (2018-)", "Police Forces of India (2014-)"; UCDP "Government of Mali"
_ACLED_FORCE = re.compile(r"^(military|police|government)\s+(?:forces\s+)?of\s+(?:the\s+)?(.+?)\s*"
                          r"(?:\(\s*\d{4}\s*-\s*(?:\d{4})?\s*\)\s*(.*))?$", re.I)
_ETHNIC_MILITIA = re.compile(r"^(.+?)\s+(?:ethnic|communal|clan|sub-clan|tribal)?\s*militia(?:\s*\([^()]*\))?$", re.I)


@lru_cache(maxsize=4096)
def canonical_actor(name: str) -> str | None:
    """The canonical name of a group or force for any alias or coder's name; None when it is not known.

        >>> canonical_actor("Military Forces of Pakistan (2018-)"), canonical_actor("Pakistani troops")
        ('Military Forces of Pakistan', 'Military Forces of Pakistan')
    """
    if not name or not str(name).strip():
        return None
    name = _fold(str(name)).strip()
    first = re.split(r"\s+and/or\s+|\s*;\s*", name)[0].strip()  # ACLED "A and/or B": the first named
    return _canonical(first)


def _canonical(name: str) -> str | None:
    t = _tables()
    entry = _lookup(name, t)
    if entry:
        return entry.canonical
    if re.match(r"^(?:unidentified|unknown)\b", name, re.I):
        return UNIDENTIFIED
    if m := re.match(r"^([^:]{1,40}):\s+(.+)$", name):  # ACLED "JNIM: Group for Support of Islam and Muslims"
        found = _canonical(m.group(2))
        if found:
            return found
        short = _canonical(m.group(1))  # the acronym alone may be another group's ("UPDF"): the words must agree
        long_words = {w for w in re.findall(r"[a-z]{4,}", _fold(m.group(2)).lower())}
        if short and long_words & set(re.findall(r"[a-z]{4,}", short.lower())):
            return short
        return None
    if m := _ACLED_FORCE.match(name):
        suffix = (m.group(3) or "").strip()
        if suffix:  # "Military Forces of Yemen (2016-) Supreme Political Council": a faction with its own name
            entry = _lookup(suffix, t)
            if entry and entry.kind == GROUP:
                return entry.canonical
        alpha3 = _state_of(m.group(2), t)
        if alpha3:
            return _force_canonical("police" if m.group(1).lower() == "police" else "military", alpha3, t.state_names)
    if m := re.fullmatch(r"(.*?)\s*\(([^()]+)\)", name):
        inner = m.group(2)
        found = _canonical(m.group(1)) if m.group(1) else None
        if found:
            return found
        if re.fullmatch(r"[A-Za-z0-9&\-]+", inner) and sum(ch.isupper() for ch in inner) >= 2:
            entry = _lookup(inner, t)
            if entry:
                return entry.canonical
    if m := _ETHNIC_MILITIA.match(name):  # ACLED "Tiv Ethnic Militia (Nigeria)" = "Tiv militia"
        words = m.group(1).strip()
        if words and words.split()[0].casefold() not in _cues().not_community:
            return f"{words} militia"
    mentions = _mentions(name)  # "Pakistani troops", "ISIS fighters"
    if len(mentions) == 1:
        rest = (name[:mentions[0].start] + name[mentions[0].end:]).strip(" -")
        if not rest or _cues().nouns_after.fullmatch(" " + rest):
            entry = mentions[0].entry
            if entry.kind not in (BARE, COALITION, UNNAMED):
                return entry.canonical
            if entry.kind == UNNAMED:
                return UNIDENTIFIED
    return None


def _lookup(name: str, t: _Tables) -> _Entry | None:
    name = name.strip()
    if not name:
        return None
    return (t.by_acronym.get(_acronym_key(name)) if _is_acronym(name) else None) or t.by_key.get(_key(name)) \
        or t.canon.get(_key(name)) or t.by_acronym_folded.get(_key(name))
