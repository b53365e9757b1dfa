"""Policy sign-off in Teams (policy 2, 7): `policy` in the 1:1 chat shows where a person stands and opens
the policy in a dialog; ticking "I have read and agree" signs it once, however often Teams sends it, and a
request to sign that reaches someone on Teams opens the same dialog. Over real HTTP through the Teams
stand-in, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from sqlalchemy import select

from bot.addresses import ToPerson
from bot.standin import FakeSlack
from storage.models import AuditEntry, PolicySignature
from storage.outbox import enqueue_message
from tests.teams_support import BEN_TEAMS, TeamsWorld, card_text, start_teams_world

BEN = "U0VOLUNT01"


@pytest.fixture
async def world(database_url: str, fake_slack: FakeSlack) -> AsyncIterator[TeamsWorld]:
    async for running in start_teams_world(database_url, fake_slack):
        yield running


def _button(card: dict[str, Any]) -> dict[str, Any]:
    [row] = [block for block in card["body"] if block["type"] == "ActionSet"]
    [button] = row["actions"]
    return button


async def _offer(world: TeamsWorld) -> dict[str, Any]:
    """Ben types `policy`: the card he gets back."""
    world.teams.install_for(BEN_TEAMS)
    await world.client.send(world.client.personal_message(BEN_TEAMS, "policy"))
    await world.tick()
    return world.teams.sent_to(BEN_TEAMS)[-1].cards[0]


async def _open(world: TeamsWorld, button: dict[str, Any]) -> dict[str, Any]:
    assert button["type"] == "Action.Submit" and button["data"]["msteams"] == {"type": "task/fetch"}
    opened = await world.client.send(world.client.dialog_fetch(BEN_TEAMS, button["data"]))
    assert opened.status == 200 and opened.body["task"]["type"] == "continue"
    return opened.body["task"]["value"]


def _submission(dialog: dict[str, Any], **answers: str) -> dict[str, Any]:
    [sign] = dialog["card"]["content"]["actions"]
    return {**sign["data"], **answers}


async def _signatures(world: TeamsWorld) -> list[tuple[str, str]]:
    async with world.bot.services.db.reading() as session:
        return [tuple(row) for row in (await session.execute(  # type: ignore[misc]
            select(PolicySignature.person_key, PolicySignature.version))).all()]


async def test_policy_says_it_is_not_yet_signed_and_opens_the_policy_to_read(world: TeamsWorld) -> None:
    card = await _offer(world)

    assert "You have not signed this version yet." in card_text(card)
    dialog = await _open(world, _button(card))
    shown = card_text(dialog["card"]["content"])
    assert dialog["title"] == "Our safety policy"
    assert "social media" in shown.lower()  # the policy's own words, in sections
    [agree] = [e for e in dialog["card"]["content"]["body"] if e.get("id") == "agree"]
    assert agree["type"] == "Input.Toggle" and agree["isRequired"] is True


async def test_signing_without_ticking_the_box_is_refused_beside_the_box_and_nothing_is_signed(
        world: TeamsWorld) -> None:
    dialog = await _open(world, _button(await _offer(world)))

    answer = await world.client.send(world.client.dialog_submit(BEN_TEAMS, _submission(dialog, agree="")))

    assert answer.body["task"]["type"] == "continue"
    assert "Please tick “I have read and agree” to sign." in card_text(answer.body["task"]["value"]["card"]["content"])
    assert await _signatures(world) == []


async def test_ticking_the_box_signs_once_however_often_teams_sends_it(world: TeamsWorld) -> None:
    dialog = await _open(world, _button(await _offer(world)))
    signing = _submission(dialog, agree="yes")

    first = await world.client.send(world.client.dialog_submit(BEN_TEAMS, signing))
    again = await world.client.send(world.client.dialog_submit(BEN_TEAMS, signing))  # a retry, a double click

    assert first.body["task"]["type"] == "message" and first.body["task"]["value"].startswith("Thank you. You have signed version")
    assert again.body["task"]["value"].startswith("You had already signed version")
    [(person, version)] = await _signatures(world)
    assert person == BEN and version in first.body["task"]["value"]
    async with world.bot.services.db.reading() as session:
        audited = (await session.scalars(select(AuditEntry.action).where(AuditEntry.actor == BEN))).all()
    assert audited.count("policy.signed") == 1
    assert "You signed this version on" in card_text(await _offer(world))


async def test_a_submission_the_bot_did_not_send_signs_nothing(world: TeamsWorld) -> None:
    answer = await world.client.send(world.client.dialog_submit(
        BEN_TEAMS, {"form": "policy.sign", "state": "not json", "agree": "yes"}))

    assert answer.body["task"] == {"type": "message", "value": (
        "I can't tell which version of the policy this was. Please type policy and open it again.")}
    assert await _signatures(world) == []


async def test_a_request_to_sign_that_reaches_someone_on_teams_opens_the_policy(world: TeamsWorld) -> None:
    world.teams.install_for(BEN_TEAMS)
    await world.client.send(world.client.installed(BEN_TEAMS))  # the bot learns where to reach him
    services = world.bot.services
    async with services.db.unit_of_work() as session:
        await enqueue_message(session, services.cipher, now=services.now(), to=ToPerson(BEN), template="policy.please_sign",
                              params={"title": "Our policy", "version": "2026-1", "welcome": True},
                              message_key="policy:2026-1:test")
    await world.tick()

    [request] = world.teams.sent_to(BEN_TEAMS)
    assert "Before you use our computers or post for us, please read and sign" in card_text(request.cards[0])
    dialog = await _open(world, _button(request.cards[0]))
    assert dialog["title"] == "Our safety policy"
