"""Concepts that together make a breach, whatever words carry them.

A phrase pattern ("few pints ... fine to drive") catches the words it was
written for and misses the same act said another way ("had a few ciders ...
I can still take the van"). A *concept rule* instead names word lists, each
list one idea the organisation can extend, and counts when one entry of every
list occurs in the same sentence: a drinking word and a driving word; an
age under 18 and an alcohol word; a spraying verb and a public place.

``NAME.concepts.txt`` files hold the rules, in sections like the pattern
files (``wordlists.py``)::

    [Drink and driving] unless-negated
    {drinking} + {driving}
    {drinking} + {driving} - {not_driving}

Each line is ``+``-joined ``{list}`` names, all needed; ``- {list}`` names a
list none of whose entries may occur (the same sentence, or the message with
``whole-message``). An entry's last word also matches with "'s" after it
("photoshop's free on there", "my plug's got"). An entry that is an emoji ("🐷") counts anywhere in the
message; the entry ``<money>`` is any amount ("£25", "20 quid"), and may stand inside an entry
("at <money>", round 21). The reason names the words found: ``Drink and driving ("a few
ciders" ... "drive the minibus")``.

Options after a section header:

``whole-message``   the concepts may be in different sentences of the message
                    ("I know who you are. watch yourself on the way home")
``unless-negated``  not counted when a word of ``negations.txt`` comes in the
                    three words before a concept's word ("never drive after a
                    drink"), nor in a sentence that enforces a rule
                    (``reproach_markers.txt``: "nitrous isn't allowed")
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import MONEY, SENTENCE_BREAK, fold, tokenize
from .wordlists import WordListError, WordLists

WHOLE_MESSAGE = "whole-message"
UNLESS_NEGATED = "unless-negated"
_OPTIONS = frozenset({WHOLE_MESSAGE, UNLESS_NEGATED})
_NEGATION_REACH = 3
_TERM = re.compile(r"^([+-])?\s*\{([a-z0-9_]+)\}$")
_WORD = re.compile(r"\w")
_MONEY_ENTRY = "<money>"


class _Concept:
    """One word list: its phrases (searched per sentence) and emoji (per message)."""

    def __init__(self, name: str, entries: tuple[str, ...]) -> None:
        self.name = name
        # Round 18: the entry "<money>" is any amount ("£25", "20 quid"), as in patterns.
        money = _MONEY_ENTRY in entries
        # Round 21: "<money>" may also stand inside an entry, for a price said so ("at <money>",
        # "only <money>"): the amount must come just there.
        priced = sorted({e for e in entries if _MONEY_ENTRY in e and e != _MONEY_ENTRY}, key=len, reverse=True)
        entries = tuple(e for e in entries if _MONEY_ENTRY not in e)
        phrases = sorted({" ".join(tokenize(fold(e))) for e in entries if _WORD.search(e)} - {""}, key=len, reverse=True)
        self.emoji = frozenset(e.replace("\ufe0f", "") for e in entries if not _WORD.search(e))
        priced_parts = [[" ".join(tokenize(fold(part))) for part in e.split(_MONEY_ENTRY)] for e in priced]
        # A message can hold an entry only if it has the entry's first word.
        firsts = {p.split()[0] for p in phrases} | {parts[0].split()[0] if parts[0] else _MONEY_ENTRY for parts in priced_parts}
        self.first_words = frozenset(firsts | {f"{w}'s" for w in firsts} | ({_MONEY_ENTRY} if money else set()))
        alternatives = [
            "".join(re.escape(part) + " " if part else "" for part in parts[:1])
            + "".join(MONEY + " " + (re.escape(part) + " " if part else "") for part in parts[1:])
            for parts in priced_parts
        ] + [re.escape(p) + "(?:'s)? " for p in phrases] + ([MONEY + " "] if money else [])
        self._regex = (
            # An entry's last word may carry "'s" ("photoshop's free on there", "my plug's").
            re.compile(r"(?<![^ ])(?:" + "|".join(alternatives) + ")") if alternatives else None
        )

    def find(self, sentence: str, emoji: frozenset[str]) -> tuple[str, int] | None:
        """(the words found, where) in `sentence`; an emoji of the message is found at -1."""
        if self._regex is not None:
            match = self._regex.search(sentence)
            if match:
                return match.group(0).strip(), match.start()
        found = self.emoji & emoji
        return (min(found), -1) if found else None


@dataclass(frozen=True, slots=True)
class _Line:
    needed: tuple[_Concept, ...]
    excluded: tuple[_Concept, ...]


@dataclass(frozen=True, slots=True)
class ConceptMatch:
    label: str
    words: tuple[str, ...]  # one found entry per needed concept, in line order
    options: frozenset[str]  # the section's options (a rule may accept its own)


class _Section:
    def __init__(self, label: str, options: frozenset[str], lines: tuple[_Line, ...]) -> None:
        self.label = label
        self.options = options
        self.whole_message = WHOLE_MESSAGE in options
        self.unless_negated = UNLESS_NEGATED in options
        self.lines = lines


class ConceptSet:
    """The concept rules of one ``NAME.concepts.txt`` file."""

    def __init__(self, name: str, lists: WordLists, *, negations: tuple[str, ...] = (),
                 reproach: tuple[str, ...] = (), allowed_options: frozenset[str] = frozenset()) -> None:
        concepts: dict[str, _Concept] = {}

        def concept(list_name: str) -> _Concept:
            if list_name not in concepts:
                concepts[list_name] = _Concept(list_name, lists.entries(list_name))
            return concepts[list_name]

        self.sections: list[_Section] = []
        for section in lists.concept_sections(name):
            unknown = section.options - _OPTIONS - allowed_options
            if unknown:
                raise WordListError(f"{section.source}: unknown option {', '.join(sorted(unknown))}")
            lines = []
            for raw in section.patterns:
                needed, excluded = [], []
                for term in re.split(r"\s+(?=[+-]\s*\{)", raw.strip()):
                    found = _TERM.match(term.strip())
                    if not found:
                        raise WordListError(f"{section.source}: a concept line looks like {{a}} + {{b}} - {{c}}, not {raw!r}")
                    (excluded if found.group(1) == "-" else needed).append(concept(found.group(2)))
                if len(needed) < 2:
                    raise WordListError(f"{section.source}: a concept line needs two or more {{lists}}: {raw!r}")
                lines.append(_Line(tuple(needed), tuple(excluded)))
            self.sections.append(_Section(section.label, section.options, tuple(lines)))
        self._negations = {tuple(tokenize(fold(n))) for n in negations} - {()}
        self._reproach = _Concept("reproach_markers", reproach)
        # Which concepts a message's words or emoji could start, so a message with
        # none of a line's concepts is passed over with a few set operations.
        self._by_first_word: dict[str, set[str]] = {}
        self._by_emoji: dict[str, set[str]] = {}
        for found in concepts.values():
            for word in found.first_words:
                self._by_first_word.setdefault(word, set()).add(found.name)
            for emoji in found.emoji:
                self._by_emoji.setdefault(emoji, set()).add(found.name)
        self._first_words = frozenset(self._by_first_word)
        self._emoji = frozenset(self._by_emoji)
        # Every line with its section, in file order, and the names of the concepts it needs.
        self._lines = [(section, line, frozenset(c.name for c in line.needed))
                       for section in self.sections for line in section.lines]

    def _possible(self, words: frozenset[str], emoji: frozenset[str]) -> set[str]:
        """The concepts a message may hold: one of its words starts an entry, or it has one of their emoji."""
        possible: set[str] = set()
        for word in self._first_words.intersection(words):
            possible |= self._by_first_word[word]
        if emoji:
            for found in self._emoji.intersection(emoji):
                possible |= self._by_emoji[found]
        return possible

    def matches(self, phrase_text: str, emoji: frozenset[str], words: frozenset[str] | None = None) -> list[ConceptMatch]:
        """The first match of each section, in file order; `words`, the message's
        token set, lets a message without any concept's words be passed over fast."""
        # Most messages hold no concept at all: only lines whose concepts the message's
        # words could all start are considered, each concept is searched once in the
        # whole text, and only lines whose concepts are all there are read per sentence.
        if words is None:
            lines = self._lines
        else:
            possible = self._possible(words, emoji)
            if not possible:
                return []
            lines = [entry for entry in self._lines if entry[2] <= possible]
            if not lines:
                return []
        present: dict[str, bool] = {}
        # Read across sentence breaks, as a whole-message section reads them.
        unbroken = phrase_text.replace(f" {SENTENCE_BREAK} ", " ")

        def anywhere(concept: _Concept) -> bool:
            if concept.name not in present:
                present[concept.name] = concept.find(unbroken, emoji) is not None
            return present[concept.name]

        by_section: dict[int, tuple[_Section, list[_Line]]] = {}
        for section, line, _ in lines:
            if all(anywhere(c) for c in line.needed):
                by_section.setdefault(id(section), (section, []))[1].append(line)
        sentences: list[str] | None = None
        found: list[ConceptMatch] = []
        for section, section_lines in by_section.values():  # file order
            if sentences is None:
                sentences = [s + " " for s in phrase_text.split(f" {SENTENCE_BREAK} ")]
            # Sentences already end in a space: joined so, words either side of a break
            # are one space apart ("a bit... you know" reads "a bit you know").
            scopes = ["".join(sentences)] if section.whole_message else sentences
            match = next((m for scope in scopes for line in section_lines
                          if (m := self._match(section, line, scope, emoji)) is not None), None)
            if match is not None:
                found.append(match)
        return found

    def _match(self, section: _Section, line: _Line, scope: str, emoji: frozenset[str]) -> ConceptMatch | None:
        hits: list[tuple[str, int]] = []
        for concept in line.needed:
            hit = concept.find(scope, emoji)
            if hit is None:
                return None
            hits.append(hit)
        if section.unless_negated:
            # A negation inside another concept's words is part of that concept, not
            # a denial ("no questions asked, cash only": the "no" is the sign itself).
            unnegated = _blank_out(scope, hits)
            if any(position >= 0 and self._negated(unnegated, position) for _, position in hits):
                return None
        words = [found for found, _ in hits]
        if any(c.find(scope, emoji) is not None for c in line.excluded):
            return None
        if section.unless_negated and self._reproach.find(scope, frozenset()) is not None:
            return None
        return ConceptMatch(section.label, tuple(words), section.options)

    def _negated(self, text: str, position: int) -> bool:
        before = text[:position].split()[-_NEGATION_REACH:]
        if SENTENCE_BREAK in before:
            before = before[len(before) - before[::-1].index(SENTENCE_BREAK):]
        return any(tuple(before[i:j]) in self._negations
                   for i in range(len(before)) for j in range(i + 1, len(before) + 1))


def _blank_out(scope: str, hits: list[tuple[str, int]]) -> str:
    """`scope` with the words of each hit replaced by filler of the same length
    (positions stay put), so that a hit's own words are never read as a negation."""
    chars = list(scope)
    for found, position in hits:
        if position >= 0:
            chars[position:position + len(found)] = "_" * len(found)
    return "".join(chars)
