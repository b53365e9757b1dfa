"""What a person's Home tab shows: what needs them now, by their roles. Counts and roles for managers
and admins; report details only to the people handling them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from sqlalchemy import func, select

from bot.absences import away_book, until_words
from bot.away_return import for_home
from bot.dates import describe
from bot.directory import Member
from bot.messages import Bold, Code, Icon, Span, Text
from bot.org import Role
from bot.policy.document import PolicyUnavailable
from bot.policy.workflow import current_policy, signed_version
from bot.reports.workflow import handlers_in, rule_of, snapshot_for
from bot.services import Services
from bot.snapshot import org_snapshot
from storage.models import ModerationCase, Report, ReportParty


@dataclass
class HomeData:
    member: Member | None
    organisation: str
    # Each as the same params a report message is rendered from, cut to what this person may see.
    handling: list[dict[str, Any]] = field(default_factory=list)
    filed: list[dict[str, Any]] = field(default_factory=list)
    activity_open: dict[str, int] = field(default_factory=dict)
    moderation_waiting: int = 0
    people: list[tuple[str, str]] = field(default_factory=list)
    # None when no policy file is configured; otherwise whether they signed the current version.
    policy_signed: bool | None = None
    policy_version: str = ""
    # More to show, each under its title: lines of text.
    extra: dict[str, list[Text]] = field(default_factory=dict)


async def home_for(services: Services, person_key: str) -> HomeData:
    snapshot = await org_snapshot(services)
    member = snapshot.directory.by_key(person_key)
    data = HomeData(member=member, organisation=snapshot.organisation_name)
    if member is None:
        return data
    async with services.db.reading() as session:
        handled_ids = select(ReportParty.report_id).where(ReportParty.person_key == person_key, ReportParty.part == "handler")
        for report in (await session.scalars(
            select(Report).where(Report.id.in_(handled_ids), Report.status != "resolved").order_by(Report.created_at)
        )).all():
            if any(p.person_key == person_key and p.tier <= report.tier for p in handlers_in(report)):
                rule = rule_of(snapshot.rules, report)
                data.handling.append(snapshot_for(services, report, rule, snapshot.directory, "handler", person_key))
        for report in (await session.scalars(
            select(Report).where(Report.reporter_id == person_key).order_by(Report.created_at.desc()).limit(10)
        )).all():
            if report.routed_at is not None:
                rule = rule_of(snapshot.rules, report)
                data.filed.append(snapshot_for(services, report, rule, snapshot.directory, "reporter", person_key))
        if member.manages:
            rows = await session.execute(
                select(Report.activity_key, func.count()).where(Report.activity_key.in_(member.manages), Report.status != "resolved")
                .group_by(Report.activity_key)
            )
            data.activity_open = {snapshot.directory.project_names.get(k, k): n for k, n in rows.all()}
        if member.has(Role.MODERATOR):
            data.moderation_waiting = await session.scalar(
                select(func.count()).select_from(ModerationCase).where(ModerationCase.state == "open")) or 0
    try:
        document = await current_policy(services)
    except PolicyUnavailable:
        pass
    else:
        async with services.db.reading() as session:
            data.policy_signed = await signed_version(session, person_key, document.version) is not None
        data.policy_version = document.version
    async with services.db.reading() as session:
        await _accounts_and_checklists(session, services, data, person_key)
    await _arrived_while_away(services, data, person_key)
    if member.has(Role.ADMIN):
        await _register_for_admins(services, data)
        data.people = [(m.name, ", ".join(sorted(r.value.replace("_", " ") for r in m.roles))) for m in snapshot.directory.members]
    return data


async def _accounts_and_checklists(session: Any, services: Services, data: HomeData, person_key: str) -> None:
    """Passwords this person must change soon, and leaver checklist tasks waiting for them."""
    from storage.models import Leaver, LeaverTask, SharedAccount

    now = services.now()
    soon = now + timedelta(days=7)
    owned = (await session.scalars(
        select(SharedAccount).where(SharedAccount.owner_id == person_key, SharedAccount.active.is_(True),
                                    (SharedAccount.next_due_at <= soon) | SharedAccount.exposed_at.is_not(None))
        .order_by(SharedAccount.next_due_at)
    )).all()
    lines: list[Text] = []
    for account in owned:
        if account.exposed_at is not None:
            lines.append(_listed(account.name, "change it now (it may have been revealed)"))
        elif account.next_due_at <= now:
            lines.append(_listed(account.name, f"overdue since {describe(account.next_due_at, services.tz, False)}"))
        else:
            lines.append(_listed(account.name, f"due {describe(account.next_due_at, services.tz, False)}"))
    if lines:
        data.extra["Passwords to change"] = [*lines, ("Use ", Code("/rotated NAME"), " once you have changed one.")]
    tasks = (await session.execute(
        select(LeaverTask.label).join(Leaver, Leaver.id == LeaverTask.leaver_id)
        .where(LeaverTask.assignee_id == person_key, LeaverTask.state == "open", Leaver.state == "open")
    )).scalars().all()
    if tasks:
        data.extra["Leaver checklist tasks for you"] = [f"• {label}" for label in tasks]


async def _arrived_while_away(services: Services, data: HomeData, person_key: str) -> None:
    """Reports that went to the next person on their chain while this person was away: what they are,
    and how each was handled, never their details (those are for the people who handled them)."""
    away = (await away_book(services)).get(person_key)
    if away is not None:
        data.extra["You are away"] = [(f"Until {until_words(away.ends_at, services.tz)}: reports that would come to you "
                                       "go to the next person on their chain. ", Code("/away off"),
                                       " when you are back.")]
    arrived = await for_home(services, person_key)
    if arrived:
        data.extra["Arrived while you were away"] = [
            _listed(r["reference"], r["status_line"], f" ({r['kind_label']}, {r['filed']})") for r in arrived
        ]


async def _register_for_admins(services: Services, data: HomeData) -> None:
    """Admins keep overall access to every site (policy 5.4): the register, one line an account."""
    from bot.accounts.workflow import register_rows, rules_for
    from storage.accounts import active_accounts

    directory = (await org_snapshot(services)).directory
    async with services.db.reading() as session:
        rows = register_rows(services, list(await active_accounts(session)), directory, await rules_for(services))
    if rows:
        data.extra["Shared accounts"] = [
            [*_listed(r["name"], f"{r['status_words']}, next due {r['next_due']} (owner {r['owner']})"),
             *((" ", Icon.WARNING) if r["warnings"] else ())] for r in rows
        ] + [(Code("/accounts"), " shows who has access to each.")]


def _listed(name: str, words: str, aside: str = "") -> list[Span]:
    """One thing on a list: its name in bold, what is said beside it, then what to say about it."""
    return ["• ", Bold(name), f"{aside}: {words}"]
