"""DBS checks in Teams (policy 5.1: moderators and administrators with unsupervised access to young people
online are DBS checked): `dbs` in an admin's 1:1 chat offers the form as a dialog; only admins may record
a check, bad answers are shown again beside their fields with what was typed (but never the certificate
number), a submission sent twice records one check, the number is kept encrypted, and the reminders reach
people on Teams. Over real HTTP through the Teams stand-in, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.standin import FakeSlack
from storage.models import AuditEntry, DbsCheck
from tests.teams_support import ANITA_TEAMS, BEN_TEAMS, SAM_TEAMS, TeamsWorld, card_actions, start_teams_world

SAM = "U0PMAUDIO1"
NUMBER = "001234567890"


@pytest.fixture
async def world(database_url: str, fake_slack: FakeSlack) -> AsyncIterator[TeamsWorld]:
    async for running in start_teams_world(database_url, fake_slack):
        yield running


def _text(card: dict[str, Any]) -> str:
    return "\n".join(block["text"] for block in card["body"] if "text" in block)


def _inputs(card: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {element["id"]: element for element in card["body"] if element.get("type", "").startswith("Input.")}


async def _say(world: TeamsWorld, person: str, text: str) -> dict[str, Any]:
    """`person` types `text` in their chat with the bot: the card they get back."""
    world.teams.install_for(person)
    await world.client.send(world.client.personal_message(person, text))
    await world.tick()
    return world.teams.sent_to(person)[-1].cards[0]


def _button(card: dict[str, Any]) -> dict[str, Any]:
    [button] = card_actions(card)
    return button


async def _open_form(world: TeamsWorld, person: str = ANITA_TEAMS, said: str = "dbs") -> dict[str, Any]:
    """Type `dbs`, press the card's button: the dialog Teams is given to show."""
    button = _button(await _say(world, person, said))
    assert button["type"] == "Action.Submit" and button["data"]["msteams"] == {"type": "task/fetch"}
    opened = await world.client.send(world.client.dialog_fetch(person, button["data"]))
    assert opened.status == 200 and opened.body["task"]["type"] == "continue"
    return opened.body["task"]["value"]


def _submission(dialog: dict[str, Any], **answers: str) -> dict[str, Any]:
    [save] = dialog["card"]["content"]["actions"]
    good = {"person": SAM_TEAMS, "check_type": "enhanced", "certificate_date": "2025-01-15",
            "certificate_number": NUMBER, "update_service": "yes", "next_review": ""}
    return {**save["data"], **good, **answers}


async def _submit(world: TeamsWorld, submission: dict[str, Any], person: str = ANITA_TEAMS) -> dict[str, Any]:
    answer = await world.client.send(world.client.dialog_submit(person, submission))
    assert answer.status == 200
    return answer.body["task"]


async def _checks(world: TeamsWorld) -> list[tuple[str, str, bool, str]]:
    """Each check recorded: whose, its type, whether on the Update Service, and the number as stored."""
    async with world.bot.services.db.reading() as session:
        rows = await session.execute(select(DbsCheck.person_key, DbsCheck.check_type, DbsCheck.update_service,
                                            DbsCheck.certificate_number_enc))
        return [tuple(row) for row in rows.all()]  # type: ignore[misc]


async def _recorded(world: TeamsWorld) -> int:
    async with world.bot.services.db.reading() as session:
        return int(await session.scalar(select(func.count()).select_from(AuditEntry)
                                        .where(AuditEntry.action == "dbs.recorded")) or 0)


async def test_an_admin_records_a_check_in_teams_and_the_number_is_kept_encrypted_never_shown(
        world: TeamsWorld) -> None:
    dialog = await _open_form(world)

    assert dialog["title"] == "Record a DBS check"
    fields = _inputs(dialog["card"]["content"])
    assert list(fields) == ["person", "check_type", "certificate_date", "certificate_number", "update_service",
                            "next_review"]
    assert fields["next_review"]["isRequired"] is False and fields["certificate_number"]["isRequired"] is True
    said = await _submit(world, _submission(dialog))

    assert said == {"type": "message",
                    "value": "Recorded Sam Okafor's enhanced DBS check. Next review: 15 January 2028."}
    [(person, kind, update_service, stored)] = await _checks(world)
    assert (person, kind, update_service) == (SAM, "enhanced", True)
    assert NUMBER not in stored
    await world.tick()
    everything_sent = json.dumps([sent.cards for sent in world.teams.sent]) + json.dumps(said)
    assert NUMBER not in everything_sent


