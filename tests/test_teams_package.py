"""The Teams app package (`tmw-bot teams package`): it builds from the same catalogue as manifest.yml, is
valid for Teams (schema v1.30 in ../shared/teams), and names the organisation and the bot's app id."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import jsonschema
import pytest
import yaml
from PIL import Image

from bot.commands import CATALOGUE, MESSAGE_ACTIONS, CommandInfo
from bot.teams.package import command_lists
from bot.teams.server import TeamsApp
from handlers.teams import register_all
from tests.cli_support import bare_env, run_tmw_bot
from tests.harness import EXAMPLE_ORG, ROOT

SCHEMA = ROOT.parent / "shared" / "teams" / "manifest" / "MicrosoftTeams.v1.30.schema.json"
APP_ID = "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d"


async def _build(tmp_path: Path, **env: str) -> tuple[int, str, zipfile.ZipFile | None]:
    out = tmp_path / "app.zip"
    code, _, err = await run_tmw_bot("teams", "package", "--out", str(out), env={**bare_env(), **env}, cwd=tmp_path)
    return code, err, zipfile.ZipFile(out) if out.exists() else None


def _manifest(package: zipfile.ZipFile) -> dict:
    return json.loads(package.read("manifest.json"))


async def test_the_package_is_valid_for_teams_and_names_the_organisation_and_app(tmp_path: Path) -> None:
    code, err, package = await _build(tmp_path, TEAMS_APP_ID=APP_ID, TMW_ORG_CONFIG=str(EXAMPLE_ORG))

    assert code == 0, err
    assert err == ""  # nothing to put right
    assert package is not None and sorted(package.namelist()) == ["color.png", "manifest.json", "outline.png"]
    manifest = _manifest(package)
    jsonschema.Draft7Validator(json.loads(SCHEMA.read_text())).validate(manifest)
    assert manifest["id"] == manifest["bots"][0]["botId"] == manifest["composeExtensions"][0]["botId"] == APP_ID
    assert manifest["developer"]["name"] == "The Music Works"
    assert manifest["developer"]["websiteUrl"] == "https://www.themusicworks.org.uk"
    assert manifest["name"]["full"] == "The Music Works safety assistant"


async def test_without_settings_it_still_builds_and_says_what_to_set_before_uploading(tmp_path: Path) -> None:
    code, err, package = await _build(tmp_path)

    assert code == 0
    assert package is not None
    assert _manifest(package)["id"] == "00000000-0000-0000-0000-000000000000"
    assert "TEAMS_APP_ID is not set" in err
    assert "TMW_ORG_CONFIG is not set" in err


async def test_a_malformed_app_id_is_refused_in_one_line_naming_it(tmp_path: Path) -> None:
    code, err, package = await _build(tmp_path, TEAMS_APP_ID="my-bot")

    assert code == 1
    assert package is None
    assert "TEAMS_APP_ID is not right (it is not a GUID" in err
    assert err.count("\n") == 1


async def test_icons_are_the_sizes_teams_requires_and_the_outline_is_white_on_transparent(tmp_path: Path) -> None:
    _, _, package = await _build(tmp_path, TEAMS_APP_ID=APP_ID)
    assert package is not None

    colour = Image.open(io.BytesIO(package.read("color.png")))
    outline = Image.open(io.BytesIO(package.read("outline.png"))).convert("RGBA")
    assert colour.format == "PNG" and colour.size == (192, 192)
    assert outline.size == (32, 32)
    pixels = list(outline.get_flattened_data())
    assert any(alpha == 0 for *_, alpha in pixels), "the outline icon needs a transparent background"
    assert {(r, g, b) for r, g, b, alpha in pixels if alpha} == {(255, 255, 255)}


async def test_every_command_and_message_action_people_have_in_slack_is_offered_in_teams(tmp_path: Path) -> None:
    _, _, package = await _build(tmp_path, TEAMS_APP_ID=APP_ID)
    assert package is not None
    manifest = _manifest(package)

    menu_words = {c["title"] for lists in manifest["bots"][0]["commandLists"] for c in lists["commands"]}
    menu_text = json.dumps(manifest["bots"][0]["commandLists"])
    for command in CATALOGUE:
        assert command.chat_name.split()[0] in menu_words
        assert command.chat_text in menu_text, f"{command.chat_text!r} is not shown in any Teams menu"
    actions = {c["title"] for c in manifest["composeExtensions"][0]["commands"] if c["context"] == ["message"]}
    slack_shortcuts = yaml.safe_load((ROOT / "manifest.yml").read_text())["features"]["shortcuts"]
    assert actions == {action.title for action in MESSAGE_ACTIONS} == {s["name"] for s in slack_shortcuts}


def test_a_channel_command_is_on_the_team_menu_and_not_in_the_personal_one() -> None:
    personal, team = command_lists(CATALOGUE)

    assert personal["scopes"] == ["personal"] and team["scopes"] == ["team"]
    assert "groupagreement" in {c["title"] for c in team["commands"]}
    assert "groupagreement" not in {c["title"] for c in personal["commands"]}
    assert "help" in {c["title"] for c in team["commands"]}


async def test_home_is_on_the_personal_menu_as_teams_has_no_home_tab(tmp_path: Path) -> None:
    _, _, package = await _build(tmp_path, TEAMS_APP_ID=APP_ID)
    assert package is not None
    manifest = _manifest(package)
    jsonschema.Draft7Validator(json.loads(SCHEMA.read_text())).validate(manifest)

    personal, team = manifest["bots"][0]["commandLists"]
    words = [c["title"] for c in personal["commands"]]
    assert words[:2] == ["help", "home"]
    assert "reports to handle" in personal["commands"][1]["description"]
    assert len(words) <= 12 and "home" not in {c["title"] for c in team["commands"]}
    # Slack has it as a tab: no slash command for it.
    assert "/home" not in {c["command"] for c in yaml.safe_load((ROOT / "manifest.yml").read_text())["features"]["slash_commands"]}


def test_a_catalogue_too_big_for_a_teams_menu_is_refused_with_how_to_fix_it() -> None:
    crowded = [CommandInfo(usage=f"/word{letter}", summary="s", slash_command=f"/word{letter}")
               for letter in "abcdefghijklm"]

    with pytest.raises(ValueError, match="would hold 13 command words, and Teams shows at most 12"):
        command_lists(crowded)


async def test_a_website_that_is_not_https_is_refused_on_its_line(tmp_path: Path) -> None:
    text = EXAMPLE_ORG.read_text().replace("https://www.themusicworks.org.uk", "themusicworks.org.uk")
    path = tmp_path / "org.yml"
    path.write_text(text)
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "website:" in t)

    code, _, err = await run_tmw_bot("org", "validate", str(path), env=bare_env(), cwd=tmp_path)

    assert code == 1
    assert f"line {line}: organisation.website: 'themusicworks.org.uk' is not a web address" in err


async def test_check_before_sending_is_declared_as_the_message_action_the_bot_answers(tmp_path: Path) -> None:
    _, _, package = await _build(tmp_path, TEAMS_APP_ID=APP_ID)
    assert package is not None
    manifest = _manifest(package)
    jsonschema.Draft7Validator(json.loads(SCHEMA.read_text())).validate(manifest)

    [declared] = [c for c in manifest["composeExtensions"][0]["commands"] if c["title"] == "Check before sending"]
    assert (declared["type"], declared["context"], declared["fetchTask"]) == ("action", ["message"], True)
    # Teams sends the command's id back when someone chooses it: the bot must answer that id.
    app = TeamsApp()
    register_all(app)
    assert declared["id"] in app.message_actions
