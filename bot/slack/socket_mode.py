"""Socket Mode that stays connected.

slack_sdk's aiohttp client can end up neither connected nor reconnecting after a `disconnect` message
or a dropped or stalled socket (python-slack-sdk #1110, #1446). A small supervisor watches it and,
when it has been down for a while, throws the client away and opens a fresh one.
"""

from __future__ import annotations

import asyncio
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
        await self._handler.connect_async()
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

    async def _replace(self) -> None:
        await self._close()
        self.restarts += 1
        self._handler = self._new_handler()
        try:
            await self._handler.connect_async()
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
