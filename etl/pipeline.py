"""The build, step by step: ingest -> extract -> resolve -> validate -> store -> report."""
from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import shutil
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import pandas as pd

from etl import store, stream
from etl.cache import ExtractionCache, IngestIndex, Memo
from etl.engine import make_engine
from etl.extract import extractor_version
from etl.ingest import iter_articles
from etl.progress import Progress
from etl.schema import TABLES

CACHE_DIR = ".cache"        # inside the data folder, unless --cache-dir says otherwise
RESOLVE_MEMO = "resolve.sqlite"  # in the cache folder: incident rows per group of mentions (stream.resolve_all)
RUNS_MEMO = "runs.sqlite"   # in the cache folder: mention rows per run of articles (stream.extract_all)
WORK_PREFIX = ".work-"      # a build's private folder inside the data folder, removed when it ends
PARTITIONED = ("mentions", "incidents")  # the tables --partition-by writes as Hive-partitioned datasets
PARTITION_KEYS = ("year",)  # year of event_date



@dataclass
class BuildResult:
    statuses: Counter = field(default_factory=Counter)
    rows: dict[str, int] = field(default_factory=dict)
    quarantined: dict[str, int] = field(default_factory=dict)
    validation_lines: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    committed: bool = False  # False: nothing was written (--strict with input errors)
    recovered: list[str] = field(default_factory=list)  # what an interrupted earlier build left, and what became of it
    validated_chunks: tuple[int, int] = (0, 0)  # (checked by great_expectations, all): the rest were unchanged

    @property
    def n_inputs(self) -> int:
        """Input files plus JSONL lines: each is one row of the articles table, with one status."""
        return sum(self.statuses.values())


