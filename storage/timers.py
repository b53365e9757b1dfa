"""Timers are rows: scheduled once (by a unique key), claimed under a row lock, fired once."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Timer


async def schedule_timer(
    session: AsyncSession, *, kind: str, dedupe_key: str, due_at: datetime, payload: dict[str, Any] | None = None
) -> bool:
    """Schedule unless a timer with this key exists already. Returns whether one was added."""
    if await session.scalar(select(Timer.id).where(Timer.dedupe_key == dedupe_key)) is not None:
        return False
    try:
        async with session.begin_nested():
            session.add(Timer(kind=kind, dedupe_key=dedupe_key, due_at=due_at, payload=payload or {}))
    except IntegrityError:
        # Another process scheduled the same thing between our look and our insert.
        return False
    return True


async def cancel_timers(session: AsyncSession, *, prefix: str) -> int:
    result = await session.execute(
        update(Timer)
        .where(Timer.dedupe_key.startswith(prefix, autoescape=True), Timer.state == "pending")
        .values(state="cancelled")
    )
    return result.rowcount or 0


async def claim_due_timers(session: AsyncSession, now: datetime, limit: int) -> Sequence[Timer]:
    """Due timers, locked for this transaction. On PostgreSQL another process skips them rather than
    waiting; on SQLite the transaction already holds the database's write lock (BEGIN IMMEDIATE)."""
    return (
        await session.scalars(
            select(Timer)
            .where(Timer.state == "pending", Timer.due_at <= now)
            .order_by(Timer.due_at, Timer.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
    ).all()
