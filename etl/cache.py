"""What a build keeps between builds, so that a rebuild redoes only what changed. Each store is one SQLite
file under `data/.cache/` (or --cache-dir):

- extract.sqlite: per-article extraction results, keyed by the article's content hash, the metadata the
  extractor reads (id, title, publisher, publication date, url) and `extractor_version()` (a hash of the
  extractor's code and rule tables): editing an article, or the extractor, misses the cache.
- ingest.sqlite: what ingest read from each input file (its records, text included), keyed by the file's
  path and stat (device, inode, size, mtime, ctime) and ingest's own code version: an unchanged file is not
  read, decoded or cleaned again. A file modified within STAT_SLACK_S of being read is not indexed (a
  second edit within one timestamp tick would keep its stat), so it is read again next time.
- runs.sqlite, resolve.sqlite, validate.sqlite: results of the later steps, keyed by a hash of their whole
  input and of the code that computes them (etl/stream.py): a run of articles' mention rows as Arrow, a
  country's incidents (in parts of a few thousand rows, their number stored after them), a chunk's
  validation findings.

Each batch of entries is written in one transaction, so a build killed at any point leaves every committed
entry whole and the others absent, never half an entry. Entries no completed build has used are dropped at
the end of each build (deleted or edited articles, older code versions), so the stores do not grow with edits.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import secrets
import sqlite3
from pathlib import Path
from typing import Iterable

from etl.schema import MENTION_COLUMNS, Article

FILE_NAME = "extract.sqlite"
# SQLite allows 32766 host parameters per statement; lookups go in chunks well under that.
_CHUNK = 900
LIVE_BATCH = 10_000  # keys a Memo counts as used before writing them to its table of them
_DATE_FIELDS = frozenset(c.name for c in MENTION_COLUMNS if str(c.type).startswith("date"))


def key(article: Article, version: str) -> str:
    """Cache key: what `extract_article` reads (text by its hash, and the metadata) plus the extractor version."""
    parts = [version, article.content_hash, article.article_id, article.title, article.publisher,
             article.publication_date.isoformat() if article.publication_date else None, article.url]
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()


def encode(mentions: list[dict] | None = None, failure: str | None = None) -> str:
    """One article's result as JSON: its mention rows, or why extraction failed (without the file name)."""
    if failure is not None:
        return json.dumps({"failure": failure}, ensure_ascii=False)
    return json.dumps({"mentions": mentions or []}, ensure_ascii=False, default=_iso)


def decode(payload: str) -> tuple[list[dict], str | None]:
    """(mention rows, failure) from `encode`'s JSON; dates come back as dates."""
    data = json.loads(payload)
    if "failure" in data:
        return [], data["failure"]
    mentions = data["mentions"]
    for m in mentions:
        for f in _DATE_FIELDS:
            if m.get(f) is not None:
                m[f] = dt.date.fromisoformat(m[f])
    return mentions, None


def _iso(v):
    if isinstance(v, dt.date):
        return v.isoformat()
    raise TypeError(f"not JSON serialisable: {type(v).__name__}")


