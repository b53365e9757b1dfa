"""Recording DBS checks, reminding before review, and warning when a role needs a check nobody has."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.absences import away_at, remind_unless_away
from bot.addresses import ToPerson
from bot.directory import Member, person_key_in
from bot.errors import FormErrors, NotAllowed
from bot.org import Role
from bot.scheduler import TimerContext
from bot.services import Services
from bot.snapshot import org_snapshot
from storage.audit import record_audit
from storage.models import DbsCheck
from storage.outbox import enqueue_message
from storage.timers import schedule_timer

CHECK_TYPES = {"basic": "Basic", "standard": "Standard", "enhanced": "Enhanced",
               "enhanced_barred": "Enhanced with barred list check"}
# Roles section 5.1 says must be DBS checked.
ROLES_NEEDING_DBS = (Role.MODERATOR, Role.ADMIN)
REMIND_DAYS_BEFORE = (60, 14)
REMIND_AT = time(9, 0)
# A check is reviewed this many calendar years after its certificate date (not 3 × 365 days, which
# lands a day early when the span holds a 29 February).
DEFAULT_REVIEW_YEARS = 3
REMINDER, MISSING = "dbs.reminder", "dbs.missing"
_CERTIFICATE = re.compile(r"^\d{12}$")


@dataclass(frozen=True)
class DbsForm:
    person: str | None
    check_type: str | None
    certificate_date: date | None
    certificate_number: str
    update_service: bool
    next_review: date | None


def ensure_admin(member: Member | None) -> None:
    if member is None or not member.has(Role.ADMIN):
        raise NotAllowed("Only admins can record DBS checks.")


def years_after(day: date, years: int) -> date:
    """The same day `years` later; from 29 February to a year without one, 28 February (never later)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February, and the later year is not a leap year
        return day.replace(year=day.year + years, day=28)


async def register_in_use(session: AsyncSession) -> bool:
    return bool(await session.scalar(select(func.count()).select_from(DbsCheck)))


async def current_check(session: AsyncSession, person_key: str, today: date) -> DbsCheck | None:
    return await session.scalar(select(DbsCheck).where(DbsCheck.person_key == person_key, DbsCheck.next_review >= today))


async def record_check(session: AsyncSession, services: Services, form: DbsForm, actor: str) -> str:
    today = services.local_now().date()
    errors: dict[str, str] = {}
    directory = (await org_snapshot(services)).directory
    person = directory.by_key(form.person)
    if person is None:
        errors["person"] = "Please choose someone in the organisation file."
    if form.check_type not in CHECK_TYPES:
        errors["check_type"] = "Please choose the type of check."
    if form.certificate_date is None or form.certificate_date > today:
        errors["certificate_date"] = "Please give the date on the certificate (it can't be in the future)."
    number = re.sub(r"\s", "", form.certificate_number)
    if not _CERTIFICATE.match(number):
        errors["certificate_number"] = "A DBS certificate number has 12 digits, for example 001234567890."
    review = form.next_review or (years_after(form.certificate_date, DEFAULT_REVIEW_YEARS) if form.certificate_date else None)
    if review is not None and form.certificate_date is not None and review <= form.certificate_date:
        errors["next_review"] = "The review date must come after the certificate date."
    if errors:
        raise FormErrors(errors)
    assert person is not None and review is not None and form.certificate_date is not None and form.check_type
    now = services.now()
    check = await session.scalar(select(DbsCheck).where(DbsCheck.person_key == person.key).with_for_update())
    if check is None:
        check = DbsCheck(person_key=person.key)
        session.add(check)
    check.check_type, check.certificate_date, check.update_service = form.check_type, form.certificate_date, form.update_service
    check.certificate_number_enc = services.cipher.encrypt(number)
    check.next_review, check.recorded_by, check.recorded_at = review, actor, now
    for days in REMIND_DAYS_BEFORE:
        due = datetime.combine(review - timedelta(days=days), REMIND_AT, tzinfo=services.tz)
        if due > now:
            await schedule_timer(session, kind=REMINDER, dedupe_key=f"dbs:{person.key}:{review.isoformat()}:{days}",
                                 due_at=due, payload={"person_key": person.key, "review": review.isoformat(), "days": days})
    await record_audit(session, at=now, actor=actor, action="dbs.recorded", subject_type="person",
                       subject_id=person.key, detail={"type": form.check_type, "next_review": review.isoformat()})
    return f"Recorded {person.name}'s {CHECK_TYPES[form.check_type].lower()} DBS check. Next review: {review:%-d %B %Y}."


