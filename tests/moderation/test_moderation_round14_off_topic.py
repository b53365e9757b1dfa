"""Round 14 policy for off-topic (issue 16): a side conversation is opened by
asking who has seen, played or read something, or by a school subject's work
("did anyone bomb the physics mock"), as well as by the distractions named in
the lists; everyone who has taken part carries it on, so one of them asking a
question or using one word of the work does not end it; and a plain answer
needs two words of the earlier work to bring the channel back. Asking about
the work in the same shape ("has anyone seen the new rota") opens nothing."""

from __future__ import annotations

import json

import pytest
from off_topic_support import Clock, off_topic

STRINGS = "#strings — Monday string group: parts, rehearsal notes and the spring concert"
CREW = "#gig-crew — volunteers for the youth gigs: rota, kit and load-in"


def flags(channel, purpose, messages) -> list[bool]:
    moderator, clock = channel(purpose), Clock()
    return [bool(off_topic(moderator.assess(user, text, clock()))) for user, text in messages]


@pytest.mark.parametrize(
    "opening",
    [
        "has anyone played the new spiderman game",
        "has anyone seen wicked yet",
        "did anyone finish the last hunger games",
    ],
)
def test_asking_who_has_seen_or_played_something_opens_a_side_conversation(channel, opening):
    messages = [
        ("ama", opening),
        ("bo", "yes!! finished it sunday"),
        ("ama", "no spoilers im only halfway"),
        ("cy", "the ending made me cry"),
    ]
    assert flags(channel, STRINGS, messages) == [False, False, True, True]


@pytest.mark.parametrize(
    "opening",
    [
        "did anyone else bomb the physics mock today",
        "did anyone finish the geography coursework",
        "who's done the chem homework",
    ],
)
def test_a_school_subjects_work_is_not_the_channels_work(channel, opening):
    messages = [
        ("rob", opening),
        ("tia", "nope, the last question was evil"),
        ("cal", "i left the whole last page blank lol"),
    ]
    assert flags(channel, CREW, messages) == [False, False, True]


def test_the_reason_names_what_opened_the_side_conversation(channel):
    moderator, clock = channel(CREW), Clock()
    for user, text in [("rob", "did anyone else bomb the physics mock"), ("tia", "totally, question 6 was evil")]:
        moderator.assess(user, text, clock())
    (finding,) = off_topic(moderator.assess("cal", "i left the last page blank lol", clock()))
    assert "school work" in finding.reason and "physics mock" in finding.reason


@pytest.mark.parametrize(
    "about_the_work",
    [
        "has anyone seen the new rota for December?",
        "has anyone tried the new compressor plugin on the studio PC?",
        "did anyone read the risk assessment for the trip?",
    ],
)
def test_asking_about_the_work_in_the_same_words_opens_nothing(channel, about_the_work):
    messages = [
        ("ama", about_the_work),
        ("bo", "yes it's on the drive"),
        ("cy", "thanks, found it"),
        ("ama", "cheers"),
    ]
    assert not any(flags(channel, CREW, messages))


def test_someone_already_in_the_side_conversation_asking_a_question_carries_it_on(channel):
    messages = [
        ("nia", "did anyone see the darts final"),
        ("sam", "littler was unbelievable"),
        ("nia", "that nine darter though"),
        ("sam", "wasn't it his second one this year? he's a machine"),
    ]
    assert flags(channel, STRINGS, messages) == [False, False, True, True]


def test_everyone_who_took_part_carries_it_on_not_only_its_last_poster(channel):
    messages = [
        ("owen", "did anyone see the six nations on saturday"),
        ("marc", "don't, I'm Welsh, still grieving"),
        ("dan", "that last try was daylight robbery"),
        ("marc", "I've rewatched it three times and it still hurts"),
    ]
    assert flags(channel, STRINGS, messages) == [False, False, True, True]


def test_a_plain_answer_needs_two_words_of_the_earlier_work_to_end_it(channel):
    work = [("dan", "Load-in is 5pm Friday, we need four on the van and someone in the queue for the lift")]
    side = [
        ("tia", "did anyone get glasto tickets? resale is sunday"),
        ("cal", "no, gave up after 40 mins in the queue last time"),
        ("rob", "I'm doing 4 browsers and my nan's laptop lol"),
    ]
    assert flags(channel, CREW, work + side) == [False, False, False, True]


def test_a_question_about_the_earlier_work_ends_it_whoever_asks(channel):
    messages = [
        ("dan", "Raffle prizes need collecting from the office by Friday"),
        ("tia", "anyone watching the darts tonight?"),
        ("cal", "yes at my nan's"),
        ("tia", "anyway! who's collecting the raffle prizes?"),
        ("cal", "me"),
    ]
    assert not any(flags(channel, CREW, messages))


def test_who_took_part_in_the_side_conversation_survives_a_restart(channel):
    moderator, clock = channel(STRINGS), Clock()
    for user, text in [
        ("nia", "did anyone see the darts final"),
        ("sam", "littler was unbelievable"),
        ("nia", "that nine darter though"),
    ]:
        moderator.assess(user, text, clock())
    restarted = channel(STRINGS)
    restarted.restore_state(json.loads(json.dumps(moderator.export_state())))
    # From someone who took part, a question naming a word of the work is more of the side conversation.
    assert off_topic(restarted.assess("sam", "did you hear his walk-on? proper tune", clock()))
