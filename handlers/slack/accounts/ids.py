"""The accounts workflow's Slack commands, and what Slack calls a nudge's buttons. Its forms' and fields'
ids, and what the buttons carry, are the workflow's own (bot/accounts/messages.py)."""

from __future__ import annotations

from enum import StrEnum

ACCOUNTS_COMMAND = "/accounts"
ROTATED_COMMAND = "/rotated"


class Action(StrEnum):
    """A nudge's buttons in Slack (their action ids)."""

    CHANGED_NOW = "accounts.changed_now"
    CHANGED_ON = "accounts.changed_on"
    SNOOZE = "accounts.snooze"


NUDGE_BUTTONS = "accounts_nudge_actions"
