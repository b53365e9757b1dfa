"""The participant roster, kept as keyed hashes so that it never sits anywhere in clear.

The roster is personal data about children (policy section 3), yet the checker needs to recognise
"Amy Smith" in a caption. So we store, per participant, only HMAC-SHA256 digests of the normalised
first name, surname and school, made with a secret key that lives outside the database. A copy of
the database file then reveals neither names nor schools, and without the key nobody can test
guesses against it either (which an unkeyed hash would allow with a list of common names). The
checker recognises a name by normalising and hashing the words of the text with the same key.

Normalisation makes "Amy Smith's", "AMY SMITH", "amy  smith" and "Amy Smíth" hash alike: case and
accents are folded, apostrophes and a possessive 's are dropped, and hyphens count as spaces
("Mary-Jane" is "mary jane").

Keep the key as 32 random bytes (``secrets.token_bytes(32)``) in the bot's configuration, not in the
database. Losing it only means re-importing the roster.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import hmac
import io
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from bot.checks.lazy_regex import lazy_compile

__all__ = [
    "REQUIRED_COLUMNS",
    "RosterCsvError",
    "RosterEntry",
    "RosterIndex",
    "RosterRow",
    "RowError",
    "decode_roster_file",
    "entries_from_rows",
    "hash_initial",
    "hash_school",
    "hash_token",
    "normalise_name",
    "normalise_school",
    "parse_roster_csv",
    "roster_key_check",
]

# Domain separation: a surname and a school that happen to normalise to the same string must not
# produce the same digest.
_NAME_DOMAIN = b"tmw-roster-name\x00"
_SCHOOL_DOMAIN = b"tmw-roster-school\x00"
_KEY_CHECK_DOMAIN = b"tmw-roster-key-check\x00"
_INITIAL_DOMAIN = b"tmw-roster-initial\x00"

_POSSESSIVE = lazy_compile(r"['\u2019\u02bc]s\b")
_APOSTROPHES = lazy_compile(r"['\u2019\u02bc`\u00b4]")
_SEPARATORS = lazy_compile(r"[\s\-\u2010\u2011\u2012\u2013\u2014._]+")


def _fold(text: str) -> str:
    """Lower case without accents: "Zoë" -> "zoe"."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def normalise_name(name: str) -> str:
    """Fold a name (one word or several) to the form that gets hashed: "Smith's" -> "smith"."""
    folded = _POSSESSIVE.sub("", _fold(name))
    folded = _APOSTROPHES.sub("", folded)
    return _SEPARATORS.sub(" ", folded).strip()


# Words that people leave off or add when naming a school: "Pate's Grammar School" is usually just
# "Pate's Grammar", and "The Crypt School" just "Crypt School".
_SCHOOL_NOISE_PREFIX = "the "
_SCHOOL_NOISE_SUFFIX = " school"


def normalise_school(name: str) -> str:
    """Fold a school's name: "The Pate's Grammar School" -> "pates grammar".

    Unlike a surname, the possessive is part of a school's name, so only the apostrophe goes.
    """
    folded = _SEPARATORS.sub(" ", _APOSTROPHES.sub("", _fold(name))).strip()
    folded = folded.removeprefix(_SCHOOL_NOISE_PREFIX)
    if folded.endswith(_SCHOOL_NOISE_SUFFIX):
        folded = folded[: -len(_SCHOOL_NOISE_SUFFIX)]
    return folded


def _digest(key: bytes, domain: bytes, normalised: str) -> str:
    return hmac.digest(key, domain + normalised.encode("utf-8"), hashlib.sha256).hex()


def hash_token(key: bytes, token: str) -> str:
    """Keyed hash (HMAC-SHA256, hex) of a normalised name or name token."""
    return _digest(key, _NAME_DOMAIN, normalise_name(token))


def initial_form(first: str, last: str) -> str:
    """First name and surname initial, normalised: ("Ella", "Grant") -> "ella g", ("Sam", "van der Berg") -> "sam v"."""
    return f"{normalise_name(first)} {normalise_name(last)[:1]}"


def hash_initial(key: bytes, first: str, last: str) -> str:
    """Keyed hash of a first name and a surname's initial ("Ella G"), in its own domain: a caption
    that shortens the surname still points at one child, and the stored digest says no more than the
    first name's does."""
    return _digest(key, _INITIAL_DOMAIN, initial_form(first, last))


def roster_key_check(key: bytes) -> str:
    """A short fingerprint of the key, kept with an imported roster: hashes made with one key never
    match names hashed with another, so a checker given the wrong key would silently find no names.
    Comparing fingerprints tells it so. It reveals nothing about the key or the roster."""
    return _digest(key, _KEY_CHECK_DOMAIN, "")[:16]


