"""A small phrase-pattern language for the data files, compiled to regexes.

Admins extend ``*.patterns.txt`` files, so the language is kept to what a
careful non-programmer can write. A pattern is a sequence of words matched
against a message's words (see ``PreparedMessage.phrase_text``):

========================  =================================================
``word``                  that word
``word*``                 any word starting with ``word``
``(a|b c|d)``             one of the alternatives (each a sequence)
``(...)?`` ``{...}?``     the group or list is optional (``word?`` too)
``{name}``                any entry of word list ``name.txt``
``...``                   up to three words, within one sentence
``<money>``               an amount: "£5", "5 quid", "50p", "£2.50"
``<number>``              a number
``<percent>``             a percentage: "10%"
``<mention>``             an @-mention of a person or group
``<handle>``              a social-media handle typed as text ("@kicksbykemi")
``<any>``                 any one word
``<subject>``             any one word that can be the subject of an
                          accusation (not a word in ``non_subjects.txt``)
``<end>``                 the end of a sentence
``<start>``               the start of a sentence (round 21: "sounds like
                          ..." with no subject speaks of what was just shown)
``!word`` ``!{name}``     not followed by that word, list entry or group
========================  =================================================

Matching is on whole words, case-insensitively, after accents are removed.

Each compiled pattern also knows which words it can *start* with (or, if
it can start with any word, the words one of its required parts must have);
a message is only searched with patterns whose anchor words it contains, so
the cost per message stays flat however many patterns the data files hold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from .text import MENTION_TOKEN, MONEY, SENTENCE_BREAK, fold, tokenize
from .wordlists import PatternSection, WordListError, WordLists

_LEXEME = re.compile(r"\s+|[()|?!]|\{[a-z0-9_]+\}|<[a-z\-]+>|\.\.\.|[^\s()|?!{}<>]+")

_NOT_BREAK = rf"(?!\{SENTENCE_BREAK} )"
_ANY_WORD = rf"{_NOT_BREAK}[^ ]+ "
_GAP = rf"(?:{_ANY_WORD}){{0,3}}"
_MONEY = MONEY + " "

# What each <class> matches, and the marker a message's token_set carries
# when it contains one (None: can start anywhere, so no anchor).
_CLASSES: dict[str, tuple[str, str | None]] = {
    "money": (_MONEY, "<money>"),
    "number": (r"\d[\d.,]* ", "<number>"),
    "percent": (r"\d[\d.,]*% ", None),
    "mention": (re.escape(MENTION_TOKEN) + " ", MENTION_TOKEN),
    "handle": (r"(?<![^ ])@(?!" + re.escape(MENTION_TOKEN[1:]) + r" )[a-z0-9_][^ ]* ", None),
    "any": (_ANY_WORD, None),
    "end": (rf"(?=\{SENTENCE_BREAK} |$)", ""),  # zero width
    "start": (rf"(?:^|(?<=\{SENTENCE_BREAK} ))", ""),  # zero width
    "subject": ("", None),  # built per word lists, see _Compiler.subject
}


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    """Where a pattern matched: its section and the words it matched."""

    section: PatternSection
    text: str  # the matched words, single-spaced
    start: int  # offsets in the searched text
    end: int

    @property
    def label(self) -> str:
        return self.section.label


@dataclass(frozen=True, slots=True)
class _Compiled:
    order: int  # position in the file, so matches come out in a stable order
    section_index: int
    section: PatternSection
    regex: re.Pattern[str]
    source: str


class _Compiler:
    """Parses one pattern and emits (regex, first words, can-be-empty)."""

    def __init__(self, lists: WordLists) -> None:
        self.lists = lists
        self._list_cache: dict[str, tuple[str, frozenset[str] | None]] = {}
        self._subject: str | None = None

    def compile(self, pattern: str, where: str) -> tuple[str, frozenset[str] | None]:
        lexemes = [x for x in _LEXEME.findall(pattern) if not x.isspace()]
        self._lexemes, self._pos, self._where = lexemes, 0, where
        required: list[frozenset[str]] = []
        regex, first, nullable = self._sequence(required)
        if self._pos != len(lexemes):
            raise self._error(f"unexpected {lexemes[self._pos]!r}")
        if nullable:
            raise self._error("pattern can match nothing at all")
        if first is None and required:
            # It can start with any word ("<subject> is a thief"), but a
            # message without one of a required part's words can't match.
            first = min(required, key=len)
        return regex, first

    def _error(self, message: str) -> WordListError:
        return WordListError(f"{self._where}: {message}")

    def _peek(self) -> str | None:
        return self._lexemes[self._pos] if self._pos < len(self._lexemes) else None

    def _sequence(self, required: list[frozenset[str]] | None = None) -> tuple[str, frozenset[str] | None, bool]:
        """Parse a sequence; if `required` is given, collect into it the word
        sets of parts that every match must contain (for anchoring)."""
        parts: list[str] = []
        first: set[str] | None = set()
        nullable = True
        while self._peek() not in (None, ")", "|"):
            regex, item_first, item_nullable = self._item()
            parts.append(regex)
            if required is not None and not item_nullable and item_first:
                required.append(item_first)
            if nullable:  # still deciding which words the sequence can start with
                if first is not None:
                    first = None if item_first is None else first | item_first
                nullable = item_nullable
        return "".join(parts), (frozenset(first) if first is not None else None), nullable

    def _item(self) -> tuple[str, frozenset[str] | None, bool]:
        lexeme = self._lexemes[self._pos]
        self._pos += 1
        if lexeme == "!":
            if self._peek() in (None, ")", "|", "?"):
                raise self._error("! must come before a word, list or group")
            regex, _, _ = self._item()
            return f"(?!{regex})", frozenset(), True
        if lexeme == "(":
            alternatives = [self._sequence()]
            while self._peek() == "|":
                self._pos += 1
                alternatives.append(self._sequence())
            if self._peek() != ")":
                raise self._error("unclosed (")
            self._pos += 1
            regex = "(?:" + "|".join(a[0] for a in alternatives) + ")"
            firsts = [a[1] for a in alternatives]
            first = None if any(f is None for f in firsts) else frozenset().union(*firsts)
            nullable = any(a[2] for a in alternatives)
        elif lexeme.startswith("{"):
            regex, first = self._list(lexeme[1:-1])
            nullable = False
        elif lexeme.startswith("<"):
            name = lexeme[1:-1]
            if name not in _CLASSES:
                raise self._error(f"unknown class {lexeme}")
            regex, marker = _CLASSES[name]
            if name == "subject":
                regex = self.subject()
                # "<subject>'s" (round 17): one word ending so ("aisha's been ...").
                suffix = self._peek()
                if suffix and suffix.startswith("'") and suffix[1:].isalpha():
                    self._pos += 1
                    regex = regex[: -len(" ")].replace("[^ ]+", "[^ ]+?", 1) + re.escape(suffix) + " "
            first = None if marker is None else frozenset({marker} if marker else ())
            nullable = name in ("end", "start")
        elif lexeme == "...":
            regex, first, nullable = _GAP, None, True
        elif lexeme in (")", "|", "?"):
            raise self._error(f"unexpected {lexeme!r}")
        else:
            regex, first = _word(lexeme)
            nullable = False
        if self._peek() == "?":
            self._pos += 1
            regex, nullable = f"(?:{regex})?", True
        return regex, first, nullable

    def _list(self, name: str) -> tuple[str, frozenset[str] | None]:
        if name not in self._list_cache:
            try:
                entries = self.lists.entries(name)
            except WordListError as error:
                raise self._error(str(error)) from None
            if not entries:
                raise self._error(f"word list {name}.txt is empty")
            alternatives: list[str] = []
            first: set[str] | None = set()
            # Longest first, so "fake driving licence" wins over "fake".
            for entry in sorted(entries, key=len, reverse=True):
                regex, entry_first = _entry(entry)
                alternatives.append(regex)
                first = None if first is None or entry_first is None else first | entry_first
            regex = "(?:" + "|".join(alternatives) + ")"
            self._list_cache[name] = (regex, frozenset(first) if first is not None else None)
        return self._list_cache[name]

    def subject(self) -> str:
        if self._subject is None:
            excluded, _ = self._list("non_subjects")
            self._subject = rf"(?!{excluded}){_ANY_WORD}"
        return self._subject


def _word(lexeme: str) -> tuple[str, frozenset[str] | None]:
    if lexeme.endswith("*") and len(lexeme) > 1:
        return re.escape(lexeme[:-1]) + "[^ ]* ", None
    return re.escape(lexeme) + " ", frozenset({lexeme})


def _entry(entry: str) -> tuple[str, frozenset[str] | None]:
    """A word-list entry as a regex, tokenised the way message text is."""
    prefix = entry.endswith("*")
    words = tokenize(fold(entry.rstrip("*")))
    if not words:
        return "(?!)", frozenset()
    regex = "".join(re.escape(w) + " " for w in words)
    if prefix:
        regex = regex[:-1] + "[^ ]* "
    first = None if prefix and len(words) == 1 else frozenset({words[0]})
    return regex, first


class PatternSet:
    """The compiled sections of one ``*.patterns.txt`` file (plus extensions)."""

    def __init__(self, name: str, lists: WordLists, *, allowed_options: frozenset[str] = frozenset()) -> None:
        self.name = name
        self.sections = lists.sections(name)
        compiler = _Compiler(lists)
        self._compiled: list[_Compiled] = []
        self._by_first_word: dict[str, list[int]] = {}
        self._unanchored: list[int] = []
        for index, section in enumerate(self.sections):
            unknown = section.options - allowed_options
            if unknown:
                raise WordListError(f"{section.source}: unknown option {', '.join(sorted(unknown))}")
            for pattern in section.patterns:
                regex, anchors = compiler.compile(pattern, f"{section.source} ({pattern})")
                order = len(self._compiled)
                self._compiled.append(_Compiled(order, index, section, re.compile(r"(?<![^ ])" + regex), pattern))
                if anchors is None:
                    self._unanchored.append(order)
                else:
                    for word in anchors:
                        self._by_first_word.setdefault(word, []).append(order)
        self._anchor_words = frozenset(self._by_first_word)

    def first_matches(
        self,
        token_set: frozenset[str],
        text_for: Callable[[PatternSection], str],
        accept: Callable[[PhraseMatch, str], bool] | None = None,
    ) -> list[PhraseMatch]:
        """The first acceptable match of each section, in file order.

        `token_set` is the message's (``PreparedMessage.token_set``): only
        patterns anchored on one of its words are tried. `text_for(section)`
        gives the text to search for a section (rules use it to drop quoted
        titles or harmless idioms first); `accept(match, searched_text)`
        lets a rule veto a match (a negation before it, the organisation's
        own appeal, ...), in which case later matches are tried.
        """
        anchored = self._anchor_words.intersection(token_set)
        if not anchored and not self._unanchored:
            return []
        orders = set(self._unanchored)
        for word in anchored:
            orders.update(self._by_first_word[word])
        found: list[PhraseMatch] = []
        section_index, finished_section, text = -1, -1, ""
        for order in sorted(orders):  # file order, so sections come together
            compiled = self._compiled[order]
            if compiled.section_index == finished_section:
                continue
            if compiled.section_index != section_index:
                section_index = compiled.section_index
                text = text_for(compiled.section)
            for regex_match in compiled.regex.finditer(text):
                match = PhraseMatch(compiled.section, regex_match.group(0).strip(), regex_match.start(), regex_match.end())
                if accept is None or accept(match, text):
                    found.append(match)
                    finished_section = section_index
                    break
        return found


def phrase_remover(entries: tuple[str, ...]) -> Callable[[str], str]:
    """A function that deletes any of `entries` (whole words) from phrase text."""
    if not entries:
        return lambda text: text
    regex = re.compile(
        r"(?<![^ ])(?:" + "|".join(_entry(e)[0] for e in sorted(entries, key=len, reverse=True)) + ")"
    )
    return lambda text: regex.sub("", text)
