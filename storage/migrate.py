"""Alembic, driven from code so `tmw-bot db upgrade` and `tmw-bot run` need no alembic.ini on disk."""

from __future__ import annotations

import asyncio
from pathlib import Path

from alembic import command
from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(database_url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


def upgrade(database_url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(database_url), revision)


async def upgrade_async(database_url: str, revision: str = "head") -> None:
    # env.py runs its own event loop, so keep it off ours.
    await asyncio.to_thread(upgrade, database_url, revision)


def downgrade(database_url: str, revision: str) -> None:
    command.downgrade(alembic_config(database_url), revision)


async def downgrade_async(database_url: str, revision: str) -> None:
    await asyncio.to_thread(downgrade, database_url, revision)


async def upgrade_in_turn(database_url: str) -> None:
    """Upgrade to head, one process at a time: any number may start at once on a fresh database,
    and one migrates while the rest wait and then find nothing to do."""
    from storage.db import ensure_reachable, held_across_processes

    await ensure_reachable(database_url)  # raises DatabaseUnreachable, in one line
    async with held_across_processes(database_url, "migrations"):
        await upgrade_async(database_url)


def new_revision(message: str) -> None:
    """Write a migration for the models' changes, compared with a scratch database at head."""
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as scratch:
        url = f"sqlite+aiosqlite:///{Path(scratch) / 'head.db'}"
        upgrade(url)
        existing = sorted(p.name for p in (MIGRATIONS / "versions").glob("[0-9]*.py"))
        number = f"{int(existing[-1][:4]) + 1:04d}" if existing else "0001"
        command.revision(alembic_config(url), message=message, autogenerate=True, rev_id=number)


if __name__ == "__main__":
    import sys

    if len(sys.argv) != 3 or sys.argv[1] != "revision":
        sys.exit('usage: python -m storage.migrate revision "what changed"')
    new_revision(sys.argv[2])
