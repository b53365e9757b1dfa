"""Retention: with the clock moved past each period, personal details are erased from the database (the
file itself, not only the rows), what statistics need stays, and nothing else is touched."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.addresses import ToPerson
from bot.digest.sections import Window
from bot.digest.workflow import build_digest, digest_text
from bot.org import OrgFileError, parse_org_text
from storage.models import AuditEntry, DbsCheck, GuardedNotice, ModerationCase, OutboxMessage, Report, ReportNote
from storage.outbox import hold_message
from tests.harness import EXAMPLE_ORG, RunningBot
from tests.report_driver import BEN, DAN, SAFE, SAM, ReportDriver, text_value

DAY = timedelta(days=1)
YEAR = timedelta(days=365)


def _raw_file(bot: RunningBot) -> bytes:
    """Every byte SQLite keeps for the database: the file and its write-ahead log."""
    db_file = Path(bot.services.settings.database_url.split("///", 1)[1])
    connection = sqlite3.connect(db_file)
    connection.execute("PRAGMA wal_checkpoint(FULL)")
    connection.close()
    return b"".join(p.read_bytes() for p in db_file.parent.glob(db_file.name + "*"))


async def _file_and_resolve(bot: RunningBot, driver: ReportDriver, reporter: str, handler: str, kind: str, **fields: str) -> Report:
    await driver.file(reporter, kind, **fields)
    await bot.tick()
    await driver.press_and_submit(handler, "report.resolve", driver.report_message(handler),
                                  {**text_value("outcome", f"Outcome-{kind}"), **text_value("actions_taken", "Talked it through.")})
    async with bot.services.db.unit_of_work() as session:
        report = await session.scalar(select(Report).order_by(Report.id.desc()))
    assert report is not None and report.status == "resolved"
    return report


async def _rows(bot: RunningBot, model: type) -> list:  # type: ignore[type-arg]
    async with bot.services.db.unit_of_work() as session:
        return list((await session.scalars(select(model).order_by(model.id))).all())


async def _audit_actions(bot: RunningBot) -> list[tuple[int, str]]:
    return [(entry.id, entry.action) for entry in await _rows(bot, AuditEntry)]


async def test_resolved_reports_are_reduced_to_a_skeleton_once_their_kinds_period_has_passed(sqlite_bot: RunningBot) -> None:
    bot = sqlite_bot
    driver = ReportDriver(bot)
    misuse = await _file_and_resolve(bot, driver, BEN, SAM, "participant_misuse", activity="audio-base",
                                     description="Zebedee-six-years was posted", participant="Jessamy")
    safety = await _file_and_resolve(bot, driver, DAN, SAFE, "online_safety", description="Quokka-twenty-five-years")
    notes_before = {n.report_id: n.text_enc for n in await _rows(bot, ReportNote)}
    assert misuse.id in notes_before and safety.id in notes_before
    assert misuse.details_enc.encode() in _raw_file(bot)

    # A day short of six years: nothing of either report goes.
    bot.clock.advance(6 * YEAR)
    await bot.tick()
    assert [r.details_enc for r in await _rows(bot, Report)] == [misuse.details_enc, safety.details_enc]

    bot.clock.advance(3 * DAY)
    await bot.tick()
    audit_before = await _audit_actions(bot)

    erased, kept = await _rows(bot, Report)
    assert (erased.details_enc, erased.team_member_enc, erased.reporter_id) == ("", None, "")
    assert [n.report_id for n in await _rows(bot, ReportNote)] == [safety.id]
    # The skeleton: reference, kind, status, dates and handler stay for the statistics.
    assert (erased.reference, erased.kind, erased.status, erased.created_at, erased.resolved_at, erased.resolved_by) == (
        misuse.reference, misuse.kind, "resolved", misuse.created_at, misuse.resolved_at, misuse.resolved_by)
    # The other report, with its longer period, is untouched.
    assert (kept.details_enc, kept.reporter_id, kept.team_member_enc) == (safety.details_enc, DAN, safety.team_member_enc)
    raw = _raw_file(bot)
    assert misuse.details_enc.encode() not in raw and notes_before[misuse.id].encode() not in raw
    assert safety.details_enc.encode() in raw and notes_before[safety.id].encode() in raw

    # Run again (a later round, another process): nothing more is erased, nothing more recorded.
    bot.clock.advance(2 * timedelta(hours=1))
    await bot.tick()
    assert [a for a in await _audit_actions(bot) if a[1] == "retention.erased"] == [
        a for a in audit_before if a[1] == "retention.erased"]

    # Twenty-five years after it was resolved, the safeguarding concern goes too; the audit trail stays.
    bot.clock.advance(19 * YEAR + 10 * DAY)
    await bot.tick()
    reports = await _rows(bot, Report)
    assert [r.details_enc for r in reports] == ["", ""]
    assert await _rows(bot, ReportNote) == []
    assert safety.details_enc.encode() not in _raw_file(bot)
    async with bot.services.db.unit_of_work() as session:
        by_kind = dict((await session.execute(select(Report.kind, func.count()).group_by(Report.kind))).all())
    assert by_kind == {"participant_misuse": 1, "online_safety": 1}
    audit_after = await _audit_actions(bot)
    assert audit_after[:len(audit_before)] == audit_before


async def test_dbs_numbers_go_after_six_months_and_moderation_records_after_a_year(sqlite_bot: RunningBot) -> None:
    bot = sqlite_bot
    services = bot.services
    now = services.now()
    number = services.cipher.encrypt("001234567890")
    case_text = services.cipher.encrypt("Kiwi-moderated-post")
    notice_text = services.cipher.encrypt("Wombat-guarded-post")
    async with services.db.unit_of_work() as session:
        session.add(DbsCheck(person_key=DAN, check_type="enhanced", certificate_date=now.date(), certificate_number_enc=number,
                             update_service=False, next_review=(now + 3 * YEAR).date(), recorded_by=SAFE, recorded_at=now))
        session.add(ModerationCase(created_at=now, channel_id="C0MODERAT1", message_ts="1.1", user_id=BEN,
                                   findings=[{"rule": "profanity", "reason": "x"}], text_enc=case_text))
        session.add(GuardedNotice(created_at=now, channel_id="C0GUARDED1", message_ts="2.2", user_id=BEN,
                                  kinds=["phone"], redacted_enc=notice_text))
    await bot.tick()

    bot.clock.advance(183 * DAY)
    await bot.tick()
    [check] = await _rows(bot, DbsCheck)
    assert check.certificate_number_enc == "" and check.check_type == "enhanced" and check.next_review == (now + 3 * YEAR).date()
    assert len(await _rows(bot, ModerationCase)) == 1 and len(await _rows(bot, GuardedNotice)) == 1
    raw = _raw_file(bot)
    assert number.encode() not in raw and case_text.encode() in raw

    bot.clock.advance(183 * DAY)
    await bot.tick()
    assert await _rows(bot, ModerationCase) == [] and await _rows(bot, GuardedNotice) == []
    # The bot's copies of messages it sent over a year ago go too; newer ones stay.
    messages = await _rows(bot, OutboxMessage)
    assert messages and min(m.created_at for m in messages) >= services.now() - YEAR
    raw = _raw_file(bot)
    assert case_text.encode() not in raw and notice_text.encode() not in raw

    window = Window(services.now() - timedelta(days=7), services.now() + timedelta(minutes=1))
    text = digest_text((await build_digest(services, window)).as_params(services))
    assert "Records erased under the retention rules (1 × moderation cases, 1 × guarded-channel notices, " in text


async def test_an_erasure_at_the_digests_own_moment_counts_in_that_week_and_not_the_next(sqlite_bot: RunningBot) -> None:
    bot = sqlite_bot
    services = bot.services
    async with services.db.unit_of_work() as session:
        session.add(ModerationCase(created_at=services.now(), channel_id="C0MODERAT1", message_ts="1.1", user_id=BEN,
                                   findings=[{"rule": "profanity", "reason": "x"}], text_enc=services.cipher.encrypt("x")))
    bot.clock.advance(366 * DAY)
    await bot.tick()  # the erasure, at the very moment a digest is due (a catch-up run)
    assert await _rows(bot, ModerationCase) == []
    now = services.now()

    # As every other figure: a week holds the moments after its start up to and including its end.
    this_week = digest_text((await build_digest(services, Window(now - 7 * DAY, now))).as_params(services))
    next_week = digest_text((await build_digest(services, Window(now, now + 7 * DAY))).as_params(services))
    assert "Records erased under the retention rules (1 × moderation cases" in this_week
    assert "Records erased under the retention rules" not in next_week


async def test_the_erasure_is_recorded_under_the_organisations_date(sqlite_bot: RunningBot) -> None:
    bot = sqlite_bot
    services = bot.services
    async with services.db.unit_of_work() as session:
        session.add(ModerationCase(created_at=services.now(), channel_id="C0MODERAT1", message_ts="1.1", user_id=BEN,
                                   findings=[{"rule": "profanity", "reason": "x"}], text_enc=services.cipher.encrypt("x")))
    bot.clock.set(datetime(2028, 7, 1, 23, 30, tzinfo=UTC))  # half past midnight on 2 July in London (BST)
    await bot.tick()

    [erased] = [e for e in await _rows(bot, AuditEntry) if e.action == "retention.erased"]
    assert erased.subject_id == "2028-07-02"


async def test_the_organisation_file_can_change_a_period(bot: RunningBot, tmp_path: Path) -> None:
    edited = tmp_path / "org.yml"
    edited.write_text(EXAMPLE_ORG.read_text() + "\nsettings:\n  retention:\n    report_years:\n      participant_misuse: 2\n")
    bot.services.org_path = edited
    driver = ReportDriver(bot)
    await _file_and_resolve(bot, driver, BEN, SAM, "participant_misuse", activity="audio-base", description="Zebedee")

    bot.clock.advance(2 * YEAR + 2 * DAY)
    await bot.tick()
    [report] = await _rows(bot, Report)
    assert report.details_enc == ""


@pytest.mark.parametrize(("setting", "complaint"), [
    ("report_years:\n      no_such_kind: 3", "settings.retention.report_years"),
    ("dbs_certificate_number_months: 0", "settings.retention.dbs_certificate_number_months"),
])
def test_a_wrong_retention_setting_is_named_in_the_file(setting: str, complaint: str) -> None:
    with pytest.raises(OrgFileError) as caught:
        parse_org_text(EXAMPLE_ORG.read_text() + f"\nsettings:\n  retention:\n    {setting}\n")
    assert complaint in str(caught.value)


async def test_a_message_replaced_before_it_went_out_keeps_nothing_and_goes_after_the_same_year(sqlite_bot: RunningBot) -> None:
    bot = sqlite_bot
    services = bot.services
    async with services.db.unit_of_work() as session:
        for word in ("Kiwi-first-version", "Kiwi-second-version"):
            await hold_message(session, services.cipher, now=services.now(), to=ToPerson(DAN),
                               template="accounts.nudge", params={"name": word})
    [replaced, held] = await _rows(bot, OutboxMessage)
    assert (replaced.state, services.cipher.decrypt_json(replaced.params_enc)) == ("superseded", {})
    assert (held.state, services.cipher.decrypt_json(held.params_enc)) == ("held", {"name": "Kiwi-second-version"})

    bot.clock.advance(YEAR + DAY)
    await bot.tick()
    # The replaced one is done with and goes; the one still waiting for Dan stays.
    kept = {m.id for m in await _rows(bot, OutboxMessage)}
    assert replaced.id not in kept and held.id in kept
