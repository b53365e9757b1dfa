"""Who is who in the organisation, as the workflows see it (no storage or Slack types)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from bot.org import Role


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

    def by_id(self, slack_id: str | None) -> Member | None:
        return next((m for m in self.members if m.slack_id == slack_id), None) if slack_id else None

    def with_role(self, role: Role) -> list[Member]:
        return [m for m in self.members if role in m.roles]

    def managers_of(self, project_keys: Iterable[str]) -> list[Member]:
        keys = set(project_keys)
        return [m for m in self.members if m.manages & keys]

    def leaders_of(self, project_keys: Iterable[str]) -> list[Member]:
        keys = set(project_keys)
        return [m for m in self.members if m.leads & keys]
