"""What the acknowledgement benchmarks share: the real bot and a bare slack-bolt app served side by side
in one process, signed requests fired at each in interleaved rounds, and the latency table.

Used by bench_report_ack.py (/report's view_submission) and bench_command_ack.py (slash commands); and,
through `measuring` with Teams' own signing and bare app, by bench_teams_report.py.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web
from slack_bolt.async_app import AsyncApp
from slack_sdk.signature import SignatureVerifier
from sqlalchemy import func, select

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.clock import SystemClock  # noqa: E402
from bot.crypto import generate_key  # noqa: E402
from bot.runtime import keep_start_up_out_of_garbage_collection, prepare, scheduler_loop  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.slack.delivery import slack_delivery  # noqa: E402
from bot.slack.server import EVENTS_PATH, make_web_application  # noqa: E402
from bot.slack.web import make_web_client  # noqa: E402
from bot.standin import FakeSlack  # noqa: E402
from bot.workflows import MAINTENANCE, TIMER_HANDLERS  # noqa: E402
from handlers.slack.features import all_renderers  # noqa: E402
from storage.models import OutboxMessage, Report  # noqa: E402

SECRET = "bench-signing-secret"
BARE = "bare slack-bolt (ack only)"

# The headers a request's body is sent with: its signature, or a token.
Headers = Callable[[str], dict[str, str]]


def slack_headers(body: str) -> dict[str, str]:
    """A form-encoded body signed as Slack signs it, now."""
    ts = str(int(time.time()))
    return {"Content-Type": "application/x-www-form-urlencoded", "X-Slack-Request-Timestamp": ts,
            "X-Slack-Signature": SignatureVerifier(SECRET).generate_signature(timestamp=ts, body=body)}


async def fire(url: str, bodies: list[str], concurrency: int, headers_for: Headers = slack_headers) -> list[float]:
    """Post each body with its headers, `concurrency` in flight; the seconds each took to be answered."""
    latencies: list[float] = []
    queue: asyncio.Queue[str] = asyncio.Queue()
    for body in bodies:
        queue.put_nowait(body)

    async def worker(session: aiohttp.ClientSession) -> None:
        while not queue.empty():
            body = queue.get_nowait()
            headers = headers_for(body)
            started = time.perf_counter()
            async with session.post(url, data=body, headers=headers) as response:
                await response.read()
                assert response.status == 200, (response.status, await response.text())
            latencies.append(time.perf_counter() - started)

    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:
        await asyncio.gather(*(worker(session) for _ in range(concurrency)))
    return latencies


async def serve(application: web.Application, path: str = EVENTS_PATH) -> tuple[web.AppRunner, str]:
    runner = web.AppRunner(application, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    return runner, f"http://127.0.0.1:{port}{path}"


async def settled(services: Any, timeout: float = 60.0) -> None:
    """Wait until every report is routed and every message delivered, and the scheduler's round is over."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        async with services.db.reading() as session:
            unrouted = await session.scalar(select(func.count()).select_from(Report).where(Report.routed_at.is_(None)))
            undelivered = await session.scalar(
                select(func.count()).select_from(OutboxMessage).where(OutboxMessage.state != "sent"))
        if not unrouted and not undelivered and not services.work_waiting.is_set():
            await asyncio.sleep(0.2)  # the rest of the round: maintenance after the deliveries
            return
        await asyncio.sleep(0.05)
    print(f"warning: the scheduler had not finished after {timeout:.0f} s", file=sys.stderr)


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))] * 1000


@asynccontextmanager
async def slack_standin(separate: bool) -> AsyncIterator[str]:
    """The Slack stand-in's API address: in its own process by default, as real Slack's work is not on
    our event loop."""
    if not separate:
        fake = await FakeSlack().start()
        try:
            yield fake.api_url
        finally:
            await fake.stop()
        return
    process = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot.standin", cwd=ROOT,
                                                   stdout=asyncio.subprocess.PIPE)
    assert process.stdout is not None
    try:
        yield (await process.stdout.readline()).decode().strip()
    finally:
        process.terminate()
        await process.wait()


