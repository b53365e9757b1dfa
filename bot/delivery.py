"""Handing each outbox message to the platform that carries it.

The router knows platforms only by name ("slack", "teams"); each platform's deliverer is registered
at start-up and works out its own address for a person or a channel when it sends.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping

from bot.addresses import Address, ToConversation
from bot.outbox import Deliverer, DeliveryFailed, OutboundMessage, Posted

SLACK = "slack"

PlatformOf = Callable[[Address], Awaitable[str]]


async def slack_for_everyone(address: Address) -> str:
    """Until people may name another platform, everyone is reached on Slack."""
    return address.platform if isinstance(address, ToConversation) else SLACK


class DeliveryRouter:
    def __init__(self, deliverers: Mapping[str, Deliverer], platform_of: PlatformOf = slack_for_everyone) -> None:
        self.deliverers = dict(deliverers)
        self.platform_of = platform_of

    async def deliver(self, message: OutboundMessage) -> Posted:
        # A message posted already is updated where it is, even if its person has moved platform since.
        platform = message.posted.platform if message.posted else await self.platform_of(message.to)
        deliverer = self.deliverers.get(platform)
        if deliverer is None:
            # Kept and tried again: the platform may be set up later (the message is not lost).
            raise DeliveryFailed(f"nothing delivers to {platform} in this process", permanent=False)
        return await deliverer.deliver(message)
