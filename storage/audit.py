from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import AuditEntry
from storage.statements import StatementRunner


async def record_audit(
    session: AsyncSession,
    *,
    at: datetime,
    actor: str,
    action: str,
    subject_type: str,
    subject_id: str,
    detail: dict[str, Any] | None = None,
) -> AuditEntry:
    """Write who did what to which record. `detail` holds ids and outcomes, never sensitive text."""
    entry = AuditEntry(
        at=at, actor=actor, action=action, subject_type=subject_type, subject_id=subject_id, detail=detail or {}
    )
    session.add(entry)
    return entry


_INSERT_AUDIT = AuditEntry.__table__.insert()


def record_audits(runner: StatementRunner, entries: Sequence[Mapping[str, Any]]) -> None:
    """Write several audit entries at once; each has the keyword arguments of `record_audit`.
    Synchronous, for `Database.write_together`."""
    if entries:
        runner.run(_INSERT_AUDIT, [{"detail": {}, **entry} for entry in entries])


async def audit_trail(session: AsyncSession, subject_type: str, subject_id: str) -> list[AuditEntry]:
    return list(
        (
            await session.scalars(
                select(AuditEntry)
                .where(AuditEntry.subject_type == subject_type, AuditEntry.subject_id == subject_id)
                .order_by(AuditEntry.id)
            )
        ).all()
    )


async def audit_entries_for_actions(session: AsyncSession, actions: Sequence[str]) -> list[AuditEntry]:
    """Every entry of these actions, oldest first (for links kept in `detail`, such as a report's id)."""
    return list(
        (await session.scalars(select(AuditEntry).where(AuditEntry.action.in_(actions)).order_by(AuditEntry.id))).all()
    )
