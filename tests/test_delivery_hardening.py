"""Delivering messages when Slack refuses the token, is down, rate-limits, or a send is cut short."""

from __future__ import annotations

import logging
from datetime import timedelta

import aiohttp
import pytest
from sqlalchemy import select

from storage.models import OutboxMessage
from tests.harness import RunningBot
from tests.report_driver import ANITA, DAN, SAFE, ReportDriver


async def _states(bot: RunningBot) -> list[str]:
    async with bot.services.db.unit_of_work() as session:
        return list((await session.scalars(select(OutboxMessage.state).order_by(OutboxMessage.id))).all())


async def _healthz(bot: RunningBot) -> tuple[int, dict]:
    url = bot.url.replace("/slack/events", "/healthz")
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        return response.status, await response.json()


def _errors(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]


async def test_a_refused_token_keeps_an_urgent_report_queued_until_it_works_again(
    bot: RunningBot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    driver = ReportDriver(bot)
    bot.fake.fail("chat.postMessage", "invalid_auth", times=1000)  # the token was revoked

    submitted = await driver.file(DAN, "online_safety", description="A child shared their address.", risk=True)
    bot.clock.advance(timedelta(minutes=5))
    await bot.tick()

    assert "TMW-2026-0001" in submitted.confirmation
    states = await _states(bot)
    assert len(states) == 3 and set(states) == {"pending"}  # the lead, the CEO and the reporter: none given up
    refusals = [e for e in _errors(caplog) if "credentials were refused (invalid_auth)" in e]
    assert len(refusals) == 1  # once for the outage, not once per message or round
    status, health = await _healthz(bot)
    assert status == 503 and health["ok"] is False
    assert health["delivery"]["failing"] is True and health["delivery"]["last_error"] == "invalid_auth"

    bot.fake.recover("chat.postMessage")  # a new token is installed
    bot.clock.advance(timedelta(minutes=1))
    await bot.tick()

    assert await _states(bot) == ["sent", "sent", "sent"]
    assert "A child shared their address." in driver.texts(SAFE)
    assert "TMW-2026-0001" in driver.texts(ANITA) and "TMW-2026-0001" in driver.texts(DAN)
    status, health = await _healthz(bot)
    assert status == 200 and health["ok"] is True and health["delivery"]["failing"] is False
