"""Teams: `away` in the bot's 1:1 chat, as Slack's /away (handlers/slack/away.py): someone is away (holiday,
leave), until when, and who covers. The same words are read and the same domain decides and answers
(bot/absences.py `set_absence`): `away until Friday`, `away 24 Dec - 2 Jan`, `away off`, `away` to see it,
a person first for someone else's absence and `cover` a person last. People are named as Teams sends a
mention (`<at>Dan Hughes</at>`), or typed with an @ ("@Dan", "@Dan Hughes"): in a 1:1 chat with the bot
Teams offers no one else to mention. Thin: parse the activity into the domain's terms, call the domain,
render."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.exc import IntegrityError

from bot.absences import set_absence
from bot.away_messages import BACK, SET_FOR_YOU, back, set_for_you
from bot.directory import Directory
from bot.errors import DomainError
from bot.messages import Code, Message, Paragraph, commands_in
from bot.snapshot import org_snapshot
from bot.teams.activities import LEADING_MENTION
from bot.teams.server import TeamsApp, Turn
from storage.models import ProcessedDelivery

COMMAND = "away"
SAID = "teams.away_said"
# Someone named: a mention as Teams sends it, or a name typed after an @ (one word, or two: "@Dan Hughes").
_MENTIONED = r"<at>[^<]*</at>"
_NAME = r"[^\s<>@]+(?:\s+[^\s<>@]+)?"
PERSON_FIRST = re.compile(rf"^\s*(?P<who>{_MENTIONED}|@{_NAME})")
# Who covers, last: a mention, or a name typed with or without an @ ("cover Tom Ellis").
COVER_LAST = re.compile(rf"\s*\b(?:cover(?:ed)?(?:\s+by)?|with)\s+(?P<who>{_MENTIONED}|@?{_NAME})\s*$",
                        re.IGNORECASE)
ANY_NAMED = re.compile(rf"{_MENTIONED}|(?:^|\s)@\S")
NOT_SURE_WHO = ("I couldn't tell who that was about, so nothing has been changed. Put the person first "
                "(`away @person until Friday`) and who covers last (`cover @person`).")
# The domain's answers name Slack's command; in Teams it is typed without the slash (Teams' own /away
# would set the person's presence instead).
_SLASH_AWAY = re.compile(r"`/away\b")


@dataclass(frozen=True)
class AwayCommand:
    """`away` as typed, its people taken out: whose absence (None: the sender's), the dates in words,
    and who covers (people by key)."""

    person: str | None
    text: str
    stand_in: str | None


def _key_of(directory: Directory, name: str) -> str | None:
    """The key of the one person `name` names; None if nobody is; refused if more than one is."""
    named = directory.named(name)
    if len(named) > 1:
        raise DomainError(f"More than one person is called {name.strip()}, so nothing has been changed. "
                          "Please give their full name.")
    return named[0].key if named else None


def _mentioned(who: str) -> str | None:
    return who.removeprefix("<at>").removesuffix("</at>") if who.startswith("<at>") else None


def _person_first(text: str, directory: Directory) -> tuple[str | None, str]:
    """Whose absence, if someone is named first, and the rest. "@Dan until Friday" names Dan by his first
    name: the word after it is the dates'."""
    first = PERSON_FIRST.match(text)
    if first is None:
        return None, text
    who, rest = first["who"], text[first.end():]
    if (name := _mentioned(who)) is not None:
        person = _key_of(directory, name)
    else:
        words = who.lstrip("@").split()
        person = _key_of(directory, " ".join(words))
        if person is None and len(words) > 1:
            person, rest = _key_of(directory, words[0]), f"{words[1]}{rest}"
    if person is None:
        raise DomainError(NOT_SURE_WHO)
    return person, rest


def _cover_last(text: str, directory: Directory) -> tuple[str | None, str]:
    """Who covers, if someone is named last after `cover`, and the rest. Words after `with` or `cover`
    that name nobody, typed without an @, are left to the dates (which then say what they need)."""
    cover = COVER_LAST.search(text)
    if cover is None:
        return None, text
    who = cover["who"]
    stand_in = _key_of(directory, _mentioned(who) or who.lstrip("@"))
    if stand_in is None and (who.startswith(("<at>", "@"))):
        raise DomainError(NOT_SURE_WHO)
    return (stand_in, text[: cover.start()]) if stand_in else (None, text)


def parse_command(text: str, directory: Directory) -> AwayCommand:
    """What follows `away`, as Teams sends it, its people taken out and found in the organisation file."""
    stand_in, text = _cover_last(text, directory)
    person, text = _person_first(text, directory)
    if ANY_NAMED.search(text):
        raise DomainError(NOT_SURE_WHO)
    return AwayCommand(person, text.strip(), stand_in)


def in_teams_words(text: str) -> str:
    """A domain answer as it reads in Teams: the command as typed here."""
    return _SLASH_AWAY.sub("`away", text)


def said(params: dict[str, Any]) -> Message:
    """An answer to `away`: what is between backticks is what to type, shown as such."""
    line = commands_in(params["text"])
    return Message(summary=line, parts=[Paragraph([line])])


def _back_in_teams(params: dict[str, Any]) -> Message:
    return back(params, on_home=("Type ", Code("home"), " to see them again."))


RENDERERS: dict[str, Callable[[dict[str, Any]], Message]] = {
    SAID: said,
    BACK: _back_in_teams,
    SET_FOR_YOU: lambda params: set_for_you(params, COMMAND),
}


def _typed(turn: Turn) -> str:
    """What follows the command word, mentions as Teams sent them (a mention of the bot first dropped)."""
    text = LEADING_MENTION.sub("", turn.activity.text, count=1)
    words = text.split(maxsplit=1)
    return words[1].strip() if len(words) == 2 else ""


def register(app: TeamsApp) -> None:
    @app.command(COMMAND)
    async def away(turn: Turn, _rest: str) -> None:
        services = turn.services
        directory = (await org_snapshot(services)).directory
        try:
            typed = parse_command(_typed(turn), directory)
            async with services.db.unit_of_work() as session:
                # Claimed with the work: the same activity sent again by Teams changes nothing more.
                session.add(ProcessedDelivery(
                    key=f"teams-away:{turn.activity.where.conversation_id}:{turn.activity.id}"[:200],
                    seen_at=services.now()))
                await session.flush()
                outcome = await set_absence(session, services, directory, turn.person, typed.person, typed.text,
                                            typed.stand_in)
        except IntegrityError:
            return
        except DomainError as exc:
            await turn.reply(SAID, {"text": in_teams_words(exc.user_message)})
            return
        if outcome.changed:
            services.wake_scheduler()
        await turn.reply(SAID, {"text": in_teams_words(outcome.message)})
