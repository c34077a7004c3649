"""Report: charts and index.html from small hand-made incident tables (headline numbers checked by hand)."""
from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from etl import report, schema

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
CHARTS = ("killed_wounded_by_month.png", "top_places.png", "by_perpetrator.png", "by_event_type.png")
COUNTS = ("n_sources", "killed", "killed_low", "killed_high", "wounded", "wounded_low", "wounded_high")
XSS = "<script>alert(1)</script>"


def incidents_frame(rows: list[dict]) -> pd.DataFrame:
    """Rows -> a DataFrame with every incidents column, counts as nullable Int32 like the store writes them."""
    names = [c.name for c in schema.INCIDENT_COLUMNS]
    df = pd.DataFrame([{n: r.get(n) for n in names} for r in rows], columns=names)
    for c in schema.INCIDENT_COLUMNS:
        if pa.types.is_integer(c.type):
            df[c.name] = df[c.name].astype("Int32")
    return df


def incident(n: int, **kw) -> dict:
    row = {"incident_id": f"inc-{n}", "mention_ids": [f"a{n}#1"], "article_ids": [f"a{n}"], "sources": ["Reuters"],
           "n_sources": 1, "perpetrator_status": "unknown", "evidence": f"Sentence {n}.", "is_disputed": False, "merge_reasons": [],
           "people": [], "ages": [],
           "date_precision": "day", "geo_precision": "exact", "evidence_start": 0, "evidence_end": 10}
    row.update(kw)
    return row


# Killed 26 + 12 + 8 + 3 + unknown = 49; wounded 40 + 5 + 0 + 2 = 47; low 20+12+8+3 = 43, high 30+12+8+(open)=...
FIVE = [
    incident(1, event_date=dt.date(2024, 3, 2), killed=26, killed_low=20, killed_high=30, wounded=40, wounded_low=40,
             wounded_high=40, location="Kabul", admin1="Kabul", country="Afghanistan", perpetrator="Islamic State",
             perpetrator_status="claimed", event_type="suicide bombing", sources=["Reuters", "AP"], n_sources=2,
             evidence=f"At least 26 people were killed {XSS} in the blast.", is_disputed=True),
    incident(2, event_date=dt.date(2024, 1, 15), killed=12, killed_low=12, killed_high=12, location="Mosul",
             country="Iraq", perpetrator="Islamic State", perpetrator_status="suspected", event_type="bombing"),
    incident(3, event_date=dt.date(2023, 11, 4), killed=8, killed_low=8, killed_high=8, wounded=5, wounded_low=5,
             wounded_high=5, location=None, country="Nigeria", perpetrator="Boko Haram",
             perpetrator_status="attributed", event_type="shooting"),
    incident(4, event_date=dt.date(2023, 11, 20), killed=3, killed_low=3, killed_high=None, wounded=0, wounded_low=0,
             wounded_high=0, location="Maiduguri & <Borno>", country="Nigeria", event_type=None,
             date_precision="month", perpetrator="Ansaru $ cell"),  # "$" would start matplotlib mathtext
    incident(5, event_date=None, killed=None, wounded=2, wounded_low=2, wounded_high=2, location="Gao",
             country="Mali", event_type="attack"),
]

ARTICLES = pd.DataFrame({
    "article_id": ["a1", "a2", "a3", "a4", "a5", "a6", "a7"],
    "path": ["news/a1.txt", "news/a2.txt", "news/a3.txt", "news/a4.txt", "feed.jsonl", "feed.jsonl",
             "bad/<img src=x onerror=alert(2)>.txt"],
    "line": pd.array([None, None, None, None, 3, 4, None], dtype="Int32"),
    "status": ["ok", "ok", "ok", "ok", "no_incidents", "duplicate", "error"],
    "error": [None, None, None, None, None, "duplicate of a2", "UnicodeDecodeError: <bad byte>"],
    "n_mentions": pd.array([1, 1, 1, 2, 0, 0, 0], dtype="Int32"),
})


def stat(page: str, name: str) -> str:
    m = re.search(rf'id="stat-{name}">.*?<div class="value">(.*?)</div>(?:<div class="sub">(.*?)</div>)?', page)
    assert m, name
    return m.group(1) + " | " + (m.group(2) or "")


def assert_outputs(out, written):
    assert [p.name for p in written] == [*CHARTS, "validation.html", "index.html"]
    for name in CHARTS:
        data = (out / name).read_bytes()
        assert data[:8] == PNG_MAGIC, name
        assert 10_000 < len(data) < 1_000_000, (name, len(data))
    assert not list(out.glob(".*.tmp")), "a temporary file was left behind"


