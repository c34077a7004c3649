"""Ingest: walk input folders and files and yield one Article per input file or JSONL line, whatever happens."""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import stat
from pathlib import Path, PurePath
from typing import Iterable, Iterator

from etl.schema import Article

from . import html, jsonl, text
from .dates import parse_publication_date
from .parsed import Parsed, failed, guarded

__all__ = ["iter_articles", "MAX_ARTICLE_BYTES"]

# Largest single-article file (or JSONL line) read. A news article is a few KB; 20 MB means a wrong file.
MAX_ARTICLE_BYTES = 20 * 1024 * 1024
READERS = {".txt": text.read, ".md": text.read, ".html": html.read, ".htm": html.read}
JSONL_SUFFIXES = (".jsonl",)
# Licence and read-me files ship beside corpora (seeds/NOTICE.md) but are not articles.
DOCUMENTATION_PREFIXES = ("NOTICE", "README", "LICENSE", "LICENCE", "COPYING")


def iter_articles(paths: Iterable[str | Path], today: dt.date | None = None, index=None) -> Iterator[Article]:
    """Yield one Article per input file and per non-blank JSONL line, in a deterministic order.

    Folders are walked recursively in name order (hidden entries ignored); files are read as given.
    Raises FileNotFoundError at once, before anything is read, when a path does not exist.
    `index` (etl.cache.IngestIndex) keeps each file's records between runs: a file whose stat has not changed
    is not read again, and its articles come without their text (None; `index.texts` gives it by content hash,
    for the few that are extracted again). Ids, duplicates and dates are settled afresh either way, so the
    articles are otherwise the same.
    """
    roots = [Path(paths)] if isinstance(paths, (str, PurePath)) else [Path(p) for p in paths]
    for root in roots:
        if not os.path.lexists(root):
            raise FileNotFoundError(f"input path does not exist: {root}")
    return _Run(today or dt.date.today(), index).articles(roots)


class _Run:
    """State shared by one run: ids and texts already seen, so repeats are caught across all inputs."""

    def __init__(self, today: dt.date, index=None):
        self.today = today
        self.index = index
        self.id_first_seen: dict[str, str] = {}  # article_id -> where it was first used
        self.hash_first_id: dict[str, str] = {}  # content_hash -> article_id of the first ok article

    def articles(self, roots: list[Path]) -> Iterator[Article]:
        for root in roots:
            if root.is_dir():
                # The folder's own name starts every path ("seeds/a.txt"); "." has no name, so resolve it.
                label = root.name or os.path.basename(os.path.abspath(root))
                for file, rel, problem in _walk(root, ""):
                    shown = f"{label}/{rel}" if rel else label
                    if problem:
                        yield self.finish(Parsed(status=problem[0], notes=[problem[1]]), shown, rel or label)
                    else:
                        yield from self.read_file(file, shown, str(PurePath(rel).with_suffix("")), rel)
            else:
                yield from self.read_file(root, root.as_posix(), root.stem, root.name)

    def read_file(self, file: Path, shown: str, base_id: str, rel: str) -> Iterator[Article]:
        """Articles of one file. `base_id` names its article(s); `rel` (suffix kept) names a skipped file."""
        suffix = file.suffix.lower()
        if file.name.upper().startswith(DOCUMENTATION_PREFIXES):
            yield self.finish(Parsed(status="skipped", notes=["documentation file, not an article"]), shown, rel)
            return
        if suffix not in READERS and suffix not in JSONL_SUFFIXES:
            kind = f"unsupported file type {suffix}" if suffix else "unsupported file type (no suffix)"
            yield self.finish(Parsed(status="skipped", notes=[kind]), shown, rel)
            return
        before, problem = _check_file(file, limit=None if suffix in JSONL_SUFFIXES else MAX_ARTICLE_BYTES)
        if problem:
            yield self.finish(Parsed(status=problem[0], notes=[problem[1]]), shown, base_id)
            return
        known = self.index.get(file, before) if self.index is not None else None
        if known is not None:
            for record in known:
                yield self.finish(record, shown, f"{base_id}:{record.line}" if record.line else base_id)
            return
        records = [] if self.index is not None and self.index.wants(before) else None  # kept to be indexed
        try:
            for record in self._records(file, suffix):
                if records is not None:
                    records.append(record)
                yield self.finish(record, shown, f"{base_id}:{record.line}" if record.line else base_id)
        except OSError as exc:
            yield self.finish(failed(f"cannot read file ({exc.strerror or exc})"), shown, base_id)
            return
        if records is not None:
            self.index.put(file, before, records)

    @staticmethod
    def _records(file: Path, suffix: str) -> Iterator[Parsed]:
        """What the file's reader makes of it: one record, or one per JSONL line (read as they come)."""
        if suffix in JSONL_SUFFIXES:
            with open(file, "rb") as stream:
                yield from jsonl.read(stream, MAX_ARTICLE_BYTES)
            return
        data = file.read_bytes()
        if b"\0" in data:
            yield failed("binary file (contains NUL bytes)")
        else:
            yield guarded(READERS[suffix], text.decode(data))

    def finish(self, record: Parsed, path: str, default_id: str) -> Article:
        """Settle a record into an Article: date, hash, duplicates, a unique id and the located message."""
        where = f"{path}:{record.line}" if record.line else path
        article_id = record.article_id or default_id
        article = Article(article_id=article_id, path=path, line=record.line, status=record.status)
        notes = list(record.notes)
        if record.status == "ok" and record.text is not None and not record.text.strip():
            article.status, notes = "error", ["no article text found"]
        if article.status == "ok":
            article.text = record.text
            article.title, article.publisher, article.url = (
                _nonempty(record.title), _nonempty(record.publisher), _nonempty(record.url))
            article.publication_date, note = parse_publication_date(record.published, self.today)
            notes += [note] if note else []
            article.content_hash = record.content_hash or hashlib.sha256(record.text.encode("utf-8")).hexdigest()
            record.content_hash = article.content_hash  # the index keeps the text under it (IngestIndex.put)
            if first := self.hash_first_id.get(article.content_hash):
                # Its text is already in the run; nothing downstream needs a second copy.
                article.status, article.text, notes = "duplicate", "", [f"same text as article {first!r}"]
            elif article_id in self.id_first_seen:
                article.status = "error"
                notes = [f"duplicate id {article_id!r} (first seen at {self.id_first_seen[article_id]})"]
            else:
                self.hash_first_id[article.content_hash] = article_id
        article.article_id = self._claim(article_id, where)
        article.error = f"{where}: {'; '.join(notes)}" if notes else None
        return article

    def _claim(self, article_id: str, where: str) -> str:
        """article_id is unique in the articles table: a repeated id gets a ~2, ~3 ... suffix."""
        unique, n = article_id, 1
        while unique in self.id_first_seen:
            n += 1
            unique = f"{article_id}~{n}"
        self.id_first_seen[unique] = where
        return unique


