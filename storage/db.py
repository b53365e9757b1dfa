"""Engines, sessions and the unit of work.

Storage functions take a session and never commit: the caller's unit of work owns the transaction.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import sqlite3
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any, Generic, TypeVar

from sqlalchemy import Engine, event, text
from sqlalchemy import create_engine as create_sync_engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.pool import NullPool, PoolProxiedConnection

from storage.statements import SQLAlchemyRunner, SQLiteRunner, StatementRunner

log = logging.getLogger(__name__)

Item = TypeVar("Item")
Saved = TypeVar("Saved")
# Saves a batch with the statement runner it is given, returning one result per item, in order.
SaveBatch = Callable[[StatementRunner, Sequence[Item]], Sequence[Saved]]


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


class DatabaseUnreachable(Exception):
    """The database cannot be opened or reached; the message says where and why, in one line."""


async def ensure_reachable(url: str, timeout: float = 10.0) -> None:
    """Open the database once, so a wrong URL, a missing folder or a server that is down is one
    clear DatabaseUnreachable at start-up rather than a long traceback from deep in a migration."""
    parsed = make_url(url)
    where = parsed.render_as_string(hide_password=True)
    if is_sqlite(url):
        folder = Path(parsed.database or "").parent
        if parsed.database and parsed.database != ":memory:" and not folder.is_dir():
            raise DatabaseUnreachable(f"the folder {folder} does not exist")
        connect_args: dict[str, Any] = {}
    else:
        where = f"{parsed.host or 'localhost'}:{parsed.port or 5432}/{parsed.database or ''}"
        connect_args = {"timeout": timeout}
    engine = create_async_engine(url, poolclass=NullPool, connect_args=connect_args)
    try:
        async with engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
    except (DBAPIError, OSError, TimeoutError) as exc:
        raise DatabaseUnreachable(f"cannot open {where}: {_first_line(exc)}") from None
    finally:
        await engine.dispose()


def _first_line(exc: BaseException) -> str:
    # The driver's own words, without SQLAlchemy's wrapping (the statement, a link to its docs).
    cause = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    text_ = str(cause).strip() or type(cause).__name__
    return text_.splitlines()[0]


def advisory_lock_id(name: str) -> int:
    """A PostgreSQL advisory lock number for `name`, the same in every process."""
    return int.from_bytes(hashlib.sha256(f"tmw-bot:{name}".encode()).digest()[:8], "big", signed=True)


@asynccontextmanager
async def held_across_processes(url: str, name: str) -> AsyncIterator[None]:
    """Hold a lock named `name` that every process on this database respects, for the block: on
    PostgreSQL a session advisory lock on a connection of its own (so other connections, such as
    the migrations', can work meanwhile); on a SQLite file, a lock on a file beside it (Alembic
    commits SQLite migrations step by step, so the database's own locks do not keep two processes
    from both migrating). Either is released at the end, or when the process dies."""
    if is_sqlite(url):
        async with _sqlite_file_lock(url, name):
            yield
        return
    engine = create_async_engine(url, poolclass=NullPool)
    try:
        async with engine.connect() as connection:
            await connection.execute(text("SELECT pg_advisory_lock(:id)"), {"id": advisory_lock_id(name)})
            await connection.commit()  # the lock is the session's: hold no transaction open meanwhile
            try:
                yield
            finally:
                await connection.execute(text("SELECT pg_advisory_unlock(:id)"), {"id": advisory_lock_id(name)})
                await connection.commit()
    finally:
        await engine.dispose()


@asynccontextmanager
async def _sqlite_file_lock(url: str, name: str) -> AsyncIterator[None]:
    import fcntl

    database = make_url(url).database
    if not database or database == ":memory:":  # only this process can see it
        yield
        return
    with open(f"{database}-{name}.lock", "a") as lock_file:
        await asyncio.to_thread(fcntl.flock, lock_file.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock_file.fileno(), fcntl.LOCK_UN)


async def lock_for_transaction(session: AsyncSession, name: str) -> None:
    """Wait for, then hold until this transaction ends, a lock named `name` across processes. On
    SQLite the transaction already holds the write lock (see _begin below)."""
    if session.bind.dialect.name == "postgresql":
        await session.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": advisory_lock_id(name)})


def create_engine(url: str, **kwargs: Any) -> AsyncEngine:
    if not is_sqlite(url):
        return create_async_engine(url, pool_pre_ping=True, **kwargs)
    engine = create_async_engine(url, connect_args={"timeout": 30}, **kwargs)
    _configure_sqlite(engine.sync_engine, busy_timeout_ms=30_000)
    return engine


def _direct_sqlite_engine(url: str) -> Engine | None:
    """The same SQLite file through the stdlib driver, called on the event loop itself. A file
    database only (an in-memory one would be a second, empty database)."""
    parsed = make_url(url)
    if not parsed.database or parsed.database == ":memory:":
        return None
    # Short: this waits on the event loop, and only for another process's write (see write_together).
    engine = create_sync_engine(parsed.set(drivername="sqlite+pysqlite"), connect_args={"timeout": 0.2})
    _configure_sqlite(engine, busy_timeout_ms=200)

    @event.listens_for(engine, "connect")
    def _leave_checkpoints_to_the_others(dbapi_connection: Any, _record: Any) -> None:
        # Copying the write-ahead log back into the database takes milliseconds now and then. The
        # aiosqlite connections, which commit after every report anyway, do it off the event loop.
        dbapi_connection.execute("PRAGMA wal_autocheckpoint=0")

    return engine


def _configure_sqlite(engine: Engine, *, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide when transactions begin (see _begin below).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={busy_timeout_ms}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # Writers take the write lock up front: two processes claiming the same timer then queue,
        # rather than both reading it as pending and both firing it. Readers (see Database.reading)
        # begin deferred and, with WAL, never wait for a writer.
        conn.exec_driver_sql(f"BEGIN {conn.get_execution_options().get('sqlite_begin', 'IMMEDIATE')}")


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
        self.people_first = PeopleFirst()
        self._groups: dict[Any, GroupCommit[Any, Any]] = {}
        self._direct_engine = _direct_sqlite_engine(url) if is_sqlite(url) else None
        self._compiled_for_sqlite: dict[Any, Any] = {}
        self._direct_held: PoolProxiedConnection | None = None

    @property
    def is_sqlite(self) -> bool:
        return is_sqlite(self.url)

    @asynccontextmanager
    async def unit_of_work(self, *, background: bool = False) -> AsyncIterator[AsyncSession]:
        """One transaction: committed when the block finishes, rolled back if it raises.

        `background` work (the scheduler's) waits while people's requests are being answered (see
        `PeopleFirst`) and, on SQLite, gives way to a request waiting to write, so a burst of timers,
        routing or deliveries never holds up an acknowledgement to Slack."""
        if background:
            await self.people_first.wait_turn()
        async with self._writer_turn(background), self.sessions() as session, session.begin():
            yield session

    async def write_together(self, save: SaveBatch[Item, Saved], item: Item) -> Saved:
        """Save `item` with `save`, in one transaction with any other items given the same `save`
        meanwhile (a group commit), and return its result once that transaction has committed.

        For the few writes a person waits on before Slack is answered: ten people filing at once
        cost one transaction, not ten queued one behind another. `save` is synchronous, and on
        SQLite it runs directly on the event loop: a write of a few rows takes a fraction of a
        millisecond, less than the thread hops aiosqlite makes for each statement of it."""
        group = self._groups.get(save)
        if group is None:
            group = self._groups[save] = GroupCommit(self, save)
        return await group.submit(item)

    async def _write_batch(self, save: SaveBatch[Item, Saved], items: Sequence[Item]) -> Sequence[Saved]:
        async with self._writer_turn(background=False):
            if self._direct_engine is not None:
                # This process's other writers are held off by the turn, so the write lock is free
                # unless another process (`tmw-bot tick`) holds it; then wait for it off the loop.
                try:
                    return self._write_directly(save, items)
                except sqlite3.OperationalError as exc:
                    if "locked" not in str(exc):
                        raise
            async with self.engine.begin() as connection:
                return await connection.run_sync(lambda sync: save(SQLAlchemyRunner(sync), items))

    def _write_directly(self, save: SaveBatch[Item, Saved], items: Sequence[Item]) -> Sequence[Saved]:
        assert self._direct_engine is not None
        driver = self._direct_connection()
        driver.execute("BEGIN IMMEDIATE")
        try:
            saved = save(SQLiteRunner(driver, self._direct_engine.dialect, self._compiled_for_sqlite), items)
            driver.execute("COMMIT")
        except BaseException:
            if driver.in_transaction:
                driver.execute("ROLLBACK")
            raise
        return saved

    def _direct_connection(self) -> sqlite3.Connection:
        # Held for the life of the Database: checking one out of a pool for each batch, and the
        # pool's rollback on its return, cost more than the batch's own statements.
        assert self._direct_engine is not None
        if self._direct_held is None:
            self._direct_held = self._direct_engine.raw_connection()
        return self._direct_held.driver_connection  # type: ignore[return-value]

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

    async def reclaim_erased_space(self) -> bool:
        """After erasing personal data: on SQLite, rebuild the file (VACUUM) so no copy of what was
        erased stays in free pages, and empty the write-ahead log, which still holds the old pages.
        False if another connection kept the log from being emptied (the next erasure tries again).
        PostgreSQL's own (auto)vacuum reclaims the dead rows; nothing to do here."""
        if not self.is_sqlite:
            return True
        database = make_url(self.url).database
        if not database or database == ":memory:":
            return True

        def _reclaim() -> bool:
            connection = sqlite3.connect(database, timeout=30, isolation_level=None)
            try:
                connection.execute("VACUUM")
                busy, _log, _copied = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
                return not busy
            finally:
                connection.close()

        async with self._writer_turn(True):
            return await asyncio.to_thread(_reclaim)

    async def dispose(self) -> None:
        await self.engine.dispose()
        if self._direct_held is not None:
            self._direct_held.close()
            self._direct_held = None
        if self._direct_engine is not None:
            self._direct_engine.dispose()


class PeopleFirst:
    """Background work waits while this process is answering people's requests, within limits.

    A person's request shares the event loop with the scheduler, and Slack gives each request three
    seconds. Routing a report, a reminder or a delivery loses nothing by starting a moment later, so
    each background transaction waits for a short lull in requests; under a steady stream of them it
    waits at most `longest_wait`, and then background work has a turn of `turn` seconds, so it is
    slowed down but never starved."""

    def __init__(self, *, lull: float = 0.02, longest_wait: float = 3.0, turn: float = 0.25) -> None:
        self.lull, self.longest_wait, self.turn = lull, longest_wait, turn
        self._serving = 0
        self._last_served = float("-inf")
        self._background_turn_until = float("-inf")
        self._quiet = asyncio.Event()
        self._quiet.set()

    @contextmanager
    def serving(self) -> Iterator[None]:
        """Around answering one request (until it is acknowledged)."""
        self._serving += 1
        self._quiet.clear()
        try:
            yield
        finally:
            self._serving -= 1
            self._last_served = asyncio.get_running_loop().time()
            if self._serving == 0:
                self._quiet.set()

    async def wait_turn(self) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.longest_wait
        while loop.time() >= self._background_turn_until:
            now = loop.time()
            if now >= deadline:
                self._background_turn_until = now + self.turn
                return
            if self._serving == 0:
                quiet_for = now - self._last_served
                if quiet_for >= self.lull:
                    return
                await asyncio.sleep(min(self.lull - quiet_for, deadline - now))
            else:
                # asyncio.timeout, not wait_for, which on Python 3.11 can swallow a cancellation (gh-86296)
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(deadline - now):
                        await self._quiet.wait()


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


class GroupCommit(Generic[Item, Saved]):
    """Items submitted together are written in one transaction by one flushing task, and items
    submitted while it writes go in its next batch. Each submitter just waits for its own result:
    none waits behind another's turn, and a submitter whose request is cancelled strands nobody.
    If a batch fails, each item in it is tried on its own, so one bad item fails only its submitter."""

    def __init__(self, db: Database, save: SaveBatch[Item, Saved]) -> None:
        self._db = db
        self._save = save
        self._queued: list[tuple[Item, asyncio.Future[Saved]]] = []
        self._flushing: asyncio.Task[None] | None = None

    async def submit(self, item: Item) -> Saved:
        result: asyncio.Future[Saved] = asyncio.get_running_loop().create_future()
        self._queued.append((item, result))
        if self._flushing is None:
            self._flushing = asyncio.create_task(self._flush())
        # A cancelled request cancels only its wait: its item is saved all the same.
        return await result

    async def _flush(self) -> None:
        batch: list[tuple[Item, asyncio.Future[Saved]]] = []
        try:
            while self._queued:
                batch, self._queued = self._queued, []
                await self._write(batch)
        except BaseException as exc:  # shutting down, or a bug: failed writes go to their submitters
            if isinstance(exc, Exception):
                log.exception("saving a batch stopped")
            for _, result in batch + self._queued:
                _settle(result, exc=exc)
            self._queued = []
            if not isinstance(exc, Exception):
                raise
        finally:
            self._flushing = None

    async def _write(self, batch: list[tuple[Item, asyncio.Future[Saved]]]) -> None:
        try:
            saved = await self._db._write_batch(self._save, [item for item, _ in batch])
            if len(saved) != len(batch):
                raise RuntimeError(f"{self._save!r} saved {len(saved)} of a batch of {len(batch)}")
        except Exception as exc:
            if len(batch) == 1:
                _settle(batch[0][1], exc=exc)
                return
            log.warning("a batch of %d writes failed; trying each on its own", len(batch), exc_info=True)
            for entry in batch:
                await self._write([entry])
            return
        for (_, result), one in zip(batch, saved, strict=True):
            _settle(result, value=one)


def _settle(result: asyncio.Future[Saved], *, value: Any = None, exc: BaseException | None = None) -> None:
    if result.done():  # its submitter was cancelled
        return
    if isinstance(exc, asyncio.CancelledError):
        result.cancel()
    elif exc is not None:
        result.set_exception(exc)
    else:
        result.set_result(value)
