"""`tmw-bot run` serves whichever platform is set up: Teams alone (no Slack settings at all), or Slack and
Teams side by side on one port. Run as a person would, as a process, with Teams' stand-in on loopback."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from bot.standin import FakeSlack, SlackRequestSender
from bot.standin.server import APP_ID as SLACK_APP_ID
from bot.standin.server import TEAM_ID
from bot.standin.teams import FakeTeams, TeamsActivitySender
from tests.certificate_support import make_certificate
from tests.cli_support import run_tmw_bot, serving, sqlite_env
from tests.harness import BOT_TOKEN, EXAMPLE_ORG, SIGNING_SECRET
from tests.teams_support import APP_ID, PASSWORD

PRIYA_OBJECT_ID = "6a1f0c2e-1111-4a5b-9c8d-7e6f5a4b3c2d"


@pytest.fixture
async def fake_teams() -> AsyncIterator[FakeTeams]:
    teams = await FakeTeams(APP_ID, PASSWORD).start()
    try:
        yield teams
    finally:
        await teams.stop()


def _org_with_priya_on_teams(tmp_path: Path) -> Path:
    org = tmp_path / "org.yml"
    org.write_text(EXAMPLE_ORG.read_text().replace(
        "  - slack_id: U0SAFE0001\n",
        f"  - slack_id: U0SAFE0001\n    teams: {{object_id: {PRIYA_OBJECT_ID}, upn: priya@themusicworks.org.uk}}\n",
    ))
    return org


def _teams_settings(teams: FakeTeams) -> dict[str, str]:
    return {"TEAMS_APP_ID": APP_ID, "TEAMS_APP_PASSWORD": PASSWORD, "TEAMS_TOKEN_URL": teams.token_url,
            "TEAMS_OPENID_METADATA_URL": teams.openid_url}


async def _status_of_post(url: str) -> int:
    async with aiohttp.ClientSession() as session, session.post(url, data=b"{}") as response:
        return response.status


async def test_a_charity_on_teams_alone_runs_the_bot_with_no_slack_settings(tmp_path: Path,
                                                                             fake_teams: FakeTeams) -> None:
    env = sqlite_env(tmp_path, TMW_ORG_CONFIG=str(_org_with_priya_on_teams(tmp_path)), **_teams_settings(fake_teams))
    assert not any(name.startswith("SLACK_") for name in env)
    fake_teams.install_for(PRIYA_OBJECT_ID)

    async with serving(env, tmp_path) as served:
        base = f"http://127.0.0.1:{served.port}"
        assert f"{base}/api/messages" in served.first_line and "/slack/events" not in served.first_line
        priya = TeamsActivitySender(fake_teams, f"{base}/api/messages")
        answered = await priya.send(priya.personal_message(PRIYA_OBJECT_ID, "help"))
        await fake_teams.wait_until(lambda: fake_teams.sent_to(PRIYA_OBJECT_ID), timeout=30, what="Priya's help")
        forged = await priya.send(priya.personal_message(PRIYA_OBJECT_ID, "help"), token=None)
        slack_status = await _status_of_post(f"{base}/slack/events")

    assert answered.status == 200
    [reply] = fake_teams.sent_to(PRIYA_OBJECT_ID)
    assert "Hello Priya" in str(reply.cards[0])
    assert forged.status == 401
    assert slack_status == 404  # Slack is not served at all
    assert served.returncode == 0
    assert PASSWORD not in served.err


async def test_a_bot_that_signs_in_with_a_certificate_answers_in_teams(tmp_path: Path) -> None:
    certificate = make_certificate()
    teams = await FakeTeams(APP_ID, None, certificate=certificate.certificate).start()
    env = sqlite_env(tmp_path, TMW_ORG_CONFIG=str(_org_with_priya_on_teams(tmp_path)), TEAMS_APP_ID=APP_ID,
                     TEAMS_APP_CERTIFICATE=str(certificate.write(tmp_path / "tmw-bot.pem")),
                     TEAMS_TOKEN_URL=teams.token_url, TEAMS_OPENID_METADATA_URL=teams.openid_url)
    teams.install_for(PRIYA_OBJECT_ID)
    try:
        async with serving(env, tmp_path) as served:
            priya = TeamsActivitySender(teams, f"http://127.0.0.1:{served.port}/api/messages")
            await priya.send(priya.personal_message(PRIYA_OBJECT_ID, "help"))
            await teams.wait_until(lambda: teams.sent_to(PRIYA_OBJECT_ID), timeout=30, what="Priya's help")
    finally:
        await teams.stop()

    assert "Hello Priya" in str(teams.sent_to(PRIYA_OBJECT_ID)[0].cards[0])
    [(header, claims)] = teams.client_assertions  # signed in with the certificate, once
    assert "x5t#S256" in header and claims["aud"] == teams.token_url
    assert "PRIVATE KEY" not in served.err and served.returncode == 0


async def test_slack_and_teams_are_served_side_by_side_on_one_port(tmp_path: Path, fake_slack: FakeSlack,
                                                                   fake_teams: FakeTeams) -> None:
    env = sqlite_env(tmp_path, TMW_ORG_CONFIG=str(_org_with_priya_on_teams(tmp_path)), SLACK_BOT_TOKEN=BOT_TOKEN,
                     SLACK_SIGNING_SECRET=SIGNING_SECRET, SLACK_API_URL=fake_slack.api_url,
                     **_teams_settings(fake_teams))
    fake_teams.install_for(PRIYA_OBJECT_ID)

    async with serving(env, tmp_path) as served:
        base = f"http://127.0.0.1:{served.port}"
        assert f"{base}/slack/events" in served.first_line and f"{base}/api/messages" in served.first_line
        slack = SlackRequestSender(f"{base}/slack/events", SIGNING_SECRET, fake_slack)
        in_slack = await slack.slash_command("/tmw", "help", "U0LEADER01")
        priya = TeamsActivitySender(fake_teams, f"{base}/api/messages")
        await priya.send(priya.personal_message(PRIYA_OBJECT_ID, "help"))
        await fake_teams.wait_until(lambda: fake_teams.sent_to(PRIYA_OBJECT_ID), timeout=30, what="Priya's help")

    assert "Hello Dan!" in in_slack.json()["text"]
    assert "Hello Priya" in str(fake_teams.sent_to(PRIYA_OBJECT_ID)[0].cards[0])
    assert served.returncode == 0


@pytest.mark.parametrize(
    ("settings", "named"),
    [
        ({}, "Neither Slack nor Teams is set up, so there is nothing to serve"),
        ({"TEAMS_APP_ID": APP_ID}, "TEAMS_APP_PASSWORD or TEAMS_APP_CERTIFICATE is not set: the bot needs one"),
        ({"TEAMS_APP_ID": APP_ID, "TEAMS_APP_PASSWORD": PASSWORD, "TEAMS_APP_CERTIFICATE": "tmw-bot.pem"},
         "TEAMS_APP_PASSWORD and TEAMS_APP_CERTIFICATE are both set"),
        ({"TEAMS_APP_ID": APP_ID, "TEAMS_APP_CERTIFICATE": "no-such.pem"},
         "TEAMS_APP_CERTIFICATE is not right (no-such.pem cannot be read: No such file or directory): give the path"),
        ({"TEAMS_APP_ID": "my-bot", "TEAMS_APP_PASSWORD": PASSWORD}, "TEAMS_APP_ID is not right (it is not a GUID"),
    ],
)
async def test_run_with_nothing_or_half_of_teams_set_up_says_what_to_set(tmp_path: Path, settings: dict[str, str],
                                                                         named: str) -> None:
    code, _, err = await run_tmw_bot("run", env=sqlite_env(tmp_path, **settings), cwd=tmp_path)

    assert code == 1
    assert named in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


async def test_slack_over_socket_mode_and_teams_over_http_are_served_together(tmp_path: Path, fake_slack: FakeSlack,
                                                                               fake_teams: FakeTeams) -> None:
    env = sqlite_env(tmp_path, TMW_ORG_CONFIG=str(_org_with_priya_on_teams(tmp_path)), SLACK_BOT_TOKEN=BOT_TOKEN,
                     SLACK_APP_TOKEN="xapp-1-test-app-token", SLACK_API_URL=fake_slack.api_url,
                     **_teams_settings(fake_teams))
    fake_teams.install_for(PRIYA_OBJECT_ID)

    async with serving(env, tmp_path) as served:
        base = f"http://127.0.0.1:{served.port}"
        # Slack needs no endpoint here: the HTTP server is Teams' alone.
        assert f"{base}/api/messages" in served.first_line and "/slack/events" not in served.first_line
        await asyncio.wait_for(fake_slack.socket_connected.wait(), 30)
        in_slack = await fake_slack.send_envelope("slash_commands", {
            "token": "legacy", "team_id": TEAM_ID, "channel_id": "C0GENERAL1", "user_id": "U0LEADER01",
            "user_name": "dan", "command": "/tmw", "text": "help", "api_app_id": SLACK_APP_ID,
            "response_url": "http://127.0.0.1:9/r", "trigger_id": "1.2.U0LEADER01"})
        priya = TeamsActivitySender(fake_teams, f"{base}/api/messages")
        await priya.send(priya.personal_message(PRIYA_OBJECT_ID, "help"))
        await fake_teams.wait_until(lambda: fake_teams.sent_to(PRIYA_OBJECT_ID), timeout=30, what="Priya's help")

    assert "Hello Dan!" in in_slack["payload"]["text"]
    assert "Hello Priya" in str(fake_teams.sent_to(PRIYA_OBJECT_ID)[0].cards[0])
    assert served.returncode == 0
