"""Turn a message's text into the forms the rules read.

A platform writes mentions, links and escapes in its own markup, which it reads
for us (bot/inline_markup.py); bare addresses, ``:emoji_name:`` shortcodes and
emoji are read here. Every rule wants the same cleaned-up views of that text,
so they are computed once per message here, lazily, and shared.

The views:

- ``text``: markup resolved (mentions become ``@mention``, links their label
  or nothing), escapes undone, original case. For excerpts a person reads.
- ``folded``: ``text`` lower-cased with accents, look-alike letters from other
  scripts and zero-width characters removed, so "ƒüсk" and "fuck" compare equal.
- ``tokens``: the words of ``folded``.
- ``phrase_text``: the tokens joined by single spaces, *each followed by a
  space*, with a ``.`` token where a sentence ends and the words of every
  link's address appended as a sentence of their own. Phrase patterns are
  compiled to match this form (see ``patterns.py``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlsplit

from bot.inline_markup import PLAIN, InlineMarkup
from bot.text_normalise import INVISIBLE, LOOKALIKES

# A chat message is at most 40,000 characters (Slack's limit; Teams' is lower);
# we look only at that much so one message can never be slow.
MAX_TEXT_CHARS = 40_000

MENTION_TOKEN = "@mention"
SENTENCE_BREAK = "."

_BARE_URL = re.compile(r"(?<![\w/.@])(?:https?://|www\.)[^\s<>|\"]+", re.IGNORECASE)
_EMOJI_SHORTCODE = re.compile(r":([a-z0-9_+\-']{1,64}):")
# Pictographic emoji: most of the blocks people actually type.
_EMOJI_CHAR = re.compile("[\u2600-\u27bf\U0001f000-\U0001faff]")
_COMBINING_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u20d0-\u20ff]")

# A word: letters and digits, optionally led by a currency sign, joined by
# apostrophes, hyphens or dots inside it ("you're", "drink-driving", "£3.50").
_WORD = r"[£$€]?[a-z0-9@#_]+(?:['.\-][a-z0-9_]+)*%?"
_WORD_OR_BREAK = re.compile(rf"(?P<word>{_WORD})|(?P<stop>[.!?]+(?=\s|$)|\n)")
_WORD_ONLY = re.compile(_WORD)
_QUOTED = re.compile(r'"[^"\n]{1,300}"')

# An amount of money in phrase text: "£5", "£2.50", "50p", "5 quid". Shared
# with the <money> pattern class.
MONEY = r"(?:[£$€]\d[\d.,]*k?|\d[\d.,]*(?:p|k|quid|gbp)|\d[\d.,]* (?:quid|pounds?|gbp|dollars?|euros?))"
_MONEY = re.compile(rf"(?<![^ ]){MONEY}(?= )")
_NUMBER = re.compile(r"(?<![^ ])\d[\d.,]*(?= )")
_DIGIT = re.compile(r"\d")

# Uninformative parts of a link address.
_ADDRESS_NOISE = frozenset({"http", "https", "www", "com", "org", "net", "co", "uk", "html", "php"})


@dataclass(frozen=True, slots=True)
class Link:
    """A link in a message: where it goes and the text it shows."""

    address: str
    label: str = ""

    @property
    def host(self) -> str:
        address = self.address if "://" in self.address else "http://" + self.address
        try:
            return (urlsplit(address).hostname or "").removeprefix("www.")
        except ValueError:
            return ""

    @property
    def address_words(self) -> list[str]:
        return [w for w in re.findall(r"[a-z0-9]+", fold(self.address)) if w not in _ADDRESS_NOISE]


def fold(text: str) -> str:
    """Lower-case text and strip the differences a reader doesn't see."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _COMBINING_MARKS.sub("", unicodedata.normalize("NFKD", text))
    text = INVISIBLE.sub("", text.translate(LOOKALIKES))
    return unicodedata.normalize("NFC", text)


