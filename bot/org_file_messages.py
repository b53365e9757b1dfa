"""What the admins are told about the organisation file, as data (bot/messages.py)."""

from __future__ import annotations

from typing import Any

from bot.messages import Code, Message, Paragraph, Span, joined


def org_file_broken(params: dict[str, Any]) -> Message:
    """The file was changed and the new version cannot be read: each error by line and field."""
    lines: list[list[Span]] = []
    for error in params["errors"]:
        line: list[Span] = ["• " + (f"Line {error['line']}, " if error["line"] else "")]
        if error["field"]:
            line += [Code(error["field"]), ": "]
        lines.append([*line, error["message"]])
    said = [["The organisation file has been changed, but I cannot read the new version, so I am still using the "
             "last good one. Please put right:"], *lines, ["I will tell you when it loads."]]
    # The whole list in the notification too: an admin may read it there and never open the message.
    summary = joined(said)
    return Message(summary=summary, parts=[Paragraph(said)])


def org_file_mended(params: dict[str, Any]) -> Message:
    line = "Thank you: the organisation file loads again, and I am using it now."
    return Message(summary=line, parts=[Paragraph([line])])
