"""How fast does an ordinary slash command (`/tmw help` by default) get its acknowledgement?

Fires concurrent signed slash-command requests at the real bot over HTTP, and the same requests at a
bare slack-bolt app that only acknowledges, in the same run (as bench_report_ack.py does for /report).
Prints acknowledgement latency (p50, p99) side by side.

    .venv/bin/python benchmarks/bench_command_ack.py [--command "/tmw help"] [--requests 900] [--rounds 9] [--concurrency 20]

Target: our p50 within 1.3x of the bare app's.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from slack_bolt.async_app import AsyncApp

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.ackbench import SideBySide, side_by_side

CALLERS = ["U0LEADER01", "U0LEADER02", "U0VOLUNT01", "U0PMAUDIO1", "U0ANITA001", "U0YOUNGL01"]


def slash_command(command: str, text: str, i: int, response_url: str) -> str:
    """The form Slack posts for a slash command, as one of several people typed it."""
    user = CALLERS[i % len(CALLERS)]
    return urlencode({
        "token": "legacy-verification-token", "team_id": "T0TMW00001", "team_domain": "themusicworks",
        "channel_id": "C0GENERAL1", "channel_name": "general", "user_id": user, "user_name": user.lower(),
        "command": command, "text": text, "api_app_id": "A0TMWAPP01", "is_enterprise_install": "false",
        "response_url": response_url,
        "trigger_id": f"{i}.1.{user}",
    })


async def main(typed: str, requests: int, batches: int, concurrency: int, database_url: str | None, same_process: bool) -> int:
    command, _, text = typed.strip().partition(" ")
    ours = f"tmw-bot {typed.strip()}"

    def only_ack_the_command(app: AsyncApp) -> None:
        @app.command(command)
        async def only_ack(ack: Any) -> None:
            await ack()

    def bodies(bench: SideBySide, first: int, count: int) -> list[str]:
        return [slash_command(command, text, i, bench.response_url(i)) for i in range(first, first + count)]

    async with side_by_side(only_ack_the_command, lambda bench: bodies(bench, 10_000_000, 20),
                            database_url=database_url, same_process=same_process) as bench:
        await bench.rounds(ours, bodies(bench, 0, requests), batches, concurrency)

    print(f"{requests} signed {command} requests each in {batches} rounds, {concurrency} in flight, database "
          f"{bench.database}; Slack stand-in {bench.where_slack_is}")
    print(bench.table())
    print(f"p50 ratio tmw-bot / bare: {bench.ratio(ours, 50):.2f} (target <= 1.3); "
          f"p99 ratio {bench.ratio(ours, 99):.2f} (Slack's limit is 3000 ms)")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--command", default="/tmw help", help="the command and its text, as typed in Slack")
    parser.add_argument("--requests", type=int, default=900)
    parser.add_argument("--rounds", type=int, default=9, help="rounds of each app, taken in turn")
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--database-url", default=None, help="default: a fresh SQLite file")
    parser.add_argument("--same-process", action="store_true", help="run the Slack stand-in on the bot's event loop")
    args = parser.parse_args()
    raise SystemExit(asyncio.run(main(args.command, args.requests, args.rounds, args.concurrency, args.database_url,
                                      args.same_process)))
