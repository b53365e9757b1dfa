"""Moderation rules for the groups the charity hosts (policy 5.7, issue 8).

Plain Python: no Slack, web or database imports, so the CLI starts fast.
Word lists live in ``data/`` and can be extended per organisation through
``ModerationConfig``.
"""

from .config import ModerationConfig
from .findings import RULE_NAMES, Finding, RuleName
from .moderator import ChannelModerator, Moderator, RuleBook, assess_text
from .wordlists import WordListError

__all__ = [
    "RULE_NAMES",
    "ChannelModerator",
    "Finding",
    "ModerationConfig",
    "Moderator",
    "RuleBook",
    "RuleName",
    "WordListError",
    "assess_text",
]
