"""End to end: the seed article through `python -m etl build`, read back with pandas and DuckDB."""
import datetime as dt
import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from etl.store import sha256_file

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_5da0db9d29881d1f.txt"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("build")
    seeds = tmp / "seeds"
    seeds.mkdir()
    shutil.copy(SEED, seeds)
    proc = subprocess.run(
        [sys.executable, "-m", "etl", "build", "--seeds", str(seeds), "--data", str(tmp / "data"),
         "--reports", str(tmp / "reports"), "--expectations", str(ROOT / "expectations")],
        cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return tmp, proc.stdout


def test_seed_gives_exactly_the_two_incidents(built):
    tmp, _ = built
    m = pd.read_parquet(tmp / "data" / "mentions.parquet").sort_values("event_date")
    assert len(m) == 2
    iraq, syria = m.iloc[0], m.iloc[1]

    assert iraq.event_date == dt.date(2017, 3, 8) and iraq.date_precision == "day"
    assert iraq.location == "Al Hajaj" and iraq.country_code == "IRQ" and iraq.geo_precision == "near"
    assert iraq.admin1.replace("-", " ").startswith("Salah ad")
    assert (iraq.killed, iraq.killed_low, iraq.wounded) == (26, 26, 25) and pd.isna(iraq.killed_high)
    assert pd.isna(iraq.perpetrator) and iraq.perpetrator_status == "unknown"
    assert iraq.event_type == "suicide bombing"
    assert "two suicide bombers" in iraq.evidence

    assert syria.event_date == dt.date(2017, 3, 9)
    assert syria.country_code == "SYR" and syria.country == "Syria"
    assert syria.geo_precision == "country"  # "a northern Syrian village", not the Raqqa named nearby
    assert (syria.killed, syria.killed_low) == (23, 23) and pd.isna(syria.wounded)
    assert syria.perpetrator == "US-led coalition" and syria.perpetrator_status == "suspected"
    assert syria.reported_by == "Syrian Observatory for Human Rights"
    assert syria.source == "AFP"

    text = SEED.read_text(encoding="utf-8")
    for row in m.itertuples():
        assert row.evidence.replace("\n", " ") in text.replace("\n", " ") or row.evidence in text
    assert not (m.killed == 220).any() and not (m.killed == 60).any()


def test_tables_load_in_duckdb_with_declared_types(built):
    tmp, _ = built
    data = tmp / "data"
    con = duckdb.connect()
    types = {r[0]: r[1] for r in con.execute(f"DESCRIBE SELECT * FROM '{data / 'incidents.parquet'}'").fetchall()}
    assert types["event_date"] == "DATE" and types["killed"] == "INTEGER" and types["sources"] == "VARCHAR[]"
    total = con.execute(f"SELECT sum(killed) FROM '{data / 'incidents.parquet'}'").fetchone()[0]
    assert total == 49
    arts = con.execute(f"SELECT status, n_mentions FROM '{data / 'articles.parquet'}'").fetchall()
    assert arts == [("ok", 2)]


def test_manifest_and_report(built):
    tmp, stdout = built
    manifest = json.loads((tmp / "data" / "manifest.json").read_text())
    for name in ("articles", "mentions", "incidents", "quarantine"):
        entry = manifest["files"][f"{name}.parquet"]
        assert entry["sha256"] == sha256_file(tmp / "data" / f"{name}.parquet")
        assert entry["rows"] == len(pd.read_parquet(tmp / "data" / f"{name}.parquet"))
    assert manifest["extractor_version"]
    # the inputs, however many, as one digest of each one's id and content hash in the articles table's order
    arts = pd.read_parquet(tmp / "data" / "articles.parquet", columns=["article_id", "content_hash"]).dropna()
    lines = "".join(f"{i}\t{h}\n" for i, h in zip(arts["article_id"], arts["content_hash"]))
    assert manifest["inputs"] == {"articles": len(arts), "sha256": hashlib.sha256(lines.encode()).hexdigest()}
    page = (tmp / "reports" / "index.html").read_text()
    assert "Al Hajaj" in page and "US-led coalition" in page
    for png in ("killed_wounded_by_month", "top_places", "by_perpetrator", "by_event_type"):
        assert (tmp / "reports" / f"{png}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "read 1 articles: 1 ok" in stdout
    assert "wrote" in stdout and "mentions.parquet (2 rows)" in stdout


def test_column_descriptions_travel_with_the_files(built):
    import pyarrow.parquet as pq
    tmp, _ = built
    schema = pq.read_schema(tmp / "data" / "mentions.parquet")
    assert schema.field("killed_low").metadata[b"description"].startswith(b"Lowest figure")


def test_explain_prints_the_mentions_and_why(built):
    tmp, _ = built
    inc = pd.read_parquet(tmp / "data" / "incidents.parquet")
    iraq = inc[inc.country_code == "IRQ"].iloc[0]
    proc = subprocess.run([sys.executable, "-m", "etl", "explain", iraq.incident_id, "--data", str(tmp / "data")],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert iraq.incident_id in proc.stdout and "Al Hajaj" in proc.stdout
    assert "two suicide bombers" in proc.stdout            # the evidence sentence
    assert "not merged with any other mention" in proc.stdout
    missing = subprocess.run([sys.executable, "-m", "etl", "explain", "inc-nope", "--data", str(tmp / "data")],
                             cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert missing.returncode == 1 and "no incident" in missing.stderr
