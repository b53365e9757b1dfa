"""Callback, block and action ids of the report workflow, in one place."""

from __future__ import annotations

from enum import StrEnum

COMMAND = "/report"


class Callback(StrEnum):
    FILE = "report.file"
    ASK = "report.ask"
    REPLY = "report.reply"
    ESCALATE = "report.escalate"
    RESOLVE = "report.resolve"
    REOPEN = "report.reopen"
    RECORD_CLOCK = "report.record_clock"


class Field(StrEnum):
    """Input blocks. Their ids are the domain form's field names, so errors land on the right field."""

    KIND = "kind"
    ACTIVITY = "activity"
    TEAM_MEMBER = "team_member"
    PARTICIPANT = "participant"
    ACCOUNT = "account"
    WHEN = "when"
    DESCRIPTION = "description"
    RISK = "risk"
    PRIVACY = "privacy"
    QUESTION = "question"
    ANSWER = "answer"
    REASON = "reason"
    OUTCOME = "outcome"
    ACTIONS_TAKEN = "actions_taken"
    DECISION = "decision"
    REPORTED_ON = "reported_on"
    REFERENCE = "reference"

    @property
    def element(self) -> str:
        return f"{self.value}_input"


class Action(StrEnum):
    ACKNOWLEDGE = "report.acknowledge"
    ASK = "report.ask"
    ESCALATE = "report.escalate"
    RESOLVE = "report.resolve"
    REOPEN = "report.reopen"
    REVOKE_ACCESS = "report.revoke_access"
    TAKE_DOWN = "report.take_down"
    START_PASSWORD_CHANGE = "report.start_password_change"
    REPLY = "report.reply"
    HISTORY = "report.history"
    EXPORT = "report.export"


ACTIONS_BLOCK = "report_actions"
# A statutory clock's button on the handler's card: one per clock (ids must differ within a message),
# "report.clock.lado". Its listener matches the prefix.
CLOCK_ACTION_PREFIX = "report.clock."


def clock_action(clock_id: str) -> str:
    return f"{CLOCK_ACTION_PREFIX}{clock_id}"
