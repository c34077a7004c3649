"""Evaluation: hand-written gold cases and a fake extractor's rows in, the README's metric verdicts out.

Example: gold "Gunmen killed three villagers in Dorvana" (killed 3) against a row with killed=3 -> killed_exact hit.
"""
from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from etl import evaluate as ev
from etl.schema import Mention

D = dt.date(2021, 3, 9)
OTHER_DAY = dt.date(2021, 3, 2)


def case(killed=None, wounded=None, date=D, city=None, country=None, perpetrator=None, source="test_set",
         meta=None, text="Gunmen killed three villagers in Dorvana on Tuesday.", id="c1") -> ev.Case:
    gold = {"killed": killed, "wounded": wounded, "date": date,
            "location": {"city": city, "admin1": None, "country": country}, "perpetrator": perpetrator}
    return ev.Case(id=id, source=source, text=text, publication_date=None, gold=gold, meta=meta or {})


def row(**fields) -> Mention:
    fields.setdefault("article_id", "c1")
    fields.setdefault("perpetrator_status", "attributed" if fields.get("perpetrator") else "unknown")
    return Mention(**fields)


def identity(name):
    return name


def score(c, rows, canonical=identity):
    return ev.score_case(c, rows, canonical=canonical)


# ---------------------------------------------------------------- matching

def test_date_weight_beats_country_and_place():
    """Row A has the right date only (4), row B the right country and place (2+1): A is the match."""
    c = case(killed=2, country="Kenya", city="Dorvana")
    rows = [row(killed=5, event_date=OTHER_DAY, country_code="KEN", location="Dorvana"),
            row(killed=2, event_date=D, country_code="UGA", location="Elsewhere")]
    assert score(c, rows)["killed_exact"] is True
    assert score(c, rows)["country"] is False  # the matched row's country, not the best country


def test_country_beats_place():
    c = case(killed=1, country="Kenya", city="Dorvana", date=None)
    rows = [row(killed=4, location="Dorvana"), row(killed=1, country="Kenya")]
    assert score(c, rows)["killed_exact"] is True


def test_ties_go_to_most_killed_then_most_wounded():
    c = case(killed=7, wounded=3)
    assert score(c, [row(killed=2, wounded=9), row(killed=7, wounded=0)])["killed_exact"] is True
    result = score(c, [row(killed=7, wounded=1), row(killed=7, wounded=3), row(killed=7, wounded=2)])
    assert result["wounded_exact"] is True


def test_null_count_and_missing_row_read_as_zero():
    c = case(killed=0, wounded=0)
    assert score(c, [row(killed=None, wounded=None)])["killed_exact"] is True
    no_rows = score(c, [])
    assert no_rows["killed_exact"] is True and no_rows["wounded_exact"] is True
    assert no_rows["nonfatal_clean"] is True
    # A null count beats nothing in the tie-break: the row with 1 killed is the match.
    assert score(case(killed=1), [row(killed=None), row(killed=1)])["killed_exact"] is True


def test_dict_rows_are_read_like_mentions():
    c = case(killed=3, city="Dorvana", country="Kenya")
    rows = [{"article_id": "c1", "killed": 3.0, "wounded": float("nan"), "event_date": "2021-03-09",
             "country_code": "KEN", "location": "Dorvana"}]
    result = score(c, rows)
    assert result["killed_exact"] and result["date_exact"] and result["country"] and result["place"]


# ---------------------------------------------------------------- each metric

@pytest.mark.parametrize("gold_killed, predicted, expected", [
    (3, 3, {"killed_pos_exact": True, "killed_exact": True, "fatal_recall": True, "nonfatal_clean": None}),
    (3, 2, {"killed_pos_exact": False, "killed_exact": False, "fatal_recall": True, "nonfatal_clean": None}),
    (3, 0, {"killed_pos_exact": False, "killed_exact": False, "fatal_recall": False, "nonfatal_clean": None}),
    (0, 0, {"killed_pos_exact": None, "killed_exact": True, "fatal_recall": None, "nonfatal_clean": True}),
    (0, 1, {"killed_pos_exact": None, "killed_exact": False, "fatal_recall": None, "nonfatal_clean": False}),
    (None, 1, {"killed_pos_exact": None, "killed_exact": None, "fatal_recall": None, "nonfatal_clean": None}),
])
def test_killed_metrics(gold_killed, predicted, expected):
    result = score(case(killed=gold_killed), [row(killed=predicted)])
    assert {m: result[m] for m in expected} == expected


