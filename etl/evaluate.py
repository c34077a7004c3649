"""Gold JSONL -> per-field accuracy of the extractor, scored by the rules in shared/eval/README.md."""
from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as dt
import functools
import json
import math
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pycountry

from etl import store
from etl.schema import Article, Mention

# Column order of the table; each name is a metric of the README's table.
METRICS = (
    "killed_pos_exact", "wounded_pos_exact", "killed_exact", "wounded_exact", "fatal_recall",
    "nonfatal_clean", "date_exact", "country", "place", "perpetrator", "no_false_attribution",
)
# The mention column a metric reads, for the errors file.
METRIC_FIELDS = {
    "killed_pos_exact": "killed", "wounded_pos_exact": "wounded", "killed_exact": "killed",
    "wounded_exact": "wounded", "fatal_recall": "killed", "nonfatal_clean": "killed",
    "date_exact": "event_date", "country": "country_code", "place": "location",
    "perpetrator": "perpetrator", "no_false_attribution": "perpetrator",
}
# Matching weights from the README: the row agreeing most on date, country and place is the prediction.
MATCH_WEIGHTS = {"date": 4, "country": 2, "place": 1}
ALL = "ALL"
# The builder sees only id, text and publication date; a neutral path keeps the gold file name out of its view.
EVAL_ARTICLE_PATH = "eval.jsonl"
# Relative to the repository root: the gold used when `eval` is given no file.
DEFAULT_GOLD_DIR = Path("..") / "shared" / "eval" / "dev"

# ACLED event types whose actor1 is the aggressor (README: "violence against civilians and explosions").
ACLED_PERPETRATOR_EVENT_TYPES = frozenset({"Violence against civilians", "Explosions/Remote violence"})
# "Unknown" (GTD gname) and "Unidentified Armed Group (<country>)" (ACLED) mean nobody is named.
UNKNOWN_PERPETRATOR = re.compile(r"^\s*(unknown|unidentified\b)", re.IGNORECASE)

