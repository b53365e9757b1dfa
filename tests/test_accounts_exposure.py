"""A password that may have been revealed (policy 2) is changed at once: the owner and the admins are
told now, the owner is reminded every hour (at any hour) until it is done, and the report it came
from is updated."""

from __future__ import annotations

import asyncio
import copy
import json
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.clock import ManualClock
from bot.standin import FakeSlack
from storage.models import Report
from tests.accounts_support import (
    ANITA,
    BEN,
    DAN,
    MAYA,
    RACHEL,
    SAFE,
    SAM,
    TOM,
    account,
    audits,
    button,
    command,
    nudges,
    press,
    text_values,
)
from tests.harness import EXAMPLE_ORG, START, RunningBot, make_settings, start_bot
from tests.report_driver import ReportDriver


async def test_flagging_an_account_tells_the_owner_and_admins_at_once_and_repeats_hourly_until_changed(bot: RunningBot) -> None:
    reply = await command(bot, "/accounts", "exposed dropbox", SAM)
    assert "Rachel Green (who owns Dropbox) and the admins have been told" in reply

    urgent = nudges(bot, RACHEL, "Dropbox")
    assert len(urgent) == 1 and "Urgent" in json.dumps(urgent[0].blocks)
    assert button(urgent[0], "accounts.snooze") is None  # it can't wait
    alert = nudges(bot, ANITA, "Dropbox")
    assert len(alert) == 1 and "Sam Okafor says" in alert[0].text

    bot.clock.set(START + timedelta(minutes=30))
    await bot.tick()
    assert len(nudges(bot, RACHEL, "Dropbox")) == 1
    bot.clock.set(START.replace(hour=23) + timedelta(hours=4))  # 3 a.m.: urgent, so it goes anyway
    await bot.tick()
    assert len(nudges(bot, RACHEL, "Dropbox")) == 2

    await press(bot, RACHEL, "accounts.changed_now", copy.deepcopy(nudges(bot, RACHEL, "Dropbox")[-1]))
    bot.clock.advance(timedelta(hours=5))
    await bot.tick()
    assert len(nudges(bot, RACHEL, "Dropbox")) == 2
    assert "Changed on" in json.dumps(nudges(bot, ANITA, "Dropbox")[0].blocks)  # the admins' alert, updated in place
    assert (await account(bot, "Dropbox")).exposed_at is None


async def test_flagging_it_twice_starts_one_rotation(bot: RunningBot) -> None:
    await command(bot, "/accounts", "exposed Dropbox", SAM)
    again = await command(bot, "/accounts", "exposed the dropbox account", TOM)

    assert "already being changed" in again
    assert len(nudges(bot, RACHEL, "Dropbox")) == 1


async def test_a_password_typed_after_the_name_is_refused_and_never_echoed_or_logged(
        bot: RunningBot, caplog: pytest.LogCaptureFixture) -> None:
    flagged = await command(bot, "/accounts", "exposed Dropbox Xk9!pq2wZ", SAM)
    edited = await command(bot, "/accounts", "edit Xk9!pq2wZ", ANITA)  # an admin, pasting into the wrong place

    for reply in (flagged, edited):
        assert "looks like a password" in reply and "Xk9!pq2wZ" not in reply
    assert "Xk9!pq2wZ" not in caplog.text
    assert await audits(bot, "account.exposed") == 0 and (await account(bot, "Dropbox")).exposed_at is None
    assert nudges(bot, RACHEL, "Dropbox") == []


async def test_a_change_dated_before_the_exposure_does_not_count(bot: RunningBot) -> None:
    await command(bot, "/accounts", "exposed Dropbox", SAM)
    await press(bot, RACHEL, "accounts.changed_on", nudges(bot, RACHEL, "Dropbox")[-1])
    view = bot.fake.view_for(RACHEL)
    assert view is not None

    response = await bot.slack.view_submission(RACHEL, view, text_values(when="last week"))

    assert "still needs changing" in response.json()["errors"]["when"]


