"""Round 13 of issue 16 (abx13), as policy: sexuality, disability, bodies and
nationality used as put-downs with no slur or insult word, and the talk about
them that only looks like it.

Each kind is a class: "gay" said of a thing to mean bad, a sexuality with
disgust, a place said to be won only for who someone is; work likened to a
special class, "a bit special" with a wink, needing a carer for an easy task,
a stammer imitated; a sized body slang word or a mocked limb on someone else;
a job or habit pinned on a people about a named person. The labelled
channels are tests/moderation/data/round13_abx13*.jsonl.
"""

from __future__ import annotations

import pytest

PUT_DOWNS = [
    "your hook sounds kinda gay ngl",
    "the bridge is so gay lol, scrap it",
    "big lesbian vibes off that outfit 🤮",
    "she only got the solo because she's a woman in a wheelchair, ticks the diversity box",
    "he only got picked cos he's trans",
    "that cover looks like the special needs class made it",
    "she's a bit special, bless her",
    "someone call her carer, she can't even plug in the amp lol",
    "w-w-well d-d-done you",
    "his massive arse won't fit on the riser",
    "look at them chicken legs on dev",
    "can't even reach the cymbals with t rex arms like that",
    "get the romanians to do it, they work for peanuts",
]

CLEAN = [
    "I'm gay and proud, see you all at Pride",
    "the LGBTQ+ history walk starts at the library at 2",
    "'Gay Paree' is the jolliest song in the old songbook",
    "my brother is gay and he's the best bassist I know",
    "the SEN unit are booked into the studio on Tuesday",
    "carers go free at the gig, just bring the carer card",
    "stammering awareness day: a member talks about her stammer",
    "my fat ass needs a comfier stool 😂",
    "my arms ache after that set",
    "broke my leg skiing, no drumming for six weeks",
    "Polish night is back, bring a dish",
    "love you x-x-x",
    "ch-ch-ch-changes is my karaoke song",
]


@pytest.mark.parametrize("text", PUT_DOWNS)
def test_put_downs_without_slurs_count(findings, text):
    assert "abuse" in findings(text), text


@pytest.mark.parametrize("text", CLEAN)
def test_identity_disability_and_body_talk_stays_clean(findings, text):
    found = findings(text)
    assert "abuse" not in found, (text, found)


def test_the_reason_names_an_imitated_stammer(findings):
    reason = findings("go on then j-j-jake, s-s-say it")["abuse"]
    assert "stammer" in reason and '"j-j-jake"' in reason
