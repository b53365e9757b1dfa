"""The fixed contract of `tmw-bot check [--json] [FILE]` (other tools depend on it)."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from checks_support import make_context

from bot.checks import MESSAGES, CheckContext, Kind
from bot.checks.cli import run

LEAK = "Call Jo on 07700 900123, password: hunter2\n"
CLEAN = "Rehearsal at 10:30 on Saturday in Room 4. Tickets £5.\n"


def invoke(argv, stdin_text="", *, load_context=make_context, as_bytes=False):
    if as_bytes:
        stdin = io.TextIOWrapper(io.BytesIO(stdin_text.encode("utf-8")), encoding="utf-8")
    else:
        stdin = io.StringIO(stdin_text)
    stdout, stderr = io.StringIO(), io.StringIO()
    status = run(argv, stdin, stdout, stderr, load_context)
    return status, stdout.getvalue(), stderr.getvalue()


def test_json_output_has_exactly_the_contract_shape_and_exit_1_on_findings():
    status, out, err = invoke(["--json"], LEAK)
    assert status == 1
    assert err == ""
    payload = json.loads(out)
    assert list(payload) == ["findings", "redacted"]
    assert payload["findings"] == [
        {"kind": "phone", "start": 11, "end": 23, "text": "07700 900123", "message": MESSAGES[Kind.PHONE]},
        {"kind": "secret", "start": 35, "end": 42, "text": "hunter2", "message": MESSAGES[Kind.SECRET]},
    ]
    for finding in payload["findings"]:
        assert list(finding) == ["kind", "start", "end", "text", "message"]
        assert LEAK[finding["start"]:finding["end"]] == finding["text"]
    assert payload["redacted"] == "Call Jo on [phone number removed], password: [secret removed]\n"


def test_clean_text_exits_0_with_empty_findings():
    status, out, _ = invoke(["--json"], CLEAN)
    assert status == 0
    assert json.loads(out) == {"findings": [], "redacted": CLEAN}


def test_empty_input_is_clean():
    status, out, _ = invoke(["--json"], "")
    assert (status, json.loads(out)) == (0, {"findings": [], "redacted": ""})


def test_reads_a_file_given_as_argument(tmp_path: Path):
    path = tmp_path / "post.txt"
    path.write_text(LEAK, encoding="utf-8")
    status, out, _ = invoke(["--json", str(path)], "ignored stdin")
    assert status == 1
    assert [f["kind"] for f in json.loads(out)["findings"]] == ["phone", "secret"]


def test_file_offsets_count_characters_as_stored_including_windows_line_endings(tmp_path: Path):
    text = "Hello\r\nCall 07700 900123 \U0001f3b8 or jo@gmail.com\r\n"
    path = tmp_path / "post.txt"
    path.write_bytes(text.encode("utf-8"))
    _, out, _ = invoke(["--json", str(path)])
    for finding in json.loads(out)["findings"]:
        assert text[finding["start"]:finding["end"]] == finding["text"]


def test_reads_standard_input_when_no_file_or_a_dash_is_given():
    for argv in (["--json"], ["--json", "-"]):
        status, out, _ = invoke(argv, LEAK, as_bytes=True)
        assert status == 1
        assert len(json.loads(out)["findings"]) == 2


def test_the_option_may_come_after_the_file(tmp_path: Path):
    path = tmp_path / "post.txt"
    path.write_text(CLEAN, encoding="utf-8")
    assert invoke([str(path), "--json"])[0] == 0


@pytest.mark.parametrize(
    ("argv", "complaint"),
    [
        (["--jsn"], "unknown option '--jsn'"),
        (["-x"], "unknown option '-x'"),
        (["a.txt", "b.txt"], "at most one FILE"),
        (["/no/such/file.txt"], "cannot read /no/such/file.txt"),
    ],
)
def test_usage_errors_exit_2_with_a_message_on_stderr(argv, complaint):
    status, out, err = invoke(argv, LEAK)
    assert status == 2
    assert out == ""
    assert complaint in err


def test_a_directory_is_an_unreadable_file(tmp_path: Path):
    status, _, err = invoke([str(tmp_path)])
    assert status == 2 and "cannot read" in err


def test_a_file_that_is_not_utf8_is_a_usage_error(tmp_path: Path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("caf\xe9 07700 900123".encode("latin-1"))
    status, _, err = invoke([str(path)])
    assert status == 2 and "not UTF-8" in err


def test_settings_that_cannot_be_loaded_are_not_mistaken_for_findings():
    def broken(use_roster: bool) -> CheckContext:
        raise RuntimeError("DATABASE_URL is not set")

    status, out, err = invoke(["--json"], LEAK, load_context=broken)
    assert status == 2
    assert out == ""
    assert "DATABASE_URL is not set" in err


def test_a_usage_error_does_not_load_the_settings():
    def must_not_be_called(use_roster: bool) -> CheckContext:
        raise AssertionError("load_context was called")

    assert invoke(["--nope"], LEAK, load_context=must_not_be_called)[0] == 2


def test_help_exits_0():
    status, out, _ = invoke(["--help"])
    assert status == 0 and "usage: tmw-bot check [--json] [--no-roster] [FILE]" in out


def test_the_readable_report_lists_findings_with_advice_but_never_prints_a_secret():
    status, out, _ = invoke([], LEAK)
    assert status == 1
    assert "2 things to fix before sending" in out
    assert "Phone number: 07700 900123" in out
    assert MESSAGES[Kind.PHONE] in out
    assert "Password or token: (hidden)" in out
    assert "hunter2" not in out
    assert "Call Jo on [phone number removed], password: [secret removed]" in out


def test_the_readable_report_for_clean_text():
    status, out, _ = invoke([], CLEAN)
    assert status == 0 and out == "No personal details found. Good to go.\n"


def test_the_cli_starts_and_checks_a_short_text_quickly_without_slack_or_web_imports():
    # Run as a separate interpreter, like a git hook would.
    script = (
        "import sys\n"
        "from bot.checks.cli import run\n"
        "from bot.checks import CheckContext\n"
        "status = run(['--json'], sys.stdin, sys.stdout, sys.stderr, lambda use_roster: CheckContext())\n"
        "heavy = [m for m in ('slack_sdk', 'slack_bolt', 'aiohttp', 'sqlalchemy', 'dateparser') if m in sys.modules]\n"
        "sys.stderr.write(','.join(heavy))\n"
        "sys.exit(status)\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", script],
        input=LEAK, capture_output=True, text=True, timeout=30, cwd=Path(__file__).resolve().parents[2],
    )
    assert completed.returncode == 1
    assert completed.stderr == ""
    assert [f["kind"] for f in json.loads(completed.stdout)["findings"]] == ["phone", "secret"]
