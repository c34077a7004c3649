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
    ("On 1 June 2021, rebels fired machine guns at residential neighbourhoods of Kassala.", "shooting"),
    ("On 1 June 2021, rebels fired 12.7mm machine guns and sniper rifles at houses in Kassala.", "shooting"),
    ("On 1 June 2021, air defences intercepted a ballistic missile fired by rebels over Kassala.", "shelling"),
    ("On 1 June 2021, government forces shot down a rebel drone near Kassala.", "shooting"),
    ("On 1 June 2021, monitors observed a total of 14 explosions near Kassala.", "bombing"),
    ("On 1 June 2021, two drone strikes reportedly targeted a depot near Kassala.", "air strike"),
    ("On 1 June 2021, rioters blocked the main road in Kassala with burning tyres and pelted police with stones.", "riot"),
    # told in the present tense, as news summaries write it; what the attack answered is not its figure
    ("On 1 June 2021, the air force bombs rebel depots in Kassala in response to a raid that wounded 12 soldiers.",
     "air strike"),
    ("On 1 June 2021, rebels launch attacks on two army posts near Kassala.", "attack"),
])
def test_violence_without_figures_is_one_row_with_unknown_counts(text, kind):
    rows = _rows(text)
    assert len(rows) == 1
    (m,) = rows
    assert m.event_date == dt.date(2021, 6, 1) and m.event_type == kind
    assert not m.killed and not m.wounded


@pytest.mark.parametrize("text", [
    "On 1 June 2021, hundreds of teachers protested peacefully in Kassala against unpaid salaries.",
    "On 1 June 2021, market traders held a sit-in outside the governor's office in Kassala.",
    "On 1 June 2021, in Kassala, a march against the new tax was organized by the traders' union.",
    "On 1 June 2021, nurses gathered in front of the main hospital in Kassala to demand unpaid wages.",
    "On 1 June 2021, dock workers launch a strike over unpaid wages in Kassala.",
    "On 1 June 2021, in Kassala, a wave of strikes over unpaid wages closes the port.",
])
def test_a_protest_held_is_one_row_of_type_protest_without_casualties(text):
    (m,) = _rows(text)
    assert m.event_type == "protest" and m.event_date == dt.date(2021, 6, 1) and m.location == "Kassala"
    assert not m.killed and not m.wounded


@pytest.mark.parametrize("text", [
    "On 1 June 2021, the group threatened to attack the town of Kassala.",
    "On 1 June 2021, the government released 50 prisoners in Kassala.",
    "On 1 June 2021, the union said it planned to protest in Kassala next week.",
    "On 1 June 2021, police gathered evidence at the market in Kassala.",
    "The report demonstrated that the reforms worked in Kassala.",
    "On 1 June 2021, an assailant tried to stab the governor at a campaign rally in Kassala.",
])
def test_threats_plans_and_other_news_are_not_rows(text):
    assert _rows(text) == []


def test_a_protest_beside_violence_is_not_a_row_of_its_own():
    rows = _rows("On 1 June 2021, gunmen shot dead two traders in Kassala. On 2 June 2021, hundreds protested "
                 "the killings in Kassala.")
    assert [(m.event_type, m.killed) for m in rows] == [("shooting", 2)]


def test_total_across_linked_incidents_is_shared_evenly():
    text = ("03/02/2019: Gunmen attacked a police post in Kassala, Sudan. This was one of four coordinated attacks "
            "in the province on this date. At least 18 assailants were killed and 10 officers were wounded across the "
            "four attacks.")
    (m,) = _rows(text)
    assert (m.killed, m.killed_low, m.killed_high) == (5, 0, None)  # 18 / 4 rounded half up; "at least": no ceiling
    assert (m.wounded, m.wounded_low, m.wounded_high) == (3, 0, 10)
    assert "across 4 linked incidents" in m.killed_phrase


def test_figures_of_one_of_several_attacks_are_its_own_unless_said_to_be_totals():
    text = ("03/02/2019: Gunmen attacked a police post in Kassala, Sudan. This was one of four coordinated attacks "
            "in the province on this date. Three officers were killed in the attack.")
    (m,) = _rows(text)
    assert m.killed == 3


def test_deaths_a_coder_sets_to_zero_still_leave_the_incident_row():
    (m,) = _rows("On 1 June 2021, one civilian was killed by militia fire in Kassala. Fatalities coded as 0 "
                 "(the militia reported 1).")
    assert m.killed == 0 and m.event_date == dt.date(2021, 6, 1)


def test_date_given_further_down_the_article():
    text = ("Seven people hurt in Riverside shooting\n\nSeven men were hurt in a shooting, police said.\n\n"
            "The victims are between 27 and 45. One person is being questioned.\n\n"
            "Officers said more arrests were possible. The street was closed for hours.\n\n"
            "The gunfire broke out Saturday night at about 10:20 p.m., according to police.")
    (m,) = _rows(text)  # published on Thursday 3 June 2021
    assert m.event_date == dt.date(2021, 5, 29) and m.date_precision == "day"


@pytest.mark.parametrize("note, killed", [
    ("Fatalities split between 2 events.", 24),
    ("48 fatalities split up between 2 events.", 24),
    ("Unclear fatalities coded as 48 and spread between 3 locations.", 16),
])
def test_a_coder_s_note_that_a_total_is_shared(note, killed):
    (m,) = _rows(f"On 1 June 2021, the air force attacked rebel camps near Kassala and at Lake Nasser. "
                 f"48 rebels were reported killed. {note}")
    assert m.killed == killed and m.killed_high == 48


def test_a_split_note_with_the_event_s_own_figure_is_not_shared_again():
    (m,) = _rows("On 1 June 2021, militias clashed near Kassala. 10 people were killed. "
                 "Fatalities split across 2 events (5).")
    assert m.killed == 5


def test_a_headline_pasted_into_a_run_on_sentence_counts_once():
    (m,) = _rows("Seven people injured in Riverside shooting Seven people injured in Riverside shooting News "
                 "Police are investigating. It happened on Tuesday in Riverside, California.")
    assert m.wounded == 7


