"""Teams' endpoint on the bot's own server (/api/messages), over real HTTP from the Teams stand-in: only
activities with a genuine Bot Framework token are answered, and each one keeps where the bot can reach
its sender, so what waits for them goes out as soon as the app is installed for them."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from sqlalchemy import select

from bot.addresses import ToPerson
from bot.clock import ManualClock
from bot.errors import DomainError
from bot.slack.app import create_app
from bot.slack.server import make_web_application
from bot.standin import FakeSlack
from bot.standin.teams import TeamsActivitySender
from bot.standin.teams.keys import SigningKey
from bot.teams.notices import INSTALL_APP
from bot.teams.server import MESSAGES_PATH, SORRY, TeamsApp, Turn, teams_endpoint
from storage.models import TeamsConversation
from storage.outbox import enqueue_message
from storage.teams import channel_reference, person_reference
from tests.harness import START, make_settings, start_bot
from tests.teams_support import APP_ID, PRIYA_TEAMS, STRANGER_TEAMS, TeamsWorld, start_teams_world


@pytest.fixture
async def world(database_url: str, fake_slack: FakeSlack) -> AsyncIterator[TeamsWorld]:
    async for running in start_teams_world(database_url, fake_slack):
        yield running


async def test_a_genuine_activity_is_answered_and_its_chat_kept(world: TeamsWorld) -> None:
    reply = await world.client.send(world.client.personal_message(STRANGER_TEAMS, "hello"))

    assert reply.status == 200
    async with world.bot.services.db.reading() as session:
        kept = await person_reference(session, STRANGER_TEAMS)
    assert kept is not None and kept.conversation_id == world.teams.personal_chat(STRANGER_TEAMS).id


async def _kept_since(world: TeamsWorld, person: str) -> Any:
    async with world.bot.services.db.reading() as session:
        return await session.scalar(select(TeamsConversation.updated_at).where(TeamsConversation.user_object_id == person))


async def test_a_chat_already_kept_is_not_written_again_before_the_answer(world: TeamsWorld) -> None:
    await world.client.send(world.client.personal_message(STRANGER_TEAMS, "hello"))
    first_kept = await _kept_since(world, STRANGER_TEAMS)
    world.bot.clock.advance(timedelta(hours=1))

    for said in ("hello again", "and again"):
        assert (await world.client.send(world.client.personal_message(STRANGER_TEAMS, said))).status == 200

    assert await _kept_since(world, STRANGER_TEAMS) == first_kept


async def test_the_app_removed_and_installed_again_is_kept_again(world: TeamsWorld) -> None:
    await world.client.send(world.client.personal_message(STRANGER_TEAMS, "hello"))  # this chat is seen
    removed = world.client.installed(STRANGER_TEAMS) | {"action": "remove"}
    await world.client.send(removed)
    assert await _kept_since(world, STRANGER_TEAMS) is None

    await world.client.send(world.client.installed(STRANGER_TEAMS))
    await world.client.send(world.client.personal_message(STRANGER_TEAMS, "I'm back"))

    async with world.bot.services.db.reading() as session:
        kept = await person_reference(session, STRANGER_TEAMS)
    assert kept is not None and kept.conversation_id == world.teams.personal_chat(STRANGER_TEAMS).id


@pytest.mark.parametrize("forgery", ["missing", "wrong audience", "wrong issuer", "wrong service url", "expired",
                                     "foreign key", "a published key id, another key"])
async def test_a_forged_token_gets_401_and_changes_nothing(world: TeamsWorld, forgery: str) -> None:
    client = world.client
    activity = client.personal_message(STRANGER_TEAMS, "help")
    intruder = SigningKey.generate()
    now = int(world.bot.clock.now().timestamp())
    claims = {"iss": "https://api.botframework.com", "aud": APP_ID, "serviceurl": world.teams.service_url,
              "nbf": now - 5, "exp": now + 600}
    token = {
        "missing": None,
        "wrong audience": client.token(audience="5e6f7a8b-0000-4000-8000-000000000000"),
        "wrong issuer": client.token(issuer="https://sts.windows.net/evil/"),
        "wrong service url": client.token(service_url="https://evil.example/teams/"),
        "expired": client.token(expires_in=-3600),
        "foreign key": intruder.sign(claims),
        "a published key id, another key": intruder.sign(claims, kid=world.teams.signing_key.kid),
    }[forgery]

    reply = await client.send(activity, token=token)

    assert reply.status == 401
    assert await world.nothing_kept()
    assert world.teams.calls_to("send") == []


async def test_an_installation_for_someone_with_messages_waiting_sends_them_on_the_next_round(world: TeamsWorld) -> None:
    async with world.bot.services.db.unit_of_work() as session:
        await enqueue_message(session, world.bot.services.cipher, now=world.bot.clock.now(),
                              to=ToPerson(STRANGER_TEAMS), template=INSTALL_APP,
                              params={"who": "Someone", "kind": "person"})
    for _ in range(3):
        await world.tick()
        world.bot.clock.advance(timedelta(seconds=30))  # backing off: the next try is minutes away
    assert world.teams.sent_to(STRANGER_TEAMS) == []

    reply = await world.client.send(world.client.installed(STRANGER_TEAMS))
    report = await world.tick()

    assert reply.status == 200
    assert report.messages_sent == 1 and len(world.teams.sent_to(STRANGER_TEAMS)) == 1


async def test_the_endpoint_is_not_served_without_a_teams_registration(database_url: str,
                                                                       fake_slack: FakeSlack) -> None:
    settings = make_settings(database_url, fake_slack.api_url)
    bot, runner = await start_bot(settings, fake_slack, ManualClock(START))
    try:
        async with aiohttp.ClientSession() as session, session.post(
                bot.url.replace("/slack/events", MESSAGES_PATH), json={}) as response:
            status = response.status
    finally:
        await runner.cleanup()
        await bot.services.db.dispose()
    assert status == 404


# -- commands in the 1:1 chat ------------------------------------------------------------------------


def _card_text(card: dict[str, Any]) -> str:
    return "\n".join(block["text"] for block in card["body"] if "text" in block)


async def test_help_in_the_chat_answers_with_what_that_person_can_do(world: TeamsWorld) -> None:
    world.teams.install_for(PRIYA_TEAMS)

    reply = await world.client.send(world.client.personal_message(PRIYA_TEAMS, "help"))
    await world.tick()

    assert reply.status == 200
    [sent] = world.teams.sent_to(PRIYA_TEAMS)
    said = _card_text(sent.cards[0])
    assert said.startswith("Hello Priya\\! I help The Music Works")
    assert "What you can do" in said and "“report”" in said


async def test_help_for_someone_not_in_the_organisation_file_says_who_can_add_them(world: TeamsWorld) -> None:
    world.teams.install_for(STRANGER_TEAMS)

    await world.client.send(world.client.personal_message(STRANGER_TEAMS, "  HELP  "))
    await world.tick()

    [sent] = world.teams.sent_to(STRANGER_TEAMS)
    said = _card_text(sent.cards[0])
    assert "don't have you in our list of people yet" in said and "Anita Holford or Rachel Green" in said


async def test_an_unknown_command_gets_a_kind_reply_naming_help_once_however_often_teams_sends_it(
        world: TeamsWorld) -> None:
    world.teams.install_for(PRIYA_TEAMS)
    activity = world.client.personal_message(PRIYA_TEAMS, "<at>Safety assistant</at> dance please")

    await world.client.send(activity)
    await world.client.send(activity)  # Teams trying again
    await world.tick()

    [sent] = world.teams.sent_to(PRIYA_TEAMS)
    assert _card_text(sent.cards[0]) == "Sorry, I don't know “dance”. Type “help” to see what I can do."


async def test_a_message_in_a_team_channel_keeps_the_channel_and_is_not_taken_for_a_command(world: TeamsWorld) -> None:
    team, channel = "19:team0000@thread.tacv2", "19:moderation0000@thread.tacv2"

    reply = await world.client.send(world.client.channel_message(PRIYA_TEAMS, team, channel, "help", mention_bot=True))
    await world.tick()

    assert reply.status == 200
    async with world.bot.services.db.reading() as session:
        kept = await channel_reference(session, channel)
    assert kept is not None and kept.conversation_id == channel
    assert world.teams.sent_in(channel) == []


# -- when answering fails ----------------------------------------------------------------------------


@pytest.fixture
async def failing(world: TeamsWorld) -> AsyncIterator[TeamsActivitySender]:
    """The bot's services behind a second Teams endpoint whose listeners fail: a refusal, and a fault."""
    app = TeamsApp()

    @app.command("refuse")
    async def refuse(turn: Turn, rest: str) -> None:
        raise DomainError("That is not something you can do.")

    @app.command("crash")
    async def crash(turn: Turn, rest: str) -> None:
        raise RuntimeError("a fault of ours")

    async def broken_dialog(turn: Turn, request: Any) -> None:
        raise RuntimeError("a fault of ours")

    app.dialog("broken", fetch=broken_dialog, submit=broken_dialog)
    endpoint = teams_endpoint(world.bot.services, app)
    runner = web.AppRunner(make_web_application(create_app(world.bot.services), world.bot.services, endpoint))
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    yield TeamsActivitySender(world.teams, f"http://127.0.0.1:{port}{MESSAGES_PATH}", now=world.bot.clock.now)
    await runner.cleanup()


async def test_a_refusal_or_a_fault_is_told_to_the_person_kindly_never_a_failed_request(
        world: TeamsWorld, failing: TeamsActivitySender, caplog: pytest.LogCaptureFixture) -> None:
    world.teams.install_for(PRIYA_TEAMS)

    refused = await failing.send(failing.personal_message(PRIYA_TEAMS, "refuse"))
    crashed = await failing.send(failing.personal_message(PRIYA_TEAMS, "crash"))
    dialog = await failing.send(failing.dialog_fetch(PRIYA_TEAMS, {"dialog": "broken"}))
    await world.tick()

    assert (refused.status, crashed.status, dialog.status) == (200, 200, 200)
    assert dialog.body == {"task": {"type": "message", "value": SORRY}}
    told = [_card_text(s.cards[0]) for s in world.teams.sent_to(PRIYA_TEAMS)]
    assert told == ["That is not something you can do.", SORRY]
    assert "a fault of ours" in caplog.text
