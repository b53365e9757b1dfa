"""Where the bot can reach people and channels on Teams (conversation references). Functions take the
session and never commit: the caller's unit of work does."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import TeamsConversation


@dataclass(frozen=True)
class ConversationReference:
    """Enough to send into a conversation: its id, the service URL to send by, and the tenant."""

    conversation_id: str
    service_url: str
    tenant_id: str


def _reference(row: TeamsConversation | None) -> ConversationReference | None:
    return None if row is None else ConversationReference(row.conversation_id, row.service_url, row.tenant_id)


async def person_reference(session: AsyncSession, user_object_id: str) -> ConversationReference | None:
    row = await session.scalar(select(TeamsConversation).where(TeamsConversation.user_object_id == user_object_id))
    return _reference(row)


async def channel_reference(session: AsyncSession, channel_id: str) -> ConversationReference | None:
    row = await session.scalar(select(TeamsConversation).where(TeamsConversation.channel_id == channel_id))
    return _reference(row)


async def save_person_reference(session: AsyncSession, user_object_id: str, reference: ConversationReference,
                                now: datetime) -> None:
    await _save(session, TeamsConversation.user_object_id, user_object_id, reference, now)


async def save_channel_reference(session: AsyncSession, team_id: str, channel_id: str,
                                 reference: ConversationReference, now: datetime) -> None:
    await _save(session, TeamsConversation.channel_id, channel_id, reference, now, team_id=team_id)


async def forget_person_reference(session: AsyncSession, user_object_id: str) -> None:
    """The app was uninstalled for the person: the bot cannot reach them there any more."""
    await session.execute(delete(TeamsConversation).where(TeamsConversation.user_object_id == user_object_id))


async def forget_channel_reference(session: AsyncSession, channel_id: str) -> None:
    await session.execute(delete(TeamsConversation).where(TeamsConversation.channel_id == channel_id))


async def _save(session: AsyncSession, column: object, key: str, reference: ConversationReference, now: datetime,
                **extra: str) -> None:
    for _ in range(2):
        row = await session.scalar(select(TeamsConversation).where(column == key))  # type: ignore[arg-type]
        if row is not None:
            row.conversation_id, row.service_url = reference.conversation_id, reference.service_url
            row.tenant_id, row.updated_at = reference.tenant_id, now
            for name, value in extra.items():
                setattr(row, name, value)
            return
        try:
            # Two activities from one person at once may both find no row: the second one's insert is
            # refused, and it updates the row the first made instead.
            async with session.begin_nested():
                session.add(TeamsConversation(
                    **{column.key: key},  # type: ignore[attr-defined]
                    conversation_id=reference.conversation_id, service_url=reference.service_url,
                    tenant_id=reference.tenant_id, updated_at=now, **extra,
                ))
            return
        except IntegrityError:
            continue


async def conversation_reference(session: AsyncSession, conversation_id: str) -> ConversationReference | None:
    """A conversation the bot was reached in, by its id (to answer where something was said)."""
    row = await session.scalar(select(TeamsConversation).where(TeamsConversation.conversation_id == conversation_id)
                               .order_by(TeamsConversation.updated_at.desc()).limit(1))
    return _reference(row)


async def latest_reference(session: AsyncSession) -> ConversationReference | None:
    """The reference kept most recently, whoever it is for: its service URL and tenant are the
    organisation's, to open a chat with someone Teams has not yet told the bot about."""
    row = await session.scalar(select(TeamsConversation).order_by(TeamsConversation.updated_at.desc()).limit(1))
    return _reference(row)
