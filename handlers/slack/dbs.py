"""`/dbs @person`: admins record a DBS check (the certificate number is encrypted at rest)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.models.blocks import (
    CheckboxesElement,
    DatePickerElement,
    InputBlock,
    MarkdownTextObject,
    Option,
    PlainTextInputElement,
    SectionBlock,
    StaticSelectElement,
    UserSelectElement,
)
from slack_sdk.models.views import View
from slack_sdk.web.async_client import AsyncWebClient

from bot.dbs import messages
from bot.dbs.workflow import CHECK_TYPES, DbsForm, ensure_admin, record_check
from bot.errors import DomainError, FormErrors
from bot.slack.blockkit import BLOCK_KIT
from bot.slack.delivery import Rendered
from bot.slack.mrkdwn import escape
from bot.slack.people import key_of
from handlers.slack.errors import telling_the_person
from handlers.slack.middleware import caller, services_of

COMMAND = "/dbs"
CALLBACK = "dbs.record"
MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")


def _input(block: str, label: str, element: Any, optional: bool = False, hint: str | None = None) -> InputBlock:
    return InputBlock(block_id=block, label=label, element=element, optional=optional, hint=hint)


def dbs_modal(person: str | None) -> dict[str, Any]:
    blocks = [
        _input("person", "Person", UserSelectElement(action_id="person_input", initial_user=person)),
        _input("check_type", "Type of check", StaticSelectElement(
            action_id="check_type_input", options=[Option(value=k, label=v) for k, v in CHECK_TYPES.items()])),
        _input("certificate_date", "Certificate date", DatePickerElement(action_id="certificate_date_input")),
        _input("certificate_number", "Certificate number", PlainTextInputElement(action_id="certificate_number_input", max_length=20),
               hint="Kept encrypted; never shown again in Slack."),
        _input("update_service", "Update Service", CheckboxesElement(
            action_id="update_service_input", options=[Option(value="yes", label="Subscribed to the DBS Update Service")]), optional=True),
        _input("next_review", "Next review", DatePickerElement(action_id="next_review_input"), optional=True,
               hint="Leave empty for three years after the certificate date."),
    ]
    return View(type="modal", callback_id=CALLBACK, title="Record a DBS check", submit="Save", close="Cancel",
                blocks=blocks).to_dict()


def _state(view: dict[str, Any], block: str) -> dict[str, Any]:
    return view["state"]["values"].get(block, {}).get(f"{block}_input", {}) or {}


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def form_from_view(view: dict[str, Any]) -> DbsForm:
    return DbsForm(
        person=key_of(chosen) if (chosen := _state(view, "person").get("selected_user")) else None,
        check_type=(_state(view, "check_type").get("selected_option") or {}).get("value"),
        certificate_date=_date(_state(view, "certificate_date").get("selected_date")),
        certificate_number=_state(view, "certificate_number").get("value") or "",
        update_service=bool(_state(view, "update_service").get("selected_options")),
        next_review=_date(_state(view, "next_review").get("selected_date")),
    )


def _person_named(text: str) -> str | None:
    """The person the command names, or None when it names nobody. Slack turns `@name` into a mention
    only for someone in the workspace; anything else arrives as typed, and gets a blank form nobody
    asked for, so it is refused with what to type instead."""
    mention = MENTION.search(text)
    if mention:
        return mention.group(1)
    if text.strip():
        typed = text.strip() if len(text.strip()) <= 60 else text.strip()[:59] + "…"
        raise DomainError(f"I don't know who “{escape(typed)}” is, so no form was opened. Type @ and choose them "
                          "from the list Slack shows, or type just `/dbs` and choose them in the form.")
    return None


def render_reminder(params: dict[str, Any]) -> Rendered:
    return BLOCK_KIT.message(messages.reminder(params))


def render_missing(params: dict[str, Any]) -> Rendered:
    return BLOCK_KIT.message(messages.missing(params))


RENDERERS = {"dbs.reminder": render_reminder, "dbs.missing": render_missing}


def register(app: AsyncApp) -> None:
    @app.command(COMMAND)
    async def dbs_command(
        ack: AsyncAck, command: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient, context: AsyncBoltContext
    ) -> None:
        await ack()
        async with telling_the_person(command, respond, client):
            ensure_admin(context.get("member"))
            await client.views_open(trigger_id=command["trigger_id"], view=dbs_modal(_person_named(command.get("text") or "")))

    @app.view(CALLBACK)
    async def save_check(ack: AsyncAck, body: dict[str, Any], view: dict[str, Any], context: AsyncBoltContext) -> None:
        services = services_of(context)
        try:
            ensure_admin(context.get("member"))
            async with services.db.unit_of_work() as session:
                said = await record_check(session, services, form_from_view(view), caller(context))
        except FormErrors as exc:
            await ack(response_action="errors", errors=exc.errors)
            return
        except DomainError as exc:
            # Refused (not an admin): answered in the modal, never with an error Slack shows as a failure.
            await ack(response_action="update", view=View(type="modal", title="Not saved", close="Close", blocks=[
                SectionBlock(text=MarkdownTextObject(text=escape(exc.user_message)))]).to_dict())
            return
        await ack(response_action="update", view=View(type="modal", title="DBS check saved", close="Done", blocks=[
            SectionBlock(text=MarkdownTextObject(text=escape(said)))]).to_dict())
        services.wake_scheduler()
