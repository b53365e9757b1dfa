"""Bad input is refused on its field with nothing saved; nothing is lost when Slack fails; nothing is in clear."""

from __future__ import annotations

import asyncio
import json
import re
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from storage.models import Report
from tests.harness import RunningBot
from tests.report_driver import ANITA, BEN, DAN, DEPUTY, SAFE, ReportDriver, form_values, without_the_safeguarding_lead


async def _count(bot: RunningBot) -> int:
    async with bot.services.db.unit_of_work() as session:
        return await session.scalar(select(func.count()).select_from(Report)) or 0


@pytest.mark.parametrize(
    ("kind", "fields", "field", "says"),
    [
        ("participant_misuse", {"description": "   ", "activity": "audio-base"}, "description", "describe what happened"),
        (None, {}, "kind", "choose what kind"),
        ("participant_misuse", {}, "activity", "choose the activity"),
        ("participant_misuse", {"activity": "samba-band"}, "activity", "don't know that activity"),
        ("online_safety", {"when": "tomorrow at noon"}, "when", "in the future"),
        ("online_safety", {"when": "when the moon was blue"}, "when", "couldn't understand"),
        ("team_member_misuse", {}, "team_member", "choose the person"),
        ("young_leader_misuse", {"team_member": DAN}, "team_member", "not listed as a young leader"),
        ("password_exposure", {}, "account", "name the account"),
        ("password_exposure", {"account": "Instagram", "description": "I left it on a post-it: the password is Sunfl0wer!2024"},
         "description", "haven't saved any of it"),
        ("password_exposure", {"account": "Xk9!pq2w-Instagram"}, "account", "change that password now"),
    ],
)
async def test_bad_input_is_shown_on_its_field_and_nothing_is_saved(
    bot: RunningBot, kind: str | None, fields: dict[str, str], field: str, says: str
) -> None:
    driver = ReportDriver(bot)

    submitted = await driver.file(BEN, kind, **fields)

    assert set(submitted.errors) == {field}
    assert says in submitted.errors[field]
    assert await _count(bot) == 0
    assert bot.fake.calls_to("chat.postMessage") == []


async def test_report_with_text_opens_the_modal_with_the_description_filled_in(bot: RunningBot) -> None:
    view = await ReportDriver(bot).open_modal(DAN, "The laptop in room 2 has a virus warning")

    description = next(b for b in view["blocks"] if b.get("block_id") == "description")
    assert description["element"]["initial_value"] == "The laptop in room 2 has a virus warning"


async def test_submitting_the_same_modal_twice_files_one_report(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    view = await driver.open_modal(DAN)
    values = form_values("online_safety", "A worrying message.")

    first = await bot.slack.view_submission(DAN, view, values)
    second = await bot.slack.view_submission(DAN, view, values)
    await bot.tick()

    assert "TMW-2026-0001" in json.dumps(first.json()) and "TMW-2026-0001" in json.dumps(second.json())
    assert await _count(bot) == 1
    assert len([m for m in driver.messages(SAFE)]) == 1


async def test_reports_filed_at_the_same_moment_each_get_their_own_reference(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    views = [await driver.open_modal(DAN) for _ in range(8)]
    values = form_values("online_safety", "A worrying message.")

    # The same modal submitted twice at once (a double click) files it once; the rest are separate reports.
    answers = await asyncio.gather(*(bot.slack.view_submission(DAN, view, values) for view in [*views, views[0]]))
    await bot.tick()

    references = [re.search(r"TMW-2026-\d{4}", json.dumps(answer.json())).group() for answer in answers]  # type: ignore[union-attr]
    assert references[0] == references[-1]
    assert sorted(set(references)) == [f"TMW-2026-{n:04d}" for n in range(1, 9)]
    assert await _count(bot) == 8
    assert len(driver.messages(SAFE)) == 8


async def test_a_report_is_kept_while_slack_is_down_and_delivered_when_it_is_back(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    bot.fake.fail("chat.postMessage", "internal_error", status=500, times=100)

    submitted = await driver.file(DAN, "online_safety", description="Urgent: a child shared their address.")

    assert "TMW-2026-0001" in submitted.confirmation
    assert await _count(bot) == 1
    assert driver.messages(SAFE) == []

    bot.fake.recover("chat.postMessage")
    bot.clock.advance(timedelta(minutes=2))
    await bot.tick()

    assert "a child shared their address" in driver.texts(SAFE)
    assert "Your report TMW-2026-0001" in driver.texts(DAN)


async def test_reports_move_on_when_their_handler_leaves_the_organisation(bot: RunningBot, tmp_path: Path) -> None:
    driver = ReportDriver(bot)
    await driver.file(DAN, "online_safety")
    edited = without_the_safeguarding_lead(tmp_path)
    bot.services.org_path = edited

    await bot.tick()
    await bot.tick()

    assert driver.button(driver.report_message(DEPUTY), "report.acknowledge") is not None
    async with bot.services.db.unit_of_work() as session:
        report = await session.scalar(select(Report))
    assert report is not None and report.tier == 1


async def test_the_database_file_holds_no_report_text_in_clear(sqlite_bot: RunningBot) -> None:
    bot = sqlite_bot
    driver = ReportDriver(bot)
    await driver.file(BEN, "team_member_misuse", team_member=DAN, participant="Jessamy from Audio-Base",
                      description="Zebedee-unique-phrase was posted on the group", when="yesterday 4pm")
    await driver.press_and_submit(ANITA, "report.ask", driver.report_message(ANITA),
                                  {"question": {"question_input": {"type": "plain_text_input", "value": "Quokka-question?"}}})

    db_file = Path(bot.services.settings.database_url.split("///", 1)[1])
    connection = sqlite3.connect(db_file)
    connection.execute("PRAGMA wal_checkpoint(FULL)")
    connection.close()
    raw = b"".join(p.read_bytes() for p in db_file.parent.glob(db_file.name + "*"))
    for secret in (b"Zebedee-unique-phrase", b"Jessamy", b"Quokka-question", b"yesterday 4pm"):
        assert secret not in raw, secret


async def test_report_columns_hold_only_ciphertext(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    await driver.file(BEN, "team_member_misuse", team_member=DAN, description="Zebedee-unique-phrase", participant="Jessamy")
    async with bot.services.db.unit_of_work() as session:
        report = await session.scalar(select(Report))
    assert report is not None
    assert "Zebedee" not in report.details_enc and "Jessamy" not in report.details_enc
    # Who a report is about is as sensitive as what it says.
    assert report.team_member_enc is not None and DAN not in report.team_member_enc
    assert bot.services.cipher.decrypt(report.team_member_enc) == DAN
    assert bot.services.cipher.decrypt_json(report.details_enc)["description"] == "Zebedee-unique-phrase"
