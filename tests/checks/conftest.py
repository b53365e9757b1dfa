"""Fixtures for the outgoing-checks tests; the data they use is in checks_support.py."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from checks_support import make_context

from bot.checks import CheckContext, Checker, CheckResult
from bot.slack.inbound import SLACK_MARKUP


@pytest.fixture(scope="session")
def context() -> CheckContext:
    return make_context()


@pytest.fixture(scope="session")
def checker(context: CheckContext) -> Checker:
    return Checker(context)


@pytest.fixture(scope="session")
def check(checker: Checker) -> Callable[[str], CheckResult]:
    """check(text) -> CheckResult for text as Slack sends it (links and mentions in its markup), also
    asserting the span invariant on every call."""

    def _check(text: str) -> CheckResult:
        result = checker.check(text, SLACK_MARKUP)
        for finding in result.findings:
            assert text[finding.start:finding.end] == finding.text
        return result

    return _check


@pytest.fixture(scope="session")
def found(check) -> Callable[[str, str], list[str]]:
    """found(text, kind) -> the texts of the findings of that kind."""

    def _found(text: str, kind: str) -> list[str]:
        return [f.text for f in check(text).findings if f.kind == kind]

    return _found
