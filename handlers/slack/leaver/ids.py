"""The leaver workflow's Slack ids: its command and message shortcut. Its forms' and buttons' ids are the
workflow's own (bot/accounts/leaver_messages.py)."""

from __future__ import annotations

COMMAND = "/leaver"
SHORTCUT = "leaver.from_message"

