"""Extraction: article text -> incident mentions. Pure functions: text in, plain values out, no I/O.

`extract_article` and `extractor_version` live in `article.py`; they are loaded on first use so that the
parts (numbers, dates, places, actors) import on their own.
"""


def __getattr__(name):
    if name in ("extract_article", "extractor_version"):
        from etl.extract import article

        return getattr(article, name)
    raise AttributeError(name)
