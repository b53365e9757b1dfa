"""Migration 0012 from the revision before it, on SQLite and PostgreSQL: every queued message keeps its
recipient, now as an address (a person, or the Slack conversation it was meant for), and every posted
message keeps where it landed, now with its platform. Going back gives the older release what it can
deliver."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from alembic import command
from sqlalchemy import text

from storage.migrate import alembic_config, upgrade_async
from tests.migration_support import run_sql

QUEUED = datetime(2026, 12, 1, 9, tzinfo=UTC)
INSERT_MESSAGE = text(
    "INSERT INTO outbox_message (created_at, target, template, params_enc, message_key, state, attempts, "
    "next_attempt_at, last_error) VALUES (:at, :target, 'core.invite_bot', 'x', :key, :state, 0, :at, '')")
INSERT_POSTED = text("INSERT INTO posted_message (message_key, channel, ts) VALUES (:key, :channel, :ts)")


async def test_0012_addresses_every_queued_message_and_keeps_where_each_landed(database_url: str) -> None:
    await upgrade_async(database_url, "0011")
    for target, key, state in (("U0LEADER01", "report:1:reporter", "pending"), ("W0ENTERPRISE1", None, "held"),
                               ("C0DIGEST01", "digest:2026-W48", "sent"), ("G0PRIVATE01", None, "failed")):
        await run_sql(database_url, INSERT_MESSAGE, at=QUEUED, target=target, key=key, state=state)
    await run_sql(database_url, INSERT_POSTED, key="report:1:reporter", channel="D0LEADER01", ts="1764579600.000100")
    await run_sql(database_url, INSERT_POSTED, key="digest:2026-W48", channel="C0DIGEST01", ts="1764579600.000200")

    await upgrade_async(database_url, "0012")

    assert await run_sql(database_url, text("SELECT address, message_key, state FROM outbox_message ORDER BY id")) == [
        ("person:U0LEADER01", "report:1:reporter", "pending"),
        ("person:W0ENTERPRISE1", None, "held"),
        ("slack:C0DIGEST01", "digest:2026-W48", "sent"),
        ("slack:G0PRIVATE01", None, "failed"),
    ]
    assert await run_sql(database_url, text(
        "SELECT message_key, platform, conversation, message_id, service_url FROM posted_message ORDER BY id")) == [
        ("report:1:reporter", "slack", "D0LEADER01", "1764579600.000100", None),
        ("digest:2026-W48", "slack", "C0DIGEST01", "1764579600.000200", None),
    ]

    # Written by the new release: a channel by its purpose, someone on Teams alone (known by a key), and
    # a message posted in Teams, whose ids are longer than any Slack id.
    await run_sql(database_url, text("INSERT INTO org_channel (purpose, slack_channel_id, name, description) "
                                  "VALUES ('ceo_digest', 'C0DIGEST01', 'ceo', '')"))
    await run_sql(database_url, text(
        "INSERT INTO outbox_message (created_at, address, template, params_enc, state, attempts, next_attempt_at, last_error) "
        "VALUES (:at, :address, 'core.invite_bot', 'x', 'pending', 0, :at, '')"), at=QUEUED, address="channel:ceo_digest")
    await run_sql(database_url, text(
        "INSERT INTO outbox_message (created_at, address, template, params_enc, state, attempts, next_attempt_at, last_error) "
        "VALUES (:at, :address, 'core.invite_bot', 'x', 'pending', 0, :at, '')"), at=QUEUED, address="person:jo.bloggs.teams")
    teams_conversation = "a:1" + "x" * 120
    await run_sql(database_url, text(
        "INSERT INTO posted_message (message_key, platform, conversation, message_id, service_url) "
        "VALUES ('report:2:handler', 'teams', :conversation, '1764579600123', 'https://smba.trafficmanager.net/uk/')"),
        conversation=teams_conversation)

    await asyncio.to_thread(command.downgrade, alembic_config(database_url), "0011")

    # The older release addresses by Slack id: a purpose becomes its Slack channel, and what it could never
    # deliver (someone with no Slack id, a message that landed in Teams) goes rather than block its queue.
    assert await run_sql(database_url, text("SELECT target, state FROM outbox_message ORDER BY id")) == [
        ("U0LEADER01", "pending"), ("W0ENTERPRISE1", "held"), ("C0DIGEST01", "sent"), ("G0PRIVATE01", "failed"),
        ("C0DIGEST01", "pending"),
    ]
    assert await run_sql(database_url, text("SELECT message_key, channel, ts FROM posted_message ORDER BY id")) == [
        ("report:1:reporter", "D0LEADER01", "1764579600.000100"),
        ("digest:2026-W48", "C0DIGEST01", "1764579600.000200"),
    ]
