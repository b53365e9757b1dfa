"""Personal email addresses (policy 4.1, 5.5). The organisation's own domains pass.

The Document has already found every address, including the address inside a Slack
<mailto:...|...> link. Addresses in an email draft's header block are left to the Bcc check: they
are where the email goes, not something it reveals, and recipients in Bcc are fine; so are the
addresses on a Bcc line anywhere in the text (a Bcc line is the fix, not the leak). An email someone
outside sent, pasted with its headers ("From: finance@venue.org / To: abi.k@gmail.com"), is not a
draft: a person's address on its From, To or Cc line is on show (round 14).

Organisations' mailboxes are not people's (generic_mailboxes.txt), wherever they appear: "info@",
"bookings@", and local parts made of role words ("grants.team@", "hub.admin@", "accountspayable@",
mailbox_role_words.txt) at an organisation's domain.

An address written to get past filters is still an address: "jo dot bloggs at gmail dot com",
"kai.w2009 [at] yahoo [dot] com", "mike (at) outlook (dot) com". A plain " at " counts only when the
domain is spelt with "dot" or is an email provider's (mail_providers.txt: "toby04 at gmail.com"),
so that "meet Sue at the Roses Theatre" stays a sentence. So is one spelt a character at a time
("b e n . w a r d @ g m a i l . c o m").
"""

from __future__ import annotations

import re

from bot.checks.context import CheckContext
from bot.checks.detectors import Span
from bot.checks.detectors.bcc import generic_mailboxes, recipient_lists
from bot.checks.document import EMAIL, Document, EmailMatch
from bot.checks.email_draft import RECIPIENT_FIELDS, bcc_lines, header_block_anywhere, recipient_addresses
from bot.checks.findings import Kind
from bot.checks.lazy_regex import lazy_compile
from bot.checks.org import OrgDomains
from bot.checks.wordlists import entries, phrase_pattern

# "[at]", "(at)", and the signs themselves in brackets: "amelia.c(@)gmail(.)com", "danny [@] gmail [.] com".
_BRACKETED_AT = r"[ \t]*[\[({<][ \t]*(?:at|@)[ \t]*[\])}>][ \t]*"
_BRACKETED_DOT = r"[ \t]*[\[({<][ \t]*(?:dot|\.)[ \t]*[\])}>][ \t]*"
_WORD_AT = r"[ \t]+(?:at|AT|At)[ \t]+"
# "jo.b @ gmail.com": an at sign with spaces round it, to get past filters.
_SPACED_AT = r"[ \t]+@[ \t]*|@[ \t]+"
# "sophieroseATgmailDOTcom": AT and DOT in capitals run into a lower-case address.
_GLUED = lazy_compile(r"(?<![\w.@])[a-z0-9][a-z0-9._]{1,63}AT[a-z0-9][a-z0-9-]{1,62}(?:DOT[a-z0-9-]{1,62}){0,3}DOT(?:com|co|uk|org|net|me|io)\b")
# "gmail . com": a dot with spaces round it, as "dot" is.
_WORD_DOT = r"[ \t]+(?:dot|DOT|Dot|\.)[ \t]+"
# "b e n . w a r d @ g m a i l . c o m": one character at a time, spaces between.
_LETTER_SPACED = lazy_compile(
    r"(?<![\w.@])[A-Za-z0-9](?:[ \t][A-Za-z0-9._%+-]){1,63}[ \t]@[ \t][A-Za-z0-9](?:[ \t][A-Za-z0-9.-]){3,100}(?![\w@])"
)
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_LOCAL = r"[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}"
_TLDS = r"(?:com|co|uk|org|net|edu|gov|ac|sch|io|me|info|biz|de|fr|ie|us|eu)"
_DISGUISED = lazy_compile(
    rf"(?<![\w.@-])(?P<local>{_LOCAL}(?:(?:{_WORD_DOT}|{_BRACKETED_DOT}){_LOCAL})*)"
    rf"(?P<at>{_BRACKETED_AT}|{_WORD_AT}|{_SPACED_AT}|@)"
    rf"(?P<domain>{_LABEL}(?:(?:{_WORD_DOT}|{_BRACKETED_DOT}|\.){_LABEL}){{0,4}}(?:{_WORD_DOT}|{_BRACKETED_DOT}|\.){_TLDS})\b"
)
# Words before " at " that are not the local part of an address: "contact us at", "meet me at".
_NOT_A_LOCAL_PART = frozenset(
    ["us", "me", "we", "are", "is", "be", "here", "there", "them", "him", "her", "you", "it", "look", "meet", "see",
     "arrive", "arriving", "start", "starts", "and", "or", "online", "info", "email", "mail", "find", "visit",
     "reach", "contact", "message", "write", "both", "all", "everyone", "site", "website", "web"]
)
_SPACED_LOCAL_WORD = lazy_compile(r"(?<![\w.@-])(?P<word>[a-z0-9][a-z0-9._-]{0,30})[ \t]+$")
_LEAD_IN_WORDS = frozenset(["to", "it", "send", "sent", "on", "my", "his", "her", "their", "address", "is", "was",
                            "at", "via", "from", "or", "and", "the", "a", "new", "email", "emails", "e-mail", "mail"])
