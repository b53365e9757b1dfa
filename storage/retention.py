"""Erasing personal details whose retention period has passed. Functions take the session and never
commit; each is idempotent (a second run finds nothing left to erase) and returns how many records
it erased.

An erased encrypted column is left blank ("" where the column may not be NULL, NULL where it may),
never re-encrypted: nothing of the old value, nor of its ciphertext, stays in the row.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.addresses import Address, encode
from storage.models import Absence, DbsCheck, GuardedNotice, ModerationCase, OutboxMessage, Report, ReportNote

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


def _rows(result: object) -> int:
    return int(getattr(result, "rowcount", 0) or 0)


def _narrowed(query: Any, *conditions: ColumnElement[bool] | None) -> Any:
    """`query` limited by the conditions given (a moment, a person); never by none, which would erase
    every row."""
    given = [c for c in conditions if c is not None]
    if not given:
        raise ValueError("an erasure needs a moment or a person")
    return query.where(*given)


async def erase_dbs_certificate_numbers(session: AsyncSession, *, recorded_before: datetime | None = None,
                                        person_key: str | None = None) -> int:
    """Blank the certificate number of checks recorded before the moment (or of one person's checks);
    the rest of the check (its type, date and review date) is what the register needs and stays."""
    query = _narrowed(update(DbsCheck).where(DbsCheck.certificate_number_enc != ERASED),
                      None if recorded_before is None else DbsCheck.recorded_at < recorded_before,
                      None if person_key is None else DbsCheck.person_key == person_key)
    return _rows(await session.execute(query.values(certificate_number_enc=ERASED).execution_options(synchronize_session=False)))


async def delete_moderation_cases(session: AsyncSession, *, created_before: datetime | None = None,
                                  user_id: str | None = None) -> int:
    """Moderation cases made before the moment, or about one person's posts."""
    return _rows(await session.execute(_narrowed(
        delete(ModerationCase), None if created_before is None else ModerationCase.created_at < created_before,
        None if user_id is None else ModerationCase.user_id == user_id)))


async def delete_guarded_notices(session: AsyncSession, *, created_before: datetime | None = None,
                                 user_id: str | None = None) -> int:
    """Guarded-channel notices made before the moment, or about one person's posts."""
    return _rows(await session.execute(_narrowed(
        delete(GuardedNotice), None if created_before is None else GuardedNotice.created_at < created_before,
        None if user_id is None else GuardedNotice.user_id == user_id)))


async def delete_ended_absences(session: AsyncSession, *, ended_before: datetime,
                                person_id: str | None = None) -> int:
    """Absences that ended before the moment, everyone's or one person's: once someone is back and has
    been told what arrived meanwhile, when they were away is nobody's business."""
    return _rows(await session.execute(_narrowed(
        delete(Absence), Absence.ends_at < ended_before,
        None if person_id is None else Absence.person_id == person_id)))


# Outbox states a message never leaves: nothing more will be sent from it.
DONE_WITH = ("sent", "failed", "superseded", "unreadable")


async def delete_sent_messages(session: AsyncSession, *, created_before: datetime | None = None,
                               to: Address | None = None) -> int:
    """The bot's records of messages it is done with (delivered, given up on, replaced by a newer version
    or unreadable), made before the moment or sent to one person: the platform holds what was
    delivered, and a record may quote a report or a moderated post. Messages still to send stay."""
    return _rows(await session.execute(_narrowed(
        delete(OutboxMessage).where(OutboxMessage.state.in_(DONE_WITH)),
        None if created_before is None else OutboxMessage.created_at < created_before,
        None if to is None else OutboxMessage.address == encode(to))))
