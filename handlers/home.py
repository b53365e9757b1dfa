"""The App Home tab. For now it greets the person and lists what they can do; later workflows add
what needs them (reports to handle, nudges, checklists)."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.models.views import View
from slack_sdk.web.async_client import AsyncWebClient

from bot.help import help_for
from bot.org import Role
from bot.snapshot import org_snapshot
from handlers.middleware import services_of
from handlers.tmw import help_blocks

EVENTS = ("app_home_opened",)


def home_view(blocks: list[dict[str, Any]]) -> dict[str, Any]:
    return View(type="home", blocks=blocks).to_dict()


def register(app: AsyncApp) -> None:
    @app.event("app_home_opened")
    async def publish_home(event: dict[str, Any], context: AsyncBoltContext, client: AsyncWebClient) -> None:
        if event.get("tab", "home") != "home":
            return
        services = services_of(context)
        snapshot = await org_snapshot(services)
        admins = [m.name for m in snapshot.directory.with_role(Role.ADMIN)]
        answer = help_for(context.get("member"), snapshot.organisation_name, admins)
        await client.views_publish(user_id=event["user"], view=home_view(help_blocks(answer)))
