"""Threats and defamation; idioms, hyperbole and music talk are not."""

from __future__ import annotations

import pytest

from bot.moderation import assess_text

THREATS = [
    "I'll find where you live",
    "I know where you live",
    "i'm going to kill you",
    "im gonna stab u",
    "I will hurt you",
    "ill batter him",
    "I'll kill <@U123>",
    "I'll smash your face in",
    "i'll break your legs",
    "you're dead",
    "ur dead mate.",
    "watch your back",
    "you'll regret this",
    # The harm after a first step, others sent to do it, or a violent word left out.
    "I'm going to find you and batter you",
    "I'm gonna wait for you outside and break your hands",
    "I'll smash your phone and then your face",
    "I've got mates who'll jump you",
    "she's dead after the gig",
    "if you grass I'll find out who and you'll get hurt",
    "say that again and I'll deal with you",
    # "not even joking" says it is meant, whatever else is there.
    "I'll knock her teeth out, I'm not even joking 😂",
    "wait till I see you",
    "we're gonna jump him after school",
    "I'll leak your nudes",
    "I'm going to post your address",
    "imma hunt you down",
    "i'll come round and punch you",
]

DEFAMATION = [
    "Dave is a thief",
    "the council are crooks",
    "Mr Jones is a paedo",
    "our manager is a fraud",
    "she's a thief",
    "they're all criminals",
    "the treasurer stole the money",
    "Sam nicked money from the tin",
    "that teacher is a nonce",
    "you're a scammer",
]

NOT_THREATS = [
    "you killed that solo",
    "killed it last night!",
    "I could murder a pizza",
    "you slayed it",
    "we're going to kill it tonight",
    "smash the gig tomorrow!",
    "my mum's gonna kill me if I'm late",
    "I could kill him for being late",  # hyperbole
    "break a leg!",
    "you're dead good at this",
    "that drop hits hard",
    "I'll beat you at FIFA",
    "I'll burn you a CD",
    "i'll get you a drink",
    "the beat is murder on the dancefloor",
    "I'll find you a seat at the front",
    "I'll deal with the amp tomorrow",
    "I'll wait for you by the bike racks",
    "I'll sort out the rota tonight",
    "I'm a thief of hearts",  # the writer, not someone else
    "there's a thief about, lock your cases",
    "someone stole my bike",
    "the drummer stole the show",
    "you stole my heart with that ballad",
    "she's a criminal defence lawyer's daughter",
    "my guitar neck is bent",
    "the file is corrupt",
    "who is the thief in the play?",
]


@pytest.mark.parametrize("text", THREATS)
def test_threats_count(findings, text):
    assert "threat" in findings(text)


@pytest.mark.parametrize("text", DEFAMATION)
def test_accusing_someone_of_a_crime_counts(findings, text):
    assert findings(text)["threat"].startswith("Accuses someone of a crime or worse")


@pytest.mark.parametrize("text", NOT_THREATS)
def test_idioms_hyperbole_and_music_talk_are_not_threats(findings, text):
    assert "threat" not in findings(text)


def test_threat_reason_quotes_the_threat(findings):
    assert findings("I'll find where you live")["threat"] == 'Threat of violence ("i\'ll find where you live").'


def test_a_mentioned_person_reads_as_someone(findings):
    assert "@someone" in findings("I'll kill <@U123>")["threat"]


@pytest.mark.parametrize(
    "text",
    [
        "sit in my seat again and u'll be sorry",
        "yous are gonna regret this when my cousin hears",
        "Tom had better watch himself after practice",
        "if I don't get picked then sam is gonna get it",
        "move my stand again and watch yourself",
        "ur gonna wish u never said that",
    ],
)
def test_threats_with_no_violent_word(text):
    assert [f.rule for f in assess_text(text)] == ["threat"]


@pytest.mark.parametrize(
    "text",
    [
        "you'll regret missing the workshop, it was brilliant",
        "mind yourself on the ramp, it's icy",
        "I'll find you after the concert to give you the folder",
    ],
)
def test_warnings_and_plans_are_not_threats(text):
    assert not [f for f in assess_text(text) if f.rule == "threat"]


def test_a_whole_people_accused_is_reported_as_abuse_not_as_defamation():
    assert [f.rule for f in assess_text("them polish lads at the warehouse are thieves")] == ["abuse"]
