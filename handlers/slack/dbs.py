"""`/dbs @person`: admins record a DBS check (the certificate number is encrypted at rest)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any, TypeVar

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.dbs import messages
from bot.dbs.messages import FieldId, record_form
from bot.dbs.workflow import DbsForm, ensure_admin, record_check
from bot.errors import DomainError, FormErrors
from bot.messages import Form, Paragraph, inputs
from bot.slack.blockkit import BLOCK_KIT, submitted_values
from bot.slack.delivery import Rendered
from bot.slack.mrkdwn import escape
from bot.slack.people import key_of
from handlers.slack.errors import telling_the_person
from handlers.slack.middleware import caller, services_of

COMMAND = "/dbs"
CALLBACK = messages.RECORD_FORM
T = TypeVar("T")
MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")


def dbs_modal(person: str | None) -> dict[str, Any]:
    """The form as a modal; `person` is the Slack id the command mentioned."""
    return BLOCK_KIT.modal(record_form(key_of(person) if person else None))


def form_from_view(view: dict[str, Any]) -> DbsForm:
    values = submitted_values(view, inputs(record_form()))
    number = values[FieldId.CERTIFICATE_NUMBER]
    return DbsForm(
        person=_or_none(values[FieldId.PERSON], str),
        check_type=_or_none(values[FieldId.CHECK_TYPE], str),
        certificate_date=_or_none(values[FieldId.CERTIFICATE_DATE], date),
        certificate_number=number if isinstance(number, str) else "",
        update_service=values[FieldId.UPDATE_SERVICE] is True,
        next_review=_or_none(values[FieldId.NEXT_REVIEW], date),
    )


def _or_none(value: object, kind: type[T]) -> T | None:
    return value if isinstance(value, kind) else None


def _said(title: str, text: str, close: str = "Close") -> dict[str, Any]:
    """The modal replaced by a sentence to read and close."""
    return BLOCK_KIT.modal(Form(id="", title=title, close=close, fields=[Paragraph([text])]))


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
    return BLOCK_KIT.message(messages.missing(params, COMMAND))


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
            await ack(response_action="update", view=_said("Not saved", exc.user_message))
            return
        await ack(response_action="update", view=_said("DBS check saved", said, close="Done"))
        services.wake_scheduler()
