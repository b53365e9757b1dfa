"""Deleting a member's message needs a workspace admin's user token; the bot token cannot."""

from __future__ import annotations

from slack_sdk.errors import SlackApiError

from bot.settings import Settings
from bot.slack.web import make_web_client


async def delete_message(settings: Settings, channel: str, ts: str) -> tuple[str, str]:
    """Returns (decision, error): ("removed", ""), ("already_removed", "") or ("removed", slack_error)."""
    if settings.slack_user_token is None:
        return "removed", "no user token is configured to delete messages (SLACK_USER_TOKEN)"
    client = make_web_client(settings.slack_user_token.get_secret_value(), settings.slack_api_url)
    try:
        await client.chat_delete(channel=channel, ts=ts)
    except SlackApiError as exc:
        error = str(exc.response.get("error", "unknown_error"))
        if error == "message_not_found":
            return "already_removed", ""
        return "removed", error
    return "removed", ""
