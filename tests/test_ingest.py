"""Ingest: inputs written to tmp_path in, the Articles expected out."""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import socket
import unicodedata
from pathlib import Path

import pytest

import etl.ingest
from etl.ingest import iter_articles

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TODAY = dt.date(2026, 1, 1)


def ingest(*paths, today=TODAY):
    return list(iter_articles(paths, today=today))


def by_path(articles):
    return {(a.path, a.line): a for a in articles}


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_scraped_seed_page_gives_headline_byline_and_clean_body(tmp_path):
    """You are here / headline / By AFP - Mar 09,2017 - ... / caption / MOSUL — body / Related Articles / teasers."""
    shutil.copy(SEEDS / "000_5da0db9d29881d1f.txt", tmp_path / "000_5da0db9d29881d1f.txt")
    [article] = ingest(tmp_path)
    assert article.status == "ok" and article.error is None
    assert article.article_id == "000_5da0db9d29881d1f"
    assert article.path == f"{tmp_path.name}/000_5da0db9d29881d1f.txt"
    assert article.line is None
    assert article.title == "Daesh leader Baghdadi ‘flees Mosul’ as Iraqi forces advance"
    assert article.publisher == "AFP"
    assert article.publication_date == dt.date(2017, 3, 9)
    assert article.text.startswith("MOSUL — Daesh chief Abu Bakr Al Baghdadi")
    assert "Al Hajaj" in article.text
    for furniture in ("You are here", "(AFP photo)", "Displaced Iraqi families", "Related Articles", "CAIRO —"):
        assert furniture not in article.text
    assert len(article.content_hash) == 64


@pytest.mark.parametrize("page, title, publisher, date, first_line", [
    ("Iraq bombing kills 12\nBy Reuters | March 9, 2017\nBAGHDAD (Reuters) - A car bomb killed 12.\nMore.\n"
     "Read more:\nOther story teaser",
     "Iraq bombing kills 12", "Reuters", dt.date(2017, 3, 9), "BAGHDAD (Reuters) - A car bomb killed 12."),
    ("Home » World\nBomb kills 5\nPosted: Thursday, March 13, 2014 6:42 PM EST\n"
     "A man waits near the scene. (AP Photo/Dana Okafor)\nKABUL — Five people died.",
     "Bomb kills 5", None, dt.date(2014, 3, 13), "KABUL — Five people died."),
    ("Car bomb kills 9\n\nNine people died on Monday.", "Car bomb kills 9", None, None, "Nine people died on Monday."),
    # No headline or byline: nothing is taken away from plain prose.
    ("Police said five people died in the blast on Monday.\nThe bomb went off at a market.",
     None, None, None, "Police said five people died in the blast on Monday."),
    ("By Thursday, 12 people had died, officials said.\nMore text.",
     None, None, None, "By Thursday, 12 people had died, officials said."),
])
def test_other_sites_bylines_and_furniture(tmp_path, page, title, publisher, date, first_line):
    [article] = ingest(write(tmp_path / "page.txt", page))
    assert (article.title, article.publisher, article.publication_date) == (title, publisher, date)
    assert article.text.split("\n")[0] == first_line
    assert "Read more" not in article.text and "teaser" not in article.text and "AP Photo" not in article.text


def test_unparseable_byline_date_is_noted(tmp_path):
    [article] = ingest(write(tmp_path / "p.txt", "Headline\nPublished: 32 Foo 2017\nBody text."))
    assert (article.status, article.title, article.publication_date, article.text) == (
        "ok", "Headline", None, "Body text.")
    assert article.error == f"{tmp_path.as_posix()}/p.txt: unparseable publication date '32 Foo 2017'"


def test_front_matter_wins_over_byline(tmp_path):
    write(tmp_path / "c/story.md", "---\ntitle: Front Title\npublication_date: 2019-05-02\nsource: Example News\n"
          "url: https://example.org/x\n---\n# Front Title\n\nBy AFP - Mar 09,2017\n\nBody one.\n\n\n\nBody two.\n")
    [article] = ingest(tmp_path / "c")
    assert article.status == "ok"
    assert (article.title, article.publisher, article.publication_date, article.url) == (
        "Front Title", "Example News", dt.date(2019, 5, 2), "https://example.org/x")
    assert article.text == "Body one.\n\nBody two."  # paragraph breaks kept, runs of blank lines collapsed


@pytest.mark.parametrize("front_matter", ["title: [unclosed", "publication_date: 2019-02-30"])
def test_invalid_front_matter_is_an_error(tmp_path, front_matter):
    [article] = ingest(write(tmp_path / "bad.md", f"---\n{front_matter}\n---\nBody."))
    assert article.status == "error"
    assert article.error.startswith(f"{tmp_path.as_posix()}/bad.md: invalid YAML front matter (")


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args}")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


