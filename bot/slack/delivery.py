"""Delivering outbox messages through the Web API, rendered by the features' pure builders."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

from bot.outbox import Delivered, DeliveryFailed, OutboundMessage


@dataclass(frozen=True)
class Rendered:
    text: str
    blocks: list[dict[str, Any]] | None = None


Renderer = Callable[[dict[str, Any]], Rendered]

# Slack errors that another try will not mend.
PERMANENT_ERRORS = {
    "channel_not_found", "not_in_channel", "is_archived", "user_not_found", "account_inactive",
    "invalid_blocks", "invalid_blocks_format", "msg_too_long", "no_text", "user_is_bot", "cannot_dm_bot", "restricted_action", "message_not_found", "cant_update_message",
}
NEEDS_INVITE = {"not_in_channel", "channel_not_found"}
# Slack refused the bot's token itself: every message would meet the same answer until it is mended.
CREDENTIAL_ERRORS = {"invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired"}


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
                credentials_refused=error in CREDENTIAL_ERRORS,
            ) from exc
        except (SlackClientError, OSError, TimeoutError) as exc:
            raise DeliveryFailed(f"{type(exc).__name__}: {exc}", permanent=False) from exc
        return Delivered(channel=str(response["channel"]), ts=str(response["ts"]))
