"""A report's chronology: every event of its life, in order, with who, when and what.

Built from what is already recorded rather than a parallel table: the audit trail says who did what and
when (for the report itself, and for workflows it set off, such as an account's password change), and
the report's notes hold what people wrote (encrypted at rest), which this joins to the audit entry that
made them. Reading it is the only place the text is decrypted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.directory import Directory
from bot.errors import DomainError
from bot.reports.kinds import STATUTORY_CLOCKS, ClockId, ReportKind
from bot.reports.workflow import can_act, handlers_in, own_role_in
from bot.services import Services
from bot.snapshot import org_snapshot
from storage.audit import audit_entries_for_actions, audit_trail, record_audit
from storage.models import AuditEntry, Report, ReportNote
from storage.reports import report_by_reference

# What each audited action is called in the chronology, and the note kind (if any) holding its text.
# Actions not listed (views of the case, say) are about the record, not events of the case.
EVENTS: dict[str, tuple[str, str | None]] = {
    "report.filed": ("Filed", None),
    "report.skipped_away": ("Skipped", None),
    "report.everyone_away": ("Everyone on its chain was away: sent to the CEO and the Chair at once", None),
    "report.routed": ("Sent to the people handling it", None),
    "report.acknowledged": ("Acknowledged", None),
    "report.question_asked": ("Question to the reporter", "question"),
    "report.question_answered": ("Answer from the reporter", "answer"),
    "report.escalated": ("Passed on", "escalation"),
    "report.reminded": ("Reminder sent: still not acknowledged", None),
    "report.take_down": ("Marked taken down", None),
    "report.revoke_access": ("Access revoked: the admins were asked to remove it", None),
    "report.password_change_started": ("Password change started", None),
    "report.rotate_password": ("Password changed", None),
    "report.resolved": ("Resolved", "resolution"),
    "report.reopened": ("Reopened", "reopening"),
    "report.exported": ("Exported as a PDF", None),
    "report.clock_reminded": ("Reminder sent: nothing recorded yet for a body outside", None),
    "report.clock_escalated": ("Overdue, so others were told", None),
    "report.clock_recorded": ("Decision recorded", "clock"),
    "account.exposed": ("The account's password change was requested", None),
    "account.exposure_referred": ("The account's owners were asked to check its password", None),
    "account.exposure_unmatched": ("The account named is not in the register: left to the admins", None),
}
REFUSAL = "You can only see the history of a report you made or are handling, so nothing is shown."
# Other workflows' entries that name the report by id in their detail.
LINKED_ACTIONS = ("account.exposed", "account.exposure_referred")
# What the reporter may see of their own report: its progress, and their own questions and answers;
# never the handlers' reasons, the outcome's notes or who else was told.
REPORTER_SEES = {"report.filed", "report.acknowledged", "report.escalated", "report.question_asked",
                 "report.question_answered", "report.resolved", "report.reopened"}
REPORTER_SEES_TEXT = {"report.question_asked", "report.question_answered"}


@dataclass(frozen=True)
class Entry:
    at: datetime
    who: str  # "Sam Patel (the project manager)", "the bot"
    what: str  # "Passed on"
    detail: str = ""  # plain facts: "to the deputy safeguarding lead"
    text: str = ""  # what someone wrote (decrypted): a reason, a question, an outcome


@dataclass(frozen=True)
class Chronology:
    reference: str
    kind: str
    status: str
    filed_at: datetime
    resolved_at: datetime | None
    audience: str  # "handler" (everything) or "reporter" (their report's progress)
    entries: list[Entry]


def _person(directory: Directory, report: Report, person_key: str | None) -> str:
    if not person_key or person_key == "system":
        return "the bot"
    member = directory.by_key(person_key)
    name = member.name if member else "someone not in the organisation file"
    if person_key == report.reporter_id:
        return f"{name} (the reporter)"
    role = own_role_in(report, person_key)
    return f"{name} ({role})" if role else name


def _people(directory: Directory, report: Report, person_keys: list[str]) -> str:
    return ", ".join(_person(directory, report, s) for s in person_keys)


def _detail(directory: Directory, report: Report, entry: AuditEntry) -> str:
    detail: dict[str, Any] = entry.detail or {}
    if entry.action in ("report.routed", "report.escalated") and detail.get("to"):
        told = f"to {_people(directory, report, list(detail['to']))}"
        if entry.action == "report.escalated" and detail.get("automatic"):
            told += " (automatically)"
        if entry.action == "report.routed":
            others = [p.person_key for p in report.parties if p.part in ("watcher", "told")]
            if others:
                told += f"; also told: {_people(directory, report, others)}"
        return told
    if entry.action.startswith("report.clock_") and detail.get("clock") in {c.value for c in ClockId}:
        body = STATUTORY_CLOCKS[ClockId(detail["clock"])].body
        return f"{body}; to {_people(directory, report, list(detail['to']))}" if detail.get("to") else body
    if entry.action == "report.skipped_away" and detail.get("person"):
        member = directory.by_key(detail["person"])
        said = f"{member.name if member else 'someone not in the organisation file'}: away until {detail.get('until', '?')}"
        if detail.get("stand_in"):
            stand_in = directory.by_key(detail["stand_in"])
            said += f", covered by {stand_in.name if stand_in else 'someone no longer in the organisation file'}"
        return said
    if entry.action == "report.reminded":
        return f"to {_people(directory, report, [p.person_key for p in handlers_in(report, report.tier)])}"
    return ""


def _note_for(notes: list[ReportNote], used: set[int], kind: str, entry: AuditEntry) -> ReportNote | None:
    note_id = (entry.detail or {}).get("note") if kind == "question" else None
    for note in notes:
        if note.id in used or note.kind != kind:
            continue
        if note_id is not None and note.id == note_id:
            return note
        if note_id is None and note.at == entry.at and note.author == entry.actor:
            return note
    return None


async def build_chronology(
    session: AsyncSession, services: Services, report: Report, directory: Directory, audience: str = "handler"
) -> Chronology:
    """Every event of the report in order. For the reporter, only what they may see of it."""
    trail = list(await audit_trail(session, "report", report.reference))
    trail += [e for e in await audit_trail(session, "report", str(report.id)) if e.action in EVENTS]
    trail += [e for e in await audit_entries_for_actions(session, LINKED_ACTIONS)
              if (e.detail or {}).get("report_id") == report.id]
    trail.sort(key=lambda e: (e.at, e.id))
    notes = list(report.notes)
    used: set[int] = set()
    entries: list[tuple[datetime, int, Entry]] = []
    for order, audit in enumerate(trail):
        if audit.action not in EVENTS or (audience == "reporter" and audit.action not in REPORTER_SEES):
            continue
        what, note_kind = EVENTS[audit.action]
        note = _note_for(notes, used, note_kind, audit) if note_kind else None
        text = ""
        if note is not None:
            used.add(note.id)
            if audience == "handler" or audit.action in REPORTER_SEES_TEXT:
                text = services.cipher.decrypt(note.text_enc)
        detail = _detail(directory, report, audit) if audience == "handler" else ""
        who = _person(directory, report, audit.actor)
        if audience == "reporter" and audit.actor not in ("system", report.reporter_id):
            who = own_role_in(report, audit.actor) or "the person handling it"
        entries.append((audit.at, order, Entry(at=audit.at, who=who, what=what, detail=detail, text=text)))
    if audience == "handler":
        # A note no audit entry accounts for (written before the audit named it) still belongs in the story.
        for note in notes:
            if note.id not in used:
                entries.append((note.at, len(trail), Entry(at=note.at, who=_person(directory, report, note.author),
                                                            what=f"Note ({note.kind})", text=services.cipher.decrypt(note.text_enc))))
    entries.sort(key=lambda e: (e[0], e[1]))
    return Chronology(reference=report.reference, kind=report.kind, status=report.status, filed_at=report.created_at,
                      resolved_at=report.resolved_at, audience=audience, entries=[e for _, _, e in entries])


def audience_of(report: Report, viewer: str) -> str | None:
    """Who may read a report's history: the people handling it, in the tiers it has reached, see it all;
    its reporter sees their report's progress; anyone else, nothing."""
    if can_act(report, viewer):
        return "handler"
    if viewer == report.reporter_id:
        return "reporter"
    return None


