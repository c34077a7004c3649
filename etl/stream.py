"""The build's steps over corpora too big for memory: articles in batches, tables as Parquet files on disk.

extract_all: articles in runs -> the run's kept rows, or cache lookups and extraction of the misses (engine)
             -> articles/mentions Parquet, in input order, a run at a time.
resolve_all: mentions Parquet -> per group (country), unless the memo has its incidents: sorted out of core
             (sorted_tables) -> resolve.merge_sorted -> incidents Parquet, in (event_date, incident_id) order.
validate_all: each table in chunks of rows through the expectation suites -> validated Parquet + quarantine.
Every step reads and writes files in the build's work folder; none holds a whole table in memory.
"""
from __future__ import annotations

import dataclasses
import functools
import gc
import hashlib
import itertools
import json
import os
import zlib
from collections import Counter, deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from etl import cache as cache_mod
from etl import store
from etl.engine import die_with_parent
from etl.schema import Article

VALIDATION_ROWS = 5_000    # rows per validation chunk: GX holds ~20 KB per row checked (~100 MB); ids repeated across chunks are caught apart
_ARTICLE_FIELDS = dataclasses.fields(Article)  # flat values: dataclasses.asdict would deep-copy each
READ_ROWS = 5_000          # rows per batch read back from a Parquet file or DuckDB
DUCKDB_MEMORY = "128MB"    # DuckDB's own budget (for grouping); past it, it spills to the work folder
SORT_RUN_ROWS = 50_000     # rows sorted in memory at a time by sorted_tables (~50 MB of mentions)
MERGE_ROWS = 200           # rows of each sorted run decoded at a time while the runs merge


@dataclass
class Extracted:
    statuses: Counter = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    inputs: "hashlib._Hash" = field(default_factory=hashlib.sha256)  # over each input's id and content hash
    n_hashed: int = 0   # inputs with a content hash (every one that had a text)
    articles: int = 0
    mentions: int = 0
    extracted: int = 0  # articles run through the extractor in this build
    cached: int = 0     # articles whose results came from the cache
    reused: int = 0     # of those, articles in runs whose mention rows were kept whole (not decoded again)


def extract_all(articles: Iterable[Article], work: Path, engine, results_cache, version: str,
                progress=None, runs=None, texts=None) -> Extracted:
    """Articles -> work/articles.parquet and work/mentions.parquet, rows in input order whatever the engine.

    Every input gets one article row with a status; an extraction failure is an article error, not a stop.
    Articles go in runs (_chunks) whose mention rows become one Arrow table each. With `runs` (an
    etl.cache.Memo), that table is kept under a hash of the run's cache keys: a run whose articles all read as
    before takes its rows from there, rather than decoding each article's cached result again.
    `texts(content hashes) -> {hash: text}` gives the texts of articles that came without (text None: ingest
    found them in its index), for those that are extracted.
    """
    out = Extracted()
    art_writer = store.TableWriter("articles", work / "articles.parquet")
    men_writer = store.TableWriter("mentions", work / "mentions.parquet")
    pending: deque = deque()
    try:
        for chunk in _chunks(articles, engine.batch_size):
            pending.append(_submit(chunk, engine, results_cache, version, runs, texts))
            while len(pending) > engine.in_flight:
                _finish(pending.popleft(), results_cache, runs, art_writer, men_writer, out, progress)
        while pending:
            _finish(pending.popleft(), results_cache, runs, art_writer, men_writer, out, progress)
    finally:
        art_writer.close()
        men_writer.close()
        if progress is not None:
            progress.close()
    return out


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Runs of articles holding about `size` to extract (others, skipped or failed, ride along). A run ends
    after an article whose id's CRC-32 is 0 modulo `size` (or after 4 x `size`): cut by content, so an
    article added, edited or removed changes only its own run, and the other runs' kept rows still fit."""
    chunk, n = [], 0
    for a in articles:
        chunk.append(a)
        if a.status == "ok":
            n += 1
            if n >= 4 * size or zlib.crc32(a.article_id.encode("utf-8")) % size == 0:
                yield chunk
                chunk, n = [], 0
    if chunk:
        yield chunk


