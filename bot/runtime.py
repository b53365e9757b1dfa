"""Start-up and the long-running loop: migrate, load the organisation, serve Slack, run what is due."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import signal
from collections.abc import Mapping, Sequence

from aiohttp import web

from bot import org_sections  # noqa: F401  (the workflows' sections of the organisation file)
from bot.clock import Clock, SystemClock
from bot.crypto import DataCipher
from bot.data_key import check_data_key
from bot.delivery import SLACK, TEAMS, DeliveryRouter, routing_by_organisation
from bot.org import LoadedOrg, OrgFileError, load_org_file
from bot.outbox import Deliverer
from bot.scheduler import ORG_FILE_LOGGED, MaintenanceTask, TimerHandler, org_file_digest, run_due
from bot.services import Services
from bot.settings import Settings, SettingsError
from storage.db import Database
from storage.directory import load_org_config, sync_org
from storage.migrate import upgrade_in_turn

log = logging.getLogger(__name__)

LOOP_INTERVAL = 5.0
STOP_WITHIN = 5.0  # seconds a stop may take to close the Slack connection


async def prepare(settings: Settings, clock: Clock | None = None) -> Services:
    """Everything `run` and `tick` need before they start: fails early with a clear message.

    A broken organisation file stops start-up only when there is no good version to fall back on: a
    typo pushed while the bot was down must not keep it down. It starts on the version the database
    holds, says so loudly, and the first round tells the admins (once) what to put right."""
    settings.require("TMW_DATA_KEY", "TMW_ORG_CONFIG")
    assert settings.tmw_data_key is not None and settings.tmw_org_config is not None
    loaded: LoadedOrg | None = None
    broken: OrgFileError | None = None
    try:
        loaded = load_org_file(settings.tmw_org_config)
    except OrgFileError as exc:
        broken = exc
    # Other processes may be starting too: each step below takes its turn (sync_org and the key
    # check lock for their own transactions, as sync_org also runs when the file is edited).
    await upgrade_in_turn(settings.database_url)
    db = Database(settings.database_url)
    if loaded is not None:
        timezone = loaded.config.organisation.timezone
    else:
        async with db.reading() as session:
            last_good = await load_org_config(session)
        assert broken is not None
        if last_good is None:
            await db.dispose()
            raise broken  # nothing to fall back on: list every problem
        timezone = last_good.organisation.timezone
        log.warning("\n%s\nTHE ORGANISATION FILE IS BROKEN: running on the last good version held in the database "
                    "until it is put right. %s\n%s", "!" * 72, broken, "!" * 72)
    services = Services(
        settings=settings,
        db=db,
        clock=clock or SystemClock(),
        cipher=DataCipher(settings.tmw_data_key.get_secret_value()),
        org_path=settings.tmw_org_config,
        timezone_name=timezone or settings.tz,
    )
    try:
        async with services.db.unit_of_work() as session:
            # Before anything is written: values written under a second key would be unreadable to the first.
            await check_data_key(session, services.cipher, services.now())
            if loaded is not None:
                await sync_org(session, loaded, services.now())
    except BaseException:
        await services.db.dispose()
        raise
    if loaded is None:
        services.cache[ORG_FILE_LOGGED] = org_file_digest(settings.tmw_org_config)
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
        # asyncio.timeout, not wait_for: on Python 3.11 wait_for swallows a cancellation that lands just
        # as the event is set (CPython gh-86296), and the loop would carry on after `run` was stopped.
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(interval):
                await services.work_waiting.wait()


async def stop_task(task: asyncio.Task[None], within: float = STOP_WITHIN) -> bool:
    """Cancels `task` and waits for it to end, cancelling again should it swallow a cancellation (code
    below us may), so that stopping `run` never leaves the process waiting for ever. True if it ended."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not task.done() and loop.time() < deadline:
        task.cancel()
        await asyncio.wait({task}, timeout=min(0.5, max(deadline - loop.time(), 0.0)))
    if not task.done():
        log.error("%s did not stop within %.0f s; stopping without it", task.get_name(), within)
        return False
    if not task.cancelled() and task.exception() is not None:
        log.error("%s ended with an error", task.get_name(), exc_info=task.exception())
    return True


