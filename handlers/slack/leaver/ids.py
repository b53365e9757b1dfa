"""The leaver workflow's Slack ids: its command, message shortcut and what Slack calls the checklist's
buttons. Its form's and fields' ids, and what the buttons carry, are the workflow's own
(bot/accounts/leaver_messages.py)."""

from __future__ import annotations

from enum import StrEnum

COMMAND = "/leaver"
SHORTCUT = "leaver.from_message"


class Action(StrEnum):
    """The checklist's buttons in Slack (their action ids)."""

    TASK_DONE = "leaver.task_done"
    CANCEL = "leaver.cancel"
