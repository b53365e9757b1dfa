"""Migration 0010 from the revision before it, on SQLite and PostgreSQL: each data breach's ICO deadline
becomes its ICO clock, and going back gives the deadline back to data breaches filed since."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from alembic import command
from sqlalchemy import text

from storage.migrate import alembic_config, upgrade_async
from tests.migration_support import run_sql

FILED = datetime(2026, 11, 24, 10, tzinfo=UTC)
INSERT_REPORT = text(
    "INSERT INTO report (reference, submission_key, kind, status, urgent, immediate_risk, reporter_id, name_only_to_handler, "
    "details_enc, happened_has_time, created_at, tier, acknowledge_by, ico_deadline, escalations) VALUES (:ref, :ref, :kind, "
    "'open', true, false, 'U0LEADER01', false, 'x', false, :at, 0, :at, :ico, 0)")


async def test_0010_makes_each_ico_deadline_a_clock_and_can_be_undone(database_url: str) -> None:
    await upgrade_async(database_url, "0009")
    await run_sql(database_url, INSERT_REPORT, ref="TMW-2026-0001", kind="data_breach", at=FILED, ico=FILED + timedelta(hours=72))
    await run_sql(database_url, INSERT_REPORT, ref="TMW-2026-0002", kind="computer_fault", at=FILED, ico=None)

    await upgrade_async(database_url, "0010")

    clocks = await run_sql(database_url, text(
        "SELECT r.reference, c.clock, c.decision, c.started_at = r.created_at, c.due_at = r.ico_deadline "
        "FROM report_clock c JOIN report r ON r.id = c.report_id"))
    assert clocks == [("TMW-2026-0001", "ico", None, True, True)]

    # A data breach filed after the upgrade has its deadline on its clock alone; going back restores it.
    await run_sql(database_url, INSERT_REPORT, ref="TMW-2026-0003", kind="data_breach", at=FILED, ico=None)
    await run_sql(database_url, text("INSERT INTO report_clock (report_id, clock, started_at, due_at) SELECT id, 'ico', "
                                  "created_at, :due FROM report WHERE reference = 'TMW-2026-0003'"), due=FILED + timedelta(hours=72))
    await asyncio.to_thread(command.downgrade, alembic_config(database_url), "0009")

    deadlines = await run_sql(database_url, text("SELECT reference, ico_deadline IS NOT NULL FROM report ORDER BY reference"))
    assert deadlines == [("TMW-2026-0001", True), ("TMW-2026-0002", False), ("TMW-2026-0003", True)]
