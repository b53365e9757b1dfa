"""Round 23 of issue 16 (enforce23), as policy 5.7 (threats, defamation, solicitation, illegal activity).

A moderator or member dealing with a breach is not making it: a reply that removes or refuses
it, or names it as a scam or a crime to warn others, and a rumour passed on to ask what to do
with it (common.Enforcement: enforcement_replies.txt, rumours_passed.txt, rumour_questions.txt).
The same breach made by its author is still caught. Threats with no violent verb (laying hands
on someone, making sure they are sorry, "gonna get it") and defamation by dishonest figures
(records falsified, counts lied about or massaged) are threats; news awaited, a count put right
and a play about an accountant are not.
Labelled channels: tests/moderation/data/round23_enforce23.jsonl.
"""

from __future__ import annotations

import pytest

FORUM = "#youth-forum — young people's forum: meetings, projects and events at the centre"

DEALT_WITH = [
    "Chloe, I've removed your post. Nobody here sells 'passive income' courses and 'no risk' is a red flag",
    "Sorry Aaron, we won't pay you off the books for the decorating, it goes through payroll like everyone else's",
    "Funny or not, scratching names into the bus shelter is criminal damage, so that's gone.",
    "there's a rumour going round that the hall committee spends the raffle money on themselves, is it true?",
    "Heads up: texts promising a £200 gift card for a survey are scams, please just delete them",
    "got a dm saying 'we know where your mum works' from an account I don't know, should I tell someone?",
]

STILL_BREACHES = [
    ("solicitation", "put £100 into my forex group and you're guaranteed to double it, message me"),
    ("illegal", "I'll do your garden for cash and we'll keep it off the books, no tax for either of us"),
    ("threat", "wait till I get my hands on you after training"),
    ("threat", "I'll make sure your brother pays for that, trust me"),
    ("threat", "you're gonna get it tomorrow, just watch"),
    ("threat", "Oakfield Tennis Club have been massaging their membership figures to keep the lottery grant"),
    ("threat", "the festival team are lying about how many tickets they sold to get the council money"),
    ("threat", "that dance school falsify their safeguarding records"),
]

CLEAN = [
    "you'll see what happens when the votes are counted, good luck everyone",
    "you'll find out on Thursday who got the solo",
    "I'll make sure she gets a lift home after the show",
    "our headcount on Saturday was off by two, it's been corrected in the register",
    "the book club is reading a thriller about a bank manager who fakes his own death",
    "you're gonna get it so quickly once you've practised the chords",
]


@pytest.mark.parametrize("text", DEALT_WITH)
def test_a_reply_that_deals_with_a_breach_is_not_the_breach(findings, text):
    assert not {"threat", "solicitation", "illegal"} & set(findings(text, purpose=FORUM))


@pytest.mark.parametrize("rule,text", STILL_BREACHES)
def test_the_breach_made_by_its_author_is_still_caught(findings, rule, text):
    assert rule in findings(text, purpose=FORUM)


@pytest.mark.parametrize("text", CLEAN)
def test_look_alikes_stay_clean(findings, text):
    assert not findings(text, purpose=FORUM)
