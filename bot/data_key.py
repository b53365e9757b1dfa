"""TMW_DATA_KEY and the database: a process with the wrong key is stopped before it writes anything,
and `tmw-bot rekey` moves every encrypted value to a new key in one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.crypto import DataCipher, DecryptionError
from bot.settings import SettingsError
from storage.audit import record_audit
from storage.db import lock_for_transaction
from storage.keys import (
    UnreadableValue,
    any_encrypted_value,
    forget_roster,
    record_fingerprint,
    reencrypt_all,
    stored_fingerprint,
)

OLD_KEY_VARIABLE = "TMW_OLD_DATA_KEY"
DATA_KEY_LOCK = "data-key"


class DataKeyMismatch(SettingsError):
    """TMW_DATA_KEY is not the key the database's encrypted values are under."""


class RekeyError(SettingsError):
    """`tmw-bot rekey` cannot go ahead; nothing was changed."""


def _mismatch(expected: str, given: str) -> DataKeyMismatch:
    return DataKeyMismatch(
        f"TMW_DATA_KEY is not the key this database was encrypted with (the database expects key {expected}, "
        f"this one is {given}): put the previous key back in TMW_DATA_KEY, or to change keys stop the bot and run "
        f"`tmw-bot rekey` with the old key in {OLD_KEY_VARIABLE} and the new one in TMW_DATA_KEY."
    )


async def check_data_key(session: AsyncSession, cipher: DataCipher, now: datetime) -> None:
    """Raise DataKeyMismatch unless `cipher`'s key is the database's. A database from before
    fingerprints were kept has its key's fingerprint recorded, once one of its values decrypts."""
    given = cipher.fingerprint()
    # Processes starting together on a fresh database: the first records its key, the rest compare.
    await lock_for_transaction(session, DATA_KEY_LOCK)
    expected = await stored_fingerprint(session)
    if expected == given:
        return
    if expected is not None:
        raise _mismatch(expected, given)
    sample = await any_encrypted_value(session)
    if sample is not None:
        try:
            cipher.decrypt(sample)
        except DecryptionError:
            raise _mismatch("unrecorded", given) from None
    await record_fingerprint(session, given, now)


@dataclass(frozen=True)
class RekeyOutcome:
    values: int
    tables: int
    roster_forgotten: int
    already_done: bool = False

    def summary(self) -> str:
        if self.already_done:
            return "The database is already under this TMW_DATA_KEY: nothing to do."
        text = (f"Re-encrypted {self.values} value{'s' if self.values != 1 else ''} in {self.tables} "
                f"table{'s' if self.tables != 1 else ''} under the new TMW_DATA_KEY. "
                f"You can forget {OLD_KEY_VARIABLE} now.")
        if self.roster_forgotten:
            text += (f" The roster ({self.roster_forgotten} participants) was kept as hashes under the old key, so it"
                     " has been cleared: import it again with `tmw-bot roster import FILE`.")
        return text


async def rekey(session: AsyncSession, old: DataCipher, new: DataCipher, now: datetime) -> RekeyOutcome:
    """Re-encrypt everything under `new`. Raises RekeyError, having changed nothing, when `old` is not
    the database's key or does not decrypt a value (the caller's transaction is rolled back)."""
    await lock_for_transaction(session, DATA_KEY_LOCK)
    expected = await stored_fingerprint(session)
    if expected == new.fingerprint():
        return RekeyOutcome(values=0, tables=0, roster_forgotten=0, already_done=True)
    if expected is not None and expected != old.fingerprint():
        raise RekeyError(
            f"{OLD_KEY_VARIABLE} is not the key this database is under (the database expects key {expected}, "
            f"{OLD_KEY_VARIABLE} is {old.fingerprint()}): nothing was changed."
        )
    try:
        counts = await reencrypt_all(session, lambda value: new.encrypt(old.decrypt(value)))
    except UnreadableValue as exc:
        raise RekeyError(
            f"{OLD_KEY_VARIABLE} does not decrypt {exc.column.table.name}.{exc.column.name} in row {exc.row_id}, "
            "so it is not the key this database is under: nothing was changed."
        ) from None
    roster = await forget_roster(session)
    await record_fingerprint(session, new.fingerprint(), now)
    values = sum(counts.values())
    await record_audit(session, at=now, actor="cli", action="data_key.rotated", subject_type="data_key",
                       subject_id="1", detail={"from": old.fingerprint(), "to": new.fingerprint(), "values": values,
                                               "roster_forgotten": roster})
    return RekeyOutcome(values=values, tables=sum(1 for n in counts.values() if n), roster_forgotten=roster)
