"""Round 18 of issue 16 (leverage), as policy 5.7: threats by leverage or reputation, and illegal
acts in plain or slang words, read as classes. Labelled channels:
tests/moderation/data/round18_leverage*.jsonl.

1. Threats with no violent word: a grudge kept ("I've a long memory"), talk that spreads in a
   small place, goodwill that could go cold if someone carries on, an enemy made of the writer,
   the wrong people hearing, being careful about crossing people, thinking carefully before acting
   against the writer, and standing with people who have a say over the reader, with a hint.
   Friendly reminders, safety advice, a long memory for songs, honest feedback and moderators
   warning about conduct are not threats.
2. Illegal acts in plain or slang words: drinks counted by what they are before driving, carrying
   spoken of as sense, paint brought to put a name on a place, nitrous slang, fakes passed off as
   the real thing at a price, signs goods are stolen, machines tricked into giving free. Reports of
   damage, safety warnings, talk about the law and honest copies are not.
"""

from __future__ import annotations

import pytest

COMMITTEE = "#committee — the trustees and volunteers who run the community band"
YOUTH = "#youth — chat for the Friday youth club (16-19)"
MARKET = "#market — members buying and selling gear between themselves"

THREATS = [
    (COMMITTEE, "Go ahead and overrule me, Dan. I have a long memory."),
    (COMMITTEE, "It's a tight-knit village, folk talk. Think on."),
    (COMMITTEE, "our sponsorship from the garage could dry up overnight if some people keep pushing this"),
    (COMMITTEE, "honestly, you do not want to end up on my bad side over the raffle"),
    (COMMITTEE, "I'd hate for the wrong people to find out how the tickets were counted last year"),
    (COMMITTEE, "you might want to be careful calling people out like that, Sal"),
    (COMMITTEE, "think very carefully before you take this further, Mo"),
    (COMMITTEE, "me and the chair go back a long way, so keep this up and see where it gets you"),
    (COMMITTEE, "remember who vouched for you when you joined. I remember everything."),
]

NOT_THREATS = [
    (COMMITTEE, "gentle reminder: the raffle tickets need returning by Friday"),
    (COMMITTEE, "be careful on the steps by the hall, they're icy this morning"),
    (COMMITTEE, "I've got a long memory for tunes, I can still play the whole of the 1998 programme"),
    (COMMITTEE, "honest feedback: the brass were rushing in the march, let's slow it down"),
    (COMMITTEE, "Mod note: please keep criticism about the music, not the person. Next time it's a timeout."),
    (COMMITTEE, "small world! the chair's daughter teaches my son"),
    (COMMITTEE, "I'll never forget who helped me when I first joined, thank you all"),
    (COMMITTEE, "I'd think carefully about the dates before we book the coach"),
]

ILLEGAL = [
    (YOUTH, "had four gins at the wedding and drove back, no bother"),
    (YOUTH, "loads of them are carrying round here, you'd be mad not to"),
    (YOUTH, "grab a spray can tonight and we'll put our name over theirs on the underpass"),
    (YOUTH, "who's sorting the nangs and balloons for Mia's 18th"),
    (MARKET, "Fender copy, logo's spot on, nobody would know, £90"),
    (MARKET, "boxes of power tools, best you don't ask, £25 each"),
    (YOUTH, "the drinks machine at college, bang the side and it drops two cans"),
]

NOT_ILLEGAL = [
    (YOUTH, "someone keyed the club minibus, I've reported it to the police"),
    (YOUTH, "carrying a knife makes you more likely to get hurt, talk to a worker if you're scared"),
    (YOUTH, "the drink-driving limit is lower in Scotland, remember that on the trip"),
    (YOUTH, "balloons for the party are in the cupboard, bring a pump"),
    (MARKET, "selling a Fender copy, clearly a copy, no logo on it, £90"),
    (YOUTH, "the drinks machine ate my pound again, I've told reception"),
    (YOUTH, "Removed a message about carrying blades. It's illegal and not OK here."),
]


@pytest.mark.parametrize("purpose,text", THREATS)
def test_leverage_grudges_and_reputation_threats_are_reported(findings, purpose, text):
    assert "threat" in findings(text, purpose=purpose)


@pytest.mark.parametrize("purpose,text", NOT_THREATS)
def test_reminders_safety_advice_feedback_and_moderation_are_not_threats(findings, purpose, text):
    assert "threat" not in findings(text, purpose=purpose)


@pytest.mark.parametrize("purpose,text", ILLEGAL)
def test_illegal_acts_in_plain_or_slang_words_are_reported(findings, purpose, text):
    assert "illegal" in findings(text, purpose=purpose)


@pytest.mark.parametrize("purpose,text", NOT_ILLEGAL)
def test_reports_warnings_the_law_and_honest_copies_are_not_illegal(findings, purpose, text):
    assert "illegal" not in findings(text, purpose=purpose)
