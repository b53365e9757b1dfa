"""Round 12 of issue 16 (solp12), as policy: solicitation said without sale
words, and the clean look-alikes beside it in a youth music charity's chats.
The labelled channels for the round are in
tests/moderation/data/round12_solp12*.jsonl.

Counts:
- a friend's or relative's trade said as a verb or in the plural ("my husband
  fits kitchens", "my mum makes christening cakes") with the way to reach them;
- recruiting to earn in slang ("who wants to make some bread ... dm me");
- referral codes and invites without the word "referral" ("enter my code",
  "with my invite and you get a tenner off");
- votes, nominations and surveys for someone outside the group ("nominate my
  sister's nail bar for the beauty awards").

Clean:
- asking to buy or borrow ("anyone selling a 50mm lens?", "I'll pay face value");
- pointing to one's own release or work ("new edit is up, link in the bio");
- the group's own cause, raffle or survey; a member's own free gig;
- a wage passed on with a job ("the café next door pays £8 an hour for
  Saturday staff, they asked us to pass it on"). A careful moderator lets a
  vacancy through: the member is paid, nothing is sold to the group, and pay
  offered for lending a bank account or taking in parcels is still a scheme.
"""

from __future__ import annotations

import pytest

GENERAL = "#general — members chatting between sessions"

TRADES_AS_VERBS = [
    "my stepmum alters prom dresses, message her on facebook",
    "my brother repairs phones and laptops, dm him",
    "my nan knits baby clothes, she's on etsy if anyone's after some",
    "my cousin's a barber, does fades and designs, hit him up",
]

SLANG_RECRUITING = [
    "who wants to make some bread this weekend? easy ting, dm me",
    "anyone tryna earn some p? proper easy",
    "need someone to use their bank for a sec, I'll sort you out",
]

REFERRALS = [
    "enter my code ZED5 when you sign up and you get £5 off",
    "download the app with my invite and we both get £10",
]

OUTSIDE_VOTES = [
    "please nominate my uncle's chippy for the Post's best takeaway awards",
    "could you all fill in my cousin's survey for her dissertation",
]

LOOK_ALIKES = [
    "anyone selling a cheap mic stand?",
    "is anybody selling their old interface? I'll pay £40",
    "can I borrow someone's capo for Thursday",
    "new track is up, link in my bio 🎧",
    "our first gig is at the Crown on Friday, free entry, come down!",
    "the bakery on the corner pays £9 an hour for Saturday staff, apply in store",
    "who wants to make some bread in the cooking session?",
    "my dad fixes bikes for fun, he sorted mine yesterday",
    "my mum says can everyone fill in the survey the hub sent round",
    "the hub's sponsored walk is for the new minibus, sheets at reception",
]


@pytest.mark.parametrize("text", TRADES_AS_VERBS + SLANG_RECRUITING + REFERRALS + OUTSIDE_VOTES)
def test_solicitation_without_sale_words_counts(findings, text):
    assert "solicitation" in findings(text, GENERAL)


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_buyers_own_work_own_gigs_jobs_and_own_causes_are_clean(findings, text):
    assert "solicitation" not in findings(text, GENERAL)


def test_a_price_for_ones_own_time_is_still_selling(findings):
    assert "solicitation" in findings("£25 an hour, DM me to book a lesson", GENERAL)
    assert "solicitation" in findings("we're playing the Fleece on Friday, £5 entry", GENERAL)


def test_link_in_bio_beside_an_offer_is_still_selling(findings):
    assert "solicitation" in findings("new drop of hoodies, link in bio, £25 each", GENERAL)


def test_the_reason_names_the_trade_verb_and_what_it_makes(findings):
    reason = findings("my husband fits kitchens, tell him Dan sent you", GENERAL)["solicitation"]
    assert '"fits"' in reason and '"kitchens"' in reason
