"""Teams listeners, one module per feature, as handlers/slack/ holds Slack's. Each exposes `register(app)`,
called once at start-up with the `TeamsApp` (bot/teams/server.py), and may give `RENDERERS`: the
messages its replies are drawn from, by template, as messages of the neutral model."""

from __future__ import annotations

from collections.abc import Mapping
from types import ModuleType

from bot.teams import server
from bot.teams.delivery import MessageOf, teams_renderers
from bot.teams.server import TeamsApp
from handlers.teams import (
    access_reviews,
    accounts,
    away,
    checks,
    core,
    dbs,
    digest,
    files,
    home,
    leaver,
    moderation,
    policy,
    report_clocks,
    reports,
)

FEATURES: tuple[ModuleType, ...] = (reports, report_clocks, accounts, checks, home, policy, digest, leaver, dbs,
                                    access_reviews, away, files, moderation, core)


def register_all(app: TeamsApp) -> None:
    for feature in FEATURES:
        feature.register(app)


def all_teams_renderers() -> Mapping[str, MessageOf]:
    """Every template the Teams deliverer can render: the core's and each feature's replies."""
    renderers: dict[str, MessageOf] = {**teams_renderers(), **server.RENDERERS}
    for feature in FEATURES:
        renderers.update(getattr(feature, "RENDERERS", {}))
    return renderers
