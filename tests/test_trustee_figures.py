"""Figures the trustees can act on (issue 18): how well reports were handled, on a constructed year of
data with known medians and shares, and in the weekly digest beside the previous four weeks."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from bot.reports.figures import (
    ClockCount,
    by_kind,
    duration_text,
    load_clocks,
    load_timings,
    open_clocks,
    percent,
    response_figures,
)
from bot.reports.kinds import ClockId
from tests.harness import RunningBot
from tests.report_driver import ANITA, DAN, ReportDriver, text_value
from tests.trustees_support import YEAR_END, a_constructed_year, local


def test_durations_read_as_a_person_would_say_them() -> None:
    assert duration_text(timedelta(seconds=20)) == "under a minute"
    assert duration_text(timedelta(minutes=45)) == "45 min"
    assert duration_text(timedelta(hours=2)) == "2 h"
    assert duration_text(timedelta(hours=2, minutes=15, seconds=59)) == "2 h 15 min"
    assert duration_text(timedelta(days=1, hours=3)) == "1 day 3 h"
    assert duration_text(timedelta(days=6, hours=12)) == "6 days 12 h"
    assert duration_text(timedelta(days=12)) == "12 days"
    assert percent(2 / 3) == "67%" and percent(None) == "-"


async def test_a_year_of_reports_gives_the_known_medians_shares_and_worst_times(bot: RunningBot) -> None:
    bot.clock.set(YEAR_END)
    await a_constructed_year(bot.services)

    async with bot.services.db.reading() as session:
        timings = await load_timings(session, bot.services, local(2025, 12, 1, 0), YEAR_END)
    figures = by_kind(timings, YEAR_END)

    breach = figures["data_breach"]
    assert (breach.filed, breach.due, breach.in_time, breach.waiting) == (12, 12, 6, 0)
    assert breach.share_in_time == 0.5
    assert (breach.to_acknowledge.median, breach.to_acknowledge.worst) == (timedelta(minutes=65), timedelta(hours=2))
    assert breach.resolved == 12 and breach.still_open == 0
    assert (breach.to_resolve.median, breach.to_resolve.worst) == (timedelta(days=6, hours=12), timedelta(days=12))

    fault = figures["computer_fault"]
    assert (fault.filed, fault.in_time, fault.share_in_time) == (24, 12, 0.5)
    assert (fault.to_acknowledge.median, fault.to_acknowledge.worst) == (timedelta(hours=16), timedelta(hours=30))
    assert (fault.resolved, fault.still_open) == (12, 12)
    assert (fault.to_resolve.median, fault.to_resolve.worst) == (timedelta(days=3), timedelta(days=3))

    # Passed on twice, it reached the end of its three-tier chain; being passed on gave the other two
    # new deadlines, but they are judged by the hour they were given when filed.
    safety = figures["online_safety"]
    assert (safety.filed, safety.in_time, safety.passed_on, safety.passed_on_automatically, safety.end_of_chain) == (3, 1, 2, 2, 1)
    assert (safety.to_acknowledge.median, safety.to_acknowledge.worst) == (timedelta(hours=2), timedelta(hours=4))

    everything = response_figures(timings, YEAR_END)
    assert (everything.filed, everything.in_time, everything.due, everything.end_of_chain) == (39, 19, 39, 1)


async def test_figures_are_judged_as_they_stood_at_the_end_of_their_window(bot: RunningBot) -> None:
    bot.clock.set(YEAR_END)
    await a_constructed_year(bot.services)
    june = (local(2026, 6, 1, 0), local(2026, 7, 1, 0))

    async with bot.services.db.reading() as session:
        timings = await load_timings(session, bot.services, *june)
    in_june = [t for t in timings if june[0] <= t.created_at < june[1]]
    # Three hours after the online-safety concerns were filed: two answered, one still waiting past
    # its deadline, which had by then been passed on to the end of its chain.
    safety = by_kind(in_june, local(2026, 6, 10, 13))["online_safety"]

    assert (safety.due, safety.in_time, safety.waiting, safety.end_of_chain) == (3, 1, 1, 1)
    assert safety.to_acknowledge.worst == timedelta(hours=2)


async def test_an_ico_clock_is_open_until_the_breach_is_resolved(bot: RunningBot) -> None:
    bot.clock.set(YEAR_END)
    await a_constructed_year(bot.services)

    async with bot.services.db.reading() as session:
        clocks = await load_clocks(session, local(2026, 3, 1, 0), local(2026, 3, 31, 0))

    none = ClockCount(running=0, overdue=0)
    # Filed on 3 March at 10:00, due 72 hours later, resolved after four days.
    assert open_clocks(clocks, local(2026, 3, 5, 12)) == {ClockId.ICO: ClockCount(running=1, overdue=0),
                                                          ClockId.LADO: none, ClockId.CHARITY_COMMISSION: none}
    assert open_clocks(clocks, local(2026, 3, 6, 12))[ClockId.ICO] == ClockCount(running=0, overdue=1)
    assert open_clocks(clocks, local(2026, 3, 8, 12))[ClockId.ICO] == none


MONDAY_9AM = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


async def test_the_digest_says_how_reports_were_handled_beside_the_previous_four_weeks(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    # In the previous four weeks: a data breach acknowledged in 20 minutes, resolved three days later.
    bot.clock.set(MONDAY_9AM - timedelta(days=14))
    await driver.file(DAN, "data_breach", description="Zebedee's list went to the wrong group")
    bot.clock.advance(timedelta(minutes=20))
    await driver.press(ANITA, "report.acknowledge", driver.report_message(ANITA), answered=True)
    bot.clock.advance(timedelta(days=3))
    await driver.press_and_submit(ANITA, "report.resolve", driver.report_message(ANITA),
                                  text_value("outcome", "Recalled the email") | text_value("actions_taken", ""))
    # This week: one acknowledged after two hours (late), one after half an hour; neither resolved.
    bot.clock.set(MONDAY_9AM - timedelta(days=2))
    await driver.file(DAN, "data_breach")
    bot.clock.advance(timedelta(hours=2))
    await driver.press(ANITA, "report.acknowledge", driver.report_message(ANITA), answered=True)
    bot.clock.set(MONDAY_9AM - timedelta(days=1))
    await driver.file(DAN, "data_breach")
    bot.clock.advance(timedelta(minutes=30))
    await driver.press(ANITA, "report.acknowledge", driver.report_message(ANITA), answered=True)

    bot.clock.set(MONDAY_9AM)
    digest = json.dumps((await bot.slack.slash_command("/tmw", "digest", ANITA)).json()["blocks"], ensure_ascii=False)

    assert "How reports were handled" in digest
    assert "All reports: 2 filed (previous four weeks: 1)" in digest
    assert "acknowledged within the deadline: 1 of 2 (50%) (previous four weeks: 1 of 1 (100%))" in digest
    assert ("time to acknowledge: median 1 h 15 min, worst 2 h (previous four weeks: median 20 min, worst 20 min)"
            in digest)
    assert "time to resolve: none yet (previous four weeks: median 3 days, worst 3 days)" in digest
    assert "Personal data shared where it should not be (a data breach): 2 filed" in digest
    # Open clocks are said once, where the digest lists deadlines to tell bodies outside, beside a week ago.
    assert "Open deadlines, nothing recorded yet: *4* (+4 on last week)" in digest
    assert digest.count("the ICO: 2 open") == 1 and "Open ICO clocks" not in digest
    assert "Zebedee" not in digest and "Dan Hughes" not in digest
