"""Phone numbers (policy 4.1 and 5.5: never give out a mobile number or other contact details).

The phonenumbers library does the recognising. Two things are ours:

* PhoneNumberMatcher is slow-ish and considers every digit run, so we only hand it short windows
  around runs that could be a phone number at all (seven or more digits).
* Its VALID leniency rejects Ofcom's drama numbers (07700 900xxx), which people really do paste as
  examples, while POSSIBLE accepts times, years and references. So we match with POSSIBLE and then
  accept only what is written the way people write phone numbers: with a country code (+44, 0044),
  or with the trunk 0 and 10-11 digits. "2026-0042", "12345678" or "1106979" never qualify.

A number read out in words, or half in words ("zero seven seven zero zero, nine double oh ...", "oh
seven nine treble six", "07 eight 9 two 3 ..."), is read digit by digit with the checker's one reading
of spoken digits (bot/checks/spoken_digits.py, spoken_digits.txt) and held to the same tests, the
organisation's own number and businesses' public lines included.
"""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher

from bot.checks.context import CheckContext
from bot.checks.detectors import Span
from bot.checks.detectors.people import CAPITALISED_NAME_WORD, FirstNames
from bot.checks.document import Document
from bot.checks.findings import Kind
from bot.checks.lazy_regex import lazy_compile
from bot.checks.spoken_digits import SpokenDigits
from bot.checks.wordlists import entries, phrase_pattern

# A run of digits with the separators people put in phone numbers, containing at least 7 digits.
# Where a clause ends, before a number's label: a new line, or a full stop, "!", "?" or ";" before a
# space. Not the dot of "no." or "ref." that the label itself may end with.
_CLAUSE_END = lazy_compile(r"\n|(?<!\bno)(?<!\bref)(?<!\binv)(?<!\bacc)[.!?;](?=\s)", re.IGNORECASE)

_CANDIDATE = lazy_compile(r"(?:\+|\(\s*)?\d(?:[\d \t\u00a0().\-\u2013/]{0,60}\d)?")
_MIN_DIGITS = 7
# A letter O standing alone before figures, where the figures with it would start with the trunk 0.
_LETTER_O_FOR_ZERO = lazy_compile(r"(?<![\w+'\u2019])[Oo](?=\d{3})")

_WINDOW_MARGIN = 3  # characters of context either side, for the matcher's own boundary checks

# "Order no. 01234 567890", "ref: 0123456789", "session ID for the recording is 0745-2231-88": numbers that
# only look like phone numbers, labelled as something else (identifier_labels.txt) right before them or a
# few words before, with nothing about calling in between.
_REFERENCE_TAIL = r"\.?[ \t]*(?:no\.?|number|num|id|code|ref)?[ \t]*(?:['\u2019]s|is|was|[:#=])?[ \t]*"
_THEIR_NUMBER = lazy_compile(
    r"\b(?:their|its)[ \t]+(?:main[ \t]+|shop[ \t]+|office[ \t]+)?(?:number|phone[ \t]+number|phone|landline|line)"
    r"(?:['\u2019]s|[ \t]+is|[ \t]*:)?[ \t]*$", re.IGNORECASE)
_CALLING_WORDS = lazy_compile(
    r"\b(?:call|calls|calling|ring|rings|text|texts|phone|mobile|mob|tel|whatsapp|contact|reach|dial|me|my|his|her|him|them)\b"
    r"|\bon[ \t]*[:\-]?[ \t]*$",
    re.IGNORECASE,
)
# "\Z", not "$": "$" also matches before a final new line, and a number on the line after a signature's
# name or town ("Karen Whitlock\n07700 ...") is not attached to that word.
_ATTACHED_BEFORE = lazy_compile(r"[£$€¥#\w][\-/]?\Z")
# Words in a clause that say whose a number is, so a business named in the same clause does not make it a
# public line: "his home number", "Kai's mum's landline", "my mobile".
_PERSONAL_OWNER = lazy_compile(
    r"\b(?:his|her|my|their[ \t]+own|own|home|mobile|mob|personal|private|mum|mum['\u2019]s|dad|dad['\u2019]s"
    r"|parent|parents|carer|gran|grandma|grandad|nan|emergency[ \t]+contact)\b",
    re.IGNORECASE)