def hash_school(key: bytes, school: str) -> str:
    """Keyed hash (HMAC-SHA256, hex) of a normalised school name."""
    return _digest(key, _SCHOOL_DOMAIN, normalise_school(school))


@dataclass(frozen=True, slots=True)
class RosterEntry:
    """One participant as stored: digests and a flag, nothing in clear.

    Plain str/bool fields, so ``dataclasses.asdict(entry)`` and ``RosterEntry(**row)`` are all the
    storage layer needs.
    """

    first_hash: str
    last_hash: str
    school_hash: str | None
    photo_consent: bool
    # First name and surname initial ("Ella G"); None for entries stored before it was kept.
    initial_hash: str | None = None


@dataclass(frozen=True, slots=True)
class RosterRow:
    """One participant as read from the CSV, in clear. Short-lived: turn it into a RosterEntry.

    The names are left out of repr() so that a stray log line or traceback does not print them.
    """

    line: int
    first_name: str = field(repr=False)
    last_name: str = field(repr=False)
    school: str | None = field(repr=False)
    photo_consent: bool


@dataclass(frozen=True, slots=True)
class RowError:
    line: int
    problem: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.problem}"


class RosterCsvError(ValueError):
    """The CSV had problems; ``errors`` lists every one, with its line number. Nothing was imported."""

    def __init__(self, errors: Sequence[RowError]):
        self.errors = list(errors)
        count = len(self.errors)
        heading = f"The roster was not imported: {count} problem{'s' if count != 1 else ''} found."
        super().__init__("\n".join([heading, *(str(e) for e in self.errors)]))


REQUIRED_COLUMNS = ("first_name", "last_name", "school", "photo_consent")

# Booking-form exports say consent in many ways. We accept the common ones, case-insensitively;
# anything else (including a blank) is an error rather than a guess, because guessing "yes" could
# publish a child whose family said no.
_CONSENT_WORDS = {
    "yes": True, "y": True, "true": True, "1": True,
    "no": False, "n": False, "false": False, "0": False,
}


# The spellings spreadsheets and booking forms use for each column, compared after _header_key().
COLUMN_SPELLINGS: dict[str, tuple[str, ...]] = {
    "first_name": ("first name", "firstname", "forename", "forenames", "given name", "first names"),
    "last_name": ("last name", "lastname", "surname", "family name"),
    "school": ("school", "school name"),
    "photo_consent": ("photo consent", "photo permission", "photography consent", "consent to photos",
                      "photo consent yes no"),
}
_COLUMN_BY_SPELLING = {spelling: column for column, spellings in COLUMN_SPELLINGS.items() for spelling in spellings}
_COLUMN_SEPARATORS = ",;\t"

HOW_TO_SAVE = ("Save it from your spreadsheet as CSV: in Excel, File > Save As > \"CSV UTF-8 (Comma delimited)\"; "
               "in Google Sheets, File > Download > Comma-separated values; in Numbers, File > Export To > CSV.")


_HEADER_HELP = ("The first row must name the columns first_name, last_name, school and photo_consent "
                "(\"First name\", \"Surname\", \"School\" and \"Photo consent\" are fine too), separated by "
                "commas, semicolons or tabs.")


