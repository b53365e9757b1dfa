"""The catalogue of what people can ask the bot, and who may ask it.

One table serves `/tmw help`, the manifest check and the playground. A feature adds its rows when it lands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import takewhile
from typing import Literal

from bot.org import Role

EVERYONE: frozenset[Role] = frozenset(Role)


@dataclass(frozen=True)
class CommandInfo:
    usage: str
    summary: str
    slash_command: str
    allowed_roles: frozenset[Role] = EVERYONE
    policy_section: str = ""
    # Where the command is used: in the person's own chat with the bot, or in a group channel it acts on
    # (Teams shows the two in separate command menus; Slack takes both anywhere).
    used_in: Literal["chat", "channel"] = "chat"

    @property
    def chat_text(self) -> str:
        """The command as typed to the bot in a chat, where there is no slash: "report list", "help"."""
        words = self.usage.removeprefix("/").split()
        return " ".join(words[1:] if words[0] == "tmw" else words)

    @property
    def chat_name(self) -> str:
        """The words of `chat_text` before its first argument: "report show", "rotated"."""
        return " ".join(takewhile(lambda word: word.isalpha() and word.islower(), self.chat_text.split()))


@dataclass(frozen=True)
class MessageAction:
    """An action on someone's message ("Check before sending"): a message shortcut in Slack, a message
    action in Teams. `key` names it to the code; each platform keeps its own id for it."""

    key: str
    title: str
    description: str


CATALOGUE: tuple[CommandInfo, ...] = (
    CommandInfo(
        usage="/tmw help",
        summary="What I can do for you, given your roles.",
        slash_command="/tmw",
    ),
    CommandInfo(
        usage="/tmw digest",
        summary="This week's digest: reports, checks, moderation and more, in counts and roles.",
        slash_command="/tmw",
        allowed_roles=frozenset({Role.CEO, Role.ADMIN}),
        policy_section="2, 5.1",
    ),
    CommandInfo(
        usage="/tmw trustees [2026-09-01 2026-11-30]",
        summary="The trustees' report for a period (the last twelve months unless you say): a PDF sent to you alone, counts and roles only.",
        slash_command="/tmw",
        allowed_roles=frozenset({Role.CEO, Role.CHAIR}),
        policy_section="5.1",
    ),
    CommandInfo(
        usage="/report",
        summary="Report a concern: it goes straight to the right person under our policy.",
        slash_command="/report",
        policy_section="2, 3, 5.1, 5.4, 5.6",
    ),
    CommandInfo(
        usage="/check <text>",
        summary="Check a post, caption or email for personal details before it goes out (or use “Check before sending” on a message).",
        slash_command="/check",
        policy_section="3, 4, 5.5, 5.6",
    ),
    CommandInfo(
        usage="/groupagreement",
        summary="Post and pin the group agreement in a moderated channel you run.",
        slash_command="/groupagreement",
        allowed_roles=frozenset({Role.PROJECT_MANAGER, Role.ADMIN, Role.CEO, Role.MODERATOR}),
        policy_section="5.3, 5.7",
        used_in="channel",
    ),
    CommandInfo(
        usage="/policy",
        summary="Read our internet and social media safety policy, and sign it.",
        slash_command="/policy",
        policy_section="2",
    ),
    CommandInfo(
        usage="/dbs @person",
        summary="Record someone's DBS check; I remind them and the admins before it is due for review.",
        slash_command="/dbs",
        allowed_roles=frozenset({Role.ADMIN}),
        policy_section="5.1",
    ),
    CommandInfo(
        usage="/report list",
        summary="See the reports you have made or are handling, and where each stands.",
        slash_command="/report",
    ),
    CommandInfo(
        usage="/report show TMW-2026-0042",
        summary="A report's whole history, in order, if you made it or are handling it.",
        slash_command="/report",
    ),
    CommandInfo(
        usage="/accounts",
        summary="Our shared accounts: who has access, and when each password is next due.",
        slash_command="/accounts",
        policy_section="5.4",
    ),
    CommandInfo(
        usage="/accounts add",
        summary="Add or edit a shared account (owner, access, how often its password changes).",
        slash_command="/accounts",
        allowed_roles=frozenset({Role.ADMIN, Role.CEO}),
        policy_section="5.4",
    ),
    CommandInfo(
        usage="/accounts exposed NAME",
        summary="A password may have been revealed: it is changed at once.",
        slash_command="/accounts",
        policy_section="2, 5.4",
    ),
    CommandInfo(
        usage="/rotated NAME [when]",
        summary="Record that you changed a shared account's password (never type the password).",
        slash_command="/rotated",
        policy_section="5.4",
    ),
    CommandInfo(
        usage="/away until Friday",
        summary="You are away (or `/away 24 Dec - 2 Jan`, `/away off`): reports go to the next person on their chain, "
                "reminders wait until you are back. Add `cover @person` to name who covers.",
        slash_command="/away",
        policy_section="5.1",
    ),
    CommandInfo(
        usage="/away @person until Friday",
        summary="Set the absence of someone in a project you manage (project managers, the CEO, admins).",
        slash_command="/away",
        allowed_roles=frozenset({Role.PROJECT_MANAGER, Role.CEO, Role.ADMIN}),
    ),
    CommandInfo(
        usage="/leaver @person",
        summary="Someone is leaving: their passwords are changed, their reports passed on, their roles ended.",
        slash_command="/leaver",
        allowed_roles=frozenset({Role.PROJECT_MANAGER, Role.CEO, Role.ADMIN}),
        policy_section="5.4",
    ),
)


# Home: Slack shows it as a tab, so it is no slash command; where there is no such tab (Teams), it is a
# command typed in the chat, offered beside the others.
HOME = CommandInfo(
    usage="home",
    summary="What needs you now: reports to handle, reports you made, passwords to change and more.",
    slash_command="",
)


def chat_catalogue() -> tuple[CommandInfo, ...]:
    """The commands typed in a chat with the bot where there are no slash commands and no Home tab
    (Teams): the catalogue's, with `home` after `help`."""
    first, *rest = CATALOGUE
    return (first, HOME, *rest)


