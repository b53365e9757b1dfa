"""Repetition: the same or nearly the same message posted again in a channel.

A message breaks the rule when it has at least five words
(`repetition_min_words`) and is the same or nearly the same as one posted in
the channel, by anyone, less than 24 hours earlier (`repetition_window_seconds`).
"Nearly the same" is a Jaccard similarity of at least 0.6
(`repetition_similarity`) between the messages' word and word-pair
shingles, after folding case, accents and stretched letters and dropping
@-mentions (spam aimed at different people is still one message). Examples:
one word changed in ten is 0.7 alike; a "!!!" or a mention added is 1.0.

Short replies ("thanks!", "+1", "same") are under five words and never
count, and neither does a longer message made only of courtesy words
("thank you so much everyone", ``stock_reply_words.txt``).

The channel's recent messages are kept as MinHash fingerprints in a
``NearDuplicateIndex`` (``minhash.py``): no text, bounded memory, lookup
cost independent of history length.
"""

from __future__ import annotations

import re
from typing import Any

from ..config import ModerationConfig
from ..findings import Finding
from ..minhash import Fingerprint, NearDuplicateIndex
from ..text import MENTION_TOKEN
from ..wordlists import WordLists
from .base import ChannelContext, MessageUnderReview

# Enough words to recognise a copy of even the longest Slack message.
_MAX_WORDS = 4_000
# Three or more of a letter are stretching ("Fleeeeece"); two may be the
# spelling ("Fleece"), so a stretch is cut back to two.
_STRETCHED = re.compile(r"([a-z])\1{2,}")


class RepetitionRule:
    name = "repetition"

    def __init__(self, lists: WordLists, config: ModerationConfig) -> None:
        self.config = config
        self.stock_words = frozenset(lists.entries("stock_reply_words"))

    def index(self, context: ChannelContext) -> NearDuplicateIndex:
        index = context.states.get(self.name)
        if index is None:
            index = NearDuplicateIndex(
                self.config.repetition_window_seconds,
                self.config.repetition_similarity,
                self.config.max_remembered_messages_per_channel,
            )
            context.states[self.name] = index
        return index

    def fingerprint(self, message: MessageUnderReview) -> Fingerprint | None:
        """The message's fingerprint, or None when it is too short to count."""
        if self.name not in message.derived:
            words = [t for t in message.tokens[:_MAX_WORDS] if t != MENTION_TOKEN]
            countable = len(words) >= self.config.repetition_min_words and not self.stock_words.issuperset(words)
            # Stretched letters fold away: "Fleeeeece" is the Fleece.
            message.derived[self.name] = Fingerprint.of(_STRETCHED.sub(r"\1\1", " ".join(words)).split()) if countable else None
        return message.derived[self.name]

    def assess(self, message: MessageUnderReview, context: ChannelContext) -> Finding | None:
        fingerprint = self.fingerprint(message)
        if fingerprint is None:
            return None
        earlier = self.index(context).find_earlier(fingerprint, message.time, message.ts)
        if earlier is None:
            return None
        alike = "Same as" if earlier.similarity >= 0.999 else f"Nearly the same ({earlier.similarity:.0%} alike) as"
        # Plain words, not a platform's mention: the card shows the reason as text. Who posted the
        # earlier copy is in the evidence.
        who = "the same person" if earlier.author == message.user else "someone else"
        return Finding(
            "repetition",
            f"{alike} a message posted {_ago(message.time - earlier.time)} earlier by {who}.",
            evidence={"earlier_ts": earlier.key, "earlier_user": earlier.author, "similarity": f"{earlier.similarity:.2f}"},
        )

    def remember(self, message: MessageUnderReview, context: ChannelContext) -> None:
        fingerprint = self.fingerprint(message)
        index = self.index(context)
        if fingerprint is None:
            if message.edited:
                index.remove(message.ts)  # edited down to a short reply
            return
        index.add(message.ts, message.time, message.user, fingerprint)

    def export_state(self, context: ChannelContext) -> dict[str, Any]:
        return {"entries": self.index(context).export()}

    def restore_state(self, context: ChannelContext, data: dict[str, Any]) -> None:
        self.index(context).restore(data.get("entries", []))


def _ago(seconds: float) -> str:
    minutes = int(seconds // 60)
    if minutes < 1:
        return "under a minute"
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min" if minutes else f"{hours} h"
