"""/leaver: the leaver checklist (passwords changed, reports passed on, roles ended)."""

from handlers.slack.leaver.blocks import RENDERERS
from handlers.slack.leaver.listeners import register

__all__ = ["RENDERERS", "register"]
