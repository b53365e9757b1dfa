"""Moderated channels: each new or edited message is assessed against the moderation rules. Nothing is
stored for messages that break none; a breach becomes a case on the moderators' review queue."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.addresses import ToChannel, ToPerson
from bot.channel_messages import ChannelMessage
from bot.dbs.workflow import ensure_current_check_if_register_in_use
from bot.directory import Member
from bot.errors import DomainError
from bot.moderation import Finding, Moderator
from bot.moderation_queue.settings import moderation_config
from bot.moderators import ensure_moderator
from bot.org import Platform
from bot.outgoing.guarded import tell_moderators
from bot.policy.online_safety import safety_tips_text
from bot.services import Services
from bot.snapshot import org_snapshot
from storage.audit import record_audit
from storage.directory import has_channel, is_teams_channel
from storage.models import GuardedNotice, ModerationCase, ModerationMemory, OrgChannel
from storage.outbox import enqueue_message, has_keyed_message

MODERATOR_CACHE = "moderator"
# The group agreement, as a message: posted in its channel, or sent to someone who joins it.
AGREEMENT = "moderation.agreement"
MEMORY_DIGEST = "moderation_memory_digest"
REPEAT_WINDOW = timedelta(days=30)
DECISION_WORDS = {"deleted": "deleted", "kept": "kept (a false alarm)", "warned": "kept, and the poster warned",
                  "already_removed": "already removed by its poster"}


@dataclass(frozen=True)
class ModeratedChannel:
    id: str
    name: str
    purpose: str


async def moderator_for(services: Services) -> Moderator:
    """One Moderator per process: it remembers recent messages (for repetition and off-topic runs)."""
    snapshot = await org_snapshot(services)
    cached = services.cache.get(MODERATOR_CACHE)
    if isinstance(cached, Moderator):
        return cached
    moderator = Moderator(moderation_config(snapshot.config, services.org_path))
    async with services.db.reading() as session:
        memory = await session.get(ModerationMemory, 1)
        if memory is not None:
            moderator.restore_state(memory.state)  # carry on from before a restart
    if snapshot.config:
        for channel in snapshot.config.channels.moderated:
            # Messages are moderated by the channel they come from: its Slack id, or its Teams one.
            for channel_id in (channel.id, channel.teams.channel_id if channel.teams else None):
                if channel_id is not None:
                    moderator.set_purpose(channel_id, f"#{channel.name} {channel.purpose}".strip())
    services.cache[MODERATOR_CACHE] = moderator
    return moderator


async def save_moderation_memory(services: Services) -> bool:
    """Maintenance: keep what the rules remember, when it has changed since the last round."""
    moderator = services.cache.get(MODERATOR_CACHE)
    if not isinstance(moderator, Moderator):
        return False
    state = moderator.export_state()
    digest = hashlib.sha256(json.dumps(state, sort_keys=True, default=str).encode()).hexdigest()
    if services.cache.get(MEMORY_DIGEST) == digest:
        return False
    async with services.db.unit_of_work(background=True) as session:
        memory = await session.get(ModerationMemory, 1) or ModerationMemory(id=1)
        memory.state, memory.saved_at = state, services.now()
        session.add(memory)
    services.cache[MEMORY_DIGEST] = digest
    return True


def _stored(finding: Finding, poster: str) -> dict[str, str]:
    stored = {"rule": finding.rule, "reason": finding.reason}
    # A copy of someone else's post: the card names who posted it first, as a mention (a reason is
    # plain words, shown as they are).
    original = finding.evidence.get("earlier_user")
    if original and original != poster:
        stored["first_posted_by"] = str(original)
    return stored


async def review_moderated_message(session: AsyncSession, services: Services, message: ChannelMessage) -> int | None:
    moderator = await moderator_for(services)
    assess = moderator.assess_edit if message.edited else moderator.assess
    findings = assess(message.channel, message.user, message.text, message.ts, thread_ts=message.thread_ts,
                      markup=message.markup)
    if not findings:
        return None
    now = services.now()
    case = await session.scalar(
        select(ModerationCase).where(ModerationCase.channel_id == message.channel, ModerationCase.message_ts == message.ts)
        .with_for_update()
    )
    found = [_stored(f, message.user) for f in findings]
    if case is None:
        case = ModerationCase(created_at=now, channel_id=message.channel, message_ts=message.ts, user_id=message.user,
                              findings=found, text_enc=services.cipher.encrypt(message.text))
        session.add(case)
    elif case.state == "open":
        case.findings, case.text_enc = found, services.cipher.encrypt(message.text)
    else:
        return case.id  # already decided: an edit does not reopen it
    await session.flush()
    await record_audit(session, at=now, actor="system", action="moderation.flagged", subject_type="moderation_case",
                       subject_id=str(case.id), detail={"rules": [f["rule"] for f in found], "edited": message.edited})
    await refresh_card(session, services, case)
    return case.id


async def case_for_decision(
    session: AsyncSession, services: Services, case_id: int, actor: Member | None
) -> ModerationCase:
    member = ensure_moderator(actor)
    await ensure_current_check_if_register_in_use(session, services, member.key)
    case = await session.scalar(select(ModerationCase).where(ModerationCase.id == case_id).with_for_update())
    if case is None:
        raise DomainError("I can't find that case any more.")
    return case


async def record_decision(
    session: AsyncSession, services: Services, case: ModerationCase, actor: str, decision: str, error: str = ""
) -> str:
    """`decision`: deleted, kept, warned or already_removed. `error`: what Slack said when deleting failed."""
    if case.state != "open":
        return f"This was already {DECISION_WORDS.get(case.state, case.state)}."
    if error:
        case.last_error = error
        await refresh_card(session, services, case)
        return f"Slack would not delete the message ({error}). The card says how to remove it by hand."
    now = services.now()
    case.state, case.decided_by, case.decided_at = decision, actor, now
    await record_audit(session, at=now, actor=actor, action=f"moderation.{decision}", subject_type="moderation_case",
                       subject_id=str(case.id), detail={"rules": [f["rule"] for f in case.findings]})
    if decision == "warned":
        await enqueue_message(session, services.cipher, now=now, to=ToPerson(case.user_id), template="moderation.warning",
                              params={"channel": case.channel_id, "rules": [f["rule"] for f in case.findings]})
    await refresh_card(session, services, case)
    return {"deleted": "Deleted.", "kept": "Kept: recorded as a false alarm.",
            "warned": "The poster has been sent a kind, private reminder of the group agreement.",
            "already_removed": "It had already been removed."}[decision]


async def message_removed(session: AsyncSession, services: Services, channel: str, ts: str) -> None:
    """The poster (or anyone) deleted a flagged message before a moderator acted."""
    case = await session.scalar(
        select(ModerationCase).where(ModerationCase.channel_id == channel, ModerationCase.message_ts == ts).with_for_update()
    )
    if case is not None and case.state == "open":
        case.state, case.decided_at = "already_removed", services.now()
        await refresh_card(session, services, case)
    notice = await session.scalar(
        select(GuardedNotice).where(GuardedNotice.channel_id == channel, GuardedNotice.message_ts == ts).with_for_update()
    )
    if notice is not None and notice.state == "open":
        notice.state, notice.decided_at = "already_removed", services.now()
        await tell_moderators(session, services, notice)


async def card_params(session: AsyncSession, services: Services, case: ModerationCase) -> dict[str, Any]:
    """What the moderators' card about `case` shows, as the outbox params of "moderation.card"."""
    earlier = await session.scalar(
        select(func.count()).select_from(ModerationCase).where(
            ModerationCase.user_id == case.user_id, ModerationCase.id != case.id,
            ModerationCase.created_at >= case.created_at - REPEAT_WINDOW,
            ModerationCase.created_at <= case.created_at,
        )
    ) or 0
    on_teams = await is_teams_channel(session, case.channel_id)
    params: dict[str, Any] = {
        "case_id": case.id, "channel": case.channel_id, "ts": case.message_ts, "user": case.user_id,
        "findings": list(case.findings), "text": services.cipher.decrypt(case.text_enc), "state": case.state,
        "decided_by": case.decided_by, "error": case.last_error, "earlier_this_month": earlier,
        # The bot deletes a post only in Slack, with a user token; an app cannot in Teams.
        "can_delete": bool(services.settings.slack_user_token) and not on_teams,
        # Where the post is, so each platform's card says how to remove it by hand there.
        "post_on": (Platform.TEAMS if on_teams else Platform.SLACK).value,
        # The deliverer turns this into a link that opens the message itself.
        "message_link": {"channel": case.channel_id, "ts": case.message_ts},
    }
    if case.state != "open":
        params["text"] = ""  # once decided, the card no longer repeats the message
    return params


