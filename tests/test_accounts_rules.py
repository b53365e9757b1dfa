"""The rules as data: intervals as people type them, account names with suggestions, working hours."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.accounts.intervals import IntervalNotUnderstood, parse_interval
from bot.accounts.names import Named, match_account, named_from_text
from bot.accounts.policy import DEFAULT_RULES
from bot.accounts.rotation import RotationFacts, Stage, plan
from bot.accounts.secrets import contains_password

LONDON = ZoneInfo("Europe/London")
ACCOUNTS = [Named(1, "Instagram", ("insta", "ig")), Named(2, "Facebook page", ("facebook",)), Named(3, "Staff computer account")]


@pytest.mark.parametrize(("typed", "days"), [("90 days", 90), ("3 months", 90), ("every 12 weeks", 84), ("quarterly", 91),
                                             ("a year", 365), ("Fortnightly", 14)])
def test_intervals_are_read_as_people_type_them(typed: str, days: int) -> None:
    assert parse_interval(typed) == days


@pytest.mark.parametrize("typed", ["sometimes", "2 days", "10 years", ""])
def test_an_interval_that_is_not_understood_or_not_sensible_is_refused_with_an_example(typed: str) -> None:
    with pytest.raises(IntervalNotUnderstood, match="90 days"):
        parse_interval(typed)


def test_account_names_match_however_they_are_typed_and_unknown_ones_get_suggestions() -> None:
    assert match_account("the Instagram account", ACCOUNTS).account == ACCOUNTS[0]
    assert match_account("IG", ACCOUNTS).account == ACCOUNTS[0]
    assert match_account("instagarm", ACCOUNTS).not_found_message("instagarm").endswith("Did you mean Instagram?")
    assert named_from_text("staff computer account last Friday 3pm", ACCOUNTS) == (ACCOUNTS[2], "last Friday 3pm")


def test_passwords_are_recognised_but_talk_about_them_is_not() -> None:
    assert contains_password("the new password is Tr0ub4dor&3")
    assert contains_password("Xk9!pq2wZ", short_field=True)
    assert not contains_password("Xk9!pq2wZ")  # a free-text field needs the context words
    assert not contains_password("please change your password regularly")
    assert not contains_password("21/11/2026 18:30", short_field=True)


def test_an_urgent_exposure_nudges_at_three_in_the_morning_but_a_due_date_waits_for_nine() -> None:
    three_am_sunday = datetime(2026, 11, 29, 3, 0, tzinfo=UTC)
    exposed = plan(RotationFacts(due_at=three_am_sunday, exposed=True), three_am_sunday, DEFAULT_RULES, LONDON)
    due = plan(RotationFacts(due_at=three_am_sunday - timedelta(days=1)), three_am_sunday, DEFAULT_RULES, LONDON)

    assert exposed.nudge is Stage.EXPOSED and exposed.next_check == three_am_sunday + timedelta(hours=1)
    assert due.nudge is None and due.next_check == datetime(2026, 11, 30, 9, 0, tzinfo=UTC)  # Monday 9am


def test_a_stage_is_nudged_once_and_overdue_reminders_keep_a_steady_rhythm() -> None:
    due_at = datetime(2026, 11, 30, 11, 0, tzinfo=UTC)
    nudged = RotationFacts(due_at=due_at, last_nudged_at=due_at, last_nudge_stage="due")

    assert plan(nudged, due_at + timedelta(hours=2), DEFAULT_RULES, LONDON).nudge is None
    assert plan(nudged, due_at + timedelta(days=2), DEFAULT_RULES, LONDON).nudge is None
    later = plan(nudged, due_at + timedelta(days=3), DEFAULT_RULES, LONDON)
    # Three days on is Sunday 6 December, so the next reminder waits for Monday at nine.
    assert later.nudge is Stage.OVERDUE and later.next_check == datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
