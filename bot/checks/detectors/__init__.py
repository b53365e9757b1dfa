"""One module per kind of leak. Each detector is built once from the CheckContext and then finds
spans in a Document; the Checker turns spans into Findings."""

from __future__ import annotations

from typing import NamedTuple, Protocol

from bot.checks.document import Document
from bot.checks.findings import Kind


class Span(NamedTuple):
    kind: Kind
    start: int
    end: int


class Detector(Protocol):
    def find(self, doc: Document) -> list[Span]: ...
