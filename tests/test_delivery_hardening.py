"""Delivering messages when Slack refuses the token, is down, rate-limits, or a send is cut short."""

from __future__ import annotations

import logging
from datetime import timedelta

import aiohttp
import pytest
from sqlalchemy import select, update

from bot.crypto import DataCipher, generate_key
from storage.models import OutboxMessage, Report
from storage.outbox import enqueue_message
from tests.harness import RunningBot
from tests.report_driver import ANITA, BEN, DAN, SAFE, ReportDriver, form_values


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


async def test_a_message_that_cannot_be_decrypted_is_set_aside_and_the_others_go_out(
    bot: RunningBot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    driver = ReportDriver(bot)
    bot.fake.fail("chat.postMessage", "service_unavailable", status=503, times=1000)
    await driver.file(DAN, "online_safety", description="A child shared their address.")
    async with bot.services.db.unit_of_work() as session:
        # The lead's message was written under an earlier data key.
        first = await session.scalar(select(OutboxMessage).order_by(OutboxMessage.id).limit(1))
        assert first is not None and first.target == SAFE
        stale = DataCipher(generate_key()).encrypt_json({"text": "written under an old key"})
        await session.execute(update(OutboxMessage).where(OutboxMessage.id == first.id).values(params_enc=stale))
        # A later message to the same person, which must not wait behind the unreadable one.
        await enqueue_message(session, bot.services.cipher, now=bot.clock.now(), target=SAFE,
                              template="core.invite_bot", params={"channel": "C0DIGEST01"})
    bot.fake.recover("chat.postMessage")
    bot.clock.advance(timedelta(minutes=5))

    await bot.tick()
    await bot.tick()

    assert await _states(bot) == ["unreadable", "sent", "sent", "sent"]
    assert [m for m in _errors(caplog) if "cannot be decrypted and is set aside" in m] != []
    assert "C0DIGEST01" in driver.texts(SAFE) and "TMW-2026-0001" in driver.texts(DAN)


async def test_a_report_that_cannot_be_decrypted_does_not_hold_up_the_next_one(
    bot: RunningBot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    driver = ReportDriver(bot)
    for reporter, description in ((DAN, "First worry."), (BEN, "Second worry.")):
        view = await driver.open_modal(reporter)
        await bot.slack.view_submission(reporter, view, form_values("online_safety", description))
    async with bot.services.db.unit_of_work() as session:
        first = await session.scalar(select(Report).order_by(Report.id).limit(1))
        assert first is not None and first.routed_at is None
        stale = DataCipher(generate_key()).encrypt_json({"description": "written under an old key"})
        await session.execute(update(Report).where(Report.id == first.id).values(details_enc=stale))

    await bot.tick()
    await bot.tick()

    assert "Second worry." in driver.texts(SAFE) and "First worry." not in driver.texts(SAFE)
    assert len([m for m in _errors(caplog) if "cannot be decrypted, so it was not routed" in m]) == 1


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]


async def test_outages_and_rate_limits_are_logged_and_the_queue_shows_in_healthz(
    bot: RunningBot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    driver = ReportDriver(bot)
    bot.fake.fail("chat.postMessage", "service_unavailable", status=503, times=1000)

    await driver.file(DAN, "online_safety", description="A child shared their address.")
    bot.clock.advance(timedelta(minutes=10))

    warnings = _warnings(caplog)
    assert any("Slack chat.postMessage failed (HTTP 503); trying again" in w for w in warnings)
    assert any("was not delivered (service_unavailable); it will be tried again at" in w for w in warnings)
    status, health = await _healthz(bot)
    assert status == 503
    assert health["delivery"]["queued"] == 3 and health["delivery"]["oldest_queued_seconds"] == 600
    assert health["delivery"]["failing"] is True and health["delivery"]["last_error"] == "service_unavailable"

    bot.fake.recover("chat.postMessage")
    bot.fake.rate_limit("chat.postMessage", retry_after=0)
    caplog.clear()
    await bot.tick()

    assert any("Slack chat.postMessage failed (HTTP 429); trying again" in w for w in _warnings(caplog))
    status, health = await _healthz(bot)
    assert status == 200 and health["delivery"]["queued"] == 0 and health["delivery"]["failing"] is False


async def test_a_message_given_up_is_logged_as_an_error(bot: RunningBot, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    async with bot.services.db.unit_of_work() as session:
        await enqueue_message(session, bot.services.cipher, now=bot.clock.now(), target="C0GONE0001",
                              template="core.invite_bot", params={"channel": "C0DIGEST01"})
    bot.fake.fail("chat.postMessage", "is_archived")

    await bot.tick()

    assert await _states(bot) == ["failed"]
    assert any("to C0GONE0001 was given up: is_archived" in e for e in _errors(caplog))
