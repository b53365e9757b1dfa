"""How well reports were handled: the figures trustees review each year (issue 18).

Pure functions over plain records (`ReportTiming`), so they can be checked on a constructed year of
data, and one loader that reads those records for a stretch of time in two queries.

Each figure is about a cohort: the reports filed in a window, judged as they stood at a moment (the
end of the window, or now if that is sooner), so a period's report says the same whenever it is made.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.reports.kinds import ClockId
from bot.services import Services
from storage.models import AuditEntry, Report, ReportClock, ReportParty


@dataclass(frozen=True)
class ReportTiming:
    """One report's moments, and nothing a person wrote."""

    kind: str
    created_at: datetime
    # The deadline it was given when filed (a report passed on gets a new one for its new people).
    acknowledge_deadline: datetime
    acknowledged_at: datetime | None = None
    resolved_at: datetime | None = None
    # When it was passed on, and whether automatically (nobody acknowledged in time), in order.
    passed_on: tuple[tuple[datetime, bool], ...] = ()
    # When it reached the last people of a chain of more than one tier (None: it never did).
    end_of_chain_at: datetime | None = None

    def responded_at(self) -> datetime | None:
        """The first answer: acknowledging it, or resolving it straight away without acknowledging it first."""
        moments = [m for m in (self.acknowledged_at, self.resolved_at) if m is not None]
        return min(moments) if moments else None

    def resolved_by(self, moment: datetime) -> bool:
        return self.resolved_at is not None and self.resolved_at <= moment


@dataclass(frozen=True)
class Spread:
    median: timedelta
    worst: timedelta


@dataclass(frozen=True)
class ResponseFigures:
    filed: int
    # Reports whose acknowledgement was due by then, or had been given: what the share is a share of.
    due: int
    in_time: int
    # Past their deadline and still not acknowledged.
    waiting: int
    to_acknowledge: Spread | None
    resolved: int
    to_resolve: Spread | None
    passed_on: int
    passed_on_automatically: int
    end_of_chain: int

    @property
    def still_open(self) -> int:
        return self.filed - self.resolved

    @property
    def share_in_time(self) -> float | None:
        return self.in_time / self.due if self.due else None


def median(durations: Sequence[timedelta]) -> timedelta:
    ordered = sorted(durations)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def spread(durations: Sequence[timedelta]) -> Spread | None:
    return Spread(median(durations), max(durations)) if durations else None


def response_figures(timings: Iterable[ReportTiming], as_of: datetime) -> ResponseFigures:
    """The figures for these reports (the caller picks the cohort), as they stood at `as_of`."""
    reports = [t for t in timings if t.created_at <= as_of]
    to_acknowledge, to_resolve = [], []
    in_time = waiting = passed_on = automatically = end_of_chain = 0
    for report in reports:
        answered = report.responded_at()
        if answered is not None and answered <= as_of:
            to_acknowledge.append(answered - report.created_at)
            in_time += answered <= report.acknowledge_deadline
        elif report.acknowledge_deadline < as_of:
            waiting += 1
        if report.resolved_by(as_of):
            to_resolve.append(report.resolved_at - report.created_at)  # type: ignore[operator]
        moves = [automatic for at, automatic in report.passed_on if at <= as_of]
        passed_on += bool(moves)
        automatically += any(moves)
        end_of_chain += report.end_of_chain_at is not None and report.end_of_chain_at <= as_of
    return ResponseFigures(
        filed=len(reports), due=len(to_acknowledge) + waiting, in_time=in_time, waiting=waiting,
        to_acknowledge=spread(to_acknowledge), resolved=len(to_resolve), to_resolve=spread(to_resolve),
        passed_on=passed_on, passed_on_automatically=automatically, end_of_chain=end_of_chain)


def by_kind(timings: Iterable[ReportTiming], as_of: datetime) -> dict[str, ResponseFigures]:
    groups: dict[str, list[ReportTiming]] = {}
    for timing in timings:
        groups.setdefault(timing.kind, []).append(timing)
    return {kind: response_figures(group, as_of) for kind, group in sorted(groups.items())}


@dataclass(frozen=True)
class ClockTiming:
    """One statutory clock's moments (a `report_clock` row), and nothing its handler wrote."""

    clock: ClockId
    started_at: datetime
    due_at: datetime
    # When its handler recorded what was decided (reported or not); None while nothing is recorded.
    decided_at: datetime | None = None
    # When its report was resolved (resolving a report stops its clocks, as the reminders do).
    report_resolved_at: datetime | None = None

    def open_at(self, moment: datetime) -> bool:
        return (self.started_at <= moment and not (self.decided_at is not None and self.decided_at <= moment)
                and not (self.report_resolved_at is not None and self.report_resolved_at <= moment))