def _header_key(cell: str) -> str:
    """ "First Name", "first_name", " FIRST-NAME " -> "first name"."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", cell.lower()).split())


def _column_name(cell: str) -> str:
    key = _header_key(cell)
    return _COLUMN_BY_SPELLING.get(key, key.replace(" ", "_"))


def decode_roster_file(data: bytes) -> str:
    """The text of a roster file as spreadsheets save it: UTF-8 (with or without a byte-order mark),
    UTF-16 (Excel's "Unicode Text", with a byte-order mark or without), or Windows-1252 (Excel's
    plain "CSV" on Windows). Raises RosterCsvError saying how to save the file otherwise."""
    text = _decode(data)
    if text is None or not _looks_like_text(text):
        raise RosterCsvError([RowError(1, "the file is not a CSV or text file we can read. " + HOW_TO_SAVE)])
    return text


_BYTE_ORDER_MARKS = (  # UTF-32's marks first: UTF-32-LE's begins with UTF-16-LE's
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


def _decode(data: bytes) -> str | None:
    try:
        for bom, encoding in _BYTE_ORDER_MARKS:
            if data.startswith(bom):
                return data.decode(encoding)
        sample = data[:4096]
        if b"\x00" in sample:
            # UTF-16 without a byte-order mark: in names and yes/no, every other byte is zero.
            odd_zeros, even_zeros = sample[1::2].count(0), sample[0::2].count(0)
            if max(odd_zeros, even_zeros) * 4 < len(sample):
                return None  # zeros, but not text: a workbook or a PDF
            return data.decode("utf-16-le" if odd_zeros >= even_zeros else "utf-16-be")
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data.decode("cp1252")
    except UnicodeDecodeError:
        return None


def _looks_like_text(text: str) -> bool:
    """No control characters other than line breaks and tabs: a workbook or PDF has plenty."""
    return not any(ord(ch) < 32 and ch not in "\r\n\t" for ch in text)


def _separator(text: str) -> str:
    """The column separator: csv.Sniffer on the first lines, then whichever of , ; and tab makes a
    header with every required column (European Excel uses ";", "Unicode Text" tabs)."""
    sample = "\n".join(text.splitlines()[:20])
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=_COLUMN_SEPARATORS).delimiter
    except csv.Error:
        sniffed = ","
    header_line = text.splitlines()[0] if text.strip() else ""
    for candidate in (sniffed, *(c for c in _COLUMN_SEPARATORS if c != sniffed)):
        header = next(csv.reader([header_line], delimiter=candidate), [])
        if set(REQUIRED_COLUMNS) <= {_column_name(cell) for cell in header}:
            return candidate
    return sniffed


def parse_roster_csv(text: str | bytes) -> list[RosterRow]:
    """Parse a roster export with the columns first_name,last_name,school,photo_consent.

    Column names are matched case-insensitively, in their usual spellings ("First Name", "Surname",
    "Photo consent"; see COLUMN_SPELLINGS), and may come in any order; extra columns (booking forms
    have many) are ignored. Columns may be separated by commas, semicolons or tabs. Given bytes, the
    encoding is worked out (decode_roster_file). ``school`` may be blank. ``photo_consent`` must be
    yes/no (also y/n, true/false, 1/0, any case). Blank lines are skipped. A byte-order mark and
    Windows line endings are fine. Raises RosterCsvError listing every bad row if anything is wrong,
    so that a roster is imported whole or not at all. Errors never quote names back.
    """
    if isinstance(text, bytes):
        text = decode_roster_file(text)
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise RosterCsvError([RowError(1, "the file is empty; expected a header row: " + ",".join(REQUIRED_COLUMNS))])

    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_separator(text))
    try:
        header = next(reader)
    except csv.Error as exc:
        raise RosterCsvError([RowError(1, f"the header row is not valid CSV ({exc})")]) from None
    columns = [_column_name(name.strip().removeprefix("\ufeff")) for name in header]
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        raise RosterCsvError([RowError(reader.line_num, "missing column(s): " + ", ".join(missing) + ". " + _HEADER_HELP)])
    position = {name: columns.index(name) for name in REQUIRED_COLUMNS}

    rows: list[RosterRow] = []
    errors: list[RowError] = []
    last_line = reader.line_num
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            errors.append(RowError(last_line + 1, f"not valid CSV ({exc})"))
            break
        # line_num counts physical lines read so far; a record starts on the line after the last one.
        line = last_line + 1
        last_line = reader.line_num
        if not any(cell.strip() for cell in record):
            continue
        if len(record) < len(columns):
            errors.append(RowError(line, f"expected {len(columns)} columns, found {len(record)}"))
            continue
        if len(record) > len(columns) and any(cell.strip() for cell in record[len(columns):]):
            errors.append(RowError(line, f"expected {len(columns)} columns, found {len(record)}"))
            continue

        first = record[position["first_name"]].strip()
        last = record[position["last_name"]].strip()
        school = record[position["school"]].strip() or None
        consent_text = record[position["photo_consent"]].strip()
        problems = []
        if not normalise_name(first):
            problems.append("first_name is blank")
        if not normalise_name(last):
            problems.append("last_name is blank")
        consent = _CONSENT_WORDS.get(consent_text.lower())
        if consent is None:
            if consent_text:
                problems.append(f"photo_consent must be yes or no, not {consent_text[:20]!r}")
            else:
                problems.append("photo_consent is blank; enter yes or no")
        if problems:
            errors.append(RowError(line, "; ".join(problems)))
            continue
        rows.append(RosterRow(line=line, first_name=first, last_name=last, school=school, photo_consent=bool(consent)))

    if errors:
        raise RosterCsvError(errors)
    return rows


def entries_from_rows(key: bytes, rows: Iterable[RosterRow]) -> list[RosterEntry]:
    """Hash clear rows into the entries that may be stored."""
    return [
        RosterEntry(
            first_hash=hash_token(key, row.first_name),
            last_hash=hash_token(key, row.last_name),
            school_hash=hash_school(key, row.school) if row.school else None,
            photo_consent=row.photo_consent,
            initial_hash=hash_initial(key, row.first_name, row.last_name),
        )
        for row in rows
    ]


@dataclass(frozen=True, slots=True)
class NameMatch:
    """A roster name found in a text: characters [start, end), possessive 's excluded."""

    start: int
    end: int
    opted_out: bool
    full_name: bool  # False when only an (unambiguous, opted-out) first name was matched


