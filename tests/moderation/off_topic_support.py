"""What the off-topic tests share: a clock for message timestamps, and the off-topic findings alone."""

from __future__ import annotations

T0 = 1_700_000_000


class Clock:
    """Each call is a message's ts, `step` seconds after the last."""

    def __init__(self) -> None:
        self.now = T0

    def __call__(self, step: float = 60) -> str:
        self.now += step
        return f"{self.now}.000100"


def off_topic(findings) -> list:
    return [f for f in findings if f.rule == "off_topic"]


def flags(moderator, messages) -> list[bool]:
    """For each (user, text) posted a minute apart, whether it was reported as off topic."""
    clock = Clock()
    return [bool(off_topic(moderator.assess(user, text, clock()))) for user, text in messages]
