"""Message text as a chat platform writes it: links, mentions and escapes inline, in its own markup.

The outgoing checks and the moderation rules read what people write, and must not take a platform's
markup for prose (a mention's id for a name, a link's address for a phone number). Each platform says
how its markup reads by an `InlineMarkup` (Slack's is in bot/slack/inbound.py); the core asks through
this protocol and knows no platform's syntax. Text from anywhere else (the command line, a file) is
plain: `PLAIN`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Resolved:
    """Text with its markup read: `text` as a person sees it (each mention of a person or a crowd
    replaced by the placeholder the caller gave), the links in it as (address, label), and the
    platform's ids of the people it mentions."""

    text: str
    links: list[tuple[str, str]] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class MarkupSpan:
    """Markup in place, for readers that must keep every offset: [start, end) is markup, not prose,
    except `keep` (a link's label, which the poster wrote). A link to a contact detail (mailto:, tel:)
    names its scheme and where the detail itself lies."""

    start: int
    end: int
    keep: tuple[int, int] | None = None
    contact_scheme: str | None = None
    contact: tuple[int, int] | None = None


class InlineMarkup(Protocol):
    def resolve(self, text: str, mention: str) -> Resolved: ...

    def spans(self, text: str) -> list[MarkupSpan]: ...

    def as_typed(self, text: str) -> str:
        """The text as its author typed it: a link to an email address as the address, escapes undone."""
        ...


class PlainText:
    """Text with no markup: what it says is what it reads."""

    def resolve(self, text: str, mention: str) -> Resolved:
        return Resolved(text)

    def spans(self, text: str) -> list[MarkupSpan]:
        return []

    def as_typed(self, text: str) -> str:
        return text


PLAIN: InlineMarkup = PlainText()
