"""Check tables against expectations/*.json (derived from etl/schema.py): hard failures quarantine, soft warn."""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import html
import json
import logging
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import pyarrow as pa

from etl.schema import MAX_CASUALTIES, MIN_EVENT_DATE, QUARANTINE_COLUMNS, TABLES, Column

if TYPE_CHECKING:  # importing great_expectations costs 3-6 s: only the functions that validate pay it
    import great_expectations as gx

log = logging.getLogger(__name__)

EXPECTATIONS_DIR = Path(__file__).resolve().parent.parent / "expectations"
ROW_ID = {"articles": "article_id", "mentions": "mention_id", "incidents": "incident_id"}
SEVERITIES = ("hard", "soft")
# GX has its own severity field; kept in step with ours so its results say the same thing.
GX_SEVERITY = {"hard": "critical", "soft": "warning"}
# Expectations written by build_suites carry meta.generated_from; ones without it were added by hand to the
# JSON and write_suites keeps them.
GENERATED_FROM_SCHEMA = "etl/schema.py"
GENERATED_FROM_RULES = "etl/validate.py"

# A single incident with more than this many killed or wounded happens a few times a decade (Srebrenica,
# 9/11, the 2017 Mogadishu truck bomb): possible, but far more often a misread figure (a cumulative war toll,
# a year, a population). Warn so a person reads the evidence.
SUSPICIOUS_COUNT = 1000
# Reports of incidents older than a year are usually anniversaries or retrospectives, or a wrongly read date.
MAX_REPORT_LAG_DAYS = 365
# No date may lie after the build; a publisher's local date can run a day ahead of the build machine's.
LATEST_DATE_PARAMETER = "latest_date"
DATE_SLACK = dt.timedelta(days=1)
# pycountry is ISO 3166-1; Kosovo has no ISO code, and "XKX" is the user-assigned code the EU, IMF and
# World Bank use for it.
EXTRA_COUNTRY_CODES = ("XKX",)

RESULT_FORMAT = {
    "result_format": "COMPLETE",  # COMPLETE is the level that returns every failing row's index
    "return_unexpected_index_query": False,
    "partial_unexpected_count": 5,
}
N_EXAMPLES = 5
_VALUE_CHARS = 80


class ValidationError(Exception):
    """A failure that cannot be pinned on rows (a missing column, an expectation that could not run)."""


@dataclass(frozen=True)
class Derived:
    """A helper column computed before validation, for rules GX has no expectation for."""
    sources: tuple[str, ...]
    description: str
    compute: Callable[[pd.DataFrame], pd.Series]


def _days_between(later: str, earlier: str) -> Callable[[pd.DataFrame], pd.Series]:
    # in seconds: a nanosecond timedelta overflows past 292 years, and a misread year can be that far off
    return lambda f: (f[later].astype("datetime64[s]") - f[earlier].astype("datetime64[s]")).dt.days.astype("float64")


def _n_distinct(values: Any) -> Any:
    if isinstance(values, (list, tuple, np.ndarray)):
        return len({v for v in values if v is not None})
    return np.nan


DERIVED: dict[str, dict[str, Derived]] = {
    "mentions": {
        "report_lag_days": Derived(("event_date", "publication_date"), "publication_date - event_date, in days",
                                   _days_between("publication_date", "event_date")),
    },
    "incidents": {
        "report_lag_days": Derived(("event_date", "first_reported"), "first_reported - event_date, in days",
                                   _days_between("first_reported", "event_date")),
        "n_distinct_sources": Derived(("sources",), "number of distinct values in sources",
                                      lambda f: f["sources"].map(_n_distinct).astype("float64")),
    },
}


# ----------------------------------------------------------------------------------------------------------
# Suites: derived from the column dictionary, stored as JSON


def _expectation(type_: str, severity: str, why: str, origin: str = GENERATED_FROM_RULES, **kwargs) -> dict:
    return {"type": type_, "kwargs": kwargs, "meta": {"severity": severity, "why": why, "generated_from": origin}}


def _timestamp(d: dt.date) -> str:
    # A bare "1900-01-01" becomes a date object in GX and fails against datetime64 columns (LIBRARY_NOTES).
    return dt.datetime.combine(d, dt.time()).isoformat()