PAGE = """<!doctype html><html><head><title>Bomb kills 12 in Kabul | Example News</title>
<meta property="og:site_name" content="Example News"><meta name="date" content="2019-05-02">
<link rel="canonical" href="https://example.org/kabul-bomb">
<script src="http://tracker.example/x.js"></script><script>fetch("http://tracker.example/beacon")</script></head>
<body><nav>Home | World | Sport</nav><article><h1>Bomb kills 12 in Kabul</h1>
<img src="http://example.org/pic.jpg" alt="The scene">
<p>KABUL — A bomb killed 12 people in the Afghan capital on Thursday, officials said, in the deadliest attack this month.</p>
<p>Police said at least 30 people were wounded in the blast near a market.</p>
</article><footer>Copyright Example News</footer></body></html>"""


def test_html_page_text_and_metadata_without_network(tmp_path, no_network):
    [article] = ingest(write(tmp_path / "kabul.html", PAGE))
    assert article.status == "ok", article.error
    assert article.title == "Bomb kills 12 in Kabul"
    assert article.publication_date == dt.date(2019, 5, 2)
    assert article.publisher == "Example News"
    assert article.url == "https://example.org/kabul-bomb"
    assert article.text.startswith("KABUL — A bomb killed 12 people")
    assert "wounded in the blast" in article.text
    assert "fetch(" not in article.text and "Copyright" not in article.text


def test_html_without_article_body_is_an_error(tmp_path, no_network):
    page = "<html><head><title>Empty</title><script>var x = 1;</script></head><body></body></html>"
    [article] = ingest(write(tmp_path / "empty.htm", page))
    assert article.status == "error"
    assert article.error == f"{tmp_path.as_posix()}/empty.htm: no article text found"


