"""Threats and defamation of a person or organisation (policy 5.7).

Every threat in ``threat.patterns.txt`` names who it is aimed at ("... you",
"... @sam"): "killed that solo", "you slayed it" and "kill it tonight" have
no person as their object, so music talk never matches. Hyperbole and idioms
that do name a person ("I could kill him", "break a leg", "you're dead
good") are listed in ``threat_idioms.txt`` and removed before searching.

Defamation is accusing a named person or organisation of a crime or worse
("X is a thief", "the council are crooks", "Dave stole the money"); the
writer ("I'm a thief") and words that point at no one ("there's a thief
about") are not accused (``non_subjects.txt``).
"""

from __future__ import annotations

from ..findings import Finding
from ..patterns import PatternSet, phrase_remover
from ..wordlists import WordLists
from .base import ChannelContext, MessageUnderReview, quote, sentence
from .common import label_part


class ThreatRule:
    name = "threat"

    def __init__(self, lists: WordLists, mask_text=lambda text: text) -> None:
        self.patterns = PatternSet("threat", lists)
        self.remove_idioms = phrase_remover(lists.entries("threat_idioms"))
        # Quotes in reasons pass through the abuse rule's masking, so a
        # threat full of swearing is not spelt back out to the moderator.
        self.mask_text = mask_text

    def assess(self, message: MessageUnderReview, context: ChannelContext) -> Finding | None:
        text = self.remove_idioms(message.phrase_text)
        matches = self.patterns.first_matches(message.token_set, lambda section: text)
        if not matches:
            return None
        parts = [f"{label_part(m.label)} ({quote(self.mask_text(m.text))})" for m in matches]
        return Finding("threat", sentence(parts))