@dataclass
class _Job:
    chunk: list[Article]
    keys: dict[str, str]            # article_id -> extraction cache key, for each article to extract (ok)
    run_key: str | None = None      # the run's key in the `runs` memo
    kept: bytes | None = None       # the run's outcomes and mention rows as last built (_pack)
    found: dict = field(default_factory=dict)  # cache key -> cached result
    todo: list[Article] = field(default_factory=list)  # articles the engine extracts (not in the cache)
    future: object = None


def _submit(chunk: list[Article], engine, results_cache, version: str, runs=None, texts=None) -> _Job:
    job = _Job(chunk, {a.article_id: cache_mod.key(a, version) for a in chunk if a.status == "ok"})
    if runs is not None and job.keys:
        job.run_key = hashlib.sha256("\0".join([_runs_version(), *job.keys.values()]).encode()).hexdigest()
        job.kept = runs.get(job.run_key)
        if job.kept is not None:
            if results_cache is not None:
                results_cache.keep(job.keys.values())  # still this build's results, though not read
            return job
    job.found = results_cache.get_many(job.keys.values()) if results_cache is not None else {}
    job.todo = [a for a in chunk if a.status == "ok" and job.keys[a.article_id] not in job.found]
    if unread := [a for a in job.todo if a.text is None]:
        found = texts(a.content_hash for a in unread)
        for a in unread:
            a.text = found[a.content_hash]
    job.future = engine.submit(job.todo) if job.todo else None
    return job


def _finish(job: _Job, results_cache, runs, art_writer, men_writer, out: Extracted, progress) -> None:
    if job.kept is not None:
        outcomes, mentions = _unpack(job.kept)
    else:
        payloads = dict(job.found)
        if job.future is not None:
            new = list(zip((job.keys[a.article_id] for a in job.todo), job.future.result()))
            if results_cache is not None:
                results_cache.put_many(new)
            payloads.update(new)
        outcomes, rows = [], []
        for a in job.chunk:
            if a.status == "ok":
                found, failure = cache_mod.decode(payloads[job.keys[a.article_id]])
                outcomes.append((len(found), failure))
                rows.extend(found)
        mentions = store.to_table("mentions", rows)
        if job.run_key is not None:
            runs.put_many([(job.run_key, _pack(outcomes, mentions))])
    article_rows = []
    done = iter(outcomes)
    for article in job.chunk:
        n_mentions = 0
        if article.status == "ok":
            n_mentions, failure = next(done)
            if failure is not None:
                article.status = "error"
                where = f"{article.path}{f':{article.line}' if article.line else ''}"
                article.error = f"{where}: extraction failed ({failure})"
            elif not n_mentions:
                article.status = "no_incidents"
        out.statuses[article.status] += 1
        if article.status == "error":
            out.errors.append(article.error or f"{article.path}: error")
        row = {f.name: getattr(article, f.name) for f in _ARTICLE_FIELDS if f.name != "text"}
        row["n_mentions"] = n_mentions
        article_rows.append(row)
        if article.content_hash:
            out.inputs.update(f"{article.article_id}\t{article.content_hash}\n".encode())
            out.n_hashed += 1
        out.articles += 1
        store.checkpoint(f"extracted:{out.articles}")
    art_writer.write(article_rows)
    men_writer.write_table(mentions)
    out.mentions += mentions.num_rows
    out.extracted += len(job.todo)
    cached = len(job.keys) - len(job.todo)
    out.cached += cached
    out.reused += len(job.keys) if job.kept is not None else 0
    if progress is not None:
        progress.update(len(job.chunk), cached=cached)


def _pack(outcomes: list[tuple[int, str | None]], mentions) -> bytes:
    """A run's outcomes (mentions and failure per article to extract) and its mention rows, as one payload."""
    return json.dumps(outcomes, ensure_ascii=False).encode() + b"\n" + _ipc_bytes(mentions, decode=False)


