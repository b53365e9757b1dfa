"""Messages the plumbing itself sends."""

from __future__ import annotations

from typing import Any

from bot.org_file_messages import org_file_broken, org_file_mended
from bot.slack.blockkit import BLOCK_KIT
from bot.slack.delivery import Rendered
from bot.teams.notices import INSTALL_APP, install_app


def render_invite_bot(params: dict[str, Any]) -> Rendered:
    channel = params["channel"]
    text = (
        f"I tried to post in <#{channel}> but I am not a member of it. "
        f"Please open the channel and type `/invite @tmw-bot`; I will post there again once I can."
    )
    return Rendered(text=text, blocks=[{"type": "section", "text": {"type": "mrkdwn", "text": text}}])


def render_org_file_broken(params: dict[str, Any]) -> Rendered:
    return BLOCK_KIT.message(org_file_broken(params))


def render_org_file_mended(params: dict[str, Any]) -> Rendered:
    return BLOCK_KIT.message(org_file_mended(params))


def render_install_teams_app(params: dict[str, Any]) -> Rendered:
    """For an admin on Slack: the Teams app cannot reach someone yet (bot/teams/delivery.py)."""
    return BLOCK_KIT.message(install_app(params))


RENDERERS = {"core.invite_bot": render_invite_bot, "core.org_file_broken": render_org_file_broken,
             "core.org_file_mended": render_org_file_mended, INSTALL_APP: render_install_teams_app}
