"""The HTTP endpoint Slack posts to (/slack/events), on aiohttp; and Teams' (/api/messages) beside it when
the bot has a Teams registration (bot/teams/server.py)."""

from __future__ import annotations

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp

from bot.scheduler import delivery_status
from bot.services import Services
from bot.teams.server import MESSAGES_PATH, TeamsEndpoint

EVENTS_PATH = "/slack/events"


def make_web_application(app: AsyncApp, services: Services | None = None,
                         teams: TeamsEndpoint | None = None) -> web.Application:
    async def slack_events(request: web.Request) -> web.Response:
        response = await app.async_dispatch(await to_bolt_request(request))
        return await to_aiohttp_response(response)

    async def healthz(_request: web.Request) -> web.Response:
        if services is None:
            return web.json_response({"ok": True})
        delivery = await delivery_status(services)
        healthy = not delivery["failing"]
        return web.json_response({"ok": healthy, "delivery": delivery}, status=200 if healthy else 503)

    application = web.Application(client_max_size=2 * 1024 * 1024)
    application.add_routes([web.post(EVENTS_PATH, slack_events), web.get("/healthz", healthz)])
    if teams is not None:
        application.add_routes([web.post(MESSAGES_PATH, teams.handle)])
    return application
