"""Each section of the digest is computed on its own from stored data, so one missing table or one
failing query never stops the rest. Sections say counts and roles only: no report's words, no names."""

from __future__ import annotations

from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.messages import Code, Icon, Text
from bot.reports.figures import (
    ResponseFigures,
    Spread,
    by_kind,
    duration_text,
    load_clocks,
    load_timings,
    open_clocks,
    percent,
    response_figures,
)
from bot.reports.kinds import DEFAULT_RULES, STATUTORY_CLOCKS, ClockId, ReportKind
from bot.services import Services
from storage.models import AuditEntry, CheckFinding, ModerationCase, Report, ReportClock


@dataclass(frozen=True)
class Window:
    """The moments after `start` up to and including `end`. A digest posted at `end` counts what has
    happened by then, even at that very instant (an escalation the same catch-up run has just made, a
    report filed a moment ago); the next week starts after it, so each event is counted in one week."""

    start: datetime
    end: datetime

    def previous(self) -> Window:
        return Window(self.start - (self.end - self.start), self.start)

    def holds(self, moment: Any) -> ColumnElement[bool]:
        """The condition that a stored moment (a column) falls in this window."""
        return and_(moment > self.start, moment <= self.end)


def last_seven_days(now: datetime) -> Window:
    return Window(now - timedelta(days=7), now)


def open_at(moment: datetime) -> ColumnElement[bool]:
    """Reports filed by `moment` and not resolved by then: last week's "still open" plus this week's
    opened, less this week's resolved."""
    return and_(Report.created_at <= moment, or_(Report.resolved_at.is_(None), Report.resolved_at > moment))


@dataclass(frozen=True)
class Figure:
    label: str
    now: int
    before: int | None = None

    @property
    def change(self) -> str:
        if self.before is None:
            return ""
        delta = self.now - self.before
        return " (same as last week)" if delta == 0 else f" ({'+' if delta > 0 else '−'}{abs(delta)} on last week)"


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    figures: list[Figure] = field(default_factory=list)
    notes: list[Text] = field(default_factory=list)
    # Where the detail can be seen, for those allowed: shown as a button to the App Home.
    has_detail: bool = False


SectionBuilder = Callable[[AsyncSession, Window, datetime, Services], Awaitable[Section | None]]


def _kind_label(kind: str) -> str:
    try:
        return DEFAULT_RULES[ReportKind(kind)].label
    except ValueError:
        return kind


async def _count_by(session: AsyncSession, column, kind_column, window: Window) -> Counter[str]:  # type: ignore[no-untyped-def]
    rows = await session.execute(
        select(kind_column, func.count()).where(window.holds(column)).group_by(kind_column)
    )
    return Counter({str(k): int(n) for k, n in rows.all()})


async def reports_section(session: AsyncSession, window: Window, now: datetime, services: Services) -> Section:
    before = window.previous()
    figures = []
    for label, column in (("opened", Report.created_at), ("acknowledged", Report.acknowledged_at), ("resolved", Report.resolved_at)):
        this_week = await _count_by(session, column, Report.kind, window)
        last_week = await _count_by(session, column, Report.kind, before)
        figures.append(Figure(f"Reports {label}", sum(this_week.values()), sum(last_week.values())))
    open_rows = (await session.execute(
        select(Report.kind, Report.created_at, Report.acknowledge_by, Report.status)
        .where(open_at(window.end))
    )).all()
    open_by_kind = Counter(kind for kind, *_ in open_rows)
    open_last_week = await session.scalar(select(func.count()).select_from(Report).where(open_at(before.end))) or 0
    figures.append(Figure("Reports still open", len(open_rows), open_last_week))
    notes: list[Text] = [f"{n} open: {_kind_label(kind).lower()}" for kind, n in sorted(open_by_kind.items())]
    if open_rows:
        kind, created, *_ = min(open_rows, key=lambda r: r[1])
        notes.append(f"Oldest open: {(window.end - created).days} days ({_kind_label(kind).lower()})")
    # Deadlines are about what to do now, so they are judged on each report as it stands now.
    overdue = [r for r in open_rows if r[3] == "open" and r[2] < now]
    if overdue:
        notes.append((Icon.WARNING, f" {len(overdue)} not acknowledged by their deadline"))
    return Section("reports", "Reports", figures, notes, has_detail=True)


