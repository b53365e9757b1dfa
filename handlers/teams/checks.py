"""Teams: `check <text>` in the bot's 1:1 chat, as Slack's /check (policy 3, 4, 5.5, 5.6): the same check
(bot/outgoing/service.py), the same findings in the same words (bot/checks/messages.py), counted for the
digest by kind as Slack's are. The text is plain (Teams sends no markup in it). The result is sent at once
and never kept (`Turn.answer_now`): what someone checks, and what was found in it, is theirs alone.

"Check before sending" on a message (a message action, as Slack's message shortcut) checks that message's
words in the same way and shows the result in a dialog to the person who chose it: nothing is posted in
the channel or chat, and nothing of the text is kept."""

from __future__ import annotations

from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.checks import CheckResult
from bot.checks import messages as said
from bot.commands import MESSAGE_ACTIONS
from bot.messages import Code, Message, Paragraph
from bot.outgoing.service import check_text, count_findings
from bot.services import Services
from bot.teams.activities import MessageActionRequest
from bot.teams.server import InvokeAnswer, TeamsApp, Turn
from handlers.teams.forms import say_in_dialog, show_in_dialog
from storage.models import ProcessedDelivery

USAGE = "teams.check_usage"
# What the digest's counts call a check asked for by typing `check` in the chat.
SOURCE = "chat"
# The message action, by the key the catalogue (and so the app package's manifest) gives it; its findings
# are counted as Slack's message shortcut's are.
[CHECK_BEFORE_SENDING] = [action for action in MESSAGE_ACTIONS if action.key == "check_before_sending"]
SHORTCUT_SOURCE = "shortcut"
NO_TEXT = "There are no words in this message for me to check."


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
                await _count(session, services, result, SOURCE)

    @app.message_action(CHECK_BEFORE_SENDING.key)
    async def check_before_sending(turn: Turn, request: MessageActionRequest) -> InvokeAnswer:
        if not request.text:
            return say_in_dialog(NO_TEXT)
        services = turn.services
        result = await check_text(services, request.text)
        if result.findings:
            await _count_once(services, result, f"teams-message-action:{turn.activity.where.conversation_id}:{turn.activity.id}")
        # The answer is the invoke's own: shown to the person alone, and gone when they close it.
        return show_in_dialog(CHECK_BEFORE_SENDING.title, said.check_result(result))


async def _count(session: AsyncSession, services: Services, result: CheckResult, source: str) -> None:
    await count_findings(session, services, sorted({str(f.kind) for f in result.findings}), source)


async def _count_once(services: Services, result: CheckResult, key: str) -> None:
    """Count what a message action found, once however often Teams sends the same invoke: each time it is
    shown again, but counted only the first."""
    try:
        async with services.db.unit_of_work() as session:
            session.add(ProcessedDelivery(key=key[:200], seen_at=services.now()))
            await session.flush()
            await _count(session, services, result, SHORTCUT_SOURCE)
    except IntegrityError:
        return
