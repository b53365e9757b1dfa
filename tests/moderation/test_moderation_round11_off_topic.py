"""Round 11 policy for off-topic (issue 16): a side conversation opened by
asking about an outing or a show ("who's seeing the wicked film this
weekend") is carried on by short replies with no work in them, from its third
message; a message in the channel's own terms (a diss track in a rap writing
channel, tuba players in a brass band's) ends it; a plan to go somewhere
"after practice" is not the practice; and asking who is "going to" do the
work's jobs opens nothing."""

from __future__ import annotations

import pytest
from off_topic_support import Clock, off_topic


def flags(channel, purpose, messages) -> list[bool]:
    moderator, clock = channel(purpose), Clock()
    return [bool(off_topic(moderator.assess(user, text, clock()))) for user, text in messages]


@pytest.mark.parametrize(
    "opening",
    [
        "who's seeing the new Pixar film this weekend",
        "anyone going to Leeds fest this year",
        "did anyone see the Strictly results last night",
        "watched the whole of Squid Game at the weekend",
    ],
)
def test_an_outing_or_a_show_is_carried_on_by_short_replies(channel, opening):
    messages = [
        ("ama", opening),
        ("bo", "me!! cant wait"),
        ("ama", "no way, same"),
        ("cy", "take me with you"),
    ]
    assert flags(channel, "#drama-club — rehearsals for the summer show", messages) == [False, False, True, True]


def test_a_plan_for_the_work_said_with_going_to_opens_nothing(channel):
    messages = [
        ("ama", "who's going to bring the spare leads tonight"),
        ("bo", "me"),
        ("cy", "I'll do it if bo forgets"),
        ("bo", "I won't 😤"),
    ]
    assert not any(flags(channel, "#band-practice — Saturday rehearsals for the school rock band", messages))


@pytest.mark.parametrize(
    ("purpose", "own_terms"),
    [
        ("#bars — grime and rap writing workshop, Wednesday nights", "can I write a diss about my little brother"),
        ("#brass-band — Thursday rehearsals and the march contest", "how many cornet players does it take to change a bulb"),
        ("#choir-committee — running the community choir", "the sopranos will riot if we do that one again"),
    ],
)
def test_the_channels_own_terms_end_a_side_conversation(channel, purpose, own_terms):
    messages = [
        ("dev", "anyone watching the darts tonight?"),
        ("eli", "yes at my nan's"),
        ("dev", "lucky"),
        ("fay", own_terms),
    ]
    assert flags(channel, purpose, messages) == [False, False, True, False]


def test_the_cinema_after_practice_is_not_the_practice(channel):
    messages = [
        ("gus", "cinema after practice?"),
        ("hal", "what's on"),
        ("gus", "the new horror one"),
    ]
    assert flags(channel, "#band-practice — Saturday rehearsals for the school rock band", messages) == [False, False, True]


def test_a_polite_closer_and_a_short_no_to_a_work_question_are_not_flagged(channel):
    messages = [
        ("ivy", "saw the new Gladiators last night, proper cheesy"),
        ("jo", "love it though"),
        ("ivy", "my son wants to go on it"),
        ("kay", "save it for the pub folks 🙂 can we agree the carol concert date?"),
        ("jo", "no 😂 not till I've checked the church"),
    ]
    assert flags(channel, "#choir-committee — running the community choir", messages) == [False, False, True, False, False]
