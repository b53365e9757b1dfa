"""How long the bot keeps personal details, as data, and the erasure that applies it.

The periods below are the defaults; the organisation file may change them under `settings.retention`
(RetentionSettings). The README lists each default with its source. Erasure runs as a maintenance
task of the scheduler, at most once an hour per process, with the injected clock: it is idempotent
(what is erased is blank, and a second run finds nothing), and each run that erases anything writes
one audit entry with the counts by kind, which the weekly digest adds up.

Audit entries are kept: they hold ids and outcomes, never personal text.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from bot.reports.kinds import ReportKind
from bot.services import Services
from bot.snapshot import org_snapshot
from storage import retention as store
from storage.audit import record_audit
from storage.offered_files import delete_expired_offers

log = logging.getLogger(__name__)

ERASED_ACTION = "retention.erased"


@dataclass(frozen=True)
class Period:
    """A retention period, in calendar months and days (a year is 12 months)."""

    months: int = 0
    days: int = 0

    def before(self, moment: datetime) -> datetime:
        """`moment` moved back by the period: records older than this have passed it."""
        month_index = moment.year * 12 + (moment.month - 1) - self.months
        year, month = divmod(month_index, 12)
        day = min(moment.day, _days_in_month(year, month + 1))
        return moment.replace(year=year, month=month + 1, day=day) - timedelta(days=self.days)


def _days_in_month(year: int, month: int) -> int:
    following = datetime(year + month // 12, month % 12 + 1, 1)
    return (following - timedelta(days=1)).day


def years(n: int) -> Period:
    return Period(months=12 * n)


# -- the defaults, and why ---------------------------------------------------------------------------

# Resolved reports' personal details, by kind, counted from resolution. Six years is the general
# limitation period for claims (Limitation Act 1980). Child-protection concerns follow the IRMS
# Information Management Toolkit for Schools (with Keeping Children Safe in Education): until the
# child's 25th birthday; the bot does not hold dates of birth, so 25 years covers a child of any age.
# Allegations against staff follow the same toolkit: until the person's normal retirement age or 10
# years, whichever is longer; the bot does not know ages either, so 50 years covers someone of 18.
REPORT_YEARS: dict[ReportKind, int] = {
    ReportKind.PARTICIPANT_MISUSE: 6,
    ReportKind.TEAM_MEMBER_MISUSE: 50,
    ReportKind.ONLINE_SAFETY: 25,
    ReportKind.WORRYING_CONTACT: 6,
    ReportKind.PASSWORD_EXPOSURE: 6,
    ReportKind.DATA_BREACH: 6,
    ReportKind.COMPUTER_FAULT: 6,
    ReportKind.UNPERMITTED_PUBLICATION: 6,
    ReportKind.YOUNG_LEADER_MISUSE: 6,
}
# DBS code of practice: certificate information is kept no longer than needed, normally 6 months
# after the recruitment decision; the register keeps the check's type, date and review date.
DBS_CERTIFICATE_NUMBER_MONTHS = 6
# Moderation cases and guarded-channel notices, and the bot's copies of the messages it delivered.
MODERATION_CASE_DAYS = 365
GUARDED_NOTICE_DAYS = 365
SENT_MESSAGE_DAYS = 365
# Absences (/away and the organisation file's), counted from the day they end: long enough to answer
# "why did this report skip me?" for a quarter; the report's own history keeps the reason for good.
ABSENCE_DAYS = 90
# A case's record offered to someone in Teams, who has not allowed it yet (bot/teams/files.py): it holds
# the case's details, so it is kept no longer than a working day and a night; after that they export again.
OFFERED_FILE_HOURS = 24

# How each kind of erased record is named in the audit entry and the digest.
KIND_LABELS: dict[str, str] = {
    "reports": "resolved reports' details",
    "dbs_certificate_numbers": "DBS certificate numbers",
    "moderation_cases": "moderation cases",
    "guarded_notices": "guarded-channel notices",
    "sent_messages": "copies of sent messages",
    "absences": "absences that ended",
    "offered_files": "case records offered in Teams and not taken",
}

Years = Annotated[int, Field(ge=1, le=100)]


class RetentionSettings(BaseModel):
    """`settings.retention` in the organisation file: any of the periods above, changed."""

    model_config = ConfigDict(extra="forbid")

    report_years: dict[ReportKind, Years] = Field(default_factory=dict)
    dbs_certificate_number_months: int = Field(default=DBS_CERTIFICATE_NUMBER_MONTHS, ge=1, le=120)
    moderation_case_days: int = Field(default=MODERATION_CASE_DAYS, ge=1, le=36500)
    guarded_notice_days: int = Field(default=GUARDED_NOTICE_DAYS, ge=1, le=36500)
    sent_message_days: int = Field(default=SENT_MESSAGE_DAYS, ge=1, le=36500)
    absence_days: int = Field(default=ABSENCE_DAYS, ge=1, le=36500)
    offered_file_hours: int = Field(default=OFFERED_FILE_HOURS, ge=1, le=24 * 14)

    def report_period(self, kind: ReportKind) -> Period:
        return years(self.report_years.get(kind, REPORT_YEARS[kind]))


async def retention_settings(services: Services) -> RetentionSettings:
    config = (await org_snapshot(services)).config
    return RetentionSettings.model_validate((config.settings.get("retention") if config else None) or {})


# -- erasure ------------------------------------------------------------------------------------------

LAST_RUN = "retention.last_run"
EVERY = timedelta(hours=1)


async def erase_expired(services: Services) -> Counter[str]:
    """Maintenance: erase everything whose retention period has passed; the counts by kind."""
    now = services.now()
    last = services.cache.get(LAST_RUN)
    if isinstance(last, datetime) and timedelta(0) <= now - last < EVERY:
        return Counter()
    settings = await retention_settings(services)
    counts: Counter[str] = Counter()
    async with services.db.unit_of_work(background=True) as session:
        for kind in ReportKind:
            counts["reports"] += await store.erase_resolved_reports(session, kind.value, settings.report_period(kind).before(now))
        counts["dbs_certificate_numbers"] += await store.erase_dbs_certificate_numbers(
            session, recorded_before=Period(months=settings.dbs_certificate_number_months).before(now))
        counts["moderation_cases"] += await store.delete_moderation_cases(
            session, created_before=Period(days=settings.moderation_case_days).before(now))
        counts["guarded_notices"] += await store.delete_guarded_notices(
            session, created_before=Period(days=settings.guarded_notice_days).before(now))
        counts["sent_messages"] += await store.delete_sent_messages(
            session, created_before=Period(days=settings.sent_message_days).before(now))
        counts["absences"] += await store.delete_ended_absences(
            session, ended_before=Period(days=settings.absence_days).before(now))
        # Each offer's expiry was set from `offered_file_hours` when it was made.
        counts["offered_files"] += await delete_expired_offers(session, now)
        counts = +counts  # drop the kinds with nothing erased
        if counts:
            await record_audit(session, at=now, actor="system", action=ERASED_ACTION, subject_type="retention",
                               subject_id=services.local_now().date().isoformat(), detail={"counts": dict(counts)})
    if counts:
        log.info("erased under the retention rules: %s", dict(counts))
        if not await services.db.reclaim_erased_space():
            log.warning("the database's write-ahead log was busy; erased pages leave it at its next checkpoint")
    services.cache[LAST_RUN] = now
    return counts
