"""Socket Mode that stays connected.

slack_sdk's aiohttp client can end up neither connected nor reconnecting after a `disconnect` message
or a dropped or stalled socket (python-slack-sdk #1110, #1446). A small supervisor watches it and,
when it has been down for a while, throws the client away and opens a fresh one.

slack_sdk's `connect` retries for ever while Slack cannot be reached, so each connection attempt races
the request to stop: a stop ends it at once rather than after Slack comes back.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp

log = logging.getLogger(__name__)


class SocketModeSupervisor:
    def __init__(
        self,
        app: AsyncApp,
        app_token: str,
        *,
        check_every: float = 5.0,
        down_for: float = 15.0,
        ping_interval: float = 10.0,
    ) -> None:
        self.app = app
        self.app_token = app_token
        self.check_every = check_every
        self.down_for = down_for
        self.ping_interval = ping_interval
        self.restarts = 0
        self._handler: AsyncSocketModeHandler | None = None
        self._stopping = asyncio.Event()

    def _new_handler(self) -> AsyncSocketModeHandler:
        return AsyncSocketModeHandler(self.app, self.app_token, ping_interval=self.ping_interval)

    async def run(self) -> None:
        self._handler = self._new_handler()
        if not await self._connect():
            await self._close()
            return
        down_since: float | None = None
        loop = asyncio.get_running_loop()
        while not self._stopping.is_set():
            try:
                await asyncio.wait_for(self._stopping.wait(), timeout=self.check_every)
                break
            except TimeoutError:
                pass
            if await self._handler.client.is_connected():
                down_since = None
                continue
            down_since = down_since if down_since is not None else loop.time()
            if loop.time() - down_since >= self.down_for:
                log.warning("Socket Mode connection has been down for %.0fs; opening a fresh one", self.down_for)
                await self._replace()
                down_since = None
        await self._close()

    async def _connect(self) -> bool:
        """Connect the current handler; False if asked to stop first (the attempt is then abandoned)."""
        assert self._handler is not None
        connecting = asyncio.create_task(self._handler.connect_async())
        stopping = asyncio.create_task(self._stopping.wait())
        try:
            await asyncio.wait({connecting, stopping}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            stopping.cancel()
        if not connecting.done():
            connecting.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await connecting
            return False
        connecting.result()  # raises what the attempt raised
        log.info("connected to Slack over Socket Mode")
        return True

    async def _replace(self) -> None:
        await self._close()
        self.restarts += 1
        self._handler = self._new_handler()
        try:
            await self._connect()
        except Exception:  # the next check will try again
            log.exception("could not reconnect to Slack yet")

    async def _close(self) -> None:
        if self._handler is not None:
            try:
                await self._handler.close_async()
            except Exception:
                log.exception("closing the old Socket Mode client failed")

    def stop(self) -> None:
        self._stopping.set()