def _walk(folder: Path, rel: str, branch: frozenset[str] = frozenset()) -> Iterator[
        tuple[Path, str, tuple[str, str] | None]]:
    """(path, path relative to the root, problem) for each file below `folder`, in name order.

    Symlinked folders are followed unless they lead back into the branch being walked (a loop); a
    problem is (status, message) for an entry that is not read.
    """
    here = os.path.realpath(folder)
    branch = branch | {here}
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        yield folder, rel, ("error", f"cannot read folder ({exc.strerror or exc})")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue  # hidden files and folders (.git, .DS_Store, editor swap files) are not inputs
        child = f"{rel}/{entry.name}" if rel else entry.name
        if not entry.is_dir():  # follows symlinks: a link to a folder is a folder
            yield Path(entry.path), child, None
            continue
        target = os.path.realpath(entry.path)
        # A link to a folder above us would walk the tree again, and again: stop at the link.
        if target in branch or here.startswith(target.rstrip(os.sep) + os.sep):
            loop = f"symlink loop: {child} points back to {os.readlink(entry.path)}, not followed"
            yield Path(entry.path), child, ("error", loop)
        else:
            yield from _walk(Path(entry.path), child, branch)


def _check_file(file: Path, limit: int | None) -> tuple[os.stat_result | None, tuple[str, str] | None]:
    """The file's stat before reading it, and (status, message) when it cannot be read as an article."""
    try:
        info = file.stat()
    except OSError as exc:
        if file.is_symlink():
            return None, ("error", f"broken symlink to {os.readlink(file)}")
        return None, ("error", f"cannot read file ({exc.strerror or exc})")
    if not stat.S_ISREG(info.st_mode):
        return info, ("skipped", "not a regular file")  # FIFOs, sockets, devices: reading could block forever
    if info.st_size == 0:
        return info, ("error", "empty file")
    if limit is not None and info.st_size > limit:
        return info, ("error", f"file too large ({info.st_size:,} bytes; the limit is {limit:,} bytes)")
    return info, None


def _nonempty(value: str | None) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None
