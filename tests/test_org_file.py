"""A broken edit of the organisation file: the bot keeps the last good version, tells the admins once
(and again when it is mended), logs it once, and starts on the last good version after a restart."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from bot import snapshot as snapshot_module
from bot.clock import ManualClock
from bot.settings import Settings
from bot.standin import FakeSlack, SlackRequestSender
from tests.accounts_support import command, mention, text_values
from tests.cli_support import run_tmw_bot, serving, sqlite_env
from tests.harness import BOT_TOKEN, EXAMPLE_ORG, SIGNING_SECRET, START, RunningBot, make_settings, start_bot

ANITA, ADMIN, BEN = "U0ANITA001", "U0ADMIN001", "U0VOLUNT01"
LUCY = "U0LEADER02"  # a freelancer on Grace's project
GOOD = EXAMPLE_ORG.read_text()
BROKEN = GOOD.replace("roles: [volunteer]", "roles: [volunter]")


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def _told(bot: RunningBot, user: str, words: str) -> list[str]:
    return [m.text for m in bot.fake.messages_in(user) if words in m.text]


@pytest.fixture
def org(tmp_path: Path) -> Path:
    path = tmp_path / "org.yml"
    path.write_text(GOOD)
    return path


@pytest.fixture
def settings(database_url: str, fake_slack: FakeSlack, org: Path) -> Settings:
    return make_settings(database_url, fake_slack.api_url, org=org)


@pytest.fixture
async def started(settings: Settings, fake_slack: FakeSlack) -> AsyncIterator[list[RunningBot]]:
    """Bots started on one database, as restarts or a second process would be; all stopped at the end."""
    running: list[tuple[RunningBot, object]] = []
    yield running  # type: ignore[misc]
    for bot, runner in running:
        await runner.cleanup()  # type: ignore[attr-defined]
        await bot.services.db.dispose()


async def _start(started: list, settings: Settings, fake: FakeSlack) -> RunningBot:
    bot, runner = await start_bot(settings, fake, ManualClock(START))
    started.append((bot, runner))
    return bot


async def test_admins_are_told_once_what_is_wrong_and_once_when_it_is_mended(
    settings: Settings, fake_slack: FakeSlack, org: Path, started: list, caplog: pytest.LogCaptureFixture
) -> None:
    bot = await _start(started, settings, fake_slack)
    org.write_text(BROKEN)
    caplog.set_level(logging.WARNING)

    for _ in range(3):
        await bot.tick()
    restarted = await _start(started, settings, fake_slack)  # a restart, or a second process
    for _ in range(2):
        await restarted.tick()

    for admin in (ANITA, ADMIN):
        told = _told(bot, admin, "cannot read the new version")
        assert len(told) == 1, told
        assert f"Line {_line_of(BROKEN, 'volunter')}, `people[8].roles[0]`: 'volunter' is not one of" in told[0]
    assert _told(bot, BEN, "organisation file") == []
    said = [r.name for r in caplog.records if "volunter" in r.getMessage()]
    assert said == ["bot.scheduler", "bot.runtime"]  # once by each process: as it found it, and as it started

    org.write_text(GOOD)
    await restarted.tick()
    await bot.tick()
    await restarted.tick()

    for admin in (ANITA, ADMIN):
        assert len(_told(bot, admin, "loads again")) == 1
        assert len(_told(bot, admin, "cannot read the new version")) == 1


async def test_run_starts_on_the_last_good_version_when_the_file_is_broken(tmp_path: Path, fake_slack: FakeSlack) -> None:
    org = tmp_path / "org.yml"
    org.write_text(GOOD)
    env = sqlite_env(tmp_path, TMW_ORG_CONFIG=str(org), SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET=SIGNING_SECRET,
               SLACK_API_URL=fake_slack.api_url)
    code, _, err = await run_tmw_bot("tick", env=env, cwd=tmp_path)
    assert code == 0, err
    org.write_text(BROKEN)

    async with serving(env, tmp_path) as served:
        assert f"http://127.0.0.1:{served.port}/slack/events" in served.first_line
        slack = SlackRequestSender(f"http://127.0.0.1:{served.port}/slack/events", SIGNING_SECRET, fake_slack)
        signed = await slack.slash_command("/tmw", "help", "U0LEADER01")
        assert "Hello Dan!" in signed.json()["text"]
        await fake_slack.wait_until(lambda: fake_slack.messages_in(ANITA), timeout=30, what="the admins told")
    err = served.err
    assert "THE ORGANISATION FILE IS BROKEN" in err
    assert f"line {_line_of(BROKEN, 'volunter')}" in err
    assert "cannot read the new version" in fake_slack.messages_in(ANITA)[0].text


async def test_run_still_refuses_a_broken_file_with_no_good_version_to_fall_back_on(tmp_path: Path) -> None:
    org = tmp_path / "org.yml"
    org.write_text(BROKEN)
    env = sqlite_env(tmp_path, TMW_ORG_CONFIG=str(org))

    code, _, err = await run_tmw_bot("tick", env=env, cwd=tmp_path)

    assert code == 1
    assert f"line {_line_of(BROKEN, 'volunter')}" in err and "Traceback" not in err


GRACE = "U0PMBEAT01"
# Refused as no project manager at all, or as not Lucy's project manager.
NOT_ALLOWED = ("only a project manager, the CEO or an admin can start", "you can't start a leaver checklist for Lucy")


async def _may_start_a_leaver(bot: RunningBot, who: str) -> bool:
    reply = await command(bot, "/leaver", mention(LUCY), who)
    assert reply == "" or any(refusal in reply for refusal in NOT_ALLOWED), reply
    return reply == ""


async def test_a_leaver_ends_authority_at_once_here_and_within_seconds_in_another_process(
    settings: Settings, fake_slack: FakeSlack, started: list
) -> None:
    here, elsewhere = await _start(started, settings, fake_slack), await _start(started, settings, fake_slack)
    assert await _may_start_a_leaver(elsewhere, GRACE)  # its view of the organisation is now cached

    assert await command(here, "/leaver", mention(GRACE), ANITA) == ""
    view = here.fake.view_for(ANITA)
    assert view is not None
    done = await here.slack.view_submission(ANITA, view, text_values(leaving_on="today"))
    assert "The leaver checklist for Grace Turner" in done.text

    assert not await _may_start_a_leaver(here, GRACE)
    elsewhere.clock.advance(snapshot_module.VERSION_CHECK_EVERY + timedelta(seconds=1))
    assert snapshot_module.VERSION_CHECK_EVERY + timedelta(seconds=1) < snapshot_module.MAX_AGE
    assert not await _may_start_a_leaver(elsewhere, GRACE)


async def test_an_organisation_file_change_counts_within_seconds_in_another_process(
    settings: Settings, fake_slack: FakeSlack, org: Path, started: list
) -> None:
    here, elsewhere = await _start(started, settings, fake_slack), await _start(started, settings, fake_slack)
    assert await _may_start_a_leaver(elsewhere, GRACE)

    org.write_text(GOOD.replace("roles: [project_manager, team_member]\n    projects: [beat-it]",
                                "roles: [team_member]\n    projects: [beat-it]"))
    assert (await here.tick()).org_reloaded

    elsewhere.clock.advance(snapshot_module.VERSION_CHECK_EVERY + timedelta(seconds=1))
    assert not await _may_start_a_leaver(elsewhere, GRACE)
