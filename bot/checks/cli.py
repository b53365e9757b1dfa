"""``tmw-bot check [--json] [--no-roster] [FILE]``: check a text before it goes out.

A fixed contract, because scripts and hooks depend on it:

* the text comes from FILE, or from standard input when FILE is absent or "-";
* ``--json`` prints ``{"findings": [{"kind", "start", "end", "text", "message"}], "redacted": ...}``,
  with start/end as Python string (code point) offsets into the text as read;
* exit status 0 when there are no findings, 1 when there are, 2 on a usage error (unknown option,
  more than one FILE, an unreadable or non-UTF-8 file, settings that cannot be loaded, an organisation
  file or roster that cannot be used);
* ``--no-roster`` checks without the roster on purpose (participants' names are then not checked).

Without --json it prints a report for people. Secrets are never printed in that report.
The text is read exactly as stored (no newline translation), so offsets match the file's characters.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import IO

from bot.checks.checker import Checker
from bot.checks.context import CheckContext
from bot.checks.findings import CheckResult, Kind

USAGE = "usage: tmw-bot check [--json] [--no-roster] [FILE]"
HELP = f"""{USAGE}

Check a text for personal details before it goes out: phone numbers, email addresses, home
addresses, dates of birth, schools, participants' full names, photo opt-outs, emails without Bcc,
passwords and health information.

Reads FILE, or standard input when FILE is missing or "-".

options:
  --json       print the findings and the redacted text as JSON
  --no-roster  check without the participant roster, so full names and photo opt-outs are not
               checked (and without the organisation file, if TMW_ORG_CONFIG is not set)
  -h, --help   show this help

Without --no-roster, the organisation file and roster must be usable (TMW_ORG_CONFIG, TMW_DATA_KEY
and DATABASE_URL, as in the bot's .env): if they are not, nothing is checked and the exit status is 2.

exit status: 0 nothing found, 1 something found, 2 usage error (or the roster cannot be used)
"""

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

KIND_LABELS: dict[Kind, str] = {
    Kind.PHONE: "Phone number",
    Kind.EMAIL_ADDRESS: "Email address",
    Kind.POSTAL_ADDRESS: "Address",
    Kind.DATE_OF_BIRTH: "Date of birth",
    Kind.SCHOOL: "School",
    Kind.FULL_NAME: "Full name",
    Kind.PHOTO_CONSENT: "Photo opt-out",
    Kind.BCC: "Bcc",
    Kind.SECRET: "Password or token",
    Kind.HEALTH: "Health information",
}


class UsageError(Exception):
    pass


def run(
    argv: Sequence[str],
    stdin: IO[str],
    stdout: IO[str],
    stderr: IO[str],
    load_context: Callable[[bool], CheckContext],
) -> int:
    """Run ``check`` with the arguments after the subcommand name; returns the exit status.

    ``load_context(use_roster)`` is only called once the arguments and the text are known to be
    good, so a usage error never touches the database. It raises if what it needs cannot be used.
    """
    try:
        as_json, use_roster, path = _parse_args(argv)
    except UsageError as error:
        print(f"tmw-bot check: {error}\n{USAGE}", file=stderr)
        return EXIT_USAGE
    if as_json is None:
        stdout.write(HELP)
        return EXIT_CLEAN

    try:
        text = _read_text(path, stdin)
    except UsageError as error:
        print(f"tmw-bot check: {error}", file=stderr)
        return EXIT_USAGE

    try:
        context = load_context(use_roster)
    except Exception as error:
        # Exit 1 would tell a hook "findings", and checking without the roster would pass children's
        # full names as "Good to go": a broken setup is the caller's to fix, like a usage error.
        print(f"tmw-bot check: nothing was checked. {error}", file=stderr)
        return EXIT_USAGE

    result = Checker(context).check(text)
    if as_json:
        stdout.write(json.dumps(result.to_dict()) + "\n")
    else:
        stdout.write(format_report(result))
    return EXIT_FINDINGS if result.findings else EXIT_CLEAN


def _parse_args(argv: Sequence[str]) -> tuple[bool | None, bool, str | None]:
    """(as_json, use_roster, path); as_json is None when help was asked for."""
    as_json = False
    use_roster = True
    paths: list[str] = []
    options_done = False
    for arg in argv:
        if options_done or arg == "-" or not arg.startswith("-"):
            paths.append(arg)
        elif arg == "--":
            options_done = True
        elif arg == "--json":
            as_json = True
        elif arg == "--no-roster":
            use_roster = False
        elif arg in ("-h", "--help"):
            return None, True, None
        else:
            raise UsageError(f"unknown option {arg!r}")
    if len(paths) > 1:
        raise UsageError("give at most one FILE")
    return as_json, use_roster, (paths[0] if paths else None)


def _read_text(path: str | None, stdin: IO[str]) -> str:
    if path is None or path == "-":
        raw = getattr(stdin, "buffer", None)
        if raw is None:
            return stdin.read()
        data = raw.read()
        source = "standard input"
    else:
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError as error:
            raise UsageError(f"cannot read {path}: {error.strerror or error}") from None
        source = path
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"{source} is not UTF-8 text") from None


def format_report(result: CheckResult) -> str:
    """A plain-text report for people: each finding with its advice, then the redacted text."""
    if not result.findings:
        return "No personal details found. Good to go.\n"
    count = len(result.findings)
    lines = [f"{count} thing{'s' if count != 1 else ''} to fix before sending:", ""]
    for number, finding in enumerate(result.findings, start=1):
        shown = "(hidden)" if finding.kind is Kind.SECRET else _one_line(finding.text)
        lines.append(f"{number}. {KIND_LABELS[finding.kind]}: {shown}  [characters {finding.start}-{finding.end}]")
        lines.append(f"   {finding.message}")
    lines += ["", "Redacted text:", "", result.redacted.rstrip("\n"), ""]
    return "\n".join(lines)


def _one_line(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "\u2026"
