"""A corpus of bad inputs, written by the test, through a real `python -m etl build`: every input accounted for.

Each file (and each JSONL line) must come out as exactly one row of data/articles.parquet with the expected
status (ok, no_incidents, duplicate, skipped, error) and, when not ok, a message naming the file, the line
and the cause; the good articles are extracted; the exit status says input errors occurred (3), --strict
turns them into a failure that writes nothing (1); suspicious figures, dates and places are flagged; HTML
and JSON text cannot make the build fetch anything or write outside data/ and reports/, and the report
page escapes it. The build runs with sockets disabled, in its own working folder.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from etl import cli, store
from etl.extract.numbers import MAX_COUNT
from etl.ingest import MAX_ARTICLE_BYTES

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow
CAN_LOCK_FILES = os.geteuid() != 0  # root reads a chmod 000 file anyway

GOOD = "A car bomb killed 12 people and wounded 30 others at a market in Kirkuk, Iraq, on Monday, police said."
# feed.jsonl, one record per line (None: a blank line, not an input); with the status each must end with
FEED = [
    ({"id": "feed-good", "text": "Gunmen killed 7 soldiers at a checkpoint near Kano, Nigeria, on Tuesday, "
                                 "officials said.", "publication_date": "2024-03-06", "source": "Test Wire"}, "ok"),
    ('{"id": "broken", "text": "unterminated', "error"),
    ({"id": "no-text", "title": "Headline only"}, "error"),
    ({"id": "number-text", "text": 42}, "error"),
    (["not", "an", "object"], "error"),
    (None, None),
    ({"id": "feed-copy", "text": GOOD, "publication_date": "2024-03-05"}, "duplicate"),
    ({"id": "future", "text": "A bomb killed 3 people in Aleppo, Syria, on Monday.",
      "publication_date": "2999-01-01"}, "ok"),
    ({"id": "no-date", "text": "A bomb killed 5 people in Peshawar, Pakistan, on Monday.",
      "publication_date": "the day after the storm"}, "ok"),
    # text is data: a path-like id, a file URL, markup in the title and the evidence sentence
    ({"id": "../../outside", "url": "file:///etc/passwd", "title": "<script>alert('title')</script>",
      "text": 'A slogan "<script>alert(1)</script><img src=http://tracker.example/x.png>" was painted on a wall '
              "after a bomb killed 4 people at a market in Kirkuk, Iraq, on Monday, police said.",
      "publication_date": "2024-03-05"}, "ok"),
    # suspicious values: an implausible toll, an old date, a country the text never names
    ({"id": "huge-toll", "text": "Officials said 5,000 people were killed when militants attacked Kano, Nigeria, "
                                 "on Monday.", "publication_date": "2024-03-05"}, "ok"),
    ({"id": "old-date", "text": "On 3 March 1990, a bomb killed 12 people in Kabul, Afghanistan, police said.",
      "publication_date": "2024-03-05"}, "ok"),
    ({"id": "no-country", "text": "A bomb killed 9 people at a market in Mosul on Monday, police said.",
      "publication_date": "2024-03-05"}, "ok"),
    ({"id": "absurd-numbers", "text": "999999999999 people were killed and 1e9 were wounded, a post claimed.",
      "publication_date": "2024-03-05"}, "no_incidents"),
]

PAGE = """<!doctype html><html><head><title>Bomb kills 6 in Kabul</title>
<meta name="date" content="2024-03-05"><script src="http://tracker.example/x.js"></script>
<link rel="stylesheet" href="http://cdn.example/style.css"></head>
<body><nav>Home | World</nav><article><h1>Bomb kills 6 in Kabul</h1>
<img src="http://tracker.example/pixel.gif"><iframe src="http://ads.example/frame"></iframe>
<p>KABUL — A bomb killed 6 people and wounded 20 near a mosque in Kabul, Afghanistan, on Monday, officials said.</p>
<p>The explosion happened during evening prayers, a police spokesman told reporters at the scene.</p>
</article></body></html>"""


def write_corpus(folder: Path) -> dict[tuple[str, int | None], str]:
    """Write the bad-input corpus; return the expected status of every input, by (path, JSONL line)."""
    def put(name: str, content: str | bytes, status: str) -> None:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        expected[(f"corpus/{name}", None)] = status

    expected: dict[tuple[str, int | None], str] = {}
    put("a_good.txt", f"Car bomb kills 12 in Kirkuk\n\n{GOOD}\n", "ok")
    put("good.md", "---\ntitle: Clash in Mogadishu\npublication_date: 2024-03-04\nsource: Example News\n---\n"
                   "Fighting killed 8 people in Mogadishu, Somalia, on Sunday, residents said.\n", "ok")
    put("page.html", PAGE, "ok")
    put("calm.txt", "Officials in Kano, Nigeria, opened a new bridge on Monday.\n", "no_incidents")
    put("b_copy.txt", f"Car bomb kills 12 in Kirkuk\r\n\r\n{GOOD}\r\n", "duplicate")  # same text once normalised
    put("cp1252.txt", "Caf\xe9 bombing \u2014 \u201cA bomb killed 5 people in Kandahar, Afghanistan, on Monday\u201d, "
                      "police said.\n".encode("cp1252"), "ok")
    put("latin1.txt", b"Attack in Z\xfcrich \x81 left two people injured on Monday, police said.\n", "ok")
    put("undecodable.txt", bytes(range(0x80, 0x100)) * 4, "no_incidents")  # no NUL: read as latin-1, no article
    put("empty.txt", b"", "error")
    put("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "error")
    put("nobody.html", "<html><head><title>Empty</title><script>var x = 1;</script></head><body></body></html>",
        "error")
    put("yaml_code.md", "---\n!!python/object/apply:os.system ['touch PWNED']\n---\nA bomb killed 3 people.\n", "error")
    put("NOTICE.md", "Licence: self-written test corpus.\n", "skipped")
    put("table.csv", "a,b\n1,2\n", "skipped")
    huge = folder / "huge.txt"  # sparse: the size is over the limit without writing 20 MB
    with open(huge, "wb") as f:
        f.truncate(MAX_ARTICLE_BYTES + 1)
    expected[("corpus/huge.txt", None)] = "error"
    (folder / "loop").mkdir()
    os.symlink("..", folder / "loop" / "up")
    expected[("corpus/loop/up", None)] = "error"
    os.symlink("nowhere.txt", folder / "broken.txt")
    expected[("corpus/broken.txt", None)] = "error"
    os.mkfifo(folder / "pipe.txt")
    expected[("corpus/pipe.txt", None)] = "skipped"
    if CAN_LOCK_FILES:
        put("locked.txt", GOOD.replace("12", "13"), "error")
        os.chmod(folder / "locked.txt", 0)
    lines = []
    for i, (record, status) in enumerate(FEED, 1):
        lines.append("" if record is None else record if isinstance(record, str) else json.dumps(record))
        if status:
            expected[("corpus/feed.jsonl", i)] = status
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return expected


NO_NETWORK = """
import socket, sys
def refuse(*args, **kwargs):
    with open({log!r}, "a") as f:
        f.write(repr(args) + "\\n")
    raise OSError("network disabled by the test")
