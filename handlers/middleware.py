"""Global middleware: hand each listener the services and the caller, and drop Slack's retries."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.response import BoltResponse
from sqlalchemy.exc import IntegrityError

from bot.services import Services
from bot.snapshot import org_snapshot
from storage.models import ProcessedDelivery

log = logging.getLogger(__name__)


def services_of(context: AsyncBoltContext) -> Services:
    return context["services"]


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
        snapshot = await org_snapshot(services)
        context["member"] = snapshot.directory.by_key(context.user_id)
    await next()
    return None
