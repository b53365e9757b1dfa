"""Socket Mode carries on through what real connections do: disconnect requests, drops and stalls."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.clock import ManualClock
from bot.runtime import prepare
from bot.slack.app import create_app
from bot.slack.socket_mode import SocketModeSupervisor
from bot.standin import FakeSlack
from bot.standin.server import APP_ID, TEAM_ID
from tests.cli_support import TMW_BOT, free_port, sqlite_env
from tests.harness import BOT_TOKEN, START, make_settings

DAN = "U0LEADER01"


def _slash(text: str = "help") -> dict[str, object]:
    return {"token": "legacy", "team_id": TEAM_ID, "channel_id": "C0GENERAL1", "user_id": DAN, "user_name": "dan",
            "command": "/tmw", "text": text, "api_app_id": APP_ID, "response_url": "http://127.0.0.1:9/r",
            "trigger_id": f"1.2.{DAN}"}


@pytest.fixture
async def supervisor(tmp_path, fake_slack: FakeSlack) -> AsyncIterator[SocketModeSupervisor]:
    settings = make_settings(
        f"sqlite+aiosqlite:///{tmp_path / 'socket.db'}", fake_slack.api_url,
        SLACK_APP_TOKEN="xapp-1-test-app-token", SLACK_SIGNING_SECRET="",
    )
    services = await prepare(settings, ManualClock(START))
    supervisor = SocketModeSupervisor(
        create_app(services), settings.secret("SLACK_APP_TOKEN"), check_every=0.1, down_for=0.3, ping_interval=0.3
    )
    task = asyncio.create_task(supervisor.run())
    yield supervisor
    supervisor.stop()
    await asyncio.wait_for(task, 10)
    await services.db.dispose()


async def _answers_help(fake: FakeSlack) -> None:
    ack = await fake.send_envelope("slash_commands", _slash())
    assert "Hello Dan!" in ack["payload"]["text"]
    assert ack["payload"]["response_type"] == "ephemeral"


async def test_slash_command_over_socket_mode_is_answered_in_the_ack(fake_slack: FakeSlack, supervisor: SocketModeSupervisor) -> None:
    await _answers_help(fake_slack)
    assert fake_slack.calls_to("apps.connections.open")[0].token == "xapp-1-test-app-token"


async def test_reconnects_when_slack_asks_it_to(fake_slack: FakeSlack, supervisor: SocketModeSupervisor) -> None:
    await fake_slack.wait_for_socket()
    await fake_slack.send_disconnect("refresh_requested")

    await fake_slack.wait_until(lambda: fake_slack.connections_opened >= 2, timeout=10, what="a new connection")
    await _answers_help(fake_slack)


async def test_reconnects_after_the_connection_drops(fake_slack: FakeSlack, supervisor: SocketModeSupervisor) -> None:
    await fake_slack.wait_for_socket()
    await fake_slack.drop_sockets()

    await fake_slack.wait_until(lambda: fake_slack.connections_opened >= 2, timeout=10, what="a new connection")
    await _answers_help(fake_slack)


async def test_reconnects_when_the_connection_stalls(fake_slack: FakeSlack, supervisor: SocketModeSupervisor) -> None:
    await fake_slack.wait_for_socket()
    fake_slack.stalled = True  # pings go unanswered, as on a half-dead connection

    await fake_slack.wait_until(lambda: fake_slack.connections_opened >= 2, timeout=15, what="a new connection")
    fake_slack.stalled = False
    await _answers_help(fake_slack)


async def test_run_stops_on_sigterm_while_slack_is_unreachable(tmp_path: Path) -> None:
    unreachable = f"http://127.0.0.1:{free_port()}/api/"  # nothing listens there
    env = sqlite_env(tmp_path, SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_APP_TOKEN="xapp-1-test-app-token", SLACK_API_URL=unreachable)
    process = await asyncio.create_subprocess_exec(
        TMW_BOT, "run", env=env, cwd=tmp_path, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
    )
    said: list[str] = []
    try:
        assert process.stderr is not None
        while not any("Socket Mode" in line for line in said):
            line = (await asyncio.wait_for(process.stderr.readline(), 60)).decode()
            assert line, "".join(said)
            said.append(line)
        process.send_signal(signal.SIGTERM)
        rest = await asyncio.wait_for(process.stderr.read(), 10)  # ends when the process has gone
        said.append(rest.decode())
        assert await asyncio.wait_for(process.wait(), 10) == 0
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    assert not any("connected to Slack" in line for line in said)
