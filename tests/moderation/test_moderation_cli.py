"""The fixed command-line contract: tmw-bot moderate [--json] [--purpose TEXT] [FILE]."""

from __future__ import annotations

import io
import json

import pytest

from bot.moderation import ModerationConfig
from bot.moderation.cli import run

T0 = 1_700_000_000


def line(user: str, text: str, seconds: float = 0) -> str:
    return json.dumps({"user": user, "text": text, "ts": f"{T0 + seconds:.6f}"})


def moderate(argv: list[str], stdin_text: str = "", config=ModerationConfig) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    status = run(argv, io.StringIO(stdin_text), stdout, stderr, config)
    return status, stdout.getvalue(), stderr.getvalue()


def json_lines(out: str) -> list[dict]:
    return [json.loads(x) for x in out.splitlines()]


CLEAN = "\n".join([line("U1", "Rehearsal at six on Friday", 0), line("U2", "See you there!", 60)]) + "\n"
MIXED = "\n".join(
    [
        line("U1", "Hey everyone, come to my gig tonight at the Fleece!", 0),
        line("U2", "what the f u c k", 60),
        line("U3", "Hey everyone, come to my gig tonight at the Fleece!", 120),
        line("U4", "I'll find where you live, DM me to buy weed", 180),
    ]
) + "\n"


def test_nothing_broken_exits_0_and_prints_no_json_lines():
    status, out, err = moderate(["--json"], CLEAN)
    assert (status, out, err) == (0, "", "")


def test_json_lines_one_per_message_and_rule_with_indices_from_0():
    status, out, _ = moderate(["--json"], MIXED)
    assert status == 1
    found = json_lines(out)
    assert [(f["index"], f["rule"]) for f in found] == [
        (1, "abuse"),
        (2, "repetition"),
        (3, "threat"),
        (3, "solicitation"),  # round 21: selling drugs is reported for both rules, each with its reason
        (3, "illegal"),
    ]
    assert all(set(f) == {"index", "rule", "reason"} for f in found)
    assert found[0]["reason"] == 'Profanity ("f*ck", disguised as "f u c k").'


def test_blank_lines_are_skipped_and_not_counted():
    status, out, _ = moderate(["--json"], "\n\n" + line("U1", "fine message") + "\n   \n" + line("U2", "oh shit") + "\n\n")
    assert status == 1
    assert [f["index"] for f in json_lines(out)] == [1]


def test_file_argument_and_stdin_give_the_same_answer(tmp_path):
    path = tmp_path / "channel.jsonl"
    path.write_text(MIXED, encoding="utf-8")
    from_file = moderate(["--json", str(path)])
    from_stdin = moderate(["--json"], MIXED)
    from_dash = moderate(["--json", "-"], MIXED)
    assert from_file == from_stdin == from_dash


def test_purpose_turns_on_off_topic_judging():
    football = [
        "Did anyone watch the football last night? Arsenal were unreal",
        "Saka scored twice, what a match",
        "Premier league table looking spicy this season",
    ]
    text = "\n".join(line("U5", t, n * 60) for n, t in enumerate(football)) + "\n"
    assert moderate(["--json"], text)[0] == 0  # no purpose, no off-topic
    status, out, _ = moderate(["--json", "--purpose", "#band-practice — rehearsal times and setlists"], text)
    assert status == 1
    # Policy 5.7: one person's second successive off-topic post on (round 24).
    assert [(found["index"], found["rule"]) for found in json_lines(out)] == [(1, "off_topic"), (2, "off_topic")]
    status, _, _ = moderate(["--json", "--purpose=#random — anything goes"], text)
    assert status == 0


def test_readable_report_without_json():
    status, out, _ = moderate([], MIXED)
    assert status == 1
    assert 'Message 1 (U2) — abuse: Profanity ("f*ck", disguised as "f u c k").' in out
    assert out.rstrip().endswith("3 of 4 messages broke a rule.")
    status, out, _ = moderate([], CLEAN)
    assert (status, out) == (0, "No rule broken in 2 messages.\n")


@pytest.mark.parametrize(
    "stdin_text, complaint",
    [
        ("not json\n", "line 1: not valid JSON"),
        (line("U1", "ok") + "\n{\"user\": \"U1\"}\n", "line 2: no \"text\" string"),
        ("\n" + json.dumps({"user": "U1", "text": 5}) + "\n", "line 2: \"text\" is not a string"),
        ("[1, 2]\n", "line 1: not a JSON object"),
        (json.dumps({"text": "hi", "ts": "yesterday"}) + "\n", "line 1: \"ts\" is not a timestamp (seconds since 1970"),
        (json.dumps({"text": "hi", "user": 7}) + "\n", "line 1: \"user\" is not a string"),
    ],
)
def test_bad_lines_are_usage_errors_naming_the_line(stdin_text, complaint):
    status, _, err = moderate(["--json"], stdin_text)
    assert status == 2
    assert complaint in err


def test_user_and_ts_may_be_left_out():
    status, out, _ = moderate(["--json"], json.dumps({"text": "oh shit"}) + "\n")
    assert (status, json_lines(out)[0]["index"]) == (1, 0)


@pytest.mark.parametrize("argv", [["--bogus"], ["--purpose"], ["a.jsonl", "b.jsonl"]])
def test_bad_arguments_are_usage_errors(argv):
    status, out, err = moderate(argv)
    assert status == 2
    assert "usage: tmw-bot moderate" in err


def test_an_unreadable_file_is_a_usage_error(tmp_path):
    status, _, err = moderate([str(tmp_path / "missing.jsonl")])
    assert status == 2
    assert "missing.jsonl" in err


def test_a_file_that_is_not_utf8_is_a_usage_error(tmp_path):
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(line("U1", "hello").encode() + b"\n" + b'{"text": "caf\xe9"}\n')
    status, _, err = moderate([str(path)])
    assert status == 2
    assert "line 2: not UTF-8" in err


def test_settings_that_fail_to_load_are_a_usage_error():
    def broken() -> ModerationConfig:
        raise ValueError("organisation file has no name")

    status, _, err = moderate([], CLEAN, config=broken)
    assert status == 2
    assert "organisation file has no name" in err


def test_the_cli_uses_the_organisations_settings():
    strict = lambda: ModerationConfig(extra_terms={"profanity": ["blimmin"]})  # noqa: E731
    status, out, _ = moderate(["--json"], line("U1", "blimmin eck") + "\n", config=strict)
    assert (status, json_lines(out)[0]["rule"]) == (1, "abuse")


def test_help_goes_to_stdout_and_exits_0():
    status, out, _ = moderate(["--help"])
    assert status == 0
    assert "--purpose TEXT" in out


def test_the_rules_import_nothing_from_slack_web_or_database_libraries():
    import subprocess
    import sys

    heavy = ["slack_sdk", "slack_bolt", "aiohttp", "sqlalchemy"]
    code = (
        "import sys, bot.moderation.cli, bot.moderation; "
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({heavy!r})))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_messages_without_a_ts_are_still_told_apart():
    spam = "Check out my new mixtape on Soundcloud please share it"
    text = "\n".join(json.dumps({"user": u, "text": spam}) for u in ("U1", "U2")) + "\n"
    status, out, _ = moderate(["--json"], text)
    assert (status, json_lines(out)) == (1, [{"index": 1, "rule": "repetition", "reason": json_lines(out)[0]["reason"]}])
