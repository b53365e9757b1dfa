"""Round 7 of issue 16 (abil7), as policy: abuse without swear words and
illegal acts in plain words, each a class of sentence, with the look-alikes
that must stay clean beside it. The labelled channels for the round are in
tests/moderation/data/round7_abil7*.jsonl.
"""

from __future__ import annotations

import pytest

WORK_CHANNEL = "#band-practice — rehearsals, setlists and gear for the youth band"

# A people spoken of as "those people" or "his lot", with what they all do;
# someone's things guarded because of who they are; a faith called backward.
GROUP_GENERALISATIONS = [
    "them lot from the flats never pay for nothing, every time",
    "her lot always cause trouble at the bus stop",
    "refugees can't be trusted with the kit",
    "new lad's a traveller so watch your bags in the green room",
    "that's a backwards religion if you ask me",
]

# A disability, or a made-up one, used to mock someone.
DISABILITY_MOCKERY = [
    "she counts in like she's got half a brain",
    "bro tunes his guitar with learning disability energy",
    "wonky brain vibes from the bassist today",
]

# An insult by comparison, and shutting someone out.
COMPARISONS_AND_EXCLUSION = [
    "that mix looks like a car crash, same as your face",
    "no one invited u to this rehearsal",
    "you're not welcome in this band anymore",
]

ABUSE_LOOK_ALIKES = [
    "Comments like 'no one invited u to this rehearsal' are against our chat rules, Harvey.",
    "Riley said 'her lot always cause trouble', that's not ok and I've logged it",
    "the special school down the road has booked the studio for Friday",
    "my lot are all coming to the gig, can I get 4 tickets",
    "honest feedback: the bridge drags and the vocal is flat",
    "ha you numpty 😂 left your sticks on the bus again",
    "I love your face paint, looks like a tiger",
    "keep an eye on the cash box during the interval please",
]

# Stolen goods offered, goods hidden from a shop's staff, drugs brought for
# anyone who wants them.
ILLEGAL = [
    "got some airpods off the back of a lorry, a tenner each",
    "anyone want a new hoodie, no receipts mind, cash only",
    "stuffed a couple of chocolate bars in my pocket at the spar, no one noticed",
    "slipped two lipsticks in my coat at boots while the security guard was chatting",
    "got a few pingers for saturday if anyone's up for it",
]

ILLEGAL_LOOK_ALIKES = [
    "Drug awareness workshop on Tuesday: what to do if someone is offered pills",
    "I've got paracetamol for anyone with a headache",
    "selling my old amp, £40, I've still got the receipt",
    "put your phones in your bag before security checks at the door",
    "lost property: a grey hoodie in the office, ask Jo",
    "lift share from Stroud on Saturday, split the petrol",
]


@pytest.mark.parametrize("text", GROUP_GENERALISATIONS + DISABILITY_MOCKERY + COMPARISONS_AND_EXCLUSION)
def test_abuse_without_swear_words(findings, text):
    assert "abuse" in findings(text, purpose=WORK_CHANNEL)


@pytest.mark.parametrize("text", ABUSE_LOOK_ALIKES)
def test_quoting_reporting_teasing_and_feedback_are_not_abuse(findings, text):
    assert "abuse" not in findings(text, purpose=WORK_CHANNEL)


@pytest.mark.parametrize("text", ILLEGAL)
def test_illegal_acts_in_plain_words(findings, text):
    assert "illegal" in findings(text, purpose=WORK_CHANNEL)


@pytest.mark.parametrize("text", ILLEGAL_LOOK_ALIKES)
def test_awareness_medicines_and_second_hand_kit_are_not_illegal(findings, text):
    assert "illegal" not in findings(text, purpose=WORK_CHANNEL)


def test_reasons_name_the_words_that_triggered_them(findings):
    reason = findings("got some airpods off the back of a lorry, a tenner each")["illegal"]
    assert '"off the back of a lorry"' in reason and '"a tenner"' in reason
    reason = findings("wonky brain vibes from the bassist today")["abuse"]
    assert '"wonky brain"' in reason and '"vibes"' in reason
