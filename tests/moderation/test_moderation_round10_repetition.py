"""Round 10 policy: the same person's message posted again in other words is a repeat;
a follow-up, another person's question and a rule restated to someone else are not."""

from __future__ import annotations

T0 = 1_700_000_000


def ts(seconds: float) -> str:
    return f"{T0 + seconds:.6f}"


def repeated(moderator, posts) -> list[bool]:
    return [any(f.rule == "repetition" for f in moderator.assess(u, t, ts(n * 60))) for n, (u, t) in enumerate(posts)]


def test_the_same_ask_again_in_other_words_is_a_repeat(channel):
    assert repeated(channel(), [
        ("U1", "Anyone got a spare audio interface I could borrow Thursday? Recording vocals at home"),
        ("U1", "anyone?? need a spare interface for thurs"),
    ]) == [False, True]


def test_a_shortened_advert_with_the_same_code_and_link_is_a_repeat(channel):
    assert repeated(channel(), [
        ("U1", "my cousin does custom guitar straps, 15% off with code STRAPZ15 at strapzuk.com"),
        ("U1", "strapzuk.com use STRAPZ15 for money off"),
    ]) == [False, True]


def test_a_follow_up_that_adds_something_is_not(channel):
    assert repeated(channel(), [
        ("U1", "Anyone got a spare audio interface I could borrow Thursday?"),
        ("U1", "thanks, I'll collect the interface Thursday after school"),
    ]) == [False, False]


def test_two_people_asking_much_the_same_question_is_not(channel):
    assert repeated(channel(), [
        ("U1", "does anyone know what time soundcheck is on Friday?"),
        ("U2", "what time is soundcheck on friday, does anyone know?"),
    ]) == [False, False]


def test_a_moderator_restating_a_rule_to_different_people_is_not(channel):
    assert repeated(channel(), [
        ("M", "TJ, please don't post adverts here, this channel is for the band"),
        ("M", "Sam, please don't post adverts here, this channel is for the band"),
    ]) == [False, False]


def test_a_reworded_copy_more_than_a_day_later_is_not(channel):
    moderator = channel()
    moderator.assess("U1", "Doing mixing and mastering for demos, £20 a track, DM me", ts(0))
    found = moderator.assess("U1", "still doing mixes n masters, twenty quid a track, hit me up", ts(25 * 3600))
    assert not any(f.rule == "repetition" for f in found)
