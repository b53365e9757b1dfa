"""Messages the plumbing itself sends."""

from __future__ import annotations

from typing import Any

from bot.slack.delivery import Rendered
from bot.slack.mrkdwn import escape


def render_invite_bot(params: dict[str, Any]) -> Rendered:
    channel = params["channel"]
    text = (
        f"I tried to post in <#{channel}> but I am not a member of it. "
        f"Please open the channel and type `/invite @tmw-bot`; I will post there again once I can."
    )
    return Rendered(text=text, blocks=[{"type": "section", "text": {"type": "mrkdwn", "text": text}}])


def render_org_file_broken(params: dict[str, Any]) -> Rendered:
    errors = params["errors"]
    listed = "\n".join(
        "• " + (f"Line {e['line']}, " if e["line"] else "") + (f"`{escape(e['field'])}`: " if e["field"] else "")
        + escape(e["message"])
        for e in errors
    )
    text = (
        "The organisation file has been changed, but I cannot read the new version, so I am still using the "
        f"last good one. Please put right:\n{listed}\nI will tell you when it loads."
    )
    return Rendered(text=text, blocks=[{"type": "section", "text": {"type": "mrkdwn", "text": text[:3000]}}])


def render_org_file_mended(params: dict[str, Any]) -> Rendered:
    text = "Thank you: the organisation file loads again, and I am using it now."
    return Rendered(text=text, blocks=[{"type": "section", "text": {"type": "mrkdwn", "text": text}}])


RENDERERS = {"core.invite_bot": render_invite_bot, "core.org_file_broken": render_org_file_broken,
             "core.org_file_mended": render_org_file_mended}
