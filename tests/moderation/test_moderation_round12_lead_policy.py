"""Policy 5.7 (round 12, issue 16): calling someone an insult to their face counts with words between
("you interfering old cow"); taking orders by message is selling, and a code that earns the writer a
reward is a referral, whatever is sold. Their harmless look-alikes stay clean."""

import pytest

from bot.moderation import assess_text


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("keep your nose out, you interfering old cow", "abuse"),
        ("shut it you sad little loser", "abuse"),
        ("Christmas brochure's out, message me your orders by Friday and I'll bring them to rehearsal", "solicitation"),
        ("pm me ur sizes and I'll put an order in", "solicitation"),
        ("code RHYSBEATS gets you 3 months for a fiver, I get credits if you use it", "solicitation"),
        ("we both get a free month when you sign up", "solicitation"),
    ],
)
def test_these_break_the_rules(text, rule):
    assert rule in {finding.rule for finding in assess_text(text)}


@pytest.mark.parametrize(
    "text",
    [
        "do you want the old cow bell or the new one",
        "thank you lovely old friend",
        "message me your availability for Saturday",
        "I'll make the tour playlist, send me your requests",
        "you get a certificate if you come to all the sessions",
    ],
)
def test_these_are_fine(text):
    assert assess_text(text) == []
