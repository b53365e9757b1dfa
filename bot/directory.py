"""Who is who in the organisation, as the workflows see it (no storage or Slack types)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from bot.org import OrgConfig, Role


@dataclass(frozen=True)
class Member:
    slack_id: str
    name: str
    roles: frozenset[Role]
    projects: frozenset[str] = field(default_factory=frozenset)
    # Projects this person manages or leads, by key.
    manages: frozenset[str] = field(default_factory=frozenset)
    leads: frozenset[str] = field(default_factory=frozenset)
    left_on: date | None = None

    def has(self, *roles: Role) -> bool:
        return any(role in self.roles for role in roles)


@dataclass(frozen=True)
class Directory:
    """Everyone currently in the organisation file, and the projects by key."""

    members: tuple[Member, ...]
    project_names: dict[str, str]
    # Looked up on every request and every routing step: indexed once, not scanned each time.
    _by_id: dict[str, Member] = field(init=False, repr=False, compare=False)
    _by_role: dict[Role, list[Member]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_role: dict[Role, list[Member]] = {}
        for member in self.members:
            for role in member.roles:
                by_role.setdefault(role, []).append(member)
        # The first entry for an id wins, as the scan it replaces did.
        object.__setattr__(self, "_by_id", {m.slack_id: m for m in reversed(self.members)})
        object.__setattr__(self, "_by_role", by_role)

    def by_id(self, slack_id: str | None) -> Member | None:
        return self._by_id.get(slack_id) if slack_id else None

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
        manages = frozenset(p.key for p in config.projects if person.slack_id in p.managers)
        leads = frozenset(p.key for p in config.projects if person.slack_id in p.leaders)
        members.append(Member(slack_id=person.slack_id, name=person.name, roles=frozenset(person.roles),
                              projects=frozenset(person.projects) | manages | leads, manages=manages, leads=leads))
    return Directory(members=tuple(members), project_names={p.key: p.name for p in config.projects})
