"""Word lists the detectors read: data an organisation can extend, not rules hidden in code.

Each list is ``bot/checks/data/NAME.txt``: one entry a line; ``#`` starts a comment (at the start of a
line, or after a space); blank lines are ignored. Entries are phrases in lower case, matched as whole
words, any run of spaces matching any run of spaces or tabs; a trailing ``*`` matches any ending
("allerg*" is allergy, allergies, allergic). An organisation adds entries with
``CheckContext.extra_terms`` ({list name: [entries]}), which the organisation file's
``settings.checks.extra_terms`` fills.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


class WordListError(ValueError):
    """A list name that does not exist, or a file that cannot be read."""


def list_names() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in DATA_DIR.glob("*.txt")))


@cache
def _built_in(name: str) -> tuple[str, ...]:
    path = DATA_DIR / f"{name}.txt"
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as error:
        raise WordListError(f"there is no checker word list called {name!r}") from error
    entries = []
    for line in raw.splitlines():
        content = line.split(" #", 1)[0].split("\t#", 1)[0].strip()
        if content and not content.startswith("#"):
            entries.append(" ".join(content.split()))
    return tuple(entries)


def entries(name: str, extra_terms: Mapping[str, Sequence[str]] | None = None) -> tuple[str, ...]:
    """The built-in entries of list ``name`` followed by the organisation's extra ones."""
    built_in = _built_in(name)
    extra = tuple(" ".join(e.split()) for e in (extra_terms or {}).get(name, ()) if e and e.strip())
    return built_in + extra


def phrase_pattern(phrases: Iterable[str]) -> str:
    """One regular-expression alternation for phrases (longest first, so "heart condition" wins over
    "condition"), without word boundaries: callers add them."""
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        wildcard = phrase.endswith("*")
        words = phrase.rstrip("*").split()
        body = r"[ \t]+".join(re.escape(word) for word in words)
        parts.append(body + (r"\w*" if wildcard else ""))
    return "|".join(parts) if parts else r"(?!x)x"


def check_names(extra_terms: Mapping[str, Sequence[str]]) -> list[str]:
    """Problems with an organisation's extra_terms: list names that do not exist."""
    known = set(list_names())
    return [f"there is no checker word list called {name!r} (lists: {', '.join(sorted(known))})"
            for name in extra_terms if name not in known]