async def clocks_section(session: AsyncSession, window: Window, now: datetime, services: Services) -> Section | None:
    """Statutory clocks (the ICO, the LADO, the Charity Commission) with nothing recorded yet, on reports
    not resolved, as they stand now: how many per body, and how long each has left or is overdue; the
    total beside how many were open at the start of the week. The digest's one place for open clocks."""
    rows = (await session.execute(
        select(ReportClock.clock, ReportClock.due_at, Report.kind)
        .join(Report, Report.id == ReportClock.report_id)
        .where(ReportClock.decision.is_(None), Report.status != "resolved")
        .order_by(ReportClock.due_at)
    )).all()
    a_week_ago = sum(c.open for c in open_clocks(await load_clocks(session, window.start, window.start), window.start).values())
    if not rows and not a_week_ago:
        return None
    notes: list[Text] = []
    for clock_id in ClockId:
        due = [(due_at, kind) for clock, due_at, kind in rows if clock == clock_id.value]
        if not due:
            continue
        clock = STATUTORY_CLOCKS[clock_id]
        overdue = sum(1 for due_at, _ in due if due_at <= now)
        notes.append((f"{clock.body}: {len(due)} open", *((", ", Icon.WARNING, f" {overdue} overdue") if overdue else ())))
        for due_at, kind in due:
            hours = int((due_at - now).total_seconds() // 3600)
            what = _kind_label(kind).lower()
            if due_at <= now:
                notes.append((Icon.WARNING, f" {what}: {-hours} hours past the deadline to {clock.to_do}"))
            elif not clock.promptly:
                notes.append((Icon.DEADLINE, f" {what}: {hours} hours left to {clock.to_do}"))
    return Section("clocks", "Deadlines to tell bodies outside", [Figure("Open deadlines, nothing recorded yet", len(rows), a_week_ago)], notes)


async def escalations_section(session: AsyncSession, window: Window, now: datetime, services: Services) -> Section:
    async def count(w: Window) -> int:
        rows = (await session.execute(
            select(AuditEntry.detail).where(AuditEntry.action == "report.escalated", w.holds(AuditEntry.at))
        )).scalars().all()
        return sum(1 for detail in rows if (detail or {}).get("automatic"))

    return Section("escalations", "Escalations", [Figure("Reports passed on because nobody acknowledged them in time",
                                                         await count(window), await count(window.previous()))])


def _previous_four_weeks(window: Window) -> Window:
    return Window(window.start - timedelta(days=28), window.start)


async def response_section(session: AsyncSession, window: Window, now: datetime, services: Services) -> Section | None:
    """How well this week's reports were handled, kind by kind, beside the four weeks before it. Each
    cohort is judged as it stood at the end of its own weeks (see bot/reports/figures.py)."""
    before = _previous_four_weeks(window)
    timings = await load_timings(session, services, before.start, window.end)
    this_week = [t for t in timings if window.start < t.created_at <= window.end]
    earlier = [t for t in timings if before.start < t.created_at <= before.end]
    if not this_week and not earlier:
        return None
    notes: list[Text] = ["Reports filed this week, beside those filed in the previous four weeks."]
    notes += _response_lines("All reports", response_figures(this_week, window.end), response_figures(earlier, before.end))
    now_by_kind, before_by_kind = by_kind(this_week, window.end), by_kind(earlier, before.end)
    for kind in [k.value for k in ReportKind if k.value in now_by_kind or k.value in before_by_kind]:
        empty = response_figures([], window.end)
        notes += _response_lines(_kind_label(kind), now_by_kind.get(kind, empty), before_by_kind.get(kind, empty))
    # Open statutory clocks are said once, in clocks_section.
    return Section("response", "How reports were handled", notes=notes)


def _response_lines(label: str, now: ResponseFigures, before: ResponseFigures) -> list[str]:
    def in_time(f: ResponseFigures) -> str:
        return f"{f.in_time} of {f.due} ({percent(f.share_in_time)})" if f.due else "none due yet"

    def times(spread: Spread | None) -> str:
        return f"median {duration_text(spread.median)}, worst {duration_text(spread.worst)}" if spread else "none yet"

    lines = [f"{label}: {now.filed} filed (previous four weeks: {before.filed})",
             f"    acknowledged within the deadline: {in_time(now)} (previous four weeks: {in_time(before)})",
             f"    time to acknowledge: {times(now.to_acknowledge)} (previous four weeks: {times(before.to_acknowledge)})",
             f"    time to resolve: {times(now.to_resolve)} (previous four weeks: {times(before.to_resolve)})"]
    if now.end_of_chain or before.end_of_chain:
        lines.append(f"    reached the end of their chain: {now.end_of_chain} (previous four weeks: {before.end_of_chain})")
    return lines


async def checks_section(session: AsyncSession, window: Window, now: datetime, services: Services) -> Section:
    this_week = await _count_by(session, CheckFinding.at, CheckFinding.kind, window)
    last_week = await _count_by(session, CheckFinding.at, CheckFinding.kind, window.previous())
    figures = [Figure("Personal details caught before going out", sum(this_week.values()), sum(last_week.values()))]
    notes: list[Text] = [f"{n} × {kind.replace('_', ' ')}" for kind, n in this_week.most_common()]
    return Section("checks", "Outgoing checks", figures, notes)


async def moderation_section(session: AsyncSession, window: Window, now: datetime, services: Services) -> Section:
    async def by_rule(w: Window) -> Counter[str]:
        rows = (await session.execute(
            select(ModerationCase.findings).where(w.holds(ModerationCase.created_at))
        )).scalars().all()
        return Counter(f["rule"] for findings in rows for f in findings)

    this_week, last_week = await by_rule(window), await by_rule(window.previous())
    decisions = await _count_by(session, ModerationCase.decided_at, ModerationCase.state, window)
    waiting = await session.scalar(select(func.count()).select_from(ModerationCase).where(ModerationCase.state == "open")) or 0
    notes: list[Text] = [f"{n} × {rule.replace('_', ' ')}" for rule, n in this_week.most_common()]
    notes += [f"{n} {state.replace('_', ' ')}" for state, n in sorted(decisions.items())]
    if waiting:
        notes.append(f"{waiting} waiting for a moderator")
    return Section("moderation", "Moderated groups", [Figure("Posts flagged", sum(this_week.values()), sum(last_week.values()))], notes)


async def accounts_section(session: AsyncSession, window: Window, now: datetime, services: Services) -> Section:
    from storage.accounts import open_leavers, overdue_accounts

    overdue = await overdue_accounts(session, now)
    exposed = sum(1 for a in overdue if a.exposed_at is not None)
    leavers = await open_leavers(session)
    open_tasks = sum(1 for leaver in leavers for task in leaver.tasks if task.state == "open")
    notes: list[Text] = [(Icon.WARNING, f" {exposed} being changed after a suspected exposure")] if exposed else []
    if leavers:
        notes.append(f"{open_tasks} checklist task{'s' if open_tasks != 1 else ''} still to do")
    return Section("accounts", "Shared accounts and leavers",
                   [Figure("Accounts overdue for a password change", len(overdue)),
                    Figure("Leaver checklists still open", len(leavers))], notes)


async def dbs_section(session: AsyncSession, window: Window, now: datetime, services: Services) -> Section | None:
    from bot.dbs.workflow import expiring_within, register_in_use

    if not await register_in_use(session):
        return None
    expiring = await expiring_within(session, window.end.date(), 60)
    return Section("dbs", "DBS checks", [Figure("Due for review in the next 60 days", len(expiring))])


async def policy_section(session: AsyncSession, window: Window, now: datetime, services: Services) -> Section | None:
    from bot.policy.document import PolicyUnavailable
    from bot.policy.workflow import unsigned_by_role

    try:
        count, roles = await unsigned_by_role(services)
    except PolicyUnavailable:
        return None
    notes: list[Text] = [f"{n} × {role}" for role, n in roles.most_common()]
    return Section("policy", "Policy sign-off", [Figure("People who have not signed the current policy", count)], notes)


async def access_reviews_section(session: AsyncSession, window: Window, now: datetime, services: Services) -> Section:
    from bot.access_reviews import reviews_waiting

    return Section("access_reviews", "Young leaders' access", [Figure("Access reviews waiting for a decision", await reviews_waiting(session))])


async def retention_section(session: AsyncSession, window: Window, now: datetime, services: Services) -> Section | None:
    """One line: records erased under the retention rules this week, by kind (none: no section)."""
    from bot.retention import ERASED_ACTION, KIND_LABELS

    rows = (await session.execute(
        select(AuditEntry.detail).where(AuditEntry.action == ERASED_ACTION, window.holds(AuditEntry.at))
    )).scalars().all()
    counts = sum((Counter((detail or {}).get("counts", {})) for detail in rows), Counter[str]())
    if not counts:
        return None
    by_kind = ", ".join(f"{counts[kind]} × {label}" for kind, label in KIND_LABELS.items() if counts[kind])
    return Section("retention", "Retention", [Figure(f"Records erased under the retention rules ({by_kind})", sum(counts.values()))])


async def everyone_away_section(session: AsyncSession, window: Window, now: datetime, services: Services) -> Section | None:
    """Reports whose whole chain was away, so they went to the CEO and the Chair at once: a count, to
    flag that absences need better cover (see bot/absences.py). Nothing when there were none."""
    async def count(w: Window) -> int:
        return await session.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "report.everyone_away", w.holds(AuditEntry.at))) or 0

    this_week = await count(window)
    if not this_week:
        return None
    return Section("everyone_away", "Absences", [
        Figure("Reports sent to the CEO and the Chair because everyone on their chain was away", this_week,
               await count(window.previous()))],
        notes=[(Icon.WARNING, " people going away can name who covers for them (", Code("/away … cover @person"), ")")])


# In the order they appear. Each workflow adds its own as it lands.
SECTIONS: list[SectionBuilder] = [reports_section, clocks_section, escalations_section, response_section, checks_section,
                                  moderation_section, accounts_section, policy_section, dbs_section, access_reviews_section,
                                  retention_section, everyone_away_section]
