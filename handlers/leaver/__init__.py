"""/leaver: the leaver checklist (passwords changed, reports passed on, roles ended)."""

from handlers.leaver.blocks import RENDERERS
from handlers.leaver.listeners import register

__all__ = ["RENDERERS", "register"]