@pytest.mark.parametrize("gold_wounded, predicted, pos, exact", [
    (4, 4, True, True), (4, None, False, False), (0, None, None, True), (0, 2, None, False), (None, 2, None, None),
])
def test_wounded_metrics(gold_wounded, predicted, pos, exact):
    result = score(case(wounded=gold_wounded), [row(wounded=predicted)])
    assert (result["wounded_pos_exact"], result["wounded_exact"]) == (pos, exact)


def test_fatal_recall_and_nonfatal_clean_look_at_every_row():
    """"Police said two gunmen died; earlier a bus crash hurt five": the match has no deaths, another row does."""
    c = case(killed=2, wounded=5, country="Kenya")
    rows = [row(killed=0, wounded=5, country_code="KEN"), row(killed=2, wounded=0)]
    result = score(c, rows)
    assert result["killed_pos_exact"] is False and result["fatal_recall"] is True
    assert score(case(killed=0, country="Kenya"), rows)["nonfatal_clean"] is False


def test_date_exact():
    assert score(case(killed=1), [row(event_date=D)])["date_exact"] is True
    assert score(case(killed=1), [row(event_date=OTHER_DAY)])["date_exact"] is False
    assert score(case(killed=1), [])["date_exact"] is False
    assert score(case(killed=1, date=None), [row(event_date=D)])["date_exact"] is None


# ---------------------------------------------------------------- country

@pytest.mark.parametrize("gold, predicted", [
    ("Ivory Coast", {"country_code": "CIV"}),
    ("Democratic Republic of Congo", {"country": "Democratic Republic of the Congo"}),
    ("Democratic Republic of Congo", {"country_code": "COD"}),
    ("Kosovo", {"country_code": "XKX"}),
    ("Turkey", {"country_code": "TUR"}),
    ("Russia", {"country": "Russian Federation"}),
    ("Iran", {"country_code": "IRN"}),
    ("Syria", {"country": "Syrian Arab Republic"}),
    ("Palestine", {"country_code": "PSE"}),
    ("United States", {"country": "USA"}),
    ("Bolivia", {"country": "bolivia"}),
    ("Côte d'Ivoire", {"country": "Ivory Coast"}),
])
def test_country_names_and_codes_agree(gold, predicted):
    assert score(case(country=gold), [row(**predicted)])["country"] is True


def test_country_code_wins_over_name_and_misses_are_misses():
    assert score(case(country="Chad"), [row(country_code="NER", country="Chad")])["country"] is False
    assert score(case(country="Congo"), [row(country_code="COD")])["country"] is False
    assert score(case(country="Chad"), [row(location="Abeche")])["country"] is False
    assert score(case(country=None), [row(country_code="TCD")])["country"] is None


def test_country_alpha3():
    assert ev.country_alpha3("pak") == "PAK"
    assert ev.country_alpha3("US") == "USA"
    assert ev.country_alpha3("the Philippines") == "PHL"
    assert ev.country_alpha3("Korea") is None  # two countries: no guess
    assert ev.country_alpha3("Atlantis") is None


# ---------------------------------------------------------------- place

@pytest.mark.parametrize("gold, predicted", [
    ("Qasr", "Al-Qasr"), ("Qasr", "al Qasr"), ("El-Bayda", "Bayda"), ("Dorvana District", "Dorvana"),
    ("Nangarhar", "Nangarhar province"), ("Merti city", "Merti"), ("Bogotá", "bogota"),
    ("Saint Mere", "St. Mere"), ("Ras al-Merti", "Ras Al Merti"), ("Tal Dorvan", "Tal-Dorvan"), ("Ma'rib", "Marib"),
    ("Harlan County", "Harlan"), ("Dorvana", "Dorvana, Lakeside Governorate"),
])
def test_place_normalisation_accepts(gold, predicted):
    assert score(case(city=gold), [row(location=predicted)])["place"] is True


@pytest.mark.parametrize("gold, predicted", [("Dorvana", "Dorvanka"), ("Dorvana", None), ("North Dorvana", "Dorvana")])
def test_place_normalisation_rejects(gold, predicted):
    assert score(case(city=gold), [row(location=predicted)])["place"] is False


def test_place_not_counted_without_gold_city():
    assert score(case(city=None), [row(location="Dorvana")])["place"] is None


# ---------------------------------------------------------------- perpetrator

GTD = "gtd"


