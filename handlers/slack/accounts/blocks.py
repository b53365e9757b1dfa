"""The shared-accounts workflow in Slack: its messages and forms (bot/accounts/messages.py) as Block Kit,
with Slack's names for a nudge's buttons (handlers/slack/accounts/ids.py)."""

from __future__ import annotations

from typing import Any

from bot.accounts import messages as said
from bot.messages import Form, Paragraph
from bot.slack.blockkit import BLOCK_KIT
from handlers.slack.accounts.ids import NUDGE_BUTTONS, ROTATED_COMMAND, Action

NUDGE_ACTIONS = said.NudgeActions(changed_now=Action.CHANGED_NOW, changed_on=Action.CHANGED_ON,
                                  snooze=Action.SNOOZE, rotated=ROTATED_COMMAND, row=NUDGE_BUTTONS)


def account_modal(meta: said.SaveMeta, initial: dict[str, Any] | None = None) -> dict[str, Any]:
    return BLOCK_KIT.modal(said.account_form(meta, initial))


def changed_on_modal(meta: said.ChangedOnMeta) -> dict[str, Any]:
    return BLOCK_KIT.modal(said.changed_on_form(meta))


def done_view(message: str) -> dict[str, Any]:
    return BLOCK_KIT.modal(Form(id="", title="Done", close="Close", fields=[Paragraph([message])]))


RENDERERS = {
    "accounts.nudge": lambda params: BLOCK_KIT.message(said.nudge(params, NUDGE_ACTIONS)),
    "accounts.closed": lambda params: BLOCK_KIT.message(said.closed(params)),
    "accounts.escalated": lambda params: BLOCK_KIT.message(said.escalated(params, ROTATED_COMMAND)),
    "accounts.exposed": lambda params: BLOCK_KIT.message(said.exposed(params, ROTATED_COMMAND)),
}
