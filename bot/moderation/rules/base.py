"""What every rule has in common: the message it reads and the channel it's in."""

from __future__ import annotations

import math
import re
from functools import cached_property
from typing import Any, Protocol, runtime_checkable

from bot.inline_markup import PLAIN, InlineMarkup

from ..findings import Finding, RuleName
from ..text import MENTION_TOKEN, PreparedMessage, fold

# message.derived key: the content rules (abuse, threat, solicitation,
# illegal) that reported the message, set before rules remember it.
REPORTED_FOR = "reported_for"


def posted_at(ts: str | float | int) -> float:
    """When a message was posted, from its id. The rules take a message's id to be its posting time in
    seconds since 1970, as text ("1700000000.000100"), unique in its channel: Slack's ts is just that,
    and another platform's handler gives its messages ids of that form."""
    value = float(ts)
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"not a time in seconds since 1970: {ts!r}")
    return value


class MessageUnderReview(PreparedMessage):
    """A message's text in every prepared form, plus who posted it and when."""

    def __init__(self, text: str, *, user: str = "", ts: str = "0", edited: bool = False, thread_ts: str | None = None,
                 markup: InlineMarkup = PLAIN) -> None:
        super().__init__(text, markup)
        self.user = user
        self.ts = ts
        self.time = posted_at(ts)
        self.edited = edited
        self.thread_ts = thread_ts
        # Rules memoise what they compute in assess() for remember() here.
        self.derived: dict[str, Any] = {}


class ChannelPurpose:
    """A channel's purpose line (its name included), as the rules read it."""

    def __init__(self, text: str | None) -> None:
        self.text = (text or "").strip()
        # Rules memoise what they derive from the purpose here; a new purpose
        # is a new object, so nothing stale survives a change of purpose.
        self.derived: dict[str, Any] = {}

    @cached_property
    def prepared(self) -> PreparedMessage:
        # A channel name is words joined by hyphens ("#band-practice").
        text = re.sub(r"(?<![\w#])#(?=\w)", "", self.text)
        return PreparedMessage(re.sub(r"(?<=\w)[-_](?=\w)", " ", text))

    @cached_property
    def proper_names(self) -> list[str]:
        """Capitalised names in the purpose ("Gloucester Guildhall", "SoundSpace"),
        folded. Partners whose free events may be advertised are named this way."""
        names = re.findall(r"(?<![\w#])[A-Z][\w'&.]*(?:\s+(?:of|the|for|de)?\s*[A-Z][\w'&.]*)*", self.text)
        return [fold(name).strip(".") for name in names]

    def __bool__(self) -> bool:
        return bool(self.text)


class ChannelContext:
    """One channel as the rules see it: its purpose and each rule's memory."""

    def __init__(self, channel: str = "", purpose: str | None = None) -> None:
        self.channel = channel
        self.purpose = ChannelPurpose(purpose)
        self.states: dict[str, Any] = {}


@runtime_checkable
class Rule(Protocol):
    """One moderation rule: judges a message, says why in one line."""

    name: RuleName

    def assess(self, message: MessageUnderReview, context: ChannelContext) -> Finding | None:
        """A finding if `message` breaks this rule, else None. Must not change
        the channel's memory (that is what remember() is for)."""
        ...


@runtime_checkable
class RememberingRule(Rule, Protocol):
    """A rule that needs the channel's history (repetition, off-topic)."""

    def remember(self, message: MessageUnderReview, context: ChannelContext) -> None:
        """Record `message` (after every rule has assessed it). An edited
        message replaces what was remembered for the same ts."""
        ...

    def export_state(self, context: ChannelContext) -> dict[str, Any]:
        """This rule's memory of the channel as JSON-ready data."""
        ...

    def restore_state(self, context: ChannelContext, data: dict[str, Any]) -> None:
        """Replace this rule's memory of the channel with exported data."""
        ...


def quote(text: str, limit: int = 60) -> str:
    """An excerpt for a reason line, in double quotes, shortened if long."""
    # Excerpts come from phrase text, where a mention is a placeholder.
    text = " ".join(text.split()).replace(MENTION_TOKEN, "@someone")
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return f'"{text}"'


def sentence(parts: list[str]) -> str:
    """Join reason parts into one line: "Slur (...); profanity (...)."."""
    line = "; ".join(parts)
    return line[:1].upper() + line[1:] + "."
