"""Ids of the outgoing-checks feature, in one place."""

from __future__ import annotations

from enum import StrEnum

COMMAND = "/check"
SHORTCUT = "check_before_sending"


class Action(StrEnum):
    REMOVE = "checks.remove_message"
    FINE = "checks.its_fine"
