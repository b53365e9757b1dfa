"""The people and channels of the organisation file, found the way people type them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.org import OrgConfig

# A person named in a command as typed: "@Dan", "@Dan Hughes" (sent as a mention of them).
MENTION = re.compile(r"@([\w.-]+(?: [A-Z][\w-]+)?)")
# Where slash commands are typed until someone moves with /channel or /inbox.
GENERAL = ("C0GENERAL1", "general")


@dataclass(frozen=True)
class Person:
    slack_id: str
    name: str
    roles: tuple[str, ...]

    @property
    def first_name(self) -> str:
        return self.name.split()[0]

    @property
    def roles_text(self) -> str:
        return ", ".join(role.replace("_", " ") for role in self.roles)

    @property
    def dm_channel(self) -> str:
        # The stand-in's DM channel id for a person (FakeSlack.dm_channel).
        return "D" + self.slack_id[1:]


class NotFound(LookupError):
    """A name that matches nobody, or more than one: the message says which and what to type."""


@dataclass
class Directory:
    people: list[Person]
    channels: dict[str, str] = field(default_factory=dict)  # id -> name

    @classmethod
    def from_org(cls, config: OrgConfig) -> Directory:
        people = [Person(p.slack_id, p.name, tuple(str(r) for r in p.roles)) for p in config.people if p.slack_id]
        channels = {GENERAL[0]: GENERAL[1]}
        specs = [config.channels.ceo_digest, config.channels.safeguarding, config.channels.moderation,
                 *config.channels.guarded, *config.channels.moderated]
        for spec in specs:
            if spec is not None and spec.id is not None:  # the playground is Slack: Teams-only channels aside
                channels[spec.id] = spec.name or spec.id
        return cls(people, channels)

    # -- people --------------------------------------------------------------------------------------

    def by_id(self, slack_id: str) -> Person | None:
        return next((p for p in self.people if p.slack_id == slack_id), None)

    def person(self, typed: str) -> Person:
        """By Slack id, full name, first name, or a role only one person has (`Chair`)."""
        wanted = typed.strip().lstrip("@").casefold()
        if not wanted:
            raise NotFound("Say who: a first name, full name or role, for example /as Anita.")
        for matches in (
            [p for p in self.people if p.slack_id.casefold() == wanted or p.name.casefold() == wanted],
            [p for p in self.people if p.first_name.casefold() == wanted],
            [p for p in self.people if wanted.replace(" ", "_") in p.roles],
            [p for p in self.people if p.name.casefold().startswith(wanted)],
        ):
            if len(matches) == 1:
                return matches[0]
            if len(matches) > 1:
                names = ", ".join(p.name for p in matches)
                raise NotFound(f"“{typed}” could be {names}: type a full name.")
        raise NotFound(f"There is nobody called “{typed}” in the organisation file. People: {self.first_names()}.")

    def first_names(self) -> str:
        return ", ".join(p.first_name for p in self.people)

    def name_of(self, slack_id: str) -> str:
        person = self.by_id(slack_id)
        return person.name if person else slack_id

    def completions(self) -> list[str]:
        """What tab completion offers after /as, /inbox and in user selects."""
        names = {p.first_name for p in self.people} | {p.name for p in self.people}
        return sorted(names, key=str.casefold)

    # -- channels ------------------------------------------------------------------------------------

    def channel(self, typed: str) -> str:
        """A channel's id, by name (with or without #) or id."""
        wanted = typed.strip().lstrip("#").casefold()
        for channel_id, name in self.channels.items():
            if wanted in (channel_id.casefold(), name.casefold()):
                return channel_id
        raise NotFound(f"There is no channel “{typed}”. Channels: {', '.join('#' + n for n in self.channels.values())}.")

    def describe_channel(self, channel_id: str) -> str:
        """How a conversation reads in the terminal: #name, or whose DM with the bot it is."""
        if channel_id in self.channels:
            return "#" + self.channels[channel_id]
        if channel_id.startswith("D"):
            person = self.by_id("U" + channel_id[1:])
            if person is not None:
                return f"{person.name}'s messages from the bot"
        return channel_id

    def dm_owner(self, channel_id: str) -> Person | None:
        return self.by_id("U" + channel_id[1:]) if channel_id.startswith("D") else None