def test_five_incidents_headline_table_and_escaping(tmp_path):
    written = report.write_report(incidents_frame(FIVE), ARTICLES, tmp_path,
                                  validation_html="<p>3 expectations passed</p>", summary={"seconds": 1.5})
    assert_outputs(tmp_path, written)
    page = (tmp_path / "index.html").read_text()

    assert stat(page, "articles").startswith("7 | 4 ok · 1 no incidents · 1 duplicate · 1 error")
    assert stat(page, "incidents").startswith("5 | 1 with disputed counts")
    # best 49; low 20+12+8+3 = 43; high 30+12+8+3 (open-ended, at best) = 53
    assert stat(page, "killed").startswith("49 | range 43–53+ (upper figure open-ended in 1 incident")
    assert stat(page, "wounded") == "47 | figures reported without a range"
    assert stat(page, "countries").startswith("4 | Nigeria (2), Afghanistan (1), Iraq (1")
    assert stat(page, "dates") == "2023-11-04 – 2024-03-02 | 1 without event date"

    # article text is escaped wherever it lands; the validation fragment is embedded as given
    assert XSS not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Maiduguri &amp; &lt;Borno&gt;" in page and "<Borno>" not in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page and "<img src=x" not in page
    assert "UnicodeDecodeError: &lt;bad byte&gt;" in page and "duplicate of a2" in page
    assert "<p>3 expectations passed</p>" in page
    assert "<p>3 expectations passed</p>" in (tmp_path / "validation.html").read_text()
    for name in CHARTS:
        assert f'<img src="{name}"' in page

    # most recent first, undated last; the open-ended and ranged counts read as such
    body = page[page.index('<table class="incidents">'):]
    order = [body.index(x) for x in ("2024-03-02", "2024-01-15", "2023-11 ", "2023-11-04", "undated")]
    assert order == sorted(order)
    assert '26 <span class="range">(20–30)</span>' in body and '3 <span class="range">(3+)</span>' in body
    assert "Islamic State <span class=\"muted\">(claimed)</span>" in body
    assert "All 5 incidents" in page and "No incidents" not in page


def test_parquet_round_trip_gives_identical_bytes(tmp_path):
    """Read back as the store writes it (dictionary columns as categoricals, lists as numpy arrays, dates as
    datetime.date): the same charts and page, byte for byte, as from the hand-built frame."""
    table = pa.Table.from_pandas(incidents_frame(FIVE), schema=schema.arrow_schema("incidents"),
                                 preserve_index=False)
    df = table.to_pandas()
    assert isinstance(df["event_type"].dtype, pd.CategoricalDtype)
    report.write_report(df, ARTICLES, tmp_path / "parquet")
    report.write_report(incidents_frame(FIVE), ARTICLES, tmp_path / "frame")
    for name in (*CHARTS, "index.html", "validation.html"):
        assert (tmp_path / "parquet" / name).read_bytes() == (tmp_path / "frame" / name).read_bytes(), name


def test_batches_give_the_same_report_as_one_frame(tmp_path):
    """The build hands the report its tables a few thousand rows at a time, so the report's memory does not
    grow with them: the charts and the page (totals, the 500 most recent incidents, ties in date broken by
    id, the articles not used) are the same bytes as from the whole tables."""
    df = random_incidents(3_000)
    report.write_report(df, ARTICLES, tmp_path / "whole")
    report.write_report((df.iloc[i:i + 700] for i in range(0, len(df), 700)),
                        (ARTICLES.iloc[i:i + 3] for i in range(0, len(ARTICLES), 3)), tmp_path / "batches")
    for name in (*CHARTS, "index.html", "validation.html"):
        assert (tmp_path / "batches" / name).read_bytes() == (tmp_path / "whole" / name).read_bytes(), name
    page = (tmp_path / "batches" / "index.html").read_text()
    assert "Showing the 500 most recent of 3,000 incidents" in page and "2 articles not used" in page


def test_empty_table_writes_everything(tmp_path):
    written = report.write_report(incidents_frame([]), pd.DataFrame(), tmp_path)
    for name in CHARTS:
        assert (tmp_path / name).read_bytes()[:8] == PNG_MAGIC
    assert [p.name for p in written] == [*CHARTS, "validation.html", "index.html"]
    page = (tmp_path / "index.html").read_text()
    assert "No incidents" in page
    assert stat(page, "incidents").startswith("0 |") and stat(page, "killed").startswith("0 |")
    assert 'id="errors"' not in page


def test_missing_column_fails_loud(tmp_path):
    df = incidents_frame(FIVE).drop(columns=["killed"])
    with pytest.raises(ValueError, match="killed"):
        report.write_report(df, ARTICLES, tmp_path)


def random_incidents(n: int, seed: int = 7) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    start = dt.date(2015, 1, 1)
    places = [(f"Town {i}", f"Country {i % 9}") for i in range(60)]
    groups = [f"Armed group {i}" for i in range(30)]
    rows = []
    for i in range(n):
        place = places[rng.integers(len(places))]
        killed = int(rng.integers(0, 60)) if rng.random() > 0.1 else None
        rows.append(incident(
            i, event_date=start + dt.timedelta(days=int(rng.integers(0, 3650))), killed=killed, killed_low=killed,
            killed_high=killed, wounded=int(rng.integers(0, 100)), location=place[0] if rng.random() > 0.2 else None,
            country=place[1], perpetrator=groups[rng.integers(len(groups))] if rng.random() > 0.3 else None,
            event_type=schema.EVENT_TYPES[rng.integers(len(schema.EVENT_TYPES))]))
    return incidents_frame(rows)


def test_ten_thousand_incidents_over_ten_years(tmp_path):
    df = random_incidents(10_000)
    written = report.write_report(df, ARTICLES, tmp_path)
    assert_outputs(tmp_path, written)
    page = (tmp_path / "index.html").read_text()
    table = page[page.index('<table class="incidents">'):]
    assert table[:table.index("</table>")].count("<tr>") == 1 + report.MAX_TABLE_ROWS
    assert "Showing the 500 most recent of 10,000 incidents" in page and "data/incidents.parquet" in page
    assert stat(page, "killed").startswith(f"{int(df['killed'].sum()):,} |")
