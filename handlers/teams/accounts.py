"""Teams: the shared-accounts register and password nudges, as Slack's /accounts, /rotated and nudge
buttons do (handlers/slack/accounts/listeners.py). In the 1:1 chat, `accounts` shows the register;
`accounts add [NAME]` and `accounts edit NAME` offer an admin the account's form as a dialog (Teams opens
a dialog only from a button), checked by the domain with the Slack form's messages, shown again beside
their fields, saved once however often Teams sends it; `accounts add NAME owner=@person every="90 days" ...`
saves it at once, read by the same parser as Slack's /accounts add; `accounts exposed NAME` flags a password that may
have been seen; `rotated NAME [when]` records a change, and a nudge card's buttons record it, ask when (a
dialog) or put it off, each authorised by the domain as in Slack. Thin: parse the activity into the
domain's terms, call the domain, render. No password is ever kept, logged or shown back: text that looks
like one is refused unsaved."""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from pydantic import ValidationError
from sqlalchemy.exc import IntegrityError

from bot.accounts import messages as said
from bot.accounts import typed, workflow
from bot.accounts.messages import ChangedOnMeta, FieldId, FormId, NudgeValue, SaveMeta
from bot.accounts.secrets import WARNING, PasswordTyped, contains_password
from bot.accounts.typed import Mentions
from bot.accounts.workflow import AccountForm
from bot.dates import DateInFuture, DateNotUnderstood
from bot.directory import Directory
from bot.errors import DomainError
from bot.errors import FormErrors as Refused
from bot.messages import Button, Buttons, ButtonStyle, Form, FormErrors, Message, Note, Paragraph, PersonField
from bot.reports.workflow import report_account_exposure
from bot.snapshot import org_snapshot
from bot.teams.activities import LEADING_MENTION, CardAction, DialogRequest
from bot.teams.cards import OPENS_DIALOG
from bot.teams.server import SAID, InvokeAnswer, TeamsApp, Turn
from handlers.teams.cards import card_answer, message_answer
from handlers.teams.forms import (
    AlreadySubmitted,
    carried,
    carried_id,
    carried_text,
    mark_submitted,
    people_cards,
    say_in_dialog,
    show_dialog,
    text_answer,
)
from storage.models import ProcessedDelivery, SharedAccount

ACCOUNTS = "accounts"
ROTATED = "rotated"
LIST = "teams.accounts_list"
OFFER = "teams.accounts_offer"
USAGE = "teams.accounts_usage"
# The button that opens the account's form (Teams opens a dialog only from a button).
SAVE = OPENS_DIALOG + FormId.SAVE
EXPOSED_VERBS = ("exposed", "revealed", "leaked")
# A person @mentioned in a message, as Teams writes it in the text: <at>Dan Hughes</at>.
MENTION = r"<at>[^<]*</at>"
NOT_THIS_NUDGE = "I can't tell which account this button was for. Please use the buttons on my newest reminder."
NOT_THIS_FORM = "I can't tell which account this form was for. Please press the button on my reminder again."
WHICH_ACCOUNT = "Which account did you change? For example `rotated Instagram` or `rotated Instagram yesterday 4pm`."
NOT_IN_FILE = "I don't have you in our organisation file yet, so I can't show the accounts. Please ask an admin."
NOT_IN_FILE_EXPOSED = ("I don't have you in our organisation file yet, so I can't pass this on for you. Please tell "
                       "an admin straight away, and never type the password.")
WHICH_TO_EDIT = "Which account? For example `accounts edit Instagram`."
WHICH_EXPOSED = "Which account? For example `accounts exposed Instagram`. Never type the password."
ALREADY_SAVED = "That account was saved already."
NOT_THIS_ACCOUNT_FORM = "I can't tell which form this was. Please type accounts add, or accounts edit NAME, again."
# Someone the form cannot show in Teams' people picker (the organisation file gives them no Teams
# account) is kept as they are: leaving them out of the picker must not take their access away.
KEPT_NOTE = "{names} ({where}): not on Teams, so not shown above, and kept as they are."
KEPT_OWNER_HINT = "Now {name}, who is not on Teams: leave this empty to keep them as the owner."


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


