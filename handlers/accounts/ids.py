"""Commands, callback, block and action ids of the accounts workflow, and the state buttons carry."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel

ACCOUNTS_COMMAND = "/accounts"
ROTATED_COMMAND = "/rotated"


class Callback(StrEnum):
    SAVE = "accounts.save"
    CHANGED_ON = "accounts.changed_on"


class Field(StrEnum):
    """Input blocks; their ids are the domain form's field names, so errors land on the right field."""

    NAME = "name"
    ALIASES = "aliases"
    OWNER = "owner"
    ACCESS = "access"
    OVERALL_ACCESS = "overall_access"
    EVERY = "every"
    LAST_CHANGED = "last_changed"
    WHEN = "when"

    @property
    def element(self) -> str:
        return f"{self.value}_input"


class Action(StrEnum):
    CHANGED_NOW = "accounts.changed_now"
    CHANGED_ON = "accounts.changed_on"
    SNOOZE = "accounts.snooze"


NUDGE_ACTIONS_BLOCK = "accounts_nudge_actions"


class NudgeValue(BaseModel):
    """What a nudge's buttons carry: the account, and the rotation cycle the nudge was about."""

    account_id: int
    cycle: int


class SaveMeta(BaseModel):
    account_id: int | None = None


class ChangedOnMeta(BaseModel):
    account_id: int
    cycle: int
    name: str
