"""The organisation as this process last read it: directory, configuration and routing rules.

Every request needs to know who someone is; reading the database for that each time would put a round
trip in front of every acknowledgement. A change of authority must still count at once, though: the
process that makes one (a reload, a leaver) forgets its snapshot as the change commits, and every
process reads the directory's version number (one small row) at most every `VERSION_CHECK_EVERY` and
rebuilds when it has moved, or when the day (on which roles end) has changed. `MAX_AGE` is a backstop.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession

from bot.directory import Directory
from bot.org import OrgConfig
from bot.reports.kinds import ReportKind, RoutingRule, rules_for
from bot.services import Services
from storage.directory import directory_version, load_directory, load_org_config

log = logging.getLogger(__name__)

MAX_AGE = timedelta(seconds=30)
VERSION_CHECK_EVERY = timedelta(seconds=2)
SNAPSHOT = "org_snapshot"
REBUILDING = "org_snapshot_rebuilding"
VERSION_CHECKED_AT = "org_snapshot_version_checked_at"


@dataclass(frozen=True)
class OrgSnapshot:
    config: OrgConfig | None
    directory: Directory
    taken_at: datetime
    rules: dict[ReportKind, RoutingRule] = field(default_factory=dict)
    version: int = 0
    day: date | None = None  # the organisation's date it was read on: roles end at midnight

    @property
    def organisation_name(self) -> str:
        return self.config.organisation.name if self.config else "your organisation"


async def org_snapshot(services: Services) -> OrgSnapshot:
    """The snapshot, rebuilt once it is `MAX_AGE` old. Until it is twice that, the old one is used
    while one rebuild runs in the background: otherwise every request arriving at that moment would
    wait for (and do) the same rebuild."""
    now = services.now()
    cached = services.cache.get(SNAPSHOT)
    if isinstance(cached, OrgSnapshot):
        if cached.day != services.local_now().date() or not await _still_current(services, cached, now):
            return await _rebuild(services)
        age = now - cached.taken_at
        if age < MAX_AGE:
            return cached
        if age < 2 * MAX_AGE:
            _rebuild_in_background(services)
            return cached
    return await _rebuild(services)


async def _still_current(services: Services, cached: OrgSnapshot, now: datetime) -> bool:
    """False once another process has changed the directory; asks the database at most every few seconds."""
    checked_at = services.cache.get(VERSION_CHECKED_AT)
    if isinstance(checked_at, datetime) and now - checked_at < VERSION_CHECK_EVERY:
        return True
    services.cache[VERSION_CHECKED_AT] = now  # one request asks; the others meanwhile use what is cached
    async with services.db.reading() as session:
        return await directory_version(session) == cached.version


def forget_org_snapshot(services: Services) -> None:
    """The organisation changed: the next request reads it afresh (and a rebuild under way is dropped)."""
    services.cache.pop(SNAPSHOT, None)
    services.cache.pop(REBUILDING, None)


def forget_org_snapshot_once_saved(session: AsyncSession, services: Services) -> None:
    """Forget the snapshot as this transaction commits: forgotten any sooner, a request in between
    would cache the old view again."""
    event.listen(session.sync_session, "after_commit", lambda _session: forget_org_snapshot(services), once=True)


async def _rebuild(services: Services) -> OrgSnapshot:
    snapshot = await _read(services)
    services.cache[SNAPSHOT] = snapshot
    return snapshot


async def _read(services: Services) -> OrgSnapshot:
    now = services.now()
    today = services.local_now().date()
    async with services.db.reading() as session:
        version = await directory_version(session)
        config = await load_org_config(session)
        directory = await load_directory(session, today)
    services.cache[VERSION_CHECKED_AT] = now
    return OrgSnapshot(config=config, directory=directory, taken_at=now,
                       rules=rules_for(config.settings if config else None), version=version, day=today)


async def _rebuild_unless_forgotten(services: Services) -> None:
    snapshot = await _read(services)
    # The cache may have been cleared meanwhile (the file reloaded, someone left): then this is stale.
    if services.cache.get(REBUILDING) is asyncio.current_task():
        services.cache[SNAPSHOT] = snapshot


def _rebuild_in_background(services: Services) -> None:
    if isinstance(services.cache.get(REBUILDING), asyncio.Task):
        return
    task = asyncio.create_task(_rebuild_unless_forgotten(services))
    services.cache[REBUILDING] = task

    def done(finished: asyncio.Task[None]) -> None:
        if services.cache.get(REBUILDING) is finished:
            del services.cache[REBUILDING]
        if not finished.cancelled() and finished.exception() is not None:
            log.error("rebuilding the organisation snapshot failed", exc_info=finished.exception())

    task.add_done_callback(done)


async def current_directory(services: Services) -> Directory:
    """The directory as of now (from the snapshot): what a deliverer needs to address people."""
    return (await org_snapshot(services)).directory
