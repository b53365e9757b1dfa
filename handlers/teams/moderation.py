"""Teams: guarded and moderated channels (policy 5.5, 5.7), as Slack's channel listener and moderation
buttons do (handlers/slack/channel_messages.py, handlers/slack/moderation/, handlers/slack/checks/).

With resource-specific consent (`ChannelMessage.Read.Group`, in the app package) Teams sends the bot every
message in the channels of a team it is added to. A message in a channel the organisation file names as
guarded or moderated (by its Teams channel id) is read by the same core as in Slack: a guarded channel's
checks (bot/outgoing/guarded.py) and a moderated channel's rules (bot/moderation_queue/workflow.py). An
edit is read again; a deleted message closes what was open about it.

Teams has no message for one person in a channel, so a guarded channel's warning goes to the poster in
their 1:1 chat with the bot, at once and never kept (`Turn.answer_privately_now`): it is about their own
words. The moderators' queue card and notices work with Action.Execute buttons, for the moderators alone,
as in Slack. An app cannot delete someone's post in Teams: the card says how to remove it by hand, and
Delete (or Remove message) records the decision. `groupagreement`, said to the bot by @mentioning it in
a moderated channel, posts the group agreement there; a bot cannot pin it, so the organiser is told how.
Someone added to a team with a moderated channel (or to a moderated private channel) gets the agreement in
their 1:1 chat, as in Slack (bot/moderation_queue/workflow.py `welcome_new_member`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy.exc import IntegrityError

from bot.addresses import ToConversation
from bot.channel_messages import ChannelMessage
from bot.checks import messages as checks_said
from bot.errors import DomainError
from bot.messages import Buttons, Message, Note
from bot.moderation_queue import messages as said
from bot.moderation_queue.workflow import (
    AGREEMENT,
    card_params,
    case_for_decision,
    group_agreement,
    moderated_channel,
    moderated_channels_of_team,
    record_decision,
    welcome_new_member,
)
from bot.org import Platform, Role
from bot.outgoing.guarded import notice_for_decision, record_guarded_decision
from bot.services import Services
from bot.snapshot import org_snapshot
from bot.teams.activities import TEAMS_MARKUP, CardAction, InChannel
from bot.teams.delivery import TEAMS
from bot.teams.server import SAID, InvokeAnswer, TeamsApp, Turn
from bot.watched_channels import channel_message_deleted, read_channel_message, watched_channel
from handlers.teams.cards import card_answer, message_answer
from storage import outbox as outbox_store
from storage.models import ProcessedDelivery


class Verb:
    """What the moderators' buttons are called in Teams (each an Action.Execute)."""

    DELETE = "moderation.delete"
    KEEP = "moderation.keep"
    WARN = "moderation.warn"
    REMOVE = "guarded.remove"
    FINE = "guarded.fine"


CARD_ACTIONS = said.CardActions(delete=Verb.DELETE, keep=Verb.KEEP, warn=Verb.WARN)
NOTICE_ACTIONS = checks_said.NoticeActions(remove=Verb.REMOVE, fine=Verb.FINE)
DECISION_OF = {Verb.DELETE: "deleted", Verb.KEEP: "kept", Verb.WARN: "warned"}
GROUP_AGREEMENT = "groupagreement"

# An app cannot delete someone else's post in Teams: a team owner (or its author) can.
BY_HAND = ("I can't delete posts in Teams. To remove it, a team owner opens the post's ⋯ (More options) menu and "
           "chooses Delete. Then press Delete here to record it.")
NOTICE_BY_HAND = ("I can't delete posts in Teams. To remove it, a team owner opens the post's ⋯ (More options) "
                  "menu and chooses Delete. Then press Remove message here to record it.")
RECORDED_DELETED = ("Recorded as deleted. If the post is still in the channel, remove it by hand: a team owner "
                    "opens its ⋯ (More options) menu and chooses Delete.")
RECORDED_REMOVED = ("Recorded as removed. If the post is still in the channel, remove it by hand: a team owner "
                    "opens its ⋯ (More options) menu and chooses Delete.")
NOT_THIS_CASE = "I can't tell which post this button was for. Please use the buttons on the newest card."
NOT_A_GROUP = ("This channel is not one of our moderated groups. Ask an admin to add it (its Teams channel id) "
               "to the organisation file first.")
