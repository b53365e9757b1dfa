"""Report handling hardened: who may act, refused submissions, what is stored and shown."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import func, select

from storage.models import AuditEntry, Report
from tests.harness import RunningBot
from tests.report_driver import ANITA, BEN, DAN, DEPUTY, SAFE, SAM, ReportDriver, form_values, text_value


async def _audit(bot: RunningBot, action: str) -> int:
    async with bot.services.db.unit_of_work() as session:
        return await session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == action)) or 0


async def _report(bot: RunningBot) -> Report:
    async with bot.services.db.unit_of_work() as session:
        report = await session.scalar(select(Report).order_by(Report.id.desc()))
        assert report is not None
        return report


# -- 1. only the tiers a report has reached can act ---------------------------------------------------


async def test_people_further_down_the_chain_cannot_act_before_it_reaches_them(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    await driver.file(DAN, "online_safety", description="Jess was messaged by a stranger.")
    lead_card = driver.report_message(SAFE)
    modals = len(bot.fake.calls_to("views.open"))

    # The CEO is third in the chain and only told that the report exists.
    acknowledged = await driver.press(ANITA, "report.acknowledge", lead_card, answered=True)
    asked = await driver.press(ANITA, "report.ask", lead_card, answered=True)
    # The deputy is second, and it has not been passed on.
    resolved = await driver.press(DEPUTY, "report.resolve", lead_card, answered=True)

    assert "nothing has been changed" in acknowledged and "safeguarding lead" in acknowledged
    assert "nothing has been changed" in asked
    assert "hasn't reached you" in resolved and "nothing has been changed" in resolved
    assert len(bot.fake.calls_to("views.open")) == modals
    assert (await _report(bot)).status == "open"
    assert await _audit(bot, "report.acknowledged") == 0

    # The escalation still runs: the lead never acknowledged it.
    bot.clock.advance(timedelta(minutes=61))
    await bot.tick()
    await bot.tick()
    assert (await _report(bot)).tier == 1
    deputy_card = driver.report_message(DEPUTY)
    reply = await driver.press(DEPUTY, "report.acknowledge", deputy_card, answered=True)
    assert "is acknowledged" in reply


async def test_report_list_says_who_is_only_told_of_a_report(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    await driver.file(DAN, "online_safety")

    ceo = json.dumps((await bot.slack.slash_command("/report", "list", ANITA)).json())
    deputy = json.dumps((await bot.slack.slash_command("/report", "list", DEPUTY)).json())

    assert "TMW-2026-0001" in ceo and "you are told of it" in ceo and "you handle it" not in ceo
    assert "TMW-2026-0001" not in deputy  # not passed on to them: they have not been told of it


# -- 2. a submission counts as processed only once accepted -------------------------------------------


async def test_a_crafted_submission_of_a_handlers_form_does_not_make_theirs_a_duplicate(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    await driver.file(BEN, "participant_misuse", activity="audio-base")
    before = len(bot.fake.calls_to("views.open"))
    await driver.press(SAM, "report.ask", driver.report_message(SAM))
    await bot.fake.wait_until(lambda: len(bot.fake.calls_to("views.open")) > before, what="the ask modal")
    sams_form = bot.fake.view_for(SAM)
    assert sams_form is not None

    # Dan, who is not on the chain, submits Sam's form (same view id and hash) first.
    await bot.slack.view_submission(DAN, sams_form, text_value("question", "Who told you?"))
    response = await bot.slack.view_submission(SAM, sams_form, text_value("question", "Which computer was it?"))
    await bot.tick()

    assert response.status == 200
    assert "Which computer was it?" in driver.texts(BEN)
    assert "Who told you?" not in driver.texts(BEN)
    assert await _audit(bot, "report.question_asked") == 1


async def test_a_crafted_filing_with_someone_elses_form_does_not_swallow_their_report(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    dans_form = await driver.open_modal(DAN)

    await bot.slack.view_submission(BEN, dans_form, form_values("data_breach", "Ben's version."))
    response = await bot.slack.view_submission(DAN, dans_form, form_values("data_breach", "Dan's own report."))
    await bot.tick()

    assert response.status == 200
    async with bot.services.db.unit_of_work() as session:
        reporters = set((await session.scalars(select(Report.reporter_id))).all())
    assert reporters == {BEN, DAN}