def build(seeds: list[Path], data_dir: Path, reports_dir: Path, expectations_dir: Path,
          log=print, strict: bool = False, *, workers: int | None = None, scheduler: str | None = None,
          cache_dir: Path | None = None, partition_by: str | None = None, progress: str | None = None) -> BuildResult:
    """Read, extract, resolve, validate; then write data/ and reports/ as one set (etl/store.py output_set).

    With `strict`, any input error stops the build before anything is written (result.committed is False).
    Articles stream through extraction in batches on `workers` local processes (default: every core) or on
    the Dask cluster at `scheduler` (or $DASK_SCHEDULER_ADDRESS); results are cached per article in
    `cache_dir` (default data/.cache/), so a rebuild extracts only new or edited articles. Tables go through
    the later steps as Parquet files, a batch at a time. The output is the same whatever the engine.
    `partition_by="year"` writes mentions and incidents as Hive-partitioned datasets (data/mentions/year=...).
    `progress`: "bar", "lines", "off" or None (a bar on a terminal, lines otherwise).
    """
    if partition_by is not None and partition_by not in PARTITION_KEYS:
        raise ValueError(f"cannot partition by {partition_by!r}; known: {', '.join(PARTITION_KEYS)}")
    result = BuildResult()
    result.recovered = store.recover(data_dir, reports_dir)
    for note in result.recovered:
        log(f"recovered: {note}")
    iter_articles(seeds)  # raises FileNotFoundError now, before anything is set up (nothing is read yet)
    cache_dir = cache_dir or data_dir / CACHE_DIR
    index = IngestIndex(cache_dir)
    articles = iter_articles(seeds, index=index)  # files unchanged since the last build are not read again
    stream.use_system_allocator()
    version = extractor_version()
    work = _work_folder(data_dir)
    engine = results_cache = validator = resolved = runs = None
    try:
        validator = stream.Validator(work, expectations_dir, cache_dir)  # loads great_expectations meanwhile
        results_cache = ExtractionCache(cache_dir, version)
        resolved = Memo(cache_dir / RESOLVE_MEMO)
        runs = Memo(cache_dir / RUNS_MEMO)
        engine = make_engine(workers, scheduler)
        extracted = stream.extract_all(articles, work, engine, results_cache, version, Progress(mode=progress),
                                       runs=runs, texts=index.texts)
        engine.close()
        stream.release_memory()  # what extraction freed goes back before the merge and the validation
        result.statuses, result.errors = extracted.statuses, extracted.errors
        log(f"read {sum(result.statuses.values())} articles: "
            + ", ".join(f"{n} {s}" for s, n in sorted(result.statuses.items()))
            + f"; {index.misses} files read, {index.hits} from the ingest index")
        log(f"extracted {extracted.extracted} articles with {engine.name}, {extracted.cached} from the cache"
            f" ({extracted.reused} in runs whose rows were kept whole)")
        results_cache.prune()  # every input was read: entries no article used are garbage
        runs.prune()
        index.prune()
        if strict and result.errors:
            return result  # nothing staged, nothing written: the previous outputs stay as they were

        validator.start("articles", "mentions")  # checked while the incidents are merged
        t = time.perf_counter()
        n_incidents, groups, merged = stream.resolve_all(work / "mentions.parquet", work / "incidents.parquet", work,
                                                         memo=resolved)
        log(f"merged {extracted.mentions} mentions into {n_incidents} incidents in {time.perf_counter() - t:.1f} s "
            f"({merged} of {groups} groups merged again, the others unchanged)")
        stream.release_memory()
        validator.start("incidents")
        from etl import report  # matplotlib is slow to import; only the build needs it

        # The charts are drawn while great_expectations checks the incidents; again below if it holds any back.
        incidents = report.summarise(_batches(work / "incidents.parquet", report.INCIDENT_REPORT_COLUMNS))
        charts = report.draw_charts(incidents)
        t = time.perf_counter()
        validation_html = _validate(validator, work, result)
        validator.prune()
        resolved.prune()
        validator.close()  # its memory goes back before the page is rendered and the tables are moved
        log(f"validated in {time.perf_counter() - t:.1f} s after merging; great_expectations checked "
            f"{result.validated_chunks[0]} of {result.validated_chunks[1]} chunks, the others unchanged")
        store.checkpoint("validated")
        if result.quarantined["incidents"]:  # the charts and the page show the incidents that passed
            incidents = report.summarise(_batches(work / "out" / "incidents.parquet", report.INCIDENT_REPORT_COLUMNS))
            charts = report.draw_charts(incidents)
        if result.rows["articles"] + result.quarantined.get("articles", 0) != result.n_inputs:
            raise RuntimeError(f"{result.n_inputs} inputs read but {result.rows['articles']} article rows "
                               f"and {result.quarantined.get('articles', 0)} quarantined: an input went missing")

        with store.output_set(data_dir, reports_dir) as (stage_data, stage_reports):
            inputs = {"articles": extracted.n_hashed, "sha256": extracted.inputs.hexdigest()}
            manifest = _write(work / "out", inputs, validation_html, incidents, charts, stage_data, stage_reports,
                              result, partition_by)
        result.committed = True
        result.files = [data_dir / p.relative_to(stage_data) if p.is_relative_to(stage_data)
                        else reports_dir / p.relative_to(stage_reports) for p in result.files]
        _remove_stale(data_dir, manifest, partition_by)
        return result
    finally:
        for part in (engine, results_cache, validator, index, resolved, runs):
            if part is not None:
                part.close()
        shutil.rmtree(work, ignore_errors=True)


