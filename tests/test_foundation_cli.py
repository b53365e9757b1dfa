"""`tmw-bot` as a person (or cron) runs it: real processes, real ports, plain messages."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.crypto import is_valid_key
from bot.standin import FakeSlack, SlackRequestSender
from tests.cli_support import TMW_BOT, free_port, run_tmw_bot, serving, sqlite_env
from tests.harness import BOT_TOKEN, EXAMPLE_ORG, SIGNING_SECRET


async def test_run_answers_signed_help_and_refuses_unsigned(tmp_path: Path, fake_slack: FakeSlack) -> None:
    env = sqlite_env(tmp_path, SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET=SIGNING_SECRET, SLACK_API_URL=fake_slack.api_url)
    async with serving(env, tmp_path) as served:
        assert f"http://127.0.0.1:{served.port}/slack/events" in served.first_line
        slack = SlackRequestSender(f"http://127.0.0.1:{served.port}/slack/events", SIGNING_SECRET, fake_slack)

        signed = await slack.slash_command("/tmw", "help", "U0LEADER01")
        unsigned = await slack.slash_command("/tmw", "help", "U0LEADER01", sign=False)

        assert signed.status == 200
        assert signed.json()["response_type"] == "ephemeral" and "Hello Dan!" in signed.json()["text"]
        assert unsigned.status == 401
    assert served.returncode == 0
    assert BOT_TOKEN not in served.err and SIGNING_SECRET not in served.err


@pytest.mark.parametrize(
    ("setting", "value", "named"),
    [
        ("TMW_DATA_KEY", "not-a-key", "TMW_DATA_KEY is not right (it is not a valid key): run `tmw-bot keygen`"),
        ("TMW_DATA_KEY", "", "TMW_DATA_KEY is not set: run `tmw-bot keygen`"),
        ("SLACK_BOT_TOKEN", "xoxp-a-user-token", "SLACK_BOT_TOKEN is not right (it should start with xoxb-)"),
        ("SLACK_BOT_TOKEN", "", "Neither Slack nor Teams is set up, so there is nothing to serve: set SLACK_BOT_TOKEN"),
        ("SLACK_SIGNING_SECRET", "", "SLACK_SIGNING_SECRET is not set"),
        ("DATABASE_URL", "mysql://x/y", "DATABASE_URL is not right (it names neither SQLite nor PostgreSQL)"),
        ("TZ", "Europe/Gloucester", "TZ is not right ('Europe/Gloucester' is not a known timezone)"),
        ("TMW_ORG_CONFIG", "", "TMW_ORG_CONFIG is not set: point it at your organisation file"),
    ],
)
async def test_a_bad_setting_stops_start_up_with_one_clear_line(tmp_path: Path, setting: str, value: str, named: str) -> None:
    env = sqlite_env(tmp_path, SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET=SIGNING_SECRET)
    env[setting] = value

    code, _, err = await run_tmw_bot("run", env=env, cwd=tmp_path)

    assert code == 1
    assert named in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


async def test_settings_are_read_from_a_dotenv_file(tmp_path: Path) -> None:
    env = sqlite_env(tmp_path)
    (tmp_path / ".env").write_text("TMW_DATA_KEY=nonsense\n")
    del env["TMW_DATA_KEY"]

    code, _, err = await run_tmw_bot("tick", env=env, cwd=tmp_path)

    assert code == 1 and "TMW_DATA_KEY is not right" in err


async def test_org_validate_passes_the_example(tmp_path: Path) -> None:
    code, out, _ = await run_tmw_bot("org", "validate", str(EXAMPLE_ORG), env=sqlite_env(tmp_path), cwd=tmp_path)
    assert code == 0
    assert "is valid: 11 people, 3 projects" in out


async def test_org_validate_lists_each_error_with_its_line(tmp_path: Path) -> None:
    broken = EXAMPLE_ORG.read_text().replace("roles: [volunteer]", "roles: [volunter]").replace(
        "managers: [U0PMBEAT01]", "managers: []"
    ).replace("  reference_prefix: TMW\n", "  reference_prefix: TMW\n  colour: purple\n")
    path = tmp_path / "broken.yml"
    path.write_text(broken)
    lines = broken.splitlines()

    code, _, err = await run_tmw_bot("org", "validate", str(path), env=sqlite_env(tmp_path), cwd=tmp_path)

    assert code == 1
    assert "has 2 errors" in err
    colour_line = next(i for i, text in enumerate(lines, 1) if "colour: purple" in text)
    volunteer_line = next(i for i, text in enumerate(lines, 1) if "volunter" in text)
    assert f"line {colour_line}: organisation.colour: is not a field we know" in err
    assert f"line {volunteer_line}: people[8].roles[0]: 'volunter' is not one of" in err


async def test_org_validate_reports_cross_references_with_their_lines(tmp_path: Path) -> None:
    broken = EXAMPLE_ORG.read_text().replace("managers: [U0PMBEAT01]", "managers: [U0NOBODY01]").replace(
        "projects: [youth-voice]\n  - slack_id: U0PMAUDIO1", "projects: [youth-choir]\n  - slack_id: U0PMAUDIO1"
    )
    path = tmp_path / "dangling.yml"
    path.write_text(broken)
    lines = broken.splitlines()

    code, _, err = await run_tmw_bot("org", "validate", str(path), env=sqlite_env(tmp_path), cwd=tmp_path)

    assert code == 1
    nobody = next(i for i, t in enumerate(lines, 1) if "U0NOBODY01" in t)
    choir = next(i for i, t in enumerate(lines, 1) if "youth-choir" in t)
    assert f"line {nobody}: projects[1].managers[0]: U0NOBODY01 is not in people" in err
    assert f"line {choir}: people[3].projects[0]: there is no project 'youth-choir'" in err


async def test_keygen_prints_a_usable_key(tmp_path: Path) -> None:
    code, out, _ = await run_tmw_bot("keygen", env=sqlite_env(tmp_path), cwd=tmp_path)
    assert code == 0 and is_valid_key(out.strip())


async def test_db_upgrade_and_tick_run_once_and_exit(tmp_path: Path) -> None:
    env = sqlite_env(tmp_path)
    code, out, _ = await run_tmw_bot("db", "upgrade", env=env, cwd=tmp_path)
    assert code == 0 and "up to date" in out

    code, out, _ = await run_tmw_bot("tick", "--now", "2026-11-30T09:00", "--allow-future", env=env, cwd=tmp_path)
    assert code == 0
    assert "Ran everything due up to 2026-11-30 09:00 GMT" in out

    code, _, err = await run_tmw_bot("tick", "--now", "next monday", env=env, cwd=tmp_path)
    assert code == 1 and "not an ISO-8601 moment" in err


async def test_the_global_env_file_option_reaches_every_command(tmp_path: Path) -> None:
    env = sqlite_env(tmp_path)
    del env["TMW_ORG_CONFIG"]
    (tmp_path / "elsewhere.env").write_text(f"TMW_ORG_CONFIG={tmp_path / 'no-such-org.yml'}\n")

    for command in ("check", "moderate"):
        process = await asyncio.create_subprocess_exec(
            TMW_BOT, "--env-file", "elsewhere.env", command, env=env, cwd=tmp_path,
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )
        _, err = await asyncio.wait_for(process.communicate(b'{"user": "U0LEADER01", "text": "hello", "ts": "1.1"}\n'), 60)
        assert "Traceback" not in err.decode(), err.decode()
        assert "no-such-org.yml" in err.decode()  # the settings came from the file named

    code, out, err = await run_tmw_bot("--env-file=elsewhere.env", "local", "--help", env=env, cwd=tmp_path)
    assert code == 0 and "Traceback" not in err and "--script" in out


async def test_org_validate_numbers_entries_one_way(tmp_path: Path) -> None:
    # Ben's entry given Anita's Slack id: the error and the earlier entry it names are numbered alike.
    text = EXAMPLE_ORG.read_text()
    broken = text.replace("  - slack_id: U0VOLUNT01\n", "  - slack_id: U0ANITA001\n")
    assert broken != text
    path = tmp_path / "twice.yml"
    path.write_text(broken)
    missing = tmp_path / "missing.yml"

    code, _, err = await run_tmw_bot("org", "validate", str(path), env=sqlite_env(tmp_path), cwd=tmp_path)
    _, _, missing_err = await run_tmw_bot("org", "validate", str(missing), env=sqlite_env(tmp_path), cwd=tmp_path)

    assert code == 1
    assert "people[8].slack_id: U0ANITA001 is listed twice (also people[0])" in err
    assert "  file: there is no such file" in missing_err


async def test_run_refuses_to_start_with_a_token_slack_refuses(tmp_path: Path, fake_slack: FakeSlack) -> None:
    fake_slack.fail("auth.test", "invalid_auth")
    env = sqlite_env(tmp_path, SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET=SIGNING_SECRET, SLACK_API_URL=fake_slack.api_url)

    code, out, err = await run_tmw_bot("run", "--port", str(free_port()), env=env, cwd=tmp_path)

    assert code == 1 and "listening" not in out
    assert err.strip().startswith("tmw-bot: SLACK_BOT_TOKEN was refused by Slack (invalid_auth)")
    assert "Traceback" not in err and BOT_TOKEN not in err
    assert len(err.strip().splitlines()) == 1


async def test_run_starts_without_warnings(tmp_path: Path, fake_slack: FakeSlack) -> None:
    env = sqlite_env(tmp_path, SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET=SIGNING_SECRET, SLACK_API_URL=fake_slack.api_url)
    async with serving(env, tmp_path) as served:
        assert "is listening" in served.first_line

    logged = served.err
    assert " WARNING " not in logged and " ERROR " not in logged, logged
    assert "will be unused" not in logged
