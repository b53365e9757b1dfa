"""The leaver checklist in Teams, as in Slack (policy 5.4: when someone leaves, every password they knew is
changed): `leaver NAME` in the 1:1 chat offers the "Someone is leaving" form as a dialog, checked as
Slack's modal is, its problems shown again with what was typed; only a project manager of that person,
the CEO or an admin may start one, and the same form sent twice starts one checklist. The account owners
are asked to change the passwords, and the checklist's buttons tick a task off once however often
pressed, for whoever Slack allows, with the card updated in place. Over real HTTP through the Teams
stand-in, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.standin import FakeSlack
from bot.standin.teams.connector import SentActivity
from bot.teams.cards import ADAPTIVE_CARD_CONTENT_TYPE
from bot.teams.server import MESSAGE_CONTENT_TYPE
from storage.models import AuditEntry, Leaver, LeaverTask, SharedAccount
from tests.teams_support import (
    ANITA_TEAMS,
    BEN_TEAMS,
    DAN_TEAMS,
    SAM_TEAMS,
    TeamsWorld,
    card_actions,
    card_button,
    start_teams_world,
)

SAM, DAN = "U0PMAUDIO1", "U0LEADER01"


@pytest.fixture
async def world(database_url: str, fake_slack: FakeSlack) -> AsyncIterator[TeamsWorld]:
    async for running in start_teams_world(database_url, fake_slack):
        running.teams.install_for(SAM_TEAMS, DAN_TEAMS, ANITA_TEAMS, BEN_TEAMS)
        for person in (SAM_TEAMS, DAN_TEAMS, ANITA_TEAMS, BEN_TEAMS):
            await running.client.send(running.client.personal_message(person, "hello"))  # their chats are kept
        yield running


def _text(node: Any) -> str:
    return json.dumps(node, ensure_ascii=False)


def _inputs(card: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {element["id"]: element for element in card["body"] if str(element.get("type", "")).startswith("Input.")}


def _said_to(world: TeamsWorld, person: str, words: str) -> list[SentActivity]:
    return [s for s in world.teams.sent_to(person) if s.cards and words in _text(s.cards[0])]


async def _type(world: TeamsWorld, person: str, said: str) -> str:
    """Say something in the 1:1 chat; what the bot answered there (its newest card)."""
    before = len(world.teams.sent_to(person))
    await world.client.send(world.client.personal_message(person, said))
    await world.tick()
    answers = world.teams.sent_to(person)[before:]
    assert answers, f"no answer to {said!r}"
    return _text(answers[-1].cards[0])


async def _open_form(world: TeamsWorld, person: str, said: str) -> dict[str, Any]:
    """`said` in the chat, then the offer's button: the dialog it opens."""
    await _type(world, person, said)
    [offer] = _said_to(world, person, "before anything happens")
    opened = await world.client.send(world.client.dialog_fetch(person, card_actions(offer.cards[0])[0]["data"]))
    assert opened.status == 200 and opened.body["task"]["type"] == "continue", opened.body
    return opened.body["task"]["value"]


def _submission(dialog: dict[str, Any], **answers: str) -> dict[str, Any]:
    [submit] = dialog["card"]["content"]["actions"]
    return {**submit["data"], **answers}


async def _submit(world: TeamsWorld, person: str, submission: dict[str, Any]) -> dict[str, Any]:
    answer = await world.client.send(world.client.dialog_submit(person, submission))
    assert answer.status == 200
    return answer.body["task"]


async def _leavers(world: TeamsWorld) -> list[tuple[str, str, str, list[str]]]:
    """Each checklist: who is leaving, who started it, its state and its tasks' states."""
    async with world.bot.services.db.reading() as session:
        return [(leaver.person_key, leaver.requested_by, leaver.state, [t.state for t in leaver.tasks])
                for leaver in (await session.scalars(select(Leaver))).all()]


async def _audits(world: TeamsWorld, action: str) -> int:
    async with world.bot.services.db.reading() as session:
        return await session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == action)) or 0


async def _dan_leaves(world: TeamsWorld, when: str = "today") -> SentActivity:
    """Sam, who manages Audio-Base, starts the checklist for Dan, a freelancer on it; the checklist as
    it stands in Sam's chat."""
    dialog = await _open_form(world, SAM_TEAMS, "leaver Dan Hughes")
    done = await _submit(world, SAM_TEAMS, _submission(dialog, leaving_on=when))
    assert done["type"] == "message" and "The leaver checklist for Dan Hughes" in done["value"], done
    for _ in range(2):
        await world.tick()
    [checklist] = _said_to(world, SAM_TEAMS, "Leaver checklist: Dan Hughes")
    return checklist


