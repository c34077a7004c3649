"""Place resolution: sentences in, Place out (texts written for these tests).

>>> resolve_place("Gunmen killed two policemen in Dangam district, Kunar province, Afghanistan.")
Place(location='Dangam', admin1='Kunar', country='Afghanistan', country_code='AFG', ...)
"""


import pytest

from etl.extract.gazetteer import load_gazetteer, name_key
from etl.extract.places import Place, countries_in, resolve_place


@pytest.fixture(scope="module", autouse=True)
def gazetteer():
    """Load the gazetteer once for the module (cached per process after that)."""
    return load_gazetteer()


def test_unknown_area_near_a_resolvable_city():
    event = ("At least 26 people were killed late on Wednesday when two suicide bombers attacked a "
             "celebration being held the night before a wedding north of Baghdad, Iraqi officials said. "
             "The bombings in Al Hajaj area, north of the city of Tikrit, also wounded 25 people.")
    place = resolve_place(event, article=event)
    assert place.location == "Al Hajaj"
    assert place.country_code == "IRQ"
    assert place.admin1 == "Salah ad Din"
    assert place.geo_precision == "near"
    assert place.latitude == pytest.approx(34.6, abs=0.1) and place.longitude == pytest.approx(43.68, abs=0.1)


def test_country_only_event_ignores_places_elsewhere_in_the_article():
    event = ("Strikes on a Daesh-held northern Syrian village thought to have been conducted by the "
             "coalition killed at least 23 civilians on Thursday.")
    article = (event + " Activists in Raqqa said the strikes followed weeks of fighting. "
               "Further east, Iraqi forces pressed on towards Mosul.")
    place = resolve_place(event, article=article)
    assert place.country_code == "SYR"
    assert place.geo_precision == "country"
    assert place.location is None


def test_gtd_style_district_province_country():
    place = resolve_place("04/17/2016: Gunmen fired rockets at a police post in Dangam district, "
                          "Kunar province, Afghanistan. Two guards were hurt.")
    assert (place.location, place.admin1, place.country, place.country_code) == (
        "Dangam", "Kunar", "Afghanistan", "AFG")


def test_acled_style_area_of_district_of_city():
    place = resolve_place("On 14 June 2020, gunmen raided a police post in the Sher Khan Kala area of PD2, "
                          "Gardez city, Paktia, killing 2 guards.")
    assert place.location == "Gardez"
    assert place.admin1 == "Paktia"
    assert place.country_code == "AFG"
    assert place.geo_precision == "exact"


@pytest.mark.parametrize("article, city, state", [
    ("KNOXVILLE, Tenn. (WKXV) — A man was shot twice outside a laundromat late Sunday, police said.",
     "Knoxville", "Tennessee"),
    ("SPRINGFIELD, Ill. — Two teenagers were wounded in a drive-by shooting on Friday night.",
     "Springfield", "Illinois"),
    ("PORTLAND, Ore. (AP) - A woman was killed when gunfire erupted near a bus stop.",
     "Portland", "Oregon"),
    ("CHARLOTTE, N.C. — Officers found a man with a gunshot wound in a parked car.",
     "Charlotte", "North Carolina"),
])
def test_us_dateline_with_ap_state_abbreviation(article, city, state):
    event = article.split("— ")[-1].split("- ")[-1]
    place = resolve_place(event, article=article)
    assert place.location == city
    assert place.admin1 == state
    assert place.country_code == "USA"


def test_city_state_mention_resolves_within_that_state():
    place = resolve_place("A 19-year-old was shot and killed in Springfield, Mo., on Saturday.")
    assert (place.location, place.admin1) == ("Springfield", "Missouri")


def test_us_county_counts_as_a_place():
    place = resolve_place("Deputies said a man was shot during an argument in Anderson County, Texas.")
    assert place.location == "Anderson County"
    assert place.admin1 == "Texas"


@pytest.mark.parametrize("sentence, city, iso3", [
    ("A car bomb exploded in the Somali capital on Monday, killing five people.", "Mogadishu", "SOM"),
    ("Protesters clashed with police in the capital of Kenya on Friday.", "Nairobi", "KEN"),
    ("Two rockets landed near a market in Afghanistan's capital.", "Kabul", "AFG"),
])
def test_capital_phrases(sentence, city, iso3):
    place = resolve_place(sentence)
    assert place.location == city
    assert place.country_code == iso3


@pytest.mark.parametrize("sentence, iso3, admin1", [
    ("Jets struck targets in Raqa overnight.", "SYR", "Ar-Raqqah"),
    ("Jets struck targets in Raqqa overnight.", "SYR", "Ar-Raqqah"),
    ("Three soldiers were killed in Tal Afar on Sunday.", "IRQ", "Nineveh"),
    ("A roadside bomb exploded in Al-Ramadi, wounding four.", "IRQ", "Al Anbar"),
])
def test_transliteration_variants(sentence, iso3, admin1):
    place = resolve_place(sentence)
    assert place.country_code == iso3
    assert place.admin1 == admin1
    assert place.geo_precision == "exact"


def test_name_key_folds_spelling_variants():
    assert name_key("Tall ‘Afar") == name_key("Tal Afar")
    assert name_key("Ar Raqqah") == name_key("Raqa") == name_key("Raqqa")
    assert name_key("Al-Hasakeh") == name_key("Al Ḩasakah")


@pytest.mark.parametrize("sentence, iso3", [
    ("Clashes erupted in Tripoli as Lebanese troops fired tear gas.", "LBN"),
    ("Clashes erupted in Tripoli as Libyan forces shelled the airport road.", "LBY"),
    ("A bomb went off in Hyderabad, Sindh, injuring seven.", "PAK"),
    ("A bomb went off in Hyderabad, Telangana, injuring seven.", "IND"),
    # a group that fights in one country only places the events there (actors.yaml `home`)
    ("Pro-Houthi forces shelled government positions in Al Jawf and Marib.", "YEM"),
    ("Fighters of the Libyan National Army shelled houses in Al Jawf.", "LBY"),
])
def test_same_name_places_follow_the_country_context(sentence, iso3):
    assert resolve_place(sentence).country_code == iso3


@pytest.mark.parametrize("sentence", [
    "In March, police said the case was closed.",
    "Police said Mark Jordan Davis was shot on Tuesday.",
    "Officer Jackson told reporters the suspect fled.",
    "The Syrian Observatory for Human Rights reported the deaths.",
])
def test_false_places_are_not_read(sentence):
    place = resolve_place(sentence)
    assert place.location is None
    assert place.country_code is None


def test_organisation_names_do_not_count_as_countries():
    assert countries_in("The Syrian Observatory for Human Rights said the toll rose.") == set()
    assert countries_in("Syrian forces shelled the town.") == {"SYR"}


def test_place_the_gazetteer_lacks_marked_by_village_of():
    place = resolve_place("Gunmen stormed the village of Kwarbedogo in Burkina Faso, killing three herders.")
    assert place.location == "Kwarbedogo"
    assert place.country_code == "BFA"
    assert place.geo_precision == "country"


@pytest.mark.parametrize("text, expected", [
    ("Troops from the DRC and DR Congo militias", {"COD"}),
    ("U.S. and UK officials met in Ivory Coast", {"USA", "GBR", "CIV"}),
    ("Refugees from Burma crossed into Bangladesh", {"MMR", "BGD"}),
    ("Airstrikes hit the Gaza Strip and the West Bank", {"PSE"}),
    ("Kosovo and Türkiye signed a deal", {"XKX", "TUR"}),
    ("Iraqi officials said", {"IRQ"}),
])
def test_countries_in_names_aliases_and_demonyms(text, expected):
    assert countries_in(text) == expected


def test_places_people_fled_to_are_not_the_event_place():
    place = resolve_place("Gunmen killed four farmers near Mokolo before they fled to Nigeria.")
    assert place.location == "Mokolo"
    assert place.country_code == "CMR"


def test_possessive_city_contains_the_quarter():
    place = resolve_place("Two men were shot dead in Denver's Montbello neighborhood on Friday night.")
    assert place.location == "Denver"
    assert place.admin1 == "Colorado"


def test_empty_text_gives_an_empty_place():
    assert resolve_place("") == Place(None, None, None, None, None, None, None, None)


@pytest.mark.parametrize("text", [
    "", ",", "In", "Kabul,", "(", "near", "the village of", "KNOXVILLE, Tenn. (WKXV) —",
    "north of the city of", "Kabul's", "al-", "Al-Hasakeh,", "St.", "U.S.", "X, Y, Z, W, V, U, T",
    "Attack in Kandahar\n\nKANDAHAR —", "In Mosul,\nnear", "Gunmen attacked Bosaso town (Bossaso, Bari",
])
def test_odd_inputs_do_not_fail(text):
    assert isinstance(resolve_place(text, context=text, article=text, title=text), Place)
    assert isinstance(countries_in(text), set)


def test_a_county_becomes_the_town_the_text_puts_the_incident_in():
    place = resolve_place("It happened on Saturday morning in Grundy County.", "",
                          "GRUNDY COUNTY, Iowa - A boy was hurt. Officers went to Maple Hollow Road, east of the town of "
                          "Reinbeck. The boy, 9, of Reinbeck, was flown to a hospital.")
    assert (place.location, place.admin1, place.country_code) == ("Reinbeck", "Iowa", "USA")


def test_a_district_is_not_replaced_by_its_own_centre():
    place = resolve_place("Gunmen attacked a checkpoint in Achin district, Nangarhar province, Afghanistan.")
    assert place.location == "Achin"


@pytest.mark.parametrize("sentence, iso3, admin1", [
    ("Troops raided a hideout south of Rafah (Rafah, North Sinai) on Monday.", "EGY", "North Sinai"),
    ("Militants killed a civilian in Islamabad area of Alingar district, Laghman.", "AFG", "Laghman"),
])
def test_a_chain_s_containers_decide_the_country_of_a_name_found_in_several(sentence, iso3, admin1):
    place = resolve_place(sentence)
    assert (place.country_code, place.admin1) == (iso3, admin1)


@pytest.mark.parametrize("sentence, city", [
    ("Police seek suspects in the shooting of a teenager in Philadelphia's Fishtown section.", "Philadelphia"),
    ("A man was shot outside a bodega in Brooklyn's Bushwick neighborhood.", "Brooklyn"),
])
def test_a_part_of_a_city_named_as_the_city_s_is_the_city(sentence, city):
    assert resolve_place(sentence).location == city


PEOPLE_ARTICLE = (
    "Four hurt in shooting outside party\n\n"
    "SHREVEPORT, La. — Four people were wounded early Sunday outside a house party, said police spokesman Cpl. Marcus Tyler.\n\n"
    "Officers found Nathan Lindsay, 24, on the lawn with a wound to his leg. Lindsay was taken to a hospital, "
    "where he was listed in stable condition, Tyler said. His 12-year-old cousin Victoria Banks was grazed.\n\n"
    "A friend said Victoria was lucky. Austin Reed, 31, was shot in Austin last year.")


@pytest.mark.parametrize("event", [
    "Lindsay was taken to a hospital, where he was listed in stable condition, Tyler said.",
    "A friend said Victoria was lucky.",
])
def test_a_person_named_earlier_in_the_article_is_not_a_place(event):
    # Lindsay, Tyler and Victoria are towns too; in this article they are people, named in full with an
    # age or a title before, or speaking. The event's place is the article's.
    assert resolve_place(event, article=PEOPLE_ARTICLE).location == "Shreveport"


def test_a_town_sharing_a_name_with_a_person_is_still_a_place_where_the_text_puts_the_event():
    assert resolve_place("Austin Reed, 31, was shot in Austin last year.", article=PEOPLE_ARTICLE).location == "Austin"


def test_a_small_town_of_another_us_state_is_not_the_place_of_a_story_the_dateline_puts_in_one_state():
    article = ("DURHAM, N.C. (WXYZ) — Police are investigating after a teenager was shot and killed Tuesday.\n\n"
               "Officers found the boy behind a building at the Cedar Bluff apartment complex.")
    event = "Officers found the boy behind a building at the Cedar Bluff apartment complex."
    assert resolve_place(event, article=article).location == "Durham"


@pytest.mark.parametrize("sentence, city", [
    ("Three women were shot during a dispute in southwest Atlanta Wednesday evening.", "Atlanta"),
    ("A woman who fired at guests outside a chapel in west Las Vegas Sunday night was charged.", "Las Vegas"),
])
def test_a_day_after_a_town_does_not_make_it_a_longer_name(sentence, city):
    assert resolve_place(sentence).location == city


def test_an_institution_working_in_one_country_is_weak_evidence_of_it():
    place = resolve_place("On 2 May 2020, the OSCE SMM observed a total of 11 explosions near Kalynivka-Mala.")
    assert place.country_code == "UKR"


def test_a_side_named_by_its_nationality_is_only_a_hint_of_the_country():
    # the Turkish border police are a side; the river and the Greek village place it in Greece
    place = resolve_place("On 30 April 2020, Turkish border police fired shots into the air near the Greek village "
                          "of Kastanies.")
    assert place.country_code == "GRC"
    # with nothing else to go on, the side's country is still the best guess
    assert resolve_place("On 30 April 2020, at least 12 militants were killed by Afghan military airstrikes in the "
                         "Chahar Mahal area.").country_code == "AFG"
    # a side's nationality does not rule out the place the paragraph gives
    assert resolve_place("Two Romanian soldiers were killed by a roadside bomb.",
                         context="The blast hit a NATO convoy in Zabul province on Sunday.").country_code == "AFG"
    # a country after "in" is where it happened, not a side acting ("strikes in Yemen killed"), even before a verb
    assert resolve_place("U.S. military strikes against rebels in Yemen killed 15 civilians.").country_code == "YEM"
    assert resolve_place("Israel strikes Gaza City, killing five.").country_code == "PSE"


def test_video_player_words_are_not_places():
    assert resolve_place("2:15 A man in Fresno Pause is accused of robbing a store."
                         ).location == "Fresno"
    assert resolve_place("CLOSE Skip in Skip x Embed x Share A shooting leaves a child dead.").location is None


