"""Slack retries, rate limits and outages: nothing is done twice and nothing is lost."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.addresses import Address, ToChannel, ToPerson
from bot.org import Role
from storage.directory import members_with_role
from storage.models import OutboxMessage
from storage.outbox import enqueue_message
from tests.harness import RunningBot

ANITA = "U0ANITA001"
DAN = "U0LEADER01"


async def _queue(bot: RunningBot, to: Address, text: str, key: str | None = None) -> int:
    async with bot.services.db.unit_of_work() as session:
        message = await enqueue_message(
            session, bot.services.cipher, now=bot.clock.now(), to=to, template="test.plain",
            params={"text": text}, message_key=key,
        )
        await session.flush()
        return message.id


def _with_plain_renderer(bot: RunningBot) -> None:
    from bot.slack.delivery import Rendered

    slack = bot.deliverer.deliverers["slack"]
    slack.renderers = {**slack.renderers, "test.plain": lambda p: Rendered(text=p["text"])}


async def _states(bot: RunningBot) -> list[str]:
    async with bot.services.db.unit_of_work() as session:
        return list((await session.scalars(select(OutboxMessage.state).order_by(OutboxMessage.id))).all())


async def test_a_retried_event_is_handled_once(bot: RunningBot) -> None:
    event = {"type": "app_home_opened", "user": DAN, "channel": "D0LEADER01", "tab": "home", "event_ts": "1.2"}

    first = await bot.slack.event(event, event_id="Ev0HOME0001")
    await bot.fake.wait_until(lambda: DAN in bot.fake.home_views, what="the Home tab")
    retry = await bot.slack.event(event, event_id="Ev0HOME0001", retry_num=1)
    # A different event is handled: so once it has been, the retry would have been too.
    await bot.slack.event({**event, "user": ANITA}, event_id="Ev0HOME0002")
    await bot.fake.wait_until(lambda: ANITA in bot.fake.home_views, what="the second Home tab")

    assert (first.status, retry.status) == (200, 200)
    publishes = bot.fake.calls_to("views.publish")
    assert [call.params["user_id"] for call in publishes] == [DAN, ANITA]


async def test_home_tab_tells_the_person_what_they_can_do(bot: RunningBot) -> None:
    await bot.slack.event({"type": "app_home_opened", "user": DAN, "tab": "home", "event_ts": "1.3"})
    await bot.fake.wait_until(lambda: DAN in bot.fake.home_views, what="the Home tab")

    view = bot.fake.home_views[DAN]
    text = str(view["blocks"])
    assert view["type"] == "home"
    assert "Hello Dan!" in text and "/tmw help" in text


async def test_a_rate_limited_message_is_delivered_after_slack_says_to_wait(bot: RunningBot) -> None:
    _with_plain_renderer(bot)
    bot.fake.rate_limit("chat.postMessage", retry_after=1)
    await _queue(bot, ToPerson(DAN), "Your report has been received.")

    report = await bot.tick()

    assert report.messages_sent == 1
    assert len(bot.fake.calls_to("chat.postMessage")) == 2  # the 429, then the retry
    assert [m.text for m in bot.fake.messages_in(DAN)] == ["Your report has been received."]
    assert await _states(bot) == ["sent"]


async def test_while_slack_is_down_messages_wait_and_then_arrive_in_order(bot: RunningBot) -> None:
    _with_plain_renderer(bot)
    bot.fake.fail("chat.postMessage", "service_unavailable", status=503, times=50)
    await _queue(bot, ToPerson(DAN), "first")
    await _queue(bot, ToPerson(DAN), "second")

    report = await bot.tick()

    assert report.messages_sent == 0 and report.messages_retrying == 1
    assert await _states(bot) == ["pending", "pending"]
    assert bot.fake.messages_in(DAN) == []

    bot.fake.recover("chat.postMessage")  # Slack is back
    bot.clock.advance(timedelta(minutes=5))
    report = await bot.tick()

    assert report.messages_sent == 2
    assert [m.text for m in bot.fake.messages_in(DAN)] == ["first", "second"]
    assert await _states(bot) == ["sent", "sent"]


async def test_a_keyed_message_is_updated_in_place(bot: RunningBot) -> None:
    _with_plain_renderer(bot)
    await _queue(bot, ToPerson(ANITA), "Report TMW-2026-0001: new", key="report:1:handler")
    await bot.tick()
    await _queue(bot, ToPerson(ANITA), "Report TMW-2026-0001: acknowledged", key="report:1:handler")
    await bot.tick()

    messages = bot.fake.messages_in(ANITA)
    assert [m.text for m in messages] == ["Report TMW-2026-0001: acknowledged"]
    assert len(bot.fake.calls_to("chat.update")) == 1


async def test_posting_to_a_channel_the_bot_is_not_in_asks_the_admins_to_invite_it(bot: RunningBot) -> None:
    _with_plain_renderer(bot)
    bot.fake.bot_not_in.add("C0DIGEST01")
    await _queue(bot, ToChannel("ceo_digest"), "Weekly digest")

    report = await bot.tick()
    await bot.tick()  # delivers the admins' DMs queued by the failure

    assert report.messages_failed == 1
    async with bot.services.db.unit_of_work() as session:
        admins = [m.slack_id for m in await members_with_role(session, Role.ADMIN)]
    assert admins
    for admin in admins:
        texts = [m.text for m in bot.fake.messages_in(admin)]
        assert len(texts) == 1 and "/invite @tmw-bot" in texts[0] and "<#C0DIGEST01>" in texts[0]
    assert bot.fake.messages_in(DAN) == []


async def test_queued_message_text_is_encrypted_at_rest(bot: RunningBot) -> None:
    await _queue(bot, ToPerson(DAN), "Jamie said something worrying about a stranger online")
    async with bot.services.db.unit_of_work() as session:
        stored = await session.scalar(select(OutboxMessage.params_enc))
    assert stored is not None and "Jamie" not in stored and "stranger" not in stored
    assert bot.services.cipher.decrypt_json(stored)["text"].startswith("Jamie said")
