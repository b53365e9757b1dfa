"""Filing and handling reports. Every change is audited and tells everyone on the report where it stands.

What leaves this module for Slack is an outbox message whose params are already cut to what that
person may see (see `snapshot_for`): the renderer cannot show what it was never given.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.absences import AwayBook, away_at, away_book, away_params
from bot.accounts.secrets import WARNING as PASSWORD_WARNING
from bot.accounts.secrets import contains_password
from bot.addresses import ToPerson
from bot.crypto import DecryptionError
from bot.dates import DateInFuture, DateNotUnderstood, describe, next_working_day, parse_past_moment
from bot.directory import Directory
from bot.errors import DomainError, FormErrors, NotAllowed
from bot.org import Role
from bot.policy.online_safety import Signpost
from bot.reports.kinds import (
    STATUTORY_CLOCKS,
    ClockId,
    ReportKind,
    ReportSettings,
    RoutingRule,
    StatutoryClock,
    clocks_started,
    label_for_others,
    own_role,
)
from bot.reports.routing import NoOneToRouteTo, ReportFacts, first_tier, resolve_step, route_report
from bot.scheduler import TimerContext
from bot.services import Services
from bot.snapshot import OrgSnapshot, org_snapshot
from storage.audit import audit_trail, record_audit, record_audits
from storage.models import Report, ReportClock, ReportNote, ReportParty, ReportTask
from storage.outbox import enqueue_message
from storage.reports import (
    insert_reports,
    note_for_update,
    report_for_update,
    reports_by_submission,
    reserve_reference_numbers,
    unresolved_reports,
    unrouted_report_ids,
)
from storage.statements import StatementRunner
from storage.timers import cancel_timers, schedule_timer

log = logging.getLogger(__name__)

ESCALATE = "report.escalate"
# A statutory clock's reminder (bot/reports/kinds.py STATUTORY_CLOCKS). ICO_REMINDER is the timer of
# the releases before the clocks were data: timers already scheduled with it still fire, as the ICO's.
CLOCK_REMINDER = "report.clock_reminder"
ICO_REMINDER = "report.ico_reminder"
# A password report's task, while the account's change waits for an admin to start it (its reporter
# doesn't hold the account); then "open" until the change is recorded, and "done".
AWAITING_START = "awaiting_start"


# The longest each free-text field may be, in characters: the forms offer no more, and the server
# holds crafted submissions to the same (handlers/slack/reports/blocks.py builds the forms from this).
TEXT_LIMITS: dict[str, int] = {
    "description": 3000, "participant": 300, "account": 100, "when": 100,
    "question": 3000, "answer": 3000, "reason": 1000, "outcome": 3000, "actions_taken": 3000,
    "reference": 100,
}


def _too_long(name: str, text: str) -> str | None:
    limit = TEXT_LIMITS[name]
    if len(text) <= limit:
        return None
    return f"Please keep this to {limit:,} characters or fewer (it has {len(text):,})."


@dataclass(frozen=True)
class ReportForm:
    kind: str | None
    description: str
    activity: str | None = None
    team_member: str | None = None
    participant: str = ""
    when_text: str = ""
    account: str = ""
    immediate_risk: bool = False
    name_only_to_handler: bool = False


@dataclass(frozen=True)
class Filed:
    report_id: int
    reference: str
    went_to: str  # "the safeguarding lead"
    when_understood: str | None
    urgent: bool
    immediate_risk: bool
    signpost: Signpost | None = None


@dataclass(frozen=True)
class Outcome:
    """What an action did, in a sentence for the person who pressed the button."""

    changed: bool
    message: str


# -- reading a report --------------------------------------------------------------------------------


def rule_of(rules: dict[ReportKind, RoutingRule], report: Report) -> RoutingRule:
    return rules[ReportKind(report.kind)]


def details_of(services: Services, report: Report) -> dict[str, Any]:
    if not report.details_enc:  # erased under the retention rules (bot/retention.py)
        return {"description": "(erased under the retention rules)"}
    return services.cipher.decrypt_json(report.details_enc)


def team_member_of(services: Services, report: Report) -> str | None:
    return services.cipher.decrypt(report.team_member_enc) if report.team_member_enc else None


def handlers_in(report: Report, tier: int | None = None) -> list[ReportParty]:
    return [p for p in report.parties if p.part == "handler" and (tier is None or p.tier == tier)]


def can_act(report: Report, person_key: str) -> bool:
    """Only the tiers a report has reached (the one it is with, and those before it) may act on it."""
    return any(p.person_key == person_key for p in handlers_in(report) if p.tier <= report.tier)


def _refusal(report: Report, actor: str) -> str:
    """Why `actor` may not act, kindly: most people who press by mistake were told of the report."""
    if any(p.person_key == actor for p in handlers_in(report)):
        return (f"{report.reference} hasn't reached you: it is with {current_role_label(report, for_reporter=False)}. If it is "
                "passed on to you, it will come to you with its buttons. For now, nothing has been changed.")
    if any(p.person_key == actor and p.part == "told" for p in report.parties):
        return (f"You were told that {report.reference} exists so that you know of it; {current_role_label(report, for_reporter=False)} "
                "handles it, so nothing has been changed.")
    return "This report is not yours to handle, so nothing has been changed."


def may_export(snapshot: OrgSnapshot, person_key: str) -> bool:
    """Whether a person may export a case as a PDF: their roles, against `settings.reports.export_roles`."""
    settings = ReportSettings.model_validate((snapshot.config.settings.get("reports") if snapshot.config else None) or {})
    member = snapshot.directory.by_key(person_key)
    return member is not None and any(role in settings.export_roles for role in member.roles)


def current_role_label(report: Report, *, for_reporter: bool = True) -> str:
    """Who has the report now: "your project manager" to its reporter, "the reporter's project
    manager" to anyone else."""
    labels = [p.role_label if for_reporter else label_for_others(p.role_label) for p in handlers_in(report, report.tier)]
    labels = list(dict.fromkeys(labels))
    return " and ".join(labels) if labels else "the people handling it"


def own_role_in(report: Report, person_key: str | None) -> str | None:
    """A person's own part in the report, in plain words ("the CEO", "an admin"), from the nearest
    tier they are in."""
    party = next((p for p in handlers_in(report) if p.person_key == person_key), None)
    return own_role(party.role_label) if party else None


def _acknowledged_by(report: Report, directory: Directory | None) -> str:
    """Who acknowledged it: the one person who pressed, never their whole tier."""
    role = own_role_in(report, report.acknowledged_by) or "the person handling it"
    member = directory.by_key(report.acknowledged_by) if directory else None
    return f"{member.name}, {role}" if member else role


