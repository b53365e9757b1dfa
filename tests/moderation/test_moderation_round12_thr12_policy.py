"""Round 12 of issue 16 (thr12), as policy: veiled threats with no violent word
and no condition, put-downs of body, age, disability or ability with no insult
word, and the banter, self-deprecation and criticism that only look like them.

Each kind is a class: a loss foretold of someone's place or group, mock regret
at harm to their things, a visit with a tool to settle a dispute, knowing
someone's routine; a walking aid or hearing mocked, someone's age or ability
mocked, food to go without, a weight limit pointed at someone. The labelled
channels are tests/moderation/data/round12_thr12*.jsonl.
"""

from __future__ import annotations

import pytest

VEILED_THREATS = [
    "enjoy being treasurer while you can sandra",
    "make the most of your solo, you won't have it much longer",
    "nice new shed you've got there pete, I wouldn't get too attached to it",
    "there won't be much of a quiz team left once I've had my say",
    "be a real shame if your bike tyres went flat before the ride",
    "I'll bring the sledgehammer when I come round to have a word about that wall",
    "I know what time you finish your shift lucy",
]

PUT_DOWNS = [
    "he'll never keep up on the walk with that zimmer frame",
    "at her age she can barely see the music never mind sing it",
    "watching colin try to lift the raffle box, bless him",
    "maybe jan should give the pudding a miss this week",
    "someone tell big steve the bench has a weight limit",
]

CLEAN = [
    "touch my chips and you're dead 😂",
    "love u kev, you're a legend xx",
    "enjoy your weekend while you can, exams start monday",
    "there won't be much of the buffet left by nine, come early",
    "accidents happen, I dropped my phone in the pond last week",
    "bring the strimmer on saturday if you can, the grass is long",
    "I'm too old for all this running about 😂",
    "my hearing aid needs new batteries, can't hear a thing",
    "the ref couldn't see a foul if you paid him",
    "can we save doreen a seat at the front? she can't hear at the back",
    "I'll give the cake a miss tonight, still full from lunch",
    "the lift has a weight limit of 400kg, so go up in twos",
    "what's that song that goes 'I know where you live'? can't remember the band",
]


@pytest.mark.parametrize("text", VEILED_THREATS)
def test_veiled_threats_without_a_condition_count(findings, text):
    assert "threat" in findings(text), text


@pytest.mark.parametrize("text", PUT_DOWNS)
def test_put_downs_without_insult_words_count(findings, text):
    assert "abuse" in findings(text), text


@pytest.mark.parametrize("text", CLEAN)
def test_banter_self_deprecation_and_criticism_stay_clean(findings, text):
    found = findings(text)
    assert "abuse" not in found and "threat" not in found, (text, found)


def test_the_reason_names_the_words_of_a_loss_foretold(findings):
    reason = findings("enjoy being treasurer while you can sandra")["threat"]
    assert '"treasurer"' in reason and '"while you can"' in reason
