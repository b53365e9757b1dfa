"""A report's statutory clocks in Teams: an allegation about one of the team gives its handler a working day
to refer it to the LADO, and the report's card a button to record the referral. In Teams the button opens
a dialog with the form Slack's modal shows, checked the same way (a problem shown beside its field, the
dialog shown again, nothing saved), refused to anyone the report has not reached, and once recorded the
LADO's reminders stop and the card is updated in place. Over real HTTP through the Teams stand-in, on
SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.standin import FakeSlack
from bot.standin.teams.connector import SentActivity
from storage.models import AuditEntry, ReportClock
from tests.harness import START
from tests.teams_support import (
    BEN_TEAMS,
    DAN_TEAMS,
    PRIYA_TEAMS,
    STRANGER_TEAMS,
    TeamsWorld,
    card_actions,
    card_button,
    card_text,
    start_teams_world,
)

RECORD_LADO = "Record the LADO referral"
NOT_YOURS = "This report is not yours to handle, so nothing has been changed."
LADO_REMINDER = "to refer it to the LADO"
SAID = "A music leader has been messaging a participant late at night."


@pytest.fixture
async def world(database_url: str, fake_slack: FakeSlack) -> AsyncIterator[TeamsWorld]:
    async for running in start_teams_world(database_url, fake_slack):
        yield running


async def an_allegation(world: TeamsWorld) -> SentActivity:
    """Ben reports in Teams that Dan, a music leader, has been messaging a participant; it reaches Priya,
    the safeguarding lead, in Teams, and she acknowledges it at once: her card for it."""
    world.teams.install_for(PRIYA_TEAMS, BEN_TEAMS)
    await world.client.send(world.client.personal_message(PRIYA_TEAMS, "hello"))  # her chat is kept
    await world.client.send(world.client.personal_message(BEN_TEAMS, "report"))
    await world.tick()
    [offer] = world.teams.sent_to(BEN_TEAMS)
    opened = await world.client.send(world.client.dialog_fetch(BEN_TEAMS, card_button(offer.cards[0], "Report")["data"]))
    [submit] = opened.body["task"]["value"]["card"]["content"]["actions"]
    filed = await world.client.send(world.client.dialog_submit(BEN_TEAMS, {
        **submit["data"], "kind": "online_safety", "team_member": DAN_TEAMS, "description": SAID}))
    assert filed.body["task"]["value"]["title"] == "Report sent"
    for _ in range(2):
        await world.tick()
    [card] = [sent for sent in world.teams.sent_to(PRIYA_TEAMS) if "TMW-2026-0001" in json.dumps(sent.cards)]
    acknowledge = card_button(card.cards[0], "Acknowledge")
    acknowledged = await world.client.send(world.client.card_action(PRIYA_TEAMS, acknowledge["verb"], acknowledge["data"],
                                                                    reply_to_id=card.id))
    assert "Acknowledged" in card_text(acknowledged.body["value"])
    await world.tick()
    return card


def _titles(card: dict[str, Any]) -> list[str]:
    return [action.get("title", "") for action in card_actions(card)]


async def _open(world: TeamsWorld, person: str, card: SentActivity) -> Any:
    button = card_button(card.cards[0], RECORD_LADO)
    assert button["type"] == "Action.Submit" and button["data"]["msteams"] == {"type": "task/fetch"}
    return await world.client.send(world.client.dialog_fetch(person, button["data"]))


def _submission(dialog: dict[str, Any], **answers: str) -> dict[str, Any]:
    [submit] = dialog["card"]["content"]["actions"]
    return {**submit["data"], **answers}


def _inputs(dialog: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {e["id"]: e for e in dialog["card"]["content"]["body"] if e.get("type", "").startswith("Input.")}


async def _recorded(world: TeamsWorld) -> list[tuple[str, str | None]]:
    """Each LADO clock, and what was recorded for it (None while nothing is)."""
    async with world.bot.services.db.reading() as session:
        rows = await session.execute(select(ReportClock.clock, ReportClock.decision).where(ReportClock.clock == "lado"))
        return [tuple(row) for row in rows.all()]  # type: ignore[misc]


async def _audited(world: TeamsWorld, action: str) -> int:
    async with world.bot.services.db.reading() as session:
        return int(await session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == action))
                   or 0)


def _said_to(world: TeamsWorld, person: str, words: str) -> list[str]:
    return [text for sent in world.teams.sent_to(person) if words in (text := json.dumps(sent.cards))]


async def _catch_up(world: TeamsWorld, by: timedelta) -> None:
    world.bot.clock.set(START + by)
    for _ in range(3):
        await world.tick()


async def test_recording_the_lado_referral_in_teams_stops_its_reminders_and_updates_the_card_in_place(
        world: TeamsWorld) -> None:
    card = await an_allegation(world)
    assert "refer it to the LADO by" in card_text(card.cards[0])
    assert {RECORD_LADO, "Record the trustees' decision"} <= set(_titles(card.cards[0]))

    opened = await _open(world, PRIYA_TEAMS, card)
    dialog = opened.body["task"]["value"]
    good = _submission(dialog, decision="reported", reported_on="2026-11-24", reference="LADO/2026/117")
    done = await world.client.send(world.client.dialog_submit(PRIYA_TEAMS, good))
    again = await world.client.send(world.client.dialog_submit(PRIYA_TEAMS, good))  # a retry, a double click
    await world.tick()

    assert dialog["title"] == "LADO" and "TMW-2026-0001" in json.dumps(dialog["card"])
    assert {"decision", "reported_on", "reference", "reason"} <= _inputs(dialog).keys()
    assert done.body["task"] == {"type": "message", "value": (
        "Thank you. Recorded on TMW-2026-0001: referred to the LADO on Tuesday 24 November 2026. Their reference: "
        "LADO/2026/117. Reminders about the LADO have stopped.")}
    assert again.status == 200 and again.body is None
    assert await _recorded(world) == [("lado", "reported")]
    assert await _audited(world, "report.clock_recorded") == 1
    # Her card, the same message updated in place: the referral on it, its button gone, the Commission's left.
    assert card.history
    assert "Referred to the LADO on Tuesday 24 November 2026." in card_text(card.cards[0])
    assert RECORD_LADO not in _titles(card.cards[0]) and "Record the trustees' decision" in _titles(card.cards[0])

    # A day past the LADO's deadline: the Charity Commission's clock still reminds her; the LADO's says nothing.
    await _catch_up(world, timedelta(days=2, hours=1))
    assert _said_to(world, PRIYA_TEAMS, "whether to report it to the Charity Commission")
    assert _said_to(world, PRIYA_TEAMS, LADO_REMINDER) == []
    assert await _audited(world, "report.clock_escalated") == 1  # the Commission's, none for the LADO


async def test_without_a_record_the_lado_reminders_come_in_teams(world: TeamsWorld) -> None:
    await an_allegation(world)

    await _catch_up(world, timedelta(hours=6, minutes=1))

    [reminder] = _said_to(world, PRIYA_TEAMS, "hours left to refer it to the LADO")
    assert "TMW-2026-0001" in reminder


async def test_a_bad_date_is_shown_beside_its_field_with_what_was_typed_and_nothing_is_saved(world: TeamsWorld) -> None:
    card = await an_allegation(world)
    dialog = (await _open(world, PRIYA_TEAMS, card)).body["task"]["value"]

    crafted = await world.client.send(world.client.dialog_submit(PRIYA_TEAMS, _submission(
        dialog, decision="reported", reported_on="24/11/2026", reference="LADO/2026/117")))
    future = await world.client.send(world.client.dialog_submit(PRIYA_TEAMS, _submission(
        dialog, decision="reported", reported_on="2026-11-26", reference="LADO/2026/117")))
    no_reason = await world.client.send(world.client.dialog_submit(PRIYA_TEAMS, _submission(
        dialog, decision="not_reported", reason="   ")))

    for answer in (crafted, future, no_reason):
        assert answer.status == 200 and answer.body["task"]["type"] == "continue"
    shown_again = crafted.body["task"]["value"]
    assert shown_again["title"] == "LADO"
    assert "Please choose the day from the calendar." in card_text(shown_again["card"]["content"])
    assert _inputs(shown_again)["reference"]["value"] == "LADO/2026/117"
    assert _inputs(shown_again)["decision"]["value"] == "reported"
    assert "That day is still to come. Please give the day it was referred." in json.dumps(future.body)
    assert "Please say why it was not referred." in json.dumps(no_reason.body)
    assert await _recorded(world) == [("lado", None)]
    assert await _audited(world, "report.clock_recorded") == 0
    await world.tick()
    assert RECORD_LADO in _titles(card.cards[0])

    # Refused submissions leave no mark: the same dialog, put right, is recorded.
    put_right = await world.client.send(world.client.dialog_submit(PRIYA_TEAMS, _submission(
        shown_again, decision="reported", reported_on="2026-11-24", reference="LADO/2026/117")))
    assert put_right.body["task"]["type"] == "message" and "Reminders about the LADO have stopped" in json.dumps(
        put_right.body)
    assert await _recorded(world) == [("lado", "reported")]


async def test_someone_the_report_has_not_reached_cannot_open_or_submit_the_clock_dialog(world: TeamsWorld) -> None:
    card = await an_allegation(world)
    world.teams.install_for(STRANGER_TEAMS)
    dialog = (await _open(world, PRIYA_TEAMS, card)).body["task"]["value"]

    by_reporter = await _open(world, BEN_TEAMS, card)
    by_stranger = await _open(world, STRANGER_TEAMS, card)
    forged_submit = await world.client.send(world.client.dialog_submit(BEN_TEAMS, _submission(
        dialog, decision="not_reported", reason="Not needed.")))
    no_state = await world.client.send(world.client.dialog_submit(PRIYA_TEAMS, {
        "form": "report.clock.lado", "state": "forged", "decision": "not_reported", "reason": "Not needed."}))

    assert by_reporter.body == {"task": {"type": "message", "value": NOT_YOURS}}
    assert by_stranger.body["task"]["type"] == "message" and "TMW-2026-0001" not in json.dumps(by_stranger.body)
    assert forged_submit.body == {"task": {"type": "message", "value": NOT_YOURS}}
    assert no_state.body["task"]["type"] == "message"
    assert await _recorded(world) == [("lado", None)]
    assert await _audited(world, "report.clock_recorded") == 0
