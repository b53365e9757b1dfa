"""A local stand-in for Microsoft Teams: the Bot Connector REST API, Entra's token endpoint and Bot
Framework's OpenID keys on loopback, and a client that sends the bot signed activities as Teams does.
Nothing here reaches Microsoft's cloud."""

from bot.standin.teams.client import TeamsActivitySender, TeamsReply, teams_user_id
from bot.standin.teams.connector import FakeTeams, SentActivity

__all__ = ["FakeTeams", "SentActivity", "TeamsActivitySender", "TeamsReply", "teams_user_id"]
