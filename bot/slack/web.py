from __future__ import annotations

import logging

from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from bot.settings import SettingsError

log = logging.getLogger(__name__)


def make_web_client(token: str | None, base_url: str) -> AsyncWebClient:
    """A Web API client that rides out rate limits (429 + Retry-After), 5xx and dropped connections."""
    client = AsyncWebClient(token=token, base_url=base_url, timeout=15)
    client.retry_handlers = [
        AsyncConnectionErrorRetryHandler(max_retry_count=2),
        AsyncRateLimitErrorRetryHandler(max_retry_count=2),
        AsyncServerErrorRetryHandler(max_retry_count=2),
    ]
    return client


async def check_bot_token(client: AsyncWebClient) -> None:
    """Ask Slack whether the bot token works (auth.test), so a wrong one stops start-up with one clear
    line instead of every message failing later. If Slack cannot be reached, start anyway: messages wait."""
    try:
        await client.auth_test()
    except SlackApiError as exc:
        error = exc.response.get("error", "unknown_error")
        raise SettingsError(
            f"SLACK_BOT_TOKEN was refused by Slack ({error}): copy the Bot User OAuth Token again from "
            "your app's OAuth & Permissions page."
        ) from None
    except (SlackClientError, OSError, TimeoutError) as exc:
        log.warning("could not check the bot token with Slack (%s); starting anyway", type(exc).__name__)
