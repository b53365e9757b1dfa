"""Outbox messages delivered in Teams: through the real scheduler and outbox, to the Teams stand-in over
real HTTP, on SQLite and PostgreSQL. Rate limits, outages and people the app is not installed for lose
nothing and send nothing twice."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.addresses import Address, ToChannel, ToPerson
from bot.clock import ManualClock
from bot.crypto import DataCipher, generate_key
from bot.delivery import DeliveryRouter
from bot.messages import Bold, Button, Buttons, Mention, Message, Paragraph
from bot.scheduler import TickReport, run_due
from bot.services import Services
from bot.settings import Settings, SettingsError
from bot.standin.teams import FakeTeams
from bot.teams.connector import BotConnector
from bot.teams.delivery import TEAMS, teams_connector, teams_delivery, teams_renderers
from bot.teams.notices import INSTALL_APP
from bot.teams.references import reachable_now, record_reference
from handlers.slack.features import all_renderers
from storage.db import Database
from storage.migrate import upgrade_async
from storage.models import OutboxMessage
from storage.outbox import enqueue_message, posted_location
from storage.teams import ConversationReference, person_reference, save_channel_reference, save_person_reference

APP_ID = "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d"
PASSWORD = "s3cret-Teams-pa55word"
PRIYA = "6a1f0c2e-1111-4a5b-9c8d-7e6f5a4b3c2d"
ADMIN = "7b2e1d3f-2222-4b6c-8d9e-8f7a6b5c4d3e"
PEOPLE = {"priya": (PRIYA, "Priya Shah"), "ada": (ADMIN, "Ada Admin"), "sam": (None, "Sam Slack")}
MODERATION = "19:moderation0000@thread.tacv2"
TEAM = "19:team0000@thread.tacv2"
START = datetime(2026, 12, 5, 9, tzinfo=UTC)


def notice(params: dict[str, Any]) -> Message:
    """A test template: a card with a mention and a button."""
    return Message(summary=params["text"], parts=[
        Paragraph([[Bold(params["text"]), " for ", Mention("priya")]]),
        Buttons([Button("Take it", "report_take", value=str(params.get("report", "")))]),
    ])


class Waits:
    def __init__(self) -> None:
        self.taken: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.taken.append(seconds)


@dataclass
class World:
    services: Services
    teams: FakeTeams
    connector: BotConnector
    router: DeliveryRouter
    clock: ManualClock

    async def queue(self, to: Address, text: str, *, key: str | None = None, template: str = "test.notice") -> None:
        async with self.services.db.unit_of_work() as session:
            await enqueue_message(session, self.services.cipher, now=self.clock.now(), to=to, template=template,
                                  params={"text": text}, message_key=key)

    async def tick(self) -> TickReport:
        return await run_due(self.services, {}, self.router)

    async def states(self) -> list[tuple[str, str, str]]:
        async with self.services.db.reading() as session:
            rows = await session.execute(select(OutboxMessage.address, OutboxMessage.template, OutboxMessage.state)
                                         .order_by(OutboxMessage.id))
            return [tuple(row) for row in rows.all()]  # type: ignore[misc]

    async def reach(self, person: str) -> None:
        """Keep the person's 1:1 chat, as the inbound side does when the app is installed for them."""
        chat = self.teams.personal_chat(person)
        async with self.services.db.unit_of_work() as session:
            await save_person_reference(session, person, ConversationReference(
                chat.id, self.teams.service_url, self.teams.tenant_id), self.clock.now())


async def _person(key: str) -> str | None:
    return PEOPLE[key][0]


async def _name(key: str) -> str:
    return PEOPLE[key][1]


async def _channel(purpose: str) -> str | None:
    return MODERATION if purpose == "moderation" else None


async def _admins(session: AsyncSession) -> list[str]:
    return ["ada"]


@pytest.fixture
async def world(database_url: str) -> AsyncIterator[World]:
    await upgrade_async(database_url)
    teams = await FakeTeams(APP_ID, PASSWORD).start()
    clock = ManualClock(START)
    services = Services(settings=Settings(_env_file=None), db=Database(database_url), clock=clock,  # type: ignore[call-arg]
                        cipher=DataCipher(generate_key()))
    connector = BotConnector(APP_ID, PASSWORD, token_url=teams.token_url, now=clock.now, sleep=Waits())
    deliverer = teams_delivery(services, connector, teams_user_of=_person, name_of=_name, teams_channel_of=_channel,
                               renderers={**teams_renderers(), "test.notice": notice}, admins_of=_admins)
    router = DeliveryRouter({TEAMS: deliverer}, platform_of=lambda address: _teams())
    yield World(services, teams, connector, router, clock)
    await connector.close()
    await teams.stop()
    await services.db.dispose()


