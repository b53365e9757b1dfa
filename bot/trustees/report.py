"""The trustees' report for a period: counts and roles only, never a name or a word anyone wrote.

Made by `tmw-bot report trustees` (a PDF or a CSV on the server) and by `/tmw trustees` (a PDF sent to
the CEO or the Chair alone). Every report made, and every refusal, is audited. Reports are judged as
they stood at the end of the period (or now, if that is sooner), so the same period gives the same
figures whenever it is asked for; the register-like figures (policy sign-off, DBS checks, access
reviews waiting) are as they stand on the day it is made.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import and_, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.dates import describe
from bot.directory import Member
from bot.errors import DomainError
from bot.org import Role
from bot.reports.figures import (
    ClockCount,
    ResponseFigures,
    by_kind,
    load_clocks,
    load_timings,
    open_clocks,
    response_figures,
)
from bot.reports.kinds import DEFAULT_RULES, ClockId, ReportKind
from bot.services import Services
from bot.snapshot import org_snapshot
from storage.audit import record_audit
from storage.models import AuditEntry, CheckFinding, DbsCheck, ModerationCase

CLI_ACTOR = "cli"
MAKERS = (Role.CEO, Role.CHAIR)
REFUSAL = ("The trustees' report is for the CEO and the Chair, so nothing has been made. "
           "Please ask one of them if the trustees need it.")
MADE, REFUSED = "trustees.report_made", "trustees.report_refused"
LONGEST = timedelta(days=3 * 366)  # a few years at most: one chart bar a month must stay legible
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def may_make(member: Member | None) -> bool:
    return member is not None and member.has(*MAKERS)


@dataclass(frozen=True)
class Period:
    """From the start of `first` to the end of `last`, both days in the organisation's timezone."""

    first: date
    last: date

    def start(self, services: Services) -> datetime:
        return datetime.combine(self.first, time(0), tzinfo=services.tz).astimezone(UTC)

    def end(self, services: Services) -> datetime:
        return datetime.combine(self.last + timedelta(days=1), time(0), tzinfo=services.tz).astimezone(UTC)

    def months(self) -> list[tuple[date, date]]:
        """Each calendar month the period touches, cut to the period: (first day, last day)."""
        months, day = [], self.first
        while day <= self.last:
            following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
            months.append((day, min(following - timedelta(days=1), self.last)))
            day = following
        return months

    @property
    def key(self) -> str:
        return f"{self.first.isoformat()}/{self.last.isoformat()}"


def parse_period(first: str, last: str, names: tuple[str, str] = ("--from", "--to")) -> Period:
    """Two ISO dates, the first not after the second. The message names the field that is wrong."""
    days = []
    for text, name in zip((first, last), names, strict=True):
        text = (text or "").strip()
        try:
            if not _ISO_DATE.fullmatch(text):
                raise ValueError(text)
            days.append(date.fromisoformat(text))
        except ValueError:
            raise DomainError(_sentence(f"{name} must be a date like 2026-09-01" + (f" (not “{text}”)." if text else "."))) from None
    if days[1] < days[0]:
        raise DomainError(_sentence(f"{names[1]} ({days[1].isoformat()}) is before {names[0]} ({days[0].isoformat()}): "
                                    "please give the first day of the period, then the last."))
    if days[1] - days[0] > LONGEST:
        raise DomainError("Please ask for at most three years at a time.")
    return Period(days[0], days[1])


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def last_twelve_months(today: date) -> Period:
    """The twelve calendar months before this one: what `/tmw trustees` reports on when given no dates."""
    first_of_this_month = today.replace(day=1)
    return Period(first_of_this_month.replace(year=first_of_this_month.year - 1), first_of_this_month - timedelta(days=1))


@dataclass(frozen=True)
class MonthOfKind:
    month: tuple[date, date]
    kind: str
    figures: ResponseFigures


@dataclass(frozen=True)
class TrusteesReport:
    organisation: str
    period: Period
    period_text: str  # "Tuesday 1 September 2026 to Monday 30 November 2026"
    made_at: str
    judged_at: str  # "at the end of Monday 30 November 2026", or "on <now>" for a period not over yet
    total: ResponseFigures
    kinds: dict[str, ResponseFigures]
    months: list[MonthOfKind]  # one per kind and month, every kind, every month
    month_totals: list[tuple[tuple[date, date], ResponseFigures]]
    clocks_at_end: dict[ClockId, ClockCount]  # every body, zeros included
    checks: Counter[str]
    flagged: Counter[str]  # moderated posts by rule
    decisions: Counter[str]  # moderators' decisions by outcome
    people: int
    unsigned: int | None  # None: the policy file could not be read
    unsigned_roles: Counter[str] = field(default_factory=Counter)
    dbs_in_use: bool = False
    dbs_current: int = 0
    dbs_due_soon: int = 0
    dbs_missing_roles: Counter[str] = field(default_factory=Counter)
    reviews_done: Counter[str] = field(default_factory=Counter)
    reviews_waiting: int = 0


def kind_label(kind: str) -> str:
    try:
        return DEFAULT_RULES[ReportKind(kind)].label
    except ValueError:
        return kind


