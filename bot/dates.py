"""Dates and times as people type them ("yesterday 4pm", "last Tuesday"), read in the organisation's
timezone, and shown back the way a British reader expects."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

# A little leeway for clocks and typing: "now" typed a minute late is not "in the future".
FUTURE_LEEWAY = timedelta(minutes=5)
_DOTTED_TIME = re.compile(r"\b(\d{1,2})\.(\d{2})\s*(am|pm)\b", re.IGNORECASE)
_HAS_TIME = re.compile(
    r"\d{1,2}[:.]\d{2}|\d\s*(am|pm)\b|\b(morning|afternoon|evening|tonight|night|noon|midday|midnight|ago|now|just)\b",
    re.IGNORECASE,
)


class DateNotUnderstood(ValueError):
    pass


class DateInFuture(ValueError):
    pass


@dataclass(frozen=True)
class PastMoment:
    at: datetime  # aware, UTC
    has_time: bool


def parse_past_moment(text: str, tz: tzinfo, now: datetime) -> PastMoment:
    """A moment in the past, or an error a person can act on."""
    import dateparser  # imported here: it is slow to load and only the bot needs it

    cleaned = _DOTTED_TIME.sub(lambda m: f"{m.group(1)}:{m.group(2)}{m.group(3)}", text.strip())
    if not cleaned:
        raise DateNotUnderstood("Please say when it happened, for example “yesterday 4pm”.")
    local_now = now.astimezone(tz)
    parsed = dateparser.parse(
        cleaned,
        languages=["en"],
        settings={
            "TIMEZONE": str(tz),
            "RETURN_AS_TIMEZONE_AWARE": True,
            "PREFER_DATES_FROM": "past",
            "RELATIVE_BASE": local_now.replace(tzinfo=None),
            "DATE_ORDER": "DMY",
        },
    )
    if parsed is None:
        raise DateNotUnderstood(
            f"I couldn't understand “{text.strip()[:60]}” as a date. Try “yesterday 4pm”, “last Tuesday” or “21/11/2026 18:30”."
        )
    moment = parsed.astimezone(UTC)
    if moment > now + FUTURE_LEEWAY:
        raise DateInFuture(
            f"“{text.strip()[:60]}” reads as {describe(moment, tz)}, which is in the future. When did it happen?"
        )
    return PastMoment(at=moment, has_time=bool(_HAS_TIME.search(cleaned)))


def describe(moment: datetime, tz: tzinfo, with_time: bool = True) -> str:
    """"Monday 23 November 2026, 4:00pm" in the organisation's timezone."""
    local = moment.astimezone(tz)
    day = f"{local:%A} {local.day} {local:%B %Y}"
    if not with_time:
        return day
    hour = local.hour % 12 or 12
    return f"{day}, {hour}:{local:%M}{'am' if local.hour < 12 else 'pm'}"


def next_working_day(moment: datetime, tz: tzinfo) -> datetime:
    """The same wall-clock time on the next working day (Monday to Friday), in `tz`."""
    local = moment.astimezone(tz)
    candidate = local + timedelta(days=1)
    while candidate.weekday() >= 5:
        candidate += timedelta(days=1)
    # Rebuild from wall-clock parts so a clock change in between keeps the local time.
    rebuilt = datetime(candidate.year, candidate.month, candidate.day, local.hour, local.minute, tzinfo=tz)
    return rebuilt.astimezone(UTC)


def next_weekly(after: datetime, weekday: int, at: time, tz: tzinfo) -> datetime:
    """The first `weekday` (0 is Monday) at wall-clock `at` in `tz`, strictly after `after`, in UTC."""
    local = after.astimezone(tz)
    day = local.date() + timedelta(days=(weekday - local.weekday()) % 7)
    while True:
        moment = datetime.combine(day, at, tzinfo=tz)
        if moment > local:
            return moment.astimezone(UTC)
        day += timedelta(days=7)


class DateInPast(ValueError):
    pass


def parse_day(text: str, tz: tzinfo, now: datetime) -> date:
    """A day as people type it when planning ("Friday", "24 Dec", "2 Jan"), read as the next such day
    in `tz` (from today), or an error a person can act on. A day before today is refused."""
    import dateparser  # imported here: it is slow to load and only the bot needs it

    cleaned = text.strip()
    local_now = now.astimezone(tz)
    parsed = dateparser.parse(
        cleaned,
        languages=["en"],
        settings={
            "TIMEZONE": str(tz),
            "RETURN_AS_TIMEZONE_AWARE": True,
            "PREFER_DATES_FROM": "future",
            "RELATIVE_BASE": local_now.replace(tzinfo=None),
            "DATE_ORDER": "DMY",
        },
    ) if cleaned else None
    if parsed is None:
        raise DateNotUnderstood(
            f"I couldn't understand “{cleaned[:60]}” as a date. Try “Friday”, “24 Dec” or “2/1/2027”."
        )
    day = parsed.astimezone(tz).date() if parsed.tzinfo else parsed.date()
    today = local_now.date()
    # Preferring the future, dateparser reads today's own name as a week or a year on: "until Friday"
    # typed on a Friday, or "4 Dec" on 4 December, means today.
    named = cleaned.lower().rstrip(".")
    if day == today + timedelta(days=7) and named in {f"{today:%A}".lower(), f"{today:%a}".lower()}:
        day = today
    elif (day.month, day.day, day.year) == (today.month, today.day, today.year + 1) and not re.search(r"\d{4}", cleaned):
        day = today
    if day < today:
        raise DateInPast(f"“{cleaned[:60]}” reads as {describe(start_of_day(day, tz), tz, with_time=False)}, which has passed.")
    return day


def start_of_day(day: date, tz: tzinfo) -> datetime:
    """Midnight at the start of `day` in `tz`, in UTC."""
    return datetime.combine(day, time(0, 0), tzinfo=tz).astimezone(UTC)
