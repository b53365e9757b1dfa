"""The participant roster, stored as keyed hashes only (see bot/checks/roster.py)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.checks.roster import RosterEntry
from storage.models import RosterParticipant


async def replace_roster(session: AsyncSession, entries: Iterable[RosterEntry]) -> int:
    """Re-importing replaces the roster: everyone not in the new file is gone."""
    await session.execute(delete(RosterParticipant))
    rows = [
        RosterParticipant(first_hash=e.first_hash, last_hash=e.last_hash, school_hash=e.school_hash,
                          initial_hash=e.initial_hash, photo_consent=e.photo_consent)
        for e in entries
    ]
    session.add_all(rows)
    await session.flush()
    return len(rows)


async def roster_entries(session: AsyncSession) -> list[RosterEntry]:
    rows = await session.execute(
        select(RosterParticipant.first_hash, RosterParticipant.last_hash, RosterParticipant.school_hash,
               RosterParticipant.photo_consent, RosterParticipant.initial_hash)
    )
    return [RosterEntry(first_hash=first, last_hash=last, school_hash=school, photo_consent=bool(consent),
                        initial_hash=initial) for first, last, school, consent, initial in rows]


async def roster_size(session: AsyncSession) -> int:
    return await session.scalar(select(func.count()).select_from(RosterParticipant)) or 0
