"""People given keys of their own in the organisation file, on Slack: Slack names them by user id, the
core by key. What they do on Slack is recorded under their key; what is sent to them reaches their Slack
DM, with mentions and user pickers in Slack's ids."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.clock import ManualClock
from bot.directory import directory_from_org
from bot.messages import Form, Mention, PersonField
from bot.org import parse_org_text
from bot.slack.blockkit import BLOCK_KIT, submitted_values
from bot.slack.people import use_directory
from bot.standin import FakeSlack
from storage.models import AuditEntry, ReportParty
from tests.harness import EXAMPLE_ORG, START, RunningBot, make_settings, start_bot
from tests.report_driver import DAN, SAFE, ReportDriver, latest_report

# Priya (the safeguarding lead) and Dan (a leader on Audio-Base) are given keys; everywhere else the file
# names them, it names them by key.
KEYED = (
    EXAMPLE_ORG.read_text()
    .replace("U0SAFE0001", "priya")
    .replace("U0LEADER01", "dan.h")
    .replace("  - slack_id: priya\n", "  - key: priya\n    slack_id: U0SAFE0001\n")
    .replace("  - slack_id: dan.h\n", "  - key: dan.h\n    slack_id: U0LEADER01\n")
)


@pytest.fixture
async def keyed_bot(database_url: str, fake_slack: FakeSlack, tmp_path: Path) -> AsyncIterator[RunningBot]:
    org = tmp_path / "org.yml"
    org.write_text(KEYED)
    running, runner = await start_bot(make_settings(database_url, fake_slack.api_url, org=org), fake_slack,
                                      ManualClock(START))
    yield running
    await runner.cleanup()
    await running.services.db.dispose()


async def test_what_people_with_keys_do_on_slack_is_theirs_and_reaches_them_there(keyed_bot: RunningBot) -> None:
    bot = keyed_bot
    driver = ReportDriver(bot)
    # Dan, about Sam (chosen in Slack's user picker by his Slack id), files a report from Slack.
    await driver.file(DAN, "online_safety", description="Jess was messaged by a stranger.", team_member="U0PMBEAT01")
    report = await latest_report(bot)
    assert report.reporter_id == "dan.h"

    # Priya's handler card reaches her Slack DM, and her pressing Acknowledge there counts as hers.
    message = driver.report_message(SAFE)
    assert "Dan Hughes" in str(message.blocks)
    reply = await driver.press(SAFE, "report.acknowledge", message, answered=True)
    assert "acknowledged" in reply
    assert "Acknowledged by the safeguarding lead" in driver.texts(DAN)

    async with bot.services.db.reading() as session:
        handlers = (await session.scalars(select(ReportParty.person_key).where(ReportParty.part == "handler"))).all()
        acknowledged = await session.scalar(select(AuditEntry.actor).where(AuditEntry.action == "report.acknowledged"))
    assert "priya" in handlers and "U0SAFE0001" not in handlers
    assert acknowledged == "priya"
    assert (await latest_report(bot)).acknowledged_by == "priya"


def test_mentions_and_user_pickers_show_keys_as_slack_users_and_read_slack_users_back_as_keys() -> None:
    config = parse_org_text(KEYED.replace(
        "  - slack_id: U0ADMIN001\n",
        "  - key: rachel.g\n    teams: {object_id: b3c4d5e6-f7a8-4b9c-8d0e-1f2a3b4c5d6e, upn: rachel@tmw.org.uk}\n",
    ).replace("U0ADMIN001", "rachel.g"))
    picker = PersonField("access", "Who else can log in", multiple=True, initial=("dan.h", "rachel.g", "U0NOTLISTED"))

    with use_directory(directory_from_org(config)):
        text = BLOCK_KIT.mrkdwn(("For ", Mention("dan.h"), ", ", Mention("rachel.g"), " and ", Mention("U0NOTLISTED")))
        view = BLOCK_KIT.modal(Form(id="accounts.save", title="Add an account", submit="Save", fields=[picker]))
        chosen = {"state": {"values": {"access": {"access_input": {"selected_users": ["U0LEADER01", "U0NOTLISTED"]}}}}}
        read_back = submitted_values(chosen, [picker])

    # Rachel is on Teams only: named, not mentioned; someone not in the file keeps their Slack id.
    assert text == "For <@U0LEADER01>, Rachel Green and <@U0NOTLISTED>"
    assert view["blocks"][0]["element"]["initial_users"] == ["U0LEADER01", "U0NOTLISTED"]
    assert read_back == {"access": ["dan.h", "U0NOTLISTED"]}