async def refresh_card(session: AsyncSession, services: Services, case: ModerationCase) -> None:
    if not await has_channel(session, "moderation"):
        return
    await enqueue_message(session, services.cipher, now=services.now(), to=ToChannel("moderation"), template="moderation.card",
                          params=await card_params(session, services, case), message_key=f"modcase:{case.id}")


async def moderated_channel(session: AsyncSession, channel_id: str) -> ModeratedChannel | None:
    """The moderated channel with this id (its Slack id, or its Teams one), if it is one."""
    row = await session.scalar(
        select(OrgChannel).where(OrgChannel.purpose == "moderated",
                                 (OrgChannel.slack_channel_id == channel_id) | (OrgChannel.teams_channel_id == channel_id))
        .order_by(OrgChannel.id).limit(1)
    )
    return None if row is None else ModeratedChannel(channel_id, row.name, row.description)


async def moderated_channels_of_team(session: AsyncSession, team_id: str) -> list[ModeratedChannel]:
    """The moderated channels of a Teams team (by their Teams ids): someone added to the team is in each of
    its standard channels."""
    rows = await session.scalars(select(OrgChannel).where(OrgChannel.purpose == "moderated",
                                                          OrgChannel.teams_team_id == team_id,
                                                          OrgChannel.teams_channel_id.is_not(None))
                                 .order_by(OrgChannel.id))
    return [ModeratedChannel(str(row.teams_channel_id), row.name, row.description) for row in rows]


