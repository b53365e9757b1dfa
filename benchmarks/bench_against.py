"""Does a change slow the bot down? The /report acknowledgement and the scheduler tick, measured in this
tree and in an earlier commit of it (the baseline), side by side in one run.

The baseline is checked out into a temporary git worktree. Each round runs every measurement once in
each tree, taking the trees in turn (the order alternates by round), so a busy machine weighs on both
alike; the figures are medians over the rounds.

- /report: `bench_report_ack.py`'s p50 and p99 for the real bot (signed view_submissions over HTTP).
- timers tick: one scheduler tick over 10,000 shared accounts and their timers, `due` of them due a
  nudge (`bench_rotation_tick.py`'s database); delivery left out.
- delivery tick: the next tick, which delivers those nudges to the Slack stand-in over HTTP.

    .venv/bin/python benchmarks/bench_against.py --baseline c4e95f8 [--rounds 5] [--requests 300] [--due 200]

Target: each figure within 10% of the baseline's.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORT_ROW = re.compile(r"^tmw-bot /report\s+([\d.]+)\s+([\d.]+)", re.MULTILINE)

# Run inside each tree, against that tree's own code: the outbox's deliverer is made the way that
# tree makes it (the release before the delivery router built a SlackDeliverer directly).
TICK_DRIVER = """
import asyncio, json, sys, tempfile, time
from pathlib import Path
sys.path.insert(0, ".")
from benchmarks.bench_rotation_tick import NOW, build, settings_for
from bot.clock import ManualClock
from bot.runtime import prepare
from bot.scheduler import run_due
from bot.slack.web import make_web_client
from bot.standin import FakeSlack
from bot.workflows import MAINTENANCE, TIMER_HANDLERS
try:
    from handlers.slack.features import all_renderers
except ImportError:  # before the Slack listeners moved under handlers/slack/
    from handlers import all_renderers


def deliverer_for(services, client):
    try:
        from bot.slack.delivery import slack_delivery
    except ImportError:
        from bot.slack.delivery import SlackDeliverer
        return SlackDeliverer(client, all_renderers())
    return slack_delivery(services, client, all_renderers())


async def main(accounts, due):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "tick.db"
        await build(path, accounts, accounts, due)
        fake = await FakeSlack().start()
        services = await prepare(settings_for(path), ManualClock(NOW))
        deliverer = deliverer_for(services, make_web_client("xoxb-bench", fake.api_url))
        started = time.perf_counter()
        await run_due(services, TIMER_HANDLERS, None, MAINTENANCE)
        timers = time.perf_counter() - started
        started = time.perf_counter()
        delivered = await run_due(services, TIMER_HANDLERS, deliverer, MAINTENANCE)
        delivery = time.perf_counter() - started
        await services.db.dispose()
        await fake.stop()
        print(json.dumps({"timers_ms": timers * 1000, "delivery_ms": delivery * 1000,
                          "sent": delivered.messages_sent}))


asyncio.run(main(int(sys.argv[1]), int(sys.argv[2])))
"""


def run(tree: Path, *args: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run([sys.executable, *args], cwd=tree, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args[:2])} failed in {tree}:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def measure(tree: Path, requests: int, accounts: int, due: int) -> dict[str, float]:
    report = REPORT_ROW.search(run(tree, "benchmarks/bench_report_ack.py", "--requests", str(requests), "--rounds", "3"))
    if report is None:
        raise SystemExit(f"bench_report_ack.py in {tree} printed no row for tmw-bot /report")
    tick = json.loads(run(tree, "-c", TICK_DRIVER, str(accounts), str(due)).strip().splitlines()[-1])
    return {"/report p50 ms": float(report[1]), "/report p99 ms": float(report[2]),
            "timers tick ms": tick["timers_ms"], "delivery tick ms": tick["delivery_ms"], "messages sent": tick["sent"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", required=True, help="the commit to compare with, e.g. c4e95f8")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--requests", type=int, default=300, help="/report submissions per round and tree")
    parser.add_argument("--accounts", type=int, default=10_000)
    parser.add_argument("--due", type=int, default=200, help="accounts due a nudge: the messages the delivery tick sends")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        baseline = Path(tmp) / "baseline"
        subprocess.run(["git", "worktree", "add", "--detach", "--quiet", str(baseline), args.baseline], cwd=ROOT, check=True)
        try:
            trees = {f"baseline {args.baseline}": baseline, "this tree": ROOT}
            figures: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
            for round_number in range(args.rounds):
                order = list(trees) if round_number % 2 == 0 else list(reversed(trees))
                for name in order:
                    figures[name].append(measure(trees[name], args.requests, args.accounts, args.due))
                    print(f"round {round_number + 1}, {name}: {figures[name][-1]}", file=sys.stderr)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(baseline)], cwd=ROOT, check=False)

    names = list(trees)
    medians = {name: {k: statistics.median(r[k] for r in figures[name]) for k in figures[name][0]} for name in names}
    print(f"medians over {args.rounds} rounds, trees taken in turn; {args.requests} /report submissions per round, "
          f"{args.accounts:,} accounts with {args.due} due a nudge")
    print(f"{'':20} {names[0]:>20} {names[1]:>12} {'change':>8}")
    within = True
    for key in medians[names[0]]:
        before, after = medians[names[0]][key], medians[names[1]][key]
        change = (after - before) / before * 100 if before else 0.0
        if key != "messages sent":
            within &= change <= 10
        print(f"{key:20} {before:20.1f} {after:12.1f} {change:+7.1f}%")
    print(f"target: within 10% of the baseline: {'met' if within else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