async def _teams() -> str:
    return TEAMS


def _card_text(card: dict[str, Any]) -> str:
    return "\n".join(block["text"] for block in card["body"] if "text" in block)


async def test_a_message_to_a_person_arrives_in_their_chat_as_a_card_with_its_mention(world: World) -> None:
    world.teams.install_for(PRIYA)
    await world.reach(PRIYA)
    await world.queue(ToPerson("priya"), "A new report", key="report:1:lead")

    report = await world.tick()

    assert report.messages_sent == 1
    [sent] = world.teams.sent_to(PRIYA)
    [card] = sent.cards
    assert card["type"] == "AdaptiveCard" and card["version"] == "1.5"
    assert "**A new report** for <at>Priya Shah</at>" in _card_text(card)
    assert card["msteams"]["entities"][0]["mentioned"]["id"] == PRIYA
    assert card["body"][1]["actions"][0]["verb"] == "report_take"
    assert sent.activity["summary"] == "A new report"
    async with world.services.db.reading() as session:
        posted = await posted_location(session, "report:1:lead")
        assert posted is not None and (posted.platform, posted.message_id) == (TEAMS, sent.id)
        assert posted.service_url == world.teams.service_url
    assert await world.states() == [("person:priya", "test.notice", "sent")]


async def test_a_keyed_message_is_updated_in_place_not_sent_twice(world: World) -> None:
    world.teams.install_for(PRIYA)
    await world.reach(PRIYA)
    await world.queue(ToPerson("priya"), "Report 1: new", key="report:1:lead")
    await world.tick()
    await world.queue(ToPerson("priya"), "Report 1: taken by Ada", key="report:1:lead")

    await world.tick()

    [shown] = world.teams.sent_to(PRIYA)
    assert "Report 1: taken by Ada" in _card_text(shown.cards[0])
    assert "Report 1: new" in _card_text(shown.history[0]["attachments"][0]["content"])
    assert len(world.teams.calls_to("send")) == 1 and len(world.teams.calls_to("update")) == 1


async def test_a_rate_limit_is_waited_out_as_teams_asks_and_the_message_sent_once(world: World) -> None:
    world.teams.install_for(PRIYA)
    await world.reach(PRIYA)
    world.teams.rate_limit("send", retry_after=2)
    await world.queue(ToPerson("priya"), "Hello")

    report = await world.tick()

    assert report.messages_sent == 1 and world.connector.sleep.taken == [2.0]  # type: ignore[attr-defined]
    assert len(world.teams.sent_to(PRIYA)) == 1 and len(world.teams.calls_to("send")) == 2


async def test_a_long_rate_limit_is_honoured_by_the_outbox_not_waited_out_in_the_round(world: World) -> None:
    world.teams.install_for(PRIYA)
    await world.reach(PRIYA)
    world.teams.rate_limit("send", retry_after=600)
    await world.queue(ToPerson("priya"), "Hello")

    first = await world.tick()
    world.clock.advance(timedelta(minutes=5))
    too_soon = await world.tick()
    sends_too_soon = len(world.teams.calls_to("send"))
    world.clock.advance(timedelta(minutes=5))
    after = await world.tick()

    assert first.messages_retrying == 1 and world.connector.sleep.taken == []  # type: ignore[attr-defined]
    assert too_soon.messages_sent == 0 and sends_too_soon == 1  # Teams asked for ten minutes' peace
    assert after.messages_sent == 1 and len(world.teams.sent_to(PRIYA)) == 1


