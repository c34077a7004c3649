"""Scale: the corpus generator, the per-article cache, streaming resolve, and builds that must agree row for row
whatever the engine (1 process, local processes, a Dask cluster) and whether results came from the cache."""
from __future__ import annotations

import datetime as dt
import random
import shutil
import signal
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from etl.bench import corpus
from etl import cache, resolve
from etl.extract import extractor_version
from etl.schema import Article

ROOT = Path(__file__).resolve().parent.parent
TABLES = ("articles", "mentions", "incidents", "quarantine")


# ---------------------------------------------------------------------------------------------- corpus


def test_corpus_is_deterministic_and_article_sized():
    a = corpus.article(7, 12)
    assert a == corpus.article(7, 12)
    assert a != corpus.article(8, 12) and a != corpus.article(7, 13)
    words = [len(corpus.article(7, i)["text"].split()) for i in range(50)]
    assert 550 <= min(words) and max(words) <= 950
    text = corpus.as_text(a)
    assert text.startswith("---\ntitle: ") and f"publication_date: {a['publication_date']}" in text


def test_corpus_files_are_the_same_bytes_each_time(tmp_path):
    one = corpus.write(tmp_path / "a", 5)
    two = corpus.write(tmp_path / "b", 5)
    assert [p.read_bytes() for p in one] == [p.read_bytes() for p in two]
    assert [p.relative_to(tmp_path / "a") for p in one][0] == Path("0000/article-0000000.txt")


# ----------------------------------------------------------------------------------------------- cache


def _article(**kw) -> Article:
    base = dict(article_id="a", path="a.txt", text="Two people were killed.", content_hash="h1",
                title="T", publisher="P", publication_date=dt.date(2020, 1, 2), url=None)
    base.update(kw)
    return Article(**base)


def test_cache_key_follows_text_metadata_and_extractor_version():
    k = cache.key(_article(), "v1")
    assert k == cache.key(_article(path="moved/a.txt", line=3), "v1")  # where the file lies is not read
    for changed in (dict(content_hash="h2"), dict(title="U"), dict(publication_date=dt.date(2020, 1, 3)),
                    dict(article_id="b"), dict(publisher="Q")):
        assert cache.key(_article(**changed), "v1") != k, changed
    assert cache.key(_article(), "v2") != k


def test_payloads_round_trip_dates_and_failures():
    rows = [{"mention_id": "a#1", "event_date": dt.date(2020, 1, 1), "publication_date": None, "killed": 3}]
    assert cache.decode(cache.encode(rows)) == (rows, None)
    assert cache.decode(cache.encode(failure="ValueError: bad")) == ([], "ValueError: bad")


def test_cache_prunes_entries_no_build_used(tmp_path):
    c = cache.ExtractionCache(tmp_path, "v1")
    c.put_many([("k1", "p1"), ("k2", "p2")])
    c.close()
    c = cache.ExtractionCache(tmp_path, "v1")  # the next build uses k1 only (k2's article was deleted)
    assert c.get_many(["k1", "k3"]) == {"k1": "p1"}
    assert (c.hits, c.misses) == (1, 1)
    assert c.prune() == 1 and len(c) == 1
    c.close()


def test_memo_counts_what_a_build_used_without_holding_the_keys(tmp_path, monkeypatch):
    """Keys found one by one or many at a time, kept unread, or stored survive `prune`, however many (they
    go to a table of the connection's LIVE_BATCH at a time, not a set that grows with the corpus); the rest go."""
    monkeypatch.setattr(cache, "LIVE_BATCH", 3)
    memo = cache.Memo(tmp_path / "m.sqlite")
    memo.put_many([(f"old{i}", "p") for i in range(10)])
    memo.close()
    memo = cache.Memo(tmp_path / "m.sqlite")
    assert memo.get("old0") == "p" and memo.get("nope") is None
    assert set(memo.get_many(["old1", "old2", "old3", "nope"])) == {"old1", "old2", "old3"}
    memo.keep(["old4", "old5"])
    memo.put_many([("new", "p")])
    assert len(memo._live) < 3  # the others are in the table already
    assert memo.prune() == 4 and len(memo) == 7
    assert set(memo.get_many([f"old{i}" for i in range(10)] + ["new"])) == {f"old{i}" for i in range(6)} | {"new"}
    memo.close()


