"""Teams: the shared-accounts register and password nudges, as Slack's /accounts, /rotated and nudge
buttons do (handlers/slack/accounts/listeners.py). `accounts` in the 1:1 chat shows the register,
`rotated NAME [when]` records a change, and a nudge card's buttons record it, ask when (a dialog) or put
it off, each authorised by the domain as in Slack. Thin: parse the activity into the domain's terms, call
the domain, render. No password is ever kept or logged: text that looks like one is refused unsaved."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import ValidationError
from sqlalchemy.exc import IntegrityError

from bot.accounts import messages as said
from bot.accounts import workflow
from bot.accounts.messages import ChangedOnMeta, FieldId, FormId, NudgeValue
from bot.accounts.secrets import WARNING, PasswordTyped, contains_password
from bot.dates import DateInFuture, DateNotUnderstood
from bot.errors import DomainError
from bot.messages import FormErrors, Message
from bot.teams.activities import CardAction, DialogRequest
from bot.teams.cards import OPENS_DIALOG
from bot.teams.server import SAID, InvokeAnswer, TeamsApp, Turn
from handlers.teams.cards import card_answer, message_answer
from handlers.teams.forms import say_in_dialog, show_dialog, text_answer
from storage.models import ProcessedDelivery, SharedAccount

ACCOUNTS = "accounts"
ROTATED = "rotated"
LIST = "teams.accounts_list"
NOT_THIS_NUDGE = "I can't tell which account this button was for. Please use the buttons on my newest reminder."
NOT_THIS_FORM = "I can't tell which account this form was for. Please press the button on my reminder again."
WHICH_ACCOUNT = "Which account did you change? For example `rotated Instagram` or `rotated Instagram yesterday 4pm`."
NOT_IN_TEAMS_YET = ("I can only show the register and record a change in Teams so far. If a password may have "
                    "been revealed, type `report` to tell us now. To add or edit an account, please use "
                    "`/accounts` in Slack.")


class Verb:
    """What a nudge's buttons are called in Teams (each comes back as adaptiveCard/action, or opens a
    dialog: bot/teams/cards.py OPENS_DIALOG)."""

    CHANGED_NOW = "accounts.changed_now"
    CHANGED_ON = OPENS_DIALOG + FormId.CHANGED_ON
    SNOOZE = "accounts.snooze"


NUDGE_ACTIONS = said.NudgeActions(changed_now=Verb.CHANGED_NOW, changed_on=Verb.CHANGED_ON, snooze=Verb.SNOOZE,
                                  rotated=ROTATED)


def register_list(params: dict[str, Any]) -> Message:
    return said.register(params["rows"])


# What the accounts workflow sends people, for those reached in Teams.
RENDERERS: dict[str, Callable[[dict[str, Any]], Message]] = {
    LIST: register_list,
    "accounts.nudge": lambda params: said.nudge(params, NUDGE_ACTIONS),
    "accounts.closed": said.closed,
    "accounts.escalated": lambda params: said.escalated(params, ROTATED),
    "accounts.exposed": lambda params: said.exposed(params, ROTATED),
}


def _nudge_pressed(value: str) -> NudgeValue | None:
    """The account and cycle a button carries; None for anything the bot did not put there."""
    try:
        return NudgeValue.model_validate_json(value)
    except ValidationError:
        return None


async def _closed_card(turn: Turn, account_id: int, state: str, note: str) -> InvokeAnswer:
    """The pressed nudge, updated in place: what happened, and no buttons left to press."""
    async with turn.services.db.reading() as session:
        account = await session.get(SharedAccount, account_id)
        name = account.name if account is not None else "That account"
    return await card_answer(turn.services, said.closed({"name": name, "state": state, "note": note}))


def _changed_on_meta(state: str) -> ChangedOnMeta | None:
    try:
        return ChangedOnMeta.model_validate_json(state)
    except ValidationError:
        return None


def register(app: TeamsApp) -> None:
    @app.command(ACCOUNTS)
    async def show_register(turn: Turn, rest: str) -> None:
        if contains_password(rest):
            raise PasswordTyped()
        if rest.lower() not in ("", "list"):
            await turn.reply(SAID, {"text": NOT_IN_TEAMS_YET})
            return
        # Anyone in the organisation file sees the register, as in Slack; anyone else is refused.
        rows = await workflow.register_for(turn.services, turn.person)
        await turn.reply(LIST, {"rows": rows})

    @app.command(ROTATED)
    async def rotated(turn: Turn, rest: str) -> None:
        services = turn.services
        if contains_password(rest):
            raise PasswordTyped()
        if not rest:
            raise DomainError(WHICH_ACCOUNT)
        await workflow.ensure_register_synced(services)
        try:
            async with services.db.unit_of_work() as session:
                # Claimed with the work: the same activity sent again by Teams records nothing more.
                session.add(ProcessedDelivery(key=f"teams-rotated:{turn.activity.where.conversation_id}:{turn.activity.id}"[:200],
                                              seen_at=services.now()))
                await session.flush()
                outcome = await workflow.record_typed_rotation(session, services, rest, turn.person)
        except IntegrityError:
            return
        services.wake_scheduler()
        await turn.reply(SAID, {"text": outcome.message})

    async def nudge_button(turn: Turn, action: CardAction) -> InvokeAnswer:
        pressed = _nudge_pressed(action.value)
        if pressed is None:
            return message_answer(NOT_THIS_NUDGE)
        services = turn.services
        try:
            # Only the owner, the people who use the account or an admin may: the domain refuses anyone
            # else, and nothing changes. A second press (or Teams retrying) finds the cycle moved on.
            async with services.db.unit_of_work() as session:
                if action.verb == Verb.CHANGED_NOW:
                    outcome = await workflow.record_rotation(session, services, pressed.account_id, turn.person,
                                                             services.now(), cycle=pressed.cycle)
                else:
                    outcome = await workflow.snooze(session, services, pressed.account_id, turn.person, pressed.cycle)
        except DomainError as exc:
            return message_answer(exc.user_message)
        services.wake_scheduler()  # the nudge's other copies are updated through the outbox
        state = "done" if action.verb == Verb.CHANGED_NOW else "snoozed"
        return await _closed_card(turn, pressed.account_id, state, outcome.message)

    app.card_action(Verb.CHANGED_NOW)(nudge_button)
    app.card_action(Verb.SNOOZE)(nudge_button)

    async def open_changed_on(turn: Turn, request: DialogRequest) -> InvokeAnswer:
        pressed = _nudge_pressed(text_answer(request.values, "value"))
        if pressed is None:
            return say_in_dialog(NOT_THIS_NUDGE)
        async with turn.services.db.reading() as session:
            account = await session.get(SharedAccount, pressed.account_id)
            if account is None or not account.active:
                return say_in_dialog("I can't find that account any more.")
            meta = ChangedOnMeta(account_id=account.id, cycle=pressed.cycle, name=account.name)
        return show_dialog(said.changed_on_form(meta))

    async def submit_changed_on(turn: Turn, request: DialogRequest) -> InvokeAnswer:
        meta = _changed_on_meta(request.state)
        if meta is None:
            return say_in_dialog(NOT_THIS_FORM)
        services = turn.services
        form = said.changed_on_form(meta)
        typed = text_answer(request.values, FieldId.WHEN)
        try:
            when = workflow.parse_change_moment(typed, services)
        except PasswordTyped:
            return show_dialog(form, FormErrors({FieldId.WHEN: WARNING}))  # what was typed is not shown again
        except (DateNotUnderstood, DateInFuture) as exc:
            return show_dialog(form, FormErrors({FieldId.WHEN: str(exc)}), request.values)
        try:
            # The same submission again finds the cycle moved on, and is told it is already recorded.
            async with services.db.unit_of_work() as session:
                outcome = await workflow.record_rotation(session, services, meta.account_id, turn.person, when,
                                                         cycle=meta.cycle)
        except DomainError as exc:
            return say_in_dialog(exc.user_message)
        services.wake_scheduler()
        return say_in_dialog(outcome.message)

    app.dialog(FormId.CHANGED_ON, fetch=open_changed_on, submit=submit_changed_on)
