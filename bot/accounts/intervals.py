"""Rotation intervals as people type them: "90 days", "3 months", "every 12 weeks", "quarterly"."""

from __future__ import annotations

import re

_NAMED = {"daily": 1, "weekly": 7, "fortnightly": 14, "monthly": 30, "quarterly": 91, "termly": 91,
          "yearly": 365, "annually": 365, "every year": 365, "every month": 30, "every week": 7}
_UNITS = {"day": 1, "week": 7, "fortnight": 14, "month": 30, "year": 365}
_NUMBERED = re.compile(r"^(?:every\s+)?(\d{1,4})\s*(day|week|fortnight|month|year)s?$")
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "six": 6, "twelve": 12, "a": 1, "an": 1}

# A shorter interval would mean changing passwords faster than anyone could keep up with.
MIN_DAYS, MAX_DAYS = 7, 730
EXAMPLE = "for example “90 days”, “3 months” or “quarterly”"


class IntervalNotUnderstood(ValueError):
    pass


def parse_interval(text: str) -> int:
    """The number of days in an interval, or an error a person can act on."""
    cleaned = re.sub(r"\s+", " ", text.strip().lower().strip("\"'“”"))
    for word, number in _WORDS.items():
        cleaned = re.sub(rf"^(every )?{word} ", rf"\g<1>{number} ", cleaned)
    days = _NAMED.get(cleaned)
    if days is None:
        match = _NUMBERED.match(cleaned)
        if match is None:
            raise IntervalNotUnderstood(f"I couldn't understand “{text.strip()[:40]}” as an interval: try {EXAMPLE}.")
        days = int(match.group(1)) * _UNITS[match.group(2)]
    if not MIN_DAYS <= days <= MAX_DAYS:
        raise IntervalNotUnderstood(
            f"Please choose an interval between a week and two years ({EXAMPLE})."
        )
    return days


def describe_interval(days: int) -> str:
    for unit, size in (("year", 365), ("month", 30), ("week", 7)):
        if days % size == 0:
            count = days // size
            return f"every {count} {unit}{'s' if count != 1 else ''}" if count != 1 else f"every {unit}"
    if days == 91:
        return "every 3 months"
    return f"every {days} days"
