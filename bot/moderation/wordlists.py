"""Word lists and phrase-pattern files, built in and extended per organisation.

Two kinds of data file live in ``bot/moderation/data``:

``NAME.txt`` — a word list: one entry per line. ``#`` starts a comment (at the
start of a line, or after a space). Blank lines are ignored. Entries are
compared after the same folding as message text (lower case, accents off).

``NAME.patterns.txt`` — phrase patterns grouped into sections::

    [Reason shown to a moderator] option option
    pattern
    pattern

The section's label becomes the reason a moderator reads; its options tell
the rule how to treat matches (each rule documents the options it accepts).
The pattern language is described in ``patterns.py``.

An organisation extends any file by putting a file of the same name in its
``extra_wordlist_dir`` (entries and sections are added), or through
``ModerationConfig.extra_terms`` / ``removed_terms``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .config import ModerationConfig
from .text import fold

DATA_DIR = Path(__file__).resolve().parent / "data"
PATTERNS_SUFFIX = ".patterns.txt"
CONCEPTS_SUFFIX = ".concepts.txt"


class WordListError(ValueError):
    """A data file (built in or an organisation's) could not be used."""


@dataclass(frozen=True, slots=True)
class PatternSection:
    label: str
    options: frozenset[str]
    patterns: tuple[str, ...]
    source: str  # "file:line" of the section header, for error messages


def normalise_entry(entry: str) -> str:
    return " ".join(fold(entry).split())


@lru_cache(maxsize=None)
def _read_lines(path: Path) -> tuple[tuple[int, str], ...]:
    """(line number, content) of every non-blank, non-comment line."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise WordListError(f"cannot read word list {path}: {error}") from error
    lines = []
    for number, line in enumerate(raw.splitlines(), start=1):
        content = line.split(" #", 1)[0].split("\t#", 1)[0].strip()
        if content and not content.startswith("#"):
            lines.append((number, content))
    return tuple(lines)


def _parse_sections(path: Path) -> list[PatternSection]:
    sections: list[PatternSection] = []
    label: str | None = None
    options: frozenset[str] = frozenset()
    header_line = 0
    patterns: list[str] = []

    def close() -> None:
        if label is not None:
            sections.append(PatternSection(label, options, tuple(patterns), f"{path.name}:{header_line}"))

    for number, content in _read_lines(path):
        if content.startswith("["):
            close()
            end = content.find("]")
            if end < 2:
                raise WordListError(f"{path.name}:{number}: a section header looks like [Reason] option ...")
            label, options, header_line, patterns = content[1:end].strip(), frozenset(content[end + 1 :].split()), number, []
        elif label is None:
            raise WordListError(f"{path.name}:{number}: pattern before the first [section] header")
        else:
            patterns.append(normalise_entry(content))
    close()
    return sections


class WordLists:
    """Every word list for one organisation: the built-in files plus its own."""

    def __init__(self, config: ModerationConfig | None = None, *, data_dir: Path = DATA_DIR) -> None:
        self.config = config or ModerationConfig()
        self.data_dir = data_dir
        self.extra_dir = self.config.extra_wordlist_dir
        self._entries: dict[str, tuple[str, ...]] = {}
        self._check_extras()

    def _check_extras(self) -> None:
        builtin = {p.name for p in self.data_dir.glob("*.txt")}
        names = {n.removesuffix(".patterns").removesuffix(".concepts") for n in (p.removesuffix(".txt") for p in builtin)}
        unknown_terms = (set(self.config.extra_terms) | set(self.config.removed_terms)) - names
        if unknown_terms:
            raise WordListError(f"no built-in word list called {', '.join(sorted(unknown_terms))}")
        if self.extra_dir is None:
            return
        if not self.extra_dir.is_dir():
            raise WordListError(f"extra word-list directory {self.extra_dir} does not exist")
        strays = sorted(p.name for p in self.extra_dir.glob("*.txt") if p.name not in builtin)
        if strays:
            # A misspelt file name would otherwise be ignored without a word.
            raise WordListError(f"{self.extra_dir}: {', '.join(strays)} extend no built-in list")

    def _files(self, file_name: str) -> list[Path]:
        builtin = self.data_dir / file_name
        if not builtin.is_file():
            raise WordListError(f"no built-in data file {file_name}")
        files = [builtin]
        if self.extra_dir is not None and (self.extra_dir / file_name).is_file():
            files.append(self.extra_dir / file_name)
        return files

    def entries(self, name: str) -> tuple[str, ...]:
        """The entries of word list `name`, folded, in file order, without duplicates."""
        cached = self._entries.get(name)
        if cached is not None:
            return cached
        found: dict[str, None] = {}
        for path in self._files(f"{name}.txt"):
            for _, content in _read_lines(path):
                found[normalise_entry(content)] = None
        for extra in self.config.extra_terms.get(name, ()):
            found[normalise_entry(extra)] = None
        for removed in self.config.removed_terms.get(name, ()):
            found.pop(normalise_entry(removed), None)
        found.pop("", None)
        result = tuple(found)
        self._entries[name] = result
        return result

    def sections(self, name: str) -> tuple[PatternSection, ...]:
        """The sections of pattern file `name`, built-in first, then the organisation's."""
        sections: list[PatternSection] = []
        for path in self._files(f"{name}{PATTERNS_SUFFIX}"):
            sections.extend(_parse_sections(path))
        for extra in self.config.extra_terms.get(name, ()):
            raise WordListError(
                f"extra_terms cannot extend {name}{PATTERNS_SUFFIX} ({extra!r}); put a file of that name in the extra directory"
            )
        return tuple(sections)

    def concept_sections(self, name: str) -> tuple[PatternSection, ...]:
        """The sections of concept file `name` (``concepts.py``), built-in first, then the organisation's."""
        sections: list[PatternSection] = []
        for path in self._files(f"{name}{CONCEPTS_SUFFIX}"):
            sections.extend(_parse_sections(path))
        return tuple(sections)