class Memo:
    """A key -> payload store kept between builds (one SQLite file). Not thread-safe: one thread of one process
    reads and writes it (a forked process opens its own)."""

    def __init__(self, path: Path | str, version: str = ""):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.version = version
        self.hits = self.misses = 0
        self._db = sqlite3.connect(self.path, isolation_level=None, timeout=60)
        self._db.execute("PRAGMA journal_mode=WAL")  # readers never block, a kill never corrupts
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, version TEXT NOT NULL, "
                         "payload NOT NULL, used TEXT NOT NULL)")  # `used`: no longer read, kept for old files
        # Keys this build found or stored; at the end the others are garbage. In a temporary table (a file of
        # this connection's, gone when it closes), not a set: a set held ~170 bytes a key, growing with the
        # corpus; nor marked in `results`: an UPDATE rewrites the whole row, payload and all.
        self._db.execute("PRAGMA temp_store=FILE")
        self._db.execute("CREATE TEMP TABLE live (key TEXT PRIMARY KEY)")
        self._live: list[str] = []  # keys not yet in the table: written LIVE_BATCH at a time

    def get(self, key: str):
        """The payload of `key`, or None."""
        row = self._db.execute("SELECT payload FROM results WHERE key=?", (key,)).fetchone()
        if row is None:
            self.misses += 1
            return None
        self.hits += 1
        self._mark([key])
        return row[0]

    def get_many(self, keys: Iterable[str]) -> dict:
        """Payloads of the keys found."""
        keys = list(dict.fromkeys(keys))
        found: dict = {}
        for i in range(0, len(keys), _CHUNK):
            chunk = keys[i:i + _CHUNK]
            marks = ",".join("?" * len(chunk))
            found.update(self._db.execute(f"SELECT key, payload FROM results WHERE key IN ({marks})", chunk))
        self._mark(found)
        self.hits += len(found)
        self.misses += len(keys) - len(found)
        return found

    def keep(self, keys: Iterable[str]) -> None:
        """Count these keys as used by this build without reading them (something built from their payloads
        was reused instead), so that `prune` keeps them."""
        keys = set(keys)
        self._mark(keys)
        self.hits += len(keys)

    def put_many(self, entries: Iterable[tuple[str, object]]) -> None:
        """Store (key, payload) pairs in one transaction: all of them, or none if the build dies meanwhile."""
        rows = [(k, self.version, p, "") for k, p in entries]
        if rows:
            with self._transaction():
                self._db.executemany("INSERT OR REPLACE INTO results (key, version, payload, used) VALUES (?,?,?,?)",
                                     rows)
            self._mark([k for k, *_ in rows])

    def prune(self) -> int:
        """Drop the entries this build neither found nor stored (deleted or edited inputs, other code versions).
        Call only after a build that looked up everything it needed; returns how many were dropped."""
        self._mark([], flush=True)
        with self._transaction():
            n = self._db.execute("DELETE FROM results WHERE key NOT IN (SELECT key FROM live)").rowcount
        if n > 1000:
            self._db.execute("VACUUM")
        return n

    def _mark(self, keys: Iterable[str], flush: bool = False) -> None:
        """Count `keys` as live (see __init__)."""
        self._live.extend(keys)
        if self._live and (flush or len(self._live) >= LIVE_BATCH):
            self._db.execute("BEGIN")  # deferred: writes only the temporary table, locks nothing others read
            self._db.executemany("INSERT OR IGNORE INTO live VALUES (?)", ((k,) for k in self._live))
            self._db.execute("COMMIT")
            self._live.clear()

    def __len__(self) -> int:
        return self._db.execute("SELECT count(*) FROM results").fetchone()[0]

    def close(self) -> None:  # safe to call twice
        self._db.close()

    def _transaction(self):
        db = self._db

        class _Tx:
            def __enter__(self):
                db.execute("BEGIN IMMEDIATE")

            def __exit__(self, kind, exc, tb):
                db.execute("COMMIT" if kind is None else "ROLLBACK")
                return False

        return _Tx()


class ExtractionCache(Memo):
    """The per-article extraction results (payloads of `encode`), in `directory`/extract.sqlite."""

    def __init__(self, directory: Path | str, version: str):
        self.directory = Path(directory)
        super().__init__(self.directory / FILE_NAME, version)


# ---------------------------------------------------------------------------------------------- ingest

STAT_SLACK_S = 2           # a file modified this recently when read may change again within its mtime tick
MAX_INDEXED_BYTES = 64 << 20  # bigger files (long JSONL exports) are read on every build rather than copied here
_INGEST_CODE = Path(__file__).resolve().parent / "ingest"


def ingest_version() -> str:
    """What ingest's records depend on besides the file: its code and the parsers it uses."""
    from importlib.metadata import PackageNotFoundError, version

    h = hashlib.sha256()
    for f in sorted(_INGEST_CODE.glob("*.py")):
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    for package in ("trafilatura", "PyYAML", "dateparser"):
        try:
            h.update(f"{package}={version(package)}".encode())
        except PackageNotFoundError:
            h.update(f"{package}=none".encode())
    return h.hexdigest()[:16]


