"""A text prepared once for all the detectors.

Detectors must report spans in the original text, so nothing here changes the length of the text:
parts that no detector should read as prose (URLs, a platform's mentions and mailto:/tel: links, email
addresses) are overwritten with a mask character in ``masked``, which has the same length. That is
how "https://example.org/events/07700900123" or a mention's id stay out of the phone and name checks.
The platform that carried the text says where its markup is (bot/inline_markup.py).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

from bot.checks.lazy_regex import lazy_compile
from bot.inline_markup import PLAIN, InlineMarkup, MarkupSpan
from bot.text_normalise import Normalised

MASK = "\x00"

_BARE_URL = lazy_compile(r"\b(?:https?://|ftp://|www\.)[^\s<>\"]{1,2000}", re.IGNORECASE)

EMAIL = lazy_compile(
    r"(?<![\w.%+-])"
    r"[A-Za-z0-9_][A-Za-z0-9._%+'-]{0,63}"
    r"@"
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,8}"
    r"[A-Za-z]{2,24}"
    r"(?![\w-])"
)

# A sentence ends at . ! ? followed by white space, or at a line break. Used to keep context checks
# ("she goes to", "has epilepsy") inside the sentence they belong to.
_SENTENCE_END = lazy_compile(r"[.!?]+(?=\s)|\n")


@dataclass(frozen=True, slots=True)
class ContactLink:
    """A link whose target is itself a contact detail: mailto: or tel:.

    ``start``/``end`` cover the whole link as written; ``target_start``/``target_end`` the address or number.
    """

    scheme: str  # "mailto" or "tel"
    start: int
    end: int
    target_start: int
    target_end: int


@dataclass(frozen=True, slots=True)
class EmailMatch:
    start: int
    end: int
    domain: str  # lower case


class Document:
    """``text`` is what the detectors read: the text as written, or with its disguises undone
    (`bot.text_normalise`). ``written`` then tells, for a span of ``text``, whether it stands in the
    original exactly as it reads, or only looks that way."""

    def __init__(self, text: str, written: tuple[str, Normalised] | None = None, markup: InlineMarkup = PLAIN):
        self.text = text
        self._written = written
        self.markup = markup
        links: list[ContactLink] = []
        emails: list[EmailMatch] = []
        markup_spans = markup.spans(text)
        chars = list(text) if (markup_spans or "://" in text or "www." in text or "@" in text) else None
        if chars is not None:
            for span in markup_spans:
                self._read_markup(span, links, emails, chars)
            if "://" in text or "www." in text.lower():
                for url in _BARE_URL.finditer("".join(chars)):
                    _blank(chars, url.start(), url.end())
            if "@" in text:
                for match in EMAIL.finditer("".join(chars)):
                    domain = match.group().rsplit("@", 1)[1].lower()
                    emails.append(EmailMatch(match.start(), match.end(), domain))
                    _blank(chars, match.start(), match.end())
            self.masked = "".join(chars)
        else:
            self.masked = text
        emails.sort(key=lambda e: e.start)
        self.links = links
        self.emails = emails
        # Results other modules derive from the text once and share (e.g. the email header block).
        self.memo: dict[str, object] = {}

    def as_written(self, start: int, end: int) -> bool:
        """Does ``text[start:end]`` stand in the original exactly so, not made to look like it?"""
        if self._written is None:
            return True
        original, normalised = self._written
        original_start, original_end = normalised.span_in_original(start, end)
        return original[original_start:original_end] == self.text[start:end]

    def _read_markup(self, span: MarkupSpan, links: list[ContactLink], emails: list[EmailMatch], chars: list[str]) -> None:
        if span.contact is not None and span.contact_scheme is not None:
            target_start, target_end = span.contact
            if span.contact_scheme == "mailto":
                address = self.text[target_start:target_end]
                if EMAIL.fullmatch(address) is None:
                    _blank(chars, span.start, span.end)
                    return
                emails.append(EmailMatch(target_start, target_end, address.rsplit("@", 1)[1].lower()))
            if target_end > target_start:
                links.append(ContactLink(span.contact_scheme, span.start, span.end, target_start, target_end))
            _blank(chars, span.start, span.end)
        elif span.keep is not None:
            _blank(chars, span.start, span.keep[0])
            _blank(chars, span.keep[1], span.end)
        else:
            _blank(chars, span.start, span.end)

    @cached_property
    def lowered(self) -> str | None:
        """The masked text in lower case, when that keeps every offset (it nearly always does).

        Matching lower-case patterns against it is several times faster than re.IGNORECASE.
        str.lower() never shortens a text, and lengthens it only for a few characters such as "İ";
        if that happened, offsets would shift, so callers must fall back to re.IGNORECASE on None.
        """
        lowered = self.masked.lower()
        return lowered if len(lowered) == len(self.masked) else None

    def link_containing(self, start: int, end: int) -> ContactLink | None:
        for link in self.links:
            if link.target_start <= start and end <= link.target_end:
                return link
        return None

    @cached_property
    def _sentence_ends(self) -> list[int]:
        return [m.end() for m in _SENTENCE_END.finditer(self.masked)]

    def sentence_bounds(self, start: int, end: int | None = None) -> tuple[int, int]:
        """The sentence around [start, end): from just after the previous sentence end to the next one."""
        ends = self._sentence_ends
        end = start if end is None else end
        i = bisect_right(ends, start)
        sentence_start = ends[i - 1] if i > 0 else 0
        j = bisect_right(ends, max(end - 1, start))
        sentence_end = ends[j] if j < len(ends) else len(self.text)
        return sentence_start, sentence_end


def _blank(chars: list[str], start: int, end: int) -> None:
    chars[start:end] = MASK * (end - start)
