"""What the outgoing checks say, as data (bot/messages.py): a check's result for the person who asked, the
warning to someone who posted personal details in a guarded channel, and the moderators' notice of it.
Each platform renders it; the names of the notice's buttons belong to the platform and are handed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.checks.cli import KIND_LABELS
from bot.checks.findings import CheckResult, Kind
from bot.messages import (
    Bold,
    Button,
    Buttons,
    ButtonStyle,
    ChannelMention,
    Icon,
    Italic,
    Mention,
    Message,
    Note,
    Paragraph,
    Part,
    Preformatted,
    Span,
)

# How much of a finding's text is quoted back: enough to spot it.
QUOTED_FINDING_MAX = 80
OUTCOME_WORDS = {"removed": "Removed", "fine": "Marked as fine", "fixed": "Fixed by its poster",
                 "already_removed": "Already removed"}


@dataclass(frozen=True)
class NoticeActions:
    """What the platform calls the notice's buttons, so each press comes back to it."""

    remove: str
    fine: str


def _redacted(text: str) -> Span:
    return Preformatted(text) if text.strip() else Italic("(nothing left)")


def _heading(result: CheckResult) -> list[Span]:
    count = len(result.findings)
    return [Icon.WARNING, f" I found {count} thing{'s' if count != 1 else ''} to change before this goes out:"]


def check_result(result: CheckResult) -> Message:
    """/check and "Check before sending": what was found, and the text with it taken out."""
    if not result.findings:
        line = [Icon.DONE, " I found no personal details or passwords. Good to go."]
        return Message(summary=line, parts=[Paragraph([line])])
    found: list[list[Span]] = []
    for finding in result.findings:
        shown = "(hidden)" if finding.kind == Kind.SECRET else f"“{finding.text[:QUOTED_FINDING_MAX]}”"
        found.append(["• ", Bold(KIND_LABELS[Kind(finding.kind)]), f" {shown}: {finding.message}"])
    heading = _heading(result)
    return Message(summary=heading, parts=[
        Paragraph([heading, *found]),
        Paragraph([Bold("Ready to copy, with them taken out:"), _redacted(result.redacted)]),
    ])


def guarded_warning(result: CheckResult, channel: str) -> Message:
    """To the poster alone, in a guarded channel: the check's result, and that the moderators know."""
    checked = check_result(result)
    intro = ["Your message in ", ChannelMention(channel), " may share personal details. The moderators have been told."]
    return Message(summary=["Your message in this channel may share personal details. ", *checked.summary],
                   parts=[Paragraph([intro]), *checked.parts])


def guarded_notice(params: dict[str, Any], actions: NoticeActions) -> Message:
    """The moderators' notice (bot/outgoing/guarded.py `tell_moderators`): who, where, what, and what to do."""
    kinds = ", ".join(KIND_LABELS[Kind(k)].lower() for k in params["kinds"])
    parts: list[Part] = [Paragraph([
        [Bold("Possible personal details"), f" ({kinds}) from ", Mention(params["user"]), " in ",
         ChannelMention(params["channel"]), "."],
        ["Redacted:"],
        [_redacted(params["redacted"])],
    ])]
    if params["state"] == "open":
        if params.get("error"):
            parts.append(Note((Icon.WARNING, f" Slack would not delete it ({params['error']}). Remove it by hand: "
                                             "hover over the message, choose ⋮, then Delete.")))
        value = str(params["notice_id"])
        parts.append(Buttons([Button("Remove message", actions.remove, value, ButtonStyle.DANGER),
                              Button("It's fine", actions.fine, value)]))
    else:
        by: list[Span] = [" by ", Mention(params["decided_by"])] if params.get("decided_by") else []
        parts.append(Note([Bold(OUTCOME_WORDS.get(params["state"], params["state"])), *by, "."]))
    return Message(summary=["Possible personal details from a message in ", ChannelMention(params["channel"])],
                   parts=parts)
