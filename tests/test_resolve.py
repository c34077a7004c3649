"""Merging mentions of one incident across articles: self-written mention rows in, incidents out."""
import datetime as dt

from etl.resolve import incidents

D = dt.date


def mention(mid, article, published, event_date, killed=None, wounded=None, location="Kabul", country="AFG",
            lat=34.53, lon=69.17, event_type="bombing", perpetrator=None, precision="day", **extra):
    return dict(mention_id=mid, article_id=article, source=extra.pop("source", "Wire"), publication_date=published,
                event_date=event_date, date_precision=precision, date_phrase=extra.pop("date_phrase", "on Monday"), killed=killed,
                killed_low=killed, killed_high=None, wounded=wounded, wounded_low=wounded, wounded_high=None,
                location=location, country_code=country, latitude=lat, longitude=lon, geo_precision="exact",
                event_type=event_type, perpetrator=perpetrator, perpetrator_status="unknown", **extra)


def test_rising_toll_reported_three_times_is_one_incident():
    rows = incidents([
        mention("a#1", "a", D(2024, 5, 6), D(2024, 5, 6), killed=12, wounded=30, source="AFP"),
        mention("b#1", "b", D(2024, 5, 7), D(2024, 5, 6), killed=19, wounded=41, source="Reuters"),
        mention("c#1", "c", D(2024, 5, 8), D(2024, 5, 6), killed=25, wounded=40, source="Local Post",
                location="Kabul city"),
    ])
    assert len(rows) == 1
    (inc,) = rows
    assert inc["article_ids"] == ["a", "b", "c"]
    assert inc["sources"] == ["AFP", "Local Post", "Reuters"] and inc["n_sources"] == 3
    assert (inc["killed_low"], inc["killed"], inc["killed_high"]) == (12, 25, None)  # best = latest report
    assert (inc["wounded_low"], inc["wounded"]) == (30, 40)
    assert inc["first_reported"] == D(2024, 5, 6)
    assert not inc["is_disputed"]  # a rising toll is not a dispute
    assert len(inc["merge_reasons"]) == 2


def test_ranges_span_all_reports():
    a = mention("a#1", "a", D(2024, 5, 6), D(2024, 5, 6), killed=14)
    a["killed_high"] = 14
    b = mention("b#1", "b", D(2024, 5, 7), D(2024, 5, 6), killed=16)  # "up to 16"
    b.update(killed_low=None, killed_high=16)
    (inc,) = incidents([a, b])
    assert (inc["killed_low"], inc["killed"], inc["killed_high"]) == (14, 16, 16)


def test_two_attacks_in_one_city_on_one_day_stay_apart():
    rows = incidents([
        mention("a#1", "a", D(2024, 5, 6), D(2024, 5, 6), killed=7, event_type="bombing"),
        mention("a#2", "a", D(2024, 5, 6), D(2024, 5, 6), killed=2, event_type="shooting"),
        mention("b#1", "b", D(2024, 5, 7), D(2024, 5, 6), killed=8, event_type="bombing"),
        mention("c#1", "c", D(2024, 5, 7), D(2024, 5, 6), killed=2, event_type="shooting"),
    ])
    assert sorted(r["mention_ids"] for r in rows) == [["a#1", "b#1"], ["a#2", "c#1"]]


def test_other_places_dates_and_contradictions_do_not_merge():
    rows = incidents([
        mention("a#1", "a", D(2024, 5, 6), D(2024, 5, 6), killed=7),
        mention("b#1", "b", D(2024, 5, 6), D(2024, 5, 6), killed=7, location="Kandahar", lat=31.6, lon=65.7),
        mention("c#1", "c", D(2024, 5, 20), D(2024, 5, 19), killed=7),
        mention("d#1", "d", D(2024, 5, 6), D(2024, 5, 6), killed=7, country="PAK", location="Quetta"),
        mention("e#1", "e", D(2024, 5, 6), D(2024, 5, 6), killed=150),
    ])
    assert len(rows) == 5


def test_lowered_figure_is_disputed():
    rows = incidents([
        mention("a#1", "a", D(2024, 5, 6), D(2024, 5, 6), killed=40),
        mention("b#1", "b", D(2024, 5, 7), D(2024, 5, 6), killed=12),
    ])
    (inc,) = rows
    assert inc["is_disputed"] and (inc["killed_low"], inc["killed"]) == (12, 12)


