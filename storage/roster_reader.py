"""Reading the roster without SQLAlchemy, for `tmw-bot check`: it must start in a fraction of a second,
and importing SQLAlchemy's async layer alone takes half of one. The query matches storage/roster.py.

A roster that cannot be read is an error, never an empty roster: a checker without it passes every
participant's full name, so `tmw-bot check` must say why rather than report "Good to go".
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from bot.checks.roster import RosterEntry

QUERY = "SELECT first_hash, last_hash, school_hash, photo_consent, initial_hash FROM roster_participant"
# The key fingerprint of the latest import is kept in its audit entry (see bot/outgoing/roster.py).
KEY_CHECK_QUERY = "SELECT detail FROM audit_entry WHERE action = 'roster.imported' ORDER BY id DESC LIMIT 1"


class RosterUnavailable(Exception):
    """The roster cannot be read; the message says why and what to do, and never holds a password."""


@dataclass(frozen=True)
class StoredRoster:
    entries: list[RosterEntry]
    key_check: str | None  # None for a roster imported before fingerprints were kept


def read_roster(database_url: str) -> StoredRoster:
    if database_url.startswith("sqlite"):
        rows, detail = _sqlite_rows(database_url.split(":///", 1)[1])
    else:
        import asyncio  # only here: importing it costs SQLite users a few hundredths of a second

        rows, detail = asyncio.run(_postgres_rows(database_url))
    entries = [RosterEntry(first_hash=first, last_hash=last, school_hash=school, photo_consent=bool(consent),
                           initial_hash=initial)
               for first, last, school, consent, initial in rows]
    return StoredRoster(entries, _key_check(detail))


def _key_check(detail: Any) -> str | None:
    if isinstance(detail, str):
        detail = json.loads(detail)
    value = detail.get("key_check") if isinstance(detail, dict) else None
    return value if isinstance(value, str) else None


def _sqlite_rows(path: str) -> tuple[list[tuple[str, str, str | None, int, str | None]], Any]:
    if path != ":memory:" and not Path(path).is_file():
        raise RosterUnavailable(f"the database {Path(path).resolve()} does not exist (check DATABASE_URL)")
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.OperationalError as error:
        raise RosterUnavailable(f"the database {path} cannot be opened ({error})") from None
    try:
        rows = connection.execute(QUERY).fetchall()
        found = connection.execute(KEY_CHECK_QUERY).fetchone()
    except sqlite3.OperationalError:
        raise RosterUnavailable(_NOT_UPGRADED) from None
    except sqlite3.DatabaseError as error:
        raise RosterUnavailable(f"the database {path} cannot be read ({error})") from None
    finally:
        connection.close()
    return rows, (found[0] if found else None)


_NOT_UPGRADED = "the database has no roster table yet: run `tmw-bot db upgrade`, then `tmw-bot roster import FILE.csv`"


async def _postgres_rows(url: str) -> tuple[list[tuple[str, str, str | None, int, str | None]], Any]:
    import asyncpg

    parts = urlsplit(url.replace("postgresql+asyncpg://", "postgresql://", 1))
    try:
        connection = await asyncpg.connect(
            host=parts.hostname, port=parts.port or 5432, user=unquote(parts.username or ""),
            password=unquote(parts.password or "") or None, database=parts.path.lstrip("/"),
        )
    except (OSError, asyncpg.PostgresError) as error:
        where = f"{parts.hostname}:{parts.port or 5432}/{parts.path.lstrip('/')}"
        raise RosterUnavailable(f"the database at {where} cannot be reached ({error}; check DATABASE_URL)") from None
    try:
        rows = [tuple(r) for r in await connection.fetch(QUERY)]
        detail = await connection.fetchval(KEY_CHECK_QUERY)
    except asyncpg.UndefinedTableError:
        raise RosterUnavailable(_NOT_UPGRADED) from None
    finally:
        await connection.close()
    return rows, detail
