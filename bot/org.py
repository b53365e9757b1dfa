"""The organisation file: who is who, which projects exist, and which channels do what.

It is YAML that an admin keeps in version control. Every error is reported with the line and the field
it concerns, all at once, so a broken file can be mended in one pass.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import phonenumbers
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

if TYPE_CHECKING:
    # Filled in by plug_in (OrgConfig.accounts), so that this module imports no workflow.
    from bot.accounts.spec import AccountSpec

SLACK_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")
SLACK_CHANNEL_ID = re.compile(r"^[CGD][A-Z0-9]{2,}$")
# A person's key: how the rest of the file, and every stored row, names them. Someone who gives none is
# keyed by their Slack id (so files and rows from before Teams keep their meaning): either shape is a key.
PERSON_KEY = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")
PERSON_REF = re.compile(rf"{PERSON_KEY.pattern}|{SLACK_USER_ID.pattern}")
# Microsoft Entra object ids are GUIDs; a UPN (user@domain) is for people reading the file.
ENTRA_OBJECT_ID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
TEAMS_UPN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PROJECT_KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class Role(StrEnum):
    TEAM_MEMBER = "team_member"
    FREELANCER = "freelancer"
    TRUSTEE = "trustee"
    VOLUNTEER = "volunteer"
    YOUNG_LEADER = "young_leader"
    PROJECT_MANAGER = "project_manager"
    CEO = "ceo"
    CHAIR = "chair"
    SAFEGUARDING_LEAD = "safeguarding_lead"
    DEPUTY_SAFEGUARDING_LEAD = "deputy_safeguarding_lead"
    ADMIN = "admin"
    MODERATOR = "moderator"


# Roles the workflows cannot do without: a report of each kind must have somewhere to go.
REQUIRED_ROLES = (Role.CEO, Role.CHAIR, Role.SAFEGUARDING_LEAD, Role.ADMIN)


class ChannelPurpose(StrEnum):
    CEO_DIGEST = "ceo_digest"
    SAFEGUARDING = "safeguarding"
    MODERATION = "moderation"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class OrganisationInfo(_Strict):
    name: str = Field(min_length=1)
    reference_prefix: str = Field(default="", pattern=r"^[A-Z]{0,8}$")
    email_domains: list[str] = Field(min_length=1)
    public_phone: str
    timezone: str | None = None  # falls back to the TZ setting
    registered_address: str = ""
    policy_file: str = ""
    # Linked from the Teams app's details (tmw-bot teams package).
    website: str | None = None
    privacy_url: str | None = None

    @field_validator("website", "privacy_url")
    @classmethod
    def _web_address(cls, value: str | None) -> str | None:
        if value is not None and not re.match(r"^https://[^\s/]+\.[^\s]+$", value):
            raise ValueError(f"{value!r} is not a web address such as https://example.org.uk")
        return value

    @field_validator("email_domains")
    @classmethod
    def _domains(cls, value: list[str]) -> list[str]:
        cleaned = [d.lower().lstrip("@") for d in value]
        for domain in cleaned:
            if "." not in domain or " " in domain:
                raise ValueError(f"{domain!r} is not an email domain such as example.org.uk")
        return cleaned

    @field_validator("public_phone")
    @classmethod
    def _phone(cls, value: str) -> str:
        try:
            number = phonenumbers.parse(value, "GB")
        except phonenumbers.NumberParseException as exc:
            raise ValueError(f"{value!r} is not a phone number") from exc
        if not phonenumbers.is_possible_number(number):
            raise ValueError(f"{value!r} is not a possible phone number")
        return value

    @field_validator("timezone")
    @classmethod
    def _timezone(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"{value!r} is not a timezone name such as Europe/London") from exc
        return value

    @property
    def prefix(self) -> str:
        """The prefix of report references: configured, or the initials of the name."""
        if self.reference_prefix:
            return self.reference_prefix
        initials = "".join(word[0] for word in re.findall(r"[A-Za-z]+", self.name) if word[0].isupper())
        return (initials or "ORG")[:8]


class Platform(StrEnum):
    SLACK = "slack"
    TEAMS = "teams"


class TeamsIdentity(_Strict):
    object_id: str = Field(pattern=ENTRA_OBJECT_ID.pattern)
    upn: str = Field(pattern=TEAMS_UPN.pattern)

    @field_validator("object_id")
    @classmethod
    def _lower(cls, value: str) -> str:
        return value.lower()  # Entra prints GUIDs either way; one spelling, so duplicates are seen


# The fields naming a person's identity on each platform, as the file spells them.
_PLATFORM_FIELDS = {"slack_id": Platform.SLACK, "teams": Platform.TEAMS}


class PersonSpec(_Strict):
    """Someone in the organisation: a key, and an identity on Slack, Teams or both.

    `key` defaults to `slack_id`; `notify_on` to the platform named first in the person's entry. Whether
    the entry names enough is checked with the rest of the file (`_check_people`), so each gap gets its
    own line and field."""

    key: str = ""
    slack_id: str | None = Field(default=None, pattern=SLACK_USER_ID.pattern)
    teams: TeamsIdentity | None = None
    notify_on: Platform | None = None
    name: str = Field(min_length=1)
    roles: list[Role] = Field(min_length=1)
    projects: list[str] = Field(default_factory=list)

    @field_validator("key")
    @classmethod
    def _key(cls, value: str) -> str:
        if value and not PERSON_REF.match(value):
            raise ValueError(f"{value!r} is not a key: 2 to 32 lower-case letters, digits, '.', '_' or '-', "
                             "starting with a letter or digit (such as anita.h)")
        return value

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        filled = dict(data)
        if not filled.get("notify_on"):
            # Mappings keep the file's order: the first platform named is the person's main one.
            first = next((field for field in data if field in _PLATFORM_FIELDS and data[field]), None)
            filled["notify_on"] = _PLATFORM_FIELDS[first].value if first else None
        return filled

    @model_validator(mode="after")
    def _key_from_slack_id(self) -> PersonSpec:
        if not self.key and self.slack_id:
            object.__setattr__(self, "key", self.slack_id)
        return self

    def platforms(self) -> set[Platform]:
        return {platform for field, platform in _PLATFORM_FIELDS.items() if getattr(self, field)}


class ProjectSpec(_Strict):
    key: str = Field(pattern=PROJECT_KEY.pattern)
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    managers: list[str] = Field(default_factory=list)
    leaders: list[str] = Field(default_factory=list)


class TeamsChannel(_Strict):
    team_id: str = Field(min_length=1)
    channel_id: str = Field(min_length=1)


class ChannelSpec(_Strict):
    """A channel on Slack (`id`), on Teams (`teams`) or both; at least one (see `_check_channels`)."""

    id: str | None = Field(default=None, pattern=SLACK_CHANNEL_ID.pattern)
    teams: TeamsChannel | None = None
    name: str = Field(default="", pattern=r"^[a-z0-9_-]*$")
    purpose: str = ""


class ChannelsSpec(_Strict):
    ceo_digest: ChannelSpec | None = None
    safeguarding: ChannelSpec | None = None
    moderation: ChannelSpec | None = None
    guarded: list[ChannelSpec] = Field(default_factory=list)
    moderated: list[ChannelSpec] = Field(default_factory=list)


class AbsenceSpec(_Strict):
    """A known absence (leave, a sabbatical): `person` is away from the day `from` to the day `until`,
    both included, in the organisation's timezone; `cover`, if given, covers for them (bot/absences.py)."""

    # The file says `from` and `until`; the copy kept in the database, the field names.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True, populate_by_name=True)

    person: str = Field(pattern=PERSON_REF.pattern)
    first_day: date = Field(alias="from")
    last_day: date = Field(alias="until")
    cover: str | None = Field(default=None, pattern=PERSON_REF.pattern)


