"""The bot's HTTP server: each platform's endpoint (Slack's /slack/events, Teams' /api/messages, whichever
are served) and /healthz, which says whether the outbox is delivering."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping

from aiohttp import web

from bot.scheduler import delivery_status
from bot.services import Services

Endpoint = Callable[[web.Request], Awaitable[web.StreamResponse]]
# Slack sends files' metadata, not files; Teams' largest activities (a dialog's answers) are well within.
LARGEST_REQUEST = 2 * 1024 * 1024


def web_application(endpoints: Mapping[str, Endpoint], services: Services | None = None) -> web.Application:
    """`endpoints` by path, each answering POSTs; `services` for the health check (None: always healthy)."""

    async def healthz(_request: web.Request) -> web.Response:
        if services is None:
            return web.json_response({"ok": True})
        delivery = await delivery_status(services)
        healthy = not delivery["failing"]
        return web.json_response({"ok": healthy, "delivery": delivery}, status=200 if healthy else 503)

    application = web.Application(client_max_size=LARGEST_REQUEST)
    application.add_routes([web.post(path, endpoint) for path, endpoint in endpoints.items()])
    application.add_routes([web.get("/healthz", healthz)])
    return application