def _column_expectations(table: str, c: Column) -> list[dict]:
    """nullable / allowed / min / max / unique of one dictionary column -> expectations, all hard."""
    out = []
    src = GENERATED_FROM_SCHEMA
    if not c.nullable:
        out.append(_expectation("expect_column_values_to_not_be_null", "hard",
                                f"{table}.{c.name} is declared not nullable: {c.description}", src, column=c.name))
    if c.allowed:
        out.append(_expectation("expect_column_values_to_be_in_set", "hard",
                                f"{table}.{c.name} takes only the values the dictionary lists.", src,
                                column=c.name, value_set=list(c.allowed)))
    if c.min is not None or c.max is not None:
        bounds = {k: v for k, v in (("min_value", c.min), ("max_value", c.max)) if v is not None}
        why = f"{table}.{c.name} is declared within [{c.min if c.min is not None else '-inf'}, " \
              f"{c.max if c.max is not None else 'inf'}]" + (f" {c.unit}" if c.unit else "") + "."
        if c.max == MAX_CASUALTIES:
            why += " The upper bound is schema.MAX_CASUALTIES, above the deadliest single attacks on record."
        out.append(_expectation("expect_column_values_to_be_between", "hard", why, src, column=c.name, **bounds))
    if c.unique:
        out.append(_expectation("expect_column_values_to_be_unique", "hard",
                                f"{table}.{c.name} identifies the row; every copy of a repeated id is held back, "
                                "as nothing says which copy is right.", src, column=c.name))
    return out


def _country_codes() -> list[str]:
    import pycountry

    return sorted({c.alpha_3 for c in pycountry.countries} | set(EXTRA_COUNTRY_CODES))


def _range_rules(count: str) -> list[dict]:
    """low <= best <= high for one count; rows with either side missing are not judged."""
    low, high = f"{count}_low", f"{count}_high"
    rule = dict(or_equal=True, ignore_row_if="either_value_is_missing")
    return [
        _expectation("expect_column_pair_values_a_to_be_greater_than_b", "hard",
                     f"The best estimate of {count} cannot be below the lowest figure the wording allows.",
                     column_A=count, column_B=low, **rule),
        _expectation("expect_column_pair_values_a_to_be_greater_than_b", "hard",
                     f"The best estimate of {count} cannot be above the highest figure the wording allows.",
                     column_A=high, column_B=count, **rule),
        _expectation("expect_column_pair_values_a_to_be_greater_than_b", "hard",
                     f"The range of {count} cannot be inverted (checked apart so it holds when the best is missing).",
                     column_A=high, column_B=low, **rule),
    ]


def _event_rules(table: str, reported: str) -> list[dict]:
    """Rules shared by mentions and incidents: counts, dates, places, evidence offsets."""
    latest = {"$PARAMETER": LATEST_DATE_PARAMETER}
    derived = DERIVED[table]
    rules = [*_range_rules("killed"), *_range_rules("wounded")]
    rules += [
        _expectation("expect_column_pair_values_a_to_be_greater_than_b", "hard",
                     f"An incident cannot happen after it was reported ({reported}).",
                     column_A=reported, column_B="event_date", or_equal=True,
                     ignore_row_if="either_value_is_missing"),
        _expectation("expect_column_values_to_be_between", "hard",
                     f"Event dates before {MIN_EVENT_DATE} (schema.MIN_EVENT_DATE) are misread years; "
                     "dates after the build (plus a day for time zones) are in the future.",
                     column="event_date", min_value=_timestamp(MIN_EVENT_DATE), max_value=latest),
        _expectation("expect_column_values_to_be_between", "hard",
                     "A report cannot be dated after the build (plus a day for time zones).",
                     column=reported, max_value=latest),
        _expectation("expect_column_values_to_be_in_set", "hard",
                     "country_code is ISO 3166-1 alpha-3 (the pycountry list) plus XKX for Kosovo.",
                     column="country_code", value_set=_country_codes()),
        _expectation("expect_column_pair_values_a_to_be_greater_than_b", "hard",
                     "The evidence span must be non-empty: it ends after it starts.",
                     column_A="evidence_end", column_B="evidence_start", or_equal=False,
                     ignore_row_if="either_value_is_missing"),
    ]
    for count in ("killed", "wounded"):
        rules.append(_expectation(
            "expect_column_values_to_be_between", "soft",
            f"More than {SUSPICIOUS_COUNT} {count} in one incident is possible but rare; more often a misread "
            "figure (a war's cumulative toll, a year, a population). Read the evidence.",
            column=count, max_value=SUSPICIOUS_COUNT))
    rules.append(_expectation(
        "expect_column_values_to_be_between", "soft",
        f"report_lag_days ({derived['report_lag_days'].description}) above {MAX_REPORT_LAG_DAYS}: an anniversary, "
        "a retrospective, or a wrongly read date.",
        column="report_lag_days", max_value=MAX_REPORT_LAG_DAYS))
    rules.append(_expectation(
        "expect_column_values_to_be_in_set", "soft",
        "The place's country is named nowhere in the article (is_country_unmentioned): a town name shared by "
        "several countries may have been put in the wrong one. Read the evidence.",
        column="is_country_unmentioned", value_set=[False]))
    return rules


