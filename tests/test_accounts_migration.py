"""Migration 0007 from the revision before it, on SQLite and PostgreSQL: leaver checklists made before
only one could be open per person are kept, the later duplicates set aside, and the way back works."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime

import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from storage.db import create_engine
from storage.migrate import alembic_config, upgrade_async

INSERT = text("INSERT INTO leaver (slack_id, requested_by, leaving_on, submission_key, state, created_at, reminders_sent) "
              "VALUES (:who, 'U0ANITA001', :on, :key, :state, :at, 0)")


async def _insert(url: str, *rows: tuple[str, str, str]) -> None:
    engine = create_engine(url)
    try:
        async with engine.begin() as connection:
            for who, key, state in rows:
                await connection.execute(INSERT, {"who": who, "on": date(2026, 12, 1), "key": key, "state": state,
                                                  "at": datetime(2026, 11, 24, 10, tzinfo=UTC)})
    finally:
        await engine.dispose()


async def _states(url: str) -> list[tuple[str, str, str]]:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            rows = await connection.execute(text("SELECT slack_id, submission_key, state FROM leaver ORDER BY id"))
            return [tuple(row) for row in rows.all()]
    finally:
        await engine.dispose()


async def test_0007_keeps_one_open_checklist_per_leaver_and_can_be_undone(database_url: str) -> None:
    await upgrade_async(database_url, "0006")
    await _insert(database_url, ("U0LEADER01", "view:a", "open"), ("U0LEADER01", "view:b", "open"),
                  ("U0LEADER01", "view:c", "complete"), ("U0LEADER02", "view:d", "open"))

    await upgrade_async(database_url, "0007")

    assert await _states(database_url) == [("U0LEADER01", "view:a", "open"), ("U0LEADER01", "view:b", "duplicate"),
                                           ("U0LEADER01", "view:c", "complete"), ("U0LEADER02", "view:d", "open")]
    with pytest.raises(IntegrityError):
        await _insert(database_url, ("U0LEADER02", "view:e", "open"))
    await _insert(database_url, ("U0LEADER02", "view:f", "complete"))  # only open ones are limited

    await asyncio.to_thread(command.downgrade, alembic_config(database_url), "0006")
    await _insert(database_url, ("U0LEADER02", "view:g", "open"))
    assert len(await _states(database_url)) == 6
