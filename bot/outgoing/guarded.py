"""Guarded channels (drafts of posts, shared channels with partners): every new or edited message is
checked. Nothing is stored for a clean message; for one with findings, the moderators get a notice with
the redacted text only, and the poster a private warning."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.addresses import ToChannel
from bot.channel_messages import ChannelMessage
from bot.checks import CheckResult
from bot.directory import Member
from bot.errors import DomainError
from bot.moderators import ensure_moderator
from bot.org import Platform
from bot.outgoing.service import check_text, count_findings
from bot.services import Services
from storage.audit import record_audit
from storage.directory import has_channel, is_teams_channel
from storage.models import GuardedNotice
from storage.outbox import enqueue_message

DECISIONS = {"removed": "removed", "fine": "marked as fine"}


@dataclass(frozen=True)
class GuardedWarning:
    """What the poster is told, privately."""

    result: CheckResult
    notice_id: int


async def review_guarded_message(session: AsyncSession, services: Services, message: ChannelMessage) -> GuardedWarning | None:
    result = await check_text(services, message.text, message.markup)
    notice = await session.scalar(
        select(GuardedNotice).where(GuardedNotice.channel_id == message.channel, GuardedNotice.message_ts == message.ts)
        .with_for_update()
    )
    if not result.findings:
        if notice is not None and notice.state == "open":  # an edit put it right
            notice.state = "fixed"
            await tell_moderators(session, services, notice)
        return None
    kinds = sorted({str(f.kind) for f in result.findings})
    now = services.now()
    if notice is None:
        notice = GuardedNotice(created_at=now, channel_id=message.channel, message_ts=message.ts, user_id=message.user,
                               kinds=kinds, redacted_enc=services.cipher.encrypt(result.redacted))
        session.add(notice)
        await count_findings(session, services, kinds, "guarded")
    else:
        new_kinds = sorted(set(kinds) - set(notice.kinds))
        await count_findings(session, services, new_kinds, "guarded")
        notice.kinds, notice.redacted_enc, notice.state = kinds, services.cipher.encrypt(result.redacted), "open"
    await session.flush()
    await record_audit(session, at=now, actor="system", action="guarded.flagged", subject_type="guarded_notice",
                       subject_id=str(notice.id), detail={"kinds": kinds, "edited": message.edited})
    await tell_moderators(session, services, notice)
    return GuardedWarning(result=result, notice_id=notice.id)


async def notice_for_decision(session: AsyncSession, notice_id: int, actor: Member | None) -> GuardedNotice:
    ensure_moderator(actor, admins_too=True)
    notice = await session.scalar(select(GuardedNotice).where(GuardedNotice.id == notice_id).with_for_update())
    if notice is None:
        raise DomainError("I can't find that notice any more.")
    return notice


async def record_guarded_decision(
    session: AsyncSession, services: Services, notice: GuardedNotice, actor: str, decision: str, error: str = ""
) -> str:
    """`decision` is "removed", "fine", or "already_removed"; `error` a Slack error from deleting."""
    if notice.state not in ("open", "fixed"):
        return f"This was already {DECISIONS.get(notice.state, notice.state.replace('_', ' '))}."
    if error:
        notice.last_error = error
        await tell_moderators(session, services, notice)
        return f"Slack would not delete the message ({error}). Please remove it by hand."
    notice.state, notice.decided_by, notice.decided_at = decision, actor, services.now()
    await record_audit(session, at=services.now(), actor=actor, action=f"guarded.{decision}", subject_type="guarded_notice",
                       subject_id=str(notice.id))
    await tell_moderators(session, services, notice)
    return "Done: the message has been removed." if decision == "removed" else "Noted: the message stays."


async def tell_moderators(session: AsyncSession, services: Services, notice: GuardedNotice) -> None:
    if not await has_channel(session, "moderation"):
        return
    params: dict[str, Any] = {
        "notice_id": notice.id, "channel": notice.channel_id, "ts": notice.message_ts, "user": notice.user_id,
        "kinds": list(notice.kinds), "redacted": services.cipher.decrypt(notice.redacted_enc), "state": notice.state,
        "decided_by": notice.decided_by, "error": notice.last_error,
        # Where the post is, so each platform's notice says how to remove it by hand there.
        "post_on": (Platform.TEAMS if await is_teams_channel(session, notice.channel_id) else Platform.SLACK).value,
    }
    await enqueue_message(session, services.cipher, now=services.now(), to=ToChannel("moderation"), template="checks.guarded_notice",
                          params=params, message_key=f"guarded:{notice.id}")
