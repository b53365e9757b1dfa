"""The Bot Connector client against the Teams stand-in over real HTTP: the bot's own token, got once and
kept, and every failure sorted into what to do about it."""

from __future__ import annotations

import logging
import socket
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest

from bot.clock import ManualClock
from bot.settings import Settings
from bot.standin.teams import FakeTeams
from bot.teams.connector import BotConnector, ConnectorError, Failure

APP_ID = "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d"
PASSWORD = "s3cret-Teams-pa55word"
LEAD = "6a1f0c2e-1111-4a5b-9c8d-7e6f5a4b3c2d"
HELLO = {"type": "message", "text": "hello"}


@pytest.fixture
async def teams() -> AsyncIterator[FakeTeams]:
    fake = await FakeTeams(APP_ID, PASSWORD).start()
    yield fake
    await fake.stop()


class Waits:
    """Stands in for asyncio.sleep: notes each wait and takes none of it."""

    def __init__(self) -> None:
        self.taken: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.taken.append(seconds)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime(2026, 12, 5, 9, 0, tzinfo=UTC))


@pytest.fixture
async def connector(teams: FakeTeams, clock: ManualClock) -> AsyncIterator[BotConnector]:
    client = BotConnector(APP_ID, PASSWORD, token_url=teams.token_url, now=clock.now, sleep=Waits())
    yield client
    await client.close()


async def test_a_token_is_fetched_once_reused_and_renewed_before_it_expires(
    teams: FakeTeams, connector: BotConnector, clock: ManualClock
) -> None:
    teams.install_for(LEAD)
    chat = await connector.open_personal_chat(teams.service_url, teams.tenant_id, LEAD)
    for _ in range(3):
        await connector.send(teams.service_url, chat, HELLO, personal=True)
    assert len(teams.calls_to("token")) == 1

    clock.advance(timedelta(seconds=3599) - timedelta(minutes=4))
    await connector.send(teams.service_url, chat, HELLO, personal=True)

    assert len(teams.calls_to("token")) == 2
    assert [c.token for c in teams.calls_to("send")][-1] == teams.tokens_issued[-1]
    assert len(teams.sent_to(LEAD)) == 4


async def test_send_then_update_in_place(teams: FakeTeams, connector: BotConnector) -> None:
    teams.install_for(LEAD)
    chat = await connector.open_personal_chat(teams.service_url, teams.tenant_id, LEAD)
    sent = await connector.send(teams.service_url, chat, HELLO, personal=True)
    await connector.update(teams.service_url, chat, sent, {"type": "message", "text": "again"}, personal=True)

    [shown] = teams.sent_to(LEAD)
    assert shown.id == sent and shown.activity["text"] == "again" and shown.history[0]["text"] == "hello"


async def test_a_short_rate_limit_is_waited_out_as_teams_asks_and_sends_once(
    teams: FakeTeams, connector: BotConnector
) -> None:
    teams.install_for(LEAD)
    chat = teams.personal_chat(LEAD).id
    teams.rate_limit("send", retry_after=3)

    await connector.send(teams.service_url, chat, HELLO, personal=True)

    assert connector.sleep.taken == [3.0]  # type: ignore[attr-defined]
    assert len(teams.calls_to("send")) == 2 and len(teams.sent_to(LEAD)) == 1


async def test_a_long_or_lasting_rate_limit_is_left_to_the_outbox(teams: FakeTeams, connector: BotConnector) -> None:
    teams.install_for(LEAD)
    chat = teams.personal_chat(LEAD).id
    teams.rate_limit("send", retry_after=600)
    with pytest.raises(ConnectorError) as long_wait:
        await connector.send(teams.service_url, chat, HELLO, personal=True)
    teams.rate_limit("send", retry_after=1, times=3)
    with pytest.raises(ConnectorError) as lasting:
        await connector.send(teams.service_url, chat, HELLO, personal=True)

    assert long_wait.value.failure is Failure.RETRY and long_wait.value.retry_after == 600
    assert lasting.value.failure is Failure.RETRY and connector.sleep.taken == [1.0, 1.0]  # type: ignore[attr-defined]
    assert teams.sent_to(LEAD) == []


