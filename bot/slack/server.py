"""The HTTP endpoint Slack posts to (/slack/events), on aiohttp; and Teams' (/api/messages) beside it when
the bot has a Teams registration (bot/teams/server.py)."""

from __future__ import annotations

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp

from bot.services import Services
from bot.teams.server import MESSAGES_PATH, TeamsEndpoint
from bot.web import Endpoint, web_application

EVENTS_PATH = "/slack/events"


def slack_endpoint(app: AsyncApp) -> Endpoint:
    """What answers Slack's POSTs to /slack/events: the bolt app, through its aiohttp adapter."""

    async def slack_events(request: web.Request) -> web.Response:
        response = await app.async_dispatch(await to_bolt_request(request))
        return await to_aiohttp_response(response)

    return slack_events


def make_web_application(app: AsyncApp, services: Services | None = None,
                         teams: TeamsEndpoint | None = None) -> web.Application:
    """Slack's endpoint, and Teams' beside it when given: the server tests and the playground start."""
    endpoints: dict[str, Endpoint] = {EVENTS_PATH: slack_endpoint(app)}
    if teams is not None:
        endpoints[MESSAGES_PATH] = teams.handle
    return web_application(endpoints, services)
