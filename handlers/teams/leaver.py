"""Teams: the leaver checklist, as Slack's /leaver (handlers/slack/leaver/listeners.py). `leaver NAME` in
the bot's 1:1 chat offers the "Someone is leaving" form as a dialog (Teams opens a dialog only from a
button); `leaver` alone asks who first, with a people picker. The form is checked as Slack's modal is
(bot/accounts/leavers.py `start`), its problems shown again beside their fields, and the same form sent
twice starts one checklist. The checklist's buttons (Mark done, Cancel) work for whoever Slack allows,
once however often pressed, with the card updated in place. Thin: parse the activity into the domain's
terms, call the domain, render."""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from typing import Any

from pydantic import BaseModel, ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.accounts import leaver_messages as said
from bot.accounts import leavers
from bot.accounts.leaver_messages import CONFIRM_FORM, LEAVING_ON, CancelValue, LeaverMeta, TaskValue
from bot.accounts.leavers import ChecklistOutcome, LeaverForm
from bot.accounts.secrets import PasswordTyped, contains_password
from bot.accounts.workflow import FormErrors, Outcome, ensure_register_synced
from bot.commands import MESSAGE_ACTIONS
from bot.errors import DomainError
from bot.messages import Button, Buttons, ButtonStyle, Form, Message, Note, Paragraph, PersonField
from bot.messages import FormErrors as FormErrorsOf
from bot.services import Services
from bot.snapshot import org_snapshot
from bot.teams.activities import CardAction, DialogRequest, MessageActionRequest
from bot.teams.cards import OPENS_DIALOG
from bot.teams.server import InvokeAnswer, TeamsApp, Turn
from handlers.teams.accounts import ROTATED
from handlers.teams.cards import card_answer, message_answer
from handlers.teams.forms import say_in_dialog, show_dialog, text_answer

LEAVER = "leaver"
[SOMEONE_IS_LEAVING] = [action for action in MESSAGE_ACTIONS if action.key == "someone_is_leaving"]
OFFER = "teams.leaver_offer"
# Asks who is leaving, when `leaver` was typed alone; then the form itself.
CHOOSE = "leaver.choose"
WHO = "who"
USAGE = "Who is leaving? For example `leaver Dan Hughes`, or type `leaver` and choose them."
NOT_THIS_FORM = "I can't tell which form this was. Please type leaver and open it again."
NO_AUTHOR = "I can't tell who wrote that message, so I can't start a checklist from it. Please type leaver and their name."
NOT_THIS_CHECKLIST = "I can't tell which checklist this button was for. Please use the buttons on the checklist itself."


class Verb:
    """What the checklist's buttons are called in Teams (each comes back as adaptiveCard/action)."""

    TASK_DONE = "leaver.task_done"
    CANCEL = "leaver.cancel"


CHECKLIST_ACTIONS = said.ChecklistActions(task_done=Verb.TASK_DONE, cancel=Verb.CANCEL, rotated=ROTATED)


def offer(params: dict[str, Any]) -> Message:
    """The reply to `leaver`: a button that opens the form, for the person named or to choose them."""
    if params.get("person"):
        line = (f"Is {params['name']} leaving? I'll show you what that changes (their accounts, reports and "
                "roles) before anything happens.")
        button = Button(f"Start for {params['name']}", OPENS_DIALOG + CONFIRM_FORM, value=params["person"],
                        style=ButtonStyle.PRIMARY)
    else:
        line = "Someone is leaving? Choose who, and I'll show you what that changes before anything happens."
        button = Button("Someone is leaving", OPENS_DIALOG + CHOOSE, style=ButtonStyle.PRIMARY)
    return Message(summary=line, parts=[Paragraph([line]), Buttons([button])])


# What the leaver workflow sends people, for those reached in Teams.
RENDERERS: dict[str, Callable[[dict[str, Any]], Message]] = {
    OFFER: offer,
    "leaver.checklist": lambda params: said.checklist(params, CHECKLIST_ACTIONS),
    "leaver.notice": said.notice,
    "leaver.cancelled": said.cancelled,
    "leaver.complete": said.complete,
    "leaver.reminder": said.reminder,
    "leaver.revoke_young_leader": said.revoke_young_leader,
}


def _chooser() -> Form:
    return Form(id=CHOOSE, title="Someone is leaving", submit="Next",
                fields=[PersonField(WHO, "Who is leaving?", "Choose a person")])


async def _picked(turn: Turn, answers: dict[str, Any], field_id: str) -> str | None:
    """The person chosen in a people picker, by key (Teams gives their Entra object id)."""
    object_id = text_answer(answers, field_id).split(",")[0].strip()
    return await turn.person_of(object_id) if object_id else None


async def _confirm_dialog(turn: Turn, person: str, opened: str, errors: dict[str, str] | None = None,
                          answers: dict[str, Any] | None = None) -> InvokeAnswer:
    """The form for `person` as it now stands (who may start it is checked again), with `errors` beside
    their fields and what was typed still in them."""
    await ensure_register_synced(turn.services)
    async with turn.services.db.reading() as session:
        preview = await leavers.preview(session, turn.services, turn.person, person)
    return show_dialog(said.confirm_form(preview, opened), FormErrorsOf(errors) if errors else None, answers)


def _parsed(model: type[BaseModel], text: str) -> Any:
    try:
        return model.model_validate_json(text)
    except ValidationError:
        return None


# A checklist button's work: (session, services, what the button carries, who pressed) -> Outcome.
Press = Callable[[AsyncSession, Services, Any, str], Awaitable[Outcome]]

