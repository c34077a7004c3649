"""Atomic writes of Parquet tables, reports and the manifest: a killed build never leaves half a file,
nor a mix of two builds' files (the output set is staged, then committed with a journal, manifest last)."""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
import shutil
import signal
import tempfile
from pathlib import Path

_UMASK = os.umask(0)
os.umask(_UMASK)


@contextlib.contextmanager
def atomic_path(path: Path | str):
    """Yield a temporary path beside `path`; move it into place only if the block finishes."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600 files; outputs are meant to be shared
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    checkpoint(f"wrote:{path.name}")


def write_text(path: Path | str, text: str) -> None:
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


def write_bytes(path: Path | str, data: bytes) -> None:
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)


def sha256_file(path: Path | str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


# ----------------------------------------------------------------------------------------------------------
# The output set. Files are written into a hidden staging folder inside each output folder (same file
# system, so moving them is a rename), then committed: a journal listing every move is written, the files
# are renamed into place (index.html and manifest.json last), and the staging folders are removed. Killed
# before the journal exists, a build leaves the previous outputs untouched; killed after, the next build
# replays the journal. Either way `recover` (run at the start of every build) cleans up.

STAGING_PREFIX = ".staging-"
JOURNAL = "commit.json"
LOCK_FILE = ".build.lock"
# Moved last, in this order: a reader who finds the new manifest finds every file it lists.
LAST = ("index.html", "manifest.json")
# Test-only hook: with ETL_TEST_KILL_AT=<step> set, the process SIGKILLs itself on reaching <step>, so a test
# can kill a build at an exact point (tests/test_atomic.py). Steps: extracted:<n> (articles), validated,
# wrote:<file name> (a staged file), commit (journal written), moved:<file name> (a file moved into place).
KILL_AT_ENV = "ETL_TEST_KILL_AT"


class BuildLocked(RuntimeError):
    """Another build is writing to the same output folder."""


def checkpoint(step: str) -> None:
    if os.environ.get(KILL_AT_ENV) == step:
        os.kill(os.getpid(), signal.SIGKILL)


@contextlib.contextmanager
def output_set(*folders: Path | str):
    """Yield one empty staging folder per output folder; move what was written there into place together.

    If the block raises, the staged files are deleted and the output folders are left as they were.
    Holds an exclusive lock (`<first folder>/.build.lock`) from before recovery until the commit is done.
    """
    folders = [Path(f) for f in folders]
    with _locked(folders[0]):
        _recover(folders)
        token = f"{os.getpid()}-{secrets.token_hex(4)}"
        staging = [f / f"{STAGING_PREFIX}{token}" for f in folders]
        for s in staging:
            s.mkdir(parents=True)
        try:
            yield staging
        except BaseException:
            for s in staging:
                shutil.rmtree(s, ignore_errors=True)
            raise
        _commit(list(zip(staging, folders)))


def recover(*folders: Path | str) -> list[str]:
    """Finish or discard what an interrupted build left in `folders`; returns what was done, for the log.

    A staging folder with a journal was being committed: its moves are replayed. One without is removed.
    """
    folders = [Path(f) for f in folders]
    if not any(f.is_dir() for f in folders):
        return []
    with _locked(folders[0]):
        return _recover(folders)


def verify(data_dir: Path | str, reports_dir: Path | str | None = None) -> list[str]:
    """What does not match data/manifest.json (a missing file, another SHA-256); empty when the set is whole."""
    data_dir = Path(data_dir)
    manifest = json.loads((data_dir / "manifest.json").read_text(encoding="utf-8"))
    listed = [(data_dir / n, e) for n, e in manifest.get("files", {}).items()]
    if reports_dir is not None:
        listed += [(Path(reports_dir) / n, e) for n, e in manifest.get("reports", {}).items()]
    problems = []
    for path, entry in listed:
        if not path.is_file():
            problems.append(f"{path}: listed in the manifest but missing")
        elif sha256_file(path) != entry["sha256"]:
            problems.append(f"{path}: SHA-256 differs from the manifest")
    return problems


@contextlib.contextmanager
def _locked(folder: Path):
    import fcntl  # POSIX only, like the rest of the build (make, os.replace over open files)

    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o666 & ~_UMASK)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildLocked(f"another build is writing to {folder} (it holds {folder / LOCK_FILE})") from None
        yield  # the lock goes with the descriptor, also when the process is killed
    finally:
        os.close(fd)


def _recover(folders: list[Path]) -> list[str]:
    done = []
    for f in folders:
        for journal in sorted(f.glob(f"{STAGING_PREFIX}*/{JOURNAL}")):
            _replay(journal)
            done.append(f"completed the commit an interrupted build left in {journal.parent}")
    for f in folders:
        for stale in sorted(f.glob(f"{STAGING_PREFIX}*")):
            shutil.rmtree(stale, ignore_errors=True)
            done.append(f"removed {stale}, left by an interrupted build")
    return done


def _commit(pairs: list[tuple[Path, Path]]) -> None:
    moves = [(p, final / p.relative_to(stage)) for stage, final in pairs
             for p in sorted(stage.rglob("*")) if p.is_file()]
    moves.sort(key=lambda m: LAST.index(m[1].name) + 1 if m[1].name in LAST else 0)  # stable: others keep order
    for src, _ in moves:
        _fsync(src)  # the journal must never promise bytes a power cut could lose
    # Paths relative to the first output folder: a project folder moved or renamed after a crash still recovers.
    base = pairs[0][1].resolve()

    def rel(p: Path) -> str:
        return os.path.relpath(p.resolve(), base)
    journal = {"moves": [[rel(s), rel(d)] for s, d in moves], "staging": [rel(s) for s, _ in pairs]}
    write_text(pairs[0][0] / JOURNAL, json.dumps(journal, indent=1) + "\n")
    checkpoint("commit")
    _replay(pairs[0][0] / JOURNAL)


def _replay(journal_path: Path) -> None:
    """Do (or finish) the moves a journal lists, then remove its staging folders. Safe to run twice."""
    journal = json.loads(journal_path.read_text(encoding="utf-8"))
    base = journal_path.parent.parent.resolve()  # the first output folder: the journal is in its staging folder

    def at(rel: str) -> Path:
        return Path(os.path.normpath(base / rel))  # written from resolved paths, so ".." folds safely
    moves = [(at(src), at(dst)) for src, dst in journal["moves"]]
    for src, dst in moves:
        if src.exists():  # already moved when a replay itself was interrupted
            dst.parent.mkdir(parents=True, exist_ok=True)
            os.replace(src, dst)
        checkpoint(f"moved:{dst.name}")
    for folder in {dst.parent for _, dst in moves}:
        _fsync(folder)
    home = journal_path.parent.resolve()
    for s in sorted((at(s) for s in journal["staging"]), key=lambda s: s == home):
        shutil.rmtree(s, ignore_errors=True)  # the journal's own folder last


def _fsync(path: Path | str) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def to_table(name: str, rows: list[dict]):
    """Rows (dicts keyed by column name) -> a pyarrow Table with the declared schema of table `name`."""
    import pyarrow as pa

    from etl.schema import arrow_schema

    schema = arrow_schema(name)
    arrays = [pa.array([r.get(f.name) for r in rows], type=f.type) for f in schema]
    return pa.Table.from_arrays(arrays, schema=schema)


def write_parquet(table, path: Path | str) -> None:
    import pyarrow.parquet as pq

    with atomic_path(path) as tmp:
        pq.write_table(table, tmp, compression="zstd", row_group_size=64_000)


ROW_GROUP_ROWS = 32_000  # rows per Parquet row group (~10 MB of mentions): readers skip or stream groups; writers buffer one


class TableWriter:
    """Rows of table `name` -> one Parquet file, a row group at a time, so memory stays flat however many rows.

    Rows arrive as dicts and are turned into Arrow (a fraction of their size as Python objects) every
    ARROW_ROWS rows; a row group is written when ROW_GROUP_ROWS rows are pending. Not atomic by itself: it
    writes build-private files (the build's work folder) that are moved into the output set once complete.
    """

    ARROW_ROWS = 2_000

    def __init__(self, name: str, path: Path | str, rows_per_group: int = ROW_GROUP_ROWS):
        import pyarrow.parquet as pq

        from etl.schema import arrow_schema

        self.name, self.path, self.rows_per_group = name, Path(path), rows_per_group
        self.schema = arrow_schema(name)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._writer = pq.ParquetWriter(self.path, self.schema, compression="zstd")
        self._rows: list[dict] = []
        self._tables: list = []  # Arrow tables waiting for a full row group
        self._pending = 0
        self.rows = 0

    def write(self, rows: list[dict]) -> None:
        self._rows.extend(rows)
        if len(self._rows) >= self.ARROW_ROWS:
            self._to_arrow()

    def write_table(self, table) -> None:
        """Append a pyarrow Table (cast to the declared schema) after the rows given before it."""
        self._to_arrow()
        if table.num_rows:
            self._tables.append(table.select(self.schema.names).cast(self.schema))
            self._pending += table.num_rows
            if self._pending >= self.rows_per_group:
                self._flush(everything=False)

    def close(self) -> int:
        self._to_arrow()
        self._flush()
        if self.rows == 0:  # an empty table still has its schema
            self._writer.write_table(to_table(self.name, []))
        self._writer.close()
        return self.rows

    def _to_arrow(self) -> None:
        if self._rows:
            self._tables.append(to_table(self.name, self._rows))
            self._pending += len(self._rows)
            self._rows = []
            if self._pending >= self.rows_per_group:
                self._flush(everything=False)

    def _flush(self, everything: bool = True) -> None:
        """Write the pending rows: all of them, or only whole row groups (the rest stays pending)."""
        if not self._tables:
            return
        import pyarrow as pa

        table = pa.concat_tables(self._tables).combine_chunks()
        n = table.num_rows if everything else table.num_rows - table.num_rows % self.rows_per_group
        if n:
            self._writer.write_table(table.slice(0, n), row_group_size=self.rows_per_group)
            self.rows += n
        rest = table.slice(n)
        self._tables, self._pending = ([rest] if rest.num_rows else []), rest.num_rows


def write_partitioned(src: Path | str, folder: Path | str, by: str) -> list[Path]:
    """A table's Parquet file -> a Hive-partitioned dataset (folder/year=2017/part-0.parquet, ...), one table
    to DuckDB (`read_parquet('folder/**/*.parquet', hive_partitioning=true)`), polars and Spark.

    `by`: "year" (of event_date; undated rows go to year=__HIVE_DEFAULT_PARTITION__). The key column is
    dropped from the files, as Hive layout has it; readers add it back from the folder names. Rows keep their
    order within each partition. Returns the files written, in name order.
    """
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.dataset as ds
    import pyarrow.parquet as pq

    if by != "year":
        raise ValueError(f"cannot partition by {by!r}")
    source = pq.ParquetFile(src)
    schema = source.schema_arrow.append(pa.field("year", pa.int32()))

    def batches():
        for b in source.iter_batches(batch_size=ROW_GROUP_ROWS):
            yield pa.RecordBatch.from_arrays([*b.columns, pc.year(b.column("event_date")).cast(pa.int32())],
                                             schema=schema)

    folder = Path(folder)
    ds.write_dataset(batches(), folder, schema=schema, format="parquet",
                     partitioning=ds.partitioning(pa.schema([pa.field("year", pa.int32())]), flavor="hive"),
                     basename_template="part-{i}.parquet", existing_data_behavior="overwrite_or_ignore",
                     use_threads=False, max_rows_per_group=ROW_GROUP_ROWS,
                     file_options=ds.ParquetFileFormat().make_write_options(compression="zstd"))
    return sorted(folder.rglob("*.parquet"))