def test_article_published_before_the_event_is_another_event():
    rows = incidents([
        mention("a#1", "a", D(2024, 5, 3), D(2024, 5, 3), killed=5),
        mention("b#1", "b", D(2024, 5, 6), D(2024, 5, 4), killed=5),
    ])
    assert len(rows) == 2


def test_two_shootings_in_one_city_in_the_morning_and_the_afternoon_stay_apart():
    rows = incidents([
        mention("a#1", "a", D(2024, 5, 6), D(2024, 5, 4), killed=1, date_phrase="Saturday morning"),
        mention("b#1", "b", D(2024, 5, 6), D(2024, 5, 4), killed=1, date_phrase="Saturday afternoon"),
        mention("c#1", "c", D(2024, 5, 7), D(2024, 5, 4), killed=1, date_phrase="early Saturday morning"),
    ])
    assert sorted(r["mention_ids"] for r in rows) == [["a#1", "c#1"], ["b#1"]]


def test_neighbouring_towns_merge_but_towns_of_one_metro_area_do_not():
    rows = incidents([
        mention("a#1", "a", D(2024, 5, 6), D(2024, 5, 6), killed=1, location="Houston", country="USA", lat=29.76, lon=-95.37),
        mention("b#1", "b", D(2024, 5, 6), D(2024, 5, 6), killed=1, location="Stafford", country="USA", lat=29.62, lon=-95.56),
        mention("c#1", "c", D(2024, 5, 7), D(2024, 5, 6), killed=1, location="Bellaire", country="USA", lat=29.72, lon=-95.42),
    ])
    assert sorted(r["mention_ids"] for r in rows) == [["a#1", "c#1"], ["b#1"]]  # Bellaire 6 km away; Stafford 24 km


def test_a_report_dated_only_by_month_meets_a_dated_report_late_in_that_month():
    # "in July" sorts as July 1; a report of July 30 is four weeks later and must still find it
    rows = incidents([
        mention("a#1", "a", D(2024, 8, 20), D(2024, 7, 1), killed=3, precision="month", date_phrase="in July"),
        mention("b#1", "b", D(2024, 7, 30), D(2024, 7, 30), killed=3),
    ])
    assert [r["mention_ids"] for r in rows] == [["a#1", "b#1"]]


def test_a_follow_up_naming_the_victim_with_an_age_joins_the_event_weeks_later():
    # the shooting, then an arrest six weeks later dated by the arrest, in the county seat next door
    usa = dict(country="USA", event_type="shooting", admin1="Ohio")
    rows = incidents([
        mention("a#1", "a", D(2024, 3, 3), D(2024, 3, 2), killed=1, location="Marysville", lat=40.24, lon=-83.37,
                people=["Dana Whitfield, 31", "Tom Reyes"], **usa),
        mention("b#1", "b", D(2024, 4, 16), D(2024, 4, 15), killed=1, location="Delaware", lat=40.30, lon=-83.07,
                people=["Dana Whitfield", "Carl Ostrander, 45"], **usa),
        # the same name in another state, given once, is a namesake
        mention("c#1", "c", D(2024, 5, 1), D(2024, 4, 30), killed=1, location="Tulsa", lat=36.15, lon=-95.99,
                people=["Dana Whitfield, 31"], **{**usa, "admin1": "Oklahoma"}),
        # named without an age on both sides: a name alone is too weak a tie
        mention("d#1", "d", D(2024, 5, 2), D(2024, 5, 1), killed=1, location="Delaware", lat=40.30, lon=-83.07,
                people=["Tom Reyes"], **usa),
    ])
    assert sorted(r["mention_ids"] for r in rows) == [["a#1", "b#1"], ["c#1"], ["d#1"]]
    (inc,) = [r for r in rows if len(r["mention_ids"]) == 2]
    assert inc["people"] == ["Carl Ostrander, 45", "Dana Whitfield", "Dana Whitfield, 31", "Tom Reyes"]
    assert any("both name Dana Whitfield" in r for r in inc["merge_reasons"])