@pytest.mark.parametrize("text", [
    "On 1 June 2021, the army fired 82mm mortars, heavy machine guns and small arms at the positions of the rebels near Kassala.",
    "On 1 June 2021, militants fired four mortar shells that landed near the market in Kassala.",
    "On 1 June 2021, rebels triggered an improvised explosive device blast and damaged a bridge near Kassala.",
    "On 1 June 2021, the air force targeted a rebel convoy on the outskirts of Kassala. No casualties reported.",
    "On 1 June 2021, monitors heard a total of 30 shots involving small arms near Kassala.",
    "On 1 June 2021, the rebels claimed the firing of two rockets towards an army post near Kassala.",
    "On 1 June 2021, rebels fired heavy weapons at farms on the outskirts of Kassala.",
    "On 1 June 2021, the air force destroyed a rebel depot with airstrikes near Kassala.",
    "On 1 June 2021, soldiers and rebels exchanged gunshots near Kassala.",
    "On 1 June 2021, supporters of two parties fought one another in Kassala.",
    "On 1 June 2021, police broke up a fight between dozens of traders at the market in Kassala.",
    "On 1 June 2021, four farm workers were taken as hostages by armed men near Kassala.",
    "On 1 June 2021, militia members allegedly beat two election monitors in Kassala.",
    "On 1 June 2021, police are accused of assaulting a driver at a checkpoint in Kassala.",
    # the present of news briefs
    "Massacres occur in Kassala as militias overrun the town and kill civilians for several days.",
    # ... with a plural subject: "drones strike", "jets bomb", "rockets land", "gunmen storm"
    "Rebel drones strike the airport of Kassala, damaging the main terminal.",
    "Army jets reportedly bomb rebel depots on the outskirts of Kassala.",
    "Several rockets land in a residential district of Kassala overnight.",
    "Two bombs go off near the central market of Kassala.",
    "A bomb explodes near the central market of Kassala.",
    "Gunmen storm a police post on the road to Kassala.",
    "Clashes erupt between two militias in Kassala.",
    "The air force launches a new wave of strikes against rebel bases near Kassala.",
    "The navy launches a third wave of strikes for a second night on rebel bases near Kassala.",
])
def test_more_ways_of_reporting_violence_without_figures(text):
    assert len(_rows(text)) == 1


def test_an_accusation_of_killing_is_no_event():
    assert _rows("A monitor publishes a report accusing the militia of killing more civilians than other groups.") == []


def test_a_sports_result_is_not_violence():
    assert _rows("On 1 June 2021, Kassala beat the visitors 3-1 and the coach was fired on Monday.") == []


def test_a_suicide_bomber_who_detonated_died_and_is_counted_once():
    (m,) = _rows("06/01/2021: Two suicide bombers detonated at a market in Kassala, Sudan. No other casualties were "
                 "reported.")
    assert m.killed == 2
    (m,) = _rows("06/01/2021: A suicide bomber detonated at a market in Kassala, Sudan. In addition to the bomber, "
                 "three people were killed.")
    assert m.killed == 4


def test_attackers_named_only_in_an_including_list_are_part_of_the_total():
    (m,) = _rows("06/01/2021: Gunmen attacked a post in Kassala, Sudan. At least 15 people, including 9 assailants "
                 "and six soldiers were killed in the clash.")
    assert m.killed == 15


def test_the_date_of_the_violence_not_of_the_death():
    (m,) = _rows("Lena Ortiz, 17, of Kassala, died Wednesday after being shot in the chest Monday, police said.")
    assert m.event_date == dt.date(2021, 5, 31)  # Monday, published Thursday 3 June 2021
    (m,) = _rows("A man died Tuesday of injuries he suffered Sunday night in a shooting in Riverside.")
    assert m.event_date == dt.date(2021, 5, 30)


def test_the_day_of_a_victim_s_condition_is_not_the_incident_s():
    """"in stable condition late Wednesday" tells when the condition held; "since Monday night" when it began."""
    (m,) = _rows("A man was found dead in the street Monday night in Riverside. Three others were also hit by gunfire "
                 "and in stable condition late Wednesday.")
    assert (m.event_date, m.killed, m.wounded) == (dt.date(2021, 5, 31), 1, 3)
    (m,) = _rows("Hundreds gathered Wednesday for a vigil in Riverside. The girl was hit by a stray bullet and was in "
                 "critical condition since Monday night.")
    assert m.event_date == dt.date(2021, 5, 31)


@pytest.mark.parametrize("text, day", [
    # the day police spoke is not the day of the shooting the text gives further on
    ("Police on Wednesday said two people were killed in Riverside.\n\nThe shooting happened late Monday outside "
     "a bar, officers said.", dt.date(2021, 5, 31)),
    ("A man was arrested Tuesday in connection with a shooting that left one person dead in Riverside.\n\n"
     "The victim was shot Sunday night.", dt.date(2021, 5, 30)),
    # when that is the only day the text gives, it stands
    ("As reported on 28 May 2021, in Riverside, a man was found beaten on the road. No fatality, 1 injured.",
     dt.date(2021, 5, 28)),
])
def test_the_day_something_was_said_is_the_date_only_when_nothing_else_dates_the_incident(text, day):
    (m,) = _rows(text)
    assert m.event_date == day


@pytest.mark.parametrize("text, killed, wounded", [
    # "other" after the dead: others than the dead, the same four as the headline's
    ("Tucson shooting: Gunfire at cookout kills 2, injures 4\n\nTUCSON - Police say a second man has died after "
     "gunfire broke out at a cookout in a Tucson park late Saturday. Four other people were injured.",
     2, 4),
    # "other" right after figures of its own kind: more of them
    ("On 1 June 2021, 3 soldiers were killed and 2 were wounded in an attack on a post near Kassala. "
     "2 other soldiers were killed when they came to help.", 5, 2),
])
def test_other_people_add_to_the_figure_of_the_sentence_before_only_when_it_is_of_their_kind(text, killed, wounded):
    (m,) = _rows(text)
    assert (m.killed, m.wounded) == (killed, wounded)


@pytest.mark.parametrize("text, wounded", [
    # victims listed one by one after the total are the total's members, "another" among them
    ("Four people were shot outside a store in Kassala on 1 June 2021. A 31-year-old man was shot in the arm. "
     "Another 31-year-old man was shot in the hip. A 47-year-old woman was shot in the hand.", 4),
    # "six others" continue the two just counted, matching the headline's eight
    ("Shooting at Kassala party leaves 1 dead, 8 wounded\n\nKASSALA - One person was killed on 1 June 2021 and "
     "others were wounded, two critically, police said. Six others were wounded less seriously.", 8),
    # one victim, then another: two
    ("A man was shot in Kassala on 1 June 2021. Another man was shot nearby minutes later.", 2),
])
def test_others_and_another_continue_the_figure_before(text, wounded):
    (m,) = _rows(text)
    assert m.wounded == wounded


def test_others_far_from_the_figure_before_stand_alone():
    text = ("On 1 June 2021, a gunman fatally shot himself on a bridge in Kassala after shooting at walkers.\n\n"
            "Police said the gunman had served in the army. He had no criminal record.\n\n"
            "The man who survived the shooting that left four others dead remains in hospital.")
    (m,) = _rows(text)
    assert m.killed == 4


