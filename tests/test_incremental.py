"""Incremental builds: after adding, editing and deleting articles, a rebuild that reuses the cache writes the
same files, byte for byte, as a build of the same inputs from an empty cache, and it re-reads only what changed.
"""
from __future__ import annotations

import dataclasses
import json
import os
import shutil
import time
from pathlib import Path

import pytest

from etl import cache
from etl.bench import corpus
from etl.ingest import iter_articles

ROOT = Path(__file__).resolve().parent.parent
OLD = time.time() - 3600  # inputs last modified an hour ago: old enough for the ingest index to trust


def _age(folder: Path) -> None:
    for p in folder.rglob("*"):
        if p.is_file():
            os.utime(p, (OLD, OLD))


def _build(seeds: Path, out: Path, log: list | None = None, **kw):
    from etl.pipeline import build

    return build([seeds], out / "data", out / "reports", ROOT / "expectations",
                 log=(log.append if log is not None else lambda *a: None), progress="off", workers=1, **kw)


def _files(out: Path) -> dict[str, bytes]:
    """Every output a reader sees, by path; the manifest without its build time."""
    found = {}
    for folder in ("data", "reports"):
        for p in sorted((out / folder).rglob("*")):
            rel = p.relative_to(out)
            if p.is_file() and not any(part.startswith(".") for part in rel.parts):
                found[rel.as_posix()] = p.read_bytes()
    manifest = json.loads(found.pop("data/manifest.json"))
    manifest.pop("built_at")
    found["data/manifest.json"] = json.dumps(manifest, sort_keys=True).encode()
    return found


def _feed(folder: Path, lines: list[dict]) -> None:
    (folder / "feed.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")


FEED = [
    {"id": "wire-1", "text": "A car bomb killed 12 people and wounded 30 at a market in Kirkuk, Iraq, on Monday, "
                             "police said.", "publication_date": "2024-03-06", "source": "Wire"},
    {"id": "wire-2", "text": "Gunmen killed four soldiers at a checkpoint near Peshawar, Pakistan, on Tuesday.",
     "publication_date": "2024-03-06", "source": "Wire"},
    {"id": "wire-3", "text": "Officials in Kano opened a new road on Sunday.", "publication_date": "2024-03-05",
     "source": "Wire"},
]


@pytest.mark.slow
def test_rebuild_after_edits_writes_what_a_fresh_build_writes(tmp_path):
    seeds = tmp_path / "seeds"
    corpus.write(seeds / "stories", 24)
    _feed(seeds, FEED)
    (seeds / "NOTICE.md").write_text("Not an article.\n")
    _age(seeds)
    out = tmp_path / "out"
    first = _build(seeds, out)
    assert first.committed and first.statuses["ok"] == 26

    edited = seeds / "stories" / "0000" / "article-0000004.txt"
    edited.write_text(edited.read_text() + "\nLater, officials said 12 more people had been killed in the attack.\n")
    (seeds / "stories" / "0000" / "article-0000007.txt").unlink()
    (seeds / "stories" / "0000" / "article-0000099.txt").write_text(corpus.as_text(corpus.article(7, 99)))
    _feed(seeds, [FEED[0], {**FEED[1], "text": FEED[1]["text"].replace("four", "five")}, FEED[2]])

    log: list[str] = []
    again = _build(seeds, out, log)
    assert again.committed
    # the three changed files were read again, the other 22 files (21 stories and the notice's neighbours) not
    assert any(line.startswith("read 28 articles") and "3 files read, 22 from the ingest index" in line
               for line in log), log
    assert any(line.startswith("extracted 3 articles") for line in log), log
    merged = next(line for line in log if line.startswith("merged "))
    again, groups = map(int, merged.split("(")[1].split(" groups")[0].split(" of "))
    assert 0 < again < groups, merged  # only the countries of the changed articles' mentions
    # each table is one chunk here, and each changed: all three checked again (tested on its own below)
    assert any("great_expectations checked 3 of 3 chunks" in line for line in log), log

    fresh = tmp_path / "fresh"
    _build(seeds, fresh)
    incremental, expected = _files(out), _files(fresh)
    assert sorted(incremental) == sorted(expected)
    for name in expected:
        assert incremental[name] == expected[name], f"{name} differs from a fresh build's"