class OrgConfig(_Strict):
    organisation: OrganisationInfo
    people: list[PersonSpec] = Field(min_length=1)
    projects: list[ProjectSpec] = Field(default_factory=list)
    channels: ChannelsSpec = Field(default_factory=ChannelsSpec)
    # Per-workflow overrides (routing, schedules): each workflow validates its own section.
    settings: dict[str, Any] = Field(default_factory=dict)
    # Shared accounts kept in version control (see bot/accounts/spec.py).
    accounts: list[AccountSpec] = Field(default_factory=list)
    # Known absences, such as planned leave (see AbsenceSpec).
    absences: list[AbsenceSpec] = Field(default_factory=list)

    def person(self, key: str) -> PersonSpec | None:
        return next((p for p in self.people if p.key == key), None)

    def project(self, key: str) -> ProjectSpec | None:
        return next((p for p in self.projects if p.key == key), None)


@dataclass(frozen=True)
class OrgError:
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line else "file"
        return f"{where}: {self.message}" if self.field == where else f"{where}: {self.field}: {self.message}"


class OrgFileError(Exception):
    def __init__(self, path: str, errors: list[OrgError]) -> None:
        self.path = path
        self.errors = errors
        listed = "\n".join(f"  {error}" for error in errors)
        super().__init__(f"{path} has {len(errors)} error{'s' if len(errors) != 1 else ''}:\n{listed}")


