"""The `accounts:` section of the organisation file, so the register can live in version control."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from bot.accounts.intervals import parse_interval
from bot.accounts.names import account_key

if TYPE_CHECKING:
    from bot.org import OrgConfig

# Policy 5.4: "Anita Holford and/or a project manager has overall access to sites".
OVERALL_ACCESS_ROLES = ("admin", "ceo", "project_manager")


class AccountSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)

    name: str = Field(min_length=1, max_length=100)
    aliases: list[str] = Field(default_factory=list)
    owner: str
    # People who can log in; `overall_access` are the admins with overall access (they have access too).
    access: list[str] = Field(default_factory=list)
    overall_access: list[str] = Field(default_factory=list)
    rotate_every: str | None = None  # default: settings.accounts.default_rotate_every
    last_changed: date | None = None

    @field_validator("rotate_every")
    @classmethod
    def _interval(cls, value: str | None) -> str | None:
        if value is not None:
            parse_interval(value)
        return value

    @field_validator("name")
    @classmethod
    def _named(cls, value: str) -> str:
        if not account_key(value):
            raise ValueError("an account name needs letters or digits")
        return value


def check_accounts(config: OrgConfig) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Owners and access holders are people in the file, names are not used twice, and every account
    has an admin with overall access."""
    people = {person.key: person for person in config.people}
    seen: dict[str, str] = {}
    for index, account in enumerate(config.accounts):
        for label_index, label in enumerate([account.name, *account.aliases]):
            key = account_key(label)
            loc = ("accounts", index, "name") if label_index == 0 else ("accounts", index, "aliases", label_index - 1)
            if key in seen and seen[key] != account.name:
                yield loc, f"{label!r} already names the account {seen[key]!r}"
            seen.setdefault(key, account.name)
        if account.owner not in people:
            yield ("accounts", index, "owner"), f"{account.owner} is not in people"
        for field in ("access", "overall_access"):
            for position, key in enumerate(getattr(account, field)):
                if key not in people:
                    yield ("accounts", index, field, position), f"{key} is not in people"
        admins = [people[s] for s in account.overall_access if s in people]
        if not any(role.value in OVERALL_ACCESS_ROLES for person in admins for role in person.roles):
            yield (("accounts", index, "overall_access"),
                   "every account needs an admin with overall access: an admin, the CEO or a project manager (policy 5.4)")
