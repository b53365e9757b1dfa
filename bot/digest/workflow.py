"""Building and posting the weekly digest.

One timer per week (its key names the week), so a digest is posted once, however often the
scheduler runs or however many processes run it. A week missed while the bot was down is posted once
when it is back, marked late; the next one is then scheduled for the coming week.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.ext.asyncio import AsyncSession

from bot.addresses import Address, ToChannel, ToPerson, encode
from bot.dates import next_weekly
from bot.digest.messages import digest_text as digest_text  # where callers found it before it moved
from bot.digest.messages import note_params
from bot.digest.sections import SECTIONS, Section, Window, last_seven_days
from bot.directory import Member
from bot.errors import DomainError
from bot.org import Role
from bot.scheduler import TimerContext, fires_after_timers_due_with_it
from bot.services import Services
from bot.snapshot import org_snapshot
from storage.directory import channel_for
from storage.outbox import enqueue_message
from storage.timers import schedule_timer

log = logging.getLogger(__name__)

WEEKLY = "digest.weekly"
LATE_AFTER = timedelta(hours=1)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class DigestSettings(BaseModel):
    """`settings.digest` in the organisation file."""

    model_config = ConfigDict(extra="forbid")

    weekday: str = Field(default="monday", pattern="^(" + "|".join(WEEKDAYS) + ")$")
    at: time = time(9, 0)


@dataclass(frozen=True)
class Digest:
    organisation: str
    window: Window
    sections: list[Section]
    late: bool = False

    def as_params(self, services: Services) -> dict[str, Any]:
        tz = services.tz
        return {
            "organisation": self.organisation,
            "from": f"{self.window.start.astimezone(tz):%A %-d %B}",
            "to": f"{self.window.end.astimezone(tz):%A %-d %B %Y}",
            "late": self.late,
            "sections": [
                {"key": s.key, "title": s.title, "has_detail": s.has_detail,
                 "notes": [note_params(note) for note in s.notes],
                 "figures": [{"label": f.label, "now": f.now, "change": f.change} for f in s.figures]}
                for s in self.sections
            ],
        }


@asynccontextmanager
async def _reading_for_a_section(services: Services, session: AsyncSession | None) -> AsyncIterator[AsyncSession]:
    if session is None:
        async with services.db.reading() as fresh:
            yield fresh
    else:  # a savepoint, so a failing section's query leaves the rest of the transaction usable
        async with session.begin_nested():
            yield session


async def build_digest(services: Services, window: Window, *, late: bool = False, session: AsyncSession | None = None) -> Digest:
    """`session`, when given, is read through (the weekly timer's transaction), so the digest counts what
    the same run has just done, such as an escalation that fell due while the bot was down."""
    now = services.now()
    sections: list[Section] = []
    for builder in SECTIONS:
        try:
            async with _reading_for_a_section(services, session) as reader:
                section = await builder(reader, window, now, services)
        except Exception:  # one section's trouble must not cost the CEO the rest
            log.exception("digest section %s failed", builder.__name__)
            section = Section(builder.__name__.removesuffix("_section"), builder.__name__.removesuffix("_section").replace("_", " ").capitalize(),
                              notes=["This section could not be put together this week; the admins can see why in the bot's log."])
        if section is not None:
            sections.append(section)
    return Digest((await org_snapshot(services)).organisation_name, window, sections, late)


NOT_FOR_YOU = "The digest is for the CEO and the admins. Ask one of them if you need a figure from it."


async def digest_on_request(services: Services, member: Member | None) -> dict[str, Any]:
    """This week so far, for the CEO or an admin who asks (as the weekly post, in counts and roles); anyone
    else is refused. The params are the weekly post's, for the same message."""
    if member is None or not member.has(Role.CEO, Role.ADMIN):
        raise DomainError(NOT_FOR_YOU)
    return (await build_digest(services, last_seven_days(services.now()))).as_params(services)


async def _settings(services: Services) -> DigestSettings:
    config = (await org_snapshot(services)).config
    return DigestSettings.model_validate((config.settings.get("digest") if config else None) or {})


def next_digest_time(after: datetime, settings: DigestSettings, services: Services) -> datetime:
    """The first digest moment strictly after `after`, in the organisation's wall-clock time."""
    return next_weekly(after, WEEKDAYS.index(settings.weekday), settings.at, services.tz)


async def schedule_next_digest(services: Services) -> None:
    """Maintenance: make sure the coming week's digest is scheduled (once: the key names the week)."""
    settings = await _settings(services)
    due = next_digest_time(services.now(), settings, services)
    async with services.db.unit_of_work(background=True) as session:
        await _schedule(session, services, due)


async def _schedule(session: Any, services: Services, due: datetime) -> None:
    week = due.astimezone(services.tz).date().isoformat()
    await schedule_timer(session, kind=WEEKLY, dedupe_key=f"digest:{week}", due_at=due, payload={"due": due.isoformat()})


@fires_after_timers_due_with_it  # what they do at the digest's own moment belongs to its week
async def on_weekly_digest(ctx: TimerContext, payload: dict[str, Any]) -> None:
    services = ctx.services
    due = datetime.fromisoformat(payload["due"])
    digest = await build_digest(services, Window(due - timedelta(days=7), due), late=ctx.now - due > LATE_AFTER,
                                session=ctx.session)
    params = digest.as_params(services)
    channel = await channel_for(ctx.session, "ceo_digest")
    recipients: list[Address] = [ToChannel("ceo_digest")] if channel else [
        ToPerson(m.key) for m in (await org_snapshot(services)).directory.with_role(Role.CEO)]
    week = due.astimezone(services.tz).date().isoformat()
    for to in recipients:
        await enqueue_message(ctx.session, services.cipher, now=ctx.now, to=to, template="digest.weekly",
                              params=params, message_key=f"digest:{week}:{encode(to)}")
    await _schedule(ctx.session, services, next_digest_time(max(due, ctx.now), await _settings(services), services))


TIMER_HANDLERS = {WEEKLY: on_weekly_digest}