def test_a_lone_ayn_is_no_word_and_no_crash():
    """'ʿ' is dropped from the start of a word like an opening apostrophe; alone it leaves an empty token."""
    assert resolve_place("0 KILLED:ʿ").location is None
    assert resolve_place("Gunmen killed three people in ʿ Kabul on Monday.").location == "Kabul"


def test_a_county_name_many_states_share_is_a_weak_vote_for_each():
    """"Wayne County" names a county in 16 states: it must not pull Dallas into Georgia when Michigan is named."""
    text = ("Three officers were shot at a rally in downtown Dallas on Friday.\n"
            "Halvorsen, a nine-year officer, had once worked for the Wayne County Sheriff's Office in Michigan.")
    place = resolve_place(text)
    assert (place.location, place.admin1) == ("Dallas", "Texas")


@pytest.mark.parametrize("event, article, town, state", [
    # "Franklin County" is a county of two dozen states; the town the text puts the shooting in is in one of them
    ("A boy was found shot inside a Franklin County home on Monday.",
     "A boy was found shot inside a Franklin County home on Monday.\n\n"
     "Officers were sent to a house on Juniper Lane in Malone shortly after 5 a.m.", "Malone", "New York"),
    ("Fayette County deputies are looking into a shooting that hurt a teenager.",
     "Fayette County deputies are looking into a shooting that hurt a teenager. It happened on a gravel lane "
     "near Connersville on Tuesday.", "Connersville", "Indiana"),
])
def test_a_county_many_states_share_is_the_one_holding_the_town_the_text_puts_the_incident_in(
        event, article, town, state):
    place = resolve_place(event, article=article)
    assert (place.location, place.admin1) == (town, state)


def test_a_county_becomes_the_town_whose_police_investigate():
    """A town's police department works inside the town: "Olive Branch police" put a DeSoto County shooting there."""
    text = ("A woman was killed and her son wounded in DeSoto County, Mississippi, according to the Olive Branch "
            "Police Department.")
    assert resolve_place(text).location == "Olive Branch"



def test_a_big_city_the_text_names_puts_a_neighbourhood_in_its_state():
    """Lawndale is a town of California and a part of Chicago: a "Chicago police" story means Chicago's."""
    article = ("A man was shot on Wednesday night in the Lawndale neighborhood.\n\n"
               "He was taken to a hospital in fair condition, a Chicago police spokesman said.")
    place = resolve_place("A man was shot on Wednesday night in the Lawndale neighborhood.", article=article)
    assert (place.location, place.admin1) == ("Chicago", "Illinois")


@pytest.mark.parametrize("event, article, city", [
    # a quarter the gazetteer lacks
    ("Three men were hurt in a shooting in the Ashgrove Park area on Saturday.",
     "Three men were hurt in a shooting in the Ashgrove Park area on Saturday. Memphis police are searching for a "
     "gray pickup.", "Memphis"),
    # a quarter named like towns of other states
    ("A teen was shot dead in Avondale late on Saturday.",
     "A teen was shot dead in Avondale late on Saturday. Cincinnati police have not named a suspect.",
     "Cincinnati"),
    # a quarter the gazetteer holds as a place of its own, named in a dateline
    ("Four people were hurt outside a barbershop on Monday.",
     "Barbershop shooting\n\nPULLMAN — Four people were hurt outside a barbershop on Monday, "
     "Chicago Police said.", "Chicago"),
])
def test_a_part_of_a_big_city_whose_police_the_text_names_is_the_city(event, article, city):
    assert resolve_place(event, article=article).location == city


@pytest.mark.parametrize("event, article, town", [
    # a town of the state far from the city
    ("A man was shot in Joliet on Sunday.", "A man was shot in Joliet on Sunday. Chicago police assisted.", "Joliet"),
    # a town with police of its own
    ("A man was shot in Evanston on Sunday.",
     "A man was shot in Evanston on Sunday, Evanston police said. Chicago police assisted.", "Evanston"),
])
def test_a_town_is_not_a_part_of_the_big_city_whose_police_the_text_names(event, article, town):
    assert resolve_place(event, article=article).location == town


@pytest.mark.parametrize("sentence, location", [
    ("On 2 May 2020, rebels shelled army positions in Wadi al Hamra (Sirt), killing two soldiers.", "Wadi al Hamra"),
    ("On 2 May 2020, two fighters were killed in clashes at Bab Sharqi (Qaatabah, Ad Dali).", "Bab Sharqi"),
])
def test_a_name_the_gazetteer_lacks_may_begin_with_a_word_that_alone_is_no_place(sentence, location):
    """ "Wadi", "Bab", "Tal", "Ras" alone are no places; they begin many names ("Wadi X", "Bab X")."""
    assert resolve_place(sentence).location == location


@pytest.mark.parametrize("sentence, location", [
    ("On 11 June 2020, clan militias fought at Ceel Jaale village, north of Beledweyne town (Beledweyne, Hiraan), "
     "killing 3.", "Beledweyne"),
    ("On 9 June 2020, a crowd beat a suspected thief to death in Nyamaraga village near Rongo (Rongo, Migori).", "Rongo"),
])
def test_the_reference_town_the_parenthesised_units_follow_is_the_coded_place(sentence, location):
    """ "X near Y (district, province)": the units in parentheses are Y's, and event coders record Y."""
    assert resolve_place(sentence).location == location


def test_a_group_s_name_before_in_does_not_take_the_place_as_its_container():
    place = resolve_place("On 12 June 2020, police fought with members of the Imbonerakure in Butezi commune (Ruyigi), "
                          "killing one man.")
    assert place.location == "Butezi"


@pytest.mark.parametrize("sentence, location", [
    ("On 7 May 2020, a landmine killed 2 fighters in Sukhnah desert in Homs countryside.", "Sukhnah"),
    ("On 10 June 2020, fighting broke out between regime forces and rebels on Kafr Nabl frontline in Idleb "
     "countryside, killing 4.", "Kafr Nabl"),
])
def test_a_desert_or_frontline_named_after_a_place_is_that_place(sentence, location):
    assert resolve_place(sentence).location == location


@pytest.mark.parametrize("sentence, location", [
    ("On 8 May 2020, heavy artillery fire killed a fighter in As Sidra (Tripoli).", "As Sidra"),
    ("On 8 May 2020, shelling killed two civilians in At Tawilah (Al Mahwit).", "At Tawilah"),
])
def test_an_arabic_article_spelt_like_an_english_word_is_part_of_the_name(sentence, location):
    assert resolve_place(sentence).location == location


def test_the_first_of_two_places_an_attack_happened_between_is_the_place():
    place = resolve_place("On 28 April 2020, an IED killed three women travelling between Boulkiba and Titao "
                          "(Titao, Loroum).")
    assert (place.location, place.country_code) == ("Boulkiba", "BFA")


def test_a_side_s_nationality_does_not_rule_out_the_provinces_of_another_country():
    place = resolve_place("On 11 June 2020, Saudi forces shelled villages in Baqim district (Sadah), "
                          "killing 2 civilians.")
    assert (place.location, place.country_code) == ("Baqim", "YEM")


@pytest.mark.parametrize("event", [
    "A Smyrna girl who was shot by accident on Saturday is expected to leave the Riverside Medical Center in "
    "Nashville this week.",
    "Four people were shot at a cookout in Bridgeton. They drove themselves to hospitals in Camden.",
])
def test_the_town_of_the_medical_centre_the_wounded_were_taken_to_is_not_the_place(event):
    assert resolve_place(event).location in ("Smyrna", "Bridgeton")


@pytest.mark.parametrize("sentence, town", [
    ("A man was shot on Tuesday at Pine Hollow Range in Greenwood, S.C., and deputies are investigating.", "Greenwood"),
    ("Two men were shot dead outside the Copper Kettle Lounge in Kent, Wash., late Saturday.", "Kent"),
])
def test_a_business_the_gazetteer_lacks_is_placed_by_the_town_it_is_in(sentence, town):
    assert resolve_place(sentence).location == town


def test_a_holiday_is_not_a_place():
    assert resolve_place("Two men were charged over a brawl on Martin Luther King Day that left three "
                         "hurt.").location is None


def test_state_police_are_no_evidence_of_the_us():
    """Mexico's, Venezuela's, Brazil's and India's states have police too: "state police" in a story does not make
    "Guadalupe" the small US town rather than the Mexican city; a US state named with it still does."""
    assert resolve_place("State police officers shot dead two men in Guadalupe on Monday.").country_code == "MEX"
    assert resolve_place("State police officers shot dead two men in Guadalupe, Arizona, on Monday.").country_code == "USA"


@pytest.mark.parametrize("sign", ["Copyright 2017 WXYZ.", "(WXY-TV) -", "Reporting for KXYZ-FM."])
def test_a_us_broadcaster_s_call_sign_is_evidence_of_the_us(sign):
    """K/W call signs are US stations' (three letters with "-TV", "-FM", "-AM" too): "Birmingham" in their story is
    Alabama's, not England's."""
    text = ("Birmingham police are investigating after a teen was shot in a drive-by shooting on Sunday evening.\n\n"
            f"{sign} All rights reserved.")
    place = resolve_place(text.split("\n")[0], article=text)
    assert (place.location, place.country_code) == ("Birmingham", "USA")


@pytest.mark.parametrize("sentence, location", [
    ("On 14 June 2020, a crowd from Umunede (Ika North East LGA, Delta) beat to death a suspected "
     "kidnapper.", "Umunede"),
    ("On 3 May 2020, unidentified gunmen killed 1 resident of Angwan Rukuba (Jos North LGA, Plateau).",
     "Angwan Rukuba"),
])
def test_a_name_its_units_follow_in_parentheses_is_the_place_even_after_of_or_from(sentence, location):
    """Event notes give the coded place's units in parentheses right after it: "a mob from X (LGA, state)"."""
    assert resolve_place(sentence).location == location


def test_mountains_named_after_a_place_are_that_place():
    assert resolve_place("On 7 May 2020, soldiers killed 2 militants near Makhmour mountains in Erbil "
                         "province.").location == "Makhmour"


def test_the_reach_of_a_big_city_s_police_grows_with_the_city():
    """Rancho Bernardo lies about 35 km from San Diego's centre, inside the city: San Diego police work there."""
    article = ("Three people were found dead in a Rancho Bernardo home on Friday, according to the San Diego "
               "Police Department.")
    assert resolve_place(article).location == "San Diego"


@pytest.mark.parametrize("article, city", [
    ("A man was shot near Tropicana and Rainbow on Saturday, LVMPD said.", "Las Vegas"),
    ("Officers chased the car to Kessler Lane, where the suspect shot at them, IMPD said.", "Indianapolis"),
])
def test_a_city_police_department_s_acronym_is_its_city_s_police(article, city):
    assert resolve_place(article).location == city


def test_a_city_nickname_is_recorded_by_the_city_s_name():
    assert resolve_place("Two men were shot in Philly on Sunday night.").location == "Philadelphia"


def test_a_metropolitan_police_department_is_its_city_s_police():
    article = ("Officers were called to a home in the 2300 block of West 31st Street, where a girl had been shot, "
               "according to the Indianapolis Metropolitan Police Department.")
    assert resolve_place(article).location == "Indianapolis"


def test_an_airfield_is_placed_by_the_town_it_is_in():
    place = resolve_place("08/14/2016: Gunmen shot at a guard post at Shindand Airbase in Shindand, Herat, "
                          "Afghanistan.")
    assert place.location == "Shindand"


def test_a_name_followed_by_a_loose_spelling_of_a_district_is_one_longer_name():
    """ "Qala Banader": "Banader" matches a district only by loose spelling; with "Qala" it is one village's name."""
    place = resolve_place("09/12/2016: Gunmen destroyed a bridge in Qala Banader, Helmand, Afghanistan.")
    assert (place.location, place.admin1) == ("Qala Banader", "Helmand")


def test_words_of_an_all_capital_line_are_no_call_signs():
    text = "A MAN WAS SHOT WHAT WE KNOW\n\nThe shooting in Birmingham left one man wounded, police said."
    assert resolve_place(text.split("\n")[-1], article=text).country_code == "GBR"


@pytest.mark.parametrize("text, location, country", [
    ("Nine people are killed in Israeli airstrikes on Gaza City.", "Gaza City", "PSE"),
    ("Nine people are killed in airstrikes by Israel on Khan Younis.", "Khan Younis", "PSE"),
    ("Israel strikes Gaza City, killing nine people.", "Gaza City", "PSE"),
    ("Nine people are killed in Russian missile strikes on Kharkiv.", "Kharkiv", "UKR"),
])
def test_the_attacking_side_s_country_does_not_place_the_attack(text, location, country):
    place = resolve_place(text)
    assert (place.location, place.country_code) == (location, country)


@pytest.mark.parametrize("text, country", [
    ("Boko Haram militants attack a Chadian military base on the shores of the lake, killing 23 soldiers.", "TCD"),
    ("Thirteen peacekeepers are killed as fighting intensifies in the Democratic Republic of the Congo.", "COD"),
    ("Two people are killed in clashes in the Republic of the Congo.", "COG"),
    ("Thirteen peacekeepers, nine from South Africa and three from Malawi, are killed in fighting in the "
     "Democratic Republic of the Congo.", "COD"),
])
def test_countries_named_by_a_demonym_a_town_shares_or_by_their_full_names(text, country):
    assert resolve_place(text).country_code == country


@pytest.mark.parametrize("text, location, admin1, country", [
    # the province's name with its type word matches the namesake province without it (Peru's La Libertad)
    ("A grenade exploded at a market in Trujillo, La Libertad Department, wounding four vendors.",
     "Trujillo", "La Libertad", "PER"),
    ("Peruvian police said a grenade exploded at a market in Trujillo, La Libertad Region.",
     "Trujillo", "La Libertad", "PER"),
    # a chain's second name picks the town among namesakes by its second-level unit ("Province of Isabela")
    ("Gunmen shot dead two farmers in Santo Tomas, Isabela, Philippines, on Sunday.",
     "Santo Tomas", "Cagayan Valley", "PHL"),
    ("Gunmen shot dead two farmers in Santo Tomas, Isabela province, on Sunday.",
     "Santo Tomas", "Cagayan Valley", "PHL"),
])
def test_a_town_s_namesake_inside_the_province_its_chain_names(text, location, admin1, country):
    place = resolve_place(text)
    assert (place.location, place.admin1, place.country_code) == (location, admin1, country)


