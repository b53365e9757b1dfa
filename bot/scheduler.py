"""Everything that is due, run once: organisation file reloads, timers, and the outbox.

`tmw-bot tick` calls `run_due` once; `tmw-bot run` calls it in a loop. One code path for both.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.addresses import ToPerson, decode, encode
from bot.crypto import DecryptionError
from bot.org import OrgError, OrgFileError, Role, load_org_file
from bot.outbox import Deliverer, DeliveryFailed, OutboundMessage, Posted
from bot.services import Services
from storage import outbox as outbox_store
from storage.audit import record_audit
from storage.directory import members_with_role, note_broken_org_file, note_org_file_mended, sync_org
from storage.models import OutboxMessage
from storage.timers import claim_due_timers

log = logging.getLogger(__name__)

TimerHandler = Callable[["TimerContext", dict[str, Any]], Awaitable[None]]
# Work run once a round (routing new reports, moving reports off someone who has left). Each task
# keeps its own transactions short, since a person's request may be waiting to write.
MaintenanceTask = Callable[[Services], Awaitable[object]]

MAX_TIMER_ATTEMPTS = 5
# A claimed batch is the worker's this long; a message being sent, DELIVERY_LEASE. So after a crash the
# messages it never got to wait a few seconds, and only the one it was sending waits longer.
CLAIM_LEASE = timedelta(seconds=15)
DELIVERY_LEASE = timedelta(minutes=2)
# While the platform refuses the bot's credentials, one message is tried this often to see if they work again.
CREDENTIALS_RETRY = timedelta(minutes=1)
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


# This process's memory of the organisation file: the hash it last dealt with (loaded or found
# broken), and the broken one it has already logged, so neither is parsed nor logged every round.
ORG_FILE_SEEN = "org_file_sha256"
ORG_FILE_LOGGED = "org_file_logged_broken"
MOST_ERRORS_TOLD = 20


async def reload_org_if_changed(services: Services, report: TickReport | None = None) -> bool:
    if services.org_path is None:
        return False
    digest = org_file_digest(services.org_path)
    if services.cache.get(ORG_FILE_SEEN) == digest:
        return False  # unchanged since this process last looked: nothing to parse
    try:
        loaded = load_org_file(services.org_path)
    except OrgFileError as exc:
        # Keep running on the last good directory; say why the new file was not taken, once.
        if services.cache.get(ORG_FILE_LOGGED) != digest:
            log.error("organisation file not reloaded (still using the last good version): %s", exc)
            services.cache[ORG_FILE_LOGGED] = digest
        if report is not None:
            report.problems.append(str(exc))
        async with services.db.unit_of_work(background=True) as session:
            if await note_broken_org_file(session, digest, services.now()):
                await _tell_admins(session, services, "core.org_file_broken", {"errors": _described(exc.errors)})
        services.cache[ORG_FILE_SEEN] = digest
        return False
    async with services.db.unit_of_work(background=True) as session:
        changed = await sync_org(session, loaded, services.now())
        if await note_org_file_mended(session):
            log.info("the organisation file loads again")
            await _tell_admins(session, services, "core.org_file_mended", {"changed": changed})
    if changed:
        services.cache.clear()
        if loaded.config.organisation.timezone:
            services.timezone_name = loaded.config.organisation.timezone
    services.cache[ORG_FILE_SEEN] = digest
    return changed


def org_file_digest(path: Path) -> str:
    """The file's hash, or (when it cannot be read) one of the reason, so a missing file is noted once too."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        return hashlib.sha256(f"unreadable: {type(exc).__name__}".encode()).hexdigest()


def _described(errors: Sequence[OrgError]) -> list[dict[str, object]]:
    return [{"line": e.line, "field": e.field, "message": e.message} for e in errors[:MOST_ERRORS_TOLD]] + (
        [{"line": None, "field": "", "message": f"and {len(errors) - MOST_ERRORS_TOLD} more"}]
        if len(errors) > MOST_ERRORS_TOLD else []
    )


