"""Suggesting or encouraging illegal activity (policy 5.7).

Covers (``illegal.patterns.txt``): buying, selling and taking drugs; piracy
and cracked software; buying alcohol for under-18s; fake IDs; fare dodging;
unsafe or unlicensed driving; vandalism; theft; carrying weapons. The concept rules
(``illegal.concepts.txt``) read plain-words acts as frames, who does what to whose thing:
income kept from the records, benefit claims hiding a partner, getting on transport unseen,
taking from the venue or the organisation, prescription medicines passed on, someone's
intimate images shared, another person's account got into, a card that is not yours.
Round 16: a sign nobody will catch the writer, in many words (``nobody_words.txt`` +
``impunity_verbs.txt``, "don't tell school"), counts beside the writer's own plan or offer
(option ``with-plan``: ``writer_plans.txt``; not with ``impunity_not.txt``: surprises, reassurance,
warnings); drink given to minors and paid things got free are concept frames.

Talking *about* drugs is not suggesting them: the patterns need an act
(buying, selling, taking), so music history ("the history of acid house"),
song titles ("Lucy in the Sky with Diamonds", "Heroin" in quotes) and
warnings ("never take drugs") do not count, and neither does a phrase in a
sentence that enforces the rules or undoes the harm ("we can't have pirated
software here", "they painted over the graffiti": ``reproach_markers.txt``; "the
litter pick collected sixty nitrous canisters": ``harm_undone.txt``). Innocent look-alikes ("crack
on", "diet coke") are removed first (``illegal_false_alarms.txt``).

Round 18: plain or slang words as frames: drinks counted by name before driving ("three reds and
drove fine"), "carrying" spoken of as sense, paint brought to put a name on a place, a fake passed
off as the real thing at a price, a machine or meter tricked into giving free; a sentence warning
of the harm ("carrying a knife makes you more likely to get hurt": ``safety_warnings.txt``) or
naming the law ("the drink-driving limit") suggests nothing.

Round 23: everyday words for the same acts: cash with the tax plainly skipped ("off the books, no
VAT, cash": ``tax_skipping.txt``, a pattern so "no VAT" does not negate the cash), nitrous kit by
its parts for a night out, tobacco with no tax stamp, and more public buildings to spray on.

Context reaches one step: a message that only offers to pass something on
privately ("I'll send u the link in dms", ``handover_offers.txt``) is the
illegal offer carried on when the SAME person posted a message reported as
illegal among the channel's last few messages (``_FOLLOW_UP_MESSAGES``,
within ``_FOLLOW_UP_SECONDS``). Someone else's "I'll send u the link" is
their own message, and a hand-over naming a legitimate source ("the free
edition, I'll send u the link", ``legit_software.txt``) is never carried.
"""

from __future__ import annotations

from collections import deque
from typing import Any

from ..concepts import ConceptSet
from ..findings import Finding
from ..patterns import PatternSet, PhraseMatch, phrase_remover
from ..text import SENTENCE_BREAK, tokenize
from ..wordlists import PatternSection, WordLists
from .base import REPORTED_FOR, ChannelContext, MessageUnderReview, quote, sentence
from .common import Enforcement, PhraseSet, label_part, words_before
from .prohibition import Prohibitions

OUTSIDE_QUOTES = "outside-quotes"
UNLESS_NEGATED = "unless-negated"
WITH_DRUG_EMOJI = "with-drug-emoji"
UNLESS_SOBER = "unless-sober"
WITH_PLAN = "with-plan"
# Round 16: "I won't ask" is the writer's own restraint, not a sign nobody will catch them.
_SELF_WORDS = frozenset({"i", "we", "you"})
_NEGATION_REACH = 3  # words before a match that can negate it
# How far an illegal offer carries to its poster's own "I'll send u the link".
_FOLLOW_UP_MESSAGES = 5
_FOLLOW_UP_SECONDS = 30 * 60
# Concept rules read the text as outside-quotes sections do (a song title is not a plan).
_CONCEPT_SECTION = PatternSection("", frozenset({OUTSIDE_QUOTES}), (), "illegal.concepts.txt")


