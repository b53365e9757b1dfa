"""Shared fixtures for the moderation rules' tests."""

from __future__ import annotations

import pytest

from bot.moderation import ChannelModerator, RuleBook, assess_text
from bot.slack.inbound import SLACK_MARKUP


@pytest.fixture(scope="session")
def rulebook() -> RuleBook:
    """The built-in rules and word lists, compiled once for the session."""
    return RuleBook()


@pytest.fixture
def findings(rulebook):
    """findings(text, purpose=None) -> {rule: reason} from the content rules, for text as Slack sends it
    (mentions, links and escapes in its markup)."""

    def assess(text: str, purpose: str | None = None) -> dict[str, str]:
        return {f.rule: f.reason for f in assess_text(text, purpose=purpose, rulebook=rulebook, markup=SLACK_MARKUP)}

    return assess


@pytest.fixture
def channel(rulebook):
    """channel(purpose) -> a fresh ChannelModerator using the shared rules."""

    def make(purpose: str | None = None) -> ChannelModerator:
        return ChannelModerator(purpose, rulebook=rulebook)

    return make
