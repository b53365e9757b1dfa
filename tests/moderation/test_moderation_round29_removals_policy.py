"""Round 29 (issue 16): a moderator's removal notice answers only for itself, under every content rule.

Policy 5.7 asks moderators to remove breaches and say why, so "Removed. Selling vapes isn't allowed in
here" is not the sale it removes. But a notice is no cover for what the message goes on to say: the
threat rule already read on after it, and now the illegal and solicitation rules do too. "In here
please" names a rule only after a no ("No politics in here please"); "Sell weed in here please" asks
for the breach. A moderator offering the member another way ("... a free taster instead?") is still
the moderator speaking.
"""

from __future__ import annotations

import pytest

CHAT = "#members-chat — Music Works members: sessions, kit and gigs"


@pytest.mark.parametrize(
    "rule,text",
    [
        ("illegal", "Removed. Sell weed in here please, dm me"),
        ("illegal", "Deleted, no drug talk in here please. Anyway who wants some pills, dm me"),
        ("solicitation", "Gone. Advertise your nails business in here please, 20% off with my code"),
        # A notice whose rule is a refusal ("no selling") goes on too (the review of round 29).
        ("illegal", "Removed. No selling in here please. I've got weed for a tenner, dm me"),
    ],
)
def test_what_a_removal_notice_goes_on_to_say_is_still_read(findings, rule, text):
    assert rule in findings(text, purpose=CHAT), text


@pytest.mark.parametrize(
    "rule,text",
    [
        ("illegal", "Removed. No selling weed in here please."),
        ("illegal", "Deleted - fake IDs are illegal, not in here."),
        ("solicitation", "Pulled it. No adverts for your mate's nails business in here please."),
        ("solicitation", "Removed: no paid lesson adverts in here please. Would you like to run a free taster instead?"),
        ("solicitation", "Removed. No selling in here please, it's a scam. Message me if you have questions"),
    ],
)
def test_a_removal_notice_naming_the_rule_is_not_the_breach_it_removes(findings, rule, text):
    assert rule not in findings(text, purpose=CHAT), text


@pytest.mark.parametrize(
    "text",
    [
        "Gone. Not in here please. Take it somewhere else instead or I'll smash your face in",
        "Pulled it. Not allowed to post that. Rather than that, I'll hurt you myself",
    ],
)
def test_a_threat_after_the_alternative_a_notice_offers_is_still_a_threat(findings, text):
    # The review of round 29: only the other way offered is the moderator's; what follows it is read.
    assert "threat" in findings(text, purpose=CHAT), text
