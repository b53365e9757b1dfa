"""Round 11 of issue 16 (thab11), as policy: threats with no condition and no
violent word, body-shaming by food and size jokes, and the talk that only
looks like them.

Each kind is a class of sentence: gloating that what someone has won't last,
a smirk at someone's prized things, a weapon brought to a confrontation, a
person's size blamed on what they eat or on the furniture. The look-alikes are
criticism of refs, councils, teams, public figures and decisions, the writer's
own mince pies, weather and offers enjoyed "while it lasts", a bat brought to
a match, and a load limit said as safety. The labelled channels are
tests/moderation/data/round11_thab11*.jsonl.
"""

from __future__ import annotations

import pytest

# Gloating, with no condition and no violent word.
GLOATING = [
    "make the most of your little band while it lasts",
    "we'll see how long your precious committee lasts",
    "@sam won't be smirking like that by christmas",
    "not much longer you'll be captain, enjoy",
    "be a terrible shame if anything were to happen to the float before the parade",
]

# Someone's things sneered at with a smirk; a weapon brought to a face-off.
THINGS_AND_WEAPONS = [
    "your shiny new drum kit's gonna sound amazing after friday 😏",
    "I'm bringing the hockey stick saturday in case his dad kicks off again",
]

# A person's size blamed on food or doubted by the furniture, no insult word.
BODY_SHAMING = [
    "you'll need two chairs at the awards after all them doughnuts",
    "go easy on the sausage rolls before you tell us how to warm up",
    "hope the risers can take his weight when he sits down",
]

NOT_ABUSE = [
    "that ref was a disgrace, three penalties missed",
    "the council are a joke, still no heating in the hall",
    "the manager's tactics were a shambles and he's a joke",
    "I've eaten so many mince pies I'll need two seats on the coach 😂",
    "go easy on the crisps please, there's only one bag for everyone",
    "don't worry, the stage can take your weight, it's been checked",
]

NOT_THREATS = [
    "enjoy the sunshine while it lasts, rain from Thursday",
    "enjoy your little ones while you can, they grow up so fast",
    "you won't be waiting much longer, the coach is ten minutes away",
    "bringing my cricket bat sunday for the parents v kids match",
    "got plasters in my bag in case anyone falls on the walk",
    "such a shame if it rains on the day after all that planning",
]


@pytest.mark.parametrize("text", GLOATING + THINGS_AND_WEAPONS)
def test_threats_without_conditions_count(findings, text):
    assert "threat" in findings(text), text


@pytest.mark.parametrize("text", BODY_SHAMING)
def test_body_shaming_by_food_and_size_counts(findings, text):
    assert "abuse" in findings(text), text


@pytest.mark.parametrize("text", NOT_ABUSE + NOT_THREATS)
def test_look_alikes_stay_clean(findings, text):
    found = findings(text)
    assert "abuse" not in found and "threat" not in found, (text, found)


def test_a_verdict_said_to_a_member_is_still_an_insult(findings):
    assert "abuse" in findings("honestly you're a joke, nobody asked you")


def test_the_reason_says_which_words(findings):
    reason = findings("you'll need two chairs at the awards after all them doughnuts")["abuse"]
    assert '"doughnuts"' in reason and '"two chairs"' in reason
