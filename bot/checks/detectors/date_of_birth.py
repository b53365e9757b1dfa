"""Dates of birth and age-revealing birthdays (policy 3, 5.6: no personal details of young people).

A date on its own is an event date and stays quiet ("concert on 3 March 2026"). A date is a date of
birth when the words around it say so:

* "born on 3 March 2012", "born in 2012", "DOB: 03/03/2012", "date of birth 3.3.12";
* a birthday with the age: "her birthday is 5th May, she turns 14", "his 14th birthday on 5 May";
* a birthday with a year long enough ago to be a birth year: "birthday 5/5/2012";
* "she turns 14 on 5 May".

The finding covers the date itself, so the redacted text still reads: "DOB: [date of birth removed]".
dateparser is deliberately not used: importing it costs the CLI most of its start-up budget, and
these few patterns say all we need.
"""

from __future__ import annotations

import re
from datetime import date

from bot.checks.context import CheckContext
from bot.checks.detectors import Span
from bot.checks.document import Document
from bot.checks.findings import Kind

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)[0-9]{2}"
_DATE = (
    rf"(?:{_DAY}(?:[ \t]+of)?[ \t]+{_MONTH}(?:,?[ \t]+{_YEAR})?"  # 3 March 2012, 3rd of March
    rf"|{_MONTH}[ \t]+{_DAY}(?:,?[ \t]+{_YEAR})?"  # March 3rd, 2012
    rf"|[0-3]?[0-9][/.\-][01]?[0-9][/.\-](?:{_YEAR}|[0-9]{{2}})"  # 03/03/2012, 3.3.12
    rf"|{_YEAR}-[01][0-9]-[0-3][0-9]"  # 2012-03-03
    rf"|{_MONTH}[ \t]+{_YEAR})"  # March 2012
)
_DATE_RE = re.compile(rf"(?<![\w/.-])(?:{_DATE})(?![\w/]|\.\d)", re.IGNORECASE)

# What comes just before a date that makes it a date of birth. Anchored at the end of the text
# before the date, so that the date pattern itself is compiled and run once.
_BIRTH_CUE_BEFORE = re.compile(
    r"(?:\bborn(?:[ \t]+(?:on|in))?(?:[ \t]+the)?"
    r"|(?:\bd\.?o\.?b\b\.?|\bdate[ \t]+of[ \t]+birth\b|\bbirth[ \t]?date\b)[ \t]*(?:is|was|[:=\-\u2013])?"
    r"|\b(?:he|she)(?:'s|\u2019s|[ \t]+is)?[ \t]+(?:turns|turning|will[ \t]+be)[ \t]+[1-9][0-9]?[ \t]+on(?:[ \t]+the)?"
    r")[ \t]*$",
    re.IGNORECASE,
)
_BORN_IN_YEAR = re.compile(rf"\bborn(?:[ \t]+in)?[ \t]+(?P<date>{_YEAR})(?![\w/]|\.\d)", re.IGNORECASE)
_LOOKBACK = 40
# Cheap first look: without any of these in the lower-cased text there is nothing to find.
_CUES = ("born", "birth", "dob", "d.o.b", "bday", "turn", "will be")
_BIRTHDAY = re.compile(r"\b(?:birthday|bday)\b", re.IGNORECASE)
_AGE = re.compile(
    r"\b(?:turns?|turning|will[ \t]+be|is[ \t]+going[ \t]+to[ \t]+be|aged?)[ \t]+(?:[1-9][0-9]?)\b"
    r"|\b[1-9][0-9]?(?:st|nd|rd|th)[ \t]+b(?:irth)?day\b"
    r"|\b[1-9][0-9]?[ \t]*(?:years?|yrs?)[ \t]*old\b",
    re.IGNORECASE,
)
_FOUR_DIGITS = re.compile(_YEAR)
# A birthday whose date carries a year at least this many years ago is a date of birth, not the date
# of this year's party.
_BIRTH_YEAR_AGE = 2


class DateOfBirthDetector:
    def __init__(self, context: CheckContext):
        del context  # nothing organisation-specific

    def find(self, doc: Document) -> list[Span]:
        text = doc.masked
        lowered = doc.lowered if doc.lowered is not None else text.casefold()
        if not any(cue in lowered for cue in _CUES):
            return []
        spans = [Span(Kind.DATE_OF_BIRTH, m.start("date"), m.end("date")) for m in _BORN_IN_YEAR.finditer(text)]
        for found in _DATE_RE.finditer(text):
            if _BIRTH_CUE_BEFORE.search(text, max(0, found.start() - _LOOKBACK), found.start()):
                spans.append(Span(Kind.DATE_OF_BIRTH, found.start(), found.end()))
        for birthday in _BIRTHDAY.finditer(text):
            span = self._birthday_date(doc, birthday)
            if span is not None:
                spans.append(span)
        return spans

    def _birthday_date(self, doc: Document, birthday: re.Match[str]) -> Span | None:
        start, end = doc.sentence_bounds(birthday.start(), birthday.end())
        sentence = doc.masked[start:end]
        dates = list(_DATE_RE.finditer(sentence))
        if not dates:
            return None
        offset = birthday.start() - start
        nearest = min(dates, key=lambda m: min(abs(m.start() - offset), abs(m.end() - offset)))
        year = _FOUR_DIGITS.search(nearest.group())
        reveals_age = _AGE.search(sentence) is not None
        if year and int(year.group()) <= date.today().year - _BIRTH_YEAR_AGE:
            reveals_age = True
        if not reveals_age:
            return None
        return Span(Kind.DATE_OF_BIRTH, start + nearest.start(), start + nearest.end())
