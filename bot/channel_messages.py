"""A message in a channel the bot watches, as the workflows see it (no platform types)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.inline_markup import PLAIN, InlineMarkup


@dataclass(frozen=True)
class ChannelMessage:
    channel: str
    user: str
    text: str
    ts: str
    thread_ts: str | None = None
    edited: bool = False
    # How the platform that carried it writes links and mentions in `text`.
    markup: InlineMarkup = PLAIN
