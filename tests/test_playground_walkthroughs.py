"""Every scripted walkthrough in examples/walkthroughs passes, run as a person would run it; and a
script stops, with a non-zero exit, at the first thing it did not see."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WALKTHROUGHS = sorted((ROOT / "examples" / "walkthroughs").glob("*.txt"))


def run_script(path: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "local", *options, "--script", str(path)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )


def test_there_is_a_walkthrough_for_each_workflow() -> None:
    names = {path.stem for path in WALKTHROUGHS}
    assert {"help-and-home", "report-to-resolution", "report-escalation"} <= names


@pytest.mark.parametrize("walkthrough", WALKTHROUGHS, ids=[p.stem for p in WALKTHROUGHS])
def test_walkthrough_passes(walkthrough: Path) -> None:
    result = run_script(walkthrough)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "✓ saw" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


# Every walkthrough runs with everyone on Teams too (tmw-bot local --teams): a workflow is done in both.
@pytest.mark.parametrize("walkthrough", WALKTHROUGHS, ids=[p.stem for p in WALKTHROUGHS])
def test_walkthrough_passes_on_teams(walkthrough: Path) -> None:
    result = run_script(walkthrough, "--teams")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "✓ saw" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert "a stand-in for Teams" in result.stdout


# Some people on Teams and the rest on Slack: each walkthrough's people on both sides of it.
MIXED = {
    "report-to-resolution": "Dan",  # the reporter on Teams, the project manager handling it on Slack
    "report-escalation": "Lucy,Rachel",  # the reporter and the admin acknowledging on Teams, the chain on Slack
    "leaver": "Rachel,Sam",  # the admin and the account's owner on Teams, the others on Slack
}


@pytest.mark.parametrize(("walkthrough", "on_teams"), sorted(MIXED.items()), ids=sorted(MIXED))
def test_walkthrough_passes_with_some_people_on_teams_and_the_rest_on_slack(walkthrough: str, on_teams: str) -> None:
    result = run_script(ROOT / "examples" / "walkthroughs" / f"{walkthrough}.txt", "--teams", on_teams)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "a stand-in for Slack and Teams" in result.stdout
    assert "✓ saw" in result.stdout and "Traceback" not in result.stdout + result.stderr


def test_a_script_on_teams_stops_at_the_first_thing_it_did_not_see(tmp_path: Path) -> None:
    script = tmp_path / "wrong.txt"
    script.write_text("/as Dan\n/report list\n/expect You have no reports yet\n/expect Hello Priya!\n", encoding="utf-8")
    result = run_script(script, "--teams")
    assert result.returncode == 1, result.stdout[-2000:]
    assert "✓ saw “You have no reports yet”" in result.stdout
    assert "line 4" in result.stdout and "expected to see “Hello Priya!”" in result.stdout


def test_a_script_stops_at_the_first_thing_it_did_not_see(tmp_path: Path) -> None:
    script = tmp_path / "wrong.txt"
    script.write_text("/tmw help\n/expect Hello Anita!\n/expect Hello Priya!\n/as Priya\n", encoding="utf-8")
    result = run_script(script)
    assert result.returncode == 1
    assert "✓ saw “Hello Anita!”" in result.stdout
    assert "line 3" in result.stdout and "expected to see “Hello Priya!”" in result.stdout
    assert "/as Priya" not in result.stdout  # nothing after the failure ran


def test_expect_not_fails_when_the_text_is_there(tmp_path: Path) -> None:
    script = tmp_path / "wrong.txt"
    script.write_text("/tmw help\n/expect-not /report\n", encoding="utf-8")
    result = run_script(script)
    assert result.returncode == 1
    assert "expected not to see “/report”" in result.stdout


def test_a_script_with_bad_input_stops_with_a_hint_and_no_traceback(tmp_path: Path) -> None:
    script = tmp_path / "typo.txt"
    script.write_text("/as Nobody\n/tmw help\n", encoding="utf-8")
    result = run_script(script)
    assert result.returncode == 2
    assert "line 1" in result.stdout and "There is nobody called “Nobody”" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_a_start_that_is_not_a_time_gets_one_kind_line() -> None:
    result = subprocess.run([sys.executable, "-m", "bot.cli", "local", "--start", "garbage"],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 2
    assert result.stdout.strip().splitlines() == [
        "tmw-bot local: I can't read --start 'garbage' as a time; give one such as 2026-11-24T10:00."]
    assert "Traceback" not in result.stderr and "isoformat" not in result.stdout


def test_a_script_can_come_through_a_pipe_as_with_process_substitution() -> None:
    # <(...) gives the script as /dev/fd/N, a pipe that is not a regular file; stdin is one too.
    result = subprocess.run([sys.executable, "-m", "bot.cli", "local", "--script", "/dev/stdin"],
                            input="/as Dan\n/tmw help\n/expect Hello Dan!\n",
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-2000:]
    assert "✓ saw “Hello Dan!”" in result.stdout
