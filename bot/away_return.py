"""Coming back from an absence: what arrived for someone while they were away, and how each was handled.

Reports that would have gone to someone away went to the next person on their chain; the person away
kept an "away" part in each (bot/reports/workflow.py `route_received`). On their return they are told
once, and their Home shows them too.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.absences import away_at, last_day
from bot.accounts.workflow import owner_back
from bot.addresses import ToPerson
from bot.away_messages import BACK
from bot.dates import describe, start_of_day
from bot.directory import Directory
from bot.reports.workflow import rule_of, status_line
from bot.services import Services
from bot.snapshot import OrgSnapshot, org_snapshot
from storage.absences import absences_ended_unwelcomed
from storage.audit import record_audit
from storage.models import Report, ReportParty
from storage.outbox import enqueue_message, release_held

# How long after someone is back their Home still lists what arrived while they were away.
SHOWN_ON_HOME_FOR = timedelta(days=14)


async def arrived_while_away(
    session: AsyncSession, services: Services, snapshot: OrgSnapshot, person_key: str,
    since: datetime | None = None, until: datetime | None = None,
) -> list[dict[str, Any]]:
    """Reports that came to someone's place in a chain while they were away (and reached that place),
    each with how it stands: reference, kind and status, never its details."""
    query = (select(Report).join(ReportParty, ReportParty.report_id == Report.id)
             .where(ReportParty.person_key == person_key, ReportParty.part == "away", ReportParty.tier <= Report.tier))
    if since is not None:
        query = query.where(Report.created_at >= since)
    if until is not None:
        query = query.where(Report.created_at < until)
    reports = (await session.scalars(query.order_by(Report.created_at, Report.id))).unique().all()
    return [_summary(services, snapshot.directory, snapshot, report) for report in reports]


def _summary(services: Services, directory: Directory, snapshot: OrgSnapshot, report: Report) -> dict[str, Any]:
    return {"reference": report.reference, "kind_label": rule_of(snapshot.rules, report).label,
            "filed": describe(report.created_at, services.tz), "status": report.status,
            "status_line": status_line(services, report, directory)}


async def for_home(services: Services, person_key: str) -> list[dict[str, Any]]:
    """What arrived while they were away, for their Home: during an absence under way or ended lately."""
    snapshot = await org_snapshot(services)
    async with services.db.reading() as session:
        return await arrived_while_away(session, services, snapshot, person_key, since=services.now() - SHOWN_ON_HOME_FOR)


async def welcome_back(services: Services) -> int:
    """Each round: everyone whose absence has ended is told, once, what arrived for them meanwhile."""
    now = services.now()
    snapshot = await org_snapshot(services)
    told = 0
    async with services.db.unit_of_work(background=True) as session:
        still_away = await away_at(session, now)
        for absence in await absences_ended_unwelcomed(session, now):
            absence.welcomed_at = now
            if absence.person_id in still_away:
                # Another absence (overlapping this one) goes on: its end brings them back, and their welcome.
                continue
            await release_held(session, ToPerson(absence.person_id), now)  # reminders held while they were away
            await owner_back(session, services, absence.person_id)  # and password nudges that waited
            if snapshot.directory.by_key(absence.person_id) is None:
                continue  # left the organisation meanwhile: nobody to welcome back
            reports = await arrived_while_away(session, services, snapshot, absence.person_id,
                                               since=absence.starts_at, until=absence.ends_at)
            await enqueue_message(
                session, services.cipher, now=now, to=ToPerson(absence.person_id), template=BACK,
                params={"until": describe(start_of_day(last_day(absence.ends_at, services.tz), services.tz), services.tz,
                                          with_time=False), "reports": reports},
                message_key=f"absence:{absence.id}:back",
            )
            await record_audit(session, at=now, actor="system", action="absence.welcomed_back", subject_type="person",
                               subject_id=absence.person_id, detail={"absence": absence.id, "reports": len(reports)})
            told += 1
    if told:
        services.wake_scheduler()
    return told
