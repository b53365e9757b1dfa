"""Round 7 policy for off-topic (issue 16): a side conversation that opens
without a listed distraction, in the words of leisure (a festival, a series
told by its plot, a match at a local ground, a celebrity), and the work that
uses the same words (a festival the charity has a stall at, a gig the group
is playing), which stays on topic."""

from __future__ import annotations

import pytest
from off_topic_support import Clock, off_topic

PURPOSE = "#fundraising-team — planning the spring fundraiser"


def flags(channel, messages, purpose=PURPOSE) -> list[bool]:
    moderator, clock = channel(purpose), Clock()
    return [bool(off_topic(moderator.assess(user, text, clock()))) for user, text in messages]


@pytest.mark.parametrize(
    "opener",
    [
        "who's heading to glastonbury in june",  # a festival, named as leisure
        "that finale was unreal, nobody saw the twist coming",  # a series, by its plot
        "kingsholm was loud on friday night",  # a local ground
        "did u see what she wore on the red carpet",  # a celebrity
        "finally booked the flight home from Rome",  # travel
    ],
)
def test_a_side_conversation_in_the_words_of_leisure_is_caught_from_its_third_message(channel, opener):
    side = [
        ("ana", opener),
        ("bo", "honestly can't stop thinking about it"),
        ("ana", "same, we talked about nothing else all weekend"),
    ]
    assert flags(channel, side) == [False, False, True]


@pytest.mark.parametrize(
    "purpose, messages",
    [
        # The charity's stall at a festival is the work.
        (
            "#outreach — events where the charity has a stall or plays",
            [
                ("ana", "the festival has given us a stall near the main gate"),
                ("bo", "great, I'll bring the banner and the collection tins"),
                ("cy", "I can do the morning shift on the stall"),
            ],
        ),
        # A gig the group is playing is the work.
        (
            "#band-project — rehearsals for the under-18 band project",
            [
                ("ana", "the festival want us on the second stage at 3"),
                ("bo", "so a 25 minute set, we need to cut two songs"),
                ("cy", "let's drop the slow one and keep the cover"),
            ],
        ),
    ],
)
def test_a_festival_or_gig_that_is_the_work_stays_on_topic(channel, purpose, messages):
    assert flags(channel, messages, purpose) == [False, False, False]


def test_a_single_aside_and_a_polite_reply_stay_clean(channel):
    messages = [("ana", "sorry, the series finale kept me up late"), ("bo", "ha no worries")]
    assert flags(channel, messages) == [False, False]


def test_a_moderator_closing_the_side_chat_ends_it(channel):
    messages = [
        ("ana", "anyone got tickets for the six nations"),
        ("bo", "yes! twickenham in march, can't wait"),
        ("dee", "let's take the rugby chat to #random please"),
        ("ana", "sorry!"),
        ("bo", "fair enough"),
    ]
    assert flags(channel, messages) == [False, False, False, False, False]


def test_social_channels_never_have_off_topic_runs(channel):
    messages = [
        ("ana", "who's heading to glastonbury in june"),
        ("bo", "me, the line up is insane this year"),
        ("cy", "gutted I didn't get tickets"),
    ]
    assert flags(channel, messages, "#random — chat about anything, off topic welcome") == [False, False, False]


def test_leisure_is_flagged_from_the_third_message_not_the_second(channel):
    # Our labelled sets count a side conversation's first reply as a reply;
    # flagging it cost more false alarms than it caught (see the round 7 report).
    messages = [("ana", "kingsholm was loud on friday night"), ("bo", "the lineout in the second half was a mess")]
    assert flags(channel, messages) == [False, False]
