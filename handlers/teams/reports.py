"""Teams: `report` in the bot's 1:1 chat offers the report form as a dialog; its submission is checked
and filed as Slack's modal is (bot/reports/workflow.py `receive_report`); the dialog's last page says where
it went, and the reporter's own card follows in their chat. A handler's card acknowledges with a button and asks, escalates, resolves and reopens through
dialogs, each authorised by the domain as in Slack. Thin: parse the activity into the domain's terms, call
the domain, render."""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Awaitable, Callable
from datetime import tzinfo
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.messages import Button, Buttons, ButtonStyle, Code, Form, Message, Paragraph
from bot.messages import FormErrors as FormErrorsOf
from bot.reports import chronology, export, workflow
from bot.reports import messages as said
from bot.reports.chronology import ShownHistory
from bot.reports.workflow import TEXT_LIMITS, FormErrors, ReportForm
from bot.services import Services
from bot.snapshot import org_snapshot
from bot.teams.activities import CardAction, DialogRequest
from bot.teams.cards import CHECKED, OPENS_DIALOG
from bot.teams.files import FileOffer
from bot.teams.server import DialogListener, InvokeAnswer, TeamsApp, Turn
from handlers.teams.cards import card_answer, message_answer
from handlers.teams.forms import (
    AlreadySubmitted,
    carried,
    carried_id,
    carried_text,
    dialog_id_in,
    fresh_state,
    mark_submitted,
    say_in_dialog,
    show_dialog,
    text_answer,
)
from handlers.teams.report_clocks import clock_button

FILE_DIALOG = "report.file"
OFFER = "teams.report_offer"
LIST = "teams.report_list"
WHICH_REPORT = ("Please give the report's reference, for example ", Code("report show TMW-2026-0042"), ".")
HISTORY_SENT = "I've put the report's history in our chat."
HISTORY_NOT_SENT = "I couldn't show the history just now. Please press History again in a minute."
NOT_THIS_FORM = "I can't tell which form this was. Please type report and open it again."
# A handling dialog or a reply opens from a button on the report's card, not from `report`.
NOT_THIS_HANDLING_FORM = "I can't tell which report this form was for. Please open it again from the report's card."
# "report show TMW-2026-0042": one word after "show" is a reference; anything longer describes a concern.
SHOW = re.compile(r"^show\s+(\S+)$", re.IGNORECASE)
NOT_THIS_REPORT = "I can't tell which report this button was for. Please use the buttons on the report's own card."


class Verb:
    """What the buttons of a report's card are called in Teams (each comes back as adaptiveCard/action)."""

    ACKNOWLEDGE = "report.acknowledge"
    # These open a dialog (bot/teams/cards.py OPENS_DIALOG): each asks something before it acts.
    ASK = OPENS_DIALOG + "report.ask"
    ESCALATE = OPENS_DIALOG + "report.escalate"
    RESOLVE = OPENS_DIALOG + "report.resolve"
    REOPEN = OPENS_DIALOG + "report.reopen"
    # The reporter's Reply to a handler's question.
    REPLY = OPENS_DIALOG + "report.reply"
    HISTORY = "report.history"
    EXPORT = "report.export"
    TAKE_DOWN = "report.take_down"
    REVOKE_ACCESS = "report.revoke_access"
    START_PASSWORD_CHANGE = "report.start_password_change"


REPLY_DIALOG = Verb.REPLY.removeprefix(OPENS_DIALOG)

CARD_ACTIONS = said.CardActions(
    acknowledge=Verb.ACKNOWLEDGE, ask=Verb.ASK, escalate=Verb.ESCALATE, resolve=Verb.RESOLVE, reopen=Verb.REOPEN,
    history=Verb.HISTORY, export=Verb.EXPORT, take_down=Verb.TAKE_DOWN, revoke_access=Verb.REVOKE_ACCESS,
    start_password_change=Verb.START_PASSWORD_CHANGE, clock=clock_button,
)


def offer(params: dict[str, Any]) -> Message:
    """The reply to `report`: a button that opens the form (Teams opens a dialog only from a button)."""
    line = "Tell me about a concern, and I'll pass it to the right person at once."
    return Message(summary=line, parts=[
        Paragraph([line]), Paragraph([said.DANGER_NOTE]),
        Buttons([Button("Report a concern", OPENS_DIALOG + FILE_DIALOG, value=params.get("description", ""),
                        style=ButtonStyle.PRIMARY)]),
    ])


