"""Catching a password typed into a command or a form field, so the bot never stores it.

Phrases such as "the password is Tr0ub4dor&3" are found by the outgoing-checks engine's secret
detector (issue 7). A field that should hold an account name or a date may also get a bare password
pasted into it ("/rotated Instagram Xk9!pq2w"); `looks_like_bare_password` covers that case.
"""

from __future__ import annotations

import re

from bot.checks.context import CheckContext
from bot.checks.detectors.secret import SecretDetector
from bot.checks.document import Document
from bot.errors import DomainError

_DETECTOR = SecretDetector(CheckContext())
_DATE_LIKE = re.compile(r"^\d{1,4}([/.:-]\d{1,4}){1,2}(am|pm)?$", re.IGNORECASE)
# A chat platform's markup in angle brackets (a mention, a channel, a link) is never a password.
_BRACKETED_MARKUP = re.compile(r"<[^<>\s]+>")

WARNING = (
    "That looks like a password, so I haven't saved any of it. Please never type passwords in a chat: "
    "change that password now, as it may have been seen."
)


class PasswordTyped(DomainError):
    """Raised instead of keeping text that looks like a password."""

    def __init__(self) -> None:
        super().__init__(WARNING)


def looks_like_bare_password(word: str) -> bool:
    """A single word mixing at least three of lower case, upper case, digits and symbols, long enough
    to be a password: "Xk9!pq2w" yes; "Audio-Base", "21/11/2026", "4pm", "O'Neill" no."""
    if len(word) < 8 or _DATE_LIKE.match(word):
        return False
    classes = [any(c.islower() for c in word), any(c.isupper() for c in word),
               any(c.isdigit() for c in word), any(not c.isalnum() for c in word)]
    return sum(classes) >= 3 and any(c.isdigit() for c in word)


def contains_password(text: str, *, short_field: bool = False) -> bool:
    """Whether `text` holds something that looks like a password. `short_field`: the text should be a
    name or a date, so a bare password-shaped word in it counts too."""
    text = _BRACKETED_MARKUP.sub(" ", text or "")
    if not text.strip():
        return False
    if _DETECTOR.find(Document(text)):
        return True
    return short_field and any(looks_like_bare_password(word.strip(".,;:!?\"'“”")) for word in text.split())


def refuse_passwords(*texts: str, short_fields: tuple[str, ...] = ()) -> None:
    if any(contains_password(text) for text in texts) or any(contains_password(t, short_field=True) for t in short_fields):
        raise PasswordTyped()