def test_a_follow_up_beyond_the_window_stays_apart_even_when_the_stream_expires_incidents():
    usa = dict(country="USA", event_type="shooting", admin1="Ohio", location="Marysville", lat=40.24, lon=-83.37)
    rows = incidents([
        mention("a#1", "a", D(2020, 3, 3), D(2020, 3, 2), killed=1, people=["Dana Whitfield, 31"], **usa),
        # unrelated reports in between move the stream on, so the first incident leaves memory when it may
        *(mention(f"x{i}#1", f"x{i}", D(2020, 3, 3) + dt.timedelta(days=30 * i), D(2020, 3, 2) + dt.timedelta(days=30 * i),
                  killed=2, **{**usa, "location": "Lima", "lat": 40.74, "lon": -84.11}) for i in range(1, 40)),
        mention("b#1", "b", D(2021, 6, 1), D(2021, 5, 31), killed=1, people=["Dana Whitfield, 32"], **usa),  # 15 months
        mention("c#1", "c", D(2024, 6, 1), D(2024, 5, 31), killed=1, people=["Dana Whitfield, 35"], **usa),  # 3 years on
    ])
    merged = [r["mention_ids"] for r in rows if len(r["mention_ids"]) > 1]
    assert merged == [["a#1", "b#1"]]


def test_two_shootings_in_one_city_on_one_day_of_other_ages_stay_apart():
    usa = dict(country="USA", event_type="shooting", location="Dayton", lat=39.76, lon=-84.19)
    rows = incidents([
        mention("a#1", "a", D(2024, 5, 6), D(2024, 5, 5), wounded=1, ages=[4], **usa),
        mention("b#1", "b", D(2024, 5, 6), D(2024, 5, 5), killed=1, ages=[17], **usa),
        mention("c#1", "c", D(2024, 5, 7), D(2024, 5, 5), wounded=1, ages=[4, 29], **usa),  # the child and the father
        mention("d#1", "d", D(2024, 5, 7), D(2024, 5, 5), killed=1, ages=[18], **usa),     # a birthday between reports
    ])
    assert sorted(r["mention_ids"] for r in rows) == [["a#1", "c#1"], ["b#1", "d#1"]]


def test_a_report_joins_the_incident_whose_killed_figure_it_repeats():
    # two shootings in one city two days apart; an undated report published after both overlaps either
    usa = dict(country="USA", event_type="shooting", location="Dayton", lat=39.76, lon=-84.19, date_phrase="Sunday")
    rows = incidents([
        mention("b#1", "b", D(2024, 5, 5), D(2024, 5, 5), killed=2, wounded=3, **usa),
        mention("a#1", "a", D(2024, 5, 7), D(2024, 5, 7), wounded=1, **{**usa, "date_phrase": "Tuesday"}),
        mention("c#1", "c", D(2024, 5, 7), D(2024, 5, 7), killed=2, wounded=1, precision="week",
                **{**usa, "date_phrase": None}),  # "two killed and one wounded", no date: the last few days
    ])
    assert sorted(r["mention_ids"] for r in rows) == [["a#1"], ["b#1", "c#1"]]


def test_a_report_dated_only_by_month_joins_on_place_alone_only_with_the_same_figures():
    # "killed last month" in a city with several shootings that month: only the figures can tell which
    usa = dict(country="USA", event_type="shooting", location="Dayton", lat=39.76, lon=-84.19)
    rows = incidents([
        mention("a#1", "a", D(2024, 9, 12), D(2024, 8, 1), killed=2, precision="month", date_phrase="last month", **usa),
        mention("b#1", "b", D(2024, 8, 28), D(2024, 8, 28), killed=1, **usa),   # another shooting that month
        mention("c#1", "c", D(2024, 8, 12), D(2024, 8, 11), killed=2, **usa),
        mention("e#1", "e", D(2024, 8, 20), D(2024, 8, 19), wounded=1, **usa),  # no figure in common
        mention("f#1", "f", D(2024, 8, 25), D(2024, 8, 24), killed=2, wounded=1, **usa),  # a wounded one "a#1" lacks
    ])
    assert sorted(r["mention_ids"] for r in rows) == [["a#1", "c#1"], ["b#1"], ["e#1"], ["f#1"]]