@pytest.mark.parametrize("text, killed, wounded", [
    # those shot and not reported dead were wounded, though only some outcomes are told
    ("Five men were shot outside a bar in Kassala on 1 June 2021. One of them died at the scene. "
     "Three suffered non-life-threatening injuries.", 1, 4),
    # a figure of people shot far above the outcomes is not this incident's ("12 people were shot this weekend")
    ("A woman was injured in a shooting in Kassala on 1 June 2021. Police said 12 people were shot across the "
     "city this weekend.", None, 1),
    # a numbered victim is one of this incident's: the victims so far were hit, however few outcomes are told
    ("Two men were injured in a shooting in Kassala on 1 June 2021. Police later said a fifth man was injured.",
     None, 5),
    ("A man was hurt in a shooting in Kassala on 1 June 2021. A fourth victim was grazed on the arm by a bullet.", None, 4),
])
def test_people_shot_whose_outcome_is_not_told_were_wounded(text, killed, wounded):
    (m,) = _rows(text)
    assert (m.killed, m.wounded) == (killed, wounded)


def test_other_people_shot_after_the_dead_are_others_than_they():
    (m,) = _rows("Two men were killed in a shooting in Kassala on 1 June 2021. Officers said two other gunshot victims "
                 "turned up at a clinic later.")
    assert (m.killed, m.wounded) == (2, 2)


def test_officers_shot_by_a_man_with_no_figure_is_still_a_row():
    (m,) = _rows("On 1 June 2021, in Kassala, police officers on patrol were shot by a man. The man was arrested.")
    assert m.event_date == dt.date(2021, 6, 1) and m.country_code == "SDN"


@pytest.mark.parametrize("text, killed", [
    # one man's suicide told twice is one death on top of his victim's
    ("On 1 June 2021, a man shot dead his neighbour in Kassala and then killed himself. Police said the man "
     "fatally shot himself in the garden.", 2),
    # a headline pasted twice, once with an article
    ("17-year-old dead in Kassala shooting 17-year-old dead in Kassala shooting News A 17-year-old dead in "
     "Kassala shooting on 1 June 2021, police said.", 1),
])
def test_restatements_count_once(text, killed):
    (m,) = _rows(text)
    assert m.killed == killed


@pytest.mark.parametrize("text, killed", [
    # the father who shot himself is one of the two found dead
    ("On 1 June 2021, police found a girl and her father dead in a house in Kassala. Police said the father shot his "
     "daughter and then turned the gun on himself.", 2),
    # the man who died is the one who shot himself
    ("On 1 June 2021, a man died in a shooting in Kassala. Police said the man accidentally shot himself dead.", 1),
    # one killed and then himself: the two who died
    ("On 1 June 2021, a man killed one person and wounded three others at a factory in Kassala before killing "
     "himself. Police said two people died in the shooting.", 2),
    # a gunman who killed himself after the figure of his victims adds to it
    ("Three people were killed at an office in Kassala on 1 June 2021. The gunman then killed himself.", 4),
])
def test_a_self_inflicted_death_is_counted_with_its_own_sentence_s_figure(text, killed):
    (m,) = _rows(text)
    assert m.killed == killed


def test_also_joins_the_other_outcome_of_its_own_sentence():
    # "also wounded" after the death in its sentence: the same three people the next sentence counts
    (m,) = _rows("A boy was killed in a shooting in Kassala on 1 June 2021 that also wounded three people. Three "
                 "people were wounded, police said.")
    assert (m.killed, m.wounded) == (1, 3)


def test_wounded_counted_with_the_dead_early_on_are_the_later_figure_s():
    # five wounded at first; then one of them killed and four wounded: the five were everyone hit
    (m,) = _rows("Five people were wounded in a shooting at a bar in Kassala on 1 June 2021. Police later said one "
                 "man was killed and four people were wounded.")
    assert (m.killed, m.wounded) == (1, 4)


def test_a_day_within_the_month_first_told_is_the_same_incident():
    # "earlier this month" and "on 1 June" date one shooting: one row, its dead taken off the wounded
    rows = _rows("Man hurt in Kassala shooting dies\n\nKASSALA - A woman hurt in a shooting earlier this month has "
                 "since died. Police said Ann Lee, 44, died at a hospital on Thursday. Lee was one of four people injured in "
                 "the shooting on 2 June on Main Street.")
    assert [(m.killed, m.wounded) for m in rows if m.killed] == [(1, 3)]


def test_a_tally_of_two_shootings_still_leaves_a_row():
    # the headline's figure counts both shootings: no figure of either, but the shootings happened
    rows = _rows("5 Hurt in 2 Riverside Shootings\n\nPolice said on 1 June 2021 that the two shootings in Riverside "
                 "are related.")
    assert [(m.killed, m.wounded) for m in rows] == [(None, None)]


def test_a_death_told_by_a_charge_is_one_of_those_shot():
    # the man shot is the one whose death the charge tells: killed, not wounded beside a death
    (m,) = _rows("Riverside man charged with murder of neighbour shot in a dispute\n\nPolice said on 1 June 2021 that "
                 "a 30-year-old man was charged with murder after his neighbour was shot and killed in Riverside.")
    assert (m.killed, m.wounded) == (1, None)


def test_others_also_shot_continue_the_figure_before():
    # a child and three other adults: four, as the headline says
    (m,) = _rows("4 shot in north Kassala\n\nKASSALA - A child was shot on 1 June 2021 outside a store in north Kassala. "
                 "Police said three other adults were also shot.")
    assert m.wounded == 4


def test_a_run_on_sentence_giving_a_figure_twice_counts_it_once():
    (m,) = _rows("Seven people injured in Kassala shooting News Police said a gunman opened fire at a party on "
                 "1 June 2021 and injured seven male victims.")
    assert m.wounded == 7


def test_a_paragraph_break_between_the_incident_s_sentences_ends_a_name():
    (m,) = _rows("Teen shot on Larkspur Avenue in Chattanooga\n\nChattanooga Police say a 16-year-old "
                 "was shot in the hip on 1 June 2021.")
    assert m.location == "Chattanooga"


@pytest.mark.parametrize("text, killed", [
    ("On 1 June 2021, gunmen shot dead the mayor of Kassala. His two bodyguards were also killed. 3 fatalities.", 3),
    ("On 1 June 2021, a riot broke out in Kassala prison. 7 inmates were also killed (total of 8 fatalities).", 8),
])
def test_a_coder_s_closing_tally_is_the_figure(text, killed):
    (m,) = _rows(text)
    assert m.killed == killed


@pytest.mark.parametrize("text", [
    "A shooting has been reported in Kassala late Friday night. Police are at the scene.",
    "On 1 June 2021, gunshots were fired during a brawl at a market in Kassala.",
    "KASSALA - A 5-year-old boy is in hospital after his cousin shot him by accident on 1 June 2021.",
])
def test_a_reported_shooting_without_figures_is_a_row(text):
    (m,) = _rows(text)
    assert m.country_code == "SDN"


