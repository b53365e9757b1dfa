"""Repetition: the same or nearly the same message within the window."""

from __future__ import annotations

import pytest

from bot.moderation import ChannelModerator, ModerationConfig

T0 = 1_700_000_000
DAY = 24 * 60 * 60
SPAM = "Hey everyone, come to my gig tonight at the Fleece!"


def ts(seconds: float) -> str:
    return f"{T0 + seconds:.6f}"


def repetition(findings) -> list:
    return [f for f in findings if f.rule == "repetition"]


def test_a_message_repeated_just_under_a_day_later_counts(channel):
    moderator = channel()
    assert not moderator.assess("U1", SPAM, ts(0))
    found = repetition(moderator.assess("U1", SPAM, ts(DAY - 1)))
    assert found and found[0].reason == "Same as a message posted 23 h 59 min earlier by the same person."
    assert found[0].evidence["earlier_ts"] == ts(0)


def test_a_copy_of_someone_elses_message_says_so_in_plain_words(channel):
    moderator = channel()
    moderator.assess("U1", SPAM, ts(0))
    found = repetition(moderator.assess("U2", SPAM, ts(60)))
    assert found and found[0].reason == "Same as a message posted 1 min earlier by someone else."
    assert found[0].evidence["earlier_user"] == "U1"


def test_a_message_repeated_just_over_a_day_later_does_not(channel):
    moderator = channel()
    moderator.assess("U1", SPAM, ts(0))
    assert not repetition(moderator.assess("U1", SPAM, ts(DAY + 1)))


def test_exactly_a_day_later_is_not_less_than_a_day(channel):
    moderator = channel()
    moderator.assess("U1", SPAM, ts(0))
    assert not repetition(moderator.assess("U1", SPAM, ts(DAY)))


def test_the_window_is_configurable(rulebook):
    from bot.moderation import RuleBook

    hour = RuleBook(ModerationConfig(repetition_window_seconds=3600))
    moderator = ChannelModerator(rulebook=hour)
    moderator.assess("U1", SPAM, ts(0))
    assert repetition(moderator.assess("U1", SPAM, ts(3599)))
    assert not repetition(moderator.assess("U2", SPAM, ts(3599 + 3600)))


@pytest.mark.parametrize("short", ["thanks!", "+1", "same", "see you there", "yes me too!!", "lol"])
def test_short_replies_never_count(channel, short):
    moderator = channel()
    for n in range(5):
        assert not moderator.assess(f"U{n}", short, ts(n))


def test_five_words_is_enough_four_is_not(channel):
    moderator = channel()
    moderator.assess("U1", "bring spare strings on Friday", ts(0))  # five words
    assert repetition(moderator.assess("U2", "bring spare strings on Friday", ts(10)))
    moderator.assess("U1", "bring spare strings Friday", ts(20))  # four words
    assert not repetition(moderator.assess("U2", "bring spare strings Friday", ts(30)))


def test_courtesy_messages_from_several_people_are_not_repetition(channel):
    moderator = channel()
    for n, text in enumerate(["Thank you so much everyone!", "thank you so much everyone", "Happy birthday, have a great day!", "happy birthday have a great day"]):
        assert not moderator.assess(f"U{n}", text, ts(n))


@pytest.mark.parametrize(
    "copy",
    [
        "hey everyone come to my gig tonight at the fleece",  # case and punctuation
        "Hey everyone, come to my gig tonight at the Fleece!!! :fire:",  # decoration
        "<@U77> Hey everyone, come to my gig tonight at the Fleece!",  # aimed at someone
        "Hey everyone, come to my gig tonight at the Fleeeeece!",  # stretched
        "Hey everyone, come to my gig tomorrow at the Fleece!",  # one word changed
        "Hey everyone, please come to my gig tonight at the Fleece!",  # one word added
    ],
)
def test_near_duplicates_count(channel, copy):
    moderator = channel()
    moderator.assess("U1", SPAM, ts(0))
    found = repetition(moderator.assess("U2", copy, ts(60)))
    assert found, copy


@pytest.mark.parametrize(
    "different",
    [
        "Rehearsal is at six on Friday in the big room",
        "Hey everyone, who fancies a jam session on Sunday afternoon?",
        "Come to the Fleece tonight",  # too short, and different
    ],
)
def test_different_messages_do_not_count(channel, different):
    moderator = channel()
    moderator.assess("U1", SPAM, ts(0))
    assert not repetition(moderator.assess("U2", different, ts(60)))