PRESSES: dict[str, tuple[type[BaseModel], Press]] = {
    Verb.TASK_DONE: (TaskValue, lambda session, services, value, actor: leavers.complete_task(
        session, services, value.task_id, actor)),
    Verb.CANCEL: (CancelValue, lambda session, services, value, actor: leavers.cancel(
        session, services, value.leaver_id, actor)),
}


def register(app: TeamsApp) -> None:
    @app.command(LEAVER)
    async def offer_form(turn: Turn, _rest: str) -> None:
        # As typed, with a mention of the person ("leaver @Dan Hughes") read as their name.
        text = turn.activity.words_after_command()
        if contains_password(text):
            raise PasswordTyped()
        directory = (await org_snapshot(turn.services)).directory
        # Refuse people without the right role before anything else, kindly, as Slack does.
        leavers.require_requester(directory.by_key(turn.person))
        if not text:
            await turn.reply(OFFER, {"person": "", "name": ""})
            return
        named = directory.named(text)
        if len(named) != 1:
            raise DomainError(f"I couldn't tell who you mean by “{text[:60]}”. {USAGE}")
        # Someone they may not start it for, or whose checklist is open already, is told now.
        await ensure_register_synced(turn.services)
        async with turn.services.db.reading() as session:
            preview = await leavers.preview(session, turn.services, turn.person, named[0].key)
        await turn.reply(OFFER, {"person": preview.person_key, "name": preview.name})

    async def open_chooser(turn: Turn, _request: DialogRequest) -> InvokeAnswer:
        directory = (await org_snapshot(turn.services)).directory
        leavers.require_requester(directory.by_key(turn.person))
        return show_dialog(_chooser())

    async def chosen(turn: Turn, request: DialogRequest) -> InvokeAnswer:
        person = await _picked(turn, request.values, WHO)
        if person is None:
            return show_dialog(_chooser(), FormErrorsOf({WHO: "Please choose who is leaving."}))
        try:
            return await _confirm_dialog(turn, person, secrets.token_urlsafe(16))
        except DomainError as exc:
            # Someone they may not start it for, or whose checklist is open: they may choose again.
            return show_dialog(_chooser(), FormErrorsOf({WHO: exc.user_message}), request.values)

    app.dialog(CHOOSE, fetch=open_chooser, submit=chosen)

    async def open_form(turn: Turn, request: DialogRequest) -> InvokeAnswer:
        person = text_answer(request.values, "value")
        if not person:
            return say_in_dialog(NOT_THIS_FORM)
        return await _confirm_dialog(turn, person, secrets.token_urlsafe(16))

    async def submit_form(turn: Turn, request: DialogRequest) -> InvokeAnswer:
        meta = _parsed(LeaverMeta, request.state)
        if meta is None or not meta.opened:
            return say_in_dialog(NOT_THIS_FORM)
        answers = request.values
        form = LeaverForm(
            leaving_on=text_answer(answers, LEAVING_ON),
            new_owners={account_id: await _picked(turn, answers, said.owner_field(account_id)) for account_id in meta.owned},
            new_admins={account_id: await _picked(turn, answers, said.admin_field(account_id))
                        for account_id in meta.last_admin},
        )
        services = turn.services
        try:
            # Known by the id the form was opened with, and who sent it: the same form sent again (Teams
            # retrying, a double click) starts one checklist; someone else sending its id cannot claim it.
            outcome = await leavers.start(services, turn.person, meta.person, form,
                                          f"teams-dialog:{meta.opened}:{turn.person}")
        except FormErrors as exc:
            return await _confirm_dialog(turn, meta.person, meta.opened, exc.errors, answers)
        except PasswordTyped as exc:
            # What was typed there is not shown again.
            kept = {k: v for k, v in answers.items() if k != LEAVING_ON}
            return await _confirm_dialog(turn, meta.person, meta.opened, {LEAVING_ON: exc.user_message}, kept)
        except DomainError as exc:
            # Refused (not theirs to start, someone gone): nothing the form could fix.
            return say_in_dialog(exc.user_message)
        services.wake_scheduler()  # the checklist, the owners' reminders and the leaver's notice go out
        return say_in_dialog(outcome.message)

    app.dialog(CONFIRM_FORM, fetch=open_form, submit=submit_form)

    @app.message_action(SOMEONE_IS_LEAVING.key)
    async def leaving_from_a_message(turn: Turn, request: MessageActionRequest) -> InvokeAnswer:
        # The form for whoever wrote the message, as Slack's "Someone is leaving" shortcut opens it.
        if not request.author:
            return say_in_dialog(NO_AUTHOR)
        leavers.require_requester((await org_snapshot(turn.services)).directory.by_key(turn.person))
        return await _confirm_dialog(turn, await turn.person_of(request.author), secrets.token_urlsafe(16))

    async def press(turn: Turn, action: CardAction) -> InvokeAnswer:
        model, run = PRESSES[action.verb]
        value = _parsed(model, action.value)
        if value is None:
            return message_answer(NOT_THIS_CHECKLIST)
        services = turn.services
        # The domain allows only whoever Slack does and refuses anyone else, changing nothing; a second
        # press (or Teams sending it again) finds the task done or the checklist cancelled.
        async with services.db.unit_of_work() as session:
            outcome = await run(session, services, value, turn.person)
        services.wake_scheduler()  # the checklist's other copies are updated through the outbox
        if not isinstance(outcome, ChecklistOutcome) or not outcome.checklist:
            return message_answer(outcome.message)
        card = said.checklist(outcome.checklist, CHECKLIST_ACTIONS)
        return await card_answer(services, Message(summary=card.summary, parts=[*card.parts, Note(outcome.message)]))

    for verb in PRESSES:
        app.card_action(verb)(press)
