"""Teams: `help` in the bot's 1:1 chat, and a kind word for anything it does not know."""

from __future__ import annotations

from typing import Any

from bot.commands import HOME, as_typed_in_chat
from bot.help import help_for
from bot.messages import Code, Heading, Message, Note, Paragraph, commands_in
from bot.org import Role
from bot.snapshot import org_snapshot
from bot.teams.server import TeamsApp, Turn

HELP = "teams.help"
UNKNOWN = "teams.unknown_command"


def help_message(params: dict[str, Any]) -> Message:
    parts: list[Any] = [Paragraph([params["greeting"]])]
    if params["commands"]:
        parts += [Heading("What you can do"),
                  Paragraph([(Code(usage), ": ", *commands_in(summary)) for usage, summary in params["commands"]])]
    parts += [Note(line) for line in params["ask"]]
    return Message(summary=params["greeting"], parts=parts)


def unknown_command(params: dict[str, Any]) -> Message:
    # What was typed, as typed (it is no command, so never shown as one).
    line = (f"Sorry, I don't know “{params['said']}”. Type ", Code("help"), " to see what I can do.")
    return Message(summary=line, parts=[Paragraph([line])])


RENDERERS = {HELP: help_message, UNKNOWN: unknown_command}


def register(app: TeamsApp) -> None:
    @app.command("help")
    async def show_help(turn: Turn, _rest: str) -> None:
        snapshot = await org_snapshot(turn.services)
        admins = [m.name for m in snapshot.directory.with_role(Role.ADMIN)]
        answer = help_for(snapshot.directory.by_key(turn.person), snapshot.organisation_name, admins)
        # As typed in the chat: "report", not "/report". Home is a tab in Slack, a command here.
        commands = [(c.chat_text, as_typed_in_chat(c.summary)) for c in answer.commands]
        if commands:
            commands.insert(1, (HOME.chat_text, HOME.summary))
        await turn.reply(HELP, {"greeting": answer.greeting, "commands": commands, "ask": answer.ask})

    async def not_known(turn: Turn, _rest: str) -> None:
        said = turn.activity.command.split(" ")[0][:40] or "that"
        await turn.reply(UNKNOWN, {"said": said})

    app.unknown_command = not_known
