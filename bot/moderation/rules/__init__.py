"""The moderation rules, each its own unit (see ``base.Rule``)."""

from __future__ import annotations

from ..config import ModerationConfig
from ..wordlists import WordLists
from .abuse import AbuseRule
from .base import ChannelContext, MessageUnderReview, RememberingRule, Rule
from .illegal import IllegalActivityRule
from .off_topic import OffTopicRule
from .repetition import RepetitionRule
from .solicitation import SolicitationRule
from .threat import ThreatRule


def build_rules(lists: WordLists, config: ModerationConfig) -> list[Rule]:
    """Every enabled rule, in the order findings are reported."""
    abuse = AbuseRule(lists)
    mask = abuse.words.mask_text  # other rules' quotes never spell out swearing
    rules: list[Rule] = [
        abuse,
        ThreatRule(lists, mask),
        SolicitationRule(lists, config),
        IllegalActivityRule(lists, mask),
        RepetitionRule(lists, config),
        OffTopicRule(lists, config),
    ]
    return [rule for rule in rules if rule.name in config.enabled_rules]


__all__ = [
    "AbuseRule",
    "ChannelContext",
    "IllegalActivityRule",
    "MessageUnderReview",
    "OffTopicRule",
    "RememberingRule",
    "RepetitionRule",
    "Rule",
    "SolicitationRule",
    "ThreatRule",
    "build_rules",
]
