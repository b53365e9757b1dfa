"""Report storage: references, look-ups and claims. Functions take the session and never commit."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import ReferenceCounter, Report, ReportNote, ReportParty


async def next_reference_number(session: AsyncSession, series: str, year: int) -> int:
    """The next number in a year's series, unique even when two reports are filed at once."""
    counter = await session.scalar(
        select(ReferenceCounter)
        .where(ReferenceCounter.series == series, ReferenceCounter.year == year)
        .with_for_update()
    )
    if counter is None:
        try:
            async with session.begin_nested():
                counter = ReferenceCounter(series=series, year=year, last=0)
                session.add(counter)
        except IntegrityError:
            counter = await session.scalar(
                select(ReferenceCounter)
                .where(ReferenceCounter.series == series, ReferenceCounter.year == year)
                .with_for_update()
            )
            assert counter is not None
    counter.last += 1
    return counter.last


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
