"""How fast does a signed /report submission get its acknowledgement?

Fires concurrent signed view_submission requests (the moment a report is filed) at the real bot over
HTTP, and the same requests at a bare slack-bolt app that only acknowledges, in the same run. Prints
acknowledgement latency (p50, p99) side by side, and checks every report was stored exactly once.

    .venv/bin/python benchmarks/bench_report_ack.py [--requests 1000] [--rounds 10] [--concurrency 10]

Target: our p99 within 1.5x of the bare app's, and far under Slack's 3-second limit.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from slack_bolt.async_app import AsyncApp
from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.ackbench import pct, side_by_side
from storage.models import Report

KINDS = [("online_safety", None), ("participant_misuse", "audio-base"), ("computer_fault", "beat-it"), ("data_breach", None)]
REPORTERS = ["U0LEADER01", "U0LEADER02", "U0VOLUNT01", "U0PMAUDIO1"]


def submission(i: int) -> str:
    kind, activity = KINDS[i % len(KINDS)]
    user = REPORTERS[i % len(REPORTERS)]
    values = {
        "kind": {"kind_input": {"type": "static_select", "selected_option": {"value": kind}}},
        "activity": {"activity_input": {"type": "static_select", "selected_option": {"value": activity} if activity else None}},
        "description": {"description_input": {"type": "plain_text_input", "value": f"Benchmark report number {i}: something worrying happened."}},
        "when": {"when_input": {"type": "plain_text_input", "value": None}},
    }
    payload = {
        "type": "view_submission", "team": {"id": "T0TMW00001"}, "user": {"id": user, "team_id": "T0TMW00001"},
        "api_app_id": "A0TMWAPP01", "trigger_id": f"{i}.1.{user}",
        "view": {"id": f"VBENCH{i:06d}", "type": "modal", "callback_id": "report.file", "private_metadata": "{}",
                 "hash": f"{i}.h", "state": {"values": values}},
    }
    return urlencode({"payload": json.dumps(payload)})


def only_ack_the_report(app: AsyncApp) -> None:
    @app.view("report.file")
    async def only_ack(ack: Any) -> None:
        await ack()


async def main(requests: int, batches: int, concurrency: int, database_url: str | None, same_process: bool) -> int:
    ours = "tmw-bot /report"
    def warm_up(_: Any) -> list[str]:
        return [submission(10_000_000 + i) for i in range(20)]

    async with side_by_side(only_ack_the_report, warm_up, database_url=database_url, same_process=same_process) as bench:
        await bench.rounds(ours, [submission(i) for i in range(requests)], batches, concurrency)
        async with bench.services.db.reading() as session:
            routed = await session.scalar(select(func.count()).select_from(Report).where(Report.routed_at.is_not(None)))
            stored = await session.scalar(select(func.count()).select_from(Report).where(Report.submission_key.like("view:VBENCH0%")))
            distinct = await session.scalar(select(func.count(func.distinct(Report.reference))))
            total = await session.scalar(select(func.count()).select_from(Report))
            delays = [(routed_at - created_at).total_seconds() for created_at, routed_at in await session.execute(
                select(Report.created_at, Report.routed_at).where(Report.submission_key.like("view:VBENCH0%"),
                                                                  Report.routed_at.is_not(None)))] or [0.0]

    print(f"{requests} signed view_submission requests each in {batches} rounds, {concurrency} in flight, database "
          f"{bench.database}; Slack stand-in {bench.where_slack_is}")
    print(bench.table())
    print(f"p99 ratio tmw-bot / bare: {bench.ratio(ours, 99):.2f} (target <= 1.5; Slack's limit is 3000 ms)")
    print(f"reports stored: {stored} of {requests} (distinct references {distinct} of {total}; routed {routed})")
    print(f"filed to routed (the scheduler waits for a lull in requests): p50 {pct(delays, 50):.0f} ms, "
          f"p99 {pct(delays, 99):.0f} ms")
    return 0 if stored == requests and distinct == total == routed else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=10, help="rounds of each app, taken in turn")
    parser.add_argument("--concurrency", type=int, default=10)
    parser.add_argument("--database-url", default=None, help="default: a fresh SQLite file")
    parser.add_argument("--same-process", action="store_true", help="run the Slack stand-in on the bot's event loop")
    args = parser.parse_args()
    raise SystemExit(asyncio.run(main(args.requests, args.rounds, args.concurrency, args.database_url, args.same_process)))
