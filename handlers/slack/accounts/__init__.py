"""/accounts and /rotated: the shared accounts register and password rotation nudges."""

from handlers.slack.accounts.blocks import RENDERERS
from handlers.slack.accounts.listeners import register

__all__ = ["RENDERERS", "register"]