def _unpack(payload: bytes):
    """`_pack`'s (outcomes, mention rows as a pyarrow Table)."""
    import pyarrow as pa

    head, _, ipc = payload.partition(b"\n")  # json.dumps writes no raw newline
    return [tuple(o) for o in json.loads(head)], pa.ipc.open_stream(ipc).read_all()


@functools.cache
def _runs_version() -> str:
    """What a run's rows depend on besides its articles' cache keys: the schema, the row conversion, pyarrow."""
    return _code_version("schema.py", "store.py", "cache.py")


# ---------------------------------------------------------------------------------------------- resolve


def _duckdb(work: Path):
    import duckdb

    con = duckdb.connect()
    con.execute(f"SET memory_limit='{DUCKDB_MEMORY}'")
    con.execute("SET temp_directory=?", [str(work / "duckdb.tmp")])
    con.execute("SET preserve_insertion_order=false")
    con.execute("SET threads=1")  # one sort at a time is enough, and each thread holds its own buffers
    return con


def sorted_tables(path: Path, keys: tuple[str, ...], work: Path, keep=None) -> Iterator:
    """A Parquet file's rows in ascending order of `keys` (nulls last), as Arrow tables of READ_ROWS rows,
    sorted out of core: runs of SORT_RUN_ROWS rows are sorted by Arrow and written to `work`, then merged by
    their keys alone, MERGE_ROWS rows of each run at a time (a file of one run is sorted in memory).
    `keep(table)`: a boolean mask of the rows wanted. Strings sort by code point, as Python's sort does.

    (DuckDB's ORDER BY runs out of memory on wide rows under a memory limit: 2.8 million mentions at 128 MB.)
    """
    import heapq
    import tempfile

    import pyarrow as pa
    import pyarrow.parquet as pq

    def sorted_run(batches: list) -> "pa.Table":
        table = pa.Table.from_batches(batches, schema=source.schema_arrow)
        if keep is not None:
            table = table.filter(keep(table))
        # Plain values: Arrow sorts no dictionary column, and a dictionary would carry the input's order into
        # the output (a writer encodes plain values the same way whatever order they came in).
        return _decoded(table).sort_by([(k, "ascending", "at_end") for k in keys])

    def sorted_runs(folder: Path) -> list[Path]:
        runs, pending, have = [], [], 0
        for batch in itertools.chain(source.iter_batches(batch_size=READ_ROWS), [None]):
            if batch is not None:
                pending.append(batch)
                have += batch.num_rows
            if pending and (batch is None or have >= SORT_RUN_ROWS):
                table = sorted_run(pending)
                pending, have = [], 0
                runs.append(folder / f"{len(runs)}.arrow")
                with pa.ipc.new_file(runs[-1], table.schema) as out:
                    out.write_table(table, max_chunksize=MERGE_ROWS)
        return runs

    source = pq.ParquetFile(path)
    if source.metadata.num_rows <= SORT_RUN_ROWS:  # one run: sorted in memory, nothing to merge
        table = sorted_run(list(source.iter_batches(batch_size=READ_ROWS)))
        for start in range(0, table.num_rows, READ_ROWS):
            yield table.slice(start, READ_ROWS)
        return

    def entries(run: Path) -> Iterator[tuple]:
        """(order, batch, row in the batch) for each row of a sorted run, in order."""
        with pa.OSFile(str(run)) as f:
            reader = pa.ipc.open_file(f)
            for i in range(reader.num_record_batches):
                batch = reader.get_batch(i)
                for j, key in enumerate(zip(*(batch.column(k).to_pylist() for k in keys))):
                    yield tuple((v is None, 0 if v is None else v) for v in key), batch, j

    with tempfile.TemporaryDirectory(dir=work, prefix="sort-") as folder:
        merged = heapq.merge(*map(entries, sorted_runs(Path(folder))), key=lambda e: e[0])
        while block := list(itertools.islice(merged, READ_ROWS)):
            batches, start, index = [], {}, []  # the batches the block's rows are in, and where each begins
            for _, batch, j in block:  # (the block keeps its batches alive: their ids are unique)
                if id(batch) not in start:
                    start[id(batch)] = sum(b.num_rows for b in batches)
                    batches.append(batch)
                index.append(start[id(batch)] + j)
            yield pa.Table.from_batches(batches).take(index)


