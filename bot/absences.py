"""Absences (`/away`, and known absences in the organisation file): who is away, until when, and who
covers for them.

While someone is away, a report that would go to them goes to the next person on its chain (or to
the stand-in they named), nudges to them wait until they are back (unless urgent), and leaver tasks
of theirs pass to their stand-in. This module says who is away; each workflow decides what that
means for it, reading `away_book`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.addresses import ToPerson
from bot.away_messages import SET_FOR_YOU
from bot.dates import DateInPast, DateNotUnderstood, describe, parse_day, start_of_day
from bot.directory import Directory, Member
from bot.errors import DomainError
from bot.org import OrgConfig, Role
from bot.reports.kinds import NEVER_COVERS, may_cover, steps_of
from bot.services import Services
from bot.snapshot import org_snapshot
from storage.absences import absences_from_org_file, absences_not_ended, absences_of, add_absence
from storage.audit import record_audit
from storage.models import Absence
from storage.outbox import enqueue_message, hold_message

# An absence longer than this is more likely a misread date ("1 Nov" read as next year's) than leave.
LONGEST_ABSENCE = timedelta(days=366)
# How long a process trusts the absences it read (for telling a reporter where their report goes):
# routing itself always reads them afresh, and a change made here is seen at once.
AWAY_BOOK_MAX_AGE = timedelta(seconds=30)
_AWAY_BOOK = "away_book"


@dataclass(frozen=True)
class Away:
    """One absence: `person` is away from `starts_at` until `ends_at` (exclusive)."""

    person: str
    starts_at: datetime
    ends_at: datetime
    stand_in: str | None = None

    def covers(self, moment: datetime) -> bool:
        return self.starts_at <= moment < self.ends_at


# Who is away at a moment, by person.
AwayBook = Mapping[str, Away]


def last_day(ends_at: datetime, tz: tzinfo) -> date:
    """The last day someone is away, for an absence ending (exclusively) at `ends_at`."""
    return (ends_at - timedelta(microseconds=1)).astimezone(tz).date()


def until_words(ends_at: datetime, tz: tzinfo) -> str:
    """"Fri 11 Dec": the last day away, short, in the organisation's timezone."""
    day = last_day(ends_at, tz)
    return f"{day:%a} {day.day} {day:%b}"


def _day_words(day: date, tz: tzinfo) -> str:
    return describe(start_of_day(day, tz), tz, with_time=False)


def book_at(absences: list[Away], moment: datetime) -> dict[str, Away]:
    """Who is away at `moment`: of overlapping absences, the one that ends last."""
    book: dict[str, Away] = {}
    for away in absences:
        if away.covers(moment) and (away.person not in book or away.ends_at > book[away.person].ends_at):
            book[away.person] = away
    return book


def _away(row: Absence) -> Away:
    return Away(person=row.person_id, starts_at=row.starts_at, ends_at=row.ends_at, stand_in=row.stand_in_id)


async def away_at(session: AsyncSession, moment: datetime) -> dict[str, Away]:
    """Who is away at `moment`, read afresh."""
    return book_at([_away(row) for row in await absences_not_ended(session, moment)], moment)


async def away_book(services: Services) -> dict[str, Away]:
    """Who is away now, as this process last read it (at most `AWAY_BOOK_MAX_AGE` ago)."""
    now = services.now()
    cached = services.cache.get(_AWAY_BOOK)
    if isinstance(cached, tuple) and now - cached[0] < AWAY_BOOK_MAX_AGE:
        return book_at(cached[1], now)
    async with services.db.reading() as session:
        absences = [_away(row) for row in await absences_not_ended(session, now)]
    services.cache[_AWAY_BOOK] = (now, absences)
    return book_at(absences, now)


def forget_away_book(services: Services) -> None:
    services.cache.pop(_AWAY_BOOK, None)


# -- who may set someone's absence ------------------------------------------------------------------


@dataclass(frozen=True)
class AbsenceAuthority:
    """Who may set someone else's absence. Everyone may set their own."""

    # These may set anyone's...
    for_anyone: frozenset[Role]
    # ...and these the absence of someone in a project they manage.
    for_own_projects: frozenset[Role]

    def may_set(self, actor: Member | None, person: Member) -> bool:
        if actor is None:
            return False
        if actor.key == person.key or actor.has(*self.for_anyone):
            return True
        return actor.has(*self.for_own_projects) and bool(actor.manages & person.projects)


ABSENCE_AUTHORITY = AbsenceAuthority(
    for_anyone=frozenset({Role.CEO, Role.ADMIN}),
    for_own_projects=frozenset({Role.PROJECT_MANAGER}),
)


