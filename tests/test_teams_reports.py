"""Filing a report in Teams: `report` in the 1:1 chat offers the form as a dialog, its submission is
checked as the Slack modal's is (errors shown again in the dialog, with what was typed), a good one is
filed once however often it is sent, its last page shown in the dialog, and the reporter's card sent to their chat. Over real HTTP through the
Teams stand-in, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.standin import FakeSlack
from storage.models import AuditEntry, OutboxMessage, Report
from tests.teams_support import BEN_TEAMS, PRIYA_TEAMS, STRANGER_TEAMS, TeamsWorld, card_actions, start_teams_world


@pytest.fixture
async def world(database_url: str, fake_slack: FakeSlack) -> AsyncIterator[TeamsWorld]:
    async for running in start_teams_world(database_url, fake_slack):
        yield running


def _card_text(card: dict[str, Any]) -> str:
    return "\n".join(block["text"] for block in card["body"] if "text" in block)


def _inputs(card: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {element["id"]: element for element in card["body"] if element.get("type", "").startswith("Input.")}


async def _open_form(world: TeamsWorld, person: str, said: str = "report") -> dict[str, Any]:
    """Type `report`, press the card's button: the dialog Teams is given to show."""
    world.teams.install_for(person)
    await world.client.send(world.client.personal_message(person, said))
    await world.tick()
    [offer] = world.teams.sent_to(person)
    [row] = [block for block in offer.cards[0]["body"] if block["type"] == "ActionSet"]
    [button] = row["actions"]
    assert button["type"] == "Action.Submit" and button["data"]["msteams"] == {"type": "task/fetch"}
    opened = await world.client.send(world.client.dialog_fetch(person, button["data"]))
    assert opened.status == 200 and opened.body["task"]["type"] == "continue"
    return opened.body["task"]["value"]


def _submission(dialog: dict[str, Any], **answers: str) -> dict[str, Any]:
    [submit] = dialog["card"]["content"]["actions"]
    return {**submit["data"], **answers}


async def _reports(world: TeamsWorld) -> list[tuple[str, str, str]]:
    """Each report filed: who filed it, its kind and its reference."""
    async with world.bot.services.db.reading() as session:
        rows = await session.execute(select(Report.reporter_id, Report.kind, Report.reference).order_by(Report.id))
        return [tuple(row) for row in rows.all()]  # type: ignore[misc]


async def test_report_offers_the_form_as_a_dialog_with_what_was_said_after_it(world: TeamsWorld) -> None:
    dialog = await _open_form(world, BEN_TEAMS, "report someone messaged a participant privately")

    assert dialog["title"] == "Report a concern"
    fields = _inputs(dialog["card"]["content"])
    assert {"kind", "description", "team_member", "risk", "privacy"} <= fields.keys()
    assert fields["description"]["value"] == "someone messaged a participant privately"


async def test_a_refused_submission_shows_the_form_again_with_the_problems_and_what_was_typed(world: TeamsWorld) -> None:
    dialog = await _open_form(world, BEN_TEAMS)

    answer = await world.client.send(world.client.dialog_submit(
        BEN_TEAMS, _submission(dialog, description="A stranger keeps messaging a participant.", when="last Tuesday")))

    assert answer.status == 200 and answer.body["task"]["type"] == "continue"
    again = answer.body["task"]["value"]["card"]["content"]
    assert "Please choose what kind of concern this is." in _card_text(again)
    assert _inputs(again)["description"]["value"] == "A stranger keeps messaging a participant."
    assert _inputs(again)["when"]["value"] == "last Tuesday"
    assert await _reports(world) == []