def resolve_all(mentions_path: Path, out_path: Path, work: Path, memo=None) -> tuple[int, int, int]:
    """work/mentions.parquet -> incidents Parquet in (event_date, incident_id) order.

    Mentions merge group by group (resolve.BLOCK_COLUMNS: mentions of different groups are never compared).
    With `memo` (an etl.cache.Memo), each group's incident rows are kept under a hash of its mentions and of
    resolve's code: a group whose mentions did not change is not merged again. Returns (incident rows, groups,
    groups merged in this build).

    Memory stays flat however big a group: its mentions come out of an out-of-core sort (sorted_tables) in merge
    order (resolve.mention_order) into resolve.merge_sorted, and its incident rows go to disk and to the memo a
    few thousand at a time. A group's memo key hashes its rows with DuckDB (a 64-bit XOR of row hashes, with the
    row count and the code version).
    """
    import pyarrow as pa

    from etl import resolve

    unsorted = work / "incidents.unsorted.parquet"
    writer = store.TableWriter("incidents", unsorted)
    keys = _group_keys(mentions_path, resolve.BLOCK_COLUMNS, work)
    stale = []
    for group, key in keys.items():
        parts = _memo_parts(memo, key)
        if parts is None:
            stale.append(group)
        for part in parts or ():
            writer.write_table(pa.ipc.open_stream(part).read_all())
    if stale:
        wanted = set(stale)
        cols = resolve.BLOCK_COLUMNS

        def keep(table):
            return pa.array([g in wanted for g in zip(*(table.column(c).to_pylist() for c in cols))], pa.bool_())

        tables = sorted_tables(mentions_path, (*cols, "event_date", "mention_id"), work,  # resolve.mention_order
                               keep=keep if len(stale) < len(keys) else None)
        rows = (m for table in tables for m in table.to_pylist())
        for group, mentions in itertools.groupby(rows, key=resolve.block_of):
            done = resolve.incident_rows(inc for _, inc in resolve.merge_sorted(mentions))
            parts = 0
            while block := list(itertools.islice(done, READ_ROWS)):
                table = store.to_table("incidents", block)
                writer.write_table(table)
                if memo is not None:
                    memo.put_many([(f"{keys[group]}:{parts}", _ipc_bytes(table, decode=False))])
                parts += 1
            if memo is not None:  # last: a build killed meanwhile leaves no key whose parts are missing
                memo.put_many([(keys[group], str(parts).encode())])
    writer.close()
    out = store.TableWriter("incidents", out_path)
    for table in sorted_tables(unsorted, ("event_date", "incident_id"), work):
        out.write_table(table)
    unsorted.unlink()
    return out.close(), len(keys), len(stale)


def _group_keys(path: Path, columns: tuple[str, ...], work: Path) -> dict[tuple, str]:
    """The groups of a Parquet file's rows (rows equal in `columns`), each with a key for the memo: a hash of its
    rows' values and of resolve's code. DuckDB hashes the rows, so a key does not depend on how they are stored."""
    import duckdb

    cols = ", ".join(f'"{c}"' for c in columns)
    con = _duckdb(work)
    try:
        groups = con.execute(f"SELECT {cols}, count(*), bit_xor(hash(m)) FROM read_parquet(?) m GROUP BY {cols}",
                             [str(path)]).fetchall()
    finally:
        con.close()
    version = f"{_resolve_version()} duckdb {duckdb.__version__}"
    return {tuple(g[:-2]): hashlib.sha256(repr((version, *g)).encode()).hexdigest() for g in groups}