def test_ingest_index_gives_the_articles_a_fresh_read_gives(tmp_path):
    seeds = tmp_path / "seeds"
    corpus.write(seeds / "stories", 5)
    _feed(seeds, FEED)
    (seeds / "front.md").write_text("---\ntitle: Bomb kills five\npublication_date: 2024-05-02 10:30:00\n---\n"
                                    "A bomb killed five people in Kabul on Wednesday.\n")
    (seeds / "dup.txt").write_text(FEED[0]["text"])  # the same text as a JSONL line: a duplicate
    _age(seeds)
    index = cache.IngestIndex(tmp_path / "cache")
    first = list(iter_articles([seeds], index=index))
    assert index.misses == 8 and index.hits == 0
    second = list(iter_articles([seeds], index=index))
    assert index.hits == 8
    assert first == list(iter_articles([seeds]))
    # an unchanged file's texts are not read back: the index gives them by content hash when they are needed
    assert all(a.text is None for a in second if a.status == "ok")
    texts = index.texts([a.content_hash for a in second if a.status == "ok"])
    assert [dataclasses.replace(a, text=texts[a.content_hash]) if a.text is None else a for a in second] == first
    assert [a.status for a in first].count("duplicate") == 1

    # touched (same bytes, new mtime): read again; modified just now: read, but not indexed until it settles
    os.utime(seeds / "front.md", (OLD + 10, OLD + 10))
    (seeds / "dup.txt").write_text("Three people were killed in Kabul on Monday.")
    hits = index.hits
    third = list(iter_articles([seeds], index=index))
    assert index.hits == hits + 6
    assert [a.content_hash for a in third] == [a.content_hash for a in iter_articles([seeds])]
    list(iter_articles([seeds], index=index))
    assert index.hits == hits + 6 + 7  # front.md is indexed again; dup.txt, just written, is not yet
    index.close()


def test_chunks_are_cut_by_content(tmp_path):
    """An edit, an insertion or a deletion moves no chunk boundary outside the chunk it falls in."""
    from etl.stream import CHUNK_CUT, VALIDATION_ROWS, chunk_ends

    ids = [f"a{i}#1" for i in range(20 * CHUNK_CUT)]
    ends = chunk_ends(ids, VALIDATION_ROWS)
    assert ends[-1] == len(ids) and all(b > a for a, b in zip([0] + ends, ends))
    sizes = [b - a for a, b in zip([0] + ends, ends)]
    assert max(sizes) <= VALIDATION_ROWS and len(ends) > 10
    inserted = ids[:5000] + ["new#1"] + ids[5000:]
    moved = {e + (e > 5000) for e in ends}  # the same cuts, one row later past the insertion
    assert len(moved ^ set(chunk_ends(inserted, VALIDATION_ROWS))) <= 2 * 2


