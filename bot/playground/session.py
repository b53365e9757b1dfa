"""The playground's engine: the bot and the Slack stand-in on loopback, on a throwaway SQLite file.

Everything a person does goes to the bot as Slack would send it (signed HTTP to /slack/events); the
engine then waits until the bot has finished, runs what is due (as `tmw-bot run` does in the
background), and reports what the bot sent to Slack meanwhile. The clock is a ManualClock, moved only
by `/clock`, so escalations and reminders fire when someone asks them to.
"""

from __future__ import annotations

import asyncio
import copy
import json
import logging
import secrets
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web
from sqlalchemy import func, select

from bot import org_sections  # noqa: F401  (the workflows' sections of the organisation file)
from bot.clock import ManualClock
from bot.crypto import generate_key
from bot.org import load_org_file
from bot.settings import Settings
from bot.playground.directory import Directory
from bot.standin import FakeSlack, SlackRequestSender
from bot.standin.client import BotResponse
from bot.standin.server import APP_ID, TEAM_ID, PostedMessage

log = logging.getLogger(__name__)

# How long the bot may take over one step before the client says it is still busy.
SETTLE_TIMEOUT = 15.0
# Quiet polls in a row (no new Web API calls, no listener still running) that count as finished.
QUIET_POLLS = 3
POLL_INTERVAL = 0.02
# Moving the clock a long way fires each timer at its own moment, up to this many moments.
MAX_CLOCK_STEPS = 2000


class BotUnavailable(Exception):
    """The bot did not answer as Slack expects; the message says what happened."""


@dataclass(frozen=True)
class MessageSeen:
    channel: str
    ts: str
    text: str
    blocks: list[dict[str, Any]] | None
    user: str
    updated: bool = False


@dataclass
class Changes:
    """What the bot did in Slack during one step, in the order people would notice it."""

    messages: list[MessageSeen] = field(default_factory=list)
    deleted: list[MessageSeen] = field(default_factory=list)
    ephemerals: list[dict[str, Any]] = field(default_factory=list)
    responses: list[dict[str, Any]] = field(default_factory=list)  # posts to response_url, for the actor
    views: list[dict[str, Any]] = field(default_factory=list)  # modals opened or updated
    homes: dict[str, dict[str, Any]] = field(default_factory=dict)  # user -> Home tab published
    problems: list[str] = field(default_factory=list)


@dataclass
class _Marker:
    messages: dict[tuple[str, str], str]
    ephemerals: int
    responses: int
    views: dict[str, str]
    homes: dict[str, str]


def _fingerprint(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str)


@dataclass
class SessionFiles:
    directory: Path

    @property
    def database(self) -> Path:
        return self.directory / "tmw-bot.db"

    @property
    def log(self) -> Path:
        return self.directory / "bot.log"