def _table_rules(table: str) -> list[dict]:
    if table == "articles":
        return [
            _expectation("expect_column_values_to_not_be_null", "hard",
                         "An input that failed must say why (file, line and cause).",
                         column="error", row_condition={"type": "comparison", "column": {"name": "status"},
                                                        "operator": "==", "parameter": "error"}),
            _expectation("expect_column_values_to_be_between", "soft",
                         "A publication date after the build (plus a day for time zones) is misread; the article "
                         "record is kept, its mentions are checked hard.",
                         column="publication_date", max_value={"$PARAMETER": LATEST_DATE_PARAMETER}),
        ]
    if table == "mentions":
        return _event_rules(table, "publication_date")
    if table == "incidents":
        return [
            *_event_rules(table, "first_reported"),
            _expectation("expect_column_pair_values_to_be_equal", "hard",
                         "n_sources must equal n_distinct_sources "
                         f"({DERIVED[table]['n_distinct_sources'].description}).",
                         column_A="n_sources", column_B="n_distinct_sources",
                         ignore_row_if="either_value_is_missing"),
        ]
    raise KeyError(table)


def _suite_dict(table: str) -> dict:
    columns = TABLES[table]
    expectations = [_expectation(
        "expect_table_columns_to_match_set", "hard",
        f"etl/schema.py declares exactly these {table} columns; a missing or extra one is a code bug, not a bad row.",
        GENERATED_FROM_SCHEMA, column_set=[c.name for c in columns], exact_match=True)]
    for c in columns:
        expectations += _column_expectations(table, c)
    expectations += _table_rules(table)
    return {"name": table, "expectations": expectations}


def suite_from_dict(data: Mapping) -> gx.ExpectationSuite:
    """JSON dict -> ExpectationSuite, raising on any bad entry (GX itself logs and drops invalid ones)."""
    import great_expectations as gx
    from great_expectations.expectations.expectation_configuration import ExpectationConfiguration

    name = data["name"]
    expectations = []
    for i, entry in enumerate(data.get("expectations", [])):
        meta = entry.get("meta") or {}
        where = f"suite {name!r}, expectation {i} ({entry.get('type')})"
        if meta.get("severity") not in SEVERITIES or not meta.get("why"):
            raise ValidationError(f"{where}: meta needs severity (hard or soft) and why, got {meta}")
        severity = GX_SEVERITY[meta["severity"]]
        if entry.get("severity", severity) != severity:
            raise ValidationError(f"{where}: GX severity {entry['severity']!r} contradicts meta severity "
                                  f"{meta['severity']!r}; set only meta.severity")
        config = ExpectationConfiguration(type=entry["type"], kwargs=dict(entry.get("kwargs", {})),
                                          meta=dict(meta), severity=severity)
        try:
            expectations.append(config.to_domain_obj())
        except Exception as e:  # GX raises several kinds; all mean the JSON entry is unusable
            raise ValidationError(f"{where}: {e}") from e
    return gx.ExpectationSuite(name=name, expectations=expectations)


def suite_to_dict(suite: gx.ExpectationSuite) -> dict:
    """The stable JSON form: no generated ids, no GX version, GX severity folded into meta.severity."""
    out = []
    for e in suite.to_json_dict()["expectations"]:
        e = {k: v for k, v in e.items() if v is not None and k not in ("id", "severity", "rendered_content")}
        if isinstance(e["kwargs"].get("value_set"), list):  # GX holds it as a set: its order is the hash seed's
            e["kwargs"]["value_set"] = sorted(e["kwargs"]["value_set"], key=str)
        out.append(e)
    return {"name": suite.name, "expectations": out}


def build_suites() -> dict[str, gx.ExpectationSuite]:
    """The expectation suites the column dictionary and the rules above imply, one per table."""
    return {table: suite_from_dict(_suite_dict(table)) for table in ROW_ID}


