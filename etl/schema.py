"""The column dictionary: every output column declared once, with the Parquet schemas derived from it."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, make_dataclass
from pathlib import Path

import pyarrow as pa

from etl.resources import load_yaml

STATUSES = ("ok", "no_incidents", "duplicate", "skipped", "error")
DATE_PRECISIONS = ("day", "week", "month", "year")
GEO_PRECISIONS = ("exact", "near", "admin2", "admin1", "country")
PERPETRATOR_STATUSES = ("claimed", "attributed", "suspected", "unknown")
# Kinds of violence, and a protest: the row of an article that reports a protest held and no violence.
PROTEST = "protest"
EVENT_TYPES = (*(rule["type"] for rule in load_yaml("events.yaml")), PROTEST)
# Upper bound for one incident's toll: the deadliest single attacks on record (e.g. 9/11, ~3,000) stay under it.
MAX_CASUALTIES = 10_000
MIN_EVENT_DATE = dt.date(1900, 1, 1)


@dataclass(frozen=True)
class Column:
    name: str
    type: pa.DataType
    description: str
    nullable: bool = True
    allowed: tuple[str, ...] | None = None
    min: float | int | None = None
    max: float | int | None = None
    unique: bool = False
    unit: str | None = None

    def field(self) -> pa.Field:
        meta = {"description": self.description}
        if self.unit:
            meta["unit"] = self.unit
        if self.allowed:
            meta["allowed"] = ",".join(self.allowed)
        return pa.field(self.name, self.type, nullable=self.nullable, metadata=meta)


def _count(name: str, what: str) -> Column:
    return Column(name, pa.int32(), what, min=0, max=MAX_CASUALTIES, unit="people")


CODE = pa.dictionary(pa.int32(), pa.string())

ARTICLE_COLUMNS = (
    Column("article_id", pa.string(), "Stable id: the JSONL `id` when given, else derived from the file path.",
           nullable=False, unique=True),
    Column("path", pa.string(), "Input file the article came from, relative to the seeds folder given.", nullable=False),
    Column("line", pa.int32(), "Line number inside a JSONL file (1-based); null for one-article files.", min=1),
    Column("title", pa.string(), "Headline."),
    Column("publisher", pa.string(), "Publisher or wire service (from the byline, front matter or JSONL `source`)."),
    Column("publication_date", pa.date32(), "Date the article was published."),
    Column("url", pa.string(), "Address the article was published at, when known."),
    Column("content_hash", pa.string(), "SHA-256 of the article text (hex); empty input has none."),
    Column("status", CODE, "What became of the input: ok, no_incidents, duplicate, skipped or error.",
           nullable=False, allowed=STATUSES),
    Column("error", pa.string(), "Why the input was skipped, marked duplicate or failed: file, line and cause."),
    Column("n_mentions", pa.int32(), "Incident mentions extracted from the article.", nullable=False, min=0),
)

MENTION_COLUMNS = (
    Column("mention_id", pa.string(), "Id of the mention: `<article_id>#<n>`.", nullable=False, unique=True),
    Column("article_id", pa.string(), "Article the mention was extracted from.", nullable=False),
    Column("source", pa.string(), "Publisher of the article.", nullable=False),
    Column("reported_by", pa.string(), "Original reporter the text names for the figures (e.g. a monitor or officials)."),
    Column("publication_date", pa.date32(), "Publication date of the article."),
    Column("event_date", pa.date32(), "Date of the incident (first day of the period for week/month/year precision)."),
    Column("date_precision", CODE, "How precisely the text dates the incident: day, week, month or year; "
           "week when the text gives no date and the publication date stands in.", allowed=DATE_PRECISIONS),
    Column("date_phrase", pa.string(), "The words the date was read from."),
    _count("killed", "Best estimate of people killed, attackers included (an unborn child is not counted)."),
    _count("killed_low", "Lowest figure the wording allows (\"at least 26\" -> 26), or a party's lower claim."),
    _count("killed_high", "Highest figure the wording allows (\"up to 30\" -> 30), or a party's higher claim "
           "(\"confirm at least 30 dead\" beside a claim of 400 -> 400); null when open-ended."),
    Column("killed_phrase", pa.string(), "The words the killed figure was read from."),
    _count("wounded", "Best estimate of people wounded or injured, attackers included."),
    _count("wounded_low", "Lowest figure the wording allows, or a party's lower claim."),
    _count("wounded_high", "Highest figure the wording allows, or a party's higher claim; null when open-ended."),
    Column("wounded_phrase", pa.string(), "The words the wounded figure was read from."),
    Column("location", pa.string(), "Most specific named place of the incident."),
    Column("admin1", pa.string(), "First-level administrative division (province, state, governorate)."),
    Column("country", pa.string(), "Country name."),
    Column("country_code", CODE, "ISO 3166-1 alpha-3 country code."),
    Column("latitude", pa.float64(), "Latitude of the resolved place (WGS84).", min=-90, max=90, unit="degrees"),
    Column("longitude", pa.float64(), "Longitude of the resolved place (WGS84).", min=-180, max=180, unit="degrees"),
    Column("geo_precision", CODE, "exact: the named place; near: close to it (\"north of Tikrit\"); admin2: the "
           "county only, its biggest city standing in as location (\"Pima County deputies\" -> Tucson); admin1: the "
           "province only, its seat standing in as location (\"in Anbar province\" -> Ramadi; as ACLED codes it), or a "
           "place the gazetteer lacks, located to its province; country: the country only.", allowed=GEO_PRECISIONS),
    Column("location_phrase", pa.string(), "The words the place was read from."),
    Column("is_country_unmentioned", pa.bool_(), "The place's country is named nowhere in the article (title or "
           "text; by name, alias or demonym), so it rests on a gazetteer match alone: check it. For an incident: "
           "in none of its articles. Null when no country was resolved."),
    Column("perpetrator", pa.string(), "Canonical name of the group or force responsible, when named."),
    Column("perpetrator_status", CODE, "claimed (by the group), attributed (by the text or officials), "
           "suspected (hedged), unknown.", nullable=False, allowed=PERPETRATOR_STATUSES),
    Column("perpetrator_phrase", pa.string(), "The words the perpetrator was read from."),
    Column("event_type", CODE, "Kind of violence; protest for a protest held in an article that reports no "
           "violence.", allowed=EVENT_TYPES),
    Column("people", pa.list_(pa.string()), "People the text names by full name from the evidence on (up to the "
           "next mention's), with the age when given: \"Nicholas Lindsay, 24\". Ties follow-up reports to the event. "
           "For an incident: all its mentions'.", nullable=False),
    Column("ages", pa.list_(pa.int32()), "Ages the evidence gives people (\"a 14-year-old\", \"Smith, 24,\"), sorted: "
           "tells apart same-day reports of other victims. For an incident: all its mentions'.", nullable=False, unit="years"),
    Column("evidence", pa.string(), "The sentence(s) the casualty figures came from.", nullable=False),
    Column("evidence_start", pa.int32(), "Character offset of the evidence in the article text.", nullable=False, min=0),
    Column("evidence_end", pa.int32(), "Character offset just past the evidence.", nullable=False, min=0),
)

INCIDENT_COLUMNS = (
    Column("incident_id", pa.string(), "Id of the incident.", nullable=False, unique=True),
    Column("mention_ids", pa.list_(pa.string()), "Mentions merged into this incident.", nullable=False),
    Column("article_ids", pa.list_(pa.string()), "Articles reporting the incident.", nullable=False),
    Column("sources", pa.list_(pa.string()), "Publishers reporting the incident (distinct).", nullable=False),
    Column("n_sources", pa.int32(), "Number of distinct publishers.", nullable=False, min=1),
    Column("first_reported", pa.date32(), "Earliest publication date among the reports."),
    *(c for c in MENTION_COLUMNS if c.name not in ("mention_id", "article_id", "source", "publication_date")),
    Column("is_disputed", pa.bool_(), "Reports contradict each other on a count beyond the tolerance "
           "(a report published on a later day lowering an earlier figure by more than half and more than 3; a rising "
           "toll, or reports of one day, are no dispute).",
           nullable=False),
    Column("merge_reasons", pa.list_(pa.string()), "Why each further mention was merged into the first.", nullable=False),
)

QUARANTINE_COLUMNS = (
    Column("table", pa.string(), "Table the row was held back from.", nullable=False),
    Column("row_id", pa.string(), "mention_id or incident_id of the row.", nullable=False),
    Column("failed_expectations", pa.list_(pa.string()), "Expectations the row failed.", nullable=False),
    Column("row_json", pa.string(), "The full row as JSON.", nullable=False),
)

TABLES: dict[str, tuple[Column, ...]] = {
    "articles": ARTICLE_COLUMNS,
    "mentions": MENTION_COLUMNS,
    "incidents": INCIDENT_COLUMNS,
    "quarantine": QUARANTINE_COLUMNS,
}
TABLE_DESCRIPTIONS = {
    "articles": "One row per input article (or JSONL line): where it came from and what became of it.",
    "mentions": "One row per incident mention extracted from an article, with its evidence.",
    "incidents": "One row per real incident: mentions of the same event merged across articles.",
    "quarantine": "Rows held back because they failed a hard expectation, with the expectations they failed.",
}


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([c.field() for c in TABLES[table]], metadata={"description": TABLE_DESCRIPTIONS[table]})


def column(table: str, name: str) -> Column:
    return next(c for c in TABLES[table] if c.name == name)


def _py_type(t: pa.DataType):
    if pa.types.is_integer(t):
        return int | None
    if pa.types.is_floating(t):
        return float | None
    if pa.types.is_date(t):
        return dt.date | None
    if pa.types.is_boolean(t):
        return bool
    if pa.types.is_list(t):
        return list
    return str | None


def _record_class(name: str, columns: tuple[Column, ...], doc: str):
    cls = make_dataclass(name, [(c.name, _py_type(c.type), field(default=None)) for c in columns])
    cls.__doc__ = doc
    return cls


# Extraction output: one row of the mentions table. Built from the dictionary so the two cannot drift.
Mention = _record_class("Mention", MENTION_COLUMNS, "One incident mention: a row of the mentions table.")


@dataclass
class Article:
    """One input article as ingest read it. `status` is ok unless ingest skipped it or failed to read it."""
    article_id: str
    path: str
    text: str | None = ""  # None: not read back from the ingest index (etl.cache.IngestIndex.texts has it)
    line: int | None = None
    title: str | None = None
    publisher: str | None = None
    publication_date: dt.date | None = None
    url: str | None = None
    content_hash: str | None = None
    status: str = "ok"
    error: str | None = None


def markdown_table(table: str) -> str:
    """The README's table of columns, derived from this dictionary (tests keep the README in step)."""
    lines = ["| column | type | description |", "|---|---|---|"]
    for c in TABLES[table]:
        t = "dictionary<string>" if pa.types.is_dictionary(c.type) else str(c.type)
        desc = c.description + (f" Allowed: {', '.join(c.allowed)}." if c.allowed else "")
        lines.append(f"| `{c.name}` | {t}{'' if c.nullable else ', required'} | {desc} |")
    return "\n".join(lines)


def update_readme(path: Path) -> None:
    """Rewrite the column tables between the README's `<!-- columns:NAME -->` markers."""
    text = path.read_text(encoding="utf-8")
    for name in TABLES:
        start, end = f"<!-- columns:{name} -->\n", f"\n<!-- /columns:{name} -->"
        head, rest = text.split(start, 1)
        text = head + start + markdown_table(name) + end + rest.split(end, 1)[1]
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":  # python -m etl.schema: bring the README's column tables up to date
    readme = Path(__file__).resolve().parent.parent / "README.md"
    update_readme(readme)
    print(f"updated the column tables in {readme}")
