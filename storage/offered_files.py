"""Files offered to a person and not taken yet (see storage/models.py `OfferedFile`)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.crypto import DataCipher
from storage.models import OfferedFile


async def offer_file(session: AsyncSession, cipher: DataCipher, *, token: str, person: str, filename: str,
                     reference: str, content_b64: str, size: int, now: datetime, expires_at: datetime) -> OfferedFile:
    offered = OfferedFile(token=token, person=person, filename=filename, reference=reference,
                          content_enc=cipher.encrypt(content_b64), size=size, state="offered", created_at=now,
                          expires_at=expires_at)
    session.add(offered)
    return offered


async def offered_file(session: AsyncSession, token: str, *, for_update: bool = False) -> OfferedFile | None:
    return await session.get(OfferedFile, token, with_for_update=for_update)


async def waiting_offer(session: AsyncSession, person: str, reference: str, now: datetime) -> OfferedFile | None:
    """A file of `reference` offered to `person` and not taken, declined or expired yet (being saved counts:
    it is still on its way to them)."""
    return await session.scalar(select(OfferedFile).where(OfferedFile.person == person,
                                                          OfferedFile.reference == reference,
                                                          OfferedFile.expires_at > now).limit(1))


async def mark_accepted(session: AsyncSession, cipher: DataCipher, token: str, upload: dict[str, str]) -> bool:
    """The person allowed the file, and Teams gave where to put it. False if it was not waiting to be allowed
    (gone, or allowed already: the same press sent again)."""
    result = await session.execute(
        update(OfferedFile).where(OfferedFile.token == token, OfferedFile.state == "offered")
        .values(state="accepted", upload_enc=cipher.encrypt_json(upload)))
    return result.rowcount == 1  # type: ignore[attr-defined]


async def mark_uploaded(session: AsyncSession, token: str) -> None:
    """The file is where Teams said: its content is not kept a moment longer."""
    await session.execute(update(OfferedFile).where(OfferedFile.token == token)
                          .values(state="uploaded", content_enc=""))


async def withdraw_file(session: AsyncSession, token: str) -> bool:
    """The offer and its file gone (declined, expired, or done with); False if it was gone already."""
    result = await session.execute(delete(OfferedFile).where(OfferedFile.token == token))
    return result.rowcount == 1  # type: ignore[attr-defined]


async def delete_expired_offers(session: AsyncSession, now: datetime) -> int:
    """Offers nobody took in time, with their files (the retention sweep)."""
    result = await session.execute(delete(OfferedFile).where(OfferedFile.expires_at <= now))
    return result.rowcount or 0  # type: ignore[attr-defined]