@pytest.mark.parametrize("gold, predicted", [
    ("Tehrik-e-Hill Dorvana (THD)", "THD"),
    ("Tehrik-e-Hill Dorvana (THD)", "Tehrik-e-Hill Dorvana"),
    ("Movement of the Eastern Hills (MEH)", "movement of the eastern hills"),
    ("Ansar al-Dorvana (Burkina Faso)", "Ansar al-Dorvana"),
    ("Al Dorvana Brigade", "al-Dorvana Brigade"),
    ("Front of the Marsh / Marsh Armed Wing (FM-MAW)", "Marsh Armed Wing"),
])
def test_perpetrator_spellings(gold, predicted):
    assert score(case(perpetrator=gold, source=GTD), [row(perpetrator=predicted)])["perpetrator"] is True


@pytest.mark.parametrize("gold, predicted", [
    ("Military Forces of Pakistan (2013-)", "Pakistani army"),
    ("Military Forces of Pakistan (2013-)", "Pakistani troops"),
    ("Military Forces of Pakistan (2013-)", "Pakistan Army"),
    ("Military Forces of Pakistan (2013-)", "the Pakistani military"),
    ("Military Forces of Pakistan (2013-)", "Pakistani security forces"),
    ("Police Forces of India (2009-)", "Indian police"),
    ("Police Forces of India (2009-)", "Police Forces of India (2021-)"),
    ("Military Forces of Ukraine (2010-)", "Ukrainian forces"),
    ("Military Forces of the Democratic Republic of Congo (2006-)", "Congolese soldiers"),
    ("Police Forces of the Philippines (2001-)", "Filipino police"),
    ("Military Forces of Brazil (2003-) Military Police", "Brazilian police"),
    ("Military Forces of Eastmarch (2011-)", "Eastmarch troops"),  # not an ISO country
])
def test_acled_state_forces_match_newspaper_wording(gold, predicted):
    c = case(perpetrator=gold, source="acled_test", meta={"event_type": "Violence against civilians"})
    assert score(c, [row(perpetrator=predicted)])["perpetrator"] is True


@pytest.mark.parametrize("gold, predicted", [
    ("Military Forces of Pakistan (2013-)", "Indian army"),
    ("Police Forces of India (2009-)", "Indian army"),
    ("Military Forces of Syria (1990-)", "Syrian Hill Forces"),
    ("Tehrik-e-Hill Dorvana (THD)", "Hill Brigade"),
])
def test_perpetrator_mismatches(gold, predicted):
    c = case(perpetrator=gold, source="acled_test", meta={"event_type": "Explosions/Remote violence"})
    assert score(c, [row(perpetrator=predicted)])["perpetrator"] is False


def test_bare_police_takes_the_row_country():
    c = case(perpetrator="Police Forces of India (2009-)", source="acled_test",
             meta={"event_type": "Violence against civilians"})
    assert score(c, [row(perpetrator="police", country_code="IND")])["perpetrator"] is True
    assert score(c, [row(perpetrator="police", country_code="NPL")])["perpetrator"] is False


def test_canonical_callable_joins_aliases():
    aliases = {"ISIS": "Islamic State", "ISIL": "Islamic State", "Daesh": "Islamic State"}
    c = case(perpetrator="ISIL", source=GTD)
    assert score(c, [row(perpetrator="Daesh")], canonical=aliases.get)["perpetrator"] is True
    assert score(c, [row(perpetrator="Daesh")], canonical=identity)["perpetrator"] is False


def test_default_canonical_is_a_callable():
    assert callable(ev.default_canonical())


@pytest.mark.parametrize("source, meta, gold, counted", [
    (GTD, {}, "Movement of the Eastern Hills", True),
    (GTD, {}, None, False),
    (GTD, {}, "Unknown", False),
    (GTD, {}, "Hill separatists", True),  # GTD codes generic names too; the coders recorded them, so they count
    ("acled_x", {"event_type": "Violence against civilians"}, "Unidentified Armed Group (Chad)", True),
    ("acled_x", {"event_type": "Explosions/Remote violence"}, "Military Forces of Chad (2021-)", True),
    ("acled_x", {"event_type": "Battles"}, "Military Forces of Chad (2021-)", False),
    ("acled_x", {"event_type": "Protests"}, "Protesters (Chad)", False),
    ("semeval2018_gva", {}, "John Doe", False),
    ("city_terror_db", {}, "Movement of the Eastern Hills", True),
    ("some_new_set", {}, "Movement of the Eastern Hills", True),
    ("some_new_set", {}, None, False),
])
def test_perpetrator_scope(source, meta, gold, counted):
    result = score(case(perpetrator=gold, source=source, meta=meta), [row(perpetrator="Someone")])
    assert (result["perpetrator"] is not None) == counted