class Playground:
    """Start with `await Playground.start(...)`; every method runs on the engine's event loop."""

    platform = "Slack"  # the platform the bot is reached through, as the client names it

    def __init__(self, org_path: Path, files: SessionFiles, start: datetime, timezone: str) -> None:
        self.org_path = org_path
        self.files = files
        self.clock = ManualClock(start)
        self.timezone = timezone
        self.directory = Directory.from_org(load_org_file(org_path).config)
        people = {p.slack_id: {"name": p.first_name.lower(), "real_name": p.name,
                               "profile": {"real_name": p.name, "display_name": p.first_name}}
                  for p in self.directory.people}
        self.fake = FakeSlack(users=people)
        self.signing_secret = secrets.token_hex(16)
        self.services: Any = None
        self.sender: SlackRequestSender | None = None
        self._runner: web.AppRunner | None = None
        self._deliverer: Any = None
        self._idle_tasks: set[asyncio.Task[Any]] = set()
        self.bot_url = ""
        # When each message was first seen, by the bot's clock (the stand-in's timestamps are wall-clock).
        self.posted_at: dict[tuple[str, str], datetime] = {}

    @classmethod
    async def start(cls, org_path: Path, files: SessionFiles, start: datetime, timezone: str = "Europe/London") -> Playground:
        playground = cls(org_path, files, start, timezone)
        await playground._start()
        return playground

    async def _start(self) -> None:
        # Imported here so that merely importing the client (for --help) stays light.
        from bot.runtime import prepare
        from bot.slack.app import create_app
        from bot.slack.delivery import slack_delivery
        from bot.slack.server import EVENTS_PATH, make_web_application
        from handlers.slack.features import all_renderers

        await self.fake.start()
        settings = Settings(  # type: ignore[call-arg]
            _env_file=None,
            # Every setting given here, so nothing from the environment or .env (a real Slack token
            # above all) reaches the playground.
            SLACK_BOT_TOKEN="xoxb-playground",
            SLACK_APP_TOKEN="",
            SLACK_SIGNING_SECRET=self.signing_secret,
            SLACK_USER_TOKEN="",
            SLACK_API_URL=self.fake.api_url,
            DATABASE_URL=f"sqlite+aiosqlite:///{self.files.database}",
            TMW_ORG_CONFIG=str(self.org_path),
            TMW_DATA_KEY=generate_key(),
            TZ=self.timezone,
            **await self._more_settings(),
        )
        self.services = await prepare(settings, self.clock)
        self.timezone = self.services.timezone_name
        app = create_app(self.services)
        self._deliverer = slack_delivery(self.services, app.client, all_renderers())
        teams = self._teams_endpoint(settings)
        self._runner = web.AppRunner(make_web_application(app, teams=teams))
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.bot_url = f"http://127.0.0.1:{port}{EVENTS_PATH}"
        self.sender = SlackRequestSender(self.bot_url, self.signing_secret, self.fake)
        await self._serving(f"http://127.0.0.1:{port}")
        await self.run_due()
        self._idle_tasks = set(asyncio.all_tasks())

    # Where the Teams engine (teams.py) serves Teams beside Slack; the Slack engine serves Slack alone.

    async def _more_settings(self) -> dict[str, Any]:
        return {}

    def _teams_endpoint(self, settings: Settings) -> Any:
        return None

    async def _serving(self, base_url: str) -> None:
        pass

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        if self.services is not None:
            await self.services.db.dispose()
        await self.fake.stop()

    async def stop_bot(self) -> None:
        """Stop only the bot's endpoint, as if its process had died (the tests use this)."""
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # -- what people do -----------------------------------------------------------------------------

    async def slash_command(self, user: str, command: str, text: str, channel: str) -> tuple[BotResponse, Changes]:
        return await self._step(lambda: self._send().slash_command(command, text, user, channel_id=channel))

    async def block_action(
        self, user: str, element: dict[str, Any], block_id: str, chosen: dict[str, Any],
        *, message: MessageSeen | None = None, view: dict[str, Any] | None = None,
    ) -> tuple[BotResponse, Changes]:
        """Press a button, or choose in a select, date picker or checkboxes: `chosen` is what Slack adds
        to the action for that element (`selected_option`, `selected_date`, ...)."""
        sender = self._send()
        action = {"action_id": element.get("action_id", ""), "block_id": block_id, "type": element.get("type", "button"),
                  "action_ts": f"{time.time():.6f}", **chosen}
        if element.get("type") == "button":
            action["value"] = element.get("value", "")
            action["text"] = element.get("text")
        payload: dict[str, Any] = {
            "type": "block_actions",
            "user": {"id": user, "username": user.lower(), "name": user.lower(), "team_id": TEAM_ID},
            "api_app_id": APP_ID,
            "token": "legacy-verification-token",
            "team": {"id": TEAM_ID, "domain": "themusicworks"},
            "trigger_id": sender.trigger_id(user),
            "actions": [action],
        }
        if message is not None:
            payload["container"] = {"type": "message", "message_ts": message.ts, "channel_id": message.channel,
                                    "is_ephemeral": False}
            payload["message"] = {"ts": message.ts, "text": message.text, "blocks": message.blocks, "user": message.user}
            payload["channel"] = {"id": message.channel}
            payload["response_url"] = self.fake.response_url()
        if view is not None:
            payload["container"] = {"type": "view", "view_id": view["id"]}
            payload["view"] = {k: v for k, v in view.items() if not k.startswith("_")}
        return await self._step(lambda: sender.interactive(payload))

    async def submit_view(self, user: str, view: dict[str, Any], values: dict[str, dict[str, Any]]) -> tuple[BotResponse, Changes]:
        return await self._step(lambda: self._send().view_submission(user, view, values))

    async def open_home(self, user: str) -> tuple[BotResponse, Changes]:
        event = {"type": "app_home_opened", "user": user, "channel": self.fake.dm_channel(user), "tab": "home",
                 "event_ts": f"{time.time():.6f}"}
        return await self._step(lambda: self._send().event(event))

    async def post_message(self, user: str, channel: str, text: str) -> tuple[MessageSeen, Changes]:
        """A person writes in a channel: Slack shows it there and tells the bot (message.channels)."""
        posted = PostedMessage(channel, self._next_ts(), text, None, user=user)
        self.fake.messages.append(posted)
        event = {"type": "message", "channel": channel, "user": user, "text": text, "ts": posted.ts,
                 "channel_type": "channel", "event_ts": posted.ts, "team": TEAM_ID}
        _, changes = await self._step(lambda: self._send().event(event))
        return _seen(posted), changes

    async def message_shortcut(self, user: str, callback_id: str, message: MessageSeen) -> tuple[BotResponse, Changes]:
        shortcut_message = {"ts": message.ts, "text": message.text, "user": message.user, "type": "message"}
        return await self._step(
            lambda: self._send().message_shortcut(user, callback_id, shortcut_message, message.channel))

    # -- time ---------------------------------------------------------------------------------------

    def now(self) -> datetime:
        return self.clock.now()

    async def move_clock(self, to: datetime) -> tuple[int, Changes]:
        """Move time forward to `to`, stopping at each timer's moment on the way, so that every
        escalation and reminder fires when it would have. Returns how many moments were run."""
        from storage.models import Timer

        marker = self._marker()
        steps = 0
        while steps < MAX_CLOCK_STEPS:
            async with self.services.db.reading() as session:
                due = await session.scalar(select(func.min(Timer.due_at)).where(Timer.state == "pending"))
            if due is None:
                break
            due = due if due.tzinfo else due.replace(tzinfo=UTC)  # SQLite hands back naive UTC
            if due > to:
                break
            if due > self.clock.now():
                self.clock.set(due)
            await self.run_due()
            steps += 1
        self.clock.set(to)
        await self.run_due()
        return steps + 1, self._changes_since(marker)

    # -- the machinery ------------------------------------------------------------------------------

    def _send(self) -> SlackRequestSender:
        if self.sender is None or self._runner is None:
            raise BotUnavailable("the bot has stopped")
        return self.sender

    def _next_ts(self) -> str:
        return self.fake._ts()

    async def _step(self, send: Callable[[], Awaitable[BotResponse]]) -> tuple[BotResponse, Changes]:
        marker = self._marker()
        try:
            response = await send()
        except (aiohttp.ClientError, OSError) as exc:
            raise BotUnavailable(f"the bot is not answering ({type(exc).__name__})") from exc
        await self.settle()
        await self.run_due()
        changes = self._changes_since(marker)
        if response.status >= 400:
            changes.problems.append(f"the bot answered HTTP {response.status}, which Slack would show as an error")
        return response, changes

    async def settle(self, timeout: float = SETTLE_TIMEOUT) -> None:
        """Wait until the bot has finished what it started after answering (Bolt runs listeners after
        the ack): no listener task still running and no new Web API call for a few polls."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        quiet, last = 0, self._activity()
        while quiet < QUIET_POLLS:
            await asyncio.sleep(POLL_INTERVAL)
            busy = any(self._working(t) for t in asyncio.all_tasks() - self._idle_tasks - {asyncio.current_task()})
            activity = self._activity()
            quiet = 0 if busy or activity != last else quiet + 1
            last = activity
            if loop.time() > deadline:
                log.warning("the bot was still busy after %.0f seconds", timeout)
                break
        for message in self.fake.messages:
            self.posted_at.setdefault((message.channel, message.ts), self.clock.now())

    def _working(self, task: asyncio.Task[Any]) -> bool:
        """Whether a task started since the engine was idle is still at work for the bot."""
        return not task.done()

    async def run_due(self) -> None:
        """What `tmw-bot run` does in the background: timers, routing and the outbox, until quiet."""
        from bot.scheduler import run_due
        from bot.workflows import MAINTENANCE, TIMER_HANDLERS

        for _ in range(10):
            report = await run_due(self.services, TIMER_HANDLERS, self._deliverer, MAINTENANCE)
            await self.settle()
            if not (report.timers_fired or report.messages_sent):
                return

    def _activity(self) -> tuple[int, ...]:
        return len(self.fake.calls), len(self.fake.responses), len(self.fake.messages), len(self.fake.ephemerals)

    def _marker(self) -> _Marker:
        return _Marker(
            messages={(m.channel, m.ts): _fingerprint([m.text, m.blocks, m.deleted]) for m in self.fake.messages},
            ephemerals=len(self.fake.ephemerals),
            responses=len(self.fake.responses),
            views={view_id: _fingerprint(v) for view_id, v in self.fake.views.items()},
            homes={user: _fingerprint(v) for user, v in self.fake.home_views.items()},
        )

    def _changes_since(self, marker: _Marker) -> Changes:
        changes = Changes()
        for message in self.fake.messages:
            before = marker.messages.get((message.channel, message.ts))
            now = _fingerprint([message.text, message.blocks, message.deleted])
            if before == now:
                continue
            if message.deleted:
                changes.deleted.append(_seen(message))
            else:
                changes.messages.append(_seen(message, updated=before is not None))
        changes.ephemerals = [copy.deepcopy(e) for e in self.fake.ephemerals[marker.ephemerals:]]
        changes.responses = [copy.deepcopy(r.params) for r in self.fake.responses[marker.responses:]]
        changes.views = [copy.deepcopy(v) for view_id, v in self.fake.views.items()
                         if marker.views.get(view_id) != _fingerprint(v)]
        changes.homes = {user: copy.deepcopy(v) for user, v in self.fake.home_views.items()
                         if marker.homes.get(user) != _fingerprint(v)}
        return changes

    # -- what is there to see -----------------------------------------------------------------------

    def messages_in(self, channel: str) -> list[MessageSeen]:
        return [_seen(m) for m in self.fake.messages if m.channel == channel and not m.deleted]

    def current(self, message: MessageSeen) -> MessageSeen | None:
        """The message as it stands now (the bot may have updated it), or None once deleted."""
        found = next((m for m in self.fake.messages if m.channel == message.channel and m.ts == message.ts), None)
        return _seen(found) if found is not None and not found.deleted else None

    def home_of(self, user: str) -> dict[str, Any] | None:
        view = self.fake.home_views.get(user)
        return {**copy.deepcopy(view), "id": f"VH{user}", "type": "home"} if view is not None else None

    def view(self, view_id: str) -> dict[str, Any] | None:
        view = self.fake.views.get(view_id)
        return copy.deepcopy(view) if view is not None else None


def _seen(message: PostedMessage, *, updated: bool = False) -> MessageSeen:
    return MessageSeen(message.channel, message.ts, message.text, copy.deepcopy(message.blocks), message.user, updated)