def test_cache_killed_mid_write_keeps_committed_entries(tmp_path):
    """A build SIGKILLed while writing a batch: the batches before it are whole, that one is absent."""
    code = f"""
import os, signal
from etl.cache import ExtractionCache
c = ExtractionCache({str(tmp_path)!r}, "v1")
c.put_many([("done", "payload")])
c._db.execute("BEGIN IMMEDIATE")
c._db.executemany("INSERT INTO results VALUES (?,?,?,?)", [(f"k{{i}}", "v1", "x" * 1000, "s") for i in range(2000)])
os.kill(os.getpid(), signal.SIGKILL)
"""
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    c = cache.ExtractionCache(tmp_path, "v1")
    assert c._db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert len(c) == 1 and c.get_many(["done", "k1"]) == {"done": "payload"}
    c.close()


# --------------------------------------------------------------------------------------------- resolve


def _reference_merge(mentions: list[dict]) -> list:
    """resolve.merge as it was before streaming: every incident kept to the end (the oracle)."""
    order = sorted(mentions, key=lambda m: (m.get("event_date") or dt.date.max, m["mention_id"]))
    incidents: list = []
    blocks: dict[tuple, list] = defaultdict(list)
    for m in order:
        week = resolve._week(m.get("event_date"))
        span = {"month": 5, "year": 53}.get(m.get("date_precision"), 2)
        candidates: dict = {}
        if week is not None:
            for w in range(week - span, week + span + 1):
                candidates.update((id(i), i) for i in blocks.get((m.get("country_code"), w), []))
            # every incident naming one of its people, however long ago (_match bounds the follow-up window)
            candidates.update((id(i), i) for i in incidents if i.mentions[0].get("country_code") == m.get("country_code")
                              and resolve._names(i) & resolve._names(m))
        scored = [(s, r, inc) for inc in candidates.values() if (sr := resolve._match(m, inc)) for s, r in [sr]]
        if scored:
            _, reason, inc = min(scored, key=lambda t: (t[0], t[2].mentions[0]["mention_id"]))
            inc.mentions.append(m)
            inc.reasons.append(reason)
        else:
            inc = resolve._Incident([m])
            incidents.append(inc)
        if week is not None and inc not in blocks[(m.get("country_code"), week)]:
            blocks[(m.get("country_code"), week)].append(inc)
    return incidents


def _random_mentions(n: int, seed: int) -> list[dict]:
    r = random.Random(seed)
    places = [("Kabul", "AFG", 34.5, 69.2), ("Herat", "AFG", 34.3, 62.2), ("Mosul", "IRQ", 36.3, 43.1),
              ("Tikrit", "IRQ", 34.6, 43.7), (None, "SYR", None, None)]
    out = []
    for i in range(n):
        place, cc, lat, lon = r.choice(places)
        precision = r.choice(["day", "day", "day", "week", "month", "year", None])
        day = dt.date(2015, 1, 1) + dt.timedelta(days=r.randrange(3 * 365))
        undated = precision is None and r.random() < 0.5
        killed = r.choice([None, 0, 2, 5, 9, 30])
        out.append(dict(
            mention_id=f"art{i // 3:04d}#{i % 3 + 1}", article_id=f"art{i // 3:04d}", source=r.choice("ABCD"),
            publication_date=day + dt.timedelta(days=r.randrange(4)), event_date=None if undated else day,
            date_precision=None if undated else precision or "week",
            date_phrase=None if precision in (None, "week") else "x", killed=killed, killed_low=killed,
            killed_high=None, wounded=r.choice([None, 1, 4]), wounded_low=None, wounded_high=None,
            location=place, admin1=None, country=cc, country_code=cc, latitude=lat, longitude=lon,
            geo_precision="exact" if place else "country", event_type=r.choice([None, "bombing", "shooting", "attack"]),
            perpetrator=r.choice([None, None, "Taliban", "Islamic State"]), perpetrator_status="unknown",
            people=r.choice([[], [], [], ["Ada Brook, 30"], ["Ada Brook"], ["Ben Cole, 41", "Ada Brook"]]),
            ages=r.choice([[], [], [9], [30]]), evidence="e", evidence_start=0, evidence_end=1))
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_streaming_merge_gives_the_incidents_of_the_all_in_memory_merge(seed):
    """Incidents leave memory once no later mention can reach them (by week, or by a person they name); the
    result must not change."""
    mentions = _random_mentions(1500, seed)
    expected = [[m["mention_id"] for m in inc.mentions] for inc in _reference_merge(mentions)]
    merged = resolve.merge(mentions)
    assert [[m["mention_id"] for m in inc.mentions] for inc in merged] == expected
    assert sum(len(e) > 1 for e in expected) > 50  # the data does merge across articles
    assert sum("both name" in r for inc in merged for r in inc.reasons) > 10  # ... and by the people named


