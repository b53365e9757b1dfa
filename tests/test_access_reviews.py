"""Young leaders' access to our accounts is reviewed regularly, and revoked on misuse (section 5.1)."""

from __future__ import annotations

import copy
import json
from datetime import timedelta
from typing import Any

from sqlalchemy import select

from storage.models import AccountAccess, SharedAccount
from tests.harness import RunningBot
from tests.report_driver import ANITA, DAN, DEPUTY, MAYA


async def _review_message(bot: RunningBot) -> Any:
    await bot.tick()  # the register is loaded and the first review scheduled
    bot.clock.advance(timedelta(weeks=6, days=1))
    await bot.tick()
    await bot.tick()
    messages = [m for m in bot.fake.messages_in(DEPUTY) if "Access review for Maya" in m.text]
    assert len(messages) == 1, [m.text for m in bot.fake.messages_in(DEPUTY)]
    return copy.deepcopy(messages[0])  # the screen keeps this version after the bot updates it


async def _press(bot: RunningBot, user: str, action: str, message: Any) -> str:
    value = next(e["value"] for b in message.blocks for e in b.get("elements", []) if e.get("action_id") == action)
    before = len(bot.fake.responses)
    await bot.slack.block_action(user, action, value, message={"ts": message.ts, "text": message.text, "blocks": message.blocks},
                                 channel_id=message.channel)
    await bot.fake.wait_until(lambda: len(bot.fake.responses) > before, what="the answer")
    await bot.tick()
    return str(bot.fake.responses[-1].params["text"])


async def _access(bot: RunningBot) -> dict[str, bool]:
    async with bot.services.db.reading() as session:
        rows = await session.execute(
            select(SharedAccount.name, AccountAccess.revoked_at).join(AccountAccess, AccountAccess.account_id == SharedAccount.id)
            .where(AccountAccess.person_key == MAYA)
        )
        return {name: revoked is None for name, revoked in rows.all()}


async def test_a_young_leaders_project_manager_reviews_their_access_every_six_weeks(bot: RunningBot) -> None:
    message = await _review_message(bot)

    blocks = json.dumps(message.blocks)
    assert "Instagram" in blocks and "Keep access" in blocks and "Revoke access" in blocks and "Reduce access" in blocks
    digest = (await bot.slack.slash_command("/tmw", "digest", ANITA)).json()
    assert "Access reviews waiting for a decision: *1*" in json.dumps(digest["blocks"])


async def test_only_their_project_manager_can_decide(bot: RunningBot) -> None:
    message = await _review_message(bot)

    said = await _press(bot, DAN, "access_review.keep", message)

    assert "Only the young leader's project manager" in said
    assert all((await _access(bot)).values())


async def test_revoking_ends_access_and_starts_changing_the_passwords(bot: RunningBot) -> None:
    message = await _review_message(bot)
    before = len(bot.fake.messages_in(DEPUTY))

    said = await _press(bot, DEPUTY, "access_review.revoke", message)

    assert "no longer has access" in said
    access = await _access(bot)
    assert access and not any(access.values())
    updated = [m for m in bot.fake.messages_in(DEPUTY) if "Access review for Maya" in m.text][0]
    assert "Access revoked" in json.dumps(updated.blocks) and "access_review.keep" not in json.dumps(updated.blocks)
    assert len(bot.fake.messages_in(DEPUTY)) > before  # as owner of the accounts, Tom is asked to change them


async def test_keeping_is_recorded_and_the_next_review_follows_six_weeks_later(bot: RunningBot) -> None:
    message = await _review_message(bot)
    await _press(bot, DEPUTY, "access_review.keep", message)
    again = await _press(bot, DEPUTY, "access_review.keep", message)

    assert "already decided" in again
    bot.clock.advance(timedelta(weeks=6, days=1))
    await bot.tick()
    await bot.tick()
    assert len([m for m in bot.fake.messages_in(DEPUTY) if "Access review for Maya" in m.text]) == 2
    assert all((await _access(bot)).values())
