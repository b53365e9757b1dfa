"""Shared accounts and leavers in the database. Functions take the session and never commit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.addresses import Address, decode
from storage.models import AccountAccess, Leaver, LeaverTask, OutboxMessage, SharedAccount


async def active_accounts(session: AsyncSession) -> Sequence[SharedAccount]:
    return (
        await session.scalars(select(SharedAccount).where(SharedAccount.active.is_(True)).order_by(SharedAccount.name))
    ).all()


async def all_accounts_by_key(session: AsyncSession) -> dict[str, SharedAccount]:
    return {a.key: a for a in (await session.scalars(select(SharedAccount))).all()}


async def file_accounts_by_key(session: AsyncSession, keys: set[str]) -> dict[str, SharedAccount]:
    """The accounts the organisation file names, and those it used to: not the whole register."""
    rows = await session.scalars(
        select(SharedAccount).where(SharedAccount.key.in_(keys) | (SharedAccount.from_file.is_(True) & SharedAccount.active.is_(True)))
    )
    return {a.key: a for a in rows.all()}


async def account_with_key(session: AsyncSession, key: str) -> SharedAccount | None:
    return await session.scalar(select(SharedAccount).where(SharedAccount.key == key))


async def account_for_update(session: AsyncSession, account_id: int) -> SharedAccount | None:
    """The account, locked for this transaction: a click, a command and a timer cannot interleave."""
    return await session.scalar(select(SharedAccount).where(SharedAccount.id == account_id).with_for_update())


async def accounts_with_access(session: AsyncSession, person_key: str) -> Sequence[SharedAccount]:
    """Active accounts a person can log in to (or owns)."""
    holding = select(AccountAccess.account_id).where(AccountAccess.person_key == person_key, AccountAccess.revoked_at.is_(None))
    return (
        await session.scalars(
            select(SharedAccount)
            .where(SharedAccount.active.is_(True), (SharedAccount.id.in_(holding)) | (SharedAccount.owner_id == person_key))
            .order_by(SharedAccount.name)
        )
    ).all()


async def overdue_accounts(session: AsyncSession, now: datetime) -> Sequence[SharedAccount]:
    """For the digest: accounts whose password is past due, or revealed and not yet changed."""
    return (
        await session.scalars(
            select(SharedAccount)
            .where(SharedAccount.active.is_(True), (SharedAccount.next_due_at <= now) | SharedAccount.exposed_at.is_not(None))
            .order_by(SharedAccount.next_due_at)
        )
    ).all()


async def sent_keys(session: AsyncSession, prefix: str) -> list[tuple[str, Address]]:
    """(message_key, address) of messages queued under a key prefix: the nudges of a cycle, to update."""
    rows = await session.execute(
        select(OutboxMessage.message_key, OutboxMessage.address)
        .where(OutboxMessage.message_key.startswith(prefix, autoescape=True))
        .group_by(OutboxMessage.message_key, OutboxMessage.address)
        .order_by(func.min(OutboxMessage.id))
    )
    return [(key, decode(address)) for key, address in rows.all() if key]


async def leaver_by_submission(session: AsyncSession, submission_key: str) -> Leaver | None:
    return await session.scalar(select(Leaver).where(Leaver.submission_key == submission_key))


async def leaver_for_update(session: AsyncSession, leaver_id: int) -> Leaver | None:
    return await session.scalar(select(Leaver).where(Leaver.id == leaver_id).with_for_update())


async def open_leaver_for(session: AsyncSession, person_key: str) -> Leaver | None:
    return await session.scalar(select(Leaver).where(Leaver.person_key == person_key, Leaver.state == "open"))


async def open_leavers(session: AsyncSession) -> Sequence[Leaver]:
    """For the digest: leaver checklists not yet complete."""
    return (await session.scalars(select(Leaver).where(Leaver.state == "open").order_by(Leaver.id))).all()


async def open_rotation_tasks(session: AsyncSession, account_id: int) -> Sequence[LeaverTask]:
    return (
        await session.scalars(
            select(LeaverTask).where(LeaverTask.account_id == account_id, LeaverTask.kind == "rotate", LeaverTask.state == "open")
        )
    ).all()


async def task_for_update(session: AsyncSession, task_id: int) -> LeaverTask | None:
    return await session.scalar(select(LeaverTask).where(LeaverTask.id == task_id).with_for_update())


async def leavers_awaiting_rotation(session: AsyncSession, account_id: int) -> list[str]:
    """Slack ids of leavers whose checklist still waits for this account's password to change."""
    rows = await session.scalars(
        select(Leaver.person_key)
        .join(LeaverTask, LeaverTask.leaver_id == Leaver.id)
        .where(LeaverTask.account_id == account_id, LeaverTask.kind == "rotate", LeaverTask.state == "open")
    )
    return list(dict.fromkeys(rows.all()))