socket.socket.connect = socket.socket.connect_ex = refuse
socket.create_connection = socket.getaddrinfo = refuse
from etl.cli import main
sys.exit(main(sys.argv[1:]))
"""


def run(work: Path, *args: str) -> subprocess.CompletedProcess:
    """`python -m etl build` with sockets disabled, from `work` (relative writes would land there)."""
    code = NO_NETWORK.format(log=str(work.parent / "network_attempts.log"))
    cmd = [sys.executable, "-c", code, "build", "--seeds", "corpus", "--data", "data", "--reports", "reports",
           "--expectations", str(ROOT / "expectations"), "--progress", "off", *args]
    return subprocess.run(cmd, cwd=work, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True,
                          text=True, timeout=300)


def tree(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    work = tmp_path_factory.mktemp("bad_inputs") / "work"
    work.mkdir()
    expected = write_corpus(work / "corpus")
    before = tree(work)
    proc = run(work)
    return work, expected, before, proc


def test_every_input_is_accounted_for_with_its_status(built):
    work, expected, _, proc = built
    assert proc.returncode == cli.EXIT_INPUT_ERRORS, proc.stderr
    arts = pd.read_parquet(work / "data" / "articles.parquet")
    got = {(p, None if pd.isna(line) else int(line)): s for p, line, s in zip(arts.path, arts.line, arts.status)}
    assert got == expected
    assert len(arts) == len(expected) and arts.article_id.is_unique
    counts = {s: list(expected.values()).count(s) for s in ("ok", "no_incidents", "duplicate", "skipped", "error")}
    assert (f"inputs: {len(expected)} (files and JSONL lines) = " + " + ".join(f"{n} {s}" for s, n in counts.items())
            in proc.stdout)
    assert f"{counts['error']} input error(s)" in proc.stderr


def test_every_message_names_the_file_the_line_and_the_cause(built):
    work, _, _, _ = built
    arts = pd.read_parquet(work / "data" / "articles.parquet")
    errors = {}
    for r in arts.itertuples():
        where = r.path + (f":{int(r.line)}" if not pd.isna(r.line) else "")
        if r.status in ("error", "skipped", "duplicate"):
            assert r.error.startswith(f"{where}: "), r.error
            errors[where] = r.error[len(where) + 2:]
    assert errors["corpus/empty.txt"] == "empty file"
    assert errors["corpus/binary.txt"] == "binary file (contains NUL bytes)"
    assert errors["corpus/nobody.html"] == "no article text found"
    assert errors["corpus/yaml_code.md"].startswith("invalid YAML front matter")
    assert errors["corpus/huge.txt"].startswith(f"file too large ({MAX_ARTICLE_BYTES + 1:,} bytes")
    assert errors["corpus/loop/up"].startswith("symlink loop")
    assert errors["corpus/broken.txt"] == "broken symlink to nowhere.txt"
    assert errors["corpus/pipe.txt"] == "not a regular file"
    assert errors["corpus/feed.jsonl:2"].startswith("malformed JSON")
    assert errors["corpus/feed.jsonl:3"] == "missing `text`"
    assert errors["corpus/feed.jsonl:4"] == "`text` must be a string, got int"
    assert errors["corpus/feed.jsonl:5"] == "expected a JSON object, got array"
    assert errors["corpus/feed.jsonl:7"] == "same text as article 'a_good'"
    assert errors["corpus/b_copy.txt"] == "same text as article 'a_good'"
    if CAN_LOCK_FILES:
        assert errors["corpus/locked.txt"].startswith("cannot read file")
    notes = dict(zip(arts.article_id, arts.error))
    assert notes["future"] == "corpus/feed.jsonl:8: publication date 2999-01-01 is in the future"
    assert notes["no-date"] == "corpus/feed.jsonl:9: unparseable publication date 'the day after the storm'"


def test_the_good_articles_are_extracted(built):
    work, _, _, _ = built
    m = pd.read_parquet(work / "data" / "mentions.parquet")
    q = pd.read_parquet(work / "data" / "quarantine.parquet")
    figures = {a: (k, w) for a, k, w in zip(m.article_id, m.killed, m.wounded)}
    assert figures["a_good"] == (12, 30)        # a_good.txt
    assert figures["good"][0] == 8              # good.md, front matter
    assert figures["page"] == (6, 20)           # page.html, scripts and trackers around the text
    assert figures["cp1252"][0] == 5            # legacy encoding
    assert figures["feed-good"][0] == 7         # a good line among bad ones
    assert figures["../../outside"][0] == 4     # a hostile id is just a string
    assert (m.killed.dropna() <= MAX_COUNT).all() and len(q) == 0


def test_suspicious_values_are_flagged_not_trusted(built):
    work, _, _, proc = built
    m = pd.read_parquet(work / "data" / "mentions.parquet").set_index("article_id")
    assert m.loc["huge-toll", "killed"] == 5000   # kept, but warned about (soft: more than 1000)
    assert m.loc["old-date", "event_date"].year == 1990  # kept, warned: reported 34 years later
    assert m.loc["no-country", "country_code"] == "IRQ" and m.loc["no-country", "is_country_unmentioned"]
    assert not m.loc["a_good", "is_country_unmentioned"]
    warnings = [line for line in proc.stdout.splitlines() if line.startswith("validation: mentions")][0]
    for name in ("expect_column_values_to_be_between(killed)", "expect_column_values_to_be_between(report_lag_days)",
                 "expect_column_values_to_be_in_set(is_country_unmentioned)"):
        assert name in warnings
    page = (work / "reports" / "validation.html").read_text()
    assert "huge-toll#1: killed=5000" in page and "no-country#1" in page


def test_text_is_data_never_code(built):
    work, _, before, _ = built
    assert not (work.parent / "network_attempts.log").exists()
    created = tree(work) - before
    assert all(p.split("/")[0] in ("data", "reports") for p in created), sorted(created)
    assert not list(work.parent.rglob("PWNED")) and not (work.parent / "outside").exists()
    page = (work / "reports" / "index.html").read_text()
    assert "<script" not in page and "<img src=http" not in page and "<iframe" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'src="http' not in page and "href=\"http" not in page  # nothing for a browser to fetch
    validation = (work / "reports" / "validation.html").read_text()
    assert "<script" not in validation and "<img" not in validation


def test_strict_writes_nothing_and_fails(built):
    work, _, _, _ = built
    before = {p: p.read_bytes() for p in sorted((work / "data").glob("*")) + sorted((work / "reports").glob("*"))
              if p.is_file() and not p.name.startswith(".")}
    proc = run(work, "--strict")
    assert proc.returncode == cli.EXIT_FAILED
    assert "--strict" in proc.stderr and "nothing was written" in proc.stderr
    assert "input error: corpus/binary.txt: binary file (contains NUL bytes)" in proc.stderr
    after = {p: p.read_bytes() for p in before}
    assert after == before
    assert store.verify(work / "data", work / "reports") == []


def test_missing_seeds_path_is_a_usage_error(tmp_path, capsys):
    code = cli.main(["build", "--seeds", str(tmp_path / "nowhere"), "--data", str(tmp_path / "data"),
                     "--reports", str(tmp_path / "reports")])
    assert code == cli.EXIT_USAGE and "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "data").exists()
