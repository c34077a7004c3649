"""Publication dates: ISO and common written forms to a date, with a note when a date cannot be used."""
from __future__ import annotations

import datetime as dt
import re

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
# "Mar 09,2017" (no space after the comma) defeats dateparser.
_COMMA_YEAR = re.compile(r",(?=\d{4}\b)")
_DATEPARSER_SETTINGS = {
    # A publication date names a day; "March 2017" or "Tuesday" alone would be silently completed with today's parts.
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_DATES_FROM": "past",
}


def parse_publication_date(value: object, today: dt.date) -> tuple[dt.date | None, str | None]:
    """Return (date, None), or (None, note) when the value cannot be used. None or "" in -> (None, None)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if isinstance(value, dt.datetime):  # check before date: datetime is a date subclass
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    else:
        day = _parse_text(str(value).strip())
        if day is None:
            return None, f"unparseable publication date {str(value).strip()!r}"
    if day > today:
        return None, f"publication date {day.isoformat()} is in the future"
    return day, None


def _parse_text(text: str) -> dt.date | None:
    if _ISO.match(text):
        try:
            return dt.date.fromisoformat(text[:10])
        except ValueError:  # e.g. 2019-02-30
            return None
    if not any(c.isdigit() for c in text):  # a date without a day number or year is not a publication date
        return None
    import dateparser  # slow to import; most dates are ISO or come as dates, and never need it

    parsed = dateparser.parse(_COMMA_YEAR.sub(", ", text), languages=["en"], settings=_DATEPARSER_SETTINGS)
    # Keep the day as written: a time zone ("8:18 PM EST") must not move it to another day.
    return parsed.date() if parsed else None