def _memo_parts(memo, key: str):
    """A group's incident rows kept by an earlier build, one Arrow IPC stream of a few thousand rows at a time;
    None if there are none."""
    count = memo.get(key) if memo is not None else None
    if count is None:
        return None

    def parts():
        for i in range(int(count)):
            part = memo.get(f"{key}:{i}")
            if part is None:  # the count is stored after its parts, and pruned with them
                raise RuntimeError(f"{memo.path}: part {i} of {key} is missing; delete the file to rebuild it")
            yield part
    return parts()


def _resolve_version() -> str:
    """What a group's incident rows depend on besides its mentions: resolve's rules, the schema, pyarrow."""
    return _code_version("resolve.py", "schema.py", "store.py")


def _code_version(*files: str) -> str:
    """A hash of these files of etl/ and of pyarrow's version."""
    import pyarrow as pa

    here = Path(__file__).resolve().parent
    h = hashlib.sha256(pa.__version__.encode())
    for f in files:
        h.update(b"\0" + (here / f).read_bytes())
    return h.hexdigest()


# --------------------------------------------------------------------------------------------- validate


@dataclass
class Validated:
    rows: int            # rows checked
    passed: int          # rows written to the validated file
    validation: object   # validate.Validation over all chunks (its `quarantined` holds the rows held back)
    chunks: int = 0      # chunks the table was cut into
    fresh: int = 0       # chunks great_expectations checked (the others' findings were kept from earlier builds)


def validate_all(table: str, path: Path, out_path: Path, suite, work: Path,
                 chunk_rows: int = VALIDATION_ROWS, memo=None, context: str = "") -> Validated:
    """Check a staged table chunk by chunk; rows passing every hard expectation go to `out_path`, in order.

    Chunks end where the row id's hash says (chunk_ends), so they are cut at the same rows from one build to
    the next, and an edit changes only the chunk it falls in. With `memo` (an etl.cache.Memo), each chunk's
    findings are kept under a hash of `context` (what else the outcome depends on: suite, dates, code) and the
    chunk's bytes; a chunk seen before is not checked again, so great_expectations runs only on what changed.
    """
    import datetime as dt

    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    from etl import validate

    id_col = validate.ROW_ID[table]
    repeated = _repeated_ids(path, id_col, work)
    today = dt.date.today()
    context = f"{context}|{today.isoformat()}"  # the date bounds move with the calendar
    writer = store.TableWriter(table, out_path)
    parts, total, fresh = [], 0, 0
    ids = pq.read_table(path, columns=[id_col]).column(id_col).to_pylist()
    if ids:
        chunks = _cut(pq.ParquetFile(path), chunk_ends(ids, chunk_rows))
    else:  # an empty table is still checked (its columns, at least)
        chunks = iter([store.to_table(table, [])])
    for chunk in chunks:
        key = hashlib.sha256(context.encode() + b"\0" + _ipc_bytes(chunk)).hexdigest() if memo is not None else None
        payload = memo.get(key) if memo is not None else None
        if payload is not None:
            v = validate.from_json(payload)
        else:
            v = validate.validate(table, chunk.to_pandas(types_mapper=pd.ArrowDtype), suite, today=today, warn=False)
            fresh += 1
            v = dataclasses.replace(v, passed=validate.empty_like(v.passed))  # the findings, not the rows
            if memo is not None:
                memo.put_many([(key, validate.to_json(v))])
        keep = [True] * chunk.num_rows
        for i in v.held:
            keep[i] = False
        passed, held = chunk.filter(pa.array(keep, pa.bool_())), 0
        # Copies of an id in different chunks: GX saw each chunk alone, so they are held back here.
        if repeated and passed.num_rows:
            again = pc.is_in(passed.column(id_col), value_set=pa.array(sorted(repeated), pa.string()))
            again = pc.fill_null(again, False)
            if pc.any(again).as_py():
                name = validate.expectation_name("expect_column_values_to_be_unique", {"column": id_col})
                rows = passed.filter(again).to_pandas(types_mapper=pd.ArrowDtype)
                q = validate._quarantine(table, rows, list(range(len(rows))), [str(x) for x in rows[id_col]],
                                         {i: [name] for i in range(len(rows))})
                v = dataclasses.replace(v, quarantined=pd.concat([v.quarantined, q], ignore_index=True))
                held = len(rows)
                passed = passed.filter(pc.invert(again))
        writer.write_table(passed)
        parts.append((v, held))
        total += chunk.num_rows
        del chunk, passed, v
        release_memory()  # before the next chunk is read
    written = writer.close()
    combined = validate.combine(table, parts, total)
    validate.warn_soft(combined)
    return Validated(rows=total, passed=written, validation=combined, chunks=len(parts), fresh=fresh)


