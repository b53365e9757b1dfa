"""One organisation on both platforms: a report filed in Slack is handled by a safeguarding lead on Teams,
and the reporter hears back where they filed it. Priya, the safeguarding lead, is on Slack and Teams and
is told on Teams (`notify_on: teams`); Ben, a volunteer, is on both too but told on Slack (named first).
Each is told once, on their own platform. One running bot serves both, through the Slack stand-in (signed
requests) and the Teams stand-in (signed activities), its outbox routed by the organisation file, on
SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from bot.reports.messages import FieldId
from bot.standin import FakeSlack
from bot.standin.teams import SentActivity
from storage.models import Report
from tests.harness import EXAMPLE_ORG
from tests.report_driver import BEN, SAFE, ReportDriver, audit_count, latest_report, text_value
from tests.teams_support import BEN_TEAMS, PRIYA_TEAMS, TeamsWorld, start_teams_world

MIXED = (
    EXAMPLE_ORG.read_text()
    .replace(f"  - slack_id: {SAFE}\n",
             f"  - slack_id: {SAFE}\n    teams: {{object_id: {PRIYA_TEAMS}, upn: priya@themusicworks.org.uk}}\n"
             "    notify_on: teams\n")
    .replace(f"  - slack_id: {BEN}\n",
             f"  - slack_id: {BEN}\n    teams: {{object_id: {BEN_TEAMS}, upn: ben@themusicworks.org.uk}}\n")
)


@pytest.fixture
async def world(database_url: str, fake_slack: FakeSlack, tmp_path: Path) -> AsyncIterator[TeamsWorld]:
    org = tmp_path / "org.yml"
    org.write_text(MIXED)
    async for running in start_teams_world(database_url, fake_slack, org=org):
        # Both have the app in Teams, so either could be reached there: only the file says where.
        for person in (PRIYA_TEAMS, BEN_TEAMS):
            assert (await running.client.send(running.client.installed(person))).status == 200
        yield running


def _card_text(card: dict[str, Any]) -> str:
    return "\n".join(block["text"] for block in card["body"] if "text" in block)


def _buttons(card: dict[str, Any]) -> list[dict[str, Any]]:
    return [a for block in card["body"] if block["type"] == "ActionSet" for a in block["actions"]]


def _cards_about(world: TeamsWorld, object_id: str, reference: str) -> list[SentActivity]:
    return [sent for sent in world.teams.sent_to(object_id) if reference in _card_text(sent.cards[0])]


async def _filed_in_slack(world: TeamsWorld) -> tuple[ReportDriver, Report, SentActivity]:
    """Ben files a concern in Slack; it reaches Priya's chat in Teams as her handler card."""
    driver = ReportDriver(world.bot)
    submitted = await driver.file(BEN, "online_safety", description="A stranger keeps messaging a participant.")
    report = await latest_report(world.bot)
    assert report.reference in submitted.confirmation
    await world.tick()
    [card] = _cards_about(world, PRIYA_TEAMS, report.reference)
    return driver, report, card


async def test_a_report_filed_in_slack_reaches_the_lead_in_teams_and_not_in_slack(world: TeamsWorld) -> None:
    _, report, card = await _filed_in_slack(world)

    assert {button.get("verb") for button in _buttons(card.cards[0])} >= {"report.acknowledge"}
    # Told once, where the organisation file says: nothing of it in her Slack DMs.
    assert world.bot.fake.messages_in(SAFE) == []
    assert report.reference not in json.dumps([call.params for call in world.bot.fake.calls_to("chat.postMessage")
                                               if call.params.get("channel") == SAFE])


async def test_the_lead_acknowledges_and_asks_in_teams_and_the_reporter_hears_and_answers_in_slack(
        world: TeamsWorld) -> None:
    driver, report, card = await _filed_in_slack(world)
    [acknowledge] = [b for b in _buttons(card.cards[0]) if b.get("verb") == "report.acknowledge"]

    pressed = await world.client.send(world.client.card_action(PRIYA_TEAMS, acknowledge["verb"], acknowledge["data"],
                                                               reply_to_id=card.id))
    await world.tick()

    assert "Acknowledged" in _card_text(pressed.body["value"])
    async with world.bot.services.db.reading() as session:
        assert (await session.execute(select(Report.status, Report.acknowledged_by))).one() == ("acknowledged", SAFE)
    # Ben hears in Slack, where he filed it.
    assert f"Your report {report.reference}: Acknowledged" in driver.texts(BEN)

    # Her card, as updated in place, asks through a dialog.
    [ask] = [b for b in _buttons(pressed.body["value"]) if b["title"] == "Ask for more information"]
    opened = await world.client.send(world.client.dialog_fetch(PRIYA_TEAMS, ask["data"]))
    [submit] = opened.body["task"]["value"]["card"]["content"]["actions"]
    asked = await world.client.send(world.client.dialog_submit(
        PRIYA_TEAMS, {**submit["data"], FieldId.QUESTION: "Which platform was it on?"}))
    await world.tick()

    assert asked.body["task"]["type"] == "message"
    question = next(m for m in driver.messages(BEN) if "question about your report" in m.text)
    assert "Which platform was it on?" in json.dumps(question.blocks)

    await driver.press_and_submit(BEN, "report.reply", question, text_value("answer", "Instagram, last night."))
    await world.tick()

    # Priya is told in Teams, and her card there, updated in place, holds the question and the answer.
    told = "\n".join(_card_text(sent.cards[0]) for sent in world.teams.sent_to(PRIYA_TEAMS))
    assert "has answered your question" in told
    [updated] = _cards_about(world, PRIYA_TEAMS, report.reference)[:1]
    assert "Which platform was it on?" in json.dumps(updated.cards) and "Instagram, last night." in json.dumps(updated.cards)
    assert await audit_count(world.bot, "report.question_answered") == 1


async def test_everyone_on_both_platforms_is_told_once_on_their_own(world: TeamsWorld) -> None:
    driver, report, card = await _filed_in_slack(world)
    [acknowledge] = [b for b in _buttons(card.cards[0]) if b.get("verb") == "report.acknowledge"]
    await world.client.send(world.client.card_action(PRIYA_TEAMS, acknowledge["verb"], acknowledge["data"]))
    await world.tick()

    # Ben, on both, hears only in Slack; Priya, on both, only in Teams, and her card was not sent twice.
    assert [m.text for m in driver.messages(BEN) if report.reference in m.text] == [
        f"Your report {report.reference}: Acknowledged"]
    assert _cards_about(world, BEN_TEAMS, report.reference) == []
    assert len(_cards_about(world, PRIYA_TEAMS, report.reference)) == 1
    assert world.bot.fake.messages_in(SAFE) == []
