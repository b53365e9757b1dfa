"""`/policy`: read the policy in sections and sign it; new members are welcomed with it."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.models.blocks import MarkdownTextObject, SectionBlock
from slack_sdk.models.views import View
from slack_sdk.web.async_client import AsyncWebClient

from bot.addresses import ToPerson
from bot.errors import DomainError
from bot.policy.document import PolicyDocument, PolicyUnavailable
from bot.policy.messages import AGREE, OPEN_ACTION, SIGN_FORM, please_sign, sign_form
from bot.policy.workflow import current_policy, sign, signed_line, signed_version
from bot.slack.blockkit import BLOCK_KIT, submitted_values
from bot.slack.delivery import Rendered
from handlers.slack import home as home_tab
from handlers.slack.errors import telling_the_person
from handlers.slack.middleware import caller, services_of
from storage.outbox import enqueue_message

COMMAND = "/policy"
EVENTS = ("team_join",)
class SignMeta(BaseModel):
    version: str


def policy_modal(document: PolicyDocument, signed: str) -> dict[str, Any]:
    return BLOCK_KIT.modal(sign_form(document, signed, SignMeta(version=document.version).model_dump_json()))


def render_please_sign(params: dict[str, Any]) -> Rendered:
    return BLOCK_KIT.message(please_sign(params))


RENDERERS = {"policy.please_sign": render_please_sign}


def register(app: AsyncApp) -> None:
    async def open_policy(user_id: str, trigger_id: str, context: AsyncBoltContext, client: AsyncWebClient) -> None:
        services = services_of(context)
        try:
            document = await current_policy(services)
        except PolicyUnavailable as exc:
            raise DomainError(f"I can't show the policy just now: {exc} Please tell an admin.") from exc
        async with services.db.reading() as session:
            signed_at = await signed_version(session, user_id, document.version)
        await client.views_open(trigger_id=trigger_id, view=policy_modal(document, signed_line(signed_at, services)))

    @app.command(COMMAND)
    async def policy_command(
        ack: AsyncAck, command: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient, context: AsyncBoltContext
    ) -> None:
        await ack()
        async with telling_the_person(command, respond, client):
            await open_policy(caller(context), command["trigger_id"], context, client)

    @app.action(OPEN_ACTION)
    async def open_from_message(
        ack: AsyncAck, body: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient, context: AsyncBoltContext
    ) -> None:
        await ack()
        async with telling_the_person(body, respond, client):
            await open_policy(caller(context), body["trigger_id"], context, client)

    @app.view(SIGN_FORM)
    async def submit_signature(
        ack: AsyncAck, body: dict[str, Any], view: dict[str, Any], client: AsyncWebClient, context: AsyncBoltContext
    ) -> None:
        services = services_of(context)
        meta = SignMeta.model_validate_json(view["private_metadata"])
        agreed = bool(submitted_values(view, [AGREE])[AGREE.id])
        try:
            async with services.db.unit_of_work() as session:
                signed = await sign(session, services, caller(context), meta.version, agreed=agreed)
        except DomainError as exc:
            await ack(response_action="errors", errors={AGREE.id: exc.user_message})
            return
        word = "You had already signed" if signed.already else "Thank you. You have signed"
        await ack(response_action="update", view=View(type="modal", title="Signed", close="Done", blocks=[
            SectionBlock(text=MarkdownTextObject(text=f"{word} version {signed.version} of the policy. {signed_line(signed.signed_at, services)}"))
        ]).to_dict())
        await home_tab.publish_home_for(body["user"]["id"], context, client)

    @app.event("team_join")
    async def welcome(event: dict[str, Any], context: AsyncBoltContext) -> None:
        services = services_of(context)
        user = event.get("user") or {}
        if not user.get("id") or user.get("is_bot"):
            return
        try:
            document = await current_policy(services)
        except PolicyUnavailable:
            return
        async with services.db.unit_of_work() as session:
            await enqueue_message(session, services.cipher, now=services.now(), to=ToPerson(user["id"]), template="policy.please_sign",
                                  params={"title": document.title, "version": document.version, "welcome": True},
                                  message_key=f"policy:{document.version}:{user['id']}")
        services.wake_scheduler()