CHUNK_CUT = 4096  # a chunk ends after a row whose id hashes to 0 modulo this: ~this many rows, cut by content


def chunk_ends(ids: list, most: int) -> list[int]:
    """Where chunks of a table end (exclusive row positions): after each row whose id's CRC-32 is 0 modulo
    CHUNK_CUT, and after `most` rows in any case. Cuts depend on the ids alone, so a row added, removed or
    edited moves no cut outside its own chunk (bar one capped at `most` rows, until the next content cut)."""
    import zlib

    ends, size = [], 0
    for i, row_id in enumerate(ids):
        size += 1
        if size >= most or zlib.crc32(str(row_id).encode("utf-8")) % CHUNK_CUT == 0:
            ends.append(i + 1)
            size = 0
    if size:
        ends.append(len(ids))
    return ends


def _cut(source, ends: list[int]):
    """pyarrow Tables of the rows [previous end, end) of a Parquet file, read a batch at a time."""
    import pyarrow as pa

    pending, have, start = [], 0, 0
    batches = source.iter_batches(batch_size=READ_ROWS)
    for end in ends:
        while have < end - start:
            batch = next(batches)
            pending.append(batch)
            have += batch.num_rows
        table = pa.Table.from_batches(pending, schema=source.schema_arrow)
        yield table.slice(0, end - start).combine_chunks()
        rest = table.slice(end - start)
        pending, have, start = rest.to_batches(), rest.num_rows, end


def _ipc_bytes(table, decode: bool = True) -> bytes:
    """The table's Arrow IPC stream, dictionaries decoded (unless `decode` is False): equal bytes mean equal
    rows (same schema, same values), whichever dictionary the Parquet reader gave a column."""
    import pyarrow as pa

    if decode:
        table = _decoded(table)
    # A copy: a slice's buffers may still hold its neighbours' values, which the stream would carry along.
    table = table.take(pa.array(range(table.num_rows), pa.int64()))
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as out:
        out.write_table(table)
    return sink.getvalue().to_pybytes()


def _decoded(table):
    """The table with its dictionary-encoded columns as plain values."""
    import pyarrow as pa

    return pa.Table.from_arrays([c.cast(c.type.value_type) if pa.types.is_dictionary(c.type) else c
                                 for c in table.columns], names=table.column_names)


def use_system_allocator() -> None:
    """Arrow buffers from the C library's malloc rather than mimalloc, which keeps freed memory for reuse: a
    build that streams many batches then holds ~100 MB less."""
    import pyarrow as pa

    pa.set_memory_pool(pa.system_memory_pool())


def release_memory() -> None:
    """Collect cyclic garbage (GX's results are) and hand freed heap pages back to the system (glibc only)."""
    gc.collect()
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: the memory is reused by the process instead
        pass


def _repeated_ids(path: Path, id_col: str, work: Path) -> set:
    con = _duckdb(work)
    try:
        rows = con.execute(f'SELECT "{id_col}" FROM read_parquet(?) WHERE "{id_col}" IS NOT NULL GROUP BY 1 '
                           "HAVING count(*) > 1", [str(path)]).fetchall()
    finally:
        con.close()
    return {r[0] for r in rows}