# Country names the coders use that pycountry's names do not cover (ISO renamed or uses the formal name).
COUNTRY_ALIASES = {
    "democratic republic of congo": "COD", "democratic republic of the congo": "COD", "dr congo": "COD",
    "drc": "COD", "congo kinshasa": "COD", "republic of congo": "COG", "republic of the congo": "COG",
    "congo brazzaville": "COG", "ivory coast": "CIV", "palestine": "PSE", "palestinian territories": "PSE",
    "west bank": "PSE", "gaza": "PSE", "gaza strip": "PSE", "kosovo": "XKX", "russia": "RUS", "turkey": "TUR",
    "turkiye": "TUR", "macedonia": "MKD", "swaziland": "SWZ", "cape verde": "CPV", "brunei": "BRN",
    "east timor": "TLS", "burma": "MMR", "vatican": "VAT", "vatican city": "VAT", "micronesia": "FSM",
    "bosnia": "BIH", "uk": "GBR", "britain": "GBR", "great britain": "GBR", "england": "GBR", "scotland": "GBR",
    "wales": "GBR", "northern ireland": "GBR", "us": "USA", "usa": "USA", "united states of america": "USA",
    "america": "USA", "uae": "ARE", "emirates": "ARE", "iran": "IRN", "syria": "SYR", "laos": "LAO",
    "south korea": "KOR", "north korea": "PRK", "czech republic": "CZE", "holland": "NLD",
}
# Codes in use that ISO 3166 has not assigned (Kosovo's user-assigned code).
EXTRA_ALPHA3 = frozenset({"XKX"})
# Demonyms that the suffix rules in `_demonym_alpha3` cannot turn back into a country name.
IRREGULAR_DEMONYMS = {
    "afghan": ("AFG",), "american": ("USA",), "us": ("USA",), "u s": ("USA",), "british": ("GBR",),
    "uk": ("GBR",), "english": ("GBR",), "scottish": ("GBR",), "welsh": ("GBR",), "turkish": ("TUR",),
    "filipino": ("PHL",), "philippine": ("PHL",), "burmese": ("MMR",), "thai": ("THA",), "lebanese": ("LBN",),
    "saudi": ("SAU",), "emirati": ("ARE",), "french": ("FRA",), "dutch": ("NLD",), "burkinabe": ("BFA",),
    "congolese": ("COD", "COG"), "peruvian": ("PER",), "malagasy": ("MDG",), "ivorian": ("CIV",),
    "kosovar": ("XKX",), "palestinian": ("PSE",), "greek": ("GRC",), "swiss": ("CHE",), "danish": ("DNK",),
    "swedish": ("SWE",), "finnish": ("FIN",), "polish": ("POL",), "spanish": ("ESP",), "irish": ("IRL",),
    "portuguese": ("PRT",), "togolese": ("TGO",), "mozambican": ("MOZ",), "salvadoran": ("SLV",),
    "honduran": ("HND",), "kazakh": ("KAZ",), "uzbek": ("UZB",), "tajik": ("TJK",), "kyrgyz": ("KGZ",),
    "turkmen": ("TKM",), "cypriot": ("CYP",), "norwegian": ("NOR",), "azeri": ("AZE",), "bosnian": ("BIH",),
    "new zealand": ("NZL",), "israeli": ("ISR",), "somali": ("SOM",), "iraqi": ("IRQ",),
}
# Demonym endings and what replaces them to give the country name back ("Ukrainian" -> "Ukraine").
DEMONYM_SUFFIXES = (
    ("", ""), ("n", ""), ("an", ""), ("ian", ""), ("ien", ""), ("i", ""), ("ese", ""), ("ish", ""), ("ian", "e"),
    ("ian", "a"), ("ian", "y"), ("an", "o"), ("ese", "a"), ("", "a"), ("", "y"), ("ish", "y"),
)
# Words naming a state force after a demonym ("Pakistani troops"); security forces may be either kind.
FORCE_WORDS = {
    "army": {"military"}, "national army": {"military"}, "troops": {"military"}, "forces": {"military"},
    "military": {"military"}, "military forces": {"military"}, "armed forces": {"military"},
    "soldiers": {"military"}, "navy": {"military"}, "air force": {"military"}, "defence forces": {"military"},
    "defense forces": {"military"}, "government forces": {"military"}, "government troops": {"military"},
    "security forces": {"military", "police"}, "national security forces": {"military", "police"},
    "gendarmerie": {"military", "police"}, "police": {"police"}, "police force": {"police"},
    "police forces": {"police"}, "policemen": {"police"}, "police officers": {"police"},
    "national police": {"police"}, "officers": {"police"}, "military police": {"military", "police"},
}
_FORCE_PHRASES = sorted(FORCE_WORDS, key=lambda w: -len(w.split()))
# Words that do not change which place a name refers to ("Dorvana province", "Merti city").
PLACE_GENERIC_WORDS = frozenset({
    "district", "province", "city", "county", "governorate", "region", "area", "village", "town",
})
# Arabic article, written "al-", "al " or "el-".
ARTICLE_WORDS = frozenset({"al", "el"})
PLACE_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}


@dataclass(frozen=True)
class Case:
    """One gold case: the text the builder sees and the professional coding of it."""
    id: str
    source: str
    text: str
    publication_date: dt.date | None
    gold: dict  # killed, wounded, date (datetime.date | None), location {city, admin1, country}, perpetrator
    meta: dict = field(default_factory=dict)
    path: str = ""
    line: int = 0


@dataclass
class Cell:
    hits: int = 0
    n: int = 0

    @property
    def accuracy(self) -> float | None:
        return self.hits / self.n if self.n else None


