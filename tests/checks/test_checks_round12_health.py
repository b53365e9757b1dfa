"""Policy 3 (round 12, issue 16): a young person's need is health information however it is said: of
several young people at once, as how they are feeling with no condition named, as a service named
before what it does for them, or as what they find hard in everyday words. A grown-up of themselves,
a topic, a talk, a song, "low" in music and "panic" as a figure of speech are not."""

import pytest


@pytest.mark.parametrize(
    ("text", "need"),
    [
        # Several at once: names joined, or a counted group (young_group_words.txt).
        ("Cara and Idris are both autistic, so we'll keep the lights steady", "autistic"),
        ("Both twins have coeliac disease", "coeliac"),
        ("Two of the Year 9s are diabetic", "diabetic"),
        ("Five of the Tuesday group have EHCPs", "EHCPs"),
        # How they are, with no condition named (health_states.txt).
        ("Harley has been really low since Christmas", "low"),
        ("He told Sam he's been feeling suicidal", "suicidal"),
        ("Mae isn't coping at home at the moment", "coping"),
        ("Dylan has been off his food all week", "off his food"),
        # A service first, then what it does for them (health_care_actions.txt).
        ("A social worker has been allocated to Kenzie", "social worker"),
        ("The speech and language therapist is seeing him on Fridays", "speech and language therapist"),
        # What they find hard, in everyday words (health_hard_things.txt).
        ("Orla finds busy places overwhelming", "busy places overwhelming"),
        ("Rhys can't concentrate for long", "concentrate for long"),
        ("Imani needs instructions written down", "instructions written down"),
    ],
)
def test_needs_said_loosely_are_found(found, text, need):
    assert any(need in f for f in found(text, "health"))


@pytest.mark.parametrize(
    "text",
    [
        "I've been so low this week, sorry for the late replies",
        "Not coping with this spreadsheet, send help",
        "Slight panic about the running order but it's fine",
        "Can we add more low end to the bass in the mix?",
        "The cellos are feeling low on rosin",
        "A talk on panic attacks for parents, Thursday 7pm",
        "Our new single is about feeling low and getting through it",
        "A social worker will speak at the safeguarding training",
        "Both bands have new drummers this term",
        "Jake can't read music very well yet, we'll use tab",
        "She finds the key change hard",
        "Ella's down to sing the first verse",
        # A figure in a report counts young people without naming any.
        "This quarter 23 young people with EHCPs took part, up from 15.",
        "Six students with hearing aids came to the loop-system trial",
    ],
)
def test_look_alikes_stay_quiet(found, text):
    assert found(text, "health") == []
