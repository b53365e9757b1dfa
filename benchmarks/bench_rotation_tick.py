"""How long does one scheduler tick take with a big register?

Builds a database with 10,000 shared accounts and 50,000 open timers (each account's check timer plus
40,000 others, all in the future), of which 100 accounts are due a nudge now, then times one tick
(`run_due`: organisation file, maintenance, timers; delivery is left out, as Slack is not here) and
measures its peak memory. The baseline, measured in the same run, is the same tick over a database
with the organisation file loaded and nothing else.

    .venv/bin/python benchmarks/bench_rotation_tick.py [--accounts 10000] [--timers 50000] [--due 100]

Target: under 2 seconds and 200 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, insert, select

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.clock import ManualClock  # noqa: E402
from bot.crypto import generate_key  # noqa: E402
from bot.runtime import prepare  # noqa: E402
from bot.scheduler import TickReport, run_due  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.workflows import MAINTENANCE, TIMER_HANDLERS  # noqa: E402
from storage.models import AccountAccess, OutboxMessage, SharedAccount, Timer  # noqa: E402

# A Tuesday morning in November, inside working hours.
NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
OWNERS = ["U0PMAUDIO1", "U0PMBEAT01", "U0DEPUTY01", "U0ADMIN001", "U0ANITA001"]
KEY = generate_key()


def settings_for(path: Path) -> Settings:
    return Settings(_env_file=None, DATABASE_URL=f"sqlite+aiosqlite:///{path}", TMW_ORG_CONFIG=str(ROOT / "examples" / "org.yml"),
                    TMW_DATA_KEY=KEY, TZ="Europe/London")  # type: ignore[call-arg]


async def build(path: Path, accounts: int, timers: int, due: int) -> None:
    services = await prepare(settings_for(path), ManualClock(NOW))
    await run_due(services, TIMER_HANDLERS, None, MAINTENANCE)  # the organisation file's own accounts
    if accounts:
        async with services.db.unit_of_work() as session:
            rows = []
            for n in range(accounts):
                is_due = n < due
                changed = NOW - timedelta(days=90 if is_due else 30 + n % 50, hours=1)
                rows.append({"key": f"bench{n}", "name": f"Bench service {n}", "aliases": [], "owner_id": OWNERS[n % len(OWNERS)],
                             "rotate_every_days": 90, "last_changed_at": changed, "next_due_at": changed + timedelta(days=90),
                             "due_reason": "schedule", "from_file": False, "spec_sha256": "", "active": True, "cycle": 0,
                             "last_nudge_stage": "soon" if is_due else "", "nudges_sent": 0, "check_seq": 1,
                             "created_at": NOW, "updated_at": NOW})
            await session.execute(insert(SharedAccount), rows)
            ids = (await session.scalars(select(SharedAccount.id).where(SharedAccount.key.startswith("bench")).order_by(SharedAccount.id))).all()
            await session.execute(insert(AccountAccess), [
                {"account_id": i, "person_key": "U0ANITA001", "overall": True, "granted_at": NOW} for i in ids])
            timer_rows = [{"kind": "accounts.check", "dedupe_key": f"account:{i}:check:1", "payload": {"account_id": i, "seq": 1},
                           "due_at": NOW - timedelta(minutes=5) if n < due else NOW + timedelta(days=20 + n % 40),
                           "state": "pending", "attempts": 0, "last_error": ""} for n, i in enumerate(ids)]
            timer_rows += [{"kind": "report.escalate", "dedupe_key": f"bench:other:{n}", "payload": {"report_id": 0, "tier": 0},
                            "due_at": NOW + timedelta(days=1 + n % 300), "state": "pending", "attempts": 0, "last_error": ""}
                           for n in range(max(0, timers - len(ids)))]
            for start in range(0, len(timer_rows), 5000):
                await session.execute(insert(Timer), timer_rows[start:start + 5000])
    await services.db.dispose()


async def one_tick(path: Path, traced: bool) -> tuple[float, float, TickReport, int, int]:
    services = await prepare(settings_for(path), ManualClock(NOW))
    async with services.db.reading() as session:
        open_timers = await session.scalar(select(func.count()).select_from(Timer).where(Timer.state == "pending")) or 0
    if traced:
        tracemalloc.start()
    started = time.perf_counter()
    report = await run_due(services, TIMER_HANDLERS, None, MAINTENANCE)
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] / 1e6 if traced else 0.0
    if traced:
        tracemalloc.stop()
    async with services.db.reading() as session:
        nudges = await session.scalar(select(func.count()).select_from(OutboxMessage).where(OutboxMessage.template == "accounts.nudge")) or 0
    await services.db.dispose()
    return elapsed, peak, report, open_timers, nudges


async def measure(label: str, work: Path, accounts: int, timers: int, due: int) -> None:
    base = work / f"{label}.db"
    await build(base, accounts, timers, due)
    timed, traced = work / f"{label}-timed.db", work / f"{label}-traced.db"
    for copy in (timed, traced):
        for suffix in ("", "-wal", "-shm"):
            if Path(f"{base}{suffix}").exists():
                shutil.copy(f"{base}{suffix}", f"{copy}{suffix}")
    elapsed, _, report, open_timers, nudges = await one_tick(timed, traced=False)
    _, peak, _, _, _ = await one_tick(traced, traced=True)
    print(f"{label:<9} {accounts:>8,} {open_timers:>12,} {report.timers_fired:>12,} {nudges:>7,} {elapsed:>9.3f} s {peak:>9.1f} MB")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=10_000)
    parser.add_argument("--timers", type=int, default=50_000)
    parser.add_argument("--due", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        print(f"{'':<9} {'accounts':>8} {'open timers':>12} {'timers fired':>12} {'nudges':>7} {'one tick':>11} {'peak memory':>12}")
        await measure("baseline", work, 0, 0, 0)
        await measure("register", work, args.accounts, args.timers, args.due)
    print("target: one tick under 2 seconds and 200 MB (SQLite; delivery to Slack not included)")


if __name__ == "__main__":
    asyncio.run(main())
