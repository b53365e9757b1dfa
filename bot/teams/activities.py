"""What Teams sends the bot, as typed objects: an activity's JSON is read here once, so listeners see who
did what, where, and never the wire format.

Only activities whose token has been checked are parsed (bot/teams/server.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# A mention of the bot in a channel message arrives as text: "<at>Safety assistant</at> report".
MENTION = re.compile(r"<at>[^<]*</at>")
LEADING_MENTION = re.compile(r"^\s*<at>[^<]*</at>")
MENTIONED_NAME = re.compile(r"<at>([^<]*)</at>")


@dataclass(frozen=True)
class Sender:
    """Who sent an activity: their Entra object id (the same in every chat), and the name Teams shows."""

    object_id: str
    name: str


@dataclass(frozen=True)
class Where:
    """The conversation an activity came from: its id, and whether it is the person's 1:1 chat with the bot."""

    conversation_id: str
    personal: bool


@dataclass(frozen=True)
class Activity:
    """One authenticated activity. `kind` is Teams' type (message, invoke, installationUpdate,
    conversationUpdate); `name` an invoke's name (task/fetch, task/submit, adaptiveCard/action)."""

    id: str
    kind: str
    sender: Sender
    where: Where
    name: str = ""
    action: str = ""
    text: str = ""
    value: dict[str, Any] = field(default_factory=dict)

    @property
    def command(self) -> str:
        """A message's text as a command: mentions of the bot removed, spaces tidied ("report list")."""
        return " ".join(MENTION.sub(" ", self.text).split())

    def words_after_command(self) -> str:
        """What a message says after its command's first word, as its author wrote it: plain text (Teams
        sends a message's `text` so; a mention shows as the name it names), line breaks kept. A mention
        of the bot before the command is dropped, as in `command`."""
        text = LEADING_MENTION.sub("", self.text, count=1)
        words = MENTIONED_NAME.sub(lambda mention: mention.group(1), text).split(maxsplit=1)
        return words[1].strip() if len(words) == 2 else ""


def parse(activity: dict[str, Any]) -> Activity:
    sender = activity.get("from") or {}
    conversation = activity.get("conversation") or {}
    value = activity.get("value")
    return Activity(
        id=str(activity.get("id") or ""),
        kind=str(activity.get("type") or ""),
        sender=Sender(object_id=str(sender.get("aadObjectId") or ""), name=str(sender.get("name") or "")),
        where=Where(conversation_id=str(conversation.get("id") or ""),
                    personal=conversation.get("conversationType") == "personal"),
        name=str(activity.get("name") or ""),
        action=str(activity.get("action") or ""),
        text=str(activity.get("text") or ""),
        value=value if isinstance(value, dict) else {},
    )


# -- invokes -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DialogRequest:
    """A dialog asked for (task/fetch), or submitted (task/submit): which dialog, and what came with it.
    For a submission, `values` are the form's inputs by field id and `state` what the form carried."""

    dialog: str
    values: dict[str, Any]
    state: str


def dialog_request(activity: Activity) -> DialogRequest:
    data = activity.value.get("data")
    data = data if isinstance(data, dict) else {}
    # Opened from a card's button: the button names the dialog. Submitted: the form's own submit names it.
    dialog = str(data.get("dialog") or data.get("form") or "")
    values = {k: v for k, v in data.items() if k not in {"msteams", "dialog", "form", "state"}}
    return DialogRequest(dialog=dialog, values=values, state=str(data.get("state") or ""))


@dataclass(frozen=True)
class CardAction:
    """An Action.Execute button pressed (adaptiveCard/action): its verb, and the value it carries."""

    verb: str
    value: str


def card_action(activity: Activity) -> CardAction:
    action = activity.value.get("action")
    action = action if isinstance(action, dict) else {}
    data = action.get("data")
    data = data if isinstance(data, dict) else {}
    return CardAction(verb=str(action.get("verb") or ""), value=str(data.get("value") or ""))
