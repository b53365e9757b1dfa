"""Teams: the core's listeners (help and the like, added as they come)."""

from __future__ import annotations

from bot.teams.server import TeamsApp


def register(app: TeamsApp) -> None:
    pass