# Names are matched over runs of up to this many words each; "Mary Jane" and "van der Berg" fit.
MAX_FIRST_NAME_WORDS = 2
MAX_SURNAME_WORDS = 3
MAX_SCHOOL_WORDS = 6


class RosterIndex:
    """Lookup structures built from stored RosterEntry rows plus the key that made them."""

    def __init__(self, key: bytes, entries: Iterable[RosterEntry]):
        if not key:
            raise ValueError("the roster key must not be empty")
        self._key = key
        opted_out_by_pair: dict[tuple[str, str], bool] = {}
        consent_by_first: dict[str, set[bool]] = defaultdict(set)
        schools: set[str] = set()
        opted_out_by_initial: dict[str, bool] = {}
        count = 0
        for entry in entries:
            count += 1
            pair = (entry.first_hash, entry.last_hash)
            # Two participants with the same name and different answers: the cautious answer wins.
            opted_out_by_pair[pair] = opted_out_by_pair.get(pair, False) or not entry.photo_consent
            consent_by_first[entry.first_hash].add(entry.photo_consent)
            if entry.school_hash:
                schools.add(entry.school_hash)
            if entry.initial_hash:
                # "Ella G" when Ella Grant opted out and Ella Green did not: the cautious answer wins.
                opted_out_by_initial[entry.initial_hash] = (opted_out_by_initial.get(entry.initial_hash, False)
                                                            or not entry.photo_consent)
        self._size = count
        self._opted_out_by_pair = opted_out_by_pair
        self._first_hashes = frozenset(consent_by_first)
        self._last_hashes = frozenset(last for _, last in opted_out_by_pair)
        # A first name on its own can only be pinned on an opted-out participant when nobody on the
        # roster with that first name has consented.
        self._opted_out_only_firsts = frozenset(
            first for first, answers in consent_by_first.items() if answers == {False}
        )
        # First names shared by participants with different answers ("Ella" Grant opted out, "Ella"
        # Hughes did not): only a text that puts the name in a picture may report it (names.py).
        self._shared_opted_out_firsts = frozenset(
            first for first, answers in consent_by_first.items() if answers == {False, True}
        )
        self._school_hashes = frozenset(schools)
        self._opted_out_by_initial = opted_out_by_initial
        # Texts repeat the same words endlessly, so hashing is cached per normalised word run. The
        # cache lives in memory only, like the texts being checked.
        self._name_digest = lru_cache(maxsize=65_536)(self._name_digest_uncached)
        self._school_digest = lru_cache(maxsize=16_384)(self._school_digest_uncached)

    @classmethod
    def from_rows(cls, key: bytes, rows: Iterable[RosterRow]) -> RosterIndex:
        return cls(key, entries_from_rows(key, rows))

    def __len__(self) -> int:
        return self._size

    def __repr__(self) -> str:
        return f"RosterIndex({self._size} participants)"

    @property
    def has_schools(self) -> bool:
        return bool(self._school_hashes)

    @property
    def has_shared_opted_out_firsts(self) -> bool:
        """Does some first name belong to participants with different photo answers?"""
        return bool(self._shared_opted_out_firsts)

    @property
    def has_initials(self) -> bool:
        return bool(self._opted_out_by_initial)

    def is_first_name(self, normalised_first: str) -> bool:
        """Is this (normalised) word some participant's first name, whatever their consent?"""
        return bool(self._size) and self._name_digest(normalised_first) in self._first_hashes

    def first_name_consent(self, normalised_first: str) -> str | None:
        """For a (normalised) first name: "opted_out" when every participant so called has no photo
        consent, "some_opted_out" when some have and some have not, "consented" when all have, None
        when nobody on the roster is so called."""
        if not self._size:
            return None
        digest = self._name_digest(normalised_first)
        if digest in self._opted_out_only_firsts:
            return "opted_out"
        if digest in self._shared_opted_out_firsts:
            return "some_opted_out"
        return "consented" if digest in self._first_hashes else None

    def initial_opted_out(self, normalised_first: str, initial: str) -> bool | None:
        """For a first name and a surname's initial ("ella", "g"): True when a roster child so
        written has no photo consent, False when every one has consent, None when nobody on the
        roster is so written."""
        digest = self._initial_digest(f"{normalised_first} {normalise_name(initial)[:1]}")
        return self._opted_out_by_initial.get(digest)

    def _initial_digest(self, normalised: str) -> str:
        return _digest(self._key, _INITIAL_DOMAIN, normalised)

    def _name_digest_uncached(self, normalised: str) -> str:
        return _digest(self._key, _NAME_DOMAIN, normalised)

    def _school_digest_uncached(self, normalised: str) -> str:
        return _digest(self._key, _SCHOOL_DOMAIN, normalised)

    def find_names(self, words: Sequence[tuple[int, int, str]], joinable: Sequence[bool]) -> list[NameMatch]:
        """Find roster names among the words of a text.

        ``words`` are (start, end, normalised word) triples in order; ``joinable[i]`` says whether
        word i and word i+1 are separated only by spaces or a hyphen, so that they can be one name.
        Returns non-overlapping matches, longest first at each position.
        """
        if not self._size:
            return []
        digest = self._name_digest
        matches: list[NameMatch] = []
        count = len(words)
        i = 0
        while i < count:
            best: NameMatch | None = None
            first_text = ""
            for first_len in range(1, MAX_FIRST_NAME_WORDS + 1):
                first_end = i + first_len  # exclusive word index
                if first_end > count or (first_len > 1 and not joinable[first_end - 2]):
                    break
                first_text = words[i][2] if first_len == 1 else f"{first_text} {words[first_end - 1][2]}"
                first_hash = digest(first_text)
                if first_hash not in self._first_hashes:
                    continue
                last_text = ""
                for last_len in range(1, MAX_SURNAME_WORDS + 1):
                    last_end = first_end + last_len
                    if last_end > count or not joinable[last_end - 2]:
                        break
                    last_text = words[first_end][2] if last_len == 1 else f"{last_text} {words[last_end - 1][2]}"
                    last_hash = digest(last_text)
                    if last_hash not in self._last_hashes:
                        continue
                    opted_out = self._opted_out_by_pair.get((first_hash, last_hash))
                    if opted_out is not None and (best is None or words[last_end - 1][1] > best.end):
                        best = NameMatch(words[i][0], words[last_end - 1][1], opted_out, True)
                if best is None and first_len == 1 and first_hash in self._opted_out_only_firsts:
                    best = NameMatch(words[i][0], words[i][1], True, False)
            if best is not None:
                matches.append(best)
                while i < count and words[i][0] < best.end:
                    i += 1
            else:
                i += 1
        return matches

    def find_reversed_names(
        self, words: Sequence[tuple[int, int, str]], joinable: Sequence[bool], reversible: Sequence[bool]
    ) -> list[NameMatch]:
        """Find roster names written surname first, as registers list them: "Smith, Amy", "SMITH Amy".

        ``reversible[i]`` says whether word i may end a surname that the first name follows (a comma
        between them, or the surname in capitals and a space). Only full names: a surname alone
        says nothing.
        """
        if not self._size:
            return []
        digest = self._name_digest
        matches: list[NameMatch] = []
        count = len(words)
        i = 0
        while i < count:
            found: NameMatch | None = None
            last_text = ""
            for last_len in range(1, MAX_SURNAME_WORDS + 1):
                last_end = i + last_len
                if last_end >= count or (last_len > 1 and not joinable[last_end - 2]):
                    break
                last_text = words[i][2] if last_len == 1 else f"{last_text} {words[last_end - 1][2]}"
                if not reversible[last_end - 1]:
                    continue
                last_hash = digest(last_text)
                if last_hash not in self._last_hashes:
                    continue
                first_text = ""
                for first_len in range(1, MAX_FIRST_NAME_WORDS + 1):
                    first_end = last_end + first_len
                    if first_end > count or (first_len > 1 and not joinable[first_end - 2]):
                        break
                    first_text = words[last_end][2] if first_len == 1 else f"{first_text} {words[first_end - 1][2]}"
                    opted_out = self._opted_out_by_pair.get((digest(first_text), last_hash))
                    if opted_out is not None:
                        found = NameMatch(words[i][0], words[first_end - 1][1], opted_out, True)
            if found is not None:
                matches.append(found)
                while i < count and words[i][0] < found.end:
                    i += 1
            else:
                i += 1
        return matches

    def is_school(self, normalised_school: str) -> bool:
        """Is this (already normalised, see normalise_school) the school of someone on the roster?"""
        return self._school_digest(normalised_school) in self._school_hashes