@pytest.mark.parametrize("text, location", [
    # a barangay of a municipality is recorded itself; one of a city, as the city
    ("Two soldiers were hurt in a firefight with rebels in Barangay Malinao, Surallah, South Cotabato.", "Malinao"),
    ("A robbery suspect was shot dead in a police operation in Barangay Malinao, Lipa City, Batangas.",
     "Lipa City"),
])
def test_a_barangay_folds_into_its_town_only_when_the_town_is_a_city(text, location):
    assert resolve_place(text).location == location


@pytest.mark.parametrize("text, location", [
    # a name the gazetteer lacks before the capital is a quarter of the capital, which coders record
    ("A bomb hidden in a cart exploded in Qalacha Bala, Kabul, Afghanistan, wounding three.", "Kabul"),
    # ... but before another city that names its province too, it is a village of the province
    ("A bomb hidden in a cart exploded in Qalacha Bala, Kandahar, Afghanistan, wounding three.", "Qalacha Bala"),
])
def test_an_unknown_name_before_the_capital_is_a_quarter_of_it(text, location):
    assert resolve_place(text).location == location


@pytest.mark.parametrize("noun", ["ambush", "massacre", "rampage", "slaying", "shootout"])
def test_a_headline_naming_the_event_by_its_town_beats_a_victim_s_home_town(noun):
    """"Riverside ambush survivor ...": the ambush's town, as "the Riverside shooting" is; a witness is "the Mesquite
    resident" further down."""
    event = "He was hit in the arm during the attack downtown. Two deputies died that night."
    title = f"Dallas {noun} survivor returns to work"
    article = f"{title}\n\nHe is recovering.\n\n{event}\n\nThe Mesquite resident says he still thinks of that night."
    assert resolve_place(event, "", article, title).location == "Dallas"


def test_a_town_named_in_one_country_only_is_evidence_of_that_country():
    """Spokane is a town of the US only: a small namesake abroad of the quarter where it happened (Overtown,
    Scotland) is not the place of a "Spokane police" story."""
    article = ("A man was shot dead in Overtown on Sunday night.\n\n"
               "Spokane police said the gunman fled on foot.")
    place = resolve_place("A man was shot dead in Overtown on Sunday night.", article=article)
    assert place.country_code == "USA"


def test_a_word_on_the_next_line_does_not_make_a_headline_s_town_a_seat():
    """ "... in Harlem\\n\\nPolice: ..." names no Harlem police: Chicago's police work the story, so the quarter
    is Chicago's."""
    event = "Two men were shot in Harlem on Friday night."
    article = f"Two men shot in Harlem\n\nPolice: {event} Chicago police said the gunman fled."
    assert resolve_place(event, article=article).location == "Chicago"


def test_a_quarter_s_own_name_does_not_name_its_namesake_s_state():
    """Astoria is also a big quarter of New York: naming it three times is no New York story when Chicago's police
    work it."""
    event = "Two men were shot in Astoria on Friday night."
    article = (f"Two men shot in Astoria\n\n{event} Neighbors in Astoria heard the shots. Chicago police said "
               "the gunman fled.")
    assert resolve_place(event, article=article).location == "Chicago"


def test_a_us_state_named_after_a_name_is_its_state():
    """ "the Gila Bend region of Texas" is no town of Arizona: a US state's name is not spelt loosely, and a name
    the state lacks is left unread rather than the state."""
    place = resolve_place("A deputy was shot dead on Sunday in the Gila Bend region of Texas.")
    assert place.admin1 in (None, "Texas") and place.country_code == "USA"


def test_a_town_of_a_state_the_text_names_is_kept_in_a_story_told_abroad():
    """A story mostly about a suspect held in Mexico is still about a shooting in Carlsbad, New Mexico."""
    event = "The man is accused of shooting three people in Carlsbad last month."
    article = ("SANTA FE, N.M. — Mexican police arrested a man in Chihuahua, Mexico, on Sunday. " + event +
               " Mexican authorities will hand him to US marshals at the border with Mexico.")
    place = resolve_place(event, article=article)
    assert (place.location, place.admin1) == ("Carlsbad", "New Mexico")


def test_a_county_of_many_states_is_the_one_of_the_state_the_text_names():
    """Eight states have a Hamilton County: a story naming Chattanooga (Tennessee's big city) is about Tennessee's."""
    event = "A man was shot dead in Hamilton County on Friday."
    place = resolve_place(event, article=event + " He had moved from Chattanooga last year.")
    assert (place.location, place.admin1) == ("Hamilton County", "Tennessee")


def test_a_quarter_named_like_a_village_abroad_is_the_big_city_whose_police_work_it():
    """Nothing in the text names Scotland: the Overtown of a "San Antonio police" story is a part of San Antonio."""
    event = "A man was shot dead in the Overtown neighborhood on Sunday night."
    article = event + "\n\nSan Antonio police said the gunman fled on foot."
    assert resolve_place(event, article=article).location == "San Antonio"


def test_article_town_when_the_sentence_names_only_its_state_or_a_sheriff():
    """A state named in the incident's sentence ("the worst in Oregon history") or a weak country cue ("the
    Sheriff's Office") does not stop the article's town from being the place; a town of another state does."""
    article = ("Medford police said three people were wounded at a bowling alley on Friday.\n\n"
               "Officials called it one of the worst shootings in Oregon history.\n\n"
               "Investigators with the Jackson County Sheriff's Office said the gunman was arrested.")
    event = "Officials called it one of the worst shootings in Oregon history."
    assert resolve_place(event, article=article).location == "Medford"
    event = "Investigators with the Jackson County Sheriff's Office said the gunman was arrested."
    assert resolve_place(event, article=article).location == "Medford"
    event = "Officials called it one of the worst shootings in Idaho history."
    assert resolve_place(event, article=article).location != "Medford"


def test_masthead_town_when_the_story_names_no_place():
    """ "... - KXYZ News 4 - Tulsa, Oklahoma": a local station's story naming no place of its own is in its town;
    the masthead does not outweigh a town the story names."""
    article = ("Two men shot outside apartment complex - KXYZ News 4 - Tulsa, Oklahoma\n\n"
               "(KXYZ) - Two men were shot outside an apartment complex late Tuesday, police said.")
    event = "(KXYZ) - Two men were shot outside an apartment complex late Tuesday, police said."
    place = resolve_place(event, article=article)
    assert (place.location, place.admin1) == ("Tulsa", "Oklahoma")
    event = "Two men were shot outside an apartment complex in Broken Arrow late Tuesday, police said."
    assert resolve_place(event, article=article.replace("late Tuesday", "in Broken Arrow late Tuesday")
                         ).location == "Broken Arrow"


def test_a_person_shot_at_is_not_a_place():
    """ "fired at Hobart": a name the article uses for a person is a target after "at", not a town."""
    article = ("Deputies shot Dana Hobart, 31, after a standoff in Dundalk on Monday.\n\n"
               "Hobart pointed a rifle at deputies, and one deputy fired a shot at Hobart, who was killed.")
    event = "Hobart pointed a rifle at deputies, and one deputy fired a shot at Hobart, who was killed."
    assert resolve_place(event, article=article).location != "Hobart"


@pytest.mark.parametrize("sentence", [
    "A man was shot on Friday after his car ran a stop sign at Dayton and Hudson Streets.",
    "Two men were shot on the corner of Orange and Stockton streets on Friday.",
    "Police found the victim at 4400 Dayton after the shooting on Friday.",
    "Staff at the Bar & Grill described the shooting on Friday.",
])
def test_streets_and_businesses_are_not_towns(sentence):
    """Town names that are a street's ("Dayton and Hudson Streets", "Stockton streets", "4400 Dayton") or a
    word of a business ("Bar & Grill") leave the place to the town the article names."""
    assert resolve_place(sentence, article="Man shot in Tulsa\n\n" + sentence).location == "Tulsa"


def test_a_marshal_is_not_a_town():
    sentence = "During the search a U.S. Marshal fired at the suspect on Friday."
    assert resolve_place(sentence, article=sentence).location is None


def test_county_dateline_gives_way_to_the_town_the_story_puts_the_incident_in():
    """ "JASPER COUNTY (WXYZ) —" ... "a home in Carthage": incident datasets record the town inside the county,
    also when the county is read from the dateline rather than the incident's sentence."""
    article = ("JASPER COUNTY (WXYZ) — A boy, 9, was shot on Sunday, the sheriff said.\n\n"
               "Deputies were called to a home in Carthage around 6 p.m.\n\nThe boy died at a hospital later that night.")
    place = resolve_place("The boy died at a hospital later that night.", article=article)
    assert (place.location, place.admin1) == ("Carthage", "Missouri")


def test_a_town_named_like_its_county_is_not_a_county():
    """ "DALLAS (WXYZ) —" is the city: a resident's town in Dallas County does not replace it."""
    event = "DALLAS (WXYZ) — A man was shot dead on Sunday, police said."
    place = resolve_place(event, article=event + "\n\nThe man, a Garland resident, was 34.")
    assert place.location == "Dallas"


def test_a_town_street_is_in_the_town():
    """ "on a Wichita street": one street of the town, which is the place (a plural, "Stockton streets", names
    streets)."""
    sentence = "A woman was struck by a stray bullet on a Wichita street on Friday."
    assert resolve_place(sentence, article=sentence).location == "Wichita"


def test_a_name_after_a_count_is_not_a_street():
    """ "at 4400 Dayton" is a street; "killed 300 Afghan soldiers" still names Afghanistan."""
    assert countries_in("The militants killed 300 Afghan soldiers last year.") == {"AFG"}


@pytest.mark.parametrize("sentence, official", [
    ("On 6 May 2020, in Matamoros, Tamaulipas, gunmen shot dead a taxi driver.", "Heroica Matamoros"),
    ("On 6 May 2020, in Caborca, Sonora, gunmen shot dead a taxi driver.", "Heroica Caborca"),
])
def test_a_town_written_short_is_recorded_by_its_official_name(sentence, official):
    """ "Matamoros" is the town GeoNames names "Heroica Matamoros": coders record the official name; a name
    that is another word's part ("Chimalhuacán" of "Santa María Chimalhuacán") is not lengthened."""
    assert resolve_place(sentence, article=sentence).location == official


@pytest.mark.parametrize("sentence, town", [
    ("Hale County deputies said a hunter was shot in rural Pettibone Flats on Saturday.", "Pettibone Flats"),
    ("A 9-year-old girl was shot on Friday just south of Elkmoor, Hale County deputies said.", "Elkmoor"),
])
def test_a_us_county_gives_way_to_a_hamlet_the_gazetteer_lacks(sentence, town):
    """A hamlet too small for the gazetteer that the incident's sentence puts it in is recorded, placed at the
    county (as a town the gazetteer has is)."""
    place = resolve_place(sentence, article=sentence)
    assert (place.location, place.admin1, place.geo_precision) == (town, "Texas", "near")


@pytest.mark.parametrize("title_word", ["Greenvi", "Greenv"])
def test_a_word_cut_off_before_a_headlines_publisher_is_no_place(title_word):
    """Page titles are cut at a fixed length: "outside Greenvi - WXYZ News" is Greenville, named in full below
    (an unknown name after "outside" otherwise)."""
    title = f"Man hurt in shooting outside {title_word} - WXYZ News 4"
    article = f"{title}\n\nA man was shot outside a bar on Friday, the Greenville Police Department said."
    assert resolve_place(title, article=article).location == "Greenville"
    assert resolve_place(title, article=title).location != title_word


def test_a_road_a_county_incident_is_placed_by_is_no_hamlet():
    """ "three miles east of the Cheyenne Turnpike": a road, not a hamlet inside the county."""
    sentence = "Two men were found shot dead in Hale County, three miles east of the Cheyenne Turnpike, deputies said."
    assert resolve_place(sentence, article=sentence).location == "Hale County"


@pytest.mark.parametrize("aside", [
    "The boys were taken to a medical center in Detroit.",
    "The victim, 15, of Detroit, was in serious condition.",
])
def test_a_suburb_is_not_the_big_city_the_wounded_were_taken_to_or_came_from(aside):
    """ "shot in Ferndale" stays Ferndale when Detroit is named only as the hospital's town or the victim's home:
    a small place is read as part of a big city only when the city is named as a place of the story."""
    sentence = "Two teenagers were accidentally shot by a friend in Ferndale on Thursday, police said."
    assert resolve_place(sentence, article=f"{sentence} {aside}").location == "Ferndale"


@pytest.mark.parametrize("sentence, city", [
    ("08/12/2017: Assailants burned a market stall in Mankon, Bamenda city, North-West, Cameroon.", "Bamenda"),
    ("On 2 May 2020, a civilian was killed by a mortar round in Sahat Busra in Dar'a city.", "Dar'a"),
])
def test_a_name_before_a_town_called_a_city_is_a_part_of_it(sentence, city):
    """ "Mankon, Bamenda city": the text calls Bamenda a city, so the name before it is one of its quarters, and
    coders record the city."""
    assert resolve_place(sentence, article=sentence).location == city


def test_a_neighbourhood_folds_into_a_town_the_gazetteer_lacks():
    """ "Waza Gare neighborhood, Tolkomari, Far North, Cameroon": the town after a neighbourhood is recorded, also
    when the gazetteer does not know it."""
    sentence = "05/02/2017: A suicide bomber detonated in Waza Gare neighborhood, Tolkomari, Far North, Cameroon."
    assert resolve_place(sentence, article=sentence).location == "Tolkomari"


def test_a_county_town_named_as_a_reference_gives_way_to_the_town_placed_by_it():
    """ "a house in Salida, about 15 miles north of Plainview": Plainview (in Hale County) is the reference point;
    the incident's town is Salida (the gazetteer's Salidas are in Colorado and California)."""
    event = "A teen was charged with murder, the Hale County Sheriff's Office said."
    article = (event + " Deputies went on Monday to a house in Salida, about 15 miles north of Plainview, after"
               " the family reported the girl missing.")
    place = resolve_place(event, article=article)
    assert (place.location, place.admin1, place.geo_precision) == ("Salida", "Texas", "near")


