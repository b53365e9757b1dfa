"""Teams: `dbs` (optionally with a name) in the bot's 1:1 chat offers an admin the form that records a DBS
check, as Slack's `/dbs @person` does (handlers/slack/dbs.py); its submission is checked and recorded by
the domain (bot/dbs/workflow.py `record_check`), admins only, once however often Teams sends it. The
certificate number is kept encrypted and never shown back, not even in a form shown again. Thin: parse
the activity into the domain's terms, call the domain, render."""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.dbs import messages as said
from bot.dbs.messages import RECORD_FORM, FieldId, record_form
from bot.dbs.workflow import DbsForm, ensure_admin, record_check
from bot.directory import Directory
from bot.errors import DomainError, FormErrors
from bot.messages import Button, Buttons, ButtonStyle, Message, Paragraph
from bot.messages import FormErrors as FormErrorsOf
from bot.snapshot import org_snapshot
from bot.teams.activities import DialogRequest
from bot.teams.cards import CHECKED, OPENS_DIALOG
from bot.teams.server import InvokeAnswer, TeamsApp, Turn
from handlers.teams.forms import (
    AlreadySubmitted,
    dialog_id_in,
    fresh_state,
    mark_submitted,
    people_cards,
    say_in_dialog,
    show_dialog,
    text_answer,
)

COMMAND = "dbs"
OFFER = "teams.dbs_offer"
# The button that opens the form (Teams opens a dialog only from a button).
RECORD = OPENS_DIALOG + RECORD_FORM
NOT_THIS_FORM = "I can't tell which form this was. Please type dbs and open it again."
ALREADY_SAVED = "That DBS check was saved already."
TYPE_AGAIN = "Please type the number again: I never show it back."


def offer(params: dict[str, Any]) -> Message:
    """The reply to `dbs`: a button that opens the form, for the person named if one was."""
    whose = f"{params['name']}'s" if params.get("name") else "someone's"
    line = f"Record {whose} DBS check. The certificate number is kept encrypted and never shown again."
    return Message(summary=line, parts=[
        Paragraph([line]),
        Buttons([Button("Record a DBS check", RECORD, value=params.get("person", ""), style=ButtonStyle.PRIMARY)]),
    ])


# What the DBS workflow sends people, for those reached in Teams.
RENDERERS = {
    OFFER: offer,
    "dbs.reminder": said.reminder,
    "dbs.missing": lambda params: said.missing(params, COMMAND),
}


async def _directory_of_admin(turn: Turn) -> Directory:
    """The organisation's directory, once the person is known to be an admin (the domain's rule)."""
    directory = (await org_snapshot(turn.services)).directory
    ensure_admin(directory.by_key(turn.person))
    return directory


def _date(answers: dict[str, Any], field_id: str) -> date | None:
    try:
        return date.fromisoformat(text_answer(answers, field_id))
    except ValueError:
        return None  # empty, or not a date: the domain says what it needs


async def _form(turn: Turn, answers: dict[str, Any]) -> DbsForm:
    # Teams' people picker gives an Entra object id; the domain knows people by their keys.
    chosen = text_answer(answers, FieldId.PERSON).split(",")[0]
    return DbsForm(
        person=await turn.person_of(chosen) if chosen else None,
        check_type=text_answer(answers, FieldId.CHECK_TYPE) or None,
        certificate_date=_date(answers, FieldId.CERTIFICATE_DATE),
        certificate_number=text_answer(answers, FieldId.CERTIFICATE_NUMBER),
        update_service=text_answer(answers, FieldId.UPDATE_SERVICE) == CHECKED,
        next_review=_date(answers, FieldId.NEXT_REVIEW),
    )


def _shown_again(request: DialogRequest, errors: dict[str, str]) -> InvokeAnswer:
    """The form again, with each problem beside its field and what was typed, but never the number."""
    answers = {k: v for k, v in request.values.items() if k != FieldId.CERTIFICATE_NUMBER}
    if text_answer(request.values, FieldId.CERTIFICATE_NUMBER) and FieldId.CERTIFICATE_NUMBER not in errors:
        errors = {**errors, FieldId.CERTIFICATE_NUMBER: TYPE_AGAIN}
    return show_dialog(record_form(state=request.state), FormErrorsOf(errors), answers)


def register(app: TeamsApp) -> None:
    @app.command(COMMAND)
    async def offer_form(turn: Turn, _rest: str) -> None:
        directory = await _directory_of_admin(turn)
        # A name, as typed or as a mention (Teams sends a mention as the name it shows).
        typed = turn.activity.words_after_command()
        if not typed:
            await turn.reply(OFFER, {})
            return
        named = directory.named(typed)
        person = named[0] if len(named) == 1 else None
        if person is None:
            shown = typed if len(typed) <= 60 else typed[:59] + "…"
            raise DomainError(f"I don't know who “{shown}” is, so no form was opened. Please type dbs on its own "
                              "and choose them in the form.")
        await turn.reply(OFFER, {"person": person.key, "name": person.name})

    async def open_form(turn: Turn, request: DialogRequest) -> InvokeAnswer:
        try:
            directory = await _directory_of_admin(turn)
        except DomainError as exc:
            return say_in_dialog(exc.user_message)
        chosen = directory.by_key(text_answer(request.values, "value"))
        return show_dialog(record_form(chosen.key if chosen else None, fresh_state()), cards=people_cards(directory))

    async def submit_form(turn: Turn, request: DialogRequest) -> InvokeAnswer:
        dialog_id = dialog_id_in(request.state)
        if not dialog_id:
            return say_in_dialog(NOT_THIS_FORM)
        services = turn.services
        form = await _form(turn, request.values)
        try:
            await _directory_of_admin(turn)
            async with services.db.unit_of_work() as session:
                # Claimed with the work: a refused or faulty submission leaves no mark, a repeat records nothing.
                await mark_submitted(session, services, f"{dialog_id}:{turn.person}")
                recorded = await record_check(session, services, form, turn.person)
        except AlreadySubmitted:
            return say_in_dialog(ALREADY_SAVED)
        except FormErrors as exc:
            return _shown_again(request, exc.errors)
        except DomainError as exc:
            # Refused (not an admin): nothing the form could fix.
            return say_in_dialog(exc.user_message)
        services.wake_scheduler()
        return say_in_dialog(recorded)

    app.dialog(RECORD_FORM, fetch=open_form, submit=submit_form)