def test_several_people_copying_each_count_and_name_the_original(channel):
    moderator = channel()
    moderator.assess("U1", SPAM, ts(0))
    for n in range(2, 6):
        found = repetition(moderator.assess(f"U{n}", SPAM, ts(n * 60)))
        assert found and found[0].evidence["earlier_user"] == "U1"


def test_an_edit_is_not_a_repeat_of_its_own_earlier_text(channel):
    moderator = channel()
    moderator.assess("U1", SPAM, ts(0))
    assert not repetition(moderator.assess_edit("U1", SPAM + " Doors at 8.", ts(0)))
    # but the edited text is what later copies are compared with
    assert repetition(moderator.assess("U2", SPAM + " Doors at 8.", ts(30)))


def test_an_edit_that_copies_an_earlier_message_counts(channel):
    moderator = channel()
    moderator.assess("U1", SPAM, ts(0))
    moderator.assess("U2", "ok", ts(10))
    assert repetition(moderator.assess_edit("U2", SPAM, ts(10)))


def test_channels_do_not_share_memory(rulebook):
    from bot.moderation import Moderator

    moderator = Moderator(rulebook=rulebook)
    moderator.assess("C1", "U1", SPAM, ts(0))
    assert not moderator.assess("C2", "U1", SPAM, ts(10))
    assert repetition(moderator.assess("C1", "U2", SPAM, ts(20)))


def test_memory_stays_bounded_by_the_window(channel):
    moderator = channel()
    index = moderator.rulebook.rules[4].index(moderator.context)
    for n in range(3000):
        moderator.assess(f"U{n % 7}", f"message number {n} about the {n % 13} rehearsal plans", ts(n * 60))
    # 24 hours of one message a minute: never more than a day's worth
    assert len(index) <= DAY // 60 + 1
    assert index.bucket_count <= 10 * (DAY // 60 + 1)


def test_memory_stays_bounded_by_the_cap(rulebook):
    from bot.moderation import RuleBook

    capped = RuleBook(ModerationConfig(max_remembered_messages_per_channel=100))
    moderator = ChannelModerator(rulebook=capped)
    for n in range(1000):
        moderator.assess("U1", f"a different message each time, number {n} of many", ts(n))
    index = capped.rules[4].index(moderator.context)
    assert len(index) == 100


def test_state_survives_a_restart(rulebook):
    import json

    from bot.moderation import Moderator

    before = Moderator(rulebook=rulebook)
    before.assess("C1", "U1", SPAM, ts(0))
    saved = json.loads(json.dumps(before.export_state()))
    assert SPAM not in json.dumps(saved)  # hashes, not text

    after = Moderator(rulebook=rulebook)
    after.restore_state(saved)
    assert repetition(after.assess("C1", "U2", SPAM, ts(60)))


def test_warming_up_from_history_remembers_without_assessing(channel):
    moderator = channel()
    moderator.remember("U1", SPAM, ts(0))
    assert repetition(moderator.assess("U2", SPAM, ts(60)))


def test_a_copy_of_a_reported_message_is_that_breach_again_and_a_copy(channel):
    # An advert posted twice is still an advert: the copy keeps its content
    # finding beside repetition (both on the message's one card), and the
    # repetition reason names what the first one was reported for.
    moderator = channel()
    advert = "Selling my old PS4 with two controllers, £80, message me"
    assert [f.rule for f in moderator.assess("U1", advert, ts(0))] == ["solicitation"]
    copy = moderator.assess("U1", advert, ts(30))
    assert {f.rule for f in copy} == {"solicitation", "repetition"}
    assert next(f for f in copy if f.rule == "repetition").reason == (
        "Same as a message posted under a minute earlier by the same person (that one was reported for solicitation)."
    )


def test_a_copy_that_adds_something_reportable_keeps_that_reason(channel):
    moderator = channel()
    moderator.assess("U1", "is anyone bringing the spare keyboard stand to the gig tonight", ts(0))
    found = moderator.assess("U1", "is anyone bringing the spare keyboard stand to the gig tonight you fucking idiots", ts(60))
    assert {f.rule for f in found} == {"abuse", "repetition"}
