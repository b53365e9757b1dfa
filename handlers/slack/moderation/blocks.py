"""The moderation queue's messages (bot/moderation_queue/messages.py) as Block Kit, with Slack's names for
the card's buttons (handlers/slack/moderation/ids.py) and Slack's addresses for the flagged message."""

from __future__ import annotations

from typing import Any

from bot.moderation_queue import messages as said
from bot.moderation_queue.workflow import AGREEMENT
from bot.slack.blockkit import BLOCK_KIT
from bot.slack.delivery import Rendered
from handlers.slack.moderation.ids import Action

CARD_ACTIONS = said.CardActions(delete=Action.DELETE.value, keep=Action.KEEP.value, warn=Action.WARN.value)


def render_card(params: dict[str, Any]) -> Rendered:
    # The deliverer adds the message's permalink when Slack gives one; else the channel, where it can be found.
    channel_url = f"https://slack.com/app_redirect?channel={params['channel']}"
    return BLOCK_KIT.message(said.card(params, CARD_ACTIONS, params.get("message_permalink"), channel_url))


def render_warning(params: dict[str, Any]) -> Rendered:
    return BLOCK_KIT.message(said.warning(params))


def render_agreement(paragraphs: list[str]) -> Rendered:
    return BLOCK_KIT.message(said.agreement(paragraphs))


RENDERERS = {"moderation.card": render_card, "moderation.warning": render_warning,
             AGREEMENT: lambda params: render_agreement(params["paragraphs"])}
