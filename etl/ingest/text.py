"""One-article text files (.txt, .md): decoding, normalising, YAML front matter and scraped-page clean-up."""
from __future__ import annotations

import re
import unicodedata

import yaml

from .parsed import Parsed, failed

# Tried in order. cp1252 is the usual non-UTF-8 encoding of scraped English news; latin-1 decodes any byte.
ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")

# Front matter: a `---` line, YAML, then a `---` (or `...`) line, at the very start of the file.
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)^(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S | re.M)

# Whole lines of page furniture before the headline (breadcrumbs, skip links) that scrapers keep.
_LEADING_FURNITURE = re.compile(
    r"(?:you are here|home|skip to (?:main )?content|advertisement|breaking news|menu|search)\s*:?\s*$"
    r"|home\s*[»>/|].*",  # breadcrumb trails: "Home » World » Middle East"
    re.I)
# Whole lines that are never article text wherever they appear.
_ANYWHERE_FURNITURE = re.compile(r"(?:advertisement|advertising|story continues below(?: advertisement)?)\s*$", re.I)
# A line that starts the teasers for other articles: everything from it to the end goes.
_TRAILER = re.compile(
    r"(?:related(?: articles| stories| news| content| coverage)?|read more|more on this(?: story)?|"
    r"you (?:may|might) also like|recommended(?: for you)?|most (?:read|popular|viewed)|more from [\w ]+)\s*:?\s*$",
    re.I)
# A photo caption ends with its credit: "(AFP photo)", "(AP Photo/Hadi Mizban)", "(Photo: Reuters)", "(Getty Images)".
_CAPTION = re.compile(
    r"(?:\((?:[^()]*\b(?:photo|photograph|picture|pic|image)s?\b[^()]*|[^()]*getty images)\)\s*$"
    r"|^(?:photo|photograph|picture|image|file photo)\s*[:|])",
    re.I)
# A dateline opens the first body paragraph: "MOSUL — ", "BAGHDAD, Iraq (Reuters) - ", "WASHINGTON (AP) — ".
_DATELINE = re.compile(
    r"[A-Z][A-Z'’.\- ]*[A-Z](?:,\s*[A-Z][\w .'’-]{0,40})?(?:\s*\([\w .'’/-]{1,30}\))?\s*[—–-]{1,2}\s")
# Bylines: "By AFP - Mar 09,2017 - Last updated at ...", "By Reuters | March 9, 2017", "Posted: Tuesday, ...".
_BYLINE_START = re.compile(r"(?:by\s+\S|(?:first\s+)?(?:published|posted|updated)\b|date\s*:)", re.I)
_BYLINE_PARTS = re.compile(r"\s+[-–—•·]\s+|\s*\|\s*")
_DATE_LABEL = re.compile(r"(?:(?:first\s+)?published|posted|(?:last\s+)?updated|date)(?:\s+(?:on|at))?\s*:?\s*", re.I)
_UPDATED = re.compile(r"(?:last\s+)?updated\b", re.I)

HEAD_LINES = 6  # the headline, byline and caption are among the first few lines of a scraped page
MAX_HEADLINE_CHARS = 200
MAX_BYLINE_CHARS = 160
MAX_PUBLISHER_WORDS = 8


def decode(data: bytes) -> str:
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte")