async def _tell_admins(session: AsyncSession, services: Services, template: str, params: dict[str, Any]) -> None:
    """A direct message to each admin of the last good directory, delivered by the next outbox round."""
    for admin in await members_with_role(session, Role.ADMIN, services.local_now().date()):
        await outbox_store.enqueue_message(
            session, services.cipher, now=services.now(), to=ToPerson(admin.key), template=template, params=params,
        )
    services.wake_scheduler()


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
            claimed = await outbox_store.claim_deliverable(session, now, limit=BATCH, lease=CLAIM_LEASE)
            claimed_until = now + CLAIM_LEASE
            batch: list[tuple[OutboundMessage, int]] = []
            for row in claimed:
                try:
                    outbound = await _outbound(session, services, row)
                except DecryptionError as exc:
                    # One unreadable row must not hold up every other message, round after round.
                    log.error("queued message %s cannot be decrypted and is set aside: %s", row.id, exc)
                    outbox_store.set_aside_unreadable(row, str(exc))
                    await record_audit(
                        session, at=now, actor="system", action="message.unreadable", subject_type="outbox",
                        subject_id=str(row.id), detail={"to": row.address},
                    )
                    continue
                await outbox_store.supersede_older(session, services.cipher, row)
                batch.append((outbound, row.attempts))
        if not claimed:
            return
        # Go round again: delivering a message may unblock the next one to the same person.
        for position, (message, attempts) in enumerate(batch):
            await services.db.people_first.wait_turn()  # sending shares the event loop with people's requests
            async with services.db.unit_of_work(background=True) as session:
                ours = await outbox_store.start_attempt(
                    session, message.id, claimed_until=claimed_until, now=services.now(), lease=DELIVERY_LEASE
                )
            if not ours:
                continue
            if not await _deliver_one(services, deliverer, message, attempts + 1, report):
                # The bot's credentials were refused: the rest of the batch would be too. Keep it all
                # queued and try again later, rather than spend the round on certain refusals.
                async with services.db.unit_of_work(background=True) as session:
                    await outbox_store.release(
                        session, [m.id for m, _ in batch[position:]], services.now() + CREDENTIALS_RETRY
                    )
                return


async def _outbound(session: AsyncSession, services: Services, row: OutboxMessage) -> OutboundMessage:
    posted = await outbox_store.posted_location(session, row.message_key) if row.message_key else None
    return OutboundMessage(
        id=row.id,
        to=decode(row.address),
        template=row.template,
        params=services.cipher.decrypt_json(row.params_enc),
        message_key=row.message_key,
        posted=Posted(posted.platform, posted.conversation, posted.message_id, posted.service_url) if posted else None,
        earlier_attempts=row.attempts,
    )


async def _deliver_one(
    services: Services, deliverer: Deliverer, message: OutboundMessage, attempts: int, report: TickReport
) -> bool:
    """Deliver one message and record how it went; False if delivery must pause (credentials refused)."""
    try:
        delivered = await deliverer.deliver(message)
    except DeliveryFailed as exc:
        if exc.credentials_refused:
            if services.delivery.failed(services.now(), exc.reason, credentials_refused=True):
                log.error(
                    "messages cannot be delivered: the bot's credentials were refused (%s). They stay queued "
                    "and go out once the credentials work again.", exc.reason,
                )
            report.messages_retrying += 1
            return False
        async with services.db.unit_of_work(background=True) as session:
            now = services.now()
            if exc.permanent:
                log.error("message %s to %s was given up: %s", message.id, encode(message.to), exc.reason)
                report.messages_failed += 1
                await outbox_store.mark_failed(session, message.id, exc.reason)
                await record_audit(
                    session, at=now, actor="system", action="message.undeliverable", subject_type="outbox",
                    subject_id=str(message.id), detail={"to": encode(message.to), "reason": exc.reason},
                )
                if exc.invite_to:
                    await _ask_admins_to_invite(session, services, exc.invite_to, now)
            else:
                if not exc.waiting:
                    services.delivery.failed(now, exc.reason)
                report.messages_retrying += 1
                not_before = now + timedelta(seconds=exc.retry_after) if exc.retry_after else None
                retry_at = await outbox_store.mark_retry(session, message.id, now, exc.reason, attempts, not_before)
                (log.info if exc.waiting else log.warning)(
                    "message %s to %s was not delivered (%s); it will be tried again at %s",
                    message.id, encode(message.to), exc.reason, f"{retry_at:%H:%M:%S} UTC")
        return True
    except Exception as exc:  # unexpected: keep the message and try again later
        log.exception("delivering message %s failed", message.id)
        async with services.db.unit_of_work(background=True) as session:
            await outbox_store.mark_retry(session, message.id, services.now(), repr(exc), attempts)
        report.messages_retrying += 1
        return True
    async with services.db.unit_of_work(background=True) as session:
        await outbox_store.mark_sent(session, services.cipher, message.id, services.now())
        if message.message_key:
            await outbox_store.remember_posted(session, message.message_key, delivered)
    report.messages_sent += 1
    if services.delivery.delivered():
        log.info("messages are being delivered again")
    return True


async def delivery_status(services: Services) -> dict[str, Any]:
    """How delivery stands, for the health check: the queue, and whether sending is failing."""
    async with services.db.reading() as session:
        queued, oldest = await outbox_store.queue_state(session)
    health = services.delivery
    return {
        "queued": queued,
        "oldest_queued_seconds": int((services.now() - oldest).total_seconds()) if oldest else 0,
        "failing": health.failing,
        "failing_since": health.failing_since.isoformat() if health.failing_since else None,
        "last_error": health.last_error or None,
    }


async def _ask_admins_to_invite(session: AsyncSession, services: Services, channel: str, now: datetime) -> None:
    for admin in await members_with_role(session, Role.ADMIN):
        await outbox_store.enqueue_message(
            session, services.cipher, now=now, to=ToPerson(admin.key), template="core.invite_bot",
            params={"channel": channel}, message_key=f"invite-bot:{channel}:{admin.key}",
        )