NOT_ORGANISER = "Only the group's organiser (a project manager, moderator or admin) can post its agreement."
AGREEMENT_POSTED = ("The group agreement is posted in #{name}. A bot can't pin posts in Teams, so please pin it by "
                    "hand: open the post's ⋯ (More options) menu and choose Pin.")


def moderation_card(params: dict[str, Any]) -> Message:
    """The moderators' card. Teams has no link that opens a post from its ids alone: the channel is named.
    A post in Teams is removed by hand (a Slack post, where the bot may delete it, as Slack's card says)."""
    on_teams = params.get("post_on", Platform.TEAMS.value) == Platform.TEAMS.value
    return said.card(params, CARD_ACTIONS, None, None, BY_HAND if on_teams else said.BY_HAND)


def guarded_notice(params: dict[str, Any]) -> Message:
    """The moderators' notice of a guarded channel's post, with how to remove it by hand while it is open."""
    message = checks_said.guarded_notice(params, NOTICE_ACTIONS)
    if params["state"] not in ("open", "fixed") or params.get("post_on", Platform.TEAMS.value) != Platform.TEAMS.value:
        return message
    parts = list(message.parts)
    at = next((i for i, part in enumerate(parts) if isinstance(part, Buttons)), len(parts))
    return replace(message, parts=[*parts[:at], Note(NOTICE_BY_HAND), *parts[at:]])


RENDERERS = {
    "moderation.card": moderation_card,
    "moderation.warning": said.warning,
    "checks.guarded_notice": guarded_notice,
    AGREEMENT: lambda params: said.agreement(params["paragraphs"]),
}


def posted_at(message_id: str) -> str | None:
    """A channel message's id as the core names messages: when it was posted, in seconds since 1970, as
    text. Teams' id for a channel message is just that in milliseconds ("1712345678901"); None for
    anything else."""
    if not message_id.isascii() or not message_id.isdigit():
        return None
    return f"{message_id[:-3] or '0'}.{message_id[-3:].rjust(3, '0')}"


def channel_message(turn: Turn, place: InChannel) -> ChannelMessage | None:
    """A person's new or edited words in a channel, as the core reads them; None for a message with none
    (a picture alone, a card)."""
    activity = turn.activity
    ts = posted_at(activity.id)
    if not activity.text.strip() or not turn.person or ts is None:
        return None
    thread = posted_at(place.thread_id or "")
    return ChannelMessage(channel=place.channel_id, user=turn.person, text=activity.text, ts=ts,
                          thread_ts=thread if thread != ts else None, edited=activity.kind == "messageUpdate",
                          markup=TEAMS_MARKUP)


async def _first_time(services: Services, key: str) -> bool:
    """True the first time this activity is read: Teams may send the same one again, and the rules
    remember what they have read (a post read twice would look repeated)."""
    try:
        async with services.db.unit_of_work() as session:
            session.add(ProcessedDelivery(key=key[:200], seen_at=services.now()))
            await session.flush()
    except IntegrityError:
        return False
    return True


def _not_kept(channel_name: str) -> str:
    """Said instead of the warning when Teams cannot take it at once: nothing of the post in it."""
    return (f"One of your messages in #{channel_name} may share personal details, and the moderators have been told. "
            "Please look at it again. You can type check followed by your text here before you post.")


