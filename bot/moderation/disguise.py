"""Find listed words however they are disguised, without Scunthorpe alarms.

A word counts when one of a message's words *is* a listed word, not when it
merely contains one: that is what keeps "Scunthorpe", "assess", "class" and
"cocktail" quiet. Entries can widen that on purpose with a ``*``:
``fuck*`` (starts with), ``*fucker`` (ends with) and ``*fuck*`` (contains)
are for stems that have no innocent neighbours. ``false_alarms.txt`` and
``mild_words.txt`` win over every list.

Disguises seen through:

- leetspeak and symbols: "sh1t", "$hit", "b!tch", "@rse" (each symbol tried as
  the letters it can stand for);
- masking: "f*ck", "f**k", "s***" (stars stand for one or more letters);
  a pound sign or a caret inside a word masks a letter too ("f£cking", "sh^t");
- stretching: "fuuuuck", "shiiit";
- spacing and dotting: "f u c k", "f.u.c.k", "f-u-c-k"; and, when the
  pieces join into exactly a listed word, pairs among the letters ("sh i t e",
  "fu c k i ng": round 19);
- accents and look-alike letters from other scripts (handled by ``fold``).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from .text import MENTION_TOKEN

# What each symbol can stand for in leetspeak.
_LEET: dict[str, str] = {
    "0": "o", "1": "il", "2": "z", "3": "e", "4": "a", "5": "s", "6": "g", "7": "t",
    "8": "b", "9": "g", "@": "a", "$": "s", "!": "i", "|": "il", "€": "e", "+": "t",
}
_MASK_CHARS = "*#%£^"
_MAX_LEET_VARIANTS = 16
# "a**" or "b*" could be anything; four characters are the least that say
# which word they hide.
_MIN_MASKED_LENGTH = 4
_WORD_CACHE_LIMIT = 50_000
_NOT_LOOKED_UP = object()
_VOWELS = frozenset("aeiou")

# A letter, digit or symbol standing alone, three or more in a row, joined by
# spaces or punctuation: "f u c k", "f.u.c.k", "s-h-1-t".
_UNIT = r"[a-z0-9@$!*|]"
_SPACED_RUN = re.compile(rf"(?<![a-z0-9@$!*|]){_UNIT}(?:[ .\-_,/\\+~]{{1,3}}{_UNIT}){{2,}}(?![a-z0-9@$!*|])")
_MAX_SPACED_RUN = 200
# Pieces of one or two letters, three or more, at least two of them single:
# "sh i t e". Read only as a whole listed word, never as a word inside it.
_CHUNKED_RUN = re.compile(r"(?<![a-z0-9@$!*|])[a-z]{1,2}(?:[ .\-]{1,3}[a-z]{1,2}){2,}(?![a-z0-9@$!*|])")
_WORDISH = re.compile(r"[^\s\-/.,~_:;\"'()\[\]{}<>?]+")
_DOUBLED = re.compile(r"([a-z])\1")


@dataclass(frozen=True, slots=True)
class WordHit:
    """A listed word found in a text."""

    entry: str  # the listed word it is (for a glob entry, the word as found)
    category: str  # e.g. "profanity", "slur": which list it came from
    shown: str  # what the message actually has, e.g. "f u c k"
    disguised: bool
    start: int  # span of `shown` in the searched (folded) text
    end: int


def squeeze(word: str) -> str:
    """Collapse runs of one letter: "fuuuck" -> "fuck", "bollocks" -> "bolocks"."""
    return re.sub(r"([a-z])\1+", r"\1", word)


def leet_variants(word: str) -> list[str]:
    """The letter spellings a word with symbols or digits could stand for."""
    options = [_LEET.get(ch, ch) if not ch.isalpha() else ch for ch in word]
    variants = []
    for combination in itertools.islice(itertools.product(*options), _MAX_LEET_VARIANTS):
        variants.append("".join(combination))
    return variants


def mask(word: str, category: str, *, disguised: bool = False) -> str:
    """Show a word safely: slurs keep only their first letter; swear words
    lose their vowels ("f*ck"), or everything after the first letter when
    they were disguised (so "sh1t" is not simply spelt back out)."""
    if category != "profanity" or disguised:
        return " ".join(w[:1] + "*" * (len(w) - 1) for w in word.split())
    masked_words = []
    for w in word.split():
        masked = w[:1] + "".join("*" if ch in _VOWELS else ch for ch in w[1:])
        if masked == w and len(w) > 1:  # no vowel to hide ("fck")
            masked = w[0] + "*" + w[2:]
        masked_words.append(masked)
    return " ".join(masked_words)


class DisguisedWordFinder:
    """Finds the entries of several categories of word list in folded text."""

    def __init__(self, categories: dict[str, tuple[str, ...]], allowed: tuple[str, ...]) -> None:
        self._plain_words: dict[str, tuple[str, str, bool] | None] = {}
        self._exact: dict[str, tuple[str, str]] = {}
        self._squeezed: dict[str, tuple[str, str]] = {}
        self._by_first_letter: dict[str, list[tuple[str, str]]] = {}
        self._lengths: set[int] = set()
        glob_parts: list[str] = []
        # (stem, category, where the stem may sit: "prefix", "suffix", "infix")
        self._glob_shapes: list[tuple[str, str, str]] = []
        exact_entries: list[tuple[str, str]] = []
        phrase_parts: list[str] = []
        self._phrase_categories: list[tuple[str, str]] = []
        for category, entries in categories.items():
            for entry in entries:
                if " " in entry:
                    phrase_parts.append(rf"(?P<p{len(self._phrase_categories)}>{_phrase_regex(entry)})")
                    self._phrase_categories.append((entry, category))
                elif "*" in entry.strip("*") or entry.strip("*") == "":
                    raise ValueError(f"{category}: {entry!r}: * may only start or end an entry")
                elif entry.startswith("*") or entry.endswith("*"):
                    stem = entry.strip("*")
                    before = "[a-z]*" if entry.startswith("*") else ""
                    after = "[a-z]*" if entry.endswith("*") else ""
                    glob_parts.append(rf"(?P<g{len(self._glob_shapes)}>{before}{re.escape(stem)}{after})")
                    where = "infix" if before and after else "prefix" if after else "suffix"
                    self._glob_shapes.append((stem, category, where))
                else:
                    self._exact.setdefault(entry, (entry, category))
                    self._squeezed.setdefault(squeeze(entry), (entry, category))
                    exact_entries.append((entry, category))
                    self._lengths.add(len(entry))
        # Masked words ("f**k") are read as a * entry's stem first, then as
        # the whole words, each in list order.
        for entry, category in [(stem, category) for stem, category, _ in self._glob_shapes] + exact_entries:
            self._by_first_letter.setdefault(entry[0], []).append((entry, category))
        self._globs = re.compile("|".join(glob_parts)) if glob_parts else None
        self._phrases = re.compile(r"(?<![a-z])(?:" + "|".join(phrase_parts) + r")(?![a-z])") if phrase_parts else None
        self._allowed_words = frozenset(a for a in allowed if " " not in a)
        allowed_phrases = [a for a in allowed if " " in a]
        self._allowed_phrases = (
            re.compile(r"(?<![a-z0-9])(?:" + "|".join(_phrase_regex(a) for a in allowed_phrases) + r")(?![a-z0-9])")
            if allowed_phrases
            else None
        )

    # -- looking a single word up -------------------------------------------

    def _lookup(self, form: str) -> tuple[str, str, bool] | None:
        """(entry, category, stretched?) for a word made only of letters."""
        if form in self._allowed_words:
            return None
        found = self._exact.get(form)
        if found:
            return found[0], found[1], False
        glob = self._glob(form)
        if glob:
            return form, glob[1], False
        if _DOUBLED.search(form):
            squeezed = squeeze(form)
            if squeezed != form and squeezed not in self._allowed_words:
                found = self._squeezed.get(squeezed)
                if found:
                    return found[0], found[1], True
                glob = self._glob(squeezed)
                if glob:
                    return glob[0], glob[1], True
        return None

    def _glob(self, form: str) -> tuple[str, str] | None:
        """(stem, category) when a * entry matches: "fucking" -> ("fuck", ...)."""
        if self._globs is None:
            return None
        match = self._globs.fullmatch(form)
        if match is None:
            return None
        stem, category, _ = self._glob_shapes[int(match.lastgroup[1:])]
        return stem, category

    def _lookup_masked(self, word: str) -> tuple[str, str] | None:
        """A word with stars for letters: "f*ck", "f**k", "s***", "motherf**ker"."""
        letters = sum(ch.isalpha() for ch in word)
        if letters < 1 or len(word) < _MIN_MASKED_LENGTH or word[0] in _MASK_CHARS:
            return None
        word = re.sub(f"[{re.escape(_MASK_CHARS)}]", "*", word)
        # A * entry's stem in the word ("motherf**ker", "f*cking" have "f*ck").
        for stem, category, where in self._glob_shapes:
            if len(stem) > len(word):
                continue
            if where == "prefix":
                spans = [0]
            elif where == "suffix":
                spans = [len(word) - len(stem)]
            else:
                spans = range(len(word) - len(stem) + 1)
            for i in spans:
                span = word[i : i + len(stem)]
                # "****" fits any four letters: a span must show two of its
                # letters, unless it is the whole word ("f***").
                if _fits(span, stem) and (len(span) == len(word) or len(span) - span.count("*") >= 2):
                    return stem, category
        # Then one star per letter, whole word ("sh*t", "s***").
        for entry, category in self._by_first_letter.get(word[0], ()):
            if len(entry) == len(word) and _fits(word, entry):
                return entry, category
        # Stars standing for more or fewer letters than they are ("f*king").
        shape = re.compile("".join(
            f"[a-z]{{1,{len(p) + 2}}}" if p.startswith("*") else re.escape(p) for p in re.split(r"(\*+)", word)
        ))
        for entry, category in self._by_first_letter.get(word[0], ()):
            if shape.fullmatch(entry):
                return entry, category
        return None

    def _word_hit(self, word: str, start: int) -> WordHit | None:
        if word.isalpha():
            # Chat repeats its words, so plain words are looked up once.
            found = self._plain_words.get(word, _NOT_LOOKED_UP)
            if found is _NOT_LOOKED_UP:
                if len(self._plain_words) >= _WORD_CACHE_LIMIT:
                    self._plain_words.clear()  # bounded: memory stays flat
                found = self._plain_words[word] = self._lookup(word)
            if found:
                entry, category, stretched = found
                return WordHit(entry, category, word, stretched, start, start + len(word))
            return None
        if word == MENTION_TOKEN or not any(ch.isalpha() for ch in word):
            return None
        if any(ch in _MASK_CHARS for ch in word):
            found_masked = self._lookup_masked(word)
            if found_masked:
                return WordHit(found_masked[0], found_masked[1], word, True, start, start + len(word))
            return None
        variants = leet_variants(word)
        if any(v in self._allowed_words for v in variants):
            return None
        for variant in variants:
            found = self._lookup(variant) if variant.isalpha() else None
            if found:
                return WordHit(found[0], found[1], word, True, start, start + len(word))
        return None

    # -- searching text -------------------------------------------------------

    def find(self, folded: str) -> list[WordHit]:
        """Every listed word in `folded` (text already passed through fold())."""
        hits: list[WordHit] = []
        working = folded
        if self._allowed_phrases is not None:
            working = self._allowed_phrases.sub(lambda m: " " * len(m.group(0)), working)
        working = self._find_spaced_out(working, hits)
        for match in _WORDISH.finditer(working):
            word, start = match.group(0), match.start()
            if word.startswith("#"):
                word, start = word.lstrip("#"), start + len(word) - len(word.lstrip("#"))
            if len(word) > 2 and word[0] == "*" and word[-1] == "*":  # *bold* in Slack
                word, start = word[1:-1], start + 1
            word = word.rstrip("!")  # "shit!!"; a "!" inside ("sh!t") stays
            if word:
                hit = self._word_hit(word, start)
                if hit:
                    hits.append(hit)
        if self._phrases is not None:
            for match in self._phrases.finditer(working):
                entry, category = self._phrase_categories[int(match.lastgroup[1:])]
                hits.append(WordHit(entry, category, match.group(0), False, match.start(), match.end()))
        hits.sort(key=lambda h: h.start)
        return hits

    def _find_spaced_out(self, working: str, hits: list[WordHit]) -> str:
        """Find words spelt out a letter at a time; blank them out of `working`."""
        if not self._lengths:
            return working
        for match in _SPACED_RUN.finditer(working):
            run = match.group(0)[:_MAX_SPACED_RUN]
            units = re.findall(_UNIT, run)
            if sum(ch.isalpha() for ch in units) < 2:
                continue  # "1 2 3 4"
            found = self._find_in_joined(units)
            if found:
                entry, category = found
                hits.append(WordHit(entry, category, match.group(0), True, match.start(), match.end()))
                working = working[: match.start()] + " " * len(match.group(0)) + working[match.end() :]
        for match in _CHUNKED_RUN.finditer(working):
            pieces = re.findall(r"[a-z]+", match.group(0)[:_MAX_SPACED_RUN])
            if sum(len(p) == 1 for p in pieces) < 2 or all(len(p) == 1 for p in pieces):
                continue
            joined = "".join(pieces)
            found = None if joined in self._allowed_words else self._lookup(joined)
            if found:
                glob = self._glob(found[0]) or self._glob(squeeze(found[0]))
                entry, category = (glob[0], glob[1]) if glob else (found[0], found[1])
                hits.append(WordHit(entry, category, match.group(0), True, match.start(), match.end()))
                working = working[: match.start()] + " " * len(match.group(0)) + working[match.end() :]
        return working

    def _find_in_joined(self, units: list[str]) -> tuple[str, str] | None:
        """A listed word anywhere in the joined letters ("i s h i t" has "shit")."""
        joined_forms = leet_variants("".join(units)) if any(not u.isalpha() for u in units) else ["".join(units)]
        for joined in joined_forms:
            if joined in self._allowed_words:
                return None
            whole = self._lookup(joined) if joined.isalpha() else None
            if whole:
                # A * entry matched the whole run: name its stem, since the
                # run may have swallowed neighbouring one-letter words
                # ("a f u c k i n g" is "a" + "fucking").
                glob = self._glob(whole[0]) or self._glob(squeeze(whole[0]))
                return (glob[0], glob[1]) if glob else (whole[0], whole[1])
            for length in sorted(self._lengths, reverse=True):
                if length < 4:
                    break  # three letters inside a longer run are chance ("a b c")
                for i in range(len(joined) - length + 1):
                    found = self._exact.get(joined[i : i + length])
                    if found:
                        return found
        return None

    def mask_text(self, folded: str) -> str:
        """`folded` with every listed word in it masked (for quoting in reasons)."""
        result = folded
        for hit in sorted(self.find(folded), key=lambda h: h.start, reverse=True):
            shown = mask(hit.shown, hit.category, disguised=hit.disguised or hit.shown != hit.entry)
            result = result[: hit.start] + shown + result[hit.end :]
        return result


def spelt_out(folded: str) -> list[tuple[str, str]]:
    """Words spelt out a letter at a time ("c o w", "s.l.a.g"), letters only:
    (the joined word, as written). Round 15 (abx): spacing a word out is
    deliberate, unlike masking ("c*w"), so a rule may read even a three-letter
    word from it; a run of several words ("c a t, d o g") joins to no word."""
    found: list[tuple[str, str]] = []
    for match in _SPACED_RUN.finditer(folded):
        units = re.findall(_UNIT, match.group(0)[:_MAX_SPACED_RUN])
        if all(u.isalpha() for u in units):
            found.append(("".join(units), match.group(0)))
    return found


def _fits(masked: str, word: str) -> bool:
    """Does `masked` ("f**k") spell `word` ("fuck"), each star one letter?"""
    return len(masked) == len(word) and all(m == w or (m == "*" and w.isalpha()) for m, w in zip(masked, word, strict=True))


def _phrase_regex(entry: str) -> str:
    """A multi-word entry, its words joined by any spaces or hyphens."""
    return r"[\s\-]+".join(re.escape(word) for word in entry.split())
