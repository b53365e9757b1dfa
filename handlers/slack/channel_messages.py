"""The one listener for channel messages. Bolt runs only the first matching listener, so guarded
channels (outgoing checks) and moderated channels (moderation rules) share this dispatcher; the message is
read by the core as in Teams (bot/watched_channels.py)."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.channel_messages import ChannelMessage
from bot.slack.inbound import SLACK_MARKUP
from bot.slack.people import key_of, slack_user_of
from bot.watched_channels import channel_message_deleted, read_channel_message, watched_channel
from handlers.slack.checks.blocks import render_guarded_warning
from handlers.slack.middleware import services_of

log = logging.getLogger(__name__)

EVENTS = ("message",)
# Subtypes that are a person's words; anything else (joins, topic changes, bots) is left alone.
PEOPLES_SUBTYPES = {None, "file_share", "thread_broadcast", "me_message"}


def parse_message(event: dict[str, Any], bot_user_id: str | None) -> ChannelMessage | None:
    """A person's new or edited message, or None for anything the rules do not look at."""
    edited = event.get("subtype") == "message_changed"
    body = event.get("message", {}) if edited else event
    if body.get("subtype") not in PEOPLES_SUBTYPES or body.get("bot_id") or not body.get("user"):
        return None
    if bot_user_id and body.get("user") == bot_user_id:
        return None
    text = body.get("text") or ""
    if not text.strip():
        return None
    if edited and (event.get("previous_message") or {}).get("text") == text:
        return None  # an unfurl or a reaction count changed, not the words
    # The poster by key, as the core names people (someone outside the organisation file by Slack id).
    return ChannelMessage(channel=event["channel"], user=key_of(body["user"]), text=text, ts=body["ts"],
                          thread_ts=body.get("thread_ts"), edited=edited, markup=SLACK_MARKUP)


def register(app: AsyncApp) -> None:
    @app.event("message")
    async def on_channel_message(event: dict[str, Any], client: AsyncWebClient, context: AsyncBoltContext) -> None:
        services = services_of(context)
        channel = await watched_channel(services, event.get("channel", ""))
        if channel is None:
            return
        if event.get("subtype") == "message_deleted":
            await channel_message_deleted(services, channel, event.get("deleted_ts", ""))
            return
        message = parse_message(event, context.bot_user_id)
        if message is None:
            return
        warning = await read_channel_message(services, channel, message)
        if warning is not None:
            rendered = render_guarded_warning(warning.result, channel.id)
            await client.chat_postEphemeral(channel=channel.id, user=slack_user_of(message.user) or message.user,
                                            text=rendered.text, blocks=rendered.blocks)
