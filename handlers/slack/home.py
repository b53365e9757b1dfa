"""The App Home tab: what needs this person now (bot/home_messages.py as Block Kit), under the help. It
refreshes when opened and after each action."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.models.views import View
from slack_sdk.web.async_client import AsyncWebClient

from bot.help import help_for
from bot.home import HomeData, home_for
from bot.home_messages import MORE_THAN_FITS, home
from bot.messages import Note
from bot.org import Role
from bot.policy.messages import OPEN_ACTION
from bot.slack.blockkit import BLOCK_KIT
from bot.slack.people import key_of
from bot.snapshot import org_snapshot
from handlers.slack.middleware import services_of
from handlers.slack.reports.blocks import handler_card
from handlers.slack.tmw import help_blocks

EVENTS = ("app_home_opened",)
MAX_BLOCKS = 100  # Slack's limit for a Home view


def home_blocks(data: HomeData, help_part: list[dict[str, Any]]) -> list[dict[str, Any]]:
    blocks = [*help_part, *BLOCK_KIT.blocks(home(data, OPEN_ACTION, lambda params: handler_card(params).parts))]
    if len(blocks) > MAX_BLOCKS:
        blocks = [*blocks[: MAX_BLOCKS - 1], *BLOCK_KIT.blocks([Note(MORE_THAN_FITS)])]
    return blocks


async def publish_home_for(user_id: str, context: AsyncBoltContext, client: AsyncWebClient) -> None:
    services = services_of(context)
    snapshot = await org_snapshot(services)
    admins = [m.name for m in snapshot.directory.with_role(Role.ADMIN)]
    key = key_of(user_id, snapshot.directory)  # Slack names whose Home it is by user id
    answer = help_for(snapshot.directory.by_key(key), snapshot.organisation_name, admins)
    data = await home_for(services, key)
    await client.views_publish(user_id=user_id, view=View(type="home", blocks=home_blocks(data, help_blocks(answer))).to_dict())


def register(app: AsyncApp) -> None:
    @app.event("app_home_opened")
    async def publish_home(event: dict[str, Any], context: AsyncBoltContext, client: AsyncWebClient) -> None:
        if event.get("tab", "home") != "home":
            return
        await publish_home_for(event["user"], context, client)
