"""Block Kit in the terminal: messages, modals and Home tabs drawn with rich, readable without colour.

Everything that can be pressed or chosen gets a number (`/press 2`); the numbers belong to the last
thing shown that had any, as the person's screen would.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.emoji import Emoji
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from bot.playground.directory import Directory
from bot.playground.session import MessageSeen

BUTTON_STYLES = {"primary": "bold green", "danger": "bold red"}
SELECTS = {"static_select", "external_select", "users_select", "conversations_select", "channels_select",
           "multi_static_select", "multi_external_select", "multi_users_select", "multi_conversations_select",
           "multi_channels_select"}
PRESSABLE = {"button", "overflow", "datepicker", "timepicker", "datetimepicker", "checkboxes", "radio_buttons",
             *SELECTS}

# Slack's mrkdwn: links and mentions, `code`, *bold*, _italic_, ~strike~ (the last three at word edges).
_MRKDWN = re.compile(
    r"<(?P<target>[^>|]+)(?:\|(?P<label>[^>]*))?>"
    r"|`(?P<code>[^`\n]+)`"
    r"|(?<![\w*])\*(?P<bold>[^*\n]+)\*(?![\w*])"
    r"|(?<![\w_])_(?P<italic>[^_\n]+)_(?![\w_])"
    r"|(?<![\w~])~(?P<strike>[^~\n]+)~(?![\w~])"
)


@dataclass
class Pressable:
    """Something on screen that can be pressed or chosen, and where it is."""

    number: int
    element: dict[str, Any]
    block_id: str
    owner: str  # whose screen it is on
    message: MessageSeen | None = None
    view: dict[str, Any] | None = None

    @property
    def label(self) -> str:
        return element_label(self.element)


class Screen:
    """The numbered things of the last output that had any."""

    def __init__(self) -> None:
        self.pressables: list[Pressable] = []
        self._next: list[Pressable] = []

    def begin(self) -> None:
        self._next = []

    def add(self, element: dict[str, Any], block_id: str, owner: str, *,
            message: MessageSeen | None = None, view: dict[str, Any] | None = None) -> int:
        pressable = Pressable(len(self._next) + 1, element, block_id, owner, message, view)
        self._next.append(pressable)
        return pressable.number

    def commit(self) -> None:
        """Keep the old numbers when nothing new can be pressed, so `/press` still means what was shown."""
        if self._next:
            self.pressables = self._next
        self._next = []

    def get(self, number: int) -> Pressable | None:
        return self.pressables[number - 1] if 0 < number <= len(self.pressables) else None


def plain(text_object: Any) -> str:
    if isinstance(text_object, dict):
        return str(text_object.get("text", ""))
    return "" if text_object is None else str(text_object)


def element_label(element: dict[str, Any]) -> str:
    kind = element.get("type", "")
    if kind == "button":
        return plain(element.get("text"))
    if kind in SELECTS:
        chosen = element.get("initial_option") or {}
        return plain(chosen.get("text")) or plain(element.get("placeholder")) or "Choose"
    if kind == "datepicker":
        return element.get("initial_date") or plain(element.get("placeholder")) or "Pick a date"
    if kind == "timepicker":
        return element.get("initial_time") or plain(element.get("placeholder")) or "Pick a time"
    if kind in ("checkboxes", "radio_buttons"):
        return ", ".join(plain(o.get("text")) for o in element.get("options", []))
    return kind.replace("_", " ")


# The width of the plain copy of the output that /expect reads (wide, so nothing wraps).
PLAIN_WIDTH = 1000


class Fields:
    """A section's fields: two columns on a screen, as in Slack; one after another in the plain copy,
    so that each label stays next to its value for /expect."""

    def __init__(self, fields: list[Text]) -> None:
        self.fields = fields

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if options.max_width > PLAIN_WIDTH // 2:  # inside a panel of the plain copy
            yield from self.fields
            return
        grid = Table.grid(padding=(0, 3))
        grid.add_column()
        grid.add_column()
        for left, right in zip(self.fields[::2], [*self.fields[1::2], Text("")], strict=False):
            grid.add_row(left, right)
        yield grid


class Renderer:
    def __init__(self, directory: Directory) -> None:
        self.directory = directory

    # -- text --------------------------------------------------------------------------------------

    def mrkdwn(self, source: str, style: str = "") -> Text:
        text = Text(style=style)
        source = source.replace("```", "")  # preformatted blocks read well enough as plain lines
        for number, line in enumerate(source.split("\n")):
            if number:
                text.append("\n")
            if line.startswith(("&gt; ", ">")):
                text.append("│ ", style="dim")
                line = line.removeprefix("&gt;").removeprefix(">").lstrip()
            self._inline(text, line)
        return text

    def _inline(self, text: Text, line: str) -> None:
        at = 0
        for match in _MRKDWN.finditer(line):
            text.append(_words(line[at:match.start()]))
            at = match.end()
            if match["target"] is not None:
                text.append(self._link(match["target"], match["label"]), style="cyan")
            elif match["code"] is not None:
                text.append(_words(match["code"]), style="bold magenta")
            elif match["bold"] is not None:
                self._styled(text, match["bold"], "bold")
            elif match["italic"] is not None:
                self._styled(text, match["italic"], "italic")
            else:
                self._styled(text, match["strike"], "strike")
        text.append(_words(line[at:]))

    def _styled(self, text: Text, inner: str, style: str) -> None:
        start = len(text)
        self._inline(text, inner)
        text.stylize(style, start, len(text))

    def _link(self, target: str, label: str | None) -> str:
        if target.startswith("@"):
            return "@" + (label or self.directory.name_of(target[1:]))
        if target.startswith("#"):
            return "#" + (label or self.directory.channels.get(target[1:], target[1:]))
        if target.startswith("!"):
            return "@" + (label or target[1:].split("^")[0])
        return f"{label} ({target})" if label else target

    def text_object(self, value: Any, style: str = "") -> Text:
        if isinstance(value, dict) and value.get("type") == "mrkdwn":
            return self.mrkdwn(str(value.get("text", "")), style)
        return Text(_words(plain(value)), style=style)

    # -- blocks ------------------------------------------------------------------------------------

    def blocks(self, blocks: Iterable[dict[str, Any]], screen: Screen, owner: str, *,
               message: MessageSeen | None = None, view: dict[str, Any] | None = None) -> list[RenderableType]:
        def numbered(element: dict[str, Any], block_id: str) -> Text:
            if element.get("type") not in PRESSABLE:
                return Text(f"[{element.get('type', '?')}]", style="dim")
            number = screen.add(element, block_id, owner, message=message, view=view)
            return self.element(element, number)

        parts: list[RenderableType] = []
        for block in blocks:
            kind, block_id = block.get("type"), str(block.get("block_id", ""))
            if kind == "header":
                parts.append(self.text_object(block.get("text"), "bold"))
            elif kind == "section":
                if block.get("text"):
                    parts.append(self.text_object(block["text"]))
                if block.get("fields"):
                    parts.append(Fields([self.text_object(f) for f in block["fields"]]))
                if block.get("accessory"):
                    accessory = block["accessory"]
                    if accessory.get("type") == "image":
                        parts.append(Text(f"[image: {accessory.get('alt_text', '')}]", style="dim"))
                    else:
                        parts.append(numbered(accessory, block_id))
            elif kind == "context":
                line = Text(style="dim")
                for element in block.get("elements", []):
                    piece = (Text(f"[{element.get('alt_text', 'image')}]") if element.get("type") == "image"
                             else self.text_object(element))
                    line.append_text(piece)
                    line.append("  ")
                parts.append(line)
            elif kind == "divider":
                parts.append(Rule(style="dim"))
            elif kind == "actions":
                row = Text()
                for element in block.get("elements", []):
                    row.append_text(numbered(element, block_id))
                    row.append("  ")
                parts.append(row)
            elif kind == "input":
                optional = " (optional)" if block.get("optional") else ""
                parts.append(Text(f"✎ {plain(block.get('label'))}{optional}", style="bold"))
            elif kind == "image":
                parts.append(Text(f"[image: {block.get('alt_text', '')}]", style="dim"))
            elif kind == "rich_text":
                parts.append(Text(_rich_text(block)))
            else:
                parts.append(Text(f"[{kind}]", style="dim"))
        return parts

    def element(self, element: dict[str, Any], number: int) -> Text:
        kind = element.get("type", "")
        tag = Text(f"[{number}] ", style="bold yellow")
        if kind == "button":
            label = Text(f"‹ {plain(element.get('text'))} ›", style=BUTTON_STYLES.get(element.get("style", ""), "bold"))
            if element.get("url"):
                label.append(f" ↗ {element['url']}", style="dim")
            return tag + label
        if kind in ("checkboxes", "radio_buttons"):
            chosen = {o.get("value") for o in element.get("initial_options", [])}
            if element.get("initial_option"):
                chosen.add(element["initial_option"].get("value"))
            on, off = ("☑", "☐") if kind == "checkboxes" else ("◉", "○")
            body = Text()
            for option in element.get("options", []):
                body.append(f"{on if option.get('value') in chosen else off} ")
                body.append_text(self.text_object(option.get("text")))
                body.append("  ")
            return tag + body
        if kind == "overflow":
            return tag + Text("‹ ⋯ ›", style="bold")
        icon = {"datepicker": "📅", "timepicker": "🕘", "datetimepicker": "📅"}.get(kind, "▾")
        return tag + Text(f"‹ {icon} {element_label(element)} ›", style="bold")

    # -- whole surfaces ----------------------------------------------------------------------------

    def message(self, message: MessageSeen, screen: Screen, owner: str, *, title: str, when: str = "") -> Panel:
        author = "tmw-bot" if message.user.startswith("U0TMWBOT") else self.directory.name_of(message.user)
        body: list[RenderableType] = []
        if message.blocks:
            body = self.blocks(message.blocks, screen, owner, message=message)
        else:
            body = [self.mrkdwn(message.text)]
        subtitle = f"{author}{' · ' + when if when else ''}{' · updated' if message.updated else ''}"
        return Panel(Group(*body), title=title, title_align="left", subtitle=subtitle, subtitle_align="right",
                     border_style="blue")

    def ephemeral(self, payload: dict[str, Any], screen: Screen, owner: str, *, title: str = "Only visible to you") -> Panel:
        blocks = payload.get("blocks")
        if isinstance(blocks, str):
            import json

            blocks = json.loads(blocks or "[]")
        body = self.blocks(blocks, screen, owner) if blocks else [self.mrkdwn(str(payload.get("text", "")))]
        return Panel(Group(*body), title=title, title_align="left", border_style="magenta")

    def view(self, view: dict[str, Any], screen: Screen, owner: str) -> Panel:
        body = self.blocks(view.get("blocks", []), screen, owner, view=view)
        buttons = [f"‹ {plain(view[key])} ›" for key in ("submit", "close") if view.get(key)]
        title = plain(view.get("title")) or ("Home" if view.get("type") == "home" else "Modal")
        return Panel(Group(*body), title=title, title_align="left", subtitle="  ".join(buttons) or None,
                     subtitle_align="right", border_style="green")


def _words(text: str) -> str:
    """Slack's escapes undone, and emoji codes drawn as emoji."""
    return Emoji.replace(html.unescape(text))


def _rich_text(block: dict[str, Any]) -> str:
    pieces: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if "text" in node and isinstance(node["text"], str):
                pieces.append(node["text"])
            for child in node.get("elements", []):
                walk(child)

    walk(block)
    return "".join(pieces)
