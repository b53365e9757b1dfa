"""Ids of the moderation review queue, in one place."""

from __future__ import annotations

from enum import StrEnum

COMMAND = "/groupagreement"
EVENTS = ("member_joined_channel",)


class Action(StrEnum):
    DELETE = "moderation.delete"
    KEEP = "moderation.keep"
    WARN = "moderation.warn"
