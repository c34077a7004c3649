"""JSONL files: one article per line, read line by line; a bad line is an error record and the file goes on."""
from __future__ import annotations

import json
from typing import BinaryIO, Iterator

from .parsed import Parsed, failed, guarded
from .text import decode, normalise

SNIFF_BYTES = 8192  # a NUL byte this early means the file is not text (gzip, UTF-16, ...)


def read(stream: BinaryIO, max_line_bytes: int) -> Iterator[Parsed]:
    if b"\0" in stream.read(SNIFF_BYTES):
        yield failed("binary file (contains NUL bytes)")
        return
    stream.seek(0)
    found = False
    for number, raw in _lines(stream, max_line_bytes):
        if raw is None:
            found = True
            yield failed(f"line longer than the limit of {max_line_bytes:,} bytes", line=number)
            continue
        if not raw.strip():
            continue  # blank lines separate nothing and are not articles
        found = True
        yield guarded(_record, decode(raw), number, line=number)
    if not found:
        yield failed("no articles: the file has only blank lines")


def _record(line: str, number: int) -> Parsed:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return failed(f"malformed JSON ({exc.msg}: column {exc.colno})", line=number)
    if not isinstance(obj, dict):
        return failed(f"expected a JSON object, got {_kind(obj)}", line=number)
    article_id = obj.get("id")
    if isinstance(article_id, int) and not isinstance(article_id, bool):
        article_id = str(article_id)
    if article_id is not None and not (isinstance(article_id, str) and article_id.strip()):
        return failed(f"`id` must be a non-empty string, got {_kind(article_id)}", line=number)
    article_id = article_id.strip() if article_id else None
    text = obj.get("text")
    if not isinstance(text, str):
        problem = "missing `text`" if text is None else f"`text` must be a string, got {_kind(text)}"
        return failed(problem, line=number, article_id=article_id)
    if not text.strip():
        return failed("empty `text`", line=number, article_id=article_id)
    notes: list[str] = []
    fields = {key: _optional_text(obj, key, notes) for key in ("title", "publication_date", "source", "url")}
    return Parsed(text=normalise(text), title=fields["title"], publisher=fields["source"],
                  published=fields["publication_date"], url=fields["url"],
                  article_id=article_id, line=number, notes=notes)


def _optional_text(obj: dict, key: str, notes: list[str]) -> str | None:
    value = obj.get(key)
    if value is None or isinstance(value, str):
        return value
    notes.append(f"`{key}` ignored: expected a string, got {_kind(value)}")
    return None


def _lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes), with None for a line over `limit` bytes, which is skipped without holding it."""
    number = 0
    while raw := stream.readline(limit + 1):
        number += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, raw


def _kind(value: object) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}.get(
        type(value), type(value).__name__)
