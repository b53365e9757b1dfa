"""Teams: a report's statutory clocks (the ICO, the LADO, the Charity Commission). Each open clock has a
button on its handlers' cards ("Record the LADO referral") that opens a dialog, the form Slack's modal
shows (bot/reports/messages.py `clock_form`); its submission is checked and recorded by the domain
(bot/reports/workflow.py `record_clock`) as Slack's is, refused the same way for anyone not handling the
report, and shown again with the same messages beside the fields when something needs changing. Once
recorded, the report's cards are updated in place for everyone who holds them (through the outbox)."""

from __future__ import annotations

import json
import secrets

from bot.errors import DomainError
from bot.messages import FormErrors as FormErrorsOf
from bot.reports import messages as said
from bot.reports import workflow
from bot.reports.kinds import ClockId
from bot.reports.workflow import FormErrors
from bot.teams.activities import DialogRequest
from bot.teams.cards import OPENS_DIALOG
from bot.teams.server import DialogListener, InvokeAnswer, TeamsApp, Turn
from handlers.teams.forms import (
    AlreadySubmitted,
    carried,
    carried_id,
    carried_text,
    mark_submitted,
    say_in_dialog,
    show_dialog,
    text_answer,
)

# One dialog per clock, "report.clock.lado": the buttons of one card must differ, and the dialog's id
# says which clock it records.
CLOCK_DIALOG_PREFIX = "report.clock."
NOT_THIS_REPORT = "I can't tell which report this button was for. Please use the buttons on the report's own card."
NOT_THIS_FORM = "I can't tell which report this form was for. Please open it again from the report."


def clock_button(clock_id: str) -> str:
    """The action of a clock's button on a handler's card: it opens that clock's dialog."""
    return f"{OPENS_DIALOG}{CLOCK_DIALOG_PREFIX}{clock_id}"


def _carried(value: str) -> tuple[str, int | None]:
    """What a button or a dialog carries (JSON only the bot writes): the dialog's id ("" if none) and the
    report (None if none); anything else, absent or crafted, carries neither."""
    values = carried(value)
    return carried_text(values, "dialog"), carried_id(values, "report_id")


def _record(clock_id: str, request: DialogRequest) -> workflow.ClockRecord:
    answers = request.values
    return workflow.ClockRecord(
        clock=clock_id, decision=text_answer(answers, said.FieldId.DECISION) or None,
        reported_on=text_answer(answers, said.FieldId.REPORTED_ON),
        reference=text_answer(answers, said.FieldId.REFERENCE), reason=text_answer(answers, said.FieldId.REASON))


def _opener(clock_id: str) -> DialogListener:
    dialog_id = CLOCK_DIALOG_PREFIX + clock_id

    async def open_dialog(turn: Turn, request: DialogRequest) -> InvokeAnswer:
        _, report_id = _carried(text_answer(request.values, "value"))
        if report_id is None:
            return say_in_dialog(NOT_THIS_REPORT)
        try:
            # Only someone handling the report may, and only while the clock is open: as in Slack.
            async with turn.services.db.reading() as session:
                report, clock = await workflow.clock_for_action(session, report_id, turn.person, clock_id)
                state = json.dumps({"dialog": secrets.token_urlsafe(16), "report_id": report.id})
                reference = report.reference
        except DomainError as exc:
            return say_in_dialog(exc.user_message)
        return show_dialog(said.clock_form(dialog_id, state, reference, clock))
    return open_dialog


def _submitter(clock_id: str) -> DialogListener:
    dialog_id = CLOCK_DIALOG_PREFIX + clock_id

    async def submit_dialog(turn: Turn, request: DialogRequest) -> InvokeAnswer:
        opened_as, report_id = _carried(request.state)
        if not opened_as or report_id is None:
            return say_in_dialog(NOT_THIS_FORM)
        services = turn.services
        try:
            async with services.db.unit_of_work() as session:
                await mark_submitted(session, services, opened_as)
                outcome = await workflow.record_clock(session, services, report_id, turn.person,
                                                      _record(clock_id, request))
        except AlreadySubmitted:
            return None
        except FormErrors as exc:
            try:
                async with services.db.reading() as session:
                    report, clock = await workflow.clock_for_action(session, report_id, turn.person, clock_id)
                    reference = report.reference
            except DomainError as gone:
                return say_in_dialog(gone.user_message)
            form = said.clock_form(dialog_id, request.state, reference, clock)
            return show_dialog(form, FormErrorsOf(exc.errors), request.values)
        except DomainError as exc:
            # Refused (not on the chain, a report gone): nothing the form could fix.
            return say_in_dialog(exc.user_message)
        services.wake_scheduler()  # the report's cards are updated in place, and its reminders stop
        return say_in_dialog(outcome.message)
    return submit_dialog


def register(app: TeamsApp) -> None:
    for clock_id in ClockId:
        app.dialog(CLOCK_DIALOG_PREFIX + clock_id.value, fetch=_opener(clock_id.value),
                   submit=_submitter(clock_id.value))
