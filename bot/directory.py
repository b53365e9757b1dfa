"""Who is who in the organisation, as the workflows see it (no storage or Slack types)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bot.org import OrgConfig, PersonSpec, Platform, Role


@dataclass(frozen=True)
class Member:
    # Who they are to the workflows and in every stored row (the organisation file's `key`).
    key: str
    name: str
    roles: frozenset[Role]
    projects: frozenset[str] = field(default_factory=frozenset)
    # Projects this person manages or leads, by key.
    manages: frozenset[str] = field(default_factory=frozenset)
    leads: frozenset[str] = field(default_factory=frozenset)
    left_on: date | None = None
    # Who they are on each platform, for the platforms' code to address them; and where they are told.
    slack_id: str | None = None
    teams_object_id: str | None = None
    teams_upn: str | None = None
    notify_on: str = "slack"  # "slack" or "teams"

    def has(self, *roles: Role) -> bool:
        return any(role in self.roles for role in roles)


@dataclass(frozen=True)
class Directory:
    """Everyone currently in the organisation file, and the projects by key."""

    members: tuple[Member, ...]
    project_names: dict[str, str]
    # Looked up on every request and every routing step: indexed once, not scanned each time.
    _by_key: dict[str, Member] = field(init=False, repr=False, compare=False)
    _by_slack_id: dict[str, Member] = field(init=False, repr=False, compare=False)
    _by_teams_object_id: dict[str, Member] = field(init=False, repr=False, compare=False)
    _by_role: dict[Role, list[Member]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_role: dict[Role, list[Member]] = {}
        for member in self.members:
            for role in member.roles:
                by_role.setdefault(role, []).append(member)
        # The first entry for an id wins, as the scan it replaces did.
        earliest_first = list(reversed(self.members))
        object.__setattr__(self, "_by_key", {m.key: m for m in earliest_first})
        object.__setattr__(self, "_by_slack_id", {m.slack_id: m for m in earliest_first if m.slack_id})
        object.__setattr__(self, "_by_teams_object_id",
                           {m.teams_object_id: m for m in earliest_first if m.teams_object_id})
        object.__setattr__(self, "_by_role", by_role)

    def by_key(self, key: str | None) -> Member | None:
        return self._by_key.get(key) if key else None

    def by_slack_id(self, slack_id: str | None) -> Member | None:
        return self._by_slack_id.get(slack_id) if slack_id else None

    def by_teams_object_id(self, object_id: str | None) -> Member | None:
        return self._by_teams_object_id.get(object_id.lower()) if object_id else None

    def named(self, typed: str) -> list[Member]:
        """Everyone whose full name or first name is `typed` ("Dan Hughes", "dan"; "@" before it ignored)."""
        typed = typed.lstrip("@").strip().lower()
        return [m for m in self.members if m.name.lower() == typed or m.name.split()[0].lower() == typed]

    def with_role(self, role: Role) -> list[Member]:
        return list(self._by_role.get(role, ()))

    def managers_of(self, project_keys: Iterable[str]) -> list[Member]:
        keys = set(project_keys)
        return [m for m in self.members if m.manages & keys]

    def leaders_of(self, project_keys: Iterable[str]) -> list[Member]:
        keys = set(project_keys)
        return [m for m in self.members if m.leads & keys]


def directory_from_org(config: OrgConfig) -> Directory:
    """The directory an organisation file describes, before it is loaded into the database: for
    checking the file (`tmw-bot org validate`) against the workflows' rules."""
    members = []
    for person in config.people:
        manages = frozenset(p.key for p in config.projects if person.key in p.managers)
        leads = frozenset(p.key for p in config.projects if person.key in p.leaders)
        members.append(Member(key=person.key, name=person.name, roles=frozenset(person.roles),
                              projects=frozenset(person.projects) | manages | leads, manages=manages, leads=leads,
                              **identities(person)))
    return Directory(members=tuple(members), project_names={p.key: p.name for p in config.projects})


def identities(person: PersonSpec) -> dict[str, str | None]:
    """A person's identities on each platform, and where they are told, as Member (and the person
    table) hold them."""
    return {
        "slack_id": person.slack_id,
        "teams_object_id": person.teams.object_id if person.teams else None,
        "teams_upn": person.teams.upn if person.teams else None,
        "notify_on": (person.notify_on or Platform.SLACK).value,
    }


def person_key_in(stored: Mapping[str, Any]) -> str:
    """The person a stored payload (a timer's, a queued message's, a checklist's undo record) names.
    Those stored before people had keys name them as `slack_id`: the same value, since their key is it."""
    return str(stored["person_key"] if "person_key" in stored else stored["slack_id"])