@pytest.mark.parametrize("where, town", [
    ("at their home near Sperry, 10 miles north of Tulsa", "Sperry"),
    ("at a home in the Turley area, north of Tulsa", "Tulsa"),     # an area round the reference town is the town's
])
def test_a_dateline_town_named_as_a_reference_gives_way_to_the_town_placed_by_it(where, town):
    event = "A man is accused of killing three relatives."
    article = f"TULSA, Okla. (AP) — {event} They were found shot {where} on Sunday."
    assert resolve_place(event, article=article).location == town


def test_a_demonym_after_in_is_a_language():
    """ "she said in Spanish" names a language, not Spain: the story's Paterson street stays in New Jersey."""
    event = "A woman was struck by a stray bullet on a Paterson street on Wednesday, and she told police in Spanish."
    place = resolve_place(event, article=event)
    assert (place.location, place.country_code) == ("Paterson", "USA")
    assert countries_in("The men, speaking in Arabic, fled.") == set()
    assert countries_in("Troops pushed into Afghan territory.") == {"AFG"}


def test_a_city_zone_is_recorded_as_the_citys_part():
    """ "in the South Zone of Rio de Janeiro": the zone is recorded with its city, as event coders write it."""
    sentence = "On 2 May 2020, in the South Zone of Rio de Janeiro, Rio de Janeiro, police shot dead a suspect."
    place = resolve_place(sentence, article=sentence)
    assert (place.location, place.country_code) == ("Rio de Janeiro-South Zone", "BRA")


@pytest.mark.parametrize("sentence, location", [
    ("On 7 May 2020, rioters burned tires in Basra's central Umm al-Burum Square.", "Basra"),
    ("On 7 May 2020, rioters burned tires in Beirut's Achrafieh district.", "Beirut"),
])
def test_a_big_city_owning_a_square_is_the_place(sentence, location):
    """ "in Basra's central Umm al-Burum Square": a square is no place of its own, the city owning it is (as the city
    owning a district is, "Beirut's Achrafieh district")."""
    assert resolve_place(sentence, article=sentence).location == location


@pytest.mark.parametrize("sentence, location", [
    ("On 3 May 2020, soldiers clashed with militants at Kambi ya Simba (Beni, Nord-Kivu), killing 4.", "Kambi ya Simba"),
    ("On 8 May 2020, Taliban militants killed 2 soldiers in Tarnak wa Jaldak district, Zabul.", "Tarnak wa Jaldak"),
    ("On 3 May 2020, Ukrainian forces fired machine guns at positions in the area of Posyolok imeni Frunze, Donetsk.",
     "Posyolok imeni Frunze"),
])
def test_swahili_ya_and_persian_wa_join_one_name(sentence, location):
    """ "Kambi ya Simba" (Swahili "of"), "Tarnak wa Jaldak" (Persian/Arabic "and"), "Posyolok imeni Frunze" (Russian
    "named after"): one name, as "Dar es Salaam"."""
    assert resolve_place(sentence, article=sentence).location == location


def test_a_camp_folds_into_the_quarter_the_gazetteer_lacks():
    """ "Nasr Camp in Hay Dimashq (Tripoli)": a camp is recorded as the place it is in, also one the gazetteer
    lacks."""
    sentence = "On 3 May 2020, GNA forces attacked LNA forces in Nasr Camp in Hay Dimashq (Tripoli). No casualties."
    place = resolve_place(sentence, article=sentence)
    assert (place.location, place.country_code) == ("Hay Dimashq", "LBY")


def test_a_name_head_after_a_lowercase_article_is_a_whole_name():
    """ "in al Bab": "Bab" alone is no place, but with its article it names the town."""
    sentence = "On 2 May 2020, a roadside bomb killed a soldier in al Bab, northeast of Aleppo."
    place = resolve_place(sentence, article=sentence)
    assert (place.location.replace("ā", "a"), place.country_code) == ("Al Bab", "SYR")


def test_a_plural_type_word_types_each_listed_name():
    """ "in Al Jawf, Marib and Shabwah governorates": each is a governorate, so Al Jawf is Yemen's, not the Libyan
    town of that name."""
    sentence = "On 4 May 2020, militias shelled positions in Al Jawf, Marib and Shabwah governorates, killing 2."
    place = resolve_place(sentence, article=sentence)
    assert (place.admin1, place.country_code, place.geo_precision) == ("Al Jawf", "YEM", "admin1")


def test_a_street_direction_is_no_hamlet():
    """ "in the area of Northwest 14th Avenue": a street's direction, not a hamlet of the county."""
    event = "Two people were killed in a shooting in Hale County late Sunday night."
    article = (event + "\n\nThe shooting happened outside an apartment complex in the area of Northwest 14th Avenue"
               " and Northwest 95th Street, deputies said.")
    assert resolve_place(event, context=article, article=article).location == "Hale County"


def test_the_place_of_a_series_of_attacks_is_not_the_incidents():
    """ "This was one of three related attacks in Nahr-e Saraj district": the series' district; the incident is in
    the village the first sentence names."""
    text = ("03/02/2017: Assailants attacked a police checkpoint in Sorkh Dag, Helmand, Afghanistan. This was one of"
            " three related attacks in Nahr-e Saraj district on this date. Four police officers were killed.")
    place = resolve_place("Four police officers were killed.", context=text, article=text)
    assert (place.location, place.admin1) == ("Sorkh Dag", "Helmand")


@pytest.mark.parametrize("town", ["Small Soppo", "New Bakassi"])
def test_an_adjective_opens_a_town_name_the_gazetteer_lacks(town):
    """ "in Small Soppo, South-West, Cameroon": "Small" alone is no place, but it opens a longer name."""
    sentence = f"07/12/2018: Assailants opened fire on a military convoy in {town}, South-West, Cameroon."
    place = resolve_place(sentence, article=sentence)
    assert (place.location, place.country_code) == (town, "CMR")


def test_a_town_some_kilometers_from_another_is_the_place():
    """ "in Tangaye, 40 kilometers from Ouahigouya": Ouahigouya is the reference point, Tangaye the place."""
    sentence = ("06/14/2018: Gunmen raided a police post in Tangaye, 40 kilometers from Ouahigouya,"
                " Yatenga, Nord, Burkina Faso. Two officers were hurt.")
    assert resolve_place(sentence, article=sentence).location == "Tangaye"


@pytest.mark.parametrize("sentence", [
    "Two US soldiers were killed and three were wounded in the attack.",
    "At least 10 people, including two Japanese nationals, were killed.",
    "The body of a Peruvian journalist was found near a farm.",
])
def test_whose_people_name_no_country_of_the_place(sentence):
    """ "two US soldiers", "two Japanese nationals": whose people they were, not where the attack was."""
    text = "04/23/2018: An assailant rammed a van into civilians in Calgary, Alberta, Canada. " + sentence
    assert resolve_place(sentence, context=text, article=text).country_code == "CAN"


def test_a_quadrant_of_a_street_address_is_no_place():
    """ "in the 3100 block of Larkspur Avenue, Southeast": the address's quadrant, not a town; D.C. police name it."""
    sentence = "Two men were shot on Saturday in the 3100 block of Larkspur Avenue, Southeast, D.C. police said."
    assert resolve_place(sentence, article=sentence).location != "Southeast"


def test_a_state_police_names_no_town():
    """ "Ohio State Police say": the state, typed by its "State", is no town; the admin1 stands."""
    sentence = "A boy, 13, accidentally shot himself in the foot, Ohio State Police say."
    place = resolve_place(sentence, article=sentence)
    assert (place.location, place.country_code) == (None, "USA")


@pytest.mark.parametrize("venue", ["the Corner Pocket Billiards and Lounge", "the Pine Lake Recreation Area"])
def test_a_venue_is_no_town(venue):
    """ "outside the Corner Pocket Billiards and Lounge": a business, not a town; the story's town stands."""
    sentence = f"Police say one of three people shot outside {venue} on Sunday has died."
    article = "3 shot at Sanford bar\n\n" + sentence
    assert resolve_place(sentence, article=article).location == "Sanford"


def test_between_two_names_the_first_is_placed_by_what_follows_the_second():
    """ "on the road between Nimr and Al-Tayha in the countryside of Dar'a": coders record the first name, and the
    countryside placing the second places both."""
    sentence = ("Around 4 May 2020, the bodies of 2 civilians were found on the road between Nimr and Al-Tayha in the"
                " countryside of Dar'a.")
    place = resolve_place(sentence, article=sentence)
    assert (place.location, place.country_code) == ("Nimr", "SYR")


def test_the_units_in_parentheses_place_the_town_together():
    """The district and province in parentheses are read as one: Dori, a Burkinabe town, rules out the Lao village
    namesake of Seno (a province the data lacks)."""
    place = resolve_place("On 3 May 2020, gunmen burned a school in the hamlet of Wendou (Dori, Seno).")
    assert place.country_code == "BFA"


def test_a_province_the_data_names_province_de_la_is_found_by_its_name():
    place = resolve_place("On 2 May 2020, a herder was shot dead near Kotchari (Tansarga, Tapoa).")
    assert (place.admin1, place.country_code) == ("Est", "BFA")


def test_sirt_is_libya_s_district_when_libyan_sides_fight_there():
    place = resolve_place("On 2 May 2020, GNA forces shelled LNA positions in Wadi Zamzam (Sirt).")
    assert (place.location, place.country_code) == ("Wadi Zamzam", "LBY")


def test_a_region_spelt_as_its_town_is_read_in_parentheses():
    """'Tillabery' is the loose spelling of the Tillabéri region; the town of that spelling vouches for it, so the
    region outweighs the Ethiopian city a namesake of Dessa would put the chain in."""
    place = resolve_place("On 2 May 2020, militants stormed the village of Garbeyni (Dessa, Tillabery) and killed a "
                          "trader.")
    assert (place.admin1, place.country_code) == ("Tillabéri Region", "NER")


@pytest.mark.parametrize("text", [
    "A man was shot twice Saturday night. He was listed in serious condition at St. Vincent, police said.",
    "A teenager was shot Friday night. He was pronounced dead at Parkland a short time later.",
    "Two deputies were hurt in the gunfight. One is in fair condition at Bethesda Hospital.",
])
def test_the_hospital_the_wounded_lie_in_is_not_the_place(text):
    assert resolve_place(text, article=text).location is None


@pytest.mark.parametrize("sentence, iso3", [
    ("On 9 June 2020, teachers blocked a road in El Bouni (El Bouni) over unpaid salaries.", "DZA"),
    ("On 3 May 2020, farmers protested in Ntcheu (Ntcheu, Central) over fertiliser prices.", "MWI"),
    ("On 11 June 2020, power-loom workers staged a sit-in in Salem city (Salem, TN) over unpaid wages.", "IND"),
])
def test_the_names_in_parentheses_are_read_as_districts(sentence, iso3):
    """Coders fill the parentheses after a town with its district and province: a district of that name outweighs
    a village namesake abroad."""
    assert resolve_place(sentence).country_code == iso3


def test_chile_s_metropolitan_region_as_coders_write_it():
    place = resolve_place("On 11 June 2020, in Puente Alto (Metropolitana), taxi drivers protested against fuel prices.")
    assert place.country_code == "CHL"


def test_a_country_s_police_work_at_home():
    place = resolve_place("On 11 June 2020, youths threw stones at the Mauritanian police in Rosso (Rosso) during a "
                          "protest over bread prices.")
    assert place.country_code == "MRT"


def test_a_town_of_a_typed_region_is_inside_it():
    """'Lida of the Grodno region': the region holds the town, which is the place (not the region's city named
    again later)."""
    place = resolve_place("On 3 May 2020, farmers held a rally in Lida of the Grodno region, and later a march in "
                          "Grodno.")
    assert (place.location, place.country_code) == ("Lida", "BLR")


def test_a_demonym_before_a_type_word_names_the_province_so_called():
    """'the Somali region' is Ethiopia's region, not Somalia."""
    place = resolve_place("On 9 June 2020, herders fought in Liben zone (Somali region), leaving at least 4 "
                          "people dead.")
    assert place.country_code == "ETH"


@pytest.mark.parametrize("sentence, admin1", [
    ("On 2 May 2020, an IED killed a shepherd in Amba area, west of Haditha district.", "Al Anbar"),
    ("On 2 May 2020, an IED killed a shepherd in Gonda area, south of Baiji district.", "Salah ad Din"),
])
def test_a_namesake_abroad_of_a_place_near_a_reference_point_is_not_it(sentence, admin1):
    """The area lies near the district it is placed by; the Indian towns of its name are elsewhere."""
    place = resolve_place(sentence)
    assert (place.admin1, place.country_code) == (admin1, "IRQ")


def test_a_region_the_gazetteer_lacks_names_its_country():
    # Puntland is a federal member state of Somalia, no admin area of the gazetteer; Bari is also an Italian city
    place = resolve_place("Security forces killed 35 militants in the mountains of the Bari region of Puntland.")
    assert (place.country_code, place.admin1) == ("SOM", "Bari")


def test_a_capitalised_word_joined_to_an_adjective_ending_is_no_place():
    place = resolve_place("Gunmen clash with militiamen in the Druze-majority city of Jaramana in southern Syria.")
    assert place.location == "Jaramana"


def test_a_province_the_data_names_in_french_is_found_by_its_english_name():
    place = resolve_place("Rebels killed ten villagers in North Kivu.")
    assert (place.country_code, place.admin1) == ("COD", "Nord Kivu")


@pytest.mark.parametrize("sentence, country_code", [
    ("On 9 June 2021, supporters of two parties threw stones at each other in Dowa (Central).", "MWI"),
    ("On 9 June 2021, a roadside bomb hit a police van near Wana town, wounding two officers.", "PAK"),
])
def test_a_town_spelt_as_written_before_a_bigger_one_only_a_variant_spelling_joins(sentence, country_code):
    """Dowa (Malawi) and Wana (Pakistan) are spelt so; Duoba (China) and Wanna (Germany) only fold to them."""
    assert resolve_place(sentence).country_code == country_code


