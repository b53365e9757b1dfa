"""Emails to a group with everyone's address on show (policy 5.5).

"When sending emails to groups of people, we'll use the 'BCC' facility to avoid sharing e-mail
addresses." A draft whose To and Cc lines between them name more than one address outside the
organisation is a finding; any number of recipients in Bcc is fine. The finding covers the To/Cc
lines, from the first of them to the last. The draft may follow a line of its own ("Can someone check
this before I send?", "Fwd: reminder") and a blank line, or a forwarding line: its header block still says where the email goes.
"""

from __future__ import annotations

import re

from bot.checks.context import CheckContext
from bot.checks.detectors import Span
from bot.checks.document import Document
from bot.checks.email_draft import (
    RECIPIENT_FIELDS,
    RecipientLists,
    header_block,
    header_block_anywhere,
    recipient_addresses,
)
from bot.checks.findings import Kind
from bot.checks.lazy_regex import lazy_compile
from bot.checks.org import GenericMailboxes, OrgDomains
from bot.checks.wordlists import entries

# ... or right below a line that introduces it ("Here's what I'm sending:", "Draft (not sent yet)"), or below a mail
# program's forwarding line ("----- Forwarded message -----").
_PARAGRAPH_BEFORE = lazy_compile(
    r"(?:\n[ \t]*\n|:[ \t]*\n|^[^\n]*\b(?:draft|below|sending|check|fwd|forwarding)\b[^\n]*\n|^[ \t>]*-*[ \t]*(?:forwarded[ \t]+message|original[ \t]+message|begin[ \t]+forwarded[ \t]+message:?)[ \t]*-*[ \t]*\n)[ \t>]*\Z",
    re.IGNORECASE | re.MULTILINE,
)


class BccDetector:
    def __init__(self, context: CheckContext):
        self._is_org = OrgDomains(context.org_email_domains)
        self._is_generic = generic_mailboxes(context)
        self._lists = recipient_lists(context)

    def find(self, doc: Document) -> list[Span]:
        spans = [Span(Kind.BCC, run.start, run.end) for run in self._lists.leaks(doc)] if len(doc.emails) > 1 else []
        return spans + self._header_block(doc)

    def _header_block(self, doc: Document) -> list[Span]:
        block = header_block(doc)
        if block is None:
            block = header_block_anywhere(doc)
            # A draft pasted below a note of its own starts a paragraph: "Hi all,\nTo: ..." is a
            # message that mentions a To line, not a draft.
            if block is None or not _PARAGRAPH_BEFORE.search(doc.text, 0, block.start):
                return []
        recipient_fields = [f for f in block.fields if f.name in RECIPIENT_FIELDS]
        addresses = recipient_addresses([f.value for f in recipient_fields], doc.markup)
        # People's addresses outside the organisation: "info@venue" and "bookings@hall" are not people,
        # nor is "name@example.com"; "jo@venue.example.co.uk" stands for someone at a real organisation.
        outside = [a for a in addresses if not self._is_org(a.rsplit("@", 1)[1]) and not self._is_generic.is_mailbox(a)]
        if len(outside) < 2:
            return []
        return [Span(Kind.BCC, recipient_fields[0].start, recipient_fields[-1].end)]


def recipient_lists(context: CheckContext) -> RecipientLists:
    """Runs of addresses given inline as where an email goes (email_draft.RecipientLists), with the
    organisation's own addresses and its general mailboxes not counted as people's."""
    is_org = OrgDomains(context.org_email_domains)
    is_generic = generic_mailboxes(context)
    return RecipientLists(
        entries("recipient_labels", context.extra_terms),
        entries("sending_words", context.extra_terms),
        entries("hidden_copy_words", context.extra_terms),
        lambda address: not is_org(address.rsplit("@", 1)[1]) and not is_generic.is_mailbox(address),
        entries("one_email_words", context.extra_terms),
    )


def generic_mailboxes(context: CheckContext) -> GenericMailboxes:
    """Organisations' mailboxes (generic_mailboxes.txt), and local parts made of role words
    (mailbox_role_words.txt: "grants.team@", "accountspayable@") at an organisation's domain."""
    return GenericMailboxes(entries("generic_mailboxes", context.extra_terms),
                            entries("mailbox_role_words", context.extra_terms),
                            entries("forenames", context.extra_terms),
                            entries("mail_providers", context.extra_terms))
