"""The app factory: a Bolt app wired to the services, with every feature registered once."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.listener_matcher.async_builtins import AsyncBuiltinListenerMatcher
from slack_bolt.listener_matcher.async_listener_matcher import AsyncListenerMatcher
from slack_bolt.middleware.async_middleware import AsyncMiddleware
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse

from bot import workflows  # noqa: F401  (hands the workflows their hooks into each other)
from bot.services import Services
from bot.slack.web import configure_web_client
from bot.teams.server import PersonOf, TeamsApp, TeamsEndpoint, known_by_object_id, teams_endpoint
from handlers import register_all
from handlers import teams as teams_handlers
from handlers.middleware import prepare_request
from storage.db import PeopleFirst


class BodyMatcher(AsyncListenerMatcher):
    """Bolt's own test of whether a listener is for a request (`app.command("/tmw")`, `app.view(...)`)
    looks only at the body, yet first works out every keyword argument a listener could ask for, about
    20 µs. Bolt tries each listener in turn, so a command registered late paid that a dozen times
    before its own listener ran. This asks the same question of the body alone."""

    def __init__(self, builtin: AsyncBuiltinListenerMatcher) -> None:
        self._matches_body = builtin.func

    async def async_matches(self, req: AsyncBoltRequest, resp: BoltResponse) -> bool:
        return await self._matches_body(body=req.body)  # type: ignore[misc]


class BotApp(AsyncApp):
    """A Bolt app that counts the requests it is answering, over HTTP and Socket Mode alike, from
    their arrival until Slack has its answer: background work waits meanwhile (see `PeopleFirst`)."""

    def __init__(self, *, people_first: PeopleFirst, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._people_first = people_first

    async def async_dispatch(self, req: AsyncBoltRequest) -> BoltResponse:
        with self._people_first.serving():
            return await super().async_dispatch(req)

    def _register_listener(self, functions: Any, primary_matcher: Any, *args: Any, **kwargs: Any) -> Any:
        # Every listener registered (app.command, app.action, app.view, ...) comes through here.
        if isinstance(primary_matcher, AsyncBuiltinListenerMatcher) and primary_matcher.arg_names == ["body"]:
            primary_matcher = BodyMatcher(primary_matcher)
        return super()._register_listener(functions, primary_matcher, *args, **kwargs)


class BeforeEveryListener(AsyncMiddleware):
    """The global middleware (`prepare_request`). A middleware object, not a function: Bolt works
    out a function's keyword arguments afresh on every request."""

    def __init__(self, services: Services) -> None:
        self._services = services

    async def async_process(
        self, *, req: AsyncBoltRequest, resp: BoltResponse, next: Callable[[], Awaitable[BoltResponse]]
    ) -> BoltResponse | None:
        return await prepare_request(self._services, req.body, req.context, next)  # type: ignore[arg-type]


def create_app(services: Services) -> AsyncApp:
    settings = services.settings
    token = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None
    signing_secret = (
        settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else ""
    )
    # Bolt is given the token and builds its own client, which is then set up as ours: given a client
    # of our own, Bolt would warn at every start that SLACK_BOT_TOKEN (which it reads itself) is unused.
    app = BotApp(
        people_first=services.db.people_first,
        token=token,
        signing_secret=signing_secret,
        # Socket Mode requests arrive authenticated by the app token; HTTP ones must be signed.
        request_verification_enabled=not settings.socket_mode or bool(signing_secret),
        logger=logging.getLogger("tmw_bot.slack"),
    )
    configure_web_client(app.client, settings.slack_api_url)
    app.middleware(BeforeEveryListener(services))
    register_all(app)
    return app


def create_teams_endpoint(services: Services, person_of: PersonOf = known_by_object_id) -> TeamsEndpoint | None:
    """Teams' endpoint with every Teams feature registered once, or None when the bot has no Teams
    registration (TEAMS_APP_ID unset): then /api/messages is not served at all."""
    if not services.settings.teams_app_id:
        return None
    app = TeamsApp()
    teams_handlers.register_all(app)
    return teams_endpoint(services, app, person_of)
