"""Delivering messages when Slack refuses the token, is down, rate-limits, or a send is cut short."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from datetime import timedelta
from pathlib import Path

import aiohttp
import pytest
from sqlalchemy import select, update

from bot.addresses import ToConversation, ToPerson, encode
from bot.crypto import DataCipher, generate_key
from storage.models import OutboxMessage, Report
from storage.outbox import enqueue_message
from tests.harness import RunningBot, start_bot
from tests.report_driver import ANITA, BEN, DAN, DEPUTY, SAFE, ReportDriver, form_values, without_the_safeguarding_lead


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
        assert first is not None and first.address == encode(ToPerson(SAFE))
        stale = DataCipher(generate_key()).encrypt_json({"text": "written under an old key"})
        await session.execute(update(OutboxMessage).where(OutboxMessage.id == first.id).values(params_enc=stale))
        # A later message to the same person, which must not wait behind the unreadable one.
        await enqueue_message(session, bot.services.cipher, now=bot.clock.now(), to=ToPerson(SAFE),
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


async def test_a_report_that_cannot_be_decrypted_does_not_keep_the_next_from_passing_on_from_a_leaver(
    bot: RunningBot, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    caplog.set_level(logging.INFO)
    driver = ReportDriver(bot)
    await driver.file(DAN, "online_safety", description="First worry.")
    await driver.file(BEN, "online_safety", description="Second worry.")
    async with bot.services.db.unit_of_work() as session:
        first = await session.scalar(select(Report).order_by(Report.id).limit(1))
        assert first is not None
        stale = DataCipher(generate_key()).encrypt_json({"description": "written under an old key"})
        await session.execute(update(Report).where(Report.id == first.id).values(details_enc=stale))
    edited = without_the_safeguarding_lead(tmp_path)
    bot.services.org_path = edited

    await bot.tick()
    await bot.tick()

    assert "Second worry." in driver.texts(DEPUTY) and "First worry." not in driver.texts(DEPUTY)
    assert len([m for m in _errors(caplog) if "cannot be decrypted, so it was not passed on" in m]) == 1


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
        await enqueue_message(session, bot.services.cipher, now=bot.clock.now(), to=ToConversation("slack", "C0GONE0001"),
                              template="core.invite_bot", params={"channel": "C0DIGEST01"})
    bot.fake.fail("chat.postMessage", "is_archived")

    await bot.tick()

    assert await _states(bot) == ["failed"]
    assert any("to slack:C0GONE0001 was given up: is_archived" in e for e in _errors(caplog))


async def test_a_send_cut_short_by_a_crash_is_not_posted_twice_and_the_rest_go_soon_after_restart(
    bot: RunningBot,
) -> None:
    driver = ReportDriver(bot)
    view = await driver.open_modal(DAN)
    await bot.slack.view_submission(DAN, view, form_values("online_safety", "A child shared their address."))
    bot.fake.hold("chat.postMessage")  # the first post lands, but its answer never comes back

    tick = asyncio.create_task(bot.tick())
    await bot.fake.wait_until(lambda: bot.fake.held, what="the held post")
    tick.cancel()  # the process dies (kill -9) while Slack holds the post
    with contextlib.suppress(asyncio.CancelledError):
        await tick
    bot.fake.let_go()
    first_target = bot.fake.held[0].params["channel"]

    restarted, runner = await start_bot(bot.services.settings, bot.fake, bot.clock)
    try:
        bot.clock.advance(timedelta(seconds=20))
        await restarted.tick()
        # The messages it never got to went out at once; the one cut short waits out its lease.
        assert sorted(await _states(restarted)) == ["sending", "sent", "sent"]
        assert bot.fake.messages_in(first_target) and len(bot.fake.messages_in(first_target)) == 1

        bot.clock.advance(timedelta(minutes=2))
        await restarted.tick()
    finally:
        await runner.cleanup()
        await restarted.services.db.dispose()

    assert await _states(bot) == ["sent", "sent", "sent"]
    posts_to_first = [c for c in bot.fake.calls_to("chat.postMessage") if c.params["channel"] == first_target]
    assert len(posts_to_first) == 1  # found by its metadata and updated, not posted again
    for person in (SAFE, ANITA, DAN):
        assert len(bot.fake.messages_in(person)) == 1, person
    assert "A child shared their address." in json.dumps(bot.fake.messages_in(SAFE)[0].blocks)
