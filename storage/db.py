"""Engines, sessions and the unit of work.

Storage functions take a session and never commit: the caller's unit of work owns the transaction.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def create_engine(url: str, **kwargs: Any) -> AsyncEngine:
    if not is_sqlite(url):
        return create_async_engine(url, pool_pre_ping=True, **kwargs)
    engine = create_async_engine(url, connect_args={"timeout": 30}, **kwargs)

    @event.listens_for(engine.sync_engine, "connect")
    def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide when transactions begin (see do_begin below).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _begin(conn: Any) -> None:
        # Writers take the write lock up front: two processes claiming the same timer then queue,
        # rather than both reading it as pending and both firing it. Readers (see Database.reading)
        # begin deferred and, with WAL, never wait for a writer.
        conn.exec_driver_sql(f"BEGIN {conn.get_execution_options().get('sqlite_begin', 'IMMEDIATE')}")

    return engine


class Database:
    def __init__(self, url: str, **engine_kwargs: Any) -> None:
        self.url = url
        self.engine = create_engine(url, **engine_kwargs)
        self.sessions = async_sessionmaker(self.engine, expire_on_commit=False)
        self._read_sessions = async_sessionmaker(
            self.engine.execution_options(sqlite_begin="DEFERRED"), expire_on_commit=False
        )
        # SQLite has one writer at a time. Queueing this process's writers here is prompt; leaving it
        # to SQLite's busy handler makes them sleep and retry, in convoys.
        self._sqlite_writer = WriterTurns() if is_sqlite(url) else None

    @property
    def is_sqlite(self) -> bool:
        return is_sqlite(self.url)

    @asynccontextmanager
    async def unit_of_work(self, *, background: bool = False) -> AsyncIterator[AsyncSession]:
        """One transaction: committed when the block finishes, rolled back if it raises.

        `background` work (the scheduler's) gives way on SQLite to a person's request waiting to
        write, so a burst of timers or deliveries never holds up an acknowledgement to Slack."""
        async with self._writer_turn(background), self.sessions() as session, session.begin():
            yield session

    @asynccontextmanager
    async def reading(self) -> AsyncIterator[AsyncSession]:
        """A read-only transaction, which never waits for writers (nor makes them wait)."""
        async with self._read_sessions() as session, session.begin():
            yield session
            await session.rollback()

    @asynccontextmanager
    async def _writer_turn(self, background: bool) -> AsyncIterator[None]:
        if self._sqlite_writer is None:
            yield
            return
        await self._sqlite_writer.acquire(background)
        try:
            yield
        finally:
            self._sqlite_writer.release()

    async def dispose(self) -> None:
        await self.engine.dispose()


class WriterTurns:
    """One writer at a time, people's requests first: background writers wait while any is queued."""

    def __init__(self) -> None:
        self._lock = asyncio.Lock()
        self._foreground_waiting = 0
        self._no_foreground_waiting = asyncio.Event()
        self._no_foreground_waiting.set()

    async def acquire(self, background: bool) -> None:
        if not background:
            self._foreground_waiting += 1
            self._no_foreground_waiting.clear()
            try:
                await self._lock.acquire()
            finally:
                self._foreground_waiting -= 1
                if self._foreground_waiting == 0:
                    self._no_foreground_waiting.set()
            return
        while True:
            await self._no_foreground_waiting.wait()
            await self._lock.acquire()
            if self._foreground_waiting == 0:
                return
            self._lock.release()  # someone's request arrived meanwhile: let it go first

    def release(self) -> None:
        self._lock.release()
