"""The checker's view of the organisation: its own contact details pass; the roster is matched by hash."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.checks import CheckContext, RosterEntry, RosterIndex

if TYPE_CHECKING:  # for type hints only: importing bot.org would cost `tmw-bot check` a tenth of a second
    from bot.org import OrgConfig

# Keyed hashes of roster names use a sub-key of TMW_DATA_KEY for this purpose only.
ROSTER_HASH_PURPOSE = "roster"

_OR_NO_ROSTER = "To check without the roster (participants' names are then not checked), pass --no-roster."


class CheckSetupError(Exception):
    """`tmw-bot check` cannot use the organisation file or the roster; the message says how to fix it."""


def check_context(config: OrgConfig | None, roster_key: bytes | None, entries: Iterable[RosterEntry]) -> CheckContext:
    if config is None:
        return _context(None, roster_key, entries)
    org = config.organisation
    people = tuple(person.name for person in config.people)
    projects = tuple(name for project in config.projects for name in (project.name, *project.aliases))
    details = OrgDetails(tuple(org.email_domains), org.public_phone, org.registered_address, people,
                         extra_terms_from(config.settings), projects)
    return _context(details, roster_key, entries)


@dataclass(frozen=True)
class OrgDetails:
    """The organisation's own public details: all that the checker needs from the organisation file."""

    email_domains: tuple[str, ...]
    public_phone: str
    registered_address: str
    # The organisation's own people (staff, trustees, volunteers): their full names are not a child's.
    people: tuple[str, ...] = ()
    # Entries the organisation adds to the checker's word lists (settings.checks.extra_terms).
    extra_terms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # The names and aliases of the organisation's projects ("Audio-Base", "audiobase").
    projects: tuple[str, ...] = ()


def _context(org: OrgDetails | None, roster_key: bytes | None, entries: Iterable[RosterEntry]) -> CheckContext:
    entries = list(entries)
    roster = RosterIndex(roster_key, entries) if roster_key is not None and entries else None
    if org is None:
        return CheckContext(roster=roster)
    return CheckContext(
        org_email_domains=org.email_domains,
        org_phone_numbers=(org.public_phone,),
        org_addresses=(org.registered_address,) if org.registered_address else (),
        roster=roster,
        org_people=org.people,
        extra_terms=org.extra_terms,
        org_projects=org.projects,
    )


def extra_terms_from(settings: Any) -> dict[str, tuple[str, ...]]:
    """The extra terms in a `settings` mapping as read from the file (already validated by the bot,
    or read raw by `tmw-bot check`, which skips anything that is not a list of strings)."""
    checks = (settings or {}).get("checks") if isinstance(settings, dict) else None
    terms = checks.get("extra_terms") if isinstance(checks, dict) else None
    if not isinstance(terms, dict):
        return {}
    return {str(name): tuple(e for e in entries if isinstance(e, str))
            for name, entries in terms.items() if isinstance(entries, list)}


def read_org_details(path: Path) -> OrgDetails:
    """The organisation section of the organisation file, read without validating the rest.

    `tmw-bot check` runs on every commit in a hook, so it reads only what it uses: validating the
    whole file (people, projects, every workflow's settings) imports most of the bot and takes
    several times longer than the check. The bot and `tmw-bot org validate` check the whole file.
    """
    import yaml

    fix = f"Check it with `tmw-bot org validate {path}`."
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CheckSetupError(f"The organisation file {path} (TMW_ORG_CONFIG) cannot be read "
                              f"({getattr(error, 'strerror', None) or error}).") from None
    try:
        data: Any = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        raise CheckSetupError(f"The organisation file {path} is not valid YAML. {fix}") from None
    org = data.get("organisation") if isinstance(data, dict) else None
    domains = org.get("email_domains") if isinstance(org, dict) else None
    phone = org.get("public_phone") if isinstance(org, dict) else None
    address = org.get("registered_address", "") if isinstance(org, dict) else None
    if (not isinstance(domains, list) or not domains or not all(isinstance(d, str) for d in domains)
            or not isinstance(phone, str) or not isinstance(address, str | None)):
        raise CheckSetupError(f"The organisation file {path} has no usable organisation section "
                              f"(email_domains, public_phone). {fix}")
    people = data.get("people") if isinstance(data, dict) else None
    names = tuple(p["name"] for p in people if isinstance(p, dict) and isinstance(p.get("name"), str)) \
        if isinstance(people, list) else ()
    projects = data.get("projects") if isinstance(data, dict) else None
    project_names = tuple(
        name for p in (projects if isinstance(projects, list) else ()) if isinstance(p, dict)
        for name in (p.get("name"), *(a for a in (p.get("aliases") if isinstance(p.get("aliases"), list) else ())))
        if isinstance(name, str) and name.strip())
    settings = data.get("settings") if isinstance(data, dict) else None
    return OrgDetails(tuple(domains), phone, (address or "").strip(), names, extra_terms_from(settings), project_names)


