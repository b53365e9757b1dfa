"""manifest.yml creates the whole app: it is valid for Slack, and it names everything the code listens for."""

from __future__ import annotations

import ast
import importlib
import json
import pkgutil
from pathlib import Path

import jsonschema
import pytest
import yaml

import handlers.slack
from bot.commands import slash_commands
from tests.harness import ROOT, RunningBot

SHARED_SCHEMA = ROOT.parent / "shared" / "slack" / "manifest" / "schemas" / "manifest.schema.1.0.0.json"
MANIFEST = yaml.safe_load((ROOT / "manifest.yml").read_text())


def _registered(kind: str) -> set[str]:
    """Every literal or module constant passed to app.<kind>(...) in handlers/slack/."""
    found: set[str] = set()
    for module_info in pkgutil.iter_modules(handlers.slack.__path__):
        module = importlib.import_module(f"handlers.slack.{module_info.name}")
        tree = ast.parse(Path(module.__file__).read_text())
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == kind
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "app"
                and node.args
            ):
                arg = node.args[0]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.add(arg.value)
                elif isinstance(arg, ast.Name):
                    found.add(getattr(module, arg.id))
    return found


def test_manifest_is_valid_for_slack() -> None:
    schema = json.loads(SHARED_SCHEMA.read_text())
    jsonschema.validate(MANIFEST, schema)


def test_manifest_turns_on_socket_mode_and_interactivity() -> None:
    assert MANIFEST["settings"]["socket_mode_enabled"] is True
    assert MANIFEST["settings"]["interactivity"]["is_enabled"] is True


def test_every_registered_slash_command_is_in_the_manifest() -> None:
    in_manifest = {c["command"] for c in MANIFEST["features"].get("slash_commands", [])}
    registered = _registered("command")
    assert registered, "no slash commands found in handlers/"
    assert registered <= in_manifest
    assert slash_commands() <= in_manifest


def test_every_registered_event_is_subscribed() -> None:
    subscribed = set(MANIFEST["settings"]["event_subscriptions"]["bot_events"])
    # Slack subscribes to "message" per kind of conversation: message.channels, message.groups...
    subscribed |= {event.split(".", 1)[0] for event in subscribed if event.startswith("message.")}
    registered = _registered("event")
    assert registered, "no events found in handlers/"
    assert registered <= subscribed


def test_every_shortcut_is_in_the_manifest() -> None:
    in_manifest = {s["callback_id"] for s in MANIFEST["features"].get("shortcuts", [])}
    assert _registered("shortcut") <= in_manifest


@pytest.mark.parametrize("command", sorted({c["command"] for c in MANIFEST["features"].get("slash_commands", [])}))
async def test_every_manifest_command_is_answered(bot: RunningBot, command: str) -> None:
    response = await bot.slack.slash_command(command, "", "U0ANITA001")
    assert response.status == 200
