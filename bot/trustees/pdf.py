"""The trustees' report as a PDF: tables of figures, and two charts (reports by month, and how long they
took to acknowledge and to resolve), drawn by matplotlib.

Imported only when a PDF is made: matplotlib takes a while to load, and nothing else in the bot needs it."""

from __future__ import annotations

import io
import textwrap
from collections import Counter
from datetime import date

from fpdf.enums import XPos, YPos

from bot.reports.figures import ResponseFigures, Spread, duration_text, percent
from bot.reports.kinds import STATUTORY_CLOCKS, ReportKind
from bot.reports.pdf import PdfWithFooter, latin1
from bot.trustees.report import TrusteesReport, kind_label

_FONT = "Helvetica"
CHART_WIDTH_MM = 180


def _month_name(month: tuple[date, date]) -> str:
    return f"{month[0]:%b %Y}"


def _times(spread: Spread | None) -> tuple[str, str]:
    return (duration_text(spread.median), duration_text(spread.worst)) if spread else ("-", "-")


def _in_time(f: ResponseFigures) -> str:
    return f"{f.in_time} of {f.due} ({percent(f.share_in_time)})" if f.due else "-"


def _png(figure) -> bytes:  # type: ignore[no-untyped-def]
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=150, bbox_inches="tight")
    return buffer.getvalue()