MESSAGE_ACTIONS: tuple[MessageAction, ...] = (
    MessageAction(
        key="check_before_sending",
        title="Check before sending",
        description="Check this message for personal details before it goes out",
    ),
    MessageAction(
        key="someone_is_leaving",
        title="Someone is leaving",
        description="Start the leaver checklist for the person who wrote this message",
    ),
)


def commands_for(roles: frozenset[Role]) -> list[CommandInfo]:
    return [command for command in CATALOGUE if command.allowed_roles & roles]


def slash_commands() -> set[str]:
    return {command.slash_command for command in CATALOGUE}


# A slash command in the bot's own words: after a space, a bracket, a quote or a backtick (never inside an
# address such as https://example.org/report, nor a date such as 24/11).
_SLASHED = re.compile(r"(?<![\w/:.])/(\w+)\b\s?")


@cache
def _slash_words() -> frozenset[str]:
    return frozenset(command.removeprefix("/") for command in slash_commands() if command)


def as_typed_in_chat(text: str) -> str:
    """The bot's own words with each command as typed in a chat with it where there are no slash
    commands (Teams): "`/report list`" reads "`report list`", "/tmw help" reads "help".

    The core names a command as Slack's slash command ("/report list", in a `Code` span or between
    backticks in a sentence): one way of writing it, which each platform shows as its people type it."""
    def typed(match: re.Match[str]) -> str:
        word, rest = match.group(1), match.group(0)[1 + len(match.group(1)):]
        if word not in _slash_words():
            return match.group(0)
        # `/tmw help` is `help` in a chat; `/tmw` alone is what `help` answers.
        if word == "tmw":
            return "" if rest else "help"
        return word + rest
    return _SLASHED.sub(typed, text)