@dataclass
class SideBySide:
    """The real bot (with its scheduler running, as under `tmw-bot run`) and a bare app, both served."""

    services: Any
    settings: Settings
    slack_url: str  # the stand-in's Web API
    ours_url: str
    bare_url: str
    where_slack_is: str
    latencies: dict[str, list[float]] = field(default_factory=dict)
    cpu: dict[str, float] = field(default_factory=dict)  # this process's CPU time while each answered
    bare: str = BARE  # the bare app's name in the table
    headers_for: Headers = slack_headers

    async def rounds(self, ours: str, bodies: list[str], batches: int, concurrency: int) -> None:
        """Fire `bodies` at each app in turn, in short rounds, so machine noise falls on both alike.
        After each of our rounds, wait until the scheduler has done what the requests left it: that
        work shares the process, and must not land on the bare app's turn."""
        for name in (self.bare, ours):
            self.latencies.setdefault(name, [])
            self.cpu.setdefault(name, 0.0)
        size = -(-len(bodies) // batches)
        for start in range(0, len(bodies), size):
            for name, url in ((self.bare, self.bare_url), (ours, self.ours_url)):
                started = time.process_time()
                self.latencies[name] += await fire(url, bodies[start : start + size], concurrency, self.headers_for)
                self.cpu[name] += time.process_time() - started
            await settled(self.services)

    def table(self) -> str:
        lines = [f"{'':30} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'CPU ms/request':>15}"]
        for name, values in self.latencies.items():
            lines.append(f"{name:30} {pct(values, 50):8.1f} {pct(values, 99):8.1f} {max(values) * 1000:8.1f}"
                         f" {self.cpu[name] / len(values) * 1000:15.2f}")
        return "\n".join(lines)

    def ratio(self, ours: str, p: float) -> float:
        return pct(self.latencies[ours], p) / pct(self.latencies[self.bare], p)

    @property
    def database(self) -> str:
        return self.settings.database_url.split(":")[0]

    def response_url(self, i: int) -> str:
        """A response_url the stand-in answers, as Slack's do."""
        return f"{self.slack_url.removesuffix('/api/')}/response/{i}"


def bench_settings(api_url: str, database_url: str | None, **more: str) -> Settings:
    """The bot's settings for a run: Slack at the stand-in's `api_url`, a fresh SQLite file unless
    `database_url` is given, and the example organisation file; `more` adds or replaces settings."""
    workdir = Path(tempfile.mkdtemp(prefix="tmw-bench-"))
    values = {"SLACK_BOT_TOKEN": "xoxb-bench", "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": api_url,
              "DATABASE_URL": database_url or f"sqlite+aiosqlite:///{workdir / 'bench.db'}",
              "TMW_ORG_CONFIG": str(ROOT / "examples" / "org.yml"), "TMW_DATA_KEY": generate_key(), **more}
    return Settings(_env_file=None, **values)  # type: ignore[call-arg, arg-type]


@asynccontextmanager
async def side_by_side(
    bare_listener: Callable[[AsyncApp], None], warm_up: Callable[[SideBySide], list[str]], *,
    database_url: str | None, same_process: bool,
) -> AsyncIterator[SideBySide]:
    """Both apps, served and warmed up with the bodies `warm_up` gives (imports, connection pools)
    outside the measurement. `bare_listener` registers on the bare app the one listener that only
    acknowledges."""
    from bot.slack.app import create_app

    async with slack_standin(not same_process) as api_url:
        services = await prepare(bench_settings(api_url, database_url), SystemClock())
        app = create_app(services)
        # Same Web API client as the bot (Bolt checks its token once, with auth.test, against the stand-in).
        bare = AsyncApp(signing_secret=SECRET, client=make_web_client("xoxb-bench", api_url))
        bare_listener(bare)
        where = "in the bot's own process" if same_process else "in a separate process, as Slack is"
        async with measuring(services, make_web_application(app), make_web_application(bare),
                             slack_delivery(services, app.client, all_renderers()), warm_up, where) as bench:
            yield bench


@asynccontextmanager
async def measuring(
    services: Any, ours: web.Application, bare: web.Application, deliverer: Any,
    warm_up: Callable[[SideBySide], Sequence[str]], where_slack_is: str, *,
    path: str = EVENTS_PATH, bare_name: str = BARE, headers_for: Headers = slack_headers,
) -> AsyncIterator[SideBySide]:
    """The bot's web application `ours`, with its scheduler delivering through `deliverer` (as under
    `tmw-bot run`), and the `bare` one, both served (requests go to `path`) and warmed up with the bodies
    `warm_up` gives, outside the measurement. The bot's database is closed at the end."""
    ours_runner, ours_url = await serve(ours, path)
    scheduler = asyncio.create_task(scheduler_loop(services, TIMER_HANDLERS, deliverer, MAINTENANCE))
    bare_runner, bare_url = await serve(bare, path)
    keep_start_up_out_of_garbage_collection()  # as `tmw-bot run` does, for both apps alike
    try:
        settings = services.settings
        bench = SideBySide(services, settings, settings.slack_api_url, ours_url, bare_url, where_slack_is,
                           bare=bare_name, headers_for=headers_for)
        await fire(bare_url, list(warm_up(bench)), 4, headers_for)
        await fire(ours_url, list(warm_up(bench)), 4, headers_for)
        await settled(services)
        yield bench
    finally:
        scheduler.cancel()
        await ours_runner.cleanup()
        await bare_runner.cleanup()
        await services.db.dispose()