def handler_card(params: dict[str, Any]) -> Message:
    """A handler's card; its buttons carry the report (and the tier they saw) when they may act on it."""
    value = json.dumps({"report_id": params["report_id"], "tier": params.get("tier", 0)}) if params.get("can_act") else ""
    return said.handler_card(params, CARD_ACTIONS, value)


def question(params: dict[str, Any]) -> Message:
    """A handler's question to the reporter; its Reply button carries the question's note."""
    return said.question(params, Verb.REPLY, json.dumps({"note_id": params["note_id"]}))


def _report_pressed(value: str) -> int | None:
    """The report a button carries."""
    return carried_id(carried(value), "report_id")


def report_list(params: dict[str, Any]) -> Message:
    return Message(summary="Your reports", parts=said.report_list(params["rows"]))


def history(shown: ShownHistory, tz: tzinfo) -> Message:
    return Message(summary=f"History of {shown.chronology.reference}",
                   parts=said.history(shown.chronology, shown.kind_label, tz))


async def _show_history(turn: Turn, *, reference: str = "", report_id: int | None = None) -> bool:
    """A report's history for whoever asked, in their chat, sent at once and never kept (as Slack's is
    shown to them alone); a refusal is said the same way. Both are audited by the domain."""
    shown = await chronology.history_for(turn.services, turn.person, reference=reference, report_id=report_id)
    if shown is None:
        return await turn.answer_now(Message(summary=chronology.REFUSAL, parts=[Paragraph([chronology.REFUSAL])]))
    return await turn.answer_now(history(shown, turn.services.tz))


def _note_pressed(value: str) -> int | None:
    """The question (a report's note) a Reply button or its dialog carries."""
    return carried_id(carried(value), "note_id")


def case_file(params: dict[str, Any]) -> FileOffer:
    """A case's PDF, to the person who exported it alone: Teams asks them first (a file consent card)."""
    reference = params["reference"]
    return FileOffer(filename=params["filename"], label=reference, file_param="pdf_b64",
                     content_b64=params.get("pdf_b64"),
                     description=f"The case record of {reference}, as you asked. It holds a safeguarding case's "
                                 "personal details, for you alone. Press Allow to save it to your OneDrive.")


# What the report workflow sends people, for those reached in Teams.
RENDERERS: dict[str, Callable[[dict[str, Any]], Message]] = {
    OFFER: offer,
    LIST: report_list,
    "report.handler": handler_card,
    "report.watcher": said.watcher_card,
    "report.told": said.told,
    "report.reporter": said.reporter_card,
    "report.question": question,
    "report.answered": said.answered,
    "report.reminder": said.reminder,
    "report.still_handled": said.still_handled,
    "report.ico_reminder": said.ico_reminder,
    "report.clock_reminder": said.clock_reminder,
    "report.clock_overdue": said.clock_overdue,
    "report.revoke_access": said.revoke_access,
    "report.add_reporter": said.add_reporter,
    "report.case_file": case_file,
}




async def _form(turn: Turn, request: DialogRequest) -> ReportForm:
    answers = request.values
    team_member = text_answer(answers, said.FieldId.TEAM_MEMBER).split(",")[0]
    return ReportForm(
        kind=text_answer(answers, said.FieldId.KIND) or None,
        description=text_answer(answers, said.FieldId.DESCRIPTION),
        activity=text_answer(answers, said.FieldId.ACTIVITY) or None,
        # Teams' people picker gives an Entra object id; the domain knows people by their keys.
        team_member=await turn.person_of(team_member) if team_member else None,
        participant=text_answer(answers, said.FieldId.PARTICIPANT),
        when_text=text_answer(answers, said.FieldId.WHEN),
        account=text_answer(answers, said.FieldId.ACCOUNT),
        immediate_risk=text_answer(answers, said.FieldId.RISK) == CHECKED,
        name_only_to_handler=text_answer(answers, said.FieldId.PRIVACY) == CHECKED,
    )


async def _report_form(turn: Turn, state: str, description: str = "") -> Form:
    snapshot = await org_snapshot(turn.services)
    return said.report_form(FILE_DIALOG, list(snapshot.rules.values()), snapshot.directory.project_names,
                            description[: TEXT_LIMITS[said.FieldId.DESCRIPTION]], state)


# -- handling a report through its dialogs ----------------------------------------------------------

# A handling dialog's form, from its id, state and the report's reference.
FormOf = Callable[[str, str, str], Form]
# What submitting it does: (session, services, actor, report id, tier seen, answers) -> Outcome.
Act = Callable[[AsyncSession, Services, str, int, int, dict[str, Any]], Awaitable[workflow.Outcome]]