async def show_report(
    session: AsyncSession, services: Services, directory: Directory, reference: str, viewer: str
) -> Chronology | None:
    """`/report show REF`: the chronology for someone on the report's chain, or None (say `REFUSAL`).
    Both are audited (who looked at which case, when): a refusal is returned, not raised, so that its
    audit entry is kept with the transaction."""
    reference = reference.strip().upper()
    report = await report_by_reference(session, reference) if reference else None
    audience = audience_of(report, viewer) if report else None
    now = services.now()
    if report is None or audience is None:
        # The same words whether or not the reference exists: a refusal tells nobody what is on file.
        await record_audit(session, at=now, actor=viewer, action="report.view_refused", subject_type="report",
                           subject_id=reference[:64] or "(none)")
        return None
    await record_audit(session, at=now, actor=viewer, action="report.viewed", subject_type="report",
                       subject_id=report.reference, detail={"as": audience})
    return await build_chronology(session, services, report, directory, audience)


async def show_report_by_id(
    session: AsyncSession, services: Services, directory: Directory, report_id: int, viewer: str
) -> Chronology | None:
    """The History button: as `/report show`, for the report the button belongs to."""
    report = await session.get(Report, report_id)
    if report is None:
        raise DomainError("I can't find that report any more.")
    return await show_report(session, services, directory, report.reference, viewer)


@dataclass(frozen=True)
class ShownHistory:
    """A report's chronology as its viewer may see it, and what its kind is called."""

    chronology: Chronology
    kind_label: str


async def history_for(services: Services, viewer: str, *, reference: str = "",
                      report_id: int | None = None) -> ShownHistory | None:
    """A report's history for `viewer`, by its reference (`report show REF`) or its id (the History
    button); None for a refusal (say `REFUSAL`). Either is audited, in the same transaction."""
    snapshot = await org_snapshot(services)
    async with services.db.unit_of_work() as session:
        if report_id is not None:
            shown = await show_report_by_id(session, services, snapshot.directory, report_id, viewer)
        else:
            shown = await show_report(session, services, snapshot.directory, reference, viewer)
    if shown is None:
        return None
    rule = snapshot.rules.get(ReportKind(shown.kind))
    return ShownHistory(shown, rule.label if rule else shown.kind)