def test_a_past_incident_recalled_for_background_is_not_a_row():
    """Quoted past events are not rows: an incident the text dates over a year before publication, in an
    article that reports a recent one, is background. Reported alone (a trial, an anniversary), it stays."""
    text = ("A prisoner was stabbed in the neck at a jail in Fresno, California, on Friday, officials said. "
            "He is serving a life sentence for a robbery.\n\n"
            "In March 2009, he shot dead two guards during a robbery in Fresno.")
    rows = _rows(text)
    assert [(r.event_date, r.killed, r.wounded) for r in rows] == [(dt.date(2021, 5, 28), None, 1)]
    alone = _rows("A man was sentenced on Monday for a shooting in March 2009 that killed two guards in Fresno.")
    assert [(r.event_date, r.killed) for r in alone] == [(dt.date(2009, 3, 1), 2)]
    archive = _rows("On Friday, May 28, 2021, a man was shot dead on Elm Street in Fresno.\n\n"
                    "On Tuesday, March 10, 2015, a woman was shot dead on Oak Street in Fresno.")
    assert [r.event_date for r in archive] == [dt.date(2021, 5, 28), dt.date(2015, 3, 10)]  # each dated to its day


@pytest.mark.parametrize("text", [
    "The army announced the end of its four-month operation in the lake area, saying 210 militants and 14 soldiers "
    "have been killed.",
    "Since then, more than 300 people have died in clashes with police across the country.",
    "Officials say militant attacks in the province since March 6 have killed 42 soldiers.",
])
def test_a_running_tally_is_not_an_incident(text):
    """A toll counted over a campaign or since a date adds up many incidents: not one row."""
    assert _rows(text) == []



def test_a_party_s_claim_is_the_toll_only_when_nobody_else_gives_one():
    """Coders do not take a side's claim at face value: an official figure beats it; alone, it stands."""
    both = _rows("A suicide car bomb hit an army base in Ghazni on Monday. A provincial spokesman said the attack "
                 "killed 12 soldiers. The militants claimed that 150 soldiers were killed.")
    assert [r.killed for r in both] == [12]
    alone = _rows("Militants attacked an army base in Ghazni on Monday and claimed to have killed 15 soldiers.")
    assert [r.killed for r in alone] == [15]


def test_a_page_dated_well_before_its_given_publication_date_anchors_weekdays():
    """A page crawled long after it was written: "Updated: 01/26/2015" on the page, 2021 given as published.
    "Sunday" is the Sunday before the page's own date."""
    text = ("Boy shot in Eagan\n\nUpdated: 01/26/2015 10:24 PM\n\n"
            "A 9-year-old boy was shot and killed by his brother in Eagan, Minnesota, on Sunday, police said.")
    rows = _rows(text)
    assert [(r.event_date, r.publication_date) for r in rows] == [(dt.date(2015, 1, 25), dt.date(2021, 6, 3))]
    # a later update's date without its year is no page date ("UPDATED June 5" on a page given as June 3)
    later = _rows("UPDATED June 5: school reopens\n\nA student was shot and wounded at a school in Greenville on Friday.")
    assert [r.event_date for r in later] == [dt.date(2021, 5, 28)]


def test_the_page_s_posted_line_run_into_the_headline_does_not_date_the_event():
    rows = _rows("Three Hurt in Tavern Shooting Posted: Tuesday, June 1, 2021 Three people were shot outside a "
                 "tavern in Jackson, Mississippi, early Monday, police said.")
    assert [r.event_date for r in rows] == [dt.date(2021, 5, 31)]


@pytest.mark.parametrize("text", [
    "Follow-up to the Larkspur Street shooting\n\nDATE: June 2, 2021 4:24 PM\n\nPolice continue to investigate the "
    "shooting on Larkspur Street in Riverside about 6:30 a.m. on May 27.\n\nThe suspect was armed with a pistol.\n\n"
    "Officers returned fire.\n\nA neighbour recorded a video.\n\nThe dog barked.\n\nNine citizens were shot, none fatally.",
    "NEWS BLOG: Shooting in Riverside\n\nUPDATE 1:50PM WEDNESDAY: The school will open for students.\n\n"
    "UPDATE 10:29PM: The agent is in fair condition.\n\nThe shooting at the school in Riverside happened on May 27.\n\n"
    "The suspect was armed with a pistol.\n\nOfficers returned fire.\n\nA neighbour recorded a video.\n\n"
    "The dog barked.\n\nNine citizens were shot, none fatally.",
    "Shooting in Riverside\n\nUpdate (9:10 p.m. Wednesday)\n\nThe agent is in fair condition.\n\nThe shooting at "
    "the school in Riverside happened on May 27.\n\nThe suspect was armed with a pistol.\n\nOfficers returned "
    "fire.\n\nA neighbour recorded a video.\n\nThe dog barked.\n\nNine citizens were shot, none fatally.",
    # a date with its clock time ending the line is the page's time stamp
    "Shooting in Riverside\n\nJune 2, 2021 7:26 AM\n\nRIVERSIDE - Nine citizens were shot, none fatally.\n\nThe "
    "suspect fled.\n\nOfficers searched the area.\n\nThe dog barked.\n\nIt happened around 7:30 on May 27.",
    # ... as is a date with its year alone on its line
    "Shooting in Riverside\n\nBy: Staff\n\nWednesday, June 2, 2021\n\nRIVERSIDE - Nine citizens were shot, none "
    "fatally.\n\nThe suspect fled.\n\nOfficers searched the area.\n\nThe dog barked.\n\nIt happened on May 27.",
    # an embedded post's signature dates the post
    "Shooting in Riverside\n\nNine citizens were shot, none fatally.\n\nPrayers for Riverside — Jane Doe "
    "(@janedoe) June 2, 2021\n\nThe shooting at the school in Riverside happened on May 27.",
])
def test_a_page_s_date_and_update_labels_do_not_date_the_event(text):
    """"DATE: June 2, 2021" atop a press release, "UPDATE 1:50PM WEDNESDAY:" atop a news blog's entries and a time
    stamp ("June 2, 2021 7:26 AM", a date alone on its line) date the page, and "(@janedoe) June 2, 2021" an embedded
    post, not the shooting the text dates further on."""
    assert [r.event_date for r in _rows(text)] == [dt.date(2021, 5, 27)]