async def test_a_volunteer_is_refused_at_every_step_and_nothing_is_recorded(world: TeamsWorld) -> None:
    refusal = await _say(world, BEN_TEAMS, "dbs")
    assert "Only admins can record DBS checks." in _text(refusal)
    assert card_actions(refusal) == []  # no form offered

    opened = await world.client.send(world.client.dialog_fetch(BEN_TEAMS, {"dialog": "dbs.record", "value": ""}))
    assert opened.body["task"] == {"type": "message", "value": "Only admins can record DBS checks."}

    # Even with a form an admin opened, sent as his own.
    said = await _submit(world, _submission(await _open_form(world)), person=BEN_TEAMS)
    assert said == {"type": "message", "value": "Only admins can record DBS checks."}
    assert await _checks(world) == [] and await _recorded(world) == 0


async def test_bad_answers_are_shown_again_beside_their_fields_with_what_was_typed_but_not_the_number(
        world: TeamsWorld) -> None:
    dialog = await _open_form(world)

    said = await _submit(world, _submission(dialog, certificate_number="12345", certificate_date="2030-01-01"))

    assert said["type"] == "continue"
    again = said["value"]["card"]["content"]
    shown = _text(again)
    assert "A DBS certificate number has 12 digits, for example 001234567890." in shown
    assert r"Please give the date on the certificate \(it can't be in the future\)." in shown
    fields = _inputs(again)
    assert fields["check_type"]["value"] == "enhanced" and fields["certificate_date"]["value"] == "2030-01-01"
    assert "value" not in fields["certificate_number"]
    assert await _checks(world) == []

    # A good number with a bad date: asked for again, never shown back.
    said = await _submit(world, _submission(dialog, certificate_date="2030-01-01"))
    again = said["value"]["card"]["content"]
    assert "Please type the number again: I never show it back." in _text(again)
    assert NUMBER not in json.dumps(again)
    assert await _checks(world) == []


async def test_a_submission_sent_twice_records_one_check(world: TeamsWorld) -> None:
    submission = _submission(await _open_form(world))

    first = await _submit(world, submission)
    again = await _submit(world, submission)  # Teams retrying, a double click

    assert first["value"].startswith("Recorded Sam Okafor's")
    assert again == {"type": "message", "value": "That DBS check was saved already."}
    assert len(await _checks(world)) == 1 and await _recorded(world) == 1


async def test_dbs_with_a_name_offers_the_form_for_them_and_an_unknown_name_opens_nothing(world: TeamsWorld) -> None:
    offer = await _say(world, ANITA_TEAMS, "dbs sam okafor")
    assert "Record Sam Okafor's DBS check." in _text(offer)
    assert _button(offer)["data"]["value"] == SAM

    unknown = await _say(world, ANITA_TEAMS, "dbs Nobody")
    assert "I don't know who “Nobody” is, so no form was opened." in _text(unknown)
    assert card_actions(unknown) == []


async def test_review_reminders_and_missing_checks_reach_people_on_teams(world: TeamsWorld) -> None:
    await _submit(world, _submission(await _open_form(world), next_review="2027-03-01"))
    world.teams.install_for(SAM_TEAMS)
    await world.tick()
    await world.tick()

    # Anita is an admin with no check of her own: once the register is used, the admins are told.
    missing = [_text(sent.cards[0]) for sent in world.teams.sent_to(ANITA_TEAMS)
               if "needs a current DBS check" in _text(sent.cards[0])]
    assert any("Anita Holford has the admin role" in text and "record one with “dbs”" in text for text in missing)
    assert not any("/dbs" in text for text in missing)

    world.bot.clock.set(datetime(2026, 12, 31, 9, 1, tzinfo=UTC))  # 60 days before 1 March
    await world.tick()
    own = [_text(sent.cards[0]) for sent in world.teams.sent_to(SAM_TEAMS)]
    assert any("Your DBS check is due for review in 60 days, on 1 March 2027." in text for text in own)
