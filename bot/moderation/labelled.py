"""Labelled channels: the sets the moderation rules are scored on and the meaning model learns from.

A file is JSON lines: a channel header ``{"channel": NAME, "purpose": TEXT}``
followed by that channel's messages in order,
``{"user": U, "text": T, "breaks": null | RULE | [RULE, ...]}``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .findings import RULE_NAMES


@dataclass
class Channel:
    name: str
    purpose: str
    messages: list[dict] = field(default_factory=list)


def load_channels(path: Path) -> list[Channel]:
    channels: list[Channel] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        data = json.loads(line)
        if "channel" in data:
            channels.append(Channel(data["channel"], data.get("purpose", "")))
        elif not channels:
            raise ValueError(f"{path}:{number}: a message before the first channel header")
        else:
            channels[-1].messages.append(data)
    return channels


def labels_of(message: dict) -> set[str]:
    breaks = message.get("breaks")
    if breaks is None:
        return set()
    labels = {breaks} if isinstance(breaks, str) else set(breaks)
    unknown = labels - set(RULE_NAMES)
    if unknown:
        raise ValueError(f"unknown rule {sorted(unknown)} in {message!r}")
    return labels