def offer(params: dict[str, Any]) -> Message:
    """The reply to `accounts add` or `accounts edit NAME`: a button that opens the account's form."""
    value = json.dumps({"account_id": params.get("account_id"), "name": params.get("name", "")})
    if params.get("account_id") is not None:
        line = f"Edit {params['name']}: its owner, who else can log in, and how often its password changes."
        button = Button(f"Edit {params['name']}", SAVE, value=value, style=ButtonStyle.PRIMARY)
    else:
        line = "Add a shared account: its owner, who else can log in, and how often its password changes."
        button = Button("Add an account", SAVE, value=value, style=ButtonStyle.PRIMARY)
    return Message(summary=line, parts=[Paragraph([line]), Buttons([button]), Note(said.NEVER_TYPE)])


# What the accounts workflow sends people, for those reached in Teams.
RENDERERS: dict[str, Callable[[dict[str, Any]], Message]] = {
    LIST: register_list,
    OFFER: offer,
    USAGE: lambda params: said.usage(),
    "accounts.nudge": lambda params: said.nudge(params, NUDGE_ACTIONS),
    "accounts.closed": said.closed,
    "accounts.escalated": lambda params: said.escalated(params, ROTATED),
    "accounts.exposed": lambda params: said.exposed(params, ROTATED),
}


def teams_mentions(directory: Directory) -> Mentions:
    """A mention in a Teams message names the person by the name Teams shows: whoever alone has it."""
    def name(mention: str) -> str:
        return mention.removeprefix("<at>").removesuffix("</at>").strip()

    def person(mention: str) -> str | None:
        named = directory.named(name(mention))
        return named[0].key if len(named) == 1 else None
    return Mentions(pattern=MENTION, key_of=person, shown=lambda mention: "@" + name(mention))


def _typed_after(text: str, words: int) -> str:
    """A message's text after its first `words` words (the command), its mentions of people kept as Teams
    wrote them; a mention of the bot before the command is dropped."""
    parts = LEADING_MENTION.sub("", text, count=1).split(maxsplit=words)
    return parts[words].strip() if len(parts) > words else ""


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


# -- the account's form ------------------------------------------------------------------------------


class _Opened:
    """What an account's form carries in Teams: its id (its submissions are known by it), the account
    being edited (None: a new one), and the people it could not show, by field."""

    def __init__(self, dialog_id: str, account_id: int | None, kept: dict[str, list[str]]) -> None:
        self.dialog_id, self.account_id, self.kept = dialog_id, account_id, kept

    def state(self) -> str:
        return json.dumps({"dialog": self.dialog_id, "account_id": self.account_id, "kept": self.kept})

    @classmethod
    def of(cls, state: str) -> _Opened | None:
        """None for anything the bot did not send."""
        values = carried(state)
        dialog_id, account_id, kept = carried_text(values, "dialog"), carried_id(values, "account_id"), values.get("kept")
        if not (dialog_id and (account_id is not None or values.get("account_id") is None) and isinstance(kept, dict)):
            return None
        people = {field: [key for key in keys if isinstance(key, str)] for field, keys in kept.items()
                  if field in _PEOPLE_FIELDS and isinstance(keys, list)}
        return cls(dialog_id, account_id, people)


_PEOPLE_FIELDS = (FieldId.OWNER, FieldId.ACCESS, FieldId.OVERALL_ACCESS)


def _not_on_teams(keys: Any, directory: Directory) -> list[str]:
    """Those of `keys` whom Teams' people picker cannot show: the organisation file gives them no Teams id."""
    return [k for k in keys or () if not ((m := directory.by_key(k)) is not None and m.teams_object_id)]


def _account_form(opened: _Opened, initial: dict[str, Any], directory: Directory) -> Form:
    """The Slack modal's form, as Teams can show it: the people kept off its pickers (`opened.kept`) are
    named beside them instead, and carried in the form's state, so saving keeps them. Anyone else the
    pickers cannot show is left out (someone not in the organisation file, chosen and refused)."""
    form = said.account_form(SaveMeta(account_id=opened.account_id), initial)
    fields: list[Any] = []
    for field in form.fields:
        if not isinstance(field, PersonField):
            fields.append(field)
            continue
        kept = opened.kept.get(field.id, [])
        shown = tuple(k for k in field.initial if k not in _not_on_teams([k], directory))
        names = ", ".join(m.name if (m := directory.by_key(k)) else "someone who has left" for k in kept)
        if kept and field.id == FieldId.OWNER:
            fields.append(replace(field, initial=shown, optional=True, hint=KEPT_OWNER_HINT.format(name=names)))
        else:
            fields.append(replace(field, initial=shown))
            if kept:
                fields.append(Note(KEPT_NOTE.format(names=names, where=field.label.lower())))
    return replace(form, fields=fields, state=opened.state())


