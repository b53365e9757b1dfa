"""Shared set-up for the outgoing-checks tests: an organisation like TMW and a small fictional roster.

A plain module with a name of its own (not conftest) so that test modules can import it without
clashing with other conftest.py files in the project.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.checks import CheckContext, Checker, CheckResult, RosterIndex, parse_roster_csv
from bot.slack.inbound import SLACK_MARKUP

ROSTER_KEY = b"test-roster-key-0123456789abcdef"

# Fictional participants. Tom Jones and Priya Patel opted out of photos; there are two Ellas, one
# of whom opted out, so "Ella" on her own is ambiguous.
ROSTER_CSV = """first_name,last_name,school,photo_consent
Amy,Smith,Ribston Hall High School,yes
Tom,Jones,Chosen Hill School,no
Priya,Patel,Pate's Grammar School,No
Mary-Jane,O'Neil,,yes
Zoë,Brontë,Denmark Road High School,Y
Ella,Hughes,,yes
Ella,Grant,,no
Sam,van der Berg,Sir Thomas Rich's School,true
"""

ORG_DOMAINS = ["themusicworks.org.uk"]
ORG_PHONES = ["01452 300400"]
ORG_ADDRESSES = ["Box Hedge Cottage, Horsley, GL6 0PP"]


def make_context(with_roster: bool = True) -> CheckContext:
    roster = RosterIndex.from_rows(ROSTER_KEY, parse_roster_csv(ROSTER_CSV)) if with_roster else None
    return CheckContext(
        org_email_domains=ORG_DOMAINS,
        org_phone_numbers=ORG_PHONES,
        org_addresses=ORG_ADDRESSES,
        roster=roster,
    )


def span_checked(checker: Checker) -> Callable[[str], CheckResult]:
    """check(text) -> CheckResult for text as Slack sends it (links and mentions in its markup), also
    asserting the span invariant on every call."""

    def _check(text: str) -> CheckResult:
        result = checker.check(text, SLACK_MARKUP)
        for finding in result.findings:
            assert text[finding.start:finding.end] == finding.text
        return result

    return _check


def finder(check: Callable[[str], CheckResult]) -> Callable[[str, str], list[str]]:
    """found(text, kind) -> the texts of the findings of that kind."""
    return lambda text, kind: [f.text for f in check(text).findings if f.kind == kind]