def test_a_victim_of_the_same_age_ties_a_neighbourhood_to_its_city_but_a_day_apart_a_neighbour_town_is_another_event():
    usa = dict(country="USA", event_type="shooting", admin1="Ohio")
    city = dict(location="Dayton", lat=39.76, lon=-84.19, **usa)
    quarter = dict(location="Northridge", lat=39.86, lon=-84.19, **usa)  # 11 km north of the centre
    rows = incidents([
        mention("a#1", "a", D(2024, 5, 6), D(2024, 5, 6), wounded=1, ages=[2], **city),
        mention("b#1", "b", D(2024, 5, 6), D(2024, 5, 6), wounded=1, ages=[2], **quarter),  # the 2-year-old
        mention("c#1", "c", D(2024, 6, 3), D(2024, 6, 3), wounded=1, ages=[30], **city),
        mention("d#1", "d", D(2024, 6, 3), D(2024, 6, 3), wounded=1, **quarter),  # no age: 11 km is too far
        # a day later and 8 km away: each alone is within tolerance, both together are another event
        mention("e#1", "e", D(2024, 7, 1), D(2024, 7, 1), killed=1, wounded=1, **city),
        mention("f#1", "f", D(2024, 7, 3), D(2024, 7, 2), killed=1, wounded=1, location="Kettering", lat=39.69,
                lon=-84.17, **usa),
    ])
    assert sorted(r["mention_ids"] for r in rows) == [["a#1", "b#1"], ["c#1"], ["d#1"], ["e#1"], ["f#1"]]


def test_one_victim_spelled_two_ways_with_the_same_age_is_one_person():
    usa = dict(country="USA", event_type="shooting", admin1="Florida")
    rows = incidents([
        mention("a#1", "a", D(2024, 4, 12), D(2024, 4, 11), killed=1, location="Ocala", lat=29.19, lon=-82.14,
                people=["Katarina Rowe, 10"], **usa),
        mention("b#1", "b", D(2024, 4, 13), D(2024, 4, 11), killed=1, location="Dunnellon", lat=29.05, lon=-82.46,
                people=["Katerina Rowe, 10"], **usa),
        # the same surname and age, another first name: her brother, another event
        mention("c#1", "c", D(2024, 4, 22), D(2024, 4, 21), killed=1, location="Dunnellon", lat=29.05, lon=-82.46,
                people=["Marcus Rowe, 10"], **usa),
    ])
    assert sorted(r["mention_ids"] for r in rows) == [["a#1", "b#1"], ["c#1"]]
    (inc,) = [r for r in rows if len(r["mention_ids"]) == 2]
    assert any("both name Katarina Rowe" in r for r in inc["merge_reasons"])


def test_a_day_of_slack_is_for_two_stated_days_not_for_a_report_dated_only_by_the_week():
    usa = dict(country="USA", event_type="shooting", location="Dayton", lat=39.76, lon=-84.19)
    rows = incidents([
        mention("a#1", "a", D(2024, 5, 15), D(2024, 5, 6), killed=1, precision="week", date_phrase="last week", **usa),
        mention("b#1", "b", D(2024, 5, 14), D(2024, 5, 13), killed=1, **usa),  # the day after that week
        mention("c#1", "c", D(2024, 5, 11), D(2024, 5, 10), killed=1, **usa),  # within it
        mention("d#1", "d", D(2024, 5, 14), D(2024, 5, 14), killed=1, date_phrase="Tuesday", **usa),  # b a day on
    ])
    assert sorted(r["mention_ids"] for r in rows) == [["a#1", "c#1"], ["b#1", "d#1"]]


def test_a_lone_victims_age_missing_from_the_ages_a_larger_shooting_gives_is_another_event():
    usa = dict(country="USA", event_type="shooting", location="Dayton", lat=39.76, lon=-84.19)
    rows = incidents([
        mention("a#1", "a", D(2024, 5, 6), D(2024, 5, 5), killed=1, ages=[18], **usa),  # "an 18-year-old died"
        mention("b#1", "b", D(2024, 5, 6), D(2024, 5, 5), killed=1, wounded=3, ages=[20, 21], **usa),
        mention("c#1", "c", D(2024, 5, 7), D(2024, 5, 5), killed=1, ages=[18], **usa),
    ])
    assert sorted(r["mention_ids"] for r in rows) == [["a#1", "c#1"], ["b#1"]]


