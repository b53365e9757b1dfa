"""Teams: the weekly digest as a card (posted where the organisation file says, as in Slack), and `digest`
in the 1:1 chat, which shows this week so far to the CEO and the admins alone
(bot/digest/workflow.py `digest_on_request` refuses anyone else)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from bot.digest import messages as said
from bot.digest.workflow import digest_on_request
from bot.messages import Code, Message, Note
from bot.snapshot import org_snapshot
from bot.teams.server import TeamsApp, Turn

WEEKLY = "digest.weekly"
FOR_THE_DETAIL = ("For the detail you are allowed to see, type ", Code("home"), " in your chat with me.")


def weekly(params: dict[str, Any]) -> Message:
    """The weekly post; in Teams, Home is what `home` shows in the chat, so the card says so, with no button."""
    message = said.digest(params, None)
    return replace(message, parts=[*message.parts, Note(FOR_THE_DETAIL)])


RENDERERS = {WEEKLY: weekly}


def register(app: TeamsApp) -> None:
    @app.command("digest")
    async def show_digest(turn: Turn, _rest: str) -> None:
        member = (await org_snapshot(turn.services)).directory.by_key(turn.person)
        await turn.reply(WEEKLY, await digest_on_request(turn.services, member))
