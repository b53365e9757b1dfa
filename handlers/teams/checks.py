"""Teams: `check <text>` in the bot's 1:1 chat, as Slack's /check (policy 3, 4, 5.5, 5.6): the same check
(bot/outgoing/service.py), the same findings in the same words (bot/checks/messages.py), counted for the
digest by kind as Slack's are. The text is plain (Teams sends no markup in it). The result is sent at once
and never kept (`Turn.answer_now`): what someone checks, and what was found in it, is theirs alone."""

from __future__ import annotations

from typing import Any

from bot.checks import messages as said
from bot.messages import Code, Message, Paragraph
from bot.outgoing.service import check_text, count_findings
from bot.teams.server import TeamsApp, Turn

USAGE = "teams.check_usage"
# What the digest's counts call a check asked for by typing `check` in the chat.
SOURCE = "chat"


def usage(_params: dict[str, Any]) -> Message:
    line = ("Type what you'd like me to look at after ", Code("check"), ", for example ",
            Code("check Well done Amy Smith, see you at 10:30!"))
    return Message(summary=line, parts=[Paragraph([line])])


RENDERERS = {USAGE: usage}


def register(app: TeamsApp) -> None:
    @app.command("check")
    async def check(turn: Turn, _rest: str) -> None:
        text = turn.activity.words_after_command()
        if not text:
            await turn.reply(USAGE, {})
            return
        services = turn.services
        result = await check_text(services, text)
        # Counted once it has been shown, as in Slack; never for an answer Teams did not take.
        if await turn.answer_now(said.check_result(result)) and result.findings:
            async with services.db.unit_of_work() as session:
                await count_findings(session, services, sorted({str(f.kind) for f in result.findings}), SOURCE)
