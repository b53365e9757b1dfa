"""Where the bot can reach people and channels on Teams: kept from what Teams sends, updated when it
changes, forgotten when the app is removed; and the migration that makes the table, both ways, on SQLite
and PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import inspect, text

from bot.teams.references import record_reference
from storage.db import Database, create_engine
from storage.migrate import downgrade_async, upgrade_async
from storage.teams import (
    ConversationReference,
    channel_reference,
    forget_channel_reference,
    person_reference,
    save_person_reference,
)

NOW = datetime(2026, 12, 5, 9, tzinfo=UTC)
TENANT = "9f1c6a5e-0d1b-4c3e-8a7f-2b6d4e8c0a11"
LEAD = "6a1f0c2e-1111-4a5b-9c8d-7e6f5a4b3c2d"
SERVICE = "https://smba.trafficmanager.net/uk/"
TEAM = "19:team0000@thread.tacv2"
CHANNEL = "19:moderation0000@thread.tacv2"


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[Database]:
    await upgrade_async(database_url)
    database = Database(database_url)
    yield database
    await database.dispose()


def _personal(conversation: str, *, kind: str = "message", action: str | None = None,
              service_url: str = SERVICE) -> dict[str, Any]:
    activity: dict[str, Any] = {
        "type": kind, "serviceUrl": service_url, "channelId": "msteams",
        "from": {"id": "29:1abc", "aadObjectId": LEAD, "name": "Priya Shah"},
        "conversation": {"id": conversation, "conversationType": "personal", "tenantId": TENANT},
        "channelData": {"tenant": {"id": TENANT}},
    }
    if action:
        activity["action"] = action
    return activity


async def test_a_person_is_reachable_where_they_last_wrote_and_not_once_the_app_is_removed(db: Database) -> None:
    async with db.unit_of_work() as session:
        kept = await record_reference(session, _personal("a:1first", kind="installationUpdate", action="add"), NOW)
    async with db.unit_of_work() as session:
        await record_reference(session, _personal("a:1second", service_url="https://smba.trafficmanager.net/emea/"),
                               NOW + timedelta(days=1))
    async with db.reading() as session:
        now_reachable = await person_reference(session, LEAD)
    async with db.unit_of_work() as session:
        await record_reference(session, _personal("a:1second", kind="installationUpdate", action="remove"), NOW)
    async with db.reading() as session:
        after_removal = await person_reference(session, LEAD)

    assert kept == ConversationReference("a:1first", SERVICE, TENANT)
    assert now_reachable == ConversationReference("a:1second", "https://smba.trafficmanager.net/emea/", TENANT)
    assert after_removal is None


async def test_a_channel_is_kept_by_its_id_and_a_reply_thread_means_the_channel(db: Database) -> None:
    activity = {
        "type": "message", "serviceUrl": SERVICE,
        "from": {"id": "29:1abc", "aadObjectId": LEAD},
        "conversation": {"id": f"{CHANNEL};messageid=1764579600123", "conversationType": "channel", "tenantId": TENANT},
        "channelData": {"team": {"id": TEAM}, "channel": {"id": CHANNEL}, "tenant": {"id": TENANT}},
    }
    general = {**activity, "conversation": {"id": TEAM, "conversationType": "channel", "tenantId": TENANT},
               "channelData": {"team": {"id": TEAM}, "tenant": {"id": TENANT}}}
    group_chat = {**activity, "conversation": {"id": "19:chat@thread.v2", "conversationType": "groupChat",
                                               "tenantId": TENANT}}
    async with db.unit_of_work() as session:
        assert await record_reference(session, activity, NOW) == ConversationReference(CHANNEL, SERVICE, TENANT)
        assert await record_reference(session, general, NOW) == ConversationReference(TEAM, SERVICE, TENANT)
        assert await record_reference(session, group_chat, NOW) is None
        assert await record_reference(session, {**activity, "serviceUrl": ""}, NOW) is None
    async with db.reading() as session:
        assert await channel_reference(session, CHANNEL) == ConversationReference(CHANNEL, SERVICE, TENANT)
        assert await channel_reference(session, TEAM) == ConversationReference(TEAM, SERVICE, TENANT)
        assert await person_reference(session, LEAD) is None
    async with db.unit_of_work() as session:
        await forget_channel_reference(session, CHANNEL)
    async with db.reading() as session:
        assert await channel_reference(session, CHANNEL) is None


async def test_saving_never_commits_so_a_failed_unit_of_work_keeps_nothing(db: Database) -> None:
    with pytest.raises(RuntimeError):
        async with db.unit_of_work() as session:
            await save_person_reference(session, LEAD, ConversationReference("a:1x", SERVICE, TENANT), NOW)
            raise RuntimeError("something after it failed")
    async with db.reading() as session:
        assert await person_reference(session, LEAD) is None


async def test_0014_makes_the_table_and_takes_it_away_again(database_url: str) -> None:
    await upgrade_async(database_url, "0012")
    await upgrade_async(database_url, "0014")
    engine = create_engine(database_url)
    try:
        async with engine.begin() as connection:
            await connection.execute(text(
                "INSERT INTO teams_conversation (user_object_id, conversation_id, service_url, tenant_id, updated_at) "
                "VALUES (:user, 'a:1x', :service, :tenant, :at)"), {"user": LEAD, "service": SERVICE, "tenant": TENANT,
                                                                    "at": NOW})
            columns = await connection.run_sync(
                lambda sync: {c["name"] for c in inspect(sync).get_columns("teams_conversation")})
    finally:
        await engine.dispose()
    assert columns == {"id", "user_object_id", "team_id", "channel_id", "conversation_id", "service_url",
                       "tenant_id", "updated_at"}

    await downgrade_async(database_url, "0012")

    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            tables = await connection.run_sync(lambda sync: inspect(sync).get_table_names())
            version = (await connection.execute(text("SELECT version_num FROM alembic_version"))).scalar_one()
    finally:
        await engine.dispose()
    assert "teams_conversation" not in tables and version == "0012"