@pytest.mark.slow
def test_validation_checks_only_the_chunks_that_changed(tmp_path, monkeypatch):
    """Findings of unchanged chunks are kept: great_expectations sees only the chunk an edit falls in."""
    from etl import stream, validate

    monkeypatch.setattr(stream, "CHUNK_CUT", 4)
    rows = [dict(article_id=f"a{i}", path=f"a{i}.txt", status="ok", n_mentions=1) for i in range(60)]
    rows[7]["status"] = "error"  # fails a hard expectation: held back, remembered as such
    suite = validate.load_suites()["articles"]
    memo = cache.Memo(tmp_path / "validate.sqlite")

    def check(rows, name):
        writer = stream.store.TableWriter("articles", tmp_path / f"{name}.parquet")
        writer.write(rows)
        writer.close()
        return stream.validate_all("articles", tmp_path / f"{name}.parquet", tmp_path / f"{name}.out.parquet",
                                   suite, tmp_path, memo=memo, context="test")

    first = check(rows, "first")
    assert first.fresh == first.chunks > 3
    rows[40]["n_mentions"] = 2
    second = check(rows, "second")
    assert second.fresh == 1 and second.chunks == first.chunks
    fresh = stream.validate_all("articles", tmp_path / "second.parquet", tmp_path / "alone.parquet", suite, tmp_path)
    assert (tmp_path / "second.out.parquet").read_bytes() == (tmp_path / "alone.parquet").read_bytes()
    assert validate.render_report({"articles": second.validation}) == validate.render_report({"articles": fresh.validation})
    assert list(second.validation.quarantined["row_id"]) == ["a7"]


@pytest.mark.parametrize("seed", [1, 2])
def test_groups_merge_on_their_own(seed):
    """What lets a rebuild re-merge only the countries that changed: merging each group of mentions
    (resolve.BLOCK_COLUMNS) alone gives exactly the incidents of merging them all together."""
    from collections import defaultdict

    from etl import resolve
    from tests.test_scale import _random_mentions

    mentions = _random_mentions(1500, seed)
    groups = defaultdict(list)
    for m in mentions:
        groups[resolve.block_of(m)].append(m)
    assert len(groups) > 2
    apart = sorted((row for g in groups.values() for row in resolve.incidents(g)), key=resolve.incident_order)
    assert apart == resolve.incidents(mentions)


@pytest.mark.slow
def test_runs_of_unchanged_articles_keep_their_rows(tmp_path):
    """A rebuild takes the mention rows of each run of articles that all read as before from the runs memo
    (runs.sqlite) instead of decoding every article's cached result, and writes the same tables, byte for byte."""
    from etl import stream
    from etl.engine import SerialEngine
    from etl.extract import extractor_version

    seeds = tmp_path / "seeds"
    corpus.write(seeds, 120)
    version = extractor_version()
    results = cache.ExtractionCache(tmp_path / "cache", version)
    runs = cache.Memo(tmp_path / "cache" / "runs.sqlite")

    def extract(name: str, runs):
        work = tmp_path / name
        work.mkdir()
        out = stream.extract_all(iter_articles([seeds]), work, SerialEngine(), results, version, runs=runs)
        return out, {t: (work / f"{t}.parquet").read_bytes() for t in ("articles", "mentions")}

    first, _ = extract("first", runs)
    assert first.extracted == 120 and first.reused == 0
    edited = seeds / "0000" / "article-0000050.txt"
    edited.write_text(edited.read_text() + "\nLater, officials said 12 more people had been killed in the attack.\n")
    again, tables = extract("again", runs)
    assert again.extracted == 1 and again.cached == 119
    assert 60 < again.reused < 119  # every run but the edited article's
    _, expected = extract("decoded", None)  # every article's result decoded from the cache again
    assert tables == expected
    results.close()
    runs.close()


def test_an_index_whose_texts_file_was_deleted_starts_afresh(tmp_path):
    """Someone deletes ingest-texts.sqlite (a cache, after all) but not ingest.sqlite: the next build reads every
    file again rather than stopping because the texts of unchanged files are gone."""
    seeds = tmp_path / "seeds"
    corpus.write(seeds / "stories", 3)
    _age(seeds)
    index = cache.IngestIndex(tmp_path / "cache")
    list(iter_articles([seeds], index=index))
    index.close()
    (tmp_path / "cache" / cache.IngestIndex.TEXTS_FILE_NAME).unlink()
    index = cache.IngestIndex(tmp_path / "cache")
    again = list(iter_articles([seeds], index=index))
    assert index.hits == 0 and index.misses == 3 and all(a.text for a in again)
    index.close()


