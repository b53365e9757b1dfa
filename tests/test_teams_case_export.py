"""A case record exported in Teams (issues 15 and 17): Export on a report's card sends its PDF to the person
who pressed alone, as Teams lets a bot send a file: a consent card in their chat first, and the file in their
OneDrive only once they press Allow. Meanwhile it is kept encrypted, and it is gone once uploaded, declined
or expired. Over real HTTP through the Teams stand-in, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from bot.reports.export import REFUSAL
from bot.standin import FakeSlack
from bot.standin.teams import SentActivity
from storage.models import AuditEntry, OfferedFile, OutboxMessage
from tests.teams_support import BEN_TEAMS, PRIYA_TEAMS, TeamsWorld, card_actions, card_text, start_teams_world
from tests.test_playground_walkthroughs import ROOT, run_script
from tests.test_teams_reports import _filed_and_routed

MESSAGE = "application/vnd.microsoft.activity.message"


@pytest.fixture
async def world(database_url: str, fake_slack: FakeSlack) -> AsyncIterator[TeamsWorld]:
    async for running in start_teams_world(database_url, fake_slack):
        yield running


async def _press_export(world: TeamsWorld, person: str = PRIYA_TEAMS) -> tuple[str, Any]:
    """A report filed by Ben reaches Priya, the safeguarding lead, in Teams; `person` presses its Export."""
    reference = await _filed_and_routed(world)
    [card_message] = [s for s in world.teams.sent_to(PRIYA_TEAMS) if s.cards and reference in card_text(s.cards[0])]
    [export] = [a for a in card_actions(card_message.cards[0]) if a.get("verb") == "report.export"]
    world.teams.install_for(person)
    answer = await world.client.send(world.client.card_action(person, export["verb"], export["data"]))
    await world.tick()
    return reference, answer


def _offers(world: TeamsWorld, person: str) -> list[SentActivity]:
    return [s for s in world.teams.sent_to(person) if s.file_consents]


def _said(world: TeamsWorld, person: str) -> list[str]:
    return [card_text(card) for s in world.teams.sent_to(person) for card in s.cards]


async def _offered_files(world: TeamsWorld) -> list[tuple[str, str, str, int, str]]:
    """Each file held: its token, person, state, size and stored content."""
    async with world.bot.services.db.reading() as session:
        rows = await session.execute(select(OfferedFile.token, OfferedFile.person, OfferedFile.state,
                                            OfferedFile.size, OfferedFile.content_enc))
        return [tuple(row) for row in rows.all()]  # type: ignore[misc]


async def _outbox_params(world: TeamsWorld, template: str) -> list[dict[str, Any]]:
    async with world.bot.services.db.reading() as session:
        rows = (await session.scalars(select(OutboxMessage).where(OutboxMessage.template == template))).all()
        return [world.bot.services.cipher.decrypt_json(row.params_enc) for row in rows]


async def test_export_offers_the_case_record_to_the_person_who_pressed_alone(world: TeamsWorld) -> None:
    reference, answer = await _press_export(world)

    assert answer.body == {"statusCode": 200, "type": MESSAGE, "value": f"The case record of {reference} is on its way "
                                                                        "to you here, as a PDF, and only to you."}
    [offer] = _offers(world, PRIYA_TEAMS)
    [card] = offer.file_consents
    assert card["name"] == f"{reference}.pdf"
    assert reference in card["content"]["description"] and "Press Allow" in card["content"]["description"]
    assert card["content"]["sizeInBytes"] > 1000
    assert _offers(world, BEN_TEAMS) == []  # the reporter, nor anyone else, gets nothing
    # The card carries a token, nothing of the case; the PDF waits encrypted, and the outbox keeps no copy of it.
    [(token, person, state, size, stored)] = await _offered_files(world)
    assert card["content"]["acceptContext"] == {"offered_file": token}
    assert (person, state, size) == ("U0SAFE0001", "offered", card["content"]["sizeInBytes"])
    # Once sent, the outbox forgets what the card was drawn from.
    assert await _outbox_params(world, "report.case_file") == [{}]
    assert stored and "JVBERi" not in stored  # "%PDF" in base64: not readable at rest


async def test_export_pressed_twice_before_the_offer_goes_makes_one_record_and_one_card(world: TeamsWorld) -> None:
    reference = await _filed_and_routed(world)
    [card_message] = [s for s in world.teams.sent_to(PRIYA_TEAMS) if s.cards and reference in card_text(s.cards[0])]
    [export] = [a for a in card_actions(card_message.cards[0]) if a.get("verb") == "report.export"]
    world.teams.install_for(PRIYA_TEAMS)
    presses = [world.client.card_action(PRIYA_TEAMS, export["verb"], export["data"]) for _ in range(2)]

    answers = await asyncio.gather(*(world.client.send(press) for press in presses))  # a double click: at once
    await world.tick()

    assert sorted(a.body["value"] for a in answers) == [
        f"The case record of {reference} is already on its way to you here, so I haven't made another.",
        f"The case record of {reference} is on its way to you here, as a PDF, and only to you."]
    assert len(_offers(world, PRIYA_TEAMS)) == 1 and len(await _offered_files(world)) == 1
    async with world.bot.services.db.reading() as session:
        actions = (await session.scalars(select(AuditEntry.action).where(AuditEntry.action.like("report.export%")))).all()
    assert actions == ["report.exported"]  # one record made, once


async def test_export_pressed_again_while_its_file_waits_to_be_allowed_points_to_the_card_above(world: TeamsWorld) -> None:
    reference, _ = await _press_export(world)
    [offer] = _offers(world, PRIYA_TEAMS)

    _, again = await _press_export_again(world, reference)

    assert again.body == {"statusCode": 200, "type": MESSAGE, "value": f"The case record of {reference} is already "
                                                                       "waiting for you above, in our chat, so I haven't "
                                                                       "made another. Please take it from there."}
    assert _offers(world, PRIYA_TEAMS) == [offer] and len(await _offered_files(world)) == 1
    # Once it is declined, Export makes a new one.
    await world.client.send(world.client.file_consent(PRIYA_TEAMS, offer, allow=False))
    await world.tick()
    _, third = await _press_export_again(world, reference)
    assert third.body["value"].startswith(f"The case record of {reference} is on its way")
    assert len(_offers(world, PRIYA_TEAMS)) == 2


async def _press_export_again(world: TeamsWorld, reference: str) -> tuple[str, Any]:
    [card_message] = [s for s in world.teams.sent_to(PRIYA_TEAMS) if s.cards and reference in card_text(s.cards[0])][:1]
    [export] = [a for a in card_actions(card_message.cards[0]) if a.get("verb") == "report.export"]
    answer = await world.client.send(world.client.card_action(PRIYA_TEAMS, export["verb"], export["data"]))
    await world.tick()
    return reference, answer


async def test_allow_puts_the_pdf_in_their_onedrive_shows_it_and_keeps_nothing(world: TeamsWorld) -> None:
    reference, _ = await _press_export(world)
    [offer] = _offers(world, PRIYA_TEAMS)

    answer = await world.client.send(world.client.file_consent(PRIYA_TEAMS, offer, allow=True))
    await world.tick()

    assert answer.status == 200
    [upload] = world.teams.uploaded_for(PRIYA_TEAMS)
    assert upload.content is not None and upload.content.startswith(b"%PDF")
    assert upload.content_range == f"bytes 0-{len(upload.content) - 1}/{len(upload.content)}"
    [shown] = [s for s in world.teams.sent_to(PRIYA_TEAMS) if s.file_infos]
    [info] = shown.file_infos
    assert info["name"] == f"{reference}.pdf" and info["contentUrl"].endswith(f"/{reference}.pdf")
    assert info["content"]["fileType"] == "pdf" and info["content"]["uniqueId"]
    assert "saved to your OneDrive for you alone" in shown.activity["text"]
    assert await _offered_files(world) == []
    # The export was audited when it was made; the upload adds nothing (the record was made for her alone).
    async with world.bot.services.db.reading() as session:
        actions = (await session.scalars(select(AuditEntry.action).where(AuditEntry.action.like("report.export%")))).all()
    assert actions == ["report.exported"]


async def test_decline_saves_nothing_says_so_kindly_and_keeps_nothing(world: TeamsWorld) -> None:
    reference, _ = await _press_export(world)
    [offer] = _offers(world, PRIYA_TEAMS)

    answer = await world.client.send(world.client.file_consent(PRIYA_TEAMS, offer, allow=False))
    await world.tick()

    assert answer.status == 200
    assert world.teams.uploaded_for(PRIYA_TEAMS) == [] and not world.teams.calls_to("upload")
    assert f"You declined {reference}.pdf, so nothing was saved. You can press Export on the report again" in "\n".join(
        _said(world, PRIYA_TEAMS))
    assert await _offered_files(world) == []


async def test_someone_not_allowed_to_export_is_refused_and_nothing_is_sent(world: TeamsWorld) -> None:
    _, answer = await _press_export(world, person=BEN_TEAMS)  # the reporter: not a safeguarding lead

    assert answer.body == {"statusCode": 200, "type": MESSAGE, "value": REFUSAL}
    assert _offers(world, BEN_TEAMS) == [] and _offers(world, PRIYA_TEAMS) == []
    assert await _offered_files(world) == [] and await _outbox_params(world, "report.case_file") == []
    async with world.bot.services.db.reading() as session:
        refused = (await session.scalars(select(AuditEntry.actor).where(AuditEntry.action == "report.export_refused"))).all()
    assert refused == ["U0VOLUNT01"]


async def test_only_the_person_it_was_for_can_allow_it(world: TeamsWorld) -> None:
    await _press_export(world)
    [offer] = _offers(world, PRIYA_TEAMS)

    await world.client.send(world.client.file_consent(BEN_TEAMS, offer, allow=True))  # a forged press
    await world.tick()

    assert world.teams.uploaded_for(BEN_TEAMS) == [] and not world.teams.calls_to("upload")
    assert "That file was made for someone else, so nothing was saved." in _said(world, BEN_TEAMS)
    [(_, _, state, _, _)] = await _offered_files(world)
    assert state == "offered"  # still Priya's to take


async def test_the_same_allow_sent_twice_uploads_once(world: TeamsWorld) -> None:
    await _press_export(world)
    [offer] = _offers(world, PRIYA_TEAMS)
    allow = world.client.file_consent(PRIYA_TEAMS, offer, allow=True)

    first = await world.client.send(allow)
    again = await world.client.send(allow)  # Teams sending it again: its answer was slow
    await world.tick()
    await world.client.send(world.client.file_consent(PRIYA_TEAMS, offer, allow=True))  # pressed once more, later
    await world.tick()

    assert first.status == again.status == 200
    assert len(world.teams.calls_to("upload")) == 1 and len(world.teams.uploaded_for(PRIYA_TEAMS)) == 1
    assert len([s for s in world.teams.sent_to(PRIYA_TEAMS) if s.file_infos]) == 1
    assert any("no longer held here: it was saved or declined already" in text for text in _said(world, PRIYA_TEAMS))


async def test_an_outage_of_onedrive_or_teams_is_waited_out_and_nothing_goes_twice(world: TeamsWorld) -> None:
    await _press_export(world)
    [offer] = _offers(world, PRIYA_TEAMS)
    world.teams.fail("upload", 503)
    await world.client.send(world.client.file_consent(PRIYA_TEAMS, offer, allow=True))

    await world.tick()  # OneDrive is down: nothing uploaded, the file still held
    assert world.teams.uploaded_for(PRIYA_TEAMS) == []
    [(_, _, state, _, _)] = await _offered_files(world)
    assert state == "accepted"

    world.teams.fail("send", 502)
    world.bot.clock.advance(timedelta(minutes=1))
    await world.tick()  # uploaded; then Teams is down as the card that shows it goes
    assert len(world.teams.uploaded_for(PRIYA_TEAMS)) == 1
    [(_, _, state, _, stored)] = await _offered_files(world)
    assert (state, stored) == ("uploaded", "")  # the PDF is not kept a moment longer
    assert not [s for s in world.teams.sent_to(PRIYA_TEAMS) if s.file_infos]

    world.bot.clock.advance(timedelta(minutes=1))
    await world.tick()
    assert len([s for s in world.teams.sent_to(PRIYA_TEAMS) if s.file_infos]) == 1
    assert [u.puts for u in world.teams.uploads.values()] == [2]  # the failed PUT, then the one that landed
    assert await _offered_files(world) == []


async def test_an_offer_not_taken_expires_and_allow_then_says_to_export_again(world: TeamsWorld) -> None:
    await _press_export(world)
    [offer] = _offers(world, PRIYA_TEAMS)

    world.bot.clock.advance(timedelta(hours=24, minutes=1))
    await world.tick()  # the retention sweep
    assert await _offered_files(world) == []
    await world.client.send(world.client.file_consent(PRIYA_TEAMS, offer, allow=True))
    await world.tick()

    assert not world.teams.calls_to("upload")
    assert any("no longer held here" in text and "press Export on the report again" in text
               for text in _said(world, PRIYA_TEAMS))
    async with world.bot.services.db.reading() as session:
        erased = (await session.scalars(select(AuditEntry.detail).where(AuditEntry.action == "retention.erased"))).all()
    assert [json.loads(d) if isinstance(d, str) else d for d in erased][-1]["counts"]["offered_files"] == 1


def test_in_the_playground_on_teams_allow_brings_the_pdf_into_the_chat(tmp_path: Path) -> None:
    """`tmw-bot local --teams`: the case-record walkthrough, then Anita allows the file the consent card offers."""
    script = tmp_path / "case-record-allowed.txt"
    script.write_text((ROOT / "examples" / "walkthroughs" / "case-record.txt").read_text(encoding="utf-8") + "\n".join([
        "/inbox", "/expect TMW-2026-0001.pdf", "/expect Press Allow to save it to your OneDrive",
        "/press Allow", "/expect saved to your OneDrive for you alone", "/expect bytes received", ""]), encoding="utf-8")

    result = run_script(script, "--teams")

    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "✓ saw “bytes received”" in result.stdout and "Traceback" not in result.stdout + result.stderr
