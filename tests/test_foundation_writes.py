"""Writes a person waits on: saved together when they arrive together, one bad one failing alone, and
never held up by the scheduler for long, nor the scheduler by them."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import Connection, select

from storage.audit import record_audits
from storage.db import PeopleFirst
from storage.models import AuditEntry
from tests.harness import RunningBot
from tests.report_driver import DAN, ReportDriver

_AT = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


class NoteSaver:
    """Saves each note as an audit entry, remembering how the notes were batched."""

    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def __call__(self, connection: Connection, notes: Sequence[str]) -> list[str]:
        self.batches.append(list(notes))
        record_audits(connection, [{"at": _AT, "actor": "test", "action": "note", "subject_type": "note",
                                    "subject_id": note} for note in notes])
        if "bad" in notes:
            raise ValueError("a note the database refuses")
        return [f"saved {note}" for note in notes]


async def _saved_notes(bot: RunningBot) -> list[str]:
    async with bot.services.db.reading() as session:
        return list((await session.scalars(select(AuditEntry.subject_id).where(AuditEntry.action == "note"))).all())


async def test_writes_arriving_together_share_a_transaction(bot: RunningBot) -> None:
    save = NoteSaver()

    results = await asyncio.gather(*(bot.services.db.write_together(save, f"n{i}") for i in range(10)))

    assert results == [f"saved n{i}" for i in range(10)]
    assert sorted(await _saved_notes(bot)) == sorted(f"n{i}" for i in range(10))
    assert sum(len(batch) for batch in save.batches) == 10
    assert len(save.batches) < 10


async def test_one_bad_write_fails_alone_and_leaves_nothing_half_saved(bot: RunningBot) -> None:
    save = NoteSaver()

    results = await asyncio.gather(*(bot.services.db.write_together(save, note) for note in ("a", "b", "bad", "c")),
                                   return_exceptions=True)

    assert results[:2] == ["saved a", "saved b"] and results[3] == "saved c"
    assert isinstance(results[2], ValueError)
    assert sorted(await _saved_notes(bot)) == ["a", "b", "c"]


async def test_a_request_cancelled_while_its_write_waits_strands_nobody(bot: RunningBot) -> None:
    save = NoteSaver()
    writes = [asyncio.create_task(bot.services.db.write_together(save, f"n{i}")) for i in range(3)]
    await asyncio.sleep(0)  # all three are queued, waiting for the batch
    writes[1].cancel()

    assert await asyncio.gather(writes[0], writes[2]) == ["saved n0", "saved n2"]
    assert writes[1].cancelled()
    # The cancelled request's note is saved all the same: Slack will send it again, and find it saved.
    assert sorted(await _saved_notes(bot)) == ["n0", "n1", "n2"]


async def test_a_write_waits_for_another_process_holding_the_database(sqlite_bot: RunningBot) -> None:
    database = sqlite_bot.services.db.url.split("///", 1)[1]
    other_process = sqlite3.connect(database, isolation_level=None)
    other_process.execute("BEGIN IMMEDIATE")
    try:
        write = asyncio.create_task(sqlite_bot.services.db.write_together(NoteSaver(), "waited"))
        await asyncio.sleep(0.5)
        assert not write.done()
    finally:
        other_process.execute("COMMIT")
        other_process.close()

    assert await asyncio.wait_for(write, 10) == "saved waited"
    assert await _saved_notes(sqlite_bot) == ["waited"]


async def test_background_work_waits_while_a_request_is_being_answered() -> None:
    people_first = PeopleFirst(lull=0.01, longest_wait=5.0)
    with people_first.serving():
        background = asyncio.create_task(people_first.wait_turn())
        await asyncio.sleep(0.1)
        assert not background.done()
    await asyncio.wait_for(background, 1)


async def test_background_work_waits_until_slack_has_its_answer_not_just_until_the_request_arrives(
    sqlite_bot: RunningBot,
) -> None:
    # A report whose save is held up (another process has the database) is still being answered:
    # the scheduler's work must wait for it, not slip in as soon as the request has been read.
    database = sqlite_bot.services.db.url.split("///", 1)[1]
    other_process = sqlite3.connect(database, isolation_level=None)
    other_process.execute("BEGIN IMMEDIATE")
    try:
        filing = asyncio.create_task(ReportDriver(sqlite_bot).file(DAN, "data_breach"))
        await asyncio.sleep(0.4)
        background = asyncio.create_task(sqlite_bot.services.db.people_first.wait_turn())
        await asyncio.sleep(0.3)
        assert not filing.done()
        assert not background.done()
    finally:
        other_process.execute("COMMIT")
        other_process.close()

    assert "TMW-" in (await asyncio.wait_for(filing, 10)).confirmation
    await asyncio.wait_for(background, 2)


async def test_background_work_is_slowed_but_never_starved_by_a_stream_of_requests() -> None:
    people_first = PeopleFirst(lull=0.01, longest_wait=0.2, turn=0.5)
    loop = asyncio.get_running_loop()
    with people_first.serving():
        started = loop.time()
        await asyncio.wait_for(people_first.wait_turn(), 2)
        assert loop.time() - started >= 0.2
        # Having waited its longest, background work has a turn: the next steps go straight through.
        started = loop.time()
        await people_first.wait_turn()
        assert loop.time() - started < 0.05


async def test_background_work_goes_straight_through_when_nobody_is_waiting() -> None:
    people_first = PeopleFirst(lull=0.01, longest_wait=5.0)
    loop = asyncio.get_running_loop()
    started = loop.time()
    await people_first.wait_turn()
    assert loop.time() - started < 0.05
