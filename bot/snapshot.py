"""The organisation as this process last read it: directory, configuration and routing rules.

Every request needs to know who someone is; reading the database for that each time would put a round
trip in front of every acknowledgement. The snapshot is rebuilt when the organisation file is reloaded,
and at least every `MAX_AGE`, so a second process's reload (or a role ending at midnight) shows up soon.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.directory import Directory
from bot.org import OrgConfig
from bot.reports.kinds import ReportKind, RoutingRule, rules_for
from bot.services import Services
from storage.directory import load_directory, load_org_config

MAX_AGE = timedelta(seconds=30)


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
    now = services.now()
    cached = services.cache.get("org_snapshot")
    if isinstance(cached, OrgSnapshot) and now - cached.taken_at < MAX_AGE:
        return cached
    async with services.db.reading() as session:
        config = await load_org_config(session)
        directory = await load_directory(session, services.local_now().date())
    snapshot = OrgSnapshot(config=config, directory=directory, taken_at=now,
                           rules=rules_for(config.settings if config else None))
    services.cache["org_snapshot"] = snapshot
    return snapshot
