"""How long does the weekly digest take over a year of data?

Fills a fresh database with a year of activity (5,000 reports, 50,000 outgoing-check findings, moderation
cases and escalations), then builds the digest several times, beside the same digest over an empty
database in the same run. Target: under 1 second.

    .venv/bin/python benchmarks/bench_digest.py [--database-url URL]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402

from bot.clock import ManualClock  # noqa: E402
from bot.crypto import generate_key  # noqa: E402
from bot.digest.sections import Window  # noqa: E402
from bot.digest.workflow import build_digest  # noqa: E402
from bot.reports.kinds import ReportKind  # noqa: E402
from bot.runtime import prepare  # noqa: E402
from bot.settings import Settings  # noqa: E402
from storage.models import AuditEntry, CheckFinding, ModerationCase, Report  # noqa: E402

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
YEAR = timedelta(days=365)
CHECK_KINDS = ["phone", "email_address", "postal_address", "full_name", "school", "bcc", "secret", "health"]
RULES = ["abuse", "threat", "solicitation", "illegal", "repetition", "off_topic"]


async def services_for(url: str):  # type: ignore[no-untyped-def]
    settings = Settings(_env_file=None, DATABASE_URL=url, TMW_ORG_CONFIG=str(ROOT / "examples" / "org.yml"),
                        TMW_DATA_KEY=generate_key())  # type: ignore[call-arg]
    return await prepare(settings, ManualClock(NOW))


async def fill(services, reports: int, findings: int) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(42)
    details = services.cipher.encrypt_json({"description": "x"})
    kinds = [k.value for k in ReportKind]
    report_rows, audit_rows = [], []
    for i in range(reports):
        created = NOW - YEAR * rng.random()
        status = rng.choices(["resolved", "acknowledged", "open"], [0.85, 0.1, 0.05])[0]
        report_rows.append({
            "reference": f"TMW-B-{i:06d}", "submission_key": f"bench:{i}", "kind": rng.choice(kinds), "status": status,
            "urgent": False, "immediate_risk": False, "reporter_id": "U0LEADER01", "name_only_to_handler": False,
            "details_enc": details, "happened_has_time": False, "created_at": created, "routed_at": created, "tier": 0,
            "acknowledge_by": created + timedelta(days=1), "escalations": 0,
            "acknowledged_at": created + timedelta(hours=2) if status != "open" else None,
            "resolved_at": created + timedelta(days=3) if status == "resolved" else None,
        })
        if rng.random() < 0.1:
            audit_rows.append({"at": created + timedelta(days=1), "actor": "system", "action": "report.escalated",
                               "subject_type": "report", "subject_id": f"TMW-B-{i:06d}", "detail": {"automatic": True}})
    finding_rows = [{"at": NOW - YEAR * rng.random(), "kind": rng.choice(CHECK_KINDS), "source": "guarded"} for _ in range(findings)]
    case_rows = [{"created_at": NOW - YEAR * rng.random(), "channel_id": "C0YLCHAT01", "message_ts": f"{i}.0",
                  "user_id": "U0YOUNGL01", "findings": [{"rule": rng.choice(RULES), "reason": "r"}], "text_enc": details,
                  "state": rng.choice(["deleted", "kept", "warned", "open"]), "last_error": ""} for i in range(2000)]
    async with services.db.unit_of_work() as session:
        for table, rows in ((Report, report_rows), (AuditEntry, audit_rows), (CheckFinding, finding_rows), (ModerationCase, case_rows)):
            for start in range(0, len(rows), 2000):
                await session.execute(insert(table), rows[start:start + 2000])


async def time_digest(services, runs: int = 5) -> list[float]:  # type: ignore[no-untyped-def]
    window = Window(NOW - timedelta(days=7), NOW)
    await build_digest(services, window)  # warm: caches, connections
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        digest = await build_digest(services, window)
        timings.append(time.perf_counter() - started)
    assert digest.sections, "the digest came back empty"
    return timings


async def main(database_url: str | None) -> int:
    workdir = Path(tempfile.mkdtemp(prefix="tmw-digest-"))
    full = await services_for(database_url or f"sqlite+aiosqlite:///{workdir / 'year.db'}")
    empty = await services_for(f"sqlite+aiosqlite:///{workdir / 'empty.db'}")
    started = time.perf_counter()
    await fill(full, reports=5_000, findings=50_000)
    print(f"filled a year of data in {time.perf_counter() - started:.1f} s: 5,000 reports, 50,000 check findings, "
          "2,000 moderation cases (database: " + full.db.url.split(":")[0] + ")")
    baseline = await time_digest(empty)
    loaded = await time_digest(full)
    print(f"{'':34} {'median ms':>10} {'max ms':>8}")
    print(f"{'digest over an empty database':34} {statistics.median(baseline) * 1000:10.1f} {max(baseline) * 1000:8.1f}")
    print(f"{'digest over a year of data':34} {statistics.median(loaded) * 1000:10.1f} {max(loaded) * 1000:8.1f}")
    print(f"target: under 1000 ms -> {'met' if max(loaded) < 1.0 else 'NOT met'}")
    await full.db.dispose()
    await empty.db.dispose()
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=None)
    raise SystemExit(asyncio.run(main(parser.parse_args().database_url)))
