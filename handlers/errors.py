"""One way of telling a person something went wrong: domain errors become a kind private message,
anything else is logged and answered with a short apology.

Bolt's @app.error handler covers errors raised before a listener acks. Work done after the ack runs
inside `telling_the_person(...)`, which hands its errors to the same function: an error raised after
an ack would otherwise turn the already-sent acknowledgement into a 404 for Slack.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import DomainError

log = logging.getLogger(__name__)

SORRY = "Sorry, something went wrong on my side and nothing was changed. Please try again in a minute."


async def tell_the_person(
    error: Exception, body: dict[str, Any], respond: AsyncRespond | None, client: AsyncWebClient
) -> None:
    if isinstance(error, DomainError):
        message = error.user_message
    else:
        log.error("unhandled error in a listener", exc_info=error)
        message = SORRY
    try:
        user = (body.get("user") or {}).get("id") or body.get("user_id")
        channel = (body.get("channel") or {}).get("id") or body.get("channel_id")
        if not (body.get("response_url") or body.get("response_urls")) and user and channel:
            await client.chat_postEphemeral(channel=channel, user=user, text=message)
        else:
            await tell(body, respond, client, message)
    except Exception:  # the error path must never raise itself
        log.exception("could not tell the person about an error")


async def tell(body: dict[str, Any], respond: AsyncRespond | None, client: AsyncWebClient, text: str) -> None:
    """A private answer to whoever acted: in place where Slack gave a response_url, by DM otherwise
    (a button in the Home tab comes with none)."""
    if respond is not None and (body.get("response_url") or body.get("response_urls")):
        await respond(text=text, response_type="ephemeral", replace_original=False)
        return
    user = (body.get("user") or {}).get("id") or body.get("user_id")
    if user:
        await client.chat_postMessage(channel=user, text=text)


@asynccontextmanager
async def telling_the_person(
    body: dict[str, Any], respond: AsyncRespond | None, client: AsyncWebClient
) -> AsyncIterator[None]:
    try:
        yield
    except Exception as error:
        await tell_the_person(error, body, respond, client)


def register(app: AsyncApp) -> None:
    app.error(tell_the_person)