def test_a_big_city_s_name_before_a_street_word_names_the_street():
    """'North Memphis Street' is a street of Lakeland; 'West Phoenix Avenue' no place of Phoenix ("Donetsk
    Airport" is still Donetsk's)."""
    place = resolve_place("Two people were hurt in a shooting on Saturday near North Memphis Street in Lakeland.")
    assert place.location == "Lakeland"
    place = resolve_place("A teenager was shot Friday evening in the 300 block of Kings Road, near West Phoenix Avenue.")
    assert place.location != "Phoenix"
    assert resolve_place("On 3 June 2021, rebels shelled the area of Donetsk Airport.").location == "Donetsk"


@pytest.mark.parametrize("sentence, country_code", [
    ("On 2 May 2021, protesters gathered at a roundabout in Bekaa to denounce the rising price of bread.", "LBN"),
    ("On 2 May 2021, residents of the village of Tkviavi in Inner Kartli protested against a new quarry.", "GEO"),
    ("On 9 May 2021, students marched in El Gazira state over fuel shortages.", "SDN"),
])
def test_a_province_by_its_english_name(sentence, country_code):
    """GeoNames writes "Béqaa" and "Shida Kartli"; English news "Bekaa" and "Inner Kartli" (admin1_aliases)."""
    assert resolve_place(sentence).country_code == country_code


def test_a_lower_case_arabic_article_between_the_locative_and_the_name():
    """'in al Busayrah' is 'in Busayrah': the locative still marks the town."""
    place = resolve_place("On 2 May 2021, gunmen shot dead a farmer in al Busayrah.")
    assert place.location == "Busayrah"


def test_a_short_name_is_written_as_the_text_has_it_and_the_first_town_of_a_sentence_leads():
    """'Tyr' stays 'Tyr' (only acronyms such as 'LA' are written out), and of two towns equally marked in one
    sentence the first is the event's."""
    place = resolve_place("On 5 June 2021, fishermen protested at the port in Tyr over fuel prices, as traders "
                          "closed shops in Sidon.")
    assert (place.location, place.country_code) == ("Tyr", "LBN")


def test_a_hamlet_whose_namesakes_are_all_in_other_states_is_the_county_s():
    """The sheriff's county leads, but the sentence puts the incident 'in Littleport': the gazetteer's Littleports
    are in England, not in the county's state, so it is a hamlet too small for it, recorded as the place."""
    event = "Clayton County Sheriff Dale Hollister says a 14-year-old was hurt in a hunting mishap in Littleport."
    article = "Teen hurt in hunting mishap\n\n" + event + " He was flown to a hospital in Waterloo."
    assert resolve_place(event, "", article, "Teen hurt in hunting mishap").location == "Littleport"


def test_a_part_of_a_state_is_no_town():
    """'in Mid-Michigan' names a region of the state; the next sentence's town is the place."""
    event = "A girl was hurt when a gun went off by accident in Mid-Michigan."
    context = event + " Deputies said it happened on Monday in Owosso."
    assert resolve_place(event, context).location == "Owosso"


def test_a_short_word_with_inner_capitals_is_an_acronym_not_a_town():
    """'the LoC' (Line of Control) is no Vietnamese village."""
    place = resolve_place("On 9 June 2021, Indian and Pakistani troops traded fire across the LoC.")
    assert place.location is None and place.country_code in ("IND", "PAK")


def test_the_area_of_a_unit_named_for_a_place_is_that_place():
    """'Nowgam sector area (Kupwara district)': the LoC sector is named for Nowgam, which coders record, not the
    district an area is otherwise folded into."""
    place = resolve_place("On 9 June 2021, Pakistani troops shelled Indian posts along the LoC in Nowgam sector area "
                          "(Kupwara district, J&K), killing a porter.")
    assert (place.location, place.country_code) == ("Nowgam", "IND")


def test_the_police_station_an_incident_is_filed_under_is_its_place():
    """'under Bhamragad Police Station (Gadchiroli, Maharashtra)': the station's town, not a camp or forest near
    it, nor the district."""
    place = resolve_place("On 6 June 2021, a Maoist was killed in an exchange of fire near Kopri Police camp under "
                          "Bhamragad Police Station limits (Gadchiroli, Maharashtra).")
    assert (place.location, place.country_code) == ("Bhamragad", "IND")


@pytest.mark.parametrize("text", [
    "A man was shot dead in Chester on Saturday night. NBC10 spoke to his neighbours.",
    "A man was shot dead in Bristol on Friday. His friend is charged with first degree manslaughter.",
])
def test_us_stations_by_channel_and_degrees_of_murder_are_us_cues(text):
    """A network's station by its channel ("NBC10") and a degree of a crime are American: the US namesakes."""
    assert resolve_place(text, "", text).country_code == "USA"


def test_a_city_the_data_spells_otherwise_is_not_given_up_for_its_province():
    # the data spells the city Zaporizhia and the oblast Zaporizhzhia: no town is spelt as written
    place = resolve_place("Russian forces strike Zaporizhzhia with glide bombs, killing three people.")
    assert (place.location, place.country_code, place.geo_precision) == ("Zaporizhzhia", "UKR", "exact")


@pytest.mark.parametrize("text, country", [
    ("Gunmen killed three farmers in Borno on Tuesday.", "NGA"),
    ("Two soldiers died when a mine exploded in Gedo.", "SOM"),
])
def test_a_bare_province_outweighs_a_small_foreign_town(text, country):
    """'in Borno': Nigeria's state, not the Italian village of that name."""
    assert resolve_place(text).country_code == country


@pytest.mark.parametrize("text, location", [
    ("On 3 June 2021, Turkish jets bombed Girê Bêgam hill (Kurdish name) in Barwari (Amadiya) region of Dahuk.",
     "Amadiya"),
    ("On 3 June 2021, Turkish jets bombed Kani and Bery hills (Kurdish names) in the Sidakan (Bradost) region of "
     "Erbil.", "Bradost"),
    ("On 3 June 2021, two people were killed in a blast in Tarinkot (Tirin Kot) city, Uruzgan.", "Tarinkot"),
])
def test_the_official_name_beside_a_local_one_is_recorded(text, location):
    """Where the text says it gives local names, "X (Y) region" is one area with Y its official name."""
    assert resolve_place(text).location == location


def test_a_hamlet_the_article_says_it_happened_in_places_a_county():
    """'Deputies say it happened ... in Quailridge', paragraphs after the counted sentence: the hamlet, not the
    county its sheriff serves."""
    event = "Duplin County deputies say a girl accidentally shot her brother, 10, on Sunday."
    article = (event + "\n\nThe cousin was flown to a hospital.\n\nDeputies say it happened Saturday on a farm off "
               "Route 11 in Quailridge around noon.")
    assert resolve_place(event, event, article).location == "Quailridge"


@pytest.mark.parametrize("said, location", [
    ("The shooting occurred at a house on Elm Street in Simpsonville.", "Simpsonville"),
    ("Officers responded to the 300 block of Main Street in Simpsonville just after midnight.", "Simpsonville"),
    # one of several places is not the incident's; nor a possessive name ("at Dent's Run range")
    ("Similar shootings occurred in Simpsonville and Mauldin last year.", "Greenville"),
    ("The accident happened at the Simpson's Run range.", "Greenville"),
])
def test_the_town_the_article_says_it_happened_in_is_the_place(said, location):
    """'The shooting occurred ... in X' outweighs the town of the police the counted sentence names."""
    event = "Two men were wounded Friday night, Greenville police said."
    article = event + "\n\nBoth were taken to a hospital.\n\n" + said
    assert resolve_place(event, event, article).location == location


def test_the_town_the_article_says_it_happened_near_outweighs_the_dateline():
    """'BOONE, N.C. - ... It happened in woods east of Blowing Rock': the town it happened near, not the station's."""
    event = "A high school junior has died after a hunting trip went wrong."
    article = ("BOONE, N.C. - " + event + "\n\nHis coach confirmed the death.\n\nIt happened in woods east of "
               "Blowing Rock on Sunday morning.")
    assert resolve_place(event, event, article).location == "Blowing Rock"


def test_a_county_said_to_hold_the_incident_keeps_the_town():
    """'The shooting occurred in Greenville County': the county holds the town the police are from."""
    event = "Two men were wounded Friday night, Greenville police said."
    article = event + "\n\nThe shooting occurred in Greenville County late Friday."
    assert resolve_place(event, event, article).location == "Greenville"


@pytest.mark.parametrize("text, location", [
    ("A missile hit the Soroka Medical Center in Beersheba on Monday, wounding four people.", "Beersheba"),
    ("Four people were wounded in Ofakim on Monday and taken to the Soroka Medical Center in Beersheba.", "Ofakim"),
    ("Four people were wounded in Ofakim and transported to St. Luke Hospital & Medical Center in Beersheba.",
     "Ofakim"),
])
def test_a_medical_centre_is_no_place_only_where_the_wounded_were_taken(text, location):
    """'taken to the X Medical Center in Y' names the hospital's town; a medical centre that was hit is the place."""
    assert resolve_place(text).location == location


def test_a_province_weighs_as_a_town_only_in_a_text_not_about_another_country():
    # Mozambique has a Gaza province; a text about Palestinians and Israeli strikes means the Gaza Strip
    place = resolve_place("At least eleven Palestinians are killed in Israeli airstrikes in the Netzarim Corridor in Gaza.")
    assert place.country_code == "PSE"


def test_an_arabic_article_spelt_at_joins_a_name_after_its_head():
    """ "in Bir at Tuyur": after a name head, "at" is the Arabic article inside the name, not the English word."""
    sentence = "On 9 June 2020, mortar rounds fired by unknown forces landed in Bir at Tuyur, killing 2 civilians."
    place = resolve_place(sentence, article=sentence)
    assert place.location == "Bir at Tuyur"


def test_a_joint_city_county_police_names_its_city():
    """ "Savannah-Chatham Metropolitan Police": the joint department of a city and its county is the city's police."""
    text = ("Boy hurt in shooting\n\nA man was shot in the arm on Friday in the 200 block of Elm Street, "
            "Savannah-Chatham Metropolitan Police said.")
    place = resolve_place(text, article=text)
    assert (place.location, place.country_code) == ("Savannah", "USA")


def test_foreigners_and_their_houses_are_no_evidence_of_where():
    """ "a group of Malians", "Malian houses": whose people and property, not where the clash was."""
    text = ("On 4 May 2020, residents clashed with Malian herders in Kpata village, Touba subdivision (Bafing, "
            "Woroba). The fight began with a quarrel between a resident and a group of Malians which led to the "
            "death of the resident. In reprisal, residents burnt Malian houses. 3 people were injured.")
    place = resolve_place(text, article=text)
    assert place.country_code == "CIV"


def test_turkey_hunting_is_the_bird():
    """ "Turkey Hunting Accident": a country's name before "hunting" is the game, not the country."""
    text = ("Hunter Hurt in Turkey Hunting Accident\n\nA Dorchester man was shot in the leg on Saturday while "
            "turkey hunting near Elkader, the sheriff said.")
    place = resolve_place(text, article=text)
    assert place.country_code == "USA"


def test_the_greater_sahara_of_a_group_name_is_no_place():
    """ "the Islamic State in Greater Sahara": a region in the group's name, not the town of the attack."""
    sentence = ("On 3 May 2020, the Islamic State in Greater Sahara claimed an attack on an army post in Ayorou, "
                "killing 2 soldiers.")
    place = resolve_place(sentence, article=sentence)
    assert place.location == "Ayorou"


@pytest.mark.parametrize("sentence, city, iso3", [
    ("On 12 June 2021, gunmen killed a shepherd in Umm Jarad area east of Tikrit.", "Tikrit", "IRQ"),
    ("On 3 March 2021, militants shot dead a farmer in Abu Khazraj area on the outskirts of Baqubah in Diyala "
     "province.", "Baqubah", "IRQ"),
])
def test_area_named_by_the_town_it_lies_by(sentence, city, iso3):
    """ "X area east of Y": an area the gazetteer lacks, named by the town it lies by, is recorded as that town."""
    place = resolve_place(sentence)
    assert (place.location, place.country_code) == (city, iso3)


@pytest.mark.parametrize("sentence, city", [
    ("A man was found shot dead in his car early Sunday, the Travis County Sheriff's Office said.", "Austin"),
    ("Pima County deputies said a woman was wounded when someone fired into her home on Friday night.", "Tucson"),
])
def test_us_county_alone_is_its_big_city(sentence, city):
    """A US county named with no town of it: the big city it holds, where most of its postal addresses are, standing
    in for the county (geo_precision admin2)."""
    place = resolve_place(sentence)
    assert (place.location, place.country_code, place.geo_precision) == (city, "USA", "admin2")


def test_us_county_of_a_dateline_alone_is_its_big_city():
    """A dateline names the county, and so does the story, but no town of it: still the big city it holds."""
    event = "A man was shot in eastern Pima County late Sunday, deputies said."
    article = "Man shot in Pima County\n\nPIMA COUNTY, Ariz. (KOLD) — " + event
    place = resolve_place(event, event, article, "Man shot in Pima County")
    assert (place.location, place.country_code) == ("Tucson", "USA")


def test_us_county_without_a_big_city_stays_the_county():
    place = resolve_place("A man was found shot dead in his car early Sunday, the Putnam County Sheriff's Office "
                          "in Ohio said.")
    assert place.location == "Putnam County"


def test_arabic_article_opening_a_name_is_no_english_word():
    """ "As Salam (Tripoli)": "As" opens the name; the name is not read as a sentence's "as"."""
    place = resolve_place("On 4 June 2021, heavy shelling by an unknown party was reported As Salam (Tripoli).")
    assert (place.location, place.country_code) == ("As Salam", "LBY")


def test_between_two_places_a_compass_word_before_the_second():
    """ "between X and Eastern Y in Z": coders record X, put in Z as Y is; "Eastern" is no part of the pair."""
    place = resolve_place("On 9 June 2021, gunmen opened fire on a patrol in the area between Jurat Hazm and "
                          "Eastern Ghariyah in Dar'a.")
    assert (place.location, place.country_code) == ("Jurat Hazm", "SYR")


def test_a_city_is_not_inside_a_town_that_follows_it():
    """ "fighters from Homs, in the town of X": the town X is no container of the city before it."""
    place = resolve_place("On 2 June 2021, factions whose fighters are also from Homs, in the town of Tell Qarah "
                          "in the northern countryside of Aleppo, clashed with rivals.")
    assert (place.location, place.country_code) == ("Tell Qarah", "SYR")


