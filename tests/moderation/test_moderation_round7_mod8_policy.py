"""Round 7 of issue 16 (mod8), as policy: a youth music charity's chats. Drugs
asked round without a price, a brand's giveaway run through someone's post, the
group's own raffle, and friends teasing each other. The labelled channels for
the round are in tests/moderation/data/round7_mod8*.jsonl.
"""

from __future__ import annotations

import pytest

WORK_CHANNEL = "#youth-beats — youth beat-making group: sessions, DAW help and the showcase line-up"
PARENTS_CHANNEL = "#parents-corner — parents and carers: lifts, kit, concert tickets and volunteering"

# Asking who wants some, or what the dealer is doing, in slang.
DRUGS_ASKED_ROUND = [
    "anyone after a zoot before rehearsal, my plug's dropping off later",
    "who's after a couple of zoots for the weekend",
]

# An outside brand's prize, entered by commenting on someone's post.
OUTSIDE_GIVEAWAYS = [
    "Gousto have given me 3 free boxes to give away, comment below to win! #ad",
    "like this and drop a comment to win a pair of trainers from the shop",
]

# The group's own draw, for its own trip: not another organisation's appeal.
OWN_RAFFLES = [
    "our raffle for the trip has a hamper donated by Tesco, tickets £1 at the door",
    "the tombola for the summer tour is on after the concert, tickets £1",
]

# Words of friendly teasing with a laughing emoji.
TEASING = [
    "😂 you're such a muppet rae, you left your mute in the van again",
    "lol you absolute numpty, wrong key again",
]


@pytest.mark.parametrize("text", DRUGS_ASKED_ROUND)
def test_drugs_asked_round_in_slang_are_illegal(findings, text):
    assert "illegal" in findings(text, purpose=WORK_CHANNEL)


@pytest.mark.parametrize("text", OUTSIDE_GIVEAWAYS)
def test_outside_giveaways_are_solicitation(findings, text):
    assert "solicitation" in findings(text, purpose=WORK_CHANNEL)


@pytest.mark.parametrize("text", OWN_RAFFLES)
def test_the_groups_own_raffle_is_not_solicitation(findings, text):
    assert "solicitation" not in findings(text, purpose=PARENTS_CHANNEL)


def test_a_raffle_for_another_organisation_still_is(findings):
    assert "solicitation" in findings("our raffle for the hospice, tickets £1 at the door", purpose=PARENTS_CHANNEL)


@pytest.mark.parametrize("text", TEASING)
def test_teasing_between_friends_is_not_abuse(findings, text):
    assert "abuse" not in findings(text, purpose=WORK_CHANNEL)


def test_teasing_does_not_soften_body_shaming_or_hurtful_insults(findings):
    assert "abuse" in findings("😂 you're such a fat muppet", purpose=WORK_CHANNEL)
    assert "abuse" in findings("muppet, nobody likes you 😂", purpose=WORK_CHANNEL)
