"""What the workflows need to know about delivering messages, without knowing which platform carries them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from bot.addresses import Address


@dataclass(frozen=True)
class Posted:
    """Where a message landed, as its platform needs it to update the message in place: on Slack a
    channel and a ts; on Teams a conversation, an activity id and the service URL to reach it by."""

    platform: str
    conversation: str
    message_id: str
    service_url: str | None = None


@dataclass(frozen=True)
class OutboundMessage:
    id: int
    to: Address
    template: str
    params: dict[str, Any]
    message_key: str | None
    # Where an earlier version of this message landed, to update it in place.
    posted: Posted | None = None
    # Attempts made before this one. After one whose answer never came (a crash, a timeout), the
    # message may already be there: a deliverer should find and update it rather than send it again.
    earlier_attempts: int = 0


class DeliveryFailed(Exception):
    def __init__(
        self, reason: str, *, permanent: bool, invite_to: str | None = None, credentials_refused: bool = False,
        waiting: bool = False, retry_after: float | None = None,
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent
        # The bot is not in this channel (the platform's name for it, to show people): an admin must
        # invite it.
        self.invite_to = invite_to
        # The platform refused the bot's own credentials (a revoked or wrong token). Not this message's
        # fault, and every other message would fail the same way: nothing is given up, delivery pauses.
        self.credentials_refused = credentials_refused
        # The message waits for something only people can do (the Teams app installed for its person):
        # kept and tried again, but not a fault of delivery, so it neither fails the health check nor
        # logs an outage.
        self.waiting = waiting
        # The platform asked not to be called again for this many seconds (a rate limit's Retry-After).
        self.retry_after = retry_after


@dataclass
class DeliveryHealth:
    """How delivery has gone lately in this process: for the health check, and so that an outage is
    logged once when it starts rather than once per message."""

    failing_since: datetime | None = None
    last_error: str = ""
    credentials_refused: bool = False

    @property
    def failing(self) -> bool:
        return self.failing_since is not None

    def failed(self, now: datetime, reason: str, *, credentials_refused: bool = False) -> bool:
        """Note a failure that may mend; True if it is the first sign of refused credentials."""
        first_refusal = credentials_refused and not self.credentials_refused
        if self.failing_since is None:
            self.failing_since = now
        self.last_error = reason
        self.credentials_refused = self.credentials_refused or credentials_refused
        return first_refusal

    def delivered(self) -> bool:
        """Note a delivery; True if it ends a spell of failures."""
        was_failing = self.failing
        self.failing_since, self.last_error, self.credentials_refused = None, "", False
        return was_failing


class Deliverer(Protocol):
    async def deliver(self, message: OutboundMessage) -> Posted: ...