def test_region_of_a_sentence_giving_local_names_is_a_local_area():
    """In a sentence that gives local names, "X region of <province>" is an area the coders record, not a province."""
    place = resolve_place("On 3 June 2021, Turkish Military forces conducted airstrikes in Kani Rash and Sarkan areas "
                          "(Kurdish names) in Brusk region of Dahuk, Northern Iraq.")
    assert (place.location, place.country_code) == ("Brusk", "IRQ")


def test_type_word_written_before_the_name():
    """ "residents of village X in Y": the lower-case type word before X makes X the village, placed in Y."""
    place = resolve_place("On 3 June 2021, residents of village Zemo Khvedureti in Khashuri, Shida Kartli, blocked "
                          "a road in protest.")
    assert (place.location, place.country_code) == ("Zemo Khvedureti", "GEO")


@pytest.mark.parametrize("event, title, country", [
    ("A spokesman says an Israeli airstrike killed a senior commander of the group.",
     "Israeli attacks on the Gaza Strip", "PSE"),
    ("A fighter jet is shot down during combat operations against Russian forces, killing the pilot.",
     "Russian invasion of Ukraine", "UKR"),
])
def test_a_country_named_only_as_a_side_yields_to_one_named_as_the_place(event, title, country):
    place = resolve_place(event, article=event, title=title)
    assert place.country_code == country


def test_a_side_is_still_the_country_when_nothing_else_is_named():
    event = "Pakistani troops killed five militants in a raid."
    assert resolve_place(event, article=event).country_code == "PAK"


@pytest.mark.parametrize("event, country", [
    # an adjective before the name joins no longer name: "Israeli-occupied West Bank" is the West Bank
    ("A settler is killed in a stabbing attack at a mall in the Israeli-occupied West Bank.", "PSE"),
    # a country's short name that starts with another country's demonym
    ("Two people are killed in a mass shooting in Turks and Caicos, the police say.", "TCA"),
])
def test_adjectives_and_short_names_of_countries(event, country):
    assert resolve_place(event, article=event).country_code == country


@pytest.mark.parametrize("sentence", [
    "On 3 May 2020, protesters blocked the main road in Qartaba-Zeit near the entrance to Baalbek.",
    "On 3 May 2020, rioters burned tyres in Bir Hassoun village on the road to Zahle.",
])
def test_a_village_the_gazetteer_lacks_is_in_the_country_of_the_towns_the_text_names(sentence):
    """The village is unknown and the sentence names no country, but the only towns it names (as a road's end, as
    where the village lies) are all Lebanese: the village is in Lebanon."""
    place = resolve_place(sentence, sentence, sentence)
    assert place.location is not None and place.country_code == "LBN"


def test_a_village_the_gazetteer_lacks_gets_no_country_from_a_name_of_several_countries():
    """'On' opens the sentence (a weak name) and is a village of several countries: no country for 'Bir Hassoun'."""
    sentence = "On 3 May 2020, rioters burned tyres in Bir Hassoun village."
    assert resolve_place(sentence, sentence, sentence).country_code is None


def test_the_town_of_the_hospital_the_wounded_were_taken_to_is_not_the_place():
    """'taken to X Hospital in Roanoke' names where the boy was treated; the headline's town is the incident's."""
    event = "The boy was taken to Blue Ridge Valley Hospital in Roanoke with a wound to the foot."
    article = "Boy shot near Bedford\n\n" + event
    assert resolve_place(event, event, article, "Boy shot near Bedford").location == "Bedford"


def test_the_town_of_the_jail_a_suspect_is_held_in_is_not_the_place():
    event = "Both men face four counts of attempted murder."
    context = event + " One of them is in custody at the county jail in Newark."
    article = ("Two charged in bar shooting\n\nTwo cousins were charged over a shooting in April at a bar "
               "in Orange. " + context)
    assert resolve_place(event, context, article, "Two charged in bar shooting").location == "Orange"


def test_a_hospital_under_attack_is_in_the_place():
    """'set fire to a hospital in X': no one was taken there; the attack happened in X."""
    sentence = "Assailants attacked and set fire to a hospital in Tulsa, killing four people."
    assert resolve_place(sentence).location == "Tulsa"


def test_an_oblast_the_data_names_only_in_its_adjectival_form():
    """GeoNames calls Kharkiv Oblast "Kharkivs'ka Oblast'": the oblast, not the city, is the place (its seat stands
    in as location, precision admin1)."""
    place = resolve_place("A strike on a village in Kharkiv Oblast, Ukraine, kills four people.")
    assert place.geo_precision == "admin1" and place.admin1 == "Kharkivs’ka Oblast’"


@pytest.mark.parametrize("event", [
    "Two men were wounded on Tuesday night. (Bob Kellerman, Daily Ledger)",
    "Nurses said Ralph Pemberton, Ann Moreau and Dwayne Fulton were treated for gunshot wounds.",
])
def test_a_given_name_and_a_surname_the_gazetteer_lacks_name_a_person(event):
    """'Ralph Pemberton', a photo credit's 'Bob Kellerman': a common given name opens a person's name, not a
    town's; 'Glen Allen' (the gazetteer has it) and a typed 'Ralph Pemberton County' still are places."""
    assert resolve_place(event, article=event).location is None
    assert resolve_place("A man was shot in Glen Allen on Monday.").location == "Glen Allen"


def test_a_quarter_the_gazetteer_lacks_is_in_the_big_city_of_the_masthead():
    """'in the Brindlecombe area' names no town the gazetteer knows; the station's masthead names Memphis."""
    article = ("Two dead after Brindlecombe shooting - WXYZ News 4 - Memphis, Tennessee\n\n"
               "Police are hunting two suspects after a shooting in the Brindlecombe area on Friday.")
    event = article.split("\n")[-1]
    place = resolve_place(event, event, article, article.split("\n")[0])
    assert (place.location, place.admin1) == ("Memphis", "Tennessee")


def test_a_list_of_people_names_no_place():
    """'Ralph Pemberton, Shanequa Thomas, ...' follows a given name in a list; 'Pemberton, Thomas, Lyle, and
    Fulton' are the same people by their last names, not a chain of towns: the street's town is the place."""
    article = ("Four hurt in shooting\n\nNurses said Ralph Pemberton, Shanequa Thomas, Demarco Lyle, and Dwayne Fulton "
               "were treated. Pemberton, Thomas, Lyle, and Fulton were in a car on Elm Street in Macon when a "
               "man fired. Thomas, Lyle, and Fulton were released.")
    listed = "Nurses said Ralph Pemberton, Shanequa Odom, Demarco Lyle, and Dwayne Fulton were treated for wounds."
    assert resolve_place(listed, article=listed).location is None
    for event in ("Pemberton, Thomas, Lyle, and Fulton were in a car when a man fired.",
                  "Thomas, Lyle, and Fulton were released."):
        assert resolve_place(event, event, article).location == "Macon"


def test_the_town_after_a_persons_name_is_the_persons_home():
    """'Marcus Jones, 17, of Lackawanna' says where he lives: the dateline's town is the place. 'the East Zone
    of Sao Paulo' is no person's name."""
    article = ("BUFFALO, N.Y. (WXYZ) — Two teens were shot Thursday night.\n\n"
               "Marcus Jones, 17, of Lackawanna was treated and released.")
    event = article.split("\n")[-1]
    assert resolve_place(event, event, article).location == "Buffalo"
    sentence = "On 3 May 2020, in the East Zone of Sao Paulo, Sao Paulo, dozens protested."
    assert resolve_place(sentence, article=sentence).admin1 == "São Paulo"
    sentence = "The Cree Nation of Mistissini, Quebec, enters lockdown after a shooting killed two men."
    assert resolve_place(sentence, article=sentence).location == "Mistissini"


@pytest.mark.parametrize("sentence, official", [
    ("On 3 May 2020, in Puente Ixtla municipality, Morelos, gunmen shot dead a shopkeeper.", "Puente de Ixtla"),
    ("On 3 May 2020, in Tepeji Rio de Ocampo municipality, Hidalgo, gunmen killed a man.", "Tepeji del Río de Ocampo"),
])
def test_a_municipality_written_without_its_de_is_recorded_by_its_official_name(sentence, official):
    """Coders record a Mexican municipality by its official name; the news drops or adds its "de"/"del" ("Puente
    Ixtla" for Puente de Ixtla). The province after it places the looser spelling when the text names no country."""
    place = resolve_place(sentence, article=sentence)
    assert (place.location, place.country_code) == (official, "MEX")


def test_a_name_cut_off_after_de_is_no_looser_spelling():
    """ "San Juan de" (the start of a longer name) is not San Juan: a particle is dropped only between words."""
    from etl.extract.gazetteer import loose_key
    assert loose_key(name_key("San Juan de")) != loose_key(name_key("San Juan"))
    assert loose_key(name_key("San Luis de Potosi")) == loose_key(name_key("San Luis Potosí"))


def test_a_generic_name_set_apart_by_its_region_is_recorded_with_it():
    """Event coders set apart places of one generic name by the region in parentheses ("Twin Hills (Tavush
    Region)") and record the name so; a landform word ending the name does not stop it being a place here."""
    sentence = "On 3 May 2020, soldiers fired at positions near Twin Hills (Syunik Region), Syunik."
    place = resolve_place(sentence, article=sentence)
    assert (place.location, place.country_code) == ("Twin Hills (Syunik Region)", "ARM")


def test_a_parenthesis_of_other_words_is_no_part_of_a_name():
    """ "(Syunik, Armenia)" is a chain of units, not a qualifier: the name alone stays no place."""
    sentence = "On 3 May 2020, soldiers fired at positions near Twin Hills (Syunik, Armenia)."
    assert "(" not in (resolve_place(sentence, article=sentence).location or "")


@pytest.mark.parametrize("sentence", [
    "On 2 May 2020, families held a sit-in at the Kfarhim roundabout to demand an amnesty law.",
    "On 2 May 2020, protesters burnt tyres near the Kfarhim highway.",
])
def test_a_road_named_for_a_town_the_gazetteer_lacks_places_the_event_there(sentence):
    """ "at the Kfarhim roundabout": event coders record the town a road or roundabout is named for, though the
    gazetteer lacks it."""
    assert resolve_place(sentence, article=sentence).location == "Kfarhim"


def test_a_roundabout_in_a_named_town_leaves_the_town_the_place():
    sentence = "On 2 May 2020, in Baalbek, soldiers stopped protesters at the Kfarhim roundabout."
    assert resolve_place(sentence, article=sentence).location == "Baalbek"


@pytest.mark.parametrize("sentence, location", [
    ("On 2 May 2020, families held a sit-in at the Kfarhim roundabout in Zahle.", "Zahle"),
    ("On 2 May 2020, protesters gathered at the Zahle-Kfarhim road.", None),
])
def test_a_road_placed_by_a_town_or_between_two_names_no_town(sentence, location):
    """A road the text places in a town ("the Kfarhim roundabout in Zahle") is that town's; one between two towns
    ("the Zahle-Kfarhim road") names neither as the place."""
    assert resolve_place(sentence, article=sentence).location == location


def test_close_to_a_town_is_near_it():
    """ "close to X" says near X, though "to X" alone is where people went."""
    sentence = "On 7 May 2020, prisoners rioted at a prison close to Nyala (South Darfur state)."
    place = resolve_place(sentence, article=sentence)
    assert (place.location, place.country_code) == ("Nyala", "SDN")


def test_a_province_named_with_and_is_one_name():
    """ "Sistan and Baluchestan province" is Iran's province, not a town "Sistan" and a loose "Baluchestan"; other
    names joined by "and" stay two ("Smith and Wesson")."""
    place = resolve_place("On 3 May 2020, a protest was held in Sistan and Baluchestan province against water cuts.")
    assert (place.admin1, place.country_code, place.geo_precision) == ("Sistan and Baluchestan", "IRN", "admin1")


def test_a_town_the_text_says_it_happened_in_beats_the_state_of_its_police():
    """ "Maine State Police said the shooting occurred ... in Quillfield": the state police name only the state;
    the town the gazetteer lacks that the text says the incident happened in is the place, within that state."""
    text = "Maine State Police said the shooting occurred late Saturday night in Quillfield. A hunter was wounded."
    place = resolve_place(text, article=text)
    assert (place.location, place.admin1, place.country_code) == ("Quillfield", "Maine", "USA")


def test_a_compass_word_after_an_article_keeps_the_locative():
    """ "at a northeast Travis County home": the compass word between the article and the name does not hide the
    locative "at" (the county, no town named, is its big city), as "in northwest Albuquerque" does not."""
    sentence = "A man was wounded on Friday at a northeast Travis County home, deputies said."
    place = resolve_place(sentence, article=sentence)
    assert (place.location, place.admin1) == ("Austin", "Texas")


def test_a_big_city_a_masthead_names_alone_is_the_place_of_a_story_naming_none():
    """ "... - FOX 9 WQRS Memphis News, Weather, Sports": a local newsroom's big city written without its state is
    the story's place when the story names none of its own, as "... - Memphis, Tennessee" is."""
    text = ("Two Charged After Bar Fight Gunfire - FOX 9 WQRS Memphis News, Weather, Sports\n\n"
            "Two men were charged Monday after a bar fight ended with one patron shot in the leg.")
    place = resolve_place(text.split("\n")[-1], article=text)
    assert (place.location, place.admin1) == ("Memphis", "Tennessee")



def test_a_name_the_gazetteer_lacks_is_placed_where_another_mention_of_it_is():
    """ "shot dead in Tell Barzan, Hama ... clashes in Tell Barzan village": the name the gazetteer lacks, named
    twice in one story, is one place, placed by the unit its first mention gives."""
    text = "On 6 May 2020, a farmer was shot dead in Tell Barzan, Hama. Later, clashes broke out in Tell Barzan village."
    place = resolve_place(text, article=text)
    assert (place.location, place.admin1, place.country_code) == ("Tell Barzan", "Hama", "SYR")


