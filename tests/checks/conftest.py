"""Fixtures for the outgoing-checks tests; the data they use is in checks_support.py."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from checks_support import finder, make_context, span_checked

from bot.checks import CheckContext, Checker, CheckResult


@pytest.fixture(scope="session")
def context() -> CheckContext:
    return make_context()


@pytest.fixture(scope="session")
def checker(context: CheckContext) -> Checker:
    return Checker(context)


@pytest.fixture(scope="session")
def check(checker: Checker) -> Callable[[str], CheckResult]:
    """check(text) -> CheckResult for text as Slack sends it, asserting the span invariant."""
    return span_checked(checker)


@pytest.fixture(scope="session")
def found(check) -> Callable[[str, str], list[str]]:
    """found(text, kind) -> the texts of the findings of that kind."""
    return finder(check)
