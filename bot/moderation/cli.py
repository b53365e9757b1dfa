"""``tmw-bot moderate``: run a channel's messages through the rules.

The contract (other tools depend on it)::

    tmw-bot moderate [--json] [--purpose TEXT] [FILE]

Input, from FILE or standard input: one JSON object per line,
``{"user": "U123", "text": "...", "ts": "1700000000.000100"}``, in the order
the messages were posted. ``text`` is required; ``user`` defaults to
``""``; a missing ``ts`` means "just after the previous message" (one
microsecond later, as every message has its own ts; 0 for the
first). Blank lines are skipped and not counted.

Indices count messages (non-blank lines) from 0. With ``--json`` each
(message, rule broken) pair prints one line, ``{"index": 0, "rule": R,
"reason": "..."}``; without it, a report for people.

Exit status: 0 when no message breaks a rule, 1 when one does, 2 on a usage
error (a bad option, an unreadable file, a line that is not a JSON object
with a text, settings or word lists that can't be loaded); the message on
standard error names the line. Findings already printed for earlier lines
stand; exit status 2 says the run did not finish.

It uses the same rules, word lists and settings as the bot: the caller
passes ``load_config``, which reads the organisation's settings.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Callable, Iterable, NoReturn, TextIO

from .config import ModerationConfig
from .findings import Finding
from .moderator import ChannelModerator, RuleBook
from .rules.base import posted_at
from .wordlists import WordListError

PROG = "tmw-bot moderate"
EXIT_CLEAN, EXIT_BROKEN, EXIT_USAGE = 0, 1, 2


class _UsageError(Exception):
    pass


class _Exit(Exception):
    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class _ArgumentParser(argparse.ArgumentParser):
    """argparse, writing to the streams it is given and never exiting."""

    def __init__(self, *, out: TextIO, err: TextIO, **kwargs) -> None:
        super().__init__(**kwargs)
        self._out, self._err = out, err

    def _print_message(self, message: str, file=None) -> None:
        if message:
            stream = self._out if file in (None, sys.stdout) else self._err if file is sys.stderr else file
            stream.write(message)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            self._err.write(message)
        raise _Exit(status)

    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


class _BadLine(Exception):
    pass


def run(
    argv: list[str],
    stdin: TextIO,
    stdout: TextIO,
    stderr: TextIO,
    load_config: Callable[[], ModerationConfig],
) -> int:
    """Run ``tmw-bot moderate`` with `argv` (the arguments after "moderate")."""
    parser = _ArgumentParser(
        out=stdout,
        err=stderr,
        prog=PROG,
        description="Check a channel's messages (JSON lines) against the moderation rules.",
        epilog="Exit status: 0 nothing breaks a rule, 1 something does, 2 usage error.",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON line per rule broken")
    parser.add_argument("--purpose", metavar="TEXT", help="the channel's purpose line, its name included")
    parser.add_argument("file", nargs="?", metavar="FILE", help="messages, one JSON object a line (default: stdin)")
    try:
        args = parser.parse_args(argv)
    except _Exit as done:
        return done.status
    except _UsageError as error:
        parser.print_usage(stderr)
        stderr.write(f"{PROG}: error: {error}\n")
        return EXIT_USAGE

    try:
        rulebook = RuleBook(load_config())
    except WordListError as error:
        stderr.write(f"{PROG}: error: word lists: {error}\n")
        return EXIT_USAGE
    except Exception as error:  # the organisation's settings, however they failed
        stderr.write(f"{PROG}: error: cannot load the moderation settings: {error}\n")
        return EXIT_USAGE

    if args.file is None or args.file == "-":
        # Read bytes where we can, so a line that is not UTF-8 is named exactly.
        source = getattr(stdin, "buffer", stdin)
        return _moderate(source, "standard input", args, rulebook, stdout, stderr)
    try:
        source = open(args.file, "rb")
    except OSError as error:
        stderr.write(f"{PROG}: error: cannot read {args.file}: {error.strerror or error}\n")
        return EXIT_USAGE
    with source:
        return _moderate(source, args.file, args, rulebook, stdout, stderr)


_TICK = 0.000001  # a message id's resolution (a microsecond)


def _moderate(
    lines: Iterable[str | bytes], source_name: str, args: argparse.Namespace, rulebook: RuleBook, stdout: TextIO, stderr: TextIO
) -> int:
    moderator = ChannelModerator(args.purpose, rulebook=rulebook)
    index = 0
    broken = 0
    previous_ts: str | None = None
    line_number = 0
    try:
        for line_number, line in enumerate(lines, start=1):
            try:
                if isinstance(line, bytes):
                    line = _decode(line)
                if not line.strip():
                    continue
                user, text, ts = _parse_line(line, previous_ts)
            except _BadLine as error:
                stderr.write(f"{PROG}: error: {source_name}, line {line_number}: {error}\n")
                return EXIT_USAGE
            findings = moderator.assess(user, text, ts)
            if findings:
                broken += 1
                _print_findings(index, user, findings, args.json, stdout)
            previous_ts = ts
            index += 1
    except UnicodeDecodeError:  # a text stream that could not decode its input
        stderr.write(f"{PROG}: error: {source_name}, after line {line_number}: not UTF-8 text\n")
        return EXIT_USAGE
    if not args.json:
        if broken:
            stdout.write(f"{broken} of {index} message{'s' if index != 1 else ''} broke a rule.\n")
        else:
            stdout.write(f"No rule broken in {index} message{'s' if index != 1 else ''}.\n")
    return EXIT_BROKEN if broken else EXIT_CLEAN


def _decode(line: bytes) -> str:
    try:
        return line.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _BadLine("not UTF-8 text") from None


def _parse_line(line: str, previous_ts: str | None) -> tuple[str, str, str]:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        raise _BadLine(f"not valid JSON ({error.msg})") from None
    if not isinstance(data, dict):
        raise _BadLine("not a JSON object")
    text = data.get("text")
    if not isinstance(text, str):
        raise _BadLine('no "text" string' if text is None else '"text" is not a string')
    user = data.get("user", "")
    if not isinstance(user, str):
        raise _BadLine('"user" is not a string')
    if "ts" not in data:
        # A ts names one message, so two messages never share one.
        return user, text, "0.000000" if previous_ts is None else f"{posted_at(previous_ts) + _TICK:.6f}"
    ts = data["ts"]
    if isinstance(ts, bool) or not isinstance(ts, (str, int, float)):
        raise _BadLine('"ts" is not a timestamp (seconds since 1970, such as 1700000000.000100)')
    try:
        posted_at(ts)
    except ValueError:
        raise _BadLine(f'"ts" is not a timestamp (seconds since 1970, such as 1700000000.000100): {ts!r}') from None
    return user, text, str(ts)


def _print_findings(index: int, user: str, findings: list[Finding], as_json: bool, stdout: TextIO) -> None:
    for finding in findings:
        if as_json:
            stdout.write(json.dumps({"index": index, "rule": finding.rule, "reason": finding.reason}, ensure_ascii=False) + "\n")
        else:
            who = f" ({user})" if user else ""
            stdout.write(f"Message {index}{who} — {finding.rule.replace('_', '-')}: {finding.reason}\n")


def main() -> int:  # pragma: no cover - `python -m bot.moderation` convenience
    return run(sys.argv[1:], sys.stdin, sys.stdout, sys.stderr, ModerationConfig)
