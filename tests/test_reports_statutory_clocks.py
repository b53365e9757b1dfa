"""Statutory clocks beyond the ICO (issue 17): the LADO and the Charity Commission, as data like the ICO's
72 hours. They remind the people handling the report, tell others once overdue, and stop when the handler
records what was decided; the digest counts those still open."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta
from typing import Any

from pypdf import PdfReader

from tests.harness import RunningBot
from tests.report_driver import (
    ANITA,
    BEN,
    CHAIR,
    DAN,
    DEPUTY,
    GRACE,
    SAFE,
    ReportDriver,
    audit_count,
    latest_report,
    text_value,
)
from tests.test_reports_case_records import in_order

LADO = "report.clock.lado"
CHARITY_COMMISSION = "report.clock.charity_commission"
ICO = "report.clock.ico"
WEDNESDAY_10AM = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)  # a working day after filing (Tuesday 10am, GMT)
SECRET = "Zebedee-unique words about Jess"


def clock_values(decision: str | None, reported_on: str | None = None, reference: str = "", reason: str = "") -> dict[str, Any]:
    return {
        "decision": {"decision_input": {"type": "radio_buttons",
                                        "selected_option": {"value": decision} if decision else None}},
        "reported_on": {"reported_on_input": {"type": "datepicker", "selected_date": reported_on}},
        **text_value("reference", reference),
        **text_value("reason", reason),
    }


async def an_allegation(bot: RunningBot) -> ReportDriver:
    """Ben reports that Dan, a music leader, has been messaging a participant; the safeguarding lead
    acknowledges it at once."""
    driver = ReportDriver(bot)
    await driver.file(BEN, "online_safety", team_member=DAN, description=SECRET)
    await driver.press(SAFE, "report.acknowledge", driver.report_message(SAFE), answered=True)
    return driver


def clock_messages(driver: ReportDriver, user: str, words: str) -> list[str]:
    return [m.text for m in driver.messages(user) if words in m.text]


async def open_clock_modal(driver: ReportDriver, user: str, action: str, card: Any) -> dict[str, Any]:
    before = len(driver.bot.fake.calls_to("views.open"))
    await driver.press(user, action, card)
    await driver.bot.fake.wait_until(lambda: len(driver.bot.fake.calls_to("views.open")) > before, what="the modal")
    view = driver.bot.fake.view_for(user)
    assert view is not None
    return view


async def catch_up(bot: RunningBot, to: datetime) -> None:
    bot.clock.set(to)
    for _ in range(3):
        await bot.tick()


async def _show(bot: RunningBot, user: str, reference: str = "TMW-2026-0001") -> str:
    return json.dumps((await bot.slack.slash_command("/report", f"show {reference}", user)).json())


async def test_an_allegation_about_a_team_member_gives_a_working_day_to_refer_it_to_the_lado(bot: RunningBot) -> None:
    driver = await an_allegation(bot)

    card = driver.report_message(SAFE)
    shown = json.dumps(card.blocks)
    assert "refer it to the LADO by *Wednesday 25 November 2026, 10:00am* (within one working day)" in shown
    assert "Charity Commission" in shown
    assert driver.button(card, LADO) is not None and driver.button(card, CHARITY_COMMISSION) is not None

    # A concern with nobody of the team named starts no LADO clock.
    await driver.file(BEN, "online_safety", description="A stranger messaged Jess.")
    other = [m for m in driver.messages(SAFE) if "TMW-2026-0002" in m.text][-1]
    assert driver.button(other, LADO) is None and driver.button(other, CHARITY_COMMISSION) is not None


async def test_a_working_day_over_a_weekend_is_monday(bot: RunningBot) -> None:
    bot.clock.set(datetime(2026, 11, 27, 15, 0, tzinfo=UTC))  # Friday 3pm
    driver = await an_allegation(bot)

    assert "refer it to the LADO by *Monday 30 November 2026, 3:00pm*" in json.dumps(driver.report_message(SAFE).blocks)


async def test_the_lado_clock_reminds_and_once_overdue_escalates_to_the_ceo_without_details(bot: RunningBot) -> None:
    driver = await an_allegation(bot)

    await catch_up(bot, WEDNESDAY_10AM - timedelta(hours=17, minutes=59))  # Tuesday 4:01pm
    [reminder] = clock_messages(driver, SAFE, "hours left to refer it to the LADO")
    assert "*TMW-2026-0001* (a concern about a participant's safety online): 17 hours left" in reminder
    assert "(by Wednesday 25 November 2026, 10:00am). Please record what was decided on the report." in reminder
    assert clock_messages(driver, ANITA, "LADO") == []

    await catch_up(bot, WEDNESDAY_10AM + timedelta(minutes=1))

    assert clock_messages(driver, SAFE, "Please refer it to the LADO now")
    [overdue] = clock_messages(driver, ANITA, "whether to refer it to the LADO")
    assert "TMW-2026-0001" in overdue and "the safeguarding lead" in overdue
    assert SECRET not in overdue and "Dan" not in overdue
    assert await audit_count(bot, "report.clock_escalated") == 1
    assert "Overdue, so others were told" in await _show(bot, SAFE)

    # It keeps reminding, and the CEO keeps being told, until something is recorded.
    await catch_up(bot, WEDNESDAY_10AM + timedelta(hours=6, minutes=2))
    assert len(clock_messages(driver, ANITA, "whether to refer it to the LADO")) == 2
    assert await audit_count(bot, "report.clock_escalated") == 1


async def test_recording_the_referral_stops_its_reminders_and_goes_in_the_history(bot: RunningBot) -> None:
    driver = await an_allegation(bot)
    card = driver.report_message(SAFE)

    # Two modals opened before either is sent (two tabs, or a second click): only the first is recorded.
    first, second = await open_clock_modal(driver, SAFE, LADO, card), await open_clock_modal(driver, SAFE, LADO, card)
    assert first["id"] != second["id"]
    response = await bot.slack.view_submission(SAFE, first, clock_values("reported", "2026-11-24", "LADO/2026/117"))
    await bot.tick()
    again = await bot.slack.view_submission(SAFE, second, clock_values("not_reported", reason="Changed my mind."))
    await bot.tick()
    repeated = await bot.slack.view_submission(SAFE, first, clock_values("reported", "2026-11-24", "LADO/2026/117"))

    assert "errors" not in (response.json() or {})
    assert "already recorded" in json.dumps(again.json()) and "errors" not in (repeated.json() or {})
    assert await audit_count(bot, "report.clock_recorded") == 1
    # The button on a card from before says so at once.
    assert "already recorded" in await driver.press(SAFE, LADO, card, answered=True)
    updated = driver.report_message(SAFE)
    assert "Referred to the LADO on Tuesday 24 November 2026." in json.dumps(updated.blocks)
    assert driver.button(updated, LADO) is None and driver.button(updated, CHARITY_COMMISSION) is not None
    assert await audit_count(bot, "report.clock_recorded") == 1
    in_order(await _show(bot, SAFE), "Acknowledged, by", "Decision recorded", "the LADO",
             "Referred to the LADO on Tuesday 24 November 2026. Their reference: LADO/2026/117.")


    await catch_up(bot, WEDNESDAY_10AM + timedelta(days=1))
    assert clock_messages(driver, SAFE, "refer it to the LADO") == []
    assert clock_messages(driver, ANITA, "LADO") == []
    assert await audit_count(bot, "report.clock_escalated") == 1  # the Charity Commission's, 48 hours on


async def test_a_record_the_form_cannot_stand_by_is_refused_beside_its_field_and_nothing_is_saved(bot: RunningBot) -> None:
    driver = await an_allegation(bot)
    card = driver.report_message(SAFE)

    no_reason = await driver.press_and_submit(SAFE, LADO, card, clock_values("not_reported", reason="   "))
    no_choice = await driver.press_and_submit(SAFE, LADO, card, clock_values(None))
    no_day = await driver.press_and_submit(SAFE, LADO, card, clock_values("reported", reference="LADO/1"))
    future = await driver.press_and_submit(SAFE, LADO, card, clock_values("reported", "2026-11-26"))
    too_long = await driver.press_and_submit(SAFE, LADO, card, clock_values("reported", "2026-11-24", "x" * 101))

    assert no_reason.json()["errors"] == {"reason": "Please say why it was not referred."}
    assert no_choice.json()["errors"] == {"decision": "Please choose what was decided."}
    assert no_day.json()["errors"] == {"reported_on": "Please give the day it was referred."}
    assert list(future.json()["errors"]) == ["reported_on"] and "still to come" in future.json()["errors"]["reported_on"]
    assert list(too_long.json()["errors"]) == ["reference"]
    assert await audit_count(bot, "report.clock_recorded") == 0
    assert driver.button(driver.report_message(SAFE), LADO) is not None


async def test_only_those_the_report_has_reached_can_record_a_clock(bot: RunningBot) -> None:
    driver = await an_allegation(bot)
    card = driver.report_message(SAFE)
    modals = len(bot.fake.calls_to("views.open"))

    by_outsider = await driver.press(GRACE, LADO, card, answered=True)
    by_deputy = await driver.press(DEPUTY, LADO, card, answered=True)  # later in the chain: not reached yet

    assert "not yours to handle" in by_outsider
    assert "hasn't reached you" in by_deputy
    assert len(bot.fake.calls_to("views.open")) == modals

    # A modal the lead opened, submitted as someone else: refused, nothing saved.
    await driver.press(SAFE, LADO, card)
    await bot.fake.wait_until(lambda: len(bot.fake.calls_to("views.open")) > modals, what="the modal")
    view = bot.fake.view_for(SAFE)
    assert view is not None
    forged = await bot.slack.view_submission(GRACE, view, clock_values("not_reported", reason="Not needed."))
    assert "Nothing changed" in json.dumps(forged.json())
    assert await audit_count(bot, "report.clock_recorded") == 0


async def test_the_trustees_decision_on_the_charity_commission_is_recorded_with_its_reason(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    await driver.file(DAN, "data_breach", description="A register was emailed to the wrong parent.")
    card = driver.report_message(ANITA)
    assert driver.button(card, ICO) is not None and driver.button(card, CHARITY_COMMISSION) is not None

    refused = await driver.press_and_submit(ANITA, CHARITY_COMMISSION, card, clock_values("not_reported"))
    assert refused.json()["errors"] == {"reason": "Please give the trustees' reason for not reporting it."}
    await driver.press_and_submit(ANITA, CHARITY_COMMISSION, card,
                                  clock_values("not_reported", reason="Contained within the hour; not a serious incident."))

    updated = driver.report_message(ANITA)
    assert "The trustees decided not to report it to the Charity Commission." in json.dumps(updated.blocks)
    assert driver.button(updated, CHARITY_COMMISSION) is None and driver.button(updated, ICO) is not None
    in_order(await _show(bot, ANITA), "Decision recorded", "the Charity Commission",
             "Why: Contained within the hour; not a serious incident.")

    # The case's PDF says where each clock stands.
    await driver.press(ANITA, "report.export", updated, answered=True)
    await bot.tick()
    [sent] = bot.fake.files
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(sent.content)).pages)
    assert "The ICO: Nothing recorded yet (due by Friday 27 November 2026, 10:00am)." in text
    assert "The Charity Commission: The trustees decided not to report it to the Charity Commission." in text
    assert "Contained within the hour" in text


async def test_an_overdue_ico_clock_escalates_to_the_chair(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    await driver.file(DAN, "data_breach")
    await driver.press(ANITA, "report.acknowledge", driver.report_message(ANITA), answered=True)

    await catch_up(bot, datetime(2026, 11, 27, 10, 1, tzinfo=UTC))  # 72 hours and a minute

    assert clock_messages(driver, ANITA, "Please tell the ICO if it is serious now")
    assert clock_messages(driver, CHAIR, "whether to tell the ICO")


async def test_reopening_a_resolved_data_breach_restarts_the_ico_reminders(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    await driver.file(DAN, "data_breach")
    await driver.press(ANITA, "report.acknowledge", driver.report_message(ANITA), answered=True)
    await driver.press_and_submit(ANITA, "report.resolve", driver.report_message(ANITA),
                                  text_value("outcome", "Not serious, we thought.") | text_value("actions_taken", ""))
    await catch_up(bot, bot.clock.now() + timedelta(hours=13))
    assert clock_messages(driver, ANITA, "to tell the ICO") == []

    await driver.press_and_submit(ANITA, "report.reopen", driver.report_message(ANITA),
                                  text_value("reason", "More records were sent than we knew."))
    await catch_up(bot, bot.clock.now() + timedelta(hours=12, minutes=1))

    assert clock_messages(driver, ANITA, "hours left to tell the ICO")


async def test_the_digest_counts_open_clocks_per_body_and_those_overdue_without_details(bot: RunningBot) -> None:
    driver = await an_allegation(bot)
    await driver.file(DAN, "data_breach")
    await catch_up(bot, WEDNESDAY_10AM + timedelta(hours=1))

    digest = json.dumps((await bot.slack.slash_command("/tmw", "digest", ANITA)).json()["blocks"], ensure_ascii=False)

    assert "Open deadlines, nothing recorded yet: *4*" in digest
    assert "the LADO: 1 open, :warning: 1 overdue" in digest
    assert "the ICO: 1 open" in digest and "hours left to tell the ICO" in digest
    assert "the Charity Commission: 2 open" in digest
    for private in ("Zebedee", "Jess", "Dan", "Ben"):
        assert private not in digest


async def test_an_ico_reminder_the_release_before_scheduled_still_reminds_and_carries_on(bot: RunningBot) -> None:
    from storage.timers import cancel_timers, schedule_timer

    driver = ReportDriver(bot)
    await driver.file(DAN, "data_breach")
    await driver.press(ANITA, "report.acknowledge", driver.report_message(ANITA), answered=True)
    report = await latest_report(bot)
    async with bot.services.db.unit_of_work() as session:
        # As a database upgraded from 0009 holds it: the old timer, not yet the clock's own.
        await cancel_timers(session, prefix=f"report:{report.id}:clock:")
        await schedule_timer(session, kind="report.ico_reminder", dedupe_key=f"report:{report.id}:ico:1",
                             due_at=bot.clock.now() + timedelta(hours=12), payload={"report_id": report.id, "n": 1})

    await catch_up(bot, bot.clock.now() + timedelta(hours=12, minutes=1))
    await catch_up(bot, bot.clock.now() + timedelta(hours=12))

    assert len(clock_messages(driver, ANITA, "hours left to tell the ICO")) == 2
