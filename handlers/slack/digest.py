"""The weekly digest in Slack (bot/digest/messages.py as Block Kit): the channel post, with a way to the App
Home for the detail."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp

from bot.digest import messages as said
from bot.slack.blockkit import BLOCK_KIT
from bot.slack.delivery import Rendered

OPEN_HOME = "digest.open_home"


def render_weekly(params: dict[str, Any]) -> Rendered:
    return BLOCK_KIT.message(said.digest(params, OPEN_HOME))


RENDERERS = {"digest.weekly": render_weekly}


def register(app: AsyncApp) -> None:
    from handlers.slack.home import publish_home_for

    @app.action(OPEN_HOME)
    async def open_home(ack: Any, body: dict[str, Any], respond: Any, client: Any, context: Any) -> None:
        await ack()
        from handlers.slack.errors import telling_the_person

        async with telling_the_person(body, respond, client):
            await publish_home_for(body["user"]["id"], context, client)
            await respond(text="Your Home tab is up to date: open this app's *Home* tab (top of this conversation, or under Apps) for the detail you are allowed to see.",
                          response_type="ephemeral", replace_original=False)