def test_acled_unidentified_actor_is_hit_when_nobody_is_named():
    c = case(perpetrator="Unidentified Armed Group (Chad)", source="acled_x",
             meta={"event_type": "Violence against civilians"})
    assert score(c, [row(killed=2)])["perpetrator"] is True
    assert score(c, [row(perpetrator="Hill Brigade", perpetrator_status="suspected")])["perpetrator"] is False


@pytest.mark.parametrize("source, gold, rows, expected", [
    (GTD, "Unknown", [row(killed=1)], True),
    (GTD, None, [row(perpetrator="Hill Brigade", perpetrator_status="unknown")], True),
    (GTD, None, [], True),
    (GTD, None, [row(killed=1), row(perpetrator="Hill Brigade", perpetrator_status="suspected")], False),
    (GTD, None, [row(perpetrator="Hill Brigade", perpetrator_status="claimed")], False),
    (GTD, "Hill Brigade", [row(perpetrator="Hill Brigade")], None),
    ("city_terror_db", None, [row(perpetrator="Hill Brigade")], False),
    ("acled_x", None, [row(perpetrator="Hill Brigade")], None),
    ("semeval2018_gva", None, [row(perpetrator="Hill Brigade")], None),
    ("some_new_set", None, [row(perpetrator="Hill Brigade")], None),
])
def test_no_false_attribution(source, gold, rows, expected):
    assert score(case(perpetrator=gold, source=source), rows)["no_false_attribution"] is expected


# ---------------------------------------------------------------- loading

def gold_line(id, source="set_a", killed=1, wounded=0, date="2021-03-09", city="Dorvana", country="Kenya",
              perpetrator=None, text="Gunmen killed a farmer in Dorvana."):
    return json.dumps({
        "id": id, "source": source, "text": text, "publication_date": "2021-03-10",
        "gold": {"killed": killed, "wounded": wounded, "date": date,
                 "location": {"city": city, "admin1": None, "country": country}, "perpetrator": perpetrator},
        "provenance": "self-written", "meta": {},
    })


