"""The `tmw-bot` command. Imports are deferred per subcommand so `tmw-bot check` starts fast."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tmw-bot", description="The Music Works' safety-policy assistant for Slack.")
    parser.add_argument("--env-file", default=".env", help="settings file to read besides the environment (default .env)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = commands.add_parser("run", help="serve Slack, Teams or both, whichever is set up")
    run.add_argument("--host", default="127.0.0.1")
    run.add_argument("--port", type=int, default=3000)

    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    db_commands.add_parser("upgrade", help="apply pending migrations")

    org = commands.add_parser("org", help="the organisation file")
    org_commands = org.add_subparsers(dest="org_command", required=True, metavar="ACTION")
    validate = org_commands.add_parser("validate", help="check an organisation file and list every error")
    validate.add_argument("file", type=Path)

    commands.add_parser("keygen", help="print a fresh TMW_DATA_KEY")
    commands.add_parser(
        "rekey",
        help="re-encrypt everything under a new TMW_DATA_KEY (the old key in TMW_OLD_DATA_KEY); stop the bot first",
    )

    roster = commands.add_parser("roster", help="the participant roster (names are stored as keyed hashes only)")
    roster_commands = roster.add_subparsers(dest="roster_command", required=True, metavar="ACTION")
    roster_import = roster_commands.add_parser("import", help="replace the roster from a CSV export")
    roster_import.add_argument("file", type=Path, help="CSV with first_name,last_name,school,photo_consent")
    roster_import.add_argument("--force", action="store_true",
                               help="replace the roster even with an empty one or one under half its size")

    commands.add_parser("check", help="check a text for personal details: tmw-bot check [--json] [--no-roster] [FILE]")
    commands.add_parser("moderate", help="check a channel's messages: tmw-bot moderate [--json] [--purpose TEXT] [FILE]")
    commands.add_parser("local", help="try the bot without Slack or Teams: tmw-bot local [--teams [NAMES]] [--script FILE] [--org FILE]")

    digest = commands.add_parser("digest", help="the weekly digest")
    digest.add_argument("--print", action="store_true", required=True, dest="print_digest",
                        help="print the last seven days' digest to the terminal")

    person = commands.add_parser("person", help="what the bot holds about one person (by key)")
    person_commands = person.add_subparsers(dest="person_command", required=True, metavar="ACTION")
    person_export = person_commands.add_parser("export", help="write it all to a folder (a subject access request)")
    person_export.add_argument("key", metavar="KEY", help="the person's key (their Slack id unless the organisation file gives one)")
    person_export.add_argument("--out", type=Path, required=True, metavar="DIR")
    person_erase = person_commands.add_parser("erase", help="erase it where no rule requires keeping it")
    person_erase.add_argument("key", metavar="KEY", help="the person's key (their Slack id unless the organisation file gives one)")
    export = commands.add_parser("export", help="a case's record as a PDF, for bodies outside Slack")
    export_commands = export.add_subparsers(dest="export_command", required=True, metavar="WHAT")
    export_report = export_commands.add_parser("report", help="tmw-bot export report TMW-2026-0042 --out FILE.pdf")
    export_report.add_argument("reference", help="the report's reference, such as TMW-2026-0042")
    export_report.add_argument("--out", type=Path, required=True, help="the PDF file to write")

    report = commands.add_parser("report", help="reports made from the bot's records")
    report_commands = report.add_subparsers(dest="report_command", required=True, metavar="WHAT")
    trustees = report_commands.add_parser(
        "trustees", help="tmw-bot report trustees --from 2026-09-01 --to 2026-11-30 [--format pdf|csv] [--out FILE]")
    trustees.add_argument("--from", dest="first", required=True, metavar="DATE", help="the period's first day, such as 2026-09-01")
    trustees.add_argument("--to", dest="last", required=True, metavar="DATE", help="the period's last day, such as 2026-11-30")
    trustees.add_argument("--format", choices=("pdf", "csv"), default="pdf",
                          help="pdf (figures and charts) or csv (one row per kind and month); default pdf")
    trustees.add_argument("--out", type=Path, default=None,
                          help="the file to write (default trustees-FROM-to-TO.pdf or .csv, here)")
    teams = commands.add_parser("teams", help="Microsoft Teams")
    teams_commands = teams.add_subparsers(dest="teams_command", required=True, metavar="ACTION")
    teams_package = teams_commands.add_parser(
        "package", help="build the app package to upload to Teams (manifest.json and icons, in a zip)")
    teams_package.add_argument("--out", type=Path, default=Path("tmw-bot-teams.zip"),
                               help="the zip file to write (default: tmw-bot-teams.zip)")

    tick = commands.add_parser("tick", help="run everything due up to a moment, once, and exit")
    tick.add_argument("--now", help="ISO-8601 moment (default: now); without an offset, the organisation's time")
    tick.add_argument("--allow-future", action="store_true",
                      help="let --now be in the future: for tests and rehearsals on a copy of the database, as it "
                           "fires real timers early and queues real messages")
    return parser


def _check(argv: Sequence[str], env_file: str = ".env") -> int:
    from functools import partial

    from bot.checks.cli import run
    from bot.outgoing.context import load_cli_context

    return run(list(argv), sys.stdin, sys.stdout, sys.stderr, partial(load_cli_context, env_file=env_file))


def _moderate(argv: Sequence[str], env_file: str = ".env") -> int:
    from functools import partial

    from bot import org_sections  # noqa: F401  (the workflows' sections of the organisation file)
    from bot.moderation.cli import run
    from bot.moderation_queue.settings import load_cli_config

    return run(list(argv), sys.stdin, sys.stdout, sys.stderr, partial(load_cli_config, env_file))


def _local(argv: Sequence[str], env_file: str = ".env") -> int:
    # The playground parses its own options, ignores .env (it never talks to Slack) and logs to its
    # session's file rather than over the conversation.
    from bot.playground.client import main as playground

    return playground(argv)


# Commands with a fixed contract of their own (flags, exit codes), that scripts and hooks call: they
# parse their own arguments and import neither Slack nor the web stack, so they start quickly.
CONTRACT_COMMANDS = {"check": _check, "moderate": _moderate}
SELF_PARSING_COMMANDS = {**CONTRACT_COMMANDS, "local": _local}


def _split_global_options(argv: list[str]) -> tuple[str, list[str]]:
    """The --env-file given before the command, and the rest: so `tmw-bot --env-file F check` reaches
    the commands that parse their own arguments too."""
    env_file = ".env"
    while argv:
        if argv[0] == "--env-file" and len(argv) > 1:
            env_file, argv = argv[1], argv[2:]
        elif argv[0].startswith("--env-file="):
            env_file, argv = argv[0].split("=", 1)[1], argv[1:]
        else:
            break
    return env_file, argv


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    env_file, command = _split_global_options(argv)
    if command and command[0] in SELF_PARSING_COMMANDS:
        return SELF_PARSING_COMMANDS[command[0]](command[1:], env_file)
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # slack_sdk logs request bodies at DEBUG; keep it quieter so nothing sensitive reaches a log.
    logging.getLogger("slack_sdk").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    from bot.org import OrgFileError
    from bot.settings import FIXES, SettingsError
    from storage.db import DatabaseUnreachable

    try:
        return _dispatch(args)
    except SettingsError as exc:
        print(f"tmw-bot: {exc}", file=sys.stderr)
        return 1
    except DatabaseUnreachable as exc:
        print(f"tmw-bot: DATABASE_URL cannot be used ({exc}): check the folder or server is there and the URL "
              f"is right; {FIXES['DATABASE_URL']}.", file=sys.stderr)
        return 1
    except OrgFileError as exc:
        print(f"tmw-bot: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "keygen":
        from bot.crypto import generate_key

        print(generate_key())
        return 0
    if args.command == "org":
        return _org_validate(args.file)

    import asyncio

    from bot.settings import load_settings

    if args.command == "report":
        from bot.errors import DomainError
        from bot.trustees.report import parse_period

        try:  # before any setting or the database is touched: a mistyped date is only that
            parse_period(args.first, args.last)
        except DomainError as exc:
            print(f"tmw-bot report trustees: {exc.user_message}", file=sys.stderr)
            return 2

    settings = load_settings(args.env_file)
    if args.command == "db":
        from storage.migrate import upgrade_in_turn

        asyncio.run(upgrade_in_turn(settings.database_url))
        print("The database is up to date.")
        return 0
    if args.command == "run":
        from bot.runtime import serve

        asyncio.run(serve(settings, args.host, args.port))
        return 0
    if args.command == "tick":
        return asyncio.run(_tick(settings, args.now, args.allow_future))
    if args.command == "digest":
        return asyncio.run(_print_digest(settings))
    if args.command == "roster":
        return asyncio.run(_roster_import(settings, args.file, args.force))
    if args.command == "rekey":
        return asyncio.run(_rekey(settings))
    if args.command == "person":
        return asyncio.run(_person(settings, args))
    if args.command == "export":
        return asyncio.run(_export_report(settings, args.reference, args.out))
    if args.command == "report":
        return asyncio.run(_trustees_report(settings, args.first, args.last, args.format, args.out))
    if args.command == "teams":
        return _teams_package(settings, args.out)
    raise AssertionError(f"unhandled command {args.command}")


def _teams_package(settings, out: Path) -> int:  # type: ignore[no-untyped-def]
    from bot import org_sections  # noqa: F401  (the workflows' sections of the organisation file)
    from bot.org import load_org_file
    from bot.teams.package import build_app_package

    organisation = load_org_file(settings.tmw_org_config).config.organisation if settings.tmw_org_config else None
    package = build_app_package(settings.teams_app_id, organisation)
    try:
        out.write_bytes(package.content)
    except OSError as exc:
        print(f"tmw-bot: {out} cannot be written ({exc.strerror}).", file=sys.stderr)
        return 1
    for warning in package.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"Wrote {out}: upload it in Teams (Apps, Manage your apps, Upload an app) or in the Teams admin centre.")
    return 0


def _org_validate(path: Path) -> int:
    from bot.org import OrgFileError, load_org_file
    from bot.org_sections import org_warnings

    try:
        loaded = load_org_file(path)
    except OrgFileError as exc:
        print(exc, file=sys.stderr)
        return 1
    config = loaded.config
    print(f"{path} is valid: {len(config.people)} people, {len(config.projects)} projects.")
    for warning in org_warnings(loaded):
        print(f"  warning: {warning}")
    return 0


def parse_moment(text: str, default_tz: str) -> datetime:
    from zoneinfo import ZoneInfo

    from bot.settings import SettingsError

    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise SettingsError(f"--now {text!r} is not an ISO-8601 moment such as 2026-11-30T09:00") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=ZoneInfo(default_tz))


# A --now this close ahead of the system clock is "now" give or take the clocks' disagreement.
FUTURE_TOLERANCE = timedelta(minutes=1)


async def _tick(settings, now_text: str | None, allow_future: bool) -> int:  # type: ignore[no-untyped-def]
    from bot.clock import ManualClock, SystemClock
    from bot.runtime import prepare
    from bot.scheduler import run_due
    from bot.settings import SettingsError
    from bot.workflows import MAINTENANCE, TIMER_HANDLERS

    clock = ManualClock(parse_moment(now_text, settings.tz)) if now_text else SystemClock()
    if clock.now() > SystemClock().now() + FUTURE_TOLERANCE and not allow_future:
        # Checked before the database is touched: on a live database this would fire escalations and
        # reminders early, move the digest on and send people real messages.
        raise SettingsError(
            f"--now {now_text} is in the future: on a live database that fires timers early and sends real "
            "messages. Leave --now out to run what is due now, or add --allow-future for a test or a rehearsal "
            "on a copy of the database."
        )
    services = await prepare(settings, clock)
    deliverer = None
    if settings.slack_bot_token is not None:
        from bot.slack.delivery import slack_delivery
        from bot.slack.web import make_web_client
        from handlers.slack.features import all_renderers

        client = make_web_client(settings.secret("SLACK_BOT_TOKEN"), settings.slack_api_url)
        deliverer = slack_delivery(services, client, all_renderers())
    try:
        report = await run_due(services, TIMER_HANDLERS, deliverer, MAINTENANCE)
    finally:
        await services.db.dispose()
    print(
        f"Ran everything due up to {clock.now().astimezone(services.tz):%Y-%m-%d %H:%M %Z}: "
        f"{report.timers_fired} timers fired, {report.timers_failed} failed; "
        f"{report.messages_sent} messages sent, {report.messages_retrying} to retry, {report.messages_failed} undeliverable."
        + ("" if deliverer else " (SLACK_BOT_TOKEN is not set, so messages stay queued.)")
    )
    for problem in report.problems:
        print(problem, file=sys.stderr)
    return 0


async def _print_digest(settings) -> int:  # type: ignore[no-untyped-def]
    from bot.digest.messages import digest_text
    from bot.digest.sections import last_seven_days
    from bot.digest.workflow import build_digest
    from bot.runtime import prepare

    services = await prepare(settings)
    try:
        digest = await build_digest(services, last_seven_days(services.now()))
        print(digest_text(digest.as_params(services)))
    finally:
        await services.db.dispose()
    return 0


async def _roster_import(settings, path: Path, force: bool) -> int:  # type: ignore[no-untyped-def]
    from bot.checks import RosterCsvError
    from bot.outgoing.roster import RosterShrinkError, import_roster
    from bot.runtime import prepare

    try:
        data = path.read_bytes()  # the encoding is worked out from the bytes (UTF-8, UTF-16, Windows-1252)
    except OSError as exc:
        print(f"tmw-bot: {path} cannot be read ({exc}).", file=sys.stderr)
        return 1
    services = await prepare(settings)
    try:
        async with services.db.unit_of_work() as session:
            summary = await import_roster(session, services, data, actor="cli", force=force)
    except RosterCsvError as exc:
        print(f"tmw-bot: {exc}", file=sys.stderr)
        return 1
    except RosterShrinkError as exc:
        print(f"tmw-bot: {exc} If the roster really is this short now, import it again with --force.", file=sys.stderr)
        return 1
    finally:
        await services.db.dispose()
    print(summary)
    return 0


async def _rekey(settings) -> int:  # type: ignore[no-untyped-def]
    import os

    from bot.clock import SystemClock
    from bot.crypto import DataCipher, is_valid_key
    from bot.data_key import OLD_KEY_VARIABLE, rekey
    from bot.settings import SettingsError
    from storage.db import Database
    from storage.migrate import upgrade_in_turn

    settings.require("TMW_DATA_KEY")
    # From the environment only, not .env: the old key is needed for this one command.
    old_key = os.environ.get(OLD_KEY_VARIABLE, "").strip()
    if not old_key:
        raise SettingsError(f"{OLD_KEY_VARIABLE} is not set: put the key the database is under now in "
                            f"{OLD_KEY_VARIABLE}, and the new key (from `tmw-bot keygen`) in TMW_DATA_KEY.")
    if not is_valid_key(old_key):
        raise SettingsError(f"{OLD_KEY_VARIABLE} is not right (it is not a valid key): "
                            "use the TMW_DATA_KEY the bot ran with until now.")
    await upgrade_in_turn(settings.database_url)
    db = Database(settings.database_url)
    try:
        async with db.unit_of_work() as session:
            outcome = await rekey(session, DataCipher(old_key), DataCipher(settings.secret("TMW_DATA_KEY")),
                                  SystemClock().now())
    finally:
        await db.dispose()
    print(outcome.summary())
    return 0


async def _person(settings, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from bot.org import PERSON_REF
    from bot.person_data import HOLDINGS, erase_person, export_person
    from bot.runtime import prepare

    if not PERSON_REF.match(args.key):
        print(f"tmw-bot: {args.key!r} is not a person's key (such as anita.h, or a Slack user id such as U0123ABCD): "
              "people are named by their key in the organisation file, or their slack_id if it gives none.",
              file=sys.stderr)
        return 2
    services = await prepare(settings)
    try:
        if args.person_command == "export":
            counts = await export_person(services, args.key, args.out)
            print(f"Wrote {sum(counts.values())} records about {args.key} to {args.out} (see README.txt there).")
            return 0
        outcome = await erase_person(services, args.key)
    finally:
        await services.db.dispose()
    what = {holding.name: holding.what for holding in HOLDINGS}
    print(f"Erased for {args.key}:")
    for name, count in outcome.erased.items():
        print(f"  {name}: {count}")
    print("Kept, and why:" if outcome.kept else "Nothing else is held.")
    for name, reason in outcome.kept.items():
        print(f"  {name} ({what[name]}): {reason}.")
    return 0


async def _export_report(settings, reference: str, out: Path) -> int:  # type: ignore[no-untyped-def]
    """A case's PDF written on the server (audited as exported by the CLI)."""
    from bot.errors import DomainError
    from bot.reports.export import export_by_reference
    from bot.runtime import prepare

    services = await prepare(settings)
    try:
        async with services.db.unit_of_work() as session:
            pdf = await export_by_reference(session, services, reference)
            # Written before the audit entry is committed: an export that could not be saved is not recorded.
            out.write_bytes(pdf)
    except DomainError as exc:
        print(f"tmw-bot: {exc.user_message}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"tmw-bot: {out} cannot be written ({exc}).", file=sys.stderr)
        return 1
    finally:
        await services.db.dispose()
    print(f"Wrote the case record of {reference.strip().upper()} to {out}.")
    return 0


async def _trustees_report(settings, first: str, last: str, fmt: str, out: Path | None) -> int:  # type: ignore[no-untyped-def]
    """The trustees' figures for a period, written on the server (audited as made by the CLI)."""
    from bot.runtime import prepare
    from bot.trustees.report import CLI_ACTOR, build_report, csv_text, default_filename, parse_period, record_made

    period = parse_period(first, last)
    out = out or Path(default_filename(period, fmt))
    services = await prepare(settings)
    try:
        async with services.db.unit_of_work() as session:
            report = await build_report(session, services, period)
            await record_made(session, services, period, CLI_ACTOR, fmt)
            if fmt == "csv":
                # newline="": the csv module ends rows with CRLF itself, as spreadsheets expect.
                with out.open("w", encoding="utf-8", newline="") as file:
                    file.write(csv_text(report))
            else:
                from bot.trustees.pdf import trustees_pdf

                # Written before the audit entry is committed: a report that could not be saved is not recorded.
                out.write_bytes(trustees_pdf(report))
    except OSError as exc:
        print(f"tmw-bot: {out} cannot be written ({exc}).", file=sys.stderr)
        return 1
    finally:
        await services.db.dispose()
    print(f"Wrote the trustees' report for {report.period_text} to {out}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
