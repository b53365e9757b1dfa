"""Stopping `tmw-bot run` ends its background work, even work that swallows a cancellation."""

from __future__ import annotations

import asyncio
import contextlib

from bot.runtime import stop_task


async def test_a_task_that_swallows_one_cancellation_is_cancelled_again_and_stops() -> None:
    rounds_after_the_first_cancel = 0

    async def swallows_the_first_cancellation() -> None:
        nonlocal rounds_after_the_first_cancel
        # as Python 3.11's wait_for may do when its inner wait completes at that moment
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.Event().wait()
        while True:
            rounds_after_the_first_cancel += 1
            await asyncio.sleep(0.01)

    task = asyncio.create_task(swallows_the_first_cancellation())
    await asyncio.sleep(0)

    assert await stop_task(task, within=10) is True
    assert task.cancelled()
    assert rounds_after_the_first_cancel >= 1


async def test_a_task_that_will_not_stop_is_left_behind_within_the_bound_and_said_so(caplog) -> None:
    release = asyncio.Event()

    async def ignores_every_cancellation() -> None:
        while not release.is_set():
            try:
                await asyncio.sleep(0.01)
            except asyncio.CancelledError:
                continue

    task = asyncio.create_task(ignores_every_cancellation(), name="the stubborn task")
    await asyncio.sleep(0)

    assert await stop_task(task, within=0.2) is False
    assert "the stubborn task did not stop" in caplog.text
    release.set()
    await task


async def test_an_error_the_task_ended_with_is_logged_not_raised(caplog) -> None:
    async def fails_when_cancelled() -> None:
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            raise RuntimeError("the database went away") from None

    task = asyncio.create_task(fails_when_cancelled(), name="the scheduler")
    await asyncio.sleep(0)

    assert await stop_task(task) is True
    assert "the scheduler ended with an error" in caplog.text
