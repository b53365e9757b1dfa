"""The bot serving Teams beside Slack, for tests: the Teams stand-in (its Bot Connector, token endpoint and
signing keys), a client sending it signed activities, and the Teams deliverer in the outbox's router."""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from bot.addresses import Address
from bot.clock import ManualClock
from bot.delivery import SLACK, DeliveryRouter, routing_by_organisation
from bot.messages import Message
from bot.outbox import Posted
from bot.scheduler import TickReport, run_due
from bot.standin import FakeSlack
from bot.standin.teams import FakeTeams, TeamsActivitySender
from bot.teams.connector import BotConnector
from bot.teams.delivery import TEAMS, TeamsDeliverer, teams_delivery, teams_delivery_by_organisation
from bot.teams.server import MESSAGES_PATH
from bot.workflows import MAINTENANCE, TIMER_HANDLERS
from handlers.teams import all_teams_renderers
from storage.models import OutboxMessage, TeamsConversation
from tests.harness import START, RunningBot, make_settings, start_bot

APP_ID = "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d"
PASSWORD = "s3cret-Teams-pa55word"
# Entra object ids of people in examples/org.yml, and someone the organisation file does not list.
PRIYA_TEAMS = "6a1f0c2e-1111-4a5b-9c8d-7e6f5a4b3c2d"
BEN_TEAMS = "7b2e1d3f-2222-4b6c-8d9e-8f7a6b5c4d3e"
STRANGER_TEAMS = "8c3f2e4a-3333-4c7d-9e0f-9a8b7c6d5e4f"
ANITA_TEAMS = "9d4a3f5b-4444-4d8e-8f1a-0b9c8d7e6f5a"  # the CEO
# Until the organisation file gives people Teams accounts, tests map object ids to keys themselves.
KEYS = {PRIYA_TEAMS: "U0SAFE0001", BEN_TEAMS: "U0VOLUNT01", ANITA_TEAMS: "U0ANITA001"}
SAM_TEAMS = "ad5b4a6c-5555-4e9f-9a2b-1c0d9e8f7a6b"  # a project manager (Audio-Base)
DAN_TEAMS = "be6c5b7d-6666-4fa0-8b3c-2d1e0f9a8b7c"  # a freelancer on Audio-Base
KEYS |= {SAM_TEAMS: "U0PMAUDIO1", DAN_TEAMS: "U0LEADER01"}
TOM_TEAMS = "cf7d6c8e-7777-4ab1-9c4d-3e2f1a0b9c8d"  # deputy safeguarding lead; manages Youth Voice
KEYS |= {TOM_TEAMS: "U0DEPUTY01"}


@dataclass
class TeamsWorld:
    bot: RunningBot
    teams: FakeTeams
    client: TeamsActivitySender
    connector: BotConnector
    router: DeliveryRouter

    async def tick(self) -> TickReport:
        return await run_due(self.bot.services, TIMER_HANDLERS, self.router, MAINTENANCE)

    async def count(self, model: Any) -> int:
        async with self.bot.services.db.reading() as session:
            return int((await session.execute(select(func.count()).select_from(model))).scalar_one())

    async def nothing_kept(self) -> bool:
        return await self.count(TeamsConversation) == 0 and await self.count(OutboxMessage) == 0


async def person_of(object_id: str) -> str:
    return KEYS.get(object_id, object_id)


async def teams_user_of(key: str) -> str | None:
    by_key = {v: k for k, v in KEYS.items()}
    return by_key.get(key, key if "-" in key else None)


async def name_of(key: str) -> str:
    return key


async def no_channel(purpose: str) -> str | None:
    return None


async def start_teams_world(database_url: str, fake_slack: FakeSlack,
                            renderers: Mapping[str, Any] | None = None, *,
                            org: Path | None = None) -> AsyncIterator[TeamsWorld]:
    """The bot serving Slack and Teams. Given `org`, an organisation file, it runs from that file as a
    process serving both platforms does (bot/runtime.py): people's keys, Teams accounts and the platform
    each is told on all come from it, and the bot's own ticks deliver to both platforms. Without it,
    people are known by KEYS and every message goes to Teams."""
    teams = await FakeTeams(APP_ID, PASSWORD).start()
    settings = make_settings(database_url, fake_slack.api_url, **({"org": org} if org else {}), TEAMS_APP_ID=APP_ID,
                             TEAMS_APP_PASSWORD=PASSWORD, TEAMS_TOKEN_URL=teams.token_url,
                             TEAMS_OPENID_METADATA_URL=teams.openid_url)
    clock = ManualClock(START)
    delivering: list[TeamsDeliverer] = []  # made once the bot's services are

    async def send_now(to: Address, message: Message) -> Posted:
        return await delivering[0].send_now(to, message)

    bot, runner = await start_bot(settings, fake_slack, clock, teams_person_of=None if org else person_of,
                                  teams_send_now=send_now)
    connector = BotConnector(APP_ID, PASSWORD, token_url=teams.token_url, now=clock.now)
    if org:
        deliverer = teams_delivery_by_organisation(bot.services, connector, renderers or all_teams_renderers())
        router = DeliveryRouter({TEAMS: deliverer, SLACK: bot.deliverer.deliverers[SLACK]},
                                routing_by_organisation(bot.services))
        bot.deliverer = router
    else:
        deliverer = teams_delivery(bot.services, connector, teams_user_of=teams_user_of, name_of=name_of,
                                   teams_channel_of=no_channel, renderers=renderers or all_teams_renderers())

        async def platform_of(_address: Any) -> str:
            return TEAMS

        router = DeliveryRouter({TEAMS: deliverer, SLACK: bot.deliverer}, platform_of=platform_of)
    delivering.append(deliverer)
    url = bot.url.replace("/slack/events", MESSAGES_PATH)
    client = TeamsActivitySender(teams, url, now=clock.now)
    try:
        yield TeamsWorld(bot, teams, client, connector, router)
    finally:
        await connector.close()
        await runner.cleanup()
        await bot.services.db.dispose()
        await teams.stop()


def card_actions(node: Any) -> list[dict[str, Any]]:
    """Every button on a card, however deep its row sits (a confirmation's panel included)."""
    if isinstance(node, list):
        return [a for item in node for a in card_actions(item)]
    if not isinstance(node, dict):
        return []
    found = list(node["actions"]) if node.get("type") == "ActionSet" else []
    for key in ("body", "items", "columns"):
        found += card_actions(node.get(key, []))
    return found


def card_button(card: dict[str, Any], title_starts: str) -> dict[str, Any]:
    """The one button on a card whose title starts so."""
    [button] = [a for a in card_actions(card) if a.get("title", "").startswith(title_starts)]
    return button


def card_text(card: dict[str, Any]) -> str:
    """A card's top-level texts, a line each, as Teams shows them (with their markdown)."""
    return "\n".join(block["text"] for block in card["body"] if "text" in block)
