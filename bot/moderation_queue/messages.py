"""What the moderation queue says, as data (bot/messages.py): the card on the moderators' queue, the
poster's reminder and the group agreement; each platform renders it.

The builders take the outbox params the workflow wrote (workflow.py `refresh_card` and `record_decision`).
The names of the card's buttons belong to the platform (for Slack, handlers/slack/moderation/ids.py) and are
handed in, as are the addresses that open the flagged message or its channel.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.messages import (
    Bold,
    Button,
    Buttons,
    ButtonStyle,
    ChannelMention,
    Icon,
    Link,
    Mention,
    Message,
    Note,
    Paragraph,
    Part,
    Quote,
    Span,
    commands_in,
)

RULE_LABELS = {"abuse": "Abuse", "threat": "Threat or defamation", "solicitation": "Solicitation",
               "illegal": "Illegal activity", "repetition": "Repetition", "off_topic": "Off-topic"}
STATE_WORDS = {"deleted": "Deleted", "kept": "Kept (false alarm)", "warned": "Kept, poster warned",
               "already_removed": "Already removed"}
# The card quotes the flagged message this far, so the buttons stay in view.
QUOTED_TEXT_MAX = 2000
BY_HAND = ("To remove it by hand: open the message, choose ⋮ (More actions), then Delete message. "
           "Then press Delete here to record it.")


@dataclass(frozen=True)
class CardActions:
    """What the platform calls the card's buttons, so each press comes back to it."""

    delete: str
    keep: str
    warn: str


def card(params: dict[str, Any], actions: CardActions, message_url: str | None, channel_url: str | None,
         by_hand: str = BY_HAND) -> Message:
    """A flagged post, for the moderators: who, where, which rules, and (while open) what to do about it.
    `message_url` opens the post itself; without one, `channel_url` opens its channel (with neither, the
    channel is named alone). `by_hand` says how to remove the post where the bot cannot."""
    head: list[Span] = [Mention(params["user"]), " in ", ChannelMention(params["channel"])]
    if message_url or channel_url:
        opener = Link(message_url, "open the message") if message_url else Link(str(channel_url), "open the channel")
        head += [" (", opener, ")"]
    rules: list[list[Span]] = [["• ", Bold(RULE_LABELS.get(f["rule"], f["rule"])), ": " + f["reason"],
                                *([" First posted by ", Mention(f["first_posted_by"]), "."] if f.get("first_posted_by") else [])]
                               for f in params["findings"]]
    parts: list[Part] = [Paragraph([Bold("A post may break the group's rules"), head, *rules])]
    if params.get("text"):
        parts.append(Quote(params["text"], longest=QUOTED_TEXT_MAX))
    if params.get("earlier_this_month"):
        n = params["earlier_this_month"]
        parts.append(Note((Icon.REPEAT, f" {n} earlier breach{'es' if n != 1 else ''} by this person in the last month.")))
    if params["state"] == "open":
        if params.get("error"):
            parts.append(Note((Icon.WARNING, f" Slack would not delete it ({params['error']}).")))
        if not params.get("can_delete") or params.get("error"):
            parts.append(Note(by_hand))
        value = str(params["case_id"])
        parts.append(Buttons([Button("Delete", actions.delete, value, ButtonStyle.DANGER),
                              Button("Keep", actions.keep, value), Button("Warn poster", actions.warn, value)]))
    else:
        by: list[Span] = [" by ", Mention(params["decided_by"])] if params.get("decided_by") else []
        parts.append(Note([Bold(STATE_WORDS.get(params["state"], params["state"])), *by, "."]))
    return Message(summary=["A post in ", ChannelMention(params["channel"]), " may break the group's rules"],
                   parts=parts)


def warning(params: dict[str, Any]) -> Message:
    """The poster's kind, private reminder of the group agreement."""
    rules = ", ".join(RULE_LABELS.get(r, r).lower() for r in params["rules"])
    line = ["Hello. A moderator noticed that one of your posts in ", ChannelMention(params["channel"]),
            f" didn't fit the group agreement ({rules}). No harm meant, we're sure: please keep the channel "
            "friendly and on topic. You can read the agreement pinned in the channel, and if anything there "
            "worries you, tell a moderator."]
    return Message(summary=line, parts=[Paragraph([line])])


def agreement(paragraphs: list[str]) -> Message:
    """The group agreement (workflow.py `group_agreement`), a paragraph a part; a command in backticks is code."""
    return Message(summary=paragraphs[0], parts=[Paragraph([commands_in(p)]) for p in paragraphs])
