"""The Teams stand-in answers as Microsoft's services do (../shared/teams/README.md), so that the bot's Teams
side can be tried over real HTTP with real tokens and nothing reaching Microsoft's cloud."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import jwt
import pytest

from bot.standin.teams import FakeTeams, TeamsActivitySender

APP_ID = "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d"
PASSWORD = "not-a-real-secret"
LEAD = "6a1f0c2e-1111-4a5b-9c8d-7e6f5a4b3c2d"


@pytest.fixture
async def teams() -> AsyncIterator[FakeTeams]:
    fake = await FakeTeams(APP_ID, PASSWORD).start()
    yield fake
    await fake.stop()


async def _bot_token(session: aiohttp.ClientSession, fake: FakeTeams, secret: str = PASSWORD) -> aiohttp.ClientResponse:
    form = {"grant_type": "client_credentials", "client_id": APP_ID, "client_secret": secret,
            "scope": "https://api.botframework.com/.default"}
    return await session.post(fake.token_url, data=form)


async def test_the_bot_gets_a_token_with_its_credentials_and_not_without(teams: FakeTeams) -> None:
    async with aiohttp.ClientSession() as session:
        refused = await _bot_token(session, teams, secret="wrong")
        granted = await _bot_token(session, teams)
        body = await granted.json()

    assert refused.status == 401 and (await refused.json())["error"] == "invalid_client"
    assert granted.status == 200 and body["token_type"] == "Bearer" and body["expires_in"] > 0
    assert not any(PASSWORD in str(call.body) for call in teams.calls), "the stand-in must not keep the secret"


async def test_a_signed_activity_token_verifies_against_the_published_keys(teams: FakeTeams) -> None:
    sender = TeamsActivitySender(teams, "http://127.0.0.1:9/api/messages")
    token = sender.token()
    async with aiohttp.ClientSession() as session:
        metadata = await (await session.get(teams.openid_url)).json()
        keys = await (await session.get(metadata["jwks_uri"])).json()

    key = next(k for k in keys["keys"] if k["kid"] == jwt.get_unverified_header(token)["kid"])
    claims = jwt.decode(token, jwt.PyJWK(key).key, algorithms=["RS256"], audience=APP_ID,
                        issuer=metadata["issuer"])
    assert claims["serviceurl"] == teams.service_url
    assert "msteams" in key["endorsements"]
    with pytest.raises(jwt.InvalidAudienceError):
        jwt.decode(sender.token(audience="someone-else"), jwt.PyJWK(key).key, algorithms=["RS256"], audience=APP_ID)


async def test_a_chat_with_someone_the_app_is_not_installed_for_is_refused(teams: FakeTeams) -> None:
    async with aiohttp.ClientSession() as session:
        token = (await (await _bot_token(session, teams)).json())["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        body = {"bot": {"id": f"28:{APP_ID}"}, "members": [{"id": LEAD}], "isGroup": False,
                "channelData": {"tenant": {"id": teams.tenant_id}}}
        before = await session.post(f"{teams.service_url}v3/conversations", json=body, headers=headers)
        teams.install_for(LEAD)
        after = await session.post(f"{teams.service_url}v3/conversations", json=body, headers=headers)

    assert before.status == 403
    assert after.status == 201 and (await after.json())["id"] == teams.personal_chat(LEAD).id


async def test_messages_are_sent_updated_in_place_and_deleted_only_with_a_token(teams: FakeTeams) -> None:
    teams.install_for(LEAD)
    chat = teams.personal_chat(LEAD)
    url = f"{teams.service_url}v3/conversations/{chat.id}/activities"
    async with aiohttp.ClientSession() as session:
        token = (await (await _bot_token(session, teams)).json())["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        unsigned = await session.post(url, json={"type": "message", "text": "hello"})
        sent = await (await session.post(url, json={"type": "message", "text": "first"}, headers=headers)).json()
        updated = await session.put(f"{url}/{sent['id']}", json={"type": "message", "text": "second"}, headers=headers)

        assert unsigned.status == 401
        assert updated.status == 200
        assert [s.activity["text"] for s in teams.sent_to(LEAD)] == ["second"]
        assert teams.sent_to(LEAD)[0].history[0]["text"] == "first"

        deleted = await session.delete(f"{url}/{sent['id']}", headers=headers)
    assert deleted.status == 200 and teams.sent_to(LEAD) == []


async def test_planned_rate_limits_answer_429_with_retry_after_then_recover(teams: FakeTeams) -> None:
    teams.install_for(LEAD)
    chat = teams.personal_chat(LEAD)
    teams.rate_limit("send", retry_after=2)
    url = f"{teams.service_url}v3/conversations/{chat.id}/activities"
    async with aiohttp.ClientSession() as session:
        token = (await (await _bot_token(session, teams)).json())["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        limited = await session.post(url, json={"type": "message", "text": "x"}, headers=headers)
        then = await session.post(url, json={"type": "message", "text": "x"}, headers=headers)

    assert limited.status == 429 and limited.headers["Retry-After"] == "2"
    assert then.status == 201 and len(teams.sent_to(LEAD)) == 1
