"""Young leaders' access reviews in Teams (policy 5.1: "their access will be monitored and reviewed on a
regular basis. If it is misused, it will be revoked"): the review reaches the project manager on Teams,
Keep and Revoke decide it once however often they are pressed, Reduce asks which accounts in a dialog,
only a reviewer (or an admin) may decide, and the pressed card is updated in place. Over real HTTP through
the Teams stand-in, on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.standin import FakeSlack
from storage.models import AccountAccess, AuditEntry, SharedAccount
from tests.teams_support import BEN_TEAMS, TOM_TEAMS, TeamsWorld, start_teams_world

MAYA = "U0YOUNGL01"
ONLY_REVIEWERS = "Only the young leader's project manager (or an admin) can review their access."


@pytest.fixture
async def world(database_url: str, fake_slack: FakeSlack) -> AsyncIterator[TeamsWorld]:
    async for running in start_teams_world(database_url, fake_slack):
        yield running


def _elements(node: Any) -> Iterator[dict[str, Any]]:
    """Every element of a card, however deep (buttons sit in rows, and Revoke's behind its question)."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _elements(value)
    elif isinstance(node, list):
        for item in node:
            yield from _elements(item)


def _text(card: dict[str, Any]) -> str:
    """What a card says, as read (Markdown's escapes dropped)."""
    return re.sub(r"\\(.)", r"\1", "\n".join(e["text"] for e in _elements(card) if e.get("type") == "TextBlock"))


def _executes(card: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {e["verb"]: e["data"] for e in _elements(card) if e.get("type") == "Action.Execute"}


def _reduce_button(card: dict[str, Any]) -> dict[str, Any]:
    [data] = [e["data"] for e in _elements(card) if e.get("type") == "Action.Submit"]
    return data


async def _review_card(world: TeamsWorld) -> dict[str, Any]:
    """Six weeks after Maya was given access, the review her project manager, Tom, gets in Teams."""
    world.teams.install_for(TOM_TEAMS, BEN_TEAMS)
    await world.client.send(world.client.personal_message(TOM_TEAMS, "help"))  # the bot hears from Teams
    await world.tick()  # the register is loaded and the first review scheduled
    world.bot.clock.advance(timedelta(weeks=6, days=1))
    await world.tick()
    await world.tick()
    [review] = [s.cards[0] for s in world.teams.sent_to(TOM_TEAMS) if "Access review for Maya" in _text(s.cards[0])]
    return review


async def _press(world: TeamsWorld, person: str, verb: str, card: dict[str, Any]) -> dict[str, Any]:
    answer = await world.client.send(world.client.card_action(person, verb, _executes(card)[verb]))
    assert answer.status == 200
    await world.tick()
    return answer.body


async def _access(world: TeamsWorld) -> dict[str, bool]:
    async with world.bot.services.db.reading() as session:
        rows = await session.execute(
            select(SharedAccount.name, AccountAccess.revoked_at).join(AccountAccess, AccountAccess.account_id == SharedAccount.id)
            .where(AccountAccess.person_key == MAYA))
        return {name: revoked is None for name, revoked in rows.all()}


async def _decisions(world: TeamsWorld) -> int:
    async with world.bot.services.db.reading() as session:
        return int(await session.scalar(select(func.count()).select_from(AuditEntry)
                                        .where(AuditEntry.action == "access_review.decided")) or 0)


async def test_the_review_reaches_the_project_manager_and_keep_decides_it_once_in_place(world: TeamsWorld) -> None:
    card = await _review_card(world)
    assert "Instagram" in _text(card) and "X (Twitter)" in _text(card)
    assert set(_executes(card)) == {"access_review.keep", "access_review.revoke"}
    assert _reduce_button(card)["dialog"] == "access_review.reduce_submit"

    first = await _press(world, TOM_TEAMS, "access_review.keep", card)
    again = await _press(world, TOM_TEAMS, "access_review.keep", card)  # a double click, Teams retrying

    assert first["type"] == "application/vnd.microsoft.card.adaptive"
    shown = _text(first["value"])
    assert "Kept" in shown and "by Tom Ellis." in shown and _executes(first["value"]) == {}
    assert "This review was already decided (keep)." in _text(again["value"])
    assert await _decisions(world) == 1 and all((await _access(world)).values())
    # Tom's own copy of the review, through the outbox, says so too.
    [updated] = [s.cards[0] for s in world.teams.sent_to(TOM_TEAMS) if "Access review for Maya" in _text(s.cards[0])]
    assert "by Tom Ellis." in _text(updated) and _executes(updated) == {}


async def test_someone_who_does_not_review_her_is_refused_and_nothing_changes(world: TeamsWorld) -> None:
    card = await _review_card(world)

    answer = await _press(world, BEN_TEAMS, "access_review.revoke", card)
    opened = await world.client.send(world.client.dialog_fetch(BEN_TEAMS, _reduce_button(card)))

    assert answer == {"statusCode": 200, "type": "application/vnd.microsoft.activity.message", "value": ONLY_REVIEWERS}
    assert opened.body["task"] == {"type": "message", "value": ONLY_REVIEWERS}
    assert await _decisions(world) == 0 and all((await _access(world)).values())


async def test_revoke_ends_her_access_to_every_account(world: TeamsWorld) -> None:
    card = await _review_card(world)

    answer = await _press(world, TOM_TEAMS, "access_review.revoke", card)

    assert "Access revoked" in _text(answer["value"]) and "no longer has access" in _text(answer["value"])
    access = await _access(world)
    assert access and not any(access.values())


async def test_reduce_asks_which_accounts_and_takes_away_only_those(world: TeamsWorld) -> None:
    card = await _review_card(world)
    opened = await world.client.send(world.client.dialog_fetch(TOM_TEAMS, _reduce_button(card)))
    dialog = opened.body["task"]["value"]
    [accounts] = [e for e in _elements(dialog["card"]) if e.get("id") == "accounts"]
    instagram = next(c["value"] for c in accounts["choices"] if c["title"] == "Instagram")
    [submit] = dialog["card"]["content"]["actions"]

    nothing = await world.client.send(world.client.dialog_submit(TOM_TEAMS, {**submit["data"], "accounts": ""}))
    assert "Please choose at least one account to take away" in _text(nothing.body["task"]["value"]["card"])
    assert await _decisions(world) == 0

    taken = await world.client.send(world.client.dialog_submit(TOM_TEAMS, {**submit["data"], "accounts": instagram}))
    assert taken.body["task"]["type"] == "message" and "no longer has access to Instagram" in taken.body["task"]["value"]
    assert await _access(world) == {"Instagram": False, "X (Twitter)": True}
    again = await world.client.send(world.client.dialog_submit(TOM_TEAMS, {**submit["data"], "accounts": instagram}))
    assert again.body["task"]["value"] == "This review was already decided (reduce)."
    assert await _decisions(world) == 1