async def build_report(session: AsyncSession, services: Services, period: Period) -> TrusteesReport:
    """The figures for `period`. Reads only; the caller records who made it (`record_made`)."""
    from bot.access_reviews import reviews_waiting
    from bot.dbs.workflow import ROLES_NEEDING_DBS, register_in_use
    from bot.policy.document import PolicyUnavailable
    from bot.policy.workflow import unsigned_by_role

    now, tz = services.now(), services.tz
    start, end = period.start(services), period.end(services)
    as_of = min(end, now)
    snapshot = await org_snapshot(services)
    timings = await load_timings(session, services, start, end)
    filed = [t for t in timings if start <= t.created_at < end]

    months: list[MonthOfKind] = []
    month_totals = []
    for month in period.months():
        in_month = [t for t in filed if _starts(month[0], services) <= t.created_at < _starts(month[1] + timedelta(days=1), services)]
        figures = by_kind(in_month, as_of)
        month_totals.append((month, response_figures(in_month, as_of)))
        months += [MonthOfKind(month, kind.value, figures.get(kind.value) or response_figures([], as_of)) for kind in ReportKind]

    checks = Counter({str(k): int(n) for k, n in (await session.execute(
        select(CheckFinding.kind, func.count()).where(_within(CheckFinding.at, start, end)).group_by(CheckFinding.kind))).all()})
    flagged = Counter(f["rule"] for findings in (await session.scalars(
        select(ModerationCase.findings).where(_within(ModerationCase.created_at, start, end)))).all() for f in findings)
    decisions = Counter({str(k): int(n) for k, n in (await session.execute(
        select(ModerationCase.state, func.count()).where(_within(ModerationCase.decided_at, start, end))
        .group_by(ModerationCase.state))).all()})
    reviews_done = Counter(str((detail or {}).get("decision", "decided")) for detail in (await session.scalars(
        select(AuditEntry.detail).where(AuditEntry.action == "access_review.decided", _within(AuditEntry.at, start, end)))).all())

    try:
        unsigned, unsigned_roles = await unsigned_by_role(services)
    except PolicyUnavailable:
        unsigned, unsigned_roles = None, Counter()
    today = services.local_now().date()
    dbs_in_use = await register_in_use(session)
    current = set((await session.scalars(select(DbsCheck.person_key).where(DbsCheck.next_review >= today))).all())
    due_soon = await session.scalar(select(func.count()).select_from(DbsCheck).where(
        DbsCheck.next_review >= today, DbsCheck.next_review <= today + timedelta(days=60))) or 0
    missing = Counter(role.value.replace("_", " ") for member in snapshot.directory.members for role in ROLES_NEEDING_DBS
                      if role in member.roles and member.key not in current)

    return TrusteesReport(
        organisation=snapshot.organisation_name, period=period,
        period_text=f"{describe(start, tz, False)} to {describe(end - timedelta(seconds=1), tz, False)}",
        made_at=describe(now, tz),
        judged_at=f"at the end of {describe(end - timedelta(seconds=1), tz, False)}" if as_of == end else f"on {describe(as_of, tz)}",
        total=response_figures(filed, as_of), kinds=by_kind(filed, as_of), months=months, month_totals=month_totals,
        clocks_at_end=open_clocks(await load_clocks(session, as_of, as_of), as_of), checks=checks, flagged=flagged, decisions=decisions,
        people=len(snapshot.directory.members), unsigned=unsigned, unsigned_roles=unsigned_roles,
        dbs_in_use=dbs_in_use, dbs_current=len(current), dbs_due_soon=due_soon, dbs_missing_roles=missing,
        reviews_done=reviews_done, reviews_waiting=await reviews_waiting(session),
    )


def _starts(day: date, services: Services) -> datetime:
    return datetime.combine(day, time(0), tzinfo=services.tz).astimezone(UTC)


def _within(column, start: datetime, end: datetime):  # type: ignore[no-untyped-def]
    return and_(column >= start, column < end)


async def record_made(session: AsyncSession, services: Services, period: Period, actor: str, fmt: str) -> None:
    """Audited in the caller's transaction, which also saves or sends the report: one is never without the other."""
    await record_audit(session, at=services.now(), actor=actor, action=MADE, subject_type="period", subject_id=period.key,
                       detail={"format": fmt})


async def record_refused(session: AsyncSession, services: Services, actor: str) -> None:
    await record_audit(session, at=services.now(), actor=actor, action=REFUSED, subject_type="period", subject_id="-")


# -- CSV ------------------------------------------------------------------------------------------------

CSV_HEADERS = (
    "month_start", "month_end", "kind", "kind_label", "filed", "acknowledgement_due", "acknowledged_in_time",
    "percent_in_time", "waiting_past_deadline", "median_minutes_to_acknowledge", "worst_minutes_to_acknowledge",
    "resolved", "still_open", "median_hours_to_resolve", "worst_hours_to_resolve", "passed_on",
    "passed_on_automatically", "reached_end_of_chain",
)


def _number(value: float | None) -> str:
    if value is None:
        return ""
    value = round(value, 1)
    return str(int(value)) if value.is_integer() else f"{value:.1f}"


def _minutes(duration: timedelta | None) -> str:
    return _number(None if duration is None else duration.total_seconds() / 60)


def _hours(duration: timedelta | None) -> str:
    return _number(None if duration is None else duration.total_seconds() / 3600)


def csv_text(report: TrusteesReport) -> str:
    """One row per kind and month (every kind, every month, zeros included), ISO dates, plain numbers."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADERS)
    for row in report.months:
        f = row.figures
        ack, resolve = f.to_acknowledge, f.to_resolve
        writer.writerow([
            row.month[0].isoformat(), row.month[1].isoformat(), row.kind, kind_label(row.kind), f.filed, f.due, f.in_time,
            _number(None if f.share_in_time is None else f.share_in_time * 100), f.waiting,
            _minutes(ack and ack.median), _minutes(ack and ack.worst), f.resolved, f.still_open,
            _hours(resolve and resolve.median), _hours(resolve and resolve.worst),
            f.passed_on, f.passed_on_automatically, f.end_of_chain,
        ])
    return out.getvalue()


def default_filename(period: Period, fmt: str) -> str:
    return f"trustees-{period.first.isoformat()}-to-{period.last.isoformat()}.{fmt}"