def _dumps(data: dict) -> str:
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _hand_written(entries: list[dict]) -> list[dict]:
    return [e for e in entries if "generated_from" not in (e.get("meta") or {})]


def write_suites(directory: Path | str = EXPECTATIONS_DIR) -> list[Path]:
    """Write <table>.json per suite, keeping expectations added by hand (those without meta.generated_from)."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for table, suite in build_suites().items():
        path = directory / f"{table}.json"
        data = suite_to_dict(suite)
        if path.exists():
            hand = _hand_written(json.loads(path.read_text(encoding="utf-8")).get("expectations", []))
            if hand:
                data["expectations"] += suite_to_dict(suite_from_dict({"name": table, "expectations": hand}))[
                    "expectations"]
        path.write_text(_dumps(data), encoding="utf-8")
        paths.append(path)
    return paths


def load_suites(directory: Path | str = EXPECTATIONS_DIR) -> dict[str, gx.ExpectationSuite]:
    """Read the suites the build validates against; one <table>.json per table with a row id."""
    directory = Path(directory)
    suites = {}
    for table in ROW_ID:
        path = directory / f"{table}.json"
        if not path.exists():
            raise ValidationError(f"{path} is missing: run `python -m etl.validate` to write the suites")
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("name") != table:
            raise ValidationError(f"{path}: suite name {data.get('name')!r} should be {table!r}")
        suites[table] = suite_from_dict(data)
    return suites


# ----------------------------------------------------------------------------------------------------------
# Validation


@dataclass(frozen=True)
class ExpectationResult:
    """The outcome of one expectation on one table."""
    name: str  # e.g. expect_column_values_to_be_between(killed)
    type: str
    columns: tuple[str, ...]
    severity: str  # hard | soft
    why: str
    rule: str  # the kwargs in words, e.g. "0 <= killed <= 10000"
    success: bool
    unexpected_count: int
    examples: tuple[str, ...] = ()  # "<row_id>: column=value, ..." for up to N_EXAMPLES failing rows


@dataclass
class Validation:
    """One table checked: the rows that passed every hard expectation, the ones held back, and why."""
    table: str
    passed: pd.DataFrame
    quarantined: pd.DataFrame
    results: list[ExpectationResult] = field(default_factory=list)
    checked: int | None = None  # rows checked, when `passed` is not kept (a table validated in chunks)
    held: tuple[int, ...] = ()  # positions of the quarantined rows in the frame checked

    @property
    def rows(self) -> int:
        return self.checked if self.checked is not None else len(self.passed) + len(self.quarantined)

    @property
    def failed(self) -> list[ExpectationResult]:
        return [r for r in self.results if not r.success]


@functools.cache
def _context():
    """One ephemeral GX context per process: no files, no Data Docs, no progress bars."""
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    # The default site writes Data Docs to a temp folder; its pages pull CSS from CDNs. We render our own.
    for site in list(context.get_site_names()):
        context.delete_data_docs_site(site)
    return context


@functools.cache
def _batch_definition(name: str):
    source = _context().data_sources.add_pandas(f"etl_{name}")
    return source.add_dataframe_asset(name).add_batch_definition_whole_dataframe(name)


_NS_DATE_RANGE = (np.datetime64("1678-01-01", "s"), np.datetime64("2261-12-31", "s"))


def _for_validation(table: str, df: pd.DataFrame) -> pd.DataFrame:
    """A copy in dtypes GX checks fast and right: dates datetime64[ns], numbers float64, lists tuples, else object."""
    columns = {c.name: c for c in TABLES[table]}
    out = {}
    for name in df.columns:
        s = df[name]
        c = columns.get(name)
        if c is None:  # not in the dictionary: left as is for the column-set check to name
            out[name] = s.reset_index(drop=True)
            continue
        try:
            if pa.types.is_date(c.type):
                # datetime64[ns]: GX compares it vectorised (other units go value by value, ~20x slower)
                # and date bounds match it. Years outside [1677, 2262] do not fit ns: pinned to the ends, they
                # still fail the date rules (the row's JSON and the examples show the real value).
                s = pd.to_datetime(s).astype("datetime64[s]").clip(*_NS_DATE_RANGE).astype("datetime64[ns]")
            elif pa.types.is_integer(c.type) or pa.types.is_floating(c.type):
                # float64 with NaN, not Int64: GX vectorises between only for numpy dtypes; int32 fits exactly.
                s = s.astype("float64")
            elif pa.types.is_list(c.type):
                # tuples, not lists or arrays: GX fingerprints each batch with pandas' hash, and falls back to
                # pickling the whole frame (~0.3 s per 10k rows) when a cell is unhashable.
                s = s.astype(object).map(lambda v: tuple(v) if isinstance(v, (list, tuple, np.ndarray)) else None)
            else:
                s = s.astype(object)
        except (TypeError, ValueError, OverflowError) as e:
            raise ValidationError(f"{table}.{name}: values do not fit the declared {c.type}: {e}") from e
        out[name] = s.reset_index(drop=True)
    return pd.DataFrame(out, columns=list(df.columns))


def _with_derived(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    derived = DERIVED.get(table, {})
    return frame.assign(**{name: d.compute(frame) for name, d in derived.items()}) if derived else frame


def _columns(kwargs: Mapping) -> tuple[str, ...]:
    if "column" in kwargs:
        return (kwargs["column"],)
    if "column_A" in kwargs:
        return (kwargs["column_A"], kwargs["column_B"])
    return tuple(kwargs.get("column_list", ()))


def expectation_name(type_: str, kwargs: Mapping) -> str:
    columns = _columns(kwargs)
    return f"{type_}({', '.join(columns)})" if columns else type_


def _show(value: Any) -> str:
    value = _jsonable(value)
    text = "null" if value is None else value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= _VALUE_CHARS else text[:_VALUE_CHARS - 1] + "…"


def _bound(v: Any) -> str:
    if isinstance(v, Mapping) and "$PARAMETER" in v:
        return f"${v['$PARAMETER']}"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).removesuffix("T00:00:00")


def _condition(cond: Any) -> str:
    if isinstance(cond, Mapping) and cond.get("type") == "comparison":
        return f" where {cond['column']['name']} {cond['operator']} {cond['parameter']!r}"
    return f" where {cond}" if cond else ""


def _rule(type_: str, kwargs: Mapping) -> str:
    """The kwargs in words for the report."""
    col = kwargs.get("column")
    where = _condition(kwargs.get("row_condition"))
    if type_ == "expect_column_values_to_not_be_null":
        return f"{col} is not null{where}"
    if type_ == "expect_column_values_to_be_unique":
        return f"{col} is unique{where}"
    if type_ == "expect_column_values_to_be_in_set":
        values = kwargs["value_set"]
        listed = ", ".join(map(str, values)) if len(values) <= 10 else f"{len(values)} values"
        return f"{col} in {{{listed}}}{where}"
    if type_ == "expect_column_values_to_be_between":
        low, high = kwargs.get("min_value"), kwargs.get("max_value")
        return (f"{_bound(low)} <= " if low is not None else "") + col + \
            (f" <= {_bound(high)}" if high is not None else "") + where
    if type_ == "expect_column_pair_values_a_to_be_greater_than_b":
        op = ">=" if kwargs.get("or_equal") else ">"
        return f"{kwargs['column_A']} {op} {kwargs['column_B']} (rows missing either are not judged)"
    if type_ == "expect_column_pair_values_to_be_equal":
        return f"{kwargs['column_A']} == {kwargs['column_B']}"
    if type_ == "expect_table_columns_to_match_set":
        return f"columns are exactly the {len(kwargs['column_set'])} declared"
    return json.dumps({k: v for k, v in kwargs.items() if k != "batch_id"}, default=str)[:200]


def _jsonable(v: Any) -> Any:
    """A cell -> a JSON-ready value: dates as ISO strings, NA as None, arrays as lists."""
    if isinstance(v, (list, tuple, np.ndarray)):
        return [_jsonable(x) for x in v]
    if isinstance(v, Mapping):
        return {str(k): _jsonable(x) for k, x in v.items()}
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, (pd.Timestamp, dt.datetime)):
        return v.date().isoformat() if v.time() == dt.time() and v.tzinfo is None else v.isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, np.generic):
        v = v.item()
    if isinstance(v, float) and not math.isfinite(v):
        return None if math.isnan(v) else str(v)
    if isinstance(v, (str, int, float, bool)):
        return v
    return str(v)


def _row_ids(table: str, frame: pd.DataFrame) -> list[str]:
    """The table's id per row; a missing id is shown by position, so the row can still be found."""
    ids = frame[ROW_ID[table]] if ROW_ID[table] in frame else pd.Series([None] * len(frame))
    return [f"<row {i}>" if _jsonable(v) is None else str(v) for i, v in enumerate(ids)]


