"""Round 13 of issue 16 (thx13), as policy: threats that promise a consequence
without naming it, and leverage held over someone (contacts with a say over
their affairs, a record kept of their doings, "dirt" on them), beside the
reminders, surprises, helpful contacts and book-keeping that only look like them.

Each kind is a class: a consequence known to be "coming", wished for "or else",
regretted by a body of people, "consequences" as the price of a condition, a
thing that "won't end well"; contacts plus a stake plus a pointed reminder; a
record plus a hint at who might see it. The labelled channels are
tests/moderation/data/round13_thx13*.jsonl.
"""

from __future__ import annotations

import pytest

UNNAMED_CONSEQUENCES = [
    "tell kev he knows what's coming if he shows up at training",
    "you've no idea what's coming for you pal",
    "hand the keys back by the weekend or you'll wish you had",
    "if that vote goes through the trustees will regret it",
    "bring the float back monday or there'll be consequences",
    "this won't end well for you sharon",
    "she'll soon learn what happens when people go against me",
]

LEVERAGE = [
    "I know a few people at the council who sign off your grant. just so you're aware",
    "I've been keeping a record of where the raffle money went. the police might be interested",
    "keep pushing and see, I've got plenty on you",
]

CLEAN = [
    "put the chairs back by Friday or we lose the deposit",
    "you'll regret not coming, it was amazing",
    "you know what's coming — cake! 🎂",
    "my cousin knows someone at the council who signs off grants, I'll ask her to help",
    "I've kept a note of who has paid subs, list goes up Friday",
    "return the costumes by monday or there'll be a late fee",
    "mark my words, it'll be a sell-out",
    "we've got plenty on this week, two matches and a quiz",
    "you'll wish you'd booked earlier, tickets are nearly gone",
    "results are out tomorrow, you'll find out then if we placed",
]


@pytest.mark.parametrize("text", UNNAMED_CONSEQUENCES)
def test_a_consequence_promised_but_unnamed_is_a_threat(findings, text):
    assert "threat" in findings(text), text


@pytest.mark.parametrize("text", LEVERAGE)
def test_leverage_held_over_someone_is_a_threat(findings, text):
    assert "threat" in findings(text), text


@pytest.mark.parametrize("text", CLEAN)
def test_reminders_surprises_help_and_book_keeping_are_not_threats(findings, text):
    assert "threat" not in findings(text), text
