"""The outgoing-message checker: text in, findings and a redacted copy out."""

from __future__ import annotations

import re

from bot.checks.context import CheckContext
from bot.checks.detectors import Detector, Span
from bot.checks.detectors.bcc import BccDetector
from bot.checks.detectors.date_of_birth import DateOfBirthDetector
from bot.checks.detectors.email_address import EmailAddressDetector
from bot.checks.detectors.health import HealthDetector
from bot.checks.detectors.names import NameDetector
from bot.checks.detectors.phone import PhoneDetector
from bot.checks.detectors.postal_address import PostalAddressDetector
from bot.checks.detectors.school import SchoolDetector
from bot.checks.detectors.secret import SecretDetector
from bot.checks.detectors.young_names import YoungPersonNameDetector
from bot.checks.document import Document
from bot.checks.findings import ALSO_REPORTED, MESSAGES, CheckResult, Finding, Kind, RedactionRange, precedence, redact
from bot.checks.lazy_regex import lazy_compile
from bot.inline_markup import PLAIN, InlineMarkup
from bot.text_normalise import Normalised, normalise_keeping_offsets


class Checker:
    """Build once per organisation settings and roster; ``check`` is then cheap and thread-safe."""

    def __init__(self, context: CheckContext | None = None):
        self.context = context or CheckContext()
        self._young_names = YoungPersonNameDetector(self.context)
        self._detectors: tuple[Detector, ...] = (
            SecretDetector(self.context),
            BccDetector(self.context),
            EmailAddressDetector(self.context),
            PhoneDetector(self.context),
            PostalAddressDetector(self.context),
            DateOfBirthDetector(self.context),
            NameDetector(self.context),
            self._young_names,
            SchoolDetector(self.context),
            HealthDetector(self.context),
        )

    def check(self, text: str, markup: InlineMarkup = PLAIN) -> CheckResult:
        """Findings in `text`, written in `markup` (the platform's, or plain text)."""
        if not isinstance(text, str):
            raise TypeError(f"check() needs a str, not {type(text).__name__}")
        if not text.strip():
            return CheckResult([], text)
        # Detectors read the text with its disguises undone (zero-width characters, full-width
        # digits, Cyrillic look-alikes); findings and redactions are mapped back to the characters
        # as written, so the redacted copy removes exactly what was typed.
        normalised = normalise_keeping_offsets(text)
        doc = Document(normalised.text, (text, normalised), markup) if normalised else Document(text, markup=markup)
        spans: list[Span] = []
        for detector in self._detectors:
            spans.extend(detector.find(doc))
        # A full name in the sentence that gives a young person's school or health need is theirs.
        spans.extend(self._young_names.find_beside(doc, spans))
        # Lists and tables of young people: the rows' names, once the list is shown to be of the young.
        spans.extend(self._young_names.find_in_lists(doc, spans))
        spans = [_with_age_given(doc.text, span) if span.kind is Kind.FULL_NAME else span for span in spans]
        findings: list[Finding] = []
        ranges: list[RedactionRange] = []
        for span in _resolve(spans):
            start, end = _in_original(normalised, span.start, span.end)
            finding = Finding(span.kind, start, end, text[start:end], MESSAGES[span.kind])
            findings.append(finding)
            ranges.append(_redaction_range(doc, normalised, span, finding))
        if normalised:
            findings.sort(key=lambda f: (f.start, f.end, precedence(f.kind)))
        return CheckResult(findings, redact(text, ranges))


# A young person's age given beside their name, "Jordan Mayhew, 15, first came ...", "Dev Malhotra
# (16)", "Dylan Prosser, a 13-year-old carer", "17-year-old Aled Pryce", identifies them with it, so it
# goes with the name (and out of the redacted copy). Ages run to 19, as the young people on a roster do
# (the name's finding already says they are young). A number after the name must end the phrase, so
# "Amy Smith, 12 Station Road" keeps its house number for the address finding.
_AGE_AFTER = lazy_compile(
    r"(?:,[ \t]*(?:aged[ \t]+)?|[ \t]*\([ \t]*(?:aged[ \t]+)?)(?:[4-9]|1[0-9])"
    r"(?:[ \t]*\)|(?=[ \t]*(?:[,;!\n]|\.(?:\s|$)|$|[ \t]+(?:who|from|and|is|has|was|of|at)\b)))"
    r"|,[ \t]+(?:a|an)[ \t]+(?:[4-9]|1[0-9])[ \t-]*year[ \t-]*old\b",
    re.IGNORECASE)
_AGE_BEFORE = lazy_compile(r"\b(?:[4-9]|1[0-9])[ \t-]*years?[ \t-]*old[ \t]+$", re.IGNORECASE)


def _with_age_given(text: str, span: Span) -> Span:
    after = _AGE_AFTER.match(text, span.end)
    before = _AGE_BEFORE.search(text, max(0, span.start - 16), span.start)
    return Span(span.kind, before.start() if before else span.start, after.end() if after else span.end)


def _resolve(spans: list[Span]) -> list[Span]:
    """Sorted by start; no two findings of one kind overlap; one finding per exact span.

    Within a kind, overlapping spans (two patterns finding the same secret, or a tel: link and the
    number in it) are merged into one covering both. Across kinds, an identical span is reported
    once, under the kind that comes first in PRECEDENCE, unless one of them is ALSO_REPORTED.
    """
    merged: list[Span] = []
    by_kind: dict[str, list[Span]] = {}
    for span in spans:
        if span.end > span.start:
            by_kind.setdefault(span.kind, []).append(span)
    for kind_spans in by_kind.values():
        kind_spans.sort(key=lambda s: (s.start, -s.end))
        current = kind_spans[0]
        for span in kind_spans[1:]:
            if span.start < current.end:
                current = Span(current.kind, current.start, max(current.end, span.end))
            else:
                merged.append(current)
                current = span
        merged.append(current)

    best_by_span: dict[tuple[int, int, bool], Span] = {}
    for span in merged:
        key = (span.start, span.end, span.kind in ALSO_REPORTED)
        held = best_by_span.get(key)
        if held is None or precedence(span.kind) < precedence(held.kind):
            best_by_span[key] = span
    return sorted(best_by_span.values(), key=lambda s: (s.start, s.end, precedence(s.kind)))


def _in_original(normalised: Normalised | None, start: int, end: int) -> tuple[int, int]:
    return normalised.span_in_original(start, end) if normalised else (start, end)


def _redaction_range(doc: Document, normalised: Normalised | None, span: Span, finding: Finding) -> RedactionRange:
    # A Slack <mailto:jo@x.com|jo@x.com> link shows the address twice; removing just the target
    # would leave the label, so the whole link goes.
    link = doc.link_containing(span.start, span.end)
    if link is not None:
        return RedactionRange(*_in_original(normalised, link.start, link.end), finding)
    return RedactionRange(finding.start, finding.end, finding)