def snapshot_for(
    services: Services, report: Report, rule: RoutingRule, directory: Directory, audience: str, viewer: str
) -> dict[str, Any]:
    """What `viewer` may see of the report, as the outbox params for its message.

    handler: everything. watcher: the details, not the reporter's name if they asked for that.
    told: that a report of this kind exists, and nothing else. reporter: where it stands.
    """
    tz = services.tz
    base: dict[str, Any] = {
        "audience": audience,
        "report_id": report.id,
        "reference": report.reference,
        "kind_label": rule.label,
        "urgent": report.urgent,
        "status": report.status,
        "filed": describe(report.created_at, tz),
        "with_role": current_role_label(report, for_reporter=audience == "reporter"),
        "tier": report.tier,
    }
    if audience == "told":
        return base
    details = details_of(services, report)
    reporter = directory.by_key(report.reporter_id)
    name = reporter.name if reporter else _not_in_file(details)
    # A reporter not in the organisation file is shown as a person reference too (the renderer makes
    # it a mention), so whoever handles it can reach them.
    reporter_ref = None if reporter else report.reporter_id
    subject_id = team_member_of(services, report)
    subject = directory.by_key(subject_id)
    base |= {
        "status_line": status_line(services, report, None if audience == "reporter" else directory),
        "acknowledge_by": describe(report.acknowledge_by, tz),
        "clocks": [_clock_view(services, row) for row in report.clocks],
        "take_down": rule.take_down,
        "signpost": asdict(rule.signpost) if rule.signpost else None,
        "revoke_access": rule.revoke_access and report.status != "resolved",
        "tasks": [{"kind": t.kind, "state": t.state} for t in report.tasks],
    }
    if audience == "reporter":
        return base | {"when": _when_text(services, report), "description": details["description"]}
    base |= {
        "description": details["description"],
        "participant": details.get("participant", ""),
        "account": details.get("account", ""),
        "when": _when_text(services, report),
        "activity": directory.project_names.get(report.activity_key or "", None),
        "team_member": (subject.name if subject else None) if subject_id else None,
        "team_member_id": subject_id,
        "immediate_risk": report.immediate_risk,
        "notes": [
            {"kind": n.kind, "at": describe(n.at, tz), "text": services.cipher.decrypt(n.text_enc),
             "author": _name(directory, n.author, report, audience)}
            for n in report.notes
        ],
    }
    if audience == "watcher":
        if report.name_only_to_handler:
            return base | {"reporter": "a team member"}
        return base | {"reporter": name, "reporter_ref": reporter_ref}
    return base | {"reporter": name, "reporter_id": report.reporter_id, "reporter_ref": reporter_ref, "can_act": True,
                   "own_role": own_role_in(report, viewer)}


def _not_in_file(details: dict[str, Any]) -> str:
    handle = details.get("reporter_handle") or ""
    return f"{handle} (not in the organisation file)" if handle else "someone not in the organisation file"


def _name(directory: Directory, person_key: str, report: Report, audience: str) -> str:
    if person_key == report.reporter_id and report.name_only_to_handler and audience != "handler":
        return "the reporter"
    member = directory.by_key(person_key)
    return member.name if member else ("the bot" if person_key == "system" else "someone")


def _when_text(services: Services, report: Report) -> str | None:
    if report.happened_at is None:
        return None
    return describe(report.happened_at, services.tz, report.happened_has_time)