async def test_an_outage_keeps_the_message_queued_and_it_goes_once_teams_is_back(world: World) -> None:
    world.teams.install_for(PRIYA)
    await world.reach(PRIYA)
    world.teams.fail("send", 503, times=2)
    await world.queue(ToPerson("priya"), "Hello")

    first = await world.tick()
    world.clock.advance(timedelta(minutes=1))
    second = await world.tick()
    assert (first.messages_retrying, second.messages_retrying) == (1, 1)
    assert world.teams.sent_to(PRIYA) == [] and await world.states() == [("person:priya", "test.notice", "pending")]

    world.clock.advance(timedelta(minutes=1))
    third = await world.tick()

    assert third.messages_sent == 1 and len(world.teams.sent_to(PRIYA)) == 1
    assert await world.states() == [("person:priya", "test.notice", "sent")]


async def test_someone_the_app_is_not_installed_for_waits_and_the_admins_are_told_once(world: World) -> None:
    world.teams.install_for(ADMIN)
    await world.reach(ADMIN)
    await world.reach(PRIYA)  # a chat kept from before the app was removed for her
    await world.queue(ToPerson("priya"), "First")
    await world.queue(ToPerson("priya"), "Second")

    await world.tick()
    for _ in range(3):
        world.clock.advance(timedelta(minutes=20))
        await world.tick()

    assert world.teams.sent_to(PRIYA) == []
    told = world.teams.sent_to(ADMIN)
    assert len(told) == 1 and world.teams.calls_to("update") == []  # told once, not told again in place
    said = _card_text(told[0].cards[0])
    assert "**Priya Shah**" in said and "not installed for them" in said and "setup policy" in said
    assert [s for s in await world.states() if s[1] == "test.notice"] == [
        ("person:priya", "test.notice", "pending"), ("person:priya", "test.notice", "pending")]
    # Waiting for an admin is not an outage: the health check stays well.
    assert not world.services.delivery.failing

    world.teams.install_for(PRIYA)
    world.clock.advance(timedelta(minutes=20))
    await world.tick()

    assert [_card_text(s.cards[0]) for s in world.teams.sent_to(PRIYA)] == ["**First** for <at>Priya Shah</at>",
                                                                             "**Second** for <at>Priya Shah</at>"]
    assert len(world.teams.sent_to(ADMIN)) == 1


async def test_messages_waiting_for_someone_go_as_soon_as_the_app_is_installed_for_them(world: World) -> None:
    await world.queue(ToPerson("priya"), "Hello")
    for _ in range(4):
        await world.tick()
        world.clock.advance(timedelta(minutes=1))  # backing off: the next try is minutes away
    assert world.teams.sent_to(PRIYA) == []

    world.teams.install_for(PRIYA)
    chat = world.teams.personal_chat(PRIYA)
    installed = {"type": "installationUpdate", "action": "add", "serviceUrl": world.teams.service_url,
                 "from": {"id": "29:1priya", "aadObjectId": PRIYA},
                 "conversation": {"id": chat.id, "conversationType": "personal", "tenantId": world.teams.tenant_id}}
    async with world.services.db.unit_of_work() as session:
        await record_reference(session, installed, world.clock.now())
        assert await reachable_now(session, ToPerson("priya"), world.clock.now()) == 1
    await world.tick()

    assert len(world.teams.sent_to(PRIYA)) == 1


async def test_someone_the_app_was_installed_for_without_the_bot_hearing_gets_a_chat_opened(world: World) -> None:
    world.teams.install_for(ADMIN, PRIYA)  # for everyone, by a setup policy
    await world.reach(ADMIN)  # the only install the bot heard of
    await world.queue(ToPerson("priya"), "Hello")

    report = await world.tick()

    assert report.messages_sent == 1 and len(world.teams.sent_to(PRIYA)) == 1
    assert len(world.teams.calls_to("create_conversation")) == 1
    async with world.services.db.reading() as session:
        kept = await person_reference(session, PRIYA)
    assert kept is not None and kept.conversation_id == world.teams.personal_chat(PRIYA).id
    await world.queue(ToPerson("priya"), "Again")
    await world.tick()
    assert len(world.teams.sent_to(PRIYA)) == 2 and len(world.teams.calls_to("create_conversation")) == 1


async def test_someone_never_reached_in_teams_waits_and_the_admins_are_told(world: World) -> None:
    world.teams.install_for(ADMIN)
    await world.reach(ADMIN)
    await world.queue(ToPerson("priya"), "Hello")

    await world.tick()
    world.clock.advance(timedelta(minutes=20))
    await world.tick()

    assert len(world.teams.sent_to(ADMIN)) == 1
    assert ("person:priya", "test.notice", "pending") in await world.states()
    assert ("person:ada", INSTALL_APP, "sent") in await world.states()
    assert not world.services.delivery.failing


