"""What the away workflow tells people, as data (bot/messages.py)."""

from __future__ import annotations

from typing import Any

from bot.messages import Bold, Code, Icon, Message, Paragraph, Span, Text, joined, spans

BACK = "away.back"
SET_FOR_YOU = "away.set_for_you"


ON_HOME = "They are on your Home tab too."


def back(params: dict[str, Any], on_home: Text = ON_HOME) -> Message:
    """On their return: what arrived for them meanwhile, and how each was handled; `on_home` says where
    else they are listed (a platform without a Home tab says how to see it)."""
    reports = params.get("reports") or []
    if not reports:
        line = (Icon.WAVE, " Welcome back. Nothing that would have come to you arrived while you were away "
                f"(until {params['until']}).")
        return Message(summary=line, parts=[Paragraph([line])])
    count = f"{len(reports)} report{'s' if len(reports) != 1 else ''}"
    lines: list[list[Span]] = [
        [Icon.WAVE, f" Welcome back. While you were away (until {params['until']}), {count} that would have come "
                    "to you went to the next person on the chain:"],
        *(["• ", Bold(r["reference"]), f" ({r['kind_label'].lower()}, {r['filed']}): {r['status_line']}"]
          for r in reports),
        list(spans(on_home)),
    ]
    return Message(summary=joined(lines), parts=[Paragraph(lines)])


def set_for_you(params: dict[str, Any], command: str = "/away") -> Message:
    """Someone else set or ended their absence: nobody's changes behind their back. `command` is how the
    person types the away command where they read this."""
    line = (Icon.PALM_TREE, f" {params['by']} {params['what']} ", Code(command), " shows it, and ",
            Code(f"{command} off"), " ends it.")
    return Message(summary=line, parts=[Paragraph([line])])
