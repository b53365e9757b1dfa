"""Running `tmw-bot` as a person (or cron) does, for the tests: a real process, an environment that
holds only the settings a test gives it, and its exit code and output."""

from __future__ import annotations

import asyncio
import os
import socket
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.harness import EXAMPLE_ORG

TMW_BOT = str(Path(sys.executable).with_name("tmw-bot"))


def bare_env() -> dict[str, str]:
    """The environment of someone outside the bot's folder: none of its settings."""
    return {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TMW_", "DATABASE_URL"))}


def cli_env(database_url: str, key: str, *, org: Path = EXAMPLE_ORG, **extra: str) -> dict[str, str]:
    """The bot's three settings (and any `extra`), and nothing else of the test runner's."""
    env = bare_env()
    env.update({"DATABASE_URL": database_url, "TMW_ORG_CONFIG": str(org), "TMW_DATA_KEY": key})
    env.update(extra)
    return env


async def run_tmw_bot(*args: str, env: dict[str, str], cwd: Path) -> tuple[int, str, str]:
    """Run `tmw-bot ARGS` to its end: (exit code, stdout, stderr)."""
    process = await asyncio.create_subprocess_exec(
        TMW_BOT, *args, env=env, cwd=cwd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    try:
        out, err = await asyncio.wait_for(process.communicate(), 60)
    except TimeoutError:
        process.kill()  # `run` that did not refuse to start: leave no server behind
        await process.wait()
        raise
    return process.returncode or 0, out.decode(), err.decode()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Served:
    """A `tmw-bot run` started by `serving`: its port and first line, then, once stopped, how it ended."""

    port: int
    first_line: str = ""
    returncode: int | None = None
    err: str = ""


@asynccontextmanager
async def serving(env: dict[str, str], cwd: Path) -> AsyncIterator[Served]:
    """`tmw-bot run` on a free port, once it has printed its first line; stopped (SIGTERM) on leaving."""
    served = Served(port=free_port())
    process = await asyncio.create_subprocess_exec(
        TMW_BOT, "run", "--port", str(served.port), env=env, cwd=cwd,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    try:
        assert process.stdout is not None
        served.first_line = (await asyncio.wait_for(process.stdout.readline(), 60)).decode()
        yield served
    finally:
        process.terminate()
        communicating = asyncio.ensure_future(process.communicate())
        try:
            _, err = await asyncio.wait_for(asyncio.shield(communicating), 30)
        except TimeoutError:
            process.kill()  # and say what it was doing, rather than leave a bare timeout
            _, err = await communicating
            raise AssertionError(f"`tmw-bot run` was still running 30 s after SIGTERM:\n{err.decode()[-4000:]}") from None
        served.returncode, served.err = process.returncode, err.decode()


def sqlite_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """A fresh SQLite database in `tmp_path` under a new key, the example organisation, and `extra`."""
    from bot.crypto import generate_key

    return cli_env(f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}", generate_key(), **extra)
