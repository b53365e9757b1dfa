"""Importing the roster: parsed in full first, so a file with any bad row changes nothing, and an
empty or much shorter file does not replace the roster unless asked to."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.checks import entries_from_rows, parse_roster_csv
from bot.checks.roster import roster_key_check
from bot.errors import DomainError
from bot.outgoing.context import ROSTER_HASH_PURPOSE
from bot.services import Services
from storage.audit import record_audit
from storage.roster import replace_roster, roster_size

CHECKER_CACHE = "checker"


class RosterShrinkError(DomainError):
    """The new roster is empty, or under half the size of the one it would replace; nothing changed.
    An export like that is far more often the wrong file or a failed export than the real roster, and
    replacing the roster with it would let every missing participant's name through the checks."""

    def __init__(self, new_count: int, current_count: int):
        self.new_count, self.current_count = new_count, current_count
        super().__init__(
            f"The roster was not imported: the file lists {new_count} participant{'s' if new_count != 1 else ''}, "
            f"but the roster has {current_count}. An empty or much shorter export is usually the wrong file, "
            "or an export that stopped part way."
        )


async def import_roster(session: AsyncSession, services: Services, csv_text: str | bytes, actor: str, force: bool = False) -> str:
    """Replace the roster. Raises RosterCsvError (every bad row, by line) and imports nothing then.
    Raises RosterShrinkError, and imports nothing, when the new roster is empty or under half the
    current one's size, unless ``force``. Returns a summary that names nobody: the roster is never
    printed back."""
    rows = parse_roster_csv(csv_text)
    current = await roster_size(session)
    if not force and 2 * len(rows) < current:  # also covers an empty file replacing any roster
        raise RosterShrinkError(len(rows), current)
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