@pytest.mark.parametrize("text, day", [
    ("Four children killed by their father were remembered at funeral services on Saturday.\n\nThey were shot at "
     "their home near Riverside on May 20.", dt.date(2021, 5, 20)),
    ("A judge on Wednesday found probable cause to charge a girl, 12, over the accidental shooting death of her cousin, "
     "9, in Riverside on Tuesday night.", dt.date(2021, 6, 1)),
    ("A man was killed in a shooting in Riverside on Sunday. He will be buried Wednesday.", dt.date(2021, 5, 30)),
])
def test_the_day_of_a_funeral_or_a_court_s_act_is_not_the_event_s(text, day):
    assert [r.event_date for r in _rows(text)] == [day]


@pytest.mark.parametrize("text, day", [
    # a court's or the police's act a few words before the day, nothing of the violence between
    ("A man was sentenced to 40 years in prison Wednesday for a shooting that killed a woman in Riverside.\n\n"
     "The woman was shot on May 2 outside her home.", dt.date(2021, 5, 2)),
    ("A teen made his first appearance in juvenile court, Tuesday, in the shooting death of his brother, 9, in "
     "Riverside.\n\nThe boy was shot Sunday afternoon.", dt.date(2021, 5, 30)),
    ("Police arrested a second man Wednesday in Riverside.\n\nA man was killed and two hurt in a shooting there "
     "on Monday.", dt.date(2021, 5, 31)),
    ("Two women were killed in a shooting in Riverside.\n\nThe gunman was captured Wednesday in a motel.\n\nThe "
     "shooting happened early Monday.", dt.date(2021, 5, 31)),
    # what someone told, what still held, what is to come
    ("The police chief told reporters Wednesday morning that a gunman killed one man in Riverside on Monday "
     "evening.", dt.date(2021, 5, 31)),
    ("Two men were shot in Riverside.\n\nOne of them was still in hospital Tuesday.\n\nIt happened Sunday night.",
     dt.date(2021, 5, 30)),
    ("A man shot dead a neighbour in Riverside.\n\nHe will be back before the magistrates on Tuesday.\n\nIt "
     "happened Sunday night.", dt.date(2021, 5, 30)),
    ("Two officers were wounded in Riverside.\n\nThe chief spoke at a news conference Wednesday.\n\nThe officers "
     "were on patrol Monday when a man fired at them.", dt.date(2021, 5, 31)),
    ("A boy, 12, was shot dead in Riverside.\n\nA vigil was held Tuesday at his school.\n\nIt happened Sunday "
     "evening.", dt.date(2021, 5, 30)),
    # ... unless the day names the violence, or comes right before it
    ("A woman was killed in Riverside.\n\nPolice arrested a man Tuesday, two days after the May 30 murder.",
     dt.date(2021, 5, 30)),
    ("Police arrested a man on Tuesday, days after the May 30 gunfight that killed a woman in Riverside.",
     dt.date(2021, 5, 30)),
    ("A man was charged in Monday's shooting that killed a woman in Riverside.", dt.date(2021, 5, 31)),
    ("A man was arrested Tuesday night in Riverside after a woman was shot dead.", dt.date(2021, 6, 1)),
    # a day naming the violence comes first in its sentence
    ("Schools stayed closed Wednesday after Monday's shooting that killed two boys in Riverside.",
     dt.date(2021, 5, 31)),
])
def test_the_day_of_an_act_of_the_aftermath_a_few_words_before_is_not_the_event_s(text, day):
    """"sentenced to 40 years in prison Wednesday", "appearance in juvenile court, Tuesday": the day of the sentence
    or the hearing, not of the shooting; "charged in Monday's shooting": the shooting's."""
    assert [r.event_date for r in _rows(text)] == [day]


@pytest.mark.parametrize("text, day, precision", [
    ("A boy who died after being shot in the neck last month in Riverside was 14.\n\nHis family believes the May 18 "
     "shooting at a home in Riverside was no accident.", dt.date(2021, 5, 18), "day"),
    ("A man was shot and killed in Riverside last week.\n\nThe shooting on Sunday, May 30, followed an argument.",
     dt.date(2021, 5, 30), "day"),
    # "overnight" (counted as the day of publication) is the night that began the evening before
    ("Four men were shot overnight in Riverside.\n\nIt happened around 11 p.m. Wednesday on Main Street.",
     dt.date(2021, 6, 2), "day"),
    # further on, a day that names the violence
    ("A teen who died after being shot last month in Riverside was 15.\n\nHe liked football.\n\nHe had two "
     "sisters.\n\nHis school was closed.\n\nHis family is asking for help.\n\nPolice still seek a suspect in the "
     "May 18 shooting.", dt.date(2021, 5, 18), "day"),
    # a day outside the vague date's span is another event's
    ("A boy who died after being shot in the neck last month in Riverside was 14.\n\nHis brother was arrested on "
     "June 1 in a robbery.", dt.date(2021, 5, 1), "month"),
])
def test_a_vague_date_is_made_precise_by_a_day_within_it_nearby(text, day, precision):
    """"last month" in the incident's sentence, "the May 18 shooting" in the next: the day, which the month holds."""
    assert [(r.event_date, r.date_precision) for r in _rows(text)] == [(day, precision)]


def test_a_day_of_another_incident_does_not_make_a_vague_date_precise():
    rows = _rows("A boy was shot dead in Riverside, police said, the second such case in less than a month.\n\n"
                 "It happened earlier this week.\n\nIn another case, a girl was shot dead on May 31 in Riverside.")
    assert sorted((r.event_date, r.date_precision) for r in rows) == [
        (dt.date(2021, 5, 31), "day"), (dt.date(2021, 5, 31), "week")]


def test_a_day_years_before_publication_near_the_incident_is_background_when_a_recent_one_is_given():
    """An incident whose sentences give no date takes the nearest date around them, but not a day over a year old
    ("charged in a Feb. 21, 2019, incident") when the text dates the violence recently elsewhere."""
    rows = _rows("Lawyer seeks dismissal\n\nThe motion was filed after the shooting May 9 in Riverside.\n\n"
                 "Five people died in the shooting at a backyard barbecue.\n\n"
                 "Two people were critically wounded.\n\n"
                 "He had been charged in connection with a Feb. 21, 2019, incident in which he fled.")
    assert [r.event_date for r in rows] == [dt.date(2021, 5, 9)]


def test_last_week_is_not_made_precise_by_a_day_of_this_week():
    rows = _rows("Last week a car bombing killed five people in Riverside.\n\nThe city was hit again on Monday when "
                 "militants stormed a base.")
    assert [(r.event_date, r.date_precision) for r in rows] == [(dt.date(2021, 5, 27), "week")]


def test_a_read_more_link_restating_the_toll_adds_nothing():
    (m,) = _rows("Two hikers were killed by a gunman on a trail in Riverside on Sunday. READ MORE: Two dead on "
                 "Riverside trail, police seek gunman")
    assert m.killed == 2


