"""Where a message goes, in the core's terms: a person, a channel by its purpose, or a conversation
someone spoke in. Never a platform's id for a person or a configured channel: each platform's
deliverer works those out when it sends (bot/delivery.py), so a person who moves platform, or a
channel set up after a message was queued, still gets what is waiting.

An address is kept in the outbox as text (`encode`/`decode`). Everything sent to one person shares
one text whichever platform it goes by, which is what keeps their messages in order.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ToPerson:
    """Someone in the organisation file, by their key (their Slack id, unless the file names a key),
    or someone outside it known only by a platform's id for them, which then serves as their key."""

    key: str


@dataclass(frozen=True)
class ToChannel:
    """The channel the organisation file gives a purpose to (`moderation`, `ceo_digest`, ...)."""

    purpose: str


@dataclass(frozen=True)
class ToConversation:
    """A conversation on one platform that no purpose names: where a post that is answered was made
    (a guarded channel, say). Its id is the platform's own."""

    platform: str
    conversation: str


Address = ToPerson | ToChannel | ToConversation

_PERSON, _CHANNEL = "person", "channel"


def encode(address: Address) -> str:
    match address:
        case ToPerson(key):
            return f"{_PERSON}:{key}"
        case ToChannel(purpose):
            return f"{_CHANNEL}:{purpose}"
        case ToConversation(platform, conversation):
            return f"{platform}:{conversation}"
    raise TypeError(f"not an address: {address!r}")


def decode(text: str) -> Address:
    # Only the first colon separates: a Teams conversation id has colons of its own.
    kind, sep, rest = text.partition(":")
    if not sep or not rest:
        raise ValueError(f"not an address: {text!r}")
    if kind == _PERSON:
        return ToPerson(rest)
    if kind == _CHANNEL:
        return ToChannel(rest)
    return ToConversation(kind, rest)

