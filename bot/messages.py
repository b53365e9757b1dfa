"""Messages as data: what the workflows say, with no platform's markup, ids or types in it.

A workflow describes a message once, as a `Message` (for a post) or a `Form` (for a dialog); each platform
renders it (bot/slack/blockkit.py to Block Kit, bot/teams/cards.py to an Adaptive Card). Text is a
sequence of spans: plain strings (always escaped by the renderer, so what people typed is shown as typed
and can never ping, link or format) and a few marked spans (bold, code, a link, a person by key).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum, StrEnum

# -- text --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bold:
    text: str


@dataclass(frozen=True)
class Italic:
    text: str


@dataclass(frozen=True)
class Struck:
    """Text struck through: a task done."""

    text: str


@dataclass(frozen=True)
class Code:
    text: str


@dataclass(frozen=True)
class Preformatted:
    """Text to copy as it stands, shown in a fixed-width box (a redacted message, ready to paste)."""

    text: str


@dataclass(frozen=True)
class Link:
    url: str
    label: str


class Icon(Enum):
    """A small picture beside text; each platform draws its own (Slack's emoji, Unicode in Teams)."""

    CALENDAR = "calendar"
    WARNING = "warning"
    DANGER = "rotating_light"
    DONE = "white_check_mark"
    TO_DO = "black_square_button"
    LOCK = "lock"
    HOURGLASS = "hourglass_flowing_sand"
    KEY = "key"
    WAVE = "wave"
    SNOOZED = "zzz"
    REPLACED = "arrows_counterclockwise"
    PALM_TREE = "palm_tree"
    PHONE = "telephone_receiver"
    DEADLINE = "hourglass"
    NO_ENTRY = "no_entry"
    PERSON = "bust_in_silhouette"
    REPEAT = "repeat"
    MEMO = "memo"
    SHIELD = "shield"
    SPARKLES = "sparkles"


@dataclass(frozen=True)
class Mention:
    """A person, by their key in the organisation file; each platform shows them its own way."""

    person: str


@dataclass(frozen=True)
class ChannelMention:
    """A channel, by its key (for now, the platform's own id for it); each platform links it its own way."""

    channel: str


Span = str | Bold | Italic | Struck | Code | Preformatted | Link | Mention | ChannelMention | Icon
# A line of text: one span, or several in order.
Text = Span | Sequence[Span]


def spans(text: Text) -> tuple[Span, ...]:
    if isinstance(text, str | Bold | Italic | Struck | Code | Preformatted | Link | Mention | ChannelMention | Icon):
        return (text,)
    return tuple(text)


def commands_in(sentence: str) -> list[Span]:
    """One of the bot's own sentences with each command it names between backticks ("type `report`") as a
    `Code` span, for a platform whose text has no code span of its own to show it as one. Never for what
    a person typed."""
    pieces = sentence.split("`")
    if len(pieces) % 2 == 0:  # a backtick left open: not a command, shown as it is
        return [sentence]
    return [Code(piece) if index % 2 else piece for index, piece in enumerate(pieces) if piece]


def joined(lines: Sequence[Text]) -> list[Span]:
    """Several lines as one text, a line break between each: for a notification that says them all."""
    out: list[Span] = []
    for number, line in enumerate(lines):
        out += ["\n"] if number else []
        out += spans(line)
    return out


def plain(text: Text, name_of: dict[str, str] | None = None) -> str:
    """The text with its marks dropped: for notifications, fallbacks and logs."""
    out = []
    for span in spans(text):
        if isinstance(span, str):
            out.append(span)
        elif isinstance(span, Mention):
            out.append((name_of or {}).get(span.person, "someone"))
        elif isinstance(span, ChannelMention):
            out.append("a channel")
        elif isinstance(span, Link):
            out.append(span.label)
        elif isinstance(span, Icon):
            continue  # its space stays: stripped below when it led
        else:
            out.append(span.text)
    return "".join(out).strip()


# -- parts of a message ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Paragraph:
    lines: Sequence[Text]
    # Too long for one piece, it may be shown in several, split between lines (a long list of figures),
    # rather than cut short.
    splits: bool = False


@dataclass(frozen=True)
class Quote:
    """Text someone typed, shown as a quotation (a report's description), with `by` above it if given
    (who wrote it, and when)."""

    text: str
    by: Text = ()
    # At most this many characters of it are shown (a card that must stay short); None: as many as fit.
    longest: int | None = None


@dataclass(frozen=True)
class Facts:
    """Short labelled values, shown side by side where the platform can."""

    pairs: Sequence[tuple[str, Text]]


@dataclass(frozen=True)
class Note:
    """Small print under the message: a hint, a warning to call 999, where a message came from."""

    text: Text


@dataclass(frozen=True)
class Divider:
    pass


class ButtonStyle(StrEnum):
    DEFAULT = "default"
    PRIMARY = "primary"
    DANGER = "danger"


@dataclass(frozen=True)
class Confirm:
    title: str
    text: str
    yes: str
    no: str = "Cancel"


@dataclass(frozen=True)
class Button:
    label: str
    action: str
    value: str = ""
    style: ButtonStyle = ButtonStyle.DEFAULT
    confirm: Confirm | None = None


@dataclass(frozen=True)
class Buttons:
    buttons: Sequence[Button]
    # Names the row, so a platform can find it again (Slack's block_id).
    id: str = ""


@dataclass(frozen=True)
class Item:
    """A line with a button beside it (a checklist's task with its "Mark done")."""

    text: Text
    button: Button | None = None


Part = Heading | Paragraph | Quote | Facts | Note | Divider | Buttons | Item


@dataclass(frozen=True)
class Message:
    # What a notification or a screen reader says, and what a platform shows when it cannot render parts.
    summary: Text
    parts: Sequence[Part] = ()


# -- forms -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TextField:
    id: str
    label: str
    placeholder: str = ""
    multiline: bool = False
    max_length: int | None = None
    initial: str = ""
    optional: bool = False
    hint: str = ""


@dataclass(frozen=True)
class Choice:
    id: str
    label: str
    options: Sequence[tuple[str, str]]  # (value, label)
    # Several may be chosen (ticked in a list), or just one (picked from a menu).
    multiple: bool = False
    # Just one, with every option in view (radio buttons) rather than in a menu: for a choice of two
    # that matters, read before it is made.
    expanded: bool = False
    placeholder: str = ""
    initial: str | None = None
    optional: bool = False
    hint: str = ""


@dataclass(frozen=True)
class PersonField:
    id: str
    label: str
    placeholder: str = ""
    optional: bool = False
    hint: str = ""
    multiple: bool = False
    # People chosen already, by key.
    initial: tuple[str, ...] = ()


@dataclass(frozen=True)
class DateField:
    id: str
    label: str
    initial: date | None = None
    optional: bool = False
    hint: str = ""


@dataclass(frozen=True)
class Checkbox:
    id: str
    label: str
    text: str
    optional: bool = True
    hint: str = ""


FormField = TextField | Choice | PersonField | DateField | Checkbox


@dataclass(frozen=True)
class Form:
    """A dialog: fields to fill in and send, or (with no `submit`) something to read and close."""

    id: str
    title: str
    fields: Sequence[FormField | Part]
    submit: str = ""
    close: str = "Cancel"
    # Carried through the form untouched and handed back on submission (which report, which channel).
    state: str = ""


def inputs(form: Form) -> list[FormField]:
    """The fields of a form that take an answer (not its text and notes)."""
    return [f for f in form.fields if isinstance(f, TextField | Choice | PersonField | DateField | Checkbox)]


@dataclass(frozen=True)
class FormErrors:
    """A submission refused: a message per field id, shown beside each field."""

    errors: dict[str, str] = field(default_factory=dict)

