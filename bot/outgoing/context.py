"""The checker's view of the organisation: its own contact details pass; the roster is matched by hash."""

from __future__ import annotations

from collections.abc import Iterable

from bot.checks import CheckContext, RosterEntry, RosterIndex
from bot.org import OrgConfig

# Keyed hashes of roster names use a sub-key of TMW_DATA_KEY for this purpose only.
ROSTER_HASH_PURPOSE = "roster"


def check_context(config: OrgConfig | None, roster_key: bytes | None, entries: Iterable[RosterEntry]) -> CheckContext:
    entries = list(entries)
    roster = RosterIndex(roster_key, entries) if roster_key is not None and entries else None
    if config is None:
        return CheckContext(roster=roster)
    org = config.organisation
    return CheckContext(
        org_email_domains=tuple(org.email_domains),
        org_phone_numbers=(org.public_phone,),
        org_addresses=(org.registered_address,) if org.registered_address else (),
        roster=roster,
    )


def load_cli_context(env_file: str = ".env") -> CheckContext:
    """For `tmw-bot check`: the same organisation file and roster as the bot, read quickly."""
    from bot.crypto import DataCipher
    from bot.org import load_org_file
    from bot.settings import load_settings
    from storage.roster_reader import read_roster

    settings = load_settings(env_file)
    config = load_org_file(settings.tmw_org_config).config if settings.tmw_org_config else None
    if settings.tmw_data_key is None:
        return check_context(config, None, ())
    key = DataCipher(settings.tmw_data_key.get_secret_value()).hashing_key(ROSTER_HASH_PURPOSE)
    return check_context(config, key, read_roster(settings.database_url))