def _hours_left(deadline: datetime, now: datetime) -> int:
    return int((deadline - now).total_seconds() // 3600)


def _day(day: date, services: Services) -> str:
    """A day as people read it ("Tuesday 24 November 2026")."""
    return describe(datetime.combine(day, time(12), tzinfo=services.tz), services.tz, with_time=False)


def clock_of(row: ReportClock) -> StatutoryClock:
    return STATUTORY_CLOCKS[ClockId(row.clock)]


def clock_recorded(services: Services, row: ReportClock) -> str:
    """What was recorded for a clock, in a sentence without what the handler wrote (that is a note)."""
    clock = clock_of(row)
    if row.decision == "reported":
        return clock.reported_words.format(date=_day(row.reported_on, services) if row.reported_on else "a day not given")
    return clock.not_reported_words


def _clock_view(services: Services, row: ReportClock) -> dict[str, Any]:
    clock = clock_of(row)
    return {"id": row.clock, "body": clock.body, "duty": clock.duty, "button": clock.button,
            "due": describe(row.due_at, services.tz), "hours_left": _hours_left(row.due_at, services.now()),
            "open": row.decision is None, "recorded": clock_recorded(services, row) if row.decision else None}


def status_line(services: Services, report: Report, directory: Directory | None = None) -> str:
    """Where the report stands. With `directory` (for the people handling it), who acknowledged it is
    named; its reporter is told their role."""
    tz = services.tz
    if report.status == "resolved" and report.resolved_at:
        return f"Resolved on {describe(report.resolved_at, tz)}."
    if report.status == "acknowledged" and report.acknowledged_at:
        return f"Acknowledged by {_acknowledged_by(report, directory)} on {describe(report.acknowledged_at, tz)}."
    return f"Waiting for {current_role_label(report, for_reporter=directory is None)} to acknowledge it (by {describe(report.acknowledge_by, tz)})."


# -- filing ------------------------------------------------------------------------------------------


async def _rules(services: Services) -> dict[ReportKind, RoutingRule]:
    return (await org_snapshot(services)).rules


def validate_form(
    form: ReportForm, rules: dict[ReportKind, RoutingRule], directory: Directory, services: Services
) -> tuple[RoutingRule, datetime | None, bool]:
    errors: dict[str, str] = {}
    rule = None
    try:
        rule = rules[ReportKind(form.kind or "")]
    except ValueError:
        errors["kind"] = "Please choose what kind of concern this is."
    if not form.description.strip():
        errors["description"] = "Please describe what happened, in your own words."
    if form.activity and form.activity not in directory.project_names:
        errors["activity"] = "I don't know that activity any more. Please choose it again from the list."
    elif rule and rule.needs_activity and not form.activity:
        errors["activity"] = "Please choose the activity this happened in."
    if rule and rule.needs_team_member and not form.team_member:
        errors["team_member"] = "Please choose the person this is about."
    if rule and rule.kind is ReportKind.YOUNG_LEADER_MISUSE and form.team_member:
        subject = directory.by_key(form.team_member)
        if subject is None or Role.YOUNG_LEADER not in subject.roles:
            errors["team_member"] = "That person is not listed as a young leader. Choose the young leader concerned."
    if rule and rule.rotate_password and not form.account.strip():
        errors["account"] = "Please name the account (for example Instagram), but never type its password."
    # Too long for the form (a crafted submission), or a password typed into a report: refused, not
    # stored (policy 2: a password must be changed at once).
    for name, text, short in (("description", form.description, False), ("participant", form.participant, False),
                              ("account", form.account, True), ("when", form.when_text, True)):
        if name not in errors and (problem := _too_long(name, text)):
            errors[name] = problem
        elif name not in errors and contains_password(text, short_field=short):
            errors[name] = PASSWORD_WARNING
    happened_at, has_time = None, False
    if form.when_text.strip() and "when" not in errors:
        try:
            moment = parse_past_moment(form.when_text, services.tz, services.now())
            happened_at, has_time = moment.at, moment.has_time
        except (DateNotUnderstood, DateInFuture) as exc:
            errors["when"] = str(exc)
    if errors:
        raise FormErrors(errors)
    assert rule is not None
    return rule, happened_at, has_time


@dataclass(frozen=True)
class ReportDraft:
    """A checked report, ready to save: its row, less the reference it is given when saved."""

    submission_key: str
    prefix: str
    year: int
    row: dict[str, Any]


async def receive_report(
    services: Services, form: ReportForm, reporter_id: str, submission_key: str, reporter_handle: str = ""
) -> Filed:
    """Check and save a report, and say where it is going. This runs before Slack is answered, so it
    does the least that makes the report safe: one row, written once however often it is submitted,
    in one transaction with any other reports filed at the same moment. Working out its people and
    telling them follows at once in the scheduler (`route_received`)."""
    now = services.now()
    snapshot = await org_snapshot(services)
    rule, happened_at, has_time = validate_form(form, snapshot.rules, snapshot.directory, services)
    facts = ReportFacts(reporter=reporter_id, activity=form.activity, team_member=form.team_member)
    went_to = _first_tier_label(rule, snapshot.directory, facts, await away_book(services))
    details = {"description": form.description.strip(), "participant": form.participant.strip(),
               "when_text": form.when_text.strip(), "account": form.account.strip()}
    if snapshot.directory.by_key(reporter_id) is None:
        # Not in the organisation file: keep the name they go by on the platform, so handlers can reach them.
        details["reporter_handle"] = reporter_handle[:80]
    urgent = rule.urgent or form.immediate_risk
    draft = ReportDraft(
        submission_key=submission_key,
        prefix=snapshot.config.organisation.prefix if snapshot.config else "REP",
        year=services.local_now().year,
        row=dict(
            kind=rule.kind.value,
            status="open",
            urgent=urgent,
            immediate_risk=form.immediate_risk,
            activity_key=form.activity,
            reporter_id=reporter_id,
            name_only_to_handler=form.name_only_to_handler,
            team_member_enc=services.cipher.encrypt(form.team_member) if form.team_member else None,
            details_enc=services.cipher.encrypt_json(details),
            happened_at=happened_at,
            happened_has_time=has_time,
            created_at=now,
            tier=0,
            acknowledge_by=acknowledge_deadline(rule, now, services, form.immediate_risk),
        ),
    )
    report_id, reference = await services.db.write_together(save_reports, draft)
    return Filed(
        report_id=report_id, reference=reference, went_to=went_to,
        when_understood=describe(happened_at, services.tz, has_time) if happened_at else None,
        urgent=urgent, immediate_risk=form.immediate_risk, signpost=rule.signpost,
    )


def save_reports(runner: StatementRunner, drafts: Sequence[ReportDraft]) -> list[tuple[int, str]]:
    """Save reports filed together, giving each its reference. A submission seen before (a double
    click, Slack retrying) gets the report already saved from it: never a second one."""
    saved = reports_by_submission(runner, [draft.submission_key for draft in drafts])
    fresh: dict[str, ReportDraft] = {}
    for draft in drafts:
        if draft.submission_key not in saved:
            fresh.setdefault(draft.submission_key, draft)
    rows: list[dict[str, Any]] = []
    for year in sorted({draft.year for draft in fresh.values()}):
        of_year = [draft for draft in fresh.values() if draft.year == year]
        numbers = reserve_reference_numbers(runner, "report", year, len(of_year))
        for draft, number in zip(of_year, numbers, strict=True):
            rows.append({**draft.row, "submission_key": draft.submission_key,
                         "reference": f"{draft.prefix}-{year}-{number:04d}"})
    for row, report_id in zip(rows, insert_reports(runner, rows), strict=True):
        saved[row["submission_key"]] = (report_id, row["reference"])
    record_audits(runner, [
        {"at": row["created_at"], "actor": row["reporter_id"], "action": "report.filed", "subject_type": "report",
         "subject_id": row["reference"], "detail": {"kind": row["kind"]}}
        for row in rows
    ])
    return [saved[draft.submission_key] for draft in drafts]


def _facts(services: Services, report: Report) -> ReportFacts:
    return ReportFacts(reporter=report.reporter_id, activity=report.activity_key, team_member=team_member_of(services, report))


def _first_tier_label(rule: RoutingRule, directory: Directory, facts: ReportFacts, away: AwayBook) -> str:
    try:
        tier = first_tier(rule, directory, facts, away)
    except NoOneToRouteTo as exc:
        raise DomainError(str(exc)) from exc
    return " and ".join(dict.fromkeys(r.role_label for r in tier))


async def route_received(session: AsyncSession, services: Services, report_id: int) -> bool:
    """Work out a saved report's chain, watchers and deadlines, and tell everyone. Once per report."""
    report = await report_for_update(session, report_id)
    if report is None or report.routed_at is not None:
        return False
    now = services.now()
    snapshot = await org_snapshot(services)
    rule = rule_of(snapshot.rules, report)
    try:
        route = route_report(rule, snapshot.directory, _facts(services, report), await away_at(session, now))
    except NoOneToRouteTo:
        log.error("report %s has nobody to go to; it waits until the organisation file names someone", report.reference)
        return False
    for tier_index, tier in enumerate(route.tiers):
        for recipient in tier:
            report.parties.append(ReportParty(person_key=recipient.person_key, part="handler", tier=tier_index,
                                              role_label=recipient.role_label))
    for part, recipients in (("watcher", route.watchers), ("told", route.told_it_exists)):
        for recipient in recipients:
            report.parties.append(ReportParty(person_key=recipient.person_key, part=part, tier=0,
                                              role_label=recipient.role_label))
    # Whoever was left out for being away keeps a part, "away": what arrived for them is theirs to see
    # on their return (bot/away_return.py), once the report reached the tier that took it on for them.
    for skipped in route.skipped:
        report.parties.append(ReportParty(person_key=skipped.recipient.person_key, part="away", tier=skipped.tier,
                                          role_label=skipped.recipient.role_label))
    for task_kind, wanted in (("rotate_password", rule.rotate_password), ("take_down", rule.take_down)):
        if wanted:
            report.tasks.append(ReportTask(kind=task_kind, created_at=now))
    for clock in clocks_started(rule, about_team_member=report.team_member_enc is not None):
        report.clocks.append(ReportClock(clock=clock.id.value, started_at=report.created_at,
                                         due_at=clock_due(clock, report.created_at, services)))
    report.routed_at = now
    await session.flush()
    await schedule_timer(session, kind=ESCALATE, dedupe_key=f"report:{report.id}:escalate:0",
                         due_at=report.acknowledge_by, payload={"report_id": report.id, "tier": 0})
    for row in report.clocks:
        await _schedule_clock_reminder(session, report, row, after=report.created_at, n=1)
    for skipped in route.skipped:
        await record_audit(session, at=now, actor="system", action="report.skipped_away", subject_type="report",
                           subject_id=report.reference, detail=away_params(skipped.away, services.tz))
    if route.everyone_away:
        # Counted, without names, in the digest (bot/digest/sections.py).
        await record_audit(session, at=now, actor="system", action="report.everyone_away", subject_type="report",
                           subject_id=report.reference, detail={"to": [p.person_key for p in handlers_in(report, 0)]})
    await record_audit(session, at=now, actor="system", action="report.routed", subject_type="report",
                       subject_id=report.reference, detail={"to": [p.person_key for p in handlers_in(report, 0)]})
    if rule.rotate_password:
        await _password_reported(session, services, report)
    await _tell_everyone(session, services, report, rule, snapshot.directory, newly=handlers_in(report, 0), include_told=True)
    if snapshot.directory.by_key(report.reporter_id) is None:
        await _ask_admins_to_add(session, services, snapshot.directory, report)
    return True


async def _password_reported(session: AsyncSession, services: Services, report: Report) -> None:
    """Issue 4: the named account's password starts changing at once when its reporter may start that
    (they hold the account, or are an admin); otherwise its task waits for an admin handling the report
    to start it (`start_password_change`), so nobody can set off urgent reminders for any account."""
    from bot.accounts.workflow import ReportedExposure, exposure_reported

    reported = await exposure_reported(session, services, report.id, report.reporter_id,
                                       details_of(services, report).get("account", ""))
    if reported is ReportedExposure.AWAITING_ADMIN:
        for task in report.tasks:
            if task.kind == "rotate_password":
                task.state = AWAITING_START


async def _ask_admins_to_add(session: AsyncSession, services: Services, directory: Directory, report: Report) -> None:
    """Someone not in the organisation file made a report: the admins are told once that they should
    be added (so their next report reaches the right people), and nothing of the report itself. Not
    for a report whose reporter asked that only its handlers know their name: the admins may not be
    among them, and learning that this person made a report is already too much (its handlers see
    that they are not in the file; the next report they make without asking tells the admins)."""
    if report.name_only_to_handler:
        return
    if any(e.action == "report.reporter_not_in_file" for e in await audit_trail(session, "person", report.reporter_id)):
        return
    now = services.now()
    handle = details_of(services, report).get("reporter_handle") or ""
    for admin in directory.with_role(Role.ADMIN):
        await enqueue_message(session, services.cipher, now=now, to=ToPerson(admin.key), template="report.add_reporter",
                              params={"person_ref": report.reporter_id, "handle": handle},
                              message_key=f"report.add_reporter:{report.reporter_id}:{admin.key}")
    await record_audit(session, at=now, actor="system", action="report.reporter_not_in_file", subject_type="person",
                       subject_id=report.reporter_id)


async def route_unrouted(services: Services) -> int:
    """Route every report saved but not yet routed: new ones, and any a stopped process left behind.
    One transaction each, so people filing meanwhile are not kept waiting."""
    async with services.db.reading() as session:
        waiting = list(await unrouted_report_ids(session))
    routed = 0
    for report_id in waiting:
        try:
            async with services.db.unit_of_work(background=True) as session:
                routed += await route_received(session, services, report_id)
        except DecryptionError as exc:
            # One unreadable report must not keep every later one from reaching its handlers.
            _say_unreadable_once(services, report_id, "routed", exc)
    return routed


def _say_unreadable_once(services: Services, report_id: int, not_done: str, exc: DecryptionError) -> None:
    """Log a report that cannot be decrypted once, not every round: it stays as it is until the key
    that wrote it is back."""
    said = services.cache.setdefault("unreadable_reports", set())
    if (report_id, not_done) not in said:  # type: ignore[operator]
        said.add((report_id, not_done))  # type: ignore[attr-defined]
        log.error("report %s cannot be decrypted, so it was not %s: %s", report_id, not_done, exc)


def clock_due(clock: StatutoryClock, started: datetime, services: Services) -> datetime:
    """A clock's deadline: a fixed time after it started, or the same time after its working days
    (Monday to Friday, in the organisation's timezone). For "promptly", when it counts as overdue."""
    if clock.working_days:
        due = started
        for _ in range(clock.working_days):
            due = next_working_day(due, services.tz)
        return due
    assert clock.within is not None
    return started + clock.within


async def _schedule_clock_reminder(session: AsyncSession, report: Report, row: ReportClock, *, after: datetime, n: int) -> None:
    """The clock's next reminder: `remind_every` after `after`, or at its deadline if that comes first,
    so that an overdue clock is escalated as it falls due. `n` keeps each reminder scheduled once."""
    due = after + clock_of(row).remind_every
    if after < row.due_at < due:
        due = row.due_at
    await schedule_timer(session, kind=CLOCK_REMINDER, dedupe_key=f"report:{report.id}:clock:{row.clock}:{n}",
                         due_at=due, payload={"report_id": report.id, "clock": row.clock, "n": n})


def acknowledge_deadline(rule: RoutingRule, now: datetime, services: Services, immediate_risk: bool) -> datetime:
    if immediate_risk:
        return now + timedelta(hours=1) if rule.acknowledge_within is None else now + min(rule.acknowledge_within, timedelta(hours=1))
    if rule.acknowledge_within is None:
        return next_working_day(now, services.tz)
    return now + rule.acknowledge_within


async def _tell_everyone(
    session: AsyncSession,
    services: Services,
    report: Report,
    rule: RoutingRule,
    directory: Directory,
    newly: list[ReportParty] | None = None,
    include_told: bool = False,
) -> None:
    """Queue each person's view of the report: handlers of every tier reached so far, watchers, and the
    reporter. Keyed per person, so a change updates the message they already have."""
    now = services.now()
    newly_ids = {p.person_key for p in newly or []}
    for party in report.parties:
        if party.part == "handler" and party.tier > report.tier:
            continue
        if party.part == "told" and not include_told:
            continue
        if party.part == "away":  # told on their return (bot/away_return.py), not while away
            continue
        audience = party.part
        params = snapshot_for(services, report, rule, directory, audience, party.person_key)
        params["newly_yours"] = party.person_key in newly_ids
        if audience == "handler":
            params["can_export"] = may_export(await org_snapshot(services), party.person_key)
        key = f"report:{report.id}:{audience}:{party.person_key}"
        await enqueue_message(session, services.cipher, now=now, to=ToPerson(party.person_key),
                              template=f"report.{audience}", params=params, message_key=key)
    reporter_params = snapshot_for(services, report, rule, directory, "reporter", report.reporter_id)
    await enqueue_message(session, services.cipher, now=now, to=ToPerson(report.reporter_id), template="report.reporter",
                          params=reporter_params, message_key=f"report:{report.id}:reporter")


# -- handling ----------------------------------------------------------------------------------------


def check_free_text(**fields: str) -> None:
    """What a handler or reporter types after filing is stored and forwarded too: refuse it, beside
    its field, if it is longer than its form allows or holds a password, as the /report form does."""
    errors: dict[str, str] = {}
    for name, text in fields.items():
        if problem := _too_long(name, text):
            errors[name] = problem
        elif contains_password(text):
            errors[name] = PASSWORD_WARNING
    if errors:
        raise FormErrors(errors)


async def ensure_can_handle(session: AsyncSession, report_id: int, actor: str) -> Report:
    """Before opening a modal for an action: refuse people who are not on the report's chain."""
    report = await session.get(Report, report_id)
    if report is None:
        raise DomainError("I can't find that report any more.")
    if not can_act(report, actor):
        raise NotAllowed(_refusal(report, actor))
    return report


async def _load_for_action(session: AsyncSession, report_id: int, actor: str) -> Report:
    report = await report_for_update(session, report_id)
    if report is None:
        raise DomainError("I can't find that report any more.")
    if not can_act(report, actor):
        raise NotAllowed(_refusal(report, actor))
    return report


async def acknowledge(session: AsyncSession, services: Services, report_id: int, actor: str) -> Outcome:
    report = await _load_for_action(session, report_id, actor)
    if report.status != "open":
        return Outcome(False, f"{report.reference} was already {report.status}.")
    now = services.now()
    report.status = "acknowledged"
    report.acknowledged_at = now
    report.acknowledged_by = actor
    await cancel_timers(session, prefix=f"report:{report.id}:escalate:")
    await record_audit(session, at=now, actor=actor, action="report.acknowledged", subject_type="report",
                       subject_id=report.reference)
    await _refresh(session, services, report)
    return Outcome(True, f"Thank you. {report.reference} is acknowledged, and the reporter has been told.")


async def handler_view(session: AsyncSession, services: Services, report_id: int, viewer: str) -> dict[str, Any] | None:
    """The report's card as `viewer`, one of its handlers, sees it now: the params the outbox sends them.
    For a platform that answers a button's press with the card updated in place (Teams). None if the
    report is gone or `viewer` does not handle it."""
    report = await report_for_update(session, report_id)
    if report is None or not any(p.part == "handler" and p.person_key == viewer for p in report.parties):
        return None
    snapshot = await org_snapshot(services)
    params = snapshot_for(services, report, rule_of(snapshot.rules, report), snapshot.directory, "handler", viewer)
    params["can_export"] = may_export(snapshot, viewer)
    return params


async def escalate(
    session: AsyncSession, services: Services, report_id: int, actor: str, reason: str, *, from_tier: int
) -> Outcome:
    """Move the report to the next tier of its chain. `from_tier` is the tier the person saw, so a
    repeated click (or a timer that fires late) cannot escalate twice."""
    report = (
        await report_for_update(session, report_id)
        if actor == "system"
        else await _load_for_action(session, report_id, actor)
    )
    if report is None:
        return Outcome(False, "That report no longer exists.")
    if report.status == "resolved":
        return Outcome(False, f"{report.reference} is already resolved.")
    if report.tier != from_tier:
        return Outcome(False, f"{report.reference} has already been passed on.")
    check_free_text(reason=reason)
    next_tier = handlers_in(report, report.tier + 1)
    if not next_tier:
        if actor == "system":
            return Outcome(False, "end of chain")
        raise DomainError(f"{report.reference} is already with the last people in its chain, so there is nobody to pass it to.")
    now = services.now()
    rules = await _rules(services)
    rule = rule_of(rules, report)
    report.tier += 1
    report.escalations += 1
    if reason.strip():
        report.notes.append(ReportNote(at=now, author=actor, kind="escalation", text_enc=services.cipher.encrypt(reason.strip())))
    if report.status == "open":
        report.acknowledge_by = acknowledge_deadline(rule, now, services, report.immediate_risk)
        await schedule_timer(session, kind=ESCALATE, dedupe_key=f"report:{report.id}:escalate:{report.tier}",
                             due_at=report.acknowledge_by, payload={"report_id": report.id, "tier": report.tier})
    await record_audit(session, at=now, actor=actor, action="report.escalated", subject_type="report",
                       subject_id=report.reference,
                       detail={"tier": report.tier, "automatic": actor == "system", "to": [p.person_key for p in next_tier]})
    await session.flush()
    directory = (await org_snapshot(services)).directory
    await _tell_everyone(session, services, report, rule, directory, newly=next_tier)
    if actor == "system":
        await enqueue_message(session, services.cipher, now=now, to=ToPerson(report.reporter_id), template="report.still_handled",
                              params={"reference": report.reference, "with_role": current_role_label(report)})
    return Outcome(True, f"{report.reference} has been passed to {current_role_label(report, for_reporter=False)}.")


async def resolve(
    session: AsyncSession, services: Services, report_id: int, actor: str, outcome: str, actions_taken: str
) -> Outcome:
    report = await _load_for_action(session, report_id, actor)
    if report.status == "resolved":
        return Outcome(False, f"{report.reference} was already resolved.")
    if not outcome.strip():
        raise FormErrors({"outcome": "Please say what the outcome was."})
    check_free_text(outcome=outcome, actions_taken=actions_taken)
    now = services.now()
    report.status = "resolved"
    report.resolved_at = now
    report.resolved_by = actor
    text = outcome.strip() + (f"\nActions taken: {actions_taken.strip()}" if actions_taken.strip() else "")
    report.notes.append(ReportNote(at=now, author=actor, kind="resolution", text_enc=services.cipher.encrypt(text)))
    await cancel_timers(session, prefix=f"report:{report.id}:")
    await record_audit(session, at=now, actor=actor, action="report.resolved", subject_type="report",
                       subject_id=report.reference)
    await _refresh(session, services, report)
    return Outcome(True, f"{report.reference} is resolved. Thank you for handling it.")


async def reopen(session: AsyncSession, services: Services, report_id: int, actor: str, reason: str) -> Outcome:
    """A resolved report taken up again by someone who could act on it, with their reason. It goes back
    to where it stood before it was resolved (acknowledged, or waiting, with its escalation restarted)."""
    report = await _load_for_action(session, report_id, actor)
    if report.status != "resolved":
        return Outcome(False, f"{report.reference} is not resolved, so there is nothing to reopen.")
    if not reason.strip():
        raise FormErrors({"reason": "Please say why it is being reopened."})
    check_free_text(reason=reason)
    now = services.now()
    report.status = "acknowledged" if report.acknowledged_at else "open"
    report.resolved_at, report.resolved_by = None, None
    report.notes.append(ReportNote(at=now, author=actor, kind="reopening", text_enc=services.cipher.encrypt(reason.strip())))
    if report.status == "open":
        rule = rule_of(await _rules(services), report)
        report.acknowledge_by = acknowledge_deadline(rule, now, services, report.immediate_risk)
        await schedule_timer(session, kind=ESCALATE, dedupe_key=f"report:{report.id}:escalate:{report.tier}:reopened:{now.isoformat()}",
                             due_at=report.acknowledge_by, payload={"report_id": report.id, "tier": report.tier})
    # Resolving stopped its clocks' reminders: those still open start again (numbered afresh, after
    # any reminder scheduled before).
    for row in report.clocks:
        if row.decision is None:
            await _schedule_clock_reminder(session, report, row, after=now, n=int(now.timestamp() * 1000))
    await record_audit(session, at=now, actor=actor, action="report.reopened", subject_type="report",
                       subject_id=report.reference)
    await _refresh(session, services, report)
    return Outcome(True, f"{report.reference} is open again. The reporter has been told.")


async def ask_reporter(session: AsyncSession, services: Services, report_id: int, actor: str, question: str) -> Outcome:
    report = await _load_for_action(session, report_id, actor)
    if not question.strip():
        raise FormErrors({"question": "Please type your question."})
    check_free_text(question=question)
    now = services.now()
    note = ReportNote(at=now, author=actor, kind="question", text_enc=services.cipher.encrypt(question.strip()))
    report.notes.append(note)
    await session.flush()
    await enqueue_message(
        session, services.cipher, now=now, to=ToPerson(report.reporter_id), template="report.question",
        params={"reference": report.reference, "note_id": note.id, "question": question.strip(),
                "asked_by": own_role_in(report, actor) or "the person handling it"},
        message_key=f"report:{report.id}:question:{note.id}",
    )
    await record_audit(session, at=now, actor=actor, action="report.question_asked", subject_type="report",
                       subject_id=report.reference, detail={"note": note.id})
    await _refresh(session, services, report)
    return Outcome(True, "Your question has been sent to the reporter. Their answer will appear on the report.")


async def question_for_reporter(session: AsyncSession, services: Services, note_id: int, actor: str) -> str:
    """The text of a question, for the reporter's reply modal: only they may see it there."""
    note = await session.get(ReportNote, note_id)
    if note is None or note.kind != "question":
        raise DomainError("I can't find that question any more.")
    report = await session.get(Report, note.report_id)
    if report is None or report.reporter_id != actor:
        raise NotAllowed("Only the person who made the report can answer this question.")
    return services.cipher.decrypt(note.text_enc)


async def answer_question(session: AsyncSession, services: Services, note_id: int, actor: str, answer: str) -> Outcome:
    question = await note_for_update(session, note_id)
    if question is None or question.kind != "question":
        raise DomainError("I can't find that question any more.")
    report = await report_for_update(session, question.report_id)
    assert report is not None
    if report.reporter_id != actor:
        raise NotAllowed("Only the person who made the report can answer this question.")
    if question.answered:
        return Outcome(False, "You have already answered this question. Thank you.")
    if not answer.strip():
        raise FormErrors({"answer": "Please type your answer."})
    check_free_text(answer=answer)
    now = services.now()
    question.answered = True
    report.notes.append(ReportNote(at=now, author=actor, kind="answer", text_enc=services.cipher.encrypt(answer.strip())))
    await record_audit(session, at=now, actor=actor, action="report.question_answered", subject_type="report",
                       subject_id=report.reference, detail={"note": note_id})
    await session.flush()
    await _refresh(session, services, report)
    for party in handlers_in(report, report.tier):
        await enqueue_message(session, services.cipher, now=now, to=ToPerson(party.person_key), template="report.answered",
                              params={"reference": report.reference})
    return Outcome(True, f"Thank you. Your answer has been added to {report.reference}.")


async def complete_task(
    session: AsyncSession, services: Services, report_id: int, actor: str, task_kind: str
) -> Outcome:
    """Mark follow-up work done (a post taken down) or start it (revoking a young leader's access)."""
    report = await _load_for_action(session, report_id, actor)
    now = services.now()
    task = next((t for t in report.tasks if t.kind == task_kind), None)
    if task is None:
        task = ReportTask(kind=task_kind, created_at=now)
        report.tasks.append(task)
    if task.state == "done":
        return Outcome(False, "That was already done.")
    task.state, task.done_at, task.done_by = "done", now, actor
    await record_audit(session, at=now, actor=actor, action=f"report.{task_kind}", subject_type="report",
                       subject_id=report.reference)
    if task_kind == "revoke_access":
        directory = (await org_snapshot(services)).directory
        subject = directory.by_key(team_member_of(services, report))
        for admin in directory.with_role(Role.ADMIN):
            await enqueue_message(session, services.cipher, now=now, to=ToPerson(admin.key), template="report.revoke_access",
                                  params={"reference": report.reference, "young_leader": subject.name if subject else "the young leader"})
    await session.flush()
    await _refresh(session, services, report)
    done = {"revoke_access": "The admins have been asked to remove their access to our accounts now.",
            "take_down": "Marked as taken down.", "rotate_password": "Marked as changed."}
    return Outcome(True, done.get(task_kind, "Done."))


async def start_password_change(session: AsyncSession, services: Services, report_id: int, actor: str) -> Outcome:
    """An admin handling a password report from someone outside the account starts its urgent change.
    The report row is locked, so a double click starts it once."""
    report = await _load_for_action(session, report_id, actor)
    task = next((t for t in report.tasks if t.kind == "rotate_password"), None)
    if task is None:
        raise DomainError(f"{report.reference} is not about a password, so there is no password change to start.")
    if report.status == "resolved":
        return Outcome(False, f"{report.reference} is already resolved, so nothing has been started.")
    if task.state != AWAITING_START:
        return Outcome(False, f"The password change for {report.reference} has already been started.")
    from bot.accounts.workflow import start_reported_exposure

    outcome = await start_reported_exposure(session, services, report.id, actor, details_of(services, report).get("account", ""))
    task.state = "open"  # under way (started now, or already): done when the change is recorded
    await record_audit(session, at=services.now(), actor=actor, action="report.password_change_started",
                       subject_type="report", subject_id=report.reference)
    await _refresh(session, services, report)
    return outcome


async def report_account_exposure(services: Services, account_name: str, actor: str, submission_key: str) -> Outcome:
    """/accounts exposed from someone outside the account: their flag is filed as a password report, through
    this workflow (its routing, deadlines and escalation), instead of starting the rotation directly."""
    form = ReportForm(kind="password_exposure", account=account_name,
                      description=f"Flagged in the shared accounts register by someone who doesn't hold it: the {account_name} password "
                                  "may have been revealed.")
    filed = await receive_report(services, form, actor, submission_key)
    return Outcome(True, f"Thank you for flagging {account_name}. As you don't own or use it, I've passed it to "
                         f"{filed.went_to} as report {filed.reference}, marked urgent. They will check with its owner "
                         f"and, if it needs changing, start the password change; I'll message you as it is handled. "
                         f"Never type the password.")


async def password_changed(session: AsyncSession, services: Services, account_id: int, report_id: int | None,
                           actor: str) -> None:
    """Hook for bot/accounts (accounts.WHEN_PASSWORD_CHANGED): the account a report named has had its
    password changed, so the report's task is done."""
    if report_id is None:
        return
    report = await report_for_update(session, report_id)
    task = next((t for t in report.tasks if t.kind == "rotate_password" and t.state != "done"), None) if report else None
    if report is None or task is None:
        return
    task.state, task.done_at, task.done_by = "done", services.now(), actor
    await record_audit(session, at=services.now(), actor=actor, action="report.rotate_password", subject_type="report",
                       subject_id=report.reference)
    await _refresh(session, services, report)


async def _refresh(session: AsyncSession, services: Services, report: Report) -> None:
    await session.flush()
    rules = await _rules(services)
    directory = (await org_snapshot(services)).directory
    await _tell_everyone(session, services, report, rule_of(rules, report), directory)


async def reports_for(session: AsyncSession, services: Services, person_key: str) -> list[dict[str, str]]:
    """`/report list`: what a person filed or handles, with status and age."""
    from storage.reports import reports_involving

    rules = await _rules(services)
    rows = []
    for report in await reports_involving(session, person_key):
        if report.reporter_id == person_key:
            relation = "you reported it"
        elif can_act(report, person_key):
            relation = "you handle it"
        elif any(p.person_key == person_key and p.part == "told" for p in report.parties):
            relation = "you are told of it"
        else:
            continue  # later in its chain, and not passed on: they have not been told of it
        rows.append({
            "reference": report.reference,
            "kind": rule_of(rules, report).label,
            "status": report.status,
            "age": _age(services.now() - report.created_at),
            "relation": relation,
        })
    return rows


def _age(delta: timedelta) -> str:
    hours = int(delta.total_seconds() // 3600)
    if hours < 1:
        return "just now"
    if hours < 48:
        return f"{hours} hour{'s' if hours != 1 else ''} old"
    return f"{hours // 24} days old"


# -- timers ------------------------------------------------------------------------------------------


async def on_escalation_due(ctx: TimerContext, payload: dict[str, Any]) -> None:
    """Nobody acknowledged in time: pass it on, or at the end of the chain remind the last people."""
    session, services = ctx.session, ctx.services
    report = await report_for_update(session, int(payload["report_id"]))
    if report is None or report.status != "open" or report.tier != int(payload["tier"]):
        return
    outcome = await escalate(session, services, report.id, "system",
                             "Not acknowledged in time, so passed on automatically.", from_tier=report.tier)
    if outcome.changed:
        return
    # End of the chain: remind, and keep reminding at the same pace until someone acknowledges.
    rule = rule_of(await _rules(services), report)
    report.acknowledge_by = acknowledge_deadline(rule, ctx.now, services, report.immediate_risk)
    reminder = report.escalations + 1
    report.escalations = reminder
    for party in handlers_in(report, report.tier):
        await enqueue_message(session, services.cipher, now=ctx.now, to=ToPerson(party.person_key), template="report.reminder",
                              params={"reference": report.reference, "kind_label": rule.label, "urgent": report.urgent})
    await schedule_timer(session, kind=ESCALATE, dedupe_key=f"report:{report.id}:escalate:{report.tier}:r{reminder}",
                         due_at=report.acknowledge_by, payload={"report_id": report.id, "tier": report.tier})
    await record_audit(session, at=ctx.now, actor="system", action="report.reminded", subject_type="report",
                       subject_id=report.reference)


async def on_clock_reminder(ctx: TimerContext, payload: dict[str, Any]) -> None:
    """Remind the people handling a report that a statutory clock is still open; once it is overdue,
    tell those it escalates to as well (its reference and where it stands, never its details)."""
    session, services = ctx.session, ctx.services
    report = await report_for_update(session, int(payload["report_id"]))
    if report is None or report.status == "resolved":
        return
    row = next((c for c in report.clocks if c.clock == payload.get("clock", ClockId.ICO.value)), None)
    if row is None or row.decision is not None:
        return
    clock = clock_of(row)
    rule = rule_of(await _rules(services), report)
    params = {"reference": report.reference, "kind_label": rule.label, "body": clock.body, "to_do": clock.to_do,
              "promptly": clock.promptly, "hours_left": _hours_left(row.due_at, ctx.now),
              "deadline": describe(row.due_at, services.tz)}
    reminded = [p.person_key for p in handlers_in(report, report.tier)]
    for person_key in reminded:
        await enqueue_message(session, services.cipher, now=ctx.now, to=ToPerson(person_key), template="report.clock_reminder",
                              params=params)
    await record_audit(session, at=ctx.now, actor="system", action="report.clock_reminded", subject_type="report",
                       subject_id=report.reference, detail={"clock": row.clock, "to": reminded})
    if ctx.now >= row.due_at:
        beyond = _escalation_people(services, report, clock, (await org_snapshot(services)).directory, set(reminded))
        for person_key in beyond:
            await enqueue_message(session, services.cipher, now=ctx.now, to=ToPerson(person_key), template="report.clock_overdue",
                                  params=params | {"with_role": current_role_label(report, for_reporter=False)})
        if beyond and row.escalated_at is None:
            row.escalated_at = ctx.now
            await record_audit(session, at=ctx.now, actor="system", action="report.clock_escalated", subject_type="report",
                               subject_id=report.reference, detail={"clock": row.clock, "to": beyond})
    await _schedule_clock_reminder(session, report, row, after=ctx.now, n=int(payload["n"]) + 1)


def _escalation_people(
    services: Services, report: Report, clock: StatutoryClock, directory: Directory, reminded: set[str]
) -> list[str]:
    """The first role the clock escalates to with someone in it who is not already reminded, nor the
    report's reporter, nor the person it is about."""
    facts = _facts(services, report)
    left_out = reminded | {facts.reporter, facts.team_member} - {None}
    for step in clock.escalate_to:
        found = [m.key for m in resolve_step(step, directory, facts) if m.key not in left_out]
        if found:
            return list(dict.fromkeys(found))
    return []


async def on_ico_reminder(ctx: TimerContext, payload: dict[str, Any]) -> None:
    """A reminder scheduled before the clocks were data: the ICO clock's."""
    await on_clock_reminder(ctx, {"report_id": payload["report_id"], "clock": ClockId.ICO.value, "n": payload["n"]})


@dataclass(frozen=True)
class ClockRecord:
    """What a handler recorded for a statutory clock: reported (on a day, with the body's reference if
    it gave one) or not (with the reason)."""

    clock: str
    decision: str | None  # "reported" or "not_reported"
    reported_on: str = ""  # an ISO date, from the form's date picker
    reference: str = ""
    reason: str = ""


async def clock_for_action(session: AsyncSession, report_id: int, actor: str, clock_id: str) -> tuple[Report, StatutoryClock]:
    """Before opening a clock's modal: the report, for someone who may act on it, and the clock, if it started one."""
    report = await ensure_can_handle(session, report_id, actor)
    row = next((c for c in report.clocks if c.clock == clock_id), None)
    if row is None:
        raise DomainError(f"{report.reference} has no such deadline, so there is nothing to record.")
    if row.decision is not None:
        raise DomainError(_already_recorded(report, clock_of(row)))
    return report, clock_of(row)


def _already_recorded(report: Report, clock: StatutoryClock) -> str:
    return f"What was decided about {clock.body} for {report.reference} is already recorded, so nothing has changed."


def _check_clock_record(record: ClockRecord, clock: StatutoryClock, services: Services) -> date | None:
    errors: dict[str, str] = {}
    reported_on = None
    if record.decision == "reported":
        try:
            reported_on = date.fromisoformat(record.reported_on) if record.reported_on else None
        except ValueError:
            errors["reported_on"] = "Please choose the day from the calendar."
        else:
            if reported_on is None:
                errors["reported_on"] = f"Please give the day it was {clock.done}."
            elif reported_on > services.local_now().date():
                errors["reported_on"] = f"That day is still to come. Please give the day it was {clock.done}."
    elif record.decision == "not_reported":
        if not record.reason.strip():
            errors["reason"] = ("Please give the trustees' reason for not reporting it." if clock.trustees_decide
                                else f"Please say why it was not {clock.done}.")
    else:
        errors["decision"] = "Please choose what was decided."
    for name, text in (("reference", record.reference), ("reason", record.reason)):
        if name not in errors and (problem := _too_long(name, text)):
            errors[name] = problem
        # Not as a short field: a body's reference ("LADO/2026/117") is shaped like a bare password.
        elif name not in errors and contains_password(text):
            errors[name] = PASSWORD_WARNING
    if errors:
        raise FormErrors(errors)
    return reported_on


async def record_clock(session: AsyncSession, services: Services, report_id: int, actor: str, record: ClockRecord) -> Outcome:
    """Record what was decided for a statutory clock, once: it stops that clock's reminders. The report
    row is locked, so a second submission finds it recorded and changes nothing."""
    report = await _load_for_action(session, report_id, actor)
    row = next((c for c in report.clocks if c.clock == record.clock), None)
    if row is None:
        raise DomainError(f"{report.reference} has no such deadline, so there is nothing to record.")
    clock = clock_of(row)
    if row.decision is not None:
        return Outcome(False, _already_recorded(report, clock))
    reported_on = _check_clock_record(record, clock, services)
    now = services.now()
    row.decision, row.reported_on, row.decided_at, row.decided_by = record.decision, reported_on, now, actor
    sentence = clock_recorded(services, row)
    if record.decision == "reported" and record.reference.strip():
        sentence += f" Their reference: {record.reference.strip()}."
    elif record.decision == "not_reported":
        sentence += f" Why: {record.reason.strip()}"
    report.notes.append(ReportNote(at=now, author=actor, kind="clock", text_enc=services.cipher.encrypt(sentence)))
    await cancel_timers(session, prefix=f"report:{report.id}:clock:{row.clock}:")
    if clock.id is ClockId.ICO:
        await cancel_timers(session, prefix=f"report:{report.id}:ico:")  # scheduled before the clocks were data
    await record_audit(session, at=now, actor=actor, action="report.clock_recorded", subject_type="report",
                       subject_id=report.reference, detail={"clock": row.clock, "decision": record.decision})
    await _refresh(session, services, report)
    return Outcome(True, f"Thank you. Recorded on {report.reference}: {sentence[:1].lower()}{sentence[1:]} "
                         f"Reminders about {clock.body} have stopped.")


LEFT = "The person handling it has left, so it was passed on."
AWAY = "Everyone it was with is away, so it was passed on."
AWAY_WITH_CLOCK = "Everyone handling it is away while a deadline to tell a body outside is running, so it was passed on."


async def reassign_from_leavers(services: Services) -> int:
    """Reports whose current handlers have all left the organisation file move on down the chain; so
    do reports still waiting to be acknowledged by people who have all gone away since they got them,
    and acknowledged ones with a statutory clock still open."""
    present = {m.key for m in (await org_snapshot(services)).directory.members}
    async with services.db.reading() as session:
        away = await away_at(session, services.now())
        stranded = []
        for report in await unresolved_reports(session):
            current = handlers_in(report, report.tier)
            if current and not any(p.person_key in present for p in current):
                stranded.append((report.id, report.tier, LEFT))
            elif current and all(p.person_key in away for p in current):
                if report.status == "open":
                    stranded.append((report.id, report.tier, AWAY))
                elif any(clock.decision is None for clock in report.clocks):
                    # Acknowledged, but a deadline to tell a body outside is running: it cannot wait for
                    # someone's holiday to end.
                    stranded.append((report.id, report.tier, AWAY_WITH_CLOCK))
    moved = 0
    for report_id, tier, reason in stranded:
        try:
            async with services.db.unit_of_work(background=True) as session:
                outcome = await escalate(session, services, report_id, "system", reason, from_tier=tier)
        except DecryptionError as exc:
            _say_unreadable_once(services, report_id, "passed on", exc)
            continue
        moved += outcome.changed
    return moved


TIMER_HANDLERS = {ESCALATE: on_escalation_due, CLOCK_REMINDER: on_clock_reminder, ICO_REMINDER: on_ico_reminder}
