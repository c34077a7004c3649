"""People an article names, and ages: self-written sentences in, names and ages out."""
from etl.extract.people import ages_in, people_at, people_by_mention

TEXT = ("Marcus T. Bell Jr., 27, was shot outside Lincoln Middle School on Elm Street on Saturday. "
        "Police Chief Ann Kowalski said Bell was taken to Mercy Medical Center. "
        "On June 3 6-year-old Lena Ortiz was wounded in the same block. "
        "Neighbor Robert Haynes said he heard shots.")


def test_a_name_counts_when_given_with_an_age_or_referred_back_to_by_the_last_name():
    """Marcus Bell (age given), Ann Kowalski (no: never referred back to), Lena Ortiz (age before the name)."""
    names = [p for _, p in people_at(TEXT)]
    assert names == ["Marcus Bell, 27", "Lena Ortiz, 6"]


def test_places_institutions_titles_and_dates_are_not_people():
    text = "Lincoln Middle School, 12, closed. Mesa County, 3, Chief Ann Kowalski. On June, 4, Kowalski said."
    assert [p for _, p in people_at(text)] == ["Ann Kowalski"]


def test_units_forces_nationalities_and_particles_are_not_people():
    """Capitalised runs referred back to by their last word, as people are, that name an oblast, a mosque, a
    force, a paper, a nationality or end on a particle: none is a person; the man with an age is."""
    text = ("Shelling hit Kursk Oblast and the Tawfiq Mosque. Oblast officials and Mosque staff fled. "
            "Border Forces said the Valley Rifles and Daily Telegraph saw it. Forces, Rifles and Telegraph agree. "
            "Iraqi Minister Salim spoke. Minister Salim spoke again. Two Rifles. "
            "Abu Al went home; Al was seen. Karim Haddad, 31, was hurt.")
    assert [p for _, p in people_at(text)] == ["Karim Haddad, 31"]


def test_ages_in_the_evidence():
    assert ages_in("A 6-year-old girl and Marcus Bell, 27, were shot; a man aged 40 and Rita Gomez (33).") == [6, 27, 33, 40]
    assert ages_in("Bell, 2016, and 25-30 people") == []


def test_each_mention_takes_the_people_named_from_its_evidence_to_the_next():
    second = TEXT.index("On June 3")
    assert people_by_mention(TEXT, [second, 0]) == [["Lena Ortiz, 6"], ["Marcus Bell, 27"]]
    assert people_by_mention(TEXT, []) == []
