"""Reading the roster without SQLAlchemy, for `tmw-bot check`: it must start in a fraction of a second,
and importing SQLAlchemy's async layer alone takes half of one. The query matches storage/roster.py."""

from __future__ import annotations

import asyncio
import sqlite3
from urllib.parse import unquote, urlsplit

from bot.checks.roster import RosterEntry

QUERY = "SELECT first_hash, last_hash, school_hash, photo_consent FROM roster_participant"


def read_roster(database_url: str) -> list[RosterEntry]:
    """The stored roster, or an empty one when there is no database or no roster table yet."""
    if database_url.startswith("sqlite"):
        rows = _sqlite_rows(database_url.split(":///", 1)[1])
    else:
        rows = asyncio.run(_postgres_rows(database_url))
    return [RosterEntry(first_hash=first, last_hash=last, school_hash=school, photo_consent=bool(consent)) for first, last, school, consent in rows]


def _sqlite_rows(path: str) -> list[tuple[str, str, str | None, int]]:
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.OperationalError:
        return []  # no database yet: nothing imported, so nothing to match
    try:
        return connection.execute(QUERY).fetchall()
    except sqlite3.OperationalError:
        return []  # the database predates the roster
    finally:
        connection.close()


async def _postgres_rows(url: str) -> list[tuple[str, str, str | None, int]]:
    import asyncpg

    parts = urlsplit(url.replace("postgresql+asyncpg://", "postgresql://", 1))
    connection = await asyncpg.connect(
        host=parts.hostname, port=parts.port or 5432, user=unquote(parts.username or ""),
        password=unquote(parts.password or "") or None, database=parts.path.lstrip("/"),
    )
    try:
        return [tuple(r) for r in await connection.fetch(QUERY)]
    except asyncpg.UndefinedTableError:
        return []
    finally:
        await connection.close()
