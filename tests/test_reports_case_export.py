"""Case records (issue 17): a case exported as a PDF, to the person who asked alone, or on the server."""

from __future__ import annotations

import asyncio
import io
import os
import sqlite3
import sys
from datetime import timedelta
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader
from sqlalchemy import select

from bot.clock import ManualClock
from bot.org import OrgFileError, load_org_file
from bot.standin import FakeSlack
from storage.models import AuditEntry, OutboxMessage
from tests.harness import EXAMPLE_ORG, START, RunningBot, make_settings, start_bot
from tests.report_driver import ANITA, GRACE, SAFE, SAM, ReportDriver, text_value
from tests.test_reports_case_records import REFERENCE, a_full_life, in_order

TMW_BOT = str(Path(sys.executable).with_name("tmw-bot"))


async def _audits(bot: RunningBot, action: str) -> list[AuditEntry]:
    async with bot.services.db.unit_of_work() as session:
        return list((await session.scalars(select(AuditEntry).where(AuditEntry.action == action))).all())


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))  # it opens
    assert len(reader.pages) >= 1
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


async def _reopened(bot: RunningBot) -> ReportDriver:
    driver = await a_full_life(bot)
    await driver.press_and_submit(ANITA, "report.reopen", driver.report_message(ANITA),
                                  text_value("reason", "The parent raised it again."))
    await driver.press_and_submit(ANITA, "report.resolve", driver.report_message(ANITA),
                                  text_value("outcome", "Spoke with the parent; filters checked again.") | text_value("actions_taken", ""))
    return driver


def _check_record(text: str, exported_by: str) -> None:
    in_order(text, "The Music Works", f"Case record {REFERENCE}", "Kind: A participant misusing computers",
              "Filed: Tuesday 24 November 2026", "People involved", "Reporter: Ben", "Sam Okafor", "Anita Holford",
              "Someone was on a gambling site.", "Chronology", "Which computer was it?", "The one by the window.",
              "Passed on", "A safeguarding question & more than I can judge.", "Filters tightened", "Reopened",
              "The parent raised it again.", "Resolution Spoke with the parent; filters checked again.")
    assert f"Exported by {exported_by} on Tuesday 24 November 2026" in text


async def test_the_ceo_exports_a_case_as_a_pdf_sent_to_them_alone(bot: RunningBot) -> None:
    driver = await _reopened(bot)
    card = driver.report_message(ANITA)

    reply = await driver.press(ANITA, "report.export", card, answered=True)
    await bot.tick()

    assert "only to you" in reply
    [sent] = bot.fake.files
    assert sent.channel == bot.fake.dm_channel(ANITA) and sent.filename == f"{REFERENCE}.pdf"
    _check_record(_text(sent.content), "Anita Holford")
    assert [(e.actor, e.subject_id) for e in await _audits(bot, "report.exported")] == [(ANITA, REFERENCE)]


async def test_once_the_case_record_is_delivered_the_outbox_keeps_no_copy_of_it(bot: RunningBot) -> None:
    driver = await a_full_life(bot)
    await driver.press(ANITA, "report.export", driver.report_message(ANITA), answered=True)
    await bot.tick()

    assert len(bot.fake.files) == 1
    async with bot.services.db.reading() as session:
        [(state, params_enc)] = (await session.execute(
            select(OutboxMessage.state, OutboxMessage.params_enc).where(OutboxMessage.template == "report.case_file"))).all()
    # Kept only to say what was sent when: the PDF, and anything else it was drawn from, is gone.
    assert (state, bot.services.cipher.decrypt_json(params_enc)) == ("sent", {})


async def test_only_the_people_the_organisation_file_names_can_export(bot: RunningBot) -> None:
    driver = await _reopened(bot)
    sams_card = driver.report_message(SAM)
    assert driver.button(sams_card, "report.export") is None  # a project manager handles it but may not export
    assert driver.button(sams_card, "report.history") is not None

    # Forged presses of the CEO's Export button, by a handler and by someone off the chain.
    by_handler = await driver.press(SAM, "report.export", driver.report_message(ANITA), answered=True)
    by_outsider = await driver.press(GRACE, "report.export", driver.report_message(ANITA), answered=True)
    # The safeguarding lead may export the cases that reach them; this one never did.
    by_lead_off_the_chain = await driver.press(SAFE, "report.export", driver.report_message(ANITA), answered=True)
    await bot.tick()

    for refused in (by_handler, by_outsider, by_lead_off_the_chain):
        assert "Only the people handling a case whom the organisation file names" in refused
    assert bot.fake.files == []
    assert [e.actor for e in await _audits(bot, "report.export_refused")] == [SAM, GRACE, SAFE]
    assert await _audits(bot, "report.exported") == []


