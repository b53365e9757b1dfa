"""Migration 0015 from the revision before it, on SQLite and PostgreSQL: the columns naming a person take
a Teams object id (36 characters: the key of someone outside the organisation file on Teams), and every
row is kept; going back works while no such value is held."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from alembic import command
from sqlalchemy import text

from storage.migrate import alembic_config, upgrade_async
from tests.migration_support import run_sql

FILED = datetime(2026, 12, 5, 9, tzinfo=UTC)
STRANGER_ON_TEAMS = "9d4e3f5b-4444-4d8e-a0f1-0b9c8d7e6f5a"
INSERT_REPORT = text(
    "INSERT INTO report (reference, submission_key, kind, status, urgent, immediate_risk, reporter_id, name_only_to_handler, "
    "details_enc, happened_has_time, created_at, tier, acknowledge_by, escalations) VALUES (:ref, :ref, 'online_safety', "
    "'open', true, false, :reporter, false, 'x', false, :at, 0, :at, 0)")


async def test_0015_lets_a_person_column_hold_a_teams_object_id_and_keeps_every_row(database_url: str) -> None:
    await upgrade_async(database_url, "0014")
    await run_sql(database_url, INSERT_REPORT, ref="TMW-2026-0001", reporter="U0LEADER01", at=FILED)

    await upgrade_async(database_url, "0015")
    await run_sql(database_url, INSERT_REPORT, ref="TMW-2026-0002", reporter=STRANGER_ON_TEAMS, at=FILED)

    assert await run_sql(database_url, text("SELECT reference, reporter_id FROM report ORDER BY reference")) == [
        ("TMW-2026-0001", "U0LEADER01"), ("TMW-2026-0002", STRANGER_ON_TEAMS)]

    await run_sql(database_url, text("DELETE FROM report WHERE reporter_id = :who"), who=STRANGER_ON_TEAMS)
    await asyncio.to_thread(command.downgrade, alembic_config(database_url), "0014")
    assert await run_sql(database_url, text("SELECT reference, reporter_id FROM report")) == [("TMW-2026-0001", "U0LEADER01")]
