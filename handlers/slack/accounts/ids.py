"""The accounts workflow's Slack commands. Its forms', fields' and buttons' ids, and what the buttons carry,
are the workflow's own (bot/accounts/messages.py)."""

from __future__ import annotations

ACCOUNTS_COMMAND = "/accounts"
ROTATED_COMMAND = "/rotated"
