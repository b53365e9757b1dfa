"""/leaver: when someone with access leaves, the passwords they knew are changed (policy 5.4).

A project manager, the CEO or an admin confirms a leaving date; the bot then asks each account's owner
to change its password, passes on the reports the leaver was handling, ends their roles on the leaving
date, and keeps a checklist (updated in place) open until every task is done.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.absences import away_at, stand_in_for, until_words
from bot.accounts.policy import LEAVER_AUTHORITY, RotationRules, rules_from
from bot.accounts.secrets import PasswordTyped, contains_password
from bot.accounts.spec import OVERALL_ACCESS_ROLES
from bot.accounts.workflow import (
    FormErrors,
    Outcome,
    close_rotation_messages,
    current_access,
    overall_admins,
    schedule_rotation_check,
    start_next_cycle,
)
from bot.addresses import ToPerson
from bot.dates import describe
from bot.directory import Directory, Member, person_key_in
from bot.errors import DomainError, NotAllowed
from bot.org import Role
from bot.scheduler import TimerContext
from bot.services import Services
from bot.snapshot import forget_org_snapshot_once_saved, org_snapshot
from storage.accounts import (
    account_for_update,
    accounts_with_access,
    leaver_by_submission,
    leaver_for_update,
    leavers_awaiting_rotation,
    open_leaver_for,
    open_rotation_tasks,
    task_for_update,
)
from storage.audit import record_audit
from storage.directory import directory_changed
from storage.models import AccountAccess, Leaver, LeaverTask, Person, Report
from storage.outbox import enqueue_message
from storage.reports import unresolved_reports
from storage.timers import cancel_timers, schedule_timer

REMINDER = "leaver.reminder"
# A leaving date is recent or coming up; anything further off is more likely a typing slip.
LEAVING_WINDOW_PAST = timedelta(days=90)
LEAVING_WINDOW_FUTURE = timedelta(days=365)
MANUAL_TASKS = ("report", "revoke_access", "handover")


@dataclass(frozen=True)
class LeaverAccount:
    id: int
    name: str
    owned: bool
    # The leaver is the only admin with overall access: another must be named first.
    last_admin: bool


@dataclass(frozen=True)
class HandledReport:
    id: int
    reference: str
    tier: int


@dataclass(frozen=True)
class LeaverPreview:
    person_key: str
    name: str
    roles: list[str]
    accounts: list[LeaverAccount]
    reports: list[HandledReport]
    manages: list[str]
    leads: list[str]
    young_leader: bool


@dataclass(frozen=True)
class LeaverForm:
    leaving_on: str
    new_owners: dict[int, str | None] = field(default_factory=dict)
    new_admins: dict[int, str | None] = field(default_factory=dict)


@dataclass(frozen=True)
class ChecklistOutcome(Outcome):
    """What a press of a checklist's button did, and the checklist as it now stands (its params), so the
    platform can redraw the message pressed at once."""

    checklist: dict[str, Any] = field(default_factory=dict)


def require_requester(member: Member | None) -> Member:
    """Refuse, kindly and before anything else, someone who may not start a checklist for anybody."""
    if member is None or not member.has(*LEAVER_AUTHORITY.starters):
        raise NotAllowed("Sorry, only a project manager, the CEO or an admin can start a leaver checklist. "
                         "Please ask one of them.")
    return member


def _require_authority(requester: Member, leaver: Member) -> None:
    if not LEAVER_AUTHORITY.may_start(requester, leaver):
        raise NotAllowed(f"Sorry, you can't start a leaver checklist for {leaver.name}. A project manager can start one "
                         f"only for people on their own projects, and not for the CEO, the Chair, a safeguarding lead "
                         f"or an admin. Please ask an admin or the CEO.")


def parse_leaving_date(text: str, services: Services) -> date:
    """A leaving date in words ("today", "Friday", "31/12/2026"), recent or coming up."""
    import dateparser

    example = "Try “today”, “next Friday” or “31/12/2026”."
    if not text.strip():
        raise ValueError(f"Please give their leaving date. {example}")
    if contains_password(text, short_field=True):
        raise PasswordTyped()
    local_now = services.local_now()
    parsed = dateparser.parse(text.strip(), languages=["en"], settings={
        "TIMEZONE": str(services.tz), "RETURN_AS_TIMEZONE_AWARE": True, "PREFER_DATES_FROM": "future",
        "RELATIVE_BASE": local_now.replace(tzinfo=None), "DATE_ORDER": "DMY"})
    if parsed is None:
        raise ValueError(f"I couldn't understand “{text.strip()[:40]}” as a date. {example}")
    day = parsed.date()
    if not local_now.date() - LEAVING_WINDOW_PAST <= day <= local_now.date() + LEAVING_WINDOW_FUTURE:
        raise ValueError(f"{describe(parsed, services.tz, with_time=False)} is more than three months ago or a year "
                         f"ahead. {example}")
    return day


def _handles_now(report: Report, person_key: str) -> bool:
    return any(p.part == "handler" and p.tier == report.tier and p.person_key == person_key for p in report.parties)


async def preview(session: AsyncSession, services: Services, requester: str, person: str) -> LeaverPreview:
    directory = (await org_snapshot(services)).directory
    starter = require_requester(directory.by_key(requester))
    leaver = directory.by_key(person)
    if leaver is None:
        raise DomainError("That person is not in our organisation file, so there is nothing for me to do.")
    if person == requester:
        raise DomainError("You can't run `/leaver` for yourself. Please ask your manager, the CEO or an admin.")
    _require_authority(starter, leaver)
    existing = await open_leaver_for(session, person)
    if existing is not None:
        raise DomainError(_already_open(existing, directory))
    accounts = []
    for account in await accounts_with_access(session, person):
        others = [m for m in overall_admins(account, directory) if m.key != person]
        accounts.append(LeaverAccount(account.id, account.name, account.owner_id == person, not others))
    reports = [HandledReport(r.id, r.reference, r.tier) for r in await unresolved_reports(session) if _handles_now(r, person)]
    names = directory.project_names
    return LeaverPreview(
        person_key=person, name=leaver.name, roles=sorted(r.value.replace("_", " ") for r in leaver.roles),
        accounts=accounts, reports=reports, manages=sorted(names.get(k, k) for k in leaver.manages),
        leads=sorted(names.get(k, k) for k in leaver.leads), young_leader=leaver.has(Role.YOUNG_LEADER),
    )


def _already_open(existing: Leaver, directory: Directory) -> str:
    return (f"{_name_in(directory, existing.requested_by)} has already started a leaver checklist for "
            f"{_name_in(directory, existing.person_key)}, so there is nothing more to do: it is in the admins' "
            f"messages, and theirs.")


async def explain_clash(session: AsyncSession, services: Services, person: str, submission_key: str) -> Outcome:
    """Why a checklist could not be saved because another for the same person was saved first (only one
    may be open): this very form was sent twice (changed False: nothing is wrong), or someone else started
    one at the same moment."""
    existing = await open_leaver_for(session, person)
    if existing is None or existing.submission_key == submission_key:
        return Outcome(False, "The leaver checklist is already made.")
    return Outcome(True, _already_open(existing, (await org_snapshot(services)).directory))


def _validate(form: LeaverForm, leaver: LeaverPreview, directory: Directory, services: Services, requester: str) -> date:
    errors: dict[str, str] = {}
    starter = directory.by_key(requester)
    # Someone starting a checklist can't hand themselves the leaver's accounts unless an admin confirms it.
    self_handover = starter is not None and not LEAVER_AUTHORITY.may_take_over_accounts(starter)
    to_starter = ("An admin has to confirm handing {account} to the person who started this checklist. Please choose "
                  "someone else, or ask an admin to start it.")
    leaving_on = None
    try:
        leaving_on = parse_leaving_date(form.leaving_on, services)
    except ValueError as exc:
        errors["leaving_on"] = str(exc)
    for account in leaver.accounts:
        if account.owned:
            chosen = directory.by_key(form.new_owners.get(account.id))
            if chosen is None or chosen.key == leaver.person_key:
                errors[f"owner_{account.id}"] = f"{leaver.name} owns {account.name}: please choose its new owner."
            elif self_handover and chosen.key == requester:
                errors[f"owner_{account.id}"] = to_starter.format(account=account.name)
        if account.last_admin:
            chosen = directory.by_key(form.new_admins.get(account.id))
            if chosen is None or chosen.key == leaver.person_key:
                errors[f"admin_{account.id}"] = (f"{leaver.name} is the last admin with overall access to {account.name}. "
                                                 f"Please name another admin before completing.")
            elif self_handover and chosen.key == requester:
                errors[f"admin_{account.id}"] = to_starter.format(account=account.name)
            elif not any(role.value in OVERALL_ACCESS_ROLES for role in chosen.roles):
                errors[f"admin_{account.id}"] = f"{chosen.name} can't hold overall access: choose an admin, the CEO or a project manager."
    if errors:
        raise FormErrors(errors)
    assert leaving_on is not None
    return leaving_on


async def start(services: Services, requester: str, person: str, form: LeaverForm, submission_key: str) -> Outcome:
    """The confirmation form, submitted: the checklist started in its own transaction (`confirm`). Only one
    may be open for a person: if another was saved first, its starter is named beside the leaving date
    (FormErrors), unless it was this very form sent twice (then it is already made, and nothing is wrong)."""
    try:
        async with services.db.unit_of_work() as session:
            return await confirm(session, services, requester, person, form, submission_key)
    except IntegrityError:
        async with services.db.reading() as session:
            clash = await explain_clash(session, services, person, submission_key)
        if clash.changed:
            raise FormErrors({"leaving_on": clash.message}) from None
        return clash


async def confirm(session: AsyncSession, services: Services, requester: str, person: str, form: LeaverForm,
                  submission_key: str) -> Outcome:
    existing = await leaver_by_submission(session, submission_key)
    if existing is not None:  # the same submission again: one checklist
        return Outcome(False, "The leaver checklist is already made.")
    snapshot = await org_snapshot(services)
    directory = snapshot.directory
    leaver_info = await preview(session, services, requester, person)
    leaving_on = _validate(form, leaver_info, directory, services, requester)
    rules = rules_from(snapshot.config.settings if snapshot.config else None)
    now, tz = services.now(), services.tz
    leaver = Leaver(person_key=person, requested_by=requester, leaving_on=leaving_on, submission_key=submission_key,
                    state="open", created_at=now, reminders_sent=0, tasks=[])
    session.add(leaver)
    # Passwords change once their access ends: at the start of their leaving day, or now if that is past.
    change_from = max(now, rules.hours.next_open(datetime.combine(leaving_on, datetime.min.time(), tzinfo=tz).astimezone(UTC), tz))
    # What the checklist changes, so cancelling it before the leaving date can put everything back.
    restore: dict[str, Any] = {"accounts": []}
    for item in leaver_info.accounts:
        account = await account_for_update(session, item.id)
        assert account is not None
        saved: dict[str, Any] = {"id": account.id, "owner_id": account.owner_id, "revoked": [], "granted": None,
                                 "rotation": None}
        if item.owned:
            account.owner_id = form.new_owners[item.id] or account.owner_id
        saved["new_owner"] = account.owner_id
        if item.last_admin:
            saved["granted"] = _grant_overall(account, form.new_admins[item.id] or "", now)
        for access in current_access(account):
            if access.person_key == person:
                access.revoked_at = now
                saved["revoked"].append(access.person_key)
        if account.exposed_at is None:
            saved["rotation"] = {"due_reason": account.due_reason, "next_due_at": account.next_due_at.isoformat(),
                                 "requested_at": _iso(account.rotation_requested_at)}
            old_cycle = start_next_cycle(account)
            await close_rotation_messages(session, services, account, old_cycle, "superseded", "A newer reminder follows.")
            account.due_reason, account.rotation_requested_at = "leaver", now
            account.next_due_at = min(account.next_due_at, change_from)
        account.updated_at = now
        leaver.tasks.append(LeaverTask(kind="rotate", account_id=account.id, assignee_id=account.owner_id,
                                       label=f"Change the {account.name} password", state="open"))
        restore["accounts"].append(saved)
    await session.flush()
    for item in leaver_info.accounts:
        account = await account_for_update(session, item.id)
        assert account is not None
        await schedule_rotation_check(session, services, account, rules)
    await _pass_on_reports(session, services, leaver, leaver_info, directory, requester)
    for project in leaver_info.manages + leaver_info.leads:
        leaver.tasks.append(LeaverTask(kind="handover", assignee_id=requester,
                                       label=f"Hand over {project} and update the organisation file", state="open"))
    if leaver_info.young_leader:
        await _revoke_young_leader(session, services, leaver, leaver_info, directory)
    await session.flush()
    await pass_tasks_of_people_away(session, services, leaver, directory)
    restore["person"] = await _end_roles(session, person, leaving_on)
    leaver.restore = restore
    # Their roles end: the next request here sees it, and every other process within seconds.
    await directory_changed(session)
    forget_org_snapshot_once_saved(session, services)
    await session.flush()
    await record_audit(session, at=now, actor=requester, action="leaver.started", subject_type="leaver",
                       subject_id=str(leaver.id), detail={"person": person, "leaving_on": leaving_on.isoformat(),
                                                          "tasks": len(leaver.tasks)})
    await schedule_timer(session, kind=REMINDER, dedupe_key=f"leaver:{leaver.id}:reminder:1",
                         due_at=rules.hours.next_open(now + rules.leaver_reminder_every, tz),
                         payload={"leaver_id": leaver.id, "n": 1})
    await refresh_checklist(session, services, leaver)
    # Nobody is removed behind their back: they hear who started it, and can ask for it to be cancelled.
    params = checklist_params(services, leaver, directory)
    await enqueue_message(session, services.cipher, now=now, to=ToPerson(person), template="leaver.notice",
                          params={"name": params["name"], "requested_by": params["requested_by"],
                                  "leaving_on": params["leaving_on"], "accounts": len(leaver_info.accounts)},
                          message_key=f"leaver:{leaver.id}:notice")
    return Outcome(True, f"Thank you. The leaver checklist for {leaver_info.name} (leaving "
                         f"{describe(datetime.combine(leaving_on, datetime.min.time(), tzinfo=tz), tz, with_time=False)}) "
                         f"has {len(leaver.tasks)} task{'s' if len(leaver.tasks) != 1 else ''}. I've sent it to you and the admins, "
                         f"and told {leaver_info.name}. You can cancel it from the checklist before their leaving date.")


async def pass_tasks_of_people_away(session: AsyncSession, services: Services, leaver: Leaver, directory: Directory) -> bool:
    """A checklist's open tasks held by someone away pass to their stand-in: the person they named to
    cover for them, or else whoever started the checklist (it is theirs to see through), or else the
    first admin who is not away. Checked when the checklist is made and each time it is brought back."""
    now = services.now()
    book = await away_at(session, now)
    admins = [m.key for m in directory.with_role(Role.ADMIN)]
    passed = False
    for task in leaver.tasks:
        away = book.get(task.assignee_id) if task.state != "done" else None
        stand_in = stand_in_for(away, directory, book, [leaver.requested_by, *admins])
        if away is None or stand_in is None:
            continue
        await record_audit(session, at=now, actor="system", action="leaver.task_passed", subject_type="leaver",
                           subject_id=str(leaver.id), detail={"task": task.id, "from": task.assignee_id, "to": stand_in,
                                                              "until": until_words(away.ends_at, services.tz)})
        task.assignee_id = stand_in
        passed = True
    return passed


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _from_iso(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _grant_overall(account: Any, person_key: str, now: datetime) -> dict[str, Any]:
    """Give someone overall access; returns what they had before, to put back if the checklist is cancelled."""
    row = next((a for a in account.access if a.person_key == person_key), None)
    if row is None:
        account.access.append(AccountAccess(person_key=person_key, overall=True, granted_at=now))
        return {"person_key": person_key, "existed": False}
    before = {"person_key": person_key, "existed": True, "overall": row.overall, "revoked_at": _iso(row.revoked_at)}
    row.overall, row.revoked_at = True, None
    return before


async def _pass_on_reports(session: AsyncSession, services: Services, leaver: Leaver, info: LeaverPreview,
                           directory: Directory, requester: str) -> None:
    from bot.reports.workflow import escalate

    for handled in info.reports:
        report = await session.get(Report, handled.id)
        assert report is not None
        others = [p for p in report.parties if p.part == "handler" and p.tier == report.tier
                  and p.person_key != info.person_key and directory.by_key(p.person_key) is not None]
        moved = bool(others)
        if not others:
            outcome = await escalate(session, services, handled.id, "system",
                                     f"{info.name} is leaving, so it was passed on.", from_tier=handled.tier)
            moved = outcome.changed
        leaver.tasks.append(LeaverTask(
            kind="report", report_id=handled.id, assignee_id=requester,
            label=(f"Report {handled.reference} passed on" if moved
                   else f"Find someone to handle report {handled.reference} (nobody is left in its chain)"),
            state="done" if moved else "open", done_at=services.now() if moved else None,
            done_by="system" if moved else None,
        ))


async def _revoke_young_leader(session: AsyncSession, services: Services, leaver: Leaver, info: LeaverPreview,
                               directory: Directory) -> None:
    admins = directory.with_role(Role.ADMIN)
    names = ", ".join(a.name for a in info.accounts) or "our social media accounts"
    leaver.tasks.append(LeaverTask(kind="revoke_access", assignee_id=admins[0].key if admins else leaver.requested_by,
                                   label=f"Remove {info.name}'s own access to {names} (young leader)", state="open"))
    for admin in admins:
        await enqueue_message(session, services.cipher, now=services.now(), to=ToPerson(admin.key),
                              template="leaver.revoke_young_leader", params={"name": info.name, "accounts": names})


async def _end_roles(session: AsyncSession, person_key: str, leaving_on: date) -> dict[str, Any]:
    """End their roles on the leaving date; returns the dates they had, to put back on cancelling."""
    person = await session.scalar(select(Person).where(Person.key == person_key))
    if person is None:
        return {}
    before = {"left_on": person.left_on.isoformat() if person.left_on else None,
              "roles": {role.role: role.ends_on.isoformat() if role.ends_on else None for role in person.roles}}
    person.left_on = leaving_on
    for role in person.roles:
        role.ends_on = leaving_on if role.ends_on is None else min(role.ends_on, leaving_on)
    return before


async def _restore_roles(session: AsyncSession, person_key: str, before: dict[str, Any]) -> None:
    person = await session.scalar(select(Person).where(Person.key == person_key))
    if person is None or not before:
        return
    person.left_on = date.fromisoformat(before["left_on"]) if before.get("left_on") else None
    for role in person.roles:
        if role.role in before["roles"]:
            ends_on = before["roles"][role.role]
            role.ends_on = date.fromisoformat(ends_on) if ends_on else None


async def _restore_account(session: AsyncSession, services: Services, saved: dict[str, Any], leaver_name: str,
                           rules: RotationRules) -> None:
    account = await account_for_update(session, int(saved["id"]))
    if account is None:
        return
    now = services.now()
    if account.owner_id == saved.get("new_owner"):  # unless someone has chosen another owner since
        account.owner_id = saved["owner_id"]
    for access in account.access:
        if access.person_key in saved["revoked"] and access.revoked_at is not None:
            access.revoked_at = None
    granted = saved.get("granted")
    row = next((a for a in account.access if granted and a.person_key == person_key_in(granted)), None)
    if row is not None and granted is not None:
        if granted["existed"]:
            row.overall, row.revoked_at = granted["overall"], _from_iso(granted["revoked_at"])
        else:
            row.revoked_at = now
    rotation = saved.get("rotation")
    # The password change it asked for is no longer needed, unless it has been done already, the password
    # may have been revealed since, or another leaver's checklist still needs it.
    if (rotation is not None and account.due_reason == "leaver" and account.exposed_at is None
            and not await leavers_awaiting_rotation(session, account.id)):
        old_cycle = start_next_cycle(account)
        await close_rotation_messages(session, services, account, old_cycle, "cancelled",
                                      f"The leaver checklist for {leaver_name} was cancelled, so no change is needed now.")
        account.due_reason = rotation["due_reason"]
        account.next_due_at = _from_iso(rotation["next_due_at"]) or account.next_due_at
        account.rotation_requested_at = _from_iso(rotation["requested_at"])
    account.updated_at = now
    await session.flush()
    await schedule_rotation_check(session, services, account, rules)


async def cancel(session: AsyncSession, services: Services, leaver_id: int, actor: str) -> Outcome:
    """Undo a checklist before the leaving date: roles, owners and access back as they were, the password
    changes it asked for withdrawn, and everyone who was told is told again."""
    leaver = await leaver_for_update(session, leaver_id)
    if leaver is None:
        raise DomainError("I can't find that checklist any more.")
    snapshot = await org_snapshot(services)
    directory = snapshot.directory
    if not LEAVER_AUTHORITY.may_cancel_as(directory.by_key(actor), leaver.requested_by, leaver.person_key):
        raise NotAllowed("Only the person who started this checklist, an admin or the CEO can cancel it, "
                         "and not the person who is leaving.")
    name = _name_in(directory, leaver.person_key)
    if leaver.state == "cancelled":
        return Outcome(False, f"The leaver checklist for {name} is already cancelled.")
    if leaver.state != "open":
        raise DomainError(f"The leaver checklist for {name} is complete, so there is nothing to cancel.")
    if leaver.restore is None:
        raise DomainError(f"The leaver checklist for {name} was made before checklists could be cancelled. "
                          f"Please talk to an admin.")
    if services.local_now().date() >= leaver.leaving_on:
        raise DomainError(f"{name}'s leaving date has come, so I can't cancel the checklist any more. "
                          f"If they are staying, please talk to an admin.")
    now = services.now()
    leaver.state = "cancelled"
    for task in leaver.tasks:
        if task.state == "open":
            task.state = "cancelled"
    await session.flush()
    restore = leaver.restore or {}
    rules = rules_from(snapshot.config.settings if snapshot.config else None)
    for saved in restore.get("accounts", []):
        await _restore_account(session, services, saved, name, rules)
    await _restore_roles(session, leaver.person_key, restore.get("person") or {})
    # Their roles are back: here at once, and in every other process within seconds.
    await directory_changed(session)
    forget_org_snapshot_once_saved(session, services)
    await cancel_timers(session, prefix=f"leaver:{leaver.id}:")
    await record_audit(session, at=now, actor=actor, action="leaver.cancelled", subject_type="leaver",
                       subject_id=str(leaver.id), detail={"person": leaver.person_key})
    params = checklist_params(services, leaver, directory)
    params["cancelled_by"] = _name_in(directory, actor)
    for target in _checklist_audience(leaver, directory):
        await enqueue_message(session, services.cipher, now=now, to=ToPerson(target), template="leaver.checklist",
                              params=params, message_key=f"leaver:{leaver.id}:checklist:{target}")
    await enqueue_message(session, services.cipher, now=now, to=ToPerson(leaver.person_key), template="leaver.cancelled",
                          params={"name": name, "cancelled_by": params["cancelled_by"]},
                          message_key=f"leaver:{leaver.id}:cancelled")
    return ChecklistOutcome(True, f"The leaver checklist for {name} is cancelled: their roles, accounts and access are "
                                  f"as they were, and I've told them and the admins. Reports already passed on stay "
                                  f"with their new handlers.", params)


def _name_in(directory: Directory, person_key: str | None) -> str:
    member = directory.by_key(person_key)
    return member.name if member else "someone"


# -- the checklist -----------------------------------------------------------------------------------


def checklist_params(services: Services, leaver: Leaver, directory: Directory) -> dict[str, Any]:
    def name(person_key: str | None) -> str:
        member = directory.by_key(person_key)
        return member.name if member else ("the bot" if person_key == "system" else "someone")

    tz = services.tz
    return {
        "leaver_id": leaver.id, "name": name(leaver.person_key), "requested_by": name(leaver.requested_by),
        "leaving_on": describe(datetime.combine(leaver.leaving_on, datetime.min.time(), tzinfo=tz), tz, with_time=False),
        "state": leaver.state,
        "tasks": [{"id": t.id, "label": t.label, "state": t.state, "assignee": name(t.assignee_id),
                   "manual": t.kind in MANUAL_TASKS,
                   "done": f"{name(t.done_by)}, {describe(t.done_at, tz)}" if t.done_at else ""} for t in leaver.tasks],
    }


def _checklist_audience(leaver: Leaver, directory: Directory) -> list[str]:
    return list(dict.fromkeys([leaver.requested_by, *(m.key for m in directory.with_role(Role.ADMIN))]))


async def refresh_checklist(session: AsyncSession, services: Services, leaver: Leaver) -> None:
    """Update the checklist everywhere it was sent; when the last task is done, close it and tell the CEO."""
    await session.flush()
    directory = (await org_snapshot(services)).directory
    now = services.now()
    newly_complete = leaver.state == "open" and all(t.state == "done" for t in leaver.tasks)
    if newly_complete:
        leaver.state, leaver.completed_at = "complete", now
        await cancel_timers(session, prefix=f"leaver:{leaver.id}:")
        await record_audit(session, at=now, actor="system", action="leaver.complete", subject_type="leaver",
                           subject_id=str(leaver.id))
    params = checklist_params(services, leaver, directory)
    for target in _checklist_audience(leaver, directory):
        await enqueue_message(session, services.cipher, now=now, to=ToPerson(target), template="leaver.checklist",
                              params=params, message_key=f"leaver:{leaver.id}:checklist:{target}")
    if newly_complete:
        for ceo in directory.with_role(Role.CEO):
            await enqueue_message(session, services.cipher, now=now, to=ToPerson(ceo.key), template="leaver.complete",
                                  params={"name": params["name"], "leaving_on": params["leaving_on"],
                                          "tasks": len(leaver.tasks)},
                                  message_key=f"leaver:{leaver.id}:complete:{ceo.key}")


async def complete_task(session: AsyncSession, services: Services, task_id: int, actor: str) -> Outcome:
    """A checklist line done by hand (a handover, access removed). Password changes are recorded with
    the nudge's buttons or /rotated, so the change itself is what ticks them off."""
    task = await task_for_update(session, task_id)
    if task is None:
        raise DomainError("I can't find that task any more.")
    leaver = await leaver_for_update(session, task.leaver_id)
    assert leaver is not None
    directory = (await org_snapshot(services)).directory
    member = directory.by_key(actor)
    if actor not in {leaver.requested_by, task.assignee_id} and not (member and member.has(Role.ADMIN)):
        raise NotAllowed("Only the person who started this checklist, the task's owner or an admin can tick it off.")
    if task.state == "done":
        return ChecklistOutcome(False, "That was already done. Thank you.", checklist_params(services, leaver, directory))
    if leaver.state != "open":
        return Outcome(False, "This checklist was cancelled, so nothing more is needed.")
    if task.kind == "rotate":
        raise DomainError("I tick this off when the password change is recorded: use the reminder's buttons or `/rotated`.")
    task.state, task.done_at, task.done_by = "done", services.now(), actor
    await record_audit(session, at=services.now(), actor=actor, action="leaver.task_done", subject_type="leaver",
                       subject_id=str(leaver.id), detail={"task": task.id, "kind": task.kind})
    await refresh_checklist(session, services, leaver)
    return ChecklistOutcome(True, "Ticked off. Thank you.", checklist_params(services, leaver, directory))


