"""/report: incidents reach the right person, who handles them with buttons."""

from handlers.reports.blocks import RENDERERS
from handlers.reports.listeners import register

__all__ = ["RENDERERS", "register"]