async def test_a_project_manager_starts_a_checklist_for_a_freelancer_and_the_account_owner_gets_the_task(
        world: TeamsWorld) -> None:
    dialog = await _open_form(world, SAM_TEAMS, "leaver Dan Hughes")
    submission = _submission(dialog, leaving_on="today")

    done = await _submit(world, SAM_TEAMS, submission)
    again = await _submit(world, SAM_TEAMS, submission)  # Teams sending it again, or a double click
    for _ in range(2):
        await world.tick()

    assert dialog["title"] == "Someone is leaving"
    assert "Dan Hughes" in _text(dialog) and "Staff computer account" in _text(dialog) and "Audio-Base \\\\(leads\\\\)" in _text(dialog)
    assert done["type"] == "message" and "has 2 tasks" in done["value"]
    assert again == {"type": "message", "value": "The leaver checklist is already made."}
    assert await _leavers(world) == [(DAN, SAM, "open", ["open", "open"])]
    # Sam owns the staff computer account Dan could log in to: he is asked to change its password.
    async with world.bot.services.db.reading() as session:
        staff = await session.scalar(select(SharedAccount).where(SharedAccount.name == "Staff computer account"))
        assert staff is not None and staff.due_reason == "leaver"
        assert DAN not in {a.person_key for a in staff.access if a.revoked_at is None}
    [nudge] = _said_to(world, SAM_TEAMS, "Dan Hughes is leaving")
    assert "Staff computer account" in _text(nudge.cards[0]) and card_button(nudge.cards[0], "Changed it now")
    # The checklist reaches the starter and the admins, each once; Dan is told who started it.
    for person in (SAM_TEAMS, ANITA_TEAMS):
        [checklist] = _said_to(world, person, "Leaver checklist: Dan Hughes")
        card = checklist.cards[0]
        assert "Change the Staff computer account password" in _text(card) and "Hand over Audio-Base" in _text(card)
        assert [a["title"] for a in card_actions(card)] == ["Mark done", "Cancel this checklist", "Cancel it", "Keep it"]
        assert "rotated" in _text(card) and "/rotated" not in _text(card)  # as it is typed in Teams
    [notice] = _said_to(world, DAN_TEAMS, "has started a leaver checklist for you")
    assert "Sam Okafor" in _text(notice.cards[0])


def _someone_is_leaving(world: TeamsWorld, person: str, author: str) -> dict[str, Any]:
    """`person` chooses "Someone is leaving" on a message `author` wrote in a team's channel."""
    message = {"id": "1701000000001", "messageType": "message",
               "body": {"contentType": "html", "content": "<p>Bye all, my last day is Friday!</p>"},
               "from": {"user": {"id": author.upper(), "displayName": "Dan Hughes", "userIdentityType": "aadUser"}}}
    return world.client.message_action(person, "someone_is_leaving", message, conversation={
        "id": "19:general@thread.tacv2", "conversationType": "channel", "tenantId": world.teams.tenant_id})


async def test_someone_is_leaving_on_a_message_opens_the_form_for_its_author_and_starts_one_checklist(
        world: TeamsWorld) -> None:
    opened = await world.client.send(_someone_is_leaving(world, SAM_TEAMS, author=DAN_TEAMS))
    assert opened.status == 200 and opened.body["task"]["type"] == "continue", opened.body
    dialog = opened.body["task"]["value"]
    submission = _submission(dialog, leaving_on="today")

    # Submitted, the dialog a message action opened comes back as composeExtension/submitAction.
    answers = [await world.client.send(world.client.message_action_submit(SAM_TEAMS, "someone_is_leaving", submission))
               for _ in range(2)]  # Teams sending it again, or a double click

    assert dialog["title"] == "Someone is leaving" and "Dan Hughes" in _text(dialog)
    assert "The leaver checklist for Dan Hughes" in answers[0].body["task"]["value"]
    assert answers[1].body["task"]["value"] == "The leaver checklist is already made."
    assert await _leavers(world) == [(DAN, SAM, "open", ["open", "open"])]


async def test_someone_is_leaving_on_a_message_is_refused_to_a_volunteer_and_starts_nothing(world: TeamsWorld) -> None:
    refused = await world.client.send(_someone_is_leaving(world, BEN_TEAMS, author=DAN_TEAMS))

    assert refused.body["task"]["type"] == "message"
    assert "only a project manager, the CEO or an admin can start a leaver checklist" in refused.body["task"]["value"]
    assert await _leavers(world) == []


