"""Timers are rows: scheduled once, fired once, even with two bot processes on one database."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

from sqlalchemy import func, select

from bot.clock import ManualClock
from bot.runtime import prepare
from bot.scheduler import TickReport, TimerContext, fire_due_timers
from bot.services import Services
from storage.audit import record_audit
from storage.models import AuditEntry, Timer
from storage.timers import schedule_timer
from tests.harness import START, make_settings


async def _note(ctx: TimerContext, payload: dict[str, Any]) -> None:
    await record_audit(ctx.session, at=ctx.now, actor="system", action="test.fired",
                       subject_type="timer", subject_id=str(payload["n"]))


async def _broken(ctx: TimerContext, payload: dict[str, Any]) -> None:
    raise RuntimeError("this handler always fails")


HANDLERS = {"test.note": _note, "test.broken": _broken}


async def _services(database_url: str, clock: ManualClock, key: str | None = None) -> Services:
    overrides = {"TMW_DATA_KEY": key} if key else {}
    return await prepare(make_settings(database_url, "http://127.0.0.1:9/api/", **overrides), clock)


async def _fired(services: Services) -> list[str]:
    async with services.db.unit_of_work() as session:
        rows = await session.scalars(
            select(AuditEntry.subject_id).where(AuditEntry.action == "test.fired").order_by(AuditEntry.id)
        )
        return list(rows.all())


async def test_scheduling_the_same_thing_twice_keeps_one_timer(database_url: str) -> None:
    services = await _services(database_url, ManualClock(START))
    async with services.db.unit_of_work() as session:
        first = await schedule_timer(session, kind="test.note", dedupe_key="k1", due_at=START, payload={"n": 1})
        second = await schedule_timer(session, kind="test.note", dedupe_key="k1", due_at=START, payload={"n": 2})
    async with services.db.unit_of_work() as session:
        count = await session.scalar(select(func.count()).select_from(Timer))
    await services.db.dispose()
    assert (first, second, count) == (True, False, 1)


async def test_a_timer_fires_when_due_and_never_again(database_url: str) -> None:
    clock = ManualClock(START)
    services = await _services(database_url, clock)
    async with services.db.unit_of_work() as session:
        await schedule_timer(session, kind="test.note", dedupe_key="later", due_at=START + timedelta(hours=1), payload={"n": 7})

    await fire_due_timers(services, HANDLERS, TickReport())
    assert await _fired(services) == []

    clock.advance(timedelta(hours=1))
    await fire_due_timers(services, HANDLERS, TickReport())
    await fire_due_timers(services, HANDLERS, TickReport())
    clock.advance(timedelta(days=3))
    await fire_due_timers(services, HANDLERS, TickReport())

    assert await _fired(services) == ["7"]
    await services.db.dispose()


async def test_timers_survive_a_restart(database_url: str) -> None:
    clock = ManualClock(START)
    before = await _services(database_url, clock)
    async with before.db.unit_of_work() as session:
        await schedule_timer(session, kind="test.note", dedupe_key="r", due_at=START + timedelta(minutes=30), payload={"n": 3})
    key = before.settings.secret("TMW_DATA_KEY")
    await before.db.dispose()

    clock.advance(timedelta(hours=2))
    after = await _services(database_url, clock, key)
    await fire_due_timers(after, HANDLERS, TickReport())

    assert await _fired(after) == ["3"]
    await after.db.dispose()


async def test_two_processes_fire_each_timer_exactly_once(database_url: str) -> None:
    clock = ManualClock(START)
    first = await _services(database_url, clock)
    # A second process: its own engine and connection pool on the same database (and the same key).
    second = await _services(database_url, clock, first.settings.secret("TMW_DATA_KEY"))
    async with first.db.unit_of_work() as session:
        for n in range(120):
            await schedule_timer(session, kind="test.note", dedupe_key=f"t{n}", due_at=START, payload={"n": n})

    await asyncio.gather(*(fire_due_timers(s, HANDLERS, TickReport()) for s in (first, second, first, second)))

    fired = await _fired(first)
    assert sorted(fired, key=int) == [str(n) for n in range(120)]
    await first.db.dispose()
    await second.db.dispose()


async def test_a_failing_timer_is_retried_then_set_aside_without_stopping_others(database_url: str) -> None:
    clock = ManualClock(START)
    services = await _services(database_url, clock)
    async with services.db.unit_of_work() as session:
        await schedule_timer(session, kind="test.broken", dedupe_key="bad", due_at=START)
        await schedule_timer(session, kind="test.note", dedupe_key="good", due_at=START, payload={"n": 1})

    reports = []
    for _ in range(8):
        report = TickReport()
        await fire_due_timers(services, HANDLERS, report)
        reports.append(report)
        clock.advance(timedelta(hours=1))

    async with services.db.unit_of_work() as session:
        bad = await session.scalar(select(Timer).where(Timer.dedupe_key == "bad"))
    assert await _fired(services) == ["1"]
    assert bad is not None and bad.state == "failed" and bad.attempts == 5
    assert "always fails" in bad.last_error
    assert sum(r.timers_failed for r in reports) == 1
    await services.db.dispose()
