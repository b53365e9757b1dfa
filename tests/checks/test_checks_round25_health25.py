"""Round 25 (issue 16), policy 3 and 5.6: a young person's health stays private however plainly it is
said. A common illness named about them, the reason for a diet on a lunch list, a form's medical field
after a full stop, the mind's health in their own words, a mobility aid or an injury to "his" or "her"
body in a sentence that names them: each is their need. One of the team named by role, hurt or ill and
told light-heartedly, and a grown-ups' meeting moved for an illness, are not a young person's need."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("Heads up: Kofi has an ear infection so he'll sit out the brass today.", "ear infection"),
        ("Bea was off school yesterday with a stomach bug, so go easy on her tonight.", "stomach bug"),
        ("Dietary list for the trip: Dairy free (lactose intolerant) - Freya", "lactose intolerant"),
        ("Sign-up for Ruben. Medical: eczema, cream kept in the first aid box.", "eczema"),
    ],
)
def test_a_common_illness_or_a_diets_reason_said_of_a_young_person_is_their_need(found, text, need):
    assert any(need in finding for finding in found(text, "health"))


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("honestly my depression has been awful since christmas, might skip thursday", "my depression"),
        ("Sorry I left early, I've been having a hard time with my mental health", "my mental health"),
        ("Big thanks to Mollie, who came to every rehearsal in a wheelchair!", "wheelchair"),
        ("Shout out to Jayden, who drummed the whole set after spraining his wrist last month.", "spraining his wrist"),
    ],
)
def test_own_words_a_mobility_aid_or_an_injury_in_a_sentence_naming_a_young_person_are_theirs(found, text, need):
    assert any(need in finding for finding in found(text, "health"))


@pytest.mark.parametrize(
    "text",
    [
        "Our music leader Dan played the gig with his arm in a sling - get well soon Dan!",
        "Marcus has tonsillitis, so the trustee meeting moves to next week.",
        "Volunteer rota: Carl is in a sling this month so he's on the merch table.",
    ],
)
def test_a_grown_ups_injury_or_illness_named_by_role_or_moving_a_meeting_is_no_young_persons_need(found, text):
    assert found(text, "health") == []