async def test_a_password_report_starts_the_rotation_and_is_updated_when_it_is_changed(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    await driver.file(MAYA, "password_exposure", description="I left the login on a post-it in the studio.", account="insta")
    await bot.tick()

    urgent = nudges(bot, TOM, "Instagram")
    assert len(urgent) == 1 and "may have been revealed" in urgent[0].text
    assert ":key: The account's password must be changed" in json.dumps(driver.report_message(ANITA).blocks)

    done = await command(bot, "/rotated", "Instagram", TOM)

    assert "change recorded" in done
    assert ":key:" not in json.dumps(driver.report_message(ANITA).blocks)
    async with bot.services.db.unit_of_work() as session:
        report = await session.scalar(select(Report))
        assert report is not None
        assert [(t.kind, t.state, t.done_by) for t in report.tasks] == [("rotate_password", "done", TOM)]


async def test_a_flag_from_someone_outside_the_account_goes_to_the_admins_as_a_report(bot: RunningBot) -> None:
    driver = ReportDriver(bot)

    reply = await command(bot, "/accounts", "exposed Dropbox", BEN)  # a volunteer who can't log in to it
    await bot.tick()

    assert "passed it to the admins as report TMW-2026-0001" in reply
    assert "have been told to change its password now" not in reply
    for admin in (ANITA, RACHEL):
        assert driver.button(driver.report_message(admin), "report.acknowledge") is not None
    async with bot.services.db.reading() as session:
        report = await session.scalar(select(Report))
        assert report is not None and (report.kind, report.reporter_id) == ("password_exposure", BEN)


async def test_someone_not_in_the_organisation_file_is_told_how_to_raise_an_exposure(bot: RunningBot) -> None:
    reply = await command(bot, "/accounts", "exposed Dropbox", "U0STRANGER")

    assert "can't pass this on for you" in reply and "tell an admin" in reply
    assert "show the accounts" not in reply
    assert (await account(bot, "Dropbox")).exposed_at is None


async def _an_hour_and_more_later(bot: RunningBot) -> None:
    for _ in range(3):
        bot.clock.advance(timedelta(minutes=50))
        await bot.tick()


async def test_a_flag_from_someone_outside_the_account_starts_no_reminders(bot: RunningBot) -> None:
    driver = ReportDriver(bot)

    reply = await command(bot, "/accounts", "exposed Dropbox", BEN)
    await bot.tick()
    await _an_hour_and_more_later(bot)

    assert nudges(bot, RACHEL, "Dropbox") == [] and nudges(bot, ANITA, "Dropbox") == []  # owner; other admin
    assert (await account(bot, "Dropbox")).exposed_at is None
    assert "start the password change" in reply and "marked urgent" in reply
    card = driver.report_message(ANITA)
    assert "Urgent" in card.text
    assert "password change has *not* started" in json.dumps(card.blocks)
    assert driver.button(card, "report.start_password_change") is not None


async def test_a_password_report_from_someone_outside_the_account_starts_no_reminders(bot: RunningBot) -> None:
    driver = ReportDriver(bot)

    await driver.file(SAM, "password_exposure", description="I saw the login on a post-it in the studio.", account="insta")
    await bot.tick()
    await _an_hour_and_more_later(bot)

    assert nudges(bot, TOM, "Instagram") == [] and nudges(bot, ANITA, "Instagram") == []  # owner; admin
    assert (await account(bot, "Instagram")).exposed_at is None
    for admin in (ANITA, RACHEL):
        assert driver.button(driver.report_message(admin), "report.start_password_change") is not None
    told = driver.texts(SAM)
    assert "its password change hasn't started: the admins will check" in told


async def test_an_admin_starts_the_change_from_the_report_once_however_often_pressed(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    await driver.file(SAM, "password_exposure", description="I saw the login on a post-it.", account="insta")
    await bot.tick()
    card = driver.report_message(RACHEL)
    value = driver.button(card, "report.start_password_change")["value"]  # type: ignore[index]

    before = len(bot.fake.responses)
    presses = await asyncio.gather(*(bot.slack.block_action(RACHEL, "report.start_password_change", value,
                                                            message={"ts": card.ts, "text": card.text, "blocks": card.blocks},
                                                            channel_id=card.channel) for _ in range(2)))
    assert all(p.status == 200 for p in presses)
    await bot.fake.wait_until(lambda: len(bot.fake.responses) >= before + 2, what="both answers")
    await bot.tick()

    answers = [str(r.params.get("text", "")) for r in bot.fake.responses[before:]]
    assert sum("have been told to change its password now" in a for a in answers) == 1, answers
    assert sum("already" in a for a in answers) == 1, answers
    assert len(nudges(bot, TOM, "Instagram")) == 1
    assert await audits(bot, "account.exposed") == 1
    after = driver.report_message(RACHEL)
    assert driver.button(after, "report.start_password_change") is None
    assert ":key: The account's password must be changed" in json.dumps(after.blocks)
    bot.clock.advance(timedelta(minutes=61))
    await bot.tick()
    assert len(nudges(bot, TOM, "Instagram")) == 2  # hourly now, as the admin started it

    await command(bot, "/rotated", "Instagram", TOM)
    async with bot.services.db.reading() as session:
        report = await session.scalar(select(Report))
        assert report is not None and [(t.state, t.done_by) for t in report.tasks] == [("done", TOM)]


async def test_only_the_people_handling_the_report_may_start_the_change(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    await driver.file(SAM, "password_exposure", description="I saw the login on a post-it.", account="insta")
    await bot.tick()
    card = driver.report_message(RACHEL)

    for outsider in (SAM, DAN):  # the reporter, and someone not on the report
        answer = await driver.press(outsider, "report.start_password_change", card, answered=True)
        assert "not yours to handle" in answer and "nothing has been changed" in answer

    assert (await account(bot, "Instagram")).exposed_at is None
    assert nudges(bot, TOM, "Instagram") == []


async def test_an_admins_flag_or_report_starts_the_change_at_once_even_for_an_account_they_dont_use(bot: RunningBot) -> None:
    driver = ReportDriver(bot)

    reply = await command(bot, "/accounts", "exposed instagram", RACHEL)
    assert "have been told to change its password now" in reply
    await driver.file(RACHEL, "password_exposure", description="The Facebook login was on the projector.", account="fb")
    await bot.tick()

    assert len(nudges(bot, TOM, "Instagram")) == 1
    assert len(nudges(bot, RACHEL, "Facebook page")) == 1  # Rachel owns it too
    assert driver.button(driver.report_message(ANITA), "report.start_password_change") is None


async def test_a_report_naming_no_known_account_is_left_to_the_admins_as_before(bot: RunningBot) -> None:
    driver = ReportDriver(bot)

    await driver.file(BEN, "password_exposure", description="Someone saw the band's login.", account="TikTok")
    await bot.tick()

    card = driver.report_message(ANITA)
    assert ":key: The account's password must be changed at once" in json.dumps(card.blocks)
    assert driver.button(card, "report.start_password_change") is None
    assert await audits(bot, "account.exposure_unmatched") == 1


@pytest.fixture
async def safeguarding_first_bot(database_url: str, fake_slack: FakeSlack, tmp_path: Path) -> AsyncIterator[RunningBot]:
    """Password reports go first to the safeguarding lead (not an admin), then to the admins."""
    org = tmp_path / "org.yml"
    org.write_text(EXAMPLE_ORG.read_text() + "\nsettings:\n  reports:\n    kinds:\n      password_exposure:\n"
                   "        chain: [[safeguarding_lead], [admins]]\n")
    running, runner = await start_bot(make_settings(database_url, fake_slack.api_url, org=org), fake_slack, ManualClock(START))
    yield running
    await runner.cleanup()
    await running.services.db.dispose()


async def test_only_an_admin_the_report_has_reached_may_start_the_change(safeguarding_first_bot: RunningBot) -> None:
    bot = safeguarding_first_bot
    driver = ReportDriver(bot)
    await driver.file(BEN, "password_exposure", description="I saw the login on a post-it.", account="insta")
    await bot.tick()
    card = driver.report_message(SAFE)

    not_admin = await driver.press(SAFE, "report.start_password_change", card, answered=True)
    not_yet = await driver.press(RACHEL, "report.start_password_change", card, answered=True)

    assert "Only an admin" in not_admin and "Nothing has been changed" in not_admin
    assert "hasn't reached you" in not_yet
    assert (await account(bot, "Instagram")).exposed_at is None
    assert nudges(bot, TOM, "Instagram") == []


async def test_each_hourly_reminder_closes_only_the_one_before_it(bot: RunningBot) -> None:
    await command(bot, "/accounts", "exposed dropbox", SAM)
    for _ in range(6):  # six more hourly reminders while nobody changes it
        bot.clock.advance(timedelta(hours=1))
        await bot.tick()

    reminders = nudges(bot, RACHEL, "Dropbox")
    assert len(reminders) == 7
    # Each earlier reminder gave up its buttons once, when the next came: not again at every later one.
    updated = [(c.params["channel"], c.params["ts"]) for c in bot.fake.calls_to("chat.update")
               if c.params["channel"] == bot.fake.dm_channel(RACHEL)]
    assert sorted(updated) == sorted((m.channel, m.ts) for m in reminders[:-1])
    assert all(button(m, "accounts.changed_now") is None for m in reminders[:-1])
    assert button(reminders[-1], "accounts.changed_now") is not None
