"""Importing the roster: parsed in full first, so a file with any bad row changes nothing."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.checks import entries_from_rows, parse_roster_csv
from bot.checks.roster import roster_key_check
from bot.outgoing.context import ROSTER_HASH_PURPOSE
from bot.services import Services
from storage.audit import record_audit
from storage.roster import replace_roster

CHECKER_CACHE = "checker"


async def import_roster(session: AsyncSession, services: Services, csv_text: str, actor: str) -> str:
    """Replace the roster. Raises RosterCsvError (every bad row, by line) and imports nothing then.
    Returns a summary that names nobody: the roster is never printed back."""
    rows = parse_roster_csv(csv_text)
    key = services.cipher.hashing_key(ROSTER_HASH_PURPOSE)
    entries = entries_from_rows(key, rows)
    count = await replace_roster(session, entries)
    opted_out = sum(not e.photo_consent for e in entries)
    await record_audit(session, at=services.now(), actor=actor, action="roster.imported", subject_type="roster",
                       subject_id="1", detail={"participants": count, "photo_opt_outs": opted_out,
                               # lets `tmw-bot check` tell a wrong TMW_DATA_KEY from a roster without these names
                               "key_check": roster_key_check(key)})
    services.cache.pop(CHECKER_CACHE, None)
    return (f"Imported the roster: {count} participant{'s' if count != 1 else ''}, "
            f"{opted_out} of whom opted out of photos and publicity.")
