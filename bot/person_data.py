"""Everything the bot holds about one person (by their key in the organisation file): exported for a subject access
request, and erased where no rule requires keeping it.

`HOLDINGS` is the one place that says, per kind of record, what is exported, what is left out of the
export and why, and whether erasing on request deletes it or why it is kept. A report is never
exported whole: it holds other people's details (the participant, the person it is about, the
reporter), so a person gets their own contributions and what the charity did, not other people's words.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.addresses import ToPerson, encode
from bot.retention import REPORT_YEARS
from bot.services import Services
from storage import retention as store
from storage.audit import record_audit
from storage.models import (
    Absence,
    AccountAccess,
    AuditEntry,
    DbsCheck,
    GuardedNotice,
    Leaver,
    LeaverTask,
    ModerationCase,
    OutboxMessage,
    Person,
    PolicySignature,
    Report,
    ReportNote,
    ReportParty,
    SharedAccount,
)

Records = list[dict[str, Any]]
Exporter = Callable[[AsyncSession, Services, str], Awaitable[Records]]
Eraser = Callable[[AsyncSession, Services, str], Awaitable[int]]


@dataclass(frozen=True)
class Holding:
    """One kind of record the bot holds about a person."""

    name: str  # the export's file name, without .json
    what: str
    export: Exporter
    # What the export leaves out, and why ("" when nothing is).
    withheld: str = ""
    # Erasing on request: what does it (None: the record is kept), and why it is kept if so.
    erase: Eraser | None = None
    kept_because: str = ""


def _iso(value: datetime | date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _decrypt(services: Services, token: str | None) -> str | None:
    return services.cipher.decrypt(token) if token else None


# -- exporters ----------------------------------------------------------------------------------------


async def _directory(session: AsyncSession, services: Services, key: str) -> Records:
    person = await session.scalar(select(Person).where(Person.key == key))
    if person is None:
        return []
    return [{"key": person.key, "slack_id": person.slack_id, "teams_object_id": person.teams_object_id,
             "teams_upn": person.teams_upn, "name": person.name, "in_directory": person.in_directory,
             "left_on": _iso(person.left_on), "roles": [{"role": r.role, "ends_on": _iso(r.ends_on)} for r in person.roles]}]


def _report_skeleton(report: Report) -> dict[str, Any]:
    return {"reference": report.reference, "kind": report.kind, "status": report.status,
            "filed_at": _iso(report.created_at), "resolved_at": _iso(report.resolved_at)}


async def _reports_filed(session: AsyncSession, services: Services, key: str) -> Records:
    reports = (await session.scalars(select(Report).where(Report.reporter_id == key).order_by(Report.id))).all()
    records = []
    for report in reports:
        details = services.cipher.decrypt_json(report.details_enc) if report.details_enc else {}
        records.append(_report_skeleton(report) | {
            "your_description": details.get("description"),
            "when_you_said_it_happened": details.get("when_text"),
            "your_answers": [{"at": _iso(n.at), "text": services.cipher.decrypt(n.text_enc)}
                             for n in report.notes if n.kind == "answer" and n.author == key],
        })
    return records


async def _reports_about(session: AsyncSession, services: Services, key: str) -> Records:
    # Who a report is about is encrypted, so each is decrypted to compare: fine for a charity's reports.
    reports = (await session.scalars(select(Report).where(Report.team_member_enc.is_not(None)).order_by(Report.id))).all()
    return [_report_skeleton(r) for r in reports if _decrypt(services, r.team_member_enc) == key]


async def _report_parts(session: AsyncSession, services: Services, key: str) -> Records:
    rows = (await session.execute(
        select(Report.reference, ReportParty.part, ReportParty.tier, ReportParty.role_label)
        .join(Report, Report.id == ReportParty.report_id)
        # A tier further down the chain than the report has gone was never told of it: listing it would
        # reveal that the report exists.
        .where(ReportParty.person_key == key, or_(ReportParty.part != "handler", ReportParty.tier <= Report.tier))
        .order_by(ReportParty.id)
    )).all()
    return [{"reference": ref, "part": part, "tier": tier, "as": label} for ref, part, tier, label in rows]


async def _notes_written(session: AsyncSession, services: Services, key: str) -> Records:
    rows = (await session.execute(
        select(Report.reference, ReportNote).join(Report, Report.id == ReportNote.report_id)
        .where(ReportNote.author == key, Report.reporter_id != key).order_by(ReportNote.id)
    )).all()
    return [{"reference": ref, "kind": note.kind, "at": _iso(note.at), "text": services.cipher.decrypt(note.text_enc)}
            for ref, note in rows]


async def _signatures(session: AsyncSession, services: Services, key: str) -> Records:
    rows = (await session.scalars(select(PolicySignature).where(PolicySignature.person_key == key).order_by(PolicySignature.id))).all()
    return [{"policy_version": s.version, "signed_at": _iso(s.signed_at)} for s in rows]


async def _dbs(session: AsyncSession, services: Services, key: str) -> Records:
    rows = (await session.scalars(select(DbsCheck).where(DbsCheck.person_key == key))).all()
    return [{"check_type": c.check_type, "certificate_date": _iso(c.certificate_date),
             "certificate_number": _decrypt(services, c.certificate_number_enc), "update_service": c.update_service,
             "next_review": _iso(c.next_review), "recorded_at": _iso(c.recorded_at)} for c in rows]


async def _moderation(session: AsyncSession, services: Services, key: str) -> Records:
    rows = (await session.scalars(select(ModerationCase).where(ModerationCase.user_id == key).order_by(ModerationCase.id))).all()
    return [{"at": _iso(c.created_at), "channel": c.channel_id, "your_message": services.cipher.decrypt(c.text_enc),
             "rules": [f["rule"] for f in c.findings], "decision": c.state, "decided_at": _iso(c.decided_at)} for c in rows]


async def _guarded(session: AsyncSession, services: Services, key: str) -> Records:
    rows = (await session.scalars(select(GuardedNotice).where(GuardedNotice.user_id == key).order_by(GuardedNotice.id))).all()
    return [{"at": _iso(n.created_at), "channel": n.channel_id, "your_message_redacted": services.cipher.decrypt(n.redacted_enc),
             "kinds": list(n.kinds), "decision": n.state} for n in rows]


async def _messages(session: AsyncSession, services: Services, key: str) -> Records:
    rows = (await session.scalars(select(OutboxMessage).where(OutboxMessage.address == encode(ToPerson(key))).order_by(OutboxMessage.id))).all()
    return [{"template": m.template, "created_at": _iso(m.created_at), "state": m.state, "sent_at": _iso(m.sent_at)} for m in rows]


async def _absences(session: AsyncSession, services: Services, key: str) -> Records:
    rows = (await session.scalars(select(Absence).where(Absence.person_id == key).order_by(Absence.starts_at, Absence.id))).all()
    return [{"from": _iso(a.starts_at), "until": _iso(a.ends_at), "cover_named": a.stand_in_id is not None,
             "set_by_you": a.set_by == key, "source": a.source} for a in rows if a.starts_at < a.ends_at]


async def _accounts(session: AsyncSession, services: Services, key: str) -> Records:
    owned = (await session.scalars(select(SharedAccount).where(SharedAccount.owner_id == key).order_by(SharedAccount.id))).all()
    access = (await session.execute(
        select(SharedAccount.name, AccountAccess).join(SharedAccount, SharedAccount.id == AccountAccess.account_id)
        .where(AccountAccess.person_key == key).order_by(AccountAccess.id)
    )).all()
    return [{"account": a.name, "as": "owner"} for a in owned] + [
        {"account": name, "as": "overall access" if grant.overall else "access",
         "granted_at": _iso(grant.granted_at), "revoked_at": _iso(grant.revoked_at)} for name, grant in access]


async def _leaving(session: AsyncSession, services: Services, key: str) -> Records:
    leavers = (await session.scalars(select(Leaver).where(Leaver.person_key == key).order_by(Leaver.id))).all()
    tasks = (await session.scalars(select(LeaverTask).where(LeaverTask.assignee_id == key).order_by(LeaverTask.id))).all()
    return [{"your_leaving_on": _iso(lv.leaving_on), "state": lv.state, "created_at": _iso(lv.created_at)} for lv in leavers] + [
        {"task_given_you": t.label, "state": t.state, "done_at": _iso(t.done_at)} for t in tasks]


async def _audit(session: AsyncSession, services: Services, key: str) -> Records:
    rows = (await session.scalars(
        select(AuditEntry).where(or_(AuditEntry.actor == key, AuditEntry.subject_id == key)).order_by(AuditEntry.id)
    )).all()
    return [{"at": _iso(e.at), "by": e.actor, "action": e.action, "record": f"{e.subject_type} {e.subject_id}", "detail": e.detail}
            for e in rows]


# -- erasers ------------------------------------------------------------------------------------------


async def _delete_moderation(session: AsyncSession, services: Services, key: str) -> int:
    return await store.delete_moderation_cases(session, user_id=key)


async def _delete_guarded(session: AsyncSession, services: Services, key: str) -> int:
    return await store.delete_guarded_notices(session, user_id=key)


async def _delete_sent_messages(session: AsyncSession, services: Services, key: str) -> int:
    return await store.delete_sent_messages(session, to=ToPerson(key))


async def _delete_ended_absences(session: AsyncSession, services: Services, key: str) -> int:
    return await store.delete_ended_absences(session, ended_before=services.now(), person_id=key)


async def _blank_dbs_number(session: AsyncSession, services: Services, key: str) -> int:
    return await store.erase_dbs_certificate_numbers(session, person_key=key)


def _report_periods() -> str:
    longer = {kind: n for kind, n in REPORT_YEARS.items() if n != 6}
    named = ", ".join(f"{n} years for {kind.value}" for kind, n in longer.items())
    return f"6 years after resolution ({named}; settings.retention may change them)"


REPORT_KEPT = ("a report is a safeguarding or incident record the charity must keep for its retention period, "
               f"by default {_report_periods()}; the scheduler erases its details then")
THIRD_PARTIES = ("other people's details: who else is named, the handlers' notes and questions, and (for a report "
                 "about you) who made it and what they wrote; the charity decides, with advice, what of that to release")

HOLDINGS: tuple[Holding, ...] = (
    Holding("directory", "your name, roles and leaving date, from the organisation file", _directory,
            kept_because="it comes from the organisation file: take the person out of the file; the name stays with the audit trail"),
    Holding("reports_you_made", "reports you made: reference, kind, dates, and your own words", _reports_filed,
            withheld="the participant and team member you named, and " + THIRD_PARTIES, kept_because=REPORT_KEPT),
    Holding("reports_about_you", "reports naming you as the team member they are about: reference, kind and dates", _reports_about,
            withheld=THIRD_PARTIES, kept_because=REPORT_KEPT),
    Holding("reports_you_handled", "reports you handled, watched or were told of, and your part in each", _report_parts,
            kept_because="the record of who handled each report is part of the report (see reports_you_made)"),
    Holding("report_notes_you_wrote", "questions, escalation reasons and resolutions you wrote as a handler", _notes_written,
            kept_because="they are part of the report they belong to (see reports_you_made)"),
    Holding("policy_signatures", "each version of the policy you agreed to, and when", _signatures,
            kept_because="evidence that you read and agreed to the policy (section 2)"),
    Holding("dbs_check", "your DBS check as recorded in the register", _dbs, erase=_blank_dbs_number,
            kept_because="the certificate number is erased; the check's type, date and review date stay in the safeguarding register"),
    Holding("moderation_cases", "your posts in moderated channels that broke a rule, and the decisions", _moderation,
            erase=_delete_moderation),
    Holding("guarded_notices", "your posts in guarded channels that were flagged (with personal details redacted)", _guarded,
            erase=_delete_guarded),
    Holding("messages_to_you", "messages the bot sent you: which, and when", _messages, erase=_delete_sent_messages,
            withheld="their contents: you have them in your chat with the bot, and some carry other people's details"),
    Holding("absences", "when you were away (the away command or the organisation file), and whether someone covered", _absences,
            withheld="who covered for you", erase=_delete_ended_absences,
            kept_because="an absence under way or still to come decides where reports go; it is erased once it has ended"),
    Holding("shared_accounts", "shared accounts you own or could log in to", _accounts,
            kept_because="who could log in to a shared account, and when that ended, is the security record policy 5.4 needs"),
    Holding("leaving", "a leaver's checklist for you, and checklist tasks given to you", _leaving,
            kept_because="the record that passwords were changed and access ended when someone left (policy 5.4)"),
    Holding("audit_trail", "audit entries of what you did and what was done about you", _audit,
            kept_because="the audit trail: ids and outcomes only, never personal text"),
)


# -- the two operations -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ErasureOutcome:
    erased: dict[str, int]
    kept: dict[str, str]


async def export_person(services: Services, key: str, out: Path, actor: str = "cli") -> dict[str, int]:
    """Write one JSON file per holding, and README.txt, into `out`; the number of records in each."""
    out.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    async with services.db.unit_of_work() as session:
        for holding in HOLDINGS:
            records = await holding.export(session, services, key)
            counts[holding.name] = len(records)
            (out / f"{holding.name}.json").write_text(json.dumps(records, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        now = services.now()
        await record_audit(session, at=now, actor=actor, action="person.exported", subject_type="person", subject_id=key,
                           detail={"counts": counts})
    (out / "README.txt").write_text(_readme(key, counts, now.astimezone(services.tz)), encoding="utf-8")
    return counts


def _readme(key: str, counts: dict[str, int], at: datetime) -> str:
    lines = [f"What tmw-bot holds about {key}, exported {at:%-d %B %Y at %H:%M %Z}.", "",
             "Each .json file is one kind of record. Before sending this to the person, the charity should read it",
             "and decide what of other people's details (named in their own words) to release. This folder holds",
             "personal data in clear: send it securely, and delete it once sent.", ""]
    for holding in HOLDINGS:
        lines.append(f"{holding.name}.json ({counts[holding.name]}): {holding.what}.")
        if holding.withheld:
            lines.append(f"  Left out: {holding.withheld}.")
    lines += ["", "Not here: the participant roster, which holds only keyed hashes of names and cannot be searched",
              "by person; and the moderation rules' memory of recent messages (hashes and times, kept for a day)."]
    return "\n".join(lines) + "\n"


async def erase_person(services: Services, key: str, actor: str = "cli") -> ErasureOutcome:
    """Erase what no rule requires keeping; say, for the rest, why it is kept."""
    erased: dict[str, int] = {}
    kept: dict[str, str] = {}
    async with services.db.unit_of_work() as session:
        for holding in HOLDINGS:
            if holding.erase is not None:
                erased[holding.name] = await holding.erase(session, services, key)
            if holding.kept_because and len(await holding.export(session, services, key)):
                kept[holding.name] = holding.kept_because
        await record_audit(session, at=services.now(), actor=actor, action="person.erased", subject_type="person",
                           subject_id=key, detail={"erased": erased, "kept": sorted(kept)})
    if any(erased.values()):
        await services.db.reclaim_erased_space()
    return ErasureOutcome(erased, kept)