def test_texts_the_index_holds_are_fetched_for_the_articles_to_extract(tmp_path):
    """Files unchanged since the last build come from the ingest index without their texts; extraction fetches
    the texts of the articles it has to run (here all: a new extractor version) and writes what a fresh read
    gives."""
    from etl import stream
    from etl.engine import SerialEngine

    seeds = tmp_path / "seeds"
    corpus.write(seeds / "stories", 6)
    _feed(seeds, FEED)
    _age(seeds)
    index = cache.IngestIndex(tmp_path / "cache")
    list(iter_articles([seeds], index=index))  # indexed

    def extract(name: str, articles):
        work = tmp_path / name
        work.mkdir()
        results = cache.ExtractionCache(work / "cache", "v")
        out = stream.extract_all(articles, work, SerialEngine(), results, "v", texts=index.texts)
        results.close()
        return out, {t: (work / f"{t}.parquet").read_bytes() for t in ("articles", "mentions")}

    lazy, tables = extract("lazy", iter_articles([seeds], index=index))
    assert index.hits == 7 and lazy.extracted == 9 and lazy.mentions > 9
    assert tables == extract("fresh", iter_articles([seeds]))[1]
    index.close()


@pytest.mark.slow
def test_charts_show_only_the_incidents_that_passed(tmp_path):
    """The build draws the charts while great_expectations checks the incidents; when it holds one back they
    are drawn again, so they show exactly the incidents table written."""
    import pandas as pd
    import pyarrow.parquet as pq

    from etl import report

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    _feed(seeds, [*FEED, {"id": "toll", "text": "Militants killed 50,000 people in Kabul, Afghanistan, on Monday.",
                          "publication_date": "2024-03-06", "source": "Wire"}])
    out = tmp_path / "out"
    result = _build(seeds, out)
    assert result.committed and result.quarantined["incidents"] == 1
    incidents = pq.read_table(out / "data" / "incidents.parquet", columns=list(report.CHART_COLUMNS))
    charts = report.draw_charts(incidents.to_pandas(types_mapper=pd.ArrowDtype))
    for key, name in report.CHART_FILES.items():
        assert (out / "reports" / name).read_bytes() == charts[key], name


def test_resolve_memo_merges_again_only_the_group_that_changed(tmp_path, monkeypatch):
    """resolve_all keeps each group's incident rows in the memo, a few rows at a time: a rebuild merges again
    only the group whose mentions changed (a country, or the mentions with none), and writes what merging
    everything afresh writes."""
    import pyarrow.parquet as pq

    from etl import store, stream
    from etl.cache import Memo
    from tests.test_scale import _random_mentions

    monkeypatch.setattr(stream, "READ_ROWS", 50)  # groups of hundreds of incidents: several memo parts each
    mentions = _random_mentions(900, 4)
    for m in mentions[::7]:
        m["country_code"] = m["country"] = None

    def resolve(rows, name, memo):
        writer = store.TableWriter("mentions", tmp_path / f"{name}.mentions.parquet")
        writer.write(rows)
        writer.close()
        work = tmp_path / name
        work.mkdir()
        counts = stream.resolve_all(tmp_path / f"{name}.mentions.parquet", tmp_path / f"{name}.parquet", work, memo)
        return counts, pq.read_table(tmp_path / f"{name}.parquet")

    memo = Memo(tmp_path / "resolve.sqlite")
    (rows, groups, merged), first = resolve(mentions, "first", memo)
    assert groups == merged == 4 and rows == first.num_rows > 200
    (_, _, merged), again = resolve(mentions, "again", memo)
    assert merged == 0 and again.equals(first)

    edited = next(m for m in mentions if m["country_code"] is None)
    edited["killed"] = edited["killed_low"] = 77
    (_, groups, merged), rebuilt = resolve(mentions, "edited", memo)
    (_, _, _), fresh = resolve(mentions, "fresh", None)
    assert (groups, merged) == (4, 1)
    assert rebuilt.equals(fresh) and not rebuilt.equals(first)
