"""The interactive client itself, driven through a pseudo-terminal as a person would use it: prompts,
tab completion, a slash command, a hint for a typo, and a clean exit."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pexpect

ROOT = Path(__file__).resolve().parent.parent


def interrupt(child: pexpect.spawn) -> None:
    """Ctrl-C, once the prompt is waiting for a key: CPython's readline notices a Ctrl-C that arrives
    while it is still drawing its prompt only at the next key pressed."""
    time.sleep(0.3)
    child.sendintr()


def test_a_person_at_a_terminal_can_use_the_playground() -> None:
    env = {**os.environ, "TERM": "dumb", "COLUMNS": "120"}
    child = pexpect.spawn(sys.executable, ["-m", "bot.cli", "local", "--start", "2026-11-24 10:00"],
                          cwd=str(ROOT), env=env, encoding="utf-8", timeout=60, dimensions=(40, 120))
    try:
        child.expect("You are Anita Holford")
        child.expect("Anita · #general › ")

        # Tab completes a person's name, as it does in Slack's own pickers.
        child.send("/as Priya S\t")
        child.expect("Priya Shah")
        child.send("\r")
        child.expect("You are now Priya Shah")
        child.expect("Priya · #general › ")

        child.sendline("/tmw help")
        child.expect("Hello Priya!")
        child.expect("Priya · #general › ")

        child.sendline("/nonsense")
        child.expect("There is no /nonsense here")
        child.expect("Priya · #general › ")

        # A form, field by field; /cancel closes it without sending anything.
        child.sendline("/report")
        child.expect("What kind of concern is it")
        child.expect("  › ")
        child.sendline("/cancel")
        child.expect("nothing was sent")
        child.expect("Priya · #general › ")

        # Ctrl-C in a form asks before throwing the answers away.
        child.sendline("/report")
        child.expect("What kind of concern is it")
        child.expect("  › ")
        child.sendline("1")
        child.expect(r"Which activity or project\?  \(optional")  # its question, not its line in the form
        child.expect("  › ")
        interrupt(child)
        child.expect(r"Close this form\? Nothing in it will be sent")
        child.sendline("n")
        child.expect("Carrying on with the form")
        child.expect("  › ")
        interrupt(child)
        child.expect(r"Close this form\?")
        child.sendline("y")
        child.expect("nothing was sent")
        child.expect("Priya · #general › ")

        child.sendline("/quit")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    assert "Traceback" not in (child.before or "")
