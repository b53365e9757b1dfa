"""What the admins are told about the Teams app, as data (bot/messages.py): rendered on whichever
platform each admin uses."""

from __future__ import annotations

from typing import Any

from bot.messages import Bold, Code, Message, Note, Paragraph

INSTALL_APP = "teams.install_app"


def install_app(params: dict[str, Any]) -> Message:
    """A message waits for someone (or a channel) the Teams app cannot reach yet: what to do about it.
    params: `who` (a person's name, or a channel's purpose) and `kind` ("person" or "channel")."""
    who = str(params.get("who") or "someone")
    if params.get("kind") == "channel":
        said = ["I have a message for the ", Bold(who), " channel in Teams, but the tmw-bot app has not been added "
                "to its team, so I cannot post it yet. Please add the app to that team (the team's ", Bold("…"),
                " menu, ", Bold("Manage team"), ", ", Bold("Apps"), "). The message waits until then."]
    else:
        said = ["I have a message for ", Bold(who), " in Teams, but the tmw-bot app is not installed for them, so "
                "I cannot send it yet. Please install the app for them in the Teams admin centre (", Bold("Teams apps"),
                ", ", Bold("Manage apps"), ", tmw-bot, ", Bold("Install for users"), "), or for everyone with an app "
                "setup policy. Their messages wait until then."]
    return Message(summary=said, parts=[Paragraph([said]),
                                        Note("I will not tell you about this again; the messages go out once I can.")])


def slack_invite_bot(params: dict[str, Any]) -> Message:
    """`core.invite_bot` for an admin who reads it in Teams: the Slack channel the bot is not in."""
    said = ["I tried to post in the Slack channel ", Code(str(params.get("channel", ""))), " but I am not a member "
            "of it. Please open the channel in Slack and type ", Code("/invite @tmw-bot"),
            "; I will post there again once I can."]
    return Message(summary=said, parts=[Paragraph([said])])
