"""Counts from words and dates from phrases: self-written sentences in, values out."""
import datetime as dt

import pytest

from etl.extract.dates import date_span, find_dates
from etl.extract.numbers import count_regex, read_count


@pytest.mark.parametrize("phrase, best, low, high", [
    ("at least 26", 26, 26, None),
    ("more than 100", 100, 100, None),
    ("up to 30", 30, None, 30),
    ("nearly 40", 40, None, 40),
    ("about 12", 12, None, None),
    ("twenty-six", 26, 26, 26),
    ("one hundred and five", 105, 105, 105),
    ("1,200", 1200, 1200, 1200),
    ("between 20 and 30", 20, 20, 30),
    ("20-30", 20, 20, 30),
    ("two or three", 2, 2, 3),
    ("dozens", 24, 24, None),
    ("several", 3, 3, None),
    ("a hundred", 100, 100, 100),
    ("over a hundred", 100, 100, None),
    ("a dozen", 12, 12, 12),
    ("two dozen", 24, 24, 24),
    ("a thousand and fifty", 1050, 1050, 1050),
])
def test_hedges_set_low_best_high(phrase, best, low, high):
    c = read_count(count_regex().match(phrase))
    assert (c.best, c.low, c.high) == (best, low, high)


@pytest.mark.parametrize("word", ["someone", "somebody", "fewer", "manyfold"])
def test_a_vague_quantity_is_a_whole_word(word):
    assert count_regex().match(word) is None


THURSDAY = dt.date(2017, 3, 9)


@pytest.mark.parametrize("sentence, expected, precision", [
    ("Gunmen struck late on Wednesday.", dt.date(2017, 3, 8), "day"),
    ("A bomb went off on Thursday.", dt.date(2017, 3, 9), "day"),
    ("Police said the attack happened yesterday.", dt.date(2017, 3, 8), "day"),
    ("Two died on 3 March.", dt.date(2017, 3, 3), "day"),
    ("Two died on March 3, 2016.", dt.date(2016, 3, 3), "day"),
    ("03/01/2017: Assailants opened fire.", dt.date(2017, 3, 1), "day"),
    ("The raid took place in February.", dt.date(2017, 2, 1), "month"),
    ("Clashes erupted earlier this month.", dt.date(2017, 3, 1), "month"),
    ("The shooting was two days ago.", dt.date(2017, 3, 7), "day"),
    ("He was shot two weeks ago.", dt.date(2017, 2, 23), "week"),
    ("He was shot a week ago.", dt.date(2017, 3, 2), "week"),
])
def test_dates_resolve_against_publication(sentence, expected, precision):
    d = find_dates(sentence, THURSDAY)[0]
    assert (d.date, d.precision) == (expected, precision)


def test_no_date_after_publication_and_weekday_joined_to_explicit_date():
    assert find_dates("It will happen on 20 March 2017.", THURSDAY) == []
    (d,) = find_dates("Posted: Tuesday, January 28, 2014", THURSDAY)
    assert d.date == dt.date(2014, 1, 28)


@pytest.mark.parametrize("sentence, published, expected", [
    ("Two men were shot on Thanksgiving Day.", dt.date(2016, 12, 19), dt.date(2016, 11, 24)),
    ("A boy was shot on Christmas Eve.", dt.date(2017, 1, 3), dt.date(2016, 12, 24)),
    ("A woman was wounded at a party on New Year's Eve, police say.", dt.date(2017, 1, 1), dt.date(2016, 12, 31)),
    ("Three men were hurt in the Fourth of July shooting.", dt.date(2016, 9, 20), dt.date(2016, 7, 4)),
    ("A teen was shot on Halloween night.", dt.date(2015, 11, 2), dt.date(2015, 10, 31)),
])
def test_holidays_are_their_day_before_publication(sentence, published, expected):
    """News names a holiday for its day: the latest such day on or before publication."""
    (d,) = find_dates(sentence, published)
    assert (d.date, d.precision) == (expected, "day")


def test_holiday_seasons_are_not_days():
    assert find_dates("Police stepped up patrols over the Thanksgiving weekend.", dt.date(2016, 12, 1)) == []


def test_relative_dates_need_a_publication_date():
    assert find_dates("He was shot on Tuesday.", None) == []
    assert find_dates("On 27 April 2020, militants attacked.", None)[0].date == dt.date(2020, 4, 27)


@pytest.mark.parametrize("sentence, first, last", [
    ("He was shot on Tuesday.", dt.date(2017, 3, 7), dt.date(2017, 3, 7)),
    ("Shots rang out overnight.", dt.date(2017, 3, 8), dt.date(2017, 3, 9)),
    ("The raid took place in February.", dt.date(2017, 2, 1), dt.date(2017, 2, 28)),
    ("He was shot last week.", dt.date(2017, 3, 2), dt.date(2017, 3, 5)),
    ("He was shot earlier this week.", dt.date(2017, 3, 6), dt.date(2017, 3, 12)),
])
def test_a_date_spans_the_days_it_may_mean(sentence, first, last):
    """A day is itself; "overnight" the night from the evening before; a week or month its days, "last week" not
    running into publication's own."""
    (d,) = find_dates(sentence, THURSDAY)
    assert date_span(d, THURSDAY) == (first, last)