def _sub_suite(name: str, expectations: list) -> gx.ExpectationSuite:
    import great_expectations as gx

    suite = gx.ExpectationSuite(name=name, expectations=[e.configuration for e in expectations])
    for i, e in enumerate(suite.expectations):
        e.id = str(i)  # results come back in GX's order; the id maps each back to its expectation
    return suite


def _run(frame: pd.DataFrame, suite: gx.ExpectationSuite, batch_name: str, parameters: dict) -> list:
    batch = _batch_definition(batch_name).get_batch(batch_parameters={"dataframe": frame})
    result = batch.validate(suite, result_format=RESULT_FORMAT, expectation_parameters=parameters)
    return sorted(result.results, key=lambda r: int(r.expectation_config.id))


def validate(table: str, df: pd.DataFrame, suite: gx.ExpectationSuite | None = None, *,
             today: dt.date | None = None, warn: bool = True) -> Validation:
    """Check `df` (a `table` frame) against `suite` (default: expectations/<table>.json).

    Rows failing a hard expectation go to `quarantined`; soft failures are logged and reported only.
    Raises ValidationError for what cannot be pinned on rows: a hard table-level failure (missing or extra
    columns), an expectation that could not run, a column whose values do not fit its type.
    `today` (default: the system date) bounds every date: nothing may lie after today + DATE_SLACK.
    `warn=False`: soft failures are not logged here (a caller checking a table in parts logs them once, `warn`).
    """
    if table not in ROW_ID:
        raise ValidationError(f"no validation for table {table!r}; known: {', '.join(ROW_ID)}")
    suite = suite if suite is not None else load_suites()[table]
    today = today or dt.date.today()
    parameters = {LATEST_DATE_PARAMETER: _timestamp(today + DATE_SLACK)}

    frame = _for_validation(table, df)
    table_level = [e for e in suite.expectations if e.configuration.type.startswith("expect_table_")]
    row_level = [e for e in suite.expectations if not e.configuration.type.startswith("expect_table_")]
    results = _run(frame, _sub_suite(f"{table}_table", table_level), f"{table}_table", parameters) \
        if table_level else []
    for r in results:
        if _exception(r) or (not r.success and _severity(r) == "hard"):
            raise ValidationError(f"{table}: {_describe_failure(r)}")
    frame = _with_derived(table, frame)
    row_results = _run(frame, _sub_suite(table, row_level), table, parameters) if row_level else []

    ids = _row_ids(table, frame)
    failures: dict[int, list[str]] = {}
    records = [_record(r, None, ids, df, frame, table) for r in results]
    for r in row_results:
        if _exception(r):
            raise ValidationError(f"{table}: {_describe_failure(r)}")
        index = r.result.get("unexpected_index_list")
        if not r.success and index is None:
            if _severity(r) == "hard":
                raise ValidationError(f"{table}: hard expectation failed but names no rows: {_describe_failure(r)}")
        records.append(rec := _record(r, index, ids, df, frame, table))
        if rec.severity == "hard":
            for i in index or ():
                failures.setdefault(int(i), []).append(rec.name)
    bad = sorted(failures)
    keep = np.ones(len(df), dtype=bool)
    keep[bad] = False
    passed = df.iloc[keep]
    if isinstance(df.index, pd.RangeIndex):
        passed = passed.reset_index(drop=True)
    v = Validation(table=table, passed=passed, quarantined=_quarantine(table, df, bad, ids, failures),
                   results=records, held=tuple(bad))
    if warn:
        warn_soft(v)
    return v


