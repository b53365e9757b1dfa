"""What the workflows share at run time, built once by the app factory and passed down."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.clock import Clock
from bot.crypto import DataCipher
from bot.outbox import DeliveryHealth
from bot.settings import Settings
from storage.db import Database


@dataclass
class Services:
    settings: Settings
    db: Database
    clock: Clock
    cipher: DataCipher
    org_path: Path | None = None
    timezone_name: str = "Europe/London"
    # Set when something was queued, so the background loop delivers it now rather than on its next round.
    work_waiting: asyncio.Event = field(default_factory=asyncio.Event)
    # Per-process caches of things read from the database; cleared when the organisation reloads.
    cache: dict[str, object] = field(default_factory=dict)
    # How delivering messages has gone lately, for /healthz and the log.
    delivery: DeliveryHealth = field(default_factory=DeliveryHealth)

    @property
    def tz(self) -> tzinfo:
        return ZoneInfo(self.timezone_name)

    def now(self) -> datetime:
        return self.clock.now()

    def local_now(self) -> datetime:
        return self.clock.now().astimezone(self.tz)

    def wake_scheduler(self) -> None:
        self.work_waiting.set()
