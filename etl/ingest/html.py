"""HTML pages: main text and metadata via trafilatura, offline (the page is never fetched, nor what it links to)."""
from __future__ import annotations

from .parsed import Parsed, failed
from .text import normalise


def read(page: str) -> Parsed:
    import trafilatura  # slow to import (lxml, its settings): only a corpus with HTML pages needs it

    # url=None and a string in: trafilatura parses what it is given and requests nothing (scripts, images, links).
    doc = trafilatura.bare_extraction(page, url=None, with_metadata=True, include_comments=False)
    if doc is None or not (doc.text or "").strip():
        return failed("no article text found")
    text = normalise(doc.text)
    first, _, rest = text.partition("\n")
    if doc.title and first.strip().casefold() == doc.title.strip().casefold():
        text = rest.strip("\n")  # the <h1> headline repeats the title; the body starts after it
    return Parsed(text=text, title=doc.title, publisher=doc.sitename or doc.author, published=doc.date, url=doc.url)
