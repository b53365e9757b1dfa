"""People as Slack knows them: the Slack user id of a person's key, and the key of a Slack user id.

The core names people by key (bot/org.py PersonSpec.key); Slack sends and shows user ids. The directory
used to translate is the one of the request or delivery in hand: the global middleware
(handlers/slack/middleware.py) and the Slack deliverer set it for their task with `use_directory`, so the Block
Kit renderer (bot/slack/blockkit.py), whose builders are handed only a message, can turn a mention of a
key into `<@U…>` or a user picker's choice into a key.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from bot.directory import Directory
from bot.org import SLACK_USER_ID

_DIRECTORY: ContextVar[Directory | None] = ContextVar("slack_people_directory", default=None)


@contextmanager
def use_directory(directory: Directory | None) -> Iterator[None]:
    """Translate with this directory until the block ends (in this task and the tasks it starts)."""
    token = _DIRECTORY.set(directory)
    try:
        yield
    finally:
        _DIRECTORY.reset(token)


def set_directory(directory: Directory | None) -> None:
    """Translate with this directory for the rest of this task (a request: its context ends with it)."""
    _DIRECTORY.set(directory)


def slack_user_of(key: str) -> str | None:
    """The Slack user id of the person with this key; None if they are not on Slack. Someone not in the
    organisation file is known by their Slack id, which is then their key."""
    directory = _DIRECTORY.get()
    member = directory.by_key(key) if directory is not None else None
    if member is not None:
        return member.slack_id
    return key if SLACK_USER_ID.match(key) else None


def name_of(key: str) -> str:
    """The person's name, for where Slack can't mention them (they are not on Slack)."""
    directory = _DIRECTORY.get()
    member = directory.by_key(key) if directory is not None else None
    return member.name if member is not None else "someone"


def key_of(slack_user_id: str, directory: Directory | None = None) -> str:
    """The key of the person with this Slack user id: their key in the organisation file, or, for
    someone not in it, the Slack id itself (as they were always known)."""
    directory = directory if directory is not None else _DIRECTORY.get()
    member = directory.by_slack_id(slack_user_id) if directory is not None else None
    return member.key if member is not None else slack_user_id


def slack_address(target: str) -> str:
    """Where on Slack an outbox message for `target` goes: a person's key becomes their user id (a DM);
    a channel id, or the Slack id of someone not in the file, is used as it is."""
    directory = _DIRECTORY.get()
    member = directory.by_key(target) if directory is not None else None
    return member.slack_id if member is not None and member.slack_id else target
