"""The database schema. Every change here comes with an Alembic migration (storage/migrations)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, MetaData, String, Text, UniqueConstraint, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from storage.types import EncryptedText, UTCDateTime

# A person, by key: their key in the organisation file (at most 32 characters), or, for someone outside
# it, the platform's id for them: a Slack user id, or a Teams (Entra) object id of 36.
PERSON_KEY = String(64)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime, dict[str, Any]: JSON}  # noqa: RUF012 (SQLAlchemy's API)


class Organisation(Base):
    """The one organisation this deployment serves, as last loaded from its file."""

    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    reference_prefix: Mapped[str] = mapped_column(String(8))
    timezone: Mapped[str] = mapped_column(String(64))
    config: Mapped[dict[str, Any]] = mapped_column(JSON)
    source_sha256: Mapped[str] = mapped_column(String(64))
    loaded_at: Mapped[datetime]
    # Goes up with every change of who holds which role (a reload, a leaver): each process compares it
    # with the one its cached view of the organisation was read at (bot/snapshot.py).
    directory_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class OrgFileState(Base):
    """The one row (id 1, made by its migration) that says whether the organisation file on disk is
    broken, so the admins are told once (not each round, nor after each restart) and told again once
    it loads."""

    __tablename__ = "org_file_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    broken_sha256: Mapped[str | None] = mapped_column(String(64), default=None)
    noticed_at: Mapped[datetime | None] = mapped_column(default=None)


class Person(Base):
    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    # How every other table names this person (bot/org.py PersonSpec.key; their Slack id unless the
    # organisation file gives a key).
    key: Mapped[str] = mapped_column(PERSON_KEY, unique=True)
    # Their identity on each platform, where they have one.
    slack_id: Mapped[str | None] = mapped_column(String(32), unique=True, default=None)
    teams_object_id: Mapped[str | None] = mapped_column(String(36), unique=True, default=None)
    teams_upn: Mapped[str | None] = mapped_column(String(254), default=None)
    # "slack" or "teams": where their messages go.
    notify_on: Mapped[str] = mapped_column(String(8), default="slack")
    name: Mapped[str] = mapped_column(String(200))
    # False once the person is no longer in the organisation file; rows stay for the audit trail.
    in_directory: Mapped[bool] = mapped_column(default=True)
    left_on: Mapped[date | None] = mapped_column(Date, default=None)

    roles: Mapped[list[PersonRole]] = relationship(
        back_populates="person", cascade="all, delete-orphan", lazy="selectin"
    )


class PersonRole(Base):
    __tablename__ = "person_role"
    __table_args__ = (UniqueConstraint("person_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(40))
    ends_on: Mapped[date | None] = mapped_column(Date, default=None)

    person: Mapped[Person] = relationship(back_populates="roles")


class Project(Base):
    __tablename__ = "project"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(default=True)


class ProjectMember(Base):
    __tablename__ = "project_member"
    __table_args__ = (UniqueConstraint("project_id", "person_id", "capacity"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    # "manager", "leader" or "member"
    capacity: Mapped[str] = mapped_column(String(16))


class OrgChannel(Base):
    __tablename__ = "org_channel"
    __table_args__ = (UniqueConstraint("purpose", "slack_channel_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # ceo_digest, safeguarding, moderation, guarded or moderated
    purpose: Mapped[str] = mapped_column(String(32))
    # The channel on each platform it is on (the organisation file names one or both).
    slack_channel_id: Mapped[str | None] = mapped_column(String(32), default=None)
    teams_team_id: Mapped[str | None] = mapped_column(String(200), default=None)
    teams_channel_id: Mapped[str | None] = mapped_column(String(200), default=None)
    name: Mapped[str] = mapped_column(String(80), default="")
    description: Mapped[str] = mapped_column(Text, default="")


class AuditEntry(Base):
    """Who did what to which record, and when. Never holds sensitive text: ids and outcomes only."""

    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_entry_subject", "subject_type", "subject_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(PERSON_KEY)
    action: Mapped[str] = mapped_column(String(64))
    subject_type: Mapped[str] = mapped_column(String(32))
    subject_id: Mapped[str] = mapped_column(String(64))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Timer(Base):
    """Something to do at a moment: an escalation, a reminder, a digest. Fired once by whoever claims it."""

    __tablename__ = "timer"
    __table_args__ = (Index("ix_timer_due", "state", "due_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(64))
    # Unique so that scheduling the same thing twice (a retry, a double click) is harmless.
    dedupe_key: Mapped[str] = mapped_column(String(200), unique=True)
    due_at: Mapped[datetime]
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # pending -> done | cancelled | failed
    state: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    fired_at: Mapped[datetime | None] = mapped_column(default=None)
    last_error: Mapped[str] = mapped_column(Text, default="")


class OutboxMessage(Base):
    """A message the bot owes someone. Written in the same transaction as the change it reports,
    then delivered (and retried) until the platform accepts it, so an outage loses nothing."""

    __tablename__ = "outbox_message"
    __table_args__ = (Index("ix_outbox_message_due", "state", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime]
    # A person, a channel by purpose, or a conversation (bot/addresses.py `encode`), never a platform's
    # id for a person: the platform is chosen, and its address worked out, when the message is sent.
    address: Mapped[str] = mapped_column(String(255))
    template: Mapped[str] = mapped_column(String(64))
    # What to render; encrypted because it may carry a report's details.
    params_enc: Mapped[str] = mapped_column(EncryptedText)
    # Messages with the same key are one message on the platform, updated in place.
    message_key: Mapped[str | None] = mapped_column(String(200), default=None)
    # pending -> sending -> sent | failed | superseded | unreadable (could not be decrypted); a reminder
    # to someone away starts "held", and becomes pending when they are back (bot/absences.py).
    state: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime]
    lease_until: Mapped[datetime | None] = mapped_column(default=None)
    last_error: Mapped[str] = mapped_column(Text, default="")
    sent_at: Mapped[datetime | None] = mapped_column(default=None)


class PostedMessage(Base):
    """Where a keyed message landed, on which platform, so later changes update it rather than post
    anew: on Slack a channel and a ts; on Teams a conversation, an activity id and the service URL to
    reach it by."""

    __tablename__ = "posted_message"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_key: Mapped[str] = mapped_column(String(200), unique=True)
    platform: Mapped[str] = mapped_column(String(16), default="slack")
    conversation: Mapped[str] = mapped_column(String(255))
    message_id: Mapped[str] = mapped_column(String(255))
    service_url: Mapped[str | None] = mapped_column(String(512), default=None)


class ProcessedDelivery(Base):
    """Slack deliveries (events, submissions) already handled: a retry of one is acknowledged and dropped."""

    __tablename__ = "processed_delivery"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    seen_at: Mapped[datetime]


class ReferenceCounter(Base):
    """The last number used for each year's references (TMW-2026-0042), claimed under a row lock."""

    __tablename__ = "reference_counter"
    __table_args__ = (UniqueConstraint("series", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    series: Mapped[str] = mapped_column(String(32))
    year: Mapped[int] = mapped_column(Integer)
    last: Mapped[int] = mapped_column(Integer, default=0)


class Report(Base):
    """An incident report. Anything a person wrote, and who it is about, is encrypted (the *_enc columns)."""

    __tablename__ = "report"
    __table_args__ = (Index("ix_report_status_kind", "status", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(32), unique=True)
    # The modal submission it came from: a repeated submission finds the report already made.
    submission_key: Mapped[str] = mapped_column(String(100), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    # open -> acknowledged -> resolved
    status: Mapped[str] = mapped_column(String(16), default="open")
    urgent: Mapped[bool] = mapped_column(default=False)
    immediate_risk: Mapped[bool] = mapped_column(default=False)
    activity_key: Mapped[str | None] = mapped_column(String(64), default=None)
    reporter_id: Mapped[str] = mapped_column(PERSON_KEY)
    name_only_to_handler: Mapped[bool] = mapped_column(default=False)
    # Who it is about, when a team member (encrypted: a report's subject is sensitive too).
    team_member_enc: Mapped[str | None] = mapped_column(EncryptedText, default=None)
    # description, participant, when_text, account: what the reporter wrote.
    details_enc: Mapped[str] = mapped_column(EncryptedText)
    happened_at: Mapped[datetime | None] = mapped_column(default=None)
    happened_has_time: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime]
    # Set once the report's people are worked out and told; a report saved but not yet routed (the
    # process stopped in between) is routed on the next round of the scheduler.
    routed_at: Mapped[datetime | None] = mapped_column(default=None)
    tier: Mapped[int] = mapped_column(Integer, default=0)
    acknowledge_by: Mapped[datetime]
    acknowledged_at: Mapped[datetime | None] = mapped_column(default=None)
    acknowledged_by: Mapped[str | None] = mapped_column(PERSON_KEY, default=None)
    resolved_at: Mapped[datetime | None] = mapped_column(default=None)
    resolved_by: Mapped[str | None] = mapped_column(PERSON_KEY, default=None)
    # Superseded by ReportClock (migration 0010 moved it there); kept so that going back a release
    # still finds each data breach's ICO deadline.
    ico_deadline: Mapped[datetime | None] = mapped_column(default=None)
    escalations: Mapped[int] = mapped_column(Integer, default=0)

    parties: Mapped[list[ReportParty]] = relationship(
        back_populates="report", cascade="all, delete-orphan", lazy="selectin", order_by="ReportParty.id"
    )
    notes: Mapped[list[ReportNote]] = relationship(
        back_populates="report", cascade="all, delete-orphan", lazy="selectin", order_by="ReportNote.id"
    )
    tasks: Mapped[list[ReportTask]] = relationship(
        back_populates="report", cascade="all, delete-orphan", lazy="selectin", order_by="ReportTask.id"
    )
    clocks: Mapped[list[ReportClock]] = relationship(
        back_populates="report", cascade="all, delete-orphan", lazy="selectin", order_by="ReportClock.id"
    )


class ReportParty(Base):
    """Someone on a report: a handler in tier N of its chain, a watcher, or someone told it exists."""

    __tablename__ = "report_party"
    __table_args__ = (UniqueConstraint("report_id", "person_key", "part"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"))
    person_key: Mapped[str] = mapped_column(PERSON_KEY)
    # handler, watcher or told
    part: Mapped[str] = mapped_column(String(16))
    tier: Mapped[int] = mapped_column(Integer, default=0)
    role_label: Mapped[str] = mapped_column(String(80))

    report: Mapped[Report] = relationship(back_populates="parties")


class ReportNote(Base):
    """Questions, answers, escalation reasons and resolutions, in order."""

    __tablename__ = "report_note"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"))
    at: Mapped[datetime]
    author: Mapped[str] = mapped_column(PERSON_KEY)
    # question, answer, escalation, resolution
    kind: Mapped[str] = mapped_column(String(16))
    text_enc: Mapped[str] = mapped_column(EncryptedText)
    # For a question: whether the reporter has answered it.
    answered: Mapped[bool] = mapped_column(default=False)

    report: Mapped[Report] = relationship(back_populates="notes")


class ReportTask(Base):
    """Follow-up work a report starts: a password to change, access to revoke, a post to take down."""

    __tablename__ = "report_task"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"))
    # rotate_password, revoke_access, take_down
    kind: Mapped[str] = mapped_column(String(32))
    state: Mapped[str] = mapped_column(String(16), default="open")
    created_at: Mapped[datetime]
    done_at: Mapped[datetime | None] = mapped_column(default=None)
    done_by: Mapped[str | None] = mapped_column(PERSON_KEY, default=None)

    report: Mapped[Report] = relationship(back_populates="tasks")


class ReportClock(Base):
    """A statutory clock a report started (bot/reports/kinds.py STATUTORY_CLOCKS: the ICO, the LADO, the
    Charity Commission), and what its handler recorded. The words they wrote are a report note."""

    __tablename__ = "report_clock"
    __table_args__ = (UniqueConstraint("report_id", "clock"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"))
    clock: Mapped[str] = mapped_column(String(32))
    started_at: Mapped[datetime]
    # The deadline; for a clock that says "promptly", when nothing recorded counts as overdue.
    due_at: Mapped[datetime]
    # When those beyond its handlers were first told it is overdue.
    escalated_at: Mapped[datetime | None] = mapped_column(default=None)
    # None while open; then reported or not_reported.
    decision: Mapped[str | None] = mapped_column(String(16), default=None)
    # The day it was reported, as the handler gave it.
    reported_on: Mapped[date | None] = mapped_column(Date, default=None)
    decided_at: Mapped[datetime | None] = mapped_column(default=None)
    decided_by: Mapped[str | None] = mapped_column(PERSON_KEY, default=None)

    report: Mapped[Report] = relationship(back_populates="clocks")


class RosterParticipant(Base):
    """A participant on the roster, as keyed hashes only: the file alone reveals no name or school."""

    __tablename__ = "roster_participant"

    id: Mapped[int] = mapped_column(primary_key=True)
    first_hash: Mapped[str] = mapped_column(String(64), index=True)
    last_hash: Mapped[str] = mapped_column(String(64), index=True)
    school_hash: Mapped[str | None] = mapped_column(String(64), default=None)
    # First name and surname initial ("Ella G"), for captions that shorten a surname.
    initial_hash: Mapped[str | None] = mapped_column(String(64), default=None)
    photo_consent: Mapped[bool] = mapped_column(default=True)


class CheckFinding(Base):
    """That an outgoing check found something of a kind: counts for the digest, never the text."""

    __tablename__ = "check_finding"
    __table_args__ = (Index("ix_check_finding_at", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    kind: Mapped[str] = mapped_column(String(32))
    # slash, shortcut or guarded (Slack), chat (`check` typed in Teams)
    source: Mapped[str] = mapped_column(String(16))


class GuardedNotice(Base):
    """A finding in a guarded channel, shown to the moderators with "Remove message" / "It's fine"."""

    __tablename__ = "guarded_notice"
    __table_args__ = (UniqueConstraint("channel_id", "message_ts"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime]
    # A Slack channel id, or a Teams one ("19:...@thread.tacv2", longer).
    channel_id: Mapped[str] = mapped_column(String(200))
    message_ts: Mapped[str] = mapped_column(String(32))
    user_id: Mapped[str] = mapped_column(PERSON_KEY)
    kinds: Mapped[list[str]] = mapped_column(JSON, default=list)
    # The redacted text only (what the moderators need), encrypted.
    redacted_enc: Mapped[str] = mapped_column(EncryptedText)
    # open -> removed | fine | already_removed
    state: Mapped[str] = mapped_column(String(16), default="open")
    decided_by: Mapped[str | None] = mapped_column(PERSON_KEY, default=None)
    decided_at: Mapped[datetime | None] = mapped_column(default=None)
    last_error: Mapped[str] = mapped_column(Text, default="")


class ModerationCase(Base):
    """A message in a moderated channel that broke a rule, waiting for (or given) a moderator's decision."""

    __tablename__ = "moderation_case"
    __table_args__ = (UniqueConstraint("channel_id", "message_ts"), Index("ix_moderation_case_user", "user_id", "created_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime]
    # A Slack channel id, or a Teams one ("19:...@thread.tacv2", longer).
    channel_id: Mapped[str] = mapped_column(String(200))
    message_ts: Mapped[str] = mapped_column(String(32))
    user_id: Mapped[str] = mapped_column(PERSON_KEY)
    # [{"rule": ..., "reason": ...}]
    findings: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    text_enc: Mapped[str] = mapped_column(EncryptedText)
    # open -> deleted | kept | warned | already_removed
    state: Mapped[str] = mapped_column(String(16), default="open")
    decided_by: Mapped[str | None] = mapped_column(PERSON_KEY, default=None)
    decided_at: Mapped[datetime | None] = mapped_column(default=None)
    last_error: Mapped[str] = mapped_column(Text, default="")


class SharedAccount(Base):
    """One of the charity's shared accounts (policy 5.4). Never holds a password: only who must change
    it, and by when. `cycle` counts rotations; nudge bookkeeping below belongs to the current cycle."""

    __tablename__ = "shared_account"
    __table_args__ = (Index("ix_shared_account_due", "active", "next_due_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # The normalised name ("instagram"), so "Instagram" and "insta gram" are one account.
    key: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    owner_id: Mapped[str] = mapped_column(PERSON_KEY)
    rotate_every_days: Mapped[int] = mapped_column(Integer)
    last_changed_at: Mapped[datetime | None] = mapped_column(default=None)
    next_due_at: Mapped[datetime]
    # schedule, leaver or exposure: why the current rotation is due.
    due_reason: Mapped[str] = mapped_column(String(16), default="schedule")
    # Listed in the organisation file (edited there) rather than added in Slack.
    from_file: Mapped[bool] = mapped_column(default=False)
    # The file's entry as last applied: the file overrides Slack edits only when that entry changes.
    spec_sha256: Mapped[str] = mapped_column(String(64), default="")
    active: Mapped[bool] = mapped_column(default=True)
    # Bumped whenever a new rotation is asked for (a change recorded, an exposure, a leaver): nudge
    # messages are keyed by it, and a button from an older cycle is out of date.
    cycle: Mapped[int] = mapped_column(Integer, default=0)
    # When the current rotation was asked for (an exposure, a leaver): a change before it does not count.
    rotation_requested_at: Mapped[datetime | None] = mapped_column(default=None)
    exposed_at: Mapped[datetime | None] = mapped_column(default=None)
    exposure_report_id: Mapped[int | None] = mapped_column(ForeignKey("report.id", ondelete="SET NULL"), default=None)
    snoozed_until: Mapped[datetime | None] = mapped_column(default=None)
    last_nudged_at: Mapped[datetime | None] = mapped_column(default=None)
    # soon, due, overdue or exposed: the stage the last nudge spoke of, so a stage is nudged once.
    last_nudge_stage: Mapped[str] = mapped_column(String(16), default="")
    nudges_sent: Mapped[int] = mapped_column(Integer, default=0)
    escalated_at: Mapped[datetime | None] = mapped_column(default=None)
    # The current check timer's number: a timer with an older number is stale and does nothing.
    check_seq: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    access: Mapped[list[AccountAccess]] = relationship(
        back_populates="account", cascade="all, delete-orphan", lazy="selectin", order_by="AccountAccess.id"
    )


class AccountAccess(Base):
    """Who can log in to a shared account; `overall` marks an admin with overall access (policy 5.4)."""

    __tablename__ = "account_access"
    __table_args__ = (UniqueConstraint("account_id", "person_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("shared_account.id", ondelete="CASCADE"))
    person_key: Mapped[str] = mapped_column(PERSON_KEY)
    overall: Mapped[bool] = mapped_column(default=False)
    granted_at: Mapped[datetime]
    # Set when the person leaves or their access is revoked; the row stays for the audit trail.
    revoked_at: Mapped[datetime | None] = mapped_column(default=None)

    account: Mapped[SharedAccount] = relationship(back_populates="access")


class Leaver(Base):
    """Someone leaving, and the checklist their leaving starts (policy 5.4: passwords must be changed)."""

    __tablename__ = "leaver"
    # One open checklist per leaver, however many people start one at the same moment.
    __table_args__ = (
        Index("uq_leaver_open_person_key", "person_key", unique=True,
              sqlite_where=text("state = 'open'"), postgresql_where=text("state = 'open'")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_key: Mapped[str] = mapped_column(PERSON_KEY, index=True)
    requested_by: Mapped[str] = mapped_column(PERSON_KEY)
    leaving_on: Mapped[date] = mapped_column(Date)
    # The modal submission it came from: a repeated submission finds the checklist already made.
    submission_key: Mapped[str] = mapped_column(String(100), unique=True)
    # open -> complete, or open -> cancelled (before the leaving date); "duplicate": a second open
    # checklist for the same person, from before only one could be open (migration 0007)
    state: Mapped[str] = mapped_column(String(16), default="open")
    created_at: Mapped[datetime]
    completed_at: Mapped[datetime | None] = mapped_column(default=None)
    reminders_sent: Mapped[int] = mapped_column(Integer, default=0)
    # What the checklist changed (owners, access, role end dates), to put back if it is cancelled.
    restore: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)

    tasks: Mapped[list[LeaverTask]] = relationship(
        back_populates="leaver", cascade="all, delete-orphan", lazy="selectin", order_by="LeaverTask.id"
    )


class LeaverTask(Base):
    """One line of a leaver's checklist: a password to change, a report to pass on, access to revoke."""

    __tablename__ = "leaver_task"

    id: Mapped[int] = mapped_column(primary_key=True)
    leaver_id: Mapped[int] = mapped_column(ForeignKey("leaver.id", ondelete="CASCADE"))
    # rotate, report, revoke_access, handover
    kind: Mapped[str] = mapped_column(String(16))
    account_id: Mapped[int | None] = mapped_column(ForeignKey("shared_account.id", ondelete="SET NULL"), default=None)
    report_id: Mapped[int | None] = mapped_column(ForeignKey("report.id", ondelete="SET NULL"), default=None)
    assignee_id: Mapped[str] = mapped_column(PERSON_KEY)
    label: Mapped[str] = mapped_column(String(200))
    # open -> done, or open -> cancelled with its checklist
    state: Mapped[str] = mapped_column(String(16), default="open")
    done_at: Mapped[datetime | None] = mapped_column(default=None)
    done_by: Mapped[str | None] = mapped_column(PERSON_KEY, default=None)

    leaver: Mapped[Leaver] = relationship(back_populates="tasks")


class PolicyVersion(Base):
    """Each version of the policy file the bot has seen (its version is a hash of the text)."""

    __tablename__ = "policy_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[str] = mapped_column(String(16), unique=True)
    first_seen_at: Mapped[datetime]


class PolicySignature(Base):
    """Someone read and agreed to a version of the policy (section 2: before using TMW computers)."""

    __tablename__ = "policy_signature"
    __table_args__ = (UniqueConstraint("person_key", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_key: Mapped[str] = mapped_column(PERSON_KEY)
    version: Mapped[str] = mapped_column(String(16))
    signed_at: Mapped[datetime]


class DbsCheck(Base):
    """A person's current DBS check (section 5.1: moderators with unsupervised access are checked)."""

    __tablename__ = "dbs_check"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_key: Mapped[str] = mapped_column(PERSON_KEY, unique=True)
    check_type: Mapped[str] = mapped_column(String(32))
    certificate_date: Mapped[date] = mapped_column(Date)
    certificate_number_enc: Mapped[str] = mapped_column(EncryptedText)
    update_service: Mapped[bool] = mapped_column(default=False)
    next_review: Mapped[date] = mapped_column(Date)
    recorded_by: Mapped[str] = mapped_column(PERSON_KEY)
    recorded_at: Mapped[datetime]


class ModerationMemory(Base):
    """What the moderation rules remember between messages (for repetition and off-topic runs), so a
    restart does not forget the last day. Hashes, times, user ids and verdicts only: never text."""

    __tablename__ = "moderation_memory"

    id: Mapped[int] = mapped_column(primary_key=True)
    state: Mapped[dict[str, Any]] = mapped_column(JSON)
    saved_at: Mapped[datetime]


class DataKey(Base):
    """The fingerprint of the TMW_DATA_KEY this database's encrypted values are under (never the key).
    One row: start-up compares it with the key it was given, and `tmw-bot rekey` moves it on."""

    __tablename__ = "data_key"

    id: Mapped[int] = mapped_column(primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[datetime]


class Absence(Base):
    """Someone away (holiday, leave) from `starts_at` until `ends_at` (exclusive): reports that would go
    to them go to the next person on their chain, and nudges wait until they are back (bot/absences.py)."""

    __tablename__ = "absences"
    __table_args__ = (
        Index("ix_absences_person", "person_id", "ends_at"),
        # Every process reads the organisation file's absences into this table: one row each, whichever
        # process gets there first.
        Index("uq_absences_org_file", "person_id", "starts_at", unique=True,
              sqlite_where=text("source = 'org_file'"), postgresql_where=text("source = 'org_file'")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[str] = mapped_column(PERSON_KEY)
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    # Who covers for them: None for the next person on each chain.
    stand_in_id: Mapped[str | None] = mapped_column(PERSON_KEY, default=None)
    set_by: Mapped[str] = mapped_column(PERSON_KEY)
    created_at: Mapped[datetime]
    # "command" (/away), or "org_file" (a known absence listed in the organisation file).
    source: Mapped[str] = mapped_column(String(16), default="command")
    # When the person was told, on their return, what arrived for them while away: once.
    welcomed_at: Mapped[datetime | None] = mapped_column(default=None)


class TeamsConversation(Base):
    """Where the bot can reach someone, or a channel, on Microsoft Teams: captured from what Teams sends
    when the app is installed or someone writes to it, since the bot cannot start a conversation in
    Teams without it (bot/teams/references.py). A person by their Entra object id; a channel by its id
    and its team's."""

    __tablename__ = "teams_conversation"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_object_id: Mapped[str | None] = mapped_column(String(64), unique=True, default=None)
    team_id: Mapped[str | None] = mapped_column(String(255), default=None)
    channel_id: Mapped[str | None] = mapped_column(String(255), unique=True, default=None)
    conversation_id: Mapped[str] = mapped_column(String(255))
    service_url: Mapped[str] = mapped_column(String(512))
    tenant_id: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime]


class OfferedFile(Base):
    """A file offered to one person that they have not taken yet: Teams asks a person before a bot puts a
    file in their OneDrive (bot/teams/files.py), so a case's record waits here, encrypted, until they
    allow it (and it is uploaded), decline it, or it expires (the retention sweep deletes it then)."""

    __tablename__ = "offered_file"
    __table_args__ = (Index("ix_offered_file_expires_at", "expires_at"),)

    # Random, and what the offer carries to Teams and back: nothing of the file or its person.
    token: Mapped[str] = mapped_column(String(64), primary_key=True)
    person: Mapped[str] = mapped_column(PERSON_KEY)
    filename: Mapped[str] = mapped_column(String(255))
    # The report's reference, to name it in what the person is told.
    reference: Mapped[str] = mapped_column(String(64))
    # The file itself, base64 in the encrypted text; emptied once it is uploaded.
    content_enc: Mapped[str] = mapped_column(EncryptedText)
    size: Mapped[int] = mapped_column(Integer)
    # offered -> accepted (Teams gave where to put it) -> uploaded (the file is there; the card saying so
    # is still to go). Deleted once the card has gone, or on decline or expiry.
    state: Mapped[str] = mapped_column(String(16), default="offered")
    # Where Teams said to put the file (its upload URL grants writing it): encrypted, as JSON.
    upload_enc: Mapped[str | None] = mapped_column(EncryptedText, default=None)
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