async def test_a_good_submission_is_filed_once_however_often_it_is_sent_and_the_reporter_told(
        world: TeamsWorld) -> None:
    dialog = await _open_form(world, BEN_TEAMS)
    submission = _submission(dialog, kind="online_safety", description="A worrying message to a participant.")

    first = await world.client.send(world.client.dialog_submit(BEN_TEAMS, submission))
    again = await world.client.send(world.client.dialog_submit(BEN_TEAMS, submission))  # a retry, a double click
    await world.tick()

    [(reporter, kind, reference)] = await _reports(world)
    assert (reporter, kind) == ("U0VOLUNT01", "online_safety")
    # The form's last page, as Slack's modal shows it, and the same page for the same submission sent again.
    for answer in (first, again):
        assert answer.status == 200 and answer.body["task"]["type"] == "continue"
        page = answer.body["task"]["value"]
        assert page["title"] == "Report sent"
        assert f"**Thank you.** Your report **{reference}** has gone to" in _card_text(page["card"]["content"])
    # In the chat, the reporter's own card, which follows the report as it is handled: once.
    told = [_card_text(sent.cards[0]) for sent in world.teams.sent_to(BEN_TEAMS)]
    assert len([text for text in told if reference in text]) == 1


async def test_a_form_opened_again_files_a_second_report_but_another_person_cannot_claim_the_first(
        world: TeamsWorld) -> None:
    dialog = await _open_form(world, BEN_TEAMS)
    submission = _submission(dialog, kind="online_safety", description="Ben's report.")
    await world.client.send(world.client.dialog_submit(BEN_TEAMS, submission))

    world.teams.install_for(PRIYA_TEAMS)
    await world.client.send(world.client.dialog_submit(PRIYA_TEAMS, {**submission, "description": "Not Ben's."}))
    later = await world.client.send(world.client.dialog_fetch(BEN_TEAMS, {"dialog": "report.file"}))
    await world.client.send(world.client.dialog_submit(BEN_TEAMS, _submission(
        later.body["task"]["value"], kind="online_safety", description="Ben's second report.")))

    reports = await _reports(world)
    assert sorted(reporter for reporter, _, _ in reports) == sorted(["U0VOLUNT01", "U0SAFE0001", "U0VOLUNT01"])


async def test_a_submission_of_no_form_the_bot_opened_is_refused_kindly(world: TeamsWorld) -> None:
    world.teams.install_for(BEN_TEAMS)

    answer = await world.client.send(world.client.dialog_submit(
        BEN_TEAMS, {"form": "report.file", "state": "forged", "kind": "online_safety", "description": "x"}))

    assert answer.body == {"task": {"type": "message",
                                    "value": "I can't tell which form this was. Please type report and open it again."}}
    assert await _reports(world) == []


# -- handling: Acknowledge ---------------------------------------------------------------------------


async def _filed_and_routed(world: TeamsWorld) -> str:
    """Ben files a report in Teams; it reaches its handler, Priya (the safeguarding lead), in Teams."""
    world.teams.install_for(PRIYA_TEAMS)
    await world.client.send(world.client.personal_message(PRIYA_TEAMS, "hello"))  # her chat is kept
    dialog = await _open_form(world, BEN_TEAMS)
    await world.client.send(world.client.dialog_submit(
        BEN_TEAMS, _submission(dialog, kind="online_safety", description="A worrying message.")))
    for _ in range(2):
        await world.tick()
    [(_, _, reference)] = await _reports(world)
    return reference


def _acknowledge_button(card: dict[str, Any]) -> dict[str, Any]:
    rows = [block for block in card["body"] if block["type"] == "ActionSet"]
    [button] = [a for row in rows for a in row["actions"] if a.get("verb") == "report.acknowledge"]
    return button


