"""A local stand-in for Slack: its Web API, response_urls and Socket Mode on loopback, and a client that
sends signed requests to the bot the way Slack does. Used by the tests and by the local playground."""

from bot.standin.client import SlackRequestSender
from bot.standin.server import FakeSlack, RecordedCall

__all__ = ["FakeSlack", "RecordedCall", "SlackRequestSender"]
