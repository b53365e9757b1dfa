"""Handing each outbox message to the platform that carries it.

The router knows platforms only by name ("slack", "teams"); each platform's deliverer is registered
at start-up and works out its own address for a person or a channel when it sends.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping

from bot.addresses import Address, ToChannel, ToConversation, ToPerson
from bot.directory import Directory
from bot.org import ENTRA_OBJECT_ID, Platform
from bot.outbox import Deliverer, DeliveryFailed, OutboundMessage, Posted
from bot.services import Services
from bot.snapshot import current_directory
from storage.directory import channel_for, teams_channel_for

SLACK, TEAMS = Platform.SLACK.value, Platform.TEAMS.value

PlatformOf = Callable[[Address], Awaitable[str]]
# Whether a channel purpose has a Slack channel, and whether a Teams one.
ChannelPlatforms = Callable[[str], Awaitable[tuple[bool, bool]]]


async def slack_for_everyone(address: Address) -> str:
    """Everyone on Slack: for tools and tests that know no directory."""
    return address.platform if isinstance(address, ToConversation) else SLACK


def platform_by_directory(directory: Callable[[], Awaitable[Directory]], channels: ChannelPlatforms) -> PlatformOf:
    """Each person is reached on the platform the organisation file says they are told on (`notify_on`),
    so someone on both is told once. A channel purpose goes to its Slack channel if it has one, else to
    its Teams channel."""

    async def platform_of(address: Address) -> str:
        match address:
            case ToConversation(platform, _):
                return platform
            case ToPerson(key):
                member = (await directory()).by_key(key)
                if member is not None:
                    return str(member.notify_on)
                # Someone outside the organisation file is known by their platform's id for them.
                return TEAMS if ENTRA_OBJECT_ID.match(key) else SLACK
            case ToChannel(purpose):
                on_slack, on_teams = await channels(purpose)
                return TEAMS if on_teams and not on_slack else SLACK
        raise TypeError(f"not an address: {address!r}")

    return platform_of


def routing_by_organisation(services: Services) -> PlatformOf:
    """Where the organisation file, as loaded now, says each message goes."""

    async def channel_platforms(purpose: str) -> tuple[bool, bool]:
        async with services.db.reading() as session:
            return (await channel_for(session, purpose) is not None,
                    await teams_channel_for(session, purpose) is not None)

    return platform_by_directory(lambda: current_directory(services), channel_platforms)


class DeliveryRouter:
    def __init__(self, deliverers: Mapping[str, Deliverer], platform_of: PlatformOf = slack_for_everyone) -> None:
        self.deliverers = dict(deliverers)
        self.platform_of = platform_of

    async def deliver(self, message: OutboundMessage) -> Posted:
        # A message posted already is updated where it is, even if its person has moved platform since.
        platform = message.posted.platform if message.posted else await self.platform_of(message.to)
        deliverer = self.deliverers.get(platform)
        if deliverer is None:
            # Kept and tried again: the platform may be set up later (the message is not lost). Not a fault
            # of delivery, so the health check stays green while it waits.
            raise DeliveryFailed(f"nothing delivers to {platform} in this process", permanent=False, waiting=True)
        return await deliverer.deliver(message)
