"""A constructed year of reports with known figures (issue 18), saved through the storage layer.

December 2025 to November 2026, in London time:
- a data breach on the 3rd of each month at 10:00 (12), acknowledged after 10, 20, ... 120 minutes
  (deadline one hour: 6 of 12 in time; median 65 min, worst 2 h), resolved after 1, 2, ... 12 days
  (median 6 days 12 h, worst 12 days). Its ICO clock (72 hours from filing) has nothing recorded, so
  it stays open until the breach is resolved;
- two computer faults on the first Monday of each month at 10:00 (24; deadline the next working day):
  one acknowledged after 2 hours and resolved after 3 days, one acknowledged after 30 hours (late) and
  never resolved: 12 of 24 in time, median 16 h, worst 30 h; 12 resolved, median and worst 3 days;
- three online-safety concerns on 10 June 2026 at 10:00 (chain of three tiers, one hour): one
  acknowledged after 30 minutes; one passed on once automatically then acknowledged after 2 hours; one
  passed on twice automatically (reaching the end of its chain) and acknowledged after 4 hours. The two
  passed on were given new deadlines, stored on the report; they still count as late (the deadline set
  when filed was one hour). 1 of 3 in time, median 2 h, worst 4 h; 1 at the end of its chain.

Every report's description names Zebedee Quill, who must never appear in figures for trustees.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.services import Services
from storage.models import AuditEntry, Report, ReportClock, ReportParty

LONDON = ZoneInfo("Europe/London")
PRIVATE_NAME = "Zebedee Quill"
PRIVATE_WORDS = "Zebedee Quill's phone was left unlocked in the studio"
REPORTER = "U0LEADER01"  # Dan Hughes in the example organisation file
REPORTER_NAME = "Dan Hughes"
# The moment the figures are asked for: the end of the constructed year.
YEAR_END = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
MONTHS = [(2025, 12)] + [(2026, m) for m in range(1, 12)]


def local(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=LONDON).astimezone(UTC)


def first_monday(year: int, month: int) -> date:
    day = date(year, month, 1)
    return day + timedelta(days=(7 - day.weekday()) % 7)


class YearBuilder:
    def __init__(self, services: Services) -> None:
        self.services = services
        self.count = 0
        self.reports: list[Report] = []
        self.audits: list[AuditEntry] = []

    def report(self, kind: str, created: datetime, deadline: datetime, *, acknowledged: timedelta | None,
               resolved: timedelta | None = None, tiers: int = 2, reached_tier: int = 0, stored_deadline: datetime | None = None,
               ico: bool = False) -> Report:
        self.count += 1
        reference = f"TMW-{created.year}-{self.count:04d}"
        report = Report(
            reference=reference, submission_key=f"year:{self.count}", kind=kind,
            status="resolved" if resolved else ("acknowledged" if acknowledged else "open"),
            reporter_id=REPORTER, details_enc=self.services.cipher.encrypt_json({"description": PRIVATE_WORDS}),
            created_at=created, routed_at=created, tier=reached_tier, acknowledge_by=stored_deadline or deadline,
            acknowledged_at=created + acknowledged if acknowledged else None, acknowledged_by="U0ANITA001" if acknowledged else None,
            resolved_at=created + resolved if resolved else None, resolved_by="U0ANITA001" if resolved else None,
            escalations=reached_tier,
        )
        if ico:
            report.clocks.append(ReportClock(clock="ico", started_at=created, due_at=created + timedelta(hours=72)))
        report.parties = [ReportParty(person_key=f"U0TIER000{tier}", part="handler", tier=tier, role_label="the CEO")
                          for tier in range(tiers)]
        for tier in range(1, reached_tier + 1):
            self.audits.append(AuditEntry(at=created + timedelta(hours=tier), actor="system", action="report.escalated",
                                          subject_type="report", subject_id=reference,
                                          detail={"tier": tier, "automatic": True, "to": [f"U0TIER000{tier}"]}))
        self.reports.append(report)
        return report

    def year(self) -> None:
        for n, (year, month) in enumerate(MONTHS, start=1):
            filed = local(year, month, 3)
            self.report("data_breach", filed, filed + timedelta(hours=1), acknowledged=timedelta(minutes=10 * n),
                        resolved=timedelta(days=n), ico=True)
            monday = first_monday(year, month)
            filed = local(monday.year, monday.month, monday.day)
            next_day = local(monday.year, monday.month, monday.day + 1)
            self.report("computer_fault", filed, next_day, acknowledged=timedelta(hours=2), resolved=timedelta(days=3))
            self.report("computer_fault", filed, next_day, acknowledged=timedelta(hours=30))
        filed = local(2026, 6, 10)
        self.report("online_safety", filed, filed + timedelta(hours=1), acknowledged=timedelta(minutes=30), tiers=3)
        self.report("online_safety", filed, filed + timedelta(hours=1), acknowledged=timedelta(hours=2), tiers=3,
                    reached_tier=1, stored_deadline=filed + timedelta(hours=2))
        self.report("online_safety", filed, filed + timedelta(hours=1), acknowledged=timedelta(hours=4), tiers=3,
                    reached_tier=2, stored_deadline=filed + timedelta(hours=3))

    async def save(self) -> None:
        async with self.services.db.unit_of_work() as session:
            session.add_all(self.reports)
            session.add_all(self.audits)


async def a_constructed_year(services: Services) -> YearBuilder:
    builder = YearBuilder(services)
    builder.year()
    await builder.save()
    return builder
