"""What the away workflow tells people, as data (bot/messages.py)."""

from __future__ import annotations

from typing import Any

from bot.messages import Bold, Code, Icon, Message, Paragraph, Span, joined

BACK = "away.back"
SET_FOR_YOU = "away.set_for_you"


def back(params: dict[str, Any]) -> Message:
    """On their return: what arrived for them meanwhile, and how each was handled."""
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
        ["They are on your Home tab too."],
    ]
    return Message(summary=joined(lines), parts=[Paragraph(lines)])


def set_for_you(params: dict[str, Any]) -> Message:
    """Someone else set or ended their absence: nobody's changes behind their back."""
    line = (Icon.PALM_TREE, f" {params['by']} {params['what']} ", Code("/away"), " shows it, and ", Code("/away off"),
            " ends it.")
    return Message(summary=line, parts=[Paragraph([line])])
