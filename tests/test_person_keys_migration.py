"""Migration 0013 from 0011, on SQLite and PostgreSQL: people get a key (their Slack id) and a place for
their Teams identity, channels a place for a Teams address, the tables naming people name them by key
(person_key, was slack_id), every row is kept, and the way back works."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

from bot.access_reviews import ReviewRef
from bot.directory import person_key_in
from storage.db import create_engine
from storage.migrate import downgrade_async, upgrade_async

BEFORE, AFTER = "0011", "0013"

# A database made at 0011, with a row in each table this migration changes.
ROWS_AT_0011 = [
    "INSERT INTO person (id, slack_id, name, in_directory, left_on) VALUES (1, 'U0ANITA001', 'Anita Holford', true, NULL)",
    "INSERT INTO person (id, slack_id, name, in_directory, left_on) VALUES (2, 'U0LEADER02', 'Lucy Moore', false, '2026-11-30')",
    "INSERT INTO person_role (person_id, role) VALUES (1, 'ceo')",
    "INSERT INTO org_channel (purpose, slack_channel_id, name, description) VALUES ('safeguarding', 'C0SAFEGD01', 'safeguarding', '')",
    "INSERT INTO report (id, reference, submission_key, kind, status, urgent, immediate_risk, reporter_id, "
    "name_only_to_handler, details_enc, happened_has_time, created_at, tier, acknowledge_by, escalations) VALUES "
    "(1, 'TMW-0001', 'view:1', 'concern', 'open', false, false, 'U0LEADER02', false, 'x', false, CURRENT_TIMESTAMP, 0, "
    "CURRENT_TIMESTAMP, 0)",
    "INSERT INTO report_party (report_id, slack_id, part, tier, role_label) VALUES (1, 'U0SAFE0001', 'handler', 0, 'lead')",
    "INSERT INTO report_party (report_id, slack_id, part, tier, role_label) VALUES (1, 'U0ANITA001', 'told', 0, '')",
    "INSERT INTO shared_account (id, key, name, aliases, owner_id, rotate_every_days, next_due_at, due_reason, from_file, "
    "spec_sha256, active, cycle, last_nudge_stage, nudges_sent, check_seq, created_at, updated_at) VALUES (1, 'instagram', "
    "'Instagram', '[]', 'U0ANITA001', 90, CURRENT_TIMESTAMP, 'scheduled', false, '', true, 0, '', 0, 0, CURRENT_TIMESTAMP, "
    "CURRENT_TIMESTAMP)",
    "INSERT INTO account_access (account_id, slack_id, overall, granted_at) VALUES (1, 'U0LEADER02', false, CURRENT_TIMESTAMP)",
    "INSERT INTO leaver (slack_id, requested_by, leaving_on, submission_key, state, created_at, reminders_sent) VALUES "
    "('U0LEADER02', 'U0ANITA001', '2026-11-30', 'view:l1', 'open', CURRENT_TIMESTAMP, 0)",
    "INSERT INTO leaver (slack_id, requested_by, leaving_on, submission_key, state, created_at, reminders_sent) VALUES "
    "('U0LEADER02', 'U0ANITA001', '2026-11-01', 'view:l0', 'cancelled', CURRENT_TIMESTAMP, 0)",
    "INSERT INTO policy_signature (slack_id, version, signed_at) VALUES ('U0LEADER02', '3.1', CURRENT_TIMESTAMP)",
    "INSERT INTO dbs_check (slack_id, check_type, certificate_date, certificate_number_enc, update_service, next_review, "
    "recorded_by, recorded_at) VALUES ('U0LEADER02', 'enhanced', '2026-01-05', 'x', true, '2029-01-05', 'U0ANITA001', "
    "CURRENT_TIMESTAMP)",
]
# Each table that names a person, with the rows it held at 0011, as (person, another column).
PEOPLE_IN_TABLES = {
    "report_party": ("part", [("U0ANITA001", "told"), ("U0SAFE0001", "handler")]),
    "account_access": ("account_id", [("U0LEADER02", 1)]),
    "leaver": ("state", [("U0LEADER02", "cancelled"), ("U0LEADER02", "open")]),
    "policy_signature": ("version", [("U0LEADER02", "3.1")]),
    "dbs_check": ("check_type", [("U0LEADER02", "enhanced")]),
}


async def _people_in_tables(url: str, column: str) -> dict[str, list[tuple[Any, ...]]]:
    return {table: await _rows(url, f"SELECT {column}, {other} FROM {table} ORDER BY {column}, {other}")
            for table, (other, _) in PEOPLE_IN_TABLES.items()}


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
    expected = {table: rows for table, (_, rows) in PEOPLE_IN_TABLES.items()}
    assert await _people_in_tables(database_url, "person_key") == expected
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
    assert await _people_in_tables(database_url, "slack_id") == expected
    await upgrade_async(database_url, AFTER)
    assert len(await _rows(database_url, "SELECT id FROM person")) == 2
    assert await _people_in_tables(database_url, "person_key") == expected


def test_what_was_stored_or_sent_naming_a_slack_id_still_names_the_person() -> None:
    # Timers queued, checklists' undo records kept, and review buttons sent before people had keys.
    assert person_key_in({"slack_id": "U0YOUNGL01", "due": "2026-12-01"}) == "U0YOUNGL01"
    assert person_key_in({"person_key": "maya", "due": "2026-12-01"}) == "maya"
    old_button = ReviewRef.model_validate_json('{"slack_id": "U0YOUNGL01", "due": "2026-12-01"}')
    assert old_button.person_key == "U0YOUNGL01"
    assert ReviewRef.model_validate_json(ReviewRef(person_key="maya", due="2026-12-01").model_dump_json()).person_key == "maya"
