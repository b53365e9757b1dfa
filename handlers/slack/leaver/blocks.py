"""The leaver workflow in Slack: its messages and form (bot/accounts/leaver_messages.py) as Block Kit, with
Slack's names for the checklist's buttons (handlers/slack/leaver/ids.py)."""

from __future__ import annotations

from typing import Any

from bot.accounts import leaver_messages as said
from bot.accounts.leavers import LeaverPreview
from bot.messages import Form, Paragraph
from bot.slack.blockkit import BLOCK_KIT
from handlers.slack.accounts.ids import ROTATED_COMMAND
from handlers.slack.leaver.ids import Action

CHECKLIST_ACTIONS = said.ChecklistActions(task_done=Action.TASK_DONE, cancel=Action.CANCEL, rotated=ROTATED_COMMAND)


def leaver_modal(preview: LeaverPreview) -> dict[str, Any]:
    return BLOCK_KIT.modal(said.confirm_form(preview))


def done_view(message: str) -> dict[str, Any]:
    return BLOCK_KIT.modal(Form(id="", title="Leaver checklist", close="Close", fields=[Paragraph([message])]))


RENDERERS = {
    "leaver.notice": lambda params: BLOCK_KIT.message(said.notice(params)),
    "leaver.cancelled": lambda params: BLOCK_KIT.message(said.cancelled(params)),
    "leaver.checklist": lambda params: BLOCK_KIT.message(said.checklist(params, CHECKLIST_ACTIONS)),
    "leaver.complete": lambda params: BLOCK_KIT.message(said.complete(params)),
    "leaver.reminder": lambda params: BLOCK_KIT.message(said.reminder(params)),
    "leaver.revoke_young_leader": lambda params: BLOCK_KIT.message(said.revoke_young_leader(params)),
}