def test_streaming_merge_refuses_unsorted_input():
    mentions = sorted(_random_mentions(20, 4), key=resolve.mention_order, reverse=True)
    with pytest.raises(ValueError, match="out of order"):
        list(resolve.merge_sorted(mentions))


# ---------------------------------------------------------------------------------------------- progress


def test_progress_in_a_log_is_plain_lines(capsys):
    from etl.progress import Progress

    p = Progress(stream=sys.stdout, log_every=0)
    assert p.mode == "lines"  # captured output is not a terminal
    p.update(10, cached=4)
    p.close()
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("extract: 10 articles, 4 from the cache, ") and "articles/s" in lines[0]
    assert "\r" not in "".join(lines) and lines[-1].startswith("extract: 10 articles in total")


# ---------------------------------------------------------------------------------------------- builds


def _build(seeds: Path, out: Path, **kw):
    from etl.pipeline import build

    return build([seeds], out / "data", out / "reports", ROOT / "expectations", log=lambda *a: None,
                 progress="off", **kw)


def _tables(out: Path) -> dict:
    return {t: pq.read_table(out / "data" / f"{t}.parquet") for t in TABLES}


def _assert_same(a: dict, b: dict) -> None:
    for t in TABLES:
        assert a[t].schema.equals(b[t].schema, check_metadata=True), t
        assert a[t].to_pylist() == b[t].to_pylist(), t


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """A 30-article corpus built on 2 local processes from an empty cache."""
    from etl import validate
    from etl.engine import LocalEngine

    validate.load_suites()  # great_expectations loaded once here: each build's forked validator inherits it
    root = tmp_path_factory.mktemp("scale")
    seeds = root / "seeds"
    corpus.write(seeds, 30)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(LocalEngine, "IN_PROCESS", 0)  # so few articles would be extracted in the build process
        result = _build(seeds, root / "parallel", workers=2)
    assert result.committed and result.statuses["ok"] == 30
    return root, seeds, _tables(root / "parallel")


@pytest.mark.slow
def test_one_process_gives_the_same_rows_in_the_same_order(small):
    root, seeds, parallel = small
    assert parallel["mentions"].num_rows > 60 and parallel["incidents"].num_rows > 0
    _build(seeds, root / "serial", workers=1)
    _assert_same(_tables(root / "serial"), parallel)


@pytest.mark.slow
def test_incremental_build_extracts_only_what_changed(small, tmp_path):
    root, seeds_in, _ = small
    seeds = tmp_path / "seeds"
    shutil.copytree(seeds_in, seeds)
    out = tmp_path / "inc"
    shutil.copytree(root / "parallel", out)  # the outputs and cache of a full build of these seeds
    cache_file = out / "data" / ".cache" / cache.FILE_NAME
    assert cache_file.exists()

    edited = seeds / "0000" / "article-0000004.txt"
    edited.write_text(edited.read_text() + "\nLater, officials said 12 more people had been killed in the attack.\n")
    deleted = seeds / "0000" / "article-0000007.txt"
    deleted.unlink()
    (seeds / "0000" / "article-0000099.txt").write_text(corpus.as_text(corpus.article(7, 99)))

    log: list[str] = []
    from etl.pipeline import build

    build([seeds], out / "data", out / "reports", ROOT / "expectations", log=log.append, progress="off", workers=2)
    assert any(line.startswith("extracted 2 articles") and "28 from the cache" in line for line in log), log
    assert any(line.startswith("extracted 2 articles with the build process") for line in log), log  # no pool for 2
    incremental = _tables(out)
    ids = set(incremental["articles"].column("article_id").to_pylist())
    assert "0000/article-0000099" in ids and "0000/article-0000007" not in ids
    assert not any(m.startswith("0000/article-0000007#") for m in incremental["mentions"].column("mention_id").to_pylist())

    fresh = _build(seeds, tmp_path / "fresh", workers=1)  # its own, empty cache
    assert fresh.committed
    _assert_same(incremental, _tables(tmp_path / "fresh"))
    # the deleted article's entry went; the cache holds exactly this build's 30 articles
    c = cache.ExtractionCache(cache_file.parent, "any")
    assert len(c) == 30
    c.close()


