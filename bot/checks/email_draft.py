"""Email drafts: a text that starts with a header block (To:, Cc:, From:, Subject: ...).

Used by the Bcc check (detectors/bcc.py) and by the email-address check, which leaves the
addresses in a header block to it. The header lines are found by hand, so that we know their
offsets in the original text, and their values are parsed with the standard library's email
package. Pasted text is often mangled, so nothing in here may raise: anything the email package
cannot make sense of falls back to picking addresses out with a regular expression.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.checks.document import EMAIL, Document
from bot.checks.lazy_regex import lazy_compile
from bot.inline_markup import PLAIN, InlineMarkup

# A header line, perhaps quoted in a reply ("> To: ...").
_FIELD_LINE = lazy_compile(r"(?:[ \t]*>)*[ \t]*([A-Za-z][A-Za-z0-9-]{0,40})[ \t]*:(.*)")
_FENCE = lazy_compile(r"\s*(?:```[ \t]*\n?)?")
# "Sent:" is Outlook's "Date:" in a quoted email; "Subj:" is a subject written short.
KNOWN_FIELDS = frozenset({"to", "cc", "bcc", "from", "subject", "subj", "date", "sent", "reply-to", "sender"})
RECIPIENT_FIELDS = ("to", "cc")
# A header block names where the email goes: at least one of these, with another known field.
_ADDRESS_FIELDS = ("to", "cc", "bcc")
# A draft pasted after a line of its own ("Draft below:") still starts its header block on a line
# that begins with a field name; we look that far into the text for it.
_HEADER_SEARCH_LIMIT = 1500
_FIELD_START = lazy_compile(r"^(?:[ \t]*>)*[ \t]*(?:to|cc|bcc|from|subject|subj|date|sent|reply-to|sender)[ \t]*:", re.IGNORECASE | re.MULTILINE)
# A Bcc line anywhere: the addresses in it are where the email goes, hidden from each other, which is
# what the policy asks for. "Bcc: a@x.com, b@y.com" is the fix, never a leak.
_BCC_LINE = lazy_compile(r"^[ \t>*_]*bcc[ \t*_]*[:\-\u2013][^\n]*(?:\n[ \t]+\S[^\n]*)*", re.IGNORECASE | re.MULTILINE)
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



# --- Recipients given inline ------------------------------------------------------------------
# Not every group email comes as a pasted header block. People write who it goes to in a sentence
# ("sending the rota to a@x.com, b@y.com and c@z.com"), after a greeting ("Hi Grace, To: a@x.com,
# b@y.com"), on a label line of their own ("Recipients: ...", "Send to - ..."), one address a line
# under "Can you send this to:", in a mailto: link with several addresses, or as the first line of a
# draft. A run of addresses is found by what separates them (commas, semicolons, "and", new lines,
# Outlook's display names in angle brackets); what it is for is found by the words before it
# (recipient_labels.txt, sending_words.txt) and whether it is said to be in Bcc (hidden_copy_words.txt).

@dataclass(frozen=True, slots=True)
class AddressRun:
    start: int  # from its label ("To:", "Recipients:", "cc'ing") when it has one
    end: int
    addresses: tuple[str, ...]  # lower case, in order, without duplicates
    recipients: bool  # introduced as where an email goes
    hidden: bool  # said to be in Bcc


# Between two addresses of one run: closing brackets or quotes, separators, "and", a new line (not a
# blank one), a "Cc:" between a To line's addresses and a Cc line's, then the next one's display name.
_DISPLAY_NAME = r"(?:[\"'\u2018\u201c][^\"\n]{1,60}?[\"'\u2019\u201d]|[^\W\d_][\w.'\u2019() -]{0,40}?)[ \t]*<"
_RUN_GAP = lazy_compile(
    r"[>\"')\]]*[ \t]*(?:(?:[,;/|&+]|\n(?![ \t]*\n)|\band\b|\bplus\b)[ \t>]*)*"
    r"(?:\b(?:to|cc)[ \t]*[:\-\u2013][ \t]*)?"
    rf"(?:{_DISPLAY_NAME}|<?mailto:|[(<])?",
    re.IGNORECASE,
)
_BEFORE_FIRST = lazy_compile(rf"(?:{_DISPLAY_NAME}|<?mailto:|[(<])$", re.IGNORECASE)
_AFTER_LAST = lazy_compile(r"[>\"')\]]*")
# "... are all in bcc", "(bcc'd)": a Bcc said just after the addresses.
_LEAD_LIMIT = 200
# "forgot to bcc", "should have used bcc", "instead of bcc": Bcc said but not used.
_NOT_HIDDEN = lazy_compile(
    r"(?:\bnot|n['\u2019]t|\bnever|\bforg[oe]t(?:ten)?(?:[ \t]+to)?|\binstead[ \t]+of|\brather[ \t]+than|\bwithout|"
    r"\bshould(?:['\u2019]ve|[ \t]+have)|\bmeant[ \t]+to|\bno)(?:[ \t]+(?:use|used|using|put|the|a|them|in|to|do|done))*[ \t]*$",
    re.IGNORECASE)
_SENTENCE_END = lazy_compile(r"[.!?](?=[ \t]|$)|\n[ \t]*\n")


class RecipientLists:
    """Runs of addresses in a text, and which of them say where an email goes (memoised on the Document)."""

    def __init__(self, labels: list[str] | tuple[str, ...], sending: list[str] | tuple[str, ...],
                 hidden: list[str] | tuple[str, ...], is_outside: Callable[[str], bool] = lambda address: True,
                 together: list[str] | tuple[str, ...] = ()):
        self._is_outside = is_outside
        # "... to all of them at once - a@x.com, b@y.com - in one email" (one_email_words.txt, round 14).
        self._together = lazy_compile(rf"(?<![\w-])(?:{_phrases(together)})(?![\w-])", re.IGNORECASE) if together else None
        def words(phrases: list[str] | tuple[str, ...]) -> str:
            return _phrases(phrases)

        self._label_then_mark = lazy_compile(rf"(?<![\w-])(?:{words(labels)})[ \t*_]*[:\-\u2013][ \t*_]*$", re.IGNORECASE)
        self._label = lazy_compile(
            rf"(?<![\w-])(?:{words([p for p in labels if p != 'to'])})[ \t*_]*:?[ \t*_]*$", re.IGNORECASE)
        # A label, then who the addresses are, then a colon or a dash (round 12): "cc'ing the other
        # parents: a@x.com, b@y.com", "Looping in the drum parents - ...". A few words, not a sentence.
        self._label_who = lazy_compile(
            rf"(?<![\w-])(?:{words([p for p in labels if p != 'to'])})(?:[ \t]+[\w'\u2019.&-]+){{1,7}}[ \t*_]*[:\-\u2013][ \t*_]*$",
            re.IGNORECASE)
        self._to = lazy_compile(r"(?<![\w-])to[ \t]*:?[ \t]*$", re.IGNORECASE)
        self._sending = lazy_compile(rf"(?<![\w-])(?:{words(sending)})(?![\w-])(?![ \t]+address)", re.IGNORECASE)
        self._email_verb = lazy_compile(
            r"(?<![\w-])(?:i|we|will|shall|gonna|i['\u2019]ll|we['\u2019]ll|i['\u2019]m|about to|going to|can you|could you|please)"
            r"(?:[ \t]+\w+){0,2}?[ \t]+(?:e-?mail|message)[ \t]*:?[ \t]*$", re.IGNORECASE)
        self._hidden = lazy_compile(rf"(?<![\w-])(?:{words(hidden)})(?![\w-])", re.IGNORECASE)
        self._hidden_after = lazy_compile(
            rf"^[ \t,)(\-\u2013]*(?:(?:are|is|were|was|went|go|goes|all|both|now|in|on|as|into|the|to)[ \t]+){{0,4}}(?:{words(hidden)})\b",
            re.IGNORECASE)

    def leaks(self, doc: Document) -> list[AddressRun]:
        """Runs introduced as where an email goes, not said to be in Bcc, with more than one person's
        address outside the organisation: everyone on them would see everyone else's address."""
        return [run for run in self.runs(doc) if run.recipients and not run.hidden
                and sum(1 for address in run.addresses if self._is_outside(address)) >= 2]

    def left_to_bcc_check(self, doc: Document) -> list[tuple[int, int]]:
        """Where addresses are the Bcc check's business, not the email-address check's: runs said to
        be in Bcc (the fix), and runs that are a Bcc finding already (not reported twice)."""
        return [(run.start, run.end) for run in self.runs(doc) if run.hidden] + [
            (run.start, run.end) for run in self.leaks(doc)]

    def runs(self, doc: Document) -> list[AddressRun]:
        if "address_runs" not in doc.memo:
            doc.memo["address_runs"] = self._find(doc) if doc.emails else []
        return doc.memo["address_runs"]  # type: ignore[return-value]

    def _find(self, doc: Document) -> list[AddressRun]:
        text = doc.text
        groups: list[list] = [[doc.emails[0]]]
        for email in doc.emails[1:]:
            previous = groups[-1][-1]
            if email.start >= previous.end and _RUN_GAP.fullmatch(text, previous.end, email.start):
                groups[-1].append(email)
            else:
                groups.append([email])
        # A lone address matters here only when it is said to be in Bcc.
        says_hidden = self._hidden.search(text) is not None
        return [self._run(doc, group) for group in groups if len(group) > 1 or says_hidden]

    def _run(self, doc: Document, group: list) -> AddressRun:
        text = doc.text
        start, end = group[0].start, group[-1].end
        before_first = _BEFORE_FIRST.search(text, max(0, start - 50), start)
        if before_first is not None:
            start = before_first.start()
        end = _AFTER_LAST.match(text, end).end()
        seen: dict[str, None] = {}
        for email in group:
            seen.setdefault(text[email.start:email.end].lower(), None)
        # The words before it on its line (no further back than a long sentence).
        line_start = text.rfind("\n", max(0, start - _LEAD_LIMIT), start) + 1 or max(0, start - _LEAD_LIMIT)
        lead = text[line_start:start]
        sentence_breaks = list(_SENTENCE_END.finditer(lead))
        if sentence_breaks:
            last = sentence_breaks[-1]
            if not lead[last.end():].strip() and last.group() in ("?", ":"):
                # "Can you message the three tutors in one go? a@x.com and b@y.com": the question
                # before the addresses says what they are for.
                earlier = lead[:last.start()]
                lead = earlier[sentence_breaks[-2].end():] + ":" if len(sentence_breaks) > 1 else earlier + ":"
            else:
                lead = lead[last.end():]
        if not lead.strip() and line_start > 0:
            # One address a line, under the line that says what they are for ("Send to:", "Can you
            # forward this to these?").
            previous_start = text.rfind("\n", max(0, line_start - 1 - _LEAD_LIMIT), line_start - 1) + 1 \
                or max(0, line_start - 1 - _LEAD_LIMIT)
            lead = text[previous_start:line_start - 1].rstrip()
            lead = lead[:-1] if lead.endswith(("?", ":")) else lead
            lead = lead if lead.strip() else ""
            if lead:
                lead = lead + ":"
        after = text[end:end + 40]
        hidden = any(not _NOT_HIDDEN.search(lead, max(0, said.start() - 30), said.start())
                     for said in self._hidden.finditer(lead)) or self._hidden_after.match(after) is not None
        recipients, label_start = self._recipients(lead)
        if not recipients and self._together is not None and self._sending.search(lead) is not None:
            # "I'll send it to all of them at once - a@x.com, b@y.com - in one email".
            recipients = bool(self._together.search(lead) or self._together.search(text[end:end + 60].split(".")[0]))
        if recipients and label_start is not None and start - len(lead) + label_start >= line_start:
            start = start - len(lead) + label_start
        if before_first is not None and "mailto" in before_first.group().lower():
            recipients = recipients or len(group) > 1  # "mailto:a@x.com,b@y.com?subject=..."
        if not recipients and not text[:start].strip():
            # The first line of a draft is who it goes to: "a@x.com, b@y.com\n\nDear all, ..."
            line_end = text.find("\n", end)
            recipients = line_end >= 0 and not text[end:line_end].strip(" \t,;.") and bool(text[line_end:].strip())
        return AddressRun(start, end, tuple(seen), recipients, hidden)

    def _recipients(self, lead: str) -> tuple[bool, int | None]:
        """Do the words before a run say it is where an email goes, and where does that label start?"""
        stripped = lead.rstrip()
        if not stripped:
            return False, None
        for pattern in (self._label_then_mark, self._label, self._label_who):
            found = pattern.search(stripped)
            if found is not None:
                return True, found.start()
        if self._email_verb.search(stripped):
            return True, None
        if stripped.endswith(":") or self._to.search(stripped):
            # "email list for the thank-you: ...", "sending the rota to ...": a word of sending before.
            return self._sending.search(stripped) is not None, None
        return False, None


def _phrases(phrases: list[str] | tuple[str, ...]) -> str:
    from bot.checks.wordlists import phrase_pattern

    # An apostrophe in a list entry ("cc'ing") stands for any apostrophe, or none.
    return phrase_pattern(phrases).replace("'", "['\u2019]?")
