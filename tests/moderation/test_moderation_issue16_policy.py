"""The kinds of text issue 16 found missed or wrongly flagged, as policy.

A few cases per kind: the bulk lives in tests/moderation/data (scored by
benchmarks/score_moderation.py); the last test keeps the dev set's score
from sliding back.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.score_moderation import score

DATA = Path(__file__).resolve().parent / "data"
WORK_CHANNEL = "#gig-planning — planning the spring concert: acts, running order, tech and volunteers"

# Selling, promotions, outside votes and giveaways, money schemes — without
# "for sale" or "promo code".
SOLICITATION = [
    "my auntie does wedding cakes, really reasonable, message me for her number",
    "anyone after cheap trainers? brand new in the box, inbox me",
    "I'm selling phone cases, £5 each or 3 for £12",
    "enter my giveaway over on insta, follow and tag two mates to win a hoodie",
    "please vote for my cousin in the Young Chef final, it takes two secs",
    "put £50 in and you'll double your money by Christmas, guaranteed profit",
    "get 20% off at my mate's barbers, just say I sent you",
    "I'm doing a sponsored swim for the RSPCA, chip in on my page x",
]

# Illegal activity in slang.
ILLEGAL = [
    "who's got bud for friday",
    "bringing a couple of canisters of nos for the afterparty",
    "I'll sort you a firestick with all the sports for £40",
    "you can get Logic for nothing off a hacked site",
    "he's had a few but he's fine to drive us back",
    "my brother's banned but he'll still drive us",
    "let's spray our tag on the underpass wall tonight",
    "get my big sister to buy us a bottle of vodka",
]

# Abuse without swear words, and swearing in disguise.
ABUSE = [
    "typical Romanians, always on the take",
    "the traveller kids shouldn't be let in, they nick everything",
    "that's so gay lol",
    "she's built like a wardrobe, no wonder she's at the back",
    "shut your fat gob",
    "what a f.u.c.k.i.n.g joke",
    "mo is an absolute nonce",
]

# Threats with no violent word.
THREATS = [
    "tell anyone and you'll regret it",
    "say that again and see what happens",
    "if you grass on me you'll find out",
    "I know which bus you get after school",
    "you'd better hope nothing happens to your bike",
    "keep it up and I'll make your life hell",
]

# The other way: none of these breaks a rule.
FINE = [
    "Reminder: no selling or promo codes in here please, it's in the group agreement",
    "We don't share cracked software here, Vital is free",
    "I'm gonna kill you if you're late again 😂",
    "you absolute melt 😂❤️",
    "Let's take the football chat to DMs so we don't clog up the channel :)",
    "So sorry to hear about your grandad, thinking of you",
    "Tickets for our spring concert are on sale at themusicworks.org.uk",
    "we smashed that set, you killed the solo",
    "Selling my old guitar, £80, comes with a case",
]


@pytest.mark.parametrize("text", SOLICITATION)
def test_selling_promotions_outside_votes_and_schemes_without_the_usual_words(findings, text):
    found = findings(text, purpose=WORK_CHANNEL)
    assert "solicitation" in found, found


@pytest.mark.parametrize("text", ILLEGAL)
def test_illegal_activity_in_slang(findings, text):
    found = findings(text, purpose=WORK_CHANNEL)
    assert "illegal" in found, found


@pytest.mark.parametrize("text", ABUSE)
def test_abuse_without_swear_words_and_disguised_swearing(findings, text):
    found = findings(text, purpose=WORK_CHANNEL)
    assert "abuse" in found, found


@pytest.mark.parametrize("text", THREATS)
def test_threats_with_no_violent_word(findings, text):
    found = findings(text, purpose=WORK_CHANNEL)
    assert "threat" in found, found


@pytest.mark.parametrize("text", FINE)
def test_moderators_quoting_rules_jokes_and_polite_closing_are_fine(findings, text):
    assert findings(text, purpose=WORK_CHANNEL) == {}


def test_every_reason_says_which_words_triggered_it(findings):
    found = findings("anyone want a bit of bud before rehearsal? my brother sells it, £10 a bag", purpose=WORK_CHANNEL)
    assert "bit of bud before" in found["illegal"]
    assert "you'll find out" in findings("grass on me and you'll find out")["threat"]


def test_a_run_about_a_tv_show_is_off_topic_even_when_it_shares_ordinary_words(channel):
    moderator = channel(WORK_CHANNEL)
    posts = [
        "did anyone watch the Traitors final last night",
        "the roundtable was unbelievable, I was shouting at the telly",
        "the banished ones were booked on the show for ages",
    ]
    found = [moderator.assess("U1", text, f"{1700000000 + 60 * n}.000100") for n, text in enumerate(posts)]
    # Policy 5.7: the same person's second successive off-topic post on (round 24).
    assert [f.rule for f in found[1]] == [f.rule for f in found[2]] == ["off_topic"]
    assert found[0] == []


def test_a_game_is_on_topic_in_a_channel_whose_purpose_names_it(channel):
    moderator = channel("#gaming-club — Fortnite nights and game music for the youth club")
    posts = ["anyone on Fortnite tonight", "new season map is wild", "Fortnite squads at 7?"]
    assert all(moderator.assess("U1", text, f"{1700000000 + 60 * n}.000100") == [] for n, text in enumerate(posts))


# Measured on the dev set when the rules were frozen: recall 0.944, precision
# 0.978. The floor leaves a margin for small, deliberate trade-offs.
DEV_RECALL_FLOOR = 0.90
DEV_PRECISION_FLOOR = 0.93


def test_the_dev_set_score_stays_above_its_floor():
    result = score([DATA / "dev_channels.jsonl"])
    assert result.overall.recall >= DEV_RECALL_FLOOR, "\n".join(result.misses)
    assert result.overall.precision >= DEV_PRECISION_FLOOR, "\n".join(result.misses)
