"""Timers are rows: scheduled once (by a unique key), claimed under a row lock, fired once."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Timer


async def schedule_timer(
    session: AsyncSession, *, kind: str, dedupe_key: str, due_at: datetime, payload: dict[str, Any] | None = None
) -> bool:
    """Schedule unless a timer with this key exists already (in one statement, so two processes
    scheduling the same thing at once still make one). Returns whether one was added."""
    insert = sqlite_insert if session.bind.dialect.name == "sqlite" else postgresql_insert
    statement = (
        insert(Timer)
        .values(kind=kind, dedupe_key=dedupe_key, due_at=due_at, payload=payload or {}, state="pending",
                attempts=0, last_error="")
        .on_conflict_do_nothing(index_elements=["dedupe_key"])
        .returning(Timer.id)
    )
    return (await session.execute(statement)).scalar_one_or_none() is not None


async def cancel_timers(session: AsyncSession, *, prefix: str) -> int:
    result = await session.execute(
        update(Timer)
        .where(Timer.dedupe_key.startswith(prefix, autoescape=True), Timer.state == "pending")
        .values(state="cancelled")
    )
    return result.rowcount or 0


async def claim_due_timers(
    session: AsyncSession, now: datetime, limit: int, last_of_their_moment: Collection[str] = ()
) -> Sequence[Timer]:
    """Due timers, locked for this transaction, in the order they fell due; of those due at the same
    moment, the kinds in `last_of_their_moment` come last. On PostgreSQL another process skips them
    rather than waiting; on SQLite the transaction already holds the database's write lock (BEGIN IMMEDIATE)."""
    return (
        await session.scalars(
            select(Timer)
            .where(Timer.state == "pending", Timer.due_at <= now)
            .order_by(Timer.due_at, Timer.kind.in_(list(last_of_their_moment)), Timer.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
    ).all()
