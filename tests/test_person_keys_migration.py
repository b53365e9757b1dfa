"""Migration 0013 from 0011, on SQLite and PostgreSQL: people get a key (their Slack id) and a place for
their Teams identity, channels a place for a Teams address, every row is kept, and the way back works."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

from storage.db import create_engine
from storage.migrate import downgrade_async, upgrade_async

BEFORE, AFTER = "0011", "0013"

# A database made at 0011, with a row in each table this migration changes.
ROWS_AT_0011 = [
    "INSERT INTO person (id, slack_id, name, in_directory, left_on) VALUES (1, 'U0ANITA001', 'Anita Holford', true, NULL)",
    "INSERT INTO person (id, slack_id, name, in_directory, left_on) VALUES (2, 'U0LEADER02', 'Lucy Moore', false, '2026-11-30')",
    "INSERT INTO person_role (person_id, role) VALUES (1, 'ceo')",
    "INSERT INTO org_channel (purpose, slack_channel_id, name, description) VALUES ('safeguarding', 'C0SAFEGD01', 'safeguarding', '')",
]


async def _execute(url: str, *statements: str) -> None:
    engine = create_engine(url)
    try:
        async with engine.begin() as connection:
            for statement in statements:
                await connection.execute(text(statement))
    finally:
        await engine.dispose()


async def _rows(url: str, sql: str) -> list[tuple[Any, ...]]:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            return [tuple(row) for row in (await connection.execute(text(sql))).all()]
    finally:
        await engine.dispose()


async def test_0013_keys_people_by_their_slack_id_keeps_every_row_and_can_be_undone(database_url: str) -> None:
    await upgrade_async(database_url, BEFORE)
    await _execute(database_url, *ROWS_AT_0011)

    await upgrade_async(database_url, AFTER)

    assert await _rows(database_url, "SELECT id, key, slack_id, teams_object_id, teams_upn, notify_on, name "
                                     "FROM person ORDER BY id") == [
        (1, "U0ANITA001", "U0ANITA001", None, None, "slack", "Anita Holford"),
        (2, "U0LEADER02", "U0LEADER02", None, None, "slack", "Lucy Moore"),
    ]
    assert await _rows(database_url, "SELECT person_id, role FROM person_role") == [(1, "ceo")]
    assert await _rows(database_url, "SELECT purpose, slack_channel_id, teams_team_id, teams_channel_id "
                                     "FROM org_channel") == [("safeguarding", "C0SAFEGD01", None, None)]
    # Someone on Teams only, and a channel on Teams only, can now be stored.
    await _execute(database_url,
                   "INSERT INTO person (id, key, slack_id, teams_object_id, teams_upn, notify_on, name, in_directory) "
                   "VALUES (3, 'rachel.g', NULL, 'b3c4d5e6-f7a8-4b9c-8d0e-1f2a3b4c5d6e', 'rachel@example.org', "
                   "'teams', 'Rachel Green', true)",
                   "INSERT INTO org_channel (purpose, slack_channel_id, teams_team_id, teams_channel_id, name, "
                   "description) VALUES ('moderation', NULL, 'team', '19:mod@thread.tacv2', 'moderation', '')")

    await downgrade_async(database_url, BEFORE)

    # Back at 0011 everyone had a Slack id: those on Teams only can't be kept, everyone else is.
    assert await _rows(database_url, "SELECT id, slack_id, name FROM person ORDER BY id") == [
        (1, "U0ANITA001", "Anita Holford"), (2, "U0LEADER02", "Lucy Moore"),
    ]
    assert await _rows(database_url, "SELECT purpose, slack_channel_id FROM org_channel") == [
        ("safeguarding", "C0SAFEGD01"),
    ]
    await upgrade_async(database_url, AFTER)
    assert len(await _rows(database_url, "SELECT id FROM person")) == 2