def normalise(text: str) -> str:
    """NFC, \\n line ends, no trailing spaces, at most one blank line between paragraphs, no blank ends."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", text)


def _load_yaml(source: str):
    """yaml.safe_load, through libyaml's parser when present (~10x faster: ingest reads front matter of every
    article on every build). On an error the pure-Python parser runs again, for its exact message."""
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return yaml.load(source, Loader=fast)
        except (yaml.YAMLError, ValueError):
            pass
    return yaml.safe_load(source)


def read(raw: str) -> Parsed:
    """A scraped page or a plain text, with optional YAML front matter whose values win over guesses."""
    text = normalise(raw)
    meta: dict = {}
    if match := _FRONT_MATTER.match(text):
        try:
            loaded = _load_yaml(match["yaml"])
        except (yaml.YAMLError, ValueError) as exc:  # ValueError: an impossible date such as 2019-02-30
            return failed(f"invalid YAML front matter ({_one_line(exc)})")
        if loaded is not None and not isinstance(loaded, dict):
            return failed(f"front matter is not a YAML mapping (got {type(loaded).__name__})")
        meta = loaded or {}
        text = text[match.end():]
    notes: list[str] = []
    fm = {key: _scalar(meta, key, notes) for key in ("title", "publication_date", "source", "url")}
    body, title, publisher, published = clean_scraped(text, known_title=fm["title"])
    return Parsed(
        text=body,
        title=fm["title"] or title,
        publisher=fm["source"] or publisher,
        published=fm["publication_date"] or published,
        url=fm["url"],
        notes=notes,
    )


def clean_scraped(text: str, known_title: str | None = None) -> tuple[str, str | None, str | None, str | None]:
    """Split a scraped page into (body, headline, publisher, date text), dropping page furniture.

    >>> clean_scraped("You are here\\nHeadline\\nBy AFP - Mar 09,2017\\nA caption (AFP photo)\\nMOSUL — Text.")
    ('MOSUL — Text.', 'Headline', 'AFP', 'Mar 09,2017')
    """
    lines = text.split("\n")
    start = 0
    while start < len(lines) and (not lines[start].strip() or _LEADING_FURNITURE.fullmatch(lines[start].strip())):
        start += 1
    head = [i for i in range(start, len(lines)) if lines[i].strip()][:HEAD_LINES]

    title = publisher = published = None
    byline_at = next((i for i in head if _parse_byline(lines[i])), None)
    if byline_at is not None:
        publisher, published = _parse_byline(lines[byline_at])
        before = [i for i in head if i < byline_at]
        # The headline is the line just above the byline; lines above it are kickers or section labels.
        title = _headline(lines[before[-1]]) if before else None
        body_start = byline_at + 1
    elif head and _is_headline(lines[head[0]], known_title, set_apart=_set_apart(lines, head)):
        title, body_start = _headline(lines[head[0]]), head[0] + 1
    else:
        body_start = start
    if byline_at is not None or title:
        body_start = _skip_captions(lines, body_start)

    body: list[str] = []
    for line in lines[body_start:]:
        stripped = line.strip()
        if _TRAILER.fullmatch(stripped) and any(b.strip() for b in body):
            break  # teasers for other articles follow, to the end of the page
        if _CAPTION.search(stripped) or _ANYWHERE_FURNITURE.fullmatch(stripped):
            continue
        body.append(line)
    return normalise("\n".join(body)), title, publisher, published


def _parse_byline(line: str) -> tuple[str | None, str | None] | None:
    """(publisher, date text) from a byline, or None when the line is not one."""
    line = line.strip()
    # A sentence ("By Thursday, 12 had died.") is body text, not a byline.
    if not _BYLINE_START.match(line) or len(line) > MAX_BYLINE_CHARS or line.endswith((".", "!", "?")):
        return None
    publisher, dates, updated = None, [], []
    for part in filter(None, (p.strip() for p in _BYLINE_PARTS.split(line))):
        if by := re.match(r"by\s+(.+)", part, re.I):
            if len(by[1].split()) > MAX_PUBLISHER_WORDS:
                return None
            publisher = publisher or by[1].strip()
        elif label := _DATE_LABEL.match(part):
            # "Last updated" is the fallback: the first publication is the date we want.
            (updated if _UPDATED.match(part) else dates).append(part[label.end():])
        elif any(c.isdigit() for c in part):
            dates.append(part)
    published = next(iter(dates + updated), None)
    if publisher is None and published is None:
        return None
    return publisher, published


def _is_headline(line: str, known_title: str | None, set_apart: bool) -> bool:
    """Without a byline, the first line is a headline if it reads like one and stands apart from the body."""
    candidate = _headline(line)
    if known_title:  # front matter gave the title: drop a first line that repeats it, nothing else
        return candidate.casefold() == known_title.strip().casefold()
    return (set_apart and len(candidate) <= MAX_HEADLINE_CHARS and not candidate.endswith((".", "!", ",", ";", ":"))
            and not _DATELINE.match(candidate))


def _set_apart(lines: list[str], head: list[int]) -> bool:
    """A blank line or a dateline paragraph follows the first line: in plain prose, a short first line stays."""
    if len(head) < 2:
        return False
    return head[1] > head[0] + 1 or bool(_DATELINE.match(lines[head[1]].strip())) or lines[head[0]].lstrip().startswith("#")


def _skip_captions(lines: list[str], start: int) -> int:
    """Index of the first body line after the header: photo captions before the dateline paragraph are skipped."""
    upcoming = [i for i in range(start, len(lines)) if lines[i].strip()][:3]
    if not upcoming or _DATELINE.match(lines[upcoming[0]].strip()):
        return start
    for i in upcoming[1:]:
        # A line between the header and the dateline paragraph is a caption (or similar furniture).
        if _DATELINE.match(lines[i].strip()):
            return i
    return start


def _headline(line: str) -> str:
    return line.strip().lstrip("#").strip()  # a Markdown "# Headline"


def _scalar(meta: dict, key: str, notes: list[str]) -> object:
    """A front-matter value as a stripped string (dates stay dates); other types are ignored with a note."""
    value = meta.get(key)
    if value is None or hasattr(value, "isoformat"):
        return value
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value).strip() or None
    notes.append(f"front matter `{key}` ignored: expected text, got {type(value).__name__}")
    return None


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())
