"""The app factory: a Bolt app wired to the services, with every feature registered once."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.response import BoltResponse
from slack_sdk.web.async_client import AsyncWebClient

from bot.services import Services
from bot.slack.web import make_web_client
from handlers import register_all
from handlers.middleware import prepare_request


def create_app(services: Services, *, client: AsyncWebClient | None = None) -> AsyncApp:
    settings = services.settings
    if client is None:
        token = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None
        client = make_web_client(token, settings.slack_api_url)
    signing_secret = (
        settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else ""
    )
    app = AsyncApp(
        client=client,
        signing_secret=signing_secret,
        # Socket Mode requests arrive authenticated by the app token; HTTP ones must be signed.
        request_verification_enabled=not settings.socket_mode or bool(signing_secret),
        logger=logging.getLogger("tmw_bot.slack"),
    )

    @app.middleware
    async def before_every_listener(
        body: dict[str, Any], context: AsyncBoltContext, next: Callable[[], Awaitable[None]]
    ) -> BoltResponse | None:
        return await prepare_request(services, body, context, next)

    register_all(app)
    return app
