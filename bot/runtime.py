"""Start-up and the long-running loop: migrate, load the organisation, serve Slack, run what is due."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import signal
from collections.abc import Mapping, Sequence

from aiohttp import web

from bot.clock import Clock, SystemClock
from bot.crypto import DataCipher
from bot.org import load_org_file
from bot.outbox import Deliverer
from bot.scheduler import MaintenanceTask, TimerHandler, run_due
from bot.services import Services
from bot.settings import Settings
from storage.db import Database
from storage.directory import sync_org
from storage.migrate import upgrade_async

log = logging.getLogger(__name__)

LOOP_INTERVAL = 5.0


async def prepare(settings: Settings, clock: Clock | None = None) -> Services:
    """Everything `run` and `tick` need before they start: fails early with a clear message."""
    settings.require("TMW_DATA_KEY", "TMW_ORG_CONFIG")
    assert settings.tmw_data_key is not None and settings.tmw_org_config is not None
    loaded = load_org_file(settings.tmw_org_config)  # raises OrgFileError listing every problem
    await upgrade_async(settings.database_url)
    services = Services(
        settings=settings,
        db=Database(settings.database_url),
        clock=clock or SystemClock(),
        cipher=DataCipher(settings.tmw_data_key.get_secret_value()),
        org_path=settings.tmw_org_config,
        timezone_name=loaded.config.organisation.timezone or settings.tz,
    )
    async with services.db.unit_of_work() as session:
        await sync_org(session, loaded, services.now())
    return services


def keep_start_up_out_of_garbage_collection() -> None:
    """Everything loaded at start-up (modules, the app, its listeners) lives as long as the process.
    Frozen, it is left out of the collector's full passes, which otherwise stop the event loop for
    up to 100 ms now and then, in the middle of someone's request."""
    gc.collect()
    gc.freeze()


async def scheduler_loop(
    services: Services,
    handlers: Mapping[str, TimerHandler],
    deliverer: Deliverer,
    maintenance: Sequence[MaintenanceTask] = (),
    interval: float = LOOP_INTERVAL,
) -> None:
    while True:
        await services.db.people_first.wait_turn()
        services.work_waiting.clear()
        try:
            await run_due(services, handlers, deliverer, maintenance)
        except Exception:  # keep the loop alive; the next round tries again
            log.exception("the scheduler round failed")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(services.work_waiting.wait(), timeout=interval)


async def serve(settings: Settings, host: str, port: int) -> None:
    from bot.app import create_app
    from bot.slack.delivery import SlackDeliverer
    from bot.slack.server import EVENTS_PATH, make_web_application
    from bot.slack.socket_mode import SocketModeSupervisor
    from bot.slack.web import check_bot_token
    from bot.workflows import MAINTENANCE, TIMER_HANDLERS
    from handlers import all_renderers

    settings.require("SLACK_BOT_TOKEN")
    if not settings.socket_mode:
        settings.require("SLACK_SIGNING_SECRET")
    services = await prepare(settings)
    app = create_app(services)
    try:
        await check_bot_token(app.client)
    except BaseException:
        await services.db.dispose()
        raise
    deliverer = SlackDeliverer(app.client, all_renderers())
    keep_start_up_out_of_garbage_collection()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    background = asyncio.create_task(scheduler_loop(services, TIMER_HANDLERS, deliverer, MAINTENANCE))
    try:
        if settings.socket_mode:
            supervisor = SocketModeSupervisor(app, settings.secret("SLACK_APP_TOKEN"))
            connection = asyncio.create_task(supervisor.run())
            log.info("connected to Slack over Socket Mode")
            await stop.wait()
            supervisor.stop()
            await connection
        else:
            runner = web.AppRunner(make_web_application(app, services))
            await runner.setup()
            await web.TCPSite(runner, host, port).start()
            log.info("listening on http://%s:%s%s", host, port, EVENTS_PATH)
            print(f"tmw-bot is listening on http://{host}:{port}{EVENTS_PATH}", flush=True)
            await stop.wait()
            await runner.cleanup()
    finally:
        background.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await background
        await services.db.dispose()
