"""Each person is told on one platform, the one the organisation file says: a report for someone on
Teams alone waits for Teams, never goes to Slack and is never given up; someone on both platforms is
told once. Through the real bot, outbox and scheduler, with the Slack and Teams stand-ins over HTTP."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.addresses import ToPerson
from bot.clock import ManualClock
from bot.delivery import SLACK, TEAMS, DeliveryRouter, routing_by_organisation
from bot.scheduler import TickReport, run_due
from bot.standin import FakeSlack
from bot.standin.teams import FakeTeams
from bot.teams.connector import BotConnector
from bot.teams.delivery import teams_delivery_by_organisation
from bot.workflows import MAINTENANCE, TIMER_HANDLERS
from handlers.teams import all_teams_renderers
from storage.models import OutboxMessage
from storage.outbox import enqueue_message
from storage.teams import ConversationReference, save_person_reference
from tests.harness import EXAMPLE_ORG, START, RunningBot, make_settings, start_bot
from tests.report_driver import DAN, ReportDriver, latest_report

APP_ID = "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d"
PASSWORD = "s3cret-Teams-pa55word"
PRIYA = "6a1f0c2e-1111-4a5b-9c8d-7e6f5a4b3c2d"
DAN_ON_TEAMS = "8c3f2e4a-3333-4c7d-9e0f-9a8b7c6d5e4f"

# Priya, the safeguarding lead, is on Teams alone; Dan, who files the report, is on Slack and Teams
# (Slack named first, so told on Slack).
MIXED = (
    EXAMPLE_ORG.read_text()
    .replace("U0SAFE0001", "priya")
    .replace("  - slack_id: priya\n",
             f"  - key: priya\n    teams: {{object_id: {PRIYA}, upn: priya@themusicworks.org.uk}}\n")
    .replace("  - slack_id: U0LEADER01\n",
             f"  - slack_id: U0LEADER01\n    teams: {{object_id: {DAN_ON_TEAMS}, upn: dan@themusicworks.org.uk}}\n")
)


@dataclass
class Mixed:
    bot: RunningBot
    teams: FakeTeams
    connector: BotConnector

    def with_teams(self) -> DeliveryRouter:
        """Delivery as a process serving both platforms does it."""
        return DeliveryRouter({SLACK: self.bot.deliverer.deliverers[SLACK],
                               TEAMS: teams_delivery_by_organisation(self.bot.services, self.connector,
                                                                     all_teams_renderers())},
                              routing_by_organisation(self.bot.services))

    async def tick(self, router: DeliveryRouter | None = None) -> TickReport:
        return await run_due(self.bot.services, TIMER_HANDLERS, router or self.bot.deliverer, MAINTENANCE)

    async def installed_for(self, object_id: str) -> None:
        """The app installed for someone in Teams: the bot keeps their 1:1 chat."""
        self.teams.install_for(object_id)
        chat = self.teams.personal_chat(object_id)
        async with self.bot.services.db.unit_of_work() as session:
            await save_person_reference(session, object_id, ConversationReference(
                chat.id, self.teams.service_url, self.teams.tenant_id), self.bot.clock.now())

    async def outbox(self, address: str) -> list[tuple[str, str, int]]:
        async with self.bot.services.db.reading() as session:
            rows = await session.execute(select(OutboxMessage.template, OutboxMessage.state, OutboxMessage.attempts)
                                         .where(OutboxMessage.address == address).order_by(OutboxMessage.id))
            return [tuple(row) for row in rows.all()]  # type: ignore[misc]


async def _mixed(database_url: str, fake_slack: FakeSlack, tmp_path: Path, org_text: str) -> AsyncIterator[Mixed]:
    org = tmp_path / "org.yml"
    org.write_text(org_text)
    bot, runner = await start_bot(make_settings(database_url, fake_slack.api_url, org=org), fake_slack, ManualClock(START))
    teams = await FakeTeams(APP_ID, PASSWORD).start()
    connector = BotConnector(APP_ID, PASSWORD, token_url=teams.token_url, now=bot.clock.now)
    yield Mixed(bot, teams, connector)
    await connector.close()
    await teams.stop()
    await runner.cleanup()
    await bot.services.db.dispose()


@pytest.fixture
async def mixed(database_url: str, fake_slack: FakeSlack, tmp_path: Path) -> AsyncIterator[Mixed]:
    async for world in _mixed(database_url, fake_slack, tmp_path, MIXED):
        yield world


async def test_a_report_for_a_lead_on_teams_alone_waits_for_teams_and_reaches_her_there_not_on_slack(mixed: Mixed) -> None:
    driver = ReportDriver(mixed.bot)
    await driver.file(DAN, "online_safety", description="Jess was messaged by a stranger.")
    report = await latest_report(mixed.bot)

    await mixed.tick()
    mixed.bot.clock.advance(timedelta(hours=1))
    await mixed.tick()

    # Routed to Priya by key, and her message kept and waiting: not given up, not sent to Slack.
    assert {state for _, state, _ in await mixed.outbox("person:priya")} == {"pending"}
    posted_to = {call.params.get("channel") for call in mixed.bot.fake.calls_to("chat.postMessage")}
    assert "priya" not in posted_to and PRIYA not in posted_to
    # Dan, who filed it from Slack, heard back there.
    assert report.reference in driver.texts(DAN)

    # Once Teams is served too, it reaches her chat there as a card, and nothing of it went to Slack.
    await mixed.installed_for(PRIYA)
    mixed.bot.clock.advance(timedelta(hours=1))
    await mixed.tick(mixed.with_teams())
    assert {state for _, state, _ in await mixed.outbox("person:priya")} == {"sent"}
    assert report.reference in str([sent.cards for sent in mixed.teams.sent_to(PRIYA)])
    assert not any(PRIYA in str(call.params) for call in mixed.bot.fake.calls)


async def test_a_message_for_someone_on_teams_alone_waits_until_teams_is_served(mixed: Mixed) -> None:
    async with mixed.bot.services.db.unit_of_work() as session:
        await enqueue_message(session, mixed.bot.services.cipher, now=mixed.bot.clock.now(), to=ToPerson("priya"),
                              template="core.invite_bot", params={"channel": "C0DIGEST01"})

    report = await mixed.tick()

    assert report.messages_sent == 0 and report.messages_failed == 0
    assert await mixed.outbox("person:priya") == [("core.invite_bot", "pending", 1)]
    assert mixed.bot.fake.calls_to("chat.postMessage") == []
    # Waiting for a platform is not an outage: the health check stays green.
    assert mixed.bot.services.delivery.failing is False

    await mixed.installed_for(PRIYA)
    mixed.bot.clock.advance(timedelta(hours=1))
    report = await mixed.tick(mixed.with_teams())

    assert report.messages_sent == 1
    [sent] = mixed.teams.sent_to(PRIYA)
    assert "/invite @tmw-bot" in str(sent.cards)
    assert await mixed.outbox("person:priya") == [("core.invite_bot", "sent", 2)]
    assert mixed.bot.fake.calls_to("chat.postMessage") == []


async def test_someone_on_both_platforms_is_told_once_on_the_platform_named_first(mixed: Mixed) -> None:
    await mixed.installed_for(DAN_ON_TEAMS)
    async with mixed.bot.services.db.unit_of_work() as session:
        await enqueue_message(session, mixed.bot.services.cipher, now=mixed.bot.clock.now(), to=ToPerson(DAN),
                              template="core.invite_bot", params={"channel": "C0DIGEST01"})

    await mixed.tick(mixed.with_teams())

    assert len(mixed.bot.fake.messages_in(DAN)) == 1
    assert mixed.teams.sent_to(DAN_ON_TEAMS) == []


@pytest.fixture
async def dan_on_teams(database_url: str, fake_slack: FakeSlack, tmp_path: Path) -> AsyncIterator[Mixed]:
    chosen = MIXED.replace("upn: dan@themusicworks.org.uk}\n", "upn: dan@themusicworks.org.uk}\n    notify_on: teams\n")
    async for world in _mixed(database_url, fake_slack, tmp_path, chosen):
        yield world


async def test_notify_on_sends_someone_on_both_platforms_where_they_chose(dan_on_teams: Mixed) -> None:
    mixed = dan_on_teams
    await mixed.installed_for(DAN_ON_TEAMS)
    async with mixed.bot.services.db.unit_of_work() as session:
        await enqueue_message(session, mixed.bot.services.cipher, now=mixed.bot.clock.now(), to=ToPerson(DAN),
                              template="core.invite_bot", params={"channel": "C0DIGEST01"})

    await mixed.tick(mixed.with_teams())

    assert len(mixed.teams.sent_to(DAN_ON_TEAMS)) == 1
    assert mixed.bot.fake.messages_in(DAN) == []
