"""Report storage: references, look-ups and claims. Functions take the session and never commit."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import or_, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import ReferenceCounter, Report, ReportNote, ReportParty


async def next_reference_number(session: AsyncSession, series: str, year: int) -> int:
    """The next number in a year's series, unique even when two reports are filed at once: one
    atomic upsert, so concurrent filers (and processes) each get their own number."""
    insert = sqlite_insert if session.bind.dialect.name == "sqlite" else postgresql_insert
    statement = (
        insert(ReferenceCounter)
        .values(series=series, year=year, last=1)
        .on_conflict_do_update(index_elements=["series", "year"], set_={"last": ReferenceCounter.last + 1})
        .returning(ReferenceCounter.last)
    )
    return int((await session.execute(statement)).scalar_one())


async def report_by_submission(session: AsyncSession, submission_key: str) -> Report | None:
    return await session.scalar(select(Report).where(Report.submission_key == submission_key))


async def report_for_update(session: AsyncSession, report_id: int) -> Report | None:
    """The report, locked for this transaction so two clicks cannot both change it."""
    return await session.scalar(select(Report).where(Report.id == report_id).with_for_update())


async def note_for_update(session: AsyncSession, note_id: int) -> ReportNote | None:
    return await session.scalar(select(ReportNote).where(ReportNote.id == note_id).with_for_update())


async def reports_involving(session: AsyncSession, slack_id: str, limit: int = 25) -> Sequence[Report]:
    """Reports a person filed, or is on the chain of, newest first."""
    handled = select(ReportParty.report_id).where(ReportParty.slack_id == slack_id, ReportParty.part == "handler")
    return (
        await session.scalars(
            select(Report)
            .where(or_(Report.reporter_id == slack_id, Report.id.in_(handled)))
            .order_by(Report.created_at.desc(), Report.id.desc())
            .limit(limit)
        )
    ).all()


async def unresolved_reports(session: AsyncSession) -> Sequence[Report]:
    return (await session.scalars(select(Report).where(Report.status != "resolved").order_by(Report.id))).all()


async def unrouted_report_ids(session: AsyncSession) -> Sequence[int]:
    return (await session.scalars(select(Report.id).where(Report.routed_at.is_(None)).order_by(Report.id))).all()