async def test_an_export_waits_while_slack_is_down_and_arrives_once(bot: RunningBot) -> None:
    driver = await _reopened(bot)
    bot.fake.fail("files.completeUploadExternal", "internal_error", status=500, times=100)

    await driver.press(ANITA, "report.export", driver.report_message(ANITA), answered=True)
    await bot.tick()
    assert bot.fake.files == []

    bot.fake.recover("files.completeUploadExternal")
    bot.clock.advance(timedelta(minutes=2))
    await bot.tick()
    await bot.tick()

    assert [f.channel for f in bot.fake.files] == [bot.fake.dm_channel(ANITA)]


async def test_the_cli_exports_a_case_to_a_file_on_the_server(bot: RunningBot, tmp_path: Path) -> None:
    await _reopened(bot)
    settings = bot.services.settings
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TMW_", "DATABASE_URL"))}
    env |= {"DATABASE_URL": settings.database_url, "TMW_ORG_CONFIG": str(EXAMPLE_ORG), "TZ": "Europe/London",
            "TMW_DATA_KEY": settings.tmw_data_key.get_secret_value() if settings.tmw_data_key else ""}
    out = tmp_path / "case.pdf"

    process = await asyncio.create_subprocess_exec(
        TMW_BOT, "export", "report", REFERENCE.lower(), "--out", str(out), env=env, cwd=tmp_path,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    stdout, stderr = await asyncio.wait_for(process.communicate(), 120)
    missing = await asyncio.create_subprocess_exec(
        TMW_BOT, "export", "report", "TMW-2026-0999", "--out", str(tmp_path / "none.pdf"), env=env, cwd=tmp_path,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    _, missing_err = await asyncio.wait_for(missing.communicate(), 120)

    assert process.returncode == 0, stderr.decode()
    assert f"Wrote the case record of {REFERENCE}" in stdout.decode()
    text = _text(out.read_bytes())
    assert "Exported by the server (tmw-bot export)" in text and "The parent raised it again." in text
    assert missing.returncode == 1 and "There is no report TMW-2026-0999" in missing_err.decode()
    assert not (tmp_path / "none.pdf").exists()
    assert [e.actor for e in await _audits(bot, "report.exported")] == ["cli"]


def _org_with(tmp_path: Path, export_roles: object) -> Path:
    data = yaml.safe_load(EXAMPLE_ORG.read_text(encoding="utf-8"))
    data.setdefault("settings", {}).setdefault("reports", {})["export_roles"] = export_roles
    org = tmp_path / "org.yml"
    org.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return org


def test_who_may_export_is_checked_with_the_rest_of_the_organisation_file(tmp_path: Path) -> None:
    with pytest.raises(OrgFileError) as raised:
        load_org_file(_org_with(tmp_path, ["ceo", "treasurer"]))
    assert "settings.reports.export_roles" in str(raised.value)
    with pytest.raises(OrgFileError) as empty:
        load_org_file(_org_with(tmp_path, []))
    assert "settings.reports.export_roles" in str(empty.value)


async def test_the_organisation_file_decides_who_may_export(
    tmp_path: Path, database_url: str, fake_slack: FakeSlack
) -> None:
    settings = make_settings(database_url, fake_slack.api_url, org=_org_with(tmp_path, ["project_manager"]))
    bot, runner = await start_bot(settings, fake_slack, ManualClock(START))
    try:
        driver = await a_full_life(bot)
        assert driver.button(driver.report_message(ANITA), "report.export") is None
        await driver.press(SAM, "report.export", driver.report_message(SAM), answered=True)
        await bot.tick()
        assert [f.channel for f in bot.fake.files] == [bot.fake.dm_channel(SAM)]
    finally:
        await runner.cleanup()
        await bot.services.db.dispose()


async def test_a_reopening_reason_and_an_exported_case_are_not_stored_in_clear(sqlite_bot: RunningBot) -> None:
    bot = sqlite_bot
    driver = await a_full_life(bot)
    await driver.press_and_submit(ANITA, "report.reopen", driver.report_message(ANITA),
                                  text_value("reason", "Wombat-unique-reason"))
    bot.fake.fail("files.completeUploadExternal", "internal_error", status=500, times=100)
    await driver.press(ANITA, "report.export", driver.report_message(ANITA), answered=True)
    await bot.tick()  # the PDF waits in the outbox

    db_file = Path(bot.services.settings.database_url.split("///", 1)[1])
    connection = sqlite3.connect(db_file)
    connection.execute("PRAGMA wal_checkpoint(FULL)")
    connection.close()
    raw = b"".join(p.read_bytes() for p in db_file.parent.glob(db_file.name + "*"))
    for secret in (b"Wombat-unique-reason", b"gambling", b"%PDF", b"JVBERi"):  # JVBERi: "%PDF" in base64
        assert secret not in raw, secret
