"""The report workflow's messages and forms (bot/reports/messages.py) as Block Kit, with Slack's names for
their forms and buttons (handlers/slack/reports/ids.py) and what the buttons carry (handlers/slack/reports/metadata.py)."""

from __future__ import annotations

import base64
from collections.abc import Callable, Sequence
from typing import Any

from bot.messages import Message
from bot.reports import messages as said
from bot.reports.chronology import Chronology
from bot.reports.kinds import RoutingRule, StatutoryClock
from bot.reports.workflow import Filed
from bot.slack.blockkit import BLOCK_KIT
from bot.slack.delivery import Rendered, RenderedFile
from bot.slack.people import slack_user_of
from handlers.slack.reports.ids import ACTIONS_BLOCK, Action, Callback, clock_action
from handlers.slack.reports.metadata import ButtonValue, ClockMeta, FilingMeta, ReplyMeta, ReportActionMeta

CARD_ACTIONS = said.CardActions(
    acknowledge=Action.ACKNOWLEDGE, ask=Action.ASK, escalate=Action.ESCALATE, resolve=Action.RESOLVE,
    reopen=Action.REOPEN, history=Action.HISTORY, export=Action.EXPORT, take_down=Action.TAKE_DOWN,
    revoke_access=Action.REVOKE_ACCESS, start_password_change=Action.START_PASSWORD_CHANGE, clock=clock_action,
    row=ACTIONS_BLOCK,
)


def _people_on_slack(params: dict[str, Any], *names: str) -> dict[str, Any]:
    """The params with any person reference that is not someone on Slack dropped (then the name is shown
    alone): only a person with a Slack user id may become a mention."""
    odd = [name for name in names if params.get(name) and slack_user_of(params[name]) is None]
    return {**params, **dict.fromkeys(odd)} if odd else params


# -- filing ------------------------------------------------------------------------------------------


def report_modal(rules: Sequence[RoutingRule], projects: dict[str, str], description: str = "", channel_id: str = "") -> dict[str, Any]:
    state = FilingMeta(channel_id=channel_id).model_dump_json()
    return BLOCK_KIT.modal(said.report_form(Callback.FILE, rules, projects, description, state))


def filed_view(filed: Filed) -> dict[str, Any]:
    """The modal's last page. Built while Slack waits for the acknowledgement: the renderer's plain JSON,
    never slack_sdk's models, whose checks cost more than the rest of filing. A test checks it against them."""
    return BLOCK_KIT.modal(said.filed(filed))


# -- what people receive -----------------------------------------------------------------------------


def handler_card(params: dict[str, Any]) -> Message:
    """A handler's card, with Slack's names for its buttons and what they carry (the App Home shows it too)."""
    value = ButtonValue(report_id=params["report_id"], tier=params.get("tier", 0)).model_dump_json() if params.get("can_act") else ""
    return said.handler_card(_people_on_slack(params, "reporter_ref"), CARD_ACTIONS, value)


def render_handler(params: dict[str, Any]) -> Rendered:
    return BLOCK_KIT.message(handler_card(params))


def render_watcher(params: dict[str, Any]) -> Rendered:
    return BLOCK_KIT.message(said.watcher_card(_people_on_slack(params, "reporter_ref")))


def render_question(params: dict[str, Any]) -> Rendered:
    value = ReplyMeta(note_id=params["note_id"]).model_dump_json()
    return BLOCK_KIT.message(said.question(params, Action.REPLY, value))


def render_add_reporter(params: dict[str, Any]) -> Rendered:
    return BLOCK_KIT.message(said.add_reporter(_people_on_slack(params, "person_ref")))


def render_case_file(params: dict[str, Any]) -> Rendered:
    """A case's PDF, to the person who exported it alone."""
    return Rendered(text=BLOCK_KIT.mrkdwn(said.case_file(params)),
                    file=RenderedFile(filename=params["filename"], title=f"Case record {params['reference']}",
                                      content=base64.b64decode(params["pdf_b64"])))


def _simply(describe: Callable[[dict[str, Any]], Any]) -> Callable[[dict[str, Any]], Rendered]:
    return lambda params: BLOCK_KIT.message(describe(params))


render_reporter = _simply(said.reporter_card)
render_told = _simply(said.told)

RENDERERS = {
    "report.case_file": render_case_file,
    "report.handler": render_handler,
    "report.watcher": render_watcher,
    "report.told": render_told,
    "report.reporter": render_reporter,
    "report.question": render_question,
    "report.answered": _simply(said.answered),
    "report.reminder": _simply(said.reminder),
    "report.still_handled": _simply(said.still_handled),
    "report.ico_reminder": _simply(said.ico_reminder),
    "report.clock_reminder": _simply(said.clock_reminder),
    "report.clock_overdue": _simply(said.clock_overdue),
    "report.revoke_access": _simply(said.revoke_access),
    "report.add_reporter": render_add_reporter,
}


# -- handling modals ---------------------------------------------------------------------------------


def ask_modal(meta: ReportActionMeta, reference: str) -> dict[str, Any]:
    return BLOCK_KIT.modal(said.ask_form(Callback.ASK, meta.model_dump_json(), reference))


def escalate_modal(meta: ReportActionMeta, reference: str) -> dict[str, Any]:
    return BLOCK_KIT.modal(said.escalate_form(Callback.ESCALATE, meta.model_dump_json(), reference))


def resolve_modal(meta: ReportActionMeta, reference: str) -> dict[str, Any]:
    return BLOCK_KIT.modal(said.resolve_form(Callback.RESOLVE, meta.model_dump_json(), reference))


def reopen_modal(meta: ReportActionMeta, reference: str) -> dict[str, Any]:
    return BLOCK_KIT.modal(said.reopen_form(Callback.REOPEN, meta.model_dump_json(), reference))


def clock_modal(meta: ClockMeta, reference: str, clock: StatutoryClock) -> dict[str, Any]:
    return BLOCK_KIT.modal(said.clock_form(Callback.RECORD_CLOCK, meta.model_dump_json(), reference, clock))


def reply_modal(note_id: int, question: str) -> dict[str, Any]:
    return BLOCK_KIT.modal(said.reply_form(Callback.REPLY, ReplyMeta(note_id=note_id).model_dump_json(), question))


def report_list_blocks(rows: list[dict[str, str]]) -> list[dict[str, Any]]:
    return BLOCK_KIT.blocks(said.report_list(rows))


def history_blocks(chronology: Chronology, kind_label: str, tz: Any) -> list[dict[str, Any]]:
    return BLOCK_KIT.blocks(said.history(chronology, kind_label, tz))