def _initial_of(account: SharedAccount) -> dict[str, Any]:
    access = workflow.current_access(account)
    return {"name": account.name, "aliases": ", ".join(account.aliases), "owner": account.owner_id,
            "access": [a.person_key for a in access if not a.overall],
            "overall_access": [a.person_key for a in access if a.overall],
            "every": f"{account.rotate_every_days} days"}


def _listed(people: Any) -> list[str]:
    return [people] if isinstance(people, str) else list(people or [])


async def _people(turn: Turn, answers: dict[str, Any], field_id: str) -> list[str]:
    # Teams' people picker gives Entra object ids; the domain knows people by their keys.
    chosen = [object_id.strip() for object_id in text_answer(answers, field_id).split(",") if object_id.strip()]
    return list(dict.fromkeys([await turn.person_of(object_id) for object_id in chosen]))


async def _submitted(turn: Turn, request: DialogRequest, opened: _Opened) -> AccountForm:
    answers, kept = request.values, opened.kept
    owner = (await _people(turn, answers, FieldId.OWNER))[:1] or kept.get(FieldId.OWNER, [])[:1]
    access = await _people(turn, answers, FieldId.ACCESS)
    overall = await _people(turn, answers, FieldId.OVERALL_ACCESS)
    return AccountForm(
        name=text_answer(answers, FieldId.NAME), owner=owner[0] if owner else None,
        every=text_answer(answers, FieldId.EVERY), aliases=text_answer(answers, FieldId.ALIASES),
        last_changed=text_answer(answers, FieldId.LAST_CHANGED),
        access=tuple(dict.fromkeys([*access, *kept.get(FieldId.ACCESS, [])])),
        overall_access=tuple(dict.fromkeys([*overall, *kept.get(FieldId.OVERALL_ACCESS, [])])),
    )


def _shown_again(request: DialogRequest, opened: _Opened, form: AccountForm, errors: dict[str, str],
                 directory: Directory) -> InvokeAnswer:
    """The form again, as submitted, with each problem beside its field; what looks like a password is
    never shown back, and people are shown by name (the picker cannot name them from their ids alone)."""
    chosen = {FieldId.OWNER: [form.owner] if form.owner else [], FieldId.ACCESS: list(form.access),
              FieldId.OVERALL_ACCESS: list(form.overall_access)}
    # Those kept off the picker stay kept: they are not chosen again.
    initial = {field: [k for k in keys if k not in opened.kept.get(field, [])] for field, keys in chosen.items()}
    again = _account_form(opened, {"owner": (initial[FieldId.OWNER] or [None])[0], "access": initial[FieldId.ACCESS],
                                   "overall_access": initial[FieldId.OVERALL_ACCESS]}, directory)
    answers = {field: answer for field, answer in request.values.items()
               if field not in _PEOPLE_FIELDS and not contains_password(text_answer(request.values, field), short_field=True)}
    return show_dialog(again, FormErrors(errors), answers, cards=people_cards(directory))


