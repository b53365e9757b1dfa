"""Round 23 of issue 16 (everyday23), as policy 5.7 (illegal activity, abuse, repetition).

Illegal acts in everyday words: nitrous kit for a night out, cash paid so the tax is skipped,
a name sprayed on a public building, tobacco with no duty paid. Abuse with no listed word:
someone's looks likened to an everyday thing, "gay for" said as a sneer about someone, migrants
told to go with the country called full. Repetition: one person's short post sent again word for
word as the channel's next message. Kept clean: baking with cream chargers, cash declared, a
legal wall, a thing likened to a thing, a gay member's own life, migration talked about, several
people each answering "me", one person thanking two people.
Labelled channels: tests/moderation/data/round23_everyday23.jsonl.
"""

from __future__ import annotations

import pytest

from bot.moderation.moderator import assess_text
from off_topic_support import Clock

CHAT = "#members-chat — Music Works members: sessions, kit and gigs"

BREACHES = [
    ("illegal", "ordering a crate of whippets for friday night, who's in"),
    ("illegal", "I'll pay you in cash to skip the VAT, saves us both"),
    ("illegal", "gonna spray our crew name down the side of the police station tonight"),
    ("illegal", "my mate sells baccy pouches with no stamp on, half the shop price"),
    ("abuse", "lmao u look like a peeled potato in that selfie"),
    ("abuse", "her forehead looks like a bowling ball"),
    ("abuse", "bro got a face like a squashed tomato"),
    ("abuse", "she's proper gay for her own voice"),
    ("abuse", "more small boats again, this country is full, deport them all"),
]

CLEAN = [
    "the recipe says two cream chargers for the siphon, then chill it",
    "I'll take cash for the lessons and it all goes on my tax return",
    "the youth club got permission to paint a mural on the skatepark wall",
    "brought a carton back from duty free for my own use",
    "the bassline sounds like a potato falling down the stairs, redo it",
    "that cloud looks like a thumb lol",
    "my girlfriend and I are going to the pride picnic, I'm gay and proud",
    "the talk on asylum seekers at the library was really moving",
    "the phone chargers are in the drawer, take them to the park",
]


@pytest.mark.parametrize("rule,text", BREACHES)
def test_everyday_breaches_are_found(rule, text):
    assert rule in {f.rule for f in assess_text(text, purpose=CHAT)}, text


@pytest.mark.parametrize("text", CLEAN)
def test_look_alikes_stay_clean(text):
    found = {f.rule for f in assess_text(text, purpose=CHAT)} & {"illegal", "abuse"}
    assert not found, text


def repeats(channel, messages) -> list[bool]:
    moderator, clock = channel(CHAT), Clock()
    return [any(f.rule == "repetition" for f in moderator.assess(user, text, clock())) for user, text in messages]


def test_a_short_post_sent_again_in_a_row_is_repetition(channel):
    assert repeats(channel, [("kim", "ANYONE FOR FOOTY"), ("kim", "anyone for footy!!"), ("kim", "ANYONE FOR FOOTY")]) \
        == [False, True, True]


def test_an_emoji_sent_again_in_a_row_is_repetition(channel):
    assert repeats(channel, [("kim", "🔥🔥"), ("kim", "🔥🔥")]) == [False, True]


def test_several_people_answering_the_same_is_not_repetition(channel):
    assert repeats(channel, [("kim", "who wants a lift?"), ("ali", "me"), ("jo", "me"), ("ravi", "👍"), ("sue", "👍")]) \
        == [False] * 5


def test_one_person_thanking_two_people_is_not_repetition(channel):
    assert repeats(channel, [("kim", "cheers ali"), ("kim", "cheers jo")]) == [False, False]


def test_the_same_short_reply_with_others_between_is_not_repetition(channel):
    assert repeats(channel, [("kim", "yes"), ("ali", "ok shall we do 6?"), ("kim", "yes")]) == [False, False, False]
