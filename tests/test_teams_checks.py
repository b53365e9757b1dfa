"""Checking before sending, in Teams (policy 3, 4, 5.5, 5.6): `check <text>` in the bot's 1:1 chat runs the
same check as Slack's /check and answers with the same findings in the same words, counts what it found
for the digest (kinds only), and keeps nothing of the text: the answer is sent at once, never queued.
Over real HTTP through the Teams stand-in, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.standin import FakeSlack
from bot.teams.server import NOT_ANSWERED
from storage.models import CheckFinding, OutboxMessage, ProcessedDelivery
from tests.teams_support import BEN_TEAMS, TeamsWorld, start_teams_world


@pytest.fixture
async def world(database_url: str, fake_slack: FakeSlack) -> AsyncIterator[TeamsWorld]:
    async for running in start_teams_world(database_url, fake_slack):
        yield running


def _card_text(card: dict[str, Any]) -> str:
    """What the card shows, as read: its markdown escapes undone."""
    text = "\n".join(block["text"] for block in card["body"] if "text" in block)
    return re.sub(r"\\(.)", r"\1", text).replace("\u2060", "")


async def _check(world: TeamsWorld, text: str, person: str = BEN_TEAMS) -> str:
    """Type `text` in the chat, and read what stands there now, before the outbox is even run."""
    world.teams.install_for(person)
    reply = await world.client.send(world.client.personal_message(person, text))
    assert reply.status == 200
    return "\n\n".join(_card_text(sent.cards[0]) for sent in world.teams.sent_to(person))


async def _counts(world: TeamsWorld) -> dict[tuple[str, str], int]:
    async with world.bot.services.db.reading() as session:
        rows = await session.execute(select(CheckFinding.kind, CheckFinding.source, func.count())
                                     .group_by(CheckFinding.kind, CheckFinding.source))
        return {(kind, source): n for kind, source, n in rows.all()}


async def test_a_childs_phone_number_is_found_and_taken_out_of_a_copy_ready_to_send(world: TeamsWorld) -> None:
    said = await _check(world, "check Amy's mum says ring her on 07700 900123 or jo.bloggs@gmail.com")

    assert "I found 2 things to change before this goes out:" in said
    assert "Phone number" in said and "07700 900123" in said
    assert "This looks like a personal phone number." in said
    assert "Ready to copy, with them taken out:" in said
    assert "ring her on [phone number removed] or [email address removed]" in said
    # Counted for the digest, by kind only, as having come from the chat.
    assert await _counts(world) == {("phone", "chat"): 1, ("email_address", "chat"): 1}


async def test_a_clean_message_is_good_to_go_and_nothing_is_counted(world: TeamsWorld) -> None:
    said = await _check(world, "check Great gig tonight at 7.30pm, tickets £5 at themusicworks.org.uk")

    assert said == "✅ I found no personal details or passwords. Good to go."
    assert await _counts(world) == {}


async def test_the_text_is_read_as_typed_after_a_mention_of_the_bot_line_breaks_and_all(world: TeamsWorld) -> None:
    said = await _check(world, "<at>Safety assistant</at> CHECK Lovely session today!\nCall Jo on 07700 900123")

    # Each line of the copy is a line of the card (a blank line between, as Teams' markdown needs).
    assert "Lovely session today!\n\nCall Jo on [phone number removed]" in said
    assert await _counts(world) == {("phone", "chat"): 1}


async def test_nothing_of_the_checked_text_is_kept(world: TeamsWorld) -> None:
    await _check(world, "check Password: Tr0mbone!2026 and ring 07700 900123")
    await world.tick()

    # The answer went straight to the chat: nothing was queued, so no copy of it waits or is kept.
    assert await world.count(OutboxMessage) == 0
    async with world.bot.services.db.reading() as session:
        kept = json.dumps([list(row) for row in (await session.execute(select(CheckFinding.kind, CheckFinding.source))).all()])
    assert "07700" not in kept and "Tr0mbone" not in kept
    # And a password is never quoted back, even to the person who typed it.
    [answer] = world.teams.sent_to(BEN_TEAMS)
    assert "Tr0mbone" not in json.dumps(answer.activity).split("Ready to copy")[0]


async def test_teams_sending_the_same_message_again_gets_one_answer_and_one_count(world: TeamsWorld) -> None:
    world.teams.install_for(BEN_TEAMS)
    activity = world.client.personal_message(BEN_TEAMS, "check ring me on 07700 900123")

    await world.client.send(activity)
    await world.client.send(activity)
    await world.tick()

    assert len(world.teams.sent_to(BEN_TEAMS)) == 1
    assert await _counts(world) == {("phone", "chat"): 1}


async def test_when_teams_cannot_take_the_answer_the_person_is_asked_to_try_again(world: TeamsWorld) -> None:
    world.teams.install_for(BEN_TEAMS)
    world.teams.fail("send", 502)

    reply = await world.client.send(world.client.personal_message(BEN_TEAMS, "check ring me on 07700 900123"))
    assert reply.status == 200 and world.teams.sent_to(BEN_TEAMS) == []
    # What was queued to say so holds nothing of the text.
    async with world.bot.services.db.reading() as session:
        [queued] = (await session.scalars(select(OutboxMessage.params_enc))).all()
    assert world.bot.services.cipher.decrypt_json(queued) == {"text": NOT_ANSWERED}
    await world.tick()

    [sent] = world.teams.sent_to(BEN_TEAMS)
    assert _card_text(sent.cards[0]) == NOT_ANSWERED
    assert await _counts(world) == {}


async def test_check_with_nothing_after_it_kindly_says_how(world: TeamsWorld) -> None:
    await _check(world, "check   ")
    await world.tick()

    [sent] = world.teams.sent_to(BEN_TEAMS)
    said = _card_text(sent.cards[0])
    assert said.startswith("Type what you'd like me to look at after “check”, for example")
    assert "check Well done Amy Smith" in said
    assert await _counts(world) == {}


async def test_help_in_teams_lists_check_as_typed_in_the_chat(world: TeamsWorld) -> None:
    await _check(world, "help")
    await world.tick()

    [sent] = world.teams.sent_to(BEN_TEAMS)
    assert "“check <text>”: Check a post, caption or email for personal details" in _card_text(sent.cards[0])


# -- "Check before sending" on a message -------------------------------------------------------------

TEAM, CHANNEL = "19:team-tmw@thread.tacv2", "19:drafts@thread.tacv2"
# A draft as Teams sends it to a message action: HTML, with a mention, entities and paragraphs.
DRAFT_HTML = ('<p>Well done&nbsp;<at id="0">Amy Smith</at> &amp; the band!</p>'
              "<p>Amy's mum says ring her on 07700&nbsp;900123 or jo.bloggs@gmail.com</p>")
DRAFT_TEXT = "Well done Amy Smith & the band!\nAmy's mum says ring her on 07700 900123 or jo.bloggs@gmail.com"


def _on_a_message(world: TeamsWorld, html: str, *, action: str = "check_before_sending",
                  person: str = BEN_TEAMS) -> dict[str, Any]:
    """`person` chooses a message action on a message in a team's channel."""
    world.teams.open_channel(TEAM, CHANNEL)
    message = {"id": "1701000000000", "messageType": "message", "body": {"contentType": "html", "content": html},
               "from": {"user": {"id": "someone", "displayName": "Lucy Moore", "userIdentityType": "aadUser"}}}
    return world.client.message_action(person, action, message, conversation={
        "id": CHANNEL, "conversationType": "channel", "tenantId": world.teams.tenant_id, "isGroup": True})


