"""Round 6 policy for off-topic: what brings a side conversation back, what
does not count as a message of one, and the working vocabulary of the
charity's channels (issue 16)."""

from __future__ import annotations

import pytest
from off_topic_support import Clock, off_topic

PURPOSE = "#gig-crew — the December showcase at the Corn Exchange"
SIDE = [
    ("ash", "did anyone watch the match last night"),
    ("bex", "yeah what a game, that second goal was filthy"),
    ("cal", "ref was blind for the whole first half tbh"),
]


def side_conversation(channel, purpose=PURPOSE):
    moderator, clock = channel(purpose), Clock()
    flagged = [bool(off_topic(moderator.assess(user, text, clock()))) for user, text in SIDE]
    assert flagged == [False, False, True]  # still caught from its 3rd message
    return moderator, clock


@pytest.mark.parametrize(
    "user, text",
    [
        ("dee", "anyone got the notes from Tuesday's session? I missed the end"),  # a question about the work
        ("hal", "I'll stick the stems in the shared drive after tea"),  # an offer of work materials
        ("kev", "reminder: arrive 6.30 for soundcheck, side door by the loading bay"),  # logistics
        ("nia", "could we do a raffle too? local shops might donate prizes"),  # a suggestion for the group's project
        ("ash", "can I take the 4-6 slot on wednesday instead?"),  # even from someone in the side conversation
        ("qin", "muting this till the football is over 😅"),  # leaving it
    ],
)
def test_a_return_to_the_work_ends_a_side_conversation(channel, user, text):
    moderator, clock = side_conversation(channel)
    assert not off_topic(moderator.assess(user, text, clock()))
    # and the short reply after it is not the side conversation's next message
    assert not off_topic(moderator.assess("bex", "yep will do", clock()))


def test_one_work_word_in_passing_does_not_end_a_side_conversation(channel):
    moderator, clock = side_conversation(channel)
    # A statement, not a return: the band is on the telly.
    assert off_topic(moderator.assess("ash", "that band at half time was terrible though", clock()))


@pytest.mark.parametrize("reaction", ["😂😂", "lol", "hahahaha", "💀", "lmaooo 🤣"])
def test_laughter_and_emoji_alone_are_neither_flagged_nor_counted(channel, reaction):
    moderator, clock = channel(PURPOSE), Clock()
    moderator.assess("ash", SIDE[0][1], clock())
    assert not off_topic(moderator.assess("bex", reaction, clock()))
    assert not off_topic(moderator.assess("bex", reaction, clock()))
    assert not off_topic(moderator.assess("cal", SIDE[1][1], clock()))  # the 2nd real message
    assert off_topic(moderator.assess("ash", SIDE[2][1], clock()))  # the 3rd


def test_one_persons_posts_about_different_parts_of_the_work_are_on_topic(channel):
    moderator, clock = channel("#showcase — the summer showcase"), Clock()
    for text in [
        "the snare stand in room 2 has a bent leg",
        "I've bounced the vocal takes to wavs, they're in the folder",
        "doors open at 7 and we're on third, so load-in by 5",
        "parking is round the back, the minibus can go in the staff bay",
        "is the register sorted for the trip on friday, and is the assessment on laptops?",
    ]:
        assert not off_topic(moderator.assess("tom", text, clock())), text


def test_a_comparison_is_not_a_distraction(channel):
    moderator, clock = channel("#choir-committee — the youth choir's committee"), Clock()
    assert not off_topic(moderator.assess("ben", "the altos sound like a bunch of strangled cats", clock()))
    assert not off_topic(moderator.assess("sol", "the tenors aren't much better", clock()))
    assert not off_topic(moderator.assess("ben", "sol you sing like a foghorn lol", clock()))
