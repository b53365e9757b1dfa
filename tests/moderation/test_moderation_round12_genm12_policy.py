"""Round 12 of issue 16 (genm12), as policy: classes of abuse, threat,
solicitation and illegal activity found in channels of a youth music charity,
each with the look-alikes that must stay clean beside them. The labelled
channels for the round are in tests/moderation/data/round12_genm12*.jsonl.

- Abuse without swear words: contempt for someone's work ("ur quartet are an
  absolute shambles"); a whole group put down ("you're all pathetic",
  "clowns the lot of ya"); a people suggested to steal by a precaution beside
  their name ("traveller families, keep your valuables in the car"); told to
  go home over language; a face likened to a stock image of misery, a person
  said to be getting fat; a jibe at someone's private life.
- Threats without violent words, said of someone by name or with a word more:
  "leon better not show his face", "see how brave u are then", "someone should
  teach her a lesson", "I can make your life very difficult".
- Solicitation: a money scheme sold by a claim of easy earnings and an
  invitation to hear how; trading follows, even in a channel for sharing work.
  In a channel whose purpose welcomes members' own services and gigs, a
  member's own offer or gig is what the channel is for.
- Illegal: tobacco or drink brought back from abroad and sold on.
- Clean: feedback on the work, a lesson taught on a day, "that mix is
  criminal" (praise), a moderator stating a rule with its consequence, a
  warning against an offer.
"""

from __future__ import annotations

import pytest

GENERAL = "#studio-crew — the Saturday recording project: sessions, lifts, feedback"
SKILLSHARE = (
    "#freelancer-skillshare — skill swaps, gig leads and advice for freelance tutors. "
    "Sharing your own work and services is welcome."
)
SHARING = "#beats — share your beats and ask for feedback"

ABUSE = [
    "Rosa ur quartet are an absolute shambles, stick to teaching kids",
    "your new track is a car crash mate",
    "Deji your mixes sound like they were done in a bin",
    "his singing sounds like it was recorded underwater by a toddler",
    "you're all pathetic",
    "you lot are a disgrace",
    "absolute clowns the lot of ya",
    "clearly from traveller families, keep your valuables in the car",
    "those romanian kids are in today so hide your purses",
    "If you can't speak English go home",
    "she's got a face like a slapped arse",
    "milly looking chunky in her pic",
    "no wonder your wife left",
]

THREATS = [
    "leon better not show his face saturday",
    "lets see how brave u are then",
    "someone should teach her a lesson",
    "I can make your life very difficult",
    "you want to think carefully about how you talk to me",
]

MONEY_SCHEMES = [
    "I made 3k last month with 20 mins a day, happy to show anyone, just comment INFO",
    "built a passive income from my phone this year, ask me how",
]

FOLLOW_TRADES = [
    "follow my page and ill follow back",
    "f4f anyone? need to hit 1k",
]

CLEAN = [
    ("that mix u sent last night is criminal 😭 the bass is insane", GENERAL),
    ("the chorus is a bit of a mess in the low end, try cutting 200Hz", GENERAL),
    ("I'll teach her a lesson on Tuesday, she's picking up the scales fast", GENERAL),
    ("see how brave you are at the open mic!", GENERAL),
    ("the bass is getting chunky now, love it", GENERAL),
    ("Also: telling anyone to 'kys', even as a joke, gets you removed straight away.", GENERAL),
    ("Never send your bank details to anyone offering 'easy money'.", GENERAL),
    ("beware of accounts offering free followers, they're scams", GENERAL),
    ("brought back 200 cigs from spain for my dad", GENERAL),
    ("I've got mixing slots free in July if anyone needs them, rates on my site", SKILLSHARE),
    ("I'm playing at St Mary's on Sunday with my quartet, £10 tickets, would love to see you there", SKILLSHARE),
    ("the Travellers' music project is running a workshop on Saturday", GENERAL),
]


@pytest.mark.parametrize("text", ABUSE)
def test_abuse_without_swear_words_is_abuse(findings, text):
    assert "abuse" in findings(text, GENERAL)


@pytest.mark.parametrize("text", THREATS)
def test_menace_with_no_violent_word_is_a_threat(findings, text):
    assert "threat" in findings(text, GENERAL)


@pytest.mark.parametrize("text", MONEY_SCHEMES)
def test_an_income_claim_with_an_invitation_to_hear_how_is_a_money_scheme(findings, text):
    assert "solicitation" in findings(text, GENERAL)


@pytest.mark.parametrize("text", FOLLOW_TRADES)
def test_trading_follows_counts_even_where_sharing_work_is_the_purpose(findings, text):
    assert "solicitation" in findings(text, SHARING)


@pytest.mark.parametrize(("text", "purpose"), CLEAN)
def test_look_alikes_are_clean(findings, text, purpose):
    assert findings(text, purpose) == {}


def test_tobacco_from_abroad_sold_on_is_illegal_not_just_selling(findings):
    found = findings("anyone want cheap cigs? got 200 back from spain, half the shop price", GENERAL)
    assert "illegal" in found and "solicitation" in found  # round 21: both, each with its reason


def test_a_members_own_offer_is_still_selling_where_the_purpose_does_not_welcome_it(findings):
    assert "solicitation" in findings("I've got mixing slots free in July, £40 a track, DM me to book", GENERAL)


def test_a_money_scheme_still_counts_where_own_promotion_is_welcome(findings):
    text = "I made 3k last month with 20 mins a day, happy to show anyone, just comment INFO"
    assert "solicitation" in findings(text, SKILLSHARE)
