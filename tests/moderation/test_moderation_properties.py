"""Properties that hold for any text: assessment never raises, reasons are
one short line, slurs are never spelt out, long messages are read to the end."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.moderation import RULE_NAMES, ChannelModerator, RuleBook, assess_text

_RULEBOOK = RuleBook()

# Pieces of real Slack text, so generated messages hit the markup paths.
slack_fragments = st.sampled_from(
    [
        "<@U123>", "<@U1|sam>", "<#C1|band-practice>", "<!here>", "<!subteam^S1|@leads>",
        "<https://example.com|a link>", "<https://pornhub.com>", "<mailto:a@b.org|a@b.org>",
        "&amp;", "&lt;", "&gt;", ":joy:", ":skin-tone-2:", "😂", "f*ck", "f u c k", "sh1t",
        "you're", "so", "pathetic", "kys", "£5", "each", "I'll", "kill", "you", "weed", ".", "!", "\n",
        "\"", "<", ">", "|", "*", "…", "ǅ", "\u200b", "\x00", "ﬁ",
    ]
)
slack_text = st.lists(st.one_of(slack_fragments, st.text(max_size=12)), max_size=30).map(" ".join)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(text=st.one_of(st.text(max_size=400), slack_text))
def test_content_rules_never_raise_and_give_one_line_reasons(text):
    for finding in assess_text(text, rulebook=_RULEBOOK):
        assert finding.rule in RULE_NAMES
        assert "\n" not in finding.reason and 0 < len(finding.reason) <= 200


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    messages=st.lists(
        st.tuples(st.sampled_from(["U1", "U2", "U3"]), slack_text, st.floats(min_value=0, max_value=200_000)),
        max_size=15,
    ),
    purpose=st.one_of(st.none(), st.text(max_size=60), slack_text),
)
def test_channel_assessment_never_raises_whatever_the_order_or_edits(messages, purpose):
    moderator = ChannelModerator(purpose, rulebook=_RULEBOOK)
    for n, (user, text, seconds) in enumerate(messages):
        ts = f"{1_700_000_000 + seconds:.6f}"
        findings = moderator.assess_edit(user, text, ts) if n % 4 == 3 else moderator.assess(user, text, ts)
        assert all(f.rule in RULE_NAMES for f in findings)


@settings(max_examples=60, deadline=None)
@given(slur=st.sampled_from(_RULEBOOK.word_lists.entries("slurs")), before=slack_text, after=slack_text)
def test_a_slur_is_never_spelt_out_in_a_reason(slur, before, after):
    word = slur.strip("*")
    for finding in assess_text(f"{before} {word} {after}", rulebook=_RULEBOOK):
        assert word not in finding.reason.lower()


def test_the_end_of_a_40kb_message_is_still_read():
    # How long this takes is measured in benchmarks/bench_long_texts.py.
    words = "you're all brilliant come to the gig on friday and bring your guitar ".split()
    long_text = " ".join(words[i % len(words)] for i in range(8000))[:39_990] + " f u c k"
    moderator = ChannelModerator("#gigs — gig news", rulebook=_RULEBOOK)
    findings = moderator.assess("U1", long_text, "1700000000.000100")
    assert "abuse" in [f.rule for f in findings]
