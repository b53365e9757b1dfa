"""Numbers read out in words, one reading for every detector that needs it.

People say a phone number or a door code the way they would read it aloud: "oh seven seven double two,
four one five ...", "treble five", "one-nine-eight-four", "nineteen eighty-four", or half in figures,
"07 eight 9 two". The words and what they stand for are data (spoken_digits.txt, and the repeating words
of spoken_repeats.txt, "double", "treble"), which an organisation extends like any word list
("niner 9"). The phone detector and the secret detector both find runs with ``run_pattern`` and read
them with ``read``; neither keeps its own copy of the words.

A run has at least one word in it: a run of figures alone is the detectors' ordinary business.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from bot.checks.lazy_regex import lazy_compile
from bot.checks.wordlists import entries, phrase_pattern

# Between the words of a run: spaces, or a comma, hyphen, dash or slash with spaces about it.
_SEPARATOR = r"(?:[ \t]*[,\-\u2013/][ \t]*|[ \t]+)"


def _pairs(name: str, extra_terms: Mapping[str, Sequence[str]] | None) -> dict[str, str]:
    pairs = {}
    for entry in entries(name, extra_terms):
        word, _, value = entry.rpartition(" ")
        if word and value:
            pairs[word.lower()] = value
    return pairs


class SpokenDigits:
    def __init__(self, extra_terms: Mapping[str, Sequence[str]] | None = None):
        self.words = _pairs("spoken_digits", extra_terms)
        self.repeats = {word: int(times) for word, times in _pairs("spoken_repeats", extra_terms).items() if times.isdigit()}
        self.zero_words = tuple(word for word, digits in self.words.items() if digits == "0")
        # "eighty-four" is one number; "eighty" alone is 80.
        tens = [w for w, d in self.words.items() if len(d) == 2 and d.endswith("0") and d != "10"]
        units = [w for w, d in self.words.items() if len(d) == 1 and d != "0"]
        repeat = phrase_pattern(self.repeats)
        tens_unit = rf"(?:{phrase_pattern(tens)})(?:[ \t]*-[ \t]*|[ \t]+)(?:{phrase_pattern(units)})"
        self.word = (rf"(?:(?:{repeat})(?:[ \t]+|[ \t]*-[ \t]*))?(?:{tens_unit}|{phrase_pattern(self.words)})(?![\w'\u2019])"
                     rf"|(?:{repeat})(?:[ \t]+|[ \t]*-[ \t]*)\d(?![\w'\u2019])")
        self._token = lazy_compile(
            rf"(?:(?P<repeat>{repeat})(?:[ \t]+|[ \t]*-[ \t]*))?(?:(?P<tens>{phrase_pattern(tens)})(?:[ \t]*-[ \t]*|[ \t]+)(?P<unit>{phrase_pattern(units)})"
            rf"|(?P<word>{phrase_pattern(self.words)})(?![\w'\u2019])|(?P<figures>\d+))",
            re.IGNORECASE)

    def run_pattern(self, figures: int = 4, most: int = 12) -> str:
        """A run of spoken digits, figures of up to ``figures`` digits among them, at least one a word.
        No groups, so callers can put it inside their own."""
        figure = rf"\d{{1,{figures}}}(?![\w'\u2019]|[.,:]\d)"
        token = rf"(?:{self.word}|{figure})"
        return (rf"(?<![\w'\u2019-])(?:{figure}{_SEPARATOR}){{0,{most}}}(?:{self.word})"
                rf"(?:{_SEPARATOR}{token}){{0,{most}}}")

    def tokens(self, text: str) -> list[tuple[int, int, str]]:
        """Each number said in ``text`` (a run found by run_pattern): where it is and its digits."""
        found = []
        for match in self._token.finditer(text):
            if match.group("tens"):
                digits = self.words[match.group("tens").lower()][0] + self.words[match.group("unit").lower()]
            elif match.group("word"):
                digits = self.words[" ".join(match.group("word").lower().split())]
            else:
                digits = match.group("figures")
            if match.group("repeat"):
                digits *= self.repeats[match.group("repeat").lower()]
            found.append((match.start(), match.end(), digits))
        return found

    def read(self, text: str) -> str:
        """The digits a run stands for: "double two, oh 4" is "2204"."""
        return "".join(digits for _, _, digits in self.tokens(text))