async def test_the_handler_acknowledges_in_teams_and_gets_the_card_updated_in_place(world: TeamsWorld) -> None:
    reference = await _filed_and_routed(world)
    [card_message] = [s for s in world.teams.sent_to(PRIYA_TEAMS) if reference in _card_text(s.cards[0])]
    button = _acknowledge_button(card_message.cards[0])

    answer = await world.client.send(world.client.card_action(PRIYA_TEAMS, button["verb"], button["data"],
                                                              reply_to_id=card_message.id))

    assert answer.status == 200 and answer.body["type"] == "application/vnd.microsoft.card.adaptive"
    updated = answer.body["value"]
    assert "Acknowledged" in _card_text(updated)
    assert not any(a.get("verb") == "report.acknowledge"
                   for block in updated["body"] if block["type"] == "ActionSet" for a in block["actions"])
    async with world.bot.services.db.reading() as session:
        status, by = (await session.execute(select(Report.status, Report.acknowledged_by))).one()
    assert (status, by) == ("acknowledged", "U0SAFE0001")


async def test_only_the_handler_may_press_acknowledge(world: TeamsWorld) -> None:
    reference = await _filed_and_routed(world)
    [card_message] = [s for s in world.teams.sent_to(PRIYA_TEAMS) if reference in _card_text(s.cards[0])]
    button = _acknowledge_button(card_message.cards[0])

    answer = await world.client.send(world.client.card_action(BEN_TEAMS, button["verb"], button["data"]))
    forged = await world.client.send(world.client.card_action(PRIYA_TEAMS, button["verb"], {"value": "{\"x\": 1}"}))

    assert answer.status == 200 and answer.body["type"] == "application/vnd.microsoft.activity.message"
    assert answer.body["value"] == "This report is not yours to handle, so nothing has been changed."
    assert forged.body["value"].startswith("I can't tell which report")
    async with world.bot.services.db.reading() as session:
        assert (await session.execute(select(Report.status))).scalar_one() == "open"


async def test_report_list_in_the_chat_lists_what_the_person_filed_and_is_not_taken_for_a_concern(
        world: TeamsWorld) -> None:
    dialog = await _open_form(world, BEN_TEAMS)
    await world.client.send(world.client.dialog_submit(
        BEN_TEAMS, _submission(dialog, kind="online_safety", description="A worrying message.")))
    [(_, _, reference)] = await _reports(world)

    await world.client.send(world.client.personal_message(BEN_TEAMS, "report list"))
    await world.tick()

    listed = [_card_text(s.cards[0]) for s in world.teams.sent_to(BEN_TEAMS) if "Your reports" in _card_text(s.cards[0])]
    assert len(listed) == 1 and f"**{reference}**" in listed[0] and "you reported it" in listed[0]


def _dialog_button(card: dict[str, Any], label: str) -> dict[str, Any]:
    rows = [block for block in card["body"] if block["type"] == "ActionSet"]
    [button] = [a for row in rows for a in row["actions"] if a["title"] == label]
    assert button["type"] == "Action.Submit" and button["data"]["msteams"] == {"type": "task/fetch"}
    return button


async def test_the_handler_resolves_through_a_dialog_checked_as_in_slack_and_once_however_often_sent(
        world: TeamsWorld) -> None:
    reference = await _filed_and_routed(world)
    [card_message] = [s for s in world.teams.sent_to(PRIYA_TEAMS) if reference in _card_text(s.cards[0])]
    button = _dialog_button(card_message.cards[0], "Resolve")

    opened = await world.client.send(world.client.dialog_fetch(PRIYA_TEAMS, button["data"]))
    dialog = opened.body["task"]["value"]
    empty = await world.client.send(world.client.dialog_submit(PRIYA_TEAMS, _submission(dialog, outcome="")))
    good = _submission(dialog, outcome="Spoke to the participant's parent; the contact is blocked.")
    done = await world.client.send(world.client.dialog_submit(PRIYA_TEAMS, good))
    again = await world.client.send(world.client.dialog_submit(PRIYA_TEAMS, good))

    assert dialog["title"] == "Resolve" and reference in _card_text(dialog["card"]["content"])
    assert empty.body["task"]["type"] == "continue"
    assert done.body["task"]["type"] == "message" and reference in done.body["task"]["value"]
    assert again.status == 200 and again.body is None
    async with world.bot.services.db.reading() as session:
        assert (await session.execute(select(Report.status))).scalar_one() == "resolved"
        assert await session.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "report.resolved")) == 1


