"""The running bot as Slack sees it, for tests (and anything else that wants one on loopback)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from aiohttp import web

from bot.clock import ManualClock
from bot.crypto import generate_key
from bot.delivery import DeliveryRouter
from bot.runtime import prepare
from bot.scheduler import TickReport, run_due
from bot.services import Services
from bot.settings import Settings
from bot.slack.app import create_app
from bot.slack.delivery import slack_delivery
from bot.slack.server import EVENTS_PATH, make_web_application
from bot.standin import FakeSlack, SlackRequestSender
from bot.teams.app import create_teams_endpoint
from bot.teams.server import PersonOf, SendNow
from bot.workflows import MAINTENANCE, TIMER_HANDLERS
from handlers.slack.features import all_renderers

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_ORG = ROOT / "examples" / "org.yml"
SIGNING_SECRET = "test-signing-secret-0123456789abcdef"
BOT_TOKEN = "xoxb-test-bot-token"
# A Tuesday morning in November: inside working hours, outside British Summer Time.
START = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)

def make_settings(database_url: str, api_url: str, org: Path = EXAMPLE_ORG, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": api_url,
        "DATABASE_URL": database_url,
        "TMW_ORG_CONFIG": str(org),
        "TMW_DATA_KEY": generate_key(),
        "TZ": "Europe/London",
        **overrides,
    }
    return Settings(_env_file=None, **values)  # type: ignore[arg-type]


@dataclass
class RunningBot:
    """The bot as Slack sees it: an HTTP endpoint, plus the stand-in recording what it sends."""

    url: str
    services: Services
    fake: FakeSlack
    slack: SlackRequestSender
    clock: ManualClock
    deliverer: DeliveryRouter

    async def tick(self) -> TickReport:
        """Run everything due now: timers, and delivery of the outbox."""
        return await run_due(self.services, TIMER_HANDLERS, self.deliverer, MAINTENANCE)


async def start_bot(settings: Settings, fake: FakeSlack, clock: ManualClock, *,
                    teams_person_of: PersonOf | None = None,
                    teams_send_now: SendNow | None = None) -> tuple[RunningBot, web.AppRunner]:
    services = await prepare(settings, clock)
    app = create_app(services)
    # Teams' endpoint is served beside Slack's when the settings give a Teams registration.
    runner = web.AppRunner(make_web_application(app, services, create_teams_endpoint(services, teams_person_of, teams_send_now)))
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    url = f"http://127.0.0.1:{port}{EVENTS_PATH}"
    bot = RunningBot(
        url=url,
        services=services,
        fake=fake,
        slack=SlackRequestSender(url, SIGNING_SECRET, fake),
        clock=clock,
        deliverer=slack_delivery(services, app.client, all_renderers()),
    )
    return bot, runner


