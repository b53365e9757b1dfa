"""The domain workflows' timer handlers (by timer kind) and per-round maintenance. Each workflow adds
its own as it lands; `run` and `tick` both take them from here."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot.reports import workflow as reports
from bot.scheduler import MaintenanceTask, TimerHandler

TIMER_HANDLERS: Mapping[str, TimerHandler] = {**reports.TIMER_HANDLERS}

MAINTENANCE: Sequence[MaintenanceTask] = (reports.route_unrouted, reports.reassign_from_leavers)
