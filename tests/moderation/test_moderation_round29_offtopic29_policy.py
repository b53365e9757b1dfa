"""Round 29 policy for off-topic (issue 16): keeping a channel on track is never a breach, in the
forms people use for it among friends. Someone who apologises for their own aside or says it is
over closes it; a friend telling the others to focus is steering them back, not joining in; a reply
that answers the side conversation and then turns to a question about the work brings the channel
back."""

from __future__ import annotations

from off_topic_support import flags as flags_in

BAND = "#youth-band — Thursday youth band: set list, rehearsals and the Christmas gig"


def flags(channel, purpose, messages) -> list[bool]:
    return flags_in(channel(purpose), messages)


def test_a_writer_apologising_for_their_own_aside_closes_it(channel):
    messages = [
        ("gus", "Set list is pinned, please learn the new intro"),
        ("pip", "my rabbit escaped into next door's garden this morning"),
        ("pip", "found him under their shed eating the lettuce, rant over, sorry everyone"),
    ]
    assert flags(channel, BAND, messages) == [False, False, False]


def test_a_friend_telling_a_side_chat_to_focus_is_steering_it_back(channel):
    messages = [
        ("ali", "did anyone watch the darts final last night"),
        ("bea", "yes that last leg was unreal"),
        ("cas", "my dad was screaming at the telly"),
        ("dee", "lads focus 😂"),
    ]
    assert flags(channel, BAND, messages) == [False, False, True, False]


def test_answering_a_side_chat_then_turning_to_a_question_about_the_work_brings_it_back(channel):
    messages = [
        ("ali", "anyone watching the new season of bake off"),
        ("bea", "yes!! the showstopper round was chaos"),
        ("cas", "haven't seen that episode yet, no spoilers! anyway, do we repeat the middle section twice on Thursday?"),
    ]
    assert flags(channel, BAND, messages) == [False, False, False]



# The review of round 29: a close must end the message, and a nudge must be someone else's and meant.
def test_a_close_said_before_more_of_the_aside_is_no_close(channel):
    messages = [
        ("gus", "Set list is pinned, please learn the new intro"),
        ("pip", "did anyone see the darts final"),
        ("pip", "as you were lol, did you see the walk-on though? littler is a machine"),
    ]
    assert flags(channel, BAND, messages) == [False, False, True]


def test_focus_denied_asked_or_said_by_a_member_of_the_side_chat_is_no_nudge(channel):
    messages = [
        ("ali", "did anyone watch the darts final last night"),
        ("bea", "yes that last leg was unreal"),
        ("cas", "my dad was screaming at the telly"),
        ("ali", "can't focus on anything but darts rn"),
    ]
    assert flags(channel, BAND, messages) == [False, False, True, True]