async def test_leaver_alone_asks_who_with_a_people_picker_then_shows_the_form(world: TeamsWorld) -> None:
    await _type(world, SAM_TEAMS, "leaver")
    [offer] = _said_to(world, SAM_TEAMS, "Choose who")
    chooser = (await world.client.send(world.client.dialog_fetch(SAM_TEAMS, card_actions(offer.cards[0])[0]["data"]))
               ).body["task"]["value"]

    nobody = await _submit(world, SAM_TEAMS, _submission(chooser))
    chosen = await _submit(world, SAM_TEAMS, _submission(chooser, who=DAN_TEAMS))

    assert _inputs(chooser["card"]["content"])["who"]["choices.data"]["dataset"] == "graph.microsoft.com/users"
    assert nobody["type"] == "continue" and "Please choose who is leaving." in _text(nobody)
    assert chosen["type"] == "continue" and chosen["value"]["title"] == "Someone is leaving"
    assert "Dan Hughes" in _text(chosen) and "leaving_on" in _inputs(chosen["value"]["card"]["content"])
    assert await _leavers(world) == []  # nothing starts until the form is confirmed


async def test_form_errors_are_shown_again_beside_their_fields_with_what_was_typed(world: TeamsWorld) -> None:
    # Rachel owns Facebook and Dropbox and is Dropbox's last admin: the form asks for new ones.
    dialog = await _open_form(world, ANITA_TEAMS, "leaver Rachel Green")
    async with world.bot.services.db.reading() as session:
        ids = {a.name: a.id for a in (await session.scalars(select(SharedAccount))).all()}
    dropbox, facebook = ids["Dropbox"], ids["Facebook page"]

    refused = await _submit(world, ANITA_TEAMS, _submission(
        dialog, leaving_on="someday maybe", **{f"owner_{dropbox}": SAM_TEAMS}))
    password = await _submit(world, ANITA_TEAMS, _submission(dialog, leaving_on="Xk9!pq2wZ"))

    assert refused["type"] == "continue"
    shown = _text(refused)
    assert "I couldn't understand “someday maybe” as a date" in shown
    assert "Rachel Green owns Facebook page: please choose its new owner." in shown
    assert "Rachel Green is the last admin with overall access to Dropbox" in shown
    inputs = _inputs(refused["value"]["card"]["content"])
    # What was typed and chosen is still there: the chosen owner was taken (Teams' id mapped to Sam).
    assert inputs["leaving_on"]["value"] == "someday maybe" and inputs[f"owner_{dropbox}"]["value"] == SAM_TEAMS
    assert f"owner_{facebook}" in inputs and "value" not in inputs[f"owner_{facebook}"]
    assert shown.count("please choose its new owner") == 1
    assert password["type"] == "continue" and "looks like a password" in _text(password)
    assert "Xk9!pq2wZ" not in _text(password)
    assert await _leavers(world) == []


async def test_someone_not_allowed_is_refused_and_nothing_starts(world: TeamsWorld) -> None:
    # Ben is a volunteer; Sam manages Audio-Base, not Beat It, where Lucy leads.
    volunteer = await _type(world, BEN_TEAMS, "leaver Dan Hughes")
    other_project = await _type(world, SAM_TEAMS, "leaver Lucy Moore")
    unknown = await _type(world, SAM_TEAMS, "leaver Nobody Here")
    # Ben sends the form Sam was shown, as if he had it.
    dialog = await _open_form(world, SAM_TEAMS, "leaver Dan Hughes")
    forged = await _submit(world, BEN_TEAMS, _submission(dialog, leaving_on="today"))
    fetched = await world.client.send(world.client.dialog_fetch(
        BEN_TEAMS, {"msteams": {"type": "task/fetch"}, "dialog": "leaver.confirm", "value": DAN}))

    assert "only a project manager, the CEO or an admin can start a leaver checklist" in volunteer
    assert "you can't start a leaver checklist for Lucy Moore" in other_project
    assert "I couldn't tell who you mean by “Nobody Here”" in unknown
    assert forged["type"] == "message" and "only a project manager, the CEO or an admin" in forged["value"]
    assert "only a project manager, the CEO or an admin" in fetched.body["task"]["value"]
    assert await _leavers(world) == []
    assert not _said_to(world, DAN_TEAMS, "leaver checklist")