HANDLING: dict[str, tuple[FormOf, Act]] = {
    Verb.ASK: (said.ask_form, lambda s, sv, actor, report_id, tier, answers: workflow.ask_reporter(
        s, sv, report_id, actor, text_answer(answers, said.FieldId.QUESTION))),
    Verb.ESCALATE: (said.escalate_form, lambda s, sv, actor, report_id, tier, answers: workflow.escalate(
        s, sv, report_id, actor, text_answer(answers, said.FieldId.REASON), from_tier=tier)),
    Verb.RESOLVE: (said.resolve_form, lambda s, sv, actor, report_id, tier, answers: workflow.resolve(
        s, sv, report_id, actor, text_answer(answers, said.FieldId.OUTCOME),
        text_answer(answers, said.FieldId.ACTIONS_TAKEN))),
    Verb.REOPEN: (said.reopen_form, lambda s, sv, actor, report_id, tier, answers: workflow.reopen(
        s, sv, report_id, actor, text_answer(answers, said.FieldId.REASON))),
}


def _handling_state(state: str) -> tuple[str, int, int] | None:
    """The dialog's id, the report and the tier its handler saw, from what the form carried."""
    values = carried(state)
    dialog_id, report_id, tier = carried_text(values, "dialog"), carried_id(values, "report_id"), carried_id(values, "tier")
    if not dialog_id or report_id is None or tier is None:
        return None
    return dialog_id, report_id, tier


def _opener(form_id: str, build: FormOf) -> DialogListener:
    async def open_dialog(turn: Turn, request: DialogRequest) -> InvokeAnswer:
        report_id = _report_pressed(text_answer(request.values, "value"))
        if report_id is None:
            return say_in_dialog(NOT_THIS_REPORT)
        async with turn.services.db.unit_of_work() as session:
            report = await workflow.ensure_can_handle(session, report_id, turn.person)
            state = json.dumps({"dialog": secrets.token_urlsafe(16), "report_id": report.id, "tier": report.tier})
            reference = report.reference
        return show_dialog(build(form_id, state, reference))
    return open_dialog


def _submitter(form_id: str, build: FormOf, act: Act) -> DialogListener:
    async def submit_dialog(turn: Turn, request: DialogRequest) -> InvokeAnswer:
        carried = _handling_state(request.state)
        if carried is None:
            return say_in_dialog(NOT_THIS_HANDLING_FORM)
        dialog_id, report_id, tier = carried
        services = turn.services
        try:
            async with services.db.unit_of_work() as session:
                await mark_submitted(session, services, dialog_id)
                outcome = await act(session, services, turn.person, report_id, tier, request.values)
        except AlreadySubmitted:
            return None
        except FormErrors as exc:
            async with services.db.reading() as session:
                reference = (await workflow.ensure_can_handle(session, report_id, turn.person)).reference
            return show_dialog(build(form_id, request.state, reference), FormErrorsOf(exc.errors), request.values)
        except DomainError as exc:
            # Refused (not on the chain, a report gone): nothing the form could fix.
            return say_in_dialog(exc.user_message)
        services.wake_scheduler()
        return say_in_dialog(outcome.message)
    return submit_dialog


