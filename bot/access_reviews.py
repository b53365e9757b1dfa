"""Reviews of young leaders' access to the charity's accounts (section 5.1: "their access will be
monitored and reviewed on a regular basis. If it is misused, it will be revoked").

Every N weeks (settings.access_reviews.every_weeks, default 6) each young leader who can log in to a
shared account is reviewed by their project manager: Keep, Revoke or Reduce. Revoking (or reducing)
ends their access to those accounts and starts changing each one's password at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from pydantic import AliasChoices, BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.absences import AwayBook, away_at, remind_unless_away
from bot.directory import Member, person_key_in
from bot.errors import DomainError, NotAllowed
from bot.messages import Bold, Button, Buttons, ButtonStyle, Choice, Confirm, Form, Message, Note, Paragraph, Part
from bot.org import Role
from bot.scheduler import TimerContext
from bot.services import Services
from bot.snapshot import org_snapshot
from storage.audit import record_audit
from storage.models import AccountAccess, AuditEntry, SharedAccount
from storage.timers import schedule_timer

DUE = "access_review.due"
REVIEW_AT = time(10, 0)
DECISIONS = ("keep", "revoke", "reduce")
GONE = "That young leader is no longer in the organisation file."
NO_ACCESS_LEFT = "They no longer have access to any of our accounts."


class AccessReviewSettings(BaseModel):
    """`settings.access_reviews` in the organisation file."""

    model_config = ConfigDict(extra="forbid")

    every_weeks: int = Field(default=6, ge=1, le=52)


async def _settings(services: Services) -> AccessReviewSettings:
    config = (await org_snapshot(services)).config
    return AccessReviewSettings.model_validate((config.settings.get("access_reviews") if config else None) or {})


async def current_accounts(session: AsyncSession, person_key: str) -> list[tuple[int, str]]:
    rows = await session.execute(
        select(SharedAccount.id, SharedAccount.name)
        .join(AccountAccess, AccountAccess.account_id == SharedAccount.id)
        .where(AccountAccess.person_key == person_key, AccountAccess.revoked_at.is_(None), SharedAccount.active.is_(True))
        .order_by(SharedAccount.name)
    )
    return [(i, n) for i, n in rows.all()]


async def _last_review(session: AsyncSession, person_key: str) -> datetime | None:
    return await session.scalar(
        select(AuditEntry.at).where(AuditEntry.action == "access_review.decided", AuditEntry.subject_id == person_key)
        .order_by(AuditEntry.at.desc()).limit(1)
    )


async def _first_granted(session: AsyncSession, person_key: str) -> datetime | None:
    return await session.scalar(
        select(AccountAccess.granted_at).where(AccountAccess.person_key == person_key, AccountAccess.revoked_at.is_(None))
        .order_by(AccountAccess.granted_at).limit(1)
    )


async def schedule_reviews(services: Services) -> None:
    """Maintenance: each young leader with access has their next review scheduled (once: the key
    names the person and the day it is due)."""
    directory = (await org_snapshot(services)).directory
    every = timedelta(weeks=(await _settings(services)).every_weeks)
    async with services.db.unit_of_work(background=True) as session:
        for member in directory.with_role(Role.YOUNG_LEADER):
            since = await _last_review(session, member.key) or await _first_granted(session, member.key)
            if since is None:
                continue  # no access to review
            day = (since + every).astimezone(services.tz).date()
            due = datetime.combine(day, REVIEW_AT, tzinfo=services.tz)
            await schedule_timer(session, kind=DUE, dedupe_key=f"access-review:{member.key}:{day.isoformat()}",
                                 due_at=due, payload={"person_key": member.key, "due": day.isoformat()})


def reviewers(member: Member, directory: Any) -> list[Member]:
    managers = [m for m in directory.managers_of(member.projects) if m.key != member.key]
    return managers or directory.with_role(Role.ADMIN)


def ensure_can_review(member: Member, actor: Member | None, directory: Any) -> None:
    """Only the young leader's reviewers (their project manager) or an admin may review their access."""
    if actor is None or (actor.key not in {r.key for r in reviewers(member, directory)} and not actor.has(Role.ADMIN)):
        raise NotAllowed("Only the young leader's project manager (or an admin) can review their access.")


