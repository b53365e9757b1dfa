"""The outbox: messages owed to people and channels, kept until their platform has taken them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, exists, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from bot.addresses import Address, encode
from bot.crypto import DataCipher
from bot.outbox import Posted
from storage.models import OutboxMessage, PostedMessage

# Delivery retries back off to this, and keep going: a message is never given up while it may land.
MAX_BACKOFF = timedelta(minutes=15)


async def enqueue_message(
    session: AsyncSession,
    cipher: DataCipher,
    *,
    now: datetime,
    to: Address,
    template: str,
    params: dict[str, Any],
    message_key: str | None = None,
) -> OutboxMessage:
    message = OutboxMessage(
        created_at=now,
        address=encode(to),
        template=template,
        params_enc=cipher.encrypt_json(params),
        message_key=message_key,
        next_attempt_at=now,
    )
    session.add(message)
    return message


async def hold_message(
    session: AsyncSession,
    cipher: DataCipher,
    *,
    now: datetime,
    to: Address,
    template: str,
    params: dict[str, Any],
    message_key: str | None = None,
    replaces_held: bool = True,
) -> OutboxMessage:
    """A reminder kept ("held") until its person is back from an absence (`release_held`): it neither
    goes out nor holds up later messages to them meanwhile. A newer one of the same template replaces
    an older one still held, so nobody comes back to a pile of the same reminder; unless
    `replaces_held` is False, for a template whose messages each ask something different (a review
    of each young leader)."""
    if replaces_held:
        await session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.address == encode(to), OutboxMessage.template == template, OutboxMessage.state == "held")
            .values(state="superseded", params_enc=cipher.encrypt_json({}))
        )
    message = await enqueue_message(session, cipher, now=now, to=to, template=template, params=params,
                                    message_key=message_key)
    message.state = "held"
    return message


async def release_held(session: AsyncSession, to: Address, now: datetime) -> int:
    """Someone is back: the reminders held for them go out now."""
    result = await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.address == encode(to), OutboxMessage.state == "held")
        .values(state="pending", next_attempt_at=now)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)


async def undelivered(session: AsyncSession, to: Address, template: str) -> Sequence[OutboxMessage]:
    """Messages of `template` to `to` that have not gone out yet (waiting, being sent, or held)."""
    return (await session.scalars(
        select(OutboxMessage).where(OutboxMessage.address == encode(to), OutboxMessage.template == template,
                                    OutboxMessage.state.in_(("pending", "sending", "held")))
    )).all()


async def claim_deliverable(
    session: AsyncSession, now: datetime, *, limit: int, lease: timedelta
) -> Sequence[OutboxMessage]:
    """Messages due for delivery, leased to this worker until each is sent (see `start_attempt`). A
    message waits while an earlier one to the same address is undelivered, so people read things in the
    order they happened, whichever platform each goes by."""
    pending = or_(
        OutboxMessage.state == "pending",
        and_(OutboxMessage.state == "sending", OutboxMessage.lease_until <= now),
    )
    earlier = aliased(OutboxMessage)
    blocked_by_earlier = exists().where(
        earlier.address == OutboxMessage.address,
        earlier.id < OutboxMessage.id,
        earlier.state.in_(("pending", "sending")),
    )
    rows = (
        await session.scalars(
            select(OutboxMessage)
            .where(pending, OutboxMessage.next_attempt_at <= now, ~blocked_by_earlier)
            .order_by(OutboxMessage.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
    ).all()
    for message in rows:
        message.state = "sending"
        message.lease_until = now + lease
    return rows


async def start_attempt(
    session: AsyncSession, message_id: int, *, claimed_until: datetime, now: datetime, lease: timedelta
) -> bool:
    """Mark a claimed message as being sent, just before sending it: from here on it may land, so it
    keeps the longer lease and counts as attempted. False if the claim ran out and another worker has
    since taken the message (its lease is no longer the one this worker's claim set)."""
    result = await session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.id == message_id,
            OutboxMessage.state == "sending",
            OutboxMessage.lease_until == claimed_until,
        )
        .values(lease_until=now + lease, attempts=OutboxMessage.attempts + 1)
    )
    return result.rowcount == 1  # type: ignore[attr-defined]


