"""Delivering outbox messages through the Web API, rendered by the features' pure builders."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

from bot.addresses import Address, ToChannel, ToConversation, ToPerson
from bot.delivery import SLACK, DeliveryRouter, routing_by_organisation
from bot.directory import Directory
from bot.outbox import DeliveryFailed, OutboundMessage, Posted
from bot.services import Services
from bot.slack.people import slack_user_of, use_directory
from bot.snapshot import current_directory
from storage.directory import channel_for


@dataclass(frozen=True)
class RenderedFile:
    """A file sent to one person, in their DM with the bot (never a channel)."""

    filename: str
    title: str
    content: bytes


@dataclass(frozen=True)
class Rendered:
    text: str
    blocks: list[dict[str, Any]] | None = None
    file: RenderedFile | None = None


Renderer = Callable[[dict[str, Any]], Rendered]
# Slack's id for where a message goes: a user id (their DM with the bot) or a conversation id.
SlackAddresses = Callable[[Address], Awaitable[str]]

log = logging.getLogger(__name__)

# Message metadata naming the outbox message a post delivers (see `SlackDeliverer._earlier_copy`).
OUTBOX_EVENT_TYPE = "tmw_outbox_message"
# How many recent messages to look through for an earlier copy: retries come minutes after the post.
HISTORY_LOOKBACK = 200

# Slack errors that another try will not mend.
PERMANENT_ERRORS = {
    "channel_not_found", "not_in_channel", "is_archived", "user_not_found", "account_inactive",
    "invalid_blocks", "invalid_blocks_format", "msg_too_long", "no_text", "user_is_bot", "cannot_dm_bot", "restricted_action", "message_not_found", "cant_update_message",
}
NEEDS_INVITE = {"not_in_channel", "channel_not_found"}
# Slack refused the bot's token itself: every message would meet the same answer until it is mended.
CREDENTIAL_ERRORS = {"invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired"}


def slack_error(exc: SlackApiError) -> str:
    """Slack's error code, or the HTTP status when the answer was not Slack's JSON."""
    data = exc.response.data
    if isinstance(data, dict):
        return str(data.get("error", "unknown_error"))
    return f"http_{exc.response.status_code}"


def slack_addresses(services: Services) -> SlackAddresses:
    """Slack ids for the core's addresses, read when a message is sent: the channel the organisation
    file gives a purpose to now, not when the message was queued."""

    async def slack_id(to: Address) -> str:
        match to:
            case ToPerson(key):
                # Their Slack id in the directory the deliverer is using (someone outside the
                # organisation file is known by their Slack id).
                user = slack_user_of(key)
                if user is None:
                    # Not lost: the router sends it by their platform once it can (or the file is mended).
                    raise DeliveryFailed(f"{key} is not on Slack", permanent=False)
                return user
            case ToChannel(purpose):
                async with services.db.reading() as session:
                    channel = await channel_for(session, purpose)
                if channel is None:
                    raise DeliveryFailed(f"no Slack channel has the purpose {purpose!r}", permanent=True)
                return channel
            case ToConversation(platform, conversation) if platform == SLACK:
                return conversation
        raise DeliveryFailed(f"{to!r} is not on Slack", permanent=True)

    return slack_id


class SlackDeliverer:
    """`addresses` works out the Slack id a message goes to; `directory` gives the organisation's
    directory at send time: who a person's key is on Slack, for the address and the mentions in the
    message (bot/slack/people.py)."""

    def __init__(self, client: AsyncWebClient, renderers: Mapping[str, Renderer], addresses: SlackAddresses,
                 directory: Callable[[], Awaitable[Directory]] | None = None) -> None:
        self.client = client
        self.renderers = renderers
        self.addresses = addresses
        self.directory = directory

    async def deliver(self, message: OutboundMessage) -> Posted:
        with use_directory(await self.directory() if self.directory else None):
            return await self._deliver(message)

    async def _deliver(self, message: OutboundMessage) -> Posted:
        renderer = self.renderers.get(message.template)
        if renderer is None:
            raise DeliveryFailed(f"no renderer for {message.template!r}", permanent=True)
        rendered = renderer(await self._with_message_link(message.params))
        target = await self.addresses(message.to)
        try:
            if rendered.file is not None:
                return await self._upload(target, rendered.text, rendered.file)
            landed = None
            if message.posted is not None:
                landed = (message.posted.conversation, message.posted.message_id)
            elif message.earlier_attempts:
                # An earlier attempt may have posted it before its answer was lost (a crash, a timeout):
                # update that copy rather than post a second one with live buttons.
                landed = await self._earlier_copy(message, target)
            if landed is not None:
                response = await self.client.chat_update(
                    channel=landed[0], ts=landed[1], text=rendered.text, blocks=rendered.blocks
                )
            else:
                # A user id as channel posts in the bot's DM with that person. The metadata names the
                # outbox message, so that a retry can find this post if its answer never arrives.
                response = await self.client.chat_postMessage(
                    channel=target, text=rendered.text, blocks=rendered.blocks, unfurl_links=False,
                    metadata={"event_type": OUTBOX_EVENT_TYPE, "event_payload": {"outbox_id": message.id}},
                )
        except SlackApiError as exc:
            error = slack_error(exc)
            raise DeliveryFailed(
                error,
                permanent=error in PERMANENT_ERRORS,
                invite_to=target if error in NEEDS_INVITE and not isinstance(message.to, ToPerson) else None,
                credentials_refused=error in CREDENTIAL_ERRORS,
            ) from exc
        except (SlackClientError, OSError, TimeoutError) as exc:
            raise DeliveryFailed(f"{type(exc).__name__}: {exc}", permanent=False) from exc
        return Posted(SLACK, conversation=str(response["channel"]), message_id=str(response["ts"]))

    async def _with_message_link(self, params: dict[str, Any]) -> dict[str, Any]:
        """Params that name a message to link to (`message_link`: channel and ts) get its permalink as
        `message_permalink`, or None if Slack will not give one (the renderer then links the channel)."""
        wanted = params.get("message_link")
        if not isinstance(wanted, dict):
            return params
        try:
            answer = await self.client.chat_getPermalink(channel=wanted["channel"], message_ts=wanted["ts"])
            permalink = str(answer["permalink"])
        except SlackApiError as exc:
            log.warning("no permalink for a message in %s (%s); linking the channel", wanted["channel"], slack_error(exc))
            permalink = None
        except (SlackClientError, OSError, TimeoutError) as exc:
            log.warning("no permalink for a message in %s (%s); linking the channel", wanted["channel"], type(exc).__name__)
            permalink = None
        return {**params, "message_permalink": permalink}

    async def _earlier_copy(self, message: OutboundMessage, channel: str) -> tuple[str, str] | None:
        """Where an earlier attempt posted this message, found by its metadata in the recent history."""
        try:
            if isinstance(message.to, ToPerson):
                opened = await self.client.conversations_open(users=channel)
                channel = str(opened["channel"]["id"])
            history = await self.client.conversations_history(
                channel=channel, limit=HISTORY_LOOKBACK, include_all_metadata=True
            )
        except SlackApiError as exc:
            error = slack_error(exc)
            if error in CREDENTIAL_ERRORS or error == "ratelimited" or error.startswith("http_"):
                raise  # Slack is refusing or unwell: the message waits, as it would for the post
            # Without the history (a missing scope, say) post anyway: twice is better than never.
            log.warning("could not look for an earlier copy of message %s (%s); posting it", message.id, error)
            return None
        for posted in history.get("messages") or []:
            metadata = posted.get("metadata") or {}
            if (
                metadata.get("event_type") == OUTBOX_EVENT_TYPE
                and (metadata.get("event_payload") or {}).get("outbox_id") == message.id
            ):
                return channel, str(posted["ts"])
        return None

    async def _upload(self, person: str, text: str, file: RenderedFile) -> Posted:
        """A file into a person's DM with the bot: files.getUploadURLExternal, the upload, then
        files.completeUploadExternal, which needs the DM's channel id rather than the person's."""
        opened = await self.client.conversations_open(users=person)
        channel = str(opened["channel"]["id"])
        response = await self.client.files_upload_v2(channel=channel, content=file.content, filename=file.filename,
                                                     title=file.title, initial_comment=text)
        return Posted(SLACK, conversation=channel, message_id=str(response["file"]["id"]))


def slack_deliverer(services: Services, client: AsyncWebClient, renderers: Mapping[str, Renderer]) -> SlackDeliverer:
    return SlackDeliverer(client, renderers, slack_addresses(services), lambda: current_directory(services))


def slack_delivery(services: Services, client: AsyncWebClient, renderers: Mapping[str, Renderer]) -> DeliveryRouter:
    """Delivery in a process that serves Slack alone: each message goes by the platform its person is
    reached on; anyone on Teams alone waits, queued, until this process delivers to Teams too."""
    return DeliveryRouter({SLACK: slack_deliverer(services, client, renderers)}, routing_by_organisation(services))
