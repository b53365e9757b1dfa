"""What the workflows need to know about delivering messages, without knowing it is Slack."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True)
class OutboundMessage:
    id: int
    target: str
    template: str
    params: dict[str, Any]
    message_key: str | None
    # Where an earlier version of this message landed, to update it in place.
    posted_channel: str | None = None
    posted_ts: str | None = None


@dataclass(frozen=True)
class Delivered:
    channel: str
    ts: str


class DeliveryFailed(Exception):
    def __init__(self, reason: str, *, permanent: bool, needs_invite: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent
        # The bot is not in the channel: an admin must invite it.
        self.needs_invite = needs_invite


class Deliverer(Protocol):
    async def deliver(self, message: OutboundMessage) -> Delivered: ...