async def test_a_channel_by_its_purpose_gets_the_card_once_the_app_is_in_its_team(world: World) -> None:
    world.teams.install_for(ADMIN)
    await world.reach(ADMIN)
    world.teams.open_channel(TEAM, MODERATION)
    await world.queue(ToChannel("moderation"), "A post to look at")
    await world.tick()
    assert world.teams.sent_in(MODERATION) == []
    assert "**moderation** channel" in _card_text(world.teams.sent_to(ADMIN)[0].cards[0])

    async with world.services.db.unit_of_work() as session:
        await save_channel_reference(session, TEAM, MODERATION, ConversationReference(
            MODERATION, world.teams.service_url, world.teams.tenant_id), world.clock.now())
    world.clock.advance(timedelta(minutes=20))
    await world.tick()

    assert len(world.teams.sent_in(MODERATION)) == 1


async def test_the_token_is_fetched_once_for_many_messages_and_the_password_never_logged(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    world.teams.install_for(PRIYA)
    await world.reach(PRIYA)
    for number in range(3):
        await world.queue(ToPerson("priya"), f"Message {number}")
    await world.tick()
    await world.queue(ToPerson("priya"), "One more")
    world.clock.advance(timedelta(minutes=5))
    await world.tick()

    assert len(world.teams.sent_to(PRIYA)) == 4
    assert len(world.teams.calls_to("token")) == 1
    assert PASSWORD not in caplog.text and not any(t in caplog.text for t in world.teams.tokens_issued)


async def test_refused_credentials_keep_everything_queued_and_the_password_out_of_the_log(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    world.teams.install_for(PRIYA)
    await world.reach(PRIYA)
    world.teams.app_password = "rotated-by-an-admin"  # the bot's secret no longer works
    await world.queue(ToPerson("priya"), "Hello")
    await world.queue(ToPerson("priya"), "Again")

    report = await world.tick()

    assert report.messages_retrying == 1 and report.messages_failed == 0
    assert [state for _, _, state in await world.states()] == ["pending", "pending"]
    assert world.services.delivery.credentials_refused
    assert any("credentials were refused" in r.getMessage() for r in caplog.records)
    assert PASSWORD not in caplog.text


async def test_a_message_teams_has_no_card_for_yet_waits_and_so_does_a_person_without_teams(world: World) -> None:
    # Not every workflow's message has its Teams card yet: kept until it has (a report is never lost).
    await world.queue(ToPerson("priya"), "x", template="no.such.template")
    await world.queue(ToPerson("sam"), "Hello")

    report = await world.tick()

    assert report.messages_failed == 0 and report.messages_retrying == 2
    assert await world.states() == [("person:priya", "no.such.template", "pending"),
                                    ("person:sam", "test.notice", "pending")]
    assert world.services.delivery.failing is False



def test_an_admin_on_slack_can_read_that_the_teams_app_cannot_reach_someone() -> None:
    rendered = all_renderers()[INSTALL_APP]({"who": "Priya <Shah>", "kind": "person"})

    assert "*Priya &lt;Shah&gt;*" in rendered.text and "setup policy" in rendered.text


async def test_the_runtime_builds_the_connector_from_the_settings_and_is_told_what_is_missing(world: World) -> None:
    with pytest.raises(SettingsError, match="TEAMS_APP_PASSWORD or TEAMS_APP_CERTIFICATE is not set"):
        teams_connector(Settings(_env_file=None, TEAMS_APP_ID=APP_ID), world.services)  # type: ignore[call-arg]
    settings = Settings(_env_file=None, TEAMS_APP_ID=APP_ID, TEAMS_APP_PASSWORD=PASSWORD,  # type: ignore[call-arg]
                        TEAMS_TOKEN_URL=world.teams.token_url)
    connector = teams_connector(settings, world.services)
    world.teams.install_for(PRIYA)
    try:
        chat = await connector.open_personal_chat(world.teams.service_url, world.teams.tenant_id, PRIYA)
    finally:
        await connector.close()
    assert chat == world.teams.personal_chat(PRIYA).id and PASSWORD not in repr(connector)