async def reviewer_of(services: Services, person_key: str, actor_key: str) -> Member:
    """The young leader whose access `actor_key` may review; refused for anyone else."""
    directory = (await org_snapshot(services)).directory
    member = directory.by_key(person_key)
    if member is None:
        raise DomainError(GONE)
    ensure_can_review(member, directory.by_key(actor_key), directory)
    return member


async def on_review_due(ctx: TimerContext, payload: dict[str, Any]) -> None:
    directory = (await org_snapshot(ctx.services)).directory
    member = directory.by_key(person_key_in(payload))
    if member is None or Role.YOUNG_LEADER not in member.roles:
        return
    accounts = await current_accounts(ctx.session, member.key)
    if not accounts:
        return
    await record_audit(ctx.session, at=ctx.now, actor="system", action="access_review.asked", subject_type="person",
                       subject_id=member.key, detail={"due": payload["due"]})
    away = await away_at(ctx.session, ctx.now)
    for reviewer in reviewers(member, directory):
        await _tell(ctx.session, ctx.services, reviewer.key, member, payload["due"], accounts, None, None, away)


async def _tell(session: AsyncSession, services: Services, target: str, member: Member, due: str,
                accounts: list[tuple[int, str]], decision: str | None, by: str | None, away: AwayBook | None = None) -> None:
    """The review's message to a reviewer: asked afresh (held while they are away), or updated in place."""
    await remind_unless_away(session, services, away or {}, person=target, template="access_review.ask",
                          params=_review_params(member, due, accounts, decision, by),
                          message_key=f"access-review:{member.key}:{due}:{target}",
                          # Each young leader's review is its own question: one held never replaces another.
                          replaces_held=False)


def _review_params(member: Member, due: str, accounts: Sequence[tuple[int, str]], decision: str | None,
                   by: str | None) -> dict[str, Any]:
    """What the review's message (`review_request`) is drawn from."""
    return {"person_key": member.key, "name": member.name, "due": due,
            "accounts": [{"id": i, "name": n} for i, n in accounts], "decision": decision, "by": by}


async def _decision(session: AsyncSession, person_key: str) -> AuditEntry | None:
    """The latest decision on a young leader's access."""
    return await session.scalar(
        select(AuditEntry).where(AuditEntry.action == "access_review.decided", AuditEntry.subject_id == person_key)
        .order_by(AuditEntry.at.desc()).limit(1)
    )


async def decided_review(session: AsyncSession, services: Services, person_key: str, due: str) -> dict[str, Any] | None:
    """The review's message once decided, as `decide` sends it to the reviewers (with the accounts they
    had before it); None while it is undecided."""
    directory = (await org_snapshot(services)).directory
    member = directory.by_key(person_key)
    entry = await _decision(session, person_key)
    detail = (entry.detail or {}) if entry is not None else {}
    if member is None or entry is None or detail.get("due") != due:
        return None
    removed = [i for i in detail.get("removed") or [] if isinstance(i, int)]
    taken = (await session.execute(select(SharedAccount.id, SharedAccount.name).where(SharedAccount.id.in_(removed)))).all()
    accounts = sorted({*(await current_accounts(session, person_key)), *((i, n) for i, n in taken)}, key=lambda a: a[1])
    actor = directory.by_key(entry.actor)
    return _review_params(member, due, accounts, detail.get("decision"), actor.name if actor else None)