async def test_a_task_is_ticked_off_once_however_often_pressed_and_the_card_updates_in_place(
        world: TeamsWorld) -> None:
    checklist = await _dan_leaves(world)
    mark_done = card_button(checklist.cards[0], "Mark done")

    first = await world.client.send(world.client.card_action(SAM_TEAMS, mark_done["verb"], mark_done["data"],
                                                             reply_to_id=checklist.id))
    again = await world.client.send(world.client.card_action(SAM_TEAMS, mark_done["verb"], mark_done["data"],
                                                             reply_to_id=checklist.id))
    await world.tick()

    assert first.body["type"] == ADAPTIVE_CARD_CONTENT_TYPE and "Ticked off. Thank you." in _text(first.body["value"])
    assert "1 task left" not in _text(first.body["value"]) and "Mark done" not in _text(first.body["value"])
    assert again.body["type"] == ADAPTIVE_CARD_CONTENT_TYPE and "That was already done" in _text(again.body["value"])
    assert await _audits(world, "leaver.task_done") == 1
    async with world.bot.services.db.reading() as session:
        handover = await session.scalar(select(LeaverTask).where(LeaverTask.kind == "handover"))
        assert handover is not None and (handover.state, handover.done_by) == ("done", SAM)
    [shown] = _said_to(world, SAM_TEAMS, "Leaver checklist: Dan Hughes")  # the same message, replaced
    assert shown.id == checklist.id and shown.history
    assert "Mark done" not in _text(shown.cards[0]) and "Sam Okafor" in _text(shown.cards[0])


async def test_someone_not_allowed_cannot_tick_off_or_cancel_and_a_forged_button_is_refused(world: TeamsWorld) -> None:
    checklist = await _dan_leaves(world)
    mark_done, cancel = card_button(checklist.cards[0], "Mark done"), card_button(checklist.cards[0], "Cancel it")

    ticked = await world.client.send(world.client.card_action(BEN_TEAMS, mark_done["verb"], mark_done["data"]))
    cancelled = await world.client.send(world.client.card_action(DAN_TEAMS, cancel["verb"], cancel["data"]))
    forged = await world.client.send(world.client.card_action(SAM_TEAMS, mark_done["verb"], {"value": "{\"x\": 1}"}))

    assert ticked.body == {"statusCode": 200, "type": MESSAGE_CONTENT_TYPE, "value": "Only the person who started this checklist, "
                           "the task's owner or an admin can tick it off."}
    assert cancelled.body["type"] == MESSAGE_CONTENT_TYPE and "Only the person who started this checklist" in cancelled.body["value"]
    assert forged.body["type"] == MESSAGE_CONTENT_TYPE and forged.body["value"].startswith("I can't tell which checklist")
    assert await _leavers(world) == [(DAN, SAM, "open", ["open", "open"])]
    assert await _audits(world, "leaver.task_done") == await _audits(world, "leaver.cancelled") == 0


async def test_the_starter_cancels_before_the_leaving_date_once_and_the_card_says_so(world: TeamsWorld) -> None:
    checklist = await _dan_leaves(world, "next Friday")
    cancel = card_button(checklist.cards[0], "Cancel it")  # the "yes" of the button's confirmation

    first = await world.client.send(world.client.card_action(SAM_TEAMS, cancel["verb"], cancel["data"],
                                                             reply_to_id=checklist.id))
    again = await world.client.send(world.client.card_action(SAM_TEAMS, cancel["verb"], cancel["data"],
                                                             reply_to_id=checklist.id))
    await world.tick()

    assert first.body["type"] == ADAPTIVE_CARD_CONTENT_TYPE and "Leaver checklist: Dan Hughes \\\\(cancelled\\\\)" in _text(first.body["value"])
    assert "Sam Okafor cancelled this checklist" in _text(first.body["value"]) and not card_actions(first.body["value"])
    assert again.body == {"statusCode": 200, "type": MESSAGE_CONTENT_TYPE,
                          "value": "The leaver checklist for Dan Hughes is already cancelled."}
    assert await _leavers(world) == [(DAN, SAM, "cancelled", ["cancelled", "cancelled"])]
    assert await _audits(world, "leaver.cancelled") == 1
    [shown] = _said_to(world, SAM_TEAMS, "Leaver checklist: Dan Hughes")
    assert shown.id == checklist.id and "cancelled this checklist" in _text(shown.cards[0])
    assert _said_to(world, DAN_TEAMS, "has cancelled the leaver checklist for you")
