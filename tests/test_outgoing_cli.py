"""`tmw-bot roster import`, and `check`/`moderate` using the same roster and settings as the bot."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot.crypto import generate_key
from tests.cli_support import TMW_BOT, bare_env, cli_env
from tests.harness import EXAMPLE_ORG

GOOD = "first_name,last_name,school,photo_consent\nAmy,Smith,Ribston Hall High School,yes\nJake,Brown,Chosen Hill School,no\n"


def _env(tmp_path: Path, org: Path = EXAMPLE_ORG) -> dict[str, str]:
    """The same database and key in `tmp_path` for every command of a test."""
    key = (tmp_path / "key").read_text() if (tmp_path / "key").exists() else _key(tmp_path)
    return cli_env(f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}", key, org=org)


def _key(tmp_path: Path) -> str:
    key = generate_key()
    (tmp_path / "key").write_text(key)
    return key


def _run(tmp_path: Path, *args: str, stdin: str = "", org: Path = EXAMPLE_ORG) -> subprocess.CompletedProcess[str]:
    return subprocess.run([TMW_BOT, *args], input=stdin, capture_output=True, text=True, cwd=tmp_path,
                          env=_env(tmp_path, org), timeout=60)


def test_a_roster_with_bad_rows_lists_each_by_line_and_imports_nothing(tmp_path: Path) -> None:
    (tmp_path / "bad.csv").write_text(GOOD + "Zoe,,Pate's,yes\nLeo,Grant,Sir Thomas Rich's,maybe\n")

    result = _run(tmp_path, "roster", "import", "bad.csv")

    assert result.returncode == 1
    assert "line 4" in result.stderr and "line 5" in result.stderr
    assert "Amy" not in result.stderr + result.stdout
    checked = _run(tmp_path, "check", "--json", stdin="Well done Amy Smith!")
    assert checked.returncode == 2 and checked.stdout == ""
    assert "No roster has been imported" in checked.stderr


def test_an_imported_roster_is_matched_by_check_and_never_stored_in_clear(tmp_path: Path) -> None:
    (tmp_path / "roster.csv").write_text(GOOD)

    imported = _run(tmp_path, "roster", "import", "roster.csv")
    checked = _run(tmp_path, "check", "--json", stdin="Photos from the gig: well done Amy Smith and Jake!")

    assert imported.returncode == 0, imported.stderr
    assert "2 participants, 1 of whom opted out" in imported.stdout and "Amy" not in imported.stdout
    assert checked.returncode == 1
    kinds = {f["kind"] for f in json.loads(checked.stdout)["findings"]}
    assert {"full_name", "photo_consent"} <= kinds
    connection = sqlite3.connect(tmp_path / "cli.db")
    connection.execute("PRAGMA wal_checkpoint(FULL)")
    connection.close()
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("cli.db*")).lower()
    for clear in (b"amy", b"smith", b"jake", b"brown", b"ribston", b"chosen hill"):
        assert clear not in raw


def test_reimporting_the_roster_replaces_it(tmp_path: Path) -> None:
    (tmp_path / "first.csv").write_text(GOOD)
    (tmp_path / "second.csv").write_text("first_name,last_name,school,photo_consent\nMia,Jones,,yes\n")
    _run(tmp_path, "roster", "import", "first.csv")

    _run(tmp_path, "roster", "import", "second.csv")

    assert _run(tmp_path, "check", stdin="Well done Amy Smith!").returncode == 0
    assert _run(tmp_path, "check", stdin="Well done Mia Jones!").returncode == 1


def test_an_empty_export_does_not_replace_the_roster_without_force(tmp_path: Path) -> None:
    (tmp_path / "roster.csv").write_text(GOOD)
    (tmp_path / "empty.csv").write_text("first_name,last_name,school,photo_consent\n")
    _run(tmp_path, "roster", "import", "roster.csv")

    refused = _run(tmp_path, "roster", "import", "empty.csv")

    assert refused.returncode == 1 and refused.stdout == ""
    assert "not imported: the file lists 0 participants, but the roster has 2" in refused.stderr
    assert "--force" in refused.stderr
    assert _run(tmp_path, "check", stdin="Well done Amy Smith!").returncode == 1
    forced = _run(tmp_path, "roster", "import", "--force", "empty.csv")
    assert forced.returncode == 0 and "Imported the roster: 0 participants" in forced.stdout


def test_a_roster_under_half_the_size_of_the_current_one_needs_force(tmp_path: Path) -> None:
    header = "first_name,last_name,school,photo_consent\n"
    (tmp_path / "five.csv").write_text(header + "".join(f"Amy,Smith{n},,yes\n" for n in range(5)))
    (tmp_path / "two.csv").write_text(header + "Mia,Jones,,yes\nLeo,Grant,,no\n")
    (tmp_path / "three.csv").write_text(header + "Mia,Jones,,yes\nLeo,Grant,,no\nAva,Hill,,yes\n")
    _run(tmp_path, "roster", "import", "five.csv")

    refused = _run(tmp_path, "roster", "import", "two.csv")
    half = _run(tmp_path, "roster", "import", "three.csv")

    assert refused.returncode == 1 and "the file lists 2 participants, but the roster has 5" in refused.stderr
    assert half.returncode == 0 and "Imported the roster: 3 participants" in half.stdout


# Spreadsheet exports: the usual header spellings, ; or tab between columns, UTF-16 and Windows-1252.
SPREADSHEET_EXPORTS = [
    ("Excel 'Unicode Text': UTF-16 with a BOM, tabs", "utf-16",
     "First Name\tSurname\tSchool\tPhoto consent\r\nZo\u00eb\tBront\u00eb\tDenmark Road\tYes\r\nJake\tBrown\t\tNo\r\n"),
    ("UTF-16 little-endian without a BOM, tabs", "utf-16-le",
     "First name\tLast name\tSchool\tPhoto Consent\nZo\u00eb\tBront\u00eb\t\tyes\nJake\tBrown\t\tno\n"),
    ("European Excel CSV: Windows-1252, semicolons", "cp1252",
     "Forename;Surname;School;Photo consent\r\nZo\u00eb;Bront\u00eb;\u2018St Mary\u2019s\u2019;yes\r\nJake;Brown;;no\r\n"),
    ("CSV UTF-8 with a BOM, commas, spelt with underscores", "utf-8-sig",
     "first_name,last_name,school,photo_consent\nZo\u00eb,Bront\u00eb,,yes\nJake,Brown,,no\n"),
]


@pytest.mark.parametrize(("label", "encoding", "text"), SPREADSHEET_EXPORTS, ids=[e[0] for e in SPREADSHEET_EXPORTS])
def test_spreadsheet_exports_are_read_whatever_their_encoding_separator_and_header_spelling(
    tmp_path: Path, label: str, encoding: str, text: str
) -> None:
    (tmp_path / "roster.csv").write_bytes(text.encode(encoding))

    imported = _run(tmp_path, "roster", "import", "roster.csv")
    checked = _run(tmp_path, "check", "--json", stdin="In the gig photos: well done Zo\u00eb Bront\u00eb and Jake!")

    assert imported.returncode == 0, imported.stderr
    assert "2 participants, 1 of whom opted out" in imported.stdout
    assert {f["kind"] for f in json.loads(checked.stdout)["findings"]} == {"full_name", "photo_consent"}


def test_a_file_that_is_not_text_says_how_to_save_it(tmp_path: Path) -> None:
    (tmp_path / "roster.xlsx").write_bytes(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + bytes(range(256)) * 4)

    result = _run(tmp_path, "roster", "import", "roster.xlsx")

    assert result.returncode == 1 and result.stdout == ""
    assert "Save As" in result.stderr and "CSV UTF-8" in result.stderr


def test_moderate_uses_the_organisations_extra_words(tmp_path: Path) -> None:
    org = tmp_path / "org.yml"
    org.write_text(EXAMPLE_ORG.read_text() + "\nsettings:\n  moderation:\n    extra_terms: {profanity: [flibbertigibbet]}\n")
    lines = "\n".join(json.dumps({"user": "U1", "text": t, "ts": f"17000000{i}.000100"})
                      for i, t in enumerate(["what a flibbertigibbet you are", "see you at rehearsal"]))

    with_setting = _run(tmp_path, "moderate", "--json", stdin=lines, org=org)
    without = _run(tmp_path, "moderate", "--json", stdin=lines)

    assert with_setting.returncode == 1
    assert [json.loads(line)["index"] for line in with_setting.stdout.splitlines()] == [0]
    assert without.returncode == 0 and without.stdout == ""


def test_a_bad_moderation_setting_is_reported_on_its_line(tmp_path: Path) -> None:
    org = tmp_path / "org.yml"
    text = EXAMPLE_ORG.read_text() + "\nsettings:\n  moderation:\n    off_topic_run_length: 1\n"
    org.write_text(text)

    result = _run(tmp_path, "org", "validate", str(org))

    line = text.splitlines().index("    off_topic_run_length: 1") + 1
    assert result.returncode == 1
    assert f"line {line}: settings.moderation.off_topic_run_length" in result.stderr


# `tmw-bot check` fails closed: without the roster it would pass a participant's full name.
NAMED = "Well done Amy Smith!"


def test_check_outside_the_project_folder_says_so_and_exits_2(tmp_path: Path) -> None:
    result = subprocess.run([TMW_BOT, "check"], input=NAMED, capture_output=True, text=True, cwd=tmp_path,
                            env=bare_env(), timeout=60)

    assert result.returncode == 2, result.stdout
    assert result.stdout == ""
    assert "TMW_ORG_CONFIG is not set" in result.stderr and "--no-roster" in result.stderr


def test_check_with_no_roster_on_purpose_checks_everything_else(tmp_path: Path) -> None:
    def run(text: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([TMW_BOT, "check", "--json", "--no-roster"], input=text, capture_output=True, text=True,
                              cwd=tmp_path, env=bare_env(), timeout=60)

    assert run(NAMED).returncode == 0
    leak = run("Call 07700 900123")
    assert leak.returncode == 1 and [f["kind"] for f in json.loads(leak.stdout)["findings"]] == ["phone"]


def test_check_with_a_different_key_from_the_roster_import_says_so_and_exits_2(tmp_path: Path) -> None:
    (tmp_path / "roster.csv").write_text(GOOD)
    assert _run(tmp_path, "roster", "import", "roster.csv").returncode == 0
    (tmp_path / "key").write_text(generate_key())

    result = _run(tmp_path, "check", stdin=NAMED)

    assert result.returncode == 2, result.stdout
    assert result.stdout == ""
    assert "imported with a different TMW_DATA_KEY" in result.stderr


def test_check_with_a_missing_database_says_so_and_exits_2(tmp_path: Path) -> None:
    result = _run(tmp_path, "check", stdin=NAMED)

    assert result.returncode == 2, result.stdout
    assert "cli.db does not exist" in result.stderr
    assert not (tmp_path / "cli.db").exists()


def test_check_without_a_key_says_so_and_exits_2(tmp_path: Path) -> None:
    (tmp_path / "roster.csv").write_text(GOOD)
    assert _run(tmp_path, "roster", "import", "roster.csv").returncode == 0
    env = _env(tmp_path)
    env["TMW_DATA_KEY"] = ""

    result = subprocess.run([TMW_BOT, "check"], input=NAMED, capture_output=True, text=True, cwd=tmp_path, env=env,
                            timeout=60)

    assert result.returncode == 2 and "TMW_DATA_KEY is not set" in result.stderr


def test_check_with_the_projects_env_file_imports_neither_pydantic_nor_the_database_layer(tmp_path: Path) -> None:
    # `tmw-bot check` runs in a git hook on every commit; what made it slow with a .env was
    # validating the whole organisation file (which imports most of the bot and SQLAlchemy) and
    # pydantic-settings. Which modules it loads says so without timing anything.
    (tmp_path / "roster.csv").write_text(GOOD)
    assert _run(tmp_path, "roster", "import", "roster.csv").returncode == 0
    settings = _env(tmp_path)
    (tmp_path / ".env").write_text("".join(f"{name}={settings[name]}\n" for name in ("DATABASE_URL", "TMW_ORG_CONFIG", "TMW_DATA_KEY")))
    script = (
        "import sys\n"
        "from bot.cli import main\n"
        "status = main(['check', '--json'])\n"
        "heavy = ('pydantic', 'sqlalchemy', 'bot.org', 'bot.settings', 'asyncio', 'slack_bolt', 'aiohttp')\n"
        "sys.stderr.write('loaded: ' + ','.join(m for m in heavy if m in sys.modules))\n"
        "sys.exit(status)\n"
    )

    result = subprocess.run([sys.executable, "-c", script], input=NAMED, capture_output=True, text=True, cwd=tmp_path,
                            env=bare_env(), timeout=60)

    assert result.returncode == 1, result.stderr
    assert {f["kind"] for f in json.loads(result.stdout)["findings"]} == {"full_name"}
    assert result.stderr == "loaded: "


def test_check_reads_a_database_url_in_any_accepted_form_and_explains_a_bad_key(tmp_path: Path) -> None:
    (tmp_path / "roster.csv").write_text(GOOD)
    assert _run(tmp_path, "roster", "import", "roster.csv").returncode == 0
    env = _env(tmp_path)

    def check(**overrides: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([TMW_BOT, "check"], input=NAMED, capture_output=True, text=True, cwd=tmp_path,
                              env={**env, **overrides}, timeout=60)

    assert check(DATABASE_URL=f"sqlite:///{tmp_path / 'cli.db'}").returncode == 1
    bad_key = check(TMW_DATA_KEY="not-a-key")
    assert bad_key.returncode == 2 and "TMW_DATA_KEY is not right" in bad_key.stderr


def test_check_with_an_unusable_organisation_file_says_so_and_exits_2(tmp_path: Path) -> None:
    (tmp_path / "roster.csv").write_text(GOOD)
    assert _run(tmp_path, "roster", "import", "roster.csv").returncode == 0
    (tmp_path / "no-organisation.yml").write_text("people: []\n")

    missing = _run(tmp_path, "check", stdin=NAMED, org=tmp_path / "missing.yml")
    no_section = _run(tmp_path, "check", stdin=NAMED, org=tmp_path / "no-organisation.yml")

    assert missing.returncode == 2 and "missing.yml (TMW_ORG_CONFIG) cannot be read" in missing.stderr
    assert no_section.returncode == 2 and "has no usable organisation section" in no_section.stderr


def test_check_help_documents_no_roster(tmp_path: Path) -> None:
    result = _run(tmp_path, "check", "--help")

    assert result.returncode == 0 and "--no-roster" in result.stdout


def test_check_uses_the_words_the_organisation_file_adds_and_the_example_roster(tmp_path: Path) -> None:
    org = tmp_path / "org.yml"
    org.write_text(EXAMPLE_ORG.read_text() + "\nsettings:\n  checks:\n    extra_terms:\n      health_words: [grommets]\n")
    example_roster = Path(__file__).resolve().parents[1] / "examples" / "roster.csv"
    imported = _run(tmp_path, "roster", "import", str(example_roster), org=org)
    assert imported.returncode == 0, imported.stderr

    checked = _run(tmp_path, "check", "--json", stdin="Register: Smith, Amy. Max has grommets fitted.", org=org)

    findings = [(f["kind"], f["text"]) for f in json.loads(checked.stdout)["findings"]]
    assert findings == [("full_name", "Smith, Amy"), ("health", "grommets")]


def test_the_organisation_file_may_only_extend_lists_that_exist(tmp_path: Path) -> None:
    org = tmp_path / "org.yml"
    org.write_text(EXAMPLE_ORG.read_text() + "\nsettings:\n  checks:\n    extra_terms:\n      helth_words: [pacemaker]\n")

    validated = subprocess.run([TMW_BOT, "org", "validate", str(org)], capture_output=True, text=True,
                               env=bare_env(), timeout=60)

    assert validated.returncode != 0
    assert "helth_words" in validated.stdout + validated.stderr