class IllegalActivityRule:
    name = "illegal"

    def __init__(self, lists: WordLists, mask_text=lambda text: text) -> None:
        self.patterns = PatternSet("illegal", lists, allowed_options=frozenset({OUTSIDE_QUOTES, UNLESS_NEGATED, WITH_DRUG_EMOJI, UNLESS_SOBER, WITH_PLAN}))
        # "I'm driving so I'll stick to lemonade, you lot enjoy a few pints": the driver isn't drinking.
        self.sober = PhraseSet(lists.entries("sober_choice"))
        self.medicines = PhraseSet(lists.entries("medicines"))
        self.drug_emoji = frozenset(e.replace("\ufe0f", "") for e in lists.entries("drug_emoji"))
        self.remove_false_alarms = phrase_remover(lists.entries("illegal_false_alarms"))
        negations = [tuple(tokenize(n)) for n in lists.entries("negations")]
        self._negations = {n for n in negations if n}
        self.mask_text = mask_text
        # Round 11: clearing up after the act ("the litter pick collected sixty nitrous canisters")
        # undoes the harm too, for this rule only (harm_undone.txt).
        # Round 18: a safety warning ("carrying a knife makes you more likely to get hurt") too (safety_warnings.txt).
        undoing = lists.entries("reproach_markers") + lists.entries("harm_undone") + lists.entries("safety_warnings")
        self.reproach = PhraseSet(undoing)
        self.concepts = ConceptSet("illegal", lists, negations=lists.entries("negations"), reproach=undoing)
        self.handover = PhraseSet(lists.entries("handover_offers"))
        # Round 23: a moderator's reply that refuses or removes the act it names ("we can't pay
        # cash in hand, it goes through payroll", "that's criminal damage, taken down"): common.Enforcement.
        self.enforcement = Enforcement(lists)
        # Round 17: "no cracked apps or dodgy links please": a rule said as a prohibition (rules/prohibition.py).
        self.prohibitions = Prohibitions(lists)
        self.legit = PhraseSet(lists.entries("legit_software"))
        # Round 25: "he's been done for drink driving and still drives the kids": an offence on
        # someone's record is an accusation (the threat rule's), not the act proposed (offence_records.txt).
        self.offence_records = PhraseSet(lists.entries("offence_records"))
        # Round 16: a getting-away-with-it sign counts beside the writer's own plan or offer
        # (writer_plans.txt), unless it is a surprise, reassurance, a report or leave asked.
        self.plans = PhraseSet(lists.entries("writer_plans"))
        self.above_board = PhraseSet(lists.entries("above_board"))
        self.excuses = PhraseSet(lists.entries("impunity_not") + lists.entries("getaway_not")
                                 + lists.entries("talk_about") + lists.entries("permission_markers"))

    def is_dealt_with(self, message: MessageUnderReview, purpose: object = None) -> bool:
        """Does the message undo, refuse or remove an illegal act, or say the money goes through the
        proper channels ("it all goes on my tax return": above_board.txt)? Then the meaning reader
        leaves it to the rules, as it does a threat named to enforce the rules."""
        return (self.reproach.search(message.phrase_text) is not None or self.enforcement.deals_with_breach(message)
                or self.above_board.search(message.phrase_text) is not None)

    def assess(self, message: MessageUnderReview, context: ChannelContext) -> Finding | None:
        texts: dict[bool, str] = {}

        def text_for(section: PatternSection) -> str:
            outside_quotes = OUTSIDE_QUOTES in section.options
            if outside_quotes not in texts:
                source = message.unquoted_phrase_text if outside_quotes else message.phrase_text
                texts[outside_quotes] = self.remove_false_alarms(source)
            return texts[outside_quotes]

        def accept(match: PhraseMatch, text: str) -> bool:
            if WITH_DRUG_EMOJI in match.section.options and (
                self.drug_emoji.isdisjoint(message.emoji) or self.medicines.search(text)
            ):
                return False
            if WITH_PLAN in match.section.options and not self._beside_a_plan(match, text):
                return False
            if UNLESS_SOBER in match.section.options and self.sober.search(_sentence_around(text, match.start, match.end)):
                return False
            return self._not_negated(match, text, "<money>" in message.token_set)

        matches = self.patterns.first_matches(message.token_set, text_for, accept)
        parts = [f"{label_part(m.label)} ({quote(self.mask_text(m.text))})" for m in matches]
        labels = {m.label for m in matches}
        for concept in self.concepts.matches(text_for(_CONCEPT_SECTION), message.emoji, message.token_set):
            if concept.label not in labels and not self._concept_banned(
                    concept.words, text_for(_CONCEPT_SECTION), "<money>" in message.token_set):
                labels.add(concept.label)  # one reason a kind is enough, as for the threat rule
                parts.append(f"{label_part(concept.label)} ({' ... '.join(quote(self.mask_text(w)) for w in concept.words)})")
        if parts and self.enforcement.deals_with_breach(message):
            # The act named is the breach being dealt with; what a removal notice goes on to say is
            # read afresh ("Removed. Sell weed in here please, dm me"). The rest deals with no breach.
            rest = self.enforcement.left_to_read(message)
            return None if rest is None else self.assess(rest, context)
        if not parts:
            handed = self._handover_of_earlier_offer(message, context)
            if handed is None:
                return None
            parts.append(f"passing on the illegal offer they made just before ({quote(self.mask_text(handed))})")
        return Finding("illegal", sentence(parts))

    # Context: the channel's last few messages, as (ts, time, user, reported as illegal).
    def _recent(self, context: ChannelContext) -> deque:
        recent = context.states.get(self.name)
        if recent is None:
            recent = context.states[self.name] = deque(maxlen=_FOLLOW_UP_MESSAGES)
        return recent

    def _handover_of_earlier_offer(self, message: MessageUnderReview, context: ChannelContext) -> str | None:
        text = message.unquoted_phrase_text
        handed = self.handover.search(text)
        if handed is None or self.legit.search(text):
            return None
        for ts, time, user, illegal in self._recent(context):
            if illegal and user == message.user and ts != message.ts and 0 <= message.time - time <= _FOLLOW_UP_SECONDS:
                return handed
        return None

    def remember(self, message: MessageUnderReview, context: ChannelContext) -> None:
        recent = self._recent(context)
        illegal = "illegal" in message.derived.get(REPORTED_FOR, ())
        if message.edited:
            kept = [entry for entry in recent if entry[0] != message.ts]
            recent.clear()
            recent.extend(kept)
        recent.append((message.ts, message.time, message.user, illegal))

    def export_state(self, context: ChannelContext) -> dict[str, Any]:
        return {"recent": [list(entry) for entry in self._recent(context)]}

    def restore_state(self, context: ChannelContext, data: dict[str, Any]) -> None:
        recent = self._recent(context)
        recent.clear()
        recent.extend((str(ts), float(time), str(user), bool(illegal)) for ts, time, user, illegal in data.get("recent", []))

    def _beside_a_plan(self, match: PhraseMatch, text: str) -> bool:
        """A sign nobody will catch them, said by someone with a plan of their own, nothing excusing it."""
        before = words_before(text, match.start, 1)
        if before and before[-1] in _SELF_WORDS:
            return False  # "I won't ask for his number"
        return self.plans.search(text) is not None and self.excuses.search(text) is None

    def _concept_banned(self, words: tuple[str, ...], text: str, priced: bool) -> bool:
        """A concept's first words named by a rule said as a prohibition (rules/prohibition.py)."""
        first = next((w for w in words if w and f" {w} " in f" {text} "), None)
        if first is None:
            return False
        start = f" {text} ".index(f" {first} ")
        return self.prohibitions.bans(text, start, start + len(first), priced)

    def _not_negated(self, match: PhraseMatch, text: str, priced: bool = False) -> bool:
        if UNLESS_NEGATED not in match.section.options:
            return True
        if self.reproach.search(_sentence_around(text, match.start, match.end)):
            return False  # "we can't have pirated software here": enforcing the rule
        if self.prohibitions.bans(text, match.start, match.end, priced):
            return False  # "no cracked apps or dodgy links please": a rule names what it bans
        before = words_before(text, match.start, _NEGATION_REACH)
        if self.offence_records.search(" ".join(before) + " "):
            return False  # "been done for drink driving": a record, not a plan
        for length in range(1, len(before) + 1):
            for start in range(len(before) - length + 1):
                if tuple(before[start : start + length]) in self._negations:
                    return False
        return True


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of phrase text that holds text[start:end]."""
    begin = text.rfind(f" {SENTENCE_BREAK} ", 0, start)
    finish = text.find(f" {SENTENCE_BREAK} ", end)
    return text[begin + 3 if begin >= 0 else 0 : finish + 1 if finish >= 0 else len(text)]
