"""The client's kindness to bad input and to a bot that has died, in-process, with the real bot."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from io import StringIO
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from rich.console import Console

from bot.playground.client import MANIFEST, Client, EngineThread, LineSource, Manifest
from bot.playground.session import Playground, SessionFiles

ROOT = Path(__file__).resolve().parent.parent
START = datetime(2026, 11, 24, 10, 0, tzinfo=ZoneInfo("Europe/London"))


class TypedLines(LineSource):
    """A person typing these lines at an interactive prompt (so bad input is hinted, not fatal)."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def read(self, prompt: str, completions: Callable[[], list[str]] | None = None) -> str | None:
        return self.lines.pop(0) if self.lines else None


@pytest.fixture
def client(tmp_path: Path) -> Iterator[tuple[Client, TypedLines, StringIO]]:
    engine = EngineThread()
    playground = engine.call(Playground.start(ROOT / "examples" / "org.yml", SessionFiles(tmp_path), START))
    out = StringIO()
    typed = TypedLines()
    console = Console(file=out, width=120, color_system=None, force_terminal=False)
    yield Client(engine, playground, console, typed, Manifest.read(MANIFEST)), typed, out
    engine.call(playground.stop())
    engine.close()


def test_bad_input_gets_a_one_line_hint(client: tuple[Client, TypedLines, StringIO]) -> None:
    me, _, out = client
    me.handle("/as Nobody")
    me.handle("/press 7")
    me.handle("/frobnicate")
    me.handle("hello")
    me.handle("/clock yesterday-ish")
    text = out.getvalue()
    assert "There is nobody called “Nobody”" in text
    assert "There is no [7] on screen" in text
    assert "There is no /frobnicate here" in text
    assert "Start with a command" in text
    assert "I can't read “yesterday-ish” as a time" in text
    assert "Traceback" not in text


def test_only_the_person_whose_screen_it_is_can_press_a_button(client: tuple[Client, TypedLines, StringIO]) -> None:
    me, typed, out = client
    me.handle("/as Dan")
    typed.lines = ["A participant misusing", "Audio-Base", "", "Jay", "", "", "He posted clips.", "", ""]
    me.handle("/report")
    me.handle("/inbox Sam")
    me.handle("/press 1")
    assert "That is on Sam Okafor's screen, so only they can press it: /as Sam first." in out.getvalue()
    me.handle("/as Sam")
    me.handle("/inbox")
    me.handle("/press 1")
    assert "TMW-2026-0001 is acknowledged" in me.shown_text()


def test_the_modals_own_errors_are_shown_and_their_fields_asked_again(client: tuple[Client, TypedLines, StringIO]) -> None:
    me, typed, out = client
    me.handle("/as Dan")
    # A team member misusing their access, but without saying who: the bot's own check refuses it.
    typed.lines = ["2", "", "", "", "", "", "Something worrying happened.", "", "", "Lucy Moore"]
    me.handle("/report")
    text = out.getvalue()
    assert "The form was not accepted:" in text
    assert text.count("Is it about a team member or young leader?") >= 2  # asked again
    assert "has gone to" in text  # and then accepted
    assert typed.lines == []


def test_a_dead_bot_is_reported_with_where_its_log_is(client: tuple[Client, TypedLines, StringIO]) -> None:
    me, _, out = client
    me.engine.call(me.playground.stop_bot())
    me.handle("/tmw help")
    text = out.getvalue()
    assert "The bot has stopped answering" in text
    assert str(me.playground.files.log) in text
    assert "Traceback" not in text


def test_moving_the_clock_fires_an_escalation(client: tuple[Client, TypedLines, StringIO]) -> None:
    me, typed, out = client
    me.handle("/as Lucy")
    typed.lines = ["computer fault", "Beat It", "", "", "", "", "The studio laptop has a virus.", "", ""]
    me.handle("/report")
    me.handle("/as Rachel")
    me.handle("/inbox")
    assert "You have no messages from the bot." in out.getvalue()
    me.handle("/clock +2d")
    me.handle("/inbox")
    assert "This report has come to you as" in me.shown_text()


def test_an_edit_form_shows_its_people_by_name_and_keeps_each_of_them(client: tuple[Client, TypedLines, StringIO]) -> None:
    me, typed, _ = client
    me.handle("/as Rachel")
    typed.lines = ["", "", "", "", "", "", ""]  # Enter at every field keeps what is there
    me.handle("/accounts edit Instagram")
    text = me.shown_text()
    assert "Enter keeps “Tom Ellis”" in text  # the owner
    assert "Enter keeps “Maya”" in text  # who else can log in
    assert "Enter keeps “Anita Holford”" in text  # admins with overall access
    assert "U0" not in text  # no Slack ids
    assert "Saved Instagram: owned by Tom Ellis" in text


def test_the_playground_help_lines_up_in_columns(client: tuple[Client, TypedLines, StringIO]) -> None:
    me, _, out = client
    me.handle("/help")
    lines = out.getvalue().splitlines()

    def columns(command: str, what: str) -> tuple[int, int]:
        line = next(line for line in lines if command in line and what in line)
        return line.index(command), line.index(what)

    assert len({columns("/as NAME", "act as a person"), columns("/people", "everyone in"),
                columns("/press N [CHOICE]", "press button N"), columns("/post #CHANNEL TEXT", "write in a channel"),
                columns("/clock next monday 9am", "move time on to then"), columns("/log [N]", "the end of the bot's log")}) == 1
    assert "Ctrl-C" in out.getvalue()
