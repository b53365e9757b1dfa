"""The domain workflows' timer handlers, by timer kind. Each workflow adds its own as it lands."""

from __future__ import annotations

from collections.abc import Mapping

from bot.scheduler import TimerHandler

TIMER_HANDLERS: Mapping[str, TimerHandler] = {}
