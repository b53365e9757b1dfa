"""/check, "Check before sending", and guarded channels' notices (policy 3, 4, 5.5, 5.6)."""

from handlers.slack.checks.blocks import RENDERERS
from handlers.slack.checks.listeners import register

__all__ = ["RENDERERS", "register"]
