"""Home in Teams: `home` in the bot's 1:1 chat shows what Slack's App Home shows the person, by their roles:
the reports they handle as cards whose buttons work in Teams, the reports they made, the policy still to
sign. Drawn fresh and sent at once, never kept; a button that does nothing in Teams yet is not shown. Over
real HTTP through the Teams stand-in, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.standin import FakeSlack
from bot.standin.teams.connector import SentActivity
from bot.teams.server import TeamsApp
from handlers.teams import register_all
from storage.models import OutboxMessage
from tests.report_driver import BEN, ReportDriver
from tests.teams_support import BEN_TEAMS, PRIYA_TEAMS, STRANGER_TEAMS, TeamsWorld, start_teams_world


@pytest.fixture
async def world(database_url: str, fake_slack: FakeSlack) -> AsyncIterator[TeamsWorld]:
    async for running in start_teams_world(database_url, fake_slack):
        yield running


def _texts(element: Any) -> list[str]:
    """Every text a card shows, in order, its markdown escapes undone."""
    if isinstance(element, dict):
        found = [element[key] for key in ("text", "title", "value") if isinstance(element.get(key), str)]
        return found + [t for value in element.values() if isinstance(value, dict | list) for t in _texts(value)]
    if isinstance(element, list):
        return [t for value in element for t in _texts(value)]
    return []


def _shown(sent: SentActivity) -> str:
    return re.sub(r"\\(.)", r"\1", "\n".join(_texts(sent.cards[0]))).replace("\u2060", "")


def _buttons(sent: SentActivity) -> dict[str, dict[str, Any]]:
    """The card's buttons, by what they say."""
    found: dict[str, dict[str, Any]] = {}

    def walk(element: Any) -> None:
        if isinstance(element, dict):
            if element.get("type", "").startswith("Action.") and element.get("type") != "Action.ToggleVisibility":
                found[element["title"]] = element
            for value in element.values():
                walk(value)
        elif isinstance(element, list):
            for value in element:
                walk(value)

    walk(sent.cards[0])
    return found


async def _home(world: TeamsWorld, person: str) -> SentActivity:
    """Type `home`: the answer is in the chat at once, before the outbox is run."""
    world.teams.install_for(person)
    before = len(world.teams.sent_to(person))
    reply = await world.client.send(world.client.personal_message(person, "home"))
    assert reply.status == 200
    sent = world.teams.sent_to(person)
    assert len(sent) == before + 1
    return sent[-1]


async def test_a_safeguarding_lead_sees_the_reports_they_handle_with_buttons_that_work(world: TeamsWorld) -> None:
    await ReportDriver(world.bot).file(BEN, "online_safety", description="An adult keeps messaging a participant")

    home = await _home(world, PRIYA_TEAMS)

    shown = _shown(home)
    assert shown.startswith("Hello Priya! I help The Music Works")
    assert "Reports for you to handle (1)" in shown and "An adult keeps messaging a participant" in shown
    buttons = _buttons(home)
    assert {"Acknowledge", "Ask for more information", "Escalate", "Resolve"} <= buttons.keys()
    assert "History" in buttons
    # Every button shown is one Teams answers (Slack's card may have more, such as Export).
    answered = TeamsApp()
    register_all(answered)
    for button in buttons.values():
        data = button.get("data", {})
        assert button.get("verb") in answered.card_actions or data.get("dialog") in answered.dialogs, button


async def test_acknowledging_from_home_acts_on_the_report(world: TeamsWorld) -> None:
    await ReportDriver(world.bot).file(BEN, "online_safety", description="An adult keeps messaging a participant")
    acknowledge = _buttons(await _home(world, PRIYA_TEAMS))["Acknowledge"]

    answer = await world.client.send(world.client.card_action(PRIYA_TEAMS, acknowledge["verb"], acknowledge["data"]))

    assert answer.status == 200
    assert "Acknowledged" in json.dumps(answer.body)
    again = await _home(world, PRIYA_TEAMS)
    assert "Acknowledge" not in _buttons(again) and "Reports for you to handle (1)" in _shown(again)


async def test_a_reporter_sees_where_their_report_stands(world: TeamsWorld) -> None:
    await ReportDriver(world.bot).file(BEN, "online_safety", description="An adult keeps messaging a participant")

    shown = _shown(await _home(world, BEN_TEAMS))

    assert "Reports you made" in shown and "Waiting for the safeguarding lead" in shown
    # What a reporter sees of their own report: where it stands, not a handler's card.
    assert "Reports for you to handle" not in shown


async def test_the_policy_to_sign_is_asked_for_with_a_button_that_opens_it(world: TeamsWorld) -> None:
    home = await _home(world, BEN_TEAMS)

    assert "Please read and sign our safety policy" in _shown(home)
    [(label, button)] = _buttons(home).items()
    assert label == "Read and sign" and button["data"]["msteams"] == {"type": "task/fetch"}
    opened = await world.client.send(world.client.dialog_fetch(BEN_TEAMS, button["data"]))
    assert opened.body["task"]["value"]["title"] == "Our safety policy"


async def test_nothing_needing_someone_says_so_kindly_and_home_is_never_kept(world: TeamsWorld) -> None:
    home = await _home(world, PRIYA_TEAMS)
    await world.tick()

    assert "Nothing needs you right now." in _shown(home)
    assert await world.count(OutboxMessage) == 0


async def test_someone_not_in_the_organisation_file_sees_only_who_can_add_them(world: TeamsWorld) -> None:
    shown = _shown(await _home(world, STRANGER_TEAMS))

    assert "don't have you in our list of people yet" in shown and "Anita Holford or Rachel Green" in shown
    assert "Reports" not in shown and "policy" not in shown.split("\n", 1)[1]


async def test_help_in_teams_lists_home(world: TeamsWorld) -> None:
    world.teams.install_for(BEN_TEAMS)
    await world.client.send(world.client.personal_message(BEN_TEAMS, "help"))
    await world.tick()

    [sent] = world.teams.sent_to(BEN_TEAMS)
    assert "“home”: What needs you now" in _shown(sent)


async def test_a_home_with_more_reports_than_a_card_holds_says_where_to_see_them_all(world: TeamsWorld) -> None:
    driver = ReportDriver(world.bot)
    for number in range(12):
        await driver.file(BEN, "online_safety", description=f"Concern {number}: " + "what happened, at length. " * 40)

    home = await _home(world, PRIYA_TEAMS)

    shown = _shown(home)
    assert "Reports for you to handle (12)" in shown
    assert "There is more than fits here: type “report list” to see all your reports." in shown
    assert len(json.dumps(home.activity).encode()) < 28_000  # what Teams takes