@dataclass
class Table:
    """Accuracy per source and metric; the ALL row pools every case."""
    metrics: tuple[str, ...] = METRICS
    cells: dict[str, dict[str, Cell]] = field(default_factory=dict)
    cases: dict[str, int] = field(default_factory=dict)

    def add(self, source: str, results: dict[str, bool | None]) -> None:
        for key in (source, ALL):
            row = self.cells.setdefault(key, {m: Cell() for m in self.metrics})
            self.cases[key] = self.cases.get(key, 0) + 1
            for metric in self.metrics:
                hit = results.get(metric)
                if hit is not None:
                    row[metric].n += 1
                    row[metric].hits += bool(hit)

    def sources(self) -> list[str]:
        """Sources in name order, ALL last."""
        return sorted(s for s in self.cells if s != ALL) + ([ALL] if ALL in self.cells else [])

    def to_json(self) -> dict:
        return {
            "metrics": list(self.metrics),
            "sources": {
                s: {
                    "cases": self.cases[s],
                    "metrics": {m: {"accuracy": c.accuracy, "hits": c.hits, "n": c.n}
                                for m, c in self.cells[s].items()},
                }
                for s in self.sources()
            },
        }


# ---------------------------------------------------------------- loading

def _parse_date(value: Any, what: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise ValueError(f"{what}: expected a YYYY-MM-DD date or null, got {value!r}")


def _check_count(value: Any, what: str) -> int | None:
    if value is None or (isinstance(value, int) and not isinstance(value, bool) and value >= 0):
        return value
    raise ValueError(f"{what}: expected a non-negative integer or null, got {value!r}")


def _case_from_json(obj: Any) -> Case:
    if not isinstance(obj, dict):
        raise ValueError(f"expected a JSON object, got {type(obj).__name__}")
    missing = [k for k in ("id", "source", "text", "gold") if k not in obj]
    if missing:
        raise ValueError(f"missing key(s) {', '.join(missing)}")
    gold = obj["gold"]
    if not isinstance(gold, dict):
        raise ValueError("gold: expected an object")
    location = gold.get("location") or {}
    if not isinstance(location, dict):
        raise ValueError("gold.location: expected an object or null")
    gold = {
        "killed": _check_count(gold.get("killed"), "gold.killed"),
        "wounded": _check_count(gold.get("wounded"), "gold.wounded"),
        "date": _parse_date(gold.get("date"), "gold.date"),
        "location": {k: location.get(k) for k in ("city", "admin1", "country")},
        "perpetrator": gold.get("perpetrator"),
    }
    meta = obj.get("meta") or {}
    if not isinstance(meta, dict):
        raise ValueError("meta: expected an object or null")
    return Case(
        id=str(obj["id"]), source=str(obj["source"]), text=str(obj["text"] or ""),
        publication_date=_parse_date(obj.get("publication_date"), "publication_date"), gold=gold, meta=meta,
    )


def iter_gold(paths: Iterable[str | Path]) -> Iterator[Case]:
    """Cases one at a time; a malformed line stops with its file:line, a repeated id with both places."""
    seen: dict[str, str] = {}
    for path in paths:
        with open(path, encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                where = f"{path}:{number}"
                try:
                    case = _case_from_json(json.loads(line))
                except ValueError as err:  # json.JSONDecodeError is a ValueError
                    raise ValueError(f"{where}: malformed gold line: {err}") from err
                if case.id in seen:
                    raise ValueError(f"{where}: case id {case.id!r} already used at {seen[case.id]}")
                seen[case.id] = where
                yield dataclasses.replace(case, path=str(path), line=number)


def load_gold(paths: Iterable[str | Path]) -> list[Case]:
    return list(iter_gold(paths))


# ---------------------------------------------------------------- normalisation

def _fold(text: str) -> str:
    """Casefolded, accents stripped, apostrophes dropped, other punctuation a space, single spaces."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"['’‘`ʼ.]", "", text)
    text = re.sub(r"[^\w]+|_", " ", text)
    return " ".join(text.split())


def _without_the(text: str) -> str:
    return text[4:] if text.startswith("the ") else text


@functools.cache
def _country_index() -> dict[str, str]:
    """Folded country name -> alpha-3, from pycountry's names plus `COUNTRY_ALIASES`."""
    index: dict[str, str] = {}
    stems: dict[str, set[str]] = {}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            name = getattr(c, attr, None)
            if not name:
                continue
            index.setdefault(_without_the(_fold(name)), c.alpha_3)
            if "," in name:  # "Korea, Republic of" -> "Republic of Korea"; "Iran, Islamic Republic of" -> "Iran"
                head, tail = (s.strip() for s in name.split(",", 1))
                index.setdefault(_without_the(_fold(f"{tail} {head}")), c.alpha_3)
                stems.setdefault(_without_the(_fold(head)), set()).add(c.alpha_3)
    for stem, codes in stems.items():
        if len(codes) == 1:  # "Korea" heads two names: ambiguous, left out
            index.setdefault(stem, next(iter(codes)))
    index.update(COUNTRY_ALIASES)
    return index


@functools.cache
def _country_name_alpha3(name: str) -> str | None:
    return _country_index().get(_without_the(_fold(name)))


@functools.cache
def country_alpha3(value: str | None) -> str | None:
    """ISO 3166 alpha-3 for a code (alpha-3 or alpha-2) or a country name; None when it names no country."""
    if not value or not str(value).strip():
        return None
    value = str(value).strip()
    upper = value.upper()
    if len(value) == 3 and value.isalpha():
        if upper in EXTRA_ALPHA3 or pycountry.countries.get(alpha_3=upper):
            return upper
    if len(value) == 2 and value.isalpha() and value.isupper():
        country = pycountry.countries.get(alpha_2=upper)
        if country:
            return country.alpha_3
    return _country_name_alpha3(value)


@functools.cache
def _demonym_alpha3(word: str) -> tuple[str, ...]:
    """Countries a demonym or country name refers to ("Ukrainian" -> UKR); empty when it names none."""
    word = _without_the(_fold(word))
    if word in IRREGULAR_DEMONYMS:
        return IRREGULAR_DEMONYMS[word]
    for ending, replacement in DEMONYM_SUFFIXES:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            code = _country_name_alpha3(word[: len(word) - len(ending)] + replacement)
            if code:
                return (code,)
    return ()


def _row_country(row: Any) -> str | None:
    return country_alpha3(_get(row, "country_code")) or country_alpha3(_get(row, "country"))


def same_country(row: Any, gold_country: str | None) -> bool:
    if not gold_country:
        return False
    gold_code = country_alpha3(gold_country)
    if gold_code:
        return _row_country(row) == gold_code
    # A gold name outside ISO (e.g. a disputed territory): compare the names themselves.
    return any(_fold(str(v)) == _fold(gold_country) for v in (_get(row, "country"), _get(row, "country_code")) if v)


@functools.cache
def _place_forms(name: str) -> frozenset[str]:
    """Comparable forms of a place name: whole, and the part before a comma ("Jalalabad, Nangarhar")."""
    forms = set()
    for part in {name, name.split(",", 1)[0]}:
        words = [PLACE_ABBREVIATIONS.get(w, w) for w in _fold(part).split()]
        kept = [w for w in words if w not in ARTICLE_WORDS and w not in PLACE_GENERIC_WORDS]
        forms.add("".join(kept or words))
    forms.discard("")
    return frozenset(forms)


def same_place(location: str | None, gold_city: str | None) -> bool:
    """True when `location` names the gold place, ignoring case, accents, "Al-", and words like "district"."""
    if not location or not gold_city:
        return False
    return not _place_forms(str(location)).isdisjoint(_place_forms(str(gold_city)))


# ---------------------------------------------------------------- perpetrators

def _identity(name: str) -> str:
    return name


@functools.cache
def default_canonical() -> Callable[[str], str | None]:
    """The extractor's alias table (`etl.extract.actors.canonical_actor`), or identity while it does not exist."""
    try:
        from etl.extract.actors import canonical_actor
    except ImportError as err:
        # Only the module or the name being absent falls back; a broken actors module still fails loud.
        if err.name not in ("etl.extract", "etl.extract.actors"):
            raise
        return _identity
    return canonical_actor


def _name_key(name: str) -> str:
    words = [w for w in _without_the(_fold(name)).split() if w not in ARTICLE_WORDS]
    return " ".join(words)


def _name_alternatives(name: str) -> set[str]:
    """The ways a coded name may be written: "Front of the Hills (FH)" -> long name, "FH", both."""
    alternatives: set[str] = set()
    for part in re.split(r"\s+and/or\s+|\s+/\s+|\s*;\s*", name):
        part = part.strip()
        if not part:
            continue
        alternatives.add(part)
        if re.match(r"^[^:]{1,40}:\s", part):  # ACLED "ABC: Army of the Broad Coast"
            short, long = (s.strip() for s in part.split(":", 1))
            alternatives |= _name_alternatives(short) | _name_alternatives(long)
        parentheses = re.findall(r"\(([^()]*)\)", part)
        if parentheses:
            bare = re.sub(r"\s*\([^()]*\)\s*", " ", part).strip()
            if bare:
                alternatives.add(bare)
            for inner in parentheses:
                if re.fullmatch(r"[A-Za-z0-9&\-]+", inner) and sum(ch.isupper() for ch in inner) >= 2:
                    alternatives.add(inner)  # an acronym, not a disambiguator like "(Mexico)"
    return alternatives


_STATE_FORCE_ACLED = re.compile(r"^\s*(military|police)\s+forces\s+of\s+(.+)$", re.IGNORECASE)
_YEARS = re.compile(r"\(\s*\d{4}\s*-\s*(?:\d{4})?\s*\)")


def _state_force_keys(name: str, context_country: str | None) -> set[str]:
    """Keys "state:<alpha-3>:<military|police>" for a state force, in ACLED's or a newspaper's wording.

    "Military Forces of Pakistan (<years>)" and "Pakistani troops" both give state:PAK:military; a bare
    "police" takes the country of its row (`context_country`).
    """
    acled = _STATE_FORCE_ACLED.match(name)
    if acled:
        kind, rest = acled.group(1).casefold(), acled.group(2)
        years = _YEARS.search(rest)
        country, suffix = (rest[: years.start()], rest[years.end():]) if years else (rest, "")
        kinds = {kind}
        if "police" in _fold(suffix).split():  # a military force whose suffix names military police
            kinds.add("police")
        country = country.strip()
        codes = {country_alpha3(_without_the(_fold(country)))} - {None} or {_without_the(_fold(country))}
        return {f"state:{c}:{k}" for c in codes for k in kinds}
    folded = _fold(re.sub(r"\([^()]*\)", " ", name))
    for phrase in _FORCE_PHRASES:
        if folded == phrase or folded.endswith(" " + phrase):
            prefix = _without_the(folded[: len(folded) - len(phrase)].strip())
            if not prefix:
                codes = (context_country,) if context_country else ()
            else:  # a force outside ISO (a territory ISO does not list) keys on its folded name, as above
                codes = _demonym_alpha3(prefix) or (prefix,)
            return {f"state:{c}:{k}" for c in codes for k in FORCE_WORDS[phrase]}
    return set()


@functools.cache
def perpetrator_keys(name: str, canonical: Callable[[str], str | None],
                     context_country: str | None = None) -> frozenset[str]:
    """Everything a perpetrator name can be matched on: folded names, canonical names, state-force keys."""
    keys: set[str] = set()
    for alternative in _name_alternatives(name):
        for form in (alternative, canonical(alternative) or alternative):
            key = _name_key(form)
            if key:
                keys.add("name:" + key)
        keys |= _state_force_keys(alternative, context_country)
    return frozenset(keys)


def same_perpetrator(predicted: str | None, gold: str | None, canonical: Callable[[str], str | None] | None = None,
                     country: str | None = None) -> bool:
    """True when both name the same group; `country` (alpha-3) places a bare "police" or "army"."""
    if not predicted or not gold:
        return False
    canonical = canonical or default_canonical()
    return not perpetrator_keys(predicted, canonical, country).isdisjoint(perpetrator_keys(gold, canonical, country))


def is_unknown_perpetrator(name: str | None) -> bool:
    return not name or not str(name).strip() or bool(UNKNOWN_PERPETRATOR.match(str(name)))


def _source_family(source: str) -> str:
    s = source.casefold()
    if "acled" in s:
        return "acled"
    if "gva" in s or "gun violence" in s:
        return "gva"
    if "gtd" in s or "terror" in s:
        return "terrorism"
    return "other"


def perpetrator_scope(case: Case) -> tuple[bool, bool]:
    """(perpetrator metric applies, no_false_attribution applies) for a case, per the README's table.

    GTD/terrorism sets: perpetrator when a named group is coded, no_false_attribution when none is.
    ACLED: perpetrator for violence against civilians and explosions, whose actor1 is the aggressor.
    GVA: neither; its perpetrators are individual shooters, not groups. Other sources: perpetrator when named.
    """
    gold = case.gold.get("perpetrator")
    unknown = is_unknown_perpetrator(gold)
    family = _source_family(case.source)
    if family == "acled":
        return case.meta.get("event_type") in ACLED_PERPETRATOR_EVENT_TYPES, False
    if family == "gva":
        return False, False
    if family == "terrorism":
        # Generic GTD names ("Fulani extremists") are coded group names too: they count.
        return not unknown, unknown
    return not unknown, False


# ---------------------------------------------------------------- scoring

def _get(row: Any, name: str) -> Any:
    if row is None:
        return None
    value = row.get(name) if isinstance(row, dict) else getattr(row, name, None)
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _count(row: Any, name: str) -> int:
    """A missing row or a null count reads as 0."""
    value = _get(row, name)
    return int(value) if value is not None else 0


def _names_perpetrator(row: Any) -> bool:
    return bool(_get(row, "perpetrator")) and _get(row, "perpetrator_status") != "unknown"


@dataclass
class _Scored:
    results: dict[str, bool | None]
    matched: Any
    witness: dict[str, Any]  # metric -> the row whose value decided it (the matched row unless noted)


def _score(case: Case, rows: Sequence[Any], canonical: Callable[[str], str | None] | None = None) -> _Scored:
    gold = case.gold
    gold_date = gold.get("date")
    if isinstance(gold_date, str):
        gold_date = _parse_date(gold_date, "gold.date")
    location = gold.get("location") or {}
    gold_country, gold_city = location.get("country"), location.get("city")
    gold_killed, gold_wounded = gold.get("killed"), gold.get("wounded")

    matched, best = None, None
    agrees_matched = {"date": False, "country": False, "place": False}
    for row in rows:
        agrees = {
            "date": gold_date is not None and _parse_date(_get(row, "event_date"), "event_date") == gold_date,
            "country": same_country(row, gold_country),
            "place": same_place(_get(row, "location"), gold_city),
        }
        key = (sum(MATCH_WEIGHTS[k] for k, ok in agrees.items() if ok), _count(row, "killed"), _count(row, "wounded"))
        if best is None or key > best:  # strict: the first of equal rows stays
            matched, best, agrees_matched = row, key, agrees
    agrees = agrees_matched

    killed, wounded = _count(matched, "killed"), _count(matched, "wounded")
    fatal_row = next((r for r in rows if _count(r, "killed") > 0), None)
    results: dict[str, bool | None] = {
        "killed_pos_exact": killed == gold_killed if gold_killed else None,
        "wounded_pos_exact": wounded == gold_wounded if gold_wounded else None,
        "killed_exact": killed == gold_killed if gold_killed is not None else None,
        "wounded_exact": wounded == gold_wounded if gold_wounded is not None else None,
        "fatal_recall": fatal_row is not None if gold_killed else None,
        "nonfatal_clean": fatal_row is None if gold_killed == 0 else None,
        "date_exact": agrees["date"] if gold_date is not None else None,
        "country": agrees["country"] if gold_country else None,
        "place": agrees["place"] if gold_city else None,
    }
    witness = {m: matched for m in METRICS}
    witness["nonfatal_clean"] = fatal_row or matched

    perpetrator_counts, attribution_counts = perpetrator_scope(case)
    gold_perpetrator = gold.get("perpetrator")
    if not perpetrator_counts:
        results["perpetrator"] = None
    elif is_unknown_perpetrator(gold_perpetrator):  # ACLED "Unidentified Armed Group": hit when nobody is named
        results["perpetrator"] = not _names_perpetrator(matched)
    else:
        context = _row_country(matched) or country_alpha3(gold_country)
        results["perpetrator"] = same_perpetrator(_get(matched, "perpetrator"), gold_perpetrator, canonical, context)
    if attribution_counts:
        attributing = next((r for r in rows if _names_perpetrator(r)), None)
        results["no_false_attribution"] = attributing is None
        witness["no_false_attribution"] = attributing or matched
    else:
        results["no_false_attribution"] = None
    return _Scored(results, matched, witness)


def score_case(case: Case, rows: Sequence[dict | Mention], canonical: Callable[[str], str | None] | None = None
               ) -> dict[str, bool | None]:
    """Metric -> hit (True), miss (False) or None when the case does not count for it.

    `rows` are the case's mention rows (Mention or dicts with the mentions-table columns); `canonical` maps a
    group name to its canonical name (default: the extractor's alias table).
    """
    return _score(case, list(rows), canonical).results


def _gold_value(case: Case, metric: str) -> Any:
    gold = case.gold
    field_name = METRIC_FIELDS[metric]
    value = {
        "killed": gold.get("killed"), "wounded": gold.get("wounded"), "event_date": gold.get("date"),
        "country_code": (gold.get("location") or {}).get("country"),
        "location": (gold.get("location") or {}).get("city"), "perpetrator": gold.get("perpetrator"),
    }[field_name]
    return value.isoformat() if isinstance(value, dt.date) else value


def _predicted_value(row: Any, metric: str) -> Any:
    field_name = METRIC_FIELDS[metric]
    if field_name == "country_code":
        value = _get(row, "country_code") or _get(row, "country")
    elif field_name == "perpetrator" and _get(row, "perpetrator") and _get(row, "perpetrator_status"):
        value = f"{_get(row, 'perpetrator')} ({_get(row, 'perpetrator_status')})"
    else:
        value = _get(row, field_name)
    return value.isoformat() if isinstance(value, dt.date) else value


def _misses(case: Case, scored: _Scored, n_rows: int) -> Iterator[dict]:
    """One record per missed metric: the gold value, the predicted value and the evidence it came from."""
    for metric, hit in scored.results.items():
        if hit is False:
            row = scored.witness[metric]
            yield {
                "id": case.id, "source": case.source, "metric": metric, "field": METRIC_FIELDS[metric],
                "gold": _gold_value(case, metric), "predicted": _predicted_value(row, metric),
                "evidence": _get(row, "evidence"), "n_rows": n_rows,
            }


# ---------------------------------------------------------------- running

def case_article(case: Case) -> Article:
    """What the builder gets of a case: id, text and publication date only."""
    return Article(article_id=case.id, path=EVAL_ARTICLE_PATH, text=case.text, publication_date=case.publication_date)


def run(gold_paths: Iterable[str | Path], extract: Callable[[Article], list[Mention]],
        errors_path: str | Path | None = None, json_path: str | Path | None = None,
        canonical: Callable[[str], str | None] | None = None) -> Table:
    """Extract every gold case, score it and aggregate per source; optionally write misses and the table."""
    canonical = canonical or default_canonical()
    table = Table()
    errors = None
    with contextlib.ExitStack() as stack:
        if errors_path:  # written to a temporary name, moved into place when complete (etl/store.py)
            errors = stack.enter_context(open(stack.enter_context(store.atomic_path(errors_path)), "w",
                                              encoding="utf-8"))
        for case in iter_gold(gold_paths):
            try:
                rows = extract(case_article(case))
            except Exception as err:
                raise RuntimeError(f"extractor failed on case {case.id!r} ({case.path}:{case.line}): {err}") from err
            rows = [r for r in rows if _get(r, "article_id") in (None, case.id)]
            scored = _score(case, rows, canonical)
            table.add(case.source, scored.results)
            if errors:
                for record in _misses(case, scored, len(rows)):
                    errors.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
    if json_path:
        store.write_text(json_path, json.dumps(table.to_json(), indent=2) + "\n")
    return table


def format_cell(cell: Cell) -> str:
    return "—" if not cell.n else f"{cell.accuracy:.2f} ({cell.n})"


def format_table(table: Table) -> str:
    """One line per source and ALL, one column per metric; a cell is `accuracy (n)`, `—` when nothing counted."""
    header = ["source", "cases", *table.metrics]
    lines = [[s, str(table.cases[s]), *(format_cell(table.cells[s][m]) for m in table.metrics)]
             for s in table.sources()]
    widths = [max(len(r[i]) for r in [header, *lines]) for i in range(len(header))]

    def render(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths))).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([render(header), rule, *(render(r) for r in lines)])


