"""Validate: small hand-made tables with one fault per row -> exactly that row quarantined, under the right name.

Each table is validated once per module (GX costs ~0.5 s per run, its import 3-6 s); the cases then look up
their row. E.g. a mention with killed=-1 and mention_id "neg#0" -> quarantine row_id "neg#0",
failed_expectations containing "expect_column_values_to_be_between(killed)"; every good row passes.
"""
from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pyarrow as pa
import pytest

from etl import schema
from etl import validate as V

TODAY = dt.date(2024, 6, 1)
XSS = "<script>alert(1)</script>"
BETWEEN = "expect_column_values_to_be_between"
PAIR_GT = "expect_column_pair_values_a_to_be_greater_than_b"


def mention(mention_id: str, **kw) -> dict:
    row = dict(
        mention_id=mention_id, article_id=mention_id.split("#")[0], source="Reuters", reported_by="officials",
        publication_date=dt.date(2024, 3, 2), event_date=dt.date(2024, 3, 1), date_precision="day",
        date_phrase="on Friday", killed=12, killed_low=12, killed_high=15, killed_phrase="at least 12",
        wounded=30, wounded_low=30, wounded_high=None, wounded_phrase="30 wounded", location="Kirkuk",
        admin1="Kirkuk", country="Iraq", country_code="IRQ", latitude=35.47, longitude=44.39,
        geo_precision="exact", location_phrase="in Kirkuk", perpetrator=None, perpetrator_status="unknown",
        perpetrator_phrase=None, event_type="bombing", evidence="A car bomb killed at least 12 people.",
        evidence_start=0, evidence_end=37, people=[], ages=[],
    )
    row.update(kw)
    return row


def incident(incident_id: str, **kw) -> dict:
    base = mention(f"{incident_id}-a#0")
    row = {k: v for k, v in base.items() if k not in ("mention_id", "article_id", "source", "publication_date")}
    row.update(incident_id=incident_id, mention_ids=[f"{incident_id}-a#0", f"{incident_id}-b#0"],
               article_ids=[f"{incident_id}-a", f"{incident_id}-b"], sources=["Reuters", "AP"], n_sources=2,
               first_reported=dt.date(2024, 3, 2), is_disputed=False, merge_reasons=["i-b#0 ~ i-a#0: same place"])
    row.update(kw)
    return row


def article(article_id: str, **kw) -> dict:
    row = dict(article_id=article_id, path="news.jsonl", line=1, title="Blast in Kirkuk", publisher="Reuters",
               publication_date=dt.date(2024, 3, 2), url=None, content_hash="ab" * 32, status="ok", error=None,
               n_mentions=1)
    row.update(kw)
    return row


def frame(table: str, rows: list[dict], flavor: str) -> pd.DataFrame:
    """Rows -> a frame with every column of `table`, as the store reads it back (arrow) or as code builds it."""
    columns = schema.TABLES[table]
    records = [{c.name: r.get(c.name) for c in columns} for r in rows]
    if flavor == "arrow":
        return pa.Table.from_pylist(records, schema=schema.arrow_schema(table)).to_pandas(types_mapper=pd.ArrowDtype)
    df = pd.DataFrame(records, columns=[c.name for c in columns])
    for c in columns:
        if pa.types.is_integer(c.type):
            df[c.name] = df[c.name].astype("Int32")
        elif pa.types.is_floating(c.type):
            df[c.name] = df[c.name].astype("Float64")
    return df  # dates stay datetime.date objects


# row id -> (row, expected hard expectation name, or None for a row that must pass)
MENTION_CASES = {
    "good#0": (mention("good#0"), None),
    "good#1": (mention("good#1", killed=None, killed_low=None, killed_high=None, country_code="XKX"), None),
    "neg#0": (mention("neg#0", killed=-1, killed_low=None, killed_high=None), f"{BETWEEN}(killed)"),
    "lowbest#0": (mention("lowbest#0", killed_low=20, killed=12, killed_high=None), f"{PAIR_GT}(killed, killed_low)"),
    "besthigh#0": (mention("besthigh#0", killed_high=10), f"{PAIR_GT}(killed_high, killed)"),
    "afterpub#0": (mention("afterpub#0", event_date=dt.date(2024, 3, 5)), f"{PAIR_GT}(publication_date, event_date)"),
    "future#0": (mention("future#0", publication_date=None, event_date=dt.date(2031, 1, 1)), f"{BETWEEN}(event_date)"),
    "old#0": (mention("old#0", event_date=dt.date(1899, 12, 31)), f"{BETWEEN}(event_date)"),
    "year1200#0": (mention("year1200#0", event_date=dt.date(1200, 3, 1)), f"{BETWEEN}(event_date)"),
    "country#0": (mention("country#0", country_code="XXX"), "expect_column_values_to_be_in_set(country_code)"),
    "lat#0": (mention("lat#0", latitude=95.0), f"{BETWEEN}(latitude)"),
    "evidence#0": (mention("evidence#0", evidence_end=0), f"{PAIR_GT}(evidence_end, evidence_start)"),
    "noarticle#0": (mention("noarticle#0", article_id=None), "expect_column_values_to_not_be_null(article_id)"),
    "dup#0": (mention("dup#0"), "expect_column_values_to_be_unique(mention_id)"),
    # soft only: warned about, kept
    "huge#0": (mention("huge#0", killed=2500, killed_low=2500, killed_high=None), None),
    "stale#0": (mention("stale#0", event_date=dt.date(2022, 1, 10)), None),
}
SOFT = {"huge#0": f"{BETWEEN}(killed)", "stale#0": f"{BETWEEN}(report_lag_days)"}


