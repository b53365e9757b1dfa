"""Fixtures: a real database (SQLite file, and PostgreSQL when a server is given), the Slack stand-in,
and the bot itself serving HTTP on loopback. Nothing of the project's own is mocked."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import pytest
from sqlalchemy.engine import make_url

from bot.clock import ManualClock
from bot.standin import FakeSlack
from tests.harness import START, RunningBot, make_settings, start_bot

POSTGRES_ADMIN_URL = os.environ.get("TMW_TEST_POSTGRES_URL", "")


def _backends() -> list[str]:
    if POSTGRES_ADMIN_URL:
        return ["sqlite", "postgresql"]
    if os.environ.get("CI"):
        raise RuntimeError("CI must run the tests on PostgreSQL too: TMW_TEST_POSTGRES_URL is not set")
    return ["sqlite"]


@pytest.fixture(params=_backends())
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'tmw-bot.db'}"
        return
    name = f"tmw_test_{uuid.uuid4().hex[:12]}"
    admin = make_url(POSTGRES_ADMIN_URL)
    dsn = admin.set(drivername="postgresql").render_as_string(hide_password=False)
    connection = await asyncpg.connect(dsn)
    try:
        await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()
    yield admin.set(drivername="postgresql+asyncpg", database=name).render_as_string(hide_password=False)
    connection = await asyncpg.connect(dsn)
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await connection.close()


@pytest.fixture
async def fake_slack() -> AsyncIterator[FakeSlack]:
    fake = await FakeSlack().start()
    yield fake
    await fake.stop()


@pytest.fixture
async def bot(database_url: str, fake_slack: FakeSlack) -> AsyncIterator[RunningBot]:
    settings = make_settings(database_url, fake_slack.api_url)
    running, runner = await start_bot(settings, fake_slack, ManualClock(START))
    yield running
    await runner.cleanup()
    await running.services.db.dispose()


@pytest.fixture
async def sqlite_bot(tmp_path: Path, fake_slack: FakeSlack) -> AsyncIterator[RunningBot]:
    """The bot on a SQLite file, for tests that read the file itself."""
    settings = make_settings(f"sqlite+aiosqlite:///{tmp_path / 'file-check.db'}", fake_slack.api_url)
    running, runner = await start_bot(settings, fake_slack, ManualClock(START))
    yield running
    await runner.cleanup()
    await running.services.db.dispose()