def warn_soft(v: Validation) -> None:
    """Log each soft expectation the table failed, with examples."""
    for rec in v.failed:
        if rec.severity == "soft":
            log.warning("%s: soft expectation %s failed for %d rows (%s), e.g. %s", v.table, rec.name,
                        rec.unexpected_count, rec.rule, "; ".join(rec.examples[:2]))


def to_json(v: Validation) -> str:
    """A checked part of a table without its passed rows (the findings, the held rows' positions) as JSON."""
    return json.dumps({"table": v.table, "held": list(v.held), "checked": v.rows,
                       "quarantined": v.quarantined.to_dict(orient="list"),
                       "results": [dataclasses.asdict(r) for r in v.results]}, ensure_ascii=False)


def from_json(payload: str) -> Validation:
    """`to_json`'s Validation back; `passed` is empty (the caller has the rows, and `held` says which failed)."""
    data = json.loads(payload)
    names = [c.name for c in QUARANTINE_COLUMNS]
    q = data["quarantined"]
    quarantined = pd.DataFrame({n: pd.Series(q[n], dtype=object) for n in names}, columns=names)
    results = [ExpectationResult(**{**r, "columns": tuple(r["columns"]), "examples": tuple(r["examples"])})
               for r in data["results"]]
    return Validation(table=data["table"], passed=pd.DataFrame(), quarantined=quarantined, results=results,
                      checked=data["checked"], held=tuple(data["held"]))


