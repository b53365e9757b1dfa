"""Rotation nudges with a controlled clock: a heads-up, the due day, a steady rhythm once overdue, the
admins after the grace period; snoozes; catch-up after downtime; working hours across a clock change;
and two bot processes on one database sending each nudge once."""

from __future__ import annotations

import asyncio
import copy
import json
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from bot.accounts import workflow
from bot.accounts.workflow import AccountForm
from bot.clock import ManualClock
from bot.runtime import prepare
from bot.scheduler import TickReport, fire_due_timers
from bot.workflows import TIMER_HANDLERS
from storage.models import OutboxMessage
from tests.harness import START, RunningBot, make_settings
from tests.accounts_support import (
    ANITA,
    BEN,
    GRACE,
    RACHEL,
    account,
    add_account,
    audits,
    button,
    command,
    nudges,
    press,
    text_values,
)

# Canva, changed on 1 September (taken as noon, 11:00 UTC in summer time), every 90 days: due Monday
# 30 November 2026 at 11:00 UTC.
CANVA_LAST = "1/9/2026"
DUE = datetime(2026, 11, 30, 11, 0, tzinfo=UTC)


async def _at(bot: RunningBot, moment: datetime) -> None:
    bot.clock.set(moment)
    await bot.tick()


async def test_the_owner_gets_a_heads_up_then_a_nudge_on_the_day_then_a_steady_rhythm_once_overdue(bot: RunningBot) -> None:
    await add_account(bot, "Canva", GRACE, CANVA_LAST)
    await bot.tick()
    first = nudges(bot, GRACE, "Canva")
    assert len(first) == 1 and "due to be changed on Monday 30 November 2026" in first[0].text
    assert button(first[0], "accounts.changed_now") and button(first[0], "accounts.changed_on") and button(first[0], "accounts.snooze")

    await _at(bot, START + timedelta(days=2))
    assert len(nudges(bot, GRACE, "Canva")) == 1  # never twice for the same thing

    await _at(bot, DUE)
    assert "due to be changed today" in nudges(bot, GRACE, "Canva")[-1].text

    await _at(bot, DUE + timedelta(days=2))
    assert len(nudges(bot, GRACE, "Canva")) == 2
    await _at(bot, DUE + timedelta(days=3))  # Thursday 3 December
    assert len(nudges(bot, GRACE, "Canva")) == 3 and "overdue" in nudges(bot, GRACE, "Canva")[-1].text
    assert nudges(bot, ANITA, "Canva") == []


async def test_an_overdue_account_is_escalated_to_the_admins_after_the_grace_period(bot: RunningBot) -> None:
    await add_account(bot, "Canva", GRACE, CANVA_LAST)
    await _at(bot, DUE + timedelta(days=6))
    assert not [m for m in bot.fake.messages_in(RACHEL) if "Canva" in m.text]

    await _at(bot, DUE + timedelta(days=7))  # Monday 7 December, noon

    for admin in (ANITA, RACHEL):
        told = [m for m in bot.fake.messages_in(admin) if "Canva" in m.text and "overdue" in m.text]
        assert len(told) == 1 and "Grace Turner owns it" in told[0].text
    await _at(bot, DUE + timedelta(days=14))
    assert await audits(bot, "account.escalated") == 1


async def test_after_downtime_the_missed_nudges_are_sent_once_not_once_per_missed_day(bot: RunningBot) -> None:
    await add_account(bot, "Canva", GRACE, CANVA_LAST)
    assert len(nudges(bot, GRACE, "Canva")) == 1  # the heads-up; then the bot is down for ten days

    await _at(bot, DUE + timedelta(days=10, hours=-1))  # back on Thursday 10 December, 10:00
    await bot.tick()

    assert len(nudges(bot, GRACE, "Canva")) == 2
    assert "overdue" in nudges(bot, GRACE, "Canva")[-1].text
    assert len([m for m in bot.fake.messages_in(ANITA) if "Canva" in m.text]) == 1  # escalated once


async def test_no_nudges_at_night_or_on_sunday_and_nine_oclock_survives_the_clock_change(bot: RunningBot) -> None:
    # Saturday 24 October 2026, 7pm BST: Canva became due at noon (changed 26 July, every 90 days).
    bot.clock.set(datetime(2026, 10, 24, 18, 0, tzinfo=UTC))
    await add_account(bot, "Canva", GRACE, "26/7/2026")
    await bot.tick()
    assert nudges(bot, GRACE, "Canva") == []  # after working hours

    await _at(bot, datetime(2026, 10, 25, 2, 0, tzinfo=UTC))  # 3 a.m. BST, as the clocks go back
    await _at(bot, datetime(2026, 10, 25, 11, 0, tzinfo=UTC))  # Sunday late morning
    await _at(bot, datetime(2026, 10, 26, 8, 59, tzinfo=UTC))  # Monday 8:59 GMT (9:59 in summer time)
    assert nudges(bot, GRACE, "Canva") == []

    await _at(bot, datetime(2026, 10, 26, 9, 0, tzinfo=UTC))  # Monday 9:00 GMT
    assert len(nudges(bot, GRACE, "Canva")) == 1


