"""Everything that is due, run once: organisation file reloads, timers, and the outbox.

`tmw-bot tick` calls `run_due` once; `tmw-bot run` calls it in a loop. One code path for both.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.org import OrgFileError, Role, load_org_file
from bot.outbox import Deliverer, DeliveryFailed, OutboundMessage
from bot.services import Services
from storage import outbox as outbox_store
from storage.audit import record_audit
from storage.directory import members_with_role, sync_org
from storage.models import OutboxMessage
from storage.timers import claim_due_timers

log = logging.getLogger(__name__)

TimerHandler = Callable[["TimerContext", dict[str, Any]], Awaitable[None]]
# Work run once a round (routing new reports, moving reports off someone who has left). Each task
# keeps its own transactions short, since a person's request may be waiting to write.
MaintenanceTask = Callable[[Services], Awaitable[object]]

MAX_TIMER_ATTEMPTS = 5
DELIVERY_LEASE = timedelta(minutes=2)
BATCH = 200


def fires_after_timers_due_with_it(handler: TimerHandler) -> TimerHandler:
    """Mark a timer that sums up what has happened by its due moment (the weekly digest): of the timers
    due at that same moment, it fires last, so it counts what they do."""
    handler.fires_last_at_its_moment = True  # type: ignore[attr-defined]
    return handler


@dataclass
class TimerContext:
    session: AsyncSession
    services: Services
    now: datetime


@dataclass
class TickReport:
    org_reloaded: bool = False
    timers_fired: int = 0
    timers_failed: int = 0
    messages_sent: int = 0
    messages_retrying: int = 0
    messages_failed: int = 0
    problems: list[str] = field(default_factory=list)


async def run_due(
    services: Services,
    timer_handlers: Mapping[str, TimerHandler],
    deliverer: Deliverer | None,
    maintenance: Sequence[MaintenanceTask] = (),
) -> TickReport:
    report = TickReport()
    report.org_reloaded = await reload_org_if_changed(services, report)
    for task in maintenance:
        await services.db.people_first.wait_turn()
        try:
            await task(services)
        except Exception:
            log.exception("maintenance task %s failed", getattr(task, "__name__", task))
    await fire_due_timers(services, timer_handlers, report)
    if deliverer is not None:
        await deliver_outbox(services, deliverer, report)
    return report


async def reload_org_if_changed(services: Services, report: TickReport | None = None) -> bool:
    if services.org_path is None:
        return False
    try:
        digest = hashlib.sha256(services.org_path.read_bytes()).hexdigest()
    except OSError as exc:
        log.error("organisation file not readable: %s", exc)
        return False
    if services.cache.get("org_file_sha256") == digest:
        return False  # unchanged since this process last looked: nothing to parse
    try:
        loaded = load_org_file(services.org_path)
    except OrgFileError as exc:
        # Keep running on the last good directory; say why the new file was not taken.
        log.error("organisation file not reloaded: %s", exc)
        if report is not None:
            report.problems.append(str(exc))
        return False
    async with services.db.unit_of_work(background=True) as session:
        changed = await sync_org(session, loaded, services.now())
    services.cache["org_file_sha256"] = loaded.source_sha256
    if changed:
        services.cache.clear()
        services.cache["org_file_sha256"] = loaded.source_sha256
        if loaded.config.organisation.timezone:
            services.timezone_name = loaded.config.organisation.timezone
    return changed


async def fire_due_timers(services: Services, handlers: Mapping[str, TimerHandler], report: TickReport) -> None:
    now = services.now()
    summing_up = [kind for kind, handler in handlers.items() if getattr(handler, "fires_last_at_its_moment", False)]
    while True:
        async with services.db.unit_of_work(background=True) as session:
            timers = await claim_due_timers(session, now, BATCH, last_of_their_moment=summing_up)
            for timer in timers:
                handler = handlers.get(timer.kind)
                try:
                    if handler is None:
                        raise LookupError(f"no handler for timer kind {timer.kind!r}")
                    async with session.begin_nested():
                        await handler(TimerContext(session, services, now), dict(timer.payload))
                except Exception as exc:  # one bad timer must not stop the others
                    log.exception("timer %s (%s) failed", timer.id, timer.kind)
                    timer.attempts += 1
                    timer.last_error = f"{type(exc).__name__}: {exc}"[:500]
                    if timer.attempts >= MAX_TIMER_ATTEMPTS or handler is None:
                        timer.state = "failed"
                        report.timers_failed += 1
                    else:
                        timer.due_at = now + timedelta(minutes=2**timer.attempts)
                    continue
                timer.state = "done"
                timer.fired_at = now
                timer.attempts += 1
                report.timers_fired += 1
        if len(timers) < BATCH:
            return


async def deliver_outbox(services: Services, deliverer: Deliverer, report: TickReport) -> None:
    while True:
        now = services.now()
        async with services.db.unit_of_work(background=True) as session:
            claimed = await outbox_store.claim_deliverable(session, now, limit=BATCH, lease=DELIVERY_LEASE)
            batch: list[tuple[OutboundMessage, int]] = []
            for row in claimed:
                await outbox_store.supersede_older(session, row)
                batch.append((await _outbound(session, services, row), row.attempts))
        if not batch:
            return
        # Go round again: delivering a message may unblock the next one to the same person.
        for message, attempts in batch:
            await _deliver_one(services, deliverer, message, attempts, report)


async def _outbound(session: AsyncSession, services: Services, row: OutboxMessage) -> OutboundMessage:
    posted = await outbox_store.posted_location(session, row.message_key) if row.message_key else None
    return OutboundMessage(
        id=row.id,
        target=row.target,
        template=row.template,
        params=services.cipher.decrypt_json(row.params_enc),
        message_key=row.message_key,
        posted_channel=posted.channel if posted else None,
        posted_ts=posted.ts if posted else None,
    )


async def _deliver_one(
    services: Services, deliverer: Deliverer, message: OutboundMessage, attempts: int, report: TickReport
) -> None:
    await services.db.people_first.wait_turn()  # sending shares the event loop with people's requests too
    try:
        delivered = await deliverer.deliver(message)
    except DeliveryFailed as exc:
        async with services.db.unit_of_work(background=True) as session:
            now = services.now()
            if exc.permanent:
                report.messages_failed += 1
                await outbox_store.mark_failed(session, message.id, exc.reason)
                await record_audit(
                    session, at=now, actor="system", action="message.undeliverable", subject_type="outbox",
                    subject_id=str(message.id), detail={"target": message.target, "reason": exc.reason},
                )
                if exc.needs_invite:
                    await _ask_admins_to_invite(session, services, message.target, now)
            else:
                report.messages_retrying += 1
                await outbox_store.mark_retry(session, message.id, now, exc.reason, attempts)
        return
    except Exception as exc:  # unexpected: keep the message and try again later
        log.exception("delivering message %s failed", message.id)
        async with services.db.unit_of_work(background=True) as session:
            await outbox_store.mark_retry(session, message.id, services.now(), repr(exc), attempts)
        report.messages_retrying += 1
        return
    async with services.db.unit_of_work(background=True) as session:
        await outbox_store.mark_sent(session, message.id, services.now())
        if message.message_key:
            await outbox_store.remember_posted(session, message.message_key, delivered.channel, delivered.ts)
    report.messages_sent += 1


async def _ask_admins_to_invite(session: AsyncSession, services: Services, channel: str, now: datetime) -> None:
    for admin in await members_with_role(session, Role.ADMIN):
        await outbox_store.enqueue_message(
            session, services.cipher, now=now, target=admin.slack_id, template="core.invite_bot",
            params={"channel": channel}, message_key=f"invite-bot:{channel}:{admin.slack_id}",
        )
