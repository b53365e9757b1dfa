"""Who is who in the organisation, as the workflows see it (no storage or Slack types)."""

from __future__ import annotations

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