async def on_reminder(ctx: TimerContext, payload: dict[str, Any]) -> None:
    check = await ctx.session.scalar(select(DbsCheck).where(DbsCheck.person_key == person_key_in(payload)))
    if check is None or check.next_review.isoformat() != payload["review"]:
        return  # a newer check was recorded since
    snapshot = await org_snapshot(ctx.services)
    person = snapshot.directory.by_key(check.person_key)
    name = person.name if person else "someone"
    params = {"name": name, "days": payload["days"], "review": f"{check.next_review:%-d %B %Y}"}
    targets = {check.person_key, *(m.key for m in snapshot.directory.with_role(Role.ADMIN))}
    # The person's own reminder waits while they are away; the admins' goes now.
    away = {k: v for k, v in (await away_at(ctx.session, ctx.now)).items() if k == check.person_key}
    for target in sorted(targets):
        await remind_unless_away(ctx.session, ctx.services, away, person=target, template="dbs.reminder",
                                 params={**params, "own": target == check.person_key})


async def warn_roles_without_checks(services: Services) -> None:
    """Maintenance: people holding a role that needs a DBS check without a current one. The admins are
    told once a month per person and role (the timer's key names the month), and it is recorded."""
    today = services.local_now().date()
    directory = (await org_snapshot(services)).directory
    async with services.db.unit_of_work(background=True) as session:
        if not await register_in_use(session):
            return  # the organisation is not keeping the register in the bot yet
        for member in directory.members:
            for role in ROLES_NEEDING_DBS:
                if role in member.roles and await current_check(session, member.key, today) is None:
                    await schedule_timer(session, kind=MISSING, dedupe_key=f"dbs-missing:{member.key}:{role.value}:{today:%Y-%m}",
                                         due_at=services.now(), payload={"person_key": member.key, "role": role.value})


async def on_missing(ctx: TimerContext, payload: dict[str, Any]) -> None:
    snapshot = await org_snapshot(ctx.services)
    person = snapshot.directory.by_key(person_key_in(payload))
    if person is None:
        return
    await record_audit(ctx.session, at=ctx.now, actor="system", action="dbs.missing_for_role", subject_type="person",
                       subject_id=person.key, detail={"role": payload["role"]})
    for admin in snapshot.directory.with_role(Role.ADMIN):
        await enqueue_message(ctx.session, ctx.services.cipher, now=ctx.now, to=ToPerson(admin.key), template="dbs.missing",
                              params={"name": person.name, "role": payload["role"].replace("_", " ")})


async def ensure_current_check_if_register_in_use(session: AsyncSession, services: Services, person_key: str) -> None:
    """Moderators must hold a current DBS check, once the organisation keeps its register here."""
    if await register_in_use(session) and await current_check(session, person_key, services.local_now().date()) is None:
        raise NotAllowed("Moderating needs a current DBS check, and I have none recorded for you. Please ask an admin.")


async def expiring_within(session: AsyncSession, today: date, days: int) -> list[DbsCheck]:
    return list((await session.scalars(
        select(DbsCheck).where(DbsCheck.next_review >= today, DbsCheck.next_review <= today + timedelta(days=days))
    )).all())


TIMER_HANDLERS = {REMINDER: on_reminder, MISSING: on_missing}
