"""The leaver workflow in Slack: its messages and form (bot/accounts/leaver_messages.py) as Block Kit."""

from __future__ import annotations

from typing import Any

from bot.accounts import leaver_messages as said
from bot.accounts.leavers import LeaverPreview
from bot.messages import Form, Paragraph
from bot.slack.blockkit import BLOCK_KIT


def leaver_modal(preview: LeaverPreview) -> dict[str, Any]:
    return BLOCK_KIT.modal(said.confirm_form(preview))


def done_view(message: str) -> dict[str, Any]:
    return BLOCK_KIT.modal(Form(id="", title="Leaver checklist", close="Close", fields=[Paragraph([message])]))


RENDERERS = {
    "leaver.notice": lambda params: BLOCK_KIT.message(said.notice(params)),
    "leaver.cancelled": lambda params: BLOCK_KIT.message(said.cancelled(params)),
    "leaver.checklist": lambda params: BLOCK_KIT.message(said.checklist(params)),
    "leaver.complete": lambda params: BLOCK_KIT.message(said.complete(params)),
    "leaver.reminder": lambda params: BLOCK_KIT.message(said.reminder(params)),
    "leaver.revoke_young_leader": lambda params: BLOCK_KIT.message(said.revoke_young_leader(params)),
}