def _dialog_text(answer: Any) -> str:
    assert answer.status == 200 and answer.body["task"]["type"] == "continue"
    assert answer.body["task"]["value"]["title"] == "Check before sending"
    return _card_text(answer.body["task"]["value"]["card"]["content"])


async def test_check_before_sending_on_a_message_shows_what_check_finds_to_the_person_alone(world: TeamsWorld) -> None:
    answer = await world.client.send(_on_a_message(world, DRAFT_HTML))

    said = _dialog_text(answer)
    assert "I found 2 things to change before this goes out:" in said
    assert "Phone number" in said and "07700 900123" in said
    # The message's HTML is read as the text it shows: the mention as a name, & as itself, a line a paragraph.
    assert "Well done Amy Smith & the band!\n\nAmy's mum says ring her on [phone number removed] or " \
           "[email address removed]" in said
    # Shown in the dialog only: nothing said in the channel or in anyone's chat, then or later.
    await world.tick()
    assert world.teams.calls == [] and world.teams.sent == []
    assert await world.count(OutboxMessage) == 0
    # Counted for the digest, by kind only, as Slack's "Check before sending" is.
    assert await _counts(world) == {("phone", "shortcut"): 1, ("email_address", "shortcut"): 1}


async def test_a_message_checked_before_sending_is_checked_exactly_as_check_with_its_text(world: TeamsWorld) -> None:
    answer = await world.client.send(_on_a_message(world, DRAFT_HTML))
    chat = await _check(world, f"check {DRAFT_TEXT}")

    assert _dialog_text(answer) == chat


async def test_nothing_of_a_message_checked_before_sending_is_kept(world: TeamsWorld) -> None:
    await world.client.send(_on_a_message(world, "<p>Password: Tr0mbone!2026</p><p>ring 07700 900123</p>"))
    await world.tick()

    async with world.bot.services.db.reading() as session:
        kept = json.dumps([[str(value) for value in row] for model in (CheckFinding, ProcessedDelivery)
                           for row in (await session.execute(select(*model.__table__.columns))).all()])
    assert "07700" not in kept and "Tr0mbone" not in kept
    assert await world.count(OutboxMessage) == 0


async def test_teams_sending_the_same_message_action_again_shows_it_again_and_counts_it_once(
        world: TeamsWorld) -> None:
    activity = _on_a_message(world, "<p>ring me on 07700 900123</p>")

    first = await world.client.send(activity)
    again = await world.client.send(activity)

    assert _dialog_text(first) == _dialog_text(again)
    assert await _counts(world) == {("phone", "shortcut"): 1}


async def test_a_clean_message_is_good_to_go_and_one_with_no_words_is_said_to_have_none(world: TeamsWorld) -> None:
    clean = await world.client.send(_on_a_message(world, "<p>Great gig tonight at 7.30pm!</p>"))
    picture = await world.client.send(_on_a_message(world, '<p><img src="https://example.org/gig.jpg" alt="image"></p>'))

    assert _dialog_text(clean) == "✅ I found no personal details or passwords. Good to go."
    assert picture.body == {"task": {"type": "message", "value": "There are no words in this message for me to check."}}
    assert await _counts(world) == {}


async def test_a_message_action_the_bot_does_not_know_says_so_and_changes_nothing(world: TeamsWorld) -> None:
    answer = await world.client.send(_on_a_message(world, "<p>Bye all, last day today!</p>", action="from_a_newer_app"))

    assert answer.body == {"task": {"type": "message",
                                    "value": "Sorry, this doesn't work in Teams yet, so nothing was changed."}}
    assert await world.count(OutboxMessage) == 0