def register(app: TeamsApp) -> None:
    @app.command(ACCOUNTS)
    async def accounts_command(turn: Turn, rest: str) -> None:
        services = turn.services
        if contains_password(rest):
            raise PasswordTyped()
        verb, _, rest = rest.partition(" ")
        verb, rest = verb.lower(), rest.strip()
        await workflow.ensure_register_synced(services)
        directory = (await org_snapshot(services)).directory
        member = directory.by_key(turn.person)
        # Anyone in the organisation file may use the register, as in Slack; anyone else is refused.
        if member is None:
            raise DomainError(NOT_IN_FILE_EXPOSED if verb in EXPOSED_VERBS else NOT_IN_FILE)
        if verb in ("", "list"):
            await turn.reply(LIST, {"rows": await workflow.register_for(services, turn.person)})
        elif verb == "add" and typed.has_options(rest):
            workflow.require_manager(member, "add or edit shared accounts")
            await _add_as_typed(turn, directory)
        elif verb == "add":
            workflow.require_manager(member, "add or edit shared accounts")
            # A name alone (or nothing): the rest is chosen in the form.
            await turn.reply(OFFER, {"account_id": None, "name": rest.strip().strip("\"“”")[:100]})
        elif verb == "edit":
            workflow.require_manager(member, "add or edit shared accounts")
            if not rest:
                raise DomainError(WHICH_TO_EDIT)
            async with services.db.reading() as session:
                account = await workflow.account_for_editing(session, services, rest, turn.person)
                await turn.reply(OFFER, {"account_id": account.id, "name": account.name})
        elif verb in EXPOSED_VERBS:
            await _flag_exposure(turn, rest, member)
        else:
            await turn.reply(USAGE, {})

    async def _add_as_typed(turn: Turn, directory: Directory) -> None:
        """`accounts add Canva owner=@Ben every="90 days" ...`, read by the same parser as Slack's
        /accounts add (bot/accounts/typed.py), its people mentioned or named; saved once however often
        Teams sends the message."""
        services = turn.services
        try:
            form = typed.form_from_command(_typed_after(turn.activity.text, 2), directory, teams_mentions(directory))
        except Refused as exc:
            raise DomainError(typed.not_saved(exc)) from exc
        claim = f"teams-accounts-add:{turn.activity.where.conversation_id}:{turn.activity.id}"[:200]
        try:
            async with services.db.unit_of_work() as session:
                session.add(ProcessedDelivery(key=claim, seen_at=services.now()))
                await session.flush()
                outcome = await workflow.save_account(session, services, form, turn.person)
        except IntegrityError:
            return
        except Refused as exc:
            raise DomainError(typed.not_saved(exc)) from exc
        services.wake_scheduler()
        await turn.reply(SAID, {"text": outcome.message})

    async def _flag_exposure(turn: Turn, name: str, member: Any) -> None:
        services = turn.services
        if not name:
            raise DomainError(WHICH_EXPOSED)
        async with services.db.reading() as session:
            # A password-like word where the name belongs is refused unsaid (the core's rule, as in Slack).
            target = await workflow.exposure_target(session, name, member)
        claim = f"teams-accounts-exposed:{turn.activity.where.conversation_id}:{turn.activity.id}"[:200]
        if target.directly:
            try:
                async with services.db.unit_of_work() as session:
                    # Claimed with the work: the same activity sent again by Teams flags nothing more.
                    session.add(ProcessedDelivery(key=claim, seen_at=services.now()))
                    await session.flush()
                    outcome = await workflow.start_exposure(session, services, target.account_id, turn.person)
            except IntegrityError:
                return
        else:
            # Someone who neither owns nor uses it: filed as a report for the admins (once, by its key).
            outcome = await report_account_exposure(services, target.name, turn.person, claim)
        services.wake_scheduler()
        await turn.reply(SAID, {"text": outcome.message})

    async def open_account_form(turn: Turn, request: DialogRequest) -> InvokeAnswer:
        services = turn.services
        directory = (await org_snapshot(services)).directory
        try:
            workflow.require_manager(directory.by_key(turn.person), "add or edit shared accounts")
        except DomainError as exc:
            return say_in_dialog(exc.user_message)
        pressed = carried(text_answer(request.values, "value"))
        if not pressed:
            return say_in_dialog(NOT_THIS_ACCOUNT_FORM)
        opened = _Opened(secrets.token_urlsafe(16), carried_id(pressed, "account_id"), {})
        initial: dict[str, Any] = {"name": carried_text(pressed, "name")}
        if opened.account_id is not None:
            async with services.db.reading() as session:
                account = await session.get(SharedAccount, opened.account_id)
                if account is None or not account.active:
                    return say_in_dialog("I can't find that account any more.")
                initial = _initial_of(account)
            # Whom the pickers cannot show is kept as they are, named beside them.
            opened.kept = {field: hidden for field in _PEOPLE_FIELDS
                           if (hidden := _not_on_teams(_listed(initial.get(field)), directory))}
        return show_dialog(_account_form(opened, initial, directory), cards=people_cards(directory))

    async def submit_account_form(turn: Turn, request: DialogRequest) -> InvokeAnswer:
        opened = _Opened.of(request.state)
        if opened is None:
            return say_in_dialog(NOT_THIS_ACCOUNT_FORM)
        services = turn.services
        form = await _submitted(turn, request, opened)
        try:
            async with services.db.unit_of_work() as session:
                # Claimed with the work: a refused submission leaves no mark, a repeat saves nothing more.
                await mark_submitted(session, services, f"{opened.dialog_id}:{turn.person}")
                outcome = await workflow.save_account(session, services, form, turn.person, opened.account_id)
        except AlreadySubmitted:
            return say_in_dialog(ALREADY_SAVED)
        except Refused as exc:
            directory = (await org_snapshot(services)).directory
            return _shown_again(request, opened, form, exc.errors, directory)
        except DomainError as exc:
            # Not an admin, or the account is gone: nothing the form could put right.
            return say_in_dialog(exc.user_message)
        services.wake_scheduler()
        return say_in_dialog(outcome.message)

    app.dialog(FormId.SAVE, fetch=open_account_form, submit=submit_account_form)

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
