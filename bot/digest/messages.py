"""What the weekly digest says, as data (bot/messages.py); each platform renders it, and `digest_text`
says the same words in a terminal (`tmw-bot digest --print`).

The builders take the outbox params the workflow wrote (workflow.py `Digest.as_params`). A section's
notes are text that may carry icons (a warning, a deadline) and commands; in the params each note is a list of
plain strings, {"icon": name} marks and {"code": command} spans, so it survives the outbox's JSON. A note that is one plain string (as
digests queued by an older release have) is shown as it is.
"""

from __future__ import annotations

from typing import Any

from bot.messages import Bold, Button, Buttons, Code, Icon, Italic, Message, Note, Paragraph, Part, Span, Text, spans

LATE = "(posted late: the bot was not running at the usual time)"
WHAT_IT_SAYS = "Counts and roles only. Those allowed to see the detail find it in the app's Home."
# A terminal shows icons as characters.
TERMINAL_ICONS = {Icon.WARNING: "⚠", Icon.DEADLINE: "⌛"}


def note_params(note: Text) -> list[str | dict[str, str]]:
    """A note as the outbox keeps it: plain strings, icons by name, and commands (each platform shows
    a command its own way)."""
    kept: list[str | dict[str, str]] = []
    for span in spans(note):
        if not isinstance(span, str | Icon | Code):
            raise TypeError(f"a digest note holds text, icons and commands, not {type(span).__name__}")
        kept.append({"icon": span.name} if isinstance(span, Icon) else {"code": span.text} if isinstance(span, Code) else span)
    return kept


def _note(param: str | list[str | dict[str, str]]) -> list[Span]:
    if isinstance(param, str):
        return [param]
    return [(Icon[part["icon"]] if "icon" in part else Code(part.get("code", ""))) if isinstance(part, dict) else part
            for part in param]


def _title(params: dict[str, Any]) -> list[Span]:
    return [Bold(f"Weekly digest for {params['organisation']}"), f": {params['from']} to {params['to']}"]


def digest(params: dict[str, Any], open_detail: str | None) -> Message:
    """The week's figures, section by section, and a button (`open_detail`, when the platform has one) to
    the detail in Home."""
    title: list[Span] = _title(params) + ([" ", Italic(LATE)] if params["late"] else [])
    parts: list[Part] = [Paragraph([title])]
    for section in params["sections"]:
        lines: list[Text] = [Bold(section["title"])]
        lines += [["• ", f["label"], ": ", Bold(str(f["now"])), f["change"]] for f in section["figures"]]
        lines += [["   ", *_note(note)] for note in section["notes"]]
        # A section with many lines (how each kind of report was handled) is shown in pieces, never cut.
        parts.append(Paragraph(lines, splits=True))
    parts.append(Note(WHAT_IT_SAYS))
    if open_detail:
        parts.append(Buttons([Button("Open the detail in Home", open_detail, value="home")]))
    summary: list[Span] = _title(params) + ([" " + LATE] if params["late"] else [])
    return Message(summary=summary, parts=parts)


def digest_text(params: dict[str, Any]) -> str:
    """The digest as plain text, for a terminal: the same words as the message."""
    def text(line: Text) -> str:
        return "".join(TERMINAL_ICONS.get(span, "") if isinstance(span, Icon) else span if isinstance(span, str)
                       else getattr(span, "text", "") for span in spans(line))

    late = f" {LATE}" if params["late"] else ""
    lines = [text(_title(params)) + late]
    for section in params["sections"]:
        lines.append("")
        lines.append(section["title"])
        lines += [f"• {f['label']}: {f['now']}{f['change']}" for f in section["figures"]]
        lines += [f"  {text(_note(note))}" for note in section["notes"]]
    return "\n".join(lines)
