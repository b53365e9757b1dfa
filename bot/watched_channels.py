"""Messages in the channels the bot watches, read the same way on every platform: a guarded channel's posts
are checked before they can do harm (policy 5.5, bot/outgoing/guarded.py) and a moderated channel's against
the group's rules (policy 5.7, bot/moderation_queue/workflow.py); a channel may be both. Each platform's
listener parses its event into a `ChannelMessage` and calls here; it only delivers the poster's warning,
which is theirs alone, the way its platform can."""

from __future__ import annotations

from dataclasses import dataclass

from bot.channel_messages import ChannelMessage
from bot.moderation_queue.workflow import message_removed, review_moderated_message
from bot.outgoing.guarded import GuardedWarning, review_guarded_message
from bot.services import Services
from bot.snapshot import org_snapshot


@dataclass(frozen=True)
class WatchedChannel:
    """A channel the organisation file names as guarded, moderated or both, by its id on the platform a
    message came from (Slack's, or Teams')."""

    id: str
    name: str
    guarded: bool
    moderated: bool


async def watched_channel(services: Services, channel_id: str) -> WatchedChannel | None:
    """The channel with this id (on Slack or on Teams), if the bot watches it; None if it does not."""
    config = (await org_snapshot(services)).config
    if config is None or not channel_id:
        return None

    def named(spec_id: str | None, teams_id: str | None) -> bool:
        return channel_id in (spec_id, teams_id)

    guarded = [c for c in config.channels.guarded if named(c.id, c.teams.channel_id if c.teams else None)]
    moderated = [c for c in config.channels.moderated if named(c.id, c.teams.channel_id if c.teams else None)]
    if not (guarded or moderated):
        return None
    return WatchedChannel(channel_id, (guarded or moderated)[0].name, guarded=bool(guarded), moderated=bool(moderated))


async def read_channel_message(services: Services, channel: WatchedChannel, message: ChannelMessage) -> GuardedWarning | None:
    """A new or edited message in a watched channel, read by its channel's rules in one transaction. The
    warning for its poster, if a guarded channel's checks found something; the moderators hear through
    the outbox."""
    warning = None
    async with services.db.unit_of_work() as session:
        if channel.guarded:
            warning = await review_guarded_message(session, services, message)
        if channel.moderated:
            await review_moderated_message(session, services, message)
    services.wake_scheduler()
    return warning


async def channel_message_deleted(services: Services, channel: WatchedChannel, ts: str) -> None:
    """A message deleted in a watched channel (by its poster, or anyone): what was open about it closes."""
    async with services.db.unit_of_work() as session:
        await message_removed(session, services, channel.id, ts)
    services.wake_scheduler()
