"""Absences: who is away, from when until when. Functions take the session and never commit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Absence


async def absences_not_ended(session: AsyncSession, now: datetime) -> Sequence[Absence]:
    """Every absence still to end: under way now, or still to come (a cancelled one lasts no time)."""
    return (await session.scalars(
        select(Absence).where(Absence.ends_at > now, Absence.starts_at < Absence.ends_at).order_by(Absence.starts_at, Absence.id)
    )).all()


async def absences_of(session: AsyncSession, person_id: str, now: datetime) -> Sequence[Absence]:
    """One person's absences still to end, soonest first, locked: a change to them is one at a time."""
    return (await session.scalars(
        select(Absence).where(Absence.person_id == person_id, Absence.ends_at > now, Absence.starts_at < Absence.ends_at)
        .order_by(Absence.starts_at, Absence.id).with_for_update()
    )).all()


async def absences_from_org_file(session: AsyncSession) -> Sequence[Absence]:
    return (await session.scalars(select(Absence).where(Absence.source == "org_file"))).all()


async def absences_ended_unwelcomed(session: AsyncSession, now: datetime) -> Sequence[Absence]:
    """Absences that have ended (someone is back) whose person has not yet been told what arrived
    meanwhile, locked and skipping rows another process is telling."""
    return (await session.scalars(
        select(Absence).where(Absence.ends_at <= now, Absence.welcomed_at.is_(None), Absence.starts_at < Absence.ends_at)
        .order_by(Absence.id).with_for_update(skip_locked=True)
    )).all()


def add_absence(session: AsyncSession, absence: Absence) -> Absence:
    session.add(absence)
    return absence