@dataclass(frozen=True)
class ClockCount:
    running: int  # nothing recorded, report not resolved, deadline still ahead
    overdue: int  # nothing recorded, report not resolved, deadline passed

    @property
    def open(self) -> int:
        return self.running + self.overdue


def open_clocks(clocks: Iterable[ClockTiming], at: datetime) -> dict[ClockId, ClockCount]:
    """Statutory clocks open at `at`, for every body in `ClockId` order (zeros included): started by
    then, nothing recorded by then, and the report not resolved by then. Overdue once past `due_at`."""
    counts = {clock_id: [0, 0] for clock_id in ClockId}
    for clock in clocks:
        if clock.open_at(at):
            counts[clock.clock][clock.due_at < at] += 1
    return {clock_id: ClockCount(running=running, overdue=overdue) for clock_id, (running, overdue) in counts.items()}


async def load_clocks(session: AsyncSession, start: datetime, end: datetime) -> list[ClockTiming]:
    """Every statutory clock that was open at some moment from `start` to `end`, in one query. Reads only."""
    rows = (await session.execute(
        select(ReportClock.clock, ReportClock.started_at, ReportClock.due_at, ReportClock.decision,
               ReportClock.decided_at, Report.resolved_at)
        .join(Report, Report.id == ReportClock.report_id)
        .where(ReportClock.started_at <= end,
               or_(ReportClock.decided_at.is_(None), ReportClock.decided_at > start),
               or_(Report.resolved_at.is_(None), Report.resolved_at > start))
    )).all()
    clocks = []
    for clock, started, due, decision, decided, resolved in rows:
        if decision is not None and decided is None:
            # A decision without its moment (none is saved so today): it has been closed all along.
            continue
        try:
            clock_id = ClockId(clock)
        except ValueError:  # a clock this release no longer knows
            continue
        clocks.append(ClockTiming(clock_id, started, due, decided, resolved))
    return clocks


def duration_text(duration: timedelta) -> str:
    """"45 min", "2 h 15 min", "1 day 3 h": a person's reading of a span, rounded down to the minute."""
    minutes = int(duration.total_seconds() // 60)
    if minutes < 1:
        return "under a minute"
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return f"{days} day{'s' if days != 1 else ''}" + (f" {hours} h" if hours else "")
    if hours:
        return f"{hours} h" + (f" {minutes} min" if minutes else "")
    return f"{minutes} min"


def percent(share: float | None) -> str:
    return "-" if share is None else f"{round(share * 100)}%"


async def load_timings(session: AsyncSession, services: Services, start: datetime, end: datetime) -> list[ReportTiming]:
    """The reports filed from `start` to `end` (both included: callers pick their exact window), in two
    queries. Reads only: the caller's transaction is left as it was."""
    from bot.reports.workflow import acknowledge_deadline
    from bot.snapshot import org_snapshot

    rules = (await org_snapshot(services)).rules
    last_tier = (select(func.max(ReportParty.tier))
                 .where(ReportParty.report_id == Report.id, ReportParty.part == "handler")
                 .correlate(Report).scalar_subquery())
    filed = and_(Report.created_at >= start, Report.created_at <= end)
    rows = (await session.execute(
        select(Report.reference, Report.kind, Report.created_at, Report.acknowledge_by, Report.escalations,
               Report.immediate_risk, Report.acknowledged_at, Report.resolved_at, last_tier)
        .where(filed)
    )).all()
    moves: dict[str, list[tuple[datetime, dict]]] = {}  # type: ignore[type-arg]
    for reference, at, detail in (await session.execute(
        select(AuditEntry.subject_id, AuditEntry.at, AuditEntry.detail)
        .join(Report, Report.reference == AuditEntry.subject_id)
        .where(AuditEntry.action == "report.escalated", AuditEntry.subject_type == "report", filed)
    )).all():
        moves.setdefault(reference, []).append((at, detail or {}))

    timings = []
    for reference, kind, created, acknowledge_by, escalations, immediate_risk, acknowledged, resolved, last in rows:
        deadline, rule = acknowledge_by, rules.get(kind)  # type: ignore[call-overload]
        if escalations and rule is not None:
            # Passing it on (or reminding the last people) moved its deadline on; the one it was
            # given when filed follows from its kind's rule.
            deadline = acknowledge_deadline(rule, created, services, immediate_risk)
        passed = sorted(moves.get(reference, []), key=lambda move: move[0])
        # Each passing on moves a report one tier down its chain; the entry says which since it was recorded.
        reached = [at for n, (at, detail) in enumerate(passed, start=1) if last and int(detail.get("tier", n)) >= last]
        timings.append(ReportTiming(
            kind=kind, created_at=created, acknowledge_deadline=deadline, acknowledged_at=acknowledged,
            resolved_at=resolved, passed_on=tuple((at, bool(d.get("automatic"))) for at, d in passed),
            end_of_chain_at=reached[0] if reached else None))
    return timings