def test_load_gold(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(gold_line("a1") + "\n\n" + gold_line("a2", date=None) + "\n")
    cases = ev.load_gold([path])
    assert [c.id for c in cases] == ["a1", "a2"]
    assert cases[0].gold["date"] == D and cases[1].gold["date"] is None
    assert cases[0].publication_date == dt.date(2021, 3, 10)
    assert (cases[1].path, cases[1].line) == (str(path), 3)


@pytest.mark.parametrize("bad, message", [
    ("{not json", "malformed gold line"),
    ('{"id": "x", "source": "s", "text": "t"}', "missing key(s) gold"),
    (gold_line("x", killed=-2), "gold.killed"),
    (gold_line("x", date="9 March"), "gold.date"),
])
def test_load_gold_names_file_and_line(tmp_path, bad, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(gold_line("ok") + "\n" + bad + "\n")
    with pytest.raises(ValueError, match=rf"bad\.jsonl:2: .*{re.escape(message)}"):
        ev.load_gold([path])


def test_load_gold_rejects_repeated_ids(tmp_path):
    (tmp_path / "a.jsonl").write_text(gold_line("same") + "\n")
    (tmp_path / "b.jsonl").write_text(gold_line("same") + "\n")
    with pytest.raises(ValueError, match=r"b\.jsonl:1: case id 'same' already used at .*a\.jsonl:1"):
        ev.load_gold([tmp_path / "a.jsonl", tmp_path / "b.jsonl"])


# ---------------------------------------------------------------- run, errors, table

PREDICTIONS = {
    # "Gunmen killed a farmer in Dorvana." -> right on everything.
    "a1": [row(article_id="a1", killed=1, wounded=0, event_date=D, country_code="KEN", location="Dorvana",
               evidence="Gunmen killed a farmer in Dorvana.")],
    # Extractor read two deaths in the wrong town.
    "a2": [row(article_id="a2", killed=2, wounded=0, event_date=D, country_code="KEN", location="Merti",
               evidence="Two people died in Merti.")],
    "b1": [],
}


def fake_extract(article):
    assert article.path == ev.EVAL_ARTICLE_PATH and article.publisher is None  # no source leaks to the builder
    return PREDICTIONS[article.article_id]


@pytest.fixture
def gold_files(tmp_path):
    a = tmp_path / "set_a.jsonl"
    a.write_text(gold_line("a1") + "\n" + gold_line("a2") + "\n")
    b = tmp_path / "set_b.jsonl"
    b.write_text(gold_line("b1", source="set_b", killed=0, wounded=None, date=None, city=None) + "\n")
    return [a, b]


def test_run_aggregates_per_source_and_all(gold_files):
    table = ev.run(gold_files, fake_extract, canonical=identity)
    assert table.sources() == ["set_a", "set_b", "ALL"]
    assert table.cases == {"set_a": 2, "set_b": 1, "ALL": 3}
    cell = lambda s, m: (table.cells[s][m].hits, table.cells[s][m].n)  # noqa: E731
    assert cell("set_a", "killed_exact") == (1, 2)
    assert cell("set_b", "killed_exact") == (1, 1)
    assert cell("ALL", "killed_exact") == (2, 3)
    assert cell("set_a", "place") == (1, 2)
    assert cell("set_b", "place") == (0, 0)
    assert cell("ALL", "country") == (2, 3)  # b1: no row, gold Kenya
    assert cell("ALL", "wounded_exact") == (2, 2)
    assert cell("set_a", "fatal_recall") == (2, 2)
    assert table.cells["ALL"]["killed_exact"].accuracy == pytest.approx(2 / 3)


def test_errors_file_has_one_line_per_miss(gold_files, tmp_path):
    errors = tmp_path / "out" / "misses.jsonl"
    ev.run(gold_files, fake_extract, errors_path=errors, canonical=identity)
    records = [json.loads(line) for line in errors.read_text().splitlines()]
    a2 = {r["metric"]: r for r in records if r["id"] == "a2"}
    assert set(a2) == {"killed_pos_exact", "killed_exact", "place"}
    assert a2["place"] == {"id": "a2", "source": "set_a", "metric": "place", "field": "location", "gold": "Dorvana",
                           "predicted": "Merti", "evidence": "Two people died in Merti.", "n_rows": 1}
    assert a2["killed_exact"]["gold"] == 1 and a2["killed_exact"]["predicted"] == 2
    b1 = [r for r in records if r["id"] == "b1"]
    assert [(r["metric"], r["gold"], r["predicted"], r["evidence"]) for r in b1] == [("country", "Kenya", None, None)]
    assert not [r for r in records if r["id"] == "a1"]


def test_json_table(gold_files, tmp_path):
    out = tmp_path / "table.json"
    ev.run(gold_files, fake_extract, json_path=out, canonical=identity)
    data = json.loads(out.read_text())
    assert data["metrics"] == list(ev.METRICS)
    assert data["sources"]["ALL"]["cases"] == 3
    assert data["sources"]["set_a"]["metrics"]["killed_exact"] == {"accuracy": 0.5, "hits": 1, "n": 2}
    assert data["sources"]["set_b"]["metrics"]["place"] == {"accuracy": None, "hits": 0, "n": 0}


def test_format_table():
    table = ev.Table(metrics=("killed_exact", "place"))
    table.add("set_b", {"killed_exact": True, "place": None})
    table.add("set_a", {"killed_exact": False, "place": True})
    table.add("set_a", {"killed_exact": True, "place": True})
    assert ev.format_table(table).splitlines() == [
        "source  cases  killed_exact     place",
        "------  -----  ------------  --------",
        "set_a       2      0.50 (2)  1.00 (2)",
        "set_b       1      1.00 (1)         —",
        "ALL         3      0.67 (3)  1.00 (2)",
    ]


def test_extractor_failure_names_the_case(gold_files):
    def broken(article):
        raise KeyError("boom")
    with pytest.raises(RuntimeError, match=r"case 'a1' \(.*set_a\.jsonl:1\)"):
        ev.run(gold_files, broken, canonical=identity)


def test_main_prints_table_and_writes_files(gold_files, tmp_path, capsys):
    errors, table_json = tmp_path / "e.jsonl", tmp_path / "t.json"
    code = ev.main([*map(str, gold_files), "--errors", str(errors), "--json", str(table_json)], extract=fake_extract)
    assert code == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split()[:3] == ["source", "cases", "killed_pos_exact"]
    assert out.splitlines()[-1].startswith("ALL ")
    assert errors.exists() and json.loads(table_json.read_text())["sources"]["ALL"]["cases"] == 3


def test_main_clear_error_without_gold(tmp_path, monkeypatch, capsys):
    with pytest.raises(SystemExit):
        ev.main([str(tmp_path / "absent.jsonl")], extract=fake_extract)
    assert "gold file(s) not found" in capsys.readouterr().err
    monkeypatch.setattr(ev, "default_gold_paths", lambda: [])
    with pytest.raises(SystemExit):
        ev.main([], extract=fake_extract)
    assert "no gold files given" in capsys.readouterr().err
