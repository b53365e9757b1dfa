"""`tmw-bot local`: the terminal client. People type what they would in Slack, plus a few commands
of the playground's own; with --script the same lines come from a file and /expect lines check them."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import re
import shutil
import sys
import tempfile
import threading
from collections.abc import Callable, Coroutine, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from io import StringIO
from pathlib import Path
from typing import Any, TextIO, TypeVar
from zoneinfo import ZoneInfo

import yaml
from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from bot.playground import modals
from bot.playground.directory import MENTION, Directory, NotFound, Person
from bot.playground.render import PLAIN_WIDTH, SELECTS, Pressable, Renderer, Screen, element_label, plain
from bot.playground.session import BotUnavailable, Changes, MessageSeen, Playground, SessionFiles

log = logging.getLogger(__name__)
T = TypeVar("T")

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_ORG = Path("examples/org.yml")
MANIFEST = ROOT / "manifest.yml"
# Scripts start on a Tuesday morning in term time, so their deadlines and escalations always read alike.
SCRIPT_START = "2026-11-24 10:00"
INBOX_SHOWN = 8

EXIT_OK, EXIT_EXPECTATION, EXIT_SCRIPT_ERROR = 0, 1, 2

# The playground's own commands, by what they are for: (group, command, what it does).
HELP = [
    ("Be someone", "/as NAME", "act as a person (first name, full name or role: /as Chair); Tab completes"),
    ("", "/people", "everyone in the organisation file"),
    ("Use the bot", "/report, /tmw help, …", "any of the app's slash commands, typed as in Slack"),
    ("", "/press N [CHOICE]", "press button N (or choose in select N) of what was shown last"),
    ("", "/press LABEL", "press the newest button with that label: /press Acknowledge"),
    ("", "/home", "open your Home tab"),
    ("", "/post #CHANNEL TEXT", "write in a channel, as yourself"),
    ("", "/shortcut NAME", "use a message shortcut on the last message you posted"),
    ("Look around", "/inbox [NAME]", "what the bot has sent you (or someone else)"),
    ("", "/channel [NAME]", "a channel's messages (and type your slash commands there)"),
    ("Time", "/clock", "what time the bot thinks it is"),
    ("", "/clock +2h", "move time on (m, h, d, w), firing whatever falls due on the way"),
    ("", "/clock next monday 9am", "move time on to then"),
    ("Scripts", "/expect TEXT", "check that the last step showed TEXT"),
    ("", "/expect-not TEXT", "check that it did not"),
    ("Other", "/log [N]", "the end of the bot's log"),
    ("", "/help", "this list"),
    ("", "/quit", "leave the playground (or Ctrl-D)"),
]
IN_A_FORM = "In a form: answer each field; Enter keeps it as it is, - empties it, /cancel (or Ctrl-C) closes the form."


def help_table() -> Table:
    """A table, so the columns line up however wide the terminal is and long lines wrap in their column."""
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column()
    for group, command, what in HELP:
        table.add_row(Text(group, style="bold"), Text(command), Text(what))  # Text: "[N]" is not markup
    return table


class ScriptFailed(Exception):
    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class Hint(Exception):
    """Bad input: one kind line that says what to type instead."""


# -- input ----------------------------------------------------------------------------------------------


class LineSource:
    """Where lines come from: a person at a terminal, or a script file."""

    script: bool = False
    where: str = ""

    def read(self, prompt: str, completions: Callable[[], list[str]] | None = None) -> str | None:
        raise NotImplementedError


class TerminalInput(LineSource):
    def __init__(self) -> None:
        self._completions: Callable[[], list[str]] | None = None
        self._matches: list[str] = []
        try:
            import readline
        except ImportError:  # Windows without pyreadline: no completion, everything else works
            self._readline = None
            return
        self._readline = readline
        # The whole line is one "word", so names with spaces ("Anita Holford") complete too.
        readline.set_completer_delims("")
        readline.set_completer(self._complete)
        if "libedit" in (readline.__doc__ or ""):
            readline.parse_and_bind("bind ^I rl_complete")
        else:
            readline.parse_and_bind("tab: complete")

    def _complete(self, text: str, state: int) -> str | None:
        if state == 0:
            candidates = self._completions() if self._completions else []
            self._matches = [c for c in candidates if c.casefold().startswith(text.casefold())]
        return self._matches[state] if state < len(self._matches) else None

    def read(self, prompt: str, completions: Callable[[], list[str]] | None = None) -> str | None:
        self._completions = completions
        try:
            return input(prompt)
        except EOFError:
            print()
            return None


class ScriptInput(LineSource):
    """Lines of a script, echoed after their prompt so the transcript reads like a session.
    Comments (#) are skipped; a blank line is Enter, which matters only inside a form."""

    script = True

    def __init__(self, path: Path, echo: Callable[[str, str], None], text: str | None = None) -> None:
        self.path = path
        # The text may have been read already: a script given as <(...) is a pipe, read once.
        self.lines = (path.read_text(encoding="utf-8") if text is None else text).splitlines()
        self.number = 0
        self.echo = echo

    @property
    def where(self) -> str:
        return f"{self.path}, line {self.number}"

    def read(self, prompt: str, completions: Callable[[], list[str]] | None = None) -> str | None:
        while self.number < len(self.lines):
            line = self.lines[self.number]
            self.number += 1
            if line.lstrip().startswith("#") or (not line.strip() and not prompt.startswith(" ")):
                continue  # a comment, or a blank line between commands (in a form, a blank line is Enter)
            self.echo(prompt, line)
            return line
        return None


# -- the engine on its own thread -----------------------------------------------------------------------


class EngineThread:
    """The bot and the stand-in run on an event loop of their own, so the terminal (readline, Ctrl-C)
    stays in the main thread."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="tmw-playground", daemon=True)
        self.thread.start()

    def call(self, coroutine: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result()

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=5)


# -- the client -----------------------------------------------------------------------------------------


@dataclass
class Manifest:
    commands: list[str] = field(default_factory=list)
    escaped: set[str] = field(default_factory=set)
    shortcuts: dict[str, str] = field(default_factory=dict)  # name -> callback_id

    @classmethod
    def read(cls, path: Path) -> Manifest:
        try:
            features = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("features", {})
        except (OSError, yaml.YAMLError):
            return cls()
        commands = features.get("slash_commands", []) or []
        return cls(
            commands=[c["command"] for c in commands],
            escaped={c["command"] for c in commands if c.get("should_escape")},
            shortcuts={s["name"]: s["callback_id"] for s in features.get("shortcuts", []) or [] if s.get("type") == "message"},
        )


class Client:
    def __init__(self, engine: EngineThread, playground: Playground, console: Console, source: LineSource,
                 manifest: Manifest) -> None:
        self.engine = engine
        self.playground = playground
        self.console = console
        self.source = source
        self.manifest = manifest
        self.directory: Directory = playground.directory
        self.renderer = Renderer(self.directory)
        self.screen = Screen()
        self.me: Person = self.directory.people[0]
        self.where = "C0GENERAL1"
        self.last_posted: dict[str, MessageSeen] = {}
        self.seen: dict[str, int] = {}  # person -> messages in their DM already shown to them
        self.shown = StringIO()  # plain text of what the last step showed, for /expect
        self.trouble = False
        self._notices: dict[tuple[str, str], int] = {}
        self.commands: dict[str, Callable[[str], None]] = {
            "/as": self.act_as, "/people": self.people, "/inbox": self.inbox, "/channel": self.channel,
            "/press": self.press, "/home": self.home, "/clock": self.clock, "/post": self.post,
            "/shortcut": self.shortcut, "/log": self.show_log, "/help": self.help,
            "/expect": self.expect, "/expect-not": self.expect_not,
        }

    # -- output ------------------------------------------------------------------------------------

    def show(self, renderable: RenderableType) -> None:
        self.console.print(renderable)
        capture = Console(file=self.shown, width=PLAIN_WIDTH, color_system=None, force_terminal=False, emoji=False)
        capture.print(renderable)

    def say(self, text: str, style: str = "") -> None:
        self.show(Text(text, style=style))

    def hint(self, text: str) -> None:
        if self.source.script:
            raise ScriptFailed(f"{self.source.where}: {text}", EXIT_SCRIPT_ERROR)
        self.say(text, "yellow")

    def shown_text(self) -> str:
        # Without box drawing and line breaks, so /expect matches text however the terminal wrapped it.
        return " ".join(re.sub(r"[\u2500-\u257f]", " ", self.shown.getvalue()).split())

    # -- the loop ----------------------------------------------------------------------------------

    def prompt(self) -> str:
        place = "DM" if self.where.startswith("D") else self.directory.describe_channel(self.where)
        return f"{self.me.first_name} · {place} › "

    def run(self) -> int:
        self.welcome()
        while True:
            line = self.source.read(self.prompt(), self.complete_command)
            if line is None:
                return EXIT_OK
            line = line.strip()
            if line in ("/quit", "/exit", "/q"):
                return EXIT_OK
            try:
                self.handle(line)
            except ScriptFailed as failed:
                # Unwrapped, so that the file and line can be copied whole.
                self.console.print(Text(str(failed), style="bold red"), soft_wrap=True)
                return failed.exit_code
            except KeyboardInterrupt:
                self.console.print()

    def handle(self, line: str) -> None:
        if not line:
            return
        command, _, rest = line.partition(" ")
        command = command.lower()
        if command not in ("/expect", "/expect-not"):
            self.shown = StringIO()
        try:
            if command in self.commands:
                self.commands[command](rest.strip())
            elif command in self.manifest.commands or (not self.manifest.commands and command.startswith("/")):
                self.slash_command(command, rest)
            elif command.startswith("/"):
                known = ", ".join(self.manifest.commands)
                raise Hint(f"There is no {command} here. The app's commands: {known}. The playground's: /help.")
            else:
                raise Hint("Start with a command, such as /report or /help. To write in a channel: /post #channel TEXT.")
        except Hint as hint:
            self.hint(str(hint))
        except BotUnavailable as exc:
            self.trouble = True
            message = (f"The bot has stopped answering: {exc}. Its log is in {self.playground.files.log} "
                       f"(/log shows the end of it).")
            if self.source.script:
                raise ScriptFailed(message, EXIT_SCRIPT_ERROR) from None
            self.say(message, "bold red")
        except ScriptFailed:
            raise
        except Exception as exc:  # the client never shows a traceback: the log has it
            self.trouble = True
            log.exception("the playground failed on %r", line)
            message = f"Something went wrong in the playground ({type(exc).__name__}: {exc}). The details are in {self.playground.files.log}."
            if self.source.script:
                raise ScriptFailed(message, EXIT_SCRIPT_ERROR) from None
            self.say(message, "bold red")

    def complete_command(self) -> list[str]:
        words = [*self.commands, *self.manifest.commands, "/quit"]
        names = self.directory.completions()
        channels = ["#" + name for name in self.directory.channels.values()]
        return [
            *sorted(words),
            *(f"{c} {n}" for c in ("/as", "/inbox") for n in names),
            *(f"/channel {c[1:]}" for c in channels),
            *(f"/post {c} " for c in channels),
            *(f"/shortcut {s}" for s in self.manifest.shortcuts),
        ]

    def welcome(self) -> None:
        self.console.print(Text.assemble(
            ("TMW playground", "bold"), f": the real bot and a stand-in for {self.playground.platform}, on this machine. "
            f"Nothing goes to {self.playground.platform}.\n",
            f"You are {self.me.name} ({self.me.roles_text}). {self.time_now()}\n",
            "Type a slash command as in Slack (/tmw help, /report), /as NAME to be someone else, or /help.",
        ))

    def time_now(self) -> str:
        return f"It is {self.local(self.playground.now()):%A %-d %B %Y, %H:%M}."

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(ZoneInfo(self.playground.timezone))

    def call(self, coroutine: Coroutine[Any, Any, T]) -> T:
        return self.engine.call(coroutine)

    # -- people and places -------------------------------------------------------------------------

    def person(self, typed: str) -> Person:
        try:
            return self.directory.person(typed)
        except NotFound as exc:
            raise Hint(str(exc)) from None

    def act_as(self, typed: str) -> None:
        if not typed:
            self.say(f"You are {self.me.name} ({self.me.roles_text}). To be someone else: /as NAME.")
            return
        self.me = self.person(typed)
        if self.where.startswith("D"):
            self.where = self.me.dm_channel
        unread = len(self.playground.messages_in(self.me.dm_channel)) - self.seen.get(self.me.slack_id, 0)
        waiting = f" {unread} new message{'s' if unread != 1 else ''} from the bot: /inbox." if unread > 0 else ""
        self.say(f"You are now {self.me.name} ({self.me.roles_text}).{waiting}")

    def people(self, _: str) -> None:
        for person in self.directory.people:
            self.show(Text.assemble((f"{person.name:<16}", "bold"), f" {person.roles_text}  ", (person.slack_id, "dim")))

    # -- what the bot sent -------------------------------------------------------------------------

    def inbox(self, typed: str) -> None:
        everything = typed.lower().endswith(" all") or typed.lower() == "all"
        typed = typed[:-3].strip() if everything else typed
        person = self.person(typed) if typed else self.me
        if person == self.me:
            self.where = person.dm_channel
        messages = self.playground.messages_in(person.dm_channel)
        whose = "You have" if person == self.me else f"{person.name} has"
        if not messages:
            self.say(f"{whose} no messages from the bot.")
            return
        shown = messages if everything else messages[-INBOX_SHOWN:]
        self.screen.begin()
        if len(shown) < len(messages):
            self.say(f"{len(messages) - len(shown)} earlier messages not shown (/inbox {person.first_name} all).", "dim")
        title = "Your messages from tmw-bot" if person == self.me else f"{person.name}'s messages from tmw-bot"
        for message in shown:
            self.show(self.renderer.message(message, self.screen, person.slack_id, title=title, when=self.when(message)))
        self.screen.commit()
        self.seen[person.slack_id] = len(messages)

    def channel(self, typed: str) -> None:
        if not typed:
            names = ", ".join("#" + n for n in self.directory.channels.values())
            self.say(f"Channels: {names}. /channel NAME shows one.")
            return
        try:
            channel = self.directory.channel(typed)
        except NotFound as exc:
            raise Hint(str(exc)) from None
        self.where = channel
        messages = self.playground.messages_in(channel)
        name = self.directory.describe_channel(channel)
        if not messages:
            self.say(f"Nothing in {name} yet. Slash commands you type now are typed in {name}.")
            return
        self.screen.begin()
        for message in messages[-INBOX_SHOWN:]:
            self.show(self.renderer.message(message, self.screen, self.me.slack_id, title=name, when=self.when(message)))
        self.screen.commit()

    def when(self, message: MessageSeen) -> str:
        moment = self.playground.posted_at.get((message.channel, message.ts))
        return f"{self.local(moment):%a %-d %b %H:%M}" if moment else ""

    def show_log(self, typed: str) -> None:
        count = int(typed) if typed.isdigit() else 20
        try:
            lines = self.playground.files.log.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            lines = []
        self.console.print(Text("\n".join(lines[-count:]) or "The log is empty.", style="dim"))
        self.console.print(Text(f"(all of it: {self.playground.files.log})", style="dim"))

    def help(self, _: str) -> None:
        self.show(help_table())
        self.say(IN_A_FORM)
        if self.manifest.commands:
            self.say(f"The app's slash commands: {', '.join(self.manifest.commands)}.")

    # -- doing things ------------------------------------------------------------------------------

    def slash_command(self, command: str, text: str) -> None:
        if command in self.manifest.escaped:
            text = MENTION.sub(self._escaped_mention, text)
        response, changes = self.call(self.playground.slash_command(self.me.slack_id, command, text, self.where))
        self.show_changes(changes, ack=_json(response.text))

    def _escaped_mention(self, match: re.Match[str]) -> str:
        try:
            person = self.directory.person(match[1])
        except NotFound:
            return match[0]
        return f"<@{person.slack_id}|{person.first_name.lower()}>"

    def home(self, _: str) -> None:
        _, changes = self.call(self.playground.open_home(self.me.slack_id))
        view = self.playground.home_of(self.me.slack_id)
        self.show_changes(changes)
        if view is None:
            self.say("The bot did not publish a Home tab.", "yellow")
            return
        self.screen.begin()
        self.show(self.renderer.view(view, self.screen, self.me.slack_id))
        self.screen.commit()

    def post(self, typed: str) -> None:
        target, _, text = typed.partition(" ")
        if not target or not text.strip():
            raise Hint("Say where and what: /post #young-leaders Rehearsal moved to 6pm.")
        try:
            channel = self.directory.channel(target)
        except NotFound as exc:
            raise Hint(str(exc)) from None
        self.where = channel
        posted, changes = self.call(self.playground.post_message(self.me.slack_id, channel, text.strip()))
        self.last_posted[self.me.slack_id] = posted
        self.say(f"You wrote in {self.directory.describe_channel(channel)}.", "dim")
        self.show_changes(changes)

    def shortcut(self, typed: str) -> None:
        names = {name.casefold(): callback for name, callback in self.manifest.shortcuts.items()}
        callback = names.get(typed.strip().strip('"').casefold())
        if callback is None:
            raise Hint(f"There is no message shortcut “{typed}”. Shortcuts: {', '.join(self.manifest.shortcuts) or 'none'}.")
        message = self.last_posted.get(self.me.slack_id)
        if message is None:
            raise Hint("A message shortcut works on a message: first write one with /post #channel TEXT.")
        response, changes = self.call(self.playground.message_shortcut(self.me.slack_id, callback, message))
        self.show_changes(changes, ack=_json(response.text))

    def press(self, typed: str) -> None:
        number_text, _, choice = typed.partition(" ")
        if not number_text.isdigit():
            # By its label instead (`/press Acknowledge`): the newest one shown, whatever its number.
            pressable = next((p for p in reversed(self.screen.pressables) if p.label.casefold() == typed.strip().casefold()), None)
            if pressable is None:
                raise Hint("Say which: /press 2, or /press Acknowledge (the numbers are in [brackets] on what was shown).")
            number_text, choice = str(pressable.number), ""
        pressable = self.screen.get(int(number_text))
        if pressable is None:
            count = len(self.screen.pressables)
            raise Hint(f"There is no [{number_text}] on screen: " + (
                f"the last thing shown had 1 to {count}." if count else "nothing shown has buttons yet; try /inbox or /home."))
        if pressable.owner != self.me.slack_id:
            owner = self.directory.name_of(pressable.owner)
            raise Hint(f"That is on {owner}'s screen, so only they can press it: /as {owner.split()[0]} first.")
        message, view = pressable.message, pressable.view
        if message is not None:
            current = self.playground.current(message)
            if current is None:
                raise Hint("That message has been deleted.")
            if not _has_element(current.blocks, pressable.element):
                self.say("That message has changed since it was shown. Here it is now:", "yellow")
                self.screen.begin()
                self.show(self.renderer.message(current, self.screen, self.me.slack_id, title="Now"))
                self.screen.commit()
                return
            message = current
        if view is not None and view.get("type") == "home":
            view = self.playground.home_of(self.me.slack_id) or view
        chosen = self.choose_for(pressable, choice)
        if chosen is None:
            return
        _, changes = self.call(self.playground.block_action(
            self.me.slack_id, pressable.element, pressable.block_id, chosen, message=message, view=view))
        self.say(f"You pressed ‹{pressable.label}›.", "dim")
        self.show_changes(changes)

    def choose_for(self, pressable: Pressable, choice: str) -> dict[str, Any] | None:
        """What the action carries for this element, asking for a choice when it needs one; None if the
        person thought better of it."""
        element = pressable.element
        kind = element.get("type")
        if kind == "button":
            confirm = element.get("confirm")
            if confirm:
                question = f"{plain(confirm.get('title'))}: {plain(confirm.get('text'))} [{plain(confirm.get('confirm')) or 'Yes'}/{plain(confirm.get('deny')) or 'Cancel'}] (y/n)"
                self.say(question, "bold")
                answer = (choice or self.source.read("  › ") or "").strip().casefold()
                if answer not in ("y", "yes", plain(confirm.get("confirm")).casefold()):
                    self.say("Cancelled.", "dim")
                    return None
            return {}
        if kind == "overflow" or kind in SELECTS or kind in ("checkboxes", "radio_buttons", "datepicker", "timepicker"):
            field = modals.InputField(pressable.block_id, element, element_label(element), optional=True, hint="")
            while True:
                if not choice:
                    self.ask_about(field)
                    choice = self.source.read("  › ", lambda: self.field_completions(field)) or ""
                    if not choice.strip():
                        self.say("Nothing chosen.", "dim")
                        return None
                try:
                    state = modals.answer(field, choice, self.answer_context())
                except modals.AnswerError as exc:
                    self.hint(f"  {exc}")
                    choice = ""
                    continue
                break
            if kind == "checkboxes":
                # Ticking a box toggles it: Slack sends every box ticked afterwards.
                before = {o.get("value"): o for o in element.get("initial_options", [])}
                for option in state["selected_options"]:
                    if option.get("value") in before:
                        before.pop(option.get("value"))
                    else:
                        before[option.get("value")] = option
                return {"selected_options": list(before.values())}
            return modals.action_payload(field, state)
        return {}

    # -- time --------------------------------------------------------------------------------------

    def clock(self, typed: str) -> None:
        now = self.local(self.playground.now())
        if not typed:
            self.say(self.time_now())
            return
        target = _relative(typed, now)
        if target is None:
            try:
                target = modals.parse_moment(typed, self.answer_context(), base=now)
            except modals.AnswerError:
                raise Hint(f"I can't read “{typed}” as a time: try /clock +2h, /clock +3d or /clock next monday 9am.") from None
        if target <= now:
            raise Hint(f"{target:%A %-d %B, %H:%M} is not later than now: the clock only moves forward.")
        _, changes = self.call(self.playground.move_clock(target))
        self.say(f"{self.time_now()} Everything due by then has run.", "bold")
        self.show_changes(changes)

    def answer_context(self) -> modals.AnswerContext:
        tz = ZoneInfo(self.playground.timezone)
        return modals.AnswerContext(self.directory, self.local(self.playground.now()).date(), tz)

    # -- assertions --------------------------------------------------------------------------------

    def expect(self, typed: str) -> None:
        self._expect(typed, present=True)

    def expect_not(self, typed: str) -> None:
        self._expect(typed, present=False)

    def _expect(self, typed: str, *, present: bool) -> None:
        wanted = " ".join(typed.split())
        if not wanted:
            raise Hint("Say what to look for: /expect Acknowledged")
        found = wanted.casefold() in self.shown_text().casefold()
        if found == present:
            self.console.print(Text(f"✓ {'saw' if present else 'did not see'} “{wanted}”", style="green"))
            return
        shown = self.shown_text()
        excerpt = (shown[:400] + "…") if len(shown) > 400 else shown
        message = (f"✗ expected {'to see' if present else 'not to see'} “{wanted}”. The last step showed: "
                   f"{excerpt or '(nothing)'}")
        if self.source.script:
            raise ScriptFailed(f"{self.source.where}: {message}", EXIT_EXPECTATION)
        self.console.print(Text(message, style="bold red"))

    # -- what changed ------------------------------------------------------------------------------

    def show_changes(self, changes: Changes, *, ack: dict[str, Any] | None = None) -> None:
        me = self.me.slack_id
        self.screen.begin()
        if ack and (ack.get("text") or ack.get("blocks")):
            in_channel = ack.get("response_type") == "in_channel"
            title = self.directory.describe_channel(self.where) if in_channel else "Only visible to you"
            self.show(self.renderer.ephemeral(ack, self.screen, me, title=title))
        for response in changes.responses:
            if response.get("delete_original"):
                self.say("(The message with the button was removed.)", "dim")
            elif response.get("text") or response.get("blocks"):
                title = "Replaces the message" if response.get("replace_original") else "Only visible to you"
                self.show(self.renderer.ephemeral(response, self.screen, me, title=title))
        for ephemeral in changes.ephemerals:
            if ephemeral.get("user") == me:
                self.show(self.renderer.ephemeral(ephemeral, self.screen, me))
            else:
                self._notice(f"{self.directory.name_of(str(ephemeral.get('user')))} (only they see it)", str(ephemeral.get("text", "")))
        for message in changes.messages:
            owner = self.directory.dm_owner(message.channel)
            if message.channel in (self.me.dm_channel, self.where) and message.user != me:
                title = ("Updated: " if message.updated else "") + (
                    "To you from tmw-bot" if owner == self.me else self.directory.describe_channel(message.channel))
                self.show(self.renderer.message(message, self.screen, me, title=title, when=self.when(message)))
                if owner == self.me:
                    self.seen[me] = len(self.playground.messages_in(message.channel))
            elif message.user != me:
                where = owner.name if owner else self.directory.describe_channel(message.channel)
                self._notice(where + (" (updated)" if message.updated else ""), message.text)
        for message in changes.deleted:
            self._notice(self.directory.describe_channel(message.channel), "a message was deleted")
        self._show_notices()
        for problem in changes.problems:
            self.trouble = True
            self.say(f"⚠ {problem}. The bot's log: {self.playground.files.log}", "yellow")
        self.screen.commit()
        for view in changes.views:
            if view.get("_user") == me and view.get("type", "modal") == "modal":
                self.fill_modal(view)
                break

    def _notice(self, who: str, text: str) -> None:
        """One line about something that went to someone else (or a channel): /inbox NAME shows it."""
        first_line = " ".join(self.renderer.mrkdwn(text).plain.split())
        if len(first_line) > 110:
            first_line = first_line[:109] + "…"
        self._notices[(who, first_line)] = self._notices.get((who, first_line), 0) + 1

    def _show_notices(self) -> None:
        # Moving the clock by weeks repeats reminders: each is listed once, with how many times it came.
        for (who, line), count in self._notices.items():
            times = Text(f" ({count} times)", style="dim") if count > 1 else Text("")
            self.show(Text.assemble(("→ ", "dim"), (who, "bold"), (": ", "dim"), line, times))
        self._notices = {}

    # -- modals ------------------------------------------------------------------------------------

    def fill_modal(self, view: dict[str, Any]) -> None:
        """Slack's modal, field by field: the modal's own errors come back and their fields are asked again."""
        states: dict[str, dict[str, Any]] = {}
        ask_again: set[str] | None = None
        drawn: dict[str, Any] | None = None
        while True:
            if view is not drawn:
                self.screen.begin()
                self.show(self.renderer.view(view, self.screen, self.me.slack_id))
                self.screen.commit()
                drawn = view
            fields = modals.input_fields(view)
            if not fields and not view.get("submit"):
                return  # a modal to read, such as a confirmation: nothing to fill in
            if not fields:
                answer = self.read_in_form(f"  Enter to press ‹{plain(view.get('submit'))}›, or /cancel › ")
                if answer is None or answer.strip().lower() == "/cancel":
                    self.say("You closed the form.", "dim")
                    return
            for input_field in fields:
                if input_field.block_id in states and (ask_again is None or input_field.block_id not in ask_again):
                    continue
                outcome = self.ask_field(input_field, states, view)
                if outcome == "cancel":
                    self.say("You closed the form; nothing was sent.", "dim")
                    return
                if isinstance(outcome, dict):  # a dispatching field changed the modal
                    view = outcome
                    break
            else:
                view_or_none, errors = self.submit(view, fields, states)
                if errors:
                    self.say("The form was not accepted:", "bold red")
                    labels = {f.block_id: f.label for f in fields}
                    for block_id, error in errors.items():
                        self.say(f"  ✗ {labels.get(block_id, block_id)}: {error}", "red")
                    ask_again = set(errors) & set(labels)
                    if not ask_again:
                        return
                    for block_id in ask_again:
                        states.pop(block_id, None)
                    continue
                if view_or_none is None:
                    return
                view, states, ask_again = view_or_none, {}, None
                continue
            ask_again = None

    def read_in_form(self, prompt: str, completions: Callable[[], list[str]] | None = None) -> str | None:
        """A line typed into a form, or None to close it. Ctrl-C asks first, since closing a form
        throws away everything typed into it so far."""
        while True:
            try:
                return self.source.read(prompt, completions)
            except KeyboardInterrupt:
                self.console.print()
                self.say("Close this form? Nothing in it will be sent. (y/n)", "bold")
                try:
                    answer = self.source.read("  › ")
                except KeyboardInterrupt:  # a second Ctrl-C means it
                    answer = "y"
                if answer is None or answer.strip().casefold() in ("y", "yes"):
                    return None
                self.say("Carrying on with the form.", "dim")

    def ask_about(self, input_field: modals.InputField) -> None:
        label = Text(input_field.label or "Your answer", style="bold")
        notes = ["optional" if input_field.optional else "", modals.how_to_answer(input_field)]
        current = modals.current_value(input_field, self.answer_context())
        if current:
            notes.append(f"Enter keeps “{current}”")
        label.append(f"  ({'; '.join(n for n in notes if n)})", style="dim")
        self.show(label)
        if input_field.hint:
            self.show(Text(f"  {input_field.hint}", style="dim"))
        if input_field.kind in modals.SINGLE_CHOICE | modals.MULTI_CHOICE or input_field.kind == "overflow":
            for number, option in enumerate(input_field.options(), 1):
                self.show(Text.assemble((f"  {number:>2} ", "bold yellow"), self.renderer.text_object(option.get("text"))))

    def field_completions(self, input_field: modals.InputField) -> list[str]:
        if input_field.kind in ("users_select", "multi_users_select"):
            return self.directory.completions()
        if "conversations" in input_field.kind or "channels" in input_field.kind:
            return list(self.directory.channels.values())
        return [plain(o.get("text")) for o in input_field.options()] + ["/cancel"]

    def ask_field(self, input_field: modals.InputField, states: dict[str, dict[str, Any]],
                  view: dict[str, Any]) -> str | dict[str, Any] | None:
        """Ask one field until its answer is taken. Returns "cancel", a changed view, or None."""
        self.ask_about(input_field)
        while True:
            typed = self.read_in_form("  › ", lambda: self.field_completions(input_field))
            if typed is None or typed.strip().lower() == "/cancel":
                return "cancel"
            if typed.strip().startswith(("/expect", "/log", "/help")):
                self.commands[typed.split()[0].lower()](typed.strip().partition(" ")[2].strip())
                continue
            if typed.strip().startswith("/") and typed.strip().split()[0] in (*self.commands, *self.manifest.commands):
                self.hint("  Finish this form first, or /cancel it.")
                continue
            try:
                states[input_field.block_id] = modals.answer(input_field, typed, self.answer_context())
            except modals.AnswerError as exc:
                self.hint(f"  {exc}")
                continue
            break
        if input_field.element.get("dispatch_action"):
            return self.dispatch(input_field, states, view)
        return None

    def dispatch(self, input_field: modals.InputField, states: dict[str, dict[str, Any]], view: dict[str, Any]) -> dict[str, Any] | None:
        with_state = {**view, "state": {"values": _values(modals.input_fields(view), states)}}
        chosen = modals.action_payload(input_field, states[input_field.block_id])
        element = {**input_field.element}
        _, changes = self.call(self.playground.block_action(self.me.slack_id, element, input_field.block_id, chosen, view=with_state))
        updated = next((v for v in changes.views if v.get("id") == view.get("id")), None)
        self.show_changes(Changes(messages=changes.messages, ephemerals=changes.ephemerals, problems=changes.problems))
        return updated

    def submit(self, view: dict[str, Any], fields: list[modals.InputField],
               states: dict[str, dict[str, Any]]) -> tuple[dict[str, Any] | None, dict[str, str]]:
        """Press the modal's submit button. Returns the view that replaces it (or None when it closed)
        and the errors the bot gave, by block id."""
        self.say(f"You pressed ‹{plain(view.get('submit')) or 'Submit'}›.", "dim")
        response, changes = self.call(self.playground.submit_view(self.me.slack_id, view, _values(fields, states)))
        body = _json(response.text) or {}
        action = body.get("response_action")
        errors: dict[str, str] = dict(body.get("errors", {})) if action == "errors" else {}
        following: dict[str, Any] | None = None
        if action in ("update", "push") and isinstance(body.get("view"), dict):
            following = {**body["view"], "id": view.get("id"), "_user": self.me.slack_id}
        else:
            following = next((v for v in changes.views if v.get("id") == view.get("id")), None)
        if following is not None and not modals.input_fields(following) and not following.get("submit"):
            # A modal to read (a confirmation): shown first, as Slack shows it in place of the form.
            self.screen.begin()
            self.show(self.renderer.view(following, self.screen, self.me.slack_id))
            self.screen.commit()
            following = None
        self.show_changes(Changes(messages=changes.messages, deleted=changes.deleted, ephemerals=changes.ephemerals,
                                  responses=changes.responses, homes=changes.homes, problems=changes.problems,
                                  views=[v for v in changes.views if v.get("id") != view.get("id")]))
        return following, errors


def _values(fields: list[modals.InputField], states: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {f.block_id: {f.action_id: states.get(f.block_id) or modals.initial_state(f)} for f in fields}


def _has_element(blocks: list[dict[str, Any]] | None, element: dict[str, Any]) -> bool:
    def elements() -> Iterator[dict[str, Any]]:
        for block in blocks or []:
            yield from block.get("elements", []) if block.get("type") == "actions" else []
            if block.get("accessory"):
                yield block["accessory"]

    key = (element.get("action_id"), element.get("value"))
    return any((e.get("action_id"), e.get("value")) == key for e in elements())


def _json(text: str) -> dict[str, Any] | None:
    import json

    if not text:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return {"text": text}
    return value if isinstance(value, dict) else None


_UNITS = {"m": 1, "min": 1, "mins": 1, "minute": 1, "minutes": 1, "h": 60, "hr": 60, "hrs": 60, "hour": 60, "hours": 60,
          "d": 1440, "day": 1440, "days": 1440, "w": 10080, "week": 10080, "weeks": 10080}


def _relative(typed: str, now: datetime) -> datetime | None:
    """`+2h`, `+1d 3h`, `+90m`: now plus that, or None if it is not of that form."""
    if not typed.startswith("+"):
        return None
    parts = re.findall(r"(\d+)\s*([a-z]+)", typed[1:].lower())
    if not parts or re.sub(r"[\d\sa-z]", "", typed[1:].lower()) or any(unit not in _UNITS for _, unit in parts):
        return None
    return now + timedelta(minutes=sum(int(n) * _UNITS[unit] for n, unit in parts))


# -- start-up -------------------------------------------------------------------------------------------


def _arguments(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="tmw-bot local", description="The bot and a stand-in for Slack on this machine, with a terminal client.")
    parser.add_argument("--script", type=Path, help="read the commands from this file, print the transcript, and stop at the first failed /expect")
    parser.add_argument("--org", type=Path, help=f"the organisation file (default {DEFAULT_ORG})")
    parser.add_argument("--start", help=f"when the clock starts, in the organisation's time (default: now; {SCRIPT_START} for scripts)")
    parser.add_argument("--keep", action="store_true", help="keep the session's database and log when it ends")
    parser.add_argument("--teams", nargs="?", const="", metavar="NAMES",
                        help="people on Teams: everyone, or those named (--teams Dan,Sam) and the rest on Slack; "
                             "the same client over the bot's Teams paths")
    return parser.parse_args(list(argv))


def _org_path(given: Path | None) -> Path | None:
    if given is not None:
        return given if given.is_file() else None
    for candidate in (DEFAULT_ORG, ROOT / DEFAULT_ORG):
        if candidate.is_file():
            return candidate.resolve()
    return None


def _log_to(path: Path) -> None:
    """Everything the bot logs goes to the session's log file, never over the conversation."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    logging.captureWarnings(True)


def main(argv: Sequence[str], stdout: TextIO | None = None) -> int:
    args = _arguments(argv)
    stdout = stdout or sys.stdout
    interactive = args.script is None and stdout.isatty()
    console = Console(file=stdout, width=None if interactive else 100, highlight=False,
                      force_terminal=interactive or None, emoji=False, soft_wrap=False)
    org = _org_path(args.org)
    if org is None:
        console.print(f"tmw-bot local: the organisation file {args.org or DEFAULT_ORG} was not found; give one with --org FILE.")
        return EXIT_SCRIPT_ERROR
    script_text = None
    if args.script is not None:
        try:
            script_text = args.script.read_text(encoding="utf-8")
        except FileNotFoundError:
            console.print(f"tmw-bot local: the script {args.script} was not found.")
            return EXIT_SCRIPT_ERROR
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "it is not UTF-8 text"
            console.print(f"tmw-bot local: the script {args.script} cannot be read ({reason.lower()}).")
            return EXIT_SCRIPT_ERROR
    start_text = args.start or (SCRIPT_START if args.script else None)
    try:
        start_at = datetime.fromisoformat(start_text) if start_text else None
    except ValueError:
        console.print(f"tmw-bot local: I can't read --start {args.start!r} as a time; give one such as "
                      f"{SCRIPT_START.replace(' ', 'T')}.")
        return EXIT_SCRIPT_ERROR
    files = SessionFiles(Path(tempfile.mkdtemp(prefix="tmw-local-")))
    _log_to(files.log)
    engine = EngineThread()
    playground: Playground | None = None
    keep = args.keep
    try:
        try:
            timezone = _org_timezone(org)
            start = (start_at.replace(tzinfo=ZoneInfo(timezone)) if start_at
                     else datetime.now(ZoneInfo(timezone)).replace(second=0, microsecond=0))
            playground = engine.call(_start_engine(args.teams, org, files, start, timezone))
        except Exception as exc:
            log.exception("the playground did not start")
            keep = True
            console.print(f"tmw-bot local: the bot did not start ({type(exc).__name__}: {exc}). Its log is in {files.log}.")
            return EXIT_SCRIPT_ERROR

        def echo(prompt: str, line: str) -> None:
            console.print(Text.assemble((prompt, "dim"), (line, "bold")))

        source: LineSource = ScriptInput(args.script, echo, script_text) if args.script else TerminalInput()
        client = Client(engine, playground, console, source, Manifest.read(MANIFEST))
        code = client.run()
        keep = keep or client.trouble or code != EXIT_OK
        return code
    except KeyboardInterrupt:
        return 130
    finally:
        if playground is not None:
            with contextlib.suppress(Exception):
                engine.call(playground.stop())
        engine.close()
        logging.shutdown()
        if keep:
            console.print(Text(f"The session's database and log are in {files.directory}.", style="dim"))
        else:
            shutil.rmtree(files.directory, ignore_errors=True)


def _start_engine(teams: str | None, org: Path, files: SessionFiles, start: datetime, timezone: str
                  ) -> Coroutine[Any, Any, Playground]:
    """The engine for Slack, or (--teams) for Teams: for everyone, or for the people named."""
    if teams is None:
        return Playground.start(org, files, start, timezone)
    from bot.playground.teams import TeamsPlayground

    names = [name.strip() for name in teams.split(",") if name.strip()]
    return TeamsPlayground.start(org, files, start, timezone, on_teams=names)


def _org_timezone(org: Path) -> str:
    from bot import org_sections  # noqa: F401  (the workflows' sections of the organisation file)
    from bot.org import load_org_file

    return load_org_file(org).config.organisation.timezone or "Europe/London"
