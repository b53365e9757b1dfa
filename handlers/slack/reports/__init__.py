"""/report: incidents reach the right person, who handles them with buttons."""

from handlers.slack.reports.blocks import RENDERERS
from handlers.slack.reports.listeners import register

__all__ = ["RENDERERS", "register"]
