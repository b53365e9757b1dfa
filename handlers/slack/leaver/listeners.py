"""Slack listeners for /leaver, its message shortcut, the confirmation modal and the checklist buttons."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient
from sqlalchemy.ext.asyncio import AsyncSession

from bot.accounts import leavers
from bot.accounts.leaver_messages import (
    CONFIRM_FORM,
    LEAVING_ON,
    CancelValue,
    LeaverMeta,
    TaskValue,
    admin_field,
    owner_field,
)
from bot.accounts.leavers import LeaverForm
from bot.accounts.secrets import PasswordTyped, contains_password
from bot.accounts.workflow import FormErrors, Outcome, ensure_register_synced
from bot.errors import DomainError
from bot.services import Services
from bot.slack.blockkit import input_action_id
from bot.slack.people import key_of
from bot.snapshot import org_snapshot
from handlers.slack.accounts.listeners import people_in
from handlers.slack.errors import telling_the_person
from handlers.slack.leaver import blocks
from handlers.slack.leaver.ids import COMMAND, SHORTCUT, Action
from handlers.slack.middleware import caller, services_of

_USAGE = "Who is leaving? For example `/leaver @Dan Hughes`."


def _selected(view: dict[str, Any], block_id: str) -> str | None:
    state = view.get("state", {}).get("values", {}).get(block_id, {}).get(input_action_id(block_id)) or {}
    if state.get("selected_user"):
        return key_of(state["selected_user"])
    return state.get("value") or None


async def _open_modal(services: Any, client: AsyncWebClient, trigger_id: str, requester: str, person: str) -> None:
    await ensure_register_synced(services)
    async with services.db.reading() as session:
        preview = await leavers.preview(session, services, requester, person)
    await client.views_open(trigger_id=trigger_id, view=blocks.leaver_modal(preview))


def register(app: AsyncApp) -> None:
    @app.command(COMMAND)
    async def leaver_command(ack: AsyncAck, command: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient,
                             context: AsyncBoltContext) -> None:
        await ack()
        async with telling_the_person(command, respond, client):
            services = services_of(context)
            text = (command.get("text") or "").strip()
            if contains_password(text):
                raise PasswordTyped()
            # Refuse people without the right role before anything else, kindly.
            leavers.require_requester((await org_snapshot(services)).directory.by_key(caller(context)))
            if not text:
                raise DomainError(_USAGE)
            found, unknown = people_in(re.sub(r"\s*,\s*", " ", text) if "<@" in text else text, (await org_snapshot(services)).directory)
            if unknown or len(found) != 1:
                raise DomainError(f"I couldn't tell who you mean by “{text[:60]}”. {_USAGE}")
            await _open_modal(services, client, command["trigger_id"], caller(context), found[0])

    @app.shortcut(SHORTCUT)
    async def leaver_shortcut(ack: AsyncAck, shortcut: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient,
                              context: AsyncBoltContext) -> None:
        await ack()
        async with telling_the_person(shortcut, respond, client):
            author = (shortcut.get("message") or {}).get("user")
            if not author:
                raise DomainError("I can't tell who wrote that message. Try `/leaver @person` instead.")
            await _open_modal(services_of(context), client, shortcut["trigger_id"], caller(context), key_of(author))

    @app.view(CONFIRM_FORM)
    async def confirm(ack: AsyncAck, body: dict[str, Any], view: dict[str, Any], context: AsyncBoltContext) -> None:
        services = services_of(context)
        meta = LeaverMeta.model_validate_json(view["private_metadata"])
        form = LeaverForm(
            leaving_on=_selected(view, LEAVING_ON) or "",
            new_owners={account_id: _selected(view, owner_field(account_id)) for account_id in meta.owned},
            new_admins={account_id: _selected(view, admin_field(account_id)) for account_id in meta.last_admin},
        )
        try:
            outcome = await leavers.start(services, caller(context), meta.person, form, f"view:{view['id']}")
        except FormErrors as exc:
            await ack(response_action="errors", errors=exc.errors)
            return
        except PasswordTyped as exc:
            await ack(response_action="errors", errors={LEAVING_ON: str(exc)})
            return
        except DomainError as exc:
            await ack(response_action="errors", errors={LEAVING_ON: exc.user_message})
            return
        await ack(response_action="update", view=blocks.done_view(outcome.message))
        services.wake_scheduler()

    @app.action(Action.TASK_DONE)
    async def task_done(ack: AsyncAck, body: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient,
                        context: AsyncBoltContext) -> None:
        await ack()
        await _press(body, respond, client, context, lambda session, services, actor, value: leavers.complete_task(
            session, services, TaskValue.model_validate_json(value).task_id, actor))

    @app.action(Action.CANCEL)
    async def cancel(ack: AsyncAck, body: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient,
                     context: AsyncBoltContext) -> None:
        await ack()
        await _press(body, respond, client, context, lambda session, services, actor, value: leavers.cancel(
            session, services, CancelValue.model_validate_json(value).leaver_id, actor))


async def _press(body: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient, context: AsyncBoltContext,
                 run: Callable[[AsyncSession, Services, str, str], Awaitable[Outcome]]) -> None:
    """A checklist button, after its ack: `run` reads the button's value and does the work in one
    transaction (a mangled value is told kindly), and the person who pressed hears the outcome
    privately, beside the checklist."""
    async with telling_the_person(body, respond, client):
        services = services_of(context)
        async with services.db.unit_of_work() as session:
            outcome = await run(session, services, caller(context), body["actions"][0]["value"])
        services.wake_scheduler()
        await respond(text=outcome.message, response_type="ephemeral", replace_original=False)
