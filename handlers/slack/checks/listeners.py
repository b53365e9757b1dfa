"""`/check`, the "Check before sending" message shortcut, and the moderators' notice buttons."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.outgoing.guarded import notice_for_decision, record_guarded_decision
from bot.outgoing.service import check_text, count_findings
from bot.slack.deletion import delete_message
from bot.slack.inbound import SLACK_MARKUP
from handlers.slack.checks import blocks
from handlers.slack.checks.ids import COMMAND, SHORTCUT, Action
from handlers.slack.errors import telling_the_person
from handlers.slack.middleware import caller, services_of

USAGE = "Type the text after the command, for example `/check Well done Amy Smith, see you at 10:30!`"


def register(app: AsyncApp) -> None:
    @app.command(COMMAND)
    async def check_command(ack: AsyncAck, command: dict[str, Any], context: AsyncBoltContext) -> None:
        text = command.get("text") or ""
        if not text.strip():
            await ack(response_type="ephemeral", text=USAGE)
            return
        services = services_of(context)
        result = await check_text(services, text, SLACK_MARKUP)
        rendered = blocks.render_check_result(result)
        await ack(response_type="ephemeral", text=rendered.text, blocks=rendered.blocks)
        if result.findings:
            async with services.db.unit_of_work() as session:
                await count_findings(session, services, sorted({str(f.kind) for f in result.findings}), "slash")

    @app.shortcut(SHORTCUT)
    async def check_before_sending(
        ack: AsyncAck, shortcut: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient, context: AsyncBoltContext
    ) -> None:
        await ack()
        async with telling_the_person(shortcut, respond, client):
            services = services_of(context)
            result = await check_text(services, (shortcut.get("message") or {}).get("text") or "", SLACK_MARKUP)
            rendered = blocks.render_check_result(result)
            await respond(text=rendered.text, blocks=rendered.blocks, response_type="ephemeral", replace_original=False)
            if result.findings:
                async with services.db.unit_of_work() as session:
                    await count_findings(session, services, sorted({str(f.kind) for f in result.findings}), "shortcut")

    async def decide(
        ack: AsyncAck, body: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient, context: AsyncBoltContext
    ) -> None:
        await ack()
        async with telling_the_person(body, respond, client):
            services = services_of(context)
            action = Action(body["actions"][0]["action_id"])
            notice_id = int(body["actions"][0]["value"])
            actor = caller(context)
            async with services.db.reading() as session:
                notice = await notice_for_decision(session, notice_id, context.get("member"))
                channel, ts, state = notice.channel_id, notice.message_ts, notice.state
            decision, error = "fine", ""
            if action is Action.REMOVE and state in ("open", "fixed"):
                decision, error = await delete_message(services.settings, channel, ts)
            async with services.db.unit_of_work() as session:
                notice = await notice_for_decision(session, notice_id, context.get("member"))
                said = await record_guarded_decision(session, services, notice, actor, decision, error)
            services.wake_scheduler()
            await respond(text=said, response_type="ephemeral", replace_original=False)

    for action in Action:
        app.action(action.value)(decide)



