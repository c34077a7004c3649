"""The record every format reader returns for one input, before ids, dates and hashes are settled."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Parsed:
    # None when the ingest index gave the record without its text: content_hash names it (IngestIndex.texts)
    text: str | None = ""
    title: str | None = None
    publisher: str | None = None
    # Raw as found: a string from text or JSON, or a date object from YAML; ingest parses it once, centrally.
    published: object = None
    url: str | None = None
    article_id: str | None = None  # only JSONL records carry their own id
    line: int | None = None
    status: str = "ok"  # ok, skipped or error; duplicates are decided later, across the whole run
    notes: list[str] = field(default_factory=list)
    content_hash: str | None = None  # the text's SHA-256, once ingest (or the index it came from) has taken it


def failed(message: str, line: int | None = None, article_id: str | None = None) -> Parsed:
    return Parsed(status="error", notes=[message], line=line, article_id=article_id)


def guarded(read, *args, line: int | None = None) -> Parsed:
    """Run a format reader on untrusted input; whatever it raises becomes this input's error, not the run's end."""
    try:
        return read(*args)
    except Exception as exc:  # third-party parsers (lxml, trafilatura, yaml, json) raise many kinds on odd input
        return failed(f"could not parse ({type(exc).__name__}: {exc})", line=line)
