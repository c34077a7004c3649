"""Article-level rules: which articles become incident rows when no casualty figure is given."""
from __future__ import annotations

import datetime as dt

import pytest

from etl.extract import extract_article
from etl.schema import Article


def _rows(text: str):
    return extract_article(Article(article_id="a", path="a.txt", text=text, publication_date=dt.date(2021, 6, 3)))


@pytest.mark.parametrize("text, kind", [
    ("On 1 June 2021, government forces attacked rebel positions with heavy artillery fire near Kassala. "
     "No casualties were reported.", "shelling"),
    ("On 1 June 2021, the army fired with unspecified weapons on the positions of the rebels near Kassala.", "shooting"),
    ("On 1 June 2021, monitors observed a total of 14 explosions near Kassala.", "bombing"),
    ("On 1 June 2021, two drone strikes reportedly targeted a depot near Kassala.", "air strike"),
    ("On 1 June 2021, rioters blocked the main road in Kassala with burning tyres and pelted police with stones.", "riot"),
])
def test_violence_without_figures_is_one_row_with_unknown_counts(text, kind):
    rows = _rows(text)
    assert len(rows) == 1
    (m,) = rows
    assert m.event_date == dt.date(2021, 6, 1) and m.event_type == kind
    assert not m.killed and not m.wounded


@pytest.mark.parametrize("text", [
    "On 1 June 2021, hundreds of teachers protested peacefully in Kassala against unpaid salaries.",
    "On 1 June 2021, the group threatened to attack the town of Kassala.",
    "On 1 June 2021, the government released 50 prisoners in Kassala.",
])
def test_peaceful_protests_threats_and_other_news_are_not_rows(text):
    assert _rows(text) == []
