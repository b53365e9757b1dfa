"""The project manager's review of a young leader's access: Keep, Revoke or Reduce."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.models.blocks import (
    MarkdownTextObject,
    SectionBlock,
)
from slack_sdk.models.views import View
from slack_sdk.web.async_client import AsyncWebClient

from bot.access_reviews import (
    NO_ACCESS_LEFT,
    REDUCE_FORM,
    ReviewActions,
    ReviewRef,
    accounts_to_take_away,
    current_accounts,
    decide,
    reduce_form,
    review_request,
)
from bot.errors import DomainError
from bot.slack.blockkit import BLOCK_KIT, submitted_values
from bot.slack.delivery import Rendered
from bot.slack.mrkdwn import escape
from handlers.slack.errors import tell, telling_the_person
from handlers.slack.middleware import services_of

KEEP_ACTION, REVOKE_ACTION, REDUCE_ACTION = "access_review.keep", "access_review.revoke", "access_review.reduce"
REVIEW_ACTIONS = ReviewActions(keep=KEEP_ACTION, revoke=REVOKE_ACTION, reduce=REDUCE_ACTION)


def render_ask(params: dict[str, Any]) -> Rendered:
    return BLOCK_KIT.message(review_request(params, REVIEW_ACTIONS))


RENDERERS = {"access_review.ask": render_ask}


def register(app: AsyncApp) -> None:
    async def keep_or_revoke(
        ack: AsyncAck, body: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient, context: AsyncBoltContext
    ) -> None:
        await ack()
        async with telling_the_person(body, respond, client):
            services = services_of(context)
            ref = ReviewRef.model_validate_json(body["actions"][0]["value"])
            decision = "keep" if body["actions"][0]["action_id"] == KEEP_ACTION else "revoke"
            async with services.db.unit_of_work() as session:
                said = await decide(session, services, ref.person_key, ref.due, context.get("member"), decision)
            services.wake_scheduler()
            await tell(body, respond, client, said)

    app.action(KEEP_ACTION)(keep_or_revoke)
    app.action(REVOKE_ACTION)(keep_or_revoke)

    @app.action(REDUCE_ACTION)
    async def choose_accounts(
        ack: AsyncAck, body: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient, context: AsyncBoltContext
    ) -> None:
        await ack()
        async with telling_the_person(body, respond, client):
            services = services_of(context)
            ref = ReviewRef.model_validate_json(body["actions"][0]["value"])
            async with services.db.reading() as session:
                accounts = await current_accounts(session, ref.person_key)
            if not accounts:
                raise DomainError(NO_ACCESS_LEFT)
            await client.views_open(trigger_id=body["trigger_id"], view=BLOCK_KIT.modal(reduce_form(accounts, ref)))

    @app.view(REDUCE_FORM)
    async def reduce(ack: AsyncAck, body: dict[str, Any], view: dict[str, Any], context: AsyncBoltContext) -> None:
        services = services_of(context)
        ref = ReviewRef.model_validate_json(view["private_metadata"])
        field = accounts_to_take_away()
        chosen = submitted_values(view, [field])[field.id]
        try:
            async with services.db.unit_of_work() as session:
                said = await decide(session, services, ref.person_key, ref.due, context.get("member"), "reduce",
                                    [int(value) for value in chosen])
        except DomainError as exc:
            await ack(response_action="errors", errors={field.id: exc.user_message})
            return
        await ack(response_action="update", view=View(type="modal", title="Done", close="Close", blocks=[
            SectionBlock(text=MarkdownTextObject(text=escape(said)))]).to_dict())
        services.wake_scheduler()
