from __future__ import annotations

import logging

from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.web.async_client import AsyncWebClient

from bot.settings import SettingsError

log = logging.getLogger(__name__)


class _SaysWhenItRetries(AsyncRetryHandler):
    """Logs a WARNING before each retry, so Slack outages and rate limits show in the log."""

    async def prepare_for_next_attempt_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> None:
        method = request.url.rsplit("/", 1)[-1]
        why = f"HTTP {response.status_code}" if response is not None else type(error).__name__
        log.warning("Slack %s failed (%s); trying again", method, why)
        await super().prepare_for_next_attempt_async(state=state, request=request, response=response, error=error)


class _ConnectionErrorRetry(_SaysWhenItRetries, AsyncConnectionErrorRetryHandler):
    pass


class _RateLimitRetry(_SaysWhenItRetries, AsyncRateLimitErrorRetryHandler):
    pass


class _ServerErrorRetry(_SaysWhenItRetries, AsyncServerErrorRetryHandler):
    pass


def make_web_client(token: str | None, base_url: str) -> AsyncWebClient:
    """A Web API client that rides out rate limits (429 + Retry-After), 5xx and dropped connections."""
    return configure_web_client(AsyncWebClient(token=token), base_url)


def configure_web_client(client: AsyncWebClient, base_url: str) -> AsyncWebClient:
    """Point a client (ours, or the one Bolt built) at `base_url`, with our timeout and retries."""
    client.base_url = base_url
    client.timeout = 15
    client.retry_handlers = [
        _ConnectionErrorRetry(max_retry_count=2),
        _RateLimitRetry(max_retry_count=2),
        _ServerErrorRetry(max_retry_count=2),
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
