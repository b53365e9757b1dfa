"""Messages the plumbing itself sends."""

from __future__ import annotations

from typing import Any

from bot.slack.delivery import Rendered


def render_invite_bot(params: dict[str, Any]) -> Rendered:
    channel = params["channel"]
    text = (
        f"I tried to post in <#{channel}> but I am not a member of it. "
        f"Please open the channel and type `/invite @tmw-bot`; I will post there again once I can."
    )
    return Rendered(text=text, blocks=[{"type": "section", "text": {"type": "mrkdwn", "text": text}}])


RENDERERS = {"core.invite_bot": render_invite_bot}