def mention_rows() -> list[dict]:
    rows = [row for row, _ in MENTION_CASES.values()]
    return rows + [mention("dup#0", killed=13)]  # the second copy of a repeated id


@pytest.fixture(scope="module")
def suites():
    return V.load_suites()


@pytest.fixture(scope="module", params=["arrow", "nullable"])
def mentions(request, suites):
    df = frame("mentions", mention_rows(), request.param)
    return df, V.validate("mentions", df, suites["mentions"], today=TODAY)


@pytest.fixture(scope="module")
def incidents(suites):
    df = frame("incidents", [
        incident("i-good"),
        incident("i-nsrc", sources=["AP", "AP"]),
        incident("i-late", event_date=dt.date(2024, 3, 9)),
        incident("i-wounded", wounded_low=40),
    ], "arrow")
    return df, V.validate("incidents", df, suites["incidents"], today=TODAY)


@pytest.fixture(scope="module")
def articles(suites):
    df = frame("articles", [
        article("a-good"),
        article("a-failed", status="error", error="news.jsonl:3: invalid JSON"),
        article("a-silent", status="error", error=None),
        article("a-status", status="lost"),
        article(XSS, status="error"),
    ], "nullable")
    return df, V.validate("articles", df, suites["articles"], today=TODAY)


def quarantined(validation: V.Validation) -> dict[str, list[str]]:
    q = validation.quarantined
    return {rid: list(names) for rid, names in zip(q["row_id"], q["failed_expectations"])}


@pytest.mark.parametrize("row_id", [k for k, (_, name) in MENTION_CASES.items() if name])
def test_bad_mention_is_quarantined_under_its_expectation(mentions, row_id):
    _, validation = mentions
    assert MENTION_CASES[row_id][1] in quarantined(validation)[row_id]


def test_exactly_the_bad_mentions_are_quarantined(mentions):
    df, validation = mentions
    bad = {k for k, (_, name) in MENTION_CASES.items() if name}
    q = validation.quarantined
    assert set(q["row_id"]) == bad
    assert sorted(q["row_id"]).count("dup#0") == 2  # every copy of a repeated id
    assert len(q) == len(bad) + 1
    assert set(validation.passed["mention_id"]) == {k for k, (_, name) in MENTION_CASES.items() if not name}
    assert list(validation.passed.columns) == list(df.columns)
    assert validation.passed.dtypes.equals(df.dtypes)
    assert list(q.columns) == [c.name for c in schema.QUARANTINE_COLUMNS]
    assert set(q["table"]) == {"mentions"}


def test_negative_count_fails_only_its_bound(mentions):
    _, validation = mentions
    assert quarantined(validation)["neg#0"] == [f"{BETWEEN}(killed)"]


def test_soft_failures_warn_and_keep_the_row(mentions):
    _, validation = mentions
    soft = {r.name: r for r in validation.results if r.severity == "soft" and not r.success}
    assert set(soft) == set(SOFT.values())
    for row_id, name in SOFT.items():
        assert row_id not in quarantined(validation)
        assert any(x.startswith(f"{row_id}: ") for x in soft[name].examples)
    assert soft[f"{BETWEEN}(killed)"].examples == ("huge#0: killed=2500",)
    # the too-old rows are quarantined by their hard rule and also late reports
    assert "stale#0: event_date=2022-01-10, publication_date=2024-03-02, report_lag_days=782" in \
        soft[f"{BETWEEN}(report_lag_days)"].examples


def test_row_json_keeps_the_values_as_given(mentions):
    _, validation = mentions
    q = validation.quarantined.set_index("row_id")
    row = json.loads(q.loc["year1200#0", "row_json"])
    assert row["event_date"] == "1200-03-01"  # out of datetime64[ns] range, still quoted as it was
    assert row["killed"] == 12 and row["wounded_high"] is None and row["latitude"] == 35.47
    assert list(row) == [c.name for c in schema.MENTION_COLUMNS]