@dataclass
class Clustering:
    articles: int
    incidents: int          # true incidents among the articles
    merged_pairs: int
    true_pairs: int
    correct_pairs: int

    @property
    def precision(self) -> float:
        return self.correct_pairs / self.merged_pairs if self.merged_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.correct_pairs / self.true_pairs if self.true_pairs else 1.0

    def __str__(self) -> str:
        return (f"merging: {self.articles} articles of {self.incidents} incidents; pairs merged {self.merged_pairs}, "
                f"truly one incident {self.correct_pairs}, true pairs {self.true_pairs}: "
                f"precision {self.precision:.3f}, recall {self.recall:.3f}")


def incident_key(case_id: str) -> str:
    """`gva-<incident>-<document>` -> `gva-<incident>`: the truth for merging, never shown to the builder."""
    return case_id.rsplit("-", 1)[0]


def clustering(gold_paths: Iterable[str | Path], extract: Callable[[Article], list[Mention]]) -> Clustering:
    """Build the cases as one corpus under ids that carry no meaning, merge, and score pairs of articles:
    a pair is merged when both articles are in one incident row."""
    from itertools import combinations

    from etl.resolve import incidents as resolve_incidents

    cases = list(iter_gold(gold_paths))
    truth, mentions = {}, []
    for n, case in enumerate(cases):
        anon = f"doc{n:06d}"
        truth[anon] = incident_key(case.id)
        article = Article(article_id=anon, path=EVAL_ARTICLE_PATH, text=case.text,
                          publication_date=case.publication_date, publisher=f"publisher{n}")
        mentions += [dataclasses.asdict(m) for m in extract(article)]
    merged = set()
    for inc in resolve_incidents(mentions):
        merged.update(combinations(sorted(inc["article_ids"]), 2))
    true_pairs = {p for p in combinations(sorted(truth), 2) if truth[p[0]] == truth[p[1]]}
    return Clustering(len(cases), len(set(truth.values())), len(merged), len(true_pairs), len(merged & true_pairs))


