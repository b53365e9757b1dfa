"""The project manager's review of a young leader's access: Keep, Revoke or Reduce."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.models.blocks import (
    ActionsBlock,
    ButtonElement,
    CheckboxesElement,
    ConfirmObject,
    ContextBlock,
    InputBlock,
    MarkdownTextObject,
    Option,
    SectionBlock,
)
from slack_sdk.models.views import View
from slack_sdk.web.async_client import AsyncWebClient

from bot.access_reviews import current_accounts, decide
from bot.errors import DomainError
from bot.slack.delivery import Rendered
from bot.slack.mrkdwn import escape
from handlers.errors import tell, telling_the_person
from handlers.middleware import services_of

KEEP, REVOKE, REDUCE = "access_review.keep", "access_review.revoke", "access_review.reduce"
REDUCE_CALLBACK = "access_review.reduce_submit"
ACCOUNTS_BLOCK, ACCOUNTS_ELEMENT = "accounts", "accounts_input"


class ReviewRef(BaseModel):
    slack_id: str
    due: str


def render_ask(params: dict[str, Any]) -> Rendered:
    names = ", ".join(escape(a["name"]) for a in params["accounts"]) or "none"
    text = (f"*Access review for {escape(params['name'])}* (young leader). They can log in to: {names}. "
            "Our policy (5.1) asks us to review young leaders' access regularly. Is it still right?")
    blocks: list[Any] = [SectionBlock(text=MarkdownTextObject(text=text))]
    if params.get("decision"):
        words = {"keep": "Kept", "revoke": "Access revoked", "reduce": "Access reduced"}[params["decision"]]
        blocks.append(ContextBlock(elements=[MarkdownTextObject(text=f"*{words}* by {escape(params['by'] or 'someone')}.")]))
    else:
        value = ReviewRef(slack_id=params["slack_id"], due=params["due"]).model_dump_json()
        blocks.append(ActionsBlock(elements=[
            ButtonElement(text="Keep access", action_id=KEEP, value=value, style="primary"),
            ButtonElement(text="Revoke access", action_id=REVOKE, value=value, style="danger", confirm=ConfirmObject(
                title="Revoke access?", text="They lose access to every account, and each password is changed at once.",
                confirm="Revoke", deny="Cancel")),
            ButtonElement(text="Reduce access", action_id=REDUCE, value=value),
        ]))
    return Rendered(text=f"Access review for {params['name']}", blocks=[b.to_dict() for b in blocks])


RENDERERS = {"access_review.ask": render_ask}


def register(app: AsyncApp) -> None:
    async def keep_or_revoke(
        ack: AsyncAck, body: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient, context: AsyncBoltContext
    ) -> None:
        await ack()
        async with telling_the_person(body, respond, client):
            services = services_of(context)
            ref = ReviewRef.model_validate_json(body["actions"][0]["value"])
            decision = "keep" if body["actions"][0]["action_id"] == KEEP else "revoke"
            async with services.db.unit_of_work() as session:
                said = await decide(session, services, ref.slack_id, ref.due, context.get("member"), decision)
            services.wake_scheduler()
            await tell(body, respond, client, said)

    app.action(KEEP)(keep_or_revoke)
    app.action(REVOKE)(keep_or_revoke)

    @app.action(REDUCE)
    async def choose_accounts(
        ack: AsyncAck, body: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient, context: AsyncBoltContext
    ) -> None:
        await ack()
        async with telling_the_person(body, respond, client):
            services = services_of(context)
            ref = ReviewRef.model_validate_json(body["actions"][0]["value"])
            async with services.db.reading() as session:
                accounts = await current_accounts(session, ref.slack_id)
            if not accounts:
                raise DomainError("They no longer have access to any of our accounts.")
            view = View(type="modal", callback_id=REDUCE_CALLBACK, title="Reduce access", submit="Take away", close="Cancel",
                        private_metadata=ref.model_dump_json(), blocks=[InputBlock(
                            block_id=ACCOUNTS_BLOCK, label="Accounts to take away",
                            element=CheckboxesElement(action_id=ACCOUNTS_ELEMENT,
                                                      options=[Option(value=str(i), label=n[:75]) for i, n in accounts]))])
            await client.views_open(trigger_id=body["trigger_id"], view=view.to_dict())

    @app.view(REDUCE_CALLBACK)
    async def reduce(ack: AsyncAck, body: dict[str, Any], view: dict[str, Any], context: AsyncBoltContext) -> None:
        services = services_of(context)
        ref = ReviewRef.model_validate_json(view["private_metadata"])
        chosen = view["state"]["values"].get(ACCOUNTS_BLOCK, {}).get(ACCOUNTS_ELEMENT, {}).get("selected_options") or []
        try:
            async with services.db.unit_of_work() as session:
                said = await decide(session, services, ref.slack_id, ref.due, context.get("member"), "reduce",
                                    [int(o["value"]) for o in chosen])
        except DomainError as exc:
            await ack(response_action="errors", errors={ACCOUNTS_BLOCK: exc.user_message})
            return
        await ack(response_action="update", view=View(type="modal", title="Done", close="Close", blocks=[
            SectionBlock(text=MarkdownTextObject(text=escape(said)))]).to_dict())
        services.wake_scheduler()