def test_quarantine_fits_its_arrow_schema(mentions):
    _, validation = mentions
    table = pa.Table.from_pandas(validation.quarantined, schema=schema.arrow_schema("quarantine"),
                                 preserve_index=False)
    assert table.num_rows == len(validation.quarantined)


def test_result_records(mentions):
    _, validation = mentions
    by_name = {(r.name, r.severity): r for r in validation.results}
    lat = by_name[(f"{BETWEEN}(latitude)", "hard")]
    assert (lat.success, lat.unexpected_count, lat.columns) == (False, 1, ("latitude",))
    assert lat.examples == ("lat#0: latitude=95.0",)
    assert lat.rule == "-90 <= latitude <= 90"
    assert by_name[("expect_column_values_to_not_be_null(source)", "hard")].success


def test_incident_rules(incidents):
    df, validation = incidents
    q = quarantined(validation)
    assert set(q) == {"i-nsrc", "i-late", "i-wounded"}
    assert q["i-nsrc"] == ["expect_column_pair_values_to_be_equal(n_sources, n_distinct_sources)"]
    assert f"{PAIR_GT}(first_reported, event_date)" in q["i-late"]
    assert f"{PAIR_GT}(wounded, wounded_low)" in q["i-wounded"]
    assert list(validation.passed["incident_id"]) == ["i-good"]
    assert validation.passed.dtypes.equals(df.dtypes)


def test_article_rules(articles):
    _, validation = articles
    q = quarantined(validation)
    assert set(q) == {"a-silent", "a-status", XSS}
    assert q["a-silent"] == ["expect_column_values_to_not_be_null(error)"]
    assert q["a-status"] == ["expect_column_values_to_be_in_set(status)"]
    assert list(validation.passed["article_id"]) == ["a-good", "a-failed"]


def test_missing_or_extra_column_fails_loud(suites):
    df = frame("mentions", [mention("m#0")], "arrow")
    with pytest.raises(V.ValidationError, match=r"missing columns \['killed'\]"):
        V.validate("mentions", df.drop(columns=["killed"]), suites["mentions"], today=TODAY)
    with pytest.raises(V.ValidationError, match=r"unexpected columns \['debug'\]"):
        V.validate("mentions", df.assign(debug=1), suites["mentions"], today=TODAY)


def test_committed_json_is_what_the_dictionary_implies():
    built = {t: V.suite_to_dict(s) for t, s in V.build_suites().items()}
    for table, suite in built.items():
        committed = json.loads((V.EXPECTATIONS_DIR / f"{table}.json").read_text(encoding="utf-8"))
        generated = [e for e in committed["expectations"] if "generated_from" in e["meta"]]
        assert {**committed, "expectations": generated} == suite, \
            f"expectations/{table}.json is stale: run `python -m etl.validate`"
        assert all("id" not in e for e in committed["expectations"])
        assert all(e["meta"]["severity"] in ("hard", "soft") and e["meta"]["why"] for e in committed["expectations"])


def test_hand_added_expectations_survive_a_rewrite(tmp_path):
    V.write_suites(tmp_path)
    path = tmp_path / "mentions.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["expectations"].append({"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "country"},
                                 "meta": {"severity": "soft", "why": "a place without a country is half-resolved"}})
    path.write_text(json.dumps(data), encoding="utf-8")
    V.write_suites(tmp_path)
    loaded = V.load_suites(tmp_path)["mentions"]
    assert V.suite_to_dict(loaded)["expectations"][-1]["kwargs"] == {"column": "country"}
    assert V.suite_to_dict(loaded) == json.loads(path.read_text(encoding="utf-8"))


def test_entries_without_severity_are_refused(tmp_path):
    V.write_suites(tmp_path)
    path = tmp_path / "articles.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["expectations"].append({"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "url"},
                                 "meta": {}})
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(V.ValidationError, match="severity"):
        V.load_suites(tmp_path)


def test_report_escapes_values_and_needs_nothing_external(articles, mentions):
    _, validation = articles
    html = V.render_report({"articles": validation, "mentions": mentions[1]})
    assert XSS not in html and "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "http" not in html and "<link" not in html
    assert "expect_column_values_to_not_be_null(error)" in html


def test_summary_lines(articles):
    _, validation = articles
    [line] = V.summary_lines({"articles": validation})
    assert line.startswith("articles: 5 rows, 3 quarantined (")
    assert "expect_column_values_to_not_be_null(error) x2" in line
    assert "warnings" not in line


def test_an_expectation_that_cannot_run_fails_loud():
    suite = V.suite_from_dict({"name": "mentions", "expectations": [
        {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "no_such_column"},
         "meta": {"severity": "soft", "why": "a typo in a hand-written entry"}}]})
    with pytest.raises(V.ValidationError, match="no_such_column.*could not run"):
        V.validate("mentions", frame("mentions", [mention("m#0")], "arrow"), suite, today=TODAY)