def test_jsonl_good_and_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "a1", "text": "Twelve killed in Kabul.", "title": "Kabul", "publication_date": "2019-05-02",
                    "source": "Wire", "url": "https://x.org/a1", "extra": [1, 2]}),
        '{"id": "a2", "text": "broken" "here"}',
        "",
        json.dumps({"id": "a3", "title": "no text"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": "No id given, five wounded."}),
        json.dumps({"id": "a6", "text": "   "}),
        "[" * 5_000 + "]" * 5_000,  # nesting deep enough to exhaust the parser's recursion
        "   ",
    ]
    write(tmp_path / "in/feed.jsonl", "\n".join(lines) + "\n")
    articles = ingest(tmp_path / "in")
    assert [(a.line, a.article_id, a.status) for a in articles] == [
        (1, "a1", "ok"), (2, "feed:2", "error"), (4, "a3", "error"), (5, "feed:5", "error"),
        (6, "feed:6", "ok"), (7, "a6", "error"), (8, "feed:8", "error")]
    first = articles[0]
    assert (first.text, first.title, first.publisher, first.url, first.publication_date, first.path) == (
        "Twelve killed in Kabul.", "Kabul", "Wire", "https://x.org/a1", dt.date(2019, 5, 2), "in/feed.jsonl")
    errors = [a.error for a in articles if a.status == "error"]
    assert errors[:-1] == [
        "in/feed.jsonl:2: malformed JSON (Expecting ',' delimiter: column 31)",
        "in/feed.jsonl:4: missing `text`",
        "in/feed.jsonl:5: expected a JSON object, got array",
        "in/feed.jsonl:7: empty `text`",
    ]
    assert errors[-1].startswith("in/feed.jsonl:8: could not parse (RecursionError")


def test_jsonl_of_only_blank_lines_is_still_accounted_for(tmp_path):
    [article] = ingest(write(tmp_path / "blank.jsonl", "\n\n  \n"))
    assert article.status == "error" and "only blank lines" in article.error


@pytest.mark.parametrize("name, content, message", [
    ("empty.txt", b"", "empty file"),
    ("binary.txt", b"PK\x03\x04\x00\x00 not text", "binary file (contains NUL bytes)"),
    ("binary.jsonl", b'{"text": "x"}\n\x00\x01\x02', "binary file (contains NUL bytes)"),
])
def test_unreadable_inputs_are_error_articles(tmp_path, name, content, message):
    [article] = ingest(write(tmp_path / "d" / name, content))
    assert article.status == "error"
    assert article.error == f"{(tmp_path / 'd' / name).as_posix()}: {message}"
    assert article.text == "" and article.content_hash is None


def test_cp1252_and_latin1_bytes_are_decoded_not_errors(tmp_path):
    write(tmp_path / "d/cp1252.txt", "Caf\xe9 bombing \u2014 \u201cfive dead\u201d, police said.".encode("cp1252"))
    write(tmp_path / "d/latin1.txt", b"Attack in Z\xfcrich \x81 left two injured.")  # 0x81 is undefined in cp1252
    write(tmp_path / "d/bom.txt", "\ufeffOfficials said na\u0131ve.".encode("utf-8"))
    articles = by_path(ingest(tmp_path / "d"))
    assert articles[("d/cp1252.txt", None)].text == "Café bombing — “five dead”, police said."
    assert articles[("d/latin1.txt", None)].text == "Attack in Zürich \x81 left two injured."
    assert articles[("d/bom.txt", None)].text == "Officials said naıve."
    assert all(a.status == "ok" and a.error is None for a in articles.values())


def test_oversize_file_is_an_error_naming_the_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(etl.ingest, "MAX_ARTICLE_BYTES", 100)
    write(tmp_path / "d/big.txt", "word " * 50)
    write(tmp_path / "d/feed.jsonl", json.dumps({"id": "long", "text": "word " * 50}) + "\n"
          + json.dumps({"id": "short", "text": "Two killed."}) + "\n")
    articles = ingest(tmp_path / "d")
    assert [(a.article_id, a.status) for a in articles] == [("big", "error"), ("feed:1", "error"), ("short", "ok")]
    assert articles[0].error == "d/big.txt: file too large (250 bytes; the limit is 100 bytes)"
    assert articles[1].error == "d/feed.jsonl:1: line longer than the limit of 100 bytes"


def test_unreadable_file_is_an_error(tmp_path, monkeypatch):
    write(tmp_path / "d/locked.txt", "Text.")
    real_read_bytes = Path.read_bytes

    def read_bytes(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_read_bytes(self)
    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    [article] = ingest(tmp_path / "d")
    assert (article.status, article.error) == ("error", "d/locked.txt: cannot read file (Permission denied)")


def test_normalisation(tmp_path):
    write(tmp_path / "d/n.txt", "Caf\u0065\u0301 blast.  \r\n\r\n\r\n\r\nLine two.\t\r\n")
    [article] = ingest(tmp_path / "d")
    assert article.text == "Caf\u00e9 blast.\n\nLine two."
    assert unicodedata.is_normalized("NFC", article.text)


def test_same_text_under_two_names_is_a_duplicate(tmp_path):
    write(tmp_path / "d/a.txt", "Five killed in Mosul blast, police said.")
    write(tmp_path / "d/b.txt", "Five killed in Mosul blast, police said.\r\n")  # same text once normalised
    write(tmp_path / "d/feed.jsonl", json.dumps({"id": "a", "text": "Five killed in Mosul blast, police said."}))
    a, b, c = ingest(tmp_path / "d")
    assert a.status == "ok"
    assert (b.status, b.error, b.content_hash) == ("duplicate", "d/b.txt: same text as article 'a'", a.content_hash)
    # Same text and a taken id: still a duplicate, with an id kept unique for the articles table.
    assert (c.status, c.article_id) == ("duplicate", "a~2")


def test_repeated_id_with_different_text_is_an_error(tmp_path):
    write(tmp_path / "d/one.jsonl", json.dumps({"id": "x", "text": "First text."}))
    write(tmp_path / "d/two.jsonl", json.dumps({"id": "x", "text": "Other text."}))
    first, second = ingest(tmp_path / "d")
    assert first.status == "ok" and second.status == "error"
    assert second.error == "d/two.jsonl:1: duplicate id 'x' (first seen at d/one.jsonl:1)"
    assert second.article_id != first.article_id


def test_documentation_unsupported_and_hidden_files(tmp_path):
    write(tmp_path / "d/NOTICE.md", "# Licence\nCC BY 2.5")
    write(tmp_path / "d/readme.txt", "About this corpus.")
    write(tmp_path / "d/data.csv", "a,b\n1,2")
    write(tmp_path / "d/.hidden.txt", "Secret.")
    write(tmp_path / "d/.cache/x.txt", "Cached.")
    articles = ingest(tmp_path / "d")
    assert [(a.path, a.article_id, a.status, a.error) for a in articles] == [
        ("d/NOTICE.md", "NOTICE.md", "skipped", "d/NOTICE.md: documentation file, not an article"),
        ("d/data.csv", "data.csv", "skipped", "d/data.csv: unsupported file type .csv"),
        ("d/readme.txt", "readme.txt", "skipped", "d/readme.txt: documentation file, not an article"),
    ]


def test_symlink_loop_is_reported_not_followed(tmp_path):
    write(tmp_path / "d/sub/story.txt", "Three killed.")
    os.symlink("..", tmp_path / "d/sub/up")
    os.symlink("sub", tmp_path / "d/alias")  # a link to a sibling folder is fine: read, then caught as duplicate
    articles = ingest(tmp_path / "d")
    assert [(a.path, a.article_id, a.status) for a in articles] == [
        ("d/alias/story.txt", "alias/story", "ok"),
        ("d/alias/up", "alias/up", "error"),
        ("d/sub/story.txt", "sub/story", "duplicate"),
        ("d/sub/up", "sub/up", "error"),
    ]
    assert articles[1].error == "d/alias/up: symlink loop: alias/up points back to .., not followed"


def test_broken_symlink_is_an_error(tmp_path):
    (tmp_path / "d").mkdir()
    os.symlink("nowhere.txt", tmp_path / "d/gone.txt")
    [article] = ingest(tmp_path / "d")
    assert (article.status, article.error) == ("error", "d/gone.txt: broken symlink to nowhere.txt")


def test_future_and_unparseable_dates_keep_the_article(tmp_path):
    write(tmp_path / "d/feed.jsonl", "\n".join(json.dumps(r) for r in [
        {"id": "f", "text": "Future.", "publication_date": "2031-01-01"},
        {"id": "u", "text": "Unparseable.", "publication_date": "sometime soon"},
        {"id": "w", "text": "Written.", "publication_date": "9 March 2017"},
    ]))
    future, unparseable, written = ingest(tmp_path / "d")
    assert (future.status, future.publication_date) == ("ok", None)
    assert future.error == "d/feed.jsonl:1: publication date 2031-01-01 is in the future"
    assert (unparseable.status, unparseable.publication_date) == ("ok", None)
    assert unparseable.error == "d/feed.jsonl:2: unparseable publication date 'sometime soon'"
    assert (written.publication_date, written.error) == (dt.date(2017, 3, 9), None)


def test_paths_ids_and_order_are_deterministic(tmp_path):
    for name in ("b.txt", "a.txt", "sub/z.md", "sub/deeper/y.txt", "c.jsonl"):
        write(tmp_path / "corpus" / name, f"Text of {name}.")
    write(tmp_path / "corpus/c.jsonl", json.dumps({"text": "Line one."}) + "\n" + json.dumps({"text": "Line two."}))
    first = [(a.path, a.line, a.article_id) for a in ingest(tmp_path / "corpus")]
    assert first == [
        ("corpus/a.txt", None, "a"), ("corpus/b.txt", None, "b"),
        ("corpus/c.jsonl", 1, "c:1"), ("corpus/c.jsonl", 2, "c:2"),
        ("corpus/sub/deeper/y.txt", None, "sub/deeper/y"), ("corpus/sub/z.md", None, "sub/z"),
    ]
    assert [(a.path, a.line, a.article_id) for a in ingest(tmp_path / "corpus")] == first
    [single] = ingest(tmp_path / "corpus/sub/z.md")
    assert (single.path, single.article_id) == ((tmp_path / "corpus/sub/z.md").as_posix(), "z")


def test_every_input_is_accounted_for(tmp_path):
    write(tmp_path / "d/ok.txt", "Two dead.")
    write(tmp_path / "d/empty.txt", b"")
    write(tmp_path / "d/dup.md", "Two dead.")
    write(tmp_path / "d/x.pdf", b"%PDF")
    write(tmp_path / "d/NOTICE", "licence")
    write(tmp_path / "d/feed.jsonl", '{"text": "One."}\n\nnot json\n{"text": 3}\n')
    files = [p for p in (tmp_path / "d").rglob("*") if p.is_file()]
    articles = ingest(tmp_path / "d")
    assert len(articles) == len(files) - 1 + 3  # the JSONL file counts as its three non-blank lines
    assert len({a.article_id for a in articles}) == len(articles)


def test_missing_path_raises_before_anything_is_read(tmp_path):
    with pytest.raises(FileNotFoundError, match="no/such/folder"):
        iter_articles([tmp_path / "no/such/folder"])


def test_ingest_streams(tmp_path):
    write(tmp_path / "feed.jsonl", "\n".join(json.dumps({"text": f"Text {i}."}) for i in range(3)))
    stream = iter_articles([tmp_path / "feed.jsonl"], today=TODAY)
    assert next(stream).text == "Text 0."  # yielded before the rest of the file is read


def test_real_corpus_jsonl_ingests_cleanly():
    articles = ingest(*sorted(SEEDS.glob("*.jsonl")), today=dt.date.today())
    assert len(articles) == 1000
    assert all(a.status == "ok" and a.error is None for a in articles)
    assert all(a.text and a.publication_date and a.publisher for a in articles)
    assert len({a.article_id for a in articles}) == 1000
