"""Run the Slack stand-in on its own: `python -m bot.standin [--port N]`. Prints its Web API URL.

Useful for pointing a bot process at it by hand (SLACK_API_URL), and for benchmarks that must not count
the stand-in's own work against the bot's event loop.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib

from bot.standin.server import FakeSlack


async def serve(port: int) -> None:
    fake = await FakeSlack(port=port).start()
    print(fake.api_url, flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        await fake.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="A local stand-in for the Slack Web API.")
    parser.add_argument("--port", type=int, default=0)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(parser.parse_args().port))