def default_gold_paths() -> list[Path]:
    folder = (Path(__file__).resolve().parents[1] / DEFAULT_GOLD_DIR).resolve()
    return sorted(folder.glob("*.jsonl")) if folder.is_dir() else []


def main(argv: Sequence[str] | None = None, extract: Callable[[Article], list[Mention]] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m etl eval",
        description="Score the extractor against gold JSONL (shared/eval/README.md): accuracy per source and metric.")
    parser.add_argument("gold", nargs="*", type=Path,
                        help=f"gold JSONL files (default: every *.jsonl in {DEFAULT_GOLD_DIR} next to the repository)")
    parser.add_argument("--errors", type=Path, metavar="FILE", help="write one JSON line per miss to FILE")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the table as JSON to FILE")
    parser.add_argument("--clusters", type=Path, nargs="*", metavar="FILE", default=[],
                        help="also measure merging on FILE, whose case ids are <source>-<incident>-<document>")
    args = parser.parse_args(argv)

    gold = args.gold or default_gold_paths()
    if not gold:
        parser.error(f"no gold files given, and none found in {DEFAULT_GOLD_DIR} relative to the repository")
    absent = [str(p) for p in gold if not p.is_file()]
    if absent:
        parser.error(f"gold file(s) not found: {', '.join(absent)}")
    if extract is None:
        from etl.extract import extract_article  # lazy: scoring helpers do not need the extractor
        extract = extract_article

    table = run(gold, extract, errors_path=args.errors, json_path=args.json)
    print(format_table(table))
    if args.errors:
        print(f"misses written to {args.errors}", file=sys.stderr)
    if args.json:
        print(f"table written to {args.json}", file=sys.stderr)
    if args.clusters:
        print(clustering(args.clusters, extract))
    return 0


if __name__ == "__main__":
    sys.exit(main())