async def test_a_dialog_whose_state_was_not_written_by_the_bot_changes_nothing(world: TeamsWorld) -> None:
    reference = await _filed_and_routed(world)
    [card_message] = [s for s in world.teams.sent_to(PRIYA_TEAMS) if reference in _card_text(s.cards[0])]
    opened = await world.client.send(world.client.dialog_fetch(PRIYA_TEAMS, _dialog_button(card_message.cards[0],
                                                                                           "Resolve")["data"]))
    crafted = _submission(opened.body["task"]["value"], outcome="Closed by a crafted form.")
    answers = []
    for state in ('{"dialog": "d1", "report_id": true, "tier": 0}', '{"dialog": "d2", "report_id": 1, "tier": false}',
                  '["d3", 1, 0]', "not json"):
        answers.append(await world.client.send(world.client.dialog_submit(PRIYA_TEAMS, {**crafted, "state": state})))

    refused = {"task": {"type": "message",
                        "value": "I can't tell which report this form was for. Please open it again from the report's card."}}
    assert [a.body for a in answers] == [refused] * 4
    async with world.bot.services.db.reading() as session:
        assert (await session.execute(select(Report.status))).scalar_one() == "open"


async def test_someone_who_does_not_handle_the_report_cannot_open_or_submit_its_dialogs(world: TeamsWorld) -> None:
    reference = await _filed_and_routed(world)
    [card_message] = [s for s in world.teams.sent_to(PRIYA_TEAMS) if reference in _card_text(s.cards[0])]
    button = _dialog_button(card_message.cards[0], "Escalate")
    opened = await world.client.send(world.client.dialog_fetch(PRIYA_TEAMS, button["data"]))
    state = opened.body["task"]["value"]

    refused_open = await world.client.send(world.client.dialog_fetch(BEN_TEAMS, button["data"]))
    refused_submit = await world.client.send(world.client.dialog_submit(BEN_TEAMS, _submission(state, reason="Mine now")))

    assert refused_open.body["task"]["type"] == "message"
    assert refused_submit.body == {"task": {"type": "message",
                                            "value": "This report is not yours to handle, so nothing has been changed."}}
    async with world.bot.services.db.reading() as session:
        assert (await session.execute(select(Report.tier))).scalar_one() == 0


async def test_a_button_teams_cannot_do_yet_says_so_and_changes_nothing(world: TeamsWorld) -> None:
    reference = await _filed_and_routed(world)
    [card_message] = [s for s in world.teams.sent_to(PRIYA_TEAMS) if reference in _card_text(s.cards[0])]
    [acknowledge] = [_acknowledge_button(card_message.cards[0])]

    # A button of a later release (every button the bot draws today works).
    answer = await world.client.send(world.client.card_action(PRIYA_TEAMS, "report.of_a_later_release",
                                                              acknowledge["data"]))

    assert answer.body == {"statusCode": 200, "type": "application/vnd.microsoft.activity.message",
                           "value": "Sorry, this button doesn't work in Teams yet, so nothing was changed."}
    async with world.bot.services.db.reading() as session:
        assert (await session.execute(select(Report.status))).scalar_one() == "open"


