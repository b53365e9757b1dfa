"""Moderation of the groups we host (policy 5.7): breaches go to a review queue; moderators decide."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from sqlalchemy import func, select

from storage.models import AuditEntry, ModerationCase
from tests.harness import RunningBot, make_settings
from tests.report_driver import ANITA, DAN, MAYA, SAM

YOUNG_LEADERS, MODERATION = "C0YLCHAT01", "C0MODERA01"


async def _post(bot: RunningBot, text: str, ts: str, user: str = MAYA, **extra: Any) -> None:
    bot.fake.record_user_message(YOUNG_LEADERS, user, text, ts)
    await bot.slack.event({"type": "message", "channel": YOUNG_LEADERS, "user": user, "text": text, "ts": ts,
                           "channel_type": "channel", **extra})


async def _cases(bot: RunningBot) -> list[tuple[str, str]]:
    async with bot.services.db.reading() as session:
        return list((await session.execute(select(ModerationCase.message_ts, ModerationCase.state).order_by(ModerationCase.id))).all())


async def _card(bot: RunningBot) -> Any:
    await bot.tick()
    cards = bot.fake.messages_in(MODERATION)
    assert cards, "no card in the moderation channel"
    return cards[-1]


async def _flagged(bot: RunningBot, text: str, ts: str, user: str = MAYA) -> Any:
    await _post(bot, text, ts, user)
    for _ in range(100):
        if any(c[0] == ts for c in await _cases(bot)):
            break
        await asyncio.sleep(0.02)
    return await _card(bot)


async def _press(bot: RunningBot, user: str, action: str, card: Any) -> str:
    value = next(e["value"] for b in card.blocks for e in b.get("elements", []) if e.get("action_id") == action)
    before = len(bot.fake.responses)
    await bot.slack.block_action(user, action, value, message={"ts": card.ts, "text": card.text, "blocks": card.blocks},
                                 channel_id=MODERATION)
    await bot.fake.wait_until(lambda: len(bot.fake.responses) > before, what="the answer")
    await bot.tick()
    return str(bot.fake.responses[-1].params["text"])


async def test_an_abusive_post_goes_to_the_review_queue_with_buttons(bot: RunningBot) -> None:
    card = await _flagged(bot, "you are a f u c k i n g idiot", "1700000010.000100")

    blocks = json.dumps(card.blocks)
    assert "Abuse" in blocks and f"<@{MAYA}>" in blocks
    assert all(a in blocks for a in ("moderation.delete", "moderation.keep", "moderation.warn"))
    assert await _cases(bot) == [("1700000010.000100", "open")]


async def test_a_breach_read_by_its_meaning_reaches_the_card_with_the_words_that_weighed(bot: RunningBot) -> None:
    # No rule names these words; the meaning model reads the message as a threat (bot/moderation/meaning.py).
    card = await _flagged(bot, "everyone knows what you did at the party so maybe think twice before you open your mouth "
                               "in rehearsal again", "1700000009.000100")

    blocks = json.dumps(card.blocks)
    assert "Threat" in blocks and "by its overall meaning" in blocks and "words that weighed most" in blocks
    assert await _cases(bot) == [("1700000009.000100", "open")]


async def test_friendly_music_talk_stores_nothing(bot: RunningBot) -> None:
    await _post(bot, "you absolutely killed that solo at the gig last night, the drums were amazing", "1700000011.000100")
    await _flagged(bot, "buy cheap weed here, DM me for prices", "1700000012.000100", user=DAN)

    assert [ts for ts, _ in await _cases(bot)] == ["1700000012.000100"]


async def test_only_moderators_can_decide(bot: RunningBot) -> None:
    card = await _flagged(bot, "Vote Labour on Thursday! DM me for leaflets", "1700000013.000100")

    said = await _press(bot, ANITA, "moderation.keep", card)

    assert "Only the group's moderators" in said
    assert await _cases(bot) == [("1700000013.000100", "open")]


async def test_keep_records_a_false_alarm_and_updates_the_card(bot: RunningBot) -> None:
    card = await _flagged(bot, "I'll find where you live and make you pay", "1700000014.000100")

    said = await _press(bot, SAM, "moderation.keep", card)

    assert "false alarm" in said
    assert await _cases(bot) == [("1700000014.000100", "kept")]
    updated = bot.fake.messages_in(MODERATION)[-1]
    assert updated.ts == card.ts and "Kept (false alarm)" in json.dumps(updated.blocks)
    assert "moderation.delete" not in json.dumps(updated.blocks)
    async with bot.services.db.reading() as session:
        assert await session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "moderation.kept")) == 1


async def test_warn_poster_sends_a_kind_private_reminder(bot: RunningBot) -> None:
    card = await _flagged(bot, "you are so fat and ugly lol", "1700000015.000100")

    await _press(bot, SAM, "moderation.warn", card)

    reminder = " ".join(m.text for m in bot.fake.messages_in(MAYA))
    assert "group agreement" in reminder
    assert await _cases(bot) == [("1700000015.000100", "warned")]


async def test_without_a_user_token_delete_explains_how_to_remove_it_by_hand(bot: RunningBot) -> None:
    card = await _flagged(bot, "shit band, total shit", "1700000016.000100")

    assert "remove it by hand" in json.dumps(card.blocks)
    await _press(bot, SAM, "moderation.delete", card)
    assert bot.fake.calls_to("chat.delete") == []
    assert await _cases(bot) == [("1700000016.000100", "deleted")]


async def test_delete_uses_the_user_token_and_shows_slack_errors(bot: RunningBot) -> None:
    bot.services.settings = make_settings(bot.services.settings.database_url, bot.fake.api_url,
                                          SLACK_USER_TOKEN="xoxp-admin-user-token",
                                          TMW_DATA_KEY=bot.services.settings.secret("TMW_DATA_KEY"))
    card = await _flagged(bot, "f*ck this sh1t", "1700000017.000100")
    bot.fake.fail("chat.delete", "cant_delete_message")

    said = await _press(bot, SAM, "moderation.delete", card)

    assert "would not delete" in said
    assert "cant_delete_message" in json.dumps(bot.fake.messages_in(MODERATION)[-1].blocks)
    assert await _cases(bot) == [("1700000017.000100", "open")]

    card = bot.fake.messages_in(MODERATION)[-1]
    await _press(bot, SAM, "moderation.delete", card)
    deletes = bot.fake.calls_to("chat.delete")
    assert deletes[-1].token == "xoxp-admin-user-token" and deletes[-1].params["ts"] == "1700000017.000100"
    assert await _cases(bot) == [("1700000017.000100", "deleted")]


async def test_a_message_deleted_before_anyone_acts_turns_the_card_to_already_removed(bot: RunningBot) -> None:
    card = await _flagged(bot, "kys nobody likes you", "1700000018.000100")

    await bot.slack.event({"type": "message", "subtype": "message_deleted", "channel": YOUNG_LEADERS,
                           "deleted_ts": "1700000018.000100", "ts": "1700000019.000100", "hidden": True})
    for _ in range(100):
        if (await _cases(bot))[0][1] != "open":
            break
        await asyncio.sleep(0.02)
    await bot.tick()

    assert await _cases(bot) == [("1700000018.000100", "already_removed")]
    assert "Already removed" in json.dumps(bot.fake.messages_in(MODERATION)[-1].blocks)
    assert card.ts == bot.fake.messages_in(MODERATION)[-1].ts


async def test_repeat_breaches_by_the_same_person_show_on_the_card(bot: RunningBot) -> None:
    await _flagged(bot, "stfu you idiot", "1700000020.000100")
    card = await _flagged(bot, "you're pathetic, honestly", "1700000021.000100")

    assert "1 earlier breach" in json.dumps(card.blocks)


async def test_group_agreement_is_posted_and_pinned_by_the_organiser(bot: RunningBot) -> None:
    refused = await bot.slack.slash_command("/groupagreement", "", DAN, channel_id=YOUNG_LEADERS)
    await bot.fake.wait_until(lambda: bot.fake.responses, what="the refusal")
    assert refused.status == 200 and "Only the group's organiser" in bot.fake.responses[-1].params["text"]

    await bot.slack.slash_command("/groupagreement", "", SAM, channel_id=YOUNG_LEADERS)
    await bot.fake.wait_until(lambda: bot.fake.pinned, what="the pin")

    posted = bot.fake.messages_in(YOUNG_LEADERS)
    assert len(posted) == 1 and "#young-leaders" in json.dumps(posted[0].blocks)
    assert bot.fake.pinned == [(YOUNG_LEADERS, posted[0].ts)]


async def test_new_members_of_a_moderated_channel_get_the_agreement_by_dm(bot: RunningBot) -> None:
    await bot.slack.event({"type": "member_joined_channel", "user": DAN, "channel": YOUNG_LEADERS, "channel_type": "C"})
    for _ in range(100):  # the event is handled after Slack's acknowledgement; the welcome goes by the outbox
        await bot.tick()
        if bot.fake.messages_in(DAN):
            break

    assert "safe, friendly and creative space" in json.dumps(bot.fake.messages_in(DAN)[0].blocks)


async def test_repetition_is_remembered_across_a_restart(bot: RunningBot) -> None:
    spam = "come to my mates party saturday bring everyone you know"
    await _post(bot, spam, "1700000040.000100", user=MAYA)
    await asyncio.sleep(0.3)  # handled after the ack; nothing breaks a rule yet
    await bot.tick()  # what the rules remember is saved
    assert await _cases(bot) == []

    bot.services.cache.clear()  # a restarted process remembers nothing but what is in the database

    card = await _flagged(bot, spam, "1700000041.000100", user=DAN)
    blocks = json.dumps(card.blocks)
    assert "Repetition" in blocks and "by someone else" in blocks and f"First posted by <@{MAYA}>." in blocks


async def test_the_card_links_to_the_message_itself_or_else_its_channel(bot: RunningBot) -> None:
    card = await _flagged(bot, "you are a f u c k i n g idiot", "1700000030.000100")

    blocks = json.dumps(card.blocks)
    assert f"https://tmw.example/archives/{YOUNG_LEADERS}/p1700000030000100|open the message" in blocks
    assert "app_redirect" not in blocks

    bot.fake.fail("chat.getPermalink", "message_not_found")
    card = await _flagged(bot, "you are a complete f u c k i n g moron", "1700000031.000100", user=DAN)

    blocks = json.dumps(card.blocks)
    assert f"https://slack.com/app_redirect?channel={YOUNG_LEADERS}|open the channel" in blocks
    assert "message_ts" not in blocks
