"""The moderators' buttons, `/groupagreement`, and the agreement for people who join."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import DomainError
from bot.moderation_queue.workflow import (
    case_for_decision,
    group_agreement,
    moderated_channel,
    record_decision,
    welcome_new_member,
)
from bot.org import Role
from bot.slack.deletion import delete_message
from bot.snapshot import org_snapshot
from handlers.slack.errors import telling_the_person
from handlers.slack.middleware import caller, services_of
from handlers.slack.moderation import blocks
from handlers.slack.moderation.ids import COMMAND, Action

DECISION_OF = {Action.KEEP: "kept", Action.WARN: "warned"}


def register(app: AsyncApp) -> None:
    async def decide(
        ack: AsyncAck, body: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient, context: AsyncBoltContext
    ) -> None:
        await ack()
        async with telling_the_person(body, respond, client):
            services = services_of(context)
            action = Action(body["actions"][0]["action_id"])
            case_id = int(body["actions"][0]["value"])
            async with services.db.reading() as session:
                case = await case_for_decision(session, services, case_id, context.get("member"))
                channel, ts, state = case.channel_id, case.message_ts, case.state
            decision, error = DECISION_OF.get(action, "deleted"), ""
            if action is Action.DELETE and state == "open" and services.settings.slack_user_token is not None:
                outcome, error = await delete_message(services.settings, channel, ts)
                decision = "already_removed" if outcome == "already_removed" else "deleted"
            async with services.db.unit_of_work() as session:
                case = await case_for_decision(session, services, case_id, context.get("member"))
                said = await record_decision(session, services, case, caller(context), decision, error)
            services.wake_scheduler()
            await respond(text=said, response_type="ephemeral", replace_original=False)

    for action in Action:
        app.action(action.value)(decide)

    @app.command(COMMAND)
    async def post_group_agreement(
        ack: AsyncAck, command: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient, context: AsyncBoltContext
    ) -> None:
        await ack()
        async with telling_the_person(command, respond, client):
            services = services_of(context)
            member = context.get("member")
            if member is None or not member.has(Role.PROJECT_MANAGER, Role.ADMIN, Role.CEO, Role.MODERATOR):
                raise DomainError("Only the group's organiser (a project manager, moderator or admin) can post its agreement.")
            ensure_channel = command["channel_id"]
            async with services.db.reading() as session:
                channel = await moderated_channel(session, ensure_channel)
            if channel is None:
                raise DomainError("This channel is not one of our moderated groups. Ask an admin to add it to the organisation file first.")
            snapshot = await org_snapshot(services)
            paragraphs = group_agreement(snapshot.organisation_name, channel.name, channel.purpose)
            agreement = blocks.render_agreement(paragraphs)
            posted = await client.chat_postMessage(channel=channel.id, text=agreement.text, blocks=agreement.blocks)
            await client.pins_add(channel=channel.id, timestamp=posted["ts"])
            await respond(text="The group agreement is posted and pinned. New members will get it by DM.",
                          response_type="ephemeral", replace_original=False)

    @app.event("member_joined_channel")
    async def welcome_with_agreement(event: dict[str, Any], context: AsyncBoltContext) -> None:
        services = services_of(context)
        if event.get("user") == context.bot_user_id:
            return
        async with services.db.unit_of_work() as session:
            channel = await moderated_channel(session, event.get("channel", ""))
            if channel is None:
                return
            # By DM, through the outbox, as Teams sends it (the same core function).
            await welcome_new_member(session, services, channel, caller(context),
                                     occasion=f"slack:{event.get('event_ts') or event.get('ts') or ''}")
        services.wake_scheduler()