def test_more_shots_add_no_victim():
    (m,) = _rows("A robber was killed in a standoff with deputies in Riverside on Sunday. Deputies fired two more "
                 "times, killing Okafor, the sheriff said.")
    assert m.killed == 1


def test_another_story_s_headline_further_down_the_page_is_not_this_incident_s():
    """A related story's title in title case, linked below the text: its figures are another incident's."""
    rows = _rows("Three hurt in Riverside shooting\n\nTwo women and a boy were shot at a bus stop in Riverside on "
                 "Sunday. All three are expected to recover, police said. No arrests have been made.\n\n"
                 "Driver Killed, Two Hurt In Crash On Route 9 Overpass")
    assert [(m.killed, m.wounded) for m in rows] == [(None, 3)]


def test_the_injured_including_one_who_died_are_the_hit():
    (m,) = _rows("Five people were hurt in a shooting at a park in Riverside on Sunday, including a man who later "
                 "died.")
    assert (m.killed, m.wounded) == (1, 4)


def test_a_victim_who_has_died_since_was_among_the_hurt():
    (m,) = _rows("Two men were hospitalized after a shooting at a gas station in Riverside on Sunday. The older man "
                 "has died, police said.")
    assert (m.killed, m.wounded) == (1, 1)


def test_a_killer_s_own_death_told_as_self_and_as_himself_is_one():
    (m,) = _rows("Gunman kills 3 coworkers, self in Riverside. A man killed three coworkers at a Riverside warehouse "
                 "on Sunday and then killed himself.")
    assert m.killed == 4


def test_the_victims_named_are_all_of_those_hit():
    """The named victims count the incident's wounded even beside a lone wound told first (the gunman's own)."""
    rows = _rows("A gunman opened fire in a house in Dover on Tuesday night. The gunman suffered a self-inflicted "
                 "gunshot wound. The victims are 30-year-old Ann Lee, 41-year-old Bo Ray, 19-year-old Cy Moss "
                 "and 52-year-old Di Park.")
    assert [r.wounded for r in rows] == [4]


def test_a_homicide_counts_one_dead_only_when_no_figure_is_given():
    """'investigating a homicide' beside 'a man was shot' is one dead; beside 'two men were killed' it adds none."""
    one = _rows("Police are investigating a Tuesday night homicide in Dayton, Ohio. "
                "Officers were called to a house on Elm Street after a man was shot.")
    assert [(r.killed, r.wounded) for r in one] == [(1, None)]
    two = _rows("Police are investigating a Tuesday night homicide in Dayton, Ohio. "
                "Two men were killed on Elm Street.")
    assert [r.killed for r in two] == [2]


def test_the_one_named_by_the_is_one_of_those_just_reported():
    """"Two people were shot ... Denver police confirmed the teen died": one incident, one dead and one wounded,
    though the sentence names a place the ones before do not."""
    text = ("Police: 2 shot near Lincoln High School\n\n"
            "Two people were shot about three blocks from Lincoln High School on Thursday.\n\n"
            "Police said a teen and a woman were shot at 3:40 p.m.\n\n"
            "Denver police confirmed the teen, Jon Roe, died Thursday evening. The woman is expected to survive.")
    assert [(m.killed, m.wounded) for m in _rows(text)] == [(1, 1)]


def test_an_object_named_by_the_may_be_someone_new():
    """"... after he wounded the officer": an object named by "the" does not tie its sentence to the one before."""
    from etl.extract.casualties import find_casualties, names_one_known
    assert not any(names_one_known(i) for i in find_casualties("Roe was fatally shot by police after he wounded the officer."))
    assert any(names_one_known(i) for i in find_casualties("Police said the teen died Thursday evening."))


def test_one_also_shot_is_among_all_of_those_shot():
    """"Six people were shot ... Roe was also shot ... all six people who were shot": six wounded, not seven."""
    text = ("Police charged two men after six people were shot at a birthday cookout on Elm Drive. "
            "Officers detained Jon Roe and Al Poe. Roe was also shot and faces a weapons charge. "
            "Officers said all six people who were shot are expected to survive.")
    assert [(m.killed, m.wounded) for m in _rows(text)] == [(None, 6)]


def test_one_also_shot_adds_to_a_figure_not_said_to_be_all():
    text = ("Police charged two men after six people were shot at a birthday cookout on Elm Drive. "
            "Officers detained Jon Roe and Al Poe. Roe was also shot and faces a weapons charge.")
    assert [(m.killed, m.wounded) for m in _rows(text)] == [(None, 7)]


def test_also_in_the_sentence_of_a_figure_adds_to_that_figure():
    """"... Leaves Four Wounded. ... he wounded two women and also wounded a boy": the boy is one of the
    sentence's three, and all are among the four."""
    text = ("Man Held After Gunfire Leaves Four Wounded\n\n"
            "Officers arrested a 24-year-old man after he wounded two women and also wounded a boy "
            "after firing a rifle at a crowd on Elm Street.")
    assert [(m.killed, m.wounded) for m in _rows(text)] == [(None, 4)]


def test_also_in_a_sentence_of_its_own_adds_to_the_figure():
    text = ("Two men were wounded in a shooting on Elm Street on Friday night. "
            "A woman was also wounded.")
    assert [(m.killed, m.wounded) for m in _rows(text)] == [(None, 3)]


def test_an_incident_is_dated_by_its_violence_not_by_a_later_death():
    """A victim who died days later: the row is the shooting's, dated by its day ("shot on May 20 ... died at a local
    hospital on Sunday": May 20); the day a release was issued dates nothing."""
    text = ("Three people were shot on May 20 outside a store on Elm Street in Springfield, Illinois. "
            "John Doe, 41, died in hospital on Sunday, police said.")
    assert [(m.event_date, m.killed) for m in _rows(text)] == [(dt.date(2021, 5, 20), 1)]
    text = ("In a statement released Tuesday, police said a woman died early Sunday at a hospital in "
            "Springfield, Illinois, of injuries from a shooting.")
    assert [m.event_date for m in _rows(text)] == [dt.date(2021, 5, 30)]


def test_others_shot_after_the_dead_are_others_than_them():
    """ "killed a man and shot two others": two wounded besides the dead, as "two others were shot" would be."""
    text = "A gunman broke into a home on Elm Street in Springfield, Illinois, on Monday, killed a man and shot two others."
    assert [(m.killed, m.wounded) for m in _rows(text)] == [(1, 2)]


def test_one_of_the_hurt_who_died_since_is_not_still_counted_wounded():
    """ "A man hurt in a shooting ... has died. ... Bo Ray died at a hospital ... Four people, including Ray, were
    injured": the death, told again in another sentence, is one of the four hurt: one killed, three wounded."""
    text = ("A man hurt in a May 20 shooting on Elm Street in Springfield, Illinois, has died. "
            "Bo Ray, 38, died in hospital on Sunday, police said. "
            "On May 20, a gunman fired at a group outside a house on Elm Street. "
            "Four people, including Ray, were injured.")
    assert [(m.killed, m.wounded) for m in _rows(text)] == [(1, 3)]


