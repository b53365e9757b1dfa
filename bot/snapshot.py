"""The organisation as this process last read it: directory, configuration and routing rules.

Every request needs to know who someone is; reading the database for that each time would put a round
trip in front of every acknowledgement. The snapshot is rebuilt when the organisation file is reloaded,
and at least every `MAX_AGE`, so a second process's reload (or a role ending at midnight) shows up soon.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.directory import Directory
from bot.org import OrgConfig
from bot.reports.kinds import ReportKind, RoutingRule, rules_for
from bot.services import Services
from storage.directory import load_directory, load_org_config

log = logging.getLogger(__name__)

MAX_AGE = timedelta(seconds=30)
SNAPSHOT = "org_snapshot"
REBUILDING = "org_snapshot_rebuilding"


@dataclass(frozen=True)
class OrgSnapshot:
    config: OrgConfig | None
    directory: Directory
    taken_at: datetime
    rules: dict[ReportKind, RoutingRule] = field(default_factory=dict)

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
        age = now - cached.taken_at
        if age < MAX_AGE:
            return cached
        if age < 2 * MAX_AGE:
            _rebuild_in_background(services)
            return cached
    return await _rebuild(services)


def forget_org_snapshot(services: Services) -> None:
    """The organisation changed: the next request reads it afresh (and a rebuild under way is dropped)."""
    services.cache.pop(SNAPSHOT, None)
    services.cache.pop(REBUILDING, None)


async def _rebuild(services: Services) -> OrgSnapshot:
    snapshot = await _read(services)
    services.cache[SNAPSHOT] = snapshot
    return snapshot


async def _read(services: Services) -> OrgSnapshot:
    now = services.now()
    async with services.db.reading() as session:
        config = await load_org_config(session)
        directory = await load_directory(session, services.local_now().date())
    return OrgSnapshot(config=config, directory=directory, taken_at=now,
                       rules=rules_for(config.settings if config else None))


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