async def test_teams_faults_and_a_dead_network_are_worth_another_try(teams: FakeTeams, clock: ManualClock) -> None:
    teams.install_for(LEAD)
    chat = teams.personal_chat(LEAD).id
    teams.fail("send", 502)
    client = BotConnector(APP_ID, PASSWORD, token_url=teams.token_url, now=clock.now)
    with pytest.raises(ConnectorError) as unwell:
        await client.send(teams.service_url, chat, HELLO, personal=True)
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        nowhere = f"http://127.0.0.1:{unused.getsockname()[1]}/teams/"
    with pytest.raises(ConnectorError) as unreachable:
        await client.send(nowhere, chat, HELLO, personal=True)
    await client.close()

    assert unwell.value.failure is Failure.RETRY and unwell.value.status == 502
    assert unreachable.value.failure is Failure.RETRY and not unreachable.value.maybe_delivered


async def test_a_person_the_app_is_not_installed_for_is_told_apart(teams: FakeTeams, connector: BotConnector) -> None:
    with pytest.raises(ConnectorError) as opening:
        await connector.open_personal_chat(teams.service_url, teams.tenant_id, LEAD)
    chat = teams.personal_chat(LEAD).id  # a chat once installed, since uninstalled
    with pytest.raises(ConnectorError) as sending:
        await connector.send(teams.service_url, chat, HELLO, personal=True)

    assert opening.value.failure is Failure.NOT_INSTALLED and opening.value.status == 403
    assert sending.value.failure is Failure.NOT_INSTALLED


async def test_refused_credentials_stop_sending_and_the_password_is_never_logged(
    teams: FakeTeams, clock: ManualClock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    teams.install_for(LEAD)
    chat = teams.personal_chat(LEAD).id
    wrong = BotConnector(APP_ID, "wrong-password", token_url=teams.token_url, now=clock.now)
    with pytest.raises(ConnectorError) as refused:
        await wrong.send(teams.service_url, chat, HELLO, personal=True)
    await wrong.close()
    right = BotConnector(APP_ID, PASSWORD, token_url=teams.token_url, now=clock.now)
    teams.fail("send", 401, times=2)  # refused even with a fresh token
    with pytest.raises(ConnectorError) as revoked:
        await right.send(teams.service_url, chat, HELLO, personal=True)
    teams.fail("send", 401)  # refused once: a new token mends it
    await right.send(teams.service_url, chat, HELLO, personal=True)
    await right.close()

    assert refused.value.failure is Failure.CREDENTIALS and revoked.value.failure is Failure.CREDENTIALS
    assert len(teams.sent_to(LEAD)) == 1
    said = caplog.text + repr(right) + str(refused.value) + str(revoked.value)
    assert PASSWORD not in said and "wrong-password" not in said
    assert not any(token in said for token in teams.tokens_issued)


def test_the_teams_settings_keep_the_password_secret_and_name_the_token_endpoint(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TEAMS_APP_PASSWORD", PASSWORD)
    monkeypatch.setenv("TEAMS_TENANT_ID", "9f1c6a5e-0d1b-4c3e-8a7f-2b6d4e8c0a11")
    settings = Settings(_env_file=None)  # type: ignore[call-arg]

    assert PASSWORD not in repr(settings) and settings.secret("TEAMS_APP_PASSWORD") == PASSWORD
    assert settings.teams_token_endpoint == (
        "https://login.microsoftonline.com/9f1c6a5e-0d1b-4c3e-8a7f-2b6d4e8c0a11/oauth2/v2.0/token")
    assert Settings(_env_file=None, TEAMS_TENANT_ID="").teams_token_endpoint == (  # type: ignore[call-arg]
        "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token")
    stand_in = Settings(_env_file=None, TEAMS_TOKEN_URL="http://127.0.0.1:9/t/oauth2/v2.0/token")  # type: ignore[call-arg]
    assert stand_in.teams_token_endpoint == "http://127.0.0.1:9/t/oauth2/v2.0/token"
    with pytest.raises(ValueError, match="not an http"):
        Settings(_env_file=None, TEAMS_TOKEN_URL="login.example")  # type: ignore[call-arg]
    with pytest.raises(ValueError, match="not a GUID"):
        Settings(_env_file=None, TEAMS_TENANT_ID="contoso")  # type: ignore[call-arg]