@dataclass(frozen=True)
class LoadedOrg:
    config: OrgConfig
    source_sha256: str
    path: Path


def load_org_file(path: str | Path) -> LoadedOrg:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise OrgFileError(str(path), [OrgError(None, "file", "there is no such file")]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise OrgFileError(str(path), [OrgError(None, "file", f"it cannot be read ({exc})")]) from None
    config = parse_org_text(text, str(path))
    return LoadedOrg(config=config, source_sha256=hashlib.sha256(text.encode()).hexdigest(), path=path)


def parse_org_text(text: str, source: str = "organisation file") -> OrgConfig:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise OrgFileError(source, [OrgError(line, "YAML", f"it is not valid YAML ({problem})")]) from None
    lines = _line_index(root)
    _plugged_in()
    if not isinstance(data, dict):
        raise OrgFileError(source, [OrgError(1, "file", "expected a mapping with organisation, people, projects")])
    try:
        config = OrgConfig.model_validate(data)
    except ValidationError as exc:
        errors = [_from_pydantic(error, lines) for error in exc.errors()]
        raise OrgFileError(source, errors) from None
    errors = [
        OrgError(_line_for(loc, lines), _dotted(loc), message) for loc, message in _cross_check(config)
    ]
    if errors:
        raise OrgFileError(source, errors)
    return config


def _cross_check(config: OrgConfig) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Rules that span sections: references resolve, nothing is defined twice, key roles exist."""
    yield from _check_people(config)
    yield from _check_channels(config)
    known_people = {person.key: index for index, person in reversed(list(enumerate(config.people))) if person.key}
    project_keys: set[str] = set()
    names_seen: dict[str, str] = {}
    for index, project in enumerate(config.projects):
        if project.key in project_keys:
            yield ("projects", index, "key"), f"project {project.key!r} is defined twice"
        project_keys.add(project.key)
        for alias_index, label in enumerate([project.name, *project.aliases]):
            norm = normalise_label(label)
            loc = ("projects", index, "name") if alias_index == 0 else ("projects", index, "aliases", alias_index - 1)
            if norm in names_seen and names_seen[norm] != project.key:
                yield loc, f"{label!r} already names project {names_seen[norm]!r}"
            names_seen.setdefault(norm, project.key)
        for field in ("managers", "leaders"):
            for member_index, key in enumerate(getattr(project, field)):
                if key not in known_people:
                    yield ("projects", index, field, member_index), f"{key} is not in people"
        if not project.managers:
            yield ("projects", index, "managers"), "every project needs at least one project manager"
    for index, person in enumerate(config.people):
        for project_index, key in enumerate(person.projects):
            if key not in project_keys:
                yield ("people", index, "projects", project_index), f"there is no project {key!r}"
    parts = _plugged_in()
    for section, model in parts.settings.items():
        try:
            model.model_validate(config.settings.get(section) or {})
        except ValidationError as exc:
            for error in exc.errors():
                loc = ("settings", section, *error["loc"])
                yield loc, str(error["msg"]).removeprefix("Value error, ")
    unknown = set(config.settings) - set(parts.settings)
    for section in sorted(unknown):
        yield ("settings", section), f"is not a settings section we know (known: {', '.join(sorted(parts.settings))})"
    for check in parts.checks:
        yield from check(config)
    yield from _check_absences(config, known_people)
    held = {role for person in config.people for role in person.roles}
    for role in REQUIRED_ROLES:
        if role not in held:
            yield ("people",), f"nobody has the role {role.value}; the workflows need one"


def _check_people(config: OrgConfig) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Each person can be told things somewhere, has a key, and claims no identity another person claims."""
    claimed: dict[tuple[str, str], int] = {}
    for index, person in enumerate(config.people):
        platforms = person.platforms()
        if not platforms:
            yield ("people", index), "give slack_id, teams or both: where can this person be reached?"
        if not person.key and person.slack_id is None and platforms:
            yield ("people", index, "key"), "is required for someone with no slack_id (a short name such as anita.h)"
        if person.notify_on is not None and platforms and person.notify_on not in platforms:
            field = "slack_id" if person.notify_on is Platform.SLACK else "teams"
            yield ("people", index, "notify_on"), f"says {person.notify_on.value}, but this person has no {field}"
        key_given = "key" in person.model_fields_set
        claims = [("key", person.key, person.key, key_given), ("slack_id", person.slack_id, person.slack_id, True)]
        if person.teams is not None:
            claims += [("teams.object_id", person.teams.object_id, person.teams.object_id, True),
                       ("teams.upn", person.teams.upn.lower(), person.teams.upn, True)]
        for field, claim, shown, report in claims:
            if not claim:
                continue
            # A key taken from slack_id is a duplicate only if the slack_id is: say so once, there.
            kind = "key" if field == "key" else field
            earlier = claimed.get((kind, claim))
            if earlier is None:
                claimed[(kind, claim)] = index
            elif report or "key" in config.people[earlier].model_fields_set:
                yield ("people", index, *field.split(".")), f"{shown} is listed twice (also people[{earlier}])"


def _check_channels(config: OrgConfig) -> Iterator[tuple[tuple[Any, ...], str]]:
    channels = config.channels
    for purpose in ("ceo_digest", "safeguarding", "moderation", "guarded", "moderated"):
        value = getattr(channels, purpose)
        specs = [((purpose,), value)] if not isinstance(value, list) else [((purpose, i), c) for i, c in enumerate(value)]
        for loc, spec in specs:
            if spec is not None and spec.id is None and spec.teams is None:
                yield ("channels", *loc), "give id (a Slack channel), teams (a Teams channel) or both"


def _check_absences(config: OrgConfig, known_people: dict[str, int]) -> Iterator[tuple[tuple[Any, ...], str]]:
    for index, absence in enumerate(config.absences):
        for field, key in (("person", absence.person), ("cover", absence.cover)):
            if key is not None and key not in known_people:
                yield ("absences", index, field), f"{key} is not in people"
        if absence.cover is not None and absence.cover == absence.person:
            yield ("absences", index, "cover"), "someone can't cover for themselves"
        if absence.last_day < absence.first_day:
            yield ("absences", index, "until"), f"the absence ends ({absence.last_day}) before it starts ({absence.first_day})"


CrossCheck = Callable[[OrgConfig], Iterable[tuple[tuple[Any, ...], str]]]


@dataclass(frozen=True)
class WorkflowParts:
    """What the workflows add to the organisation file. Each workflow imports this module (for roles,
    people and channels), so this module imports none of them: they hand their parts over at start-up
    (bot/org_sections.py), and the file is still validated all at once, here."""

    settings: Mapping[str, type[BaseModel]]  # each workflow's section of `settings`
    account_spec: type[BaseModel]  # an entry of `accounts:` (bot/accounts/spec.py)
    checks: Sequence[CrossCheck]  # rules that span sections, run after the sections' own


_parts: WorkflowParts | None = None


def plug_in(parts: WorkflowParts) -> None:
    global _parts
    OrgConfig.model_rebuild(_types_namespace={"AccountSpec": parts.account_spec})
    _parts = parts


def _plugged_in() -> WorkflowParts:
    if _parts is None:
        raise RuntimeError("the workflows' parts of the organisation file are not plugged in: "
                           "import bot.org_sections before reading the file")
    return _parts


def normalise_label(label: str) -> str:
    """Project names as people type them: "Audio-Base", "audio base" and "AudioBase" are one."""
    return re.sub(r"[^a-z0-9]", "", label.lower())


def _dotted(loc: tuple[Any, ...]) -> str:
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            parts.append(f"[{item}]")
        else:
            parts.append(("." if parts else "") + str(item))
    return "".join(parts) or "file"


def _from_pydantic(error: dict[str, Any], lines: dict[tuple[Any, ...], int]) -> OrgError:
    # Pydantic adds the tag of a union member or "function-after" to loc; keep only the data path.
    loc = tuple(item for item in error["loc"] if isinstance(item, int) or not str(item).startswith("function-"))
    message = str(error["msg"]).removeprefix("Value error, ")
    if error["type"] == "extra_forbidden":
        message = "is not a field we know (check its spelling)"
    elif error["type"] == "missing":
        message = "is required"
    elif error["type"] == "enum":
        allowed = error.get("ctx", {}).get("expected", "")
        message = f"{error.get('input')!r} is not one of {allowed}"
    return OrgError(_line_for(loc, lines), _dotted(loc), message)


def _line_for(loc: tuple[Any, ...], lines: dict[tuple[Any, ...], int]) -> int | None:
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


def _line_index(node: yaml.Node | None, path: tuple[Any, ...] = ()) -> dict[tuple[Any, ...], int]:
    """Map each data path, such as ("people", 2, "roles"), to the 1-based line it starts on."""
    index: dict[tuple[Any, ...], int] = {}
    if node is None:
        return index
    index[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            index.update(_line_index(value_node, (*path, key)))
            index[(*path, key)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for position, item in enumerate(node.value):
            index.update(_line_index(item, (*path, position)))
    return index
