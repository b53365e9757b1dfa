"""Answers to a card's button (adaptiveCard/action): the card updated in place, or a short message."""

from __future__ import annotations

from typing import Any

from bot.commands import as_typed_in_chat
from bot.messages import Message
from bot.services import Services
from bot.snapshot import org_snapshot
from bot.teams.cards import ADAPTIVE_CARD_CONTENT_TYPE, AdaptiveCards
from bot.teams.delivery import channels_mentioned
from bot.teams.server import MESSAGE_CONTENT_TYPE
from storage.directory import channel_named


async def card_answer(services: Services, message: Message) -> dict[str, Any]:
    """The pressed card replaced by `message`. People in it are named from the organisation file (the
    outbox's own update of the card, which follows, mentions them)."""
    directory = (await org_snapshot(services)).directory

    def name_of(key: str) -> str:
        member = directory.by_key(key)
        return member.name if member else "someone"

    async with services.db.reading() as session:
        channels = {channel: await channel_named(session, channel) for channel in channels_mentioned(message)}
    card = AdaptiveCards(name_of=name_of, channel_name_of=channels.get).message(message).card
    return {"statusCode": 200, "type": ADAPTIVE_CARD_CONTENT_TYPE, "value": card}


def message_answer(text: str) -> dict[str, Any]:
    """A short message for the person who pressed the button; the card stays as it was."""
    return {"statusCode": 200, "type": MESSAGE_CONTENT_TYPE, "value": as_typed_in_chat(text)}