# -- reading `/away ...` ----------------------------------------------------------------------------

HOW_TO = ("Type `/away until Friday`, `/away 24 Dec - 2 Jan` or `/away off`; add `cover @person` "
          "to name who covers for you.")
_OFF = {"off", "back", "cancel", "none", "stop"}
_UNTIL = re.compile(r"^(?:until|till|til|to)\s+(?P<end>.+)$", re.IGNORECASE)
# "24 Dec - 2 Jan", "24 Dec to 2 Jan", "from 24 Dec until 2 Jan", "24 Dec–2 Jan", "24 Dec-2 Jan".
_RANGE = re.compile(
    r"^(?:from\s+)?(?P<start>.+?)(?:\s*[–—]\s*|\s+-\s+|(?<=[a-z])-(?=\d)|\s+(?:to|until|till)\s+)(?P<end>.+)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class AwayRequest:
    """What `/away` asked for: to see the absence ("show"), end it ("off"), or set one from `first_day`
    (None: from now) to `last_day`, inclusive."""

    action: str
    first_day: date | None = None
    last_day: date | None = None


def parse_away(text: str, tz: tzinfo, now: datetime) -> AwayRequest:
    """Read what follows `/away` (less any person named): dates in words, in the organisation's timezone."""
    cleaned = " ".join(text.split())
    if not cleaned:
        return AwayRequest("show")
    if cleaned.lower() in _OFF:
        return AwayRequest("off")
    try:
        if until := _UNTIL.match(cleaned):
            return AwayRequest("set", None, parse_day(until["end"], tz, now))
        if span := _RANGE.match(cleaned):
            first, last = parse_day(span["start"], tz, now), parse_day(span["end"], tz, now)
            if last < first:
                raise DomainError(f"Your absence would end ({_day_words(last, tz)}) before it starts "
                                  f"({_day_words(first, tz)}), so nothing has been changed. Please check the dates.")
            return AwayRequest("set", first, last)
        # One day: "/away tomorrow".
        day = parse_day(cleaned, tz, now)
        return AwayRequest("set", day, day)
    except (DateNotUnderstood, DateInPast) as exc:
        raise DomainError(f"{exc} Nothing has been changed. {HOW_TO}") from exc


# -- setting and ending -----------------------------------------------------------------------------


@dataclass(frozen=True)
class AwayOutcome:
    changed: bool
    message: str


def _name(directory: Directory, person_key: str | None) -> str:
    member = directory.by_key(person_key)
    return member.name if member else "someone not in the organisation file"


def _period(row: Absence | None) -> list[str] | None:
    return [row.starts_at.isoformat(), row.ends_at.isoformat()] if row is not None else None


async def set_absence(
    session: AsyncSession, services: Services, directory: Directory, actor: str, person: str | None,
    text: str, stand_in: str | None,
) -> AwayOutcome:
    """`/away ...` from `actor`, about `person` (themselves when None). Refusals are returned, not
    raised, so that their audit entry is kept with the transaction."""
    now, tz = services.now(), services.tz
    person = person or actor
    member = directory.by_key(person)
    actor_member = directory.by_key(actor)
    own = person == actor
    if actor_member is None:
        return AwayOutcome(False, "Only people in our organisation file can set an absence. Please ask an admin.")
    if member is None:
        return AwayOutcome(False, "That person is not in our organisation file, so I can't set their absence.")
    if not ABSENCE_AUTHORITY.may_set(actor_member, member):
        await record_audit(session, at=now, actor=actor, action="absence.refused", subject_type="person", subject_id=person)
        return AwayOutcome(False, f"Only {member.name}, their project manager, the CEO or an admin can set "
                                  f"{member.name}'s absence, so nothing has been changed.")
    request = parse_away(text, tz, now)
    rows = list(await absences_of(session, person, now))
    rows = [row for row in rows if row.starts_at < row.ends_at]
    whose = "You are" if own else f"{member.name} is"
    if request.action == "show":
        if stand_in is not None:
            raise DomainError("Please give the dates too, for example `/away until Friday cover @person`. "
                              "Nothing has been changed.")
        if not rows:
            return AwayOutcome(False, f"{'You are not' if own else member.name + ' is not'} recorded as away. {HOW_TO}")
        listed = "; ".join(_describe(row, directory, tz, now) for row in rows)
        return AwayOutcome(False, f"{whose} recorded as away {listed}. `/away off` ends it.")
    if request.action == "off":
        if not rows:
            return AwayOutcome(False, f"{'You are not' if own else member.name + ' is not'} recorded as away, so there was nothing to end.")
        for row in rows:
            before = _period(row)
            # An absence under way ends now (and its person hears what arrived meanwhile); one still to
            # come is cancelled: a zero-length absence, kept for the audit trail.
            row.ends_at = now if row.starts_at < now else row.starts_at
            await record_audit(session, at=now, actor=actor, action="absence.ended", subject_type="person",
                               subject_id=person, detail={"absence": row.id, "from": before, "to": _period(row)})
        forget_away_book(services)
        if not own:
            await _tell_person(session, services, directory, actor, person, "ended your absence: you are shown as back.")
        if own:
            return AwayOutcome(True, "Welcome back. You are no longer shown as away.")
        return AwayOutcome(True, f"{member.name} is no longer shown as away. I have told them.")
    if stand_in is not None:
        if stand_in == person:
            raise DomainError("Someone can't cover for themselves. Name someone else after `cover`, or leave it out.")
        cover = directory.by_key(stand_in)
        if cover is None:
            raise DomainError("The person named after `cover` is not in our organisation file, so nothing has been changed.")
        steps = steps_of(member)
        if cover.has(*NEVER_COVERS) or (steps and not any(may_cover(cover, step) for step in steps)):
            raise DomainError(f"{cover.name} can't cover for {'you' if own else member.name}: the reports that come to "
                              f"{'you' if own else 'them'} are not theirs to see, so nothing has been changed. Name someone "
                              "in the same role (or the CEO), or leave `cover` out and they go to the next person on "
                              "the chain.")
    assert request.last_day is not None
    starts = now if request.first_day is None or request.first_day <= now.astimezone(tz).date() else start_of_day(request.first_day, tz)
    ends = start_of_day(request.last_day + timedelta(days=1), tz)
    if ends - starts > LONGEST_ABSENCE:
        raise DomainError(f"That absence would last until {_day_words(request.last_day, tz)}, more than a year away, so "
                          "nothing has been changed. Please give the last day with its year if you meant it.")
    # One absence at a time for overlapping periods: the newest /away says what is meant. Known absences
    # from the organisation file are left as the file says (the file is kept in step with them): a
    # wider /away beside one is an absence of its own, and whoever is away under either is away.
    overlapping = [row for row in rows if row.starts_at <= ends and starts <= row.ends_at and row.source != "org_file"]
    kept = overlapping[0] if overlapping else None
    before = _period(kept)
    if kept is None:
        kept = add_absence(session, Absence(person_id=person, starts_at=starts, ends_at=ends, stand_in_id=stand_in,
                                            set_by=actor, created_at=now, source="command"))
    else:
        kept.starts_at = min(kept.starts_at, starts) if kept.starts_at <= now else starts
        kept.ends_at, kept.stand_in_id, kept.set_by = ends, stand_in, actor
    for row in overlapping[1:]:
        row.ends_at = row.starts_at if row.starts_at > now else now
    await session.flush()
    await record_audit(session, at=now, actor=actor, action="absence.set", subject_type="person", subject_id=person,
                       detail={"absence": kept.id, "from": before, "to": _period(kept), "stand_in": stand_in})
    forget_away_book(services)
    said = _describe(kept, directory, tz, now)
    cover = (f"reports that would come to {'you' if own else 'them'} go to {_name(directory, stand_in)}"
             if stand_in else "reports that would come to you go to the next person on their chain"
             if own else "reports that would come to them go to the next person on their chain")
    if not own:
        await _tell_person(session, services, directory, actor, person, f"recorded you as away {said}.")
    return AwayOutcome(True, f"{whose} recorded as away {said}. Meanwhile {cover}, and "
                             f"{'your' if own else 'their'} reminders wait until {'you are' if own else 'they are'} back. "
                             f"{'`/away off` if you are back early.' if own else 'I have told them.'}")


def _describe(row: Absence, directory: Directory, tz: tzinfo, now: datetime) -> str:
    until = _day_words(last_day(row.ends_at, tz), tz)
    said = f"until {until}" if row.starts_at <= now else f"from {_day_words(row.starts_at.astimezone(tz).date(), tz)} until {until}"
    if row.stand_in_id:
        said += f", with {_name(directory, row.stand_in_id)} covering"
    return said


async def _tell_person(session: AsyncSession, services: Services, directory: Directory, actor: str, person: str,
                       what: str) -> None:
    """Nobody's absence changes behind their back."""
    await enqueue_message(session, services.cipher, now=services.now(), to=ToPerson(person), template=SET_FOR_YOU,
                          params={"by": _name(directory, actor), "what": what})


# -- known absences in the organisation file ---------------------------------------------------------


def known_absences(config: OrgConfig | None, tz: tzinfo) -> list[Away]:
    """The absences the organisation file lists, as periods in the organisation's timezone."""
    if config is None:
        return []
    return [Away(person=known.person, starts_at=start_of_day(known.first_day, tz),
                 ends_at=start_of_day(known.last_day + timedelta(days=1), tz), stand_in=known.cover)
            for known in config.absences]


async def sync_known_absences(services: Services) -> int:
    """Keep the organisation file's known absences in the absences table (once each, by person and start),
    so routing, nudges and the welcome back read one place. One taken out of the file before it starts
    is cancelled; one under way or past stays as it was; one already over when first read is not added."""
    snapshot = await org_snapshot(services)
    wanted = {(a.person, a.starts_at): a for a in known_absences(snapshot.config, services.tz)}
    now = services.now()
    added = 0
    async with services.db.unit_of_work(background=True) as session:
        stored = {(row.person_id, row.starts_at): row for row in await absences_from_org_file(session)}
        for key, away in wanted.items():
            if key in stored and (stored[key].ends_at, stored[key].stand_in_id) != (away.ends_at, away.stand_in):
                # The file changed this absence's last day or its cover.
                row = stored[key]
                before = _period(row)
                row.ends_at, row.stand_in_id = max(away.ends_at, min(row.ends_at, now)), away.stand_in
                await record_audit(session, at=now, actor="system", action="absence.set", subject_type="person",
                                   subject_id=row.person_id, detail={"absence": row.id, "from": before,
                                                                     "to": _period(row), "source": "org_file"})
                added += 1
            elif key not in stored and away.ends_at > now:
                # One already over when first read changes nothing, and one the retention rules have
                # erased must not come back (and welcome its person back a second time).
                add_absence(session, Absence(person_id=away.person, starts_at=away.starts_at, ends_at=away.ends_at,
                                             stand_in_id=away.stand_in, set_by="system", created_at=now, source="org_file"))
                await record_audit(session, at=now, actor="system", action="absence.set", subject_type="person",
                                   subject_id=away.person, detail={"from": None, "to": [away.starts_at.isoformat(),
                                                                   away.ends_at.isoformat()], "stand_in": away.stand_in,
                                                                   "source": "org_file"})
                added += 1
        for key, row in stored.items():
            if key not in wanted and row.starts_at > now and row.ends_at > row.starts_at:
                row.ends_at = row.starts_at
                await record_audit(session, at=now, actor="system", action="absence.ended", subject_type="person",
                                   subject_id=row.person_id, detail={"absence": row.id, "source": "org_file"})
                added += 1
    if added:
        forget_away_book(services)
    return added


def stand_in_for(away: Away | None, directory: Directory, book: AwayBook, fallback: list[str]) -> str | None:
    """Who takes on an absent person's tasks: the stand-in they named, if here and not away
    themselves; otherwise the first of `fallback` who is neither away nor the absent person."""
    if away is None:
        return None
    if away.stand_in and directory.by_key(away.stand_in) and away.stand_in not in book:
        return away.stand_in
    return next((s for s in fallback if s != away.person and s not in book and directory.by_key(s)), None)


async def remind_unless_away(
    session: AsyncSession, services: Services, book: AwayBook, *, person: str, template: str,
    params: dict[str, Any], message_key: str | None = None, replaces_held: bool = True,
) -> bool:
    """A reminder that is not urgent (a policy to sign, a DBS check or an access review coming due):
    sent now, or, while its person is away (`book`), held until they are back (replacing one of the
    same template held already, unless `replaces_held` is False). True if sent now."""
    now = services.now()
    if person in book:
        await hold_message(session, services.cipher, now=now, to=ToPerson(person), template=template, params=params,
                           message_key=message_key, replaces_held=replaces_held)
    else:
        await enqueue_message(session, services.cipher, now=now, to=ToPerson(person), template=template, params=params,
                              message_key=message_key)
    if person in book:
        await record_audit(session, at=now, actor="system", action="reminder.held", subject_type="person",
                           subject_id=person, detail={"template": template, "until": book[person].ends_at.isoformat()})
    return person not in book


def away_params(away: Away, tz: tzinfo) -> dict[str, Any]:
    return {"person": away.person, "until": until_words(away.ends_at, tz), "ends_at": away.ends_at.isoformat(),
            "stand_in": away.stand_in}