def load_cli_context(use_roster: bool = True, env_file: str | Path | None = ".env") -> CheckContext:
    """For `tmw-bot check`: the same organisation file and roster as the bot, read quickly.

    Fails closed: without the roster the checker passes participants' full names, so anything that
    stops it being used (no settings here, no key, the wrong key, no database, nothing imported) is
    a CheckSetupError, unless the caller asked for no roster on purpose.
    """
    from bot.checks.roster import roster_key_check
    from bot.crypto import DataCipher
    from storage.roster_reader import RosterUnavailable, read_roster

    settings = _quick_settings(env_file) or _full_settings(env_file)
    if settings.org_config is None and use_roster:
        raise CheckSetupError(
            "TMW_ORG_CONFIG is not set, so the organisation file and the roster cannot be used. "
            "Run tmw-bot check in the bot's folder (where its .env is), or set TMW_ORG_CONFIG, TMW_DATA_KEY "
            "and DATABASE_URL. " + _OR_NO_ROSTER
        )
    org = read_org_details(settings.org_config) if settings.org_config else None
    if not use_roster:
        return _context(org, None, ())
    if settings.data_key is None:
        raise CheckSetupError("TMW_DATA_KEY is not set, so names cannot be matched against the roster. "
                              "Set it to the bot's key. " + _OR_NO_ROSTER)
    key = DataCipher(settings.data_key).hashing_key(ROSTER_HASH_PURPOSE)
    try:
        stored = read_roster(settings.database_url)
    except RosterUnavailable as error:
        raise CheckSetupError(f"The roster cannot be read: {error}. {_OR_NO_ROSTER}") from None
    if stored.key_check is not None and stored.key_check != roster_key_check(key):
        raise CheckSetupError("The roster was imported with a different TMW_DATA_KEY, so no name would match. "
                              "Use the bot's key, or import the roster again. " + _OR_NO_ROSTER)
    if not stored.entries:
        raise CheckSetupError("No roster has been imported yet: run `tmw-bot roster import FILE.csv`. " + _OR_NO_ROSTER)
    return _context(org, key, stored.entries)


@dataclass(frozen=True)
class _CheckSettings:
    org_config: Path | None
    data_key: str | None = field(repr=False)
    database_url: str


# The URL forms the quick reader takes as they are; any other goes through bot.settings, which
# normalises it (postgres://, sqlite:///) or explains what is wrong.
_FINAL_DATABASE_URLS = ("sqlite+aiosqlite:///", "postgresql+asyncpg://")


def _quick_settings(env_file: str | Path | None) -> _CheckSettings | None:
    """The three settings `tmw-bot check` needs, read from the environment and the .env file as
    bot.settings reads them (the environment wins; names in any case; blank means unset), but
    without importing pydantic, which alone would double the start-up time of a git hook. None
    when anything is missing or looks wrong: bot.settings.load_settings then reads them and says
    exactly what is wrong."""
    import os

    from dotenv import dotenv_values

    from bot.crypto import is_valid_key

    values = {}
    if env_file is not None and Path(env_file).is_file():
        values = {name.upper(): value for name, value in dotenv_values(env_file, encoding="utf-8").items()}
    values.update((name.upper(), value) for name, value in os.environ.items())

    def setting(name: str) -> str | None:
        value = values.get(name)
        return value.strip() if value is not None and value.strip() else None

    database_url = setting("DATABASE_URL") or "sqlite+aiosqlite:///tmw-bot.db"
    data_key = setting("TMW_DATA_KEY")
    org_config = setting("TMW_ORG_CONFIG")
    if not database_url.startswith(_FINAL_DATABASE_URLS) or (data_key is not None and not is_valid_key(data_key)):
        return None
    return _CheckSettings(Path(org_config) if org_config else None, data_key, database_url)


def _full_settings(env_file: str | Path | None) -> _CheckSettings:
    from bot.settings import load_settings

    settings = load_settings(env_file)  # raises SettingsError naming the setting and how to fix it
    data_key = settings.tmw_data_key.get_secret_value() if settings.tmw_data_key else None
    return _CheckSettings(settings.tmw_org_config, data_key, settings.database_url)