def reports_by_month_chart(report: TrusteesReport) -> bytes:
    """Reports filed each month, stacked by kind."""
    # matplotlib.figure.Figure draws with the Agg (PNG) renderer without pyplot, so no global backend
    # or open-figure state is touched: safe inside the running bot.
    from matplotlib.figure import Figure

    labels = [_month_name(month) for month, _ in report.month_totals]
    figure = Figure(figsize=(8, 3.4))
    axes = figure.subplots()
    bottom = [0] * len(labels)
    for kind in ReportKind:
        counts = [row.figures.filed for row in report.months if row.kind == kind.value]
        if any(counts):
            axes.bar(labels, counts, bottom=bottom, label=textwrap.fill(kind_label(kind.value), 34))
            bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
    axes.set_title("Reports filed each month, by kind")
    axes.set_ylabel("Reports")
    axes.yaxis.get_major_locator().set_params(integer=True)
    if any(bottom):
        axes.legend(fontsize=6, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    axes.tick_params(axis="x", labelsize=7, rotation=45 if len(labels) > 6 else 0)
    return _png(figure)


def response_times_chart(report: TrusteesReport) -> bytes:
    """Median and worst times to acknowledge (hours) and to resolve (days), month by month."""
    from matplotlib.figure import Figure

    labels = [_month_name(month) for month, _ in report.month_totals]
    positions = list(range(len(labels)))
    figure = Figure(figsize=(8, 3.4))
    acknowledge, resolve = figure.subplots(1, 2)
    for axes, attribute, unit, seconds in ((acknowledge, "to_acknowledge", "hours", 3600), (resolve, "to_resolve", "days", 86400)):
        spreads = [getattr(figures, attribute) for _, figures in report.month_totals]
        medians = [s.median.total_seconds() / seconds if s else 0 for s in spreads]
        worst = [s.worst.total_seconds() / seconds if s else 0 for s in spreads]
        axes.bar([p - 0.2 for p in positions], medians, width=0.4, label="median")
        axes.bar([p + 0.2 for p in positions], worst, width=0.4, label="worst")
        axes.set_xticks(positions, labels, fontsize=7, rotation=45 if len(labels) > 4 else 0)
        axes.set_ylabel(unit)
        axes.legend(fontsize=7)
    acknowledge.set_title("Time to acknowledge", fontsize=10)
    resolve.set_title("Time to resolve", fontsize=10)
    figure.tight_layout()
    return _png(figure)


def trustees_pdf(report: TrusteesReport) -> bytes:
    pdf = PdfWithFooter(f"Made on {report.made_at}. Counts and roles only: no names, no report's words.")
    pdf.set_title(latin1(f"{report.organisation}: safeguarding figures for the trustees"))
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_page()

    def line(text: str, *, size: int = 10, bold: bool = False, gap: float = 1.5) -> None:
        pdf.set_font(_FONT, style="B" if bold else "", size=size)
        pdf.multi_cell(0, size * 0.5, latin1(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(gap)

    def heading(text: str) -> None:
        pdf.ln(3)
        line(text, size=12, bold=True)

    def table(headings: list[str], rows: list[list[str]], widths: tuple[int, ...]) -> None:
        pdf.set_font(_FONT, size=8)
        with pdf.table(col_widths=widths, text_align=("LEFT", *("RIGHT",) * (len(widths) - 1)), line_height=4.2,
                       first_row_as_headings=True) as drawn:
            for cells in [headings, *rows]:
                row = drawn.row()
                for cell in cells:
                    row.cell(latin1(cell))
        pdf.ln(2)

    def counted(counter: Counter[str], empty: str) -> None:
        if not counter:
            line(empty)
        for name, n in counter.most_common():
            line(f"{name.replace('_', ' ')}: {n}", gap=0.5)

    line(report.organisation, size=16, bold=True)
    line("Safeguarding figures for the trustees", size=13, bold=True)
    line(f"{report.period_text}. Reports are those filed in the period, as they stood {report.judged_at}.", gap=3)

    kinds = [k.value for k in ReportKind if k.value in report.kinds]
    heading("Reports by kind and outcome")
    total = report.total
    table(["Kind", "Filed", "Resolved", "Still open", "Not acknowledged, past deadline"],
          [[kind_label(k), str(f.filed), str(f.resolved), str(f.still_open), str(f.waiting)]
           for k, f in ((k, report.kinds[k]) for k in kinds)]
          + [["All reports", str(total.filed), str(total.resolved), str(total.still_open), str(total.waiting)]],
          (80, 20, 20, 20, 40))

    heading("Response times")
    line("Acknowledged within the deadline the report was given when filed; times from filing.", size=9)
    table(["Kind", "Acknowledged in time", "Median to acknowledge", "Worst to acknowledge", "Median to resolve",
           "Worst to resolve"],
          [[kind_label(k), _in_time(f), *_times(f.to_acknowledge), *_times(f.to_resolve)]
           for k, f in ((k, report.kinds[k]) for k in kinds)]
          + [["All reports", _in_time(total), *_times(total.to_acknowledge), *_times(total.to_resolve)]],
          (60, 26, 26, 26, 26, 26))

    heading("Escalations")
    line(f"Reports passed on: {total.passed_on} ({total.passed_on_automatically} automatically, because nobody "
         f"acknowledged them in time).", gap=0.5)
    line(f"Reports that reached the end of their chain: {total.end_of_chain}.", gap=0.5)
    heading("Deadlines to tell bodies outside")
    line(f"Open {report.judged_at}, with nothing recorded yet (the report not resolved):", size=9)
    for clock_id, clocks in report.clocks_at_end.items():
        body = STATUTORY_CLOCKS[clock_id].body  # "the LADO"
        line(f"{body[:1].upper()}{body[1:]}: {clocks.open} open ({clocks.overdue} past the deadline).", gap=0.5)

    heading("Month by month")
    table(["Month", "Filed", "Acknowledged in time", "Median to acknowledge", "Median to resolve", "Passed on"],
          [[_month_name(month), str(f.filed), _in_time(f), _times(f.to_acknowledge)[0], _times(f.to_resolve)[0],
            str(f.passed_on)] for month, f in report.month_totals],
          (30, 20, 35, 35, 35, 25))
    pdf.image(io.BytesIO(reports_by_month_chart(report)), w=CHART_WIDTH_MM)
    pdf.ln(2)
    pdf.image(io.BytesIO(response_times_chart(report)), w=CHART_WIDTH_MM)

    heading("Outgoing checks")
    line(f"Personal details caught before going out: {sum(report.checks.values())}.", gap=0.5)
    counted(report.checks, "")
    heading("Moderated groups")
    line(f"Posts flagged: {sum(report.flagged.values())}. Moderators' decisions: {sum(report.decisions.values())}.", gap=0.5)
    counted(report.flagged, "")
    counted(report.decisions, "")

    heading("Policy sign-off (as it stands today)")
    if report.unsigned is None:
        line("The policy file could not be read, so sign-off could not be counted.")
    else:
        signed = report.people - report.unsigned
        line(f"{signed} of {report.people} people have signed the current policy "
             f"({percent(signed / report.people if report.people else None)}).", gap=0.5)
        if report.unsigned_roles:
            line("Not signed yet, by role:", gap=0.5)
            counted(report.unsigned_roles, "")

    heading("DBS checks (as they stand today)")
    if not report.dbs_in_use:
        line("The DBS register is not kept in the bot.")
    else:
        line(f"Current checks recorded: {report.dbs_current}. Due for review in the next 60 days: {report.dbs_due_soon}.", gap=0.5)
        if report.dbs_missing_roles:
            line("Roles that need a check, held without a current one:", gap=0.5)
            counted(report.dbs_missing_roles, "")
        else:
            line("Everyone in a role that needs a check has a current one.")

    heading("Young leaders' access reviews")
    line(f"Reviews done in the period: {sum(report.reviews_done.values())}. Waiting for a decision today: "
         f"{report.reviews_waiting}.", gap=0.5)
    counted(report.reviews_done, "")
    return bytes(pdf.output())
