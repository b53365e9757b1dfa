"""The Teams stand-in (bot/standin/teams) in a process of its own, for benchmarks that must not count its
work against the bot's event loop, as ackbench.slack_standin does for Slack's.

The benchmark keeps a FakeTeams of its own, never started, to sign tokens and build activities with
(TeamsActivitySender); the process serves a copy of it: the same signing key, registration, installed
people and 1:1 chats, handed over on its stdin. Its port comes back on stdout.
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.standin.teams import FakeTeams  # noqa: E402
from bot.standin.teams.connector import Conversation  # noqa: E402
from bot.standin.teams.keys import SigningKey  # noqa: E402


def described(fake: FakeTeams) -> dict[str, Any]:
    key = fake.signing_key
    return {
        "app_id": fake.app_id, "app_password": fake.app_password, "tenant_id": fake.tenant_id, "kid": key.kid,
        "private_key": key.private_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                     serialization.NoEncryption()).decode(),
        "certificate": key.certificate.public_bytes(serialization.Encoding.PEM).decode(),
        "installed_for": sorted(fake.installed_for),
        "chats": {c.id: c.member for c in fake.conversations.values() if c.member is not None},
    }


def copied(description: dict[str, Any]) -> FakeTeams:
    fake = FakeTeams(description["app_id"], description["app_password"], tenant_id=description["tenant_id"])
    private_key = serialization.load_pem_private_key(description["private_key"].encode(), password=None)
    certificate = x509.load_pem_x509_certificate(description["certificate"].encode())
    fake.signing_key = SigningKey(description["kid"], private_key, certificate)  # type: ignore[arg-type]
    fake.install_for(*description["installed_for"])
    fake.conversations.update({chat: Conversation(chat, member) for chat, member in description["chats"].items()})
    return fake


@asynccontextmanager
async def teams_standin(fake: FakeTeams) -> AsyncIterator[FakeTeams]:
    """`fake`, served by a process of its own: its URLs (service_url, token_url, openid_url) are the
    process's once this has started. Install people and open their chats before."""
    process = await asyncio.create_subprocess_exec(sys.executable, __file__, cwd=ROOT,
                                                   stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
    assert process.stdin is not None and process.stdout is not None
    try:
        process.stdin.write(json.dumps(described(fake)).encode() + b"\n")
        await process.stdin.drain()
        fake.port = int((await process.stdout.readline()).decode())
        yield fake
    finally:
        process.terminate()
        await process.wait()


async def serve() -> None:
    fake = await copied(json.loads(sys.stdin.readline())).start()
    print(fake.port, flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        await fake.stop()


if __name__ == "__main__":
    with suppress(KeyboardInterrupt):
        asyncio.run(serve())
