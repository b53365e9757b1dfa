"""Round 15 of issue 16 (ill), as policy 4.7: suggesting illegal activity is often not the act's
name but the signs of getting away with something. Three frames that generalise across acts,
each with look-alikes that must stay clean. Labelled channels: tests/moderation/data/round15_ill*.jsonl.

1. A sign nobody will know, check or ask, beside an act of taking or using without right.
   The sign alone is nothing ("don't tell mum, it's a surprise"); leave asked or a report is not.
2. Drugs by euphemism: something wanted, with a contrast or wink that it isn't the ordinary thing.
3. Damage to someone's things as a plan, in general words.
"""

from __future__ import annotations

import pytest

BAND = "#band — the youth centre's band: rehearsals, gigs and kit"
WORK = "#night-shift — warehouse staff: rotas, breaks and overtime"
SIXTH = "#sixth-form — sixth form students: socials, trips and revision"
STREET = "#street — residents of Elm Road: bins, parking and events"

ACTS = [
    (BAND, "grab the church's spare keyboard after practice, they never count them"),
    (BAND, "we'll copy the caretaker's key and get in at weekends without asking"),
    (WORK, "take a couple of the returns home, nobody checks the cage on nights"),
    (SIXTH, "the barman knows me, he'll serve us even though we're 17"),
    (SIXTH, "bring something to take the edge off, and I don't mean a cuppa"),
    (SIXTH, "brownies for the party, the special kind 😉"),
    (STREET, "next time he blocks my drive I'm letting his tyres down"),
    (STREET, "I'll put a key down the side of her new car"),
]

LOOK_ALIKES = [
    (BAND, "don't tell mum but it's a surprise party on friday"),
    (BAND, "borrow the mic stands from the school, I asked the music teacher"),
    (BAND, "someone took the hall's spare amp and nobody noticed for weeks, reported it"),
    (WORK, "never share your login with anyone, it's a disciplinary"),
    (SIXTH, "camomile tea really does take the edge off before exams"),
    (SIXTH, "made a mushroom risotto, the chestnut kind from the market"),
    (STREET, "someone let my tyres down last night, the police have the footage"),
    (STREET, "I'll scratch that idea, let's do the fun day in june instead"),
]


@pytest.mark.parametrize("purpose,text", ACTS)
def test_getting_away_with_it_euphemism_and_damage_plans_are_reported(findings, purpose, text):
    assert "illegal" in findings(text, purpose=purpose)


@pytest.mark.parametrize("purpose,text", LOOK_ALIKES)
def test_surprises_leave_asked_reports_and_ordinary_things_are_not_illegal(findings, purpose, text):
    assert "illegal" not in findings(text, purpose=purpose)
