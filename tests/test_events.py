"""Event types from the words of self-written incident sentences (rules in events.yaml)."""
import pytest

from etl.extract.events import event_type


@pytest.mark.parametrize("text, kind", [
    # present tense, as news briefs and event lists are written
    ("Gunmen open fire on a bus near the border, killing four passengers.", "shooting"),
    ("Security guards opens fire on civilians at the beach, killing a boy.", "shooting"),
    ("A shootout between the army and militants in the district leaves six dead.", "armed clash"),
    ("Israeli strikes kill at least 20 people in the camp.", "air strike"),
    ("The death toll from yesterday's strikes by the coalition rose to 53.", "air strike"),
    ("Six drones hit a district of the city, injuring three people.", "air strike"),
    ("Army jets bomb a fuel depot outside the city.", "air strike"),
    ("Drones strike the airport, injuring several workers.", "air strike"),
    ("Militiamen kill at least 40 people in two villages.", "attack"),
    ("Troops kill 35 insurgents in a military operation in the mountains.", "attack"),
    ("An artillery strike kills six people in the town.", "shelling"),
    # unchanged: the most specific words win
    ("A suicide bomber kills 12 people at a checkpoint.", "suicide bombing"),
    ("Two men were shot and killed outside a bar.", "shooting"),
    ("Workers went on strike over unpaid wages.", None),
])
def test_event_type(text, kind):
    assert event_type(text) == kind
