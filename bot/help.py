"""What `/tmw help` says to a person, given who they are."""

from __future__ import annotations

from dataclasses import dataclass

from bot.commands import CommandInfo, commands_for
from bot.directory import Member


@dataclass(frozen=True)
class HelpAnswer:
    greeting: str
    commands: list[CommandInfo]
    # For someone not in the organisation file: who can add them.
    ask: list[str]


def help_for(member: Member | None, organisation: str, admin_names: list[str]) -> HelpAnswer:
    if member is None:
        who = _joined(admin_names) or "your organisation's Slack admins"
        return HelpAnswer(
            greeting=(
                f"Hello! I help {organisation} follow its internet and social media safety policy, "
                f"but I don't have you in our list of people yet, so I can't do much for you."
            ),
            commands=[],
            ask=[f"Please ask {who} to add you to the organisation file."],
        )
    first_name = member.name.split()[0]
    return HelpAnswer(
        greeting=f"Hello {first_name}! I help {organisation} follow its internet and social media safety policy.",
        commands=commands_for(member.roles),
        ask=[],
    )


def _joined(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " or " + names[-1]
