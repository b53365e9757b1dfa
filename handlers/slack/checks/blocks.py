"""The outgoing checks' messages (bot/checks/messages.py) as Block Kit, with Slack's names for the
moderators' buttons (handlers/slack/checks/ids.py)."""

from __future__ import annotations

from typing import Any

from bot.checks import CheckResult
from bot.checks import messages as said
from bot.slack.blockkit import BLOCK_KIT
from bot.slack.delivery import Rendered
from handlers.slack.checks.ids import Action

NOTICE_ACTIONS = said.NoticeActions(remove=Action.REMOVE.value, fine=Action.FINE.value)


def render_check_result(result: CheckResult) -> Rendered:
    return BLOCK_KIT.message(said.check_result(result))


def render_guarded_warning(result: CheckResult, channel: str) -> Rendered:
    return BLOCK_KIT.message(said.guarded_warning(result, channel))


def render_guarded_notice(params: dict[str, Any]) -> Rendered:
    return BLOCK_KIT.message(said.guarded_notice(params, NOTICE_ACTIONS))


RENDERERS = {"checks.guarded_notice": render_guarded_notice}