async def test_history_on_the_card_puts_the_history_in_the_handlers_chat_and_keeps_nothing(world: TeamsWorld) -> None:
    reference = await _filed_and_routed(world)
    [card_message] = [s for s in world.teams.sent_to(PRIYA_TEAMS) if reference in _card_text(s.cards[0])]
    rows = [block for block in card_message.cards[0]["body"] if block["type"] == "ActionSet"]
    [history] = [a for row in rows for a in row["actions"] if a["title"] == "History"]
    queued = await world.count(OutboxMessage)

    answer = await world.client.send(world.client.card_action(PRIYA_TEAMS, history["verb"], history["data"]))

    assert answer.body["value"] == "I've put the report's history in our chat."
    shown = _card_text(world.teams.sent_to(PRIYA_TEAMS)[-1].cards[0]).splitlines()
    assert shown[0].startswith(f"**Report {reference}**")
    assert shown[1].endswith(": Filed, by Ben Carter \\(the reporter\\)")
    assert await world.count(OutboxMessage) == queued  # sent at once, never kept
    async with world.bot.services.db.reading() as session:
        viewed = (await session.scalars(select(AuditEntry.actor).where(AuditEntry.action == "report.viewed"))).all()
    assert viewed == ["U0SAFE0001"]


async def test_report_show_gives_the_history_to_someone_on_the_chain_and_the_same_refusal_to_anyone_else(
        world: TeamsWorld) -> None:
    reference = await _filed_and_routed(world)
    world.teams.install_for(STRANGER_TEAMS)

    await world.client.send(world.client.personal_message(PRIYA_TEAMS, f"report show {reference.lower()}"))
    await world.client.send(world.client.personal_message(STRANGER_TEAMS, f"report show {reference}"))
    await world.client.send(world.client.personal_message(STRANGER_TEAMS, "report show TMW-2026-9999"))

    assert reference in _card_text(world.teams.sent_to(PRIYA_TEAMS)[-1].cards[0])
    refusals = [_card_text(sent.cards[0]) for sent in world.teams.sent_to(STRANGER_TEAMS)]
    assert len(refusals) == 2 and refusals[0] == refusals[1] and reference not in refusals[0]


# -- the reporter answers a handler's question -------------------------------------------------------


async def test_the_reporter_replies_to_a_question_in_a_dialog_once_and_only_they_may(world: TeamsWorld) -> None:
    reference = await _filed_and_routed(world)
    [card_message] = [s for s in world.teams.sent_to(PRIYA_TEAMS) if reference in _card_text(s.cards[0])]
    ask = await world.client.send(world.client.dialog_fetch(PRIYA_TEAMS, _dialog_button(card_message.cards[0],
                                                                                        "Ask for more information")["data"]))
    await world.client.send(world.client.dialog_submit(
        PRIYA_TEAMS, _submission(ask.body["task"]["value"], question="Where was the message sent?")))
    await world.tick()
    [asked] = [s for s in world.teams.sent_to(BEN_TEAMS) if "has a question" in json.dumps(s.cards)]
    assert "Where was the message sent?" in json.dumps(asked.cards[0])
    [reply] = [a for a in card_actions(asked.cards[0]) if a["title"] == "Reply"]

    refused = await world.client.send(world.client.dialog_fetch(PRIYA_TEAMS, reply["data"]))
    opened = await world.client.send(world.client.dialog_fetch(BEN_TEAMS, reply["data"]))
    dialog = opened.body["task"]["value"]
    empty = await world.client.send(world.client.dialog_submit(BEN_TEAMS, _submission(dialog, answer="")))
    good = _submission(dialog, answer="In the group's chat.")
    done = await world.client.send(world.client.dialog_submit(BEN_TEAMS, good))
    again = await world.client.send(world.client.dialog_submit(BEN_TEAMS, good))

    assert refused.body["task"] == {"type": "message",
                                    "value": "Only the person who made the report can answer this question."}
    assert dialog["title"] == "Reply" and "Where was the message sent?" in json.dumps(dialog["card"])
    assert empty.body["task"]["type"] == "continue" and "Please type your answer." in json.dumps(empty.body)
    assert done.body["task"] == {"type": "message", "value": f"Thank you. Your answer has been added to {reference}."}
    assert again.status == 200 and again.body is None
    async with world.bot.services.db.reading() as session:
        assert await session.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "report.question_answered")) == 1