def tokenize(folded: str) -> list[str]:
    """The words of already-folded text, without sentence breaks."""
    return _WORD_ONLY.findall(folded)


def phrase_form(folded: str) -> str:
    """Folded text in the form phrase patterns match: "word word . word "."""
    parts: list[str] = []
    for match in _WORD_OR_BREAK.finditer(folded):
        word = match.group("word")
        if word is not None:
            parts.append(word)
        elif parts and parts[-1] != SENTENCE_BREAK:
            parts.append(SENTENCE_BREAK)
    text = "".join(part + " " for part in parts)
    # A word spelt out a letter at a time ("g a y") is read as the word.
    return _SPACED_LETTERS.sub(_join_spaced, text) if _SPACED_LETTERS.search(text) else text


_SPACED_LETTERS = re.compile(r"(?<![^ ])(?:[a-z] ){3,}")


def _join_spaced(match: re.Match[str]) -> str:
    return match.group(0).replace(" ", "") + " "


def read_text(text: str, markup: InlineMarkup = PLAIN) -> tuple[str, list[Link], list[str], frozenset[str]]:
    """Read the platform's markup, then bare addresses and emoji; return (readable text, links,
    mentioned people's ids, emoji)."""
    read = markup.resolve(text, MENTION_TOKEN)
    resolved = read.text
    links = [Link(address, label) for address, label in read.links]
    mentions = list(read.mentions)
    if "http" in resolved or "www." in resolved:
        def bare(match: re.Match[str]) -> str:
            links.append(Link(match.group(0).rstrip(".,;:!?)")))
            return " "

        resolved = _BARE_URL.sub(bare, resolved)
    emoji: set[str] = set()
    if ":" in resolved:
        emoji.update(f":{name}:" for name in _EMOJI_SHORTCODE.findall(resolved))
        resolved = _EMOJI_SHORTCODE.sub(" ", resolved)
    if not resolved.isascii():
        emoji.update(_EMOJI_CHAR.findall(resolved))
    return resolved, links, mentions, frozenset(emoji)


class PreparedMessage:
    """A message's text in every form the rules read, each computed once."""

    def __init__(self, text: str, markup: InlineMarkup = PLAIN) -> None:
        self.raw = text[:MAX_TEXT_CHARS]
        self.text, self.links, self.mentions, self.emoji = read_text(self.raw, markup)
        self.folded = fold(self.text)

    @cached_property
    def tokens(self) -> list[str]:
        return tokenize(self.folded)

    @cached_property
    def phrase_text(self) -> str:
        """Sentences of the text, then each link's address words as a sentence."""
        return self._with_link_words(phrase_form(self.folded))

    @cached_property
    def unquoted_phrase_text(self) -> str:
        """phrase_text with "double-quoted" spans (titles, quotations) removed."""
        if '"' not in self.folded:
            return self.phrase_text
        return self._with_link_words(phrase_form(_QUOTED.sub(" . ", self.folded)))

    def _with_link_words(self, text: str) -> str:
        for link in self.links:
            words = link.address_words
            if words:
                text += f"{SENTENCE_BREAK} " + "".join(word + " " for word in words)
        return text

    @cached_property
    def token_set(self) -> frozenset[str]:
        """Every token, plus markers for classes of token patterns can start with."""
        words = set(self.phrase_text.split())
        if _DIGIT.search(self.phrase_text):
            if _NUMBER.search(self.phrase_text):
                words.add("<number>")
            if _MONEY.search(self.phrase_text):
                words.add("<money>")
        return frozenset(words)

    @cached_property
    def addresses_someone(self) -> bool:
        """True when the message mentions or speaks to a person."""
        return bool(self.mentions) or not _SECOND_PERSON.isdisjoint(self.tokens)


_SECOND_PERSON = frozenset(
    {"you", "u", "ur", "your", "yours", "you're", "youre", "ya", "yourself", "urself", "yall", "y'all", MENTION_TOKEN}
)
