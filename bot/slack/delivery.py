"""Delivering outbox messages through the Web API, rendered by the features' pure builders."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

from bot.outbox import Delivered, DeliveryFailed, OutboundMessage


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

# Slack errors that another try will not mend.
PERMANENT_ERRORS = {
    "channel_not_found", "not_in_channel", "is_archived", "user_not_found", "account_inactive",
    "invalid_blocks", "invalid_blocks_format", "msg_too_long", "no_text", "invalid_auth", "not_authed",
    "user_is_bot", "cannot_dm_bot", "restricted_action", "message_not_found", "cant_update_message",
}
NEEDS_INVITE = {"not_in_channel", "channel_not_found"}


class SlackDeliverer:
    def __init__(self, client: AsyncWebClient, renderers: Mapping[str, Renderer]) -> None:
        self.client = client
        self.renderers = renderers

    async def deliver(self, message: OutboundMessage) -> Delivered:
        renderer = self.renderers.get(message.template)
        if renderer is None:
            raise DeliveryFailed(f"no renderer for {message.template!r}", permanent=True)
        rendered = renderer(message.params)
        try:
            if rendered.file is not None:
                return await self._upload(message.target, rendered.text, rendered.file)
            if message.posted_channel and message.posted_ts:
                response = await self.client.chat_update(
                    channel=message.posted_channel, ts=message.posted_ts, text=rendered.text, blocks=rendered.blocks
                )
            else:
                # A user id as channel posts in the bot's DM with that person.
                response = await self.client.chat_postMessage(
                    channel=message.target, text=rendered.text, blocks=rendered.blocks, unfurl_links=False
                )
        except SlackApiError as exc:
            error = str(exc.response.get("error", "unknown_error"))
            raise DeliveryFailed(
                error,
                permanent=error in PERMANENT_ERRORS,
                needs_invite=error in NEEDS_INVITE and not message.target.startswith(("U", "W")),
            ) from exc
        except (SlackClientError, OSError, TimeoutError) as exc:
            raise DeliveryFailed(f"{type(exc).__name__}: {exc}", permanent=False) from exc
        return Delivered(channel=str(response["channel"]), ts=str(response["ts"]))

    async def _upload(self, person: str, text: str, file: RenderedFile) -> Delivered:
        """A file into a person's DM with the bot: files.getUploadURLExternal, the upload, then
        files.completeUploadExternal, which needs the DM's channel id rather than the person's."""
        opened = await self.client.conversations_open(users=person)
        channel = str(opened["channel"]["id"])
        response = await self.client.files_upload_v2(channel=channel, content=file.content, filename=file.filename,
                                                     title=file.title, initial_comment=text)
        return Delivered(channel=channel, ts=str(response["file"]["id"]))