def combine(table: str, parts: list[tuple[Validation, int]], rows: int) -> Validation:
    """One Validation from a table checked in chunks: (chunk's Validation, rows held back for an id repeated in
    another chunk). Counts add up, examples are the first ones found; the passed rows are not kept."""
    if not parts:
        raise ValueError(f"{table}: no chunks to combine")
    unique = expectation_name("expect_column_values_to_be_unique", {"column": ROW_ID[table]})
    results = []
    for same in zip(*(v.results for v, _ in parts)):
        first = same[0]
        extra = sum(n for _, n in parts) if first.name == unique else 0
        count = sum(r.unexpected_count for r in same) + extra
        examples = tuple(x for r in same for x in r.examples)[:N_EXAMPLES]
        results.append(dataclasses.replace(first, success=all(r.success for r in same) and not extra,
                                           unexpected_count=count, examples=examples))
    quarantined = [v.quarantined for v, _ in parts if len(v.quarantined)]
    q = pd.concat(quarantined, ignore_index=True) if quarantined else parts[0][0].quarantined
    return Validation(table=table, passed=empty_like(parts[0][0].passed), quarantined=q, results=results,
                      checked=rows)


def empty_like(df: pd.DataFrame) -> pd.DataFrame:
    """`df`'s columns and dtypes without its rows, holding none of its memory (`df.iloc[:0].copy()` keeps an
    Arrow-backed column's buffers alive: Arrow arrays are immutable, so a pandas copy of one shares them)."""
    return pd.DataFrame({c: pd.Series([], dtype=df[c].dtype) for c in df.columns})


def _exception(r) -> str | None:
    """The message if the expectation could not run. GX reports it flat, or per metric when a metric failed."""
    info = r.exception_info or {}
    entries = [info] if "raised_exception" in info else [v for v in info.values() if isinstance(v, Mapping)]
    messages = [str(e.get("exception_message")) for e in entries
                if e.get("raised_exception") or e.get("exception_message")]
    return "; ".join(messages) or None


def _severity(r) -> str:
    return (r.expectation_config.meta or {}).get("severity", "hard")


def _describe_failure(r) -> str:
    c = r.expectation_config
    name = expectation_name(c.type, c.kwargs)
    if message := _exception(r):
        return f"{name} could not run: {message}"
    observed = r.result.get("observed_value")
    if c.type == "expect_table_columns_to_match_set" and observed is not None:
        expected = list(c.kwargs["column_set"])
        missing = [x for x in expected if x not in observed]
        extra = [x for x in observed if x not in expected]
        return f"{name} failed: missing columns {missing}, unexpected columns {extra}"
    return f"{name} failed ({_rule(c.type, c.kwargs)}): observed {_show(observed)}"


def _record(r, index, ids: list[str], df: pd.DataFrame, frame: pd.DataFrame, table: str) -> ExpectationResult:
    """One GX result -> ExpectationResult; example values come from `df` as given, derived ones from `frame`."""
    c = r.expectation_config
    meta = c.meta or {}
    columns = _columns(c.kwargs)
    shown = [x for col in columns for x in (*DERIVED.get(table, {}).get(col, Derived((), "", None)).sources, col)]
    shown = [x for x in dict.fromkeys(shown) if x in frame]
    examples: list[str] = []
    if index:
        for i in index[:N_EXAMPLES]:
            values = ", ".join(f"{col}={_show(_cell(df, frame, col, int(i)))}" for col in shown)
            examples.append(f"{ids[int(i)]}: {values}")
    elif not r.success:
        examples.append(_describe_failure(r))
    count = r.result.get("unexpected_count")
    return ExpectationResult(
        name=expectation_name(c.type, c.kwargs), type=c.type, columns=columns,
        severity=meta.get("severity", "hard"), why=meta.get("why", ""), rule=_rule(c.type, c.kwargs),
        success=bool(r.success), unexpected_count=int(count) if count is not None else int(not r.success),
        examples=tuple(examples))


