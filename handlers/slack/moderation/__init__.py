"""Moderation of the groups we host (policy 5.1, 5.3, 5.7): review queue, group agreement."""

from handlers.slack.moderation.blocks import RENDERERS
from handlers.slack.moderation.listeners import register

__all__ = ["RENDERERS", "register"]
