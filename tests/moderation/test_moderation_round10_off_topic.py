"""Round 10 policy for off-topic (issue 16): an aside the writer announces as
one ("total tangent but ...") opens a side conversation, and someone naming a
person from the work while answering it does not bring it back; an announced
aside that is about the work stays on topic."""

from __future__ import annotations

import pytest
from off_topic_support import Clock, off_topic

PURPOSE = "#choir-parents — parents of the youth choir: rehearsals, lifts, concert tickets and uniform"


def flags(channel, messages, purpose=PURPOSE) -> list[bool]:
    moderator, clock = channel(purpose), Clock()
    return [bool(off_topic(moderator.assess(user, text, clock()))) for user, text in messages]


@pytest.mark.parametrize(
    "announced",
    [
        "Total tangent but did anyone else sit through the Cherry and Whites on Saturday?",
        "completely unrelated but is anyone else glued to the bake off this year",
        "random q but has anyone tried that new noodle bar on the high street",
    ],
)
def test_an_announced_aside_is_a_side_conversation_from_its_third_message(channel, announced):
    side = [
        ("gareth", announced),
        ("kieran", "Don't. Left at half time, it was a shambles"),
        ("sian", "he has been in mourning since Saturday honestly"),
    ]
    assert flags(channel, side) == [False, False, True]


def test_naming_a_child_from_the_work_does_not_end_the_aside(channel):
    messages = [
        ("grace", "Tobi needs her choir folder on Thursday please"),
        ("linda", "Completely unrelated but is anyone else watching Strictly? I've got a fiver on the soap lad"),
        ("ade", "Ha Linda, me and Tobi watch every Saturday, she votes for whoever has the most sequins"),
        ("linda", "That paso doble last week though. Gave me palpitations"),
    ]
    assert flags(channel, messages) == [False, False, False, True]


def test_an_announced_aside_about_the_work_stays_on_topic(channel):
    messages = [
        ("deepa", "random q but can anyone give Anaya a lift to Thursday rehearsal?"),
        ("marcus", "yes happy to take her to rehearsal, we go past"),
        ("deepa", "thank you, she'll have her uniform and folder with her"),
    ]
    assert flags(channel, messages) == [False, False, False]


def test_the_reason_names_the_aside(channel):
    moderator, clock = channel(PURPOSE), Clock()
    found = []
    for user, text in [
        ("gareth", "Total tangent but did anyone else sit through the Cherry and Whites on Saturday?"),
        ("kieran", "Don't. Left at half time, it was a shambles"),
        ("sian", "he has been in mourning since Saturday honestly"),
    ]:
        found = off_topic(moderator.assess(user, text, clock()))
    assert found and 'an aside ("total tangent")' in found[0].reason
