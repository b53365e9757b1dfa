"""Signing the policy, asking everyone to sign a new version, and reminding those who have not, weekly."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.absences import away_at, remind_unless_away
from bot.dates import describe, next_weekly
from bot.errors import DomainError
from bot.policy.document import PolicyDocument, PolicyUnavailable, load_policy, policy_path
from bot.scheduler import TimerContext
from bot.services import Services
from bot.snapshot import org_snapshot
from storage.audit import record_audit
from storage.models import PolicySignature, PolicyVersion
from storage.timers import schedule_timer

REMINDER = "policy.weekly_reminder"
REMINDER_DAY, REMINDER_AT = 0, time(10, 0)  # Monday morning, after the digest
CACHE = "policy_document"


async def current_policy(services: Services) -> PolicyDocument:
    config = (await org_snapshot(services)).config
    path = policy_path(services.org_path, config.organisation.policy_file if config else "")
    cached = services.cache.get(CACHE)
    if isinstance(cached, tuple) and cached[0] == path and path is not None:
        try:
            if path.stat().st_mtime == cached[1]:
                return cached[2]
        except OSError:
            pass
    document = load_policy(path)
    services.cache[CACHE] = (path, path.stat().st_mtime if path else 0, document)
    return document


async def signed_version(session: AsyncSession, person_key: str, version: str) -> datetime | None:
    return await session.scalar(
        select(PolicySignature.signed_at).where(PolicySignature.person_key == person_key, PolicySignature.version == version)
    )


@dataclass(frozen=True)
class Signed:
    version: str
    signed_at: datetime
    already: bool


async def sign(session: AsyncSession, services: Services, person_key: str, version: str, agreed: bool) -> Signed:
    document = await current_policy(services)
    if version != document.version:
        raise DomainError("The policy changed while you were reading it. Please open it again with `/policy` and read the new version.")
    if not agreed:
        raise DomainError("Please tick “I have read and agree” to sign.")
    existing = await signed_version(session, person_key, version)
    if existing is not None:
        return Signed(version, existing, already=True)
    now = services.now()
    try:
        async with session.begin_nested():
            session.add(PolicySignature(person_key=person_key, version=version, signed_at=now))
    except IntegrityError:  # a double click: the first one signed
        return Signed(version, await signed_version(session, person_key, version) or now, already=True)
    await record_audit(session, at=now, actor=person_key, action="policy.signed", subject_type="policy", subject_id=version)
    return Signed(version, now, already=False)


async def unsigned_people(services: Services, version: str) -> list[tuple[str, frozenset[Any]]]:
    """Everyone in the organisation file who has not signed `version`, with their roles."""
    directory = (await org_snapshot(services)).directory
    async with services.db.reading() as session:
        signed = set((await session.scalars(select(PolicySignature.person_key).where(PolicySignature.version == version))).all())
    return [(m.key, m.roles) for m in directory.members if m.key not in signed]


async def ask_for_new_version(services: Services) -> int:
    """Maintenance: when the policy file has changed, ask everyone who has not signed the new version.
    The first version the bot sees is recorded quietly: installing the bot is not a change of policy,
    and those who have not signed are reminded weekly from then on (new members on joining)."""
    try:
        document = await current_policy(services)
    except PolicyUnavailable:
        return 0
    async with services.db.reading() as session:
        if await session.scalar(select(PolicyVersion.id).where(PolicyVersion.version == document.version)):
            return 0
    asked = 0
    async with services.db.unit_of_work(background=True) as session:
        first_version = not await session.scalar(select(PolicyVersion.id).limit(1))
        try:
            async with session.begin_nested():
                session.add(PolicyVersion(version=document.version, first_seen_at=services.now()))
        except IntegrityError:
            return 0  # another process got there first
        away = await away_at(session, services.now())
        for person_key, _ in [] if first_version else await unsigned_people(services, document.version):
            await remind_unless_away(session, services, away, person=person_key, template="policy.please_sign",
                                     params={"title": document.title, "version": document.version, "reminder": False},
                                     message_key=f"policy:{document.version}:{person_key}")
            asked += 1
        await record_audit(session, at=services.now(), actor="system", action="policy.new_version",
                           subject_type="policy", subject_id=document.version, detail={"asked": asked})
        await _schedule_reminder(session, services)
    return asked


async def _schedule_reminder(session: AsyncSession, services: Services) -> None:
    due = next_weekly(services.now(), REMINDER_DAY, REMINDER_AT, services.tz)
    await schedule_timer(session, kind=REMINDER, dedupe_key=f"policy-reminder:{due.date().isoformat()}", due_at=due)


async def on_weekly_reminder(ctx: TimerContext, payload: dict[str, Any]) -> None:
    """Once a week (the timer's key names the week), remind each person who has not signed."""
    services = ctx.services
    try:
        document = await current_policy(services)
    except PolicyUnavailable:
        return
    away = await away_at(ctx.session, ctx.now)
    for person_key, _ in await unsigned_people(services, document.version):
        await remind_unless_away(ctx.session, services, away, person=person_key, template="policy.please_sign",
                                 params={"title": document.title, "version": document.version, "reminder": True})
    await _schedule_reminder(ctx.session, services)


async def unsigned_by_role(services: Services) -> tuple[int, Counter[str]]:
    document = await current_policy(services)
    people = await unsigned_people(services, document.version)
    return len(people), Counter(role.value.replace("_", " ") for _, roles in people for role in roles)


def signed_line(signed_at: datetime | None, services: Services) -> str:
    return f"You signed this version on {describe(signed_at, services.tz)}." if signed_at else "You have not signed this version yet."


TIMER_HANDLERS = {REMINDER: on_weekly_reminder}