_OWNERS_NUMBER = lazy_compile(
    rf"(?:{_PERSONAL_OWNER.pattern})[ \t]+(?:[\w'\u2019]+[ \t]+)?(?:number|mobile|mob|phone|landline|no\.?)\b", re.IGNORECASE)
# The writers' own number: "call us on", "ring our bookings line", "give us a ring on".
_OURS = lazy_compile(r"\b(?:us|our|ours)\b", re.IGNORECASE)
# A capitalised word, perhaps with "'s": a first name saying whose a number is.
_CAPITALISED_WORD = lazy_compile(rf"\b(?P<name>{CAPITALISED_NAME_WORD})(?:['\u2019]s)?\b")
# A condition opening the clause, before the firm is named: its words are about the firm's customers.
_IF_CLAUSE = lazy_compile(r"\bif\b[^,;\n]{0,80},", re.IGNORECASE)
# After "parents" or "mum": what a customer of a firm does ("if parents need a cab, ...").
_CUSTOMER_AFTER = lazy_compile(r"[ \t]+(?:need|needs|want|wants|who|can|could|should|may|might|wanting|needing)\b")
# A number given on its own after a sentence naming an organisation's number: how far back, and how many
# words may come before the number in its own clause ("It's", "> ", "yes it is").
_NAMED_BEFORE_REACH = 160
_NAMED_BEFORE_WORDS = 3
# How far after a quoted number its email's signature may be, and how far before it its "From:" line.
_SIGNATURE_REACH = 600
_FROM_LINE = lazy_compile(r"^[ \t>]*From[ \t]*:[ \t]*(?P<sender>[^\n<]{1,80})", re.IGNORECASE | re.MULTILINE)
_CALLING_VERB_NAME = lazy_compile(r"\b(?:call|ring|text|phone|contact|message|ask(?:[ \t]+for)?)[ \t]+([A-Z][a-z'\u2019-]+)")


# Freephone, shared-cost, premium and "universal access" numbers (0800, 0845, 0300 in the UK) belong to
# organisations and services, never to a person.
_SERVICE_NUMBER_TYPES = frozenset({
    phonenumbers.PhoneNumberType.TOLL_FREE, phonenumbers.PhoneNumberType.SHARED_COST,
    phonenumbers.PhoneNumberType.PREMIUM_RATE, phonenumbers.PhoneNumberType.UAN,
})


# A public line is a landline: a mobile (or an unallocated number) after "box office:" is somebody's own.
_FIXED_LINE_TYPES = frozenset({phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE})


# "01632 960391 | stevedoylepianos.co.uk" (round 27): a number with a website beside it on its line is a
# business's listing, as in an advert or a sponsor's credit. Only a landline is public (checked by the caller).
_WEBSITE_AFTER = lazy_compile(
    r"[ \t]*[|/\u2022\u00b7,\u2013\u2014-][ \t]*(?:(?:https?://)?www\.)?[a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,62}){0,3}"
    r"\.(?:co\.uk|org\.uk|com|uk|org|net|biz|info)(?![\w.@-])",
    re.IGNORECASE,
)


def _key(number: phonenumbers.PhoneNumber) -> tuple[int, int]:
    return number.country_code, number.national_number


