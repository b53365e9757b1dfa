"""Account names as people type them: "Instagram", "insta gram", "the Facebook page"."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

_FILLER = re.compile(r"^(?:the|our|tmw)\s+|\s+(?:account|page|login)$")


def account_key(label: str) -> str:
    text = label.strip().lower()
    previous = None
    while previous != text:  # "the Instagram account" -> "instagram"
        previous, text = text, _FILLER.sub("", text).strip()
    return re.sub(r"[^a-z0-9]", "", text)


@dataclass(frozen=True)
class Named:
    id: int
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Match:
    account: Named | None
    suggestions: tuple[str, ...] = ()

    def not_found_message(self, typed: str) -> str:
        shown = typed.strip()[:60] or "that"
        if self.suggestions:
            names = " or ".join(self.suggestions)
            return f"I don't know an account called “{shown}”. Did you mean {names}?"
        return f"I don't know an account called “{shown}”. Type `/accounts` to see the list."


def match_account(typed: str, accounts: Iterable[Named]) -> Match:
    """The account a person meant, or the closest names to suggest."""
    key = account_key(typed)
    labels: dict[str, Named] = {}
    for account in accounts:
        for label in (account.name, *account.aliases):
            labels.setdefault(account_key(label), account)
    if key and key in labels:
        return Match(labels[key])
    close = difflib.get_close_matches(key, list(labels), n=3, cutoff=0.6)
    prefixed = [label for label in labels if key and len(key) >= 3 and (label.startswith(key) or key.startswith(label))]
    suggestions = list(dict.fromkeys(labels[label].name for label in [*prefixed, *close]))
    return Match(None, tuple(suggestions[:3]))


def named_from_text(text: str, accounts: Iterable[Named]) -> tuple[Named | None, str]:
    """`/rotated Facebook page yesterday 4pm`: the account named by the longest leading words, and the
    rest of the text (the when). None when no leading words name an account."""
    words = text.split()
    accounts = list(accounts)
    for end in range(len(words), 0, -1):
        found = match_account(" ".join(words[:end]), accounts).account
        if found is not None:
            return found, " ".join(words[end:])
    return None, text
