"""Case records (issue 17): a report's whole history in order, shown only to the people on its chain."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import select

from storage.models import AuditEntry, Report
from tests.accounts_support import command
from tests.harness import EXAMPLE_ORG, RunningBot
from tests.report_driver import ANITA, BEN, DAN, DEPUTY, GRACE, MAYA, SAM, ReportDriver, text_value

REFERENCE = "TMW-2026-0001"


async def _audits(bot: RunningBot, action: str) -> list[AuditEntry]:
    async with bot.services.db.unit_of_work() as session:
        return list((await session.scalars(select(AuditEntry).where(AuditEntry.action == action))).all())


async def _show(bot: RunningBot, user: str, reference: str = REFERENCE) -> dict[str, Any]:
    response = await bot.slack.slash_command("/report", f"show {reference}", user)
    assert response.status == 200
    body = response.json()
    assert body["response_type"] == "ephemeral"
    return body


async def a_full_life(bot: RunningBot) -> ReportDriver:
    """Filed by Ben, a question and its answer, passed on with a reason, acknowledged and resolved."""
    driver = ReportDriver(bot)
    await driver.file(BEN, "participant_misuse", activity="audio-base", description="Someone was on a gambling site.")
    await driver.press_and_submit(SAM, "report.ask", driver.report_message(SAM), text_value("question", "Which computer was it?"))
    question = next(m for m in driver.messages(BEN) if "question about your report" in m.text)
    await driver.press_and_submit(BEN, "report.reply", question, text_value("answer", "The one by the window."))
    await driver.press_and_submit(SAM, "report.escalate", driver.report_message(SAM),
                                  text_value("reason", "A safeguarding question & more than I can judge."))
    await driver.press(ANITA, "report.acknowledge", driver.report_message(ANITA), answered=True)
    await driver.press_and_submit(ANITA, "report.resolve", driver.report_message(ANITA),
                                  text_value("outcome", "Filters tightened on that computer.") | text_value("actions_taken", ""))
    return driver


def in_order(text: str, *parts: str) -> None:
    positions = [text.find(part) for part in parts]
    assert all(p >= 0 for p in positions), list(zip(parts, positions, strict=True))
    assert positions == sorted(positions), list(zip(parts, positions, strict=True))


async def test_report_show_gives_the_handler_the_whole_history_in_order(bot: RunningBot) -> None:
    await a_full_life(bot)

    shown = json.dumps(await _show(bot, ANITA))

    in_order(shown, "Filed, by", "Sent to the people handling it", "Question to the reporter", "Which computer was it?",
              "Answer from the reporter", "The one by the window.", "Passed on", "A safeguarding question &amp; more",
              "Acknowledged, by", "Resolved, by", "Filters tightened")
    assert "Tuesday 24 November 2026, 10:00am" in shown  # the org's timezone
    viewed = await _audits(bot, "report.viewed")
    assert [(e.actor, e.subject_id) for e in viewed] == [(ANITA, REFERENCE)]


async def test_the_history_button_on_the_handlers_card_shows_it_too(bot: RunningBot) -> None:
    driver = await a_full_life(bot)

    reply = await driver.press(SAM, "report.history", driver.report_message(SAM), answered=True)

    assert reply == f"History of {REFERENCE}"
    blocks = json.dumps(bot.fake.responses[-1].params.get("blocks"))
    assert "Passed on" in blocks and "Filters tightened" in blocks


async def test_someone_off_the_chain_is_refused_and_the_refusal_is_audited(bot: RunningBot) -> None:
    driver = await a_full_life(bot)

    by_command = await _show(bot, GRACE)
    unknown = await _show(bot, GRACE, "TMW-2026-0999")
    # A forged press of the History button, copied from the handler's card.
    forged = await driver.press(GRACE, "report.history", driver.report_message(SAM), answered=True)

    for refused in (json.dumps(by_command), json.dumps(unknown), forged):
        assert "You can only see the history of a report you made or are handling" in refused
        assert "gambling" not in refused and "Filters" not in refused
    refusals = await _audits(bot, "report.view_refused")
    assert [(e.actor, e.subject_id) for e in refusals] == [(GRACE, REFERENCE), (GRACE, "TMW-2026-0999"), (GRACE, REFERENCE)]
    assert await _audits(bot, "report.viewed") == []


async def test_the_reporter_sees_their_reports_progress_but_not_the_handlers_notes(bot: RunningBot) -> None:
    await a_full_life(bot)

    shown = json.dumps(await _show(bot, BEN))

    in_order(shown, "Your report", "Filed, by", "Which computer was it?", "The one by the window.", "Passed on",
              "Acknowledged", "Resolved")
    assert "A safeguarding question" not in shown and "Filters tightened" not in shown
    assert "Sam" not in shown  # the people handling it are named by their role


async def test_a_handler_reopens_a_resolved_report_with_a_reason_and_the_history_shows_it(bot: RunningBot) -> None:
    driver = await a_full_life(bot)
    resolved_card = driver.report_message(ANITA)

    empty = await driver.press_and_submit(ANITA, "report.reopen", resolved_card, text_value("reason", "  "))
    too_long = await driver.press_and_submit(ANITA, "report.reopen", resolved_card, text_value("reason", "x" * 1001))
    assert "reason" in empty.json()["errors"] and "1,000 characters" in too_long.json()["errors"]["reason"]

    await driver.press_and_submit(ANITA, "report.reopen", resolved_card,
                                  text_value("reason", "The participant's parent has raised it again."))

    async with bot.services.db.unit_of_work() as session:
        report = await session.scalar(select(Report))
        assert report is not None and report.status == "acknowledged" and report.resolved_at is None
    assert [e.actor for e in await _audits(bot, "report.reopened")] == [ANITA]
    shown = json.dumps(await _show(bot, ANITA))
    in_order(shown, "Resolved, by", "Reopened, by", "raised it again")
    assert "Waiting" not in json.dumps(driver.messages(BEN)[-1].blocks) and "Resolved" not in driver.messages(BEN)[-1].text
    # Its buttons are back for the people handling it.
    assert driver.button(driver.report_message(ANITA), "report.resolve") is not None


async def test_only_someone_who_could_act_on_it_can_reopen_it(bot: RunningBot) -> None:
    driver = await a_full_life(bot)
    modals = len(bot.fake.calls_to("views.open"))

    refused = await driver.press(GRACE, "report.reopen", driver.report_message(ANITA), answered=True)

    assert "not yours to handle" in refused and "nothing has been changed" in refused
    assert len(bot.fake.calls_to("views.open")) == modals
    assert await _audits(bot, "report.reopened") == []


async def test_the_history_holds_what_other_workflows_did_for_the_report(bot: RunningBot, tmp_path: Path) -> None:
    # A password report starts the account's rotation; its change is recorded with /rotated.
    driver = ReportDriver(bot)
    await driver.file(MAYA, "password_exposure", description="I left the login on a post-it.", account="insta")
    await bot.tick()
    assert "change recorded" in await command(bot, "/rotated", "Instagram", DEPUTY)

    shown = json.dumps(await _show(bot, ANITA))
    in_order(shown, "Filed, by", "The account's password change was requested", "Password changed, by Tom")

    # A safeguarding report whose lead leaves is handed over to the deputy.
    await driver.file(DAN, "online_safety", description="Jess was messaged by a stranger.")
    without_priya = EXAMPLE_ORG.read_text().replace(
        "  - slack_id: U0SAFE0001\n    name: Priya Shah\n    roles: [safeguarding_lead, team_member]\n", ""
    ).replace("roles: [deputy_safeguarding_lead,", "roles: [safeguarding_lead, deputy_safeguarding_lead,")
    edited = tmp_path / "org.yml"
    edited.write_text(without_priya)
    bot.services.org_path = edited
    await bot.tick()
    await bot.tick()

    handed_over = json.dumps(await _show(bot, DEPUTY, "TMW-2026-0002"))
    in_order(handed_over, "Sent to the people handling it", "Passed on, by the bot", "(automatically)",
              "The person handling it has left")


async def test_report_show_with_more_than_a_reference_is_a_concern_to_file(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    bare = await bot.slack.slash_command("/report", "show", SAM)
    assert "Please give the report's reference" in json.dumps(bare.json())

    view = await driver.open_modal(BEN, "show of hands went wrong")

    assert "show of hands went wrong" in json.dumps(view)
    assert await _audits(bot, "report.view_refused") == []