async def password_changed(session: AsyncSession, services: Services, account_id: int, report_id: int | None,
                           actor: str) -> None:
    """Hook for bot/accounts/workflow.py (WHEN_PASSWORD_CHANGED): checklists waiting for this change tick it off."""
    for task in await open_rotation_tasks(session, account_id):
        await rotation_recorded(session, services, task, actor)


async def rotation_recorded(session: AsyncSession, services: Services, task: LeaverTask, actor: str) -> None:
    leaver = await leaver_for_update(session, task.leaver_id)
    if leaver is None or task.state == "done":
        return
    task.state, task.done_at, task.done_by = "done", services.now(), actor
    await refresh_checklist(session, services, leaver)


async def on_reminder(ctx: TimerContext, payload: dict[str, Any]) -> None:
    """Bring an open checklist back to the people with tasks left, until it is complete."""
    leaver = await leaver_for_update(ctx.session, int(payload["leaver_id"]))
    if leaver is None or leaver.state != "open":
        return
    services = ctx.services
    snapshot = await org_snapshot(services)
    rules: RotationRules = rules_from(snapshot.config.settings if snapshot.config else None)
    if not rules.hours.contains(ctx.now, services.tz):
        await schedule_timer(ctx.session, kind=REMINDER, dedupe_key=f"leaver:{leaver.id}:reminder:{payload['n']}:later",
                             due_at=rules.hours.next_open(ctx.now, services.tz), payload=payload)
        return
    if await pass_tasks_of_people_away(ctx.session, services, leaver, snapshot.directory):
        await refresh_checklist(ctx.session, services, leaver)
    params = checklist_params(services, leaver, snapshot.directory)
    waiting: dict[str, list[str]] = {}
    for task in leaver.tasks:
        if task.state != "done":
            waiting.setdefault(task.assignee_id, []).append(task.label)
    waiting.setdefault(leaver.requested_by, [])
    leaver.reminders_sent += 1
    for target, labels in waiting.items():
        await enqueue_message(ctx.session, services.cipher, now=ctx.now, to=ToPerson(target), template="leaver.reminder",
                              params={"name": params["name"], "yours": labels,
                                      "open": sum(1 for t in leaver.tasks if t.state != "done")})
    n = int(payload["n"]) + 1
    await schedule_timer(ctx.session, kind=REMINDER, dedupe_key=f"leaver:{leaver.id}:reminder:{n}",
                         due_at=rules.hours.next_open(ctx.now + rules.leaver_reminder_every, services.tz),
                         payload={"leaver_id": leaver.id, "n": n})


TIMER_HANDLERS = {REMINDER: on_reminder}