@pytest.mark.slow
def test_a_changed_extractor_version_misses_the_cache(small, tmp_path, monkeypatch):
    root, all_seeds, parallel = small
    shutil.copytree(root / "parallel" / "data" / ".cache", tmp_path / "cache")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for p in sorted(all_seeds.rglob("*.txt"))[:3]:  # three cached articles are enough
        shutil.copy(p, seeds)
    from etl import pipeline

    log: list[str] = []
    monkeypatch.setattr(pipeline, "extractor_version", lambda: "some-other-version")
    pipeline.build([seeds], tmp_path / "data", tmp_path / "reports", ROOT / "expectations", log=log.append,
                   progress="off", workers=1, cache_dir=tmp_path / "cache")
    assert any(line.startswith("extracted 3 articles") for line in log), log


@pytest.mark.slow
def test_dask_cluster_gives_the_same_rows(small, tmp_path, monkeypatch):
    """A real dask.distributed cluster on loopback: 2 worker processes, tasks shipped over TCP."""
    distributed = pytest.importorskip("distributed")
    root, seeds, parallel = small
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, protocol="tcp") as cluster:
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        log: list[str] = []
        from etl.pipeline import build

        monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", cluster.scheduler_address)  # as a user would set it
        extractor_version.cache_clear()  # the workers hash the code as it is now; so must this process
        build([seeds], tmp_path / "data", tmp_path / "reports", ROOT / "expectations", log=log.append,
              progress="off")
    assert any(line.startswith("extracted 30 articles with Dask cluster at tcp://127.0.0.1:") for line in log), log
    _assert_same(_tables(tmp_path), parallel)


@pytest.mark.slow
def test_partitioned_dataset_reads_as_one_table(small, tmp_path):
    import duckdb
    import polars as pl

    root, seeds, parallel = small
    shutil.copytree(root / "parallel" / "data" / ".cache", tmp_path / "data" / ".cache")  # extraction is not tested here
    result = _build(seeds, tmp_path, workers=1, partition_by="year")
    data = tmp_path / "data"
    assert not (data / "incidents.parquet").exists() and (data / "incidents").is_dir()
    years = sorted(p.name for p in (data / "incidents").iterdir())
    assert years and all(y.startswith("year=") for y in years)
    want = sorted(parallel["incidents"].column("incident_id").to_pylist())
    got = duckdb.sql(f"SELECT incident_id, year, event_date FROM read_parquet('{data}/incidents/**/*.parquet', "
                     "hive_partitioning=true)").fetchall()
    assert sorted(r[0] for r in got) == want
    assert all(r[1] == r[2].year for r in got if r[2] is not None)
    frame = pl.scan_parquet(data / "mentions", hive_partitioning=True).collect()
    assert sorted(frame["mention_id"].to_list()) == sorted(parallel["mentions"].column("mention_id").to_pylist())
    manifest = (data / "manifest.json").read_text()
    assert '"incidents/year=' in manifest and result.rows["incidents"] == len(want)

    # back to single files: the partitioned folders go
    _build(seeds, tmp_path, workers=1)
    assert (data / "incidents.parquet").exists() and not (data / "incidents").exists()


def test_validation_in_chunks_adds_up_and_catches_ids_repeated_across_chunks(tmp_path):
    """A table checked a few rows at a time: the same rows pass and are held back as in one pass."""
    from etl import store, stream, validate

    rows = [dict(article_id=f"a{i}", path=f"a{i}.txt", status="ok", n_mentions=1) for i in range(7)]
    rows[5]["article_id"] = "a1"           # a copy of a1's id, two chunks later
    rows[3]["status"] = "error"            # an error without a message: a hard failure in its own chunk
    writer = store.TableWriter("articles", tmp_path / "staged.parquet")
    writer.write(rows)
    writer.close()
    suite = validate.load_suites()["articles"]
    whole = stream.validate_all("articles", tmp_path / "staged.parquet", tmp_path / "one.parquet", suite, tmp_path)
    chunked = stream.validate_all("articles", tmp_path / "staged.parquet", tmp_path / "many.parquet", suite, tmp_path,
                                  chunk_rows=2)
    for v in (whole, chunked):
        assert v.rows == 7 and v.passed == 4 and v.validation.rows == 7
        assert sorted(v.validation.quarantined["row_id"]) == ["a1", "a1", "a3"]
        failed = {r.name: r.unexpected_count for r in v.validation.failed}
        assert failed["expect_column_values_to_be_unique(article_id)"] == 2
    assert pq.read_table(tmp_path / "one.parquet").to_pylist() == pq.read_table(tmp_path / "many.parquet").to_pylist()
    assert validate.summary_lines({"articles": chunked.validation}) == validate.summary_lines({"articles": whole.validation})


