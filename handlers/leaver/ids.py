"""Command, shortcut, callback, block and action ids of the leaver workflow."""

from __future__ import annotations

from pydantic import BaseModel

COMMAND = "/leaver"
SHORTCUT = "leaver.from_message"
CALLBACK = "leaver.confirm"
LEAVING_ON = "leaving_on"
TASK_DONE = "leaver.task_done"
CANCEL = "leaver.cancel"


def owner_block(account_id: int) -> str:
    return f"owner_{account_id}"


def admin_block(account_id: int) -> str:
    return f"admin_{account_id}"


def element(block_id: str) -> str:
    return f"{block_id}_input"


class LeaverMeta(BaseModel):
    person: str
    owned: list[int] = []
    last_admin: list[int] = []


class TaskValue(BaseModel):
    task_id: int


class CancelValue(BaseModel):
    leaver_id: int
