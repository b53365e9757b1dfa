"""The domain workflows' timer handlers (by timer kind) and per-round maintenance. Each workflow adds
its own as it lands; `run` and `tick` both take them from here."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot import access_reviews, org_sections  # noqa: F401  (org_sections: the sections they add to the file)
from bot.absences import sync_known_absences
from bot.accounts import leavers
from bot.accounts import workflow as accounts
from bot.away_return import welcome_back
from bot.dbs import workflow as dbs
from bot.digest import workflow as digest
from bot.moderation_queue.workflow import save_moderation_memory
from bot.policy import workflow as policy
from bot.reports import workflow as reports
from bot.retention import erase_expired
from bot.scheduler import MaintenanceTask, TimerHandler

# A password change recorded in the accounts register ticks off what asked for it: the report that named
# the account, and leavers' checklists. Both workflows sit above accounts, so they are handed to it here.
accounts.WHEN_PASSWORD_CHANGED[:] = [reports.password_changed, leavers.password_changed]

TIMER_HANDLERS: Mapping[str, TimerHandler] = {**reports.TIMER_HANDLERS, **accounts.TIMER_HANDLERS, **leavers.TIMER_HANDLERS,
                                           **digest.TIMER_HANDLERS, **policy.TIMER_HANDLERS, **dbs.TIMER_HANDLERS,
                                           **access_reviews.TIMER_HANDLERS}

# Known absences are read before routing: a report filed on someone's first day away goes past them.
MAINTENANCE: Sequence[MaintenanceTask] = (sync_known_absences, reports.route_unrouted, reports.reassign_from_leavers,
                                         welcome_back, accounts.check_all,
                                         digest.schedule_next_digest, policy.ask_for_new_version,
                                         dbs.warn_roles_without_checks, access_reviews.schedule_reviews,
                                         save_moderation_memory, erase_expired)