def test_validation_in_chunks_keeps_no_rows_of_the_chunks(tmp_path):
    """Memory stays flat over a long table: what is kept of each chunk checked (its findings) holds none of its
    rows' Arrow buffers."""
    import pyarrow as pa

    from etl import store, stream, validate

    rows = [dict(article_id=f"a{i}", path=f"{'x' * 1000}{i}.txt", status="ok", n_mentions=1) for i in range(600)]
    writer = store.TableWriter("articles", tmp_path / "staged.parquet")
    writer.write(rows)
    writer.close()
    suite = validate.load_suites()["articles"]
    before = pa.total_allocated_bytes()
    checked = stream.validate_all("articles", tmp_path / "staged.parquet", tmp_path / "out.parquet", suite, tmp_path,
                                  chunk_rows=100)
    assert checked.chunks >= 6 and checked.passed == 600
    assert pa.total_allocated_bytes() - before < 100_000  # the table's paths alone are 600 KB


def test_sorted_tables_sorts_out_of_core_as_python_sorts(tmp_path, monkeypatch):
    """Rows sorted in runs on disk and merged come out in Python's order (nulls last, strings by code point),
    only the rows kept, whatever the run and batch sizes."""
    from etl import store, stream

    monkeypatch.setattr(stream, "SORT_RUN_ROWS", 97)
    monkeypatch.setattr(stream, "MERGE_ROWS", 13)
    monkeypatch.setattr(stream, "READ_ROWS", 50)
    mentions = _random_mentions(900, 5)
    for m in mentions[::11]:
        m["country_code"] = None
    for m in mentions[::5]:
        m["mention_id"] = m["mention_id"].replace("art", "Ärt")
    writer = store.TableWriter("mentions", tmp_path / "m.parquet")
    writer.write(mentions)
    writer.close()

    def keep(table):
        import pyarrow.compute as pc

        return pc.not_equal(table.column("source").cast("string"), "A")

    tables = list(stream.sorted_tables(tmp_path / "m.parquet", ("country_code", "event_date", "mention_id"), tmp_path,
                                       keep=keep))
    got = [(r["country_code"], r["event_date"], r["mention_id"]) for t in tables for r in t.to_pylist()]
    wanted = sorted(((m["country_code"], m["event_date"], m["mention_id"]) for m in mentions if m["source"] != "A"),
                    key=lambda k: tuple((v is None, v or 0) for v in k))
    assert got == wanted and len(got) > 600
    assert all(t.num_rows == 50 for t in tables[:-1])
    assert not list(tmp_path.glob("sort-*"))  # the runs are removed
    monkeypatch.setattr(stream, "SORT_RUN_ROWS", 900)  # one run, sorted in memory: the same rows
    one_run = stream.sorted_tables(tmp_path / "m.parquet", ("country_code", "event_date", "mention_id"), tmp_path,
                                   keep=keep)
    assert [r for t in one_run for r in t.to_pylist()] == [r for t in tables for r in t.to_pylist()]


def test_table_writer_streams_rows_into_whole_row_groups(tmp_path):
    """Rows written in odd-sized batches come out in order, in row groups of the size asked for."""
    from etl.store import TableWriter

    writer = TableWriter("articles", tmp_path / "a.parquet", rows_per_group=5000)
    rows = [dict(article_id=f"a{i}", path="p", status="ok", n_mentions=i) for i in range(12345)]
    for i in range(0, len(rows), 777):
        writer.write(rows[i:i + 777])
    assert writer.close() == 12345
    meta = pq.ParquetFile(tmp_path / "a.parquet").metadata
    assert [meta.row_group(i).num_rows for i in range(meta.num_row_groups)] == [5000, 5000, 2345]
    assert pq.read_table(tmp_path / "a.parquet").column("n_mentions").to_pylist() == list(range(12345))