class PhoneDetector:
    def __init__(self, context: CheckContext):
        self._region = context.region
        self._region_code = phonenumbers.country_code_for_region(context.region)
        metadata = phonenumbers.PhoneMetadata.metadata_for_region(context.region)
        # Where national numbers are always dialled with a trunk prefix (0 in the UK), a number
        # written without it is not a phone number but some other figure. In North America the "1"
        # is optional, so there we rely on the number being valid.
        prefix = metadata.national_prefix if metadata else None
        self._trunk_prefix = prefix if prefix and prefix != "1" else None
        own = set()
        for written in context.org_phone_numbers:
            try:
                own.add(_key(phonenumbers.parse(written, context.region)))
            except phonenumbers.NumberParseException:
                continue  # a typo in the organisation file should not stop the checker
        self._own_numbers = frozenset(own)
        identifiers = phrase_pattern(entries("identifier_labels", context.extra_terms))
        self._reference_before = lazy_compile(rf"(?:\b(?:{identifiers})\b{_REFERENCE_TAIL}|#[ \t]*)$", re.IGNORECASE)
        self._reference_earlier = lazy_compile(
            rf"\b(?:{identifiers})\b(?P<gap>\.?(?:[ \t]+[\w'\u2019.-]+){{1,6}}?){_REFERENCE_TAIL}$", re.IGNORECASE)
        # "The shop's number is ...", "Guitar repair place on Westgate, their number's ...": a business named
        # earlier in the sentence, then its number (business_words.txt).
        # "Guildhall box office: 01452 503050": a venue's public line (public_line_labels.txt).
        labels = phrase_pattern(entries("public_line_labels", context.extra_terms))
        self._public_line_before = lazy_compile(
            rf"\b(?:{labels})(?:['\u2019]s)?[ \t]*(?:(?:number(?:['\u2019]s)?|no\.?|is|on|:|-|\u2013|ring|call|phone|dial|tel\.?)[ \t]*){{0,3}}$",
            re.IGNORECASE)
        self._business_earlier = lazy_compile(rf"\b(?:{labels})\b", re.IGNORECASE)
        # "anyone got the school office number?\n> 01452 ...", "add the box office number to the page? It's
        # 01452 ...": an organisation's number asked for or named in the sentence just before (round 25).
        lines = phrase_pattern([label for label in entries("public_line_labels", context.extra_terms) if label.endswith("line")])
        self._public_number_named = lazy_compile(
            rf"\b(?:{labels})(?:['\u2019]s)?[ \t]+(?:phone[ \t]+|tel\.?[ \t]+)?(?:number|no\.?|line)\b|\b(?:{lines})\b",
            re.IGNORECASE)
        # A professional's work line or an agency's duty desk (round 21, work_line_words.txt): "Referrer: K.
        # Bannister, Family Support Worker, 01452 ...", "the Youth Support duty desk on 01452 ...".
        work = phrase_pattern(entries("work_line_words", context.extra_terms))
        self._work_line_earlier = lazy_compile(rf"\b(?:{work})\b", re.IGNORECASE)
        # "bookings@guildhall.example or call 01452 ...": an organisation's shared mailbox in the clause
        # (public_mailbox_names.txt). Addresses are masked in the text the detector reads, so this is
        # looked for in the text as written.
        mailboxes = phrase_pattern(entries("public_mailbox_names", context.extra_terms))
        self._public_mailbox = lazy_compile(rf"(?<![\w.+\-])(?:{mailboxes})@", re.IGNORECASE)
        # "call the Roses on 01684 295074 (box office)": the label right after the number.
        self._public_line_after = lazy_compile(rf"[ \t]*\([ \t]*(?:{labels}|{work})\b", re.IGNORECASE)
        # "Cotswold Cars are on 01453 ...", "Severn Pianos Ltd, 01452 ...": a business's own name, written
        # with capitals and ending in a word of business_name_words.txt, earlier in the clause.
        business = phrase_pattern(entries("business_name_words", context.extra_terms))
        self._business_name = lazy_compile(
            rf"\b[A-Z][\w'\u2019&.-]*(?:[ \t]+[A-Z][\w'\u2019&.-]*){{0,3}}[ \t]+(?=[A-Z&])(?i:{business})\b")
        self._first_names = FirstNames(entries("forenames", context.extra_terms))
        # Round 24: a quoted email signed by an organisation ("> Kind regards,\n> Main Office, Oakfield
        # Academy") that gives its own number ("please call us on ..."): sign_off_words.txt and
        # organisation_signer_words.txt.
        sign_offs = phrase_pattern(entries("sign_off_words", context.extra_terms))
        self._sign_off_line = lazy_compile(rf"^[ \t]*(?:{sign_offs})[ \t]*[,.!]?[ \t]*$", re.IGNORECASE)
        signers = phrase_pattern(entries("organisation_signer_words", context.extra_terms))
        self._organisation_signer = lazy_compile(rf"\b(?:{signers})\b", re.IGNORECASE)
        self._spoken = SpokenDigits(context.extra_terms)
        # A number read out starts with the trunk 0 or a "+": only texts with one are read further.
        zeros = phrase_pattern(self._spoken.zero_words)
        self._spoken_start = lazy_compile(
            rf"(?<![\w'\u2019])(?:{zeros})(?![\w'\u2019])|(?<![\w.])[+0][\d \t,\-]{{0,16}}?(?:{self._spoken.word})"
            r"|\bplus[ \t]+(?:four|4)[ \t,\-]*(?:four|4)\b", re.IGNORECASE)
        self._spoken_run = lazy_compile(
            rf"(?<![\w+])(?P<plus>\+|\bplus[ \t]+(?=(?:four|4)[ \t,\-]*(?:four|4)\b))?{self._spoken.run_pattern(figures=5)}",
            re.IGNORECASE)

    def find(self, doc: Document) -> list[Span]:
        spans: list[Span] = []
        for link in doc.links:
            if link.scheme == "tel" and self._is_personal(doc.text[link.target_start:link.target_end]):
                spans.append(Span(Kind.PHONE, link.target_start, link.target_end))

        # "O7723 118 904", "o1452 ...": a letter O typed for the trunk 0 is read as the 0 (one character for
        # one, so every span stays where it is).
        text = _LETTER_O_FOR_ZERO.sub("0", doc.masked)
        for candidate in _CANDIDATE.finditer(text):
            raw = candidate.group()
            if sum(ch.isdigit() for ch in raw) < _MIN_DIGITS:
                continue
            window_start = max(0, candidate.start() - _WINDOW_MARGIN)
            window_end = min(len(text), candidate.end() + _WINDOW_MARGIN)
            window = text[window_start:window_end]
            for match in PhoneNumberMatcher(window, self._region, leniency=Leniency.POSSIBLE):
                start = window_start + match.start
                end = window_start + match.end
                if self._accept(text, start, end, match.raw_string, match.number, doc.text):
                    spans.append(Span(Kind.PHONE, start, end))
        if self._spoken_start.search(text):
            spans += self._spoken_numbers(text, doc.text)
        return spans

    def _spoken_numbers(self, text: str, written: str) -> list[Span]:
        """"oh seven nine treble six, two one four, oh eight", "+44 seven seven double zero ...": read
        digit by digit, then held to the tests a number in figures meets. A run that goes on into other
        numbers ("..., three one, two kids") is cut back, a number at a time, to one that is a phone's."""
        spans = []
        for run in self._spoken_run.finditer(text):
            plus = "+" if run.group("plus") else ""
            tokens = self._spoken.tokens(run.group()[len(run.group("plus") or ""):])
            offset = len(run.group("plus") or "")
            while tokens:
                digits = plus + "".join(part for _, _, part in tokens)
                if sum(ch.isdigit() for ch in digits) < 10:
                    break
                start, end = run.start(), run.start() + offset + tokens[-1][1]
                try:
                    number = phonenumbers.parse(digits, self._region)
                except phonenumbers.NumberParseException:
                    number = None
                if number is not None and self._looks_like_phone(digits, number):
                    if self._accept(text, start, end, digits, number, written):
                        spans.append(Span(Kind.PHONE, start, end))
                    break
                tokens.pop()
        return spans

    def _is_personal(self, written: str) -> bool:
        try:
            number = phonenumbers.parse(written, self._region)
        except phonenumbers.NumberParseException:
            return False
        return self._looks_like_phone(written, number) and _key(number) not in self._own_numbers

    def _accept(self, text: str, start: int, end: int, raw: str, number: phonenumbers.PhoneNumber, written: str) -> bool:
        before = text[max(0, start - 30):start]
        if _ATTACHED_BEFORE.search(before) or self._reference_before.search(before):
            return False
        if self._labelled_as_identifier(text[max(0, start - 60):start]):
            return False
        public = (self._public_line_before.search(before) or self._public_line_after.match(text, end)
                  or self._listed_with_a_website(text, start, end)
                  or self._their_number(text, start) or self._business_clause(text, start, written)
                  or self._named_just_before(text, start))
        if public and self._a_landline(number):
            return False
        if self._signed_by_an_organisation(text, start) and self._a_landline(number):
            return False
        return self._looks_like_phone(raw, number) and _key(number) not in self._own_numbers

    def _listed_with_a_website(self, text: str, start: int, end: int) -> bool:
        """A website beside the number on its line, and nothing before it saying whose number it is ("her
        mum's", "Kai's mobile", "Tasha Pike 01452 ...")."""
        if _WEBSITE_AFTER.match(text, end) is None:
            return False
        clause = _CLAUSE_END.split(text[max(0, start - 100):start])[-1]
        return not (_PERSONAL_OWNER.search(clause) or _OWNERS_NUMBER.search(clause) or self._names_someone(clause))

    def _names_someone(self, clause: str) -> bool:
        """A person named in the clause before a number ("Kai's: ...", "Tasha Pike 01452 ..."): their number,
        not the organisation's the sentence before named."""
        return any(word.group("name").lower() in self._first_names for word in _CAPITALISED_WORD.finditer(clause))

    def _a_landline(self, number: phonenumbers.PhoneNumber) -> bool:
        """A fixed line, or a number in a range not yet given out (Ofcom's drama numbers, 01632 ...) that
        does not start the way the region's mobiles do (07 in the UK): an office's, not somebody's phone."""
        kind = phonenumbers.number_type(number)
        if kind in _FIXED_LINE_TYPES:
            return True
        if kind != phonenumbers.PhoneNumberType.UNKNOWN:
            return False
        example = phonenumbers.example_number_for_type(self._region, phonenumbers.PhoneNumberType.MOBILE)
        return example is None or not str(number.national_number).startswith(str(example.national_number)[0])

    def _signed_by_an_organisation(self, text: str, start: int) -> bool:
        """"> Please call us on 01452 ...\n> Kind regards,\n> Main Office, Oakfield Academy": in a quoted email,
        a number the writers give as their own ("us", "our") when a sign-off follows and the lines after it
        name an organisation (a school office, a venue's team), not a person (round 24). Whose number it is,
        said in the clause ("my mobile", "her mum's"), keeps it personal; and only a landline is a public
        line (checked by the caller)."""
        line_start = text.rfind("\n", 0, start) + 1
        if not text.startswith(">", line_start) and not text[line_start:start].lstrip().startswith(">"):
            return False
        clause = _CLAUSE_END.split(text[max(line_start, start - 100):start])[-1]
        if not _OURS.search(clause) or _PERSONAL_OWNER.search(clause):
            return False
        # "> From: Churchdown School Office\n> Please ring us on ...": the quoted email's sender is the
        # organisation itself (round 26).
        senders = list(_FROM_LINE.finditer(text, max(0, start - _SIGNATURE_REACH), start))
        if senders and self._organisation_signer.search(senders[-1].group("sender")):
            return True
        # The quoted lines after the number, up to where the quote ends: a sign-off, then the signer.
        lines = []
        for line in text[start:start + _SIGNATURE_REACH].split("\n")[1:]:
            if not line.lstrip().startswith(">"):
                break
            lines.append(line.lstrip()[1:].strip())
        for index, line in enumerate(lines):
            if self._sign_off_line.match(line):
                signer = " ".join(lines[index + 1:index + 3])
                return self._organisation_signer.search(signer) is not None
            # "Best, The Old Fire Station team" on one line.
            signed = re.match(r"(?P<off>[^,]{1,30}),[ \t]*(?P<signer>.+)$", line)
            if signed and self._sign_off_line.match(signed.group("off")):
                return self._organisation_signer.search(signed.group("signer")) is not None
        return False

    def _their_number(self, text: str, start: int) -> bool:
        """"Guitar repair place on Westgate, their number's ...": a business named earlier in the sentence."""
        clause = _CLAUSE_END.split(text[max(0, start - 80):start])[-1]
        pronoun = _THEIR_NUMBER.search(clause)
        return pronoun is not None and self._business_earlier.search(clause, 0, pronoun.start()) is not None

    def _named_just_before(self, text: str, start: int) -> bool:
        """"anyone got the school office number? need to confirm thurs\n> 01452 ...": a number given on its own
        (at most a few words before it, none saying whose it is) right after a sentence or two that ask for
        or name an organisation's public number (round 25). Only a landline is public (checked by the
        caller)."""
        parts = _CLAUSE_END.split(text[max(0, start - _NAMED_BEFORE_REACH):start])
        clause = parts[-1].lstrip(" \t>")
        if (len(parts) < 2 or len(clause.split()) > _NAMED_BEFORE_WORDS or _PERSONAL_OWNER.search(clause)
                or self._names_someone(clause)):
            return False
        return any(self._public_number_named.search(part) and not _OWNERS_NUMBER.search(part) for part in parts[-3:-1])

    def _business_clause(self, text: str, start: int, written: str) -> bool:
        """"Box office for the Roses is 01684 ...", "Cotswold Cars are on 01453 ...": a venue's desk or a
        business's name earlier in the clause, or a professional's role or an agency's desk ("Family
        Support Worker, 01452 ..."), or an organisation's shared mailbox ("bookings@..."; in ``written``,
        the text before addresses were masked), and nothing there saying the number is a person's own
        ("call Jo on", "his home number")."""
        clause = _CLAUSE_END.split(text[max(0, start - 100):start])[-1]
        if not (self._business_earlier.search(clause) or self._business_name.search(clause)
                or self._work_line_earlier.search(clause)
                or self._public_mailbox.search(written, start - len(clause), start)):
            return False
        # Whose number it is is said after the business is named ("Severn Cars, or her mum's mobile"), or as
        # an owner's number anywhere; "if parents need a cab, Gloucester Cars are on ..." is the firm's.
        # "if parents need a cab, Gloucester Cars are on ...": the parents are the firm's customers; "her aunt
        # (works at the council) 01452 ..." is still her aunt's number.
        condition = _IF_CLAUSE.search(clause)  # "if anyone needs a lift home after ten, ..."
        owners = [m for m in _PERSONAL_OWNER.finditer(clause) if _CUSTOMER_AFTER.match(clause, m.end()) is None
                  and not (condition is not None and condition.start() <= m.start() < condition.end())]
        if owners or _OWNERS_NUMBER.search(clause):
            return False
        return not any(m.group(1).lower() in self._first_names for m in _CALLING_VERB_NAME.finditer(clause))

    def _labelled_as_identifier(self, before: str) -> bool:
        """"session ID for the recording is 0745-2231-88": an identifier's label a few words before."""
        clause = _CLAUSE_END.split(before)[-1]
        match = self._reference_earlier.search(clause)
        if match is None or _CALLING_WORDS.search(clause, match.start("gap")):
            return False
        # "Her dad's number if the session runs late: ...": whose number it is was said before the label.
        return not _OWNERS_NUMBER.search(clause, 0, match.start())

    def _looks_like_phone(self, raw: str, number: phonenumbers.PhoneNumber) -> bool:
        if phonenumbers.number_type(number) in _SERVICE_NUMBER_TYPES:
            return False  # "dial-in number 0800 917 1950": a freephone or shared-cost line is nobody's own
        digits = "".join(ch for ch in raw if ch.isdigit())
        stripped = raw.lstrip("( \t")
        international = stripped.startswith("+") or digits.startswith("00")
        if international:
            if phonenumbers.is_valid_number(number):
                return True
            # Fictional and newly allocated ranges in our own country are still somebody's number.
            return (
                number.country_code == self._region_code
                and phonenumbers.is_possible_number(number)
                and len(str(number.national_number)) >= 9
            )
        if number.country_code != self._region_code or len(digits) < 10:
            return False
        if self._trunk_prefix is not None:
            return digits.startswith(self._trunk_prefix) and len(digits) <= 11 and phonenumbers.is_possible_number(number)
        return phonenumbers.is_valid_number(number)
