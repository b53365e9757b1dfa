"""Teams: `home` in the bot's 1:1 chat shows what Slack's App Home shows the person (bot/home.py and
bot/home_messages.py, the same neutral message): the reports they handle, as their Teams cards, those they
made, their activities' open reports, passwords to change and the rest, by their roles. Like Slack's Home
it is drawn fresh each time and sent at once, never kept (it may hold a report's details). A button that
does nothing in Teams yet is left off rather than shown dead."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from bot.commands import HOME
from bot.help import help_for
from bot.home import home_for
from bot.home_messages import home
from bot.messages import Buttons, Code, Item, Message, Note, Paragraph, Part
from bot.org import Role
from bot.snapshot import org_snapshot
from bot.teams.cards import OPENS_DIALOG
from bot.teams.server import TeamsApp, Turn
from handlers.teams.policy import READ_AND_SIGN
from handlers.teams.reports import handler_card

# A card this long is about as much as Teams shows well (Slack's Home stops at 100 blocks).
MAX_PARTS = 80
MORE_THAN_FITS = ("There is more than fits here: type ", Code("report list"), " to see all your reports.")


def _working(parts: Sequence[Part], works: Callable[[str], bool]) -> list[Part]:
    """The parts with every button that does nothing in Teams yet taken off (a row left empty goes)."""
    kept: list[Part] = []
    for part in parts:
        if isinstance(part, Buttons):
            buttons = [button for button in part.buttons if works(button.action)]
            if buttons:
                kept.append(Buttons(buttons, part.id))
        elif isinstance(part, Item) and part.button is not None and not works(part.button.action):
            kept.append(Item(part.text))
        else:
            kept.append(part)
    return kept


def home_message(greeting: str, parts: Sequence[Part]) -> Message:
    if len(parts) > MAX_PARTS:
        parts = [*parts[: MAX_PARTS - 1], Note(MORE_THAN_FITS)]
    return Message(summary=greeting, parts=[
        Paragraph([greeting]), *parts, Note(("Type ", Code("help"), " to see everything I can do.")),
    ])


def register(app: TeamsApp) -> None:
    def works(action: str) -> bool:
        """Whether a button with this action is answered in Teams: a listener or a dialog is registered."""
        if action.startswith(OPENS_DIALOG):
            return action.removeprefix(OPENS_DIALOG) in app.dialogs
        return action in app.card_actions

    @app.command(HOME.chat_name)
    async def show_home(turn: Turn, _rest: str) -> None:
        services = turn.services
        snapshot = await org_snapshot(services)
        admins = [m.name for m in snapshot.directory.with_role(Role.ADMIN)]
        answer = help_for(snapshot.directory.by_key(turn.person), snapshot.organisation_name, admins)
        data = await home_for(services, turn.person)
        parts = home(data, READ_AND_SIGN, lambda params: handler_card(params).parts)
        # Someone not in the organisation file sees who can add them, as on Slack's Home.
        greeting_parts: list[Any] = [Note(line) for line in answer.ask]
        await turn.answer_now(home_message(answer.greeting, [*greeting_parts, *_working(parts, works)]))
