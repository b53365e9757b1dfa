"""What Teams sends the bot, as typed objects: an activity's JSON is read here once, so listeners see who
did what, where, and never the wire format.

Only activities whose token has been checked are parsed (bot/teams/server.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from bot.inline_markup import InlineMarkup, MarkupSpan, Resolved

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
class InChannel:
    """Where in a team an activity was said: the channel's id (as the organisation file gives it), its
    team's, and the post it replies to (its thread's first message), if it is a reply."""

    team_id: str
    channel_id: str
    thread_id: str | None = None


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
    # For an activity from a team's channel: which one. None in a chat.
    channel: InChannel | None = None
    # Whether the message @mentions the bot (in a channel, only such a message is a command).
    mentions_bot: bool = False
    # Teams' name for a message event: editMessage, softDeleteMessage, undeleteMessage.
    event: str = ""
    # When Teams sent it, as it says (an edit of a message comes with the message's id, and a time of its own).
    sent_at: str = ""
    # For a conversationUpdate: the people added (to a team, or to a channel), by Entra object id; the
    # app itself, when it is the one added, is not among them.
    members_added: tuple[str, ...] = ()

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
    sender = _object(activity.get("from"))
    conversation = _object(activity.get("conversation"))
    channel_data = _object(activity.get("channelData"))
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
        channel=_in_channel(conversation, channel_data),
        mentions_bot=_mentions(activity, str(_object(activity.get("recipient")).get("id") or "")),
        event=str(channel_data.get("eventType") or ""),
        sent_at=str(activity.get("timestamp") or ""),
        members_added=_people_added(activity),
    )


def _people_added(activity: dict[str, Any]) -> tuple[str, ...]:
    """The Entra object ids of the people a conversationUpdate adds. The app itself has none (its id is
    the activity's recipient's), nor does anyone Teams does not say it of."""
    added = activity.get("membersAdded")
    if activity.get("type") != "conversationUpdate" or not isinstance(added, list):
        return ()
    bot_id = _object(activity.get("recipient")).get("id")
    return tuple(dict.fromkeys(str(member["aadObjectId"]) for member in map(_object, added)
                               if member.get("aadObjectId") and member.get("id") != bot_id))


def _in_channel(conversation: dict[str, Any], channel_data: dict[str, Any]) -> InChannel | None:
    if conversation.get("conversationType") != "channel":
        return None
    team = str(_object(channel_data.get("team")).get("id") or "")
    # A team's General channel has the team's id.
    channel = str(_object(channel_data.get("channel")).get("id") or team)
    if not channel:
        return None
    # A reply's conversation id names its thread: "19:...@thread.tacv2;messageid=1712345678901".
    _, _, thread = str(conversation.get("id") or "").partition(";messageid=")
    return InChannel(team_id=team, channel_id=channel, thread_id=thread or None)


def _mentions(activity: dict[str, Any], bot_id: str) -> bool:
    entities = activity.get("entities")
    if not bot_id or not isinstance(entities, list):
        return False
    return any(_object(e).get("type") == "mention" and _object(_object(e).get("mentioned")).get("id") == bot_id
               for e in entities)


def _object(value: Any) -> dict[str, Any]:
    """A JSON object an activity carries; anything else (absent, or crafted) counts as an empty one."""
    return value if isinstance(value, dict) else {}


# -- invokes -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DialogRequest:
    """A dialog asked for (task/fetch), or submitted (task/submit): which dialog, and what came with it.
    For a submission, `values` are the form's inputs by field id and `state` what the form carried."""

    dialog: str
    values: dict[str, Any]
    state: str


def dialog_request(activity: Activity) -> DialogRequest:
    data = _object(activity.value.get("data"))
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
    action = _object(activity.value.get("action"))
    data = _object(action.get("data"))
    return CardAction(verb=str(action.get("verb") or ""), value=str(data.get("value") or ""))


@dataclass(frozen=True)
class MessageActionRequest:
    """A message action chosen on a message (composeExtension/fetchTask from its "..." menu): which
    action, the message's words as plain text, as its author wrote them, and its author's Entra object
    id (empty for a message from a bot or a webhook)."""

    command: str
    text: str
    author: str = ""


def message_action_request(activity: Activity) -> MessageActionRequest:
    payload = _object(activity.value.get("messagePayload"))
    body = _object(payload.get("body"))
    # Teams names a message's author as Graph does: from.user.id is their Entra object id.
    author = _object(_object(payload.get("from")).get("user")).get("id")
    content = body.get("content")
    content = content if isinstance(content, str) else ""
    # Teams sends a message's body as HTML (contentType "html"), or now and then as plain text.
    text = html_to_text(content) if body.get("contentType", "html") == "html" else content
    return MessageActionRequest(command=str(activity.value.get("commandId") or ""), text=text.strip(),
                                author=author.lower() if isinstance(author, str) else "")


def html_to_text(content: str) -> str:
    """A Teams message's HTML as the text it shows: each paragraph, list item and broken line on a line of
    its own (Teams draws each as one), entities as the characters they stand for, a mention as the name it
    names, an emoji as itself."""
    reader = _TextOfHtml()
    reader.feed(content)
    reader.close()
    lines = (" ".join(line.split()) for line in "".join(reader.pieces).splitlines())
    return "\n".join(line for line in lines if line)


class _TextOfHtml(HTMLParser):
    # Elements that start a line of their own; a <br> is a line break.
    BLOCKS = frozenset({"p", "div", "li", "tr", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
                        "table"})
    UNSEEN = frozenset({"script", "style", "head", "title"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.UNSEEN:
            self.hidden += 1
        elif tag == "br" or tag in self.BLOCKS:
            self.pieces.append("\n")
        elif tag == "img":
            # Teams draws an emoji as an image whose alt text is the emoji itself.
            found = dict(attrs)
            if "emoji" in (found.get("itemtype") or "").lower():
                self.pieces.append(found.get("alt") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.UNSEEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self.BLOCKS:
            self.pieces.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.pieces.append(data)


# -- a message's words, for the core's readers ---------------------------------------------------------


class TeamsMarkup:
    """How Teams writes a message's `text` (bot/inline_markup.py): plain words, with each mention of a
    person (or the bot) as `<at>Their Name</at>`. A mention is not prose: the checks must not read a
    colleague's name there as a personal detail, nor the moderation rules take it for the poster's words."""

    def resolve(self, text: str, mention: str) -> Resolved:
        mentioned: list[str] = []

        def replace(match: re.Match[str]) -> str:
            mentioned.append(match.group(1))
            return f" {mention} "

        return Resolved(MENTIONED_NAME.sub(replace, text) if "<at>" in text else text, mentions=mentioned)

    def spans(self, text: str) -> list[MarkupSpan]:
        return [MarkupSpan(m.start(), m.end()) for m in MENTIONED_NAME.finditer(text)] if "<at>" in text else []

    def as_typed(self, text: str) -> str:
        return MENTIONED_NAME.sub(lambda match: match.group(1), text)


TEAMS_MARKUP: InlineMarkup = TeamsMarkup()