def records(df) -> list[dict]:
    """DataFrame -> row dicts with plain Python values (NA -> None) for store.TableWriter."""
    out = []
    for row in df.to_dict(orient="records"):
        out.append({k: (None if _is_na(v) else v) for k, v in row.items()})
    return out


def _is_na(v) -> bool:
    import pandas as pd

    if isinstance(v, (list, tuple, dict)) or hasattr(v, "__len__") and not isinstance(v, str):
        return False
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


# ------------------------------------------------------------------------------------ validation process
# Validation runs in a process of its own, forked when the build starts: it imports great_expectations
# (seconds) while the build reads and extracts, then checks articles and mentions while the build merges
# incidents, then the incidents. The build process never imports great_expectations.


class Validator:
    """One forked process that validates the work folder's tables, in the background."""

    def __init__(self, work: Path, expectations_dir: Path, cache_dir: Path | None = None):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.work, self.expectations_dir, self.cache_dir = work, expectations_dir, cache_dir
        # fork: the build's modules are already loaded, and nothing is started again (spawn would re-run
        # the command line's __main__). Forked first thing, before any thread of ours exists.
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context(method),
                                         initializer=die_with_parent, initargs=(os.getpid(),))
        self._warm = self._pool.submit(_load_suites, expectations_dir)
        self._jobs: dict[str, object] = {}

    def start(self, *tables: str) -> None:
        """Validate these staged tables (work/<table>.parquet -> work/out/<table>.parquet), in the background."""
        for t in tables:
            self._jobs[t] = self._pool.submit(_validate_one, t, self.work, self.expectations_dir, self.cache_dir)

    def result(self, table: str) -> Validated:
        return self._jobs[table].result()

    def prune(self) -> int:
        """Drop kept findings no chunk of this build used (call once every table is checked)."""
        return self._pool.submit(_prune_memo, self.cache_dir).result() if self.cache_dir is not None else 0

    def close(self) -> None:  # safe to call twice
        self._pool.shutdown(wait=True, cancel_futures=True)


def _load_suites(expectations_dir: Path):
    from etl import validate

    _suites(str(expectations_dir))  # imports great_expectations and builds the suites, kept for the tables


def _validate_one(table: str, work: Path, expectations_dir: Path, cache_dir: Path | None = None) -> Validated:
    suite = _suites(str(expectations_dir))[table]
    memo = _memo(cache_dir) if cache_dir is not None else None
    return validate_all(table, work / f"{table}.parquet", work / "out" / f"{table}.parquet", suite, work,
                        memo=memo, context=validation_context(table, expectations_dir))


VALIDATE_MEMO = "validate.sqlite"
_MEMOS: dict = {}  # the validation process's own connection (SQLite connections do not cross a fork)


def _memo(cache_dir: Path):
    from etl.cache import Memo

    if cache_dir not in _MEMOS:
        _MEMOS[cache_dir] = Memo(Path(cache_dir) / VALIDATE_MEMO)
    return _MEMOS[cache_dir]


def _prune_memo(cache_dir: Path) -> int:
    return _memo(cache_dir).prune()


def validation_context(table: str, expectations_dir: Path) -> str:
    """What a chunk's findings depend on besides its rows: the suite, the code that checks, the libraries."""
    from importlib.metadata import version

    h = hashlib.sha256(table.encode())
    here = Path(__file__).resolve().parent
    for f in (Path(expectations_dir) / f"{table}.json", here / "validate.py", here / "schema.py"):
        h.update(b"\0" + f.read_bytes())
    for package in ("great_expectations", "pandas", "pyarrow", "numpy"):
        h.update(f"{package}={version(package)}".encode())
    return h.hexdigest()


_SUITES: dict = {}


def _suites(directory: str) -> dict:
    if directory not in _SUITES:
        from etl import validate

        _SUITES[directory] = validate.load_suites(directory)
        # great_expectations' modules are hundreds of thousands of objects that live as long as the process:
        # frozen, they are left out of every later collection (release_memory after each chunk: 0.2 s -> ~0).
        gc.freeze()
    return _SUITES[directory]