NOTHING_TO_SERVE = (
    "Neither Slack nor Teams is set up, so there is nothing to serve: set SLACK_BOT_TOKEN and "
    "SLACK_SIGNING_SECRET for Slack, TEAMS_APP_ID and TEAMS_APP_PASSWORD (or TEAMS_APP_CERTIFICATE) for Teams, or both "
    "(README, \"Set up in Slack\" and \"Set up in Teams\")."
)


async def serve(settings: Settings, host: str, port: int) -> None:
    """Serves whichever platforms are set up, both at once if both are: Slack over HTTP (or Socket Mode,
    with SLACK_APP_TOKEN), Teams over HTTP. A person on a platform not served has their messages kept
    in the outbox until it is."""
    from bot.slack.app import create_app
    from bot.slack.delivery import slack_deliverer
    from bot.slack.server import EVENTS_PATH, slack_endpoint
    from bot.slack.socket_mode import SocketModeSupervisor
    from bot.slack.web import check_bot_token
    from bot.teams.app import create_teams_endpoint
    from bot.teams.credentials import teams_sign_in
    from bot.teams.server import MESSAGES_PATH, SendNow
    from bot.web import Endpoint, web_application
    from bot.workflows import MAINTENANCE, TIMER_HANDLERS
    from handlers.slack.features import all_renderers

    serves_slack = settings.slack_bot_token is not None
    serves_teams = settings.teams_app_id is not None
    if not serves_slack and not serves_teams:
        raise SettingsError(NOTHING_TO_SERVE)
    if serves_slack and not settings.socket_mode:
        settings.require("SLACK_SIGNING_SECRET")
    if serves_teams:
        teams_sign_in(settings)  # a missing or unreadable credential stops start-up before anything else
    services = await prepare(settings)
    deliverers: dict[str, Deliverer] = {}
    endpoints: dict[str, Endpoint] = {}
    slack_app = None
    if serves_slack:
        slack_app = create_app(services)
        try:
            await check_bot_token(slack_app.client)
        except BaseException:
            await services.db.dispose()
            raise
        deliverers[SLACK] = slack_deliverer(services, slack_app.client, all_renderers())
        if not settings.socket_mode:
            endpoints[EVENTS_PATH] = slack_endpoint(slack_app)
    connector = None
    if serves_teams:
        from bot.teams.delivery import teams_connector, teams_delivery_by_organisation
        from handlers.teams import all_teams_renderers

        connector = teams_connector(settings, services)
        teams_deliverer = teams_delivery_by_organisation(services, connector, all_teams_renderers())
        deliverers[TEAMS] = teams_deliverer
        # Answers that are sent at once and never kept (a check's findings, Home) go out through it.
        send_now: SendNow = teams_deliverer.send_now
        teams = create_teams_endpoint(services, send_now=send_now)
        assert teams is not None  # TEAMS_APP_ID is set
        endpoints[MESSAGES_PATH] = teams.handle
    deliverer = DeliveryRouter(deliverers, routing_by_organisation(services))
    keep_start_up_out_of_garbage_collection()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    background = asyncio.create_task(
        scheduler_loop(services, TIMER_HANDLERS, deliverer, MAINTENANCE), name="the scheduler"
    )
    runner: web.AppRunner | None = None
    supervisor: SocketModeSupervisor | None = None
    connection: asyncio.Task[None] | None = None
    try:
        if endpoints:
            runner = web.AppRunner(web_application(endpoints, services))
            await runner.setup()
            await web.TCPSite(runner, host, port).start()
            urls = " and ".join(f"http://{host}:{port}{path}" for path in endpoints)
            log.info("listening on %s", urls)
            print(f"tmw-bot is listening on {urls}", flush=True)
        if slack_app is not None and settings.socket_mode:
            supervisor = SocketModeSupervisor(slack_app, settings.secret("SLACK_APP_TOKEN"))
            connection = asyncio.create_task(supervisor.run())
            log.info("connecting to Slack over Socket Mode")  # the supervisor says when it has
        await stop.wait()
        if supervisor is not None and connection is not None:
            supervisor.stop()
            # Stopping abandons a connection attempt at once; closing a live one is bounded too, so
            # the process ends promptly even with Slack unreachable. Queued work waits for the next start.
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(connection, timeout=STOP_WITHIN)
        if runner is not None:
            await runner.cleanup()
    finally:
        await stop_task(background)
        if connector is not None:
            await connector.close()
        await services.db.dispose()
