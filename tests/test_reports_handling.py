"""Handlers acknowledge, ask, escalate and resolve with buttons; nobody else can; nothing happens twice."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from tests.harness import RunningBot
from tests.report_driver import (
    ANITA,
    BEN,
    CHAIR,
    DAN,
    DEPUTY,
    SAFE,
    SAM,
    ReportDriver,
    audit_count,
    latest_report,
    text_value,
)


async def test_acknowledging_updates_the_message_in_place_and_tells_the_reporter(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    await driver.file(DAN, "online_safety", description="Jess was messaged by a stranger.")
    message = driver.report_message(SAFE)

    reply = await driver.press(SAFE, "report.acknowledge", message, answered=True)

    assert "acknowledged" in reply
    updated = driver.messages(SAFE)
    assert len(updated) == 1 and updated[0].ts == message.ts
    assert driver.button(updated[0], "report.acknowledge") is None
    assert "Acknowledged" in updated[0].text
    assert "Acknowledged by the safeguarding lead" in driver.texts(DAN)
    assert (await latest_report(bot)).status == "acknowledged"
    assert await audit_count(bot, "report.acknowledged") == 1


async def test_someone_off_the_chain_pressing_a_button_changes_nothing(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    await driver.file(DAN, "online_safety")
    message = driver.report_message(SAFE)

    # Sam saw the message on a shared screen, or it was forwarded to him.
    reply = await driver.press(SAM, "report.acknowledge", message, answered=True)

    assert "not yours to handle" in reply
    assert (await latest_report(bot)).status == "open"
    assert await audit_count(bot, "report.acknowledged") == 0
    assert driver.messages(SAM) == []


async def test_the_person_a_report_is_about_cannot_act_on_it(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    await driver.file(BEN, "team_member_misuse", team_member=ANITA)

    reply = await driver.press(ANITA, "report.acknowledge", driver.report_message(CHAIR), answered=True)

    assert "not yours to handle" in reply
    assert (await latest_report(bot)).status == "open"


async def test_a_double_click_acknowledges_once(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    await driver.file(DAN, "online_safety")
    message = driver.report_message(SAFE)

    first = await driver.press(SAFE, "report.acknowledge", message, answered=True)
    second = await driver.press(SAFE, "report.acknowledge", message, answered=True)

    assert "acknowledged, and the reporter has been told" in first
    assert "already acknowledged" in second
    assert await audit_count(bot, "report.acknowledged") == 1


async def test_asking_for_more_information_reaches_the_reporter_and_the_answer_comes_back(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    await driver.file(BEN, "participant_misuse", activity="audio-base", description="Someone was on a gambling site.")

    await driver.press_and_submit(SAM, "report.ask", driver.report_message(SAM), text_value("question", "Which computer was it?"))

    question = next(m for m in driver.messages(BEN) if "question about your report" in m.text)
    assert "Which computer was it?" in json.dumps(question.blocks)
    await driver.press_and_submit(BEN, "report.reply", question, text_value("answer", "The one by the window."))

    handler_view = json.dumps(driver.report_message(SAM).blocks)
    assert "Which computer was it?" in handler_view and "The one by the window." in handler_view
    assert "has answered your question" in driver.texts(SAM)
    assert await audit_count(bot, "report.question_answered") == 1


async def test_only_the_reporter_can_answer_a_question(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    await driver.file(BEN, "participant_misuse", activity="audio-base")
    await driver.press_and_submit(SAM, "report.ask", driver.report_message(SAM), text_value("question", "When exactly?"))
    question = next(m for m in driver.messages(BEN) if "question about your report" in m.text)

    reply = await driver.press(DAN, "report.reply", question, answered=True)

    assert "Only the person who made the report" in reply


async def test_escalating_passes_it_to_the_next_in_chain_once(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    await driver.file(DAN, "online_safety")
    message = driver.report_message(SAFE)
    before = len(bot.fake.calls_to("views.open"))
    await driver.press(SAFE, "report.escalate", message)
    await bot.fake.wait_until(lambda: len(bot.fake.calls_to("views.open")) > before)
    view = bot.fake.view_for(SAFE)
    assert view is not None

    await bot.slack.view_submission(SAFE, view, text_value("reason", "I am away this week."))
    await bot.slack.view_submission(SAFE, view, text_value("reason", "I am away this week."))  # double submit
    await bot.tick()

    assert driver.button(driver.report_message(DEPUTY), "report.acknowledge") is not None
    assert "I am away this week." in driver.texts(DEPUTY)
    assert (await latest_report(bot)).tier == 1
    assert await audit_count(bot, "report.escalated") == 1


async def test_resolving_closes_the_report_and_tells_the_reporter(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    await driver.file(BEN, "participant_misuse", activity="audio-base")

    values = {**text_value("outcome", "Spoke to the participant and their parent."), **text_value("actions_taken", "Parental controls checked.")}
    await driver.press_and_submit(SAM, "report.resolve", driver.report_message(SAM), values)

    report = await latest_report(bot)
    assert report.status == "resolved" and report.resolved_by == SAM
    handler = driver.messages(SAM)[-1]
    # Nothing left to do on it: only its history (and reopening) stay on the card.
    assert {"report.acknowledge", "report.ask", "report.escalate", "report.resolve"}.isdisjoint(json.dumps(handler.blocks).split('"'))
    assert "Resolved" in driver.texts(BEN)
    assert await audit_count(bot, "report.resolved") == 1


async def test_an_unacknowledged_safeguarding_report_escalates_after_an_hour_and_only_once(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    await driver.file(DAN, "online_safety")

    bot.clock.advance(timedelta(minutes=59))
    await bot.tick()
    assert driver.messages(DEPUTY) == []

    bot.clock.advance(timedelta(minutes=2))
    await bot.tick()
    await bot.tick()

    assert driver.button(driver.report_message(DEPUTY), "report.acknowledge") is not None
    assert "still being handled" in driver.texts(DAN)
    assert await audit_count(bot, "report.escalated") == 1
    assert (await latest_report(bot)).tier == 1


async def test_acknowledging_in_time_stops_the_escalation(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    await driver.file(DAN, "online_safety")
    await driver.press(SAFE, "report.acknowledge", driver.report_message(SAFE), answered=True)

    bot.clock.advance(timedelta(hours=3))
    await bot.tick()

    assert driver.messages(DEPUTY) == []
    assert await audit_count(bot, "report.escalated") == 0


async def test_a_routine_report_waits_a_working_day_not_a_weekend(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    friday_3pm = datetime(2026, 11, 27, 15, 0, tzinfo=UTC)
    bot.clock.set(friday_3pm)
    await driver.file(BEN, "participant_misuse", activity="audio-base")

    bot.clock.set(friday_3pm + timedelta(days=2))  # Sunday
    await bot.tick()
    assert driver.messages(ANITA) == []

    bot.clock.set(friday_3pm + timedelta(days=3, minutes=1))  # Monday, 3:01pm
    await bot.tick()
    assert driver.button(driver.report_message(ANITA), "report.acknowledge") is not None


async def test_at_the_end_of_the_chain_it_keeps_reminding_at_a_steady_pace(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    await driver.file(DAN, "data_breach")  # CEO, then the Chair, one hour each

    for _ in range(3):
        bot.clock.advance(timedelta(minutes=61))
        await bot.tick()

    reminders = [m for m in driver.messages(CHAIR) if "still waiting to be acknowledged" in m.text]
    assert len(reminders) == 2
    assert await audit_count(bot, "report.escalated") == 1


async def test_a_data_breach_reminds_with_the_hours_left_until_resolved(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    await driver.file(DAN, "data_breach")
    await driver.press(ANITA, "report.acknowledge", driver.report_message(ANITA), answered=True)

    bot.clock.advance(timedelta(hours=12, minutes=1))
    await bot.tick()
    assert "59 hours left to tell the ICO" in driver.texts(ANITA)

    values = text_value("outcome", "Not serious: the parent deleted it. No ICO report needed.")
    await driver.press_and_submit(ANITA, "report.resolve", driver.report_message(ANITA), values)
    bot.clock.advance(timedelta(hours=24))
    await bot.tick()
    assert "47 hours left" not in driver.texts(ANITA)


async def test_escalation_timers_survive_a_restart(bot: RunningBot) -> None:
    from bot.runtime import prepare
    from bot.scheduler import run_due
    from bot.workflows import MAINTENANCE, TIMER_HANDLERS

    driver = ReportDriver(bot)
    await driver.file(DAN, "online_safety")

    # A new process on the same database and key, an hour and a half later.
    bot.clock.advance(timedelta(minutes=90))
    restarted = await prepare(bot.services.settings, bot.clock)
    await run_due(restarted, TIMER_HANDLERS, bot.deliverer, MAINTENANCE)
    await restarted.db.dispose()

    assert driver.button(driver.report_message(DEPUTY), "report.acknowledge") is not None


async def test_revoking_a_young_leaders_access_asks_the_admins(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    await driver.file(SAM, "young_leader_misuse", team_member="U0YOUNGL01")

    reply = await driver.press(DEPUTY, "report.revoke_access", driver.report_message(DEPUTY), answered=True)

    assert "asked to remove their access" in reply
    assert "remove Maya's access" in driver.texts(ANITA)
    assert await audit_count(bot, "report.revoke_access") == 1


async def test_report_list_shows_what_i_filed_and_handle(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    await driver.file(DAN, "online_safety")
    await driver.file(BEN, "participant_misuse", activity="audio-base")

    dans = (await bot.slack.slash_command("/report", "list", DAN)).json()
    sams = (await bot.slack.slash_command("/report", "list", SAM)).json()
    bens = (await bot.slack.slash_command("/report", "list", BEN)).json()

    assert "TMW-2026-0001" in json.dumps(dans) and "you reported it" in json.dumps(dans)
    assert "TMW-2026-0002" in json.dumps(sams) and "you handle it" in json.dumps(sams)
    assert "TMW-2026-0001" not in json.dumps(sams) and "TMW-2026-0001" not in json.dumps(bens)
