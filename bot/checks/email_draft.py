"""Email drafts: a text that starts with a header block (To:, Cc:, From:, Subject: ...).

Used by the Bcc check (detectors/bcc.py) and by the email-address check, which leaves the
addresses in a header block to it. The header lines are found by hand, so that we know their
offsets in the original text, and their values are parsed with the standard library's email
package. Pasted text is often mangled, so nothing in here may raise: anything the email package
cannot make sense of falls back to picking addresses out with a regular expression.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.checks.document import EMAIL, Document
from bot.inline_markup import PLAIN, InlineMarkup

# A header line, perhaps quoted in a reply ("> To: ...").
_FIELD_LINE = re.compile(r"(?:[ \t]*>)*[ \t]*([A-Za-z][A-Za-z0-9-]{0,40})[ \t]*:(.*)")
_FENCE = re.compile(r"\s*(?:```[ \t]*\n?)?")
KNOWN_FIELDS = frozenset({"to", "cc", "bcc", "from", "subject", "date", "reply-to", "sender"})
RECIPIENT_FIELDS = ("to", "cc")
# A header block names where the email goes: at least one of these, with another known field.
_ADDRESS_FIELDS = ("to", "cc", "bcc")
# A draft pasted after a line of its own ("Draft below:") still starts its header block on a line
# that begins with a field name; we look that far into the text for it.
_HEADER_SEARCH_LIMIT = 1500
_FIELD_START = re.compile(r"^(?:[ \t]*>)*[ \t]*(?:to|cc|bcc|from|subject|date|reply-to|sender)[ \t]*:", re.IGNORECASE | re.MULTILINE)
# A Bcc line anywhere: the addresses in it are where the email goes, hidden from each other, which is
# what the policy asks for. "Bcc: a@x.com, b@y.com" is the fix, never a leak.
_BCC_LINE = re.compile(r"^[ \t>*_]*bcc[ \t*_]*[:\-\u2013][^\n]*(?:\n[ \t]+\S[^\n]*)*", re.IGNORECASE | re.MULTILINE)
_MAX_HEADER_LINES = 200


@dataclass(frozen=True, slots=True)
class HeaderField:
    name: str  # lower case
    start: int  # start of the field's first line
    end: int  # end of its last continuation line, line break excluded
    value: str


@dataclass(frozen=True, slots=True)
class HeaderBlock:
    start: int
    end: int  # just after the last header line
    fields: tuple[HeaderField, ...]

    def get(self, name: str) -> list[HeaderField]:
        return [f for f in self.fields if f.name == name]


def header_block(doc: Document) -> HeaderBlock | None:
    """The header block the text starts with, if it has one (memoised on the Document)."""
    if "header_block" not in doc.memo:
        doc.memo["header_block"] = _parse_header_block(doc.text)
    return doc.memo["header_block"]  # type: ignore[return-value]


def header_block_anywhere(doc: Document) -> HeaderBlock | None:
    """The header block the text starts with, or else the first one that starts on a later line
    ("Draft below:\nTo: ...\nBcc: ..."): the addresses in it are where the email goes. The Bcc check
    looks only at a text that starts with its header block (header_block): a draft pasted into a
    longer message is too loose a shape to call a leak on."""
    if "header_block_anywhere" not in doc.memo:
        block = header_block(doc)
        if block is None and ":" in doc.text[:_HEADER_SEARCH_LIMIT]:
            for field_start in _FIELD_START.finditer(doc.text, 0, _HEADER_SEARCH_LIMIT):
                if field_start.start() > 0:
                    block = _parse_header_block_at(doc.text, field_start.start())
                    if block is not None:
                        break
        doc.memo["header_block_anywhere"] = block
    return doc.memo["header_block_anywhere"]  # type: ignore[return-value]


def bcc_lines(doc: Document) -> list[tuple[int, int]]:
    """Where the text's Bcc lines are, (start, end) each (memoised on the Document)."""
    if "bcc_lines" not in doc.memo:
        found = [m.span() for m in _BCC_LINE.finditer(doc.text)] if "cc" in doc.text.lower() else []
        doc.memo["bcc_lines"] = found
    return doc.memo["bcc_lines"]  # type: ignore[return-value]


def _parse_header_block(text: str) -> HeaderBlock | None:
    if ":" not in text[:2000]:
        return None
    return _parse_header_block_at(text, _FENCE.match(text).end())


def _parse_header_block_at(text: str, position: int) -> HeaderBlock | None:
    block_start = position
    fields: list[tuple[str, int, int, list[str]]] = []
    lines_read = 0
    length = len(text)
    while position < length and lines_read < _MAX_HEADER_LINES:
        newline = text.find("\n", position)
        line_end = length if newline == -1 else newline
        line = text[position:line_end].rstrip("\r")
        next_position = line_end + 1
        lines_read += 1
        if line[:1] in (" ", "\t") and line.strip() and fields:
            name, start, _, parts = fields[-1]
            parts.append(line.strip())
            fields[-1] = (name, start, position + len(line), parts)
        else:
            field = _FIELD_LINE.fullmatch(line)
            if field is None:
                break
            fields.append((field.group(1).lower(), position, position + len(line), [field.group(2).strip()]))
        position = next_position
    known = [f for f in fields if f[0] in KNOWN_FIELDS]
    if len(known) < 2 or not any(f[0] in _ADDRESS_FIELDS for f in known):
        return None
    header_fields = tuple(HeaderField(name, start, end, " ".join(parts)) for name, start, end, parts in fields)
    return HeaderBlock(block_start, min(position, length), header_fields)


def recipient_addresses(values: list[str], markup: InlineMarkup = PLAIN) -> list[str]:
    """Addresses named in header values (written in `markup`), lower-cased, in order, without duplicates."""
    cleaned = [markup.as_typed(value) for value in values]
    try:
        parsed = _parse_with_email_package(cleaned)
    except Exception:  # the email package's failure modes on garbage are many and undocumented
        parsed = None
    if not parsed:
        parsed = [m.group() for value in cleaned for m in EMAIL.finditer(value)]
    seen: dict[str, None] = {}
    for address in parsed:
        seen.setdefault(address.lower(), None)
    return list(seen)


def _parse_with_email_package(values: list[str]) -> list[str]:
    # Imported here: the email package costs the CLI's start-up ~20 ms and most texts are not emails.
    from email.parser import HeaderParser
    from email.utils import getaddresses

    headers = HeaderParser().parsestr("".join(f"To: {value}\n" for value in values) + "\n")
    found = getaddresses([str(v) for v in headers.get_all("to", [])])
    return [address for _, address in found if "@" in address and EMAIL.fullmatch(address)]

