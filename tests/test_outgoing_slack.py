"""Outgoing checks in Slack (policy 3, 4, 5.5, 5.6): /check, "Check before sending" and guarded channels."""

from __future__ import annotations

import asyncio
import json

from sqlalchemy import func, select

from bot.outgoing.roster import import_roster
from storage.models import CheckFinding, GuardedNotice
from tests.harness import RunningBot
from tests.report_driver import DAN, SAM

DRAFTS, MODERATION = "C0DRAFTS01", "C0MODERA01"
ROSTER = "first_name,last_name,school,photo_consent\nAmy,Smith,Ribston Hall High School,yes\nJake,Brown,Chosen Hill School,no\n"


async def _counts(bot: RunningBot) -> dict[str, int]:
    async with bot.services.db.reading() as session:
        rows = await session.execute(select(CheckFinding.kind, func.count()).group_by(CheckFinding.kind))
        return dict(rows.all())


async def _counts_once_recorded(bot: RunningBot) -> dict[str, int]:
    """The findings counted, once the listener has written them: it answers Slack first (within Slack's
    three seconds) and counts after, so the reply can reach us before the count is committed."""
    for _ in range(200):
        if counts := await _counts(bot):
            return counts
        await asyncio.sleep(0.025)
    return await _counts(bot)


async def test_check_command_shows_findings_and_a_redacted_copy(bot: RunningBot) -> None:
    response = await bot.slack.slash_command("/check", "Ring me on 07700 900123 or jo.bloggs@gmail.com", DAN)

    body = response.json()
    shown = json.dumps(body["blocks"])
    assert body["response_type"] == "ephemeral"
    assert "Phone number" in shown and "07700 900123" in shown
    assert "[phone number removed]" in shown and "[email address removed]" in shown
    assert await _counts_once_recorded(bot) == {"phone": 1, "email_address": 1}


async def test_check_command_sees_through_invisible_full_width_and_look_alike_characters(bot: RunningBot) -> None:
    # A zero-width space in the number, full-width digits, and a Cyrillic "о" and "а" in the address.
    text = "Ring 07700\u200b900123 or \uff10\uff17\uff17\uff10\uff10 \uff19\uff10\uff10\uff14\uff15\uff16, or j\u043e@gm\u0430il.com"

    response = await bot.slack.slash_command("/check", text, DAN)

    shown = json.dumps(response.json()["blocks"], ensure_ascii=False)
    assert "Ring [phone number removed] or [phone number removed], or [email address removed]" in shown
    assert "07700\u200b900123" in shown and "j\u043e@gm\u0430il.com" in shown  # listed as written
    assert await _counts_once_recorded(bot) == {"phone": 1, "email_address": 1}


async def test_clean_text_is_good_to_go_and_nothing_is_recorded(bot: RunningBot) -> None:
    response = await bot.slack.slash_command("/check", "Great gig tonight at 7.30pm, tickets £5 at themusicworks.org.uk", DAN)

    assert "Good to go" in response.json()["text"]
    assert await _counts(bot) == {}


async def test_the_organisations_own_number_passes(bot: RunningBot) -> None:
    response = await bot.slack.slash_command("/check", "Questions? Call us on 01452 503550.", DAN)
    assert "Good to go" in response.json()["text"]


async def test_check_with_no_text_explains_how(bot: RunningBot) -> None:
    response = await bot.slack.slash_command("/check", "  ", DAN)
    assert "Type the text after the command" in response.json()["text"]


async def test_check_knows_the_roster_but_never_stores_a_name(bot: RunningBot) -> None:
    async with bot.services.db.unit_of_work() as session:
        await import_roster(session, bot.services, ROSTER, actor="test")

    # A caption for a photo: a child whose family said no to photos is named in it.
    caption = await bot.slack.slash_command("/check", "Photo for Instagram: well done AMY SMITH's band, and Jake on drums!", DAN)

    shown = json.dumps(caption.json()["blocks"])
    assert "Full name" in shown and "Photo opt-out" in shown
    async with bot.services.db.reading() as session:
        from storage.models import RosterParticipant

        stored = (await session.execute(select(RosterParticipant.first_hash, RosterParticipant.last_hash))).all()
    assert len(stored) == 2 and all("amy" not in f.lower() and "smith" not in l.lower() for f, l in stored)


