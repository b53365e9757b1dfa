"""Round 24 of issue 16 (mod24), as policy 5.7 (threats, defamation, illegal activity, abuse and
solicitation).

"Comments that threaten or defame any person or organisation" with no violent word and no crime
noun: an organisation said to be run by wrongdoers, members' money said to end up in someone's
pocket, a name followed by "'s a crook", someone "bent"; someone to be put on the floor, a visit
after dark, a house visit to make someone listen, finding out what happens to people who tell.
Illegal activity: a disabled parking badge used by someone it was not issued to, a way forced
into a closed site. Abuse: praise made small by someone's sex. Kept clean: a leader refusing
drink for under-18s, a petition in a channel for the members' own campaigns, asking the
organisation to buy kit that a shop has on sale, a laugh at a friend's everyday knack (the same
petition in another channel is still an outside campaign).
Labelled channels: tests/moderation/data/round24_mod24.jsonl.
"""

from __future__ import annotations

import pytest

CHAT = "#members-chat — Music Works members: sessions, kit and gigs"
CAMPAIGNS = "#youth-voice — youth voice campaigns: our petitions, open letters and actions for young people"

BREACHES = [
    ("threat", "the whole arts trust is run by a bunch of crooks if you ask me",
     "Accuses someone of corruption, dishonesty or danger"),
    ("threat", "all the raffle money went straight into his back pocket, every penny",
     "Accuses someone of corruption, dishonesty or danger"),
    ("threat", "the promoter's a fraudster, don't let him near the door money",
     "Accuses someone of a crime or worse"),
    ("threat", "the chair of the board has been nicking the subs for months",
     "Accuses someone of corruption, dishonesty or danger"),
    ("threat", "that planning officer is bent, always has been", "Accuses someone of corruption, dishonesty or danger"),
    ("threat", "keep mouthing off at the drummers and you're getting put on the floor", "Veiled threat"),
    ("threat", "me and the lads will pay that ref a little visit one night", "Veiled threat"),
    ("threat", "let's go round to his flat together and make him understand", "Veiled threat"),
    ("threat", "Leon will find out what happens to grasses", "Veiled threat"),
    ("illegal", "just use your grandad's blue badge, the car park by the arena is rammed",
     "Misusing a disabled parking badge"),
    ("illegal", "if we snip the padlock at the disused depot we can shoot the music video inside", "Breaking in"),
    ("abuse", "her flow is quality for a girl rapper tbh", "Sexist put-down"),
    ("abuse", "she mixes alright considering she's a woman", "Sexist put-down"),
]

CLEAN = [
    # A leader refusing the act is enforcement, not the act.
    (CHAT, "illegal", "Nobody under 18 is getting a drink at the end of term party, that's not up for debate"),
    # A campaign's own petition in the channel for the members' campaigns.
    (CAMPAIGNS, "solicitation", "sign and share pls, the council votes on the skatepark next week"),
    # Asking the organisation to buy kit a shop has on sale is no promotion of the writer's business.
    (CHAT, "solicitation", "could we order some spare drum heads? the shop by the station has 25% off till sunday"),
    (CHAT, "solicitation", "can we get some new mic clips for the studio? they're 15% off online this week"),
    # A laugh at a friend's everyday knack is teasing.
    (CHAT, "abuse", "ravi still cant even whistle 😂😂 8 years of trumpet lessons"),
    (CHAT, "abuse", "lol she can't even ride a bike 🤣 we'll sort stabilisers"),
]


@pytest.mark.parametrize("rule,text,label", BREACHES)
def test_threats_defamation_and_acts_without_the_usual_words_are_found(findings, rule, text, label):
    found = findings(text, purpose=CHAT)
    assert rule in found, text
    assert found[rule].startswith(label), found[rule]


@pytest.mark.parametrize("purpose,rule,text", CLEAN)
def test_look_alikes_are_not_that_breach(findings, purpose, rule, text):
    assert rule not in findings(text, purpose=purpose), text


def test_a_petition_is_the_campaigns_channel_business_and_an_outside_campaign_elsewhere(findings):
    text = "please sign the petition for free bus travel for under-21s and share it round"
    assert "solicitation" not in findings(text, purpose=CAMPAIGNS)
    assert '"sign the petition"' in findings(text, purpose=CHAT).get("solicitation", "")
