"""Seeing through text disguised to dodge a filter: invisible characters, full-width and other
compatibility forms, and letters from other scripts that look Latin.

Shared by moderation (which folds whole messages) and the outgoing checks (which must report and
redact each finding at its place in the text as written, so they normalise keeping offsets).
Plain Python, no imports from the rest of the bot, so either may use it without an import circle.
"""

from __future__ import annotations

import re
import unicodedata

# Characters a reader does not see: zero-width spaces and joiners, the soft hyphen, direction marks
# and isolates, word joiners, variation selectors, the byte-order mark, Hangul fillers and tags.
INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\U000e0000-\U000e007f]"
)

# Letters from other scripts that look like Latin ones, and typographic punctuation, mapped to what
# a reader sees. Spammers and people dodging a filter use both. Capitals too, for callers that keep
# case (moderation case-folds first, so it only meets the small letters).
LOOKALIKES = str.maketrans(
    {
        "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h",
        "о": "o", "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "і": "i",
        "ј": "j", "ѕ": "s", "ԁ": "d", "ɡ": "g", "α": "a", "β": "b", "ε": "e",
        "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u",
        "χ": "x", "ƒ": "f", "ß": "ss", "ø": "o", "ł": "l", "đ": "d",
        "А": "A", "В": "B", "Е": "E", "Ё": "E", "К": "K", "М": "M", "Н": "H",
        "О": "O", "Р": "P", "С": "C", "Т": "T", "У": "Y", "Х": "X", "І": "I",
        "Ј": "J", "Ѕ": "S", "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H",
        "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T",
        "Υ": "Y", "Χ": "X",
        "‘": "'", "’": "'", "‚": "'", "‛": "'", "´": "'", "`": "'",
        "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"',
        "–": "-", "—": "-", "‐": "-", "‑": "-", "…": "...",
    }
)


class Normalised:
    """A text with its disguises undone, and the way back to the text as written.

    ``text`` is NFKC-normalised character by character ("０" -> "0", "＠" -> "@"), with invisible
    characters dropped and look-alike letters folded; case is kept. ``span_in_original(start, end)``
    turns a span of ``text`` into the span of the original characters it came from, including any
    invisible ones between them.
    """

    __slots__ = ("_ends", "_starts", "text")

    def __init__(self, original: str):
        pieces: list[str] = []
        starts: list[int] = []  # per character of `text`: where its source character starts
        for index, char in enumerate(original):
            if char.isascii():
                pieces.append(char)
                starts.append(index)
                continue
            if INVISIBLE.match(char):
                continue
            shown = unicodedata.normalize("NFKC", char).translate(LOOKALIKES)
            pieces.append(shown)
            starts.extend([index] * len(shown))
        self.text = "".join(pieces)
        self._starts = starts
        self._ends = [start + 1 for start in starts]

    def span_in_original(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            at = self._starts[start] if start < len(self._starts) else (self._ends[-1] if self._ends else 0)
            return at, at
        return self._starts[start], self._ends[end - 1]


def normalise_keeping_offsets(text: str) -> Normalised | None:
    """The text with its disguises undone, or None when it has none (nearly every text)."""
    if text.isascii():
        return None
    normalised = Normalised(text)
    return None if normalised.text == text else normalised