def test_a_province_written_with_a_particle_its_data_name_lacks():
    """ "San Luis de Potosi" is Mexico's San Luis Potosí as written, not a loose spelling that needs the text's
    country: it places the town the gazetteer lacks before it."""
    sentence = "On 12 June 2020, in Rancho El Sauzal, San Luis de Potosi, gunmen fired on a police patrol."
    place = resolve_place(sentence, article=sentence)
    assert (place.location, place.admin1, place.country_code) == ("Rancho El Sauzal", "San Luis Potosí", "MEX")


def test_a_region_gives_way_to_the_generic_name_it_qualifies():
    """ "posts in Tavush region ... near Twin Hills (Tavush Region)": the region read first qualifies the generic
    name the sentence sets apart by it; coders record that name with its qualifier."""
    sentence = ("On 3 May 2020, soldiers at posts in Tavush region fired small arms at positions near Twin Hills "
                "(Tavush Region).")
    place = resolve_place(sentence, article=sentence)
    assert (place.location, place.country_code) == ("Twin Hills (Tavush Region)", "ARM")


def test_place_rules_read_yaml_words_as_words():
    """The place rules are read as every rule table is (YAML 1.2): "off", "no", "yes" in places.yaml are words,
    not the booleans YAML 1.1 made of them, so "off" is a locative and a bare "No" no place."""
    from etl.extract.places import _rules
    rules = _rules()
    assert "off" in rules.locative and {"no", "yes"} <= rules.not_place and "on" in rules.target_locatives
    assert not {"true", "false"} & (rules.locative | rules.not_place)


@pytest.mark.parametrize("sentence, seat, admin1", [
    ("On 8 June 2021, an airstrike hit a convoy in Anbar province.", "Ramadi",
     "Al Anbar"),
    ("On 2 June 2021, farmers rallied in Kohgiluyeh and Boyer-Ahmad province over unpaid debts.", "Yasuj",
     "Kohgiluyeh and Boyer-Ahmad"),
])
def test_a_province_named_alone_is_recorded_at_its_seat(sentence, seat, admin1):
    """ "an airstrike ... in Anbar province": an incident placed no closer than its province is recorded at
    the province's seat (its biggest town), precision admin1, as event coders record it."""
    place = resolve_place(sentence, article=sentence)
    assert (place.location, place.admin1, place.geo_precision) == (seat, admin1, "admin1")


def test_a_us_state_named_alone_has_no_seat():
    """A US state named alone is no town's: "a shooting in Ohio" is recorded in Ohio, not in Columbus."""
    sentence = "A man was shot and wounded in Ohio on Sunday, police said."
    place = resolve_place(sentence, article=sentence)
    assert (place.location, place.country_code) == (None, "USA")


def test_a_province_name_the_text_puts_in_another_unit_keeps_its_name():
    """ "in Nangarhar, Kunar, Afghanistan": a name put in another province is a village of that name, not the
    province to record at its seat."""
    sentence = "11/02/2016: Assailants attacked a checkpoint in Nangarhar, Kunar, Afghanistan."
    place = resolve_place(sentence, article=sentence)
    assert place.location == "Nangarhar"


@pytest.mark.parametrize("sentence, iso3", [
    ("On 9 June 2021, gunmen attacked a Nigerien army post at Qarwat Tindi near the border "
     "with Chad.", "NER"),
    ("On 5 February, ten Nigerien soldiers were killed in an ambush near the border with Burkina Faso.", "NER"),
    # a demonym before a force's capitalised name is a side too, not part of a longer name
    ("On 9 June 2021, gunmen shelled a Nigerian Army base at Qarwat Tindi near the border "
     "with Cameroon.", "NGA"),
])
def test_a_country_across_a_border_is_not_where_it_happened(sentence, iso3):
    """ "near the border with Chad": the country named across a border is the neighbour, not the incident's."""
    assert resolve_place(sentence, article=sentence).country_code == iso3


def test_the_town_a_road_is_named_for_is_the_place_without_a_locative():
    """ "farmers closed the Qarwatel highway": the town a road is named for is the place, with no locative word
    before it (not so a road between two towns, nor one placed in another town)."""
    sentence = "On 5 June 2021, farmers closed the Qarwatel highway with tractors."
    assert resolve_place(sentence, article=sentence).location == "Qarwatel"


def test_a_region_whose_parenthesis_names_its_district_and_province_is_a_local_area():
    """ "hit Qarwat region (Wadi Sirr, Abyan)": the parenthesis gives the unit's district and province, so the
    "region" is a local area inside them, the place coders record; "X area of Y region (district, province)" is Y."""
    sentence = "On 3 June 2021, shells hit Qarwat region (Wadi Sirr, Abyan), killing two."
    place = resolve_place(sentence, article=sentence)
    assert (place.location, place.country_code) == ("Qarwat", "YEM")
    sentence = ("On 4 June 2021, gunmen fought in Tilal area of Qarwat region (Wadi Sirr, Abyan), "
                "killing three.")
    assert resolve_place(sentence, article=sentence).location == "Qarwat"


def test_a_town_surrounded_is_the_place():
    """ "the fields surrounding Kafr Dunya in the countryside of Manbij": around the village, as "around Kafr Dunya"
    is; the countryside only places it."""
    sentence = "On 2 June 2021, mortars hit the fields surrounding Kafr Dunya in the countryside of Manbij."
    assert resolve_place(sentence, article=sentence).location == "Kafr Dunya"


def test_a_name_inside_a_longer_name_gives_no_country_to_a_place_the_gazetteer_lacks():
    """ "Al Qarwah frontline": "Al" is the article of a name the gazetteer lacks, not the Norwegian town Ål, so it puts
    the place in no country."""
    sentence = "On 7 June 2021, shelling hit Al Qarwah frontline overnight. Nobody was hurt."
    place = resolve_place(sentence, article=sentence)
    assert place.location == "Al Qarwah" and place.country_code != "NOR"


def test_a_road_named_for_a_small_town_abroad_is_no_place_there():
    """ "a checkpoint on the Naama highway": a road's name is a cue for a town the gazetteer lacks, not for a small
    namesake of another country (Algeria's Naâma) in a story that names no country."""
    sentence = "On 5 June 2021, gunmen stopped two trucks at a checkpoint on the Naama highway."
    assert resolve_place(sentence, article=sentence).country_code != "DZA"


def test_a_military_unit_is_no_place():
    """ "in the 4th Brigade camp in Al Qarn area of Abyan (Mudiyah, Abyan)": "Brigade" names a unit, not a town (a
    loose spelling of Guam's Barrigada); the area after it is the place."""
    sentence = ("On 2 June 2021, gunmen attacked soldiers in the 4th Brigade camp in Al Qarn area of Abyan "
                "(Mudiyah, Abyan). They withdrew later.")
    place = resolve_place(sentence, article=sentence)
    assert (place.location, place.country_code) == ("Al Qarn", "YEM")


def test_a_road_between_two_towns_of_one_country_is_in_that_country():
    """ "blocked the Tyre-Sidon highway in Adloun": the road joins two towns of Lebanon only, so the village the
    gazetteer lacks on it is in Lebanon; a road joining towns of two countries ("the Beirut-Damascus highway") says
    nothing."""
    sentence = "On 3 June 2021, drivers blocked the Tyre-Sidon highway in Adloun for an hour."
    assert resolve_place(sentence, article=sentence).country_code == "LBN"
    sentence = "On 3 June 2021, drivers blocked the Beirut-Damascus highway in Adloun for an hour."
    assert resolve_place(sentence, article=sentence).country_code is None


def test_a_demonym_opening_a_state_body_names_its_country():
    """ "a sit-in outside the Iraqi Parliament": a country's parliament or court sits in it, so with nothing else to
    go by the story is there (as a side's nationality is: a hint, no place); "the Syrian Observatory" is no such
    body."""
    sentence = "On 5 June 2021, teachers held a sit-in outside the Iraqi Parliament over unpaid wages."
    assert resolve_place(sentence, article=sentence).country_code == "IRQ"
    sentence = "On 5 June 2021, a convoy of cars drove past the Jordanian Constitutional Court in protest."
    assert resolve_place(sentence, article=sentence).country_code == "JOR"
    sentence = "On 5 June 2021, the Syrian Observatory for Human Rights said two men were shot."
    assert resolve_place(sentence, article=sentence).country_code is None


def test_an_area_of_a_province_named_for_its_town_is_not_the_town():
    """ "in Al Qarn area of Lahij (Tuban, Lahij)": the parenthesis gives the area's district and, last, its province
    Lahij, so the Lahij the area belongs to is the province, not its namesake town: the area is the place."""
    sentence = "On 2 June 2021, gunmen attacked soldiers in Al Qarn area of Lahij (Tuban, Lahij). They withdrew later."
    assert resolve_place(sentence, article=sentence).location == "Al Qarn"


def test_an_owner_the_gazetteer_lacks_leaves_the_province_at_its_seat():
    """ "marched in Al Gazirah state, against a plan of the Unity Council's office": a possessive name nothing marks as
    a place is an owner (an institution, a person), no other place the sentence names, so the province it happened in
    is still recorded at its seat; a village the sentence names is the place."""
    sentence = ("On 8 June 2021, students marched in Al Gazirah state, against a plan of the Unity Council's office "
                "in the country.")
    assert resolve_place(sentence, article=sentence).location == "Wad Medani"
    sentence = "On 8 June 2021, gunmen raided Al Fadhli village in Shabwah governorate."
    assert resolve_place(sentence, article=sentence).location == "Al Fadhli"


def test_a_facility_named_for_a_place_with_its_units_in_parentheses():
    """ "shot down a drone at Al Qardabiya airbase (Al Jufrah)": the units in parentheses are those of the place the
    airbase is named for, which the gazetteer lacks; the airbase's place is read, placed by them."""
    sentence = "On 8 June 2021, forces shot down a drone at Al Qardabiya airbase (Al Jufrah)."
    place = resolve_place(sentence, article=sentence)
    assert (place.location, place.country_code) == ("Al Qardabiya", "LBY")


def test_a_town_and_its_surroundings_in_a_unit():
    """ "shelled Kafr Nubl and its surroundings in Idlib": the town and the land around it are in the unit after
    them, so the town is the place, held by that unit, not a town the unit's name also names."""
    sentence = "On 3 June 2021, government forces shelled Kafr Nubl and its surroundings in Idlib."
    assert resolve_place(sentence, article=sentence).location == "Kafr Nubl"
    sentence = "On 3 June 2021, government forces shelled Tell Zarqa and its surroundings in Sahl al Ghab in Hama."
    assert resolve_place(sentence, article=sentence).location == "Tell Zarqa"


def test_a_road_named_for_a_name_of_small_towns_in_several_countries_is_read_as_written():
    """ "protesters blocked the Naama highway": the gazetteer's towns of that name lie in several countries, none of
    them big and none the story's, so the road's town is read as a name the gazetteer lacks (as written, no country),
    not left unread; a road named for a big city is that city's ("the Kandahar highway")."""
    sentence = "On 5 June 2021, protesters blocked the Naama highway in both directions with burning tyres."
    place = resolve_place(sentence, article=sentence)
    assert (place.location, place.country_code) == ("Naama", None)
    sentence = "On 5 June 2021, protesters blocked the Kandahar highway in both directions with burning tyres."
    assert resolve_place(sentence, article=sentence).country_code == "AFG"


def test_the_region_of_a_name_the_gazetteer_lacks_is_the_area_around_it():
    """ "at an army post in the region of Oum Taghrit": a lower-case "region of" before a name the gazetteer lacks
    as a province means the area around that place, which is the place; a province it holds stays a province
    ("in the region of Tillaberi")."""
    sentence = "On 3 June 2021, gunmen fired rockets at an army post in the region of Oum Taghrit near the border."
    assert resolve_place(sentence, article=sentence).location == "Oum Taghrit"
    sentence = "On 3 June 2021, gunmen fired rockets at an army post in the region of Tillaberi, Niger."
    assert resolve_place(sentence, article=sentence).admin1 == "Tillabéri Region"


def test_a_border_named_by_a_pair_of_demonyms_puts_the_story_in_the_first_country():
    """ "a hilltop outpost along the Malian-Nigerien border": a hyphenated pair of demonyms (or country names) before
    "border" or "frontline" names the two countries the line divides; the first named is taken as where, the other
    only as a hint, and a name joined to a demonym counts it too ("the Donbas-Russian frontline")."""
    sentence = "On 3 May 2020, two soldiers were wounded when jets struck a hilltop outpost along the Malian-Nigerien border."
    assert resolve_place(sentence, article=sentence).country_code == "MLI"
    sentence = "On 3 May 2020, a Nigerien soldier was killed by a mine on the Rift Valley-Malian frontline."
    assert resolve_place(sentence, article=sentence).country_code == "MLI"


def test_a_small_namesake_far_from_the_town_the_text_measures_from_is_not_the_place():
    """ "30km east of Dori, at Sagada": the place is measured from a town of one country, so a small
    namesake of the place on another continent is not it; the place keeps its name, in the measured-from town's
    country. A town close to the measured-from one stays read ("30km east of Dori, at Pissila")."""
    sentence = "On 3 May 2020, soldiers killed five militants 30km east of Dori, at Sagada."
    place = resolve_place(sentence, article=sentence)
    assert (place.location, place.country_code) == ("Sagada", "BFA")
    sentence = "On 3 May 2020, soldiers killed five militants 30km east of Dori, at Pissila."
    place = resolve_place(sentence, article=sentence)
    assert (place.location, place.country_code, place.geo_precision) == ("Pissila", "BFA", "exact")


def test_a_part_word_ending_a_barangay_s_name_is_the_name_s_own():
    """ "in Barangay San Roque Old, Talavera": a part word ("Old") closing a name is part of it, not a stop word that
    cuts the name short to another barangay's ("San Roque")."""
    sentence = "On 4 May 2021, police killed a drug suspect during a raid in Barangay San Roque Old, Talavera, Nueva Ecija."
    place = resolve_place(sentence, article=sentence)
    assert (place.location, place.country_code) == ("San Roque Old", "PHL")


