"""The checker's view of the organisation: its own contact details pass; the roster is matched by hash."""

from __future__ import annotations

from collections.abc import Iterable

from bot.checks import CheckContext, RosterEntry, RosterIndex
from bot.org import OrgConfig

# Keyed hashes of roster names use a sub-key of TMW_DATA_KEY for this purpose only.
ROSTER_HASH_PURPOSE = "roster"

_OR_NO_ROSTER = "To check without the roster (participants' names are then not checked), pass --no-roster."


class CheckSetupError(Exception):
    """`tmw-bot check` cannot use the organisation file or the roster; the message says how to fix it."""


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


def load_cli_context(use_roster: bool = True, env_file: str = ".env") -> CheckContext:
    """For `tmw-bot check`: the same organisation file and roster as the bot, read quickly.

    Fails closed: without the roster the checker passes participants' full names, so anything that
    stops it being used (no settings here, no key, the wrong key, no database, nothing imported) is
    a CheckSetupError, unless the caller asked for no roster on purpose.
    """
    from bot.checks.roster import roster_key_check
    from bot.crypto import DataCipher
    from bot.org import load_org_file
    from bot.settings import load_settings
    from storage.roster_reader import RosterUnavailable, read_roster

    settings = load_settings(env_file)
    if settings.tmw_org_config is None and use_roster:
        raise CheckSetupError(
            "TMW_ORG_CONFIG is not set, so the organisation file and the roster cannot be used. "
            "Run tmw-bot check in the bot's folder (where its .env is), or set TMW_ORG_CONFIG, TMW_DATA_KEY "
            "and DATABASE_URL. " + _OR_NO_ROSTER
        )
    config = load_org_file(settings.tmw_org_config).config if settings.tmw_org_config else None
    if not use_roster:
        return check_context(config, None, ())
    if settings.tmw_data_key is None:
        raise CheckSetupError("TMW_DATA_KEY is not set, so names cannot be matched against the roster. "
                              "Set it to the bot's key. " + _OR_NO_ROSTER)
    key = DataCipher(settings.tmw_data_key.get_secret_value()).hashing_key(ROSTER_HASH_PURPOSE)
    try:
        stored = read_roster(settings.database_url)
    except RosterUnavailable as error:
        raise CheckSetupError(f"The roster cannot be read: {error}. {_OR_NO_ROSTER}") from None
    if stored.key_check is not None and stored.key_check != roster_key_check(key):
        raise CheckSetupError("The roster was imported with a different TMW_DATA_KEY, so no name would match. "
                              "Use the bot's key, or import the roster again. " + _OR_NO_ROSTER)
    if not stored.entries:
        raise CheckSetupError("No roster has been imported yet: run `tmw-bot roster import FILE.csv`. " + _OR_NO_ROSTER)
    return check_context(config, key, stored.entries)
