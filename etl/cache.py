"""Per-article extraction results, kept between builds: a build re-extracts only what changed.

An entry is keyed by the article's content hash, the metadata the extractor reads (id, title, publisher,
publication date, url) and `extractor_version()` (a hash of the extractor's code and rule tables): editing an
article, or the extractor, misses the cache; renaming nothing and changing nothing hits it.

The store is one SQLite file (`data/.cache/extract.sqlite` by default). Each batch of results is written in
one transaction, so a build killed at any point leaves every committed entry whole and the others absent,
never half an entry. Entries no completed build has used are dropped at the end of each build (deleted or
edited articles, older extractor versions), so the cache does not grow with edits.
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


class ExtractionCache:
    """The results store of one build. Not thread-safe: the build's main thread alone reads and writes it."""

    def __init__(self, directory: Path | str, version: str):
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.version = version
        self.path = self.directory / FILE_NAME
        # Marks the entries this build used; at the end, entries with another mark are garbage.
        self.stamp = f"{dt.datetime.now(dt.timezone.utc):%Y%m%dT%H%M%S}-{os.getpid()}-{secrets.token_hex(4)}"
        self.hits = self.misses = 0
        self._db = sqlite3.connect(self.path, isolation_level=None, timeout=60)
        self._db.execute("PRAGMA journal_mode=WAL")  # readers never block, a kill never corrupts
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, version TEXT NOT NULL, "
                         "payload TEXT NOT NULL, used TEXT NOT NULL)")

    def get_many(self, keys: Iterable[str]) -> dict[str, str]:
        """Payloads of the keys found; the ones found are marked as used by this build."""
        keys = list(dict.fromkeys(keys))
        found: dict[str, str] = {}
        for i in range(0, len(keys), _CHUNK):
            chunk = keys[i:i + _CHUNK]
            marks = ",".join("?" * len(chunk))
            found.update(self._db.execute(f"SELECT key, payload FROM results WHERE key IN ({marks})", chunk))
        if found:
            with self._transaction():
                self._db.executemany("UPDATE results SET used=? WHERE key=?", [(self.stamp, k) for k in found])
        self.hits += len(found)
        self.misses += len(keys) - len(found)
        return found

    def put_many(self, entries: Iterable[tuple[str, str]]) -> None:
        """Store (key, payload) pairs in one transaction: all of them, or none if the build dies meanwhile."""
        rows = [(k, self.version, p, self.stamp) for k, p in entries]
        if rows:
            with self._transaction():
                self._db.executemany("INSERT OR REPLACE INTO results (key, version, payload, used) VALUES (?,?,?,?)",
                                     rows)

    def prune(self) -> int:
        """Drop the entries this build did not use (deleted or edited articles, other extractor versions).
        Call only after a build that read every input; returns how many were dropped."""
        with self._transaction():
            n = self._db.execute("DELETE FROM results WHERE used != ?", (self.stamp,)).rowcount
        if n > 1000:
            self._db.execute("VACUUM")
        return n

    def __len__(self) -> int:
        return self._db.execute("SELECT count(*) FROM results").fetchone()[0]

    def close(self) -> None:
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
