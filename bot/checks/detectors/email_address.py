"""Personal email addresses (policy 4.1, 5.5). The organisation's own domains pass.

The Document has already found every address, including the address inside a Slack
<mailto:...|...> link. Addresses in an email draft's header block are left to the Bcc check: they
are where the email goes, not something it reveals, and recipients in Bcc are fine.
"""

from __future__ import annotations

from bot.checks.context import CheckContext
from bot.checks.detectors import Span
from bot.checks.document import Document, EmailMatch
from bot.checks.email_draft import header_block
from bot.checks.findings import Kind
from bot.checks.org import OrgDomains


class EmailAddressDetector:
    def __init__(self, context: CheckContext):
        self._is_org = OrgDomains(context.org_email_domains)

    def find(self, doc: Document) -> list[Span]:
        if not doc.emails:
            return []
        block = header_block(doc)
        headers_end = block.end if block else 0
        return [
            Span(Kind.EMAIL_ADDRESS, email.start, email.end)
            for email in doc.emails
            if email.start >= headers_end and not self._is_organisations(doc, email)
        ]

    def _is_organisations(self, doc: Document, email: EmailMatch) -> bool:
        # An address at a look-alike of the organisation's domain (Cyrillic letters, hidden
        # characters) is someone pretending to be the organisation: it is never the organisation's.
        domain_start = email.end - len(email.domain)
        return self._is_org(email.domain) and doc.as_written(domain_start, email.end)