class IngestIndex:
    """The records ingest read from each file, so an unchanged file is not read again (etl.ingest `index`).

    An entry is found only while the file's stat (device, inode, size, mtime, ctime) is what it was when the
    file was read, and ingest's code is the same. Records come back as the readers returned them but for their
    text, which is kept apart by its SHA-256 (`texts`): a rebuild hashes no text and decodes only the texts
    it extracts again. Ids, duplicates and dates are settled again on every build, across all inputs.
    """

    FILE_NAME = "ingest.sqlite"
    TEXTS_FILE_NAME = "ingest-texts.sqlite"
    FORMAT = "2"  # records without their texts

    def __init__(self, directory: Path | str):
        self.version = f"{ingest_version()}.{self.FORMAT}"
        records, texts = Path(directory) / self.FILE_NAME, Path(directory) / self.TEXTS_FILE_NAME
        if not texts.exists():  # deleted (it is a cache): the records, which come without their texts, go too
            for path in (records, records.with_name(records.name + "-wal"), records.with_name(records.name + "-shm")):
                path.unlink(missing_ok=True)
        self._memo = Memo(records, self.version)
        self._texts = Memo(texts)  # content hash -> text

    def get(self, file: Path, info: os.stat_result | None = None) -> list | None:
        """The records of `file` as last read, or None when it is not indexed or has changed since (`info`: its
        stat, if just taken). A record with text has `text` None and its `content_hash` set."""
        key = self._key(file, info)
        payload = self._memo.get(key) if key else None
        if payload is None:
            return None
        records = [_parsed_from_json(r) for r in json.loads(payload)]
        self._texts.keep(r.content_hash for r in records if r.content_hash)
        return records

    def texts(self, hashes: Iterable[str]) -> dict[str, str]:
        """Texts by content hash, of records `get` gave without them."""
        hashes = set(hashes)
        found = self._texts.get_many(hashes)
        if missing := hashes - found.keys():
            raise LookupError(f"the ingest index has lost {len(missing)} text(s), e.g. {sorted(missing)[0]}; "
                              f"delete {self._texts.path} and build again")
        return found

    @staticmethod
    def _stat(file: Path):
        try:
            return os.stat(file)
        except OSError:
            return None

    @staticmethod
    def wants(before: os.stat_result) -> bool:
        """Whether a file with this stat would be indexed: not too big to copy, and not modified too recently
        to tell a later edit apart (its records need not be kept for `put` otherwise)."""
        return before.st_size <= MAX_INDEXED_BYTES and \
            dt.datetime.now().timestamp() * 1e9 - before.st_mtime_ns >= STAT_SLACK_S * 1e9

    def put(self, file: Path, before: os.stat_result, records: list) -> None:
        """Index what was read from `file`, whose stat was `before` when reading began, unless it changed since."""
        if not self.wants(before):
            return
        if self._key(file) != self._key(file, before):
            return  # changed while being read
        rows = [_parsed_to_json(r) for r in records]
        if None in rows:
            return
        texts = []
        for row in rows:
            if row["status"] == "ok" and row["text"].strip():  # a blank text stays: ingest makes it an error
                row["content_hash"] = row["content_hash"] or hashlib.sha256(row["text"].encode("utf-8")).hexdigest()
                texts.append((row["content_hash"], row.pop("text")))
        self._texts.put_many(texts)  # first: a record is never found without its text
        self._memo.put_many([(self._key(file, before), json.dumps(rows, ensure_ascii=False))])

    @property
    def hits(self) -> int:
        """Files found unchanged, not read."""
        return self._memo.hits

    @property
    def misses(self) -> int:
        """Files read (new, changed, or not indexed)."""
        return self._memo.misses

    def prune(self) -> int:
        self._texts.prune()
        return self._memo.prune()

    def close(self) -> None:
        self._memo.close()
        self._texts.close()

    def _key(self, file: Path, info: os.stat_result | None = None) -> str | None:
        info = info or self._stat(file)
        if info is None:
            return None
        parts = [self.version, os.path.abspath(file), info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns,
                 info.st_ctime_ns]
        return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


def _parsed_to_json(record) -> dict | None:
    """A reader's record as JSON (None if a value would not survive the round trip: the file is not indexed)."""
    import dataclasses

    row = dataclasses.asdict(record)
    published = row["published"]
    if isinstance(published, dt.datetime):
        row["published"] = {"datetime": published.isoformat()}
    elif isinstance(published, dt.date):
        row["published"] = {"date": published.isoformat()}
    elif published is not None and not isinstance(published, str):
        return None
    return row


def _parsed_from_json(row: dict):
    from etl.ingest.parsed import Parsed

    if row.get("content_hash"):
        row["text"] = None  # kept apart: IngestIndex.texts
    published = row["published"]
    if isinstance(published, dict):
        row["published"] = (dt.datetime.fromisoformat(published["datetime"]) if "datetime" in published
                            else dt.date.fromisoformat(published["date"]))
    return Parsed(**row)