def register(app: TeamsApp) -> None:
    @app.command("report")
    async def offer_form(turn: Turn, rest: str) -> None:
        if rest.lower() == "list":
            async with turn.services.db.reading() as session:
                rows = await workflow.reports_for(session, turn.services, turn.person)
            await turn.reply(LIST, {"rows": rows})
            return
        if rest.lower() == "show":
            await turn.answer_now(Message(summary=WHICH_REPORT, parts=[Paragraph([WHICH_REPORT])]))
            return
        if (shown := SHOW.match(rest)) is not None:
            await _show_history(turn, reference=shown[1])
            return
        # Other words after "report" describe the concern, as after Slack's /report: the form starts with them.
        await turn.reply(OFFER, {"description": rest})

    async def open_form(turn: Turn, request: DialogRequest) -> InvokeAnswer:
        description = request.values.get("value")
        form = await _report_form(turn, fresh_state(),
                                  description if isinstance(description, str) else "")
        return show_dialog(form)

    async def submit_form(turn: Turn, request: DialogRequest) -> InvokeAnswer:
        dialog_id = dialog_id_in(request.state)
        if not dialog_id:
            return say_in_dialog(NOT_THIS_FORM)
        form = await _form(turn, request)
        try:
            # Keyed by who submitted it too: someone else sending this form's id cannot claim its report.
            report = await workflow.receive_report(turn.services, form, turn.person,
                                                   f"teams-dialog:{dialog_id}:{turn.person}",
                                                   turn.activity.sender.name)
        except FormErrors as exc:
            return show_dialog(await _report_form(turn, request.state), FormErrorsOf(exc.errors), request.values)
        except DomainError as exc:
            return show_dialog(await _report_form(turn, request.state), FormErrorsOf({said.FieldId.KIND: exc.user_message}),
                               request.values)
        # The form's last page, in the dialog, as in Slack's modal: nothing more to write before answering.
        # The reporter's own card, updated as the report is handled, follows in their chat (the outbox).
        return show_dialog(said.filed(report))

    app.dialog(FILE_DIALOG, fetch=open_form, submit=submit_form)

    async def open_reply(turn: Turn, request: DialogRequest) -> InvokeAnswer:
        note_id = _note_pressed(text_answer(request.values, "value"))
        if note_id is None:
            return say_in_dialog(NOT_THIS_REPORT)
        # Only the reporter may see the question here: the domain refuses anyone else.
        async with turn.services.db.unit_of_work() as session:
            asked = await workflow.question_for_reporter(session, turn.services, note_id, turn.person)
        state = json.dumps({"dialog": secrets.token_urlsafe(16), "note_id": note_id})
        return show_dialog(said.reply_form(REPLY_DIALOG, state, asked))

    async def submit_reply(turn: Turn, request: DialogRequest) -> InvokeAnswer:
        dialog_id, note_id = dialog_id_in(request.state), _note_pressed(request.state)
        if not dialog_id or note_id is None:
            return say_in_dialog(NOT_THIS_HANDLING_FORM)
        services = turn.services
        answer = text_answer(request.values, said.FieldId.ANSWER)
        try:
            async with services.db.unit_of_work() as session:
                await mark_submitted(session, services, dialog_id)
                outcome = await workflow.answer_question(session, services, note_id, turn.person, answer)
        except AlreadySubmitted:
            return None
        except FormErrors as exc:
            async with services.db.reading() as session:
                asked = await workflow.question_for_reporter(session, services, note_id, turn.person)
            return show_dialog(said.reply_form(REPLY_DIALOG, request.state, asked), FormErrorsOf(exc.errors),
                               request.values)
        services.wake_scheduler()
        return say_in_dialog(outcome.message)

    app.dialog(REPLY_DIALOG, fetch=open_reply, submit=submit_reply)

    for verb, (build, act) in HANDLING.items():
        dialog_id = verb.removeprefix(OPENS_DIALOG)
        app.dialog(dialog_id, fetch=_opener(dialog_id, build), submit=_submitter(dialog_id, build, act))

    @app.card_action(Verb.HISTORY)
    async def show_history(turn: Turn, action: CardAction) -> InvokeAnswer:
        report_id = _report_pressed(action.value)
        if report_id is None:
            return message_answer(NOT_THIS_REPORT)
        # Its answer is a short message beside the button; the history itself goes to the chat, unkept.
        shown = await _show_history(turn, report_id=report_id)
        return message_answer(HISTORY_SENT if shown else HISTORY_NOT_SENT)

    @app.card_action(Verb.ACKNOWLEDGE)
    async def acknowledge(turn: Turn, action: CardAction) -> InvokeAnswer:
        report_id = _report_pressed(action.value)
        if report_id is None:
            return message_answer(NOT_THIS_REPORT)
        services = turn.services
        try:
            # Only a handler of the report may: the domain refuses anyone else, and nothing changes.
            async with services.db.unit_of_work() as session:
                outcome = await workflow.acknowledge(session, services, report_id, turn.person)
                shown = await workflow.handler_view(session, services, report_id, turn.person)
        except DomainError as exc:
            return message_answer(exc.user_message)
        services.wake_scheduler()  # everyone else's card, and the reporter, are told through the outbox
        if shown is None:
            return message_answer(outcome.message)
        return await card_answer(services, handler_card(shown))

    @app.card_action(Verb.EXPORT)
    async def export_case(turn: Turn, action: CardAction) -> InvokeAnswer:
        report_id = _report_pressed(action.value)
        if report_id is None:
            return message_answer(NOT_THIS_REPORT)
        services = turn.services
        try:
            # The same people as in Slack may (export.REFUSAL for anyone else, audited): the PDF goes
            # through the outbox to the person who pressed, alone, as a file they are asked to allow.
            async with services.db.unit_of_work() as session:
                outcome = await export.export_to_dm(session, services, report_id, turn.person)
        except DomainError as exc:
            return message_answer(exc.user_message)
        services.wake_scheduler()
        return message_answer(outcome.message)