async def welcome_new_member(session: AsyncSession, services: Services, channel: ModeratedChannel, person: str, *,
                             occasion: str) -> bool:
    """`person` (by key) joined a moderated group: the group agreement goes to them alone, through the
    outbox, with the policy's section 4 tips in short (the groups are for young people). Once for each
    `occasion`, the platform's own name for the event (which it may send again); False if sent already."""
    key = "group-welcome:" + hashlib.sha256(f"{channel.id}\n{person}\n{occasion}".encode()).hexdigest()[:40]
    if await has_keyed_message(session, key):
        return False
    snapshot = await org_snapshot(services)
    paragraphs = [*group_agreement(snapshot.organisation_name, channel.name, channel.purpose), safety_tips_text()]
    await enqueue_message(session, services.cipher, now=services.now(), to=ToPerson(person), template=AGREEMENT,
                          params={"paragraphs": paragraphs}, message_key=key)
    return True


def group_agreement(organisation: str, channel_name: str, purpose: str) -> list[str]:
    """The group agreement (policy 5.3 and 5.7), adapted to the channel: paragraphs of plain text, where what
    is between backticks is a command (each platform shows it as its people type it)."""
    where = f"#{channel_name}" if channel_name else "this channel"
    about = f" It is for: {purpose.rstrip('.')}." if purpose else ""
    return [
        f"Welcome to {where}, a group run by {organisation}.{about}",
        "We keep this a safe, friendly and creative space. By posting here you agree to:",
        "• be kind: no bullying, harassment, or violent, obscene, hateful or racist posts, links or images;\n"
        "• never threaten anyone, or accuse a person or organisation of something they have not been found to have done;\n"
        "• not advertise, sell, canvass for a political party or fundraise for other organisations;\n"
        "• not suggest or encourage anything illegal;\n"
        "• stay on topic, and not post the same thing over and over;\n"
        "• keep personal details private: never share your own or anyone else's phone number, address, school or passwords.",
        f"Moderators from {organisation} will delete posts that break these rules, and may remind people of this "
        "agreement privately. If something here worries you, tell a moderator or use `/report`.",
    ]