async def test_check_before_sending_answers_on_the_message_privately(bot: RunningBot) -> None:
    message = {"type": "message", "text": "Password for the Instagram is Sunflower#2024", "user": DAN, "ts": "1700000000.000100"}

    response = await bot.slack.message_shortcut(DAN, "check_before_sending", message, "D0LEADER01")
    await bot.fake.wait_until(lambda: bot.fake.responses, what="the private answer")

    assert response.status == 200
    answer = bot.fake.responses[-1].params
    assert answer["response_type"] == "ephemeral"
    assert "Password or token" in json.dumps(answer["blocks"])
    assert "Sunflower#2024" not in json.dumps(answer["blocks"]).split("Ready to copy")[0]


async def _post(bot: RunningBot, text: str, ts: str = "1700000001.000100", user: str = DAN, **extra: object) -> None:
    await bot.slack.event({"type": "message", "channel": DRAFTS, "user": user, "text": text, "ts": ts,
                           "channel_type": "channel", **extra})


async def test_a_leak_in_a_guarded_channel_warns_the_poster_and_tells_the_moderators(bot: RunningBot) -> None:
    await _post(bot, "Caption: Amy lives at 12 Station Road, GL1 1AA. Call her mum on 07700 900123")
    await bot.fake.wait_until(lambda: bot.fake.ephemerals_for(DAN), what="the poster's warning")
    await bot.tick()

    warning = json.dumps(bot.fake.ephemerals_for(DAN)[-1]["blocks"])
    assert "[address removed]" in warning and "[phone number removed]" in warning
    card = bot.fake.messages_in(MODERATION)
    assert len(card) == 1 and "Remove message" in json.dumps(card[0].blocks)
    assert "07700 900123" not in json.dumps(card[0].blocks)
    async with bot.services.db.reading() as session:
        stored = await session.scalar(select(GuardedNotice.redacted_enc))
    assert stored is not None and "Station Road" not in stored
    assert "[address removed]" in bot.services.cipher.decrypt(stored)


async def test_a_clean_message_in_a_guarded_channel_leaves_nothing_behind(bot: RunningBot) -> None:
    await _post(bot, "Draft: Big thanks to everyone who came to the showcase on Saturday!")
    await _post(bot, "and the phone 07700 900123", ts="1700000002.000100", user=SAM)  # a marker we can wait for
    await bot.fake.wait_until(lambda: bot.fake.ephemerals_for(SAM), what="the second message's warning")

    assert bot.fake.ephemerals_for(DAN) == []
    async with bot.services.db.reading() as session:
        assert await session.scalar(select(func.count()).select_from(GuardedNotice)) == 1


async def test_only_moderators_can_decide_and_its_fine_closes_the_notice(bot: RunningBot) -> None:
    await _post(bot, "email the parents: a.parent@gmail.com, b.parent@yahoo.co.uk")
    await bot.fake.wait_until(lambda: bot.fake.ephemerals_for(DAN), what="the warning")
    await bot.tick()
    card = bot.fake.messages_in(MODERATION)[0]
    message = {"ts": card.ts, "text": card.text, "blocks": card.blocks}
    notice_id = next(e["value"] for b in card.blocks for e in b.get("elements", []) if e.get("action_id") == "checks.its_fine")

    await bot.slack.block_action(DAN, "checks.its_fine", notice_id, message=message, channel_id=MODERATION)
    await bot.fake.wait_until(lambda: bot.fake.responses, what="the refusal")
    assert "Only the group's moderators" in bot.fake.responses[-1].params["text"]

    await bot.slack.block_action(SAM, "checks.its_fine", notice_id, message=message, channel_id=MODERATION)
    await bot.fake.wait_until(lambda: len(bot.fake.responses) >= 2, what="the moderator's answer")
    await bot.tick()
    assert "Marked as fine" in json.dumps(bot.fake.messages_in(MODERATION)[0].blocks)


async def test_bot_messages_in_a_guarded_channel_are_not_checked(bot: RunningBot) -> None:
    await bot.slack.event({"type": "message", "subtype": "bot_message", "bot_id": "B0OTHER", "channel": DRAFTS,
                           "text": "Call 07700 900123", "ts": "1700000003.000100"})
    await _post(bot, "and 07700 900124", ts="1700000004.000100", user=SAM)
    await bot.fake.wait_until(lambda: bot.fake.ephemerals_for(SAM), what="the marker")

    async with bot.services.db.reading() as session:
        assert await session.scalar(select(func.count()).select_from(GuardedNotice)) == 1
