"""Report storage: references, look-ups and claims. Functions take the session and never commit."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Insert, and_, bindparam, or_, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import ReferenceCounter, Report, ReportNote, ReportParty
from storage.statements import StatementRunner

# Saving a report happens while Slack waits for its answer, inside `Database.write_together`: these are
# synchronous, and run statements built once (see storage.statements).
_report = Report.__table__
_counter = ReferenceCounter.__table__
_SAVED_FROM = select(_report.c.submission_key, _report.c.id, _report.c.reference).where(
    _report.c.submission_key.in_(bindparam("keys", expanding=True))
)
_INSERT_REPORT = _report.insert().returning(_report.c.id, sort_by_parameter_order=True)


@functools.cache
def _reserve_numbers(dialect: str) -> Insert:
    upsert = sqlite_insert if dialect == "sqlite" else postgresql_insert
    return (
        upsert(_counter)
        .values(series=bindparam("series"), year=bindparam("year"), last=bindparam("count"))
        .on_conflict_do_update(index_elements=["series", "year"], set_={"last": _counter.c.last + bindparam("count")})
        .returning(_counter.c.last)
    )


def reserve_reference_numbers(runner: StatementRunner, series: str, year: int, count: int = 1) -> range:
    """The next `count` numbers in a year's series, unique even when reports are filed at once: one
    atomic upsert, so concurrent filers (and processes) each get their own numbers."""
    [(last,)] = runner.rows(_reserve_numbers(runner.dialect_name), {"series": series, "year": year, "count": count})
    return range(int(last) - count + 1, int(last) + 1)


def reports_by_submission(runner: StatementRunner, submission_keys: Sequence[str]) -> dict[str, tuple[int, str]]:
    """The id and reference of each report already saved from these submissions: one statement for
    them all (on PostgreSQL each statement is a round trip)."""
    keys = list(dict.fromkeys(submission_keys))
    if not keys:
        return {}
    return {key: (report_id, reference) for key, report_id, reference in runner.rows(_SAVED_FROM, {"keys": keys})}


def insert_reports(runner: StatementRunner, rows: Sequence[Mapping[str, Any]]) -> list[int]:
    """Insert report rows, and return their ids in the order given."""
    return [report_id for (report_id,) in runner.rows(_INSERT_REPORT, rows)] if rows else []


async def report_for_update(session: AsyncSession, report_id: int) -> Report | None:
    """The report, locked for this transaction so two clicks cannot both change it."""
    return await session.scalar(select(Report).where(Report.id == report_id).with_for_update())


async def note_for_update(session: AsyncSession, note_id: int) -> ReportNote | None:
    return await session.scalar(select(ReportNote).where(ReportNote.id == note_id).with_for_update())


async def reports_involving(session: AsyncSession, person_key: str, limit: int = 25) -> Sequence[Report]:
    """Reports a person filed, was told of, or handles (on a tier the report has reached: one further
    down its chain is not theirs yet, and must not crowd theirs out of `limit`), newest first."""
    handled = (
        select(ReportParty.report_id)
        .join(Report, Report.id == ReportParty.report_id)
        .where(
            ReportParty.person_key == person_key,
            or_(ReportParty.part == "told", and_(ReportParty.part == "handler", ReportParty.tier <= Report.tier)),
        )
    )
    return (
        await session.scalars(
            select(Report)
            .where(or_(Report.reporter_id == person_key, Report.id.in_(handled)))
            .order_by(Report.created_at.desc(), Report.id.desc())
            .limit(limit)
        )
    ).all()


async def unresolved_reports(session: AsyncSession) -> Sequence[Report]:
    return (await session.scalars(select(Report).where(Report.status != "resolved").order_by(Report.id))).all()


async def unrouted_report_ids(session: AsyncSession) -> Sequence[int]:
    return (await session.scalars(select(Report.id).where(Report.routed_at.is_(None)).order_by(Report.id))).all()


async def report_by_reference(session: AsyncSession, reference: str) -> Report | None:
    return await session.scalar(select(Report).where(Report.reference == reference))
