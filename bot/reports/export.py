"""A case's record for outside bodies: everything about one report, for the people the organisation file
allows (`settings.reports.export_roles`, by default the CEO and the safeguarding leads). Every export is
audited; it goes to the person who asked alone (see `export_to_dm`), or to a file on the server (CLI)."""

from __future__ import annotations

import base64
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from bot.addresses import ToPerson
from bot.dates import describe
from bot.errors import DomainError
from bot.reports.chronology import build_chronology
from bot.reports.kinds import ReportKind
from bot.reports.workflow import Outcome, can_act, clock_of, clock_recorded, details_of, may_export, team_member_of
from bot.services import Services
from bot.snapshot import org_snapshot
from storage import offered_files
from storage.audit import record_audit
from storage.models import Report
from storage.outbox import enqueue_message, undelivered
from storage.reports import report_by_reference

CLI_ACTOR = "cli"  # an export made on the server, by whoever can run tmw-bot there
# A second press of Export (a double click, or a press while the first file still waits) makes nothing more.
ON_ITS_WAY = "The case record of {reference} is already on its way to you here, so I haven't made another."
WAITING = ("The case record of {reference} is already waiting for you above, in our chat, so I haven't made another. "
           "Please take it from there.")
CASE_FILE = "report.case_file"
REFUSAL = ("Only the people handling a case whom the organisation file names (by default the CEO and the safeguarding "
           "leads) can export it, so nothing has been sent.")


@dataclass(frozen=True)
class RecordEntry:
    when: str
    who: str
    what: str
    detail: str
    text: str


@dataclass(frozen=True)
class CaseRecord:
    organisation: str
    reference: str
    facts: list[tuple[str, str]]  # kind, status, dates
    people: list[tuple[str, str]]  # (role, name)
    description: str
    entries: list[RecordEntry]
    resolution: str
    exported_by: str
    exported_at: str


async def case_record(session: AsyncSession, services: Services, report: Report, actor: str) -> CaseRecord:
    """The record of `report`, exported by `actor` now: audited here, in the caller's transaction."""
    snapshot = await org_snapshot(services)
    directory, tz, now = snapshot.directory, services.tz, services.now()
    rule = snapshot.rules.get(ReportKind(report.kind))
    chronology = await build_chronology(session, services, report, directory, "handler")
    details = details_of(services, report)

    def name(person_key: str | None) -> str:
        member = directory.by_key(person_key)
        return member.name if member else (details.get("reporter_handle") or "someone not in the organisation file")

    people = [("Reporter", name(report.reporter_id))]
    if subject := team_member_of(services, report):
        people.append(("About (team member)", name(subject)))
    for party in report.parties:
        if party.part == "handler" and party.tier <= report.tier:
            people.append((f"Handler, tier {party.tier + 1} ({party.role_label})", name(party.person_key)))
        elif party.part in ("watcher", "told"):
            people.append((f"{'Sees the details' if party.part == 'watcher' else 'Told it exists'} ({party.role_label})",
                           name(party.person_key)))
    facts = [("Kind", rule.label if rule else report.kind), ("Status", report.status),
             ("Filed", describe(report.created_at, tz))]
    if report.happened_at:
        facts.append(("Happened", describe(report.happened_at, tz, report.happened_has_time)))
    if report.acknowledged_at:
        facts.append(("Acknowledged", describe(report.acknowledged_at, tz)))
    if report.resolved_at:
        facts.append(("Resolved", describe(report.resolved_at, tz)))
    for row in report.clocks:
        body = clock_of(row).body
        recorded = clock_recorded(services, row) if row.decision else f"Nothing recorded yet (due by {describe(row.due_at, tz)})."
        facts.append((body[:1].upper() + body[1:], recorded))
    resolutions = [e.text for e in chronology.entries if e.what == "Resolved" and e.text]
    resolution = resolutions[-1] if resolutions and report.status == "resolved" else ""
    await record_audit(session, at=now, actor=actor, action="report.exported", subject_type="report",
                       subject_id=report.reference)
    exporter = "the server (tmw-bot export)" if actor == CLI_ACTOR else name(actor)
    return CaseRecord(
        organisation=snapshot.config.organisation.name if snapshot.config else "",
        reference=report.reference, facts=facts, people=people, description=details.get("description", ""),
        entries=[RecordEntry(describe(e.at, tz), e.who, e.what, e.detail, e.text) for e in chronology.entries],
        resolution=resolution, exported_by=exporter, exported_at=describe(now, tz),
    )


async def export_by_reference(session: AsyncSession, services: Services, reference: str) -> bytes:
    """`tmw-bot export report REF`: the PDF, made on the server and audited."""
    from bot.reports.pdf import case_pdf

    report = await report_by_reference(session, reference.strip().upper())
    if report is None:
        raise DomainError(f"There is no report {reference.strip()}.")
    return case_pdf(await case_record(session, services, report, CLI_ACTOR))


async def export_to_dm(session: AsyncSession, services: Services, report_id: int, actor: str) -> Outcome:
    """The Export button: the PDF goes through the outbox to the person who pressed, alone (a file in
    their DM), so it is not lost if Slack is down. Refused, and audited, for anyone else."""
    from bot.reports.pdf import case_pdf

    # Locked, so two presses at once are taken one after the other, and the second finds the first's file.
    report = await session.get(Report, report_id, with_for_update=True)
    if report is None:
        raise DomainError("I can't find that report any more.")
    # Both: a role the organisation file allows, and a place on this report's chain (a CEO may not
    # export a report about themselves that went to the Chair alone).
    if not (may_export(await org_snapshot(services), actor) and can_act(report, actor)):
        await record_audit(session, at=services.now(), actor=actor, action="report.export_refused",
                           subject_type="report", subject_id=report.reference)
        return Outcome(False, REFUSAL)
    if already := await _already_made(session, services, report.reference, actor):
        return Outcome(True, already)
    pdf = case_pdf(await case_record(session, services, report, actor))
    # Encrypted at rest in the outbox, like every message's params: the PDF holds the case's text.
    await enqueue_message(session, services.cipher, now=services.now(), to=ToPerson(actor), template=CASE_FILE,
                          params={"reference": report.reference, "filename": f"{report.reference}.pdf",
                                  "pdf_b64": base64.b64encode(pdf).decode()})
    return Outcome(True, f"The case record of {report.reference} is on its way to you here, as a PDF, and only to you.")


async def _already_made(session: AsyncSession, services: Services, reference: str, actor: str) -> str:
    """What to say if `actor` already has this case's record coming ("" if not): still in the outbox, or
    delivered and waiting for them to take it (in Teams, a file they have not allowed yet)."""
    for message in await undelivered(session, ToPerson(actor), CASE_FILE):
        if services.cipher.decrypt_json(message.params_enc).get("reference") == reference:
            return ON_ITS_WAY.format(reference=reference)
    if await offered_files.waiting_offer(session, actor, reference, services.now()):
        return WAITING.format(reference=reference)
    return ""