_DISGUISE_MARKERS = (" @", "@ ", " at ", " AT ", " At ", "[at]", "(at)", "{at}", "<at>", "[ at ]", "( at )", " dot ", " DOT ",
                     "(@)", "[@]", "{@}", "<@>")
# "jess.okoro at gmail": an address-shaped name (a dot, an underscore or a digit in it) "at" an email
# provider (mail_providers.txt), with the ".com" left off so no filter sees an address.
_ADDRESS_SHAPED_LOCAL = lazy_compile(r"(?<![\w.@-])(?=[A-Za-z0-9._-]*[A-Za-z]{2})[A-Za-z][A-Za-z0-9-]*[._0-9][A-Za-z0-9._-]*$")
# "aishabeatz at icloud": a name with no dot, underscore or digit, before a provider with no ".com".
_PLAIN_LOCAL = lazy_compile(r"(?<![\w.@-])[a-z][a-z0-9]{2,40}$")
# Whose an address is, said before it: "my", "his mum's", "her dad's".
_OWNED_BY_SOMEONE = lazy_compile(r"\b(?:my|his|her|mum|mum['\u2019]s|dad|dad['\u2019]s|parent|carer|personal|private|home)\b", re.IGNORECASE)
_EMAIL_TALK = lazy_compile(r"\b(?:e-?mails?|address|a[ \t]+line|write[ \t]+to|contact|message|send)\b", re.IGNORECASE)


