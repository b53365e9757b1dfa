"""The data key's fingerprint, and re-encrypting every encrypted value when the key changes.

The encrypted columns are found from the models (storage.types.EncryptedText), so a column added
later is re-encrypted too without anyone remembering to list it here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import Column, bindparam, delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Base, DataKey, RosterParticipant
from storage.types import encrypted_columns


async def stored_fingerprint(session: AsyncSession) -> str | None:
    return await session.scalar(select(DataKey.fingerprint).where(DataKey.id == 1))


async def record_fingerprint(session: AsyncSession, fingerprint: str, now: datetime) -> None:
    row = await session.get(DataKey, 1)
    if row is None:
        session.add(DataKey(id=1, fingerprint=fingerprint, recorded_at=now))
    else:
        row.fingerprint, row.recorded_at = fingerprint, now
    await session.flush()


async def any_encrypted_value(session: AsyncSession) -> str | None:
    """One encrypted value from anywhere in the database, or None when nothing is encrypted yet."""
    for column in encrypted_columns(Base.metadata):
        value = await session.scalar(select(column).where(column.is_not(None)).limit(1))
        if value is not None:
            return value
    return None


class UnreadableValue(Exception):
    """A stored value the old key does not decrypt: where it is, never what it holds."""

    def __init__(self, column: Column[str], row_id: object, cause: Exception) -> None:
        super().__init__(f"{column.table.name}.{column.name} in row {row_id}: {cause}")
        self.column, self.row_id = column, row_id


async def reencrypt_all(session: AsyncSession, reencrypt: Callable[[str], str]) -> dict[str, int]:
    """Replace every encrypted value with `reencrypt(value)`, column by column. Returns how many values
    each table had. Raises UnreadableValue (leaving the caller to roll back) at the first value that
    cannot be re-encrypted. A value erased under the retention rules ("") has nothing to re-encrypt."""
    counts: dict[str, int] = {}
    for column in encrypted_columns(Base.metadata):
        table = column.table
        (key,) = table.primary_key.columns
        rows = (await session.execute(select(key, column).where(column.is_not(None), column != "").order_by(key))).all()
        fresh = []
        for row_id, value in rows:
            try:
                fresh.append({"row_id": row_id, "fresh": reencrypt(value)})
            except Exception as exc:
                raise UnreadableValue(column, row_id, exc) from exc
        if fresh:
            statement = update(table).where(key == bindparam("row_id")).values({column.name: bindparam("fresh")})
            await session.execute(statement, fresh)
        counts[table.name] = counts.get(table.name, 0) + len(rows)
    return counts


async def forget_roster(session: AsyncSession) -> int:
    """The roster is kept as hashes keyed by the data key, which cannot be carried to a new key."""
    result = await session.execute(delete(RosterParticipant))
    return result.rowcount or 0
