"""Errors a person can act on. Raised by workflows; the Slack error handler shows the message kindly."""

from __future__ import annotations


class DomainError(Exception):
    def __init__(self, user_message: str) -> None:
        super().__init__(user_message)
        self.user_message = user_message


class NotInDirectory(DomainError):
    """The person is not in the organisation file."""


class NotAllowed(DomainError):
    """The person's roles do not allow this."""


class FormErrors(DomainError):
    """Problems with what was typed in a modal, by field (the input block's id), so each shows beside
    its field and nothing is saved."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(" ".join(errors.values()))
        self.errors = errors
