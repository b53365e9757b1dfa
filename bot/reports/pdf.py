"""A case record as a PDF, for bodies outside Slack (the LADO, the ICO, the police, insurers, trustees).

Pure: a `CaseRecord` in, the PDF's bytes out. fpdf2's core fonts cover Latin-1 only, so text outside
it is replaced visibly rather than failing the export."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fpdf import FPDF
from fpdf.enums import XPos, YPos

if TYPE_CHECKING:  # export.py builds the record and calls this (deferred, as fpdf2 is slow to import)
    from bot.reports.export import CaseRecord

_FONT = "Helvetica"


def latin1(text: str) -> str:
    """`text` as fpdf2's core fonts can draw it (Latin-1), with typographic marks made plain."""
    replacements = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
                    "\u2026": "...", "\u00a0": " ", "\u2022": "-"}
    text = "".join(replacements.get(ch, ch) for ch in text)
    return text.encode("latin-1", "replace").decode("latin-1")


class PdfWithFooter(FPDF):
    """An A4 document with a line at the foot of each page (who made it, and page n of N)."""

    def __init__(self, footer_text: str) -> None:
        super().__init__(format="A4")
        self.footer_text = footer_text

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font(_FONT, size=8)
        self.cell(0, 10, latin1(f"{self.footer_text}  -  page {self.page_no()} of {{nb}}"), align="C")


def case_pdf(record: CaseRecord) -> bytes:
    pdf = PdfWithFooter(f"Exported by {record.exported_by} on {record.exported_at}. Confidential.")
    pdf.set_title(latin1(f"{record.organisation}: case {record.reference}"))
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_page()

    def line(text: str, *, size: int = 10, bold: bool = False, gap: float = 1.5) -> None:
        pdf.set_font(_FONT, style="B" if bold else "", size=size)
        pdf.multi_cell(0, size * 0.5, latin1(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(gap)

    line(record.organisation, size=16, bold=True)
    line(f"Case record {record.reference}", size=13, bold=True, gap=4)
    for title, value in record.facts:
        line(f"{title}: {value}")
    pdf.ln(3)
    line("People involved", size=12, bold=True)
    for role, name in record.people:
        line(f"{role}: {name}")
    pdf.ln(3)
    line("What was reported", size=12, bold=True)
    line(record.description)
    pdf.ln(3)
    line("Chronology", size=12, bold=True)
    for entry in record.entries:
        heading = f"{entry.when} - {entry.what}, by {entry.who}"
        line(heading + (f" ({entry.detail})" if entry.detail else ""), bold=True, gap=0.5)
        if entry.text:
            line(entry.text, gap=2)
        else:
            pdf.ln(1.5)
    pdf.ln(3)
    line("Resolution", size=12, bold=True)
    line(record.resolution or "Not resolved yet.")
    return bytes(pdf.output())