async def supersede_older(session: AsyncSession, cipher: DataCipher, message: OutboxMessage) -> None:
    """An update in place makes earlier undelivered versions of the same message pointless: they will
    never be sent, so what they would have said is forgotten."""
    if message.message_key is None:
        return
    await session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.message_key == message.message_key,
            OutboxMessage.id < message.id,
            # A version held for someone away (`hold_message`) is out of date too.
            OutboxMessage.state.in_(("pending", "sending", "held")),
        )
        .values(state="superseded", params_enc=cipher.encrypt_json({}))
    )


async def mark_sent(session: AsyncSession, cipher: DataCipher, message_id: int, now: datetime) -> None:
    """Delivered: the platform holds the message now, so what it was drawn from is forgotten (a report's
    details, a case record's PDF). The row stays, until `sent_message_days`, only to say what was sent when."""
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id)
        .values(state="sent", sent_at=now, lease_until=None, last_error="", params_enc=cipher.encrypt_json({}))
    )


async def mark_retry(session: AsyncSession, message_id: int, now: datetime, error: str, attempts: int,
                     not_before: datetime | None = None) -> datetime:
    """Put a message back in the queue after a failed attempt; returns when it will be tried again (no
    sooner than `not_before`, when the platform said when to come back)."""
    retry_at = now + min(timedelta(seconds=5 * 2 ** min(attempts, 10)), MAX_BACKOFF)
    if not_before is not None:
        retry_at = max(retry_at, not_before)
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id)
        .values(state="pending", next_attempt_at=retry_at, lease_until=None, last_error=error[:500])
    )
    return retry_at


async def retry_now(session: AsyncSession, to: Address, now: datetime) -> int:
    """Messages waiting to be tried again for an address go on the next round, not after their back-off
    (someone just became reachable)."""
    result = await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.address == encode(to), OutboxMessage.state == "pending", OutboxMessage.next_attempt_at > now)
        .values(next_attempt_at=now)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)


async def release(session: AsyncSession, message_ids: Sequence[int], next_attempt_at: datetime) -> None:
    """Hand claimed messages back, to be tried again from `next_attempt_at`."""
    if not message_ids:
        return
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id.in_(message_ids), OutboxMessage.state == "sending")
        .values(state="pending", next_attempt_at=next_attempt_at, lease_until=None)
    )


def set_aside_unreadable(message: OutboxMessage, error: str) -> None:
    """A claimed message whose content cannot be decrypted (the data key changed since it was written):
    kept for a person to look at, out of the way of delivery and of later messages to the same address."""
    message.state = "unreadable"
    message.lease_until = None
    message.last_error = error[:500]


async def mark_failed(session: AsyncSession, message_id: int, error: str) -> None:
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id)
        .values(state="failed", lease_until=None, last_error=error[:500])
    )


async def queue_state(session: AsyncSession) -> tuple[int, datetime | None]:
    """How many messages wait to go out, and when the oldest of them was queued."""
    row = (
        await session.execute(
            select(func.count(), func.min(OutboxMessage.created_at)).where(
                OutboxMessage.state.in_(("pending", "sending"))
            )
        )
    ).one()
    return int(row[0]), row[1]


async def posted_location(session: AsyncSession, message_key: str) -> PostedMessage | None:
    return await session.scalar(select(PostedMessage).where(PostedMessage.message_key == message_key))


async def remember_posted(session: AsyncSession, message_key: str, posted: Posted) -> None:
    existing = await posted_location(session, message_key)
    if existing is None:
        existing = PostedMessage(message_key=message_key)
        session.add(existing)
    existing.platform, existing.conversation, existing.message_id, existing.service_url = (
        posted.platform, posted.conversation, posted.message_id, posted.service_url)


async def has_keyed_message(session: AsyncSession, message_key: str) -> bool:
    """Whether a message with this key was ever queued (whatever became of it): for a notice given once."""
    return (await session.scalar(select(OutboxMessage.id).where(OutboxMessage.message_key == message_key).limit(1))
            ) is not None


async def replace_params(session: AsyncSession, cipher: DataCipher, message_id: int, params: dict[str, Any]) -> None:
    """What a message will be drawn from, changed: for a deliverer that moves a file the message carried
    somewhere shorter-lived (Teams' offered files), so the outbox's copy of the message does not keep it."""
    await session.execute(update(OutboxMessage).where(OutboxMessage.id == message_id)
                          .values(params_enc=cipher.encrypt_json(params)))
