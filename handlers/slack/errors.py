"""One way of telling a person something went wrong: domain errors become a kind private message,
anything else is logged and answered with a short apology.

Bolt's @app.error handler covers errors raised before a listener acks; a form submission that fails
so is answered 200 with a closing view carrying the message, never with an error Slack shows as a
failed connection. Work done after the ack runs
inside `telling_the_person(...)`, which hands its errors to the same function: an error raised after
an ack would otherwise turn the already-sent acknowledgement into a 404 for Slack.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_bolt.response import BoltResponse
from slack_sdk.models.blocks import MarkdownTextObject, SectionBlock
from slack_sdk.models.views import View
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import DomainError
from bot.slack.mrkdwn import escape

log = logging.getLogger(__name__)

SORRY = "Sorry, something went wrong on my side and nothing was changed. Please try again in a minute."


async def tell_the_person(
    error: Exception,
    body: dict[str, Any],
    respond: AsyncRespond | None,
    client: AsyncWebClient,
    response: BoltResponse | None = None,
) -> None:
    if isinstance(error, DomainError):
        message = error.user_message
    else:
        log.error("unhandled error in a listener", exc_info=error)
        message = SORRY
    if response is not None and body.get("type") == "view_submission":
        # A form that failed before it was answered (a crafted or mangled submission, a fault of ours):
        # Slack would show the person a connection error for anything but 200, so close the form with
        # the message instead.
        response.status = 200
        response.headers["content-type"] = ["application/json;charset=utf-8"]
        response.body = json.dumps({"response_action": "update", "view": _closing_view(message)})
        return
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


def _closing_view(message: str) -> dict[str, Any]:
    return View(type="modal", title="Nothing changed", close="Close",
                blocks=[SectionBlock(text=MarkdownTextObject(text=escape(message)))]).to_dict()


def register(app: AsyncApp) -> None:
    app.error(tell_the_person)
