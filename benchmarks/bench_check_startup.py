"""How long `tmw-bot check` takes to start and check one short text, as a git hook runs it.

    .venv/bin/python benchmarks/bench_check_startup.py [--runs N]

Times fresh processes, interleaved so that each sees the same load on the machine:

* baselines: `python -c pass` (the interpreter alone) and `python -c "import bot"`;
* `tmw-bot check` in a folder with a .env like the project's: an organisation file, TMW_DATA_KEY
  and an SQLite database holding an imported roster of 300 participants;
* `tmw-bot check --no-roster` in a folder without a .env.

The target is under 0.5 s for both checks. Timings depend on the machine and its load, so a missed
target is reported, not fatal (unless --strict).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
TARGET_SECONDS = 0.5
TEXT = "Well done Amy Smith! Call Jo on 07700 900123 about Saturday at 10:30\n"


def _tmw_bot() -> list[str]:
    script = Path(sys.executable).with_name("tmw-bot")
    return [str(script)] if script.exists() else [sys.executable, "-m", "bot.cli"]


def _environment() -> dict[str, str]:
    """The caller's environment without the bot's settings (the .env supplies them), running this
    checkout's code."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TMW_", "DATABASE_URL"))}
    env["PYTHONPATH"] = str(PROJECT_ROOT)
    return env


def _prepare_project_folder(folder: Path, env: dict[str, str]) -> None:
    key = subprocess.run([*_tmw_bot(), "keygen"], capture_output=True, text=True, check=True, env=env).stdout.strip()
    (folder / ".env").write_text(
        f"DATABASE_URL=sqlite+aiosqlite:///{folder / 'tmw-bot.db'}\n"
        f"TMW_ORG_CONFIG={PROJECT_ROOT / 'examples' / 'org.yml'}\n"
        f"TMW_DATA_KEY={key}\n"
        "TZ=Europe/London\n"
    )
    rows = ["first_name,last_name,school,photo_consent", "Amy,Smith,Ribston Hall High School,yes"]
    rows += [f"Pupil{n},Family{n},School {n % 12},{'no' if n % 7 == 0 else 'yes'}" for n in range(299)]
    (folder / "roster.csv").write_text("\n".join(rows) + "\n")
    for command in (["db", "upgrade"], ["roster", "import", "roster.csv"]):
        subprocess.run([*_tmw_bot(), *command], cwd=folder, env=env, capture_output=True, text=True, check=True)


def _time(command: list[str], cwd: Path, env: dict[str, str], expect: int) -> float:
    started = time.perf_counter()
    completed = subprocess.run(command, cwd=cwd, env=env, input=TEXT, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if completed.returncode != expect:
        raise RuntimeError(f"{' '.join(command)} exited {completed.returncode}, not {expect}: {completed.stderr}")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9, help="runs of each command (default 9)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    env = _environment()
    with tempfile.TemporaryDirectory() as project, tempfile.TemporaryDirectory() as elsewhere:
        project_folder, bare_folder = Path(project), Path(elsewhere)
        _prepare_project_folder(project_folder, env)
        commands = {
            "python -c pass (baseline)": ([sys.executable, "-c", "pass"], bare_folder, 0),
            "python -c 'import bot' (baseline)": ([sys.executable, "-c", "import bot"], bare_folder, 0),
            "tmw-bot check, with .env and roster": ([*_tmw_bot(), "check"], project_folder, 1),
            "tmw-bot check --no-roster, no .env": ([*_tmw_bot(), "check", "--no-roster"], bare_folder, 1),
        }
        timings: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, (command, cwd, expect) in commands.items():
                timings[name].append(_time(command, cwd, env, expect))

    baseline = statistics.median(timings["python -c pass (baseline)"])
    print(f"Start-up of `tmw-bot check` on one short text: {args.runs} interleaved runs each, wall time.\n")
    print(f"{'':40} {'median':>8} {'best':>8} {'over python -c pass':>20}")
    for name, walls in timings.items():
        median = statistics.median(walls)
        print(f"{name:40} {median * 1000:>6.0f}ms {min(walls) * 1000:>6.0f}ms {(median - baseline) * 1000:>18.0f}ms")
    targets = [
        (f"with .env under {TARGET_SECONDS} s", statistics.median(timings["tmw-bot check, with .env and roster"])),
        (f"without .env under {TARGET_SECONDS} s", statistics.median(timings["tmw-bot check --no-roster, no .env"])),
    ]
    print()
    for description, median in targets:
        print(f"  [{'met' if median < TARGET_SECONDS else 'MISSED'}] {description} (median {median * 1000:.0f} ms)")
    return 1 if args.strict and any(median >= TARGET_SECONDS for _, median in targets) else 0


if __name__ == "__main__":
    sys.exit(main())
