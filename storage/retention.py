"""Erasing personal details whose retention period has passed. Functions take the session and never
commit; each is idempotent (a second run finds nothing left to erase) and returns how many records
it erased.

An erased encrypted column is left blank ("" where the column may not be NULL, NULL where it may),
never re-encrypted: nothing of the old value, nor of its ciphertext, stays in the row.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import DbsCheck, GuardedNotice, ModerationCase, OutboxMessage, Report, ReportNote

# A resolved report whose details are erased keeps this much: reference, kind, status, urgency, the
# dates, who handled it (staff, by role: the organisation's record of how it was handled) and its tasks.
ERASED = ""


async def erase_resolved_reports(session: AsyncSession, kind: str, resolved_before: datetime) -> int:
    """Erase what people wrote in, and who is named by, reports of `kind` resolved before the moment:
    the description and answers (details), the team member it is about, who reported it, and every
    note (questions, answers, escalation reasons, the resolution's words)."""
    ids = list((await session.scalars(
        select(Report.id).where(
            Report.kind == kind, Report.status == "resolved", Report.resolved_at < resolved_before,
            Report.details_enc != ERASED,
        )
    )).all())
    if not ids:
        return 0
    await session.execute(delete(ReportNote).where(ReportNote.report_id.in_(ids)))
    await session.execute(
        update(Report).where(Report.id.in_(ids)).values(details_enc=ERASED, team_member_enc=None, reporter_id=ERASED)
        .execution_options(synchronize_session=False)
    )
    return len(ids)


async def erase_dbs_certificate_numbers(session: AsyncSession, recorded_before: datetime) -> int:
    """Blank the certificate number of checks recorded before the moment; the rest of the check (its
    type, date and review date) is what the register needs and stays."""
    result = await session.execute(
        update(DbsCheck)
        .where(DbsCheck.recorded_at < recorded_before, DbsCheck.certificate_number_enc != ERASED)
        .values(certificate_number_enc=ERASED)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def delete_moderation_cases(session: AsyncSession, created_before: datetime) -> int:
    result = await session.execute(delete(ModerationCase).where(ModerationCase.created_at < created_before))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def delete_guarded_notices(session: AsyncSession, created_before: datetime) -> int:
    result = await session.execute(delete(GuardedNotice).where(GuardedNotice.created_at < created_before))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def delete_sent_messages(session: AsyncSession, created_before: datetime) -> int:
    """The bot's own copies of messages it has delivered (or given up on): Slack holds the message
    itself, and the copy may quote a report or a moderated post. Messages still to send stay."""
    result = await session.execute(
        delete(OutboxMessage).where(OutboxMessage.created_at < created_before, OutboxMessage.state.in_(("sent", "failed")))
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
