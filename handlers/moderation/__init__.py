"""Moderation of the groups we host (policy 5.1, 5.3, 5.7): review queue, group agreement."""

from handlers.moderation.blocks import RENDERERS
from handlers.moderation.listeners import register

__all__ = ["RENDERERS", "register"]
