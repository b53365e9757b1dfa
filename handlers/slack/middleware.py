"""Global middleware: hand each listener the services and the caller, and drop Slack's retries."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.response import BoltResponse
from sqlalchemy.exc import IntegrityError

from bot.services import Services
from bot.slack.people import key_of, set_directory
from bot.snapshot import org_snapshot
from storage.models import ProcessedDelivery

log = logging.getLogger(__name__)


def services_of(context: AsyncBoltContext) -> Services:
    return context["services"]


def caller(context: AsyncBoltContext) -> str:
    """Who sent this request, as the core names people: their key (bot/slack/people.py)."""
    return context["person_key"]


async def prepare_request(
    services: Services, body: dict[str, Any], context: AsyncBoltContext, next: Callable[[], Awaitable[None]]
) -> BoltResponse | None:
    """Run before every listener: hand it the services and the caller, and drop Slack's retries.
    One middleware rather than three: Bolt's cost per middleware is paid on every request."""
    context["services"] = services
    # Slack re-sends an event it thinks we missed (X-Slack-Retry-Num). The event_id is the same,
    # so the first delivery to be recorded wins and the rest are acknowledged and dropped.
    event_id = body.get("event_id") if body.get("type") == "event_callback" else None
    if event_id:
        try:
            async with services.db.unit_of_work() as session:
                session.add(ProcessedDelivery(key=f"event:{event_id}", seen_at=services.now()))
        except IntegrityError:
            log.info("dropping repeated delivery of event %s", event_id)
            return BoltResponse(status=200, body="")
    if context.user_id:
        # Slack names the caller by user id; from here on they are named by key, and keys named in what
        # is rendered for this request are shown as Slack users (bot/slack/people.py).
        snapshot = await org_snapshot(services)
        set_directory(snapshot.directory)
        member = snapshot.directory.by_slack_id(context.user_id)
        context["member"] = member
        context["person_key"] = member.key if member is not None else key_of(context.user_id, snapshot.directory)
    await next()
    return None