def test_one_shot_beside_one_other_killed_in_the_sentence_is_wounded():
    """ "shot his daughter and killed her mother": two people, one dead and one wounded (the one shot is not the one
    killed); "Two men were shot and one of them died" still counts the dead among those shot."""
    text = ("A man shot his 17-year-old son and killed the boy's grandmother on Sunday at a home on Elm Street in "
            "Springfield, Illinois, police said.")
    assert [(m.killed, m.wounded) for m in _rows(text)] == [(1, 1)]
    text = "Two men were shot on Sunday on Elm Street in Springfield, Illinois, and one of them died."
    assert [(m.killed, m.wounded) for m in _rows(text)] == [(1, 1)]


def test_a_vague_word_gives_way_to_a_number():
    """ "one person was injured ... the gunman hurt several people": the number, not "several" (3)."""
    text = ("A man was killed and one person was injured in a shooting on Elm Street in Springfield, Illinois, "
            "on Sunday night. Police said the gunman hurt several people before he fled.")
    assert [(m.killed, m.wounded) for m in _rows(text)] == [(1, 1)]
    text = "Police said a gunman hurt several people in a shooting on Elm Street in Springfield, Illinois, on Sunday."
    assert [(m.killed, m.wounded) for m in _rows(text)] == [(None, 3)]
    # a vague figure that adds to the number still adds
    text = ("At least six police officers were killed in an attack on a camp in Kassala on 1 June 2021. "
            "Dozens of militants were also killed.")
    assert [m.killed for m in _rows(text)] == [30]
    text = ("At least eight children were killed and six others were injured when drones struck a party in Kassala on "
            "1 June 2021, an attack that also left several adults dead.")
    assert [m.killed for m in _rows(text)] == [11]


def test_an_attacker_who_killed_himself_is_not_among_those_he_shot():
    """ "killed a clerk ... and then killed himself ... three people had been shot": one of the three dead, two
    wounded (the gunman's own death is not one of the three); "shot himself" is one of those shot."""
    text = ("A gunman killed a clerk at a store on Elm Street in Springfield, Illinois, on Sunday and then killed himself. "
            "Police said three people had been shot in the store.")
    assert [(m.killed, m.wounded) for m in _rows(text)] == [(2, 2)]
    text = "A boy accidentally shot himself at a home on Elm Street in Springfield, Illinois, on Sunday. He died at a hospital."
    assert [(m.killed, m.wounded) for m in _rows(text)] == [(1, None)]


def test_an_addition_with_nothing_told_before_it_is_the_stories_own_figure():
    """A headline "Two deputies also hurt" adds to nothing its text told before it: the story's figure is the five
    hurt; told again as "2 deputies also hurt", it is the same two (digits or words)."""
    text = ("Two deputies also hurt at county fair shooting\n\nA gunman opened fire at the county fair in "
            "Springfield, Illinois, on Sunday night. Police said five people were hurt in the attack.")
    assert [(m.killed, m.wounded) for m in _rows(text)] == [(None, 5)]
    text = ("Two deputies also hurt at county fair shooting\n\nA gunman opened fire at the county fair in "
            "Springfield, Illinois, on Sunday night. A man was killed. 2 deputies also hurt at county fair shooting, "
            "police said. Police said five people were hurt in the attack.")
    assert [(m.killed, m.wounded) for m in _rows(text)] == [(1, 5)]


def test_an_addition_continues_the_figure_just_told_not_the_total():
    """ "wounded two more people ... A teller who was wounded ... A customer was also wounded": the customer is one more
    of the figure just told (the teller), which the total two counts already; right after the total it still adds."""
    text = ("A gunman killed two guards and wounded two more people at a bank on Elm Street in Springfield, Illinois, "
            "on Monday. A teller who was wounded is in stable condition. A customer was also wounded.")
    assert [(m.killed, m.wounded) for m in _rows(text)] == [(2, 2)]
    text = ("Two men were wounded in a shooting on Elm Street in Springfield, Illinois, on Monday. "
            "A woman was also wounded.")
    assert [(m.killed, m.wounded) for m in _rows(text)] == [(None, 3)]


def test_another_sets_the_hurt_apart_from_a_person_its_sentence_names():
    """ "a 16-year-old was held when another boy got hurt": "another" sets the one hurt apart from the one held,
    so the headline's boy hurt is that boy, not one more; after someone hurt, "another" still adds."""
    text = ("Teen arrested after boy hurt in Springfield accidental shooting\n\nA 16-year-old was arrested on Monday "
            "after another teen was seriously hurt while handling a rifle at a home on Elm Street in Springfield, Illinois.")
    assert [(m.killed, m.wounded) for m in _rows(text)] == [(None, 1)]
    text = ("A man was hurt in a shooting on Elm Street in Springfield, Illinois, on Monday. "
            "Police said another man was hurt nearby.")
    assert [(m.killed, m.wounded) for m in _rows(text)] == [(None, 2)]


def test_a_numbered_victim_told_hurt_by_a_relative_clause_numbers_the_hurt():
    """ "A woman died and two more people went to a clinic ... A third man who was injured turned up later":
    the third of the hurt, not of all those shot (one dead, three hurt); "a third man was shot" numbers all shot."""
    text = ("A woman died and two more people went to a clinic after a shooting on Elm Street in Springfield, "
            "Illinois, on Monday. A third man who was injured turned up later at a clinic.")
    assert [(m.killed, m.wounded) for m in _rows(text)] == [(1, 3)]
    text = ("A woman was killed and a man was hurt in a shooting on Elm Street in Springfield, Illinois, on Monday. "
            "Police said a third man was shot in the arm.")
    assert [(m.killed, m.wounded) for m in _rows(text)] == [(1, 2)]


@pytest.mark.parametrize("text, killed, wounded", [
    # the third death is one of the five wounded dying since
    ("Two men were killed and five people were wounded in a shooting in Kassala on 1 June 2021. A third man died of "
     "his injuries on Tuesday.", 3, 4),
    ("Third victim dies after Kassala shooting\n\nSix people were shot at a wedding in Kassala on 1 June 2021. The "
     "bride's uncle and a guest died on the spot, and four people were hurt.", 3, 3),
    # the tally told beside the dying counts them already
    ("Two dead, four hurt in Kassala shooting\n\nA second man has died after four people were shot at a party in "
     "Kassala on 1 June 2021, police said.", 2, 4),
    # one found dead later is no one of the wounded
    ("Two men were killed and five people were wounded in a shooting in Kassala on 1 June 2021. A third man was "
     "found dead nearby.", 3, 5),
])
def test_a_numbered_death_since_is_one_of_the_wounded(text, killed, wounded):
    """ "Two killed, five wounded ... A third man died of his injuries": three dead, four wounded."""
    m = max(_rows(text), key=lambda r: r.killed or 0)
    assert (m.killed, m.wounded) == (killed, wounded)


