"""A password that may have been revealed (policy 2) is changed at once: the owner and the admins are
told now, the owner is reminded every hour (at any hour) until it is done, and the report it came
from is updated."""

from __future__ import annotations

import copy
import json
from datetime import timedelta

from sqlalchemy import select

from storage.models import Report
from tests.accounts_support import ANITA, BEN, RACHEL, SAM, TOM, account, button, command, nudges, press, text_values
from tests.harness import START, RunningBot
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


async def test_a_change_dated_before_the_exposure_does_not_count(bot: RunningBot) -> None:
    await command(bot, "/accounts", "exposed Dropbox", SAM)
    await press(bot, RACHEL, "accounts.changed_on", nudges(bot, RACHEL, "Dropbox")[-1])
    view = bot.fake.view_for(RACHEL)
    assert view is not None

    response = await bot.slack.view_submission(RACHEL, view, text_values(when="last week"))

    assert "still needs changing" in response.json()["errors"]["when"]


async def test_a_password_report_starts_the_rotation_and_is_updated_when_it_is_changed(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    await driver.file(SAM, "password_exposure", description="I left the login on a post-it in the studio.", account="insta")
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