def _cell(df: pd.DataFrame, frame: pd.DataFrame, col: str, i: int) -> Any:
    """The value as given; derived columns (float64 for GX's speed) shown as whole numbers when they are."""
    if col in df:
        return df[col].iat[i]
    v = frame[col].iat[i]
    return int(v) if isinstance(v, float) and v.is_integer() else v


def _quarantine(table: str, df: pd.DataFrame, bad: list[int], ids: list[str],
                failures: dict[int, list[str]]) -> pd.DataFrame:
    names = [c.name for c in QUARANTINE_COLUMNS]
    if not bad:
        return pd.DataFrame({n: pd.Series(dtype=object) for n in names})
    rows = df.iloc[bad].to_dict("records")
    return pd.DataFrame({
        "table": [table] * len(bad),
        "row_id": [ids[i] for i in bad],
        "failed_expectations": [list(dict.fromkeys(failures[i])) for i in bad],
        "row_json": [json.dumps({str(k): _jsonable(v) for k, v in row.items()}, ensure_ascii=False)
                     for row in rows],
    }, columns=names)


# ----------------------------------------------------------------------------------------------------------
# Reporting


def summary_lines(validations: Mapping[str, Validation]) -> list[str]:
    """One line per table for the terminal, e.g. `mentions: 1012 rows, 3 quarantined (name x2, ...)`."""
    lines = []
    for table, v in validations.items():
        hard = [r for r in v.failed if r.severity == "hard"]
        soft = [r for r in v.failed if r.severity == "soft"]
        line = f"{table}: {v.rows} rows, {len(v.quarantined)} quarantined"
        if hard:
            line += " (" + ", ".join(f"{r.name} x{r.unexpected_count}" for r in hard) + ")"
        if soft:
            line += "; warnings: " + ", ".join(f"{r.name} x{r.unexpected_count}" for r in soft)
        lines.append(line)
    return lines


_CSS = """
.validation table{border-collapse:collapse;margin:0 0 1.5em;font-size:.9em}
.validation th,.validation td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}
.validation th{background:#f3f3f3}
.validation .fail.hard{background:#fde2e1}
.validation .fail.soft{background:#fff4d6}
.validation code{font-size:.95em}
.validation ul{margin:0;padding-left:1.1em}
"""


def render_report(validations: Mapping[str, Validation]) -> str:
    """A self-contained HTML fragment: per table, rows checked and held back, every expectation and its outcome."""
    e = html.escape
    parts = ['<section class="validation">', f"<style>{_CSS}</style>", "<h2>Validation</h2>"]
    for table, v in validations.items():
        n_soft = sum(1 for r in v.failed if r.severity == "soft")
        parts.append(f"<h3>{e(table)}</h3>")
        parts.append(f"<p>{v.rows} rows checked, {len(v.quarantined)} quarantined (failed a hard expectation), "
                     f"{n_soft} soft expectations with warnings.</p>")
        parts.append("<table><thead><tr><th>severity</th><th>expectation</th><th>rule</th><th>result</th>"
                     "<th>unexpected</th><th>examples of failures</th><th>why</th></tr></thead><tbody>")
        # failures first: hard, then soft; passes keep the suite's order
        order = sorted(v.results, key=lambda r: (r.success, r.severity != "hard"))
        for r in order:
            cls = "pass" if r.success else f"fail {r.severity}"
            examples = "".join(f"<li>{e(x)}</li>" for x in r.examples)
            parts.append(
                f'<tr class="{e(cls)}"><td>{e(r.severity)}</td><td><code>{e(r.name)}</code></td>'
                f"<td>{e(r.rule)}</td><td>{'pass' if r.success else 'FAIL'}</td><td>{r.unexpected_count}</td>"
                f"<td>{'<ul>' + examples + '</ul>' if examples else ''}</td><td>{e(r.why)}</td></tr>")
        parts.append("</tbody></table>")
    parts.append("</section>")
    return "\n".join(parts) + "\n"


if __name__ == "__main__":
    for path in write_suites():
        n = len(json.loads(path.read_text(encoding="utf-8"))["expectations"])
        print(f"wrote {path} ({n} expectations)")
