"""The weekly digest (policy 2 and 5.1): counts and roles, with last week's figure, once a week."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import text

from tests.harness import RunningBot
from tests.report_driver import ANITA, BEN, DAN, MAYA, RACHEL, ReportDriver

DIGEST = "C0DIGEST01"
MONDAY_9AM = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)  # GMT, so 9am in London too


def _digests(bot: RunningBot) -> list[str]:
    return [m.text + json.dumps(m.blocks, ensure_ascii=False) for m in bot.fake.messages_in(DIGEST)]


async def test_the_digest_is_posted_on_monday_morning_with_counts_and_no_details(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    await driver.file(DAN, "online_safety", description="Zebedee-unique words about Jess", participant="Jess")
    await driver.file(BEN, "participant_misuse", activity="audio-base")
    await bot.tick()  # schedules the coming digest

    bot.clock.set(MONDAY_9AM - timedelta(minutes=1))
    await bot.tick()
    assert _digests(bot) == []

    bot.clock.set(MONDAY_9AM)
    await bot.tick()

    posted = _digests(bot)
    assert len(posted) == 1
    assert "Reports opened: *2*" in posted[0]
    assert "concern about a participant's safety online" in posted[0]
    for private in ("Zebedee", "Jess", "Dan Hughes", "Ben Carter"):
        assert private not in posted[0]


async def test_each_figure_shows_the_change_from_last_week(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    bot.clock.set(MONDAY_9AM - timedelta(days=9))  # Saturday 21st: the week before
    await driver.file(DAN, "computer_fault", activity="audio-base")
    bot.clock.set(MONDAY_9AM - timedelta(days=2))
    await driver.file(DAN, "computer_fault", activity="beat-it")
    await driver.file(BEN, "computer_fault", activity="beat-it")

    bot.clock.set(MONDAY_9AM)
    await bot.tick()
    await bot.tick()

    latest = _digests(bot)[-1]
    assert "Monday 23 November to Monday 30 November" in latest
    assert "Reports opened: *2* (+1 on last week)" in latest


async def test_a_missed_week_is_posted_once_when_the_bot_is_back_marked_late(bot: RunningBot) -> None:
    await bot.tick()  # the bot was running on Tuesday and scheduled Monday's digest
    bot.clock.set(MONDAY_9AM + timedelta(days=1, hours=3))  # down all Monday; back on Tuesday

    await bot.tick()
    await bot.tick()

    posted = _digests(bot)
    assert len(posted) == 1 and "posted late" in posted[0]

    bot.clock.set(MONDAY_9AM + timedelta(days=7))
    await bot.tick()
    posted = _digests(bot)
    assert len(posted) == 2 and "posted late" not in posted[1]


async def test_a_section_that_fails_does_not_stop_the_digest(bot: RunningBot) -> None:
    async with bot.services.db.unit_of_work() as session:
        await session.execute(text("DROP TABLE check_finding"))
    await bot.tick()
    bot.clock.set(MONDAY_9AM)

    await bot.tick()

    posted = _digests(bot)
    assert len(posted) == 1
    assert "could not be put together this week" in posted[0]
    assert "Reports opened" in posted[0] and "Posts flagged" in posted[0]


async def test_a_digest_channel_the_bot_is_not_in_gets_the_admins_to_invite_it(bot: RunningBot) -> None:
    bot.fake.bot_not_in.add(DIGEST)
    await bot.tick()
    bot.clock.set(MONDAY_9AM)

    await bot.tick()
    await bot.tick()

    for admin in (ANITA, RACHEL):
        assert any("/invite @tmw-bot" in m.text for m in bot.fake.messages_in(admin))


async def test_the_ceo_can_ask_for_the_digest_and_others_cannot(bot: RunningBot) -> None:
    await ReportDriver(bot).file(DAN, "data_breach")

    ceo = (await bot.slack.slash_command("/tmw", "digest", ANITA)).json()
    freelancer = (await bot.slack.slash_command("/tmw", "digest", DAN)).json()

    assert ceo["response_type"] == "ephemeral"
    assert "72 hours left to tell the ICO" in json.dumps(ceo["blocks"])
    assert "for the CEO and the admins" in freelancer["text"]


def test_digest_print_shows_the_same_digest_in_the_terminal(tmp_path: Path) -> None:
    import os

    from bot.crypto import generate_key
    from tests.harness import EXAMPLE_ORG

    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TMW_", "DATABASE_URL"))}
    env |= {"DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'd.db'}", "TMW_ORG_CONFIG": str(EXAMPLE_ORG),
            "TMW_DATA_KEY": generate_key()}
    result = subprocess.run([str(Path(sys.executable).with_name("tmw-bot")), "digest", "--print"], env=env, cwd=tmp_path,
                            capture_output=True, text=True, timeout=60)

    assert result.returncode == 0, result.stderr
    assert "Weekly digest for The Music Works" in result.stdout
    assert "Reports opened: 0" in result.stdout


async def test_the_digest_counts_accounts_being_changed_and_open_leaver_checklists(bot: RunningBot) -> None:
    await bot.slack.slash_command("/accounts", "exposed Instagram", MAYA)  # she uses it, so it starts at once
    for _ in range(100):  # the flag is handled after Slack's acknowledgement
        await bot.tick()
        if any("Instagram" in m.text for m in bot.fake.messages_in(ANITA)):
            break

    digest = json.dumps((await bot.slack.slash_command("/tmw", "digest", ANITA)).json()["blocks"])

    assert "Accounts overdue for a password change: *1*" in digest
    assert "being changed after a suspected exposure" in digest
    assert "Leaver checklists still open: *0*" in digest


async def test_an_escalation_made_by_the_catch_up_run_is_counted_in_the_digest_it_posts(bot: RunningBot) -> None:
    await bot.tick()  # the bot was running last week and scheduled Monday's digest
    bot.clock.set(MONDAY_9AM - timedelta(minutes=90))
    await ReportDriver(bot).file(DAN, "data_breach")  # to be acknowledged within the hour; nobody does
    bot.clock.set(MONDAY_9AM)  # the bot was down; `tmw-bot tick --now` at the digest's own moment

    await bot.tick()

    posted = _digests(bot)
    assert len(posted) == 1
    assert "Reports passed on because nobody acknowledged them in time: *1*" in posted[0]
    assert "not acknowledged by their deadline" not in posted[0]  # it was passed on, with a new deadline

    bot.clock.set(MONDAY_9AM + timedelta(days=7))
    await bot.tick()
    posted = _digests(bot)
    assert len(posted) == 2
    assert "Reports passed on because nobody acknowledged them in time: *0* (−1 on last week)" in posted[1]


async def test_an_escalation_due_at_the_digest_moment_is_counted_in_that_digest(bot: RunningBot) -> None:
    await bot.tick()  # Monday's digest is scheduled before the report's escalation
    bot.clock.set(MONDAY_9AM - timedelta(hours=1))
    await ReportDriver(bot).file(DAN, "data_breach")  # to be acknowledged by 9am, the digest's moment
    bot.clock.set(MONDAY_9AM)

    await bot.tick()

    assert "Reports passed on because nobody acknowledged them in time: *1*" in _digests(bot)[0]


async def test_a_report_filed_at_the_boundary_is_counted_in_one_week_and_the_figures_add_up(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    await bot.tick()
    bot.clock.set(MONDAY_9AM - timedelta(days=7))  # the moment of last week's digest
    await driver.file(DAN, "computer_fault", activity="audio-base")
    bot.clock.set(MONDAY_9AM)  # the moment of this week's
    await driver.file(BEN, "computer_fault", activity="beat-it")

    await bot.tick()

    posted = _digests(bot)[0]
    assert "Reports opened: *1* (same as last week)" in posted  # each in the week whose digest it was filed for
    # Still open now = still open a week ago + opened this week − resolved this week.
    assert "Reports resolved: *0*" in posted
    assert "Reports still open: *2* (+1 on last week)" in posted