class EmailAddressDetector:
    def __init__(self, context: CheckContext):
        self._is_org = OrgDomains(context.org_email_domains)
        self._providers = frozenset(entries("mail_providers", context.extra_terms))
        self._is_generic = generic_mailboxes(context)
        self._lists = recipient_lists(context)
        self._first_names = frozenset(entries("forenames", context.extra_terms))
        # Round 26: a public service's work address, in a sentence naming the service or a professional's role.
        self._public_bodies = tuple(f".{domain}" for domain in entries("public_body_domains", context.extra_terms))
        work = phrase_pattern(entries("work_line_words", context.extra_terms))
        self._service_named = lazy_compile(rf"\b(?:{work}|team|service|council|nhs)\b", re.IGNORECASE)
        # Found by the provider after "at", then the address-shaped name before it (fast on long texts).
        self._at_provider = lazy_compile(
            rf"(?:{_WORD_AT}|{_BRACKETED_AT})(?i:{phrase_pattern(self._providers)})\b"
            rf"(?![ \t]*(?:[.\[({{<]|dot\b|DOT\b)[ \t]*[A-Za-z])")

    def find(self, doc: Document) -> list[Span]:
        spans = self._disguised(doc) if any(marker in doc.masked for marker in _DISGUISE_MARKERS) else []
        if spans or " at " in doc.masked or " AT " in doc.masked or "[at]" in doc.masked or "(at)" in doc.masked:
            spans += self._at_provider_without_domain(doc.masked, spans)
        if " @ " in doc.masked:
            spans += self._letter_spaced(doc)
        if "AT" in doc.masked and "DOT" in doc.masked:
            spans += [Span(Kind.EMAIL_ADDRESS, *m.span()) for m in _GLUED.finditer(doc.masked)]
        if not doc.emails:
            return spans
        block = header_block_anywhere(doc)
        headers = self._where_the_email_goes(doc, block) if block else []
        headers += bcc_lines(doc)
        # Addresses said to be in Bcc, or in a run of recipients the Bcc check reports as a whole.
        headers += self._lists.left_to_bcc_check(doc)
        spans += [
            Span(Kind.EMAIL_ADDRESS, email.start, email.end)
            for email in doc.emails
            if not any(start <= email.start < end for start, end in headers) and not self._is_organisations(doc, email)
            and not self._is_someones_mailbox_not_a_person(doc, email) and not self._is_public_service(doc, email)
        ]
        return spans

    def _where_the_email_goes(self, doc: Document, block) -> list[tuple[int, int]]:
        """A draft's header block is where it goes, the Bcc check's business. An email someone else
        sent, pasted in ("From: finance@venue.org\nTo: abi.k@gmail.com"), is not a draft: its To and
        Cc lines show the addresses it went to, unless they are a Bcc finding already."""
        senders = recipient_addresses([f.value for f in block.fields if f.name in ("from", "sender")], doc.markup)
        if not senders or any(self._is_org(a.rsplit("@", 1)[1]) for a in senders):
            return [(block.start, block.end)]
        recipients = [f for f in block.fields if f.name in RECIPIENT_FIELDS]
        people = [a for a in recipient_addresses([f.value for f in recipients], doc.markup)
                  if not self._is_org(a.rsplit("@", 1)[1]) and not self._is_generic.is_mailbox(a)]
        if len(people) >= 2:
            return [(block.start, block.end)]
        return []

    def _letter_spaced(self, doc: Document) -> list[Span]:
        spans = []
        for found in _LETTER_SPACED.finditer(doc.masked):
            address = re.sub(r"[ \t]", "", found.group())
            if not EMAIL.fullmatch(address) or not re.search(rf"\.{_TLDS}$", address.lower()):
                continue
            if self._is_org(address.rsplit("@", 1)[1].lower()) or self._is_generic(address):
                continue
            spans.append(Span(Kind.EMAIL_ADDRESS, found.start(), found.end()))
        return spans

    def _is_someones_mailbox_not_a_person(self, doc: Document, email: EmailMatch) -> bool:
        # "info@venue.co.uk", "noreply@eventbrite.com", "name@example.com" - but not one written with
        # look-alike or hidden characters, which is someone pretending.
        return self._is_generic(doc.text[email.start:email.end]) and doc.as_written(email.start, email.end)

    def _is_public_service(self, doc: Document, email: EmailMatch) -> bool:
        """"the council's early help team at earlyhelp@gloucestershire.gov.uk", "Dr Sarah Lyle, clinical
        psychologist at the CAMHS team ...: sarah.lyle@nhs.net": an address at a public service's domain
        (public_body_domains.txt), in a sentence that names the service or the professional's role, is a
        work address offered for that service (round 26). A parent's or young person's words about it
        ("my", "his mum's") keep it personal."""
        domain = "." + email.domain.lower()
        if not domain.endswith(self._public_bodies) or not doc.as_written(email.start, email.end):
            return False
        reach = max(0, email.start - 200)
        sentence_start = max(doc.masked.rfind(mark, reach, email.start) for mark in (". ", "\n", "! ", "? ")) + 1
        before = doc.masked[max(sentence_start, reach):email.start]
        if not before.strip():
            # Round 27: an address opening its line is a signature's: the name and the role ("Clinical
            # Psychologist, Gloucestershire CAMHS") stand on the two lines above it.
            block_start = email.start
            for _ in range(2):
                block_start = doc.masked.rfind("\n", reach, max(reach, block_start - 1))
                if block_start < 0:
                    block_start = reach
                    break
            before = doc.masked[block_start:email.start]
        return self._service_named.search(before) is not None and _OWNED_BY_SOMEONE.search(before) is None

    def _is_organisations(self, doc: Document, email: EmailMatch) -> bool:
        # An address at a look-alike of the organisation's domain (Cyrillic letters, hidden
        # characters) is someone pretending to be the organisation: it is never the organisation's.
        domain_start = email.end - len(email.domain)
        return self._is_org(email.domain) and doc.as_written(domain_start, email.end)

    def _disguised(self, doc: Document) -> list[Span]:
        spans = []
        for found in _DISGUISED.finditer(doc.masked):
            local, at, domain = found.group("local"), found.group("at"), found.group("domain")
            spelt_out = re.search(rf"{_WORD_DOT}|{_BRACKETED_DOT}", domain) is not None
            bracketed = at.strip()[0] in "[({<" or (at.strip() == "@" and at != "@")
            if at == "@" and not spelt_out:
                continue  # a plain address: the Document found it already
            provider = re.split(rf"{_WORD_DOT}|{_BRACKETED_DOT}|\.", domain)[0].lower() in self._providers
            if not (spelt_out or bracketed or provider):
                continue  # "at bbc.co.uk" after a word: a sentence about a website, not an address
            if not bracketed and local.lower() in _NOT_A_LOCAL_PART:
                continue
            if not (bracketed or provider) and not self._looks_like_a_local_part(local):
                continue  # "Book at eventbrite dot co dot uk", "on sale at roses dot co dot uk": a website
            if self._is_generic(f"{re.sub(rf'{_WORD_DOT}|{_BRACKETED_DOT}', '.', local)}@x"):
                continue  # "bookings at kingswayhall dot co dot uk": a venue's mailbox
            plain = re.sub(rf"{_WORD_DOT}|{_BRACKETED_DOT}", ".", domain).lower()
            if self._is_org(plain):
                continue
            start = found.start()
            if at.strip() == "@" and at != "@":
                start = self._spaced_local_start(doc.masked, start)
            spans.append(Span(Kind.EMAIL_ADDRESS, start, found.end()))
        return spans

    def _at_provider_without_domain(self, text: str, found: list[Span]) -> list[Span]:
        spans = []
        for tail in self._at_provider.finditer(text):
            local = _ADDRESS_SHAPED_LOCAL.search(text, max(0, tail.start() - 64), tail.start())
            if local is None:
                # "drop Aisha a line, aishabeatz at icloud": a plain name counts too when an email is
                # spoken of just before it.
                local = _PLAIN_LOCAL.search(text, max(0, tail.start() - 64), tail.start())
                if (local is None or local.group().lower() in _NOT_A_LOCAL_PART
                        or not _EMAIL_TALK.search(text, max(0, local.start() - 40), local.start())):
                    continue
            if not any(s.start <= local.start() < s.end for s in found):
                spans.append(Span(Kind.EMAIL_ADDRESS, local.start(), tail.end()))
        return spans

    def _looks_like_a_local_part(self, local: str) -> bool:
        """At a domain that is not an email provider's, with a plain " at ": "jo.bloggs", "kai_w",
        "sam2009" or a first name ("jo at jobloggsmusic dot com") - not a word such as "book" or "sale"."""
        return re.search(rf"[._0-9]|{_WORD_DOT}", local) is not None or local.lower() in self._first_names

    @staticmethod
    def _spaced_local_start(text: str, start: int) -> int:
        """"send it to poppy lee 2011 @ gmail . com": with spaces round the at sign, the local part
        may be spaced too; it takes in the lower-case words and numbers before it, up to a word that
        is not part of an address ("to", "is", "email", a capitalised word)."""
        for _ in range(3):
            word = _SPACED_LOCAL_WORD.search(text, max(0, start - 30), start)
            if word is None or word.group("word") in _NOT_A_LOCAL_PART or word.group("word") in _LEAD_IN_WORDS:
                break
            start = word.start("word")
        return start
