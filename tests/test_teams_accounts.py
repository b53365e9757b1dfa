"""Shared accounts in Teams, as in Slack: a password nudge reaches its owner as a card whose buttons record
the change, ask when it was made or put it off, each only for whoever Slack allows, once however often
pressed, with the card updated in place; `rotated NAME` in the 1:1 chat records a change; `accounts` shows
the register to people in the organisation file and to nobody else. Over real HTTP through the Teams
stand-in, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.accounts import workflow
from bot.accounts.workflow import AccountForm
from bot.standin import FakeSlack
from bot.standin.teams.connector import SentActivity
from storage.models import AuditEntry, SharedAccount
from tests.harness import START
from tests.teams_support import BEN_TEAMS, PRIYA_TEAMS, STRANGER_TEAMS, TeamsWorld, start_teams_world
from tests.teams_support import card_actions as _actions
from tests.teams_support import card_button as _button

ANITA, BEN = "U0ANITA001", "U0VOLUNT01"
MESSAGE = "application/vnd.microsoft.activity.message"
CARD = "application/vnd.microsoft.card.adaptive"


@pytest.fixture
async def world(database_url: str, fake_slack: FakeSlack) -> AsyncIterator[TeamsWorld]:
    async for running in start_teams_world(database_url, fake_slack):
        yield running


def _text(card: dict[str, Any]) -> str:
    return json.dumps(card, ensure_ascii=False)


async def _canva_owned_by_ben(world: TeamsWorld) -> SentActivity:
    """An admin adds Canva, owned by Ben; nobody knows when it was last changed, so it is due now and
    Ben, who is on Teams, gets a nudge there. His nudge, as it stands in his chat."""
    world.teams.install_for(BEN_TEAMS, PRIYA_TEAMS)
    for person in (BEN_TEAMS, PRIYA_TEAMS):
        await world.client.send(world.client.personal_message(person, "hello"))  # their chats are kept
    services = world.bot.services
    async with services.db.unit_of_work() as session:
        await workflow.save_account(session, services, AccountForm(name="Canva", owner=BEN, every="90 days",
                                                                   overall_access=(ANITA,)), ANITA)
    for _ in range(2):
        await world.tick()
    [nudge] = _about_canva(world, BEN_TEAMS)
    return nudge


def _about_canva(world: TeamsWorld, person: str) -> list[SentActivity]:
    return [s for s in world.teams.sent_to(person) if s.cards and "Canva" in _text(s.cards[0])]


async def _canva(world: TeamsWorld) -> Any:
    """Canva as the database holds it now: when it was last changed, its cycle, next due and snooze."""
    async with world.bot.services.db.reading() as session:
        return (await session.execute(select(
            SharedAccount.last_changed_at, SharedAccount.cycle, SharedAccount.next_due_at, SharedAccount.snoozed_until,
        ).where(SharedAccount.name == "Canva"))).one()


async def _audits(world: TeamsWorld, action: str) -> int:
    async with world.bot.services.db.reading() as session:
        return await session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == action)) or 0


async def _press(world: TeamsWorld, person: str, button: dict[str, Any], nudge: SentActivity) -> Any:
    answer = await world.client.send(world.client.card_action(person, button["verb"], button["data"],
                                                              reply_to_id=nudge.id))
    assert answer.status == 200
    return answer.body


async def test_the_owner_gets_the_nudge_as_a_card_with_the_buttons_slack_has(world: TeamsWorld) -> None:
    nudge = await _canva_owned_by_ben(world)

    card = nudge.cards[0]
    assert "due to be changed today" in _text(card)
    assert [a["title"] for a in _actions(card)] == ["Changed it now", "Changed it on…", "Remind me in 3 days"]
    assert _button(card, "Changed it now")["type"] == "Action.Execute"
    assert _button(card, "Changed it on")["data"]["msteams"] == {"type": "task/fetch"}
    assert "rotated Canva" in _text(card) and "/rotated" not in _text(card)  # as it is typed in Teams


async def test_changed_it_now_is_recorded_once_however_often_pressed_and_the_card_updates_in_place(
        world: TeamsWorld) -> None:
    nudge = await _canva_owned_by_ben(world)
    button = _button(nudge.cards[0], "Changed it now")
    cycle = (await _canva(world)).cycle

    first = await _press(world, BEN_TEAMS, button, nudge)
    again = await _press(world, BEN_TEAMS, button, nudge)  # a double click, or Teams sending it again
    await world.tick()

    assert first["type"] == CARD and "change recorded" in _text(first["value"]) and not _actions(first["value"])
    assert again["type"] == CARD and "already recorded" in _text(again["value"]) and not _actions(again["value"])
    canva = await _canva(world)
    assert canva.last_changed_at == START and canva.cycle == cycle + 1
    assert canva.next_due_at == START + timedelta(days=90)
    assert await _audits(world, "account.rotated") == 1
    [shown] = _about_canva(world, BEN_TEAMS)  # the same message, replaced through the outbox
    assert shown.id == nudge.id and shown.history and "Changed on" in _text(shown.cards[0])
    assert not _actions(shown.cards[0])


async def test_someone_who_is_not_allowed_is_refused_and_nothing_changes(world: TeamsWorld) -> None:
    nudge = await _canva_owned_by_ben(world)
    before = await _canva(world)

    # Priya neither owns nor uses Canva, and is no admin.
    changed = await _press(world, PRIYA_TEAMS, _button(nudge.cards[0], "Changed it now"), nudge)
    snoozed = await _press(world, PRIYA_TEAMS, _button(nudge.cards[0], "Remind me"), nudge)
    forged = await _press(world, BEN_TEAMS, {"verb": "accounts.changed_now", "data": {"value": "{\"x\": 1}"}}, nudge)
    await world.tick()

    assert changed == {"statusCode": 200, "type": MESSAGE,
                       "value": "Only Canva's owner, the people who use it, or an admin can record a change."}
    assert snoozed == {"statusCode": 200, "type": MESSAGE,
                       "value": "Only Canva's owner or an admin can put this reminder off."}
    assert forged["type"] == MESSAGE and forged["value"].startswith("I can't tell which account")
    after = await _canva(world)
    assert (after.last_changed_at, after.cycle, after.snoozed_until) == (before.last_changed_at, before.cycle, None)
    assert await _audits(world, "account.rotated") == await _audits(world, "account.snoozed") == 0
    [shown] = _about_canva(world, BEN_TEAMS)
    assert [a["title"] for a in _actions(shown.cards[0])] == ["Changed it now", "Changed it on…", "Remind me in 3 days"]


async def test_remind_me_later_puts_it_off_once_and_the_card_says_when(world: TeamsWorld) -> None:
    nudge = await _canva_owned_by_ben(world)
    button = _button(nudge.cards[0], "Remind me in 3 days")

    first = await _press(world, BEN_TEAMS, button, nudge)
    again = await _press(world, BEN_TEAMS, button, nudge)
    await world.tick()

    assert first["type"] == CARD and "I'll remind you about Canva on" in _text(first["value"])
    assert not _actions(first["value"])
    assert again["type"] == CARD and "already remind you" in _text(again["value"])
    canva = await _canva(world)
    assert canva.snoozed_until is not None and canva.snoozed_until > START + timedelta(days=2)
    assert canva.last_changed_at is None
    assert await _audits(world, "account.snoozed") == 1
    [shown] = _about_canva(world, BEN_TEAMS)
    assert "I'll remind you on" in _text(shown.cards[0]) and not _actions(shown.cards[0])


async def test_changed_it_on_asks_when_in_a_dialog_and_records_that_moment_once(world: TeamsWorld) -> None:
    nudge = await _canva_owned_by_ben(world)
    button = _button(nudge.cards[0], "Changed it on")

    opened = await world.client.send(world.client.dialog_fetch(BEN_TEAMS, button["data"]))
    dialog = opened.body["task"]["value"]
    [submit] = dialog["card"]["content"]["actions"]
    future = await world.client.send(world.client.dialog_submit(BEN_TEAMS, {**submit["data"], "when": "next Friday"}))
    good = {**submit["data"], "when": "yesterday 4pm"}
    done = await world.client.send(world.client.dialog_submit(BEN_TEAMS, good))
    again = await world.client.send(world.client.dialog_submit(BEN_TEAMS, good))
    await world.tick()

    assert dialog["title"] == "Password changed" and "Canva" in _text(dialog["card"])
    assert future.body["task"]["type"] == "continue"  # shown again, with the problem beside the field
    assert done.body["task"]["type"] == "message" and "change recorded" in done.body["task"]["value"]
    assert "already recorded" in again.body["task"]["value"]
    canva = await _canva(world)
    # Yesterday 4pm in London (GMT) is 16:00 UTC on Monday 23 November.
    assert canva.last_changed_at == START.replace(day=23, hour=16)
    assert await _audits(world, "account.rotated") == 1
    [shown] = _about_canva(world, BEN_TEAMS)
    assert "Changed on" in _text(shown.cards[0]) and not _actions(shown.cards[0])


async def test_a_password_typed_in_the_dialog_is_refused_and_never_kept(world: TeamsWorld) -> None:
    nudge = await _canva_owned_by_ben(world)
    opened = await world.client.send(world.client.dialog_fetch(BEN_TEAMS, _button(nudge.cards[0], "Changed it on")["data"]))
    [submit] = opened.body["task"]["value"]["card"]["content"]["actions"]

    answer = await world.client.send(world.client.dialog_submit(BEN_TEAMS, {**submit["data"], "when": "Xk9!pq2wZ"}))

    assert answer.body["task"]["type"] == "continue"
    assert "looks like a password" in _text(answer.body) and "Xk9!pq2wZ" not in _text(answer.body)
    assert (await _canva(world)).last_changed_at is None


async def test_rotated_in_the_chat_records_the_change_once_and_closes_the_nudge(world: TeamsWorld) -> None:
    nudge = await _canva_owned_by_ben(world)
    before = len(world.teams.sent_to(BEN_TEAMS))
    typed = world.client.personal_message(BEN_TEAMS, "rotated canva yesterday 4pm")

    await world.client.send(typed)
    await world.client.send(typed)  # Teams sending the same activity again
    await world.tick()

    [reply] = world.teams.sent_to(BEN_TEAMS)[before:]  # one answer, and no second thoughts about it
    assert "change recorded for Monday 23 November" in _text(reply.cards[0]) and "Next due" in _text(reply.cards[0])
    assert await _audits(world, "account.rotated") == 1
    # Yesterday 4pm in London (GMT) is 16:00 UTC on Monday 23 November.
    assert (await _canva(world)).last_changed_at == START.replace(day=23, hour=16)
    [shown] = [s for s in world.teams.sent_to(BEN_TEAMS) if s.id == nudge.id]  # the nudge, replaced in place
    assert "Changed on" in _text(shown.cards[0]) and not _actions(shown.cards[0])


async def test_rotated_is_refused_for_an_account_the_person_does_not_hold_and_for_unknown_names(
        world: TeamsWorld) -> None:
    world.teams.install_for(BEN_TEAMS)

    for said in ("rotated Instagram", "rotated Instagrm", "rotated", "rotated Instagram Xk9!pq2wZ"):
        await world.client.send(world.client.personal_message(BEN_TEAMS, said))
    await world.tick()

    told = [_text(s.cards[0]) for s in world.teams.sent_to(BEN_TEAMS)]
    assert any("Only Instagram's owner, the people who use it, or an admin can record a change." in t for t in told)
    assert any("Did you mean Instagram?" in t for t in told)
    assert any("Which account did you change?" in t for t in told)
    assert any("looks like a password" in t for t in told)
    assert not any("Xk9!pq2wZ" in t for t in told)
    assert await _audits(world, "account.rotated") == 0


async def test_accounts_shows_the_register_to_people_in_the_organisation_file_and_to_nobody_else(
        world: TeamsWorld) -> None:
    world.teams.install_for(BEN_TEAMS, STRANGER_TEAMS)

    await world.client.send(world.client.personal_message(BEN_TEAMS, "accounts"))
    await world.client.send(world.client.personal_message(STRANGER_TEAMS, "accounts"))
    await world.tick()

    [listing] = [_text(s.cards[0]) for s in world.teams.sent_to(BEN_TEAMS)]
    for name in ("Facebook page", "Instagram", "MailChimp", "Dropbox"):
        assert name in listing
    assert "Owner Rachel Green" in listing and "Never type a password in a chat" in listing
    [refusal] = [_text(s.cards[0]) for s in world.teams.sent_to(STRANGER_TEAMS)]
    assert "I don't have you in our organisation file yet, so I can't show the accounts" in refusal
    assert "Instagram" not in refusal


async def test_accounts_with_what_teams_cannot_do_yet_says_where_to_go_and_changes_nothing(world: TeamsWorld) -> None:
    world.teams.install_for(BEN_TEAMS)

    await world.client.send(world.client.personal_message(BEN_TEAMS, "accounts add Canva"))
    await world.tick()

    [reply] = [_text(s.cards[0]) for s in world.teams.sent_to(BEN_TEAMS)]
    assert "type `report` to tell us" in reply.replace("\\", "")
    async with world.bot.services.db.reading() as session:
        assert await session.scalar(select(SharedAccount).where(SharedAccount.name == "Canva")) is None
