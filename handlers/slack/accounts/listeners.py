"""Slack listeners for /accounts, /rotated and the nudge buttons: ack, parse, call the domain, answer."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.accounts import messages as said
from bot.accounts import typed, workflow
from bot.accounts.messages import ChangedOnMeta, FieldId, FormId, NudgeValue, SaveMeta
from bot.accounts.secrets import WARNING, PasswordTyped, contains_password
from bot.accounts.typed import Mentions
from bot.accounts.workflow import AccountForm, FormErrors
from bot.dates import DateInFuture, DateNotUnderstood
from bot.directory import Directory
from bot.errors import DomainError
from bot.messages import inputs
from bot.reports.workflow import report_account_exposure
from bot.slack.blockkit import BLOCK_KIT, submitted_values
from bot.slack.people import key_of
from bot.snapshot import org_snapshot
from handlers.slack.accounts import blocks
from handlers.slack.accounts.ids import ACCOUNTS_COMMAND, ROTATED_COMMAND, Action
from handlers.slack.errors import telling_the_person
from handlers.slack.middleware import caller, services_of
from storage.models import ProcessedDelivery

EXPOSED_VERBS = ("exposed", "revealed", "leaked")
# A person mentioned in a slash command's text: <@U123|dan>, their Slack id first.
MENTION = r"<@[UW][A-Z0-9]+(?:\|[^>]*)?>"
_SLACK_ID = re.compile(r"<@([UW][A-Z0-9]+)")


def slack_mentions(directory: Directory) -> Mentions:
    def person(mention: str) -> str | None:
        found = _SLACK_ID.match(mention)
        return key_of(found.group(1), directory) if found else None
    return Mentions(pattern=MENTION, key_of=person)


def people_in(text: str, directory: Directory) -> tuple[list[str], list[str]]:
    """People by key from mentions (<@U123|dan>), or from names typed after @ ("@Dan Hughes", "@dan");
    and the names that matched nobody."""
    return typed.people_in(text, directory, slack_mentions(directory))


def form_from_command(text: str, directory: Directory) -> AccountForm:
    """`Instagram owner=@person every="90 days" access=@a,@b admins=@c last="last Friday"` (the shared
    parser, bot/accounts/typed.py)."""
    return typed.form_from_command(text, directory, slack_mentions(directory))


def form_from_view(view: dict[str, Any]) -> AccountForm:
    values: dict[str, Any] = submitted_values(view, inputs(said.account_form(SaveMeta())))
    return AccountForm(
        name=values[FieldId.NAME], owner=values[FieldId.OWNER], every=values[FieldId.EVERY],
        access=tuple(values[FieldId.ACCESS]), overall_access=tuple(values[FieldId.OVERALL_ACCESS]),
        aliases=values[FieldId.ALIASES], last_changed=values[FieldId.LAST_CHANGED],
    )


async def claim_submission(session: AsyncSession, view: dict[str, Any], now: datetime) -> None:
    """A modal is acted on once: claimed in the same transaction as the work, so a repeated submission
    (double click, retry) fails here with IntegrityError, and a refused one can be sent again."""
    session.add(ProcessedDelivery(key=f"view:{view['id']}:{view.get('hash', '')}", seen_at=now))
    await session.flush()


def register(app: AsyncApp) -> None:
    @app.command(ACCOUNTS_COMMAND)
    async def accounts_command(ack: AsyncAck, command: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient,
                               context: AsyncBoltContext) -> None:
        await ack()
        async with telling_the_person(command, respond, client):
            services = services_of(context)
            text = (command.get("text") or "").strip()
            verb, _, rest = text.partition(" ")
            verb, rest, actor = verb.lower(), rest.strip(), caller(context)
            if contains_password(text):
                raise PasswordTyped()
            await workflow.ensure_register_synced(services)
            snapshot = await org_snapshot(services)
            if snapshot.directory.by_key(actor) is None:
                if verb in EXPOSED_VERBS:
                    raise DomainError("I don't have you in our organisation file yet, so I can't pass this on for you. "
                                      "Please tell an admin straight away, and never type the password.")
                raise DomainError("I don't have you in our organisation file yet, so I can't show the accounts. Please ask an admin.")
            if verb in ("", "list"):
                listing = BLOCK_KIT.message(said.register(await workflow.register_for(services, actor)))
                await respond(text=listing.text, blocks=listing.blocks, response_type="ephemeral")
            elif verb == "add" and not rest:
                workflow.require_manager(snapshot.directory.by_key(actor), "add or edit shared accounts")
                await client.views_open(trigger_id=command["trigger_id"], view=blocks.account_modal(SaveMeta()))
            elif verb == "add":
                try:
                    form = form_from_command(rest, snapshot.directory)
                    async with services.db.unit_of_work() as session:
                        outcome = await workflow.save_account(session, services, form, actor)
                except FormErrors as exc:
                    raise DomainError(typed.not_saved(exc)) from exc
                services.wake_scheduler()
                await respond(text=outcome.message, response_type="ephemeral")
            elif verb == "edit":
                async with services.db.reading() as session:
                    account = await workflow.account_for_editing(session, services, rest, actor)
                    access = workflow.current_access(account)
                    initial = {"name": account.name, "aliases": ", ".join(account.aliases), "owner": account.owner_id,
                               "access": [a.person_key for a in access if not a.overall],
                               "overall_access": [a.person_key for a in access if a.overall],
                               "every": f"{account.rotate_every_days} days"}
                    meta = SaveMeta(account_id=account.id)
                await client.views_open(trigger_id=command["trigger_id"], view=blocks.account_modal(meta, initial))
            elif verb in EXPOSED_VERBS:
                if not rest:
                    raise DomainError("Which account? For example `/accounts exposed Instagram`. Never type the password.")
                async with services.db.reading() as session:
                    # A password-like word where the name belongs is refused, never echoed (the core's rule).
                    target = await workflow.exposure_target(session, rest, snapshot.directory.by_key(actor))
                if target.directly:
                    async with services.db.unit_of_work() as session:
                        outcome = await workflow.start_exposure(session, services, target.account_id, actor)
                else:
                    outcome = await report_account_exposure(services, target.name, actor,
                                                            f"accounts-exposed:{command['trigger_id']}")
                services.wake_scheduler()
                await respond(text=outcome.message, response_type="ephemeral")
            else:
                usage = BLOCK_KIT.message(said.usage())
                await respond(text=usage.text, blocks=usage.blocks, response_type="ephemeral")

    @app.command(ROTATED_COMMAND)
    async def rotated_command(ack: AsyncAck, command: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient,
                              context: AsyncBoltContext) -> None:
        await ack()
        async with telling_the_person(command, respond, client):
            services = services_of(context)
            text = (command.get("text") or "").strip()
            if contains_password(text):
                raise PasswordTyped()
            if not text:
                raise DomainError("Which account did you change? For example `/rotated Instagram` or `/rotated Instagram yesterday 4pm`.")
            await workflow.ensure_register_synced(services)
            async with services.db.unit_of_work() as session:
                outcome = await workflow.record_typed_rotation(session, services, text, caller(context))
            services.wake_scheduler()
            await respond(text=outcome.message, response_type="ephemeral")

    @app.view(FormId.SAVE)
    async def save(ack: AsyncAck, body: dict[str, Any], view: dict[str, Any], context: AsyncBoltContext) -> None:
        services = services_of(context)
        meta = SaveMeta.model_validate_json(view["private_metadata"])
        form = form_from_view(view)
        try:
            async with services.db.unit_of_work() as session:
                await claim_submission(session, view, services.now())
                outcome = await workflow.save_account(session, services, form, caller(context), meta.account_id)
        except IntegrityError:
            await ack()  # the same submission again: it was saved the first time
            return
        except FormErrors as exc:
            await ack(response_action="errors", errors=exc.errors)
            return
        except DomainError as exc:
            await ack(response_action="errors", errors={FieldId.NAME: exc.user_message})
            return
        await ack(response_action="update", view=blocks.done_view(outcome.message))
        services.wake_scheduler()

    async def nudge_button(ack: AsyncAck, body: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient,
                           context: AsyncBoltContext) -> None:
        await ack()
        async with telling_the_person(body, respond, client):
            services = services_of(context)
            action = Action(body["actions"][0]["action_id"])
            value = NudgeValue.model_validate_json(body["actions"][0]["value"])
            actor = caller(context)
            if action is Action.CHANGED_ON:
                async with services.db.reading() as session:
                    account = await session.get(workflow.SharedAccount, value.account_id)
                    if account is None:
                        raise DomainError("I can't find that account any more.")
                    meta = ChangedOnMeta(account_id=account.id, cycle=value.cycle, name=account.name)
                await client.views_open(trigger_id=body["trigger_id"], view=blocks.changed_on_modal(meta))
                return
            async with services.db.unit_of_work() as session:
                if action is Action.CHANGED_NOW:
                    outcome = await workflow.record_rotation(session, services, value.account_id, actor, services.now(),
                                                             cycle=value.cycle)
                else:
                    outcome = await workflow.snooze(session, services, value.account_id, actor, value.cycle)
            services.wake_scheduler()
            await respond(text=outcome.message, response_type="ephemeral", replace_original=False)

    for action in Action:
        app.action(action.value)(nudge_button)

    @app.view(FormId.CHANGED_ON)
    async def changed_on(ack: AsyncAck, body: dict[str, Any], view: dict[str, Any], context: AsyncBoltContext) -> None:
        services = services_of(context)
        meta = ChangedOnMeta.model_validate_json(view["private_metadata"])
        try:
            typed = str(submitted_values(view, inputs(said.changed_on_form(meta)))[FieldId.WHEN])
            when = workflow.parse_change_moment(typed, services)
        except PasswordTyped:
            await ack(response_action="errors", errors={FieldId.WHEN: WARNING})
            return
        except (DateNotUnderstood, DateInFuture) as exc:
            await ack(response_action="errors", errors={FieldId.WHEN: str(exc)})
            return
        try:
            async with services.db.unit_of_work() as session:
                outcome = await workflow.record_rotation(session, services, meta.account_id, caller(context), when,
                                                         cycle=meta.cycle)
        except DomainError as exc:
            await ack(response_action="errors", errors={FieldId.WHEN: exc.user_message})
            return
        await ack(response_action="update", view=blocks.done_view(outcome.message))
        services.wake_scheduler()
