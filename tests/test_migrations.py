"""Migrations: the schema they build is the one the models describe, and a database made by the
previous release is upgraded (and can be taken back) without losing what it holds. Both backends."""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import Connection

from storage.db import create_engine
from storage.migrate import alembic_config, downgrade_async, upgrade_async
from storage.models import Base

# The newest revision of the last release that landed: a deployment upgrades from here. Move it on
# when a release lands with new migrations.
PREVIOUS_RELEASE = "0009"


def _differences(connection: Connection) -> list[Any]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return compare_metadata(context, Base.metadata)


async def _scalar(url: str, sql: str) -> Any:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            return (await connection.execute(text(sql))).scalar_one()
    finally:
        await engine.dispose()


def test_revisions_form_one_line_from_the_first_to_head() -> None:
    scripts = ScriptDirectory.from_config(alembic_config("sqlite://"))
    assert len(scripts.get_heads()) == 1, "two migrations claim the same parent: re-chain them"
    assert len(scripts.get_bases()) == 1


async def test_the_migrated_schema_is_the_one_the_models_describe(database_url: str) -> None:
    await upgrade_async(database_url)
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            differences = await connection.run_sync(_differences)
    finally:
        await engine.dispose()
    assert differences == []


async def test_a_database_from_the_previous_release_upgrades_and_keeps_its_rows(database_url: str) -> None:
    await upgrade_async(database_url, PREVIOUS_RELEASE)
    engine = create_engine(database_url)
    try:
        async with engine.begin() as connection:
            await connection.execute(
                text(
                    "INSERT INTO audit_entry (at, actor, action, subject_type, subject_id, detail) "
                    "VALUES (CURRENT_TIMESTAMP, 'U0CEO00001', 'kept.across.upgrade', 'release', '1', '{}')"
                )
            )
    finally:
        await engine.dispose()

    await upgrade_async(database_url)
    assert await _scalar(database_url, "SELECT count(*) FROM audit_entry WHERE action = 'kept.across.upgrade'") == 1

    # And back again: the newest migrations can be undone, to the previous release, keeping the row.
    await downgrade_async(database_url, PREVIOUS_RELEASE)
    assert await _scalar(database_url, "SELECT version_num FROM alembic_version") == PREVIOUS_RELEASE
    assert await _scalar(database_url, "SELECT count(*) FROM audit_entry WHERE action = 'kept.across.upgrade'") == 1
    await upgrade_async(database_url)
    scripts = ScriptDirectory.from_config(alembic_config(database_url))
    assert await _scalar(database_url, "SELECT version_num FROM alembic_version") == scripts.get_current_head()