def register(app: TeamsApp) -> None:
    async def on_channel_message(turn: Turn) -> None:
        services, activity, place = turn.services, turn.activity, turn.activity.channel
        if place is None:
            return
        channel = await watched_channel(services, place.channel_id)
        if channel is None:
            return
        key = f"teams-channel:{place.channel_id}:{activity.id}:{activity.kind}:{activity.sent_at}"
        if activity.kind == "messageDelete":
            ts = posted_at(activity.id)
            if ts is not None and await _first_time(services, key):
                await channel_message_deleted(services, channel, ts)
            return
        message = channel_message(turn, place)
        if message is None or not await _first_time(services, key):
            return
        warning = await read_channel_message(services, channel, message)  # the same core as Slack's
        if warning is not None:
            await turn.answer_privately_now(checks_said.guarded_warning(warning.result, place.channel_id),
                                            otherwise=_not_kept(channel.name or "the channel"))

    app.channel_messages = on_channel_message

    async def decide_case(turn: Turn, action: CardAction) -> InvokeAnswer:
        if not action.value.isdigit():
            return message_answer(NOT_THIS_CASE)
        services = turn.services
        member = (await org_snapshot(services)).directory.by_key(turn.person)
        decision = DECISION_OF[action.verb]
        try:
            async with services.db.unit_of_work() as session:
                case = await case_for_decision(session, services, int(action.value), member)
                was_open = case.state == "open"
                told = await record_decision(session, services, case, turn.person, decision)
                params = await card_params(session, services, case)
        except DomainError as exc:
            return message_answer(exc.user_message)
        services.wake_scheduler()  # the card is updated in place for everyone through the outbox
        if was_open and decision == "deleted" and params.get("post_on") == Platform.TEAMS.value:
            told = RECORDED_DELETED
        card = moderation_card(params)
        return await card_answer(services, replace(card, parts=[*card.parts, Note(told)]))

    for verb in DECISION_OF:
        app.card_action(verb)(decide_case)

    async def decide_notice(turn: Turn, action: CardAction) -> InvokeAnswer:
        if not action.value.isdigit():
            return message_answer(NOT_THIS_CASE)
        services = turn.services
        member = (await org_snapshot(services)).directory.by_key(turn.person)
        decision = "removed" if action.verb == Verb.REMOVE else "fine"
        try:
            async with services.db.unit_of_work() as session:
                notice = await notice_for_decision(session, int(action.value), member)
                was_open = notice.state in ("open", "fixed")
                told = await record_guarded_decision(session, services, notice, turn.person, decision)
        except DomainError as exc:
            return message_answer(exc.user_message)
        services.wake_scheduler()
        if was_open and decision == "removed":
            told = RECORDED_REMOVED
        return message_answer(told)

    app.card_action(Verb.REMOVE)(decide_notice)
    app.card_action(Verb.FINE)(decide_notice)

    async def welcome_new_members(turn: Turn) -> None:
        """People added to a team get the agreement of each moderated group in it; added to one (private
        or shared) channel, that channel's. In their 1:1 chat, as Slack sends it by DM."""
        services, activity, place = turn.services, turn.activity, turn.activity.channel
        if place is None:
            return
        people = [await turn.person_of(object_id) for object_id in activity.members_added]
        async with services.db.unit_of_work() as session:
            if activity.event == "teamMemberAdded":
                groups = await moderated_channels_of_team(session, place.team_id)
            else:
                group = await moderated_channel(session, place.channel_id)
                groups = [group] if group is not None else []
            welcomed = [await welcome_new_member(session, services, group, person, occasion=f"teams:{activity.id}")
                        for group in groups for person in people]
        if any(welcomed):
            services.wake_scheduler()

    app.members_added = welcome_new_members

    @app.channel_command(GROUP_AGREEMENT)
    async def post_group_agreement(turn: Turn, _rest: str) -> None:
        services, place = turn.services, turn.activity.channel
        if place is None:
            return
        snapshot = await org_snapshot(services)
        member = snapshot.directory.by_key(turn.person)
        # What the organiser is told is for them alone: in their chat, never in the channel.
        if member is None or not member.has(Role.PROJECT_MANAGER, Role.ADMIN, Role.CEO, Role.MODERATOR):
            await turn.reply_privately(SAID, {"text": NOT_ORGANISER})
            return
        async with services.db.reading() as session:
            channel = await moderated_channel(session, place.channel_id)
        if channel is None:
            await turn.reply_privately(SAID, {"text": NOT_A_GROUP})
            return
        paragraphs = group_agreement(snapshot.organisation_name, channel.name, channel.purpose)
        key = f"teams-agreement:{place.channel_id}:{turn.activity.id}"
        async with services.db.unit_of_work() as session:
            if not await outbox_store.has_keyed_message(session, key):
                # A post of its own in the channel, not a reply in the thread of the command.
                await outbox_store.enqueue_message(session, services.cipher, now=services.now(),
                                                   to=ToConversation(TEAMS, place.channel_id), template=AGREEMENT,
                                                   params={"paragraphs": paragraphs}, message_key=key)
        services.wake_scheduler()
        await turn.reply_privately(SAID, {"text": AGREEMENT_POSTED.format(name=channel.name or "the channel")})
