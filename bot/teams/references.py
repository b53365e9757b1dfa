"""Remembering where the bot can reach people and channels on Teams.

The bot cannot start a conversation in Teams from nothing: it needs the conversation's id and the service
URL Teams gave with it. Both come with every activity Teams sends (the app installed for a person or
added to a team, anyone writing to the bot), so the inbound side hands each authenticated activity to
`record_reference`, and the Teams deliverer reads what it kept when it sends (bot/teams/delivery.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.addresses import Address
from storage import outbox as outbox_store
from storage.teams import (
    ConversationReference,
    channel_reference,
    forget_person_reference,
    person_reference,
    save_channel_reference,
    save_person_reference,
)


def _tenant(activity: dict[str, Any]) -> str:
    conversation = activity.get("conversation") or {}
    channel_data = activity.get("channelData") or {}
    return str(conversation.get("tenantId") or (channel_data.get("tenant") or {}).get("id") or "")


@dataclass(frozen=True)
class ReachedFrom:
    """Where an activity came from: a person's 1:1 chat (by their Entra object id) or a team's channel,
    and how to reach it; `removed` when the app was just removed for the person."""

    reference: ConversationReference
    person: str = ""
    team: str = ""
    channel: str = ""
    removed: bool = False


def reached_from(activity: dict[str, Any]) -> ReachedFrom | None:
    """Where `activity` came from; None for a group chat, which nothing is addressed to, or an activity
    that does not say enough."""
    conversation = activity.get("conversation") or {}
    channel_data = activity.get("channelData") or {}
    service_url = str(activity.get("serviceUrl") or "")
    conversation_id = str(conversation.get("id") or "")
    tenant = _tenant(activity)
    if not (service_url and conversation_id and tenant):
        return None
    kind = conversation.get("conversationType")
    if kind == "personal":
        person = str((activity.get("from") or {}).get("aadObjectId") or "")
        if not person:
            return None
        removed = activity.get("type") == "installationUpdate" and activity.get("action") == "remove"
        return ReachedFrom(ConversationReference(conversation_id, service_url, tenant), person=person, removed=removed)
    if kind == "channel":
        team = str((channel_data.get("team") or {}).get("id") or "")
        # A team's General channel has the team's id; a reply's conversation id names its thread too.
        channel = str((channel_data.get("channel") or {}).get("id") or team)
        if not (team and channel):
            return None
        return ReachedFrom(ConversationReference(conversation_id.split(";messageid=")[0], service_url, tenant),
                           team=team, channel=channel)
    return None


async def kept_reference(session: AsyncSession, reached: ReachedFrom) -> ConversationReference | None:
    """The reference kept for where `reached` came from, if any."""
    if reached.person:
        return await person_reference(session, reached.person)
    return await channel_reference(session, reached.channel)


async def record_reference(session: AsyncSession, activity: dict[str, Any], now: datetime) -> ConversationReference | None:
    """Keep where the activity came from, as the way to reach its person (a 1:1 chat) or its channel.
    Call it only with an activity whose token has been checked: its service URL is where the bot will
    send its own token. Returns what was kept (None for a group chat, which nothing is addressed to, or
    an activity that does not say enough). The app removed for a person forgets their chat."""
    reached = reached_from(activity)
    if reached is None:
        return None
    if reached.removed:
        await forget_person_reference(session, reached.person)
        return None
    if reached.person:
        await save_person_reference(session, reached.person, reached.reference, now)
    else:
        await save_channel_reference(session, reached.team, reached.channel, reached.reference, now)
    return reached.reference


async def reachable_now(session: AsyncSession, to: Address, now: datetime) -> int:
    """The person (or channel) a reference was just recorded for: what waits for them goes out on the
    outbox's next round rather than after its back-off. The caller wakes the scheduler once committed."""
    return await outbox_store.retry_now(session, to, now)