def test_a_video_caption_block_is_not_this_incident_s():
    """A news site's video box ("Caption <title> <blurb> (credit)") lists other stories: its figures are theirs."""
    rows = _rows("Six hurt in Riverside shooting\n\nSix people were wounded, none fatally, in a shooting at a bus stop in "
                 "Riverside on Sunday, police said.\n\nCaption Triple homicide under investigation in Lakeview Triple "
                 "homicide under investigation in Lakeview. (WXYZ) Caption Neighbors mourn teen Friends talk about a "
                 "teen who was shot dead last month. (Jane Roe, Riverside Times video)\n\nNo arrests have been made.")
    assert [(m.killed, m.wounded) for m in rows] == [(None, 6)]


_RECAP = ("Four hurt in Riverside shooting\n\nFour people were shot Tuesday night outside a store in Riverside, police "
          "said. None of the injuries are life-threatening.\n\n{series}\n\nTwo men were shot, one fatally, Saturday at a "
          "park on Elm Street. On Sunday, a woman was wounded on Oak Avenue.")


@pytest.mark.parametrize("series", [
    "Tuesday's attack marks the fourth shooting in the county in nine days.",
    "It was the third shooting in Riverside within the past week.",
    "The shooting follows two others over the weekend.",
    "That attack comes after two shootings over the weekend.",
])
def test_earlier_incidents_recalled_after_a_series_sentence_are_not_rows(series):
    """'The third shooting in six days', 'follows two shootings': the incidents told after it, on earlier days, are
    the series recalled, not the news."""
    rows = _rows(_RECAP.format(series=series))
    assert [(m.event_date, m.killed, m.wounded) for m in rows] == [(dt.date(2021, 6, 1), None, 4)]


@pytest.mark.parametrize("series", [
    "Police have made no arrests.",
    # a count of the year is no series of days: the incidents after it are news of their own
    "It was the city's 14th homicide this year.",
])
def test_earlier_incidents_stay_without_a_series_sentence(series):
    rows = _rows(_RECAP.format(series=series))
    assert [(m.event_date, m.killed) for m in rows] == [(dt.date(2021, 6, 1), None), (dt.date(2021, 5, 29), 1),
                                                        (dt.date(2021, 5, 30), None)]


def test_a_gun_turned_on_himself_in_an_attempted_murder_suicide_is_no_death_told():
    """'Turned the gun on himself' reads as his death, unless the text calls it an attempted murder-suicide: then he
    was shot, his fate untold, as were the others."""
    rows = _rows("Toddler hurt in attempted murder-suicide in Riverside\n\nDeputies say a man shot his brother "
                 "and then turned his rifle on himself on Sunday in Riverside. A toddler was wounded in the attempted "
                 "murder-suicide. Deputies did not say how any of the three were doing.")
    # (the toddler wounded is read as one of the two shot, not a third: the hurt are taken to be among the shot)
    assert [(m.killed, m.wounded) for m in rows] == [(None, 2)]


def test_a_gun_turned_on_himself_is_his_death_otherwise():
    rows = _rows("Deputies say a man shot his brother and then turned his rifle on himself on Sunday in Riverside. A "
                 "toddler was wounded in the murder-suicide.")
    assert [m.killed for m in rows] == [2]


def test_another_story_s_headline_ending_in_an_abbreviation_is_not_this_incident_s():
    """A linked title whose last word is an abbreviation ("... in R.I.") still ends without a sentence's full stop."""
    rows = _rows("Three hurt in Riverside shooting\n\nTwo women and a boy were shot at a bus stop in Riverside on "
                 "Sunday. All three are expected to recover, police said.\n\nMother, Son Killed in R.I.\n\n"
                 "No arrests have been made.")
    assert [(m.killed, m.wounded) for m in rows] == [(None, 3)]


_WEEK = ("A teen was shot Wednesday night outside a store in Riverside and is in stable condition, police said.\n\n"
         "{tally} Two of the victims died.")


def test_some_of_the_victims_of_a_tally_are_the_tally_s():
    """'This week alone, three teens were shot in the city. Two of the victims died.': a count of the week's shootings
    and its dead, not an incident."""
    rows = _rows(_WEEK.format(tally="This week alone, three teens were shot in the city."))
    assert [(m.killed, m.wounded) for m in rows] == [(None, 1)]


def test_some_of_the_victims_of_an_incident_are_its_own():
    rows = _rows(_WEEK.format(tally="On Monday three teens were shot at a park in Riverside."))
    assert [(m.event_date, m.killed) for m in rows] == [(dt.date(2021, 6, 2), None), (dt.date(2021, 5, 31), 2)]


@pytest.mark.parametrize("text, killed", [
    # two sides' figures of the same dead: the one told, its range widened to the claim
    ("On 1 June 2021, rebels claim they shot down a helicopter near Kassala, killing 40 soldiers. Officials confirm at "
     "least 6 dead.", (6, 6, 40)),
    ("On 1 June 2021, eleven people are killed in a bombing in Kassala. The Liberation Front claims responsibility, "
     "claiming they killed 90 soldiers.", (11, 11, 90)),
    # a claim of responsibility claims no figure; a claim alone is the figure
    ("On 1 June 2021, the Liberation Front claims responsibility for the bombing in Kassala, which killed 11 people.",
     (11, 11, 11)),
    ("On 1 June 2021, the Liberation Front claims it killed 15 soldiers in Kassala.", (15, 15, 15)),
])
def test_a_party_s_claim_beside_the_figure_told_widens_its_range(text, killed):
    (m,) = _rows(text)
    assert (m.killed, m.killed_low, m.killed_high) == killed


@pytest.mark.parametrize("text, wounded", [
    # a suspect hurt is one more person than the victims, as a gunman hurt is
    ("A girl was injured in a shooting on Elm Street in Riverside on Tuesday. Deputies later found a suspect with a minor "
     "gunshot wound at his home.", 2),
    ("A deputy was shot in the arm in Riverside on Tuesday. A robbery suspect was hit by return fire from a deputy.", 2),
    # a suspect alone is the one hurt
    ("Police shot a suspect in the leg in Riverside on Tuesday.", 1),
])
def test_a_suspect_hurt_adds_to_the_victims_hurt(text, wounded):
    assert [m.wounded for m in _rows(text)] == [wounded]
