"""The rotation and leaver rules as data, read in one place.

Defaults follow policy 5.4 ("changed regularly"; changed at once when revealed; changed when someone
with access leaves). The organisation file may override them under `settings.accounts`.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta, tzinfo
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from bot.accounts.intervals import parse_interval
from bot.directory import Member
from bot.org import Role

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_HOURS = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)-([01]?\d|2[0-3]):([0-5]\d)$")


class AccountSettings(BaseModel):
    """`settings.accounts` in the organisation file."""

    model_config = ConfigDict(extra="forbid")

    default_rotate_every: str = "90 days"
    # A heads-up this many days before a password is due.
    remind_before_days: int = Field(default=7, ge=0, le=60)
    # Once overdue, the owner is nudged again this often: steady, not nagging.
    overdue_every_days: int = Field(default=3, ge=1, le=30)
    # After this many days overdue, the admins are told (once per rotation).
    escalate_after_days: int = Field(default=7, ge=1, le=90)
    snooze_days: int = Field(default=3, ge=1, le=14)
    # A suspected exposure is urgent: the owner is reminded this often, at any hour, until it is done.
    exposure_every_minutes: int = Field(default=60, ge=15, le=24 * 60)
    # Nudges that are not urgent go out only on these days, between these hours (local time).
    working_days: list[str] = Field(default_factory=lambda: list(DAY_NAMES[:6]))
    working_hours: str = "09:00-18:00"
    # Open leaver checklists are brought back to the requester this often.
    leaver_reminder_every_days: int = Field(default=2, ge=1, le=14)

    @field_validator("default_rotate_every")
    @classmethod
    def _interval(cls, value: str) -> str:
        parse_interval(value)
        return value

    @field_validator("working_days")
    @classmethod
    def _days(cls, value: list[str]) -> list[str]:
        days = [day.strip().lower()[:3] for day in value]
        unknown = [day for day in days if day not in DAY_NAMES]
        if unknown or not days:
            raise ValueError("working_days lists days such as mon, tue, wed, thu, fri, sat")
        return days

    @field_validator("working_hours")
    @classmethod
    def _hours(cls, value: str) -> str:
        match = _HOURS.match(value.replace(" ", ""))
        if match is None or (int(match.group(1)), int(match.group(2))) >= (int(match.group(3)), int(match.group(4))):
            raise ValueError("working_hours is a range such as 09:00-18:00")
        return value


# Why a password is due (SharedAccount.due_reason) when the policy says it must change (5.4: when
# someone with access leaves; 2: when it may have been revealed): no "remind me later" for these.
MUST_CHANGE_REASONS = frozenset({"leaver", "exposure"})


def may_snooze(due_reason: str) -> bool:
    return due_reason not in MUST_CHANGE_REASONS


@dataclass(frozen=True)
class WorkingHours:
    days: frozenset[int]  # 0 = Monday
    start: time
    end: time

    def contains(self, moment: datetime, tz: tzinfo) -> bool:
        local = moment.astimezone(tz)
        return local.weekday() in self.days and self.start <= local.time() < self.end

    def next_open(self, moment: datetime, tz: tzinfo) -> datetime:
        """`moment` if it is inside working hours, else the start of the next working period. Built
        from wall-clock parts, so 9 a.m. stays 9 a.m. across a clock change."""
        if self.contains(moment, tz):
            return moment
        local = moment.astimezone(tz)
        day = local.date()
        if local.weekday() in self.days and local.time() < self.start:
            return datetime.combine(day, self.start, tzinfo=tz).astimezone(UTC)
        for _ in range(8):
            day += timedelta(days=1)
            if day.weekday() in self.days:
                return datetime.combine(day, self.start, tzinfo=tz).astimezone(UTC)
        raise AssertionError("no working day in a week")


@dataclass(frozen=True)
class RotationRules:
    default_rotate_every_days: int
    remind_before: timedelta
    overdue_every: timedelta
    escalate_after: timedelta
    snooze: timedelta
    exposure_every: timedelta
    hours: WorkingHours
    leaver_reminder_every: timedelta


def rules_from(org_settings: dict[str, Any] | None) -> RotationRules:
    raw = AccountSettings.model_validate((org_settings or {}).get("accounts") or {})
    match = _HOURS.match(raw.working_hours.replace(" ", ""))
    assert match is not None
    start = time(int(match.group(1)), int(match.group(2)))
    end = time(int(match.group(3)), int(match.group(4)))
    return RotationRules(
        default_rotate_every_days=parse_interval(raw.default_rotate_every),
        remind_before=timedelta(days=raw.remind_before_days),
        overdue_every=timedelta(days=raw.overdue_every_days),
        escalate_after=timedelta(days=raw.escalate_after_days),
        snooze=timedelta(days=raw.snooze_days),
        exposure_every=timedelta(minutes=raw.exposure_every_minutes),
        hours=WorkingHours(frozenset(DAY_NAMES.index(d) for d in raw.working_days), start, end),
        leaver_reminder_every=timedelta(days=raw.leaver_reminder_every_days),
    )


DEFAULT_RULES = rules_from(None)


# -- who may start and cancel a leaver checklist -------------------------------------------------------
# Ending someone's roles and handing on their accounts is a use of authority, so the lines are drawn
# here, as data, and nowhere else.


@dataclass(frozen=True)
class LeaverAuthority:
    # May start a checklist for anyone in the organisation (but never for themselves).
    for_anyone: frozenset[Role]
    # May start one only for people on the projects they manage...
    for_own_projects: frozenset[Role]
    # ...and never for someone holding one of these roles: that needs someone in `for_anyone`.
    protected: frozenset[Role]
    # Besides the person who started it, these may cancel a checklist before the leaving date.
    may_cancel: frozenset[Role]
    # Accounts handed to the person who started the checklist need one of these roles to confirm it.
    confirms_handover_to_starter: frozenset[Role]

    @property
    def starters(self) -> frozenset[Role]:
        return self.for_anyone | self.for_own_projects

    def may_start(self, requester: Member, leaver: Member) -> bool:
        if requester.key == leaver.key:
            return False
        if requester.has(*self.for_anyone):
            return True
        if not requester.has(*self.for_own_projects) or leaver.has(*self.protected):
            return False
        return bool(requester.manages & (leaver.projects | leaver.manages | leaver.leads))

    def may_cancel_as(self, actor: Member | None, started_by: str, leaver: str) -> bool:
        # Never the leaver themselves, even an admin: their leaving is someone else's decision.
        if actor is None or actor.key == leaver:
            return False
        return actor.key == started_by or actor.has(*self.may_cancel)

    def may_take_over_accounts(self, requester: Member) -> bool:
        return requester.has(*self.confirms_handover_to_starter)


LEAVER_AUTHORITY = LeaverAuthority(
    for_anyone=frozenset({Role.ADMIN, Role.CEO}),
    for_own_projects=frozenset({Role.PROJECT_MANAGER}),
    protected=frozenset({Role.CEO, Role.CHAIR, Role.SAFEGUARDING_LEAD, Role.DEPUTY_SAFEGUARDING_LEAD, Role.ADMIN}),
    may_cancel=frozenset({Role.ADMIN, Role.CEO}),
    confirms_handover_to_starter=frozenset({Role.ADMIN}),
)


# -- who may start an urgent password change at once -----------------------------------------------------
# A suspected exposure (policy 2) reminds the owner every hour, at any hour, until the password changes.
# Raising one stays open to everyone, but only the people below start it directly: anyone else's flag
# (`/accounts exposed`, or a password report) goes to the admins as an urgent report, and an admin
# starts the change from there.


class AccountPart(StrEnum):
    """How someone holds an account."""

    OWNER = "owner"
    ACCESS = "access"
    OVERALL_ACCESS = "overall_access"


@dataclass(frozen=True)
class ExposureAuthority:
    # Holding the account in one of these ways...
    holders: frozenset[AccountPart]
    # ...or having one of these roles starts the urgent change at once.
    roles: frozenset[Role]

    def may_start(self, member: Member | None, held: Collection[AccountPart]) -> bool:
        """`held`: how `member` holds the account in question (empty if not at all)."""
        if member is None:
            return False
        return bool(self.holders.intersection(held)) or member.has(*self.roles)


EXPOSURE_AUTHORITY = ExposureAuthority(
    holders=frozenset({AccountPart.OWNER, AccountPart.ACCESS, AccountPart.OVERALL_ACCESS}),
    roles=frozenset({Role.ADMIN}),
)