def test_one_outlet_s_undated_reports_of_later_days_are_other_incidents():
    """A daily brief ("Israeli strikes kill at least 85 in Gaza") gives that day's toll: the same outlet's
    undated report of the next day is the next day's news, unless it says it updates the earlier one. Undated
    reports from two outlets a day apart may still be one event."""
    undated = dict(precision="week", date_phrase=None, event_type="air strike", location="Gaza", country="PSE",
                   lat=31.5, lon=34.47)
    rows = incidents([
        mention("a#1", "a", D(2025, 5, 18), D(2025, 5, 18), killed=100, source="Daily Brief", **undated,
                evidence="At least 100 people are killed in strikes on Gaza."),
        mention("b#1", "b", D(2025, 5, 19), D(2025, 5, 19), killed=84, source="Daily Brief", **undated,
                evidence="At least 84 people are killed in strikes on Gaza."),
        mention("c#1", "c", D(2025, 5, 19), D(2025, 5, 19), killed=100, source="Wire", **undated,
                evidence="Strikes on Gaza killed at least 100 people."),
        mention("d#1", "d", D(2025, 5, 20), D(2025, 5, 20), killed=110, source="Daily Brief", **undated,
                evidence="The death toll from the strikes on Gaza rises to 110."),
    ])
    assert sorted(r["mention_ids"] for r in rows) == [["a#1", "c#1", "d#1"], ["b#1"]]


def test_a_protest_merges_with_reports_of_that_protest_only_never_with_violence():
    rows = incidents([
        mention("a#1", "a", D(2024, 5, 6), D(2024, 5, 6), event_type="protest"),
        mention("b#1", "b", D(2024, 5, 7), D(2024, 5, 6), event_type="protest"),
        mention("c#1", "c", D(2024, 5, 7), D(2024, 5, 6), killed=2, event_type=None),   # a killing of no stated kind
        mention("d#1", "d", D(2024, 5, 7), D(2024, 5, 6), killed=2, event_type="shooting"),
    ])
    assert sorted(r["mention_ids"] for r in rows) == [["a#1", "b#1"], ["c#1", "d#1"]]


def test_a_county_s_big_city_standing_in_for_the_county_ties_no_report_by_place():
    """ "Harris County deputies said four were wounded": the county's big city stands in as the place (admin2), but
    the county is too big to tie that report to the city's shooting of the same day; a person in common still
    does."""
    city = mention("a#1", "a", D(2024, 5, 6), D(2024, 5, 6), killed=1, wounded=9, location="Houston", country="USA",
                   lat=29.76, lon=-95.37, event_type="shooting")
    county = mention("b#1", "b", D(2024, 5, 8), D(2024, 5, 6), wounded=4, location="Houston", country="USA",
                     lat=29.76, lon=-95.37, event_type="shooting")
    county["geo_precision"] = "admin2"
    assert sorted(r["mention_ids"] for r in incidents([city, county])) == [["a#1"], ["b#1"]]
    city["people"], county["people"] = ["Dana Okafor, 19"], ["Dana Okafor, 19"]
    assert [r["mention_ids"] for r in incidents([city, county])] == [["a#1", "b#1"]]


def test_a_report_dated_only_by_month_of_one_victim_joins_no_report_on_place_and_figures_alone():
    """One killed "last month" in a city is every lone homicide of that month there: the same figures and place do
    not tie it to a dated one-victim report; the victim named with an age in both does."""
    usa = dict(country="USA", event_type="shooting", location="Dayton", lat=39.76, lon=-84.19)
    vague = mention("a#1", "a", D(2024, 9, 12), D(2024, 8, 1), killed=1, precision="month", date_phrase="last month",
                    **usa)
    dated = mention("b#1", "b", D(2024, 8, 28), D(2024, 8, 28), killed=1, **usa)
    assert sorted(r["mention_ids"] for r in incidents([vague, dated])) == [["a#1"], ["b#1"]]
    vague["people"], dated["people"] = ["Rowan Pike"], ["Rowan Pike, 12"]
    assert [r["mention_ids"] for r in incidents([vague, dated])] == [["a#1", "b#1"]]


def test_reports_of_one_day_are_not_ordered_so_none_lowers_another():
    # A report of one building's injured beside the attack's toll, published the same day: neither is "later",
    # and the input order must not decide whether the incident is disputed.
    reports = [mention("a#1", "a", D(2024, 5, 6), D(2024, 5, 6), killed=25, wounded=63),
               mention("b#1", "b", D(2024, 5, 6), D(2024, 5, 6), wounded=1)]
    for given in (reports, reports[::-1]):
        (inc,) = incidents([dict(m) for m in given])
        assert not inc["is_disputed"]
        assert (inc["wounded_low"], inc["wounded_high"]) == (1, None)