async def decide(session: AsyncSession, services: Services, person_key: str, due: str, actor: Member | None,
                 decision: str, remove: list[int] | None = None) -> str:
    directory = (await org_snapshot(services)).directory
    member = directory.by_key(person_key)
    if member is None:
        raise DomainError(GONE)
    ensure_can_review(member, actor, directory)
    if decision not in DECISIONS:
        raise DomainError("Please choose Keep, Revoke or Reduce.")
    entry = await _decision(session, person_key)
    decided = entry.detail if entry is not None else None
    if decided and decided.get("due") == due:
        return f"This review was already decided ({decided.get('decision')})."
    accounts = await current_accounts(session, person_key)
    to_remove = [i for i, _ in accounts] if decision == "revoke" else [i for i, _ in accounts if i in set(remove or [])]
    if decision == "reduce" and not to_remove:
        raise DomainError("Please choose at least one account to take away, or press Keep.")
    now = services.now()
    from bot.accounts.workflow import start_exposure

    for access in (await session.scalars(select(AccountAccess).where(
        AccountAccess.person_key == person_key, AccountAccess.account_id.in_(to_remove), AccountAccess.revoked_at.is_(None)
    ))).all():
        access.revoked_at = now
    for account_id in to_remove:
        await start_exposure(session, services, account_id, actor.key)
    await record_audit(session, at=now, actor=actor.key, action="access_review.decided", subject_type="person",
                       subject_id=person_key, detail={"due": due, "decision": decision, "removed": to_remove})
    for reviewer in reviewers(member, directory):
        await _tell(session, services, reviewer.key, member, due, accounts, decision, actor.name)
    if decision == "keep":
        return f"Kept: {member.name}'s access is reviewed again in a few weeks."
    names = ", ".join(n for i, n in accounts if i in to_remove)
    return f"Done: {member.name} no longer has access to {names}, and their owners have been asked to change the passwords now."


async def reviews_waiting(session: AsyncSession) -> int:
    """Reviews asked for and not yet decided: for the digest."""
    asked = {(e.subject_id, (e.detail or {}).get("due")) for e in (await session.scalars(
        select(AuditEntry).where(AuditEntry.action == "access_review.asked"))).all()}
    decided = {(e.subject_id, (e.detail or {}).get("due")) for e in (await session.scalars(
        select(AuditEntry).where(AuditEntry.action == "access_review.decided"))).all()}
    return len(asked - decided)


TIMER_HANDLERS = {DUE: on_review_due}


# -- what it says (as data: bot/messages.py) -------------------------------------------------------------

REDUCE_FORM = "access_review.reduce_submit"
DECIDED_WORDS = {"keep": "Kept", "revoke": "Access revoked", "reduce": "Access reduced"}


class ReviewRef(BaseModel):
    """Which review a button or form is about: the young leader, by key, and when it fell due."""

    # Buttons sent before people had keys say `slack_id`: the same value.
    person_key: str = Field(validation_alias=AliasChoices("person_key", "slack_id"))
    due: str


@dataclass(frozen=True)
class ReviewActions:
    """What the platform calls a review's buttons, so each press comes back to it."""

    keep: str
    revoke: str
    reduce: str


def review_request(params: dict[str, Any], actions: ReviewActions) -> Message:
    """The project manager's question (Keep, Revoke or Reduce), or, once decided, what was decided."""
    names = ", ".join(a["name"] for a in params["accounts"]) or "none"
    line = (Bold(f"Access review for {params['name']}"), f" (young leader). They can log in to: {names}. "
            "Our policy (5.1) asks us to review young leaders' access regularly. Is it still right?")
    parts: list[Part] = [Paragraph([line])]
    if params.get("decision"):
        parts.append(Note((Bold(DECIDED_WORDS[params["decision"]]), f" by {params['by'] or 'someone'}.")))
    else:
        value = ReviewRef(person_key=person_key_in(params), due=params["due"]).model_dump_json()
        parts.append(Buttons([
            Button("Keep access", actions.keep, value=value, style=ButtonStyle.PRIMARY),
            Button("Revoke access", actions.revoke, value=value, style=ButtonStyle.DANGER, confirm=Confirm(
                "Revoke access?", "They lose access to every account, and each password is changed at once.", "Revoke")),
            Button("Reduce access", actions.reduce, value=value),
        ]))
    return Message(summary=f"Access review for {params['name']}", parts=parts)


def accounts_to_take_away(accounts: Sequence[tuple[int, str]] = ()) -> Choice:
    return Choice("accounts", "Accounts to take away", [(str(i), name) for i, name in accounts], multiple=True)


def reduce_form(accounts: list[tuple[int, str]], ref: ReviewRef) -> Form:
    return Form(id=REDUCE_FORM, title="Reduce access", submit="Take away", state=ref.model_dump_json(),
                fields=[accounts_to_take_away(accounts)])
