"""Every activity from Teams carries a Bot Framework token; only a genuine one for this app, from the service
the activity names, and not expired, is accepted. Checked against the Teams stand-in's published keys."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest

from bot.clock import ManualClock
from bot.standin.teams import FakeTeams, TeamsActivitySender
from bot.standin.teams.keys import SigningKey
from bot.teams.auth import BotFrameworkTokens, TokenRefused

APP_ID = "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d"
LEAD = "6a1f0c2e-1111-4a5b-9c8d-7e6f5a4b3c2d"


@pytest.fixture
async def teams() -> AsyncIterator[FakeTeams]:
    fake = await FakeTeams(APP_ID, "secret").start()
    yield fake
    await fake.stop()


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime.now(UTC))


def _checker(teams: FakeTeams, clock: ManualClock) -> BotFrameworkTokens:
    return BotFrameworkTokens(APP_ID, clock.now, openid_metadata_url=teams.openid_url)


async def test_a_genuine_token_is_accepted(teams: FakeTeams, clock: ManualClock) -> None:
    sender = TeamsActivitySender(teams, "http://unused/api/messages")
    activity = sender.personal_message(LEAD, "report")

    claims = await _checker(teams, clock).check(f"Bearer {sender.token()}", activity)

    assert claims["aud"] == APP_ID and claims["serviceurl"] == teams.service_url


@pytest.mark.parametrize(("forgery", "reason"), [
    ("missing", "no bearer token"),
    ("not a jwt", "not a JWT"),
    ("wrong audience", "(?i)audience"),
    ("wrong issuer", "(?i)issuer"),
    ("wrong service url", "serviceurl"),
    ("a key nobody published", "unknown signing key"),
    ("a published key id, another key", "Signature verification failed"),
])
async def test_a_forged_token_is_refused(teams: FakeTeams, clock: ManualClock, forgery: str, reason: str) -> None:
    sender = TeamsActivitySender(teams, "http://unused/api/messages")
    activity = sender.personal_message(LEAD, "report")
    intruder = SigningKey.generate()
    claims = {"iss": "https://api.botframework.com", "aud": APP_ID, "serviceurl": teams.service_url,
              "exp": int(clock.now().timestamp()) + 600}
    authorization = {
        "missing": None,
        "not a jwt": "Bearer not-a-token",
        "wrong audience": f"Bearer {sender.token(audience='another-bot')}",
        "wrong issuer": f"Bearer {sender.token(issuer='https://evil.example')}",
        "wrong service url": f"Bearer {sender.token(service_url='https://evil.example/teams/')}",
        "a key nobody published": f"Bearer {intruder.sign(claims)}",
        "a published key id, another key": f"Bearer {intruder.sign(claims, kid=teams.signing_key.kid)}",
    }[forgery]

    with pytest.raises(TokenRefused, match=reason):
        await _checker(teams, clock).check(authorization, activity)


async def test_a_token_past_its_expiry_by_more_than_the_clock_skew_is_refused(teams: FakeTeams, clock: ManualClock) -> None:
    sender = TeamsActivitySender(teams, "http://unused/api/messages")
    activity = sender.personal_message(LEAD, "report")
    token = sender.token(expires_in=3600)
    checker = _checker(teams, clock)

    clock.advance(timedelta(hours=1, minutes=4))
    await checker.check(f"Bearer {token}", activity)  # within five minutes' skew
    clock.advance(timedelta(minutes=2))
    with pytest.raises(TokenRefused, match="expired"):
        await checker.check(f"Bearer {token}", activity)


async def test_a_token_with_no_expiry_is_refused(teams: FakeTeams, clock: ManualClock) -> None:
    activity = TeamsActivitySender(teams, "http://unused/api/messages").personal_message(LEAD, "report")
    token = teams.signing_key.sign({"iss": "https://api.botframework.com", "aud": APP_ID,
                                    "serviceurl": teams.service_url})

    with pytest.raises(TokenRefused, match="exp"):
        await _checker(teams, clock).check(f"Bearer {token}", activity)


async def test_a_key_not_endorsed_for_teams_is_refused(teams: FakeTeams, clock: ManualClock) -> None:
    sender = TeamsActivitySender(teams, "http://unused/api/messages")
    activity = sender.personal_message(LEAD, "report") | {"channelId": "webchat"}

    with pytest.raises(TokenRefused, match="not endorsed"):
        await _checker(teams, clock).check(f"Bearer {sender.token()}", activity)


async def test_keys_are_fetched_once_and_again_for_a_rotated_key_but_forgeries_cannot_make_us_hammer(
    teams: FakeTeams, clock: ManualClock
) -> None:
    sender = TeamsActivitySender(teams, "http://unused/api/messages")
    activity = sender.personal_message(LEAD, "report")
    checker = _checker(teams, clock)
    forged = SigningKey.generate().sign({"iss": "https://api.botframework.com", "aud": APP_ID,
                                         "serviceurl": teams.service_url, "exp": 2**31})

    for _ in range(3):
        await checker.check(f"Bearer {sender.token()}", activity)
    for _ in range(3):
        with pytest.raises(TokenRefused):
            await checker.check(f"Bearer {forged}", activity)
    assert teams.keys_fetched == 1

    teams.rotate_key()
    clock.advance(timedelta(minutes=6))
    await checker.check(f"Bearer {sender.token()}", activity)
    assert teams.keys_fetched == 2


async def test_an_outage_at_the_key_endpoint_keeps_the_keys_we_have(teams: FakeTeams, clock: ManualClock) -> None:
    sender = TeamsActivitySender(teams, "http://unused/api/messages")
    activity = sender.personal_message(LEAD, "report")
    checker = _checker(teams, clock)
    await checker.check(f"Bearer {sender.token()}", activity)

    teams.fail("keys", 503, times=5)
    clock.advance(timedelta(days=2))
    token = sender.token(expires_in=3 * 86400)
    await checker.check(f"Bearer {token}", activity)
    assert teams.keys_fetched == 2
