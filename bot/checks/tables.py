"""Tables, CSVs and forms read by their labels (round 21).

A pasted spreadsheet, a markdown table, a CSV export or a tab- or bar-separated list says what each
cell is in its header row: "Name | Age | School", "Surname,First name,DOB,School,Emergency contact".
Reading the header tells the checker what the prose detectors can only guess from the words around a
value:

* in a row that names a young person (the table has a name column, and a column only young people's
  tables have: age, date of birth, school, year, a parent or emergency contact, young_list_columns.txt),
  the cell under Age is their exact age, the cell under DOB their date of birth and the cell under
  School their school; the name cells are their full name (a first name and a surname in columns of
  their own are one name). A table with an adult's columns (role, DBS: adult_form_fields.txt) is of
  staff or volunteers, and a row whose age is 18 or more, or whose name has a title, is a grown-up's;
* what a column says a cell is also rules out what it is not: a date under "Timestamp" or "Start
  date" is when something happened, not a birth date (moment_labels.txt); a name under "Parent/carer"
  or "Emergency contact" is an adult's (adult_contact_labels.txt); a header's own words, and a school's
  or an age's cell, are nobody's name; and no postal address runs from one row into the next.

The same goes for a form's lines, read by their labels: "Timestamp: 03/11/2024 18:42:10" is when the
form came in, and "Parent/carer: Joanne Pike" names a grown-up.

Column headings are compared whole, in lower case (see the data files named above). A table is read
once a text (memoised on the Document), line by line, so a long paste costs time in proportion to
its length.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from bot.checks.context import CheckContext
from bot.checks.detectors import Span
from bot.checks.detectors.people import NOT_A_NAME
from bot.checks.document import Document
from bot.checks.findings import Kind
from bot.checks.lazy_regex import lazy_compile
from bot.checks.wordlists import entries, phrase_pattern

# What a column holds, by its heading.
NAME, FIRST, SURNAME, AGE, BIRTH, SCHOOL, ADULT, MOMENT, OTHER = (
    "name", "first", "surname", "age", "birth", "school", "adult", "moment", "other")
_SEPARATORS = ("|", "\t", ";", ",")
# A heading is a short label: letters first, a few words at most ("Age (yrs)", "School/College").
_HEADING = lazy_compile(r"[^\W\d_][\w '\u2019/.,()&?#-]{0,39}")
_MAX_HEADING_WORDS = 5
# A markdown table's rule line under its header: "|---|:---|".
_RULE_LINE = lazy_compile(r"[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*")
# An exact age, perhaps with its unit: "13", "14 yrs", "15 years old", "12y". Not a band ("11-14", "11+").
_EXACT_AGE = lazy_compile(r"(?P<age>\d{1,2})(?:[ \t]*(?:y|yrs?|years?(?:[ \t]+old)?|y/?o))?", re.IGNORECASE)
_OLDEST_CHILD = 17
# A date, in figures or with its month in words: "17/09/2010", "2012-05-30", "9 March 2011".
_DATE_CELL = lazy_compile(
    r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{4}[/.\-]\d{1,2}[/.\-]\d{1,2}"
    r"|\d{1,2}(?:st|nd|rd|th)?[ \t]+[A-Za-z]{3,9}\.?,?[ \t]+\d{2,4}|[A-Za-z]{3,9}\.?[ \t]+\d{1,2}(?:st|nd|rd|th)?,?[ \t]+\d{4}")
# Written in brackets too (round 27): "(home educated)", "(none)".
_NOTHING = lazy_compile(
    r"(?:-+|\?|(?P<open>\()?[ \t]*(?:none|n/?a|no|nil|tbc|tba|unknown|not[ \t]+known|home[ \t-]*(?:educated|schooled))[ \t]*(?(open)\)))",
    re.IGNORECASE)
_NAME_CELL_WORD = lazy_compile(r"[^\W\d_][^\W\d_'\u2019.-]*(?:['\u2019.-][^\W\d_]+)*\.?")
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "rev", "sir", "dame", "cllr"})
# A form's line: its label, then a colon or a dash, then the value ("Parent/carer: Joanne Pike").
_FORM_LINE = lazy_compile(r"^[ \t]*(?P<label>[^\W\d_][^:\n]{0,40}?)[ \t]*(?:[:=]|[ \t][-\u2013][ \t])[ \t]*(?P<value>[^\n]*)", re.MULTILINE)
# A moment's label may go straight into its date: "Timestamp 03/11/2024 18:42", "Form received 22/10/2024".
_MOMENT_LINE_START = lazy_compile(r"^[ \t]*(?P<label>[^\W\d_][^\W\d\n]{0,40}?)[ \t]+(?=\d)", re.MULTILINE)
_MAX_LINE = 2000
_DIGIT = lazy_compile(r"\d")


@dataclass(frozen=True, slots=True)
class Cell:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[Cell, ...]
    roles: tuple[str, ...]
    header_start: int
    header_end: int
    end: int  # just after its last row
    rows: tuple[tuple[Cell, ...], ...]
    known: bool  # a heading says what a column holds (not only "Venue | Room | Capacity")
    young: bool


def _split(line: str, offset: int, separator: str) -> list[Cell]:
    """The cells of one line, with their offsets in the text; a CSV cell may be in double quotes."""
    cells = []
    body_start, body_end = 0, len(line)
    if separator == "|":
        stripped = line.strip()
        if stripped.startswith("|"):
            body_start = line.index("|") + 1
        if stripped.endswith("|") and len(stripped) > 1:
            body_end = line.rindex("|")
    position = body_start
    while position <= body_end:
        cell_end = line.find(separator, position, body_end)
        cell_end = body_end if cell_end < 0 else cell_end
        raw = line[position:cell_end]
        inner_start = position + len(raw) - len(raw.lstrip())
        inner_end = position + len(raw.rstrip())
        if separator in ",;" and line.startswith('"', inner_start):
            closing = line.find('"', inner_start + 1)
            if closing >= 0:
                after = line.find(separator, closing, body_end)
                cell_end = body_end if after < 0 else after
                inner_start, inner_end = inner_start + 1, closing
        cells.append(Cell(offset + inner_start, offset + max(inner_start, inner_end), line[inner_start:max(inner_start, inner_end)]))
        position = cell_end + 1
    return cells


class TableReader:
    """Built once from the CheckContext; reads a Document's tables and form lines."""

    def __init__(self, context: CheckContext):
        extra = context.extra_terms

        def heading_set(name: str) -> frozenset[str]:
            return frozenset(entry.lower() for entry in entries(name, extra))

        self._by_heading: dict[str, str] = {}
        for role, list_name in ((MOMENT, "moment_labels"), (ADULT, "adult_contact_labels"),
                                (SCHOOL, "school_form_labels"), (BIRTH, "table_birth_columns"),
                                (AGE, "table_age_columns"), (SURNAME, "table_surname_columns"),
                                (FIRST, "table_first_name_columns"), (NAME, "table_name_columns")):
            for heading in heading_set(list_name):
                self._by_heading.setdefault(heading, role)
        # Columns only a young person's table has, besides those above: "Year group", "Medical", "Photo consent".
        self._young_column = lazy_compile(
            rf"(?<![\w-])(?:{phrase_pattern(entries('young_list_columns', extra))}|year|yr|year[ \t]+group)(?![\w-])",
            re.IGNORECASE)
        # Columns of an adult's record: "Role", "DBS renewal", "Employer".
        self._adult_column = lazy_compile(
            rf"(?<![\w-])(?:{phrase_pattern(entries('adult_form_fields', extra))})(?![\w-])", re.IGNORECASE)
        self._org_people = frozenset(" ".join(name.lower().split()) for name in context.org_people)
        self._adult_label = lazy_compile(
            rf"(?:{phrase_pattern(entries('adult_contact_labels', extra))})(?:[ \t]*\(?[ \t]*name[ \t]*\)?)?", re.IGNORECASE)
        self._moment_label = lazy_compile(rf"(?:{phrase_pattern(entries('moment_labels', extra))})", re.IGNORECASE)

    def role(self, heading: str) -> str:
        key = " ".join(heading.lower().replace("_", " ").split()).rstrip(":?* ")
        return self._by_heading.get(key, OTHER)

    # --- reading the tables -------------------------------------------------------------------
    def tables(self, doc: Document) -> list[Table]:
        if "tables" not in doc.memo:
            doc.memo["tables"] = self._read_tables(doc.masked) if "\n" in doc.masked else []
        return doc.memo["tables"]  # type: ignore[return-value]

    def _header(self, line: str, offset: int) -> tuple[str, list[Cell], tuple[str, ...]] | None:
        for separator in _SEPARATORS:
            if separator not in line:
                continue
            cells = _split(line, offset, separator)
            named = [cell for cell in cells if cell.text]
            if len(named) < 2 or any(_HEADING.fullmatch(cell.text) is None
                                     or len(cell.text.split()) > _MAX_HEADING_WORDS for cell in named):
                continue
            roles = tuple(self.role(cell.text) for cell in cells)
            # A CSV's header needs a heading we know: a sentence with commas has short parts too.
            if any(role != OTHER for role in roles) or separator in "|\t":
                return separator, cells, roles
        return None

    def _read_tables(self, text: str) -> list[Table]:
        tables: list[Table] = []
        lines = text.split("\n")
        offsets = []
        position = 0
        for line in lines:
            offsets.append(position)
            position += len(line) + 1
        i = 0
        while i < len(lines):
            line = lines[i]
            header = self._header(line, offsets[i]) if len(line) <= _MAX_LINE else None
            if header is None:
                i += 1
                continue
            separator, cells, roles = header
            rows = []
            j = i + 1
            while j < len(lines):
                row_line = lines[j]
                if _RULE_LINE.fullmatch(row_line) and separator == "|":
                    j += 1
                    continue
                if separator not in row_line or len(row_line) > _MAX_LINE:
                    break
                row = _split(row_line, offsets[j], separator)
                # A CSV's rows have its header's cells; a bar or tab table may leave the last ones off.
                if (separator in ",;" and len(row) != len(cells)) or len(row) < 2 or len(row) > len(cells) + 1:
                    break
                rows.append(tuple(row))
                j += 1
            if rows:
                known = any(role != OTHER for role in roles)
                end = offsets[j - 1] + len(lines[j - 1])
                tables.append(Table(tuple(cells), roles, offsets[i], offsets[i] + len(line), end, tuple(rows),
                                    known, known and self._of_the_young(cells, roles)))
            i = max(j, i + 1)
        return tables

    def _of_the_young(self, cells: list[Cell], roles: tuple[str, ...]) -> bool:
        """A table of people (a name column) with a column only young people's tables have, and none of
        an adult's record (role, DBS)."""
        if not any(role in (NAME, FIRST, SURNAME) for role in roles):
            return False
        if any(self._adult_column.search(cell.text) for cell in cells):
            return False
        return any(role in (AGE, BIRTH, SCHOOL, ADULT) for role in roles) or any(
            self._young_column.fullmatch(cell.text.strip()) for cell in cells if cell.text)

    # --- what a young person's row gives away ---------------------------------------------------
    def find(self, doc: Document) -> list[Span]:
        spans: list[Span] = []
        for table in self.tables(doc):
            if not table.young:
                continue
            for row in table.rows:
                spans += self._row_findings(table, row)
        return spans

    def _row_findings(self, table: Table, row: tuple[Cell, ...]) -> list[Span]:
        cells = {role: [] for role in (NAME, FIRST, SURNAME, AGE, BIRTH, SCHOOL)}
        for role, cell in zip(table.roles, row, strict=False):
            if role in cells and cell.text:
                cells[role].append(cell)
        names = cells[NAME] + cells[FIRST] + cells[SURNAME]
        if not names:
            return []  # a row naming no one: a count, a total, a note
        words = [word for cell in names for word in _NAME_CELL_WORD.findall(cell.text)]
        if not words or words[0].rstrip(".").lower() in _TITLES or words[0] in NOT_A_NAME:
            return []  # "Mr Doyle", or a row of headings repeated
        if " ".join(word.lower() for word in words) in self._org_people:
            return []
        spans = []
        for cell in cells[AGE]:
            age = _EXACT_AGE.fullmatch(cell.text)
            if age is not None and int(age.group("age")) > _OLDEST_CHILD:
                return []  # a grown-up's row
            if age is not None and int(age.group("age")) >= 3:
                spans.append(Span(Kind.DATE_OF_BIRTH, cell.start, cell.end))
        for cell in cells[BIRTH]:
            if _DATE_CELL.search(cell.text):
                spans.append(Span(Kind.DATE_OF_BIRTH, cell.start, cell.end))
        for cell in cells[SCHOOL]:
            if _NOTHING.fullmatch(cell.text) is None and any(ch.isalpha() for ch in cell.text):
                spans.append(Span(Kind.SCHOOL, cell.start, cell.end))
        spans += self._full_names(cells[NAME], cells[FIRST], cells[SURNAME])
        return spans

    @staticmethod
    def _full_names(whole: list[Cell], first: list[Cell], surname: list[Cell]) -> list[Span]:
        """A name cell of two or more capitalised words, or a first name and a surname in cells of their own."""
        spans = []
        for cell in whole:
            words = _NAME_CELL_WORD.findall(cell.text)
            if len(words) >= 2 and all(word[0].isupper() for word in words[:2]):
                spans.append(Span(Kind.FULL_NAME, cell.start, cell.end))
        if first and surname and first[0].text[:1].isupper() and surname[0].text[:1].isupper():
            start = min(first[0].start, surname[0].start)
            end = max(first[0].end, surname[0].end)
            spans.append(Span(Kind.FULL_NAME, start, end))
        return spans

    # --- what the labels rule out ----------------------------------------------------------------
    def not_ruled_out(self, doc: Document, spans: list[Span]) -> list[Span]:
        """The spans, less those a table's columns or a form's labels say are something else."""
        if not spans:
            return spans
        if "ruled_out" not in doc.memo:
            doc.memo["ruled_out"] = self._ruled_out(doc)
        stretches: dict[Kind, tuple[list[int], list[int]]] = doc.memo["ruled_out"]  # type: ignore[assignment]
        kept = []
        for span in spans:
            starts, ends = stretches.get(span.kind, ((), ()))
            i = bisect_right(starts, span.start) - 1
            if i >= 0 and span.end <= ends[i]:
                continue
            kept.append(span)
        return self._addresses_within_rows(doc, kept)

    def _ruled_out(self, doc: Document) -> dict[Kind, tuple[list[int], list[int]]]:
        """What the labels rule out, by kind, as sorted stretches that do not overlap, so that a table of
        thousands of rows costs time in proportion to its length (a span is looked up by bisection)."""
        ruled_out: list[tuple[Kind, int, int]] = []
        for table in self.tables(doc):
            if not table.known:
                continue
            # A header's words are labels: nobody's name, school or anything else.
            ruled_out += [(kind, table.header_start, table.header_end) for kind in Kind]
            for row in table.rows:
                for role, cell in zip(table.roles, row, strict=False):
                    if role in (SCHOOL, AGE, BIRTH, ADULT, MOMENT):
                        ruled_out.append((Kind.FULL_NAME, cell.start, cell.end))
                    if role == MOMENT:
                        ruled_out.append((Kind.DATE_OF_BIRTH, cell.start, cell.end))
        ruled_out += self._form_lines_ruled_out(doc.masked)
        stretches: dict[Kind, tuple[list[int], list[int]]] = {}
        for kind, start, end in sorted(ruled_out, key=lambda r: (r[0], r[1])):
            starts, ends = stretches.setdefault(kind, ([], []))
            if starts and start < ends[-1]:
                ends[-1] = max(ends[-1], end)
            else:
                starts.append(start)
                ends.append(end)
        return stretches

    def _form_lines_ruled_out(self, text: str) -> list[tuple[Kind, int, int]]:
        if ":" not in text and "-" not in text and "=" not in text and _DIGIT.search(text) is None:
            return []
        ruled_out = []
        for line in _FORM_LINE.finditer(text):
            label = line.group("label").strip()
            if self._adult_label.fullmatch(label):
                ruled_out.append((Kind.FULL_NAME, line.start("value"), line.end("value")))
            elif self._moment_label.fullmatch(label):
                ruled_out.append((Kind.DATE_OF_BIRTH, line.start("value"), line.end("value")))
        for line in _MOMENT_LINE_START.finditer(text):
            if self._moment_label.fullmatch(line.group("label").strip()):
                line_end = text.find("\n", line.end())
                ruled_out.append((Kind.DATE_OF_BIRTH, line.end(), len(text) if line_end < 0 else line_end))
        return ruled_out

    def _addresses_within_rows(self, doc: Document, spans: list[Span]) -> list[Span]:
        """A postal address does not run from one row of a table into the next ("6\\nDenmark Road")."""
        tables = self.tables(doc)
        if not tables:
            return spans
        text = doc.masked
        kept = []
        for span in spans:
            if span.kind is Kind.POSTAL_ADDRESS and "\n" in text[span.start:span.end] and any(
                    table.header_start <= span.start and span.end <= table.end for table in tables):
                continue
            kept.append(span)
        return kept
