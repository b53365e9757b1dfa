"""Round 11 of issue 16 (sol11), as policy: solicitation without sale words,
each a class of sentence, with the look-alikes that must stay clean beside
them. The labelled channels for the round are in
tests/moderation/data/round11_sol11*.jsonl.

- A friend's or relative's business plugged to the group: someone close, a
  trade or shop, and the group sent their way ("tell him I sent you", "she's
  on Etsy", "worth a look"), or a shop's handle for anyone wanting its goods.
- Recruiting into a money scheme: pay for lending your bank account, address,
  card or name. These are usually illegal too, and then reported as illegal.
- Clean: product recommendations ("or the EVO 4 if you want cheaper"), a
  member's own gig or release, the organisation's own fundraiser ("the hub's
  sponsored silence"), things lent or given away free, a free course.
"""

from __future__ import annotations

import pytest

GENERAL = "#general — members chatting between sessions"
GEAR = "#gear — members asking about instruments and recording kit"

FRIENDS_BUSINESSES = [
    "my stepdad's a roofer, if anyone's got a leaky gutter give him a ring",
    "my best mate makes handmade earrings, she's on etsy as gemsbygrace",
    "my auntie's opened a nail bar on the high street, say you know me",
    "shout out my cousin's vinted, loads of y2k stuff on there",
    "my girlfriend does dog walking round Hove, highly recommend her",
    "my father-in-law's gone self-employed as a handyman, I can give you his number",
    "my little bro does custom phone cases now, go on, have a nosy at his page",
]

SHOP_HANDLES = [
    "@threadsbytia if anyone needs a custom hoodie for their band",
    "if you're after some vintage denim go to @oldbluelabel",
]

SCHEMES = [
    "my mate's looking for people to take in parcels for him, £40 a drop",
    "you get paid £150 just for letting them use your account for a week",
    "a guy I know wants people to open accounts for him, you get £200 for each one",
]

LOOK_ALIKES = [
    "the Scarlett is the safe pick, or the Behringer UMC if you want cheaper",
    "for a first bass the Squier is grand, the Yamaha if you're after something cheaper",
    "my sister's a hairdresser so she did all our hair for the showcase",
    "my dad's a plumber, he reckons our boiler just needs bleeding",
    "my friend made a custom intro jingle for the podcast, have a listen",
    "my band's headlining the Prince Albert on Friday, come down if you fancy it",
    "my EP is out on Spotify tonight, would love you to give it a listen",
    "the hub's sponsored walk is on the 12th, forms at reception",
    "our choir's quiz night is raising money for the new robes, £4 a head",
    "got a spare capo and some strings, free to whoever wants them",
    "there's a free mixing course on Coursera, worth a look",
    "never let anyone pay money through your bank account, it's muling",
    "Dev that sounds like a scam, parcel forwarding is how they launder stuff",
]


@pytest.mark.parametrize("text", FRIENDS_BUSINESSES + SHOP_HANDLES)
def test_a_friends_or_relatives_business_plugged_without_sale_words_is_solicitation(findings, text):
    assert "solicitation" in findings(text, GENERAL)


@pytest.mark.parametrize("text", SCHEMES)
def test_recruiting_into_a_money_scheme_is_reported(findings, text):
    found = findings(text, GENERAL)
    assert "solicitation" in found or "illegal" in found


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_recommendations_own_work_own_fundraisers_and_free_things_are_clean(findings, text):
    assert "solicitation" not in findings(text, GEAR)


def test_the_reason_names_the_person_the_trade_and_the_steer(findings):
    reason = findings("my uncle does removals, tell him I sent you", GENERAL)["solicitation"]
    assert '"my uncle"' in reason and '"removals"' in reason and '"tell him i sent you"' in reason


def test_a_plug_that_is_refused_is_not_one(findings):
    assert "solicitation" not in findings("please don't plug my cousin's depop in here, it's not allowed", GENERAL)