def _work_folder(data_dir: Path) -> Path:
    """A private folder for this build's intermediate files, beside the outputs (so they move by rename);
    folders left by killed builds (their process gone) are removed."""
    data_dir.mkdir(parents=True, exist_ok=True)
    for old in data_dir.glob(f"{WORK_PREFIX}*"):
        pid = old.name[len(WORK_PREFIX):].split("-")[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(old, ignore_errors=True)
    work = data_dir / f"{WORK_PREFIX}{os.getpid()}-{secrets.token_hex(4)}"
    (work / "out").mkdir(parents=True)
    return work


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove_stale(data_dir: Path, manifest: dict, partition_by: str | None) -> None:
    """After the commit: drop table files of the other layout (single file vs partitioned dataset) and
    partitions the new build did not write (a year with no incidents left)."""
    listed = set(manifest["files"])
    for name in PARTITIONED:
        single, folder = data_dir / f"{name}.parquet", data_dir / name
        if partition_by:
            single.unlink(missing_ok=True)
            for f in sorted(folder.rglob("*.parquet")):
                if f.relative_to(data_dir).as_posix() not in listed:
                    f.unlink()
            for d in sorted((d for d in folder.rglob("*") if d.is_dir()), reverse=True):
                if not any(d.iterdir()):
                    d.rmdir()
        elif folder.is_dir():
            shutil.rmtree(folder)


def _write(tables_dir: Path, inputs: dict, validation_html: str, incidents, charts: dict[str, bytes], data_dir: Path,
           reports_dir: Path, result: BuildResult, partition_by: str | None = None) -> dict:
    """Move the validated tables from `tables_dir` and write the report (`incidents`: what report.summarise made
    of those validated, `charts` drawn from it) into the (staging) folders given; the manifest last, listing
    them all. Returns the manifest."""
    import pyarrow.parquet as pq

    from etl import report

    # The report first, while the tables are still where they were validated.
    summary = {"statuses": dict(result.statuses), "rows": result.rows, "quarantined": result.quarantined}
    written = report.write_report(incidents,
                                  _batches(tables_dir / "articles.parquet", report.ARTICLE_REPORT_COLUMNS),
                                  reports_dir, validation_html, summary, charts)
    manifest = {
        "built_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "extractor_version": extractor_version(),
        "python": sys.version.split()[0],
        "inputs": inputs,
        "files": {},
    }
    for name in ("articles", "mentions", "incidents", "quarantine"):
        src = tables_dir / f"{name}.parquet"
        if partition_by and name in PARTITIONED:
            paths = store.write_partitioned(src, data_dir / name, partition_by)
        else:
            paths = [data_dir / src.name]
            os.replace(src, paths[0])
            store.checkpoint(f"wrote:{src.name}")
        for path in paths:
            rows = pq.ParquetFile(path).metadata.num_rows
            manifest["files"][path.relative_to(data_dir).as_posix()] = {"rows": rows,
                                                                        "sha256": store.sha256_file(path)}
        result.files += paths
    manifest["reports"] = {p.relative_to(reports_dir).as_posix(): {"sha256": store.sha256_file(p)} for p in written}
    result.files += written

    manifest_path = data_dir / "manifest.json"
    store.write_text(manifest_path, json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    result.files.append(manifest_path)
    return manifest


def _batches(path: Path, columns: tuple[str, ...]) -> Iterator[pd.DataFrame]:
    """These columns of a Parquet table, a few thousand rows at a time (the report's memory stays flat)."""
    import pyarrow.parquet as pq

    for batch in pq.ParquetFile(path).iter_batches(batch_size=stream.READ_ROWS, columns=list(columns)):
        yield batch.to_pandas(types_mapper=pd.ArrowDtype)


def _validate(validator: stream.Validator, work: Path, result: BuildResult) -> str:
    """The validator's results: work/out/<table>.parquet (rows passing every hard expectation) and
    work/out/quarantine.parquet; returns the validation report fragment."""
    from etl import validate  # its report helpers; great_expectations itself is loaded in the validator

    validations, quarantined = {}, []
    for name in ("articles", "mentions", "incidents"):
        checked = validator.result(name)
        result.validated_chunks = (result.validated_chunks[0] + checked.fresh, result.validated_chunks[1] + checked.chunks)
        v = validations[name] = checked.validation
        result.rows[name] = checked.passed
        result.quarantined[name] = len(v.quarantined)
        if len(v.quarantined):
            quarantined.append(v.quarantined)
    result.validation_lines = validate.summary_lines(validations)
    q = pd.concat(quarantined, ignore_index=True) if quarantined else pd.DataFrame(columns=[c.name for c in TABLES["quarantine"]])
    writer = store.TableWriter("quarantine", work / "out" / "quarantine.parquet")
    writer.write(stream.records(q))
    result.rows["quarantine"] = writer.close()
    return validate.render_report(validations)