async def test_changed_it_now_updates_every_nudge_in_place_and_sets_the_next_due_date(bot: RunningBot) -> None:
    await add_account(bot, "Canva", GRACE, CANVA_LAST)
    await _at(bot, DUE + timedelta(days=3))
    sent = nudges(bot, GRACE, "Canva")
    assert len(sent) == 2
    on_screen = copy.deepcopy(sent[-1])  # what Grace still sees when she clicks twice

    reply = await press(bot, GRACE, "accounts.changed_now", on_screen)
    again = await press(bot, GRACE, "accounts.changed_now", on_screen)

    assert "change recorded" in reply and "Next due Wednesday 3 March 2027" in reply
    assert "already recorded" in again
    assert all(button(m, "accounts.changed_now") is None and "Changed on" in json.dumps(m.blocks)
               for m in bot.fake.messages_in(GRACE) if "Canva" in json.dumps(m.blocks))
    assert await audits(bot, "account.rotated") == 1
    await _at(bot, DUE + timedelta(days=30))
    assert len(nudges(bot, GRACE, "Canva")) == 2  # nothing more this cycle


async def test_changed_it_on_takes_a_date_in_words_and_refuses_one_in_the_future(bot: RunningBot) -> None:
    await add_account(bot, "Canva", GRACE, CANVA_LAST)
    await _at(bot, DUE + timedelta(days=1))  # Tuesday 1 December
    await press(bot, GRACE, "accounts.changed_on", nudges(bot, GRACE, "Canva")[-1])
    view = bot.fake.view_for(GRACE)
    assert view is not None

    future = await bot.slack.view_submission(GRACE, view, text_values(when="next Friday"))
    nonsense = await bot.slack.view_submission(GRACE, view, text_values(when="when the moon is blue"))
    done = await bot.slack.view_submission(GRACE, view, text_values(when="yesterday 4pm"))

    assert "in the future" in future.json()["errors"]["when"]
    assert "yesterday 4pm" in nonsense.json()["errors"]["when"]
    assert "Monday 30 November 2026, 4:00pm" in json.dumps(done.json())
    assert (await account(bot, "Canva")).last_changed_at == datetime(2026, 11, 30, 16, 0, tzinfo=UTC)


async def test_remind_me_in_three_days_waits_three_days_then_nudges_again(bot: RunningBot) -> None:
    await add_account(bot, "Canva", GRACE, CANVA_LAST)
    await _at(bot, DUE)
    reply = await press(bot, GRACE, "accounts.snooze", nudges(bot, GRACE, "Canva")[-1])
    assert "I'll remind you about Canva on Thursday 3 December 2026" in reply

    await _at(bot, DUE + timedelta(days=2, hours=23))
    assert len(nudges(bot, GRACE, "Canva")) == 2  # the heads-up, then the due-day nudge now marked snoozed
    await _at(bot, DUE + timedelta(days=3))
    assert len(nudges(bot, GRACE, "Canva")) == 3


async def test_rotated_records_a_change_from_anywhere_and_others_cannot(bot: RunningBot) -> None:
    refused = await command(bot, "/rotated", "Instagram", BEN)
    done = await command(bot, "/rotated", "insta yesterday", "U0DEPUTY01")

    assert "Only Instagram's owner" in refused
    assert "Instagram: change recorded for Monday 23 November 2026" in done


async def test_two_bot_processes_on_one_database_send_every_nudge_exactly_once(database_url: str) -> None:
    clock = ManualClock(START)
    first = await prepare(make_settings(database_url, "http://127.0.0.1:9/api/"), clock)
    second = await prepare(make_settings(database_url, "http://127.0.0.1:9/api/",
                                         TMW_DATA_KEY=first.settings.secret("TMW_DATA_KEY")), clock)
    await workflow.ensure_register_synced(first)
    for n in range(40):
        async with first.db.unit_of_work() as session:
            await workflow.save_account(session, first, AccountForm(name=f"Service {n}", owner=GRACE, every="90 days",
                                                                    overall_access=(ANITA,), last_changed="1/8/2026"), ANITA)
    clock.set(START + timedelta(days=8))  # every one is overdue past the grace period: a nudge and an escalation each

    await asyncio.gather(*(fire_due_timers(s, TIMER_HANDLERS, TickReport()) for s in (first, second, first, second)))
    await asyncio.gather(*(fire_due_timers(s, TIMER_HANDLERS, TickReport()) for s in (second, first)))

    async with first.db.reading() as session:
        count = await session.scalar(select(func.count()).select_from(OutboxMessage).where(OutboxMessage.template == "accounts.nudge"))
        escalations = await session.scalar(select(func.count()).select_from(OutboxMessage).where(OutboxMessage.template == "accounts.escalated"))
    assert count == 40
    assert escalations == 40 * 2  # one to each of the two admins
    await first.db.dispose()
    await second.db.dispose()


async def test_a_newer_nudge_takes_the_buttons_from_the_older_one(bot: RunningBot) -> None:
    await add_account(bot, "Canva", GRACE, CANVA_LAST)
    await bot.tick()  # the heads-up
    await _at(bot, DUE)  # due today
    await _at(bot, DUE + timedelta(days=3))  # overdue

    messages = nudges(bot, GRACE, "Canva")
    live = [m for m in messages if button(m, "accounts.changed_now")]
    assert len(messages) == 3 and len(live) == 1 and "overdue" in live[0].text
    assert all("Now overdue" in m.text + json.dumps(m.blocks) for m in messages if m is not live[0])


async def test_on_the_due_day_the_morning_nudge_says_it_is_due_today(bot: RunningBot) -> None:
    await add_account(bot, "Canva", GRACE, CANVA_LAST)
    await bot.tick()  # the heads-up

    await _at(bot, datetime(2026, 11, 30, 9, 30, tzinfo=UTC))  # the due day, before the noon it is due at

    latest = nudges(bot, GRACE, "Canva")[-1]
    assert "due to be changed today" in latest.text and button(latest, "accounts.changed_now")
    assert "due today" in await command(bot, "/accounts", "", GRACE)
