"""/accounts and /rotated: the shared accounts register and password rotation nudges."""

from handlers.accounts.blocks import RENDERERS
from handlers.accounts.listeners import register

__all__ = ["RENDERERS", "register"]
