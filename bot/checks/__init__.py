"""Outgoing checks: find personal-detail leaks before a message goes out (issue 7).

Plain Python on purpose: no Slack, web or database imports, so that ``tmw-bot check`` starts fast
and the same checker serves the CLI, the /check command and guarded channels.

    from bot.checks import Checker, CheckContext
    result = Checker(CheckContext(org_email_domains=["themusicworks.org.uk"])).check(text)
    result.findings, result.redacted
"""

from bot.checks.checker import Checker
from bot.checks.context import CheckContext
from bot.checks.findings import MESSAGES, CheckResult, Finding, Kind
from bot.checks.roster import (
    RosterCsvError,
    RosterEntry,
    RosterIndex,
    RosterRow,
    entries_from_rows,
    hash_token,
    parse_roster_csv,
)

__all__ = [
    "MESSAGES",
    "CheckContext",
    "CheckResult",
    "Checker",
    "Finding",
    "Kind",
    "RosterCsvError",
    "RosterEntry",
    "RosterIndex",
    "RosterRow",
    "entries_from_rows",
    "hash_token",
    "parse_roster_csv",
]
