"""The outgoing-message checker: text in, findings and a redacted copy out."""

from __future__ import annotations

from bot.checks.context import CheckContext
from bot.checks.detectors import Detector, Span
from bot.checks.detectors.bcc import BccDetector
from bot.checks.detectors.date_of_birth import DateOfBirthDetector, ages_beside
from bot.checks.detectors.email_address import EmailAddressDetector
from bot.checks.detectors.health import HealthDetector
from bot.checks.detectors.names import NameDetector
from bot.checks.detectors.phone import PhoneDetector
from bot.checks.detectors.postal_address import PostalAddressDetector
from bot.checks.detectors.school import SchoolDetector
from bot.checks.detectors.secret import SecretDetector
from bot.checks.detectors.young_names import YoungPersonNameDetector
from bot.checks.document import Document
from bot.checks.tables import TableReader
from bot.checks.findings import (
    CheckResult,
    Finding,
    Kind,
    RedactionRange,
    is_a_full_name,
    message_for,
    precedence,
    redact,
)
from bot.inline_markup import PLAIN, InlineMarkup
from bot.text_normalise import Normalised, normalise_keeping_offsets


class Checker:
    """Build once per organisation settings and roster; ``check`` is then cheap and thread-safe."""

    def __init__(self, context: CheckContext | None = None):
        self.context = context or CheckContext()
        self._young_names = YoungPersonNameDetector(self.context)
        self._tables = TableReader(self.context)
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
        # What a table's or a form's labels say a value is not: a timestamp is no birth date, a
        # parent's name no young person's (bot/checks/tables.py). Then what a young person's row gives away.
        spans = self._tables.not_ruled_out(doc, spans)
        spans.extend(self._tables.find(doc))
        # A full name in the sentence that gives a young person's school or health need is theirs.
        spans.extend(self._young_names.find_beside(doc, spans))
        # Lists and tables of young people: the rows' names, once the list is shown to be of the young.
        spans.extend(self._young_names.find_in_lists(doc, spans))
        spans = self._tables.not_ruled_out(doc, spans)
        spans = [span for span in spans if span.kind is not Kind.FULL_NAME
                 or not self._young_names.names_a_project(doc.masked[span.start:span.end])]
        # A young person's age beside their full name ("Maya Brown, 16", "17-year-old Aled Pryce") is a
        # finding of its own: the name keeps its span, and the age is reported (and redacted) beside it.
        spans.extend(age for span in spans if _a_full_name(doc, span) for age in ages_beside(doc.text, span.start, span.end))
        findings: list[Finding] = []
        ranges: list[RedactionRange] = []
        for span in _resolve(spans):
            start, end = _in_original(normalised, span.start, span.end)
            finding = Finding(span.kind, start, end, text[start:end], message_for(span.kind, text[start:end]))
            findings.append(finding)
            ranges.append(_redaction_range(doc, normalised, span, finding))
        if normalised:
            findings.sort(key=lambda f: (f.start, f.end, precedence(f.kind)))
        return CheckResult(findings, redact(text, ranges))


def _resolve(spans: list[Span]) -> list[Span]:
    """Sorted by start; no two findings of one kind overlap; one finding per exact span.

    Within a kind, overlapping spans (two patterns finding the same secret, or a tel: link and the
    number in it) are merged into one covering both. Across kinds, an identical span is reported
    once, under the kind that comes first in PRECEDENCE.
    """
    merged: list[Span] = []
    by_kind: dict[str, list[Span]] = {}
    for span in _opted_out_names_once(spans):
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

    best_by_span: dict[tuple[int, int], Span] = {}
    for span in merged:
        key = (span.start, span.end)
        held = best_by_span.get(key)
        if held is None or precedence(span.kind) < precedence(held.kind):
            best_by_span[key] = span
    return sorted(best_by_span.values(), key=lambda s: (s.start, s.end, precedence(s.kind)))


def _a_full_name(doc: Document, span: Span) -> bool:
    return span.kind is Kind.FULL_NAME or (span.kind is Kind.PHOTO_CONSENT and is_a_full_name(doc.text[span.start:span.end]))


def _opted_out_names_once(spans: list[Span]) -> list[Span]:
    """An opted-out child's name is one photo_consent finding: a full_name that overlaps it (another
    detector's "Maya Brown" in a caption list) is folded into it, so the whole name is still removed."""
    opted_out = [span for span in spans if span.kind is Kind.PHOTO_CONSENT]
    if not opted_out:
        return spans
    kept: list[Span] = []
    for span in spans:
        if span.kind is Kind.FULL_NAME:
            over = [o for o in opted_out if o.start < span.end and span.start < o.end]
            if over:
                kept.append(Span(Kind.PHOTO_CONSENT, min(span.start, *(o.start for o in over)),
                                 max(span.end, *(o.end for o in over))))
                continue
        kept.append(span)
    return kept


def _in_original(normalised: Normalised | None, start: int, end: int) -> tuple[int, int]:
    return normalised.span_in_original(start, end) if normalised else (start, end)


def _redaction_range(doc: Document, normalised: Normalised | None, span: Span, finding: Finding) -> RedactionRange:
    # A Slack <mailto:jo@x.com|jo@x.com> link shows the address twice; removing just the target
    # would leave the label, so the whole link goes.
    link = doc.link_containing(span.start, span.end)
    if link is not None:
        return RedactionRange(*_in_original(normalised, link.start, link.end), finding)
    return RedactionRange(finding.start, finding.end, finding)
