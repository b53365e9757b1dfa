"""When to nudge whom about a password. Pure: the account's facts and the time in, a plan out.

One check timer per account fires at `Plan.next_check`; the handler applies the plan and schedules the
next. Because the plan is worked out from the facts at the moment it runs, a check that fires late
(after downtime) sends the one nudge that is due now, never the ones it missed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum

from bot.accounts.policy import RotationRules


class Stage(StrEnum):
    OK = "ok"
    SOON = "soon"
    DUE = "due"
    OVERDUE = "overdue"
    EXPOSED = "exposed"


STATUS_WORDS = {Stage.OK: "ok", Stage.SOON: "due soon", Stage.DUE: "due today", Stage.OVERDUE: "overdue",
                Stage.EXPOSED: "change now (may have been revealed)"}
# A password is "due" on its (local) day; from the next day on it is overdue.
DUE_DAY = timedelta(days=1)
_NUDGED_STAGES = {s.value for s in (Stage.SOON, Stage.DUE, Stage.OVERDUE)}


@dataclass(frozen=True)
class RotationFacts:
    due_at: datetime
    exposed: bool = False
    snoozed_until: datetime | None = None
    last_nudged_at: datetime | None = None
    last_nudge_stage: str = ""
    escalated: bool = False


@dataclass(frozen=True)
class Plan:
    nudge: Stage | None
    escalate: bool
    next_check: datetime


def _local_midnight(day: date, tz: tzinfo) -> datetime:
    return datetime.combine(day, time.min, tzinfo=tz).astimezone(UTC)


def due_day(facts: RotationFacts, tz: tzinfo) -> tuple[datetime, datetime]:
    """The whole local day the password is due on, as [start, end): a password due at noon is "due
    today" from the morning, not a heads-up until lunchtime."""
    day = facts.due_at.astimezone(tz).date()
    return _local_midnight(day, tz), _local_midnight(day + DUE_DAY, tz)


def heads_up_from(facts: RotationFacts, rules: RotationRules, tz: tzinfo) -> datetime:
    return min(facts.due_at - rules.remind_before, due_day(facts, tz)[0])


def stage_at(facts: RotationFacts, now: datetime, rules: RotationRules, tz: tzinfo) -> Stage:
    if facts.exposed:
        return Stage.EXPOSED
    day_starts, day_ends = due_day(facts, tz)
    if now < heads_up_from(facts, rules, tz):
        return Stage.OK
    if now < day_starts:
        return Stage.SOON
    if now < day_ends:
        return Stage.DUE
    return Stage.OVERDUE


def plan(facts: RotationFacts, now: datetime, rules: RotationRules, tz: tzinfo) -> Plan:
    stage = stage_at(facts, now, rules, tz)
    if stage is Stage.EXPOSED:
        # Urgent: at any hour, and again every `exposure_every` until the change is recorded.
        last = facts.last_nudged_at if facts.last_nudge_stage == Stage.EXPOSED.value else None
        if last is None or now >= last + rules.exposure_every - timedelta(minutes=1):
            return Plan(Stage.EXPOSED, False, now + rules.exposure_every)
        return Plan(None, False, last + rules.exposure_every)

    snoozed = facts.snoozed_until is not None and now < facts.snoozed_until
    snooze_ended = (
        facts.snoozed_until is not None and facts.last_nudged_at is not None
        and facts.last_nudged_at < facts.snoozed_until <= now
    )
    nudge: Stage | None = None
    if stage is not Stage.OK and not snoozed:
        first_of_stage = facts.last_nudge_stage not in _NUDGED_STAGES or (
            stage is not Stage.SOON and facts.last_nudge_stage == Stage.SOON.value
        )
        repeat_due = (
            stage is Stage.OVERDUE and facts.last_nudged_at is not None
            and now >= facts.last_nudged_at + rules.overdue_every
        )
        if first_of_stage or repeat_due or snooze_ended:
            nudge = stage
    escalate_at = facts.due_at + rules.escalate_after
    escalate = not facts.escalated and now >= escalate_at

    if (nudge or escalate) and not rules.hours.contains(now, tz):
        # Not urgent, so it waits for working hours; the plan is made again then.
        return Plan(None, False, rules.hours.next_open(now, tz))

    candidates: list[datetime] = []
    if stage is Stage.OK:
        candidates.append(heads_up_from(facts, rules, tz))
    elif stage is Stage.SOON:
        candidates.append(due_day(facts, tz)[0])
    else:
        last = now if nudge else (facts.last_nudged_at or now)
        candidates.append(last + rules.overdue_every)
    if snoozed and facts.snoozed_until is not None:
        candidates = [facts.snoozed_until]
    if not facts.escalated and not escalate:
        candidates.append(escalate_at)
    upcoming = [moment for moment in candidates if moment > now] or [now + timedelta(hours=1)]
    return Plan(nudge, escalate, rules.hours.next_open(min(upcoming), tz))
