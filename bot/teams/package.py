"""The Teams app package: the zip an admin uploads to Teams (manifest.json v1.30 and two icons).

It is built from the same command catalogue as manifest.yml (bot/commands.py), so the two platforms offer
the same commands; what is specific to an organisation (its name, website and the bot's app id) comes from
the organisation file and the settings, never from here.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version

from bot.commands import MESSAGE_ACTIONS, CommandInfo, as_typed_in_chat, chat_catalogue
from bot.org import OrganisationInfo

MANIFEST_VERSION = "1.30"
SCHEMA_URL = "https://developer.microsoft.com/en-us/json-schemas/teams/v1.30/MicrosoftTeams.schema.json"
# Teams' own limits (manifest schema v1.30): a menu holds at most 12 commands.
MENU_LIMIT = 12
# Stands in for the app id until TEAMS_APP_ID is set, so the package still builds for a look.
PLACEHOLDER_APP_ID = "00000000-0000-0000-0000-000000000000"
ACCENT_COLOUR = "#2E5E4E"
# Reading every message in the channels the bot guards or moderates, without being @mentioned, needs this
# resource-specific consent, granted by the team's owner when the app is added to a team.
CHANNEL_PERMISSIONS = ({"name": "ChannelMessage.Read.Group", "type": "Application"},)
# Builds the same bytes each time: zip entries are dated as the zip format's epoch.
FIXED_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class AppPackage:
    content: bytes
    manifest: dict[str, object]
    # What to put right before uploading it (a placeholder app id, a guessed website).
    warnings: list[str] = field(default_factory=list)


def build_app_package(app_id: str | None, organisation: OrganisationInfo | None) -> AppPackage:
    warnings = []
    if app_id is None:
        warnings.append(
            "TEAMS_APP_ID is not set, so the package carries a placeholder app id: set it to your Azure Bot's "
            "Microsoft App ID and build the package again before uploading it."
        )
    if organisation is None:
        warnings.append(
            "TMW_ORG_CONFIG is not set, so the package names no organisation and links to example.org: set it "
            "and build the package again before uploading it."
        )
    elif organisation.website is None:
        warnings.append(
            f"organisation.website is not set in the organisation file, so the package links to "
            f"{_website(organisation)}: add your website (and privacy_url) to be sure."
        )
    manifest = teams_manifest(app_id or PLACEHOLDER_APP_ID, organisation)
    files = {
        "manifest.json": json.dumps(manifest, indent=2, ensure_ascii=False).encode(),
        "color.png": colour_icon(),
        "outline.png": outline_icon(),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=FIXED_ZIP_DATE), data, zipfile.ZIP_DEFLATED)
    return AppPackage(content=buffer.getvalue(), manifest=manifest, warnings=warnings)


def teams_manifest(app_id: str, organisation: OrganisationInfo | None) -> dict[str, object]:
    org_name = organisation.name if organisation else ""
    website = _website(organisation)
    privacy = (organisation.privacy_url if organisation else None) or website
    return {
        "$schema": SCHEMA_URL,
        "manifestVersion": MANIFEST_VERSION,
        "version": _app_version(),
        "id": app_id,
        "developer": {
            "name": (org_name or "tmw-bot")[:32],
            "websiteUrl": website,
            "privacyUrl": privacy,
            "termsOfUseUrl": website,
        },
        "name": {"short": "Safety assistant", "full": f"{org_name} safety assistant".strip()[:100]},
        "description": {
            "short": "Report a concern, check a message, keep shared passwords safe.",
            "full": _full_description(org_name),
        },
        "icons": {"color": "color.png", "outline": "outline.png"},
        "accentColor": ACCENT_COLOUR,
        "bots": [
            {
                "botId": app_id,
                "scopes": ["personal", "team"],
                # Case records and the trustees' figures are sent as PDF files in the person's own chat.
                "supportsFiles": True,
                "isNotificationOnly": False,
                "commandLists": command_lists(chat_catalogue()),
            }
        ],
        "composeExtensions": [
            {
                "botId": app_id,
                "commands": [
                    {
                        "id": action.key,
                        "type": "action",
                        "title": action.title,
                        "description": action.description,
                        "context": ["message"],
                        "fetchTask": True,
                    }
                    for action in MESSAGE_ACTIONS
                ],
            }
        ],
        "authorization": {"permissions": {"resourceSpecific": list(CHANNEL_PERMISSIONS)}},
        "webApplicationInfo": {"id": app_id, "resource": "https://RscBasedStoreApp"},
        "defaultInstallScope": "personal",
    }


def command_lists(catalogue: Iterable[CommandInfo]) -> list[dict[str, object]]:
    """The command menus: one for the person's own chat with the bot, one for a team's channels.

    A menu shows each command word once ("report"), with the first summary the catalogue gives it and the
    other forms it takes ("report list", "report show TMW-2026-0042"). Help is on both menus.
    """
    chat: dict[str, list[CommandInfo]] = {}
    channel: dict[str, list[CommandInfo]] = {}
    for command in catalogue:
        menu = channel if command.used_in == "channel" else chat
        menu.setdefault(command.chat_name.split()[0], []).append(command)
    if "help" in chat:
        channel = {"help": chat["help"], **channel}
    for scope, menu in (("personal", chat), ("team", channel)):
        if len(menu) > MENU_LIMIT:
            raise ValueError(
                f"the {scope} command menu would hold {len(menu)} command words, and Teams shows at most "
                f"{MENU_LIMIT}: give new commands an existing word (as 'report list' shares 'report') in "
                f"bot/commands.py"
            )
    return [
        {"scopes": [scope], "commands": [{"title": word, "description": _menu_description(forms)}
                                         for word, forms in menu.items()]}
        for scope, menu in (("personal", chat), ("team", channel))
        if menu
    ]


def _menu_description(forms: list[CommandInfo]) -> str:
    first, *others = forms
    summary = as_typed_in_chat(first.summary)
    description = summary if first.chat_text == first.chat_name else f"{first.chat_text}: {summary}"
    if others:
        description += " Also: " + "; ".join(form.chat_text for form in others) + "."
    return description


def _full_description(org_name: str) -> str:
    whose = f"{org_name}'s" if org_name else "your organisation's"
    lines = [f"Puts {whose} internet and social media safety policy into your chats.", ""]
    lines += [f"{command.chat_text}: {as_typed_in_chat(command.summary)}" for command in chat_catalogue()]
    return "\n".join(lines)[:4000]


def _website(organisation: OrganisationInfo | None) -> str:
    if organisation is None:
        return "https://example.org"
    return organisation.website or f"https://{organisation.email_domains[0]}"


def _app_version() -> str:
    """The project's version, as the plain x.y.z Teams accepts."""
    try:
        found = version("tmw-bot")
    except PackageNotFoundError:
        found = "0.0.0"
    match = re.match(r"\d+\.\d+\.\d+", found)
    return match.group(0) if match else "0.0.0"


def colour_icon() -> bytes:
    """192x192, full colour: a white speech bubble holding a tick, on the accent colour."""
    return _icon(192, background=ACCENT_COLOUR, ink="white")


def outline_icon() -> bytes:
    """32x32, white on transparent, as Teams requires for the outline icon."""
    return _icon(32, background=None, ink="white")


def _icon(size: int, background: str | None, ink: str) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if background:
        draw.rounded_rectangle((0, 0, size - 1, size - 1), radius=size // 6, fill=background)
    unit = size / 32
    bubble = (5 * unit, 6 * unit, 27 * unit, 22 * unit)
    width = max(1, round(2 * unit))
    draw.rounded_rectangle(bubble, radius=4 * unit, outline=ink, width=width)
    draw.polygon([(10 * unit, 21 * unit), (10 * unit, 27 * unit), (16 * unit, 21 * unit)], fill=ink)
    draw.line([(11 * unit, 14 * unit), (15 * unit, 18 * unit), (21 * unit, 10 * unit)], fill=ink, width=width)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
