"""A message in a channel the bot watches, as the workflows see it (no Slack types)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChannelMessage:
    channel: str
    user: str
    text: str
    ts: str
    thread_ts: str | None = None
    edited: bool = False
