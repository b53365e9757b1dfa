"""The checker as the bot uses it: built once from the organisation and roster, and rebuilt when
either changes; findings counted (never their text) for the weekly digest."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.ext.asyncio import AsyncSession

from bot.checks import Checker, CheckResult
from bot.inline_markup import PLAIN, InlineMarkup
from bot.outgoing.context import ROSTER_HASH_PURPOSE, check_context
from bot.outgoing.roster import CHECKER_CACHE
from bot.services import Services
from bot.snapshot import org_snapshot
from storage.models import CheckFinding
from storage.roster import roster_entries


async def current_checker(services: Services) -> Checker:
    cached = services.cache.get(CHECKER_CACHE)
    if isinstance(cached, Checker):
        return cached
    snapshot = await org_snapshot(services)
    async with services.db.reading() as session:
        entries = await roster_entries(session)
    checker = Checker(check_context(snapshot.config, services.cipher.hashing_key(ROSTER_HASH_PURPOSE), entries))
    services.cache[CHECKER_CACHE] = checker
    return checker


async def check_text(services: Services, text: str, markup: InlineMarkup = PLAIN) -> CheckResult:
    return (await current_checker(services)).check(text, markup)


async def count_findings(session: AsyncSession, services: Services, kinds: Iterable[str], source: str) -> None:
    session.add_all(CheckFinding(at=services.now(), kind=str(kind), source=source) for kind in kinds)
