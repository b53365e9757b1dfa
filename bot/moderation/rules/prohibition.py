"""A rule said as a prohibition names what it bans (round 17, policy 4.7).

A moderator or member enforcing the rules quotes the banned thing: "Sid, no
promo codes or affiliate links in here please. Removed.", "we don't allow
selling or promo codes in here", "(fundraising for other causes can't go in
here though)", "no cracked apps or dodgy links please". Read as a class, for
the solicitation and illegal-activity rules alike, in the sentence that holds
the phrase found:

- an opener before it (``prohibition_openers.txt``: "don't allow", "please
  don't post") says everything after it is banned;
- a plain "no" before it (``prohibition_no.txt``), over a short list of
  banned things with none of the writer's own words between ("no worries, I'm
  selling ..." is not a rule), with a rule's tail anywhere after it
  (``prohibition_tails.txt``: "in here", "please", "I'm afraid", "removed");
- a closer just after it (``prohibition_closers.txt``: "can't go in here",
  "removed", "I've taken that down") says so on its own.

A message giving a price is never a rule: moderators do not quote prices.
"""

from __future__ import annotations

from ..text import SENTENCE_BREAK, fold, tokenize
from ..wordlists import WordLists
from .common import PhraseSet

_OPENER_REACH = 8  # words before a phrase, in its sentence, that an opener can govern
_NO_REACH = 5  # words before a phrase that a "no" can govern, over a list ("no X or Y")
_CLOSER_REACH = 6  # words after a phrase that can close the rule


class Prohibitions:
    def __init__(self, lists: WordLists) -> None:
        self.openers = PhraseSet(lists.entries("prohibition_openers"))
        self.no_words = frozenset(" ".join(tokenize(fold(e))) for e in lists.entries("prohibition_no"))
        self.tails = PhraseSet(lists.entries("prohibition_tails"))
        self.closers = PhraseSet(lists.entries("prohibition_closers"))
        self.self_words = frozenset(" ".join(tokenize(fold(e))) for e in lists.entries("self_refs"))

    def bans(self, text: str, start: int, end: int, priced: bool) -> bool:
        """text[start:end] (phrase text) is named by a rule said as a prohibition;
        `priced`: the message gives an amount of money (never a rule, then)."""
        if priced:
            return False
        before = text[:start].split()
        if SENTENCE_BREAK in before:
            before = before[len(before) - before[::-1].index(SENTENCE_BREAK):]
        after = text[end:].split()
        if SENTENCE_BREAK in after:
            after = after[: after.index(SENTENCE_BREAK)]
        after_text = " ".join(after) + " "
        if self.closers.search(" ".join(after[:_CLOSER_REACH]) + " ") is not None:
            return True
        if self.openers.search(" ".join(before[-_OPENER_REACH:]) + " ") is not None:
            return True
        near = before[-_NO_REACH:]
        for index, word in enumerate(near):
            if word in self.no_words:
                between = near[index + 1:]
                if self.self_words.isdisjoint(between) and self.tails.search(after_text) is not None:
                    return True
        return False