def test_a_compass_word_opening_a_district_s_name_is_part_of_it():
    """ "in West Tanaro district, Kigoma region": a compass word before a district-level unit the gazetteer lacks whole
    names that unit, not the west of another; "in West Baltimore" is still Baltimore."""
    sentence = "On 2 June 2021, soldiers raided eight villages in West Tanaro district, Kigoma region, Tanzania."
    place = resolve_place(sentence, article=sentence)
    assert (place.location, place.country_code) == ("West Tanaro", "TZA")
    sentence = "On 2 June 2021, gunmen shot two men in West Baltimore."
    assert resolve_place(sentence, article=sentence).location == "Baltimore"


@pytest.mark.parametrize("town", ["Sangar Qala", "Shor Kala"])
def test_a_fort_word_ending_a_name_is_part_of_it(town):
    """ "in Sangar Qala, Faryab": "Qala" (a fort) ends many Afghan village names; it is no stop word there."""
    sentence = f"06/02/2021: Assailants attacked a police checkpoint in {town}, Faryab, Afghanistan."
    place = resolve_place(sentence, article=sentence)
    assert (place.location, place.admin1) == (town, "Faryab")


def test_the_town_a_group_operates_in_is_not_the_incident_s():
    """ "a drug ring operating in Batangas City": where a group works, as where it is based, is no place of the
    incident; the paragraph's place is ("in Barangay Pulo, Cabuyao, Laguna")."""
    text = ("On 6 May 2021, two robbery suspects were killed during a police raid in Barangay Pulo, Cabuyao, Laguna. "
            "Police said one of the two killed suspects belonged to a drug ring operating in Batangas City.")
    event = "Police said one of the two killed suspects belonged to a drug ring operating in Batangas City."
    assert resolve_place(event, context=text, article=text).location == "Cabuyao"


@pytest.mark.parametrize("sentence", [
    "On 3 May 2021, clashes erupted between soldiers and Amran tribesmen near a checkpoint in Abyan governorate.",
    "On 3 May 2021, clashes erupted between soldiers and the Amran brigades at a checkpoint in Abyan governorate.",
])
def test_a_tribe_s_or_a_unit_s_name_is_no_place(sentence):
    """ "Amran tribesmen", "the Amran brigades": a name before a word for a tribe, a clan or an armed unit is the
    group's, though named as a town is; it names no other place beside the province, which is recorded at its seat."""
    place = resolve_place(sentence, article=sentence)
    assert (place.location, place.geo_precision) == ("Zinjibār", "admin1")


def test_a_province_of_the_paragraph_is_recorded_at_its_seat_when_the_sentence_names_no_place():
    """The figure is in a sentence naming no place ("The fighting began when ..."), the paragraph names the province
    alone ("fought Bani Salim tribesmen in Abyan governorate"): its seat stands in, as for a sentence naming it.
    Names of people commanding or faced ("commanded by Abu Karim", "in front of Abu Karim's convoy") are no other
    place."""
    text = ("On 12 June 2021, soldiers commanded by Abu Karim fought Bani Salim tribesmen in Abyan governorate. "
            "The fighting began when tribesmen blocked the road in front of Abu Karim's convoy, and 1 soldier died.")
    event = text[text.index("The fighting"):]
    place = resolve_place(event, context=text, article=text)
    assert (place.location, place.admin1) == ("Zinjibār", "Abyan Governorate")


@pytest.mark.parametrize("sentence, iso3", [
    ("Ten Malian soldiers were killed when gunmen attacked their post.", "MLI"),
    ("Three Somali policemen were wounded in a blast.", "SOM"),
])
def test_a_number_word_opening_a_sentence_leaves_the_demonym_after_it_read(sentence, iso3):
    """ "Ten Malian soldiers were killed": a capitalised number word opening the sentence is no part of a longer name
    that would hide the demonym after it."""
    assert resolve_place(sentence, article=sentence).country_code == iso3


def test_a_wildlife_sanctuary_is_placed_by_the_unit_it_lies_in():
    """ "inside Phu Luang Wildlife Sanctuary in tambon Huai Sai Khao": a sanctuary is a facility the gazetteer
    lacks, recorded at the place it is in, also one the gazetteer lacks itself (the tambon)."""
    sentence = ("On 9 June 2021, park rangers exchanged fire with loggers inside Phu Luang Wildlife Sanctuary in tambon "
                "Huai Sai Khao, Wang Saphung district, Loei, Thailand.")
    place = resolve_place(sentence, article=sentence)
    assert (place.location, place.country_code) == ("Huai Sai Khao", "THA")


def test_a_barangay_of_a_city_s_district_is_the_city_s():
    """ "Barangay San Isidro Norte, Molo, Iloilo City": a barangay of a district of a big city is recorded as the city,
    as a barangay named with the city alone is."""
    sentence = "On 5 May 2021, gunmen killed a trader in Barangay San Isidro Norte, Molo, Iloilo City, Iloilo."
    place = resolve_place(sentence, article=sentence)
    assert (place.location, place.country_code) == ("Iloilo City", "PHL")


def test_a_district_named_for_two_towns_joined_by_a_slash_is_one_name():
    """ "in Amaigbo (Ideato/Orlu LGA, Imo)": a slash joining two halves of a district's name makes one name, so the
    chain keeps Amaigbo in it; it was cut at the slash, and the second half's town was read as the place."""
    sentence = "On 5 May 2021, a mob killed a trader in Amaigbo (Ideato/Orlu LGA, Imo)."
    place = resolve_place(sentence, article=sentence)
    assert (place.location, place.country_code) == ("Amaigbo", "NGA")


@pytest.mark.parametrize("sentence, city", [
    ("On 5 May 2021, gunmen abducted a police inspector of the Ilaro Division (Yewa South LGA, Ogun).", "Ilaro"),
    ("Detectives of the Major Crimes Division are investigating the shooting in Hartford, Conn.", "Hartford"),
])
def test_a_police_division_named_for_its_town_is_that_town(sentence, city):
    """ "of the Ilaro Division (Yewa South LGA, Ogun)": a police division is named for its town, the place; a unit
    named otherwise ("the Major Crimes Division") is no place."""
    assert resolve_place(sentence, article=sentence).location == city


def test_a_hill_is_the_smallest_unit_of_a_commune():
    """ "on Rugari hill (Muhanga, Kayanza)": a colline (hill) is Burundi's smallest unit, a place typed as a village is,
    not a landmark of the commune after it."""
    sentence = ("On 4 May 2021, a brawl between two party youth wings broke out on Rugari hill (Muhanga, Kayanza), "
                "leaving three people hurt.")
    place = resolve_place(sentence, article=sentence)
    assert (place.location, place.country_code) == ("Rugari", "BDI")


def test_a_type_word_with_a_ward_number_types_the_name_before_it():
    """ "in Sirupa locality of Deumai Municipality-7 (Ilam district)": a municipality written with its ward's number
    is typed as a municipality, so the locality folds into it as into any town."""
    sentence = ("On 4 May 2021, party cadres exchanged fire with Nepal Police in Sirupa locality of Deumai "
                "Municipality-7 (Ilam district).")
    place = resolve_place(sentence, article=sentence)
    assert (place.location, place.country_code) == ("Deumai", "NPL")


def test_the_area_of_a_name_in_a_district_is_that_name_s():
    """ "in the area of Mundu West in Yei county": "the area of X" is X itself, so it does not fold into the district
    named after it as "X area of Y county" does."""
    sentence = ("Around 7 May 2021, rebels attacked army posts in the area of Mundu West in Yei county (Central "
                "Equatoria state).")
    assert resolve_place(sentence, article=sentence).location == "Mundu West"
    sentence = "On 7 May 2021, rebels attacked army posts in Mundu West area of Yei county (Central Equatoria state)."
    assert resolve_place(sentence, article=sentence).location == "Yei"


@pytest.mark.parametrize("block, town, district", [("Dharchula", "Baluwakot", "Pithoragarh"),
                                                   ("Ukhimath", "Guptkashi", "Rudraprayag")])
def test_a_named_block_is_a_unit_of_its_own(block, town, district):
    """ "in Dharchula block, Baluwakot, in Pithoragarh": a named block is an Indian development block, named for its
    seat, not a city block folded into the town after it (a city's blocks are numbered: "the 2100 block of")."""
    sentence = (f"On 7 May 2021, hundreds of farmers held a sit-in in {block} block, {town}, in {district} "
                "(Uttarakhand) over crop prices.")
    assert resolve_place(sentence, article=sentence).location == block


@pytest.mark.parametrize("sentence, location", [
    ("On 5 May 2021, a landmine exploded in Phum Thmey commune of Rotanak Mondol district, Battambang, Cambodia.",
     "Rotanak Mondol"),
    ("On 5 May 2021, bandits clashed with villagers in a village near Ambalavao commune (Isandra District, Haute "
     "Matsiatra).", "Ambalavao"),
])
def test_a_commune_of_a_district_folds_into_it_unless_set_apart_by_parentheses(sentence, location):
    """ "Phum Thmey commune of Rotanak Mondol district": a commune that is a district's part is recorded as the
    district, as a village of it is; one whose units follow in parentheses is the unit coded ("Ambalavao commune
    (Isandra District, ...)")."""
    assert resolve_place(sentence, article=sentence).location == location


@pytest.mark.parametrize("sentence, country", [
    # a country's own airport is in that country, not the attacker's
    ("Syrian drones struck Jordan International Airport, damaging a hangar.", "JOR"),
    ("Russian missiles hit Kyiv International Airport overnight, wounding two guards.", "UKR"),
])
def test_a_country_s_or_city_s_international_airport_places_the_event(sentence, country):
    """"Syrian drones struck Jordan International Airport" -> Jordan (the demonym is the attacker's)."""
    assert resolve_place(sentence, article=sentence).country_code == country


def test_a_place_in_a_who_clause_is_the_person_s_past_not_the_incident_s():
    """"The commander, who had led raids in Yemen during the civil war, was killed in an airstrike in northern
    Syria." -> Syria: the clause tells his past; the place after it is where he was killed."""
    sentence = ("The army says that militia commander Omar Baroud, who had led raids on convoys in Yemen during "
                "the civil war, was killed in an airstrike in northern Syria.")
    assert resolve_place(sentence, article=sentence).country_code == "SYR"
    # without a place after the clause the clause's place is still read
    alone = "Militia commander Omar Baroud, who was shot in Yemen last week, died of his wounds."
    assert resolve_place(alone, article=alone).country_code == "YEM"


def test_a_country_opening_a_state_body_s_name_is_a_side_not_the_place():
    """"The U.S. Department of Defense reports that strikes against rebels in Yemen killed 40 civilians." -> Yemen:
    the department is the reporting side's body."""
    sentence = "The U.S. Department of Defense reports that its strikes against rebels in Yemen killed 40 civilians."
    assert resolve_place(sentence, article=sentence).country_code == "YEM"
    # a country said to be where stays the place
    alone = "Two soldiers were killed in the Philippines Tuesday by a roadside bomb."
    assert resolve_place(alone, article=alone).country_code == "PHL"


def test_a_demonym_of_those_cited_is_not_where():
    """"... according to Palestinian and Hamas sources." names who said it: the paragraph's "Doha, Qatar" is where."""
    event = "Four people are killed, according to Palestinian and Hamas sources."
    context = "Warplanes bombed an office in Doha, Qatar, on Tuesday. " + event
    assert resolve_place(event, context=context, article=context).country_code == "QAT"
    # with nothing else named, the demonym is still a hint of the country
    assert resolve_place(event, article=event).country_code == "PSE"


def test_a_foreign_unit_s_name_after_a_town_s_is_one_longer_name():
    """'Hugo César "El Flaco" Ramos, a cartel boss, was killed in a shootout.' -> no Colombian department: "Hugo"
    (a town elsewhere) and "César" (Colombia's) side by side are one person's name."""
    sentence = 'Hugo César "El Flaco" Ramos, a cartel boss, is confirmed killed in a shootout with authorities.'
    assert resolve_place(sentence, article=sentence).country_code != "COL"
    # a town and its own province written without a comma stay a town in its province
    town = "Police said a taxi driver was shot dead in Mexicali Baja California on Friday."
    place = resolve_place(town, article=town)
    assert (place.location, place.admin1, place.country_code) == ("Mexicali", "Baja California", "MEX")
    # ... and so do a village the gazetteer knows only abroad and a province its country then confirms
    village = "Gunmen attacked a checkpoint in Dover Kunduz, Afghanistan."
    assert resolve_place(village, article=village).country_code == "AFG"


@pytest.mark.parametrize("sentence", [
    "Five people are killed in a naval strike on a speedboat in the Pacific Ocean.",
    "A navy strikes a fishing boat in the eastern Pacific, killing two people.",
    "Three sailors are killed when a missile hits their freighter in the Caribbean Sea.",
])
def test_a_sea_or_ocean_is_no_town_named_after_it(sentence):
    """A sea or ocean named as where ("in the eastern Pacific") is no village of that name (Pacific, Missouri): no
    town, and no country when nothing else names one."""
    place = resolve_place(sentence)
    assert place.location is None and place.country_code is None


def test_a_unit_named_after_a_sea_is_still_read():
    """ "<Town> (Red Sea state)": a province called after the sea is a place, and its town the event's."""
    place = resolve_place("Residents of Port Sudan (Red Sea state) blocked roads over power cuts.")
    assert place.location == "Port Sudan" and place.country_code == "SDN"


def test_an_operation_name_is_no_place():
    """ "Operation Desert Lance" names a campaign, not a place the gazetteer lacks."""
    place = resolve_place("Two people are killed in a strike on a skiff in the Coral Sea, bringing the toll of "
                          "Operation Desert Lance to forty.")
    assert place.location is None


def test_a_place_in_an_answered_event_clause_is_not_the_incidents():
    """ "... in response to two sailors killed in Ruritania": the answered killing's place, not the strikes'; with
    nothing else naming where, no place and no country."""
    place = resolve_place("The navy launches a new wave of strikes against militia depots in response to two "
                          "sailors killed in Jordan.")
    assert place.location is None and place.country_code is None


def test_an_answered_event_clause_opening_the_sentence_leaves_the_place_after_it():
    place = resolve_place("In retaliation for the killing of a herder in Zamfara, gunmen attacked a village in "
                          "Katsina, killing five.")
    assert place.location == "Katsina" and place.country_code == "NGA"
