"""Every Slack feature's listeners, in the order Bolt tries them, and every Slack renderer of an outbox template."""

from __future__ import annotations

from collections.abc import Mapping
from types import ModuleType

from slack_bolt.async_app import AsyncApp

from bot.slack.delivery import Renderer
from handlers.slack import (
    access_reviews,
    accounts,
    away,
    channel_messages,
    checks,
    core,
    dbs,
    digest,
    errors,
    home,
    leaver,
    moderation,
    policy,
    reports,
    tmw,
)

# Bolt tries listeners in the order they were registered, about 20 µs each before one matches: reports
# come first, as someone filing one (perhaps about a child's safety) is the person not to keep waiting.
FEATURES: tuple[ModuleType, ...] = (
    reports, tmw, home, checks, moderation, channel_messages, accounts, leaver, digest, policy, dbs, access_reviews, away,
)


def register_all(app: AsyncApp) -> None:
    errors.register(app)
    for feature in FEATURES:
        feature.register(app)


def all_renderers() -> Mapping[str, Renderer]:
    renderers: dict[str, Renderer] = dict(core.RENDERERS)
    for feature in FEATURES:
        renderers.update(getattr(feature, "RENDERERS", {}))
    return renderers
