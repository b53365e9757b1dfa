"""Messages as data (bot/messages.py) rendered as Adaptive Cards (schema 1.5, what Teams renders).

Cards are built from the Teams SDK's own card models (microsoft-teams-cards), which check every property's
type and allowed values as the card is made, and serialised by them. Text goes into TextBlocks and Facts
in the markdown subset Teams supports there (**bold**, _italic_, [label](url)); plain text is escaped here,
always, so nothing a person typed can format, link or mention anyone:

- markdown's characters are escaped with a backslash, and a line cannot start a list or a heading;
- `<` is followed by an invisible word joiner, so typed text can never read `<at>Name</at>`, which is how
  Teams marks a mention (a mention is `<at>Name</at>` in the text *and* an entity in `msteams.entities`).

What Adaptive Cards 1.5 cannot show is drawn another way: struck-through text with a combining stroke,
code (a command to type) as its words in quotes, a divider as a separator line above the next element, a quotation as an
emphasised container, and a button's confirmation as a hidden panel the button opens, with the question
and the real "yes" (the Execute action) and "no" (which closes the panel) buttons in it.

Teams refuses a message of more than about 28 KB: long text is cut visibly, as the Block Kit renderer
cuts it, and then the longest texts are cut further until the whole card fits.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from microsoft_teams.cards import (
    ActionSet,
    AdaptiveCard,
    ChoiceSetInput,
    Column,
    ColumnSet,
    Container,
    DateInput,
    ExecuteAction,
    Fact,
    FactSet,
    MentionedEntity,
    QueryData,
    SubmitAction,
    TeamsCardProperties,
    TextBlock,
    TextInput,
    ToggleInput,
    ToggleVisibilityAction,
)
from microsoft_teams.cards import (
    Choice as CardChoice,
)
from microsoft_teams.cards import (
    Mention as CardMention,
)

from bot.commands import as_typed_in_chat
from bot.messages import (
    Bold,
    Button,
    Buttons,
    ButtonStyle,
    ChannelMention,
    Checkbox,
    Choice,
    Code,
    DateField,
    Divider,
    Facts,
    Form,
    FormErrors,
    FormField,
    Heading,
    Icon,
    Italic,
    Item,
    Link,
    Mention,
    Message,
    Note,
    Paragraph,
    Part,
    PersonField,
    Preformatted,
    Quote,
    Struck,
    Text,
    TextField,
    plain,
    spans,
)

ADAPTIVE_CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"
CARD_VERSION = "1.5"
# Teams refuses a message of more than about 28 KB. The card gets this much of it (JSON, UTF-8); the rest
# is for the activity around it and its plain-text summary.
CARD_BYTES_MAX = 24_000
# Each text is cut to these first, as Slack's sections are: a message should be read, not scrolled.
TEXT_MAX = 3000
QUOTE_MAX = 2500
QUOTE_BY_MAX = 400
HEADING_MAX = 150
BUTTON_TEXT_MAX = 75
OPTION_TEXT_MAX = 75
SUMMARY_MAX = 1000
# Shown where text was cut to fit.
CUT_MARK = "…"
# The value of a ticked checkbox, as a form's submission reads it back (the same as in Slack's forms).
CHECKED = "yes"
# Teams' people picker: a choice set filled by a search of the organisation's directory.
PEOPLE_DATASET = "graph.microsoft.com/users"

ICONS: dict[Icon, str] = {
    Icon.CALENDAR: "📅", Icon.WARNING: "⚠️", Icon.DANGER: "🚨", Icon.DONE: "✅", Icon.TO_DO: "🔲",
    Icon.LOCK: "🔒", Icon.HOURGLASS: "⏳", Icon.KEY: "🔑", Icon.WAVE: "👋", Icon.SNOOZED: "💤",
    Icon.REPLACED: "🔄", Icon.PALM_TREE: "🌴", Icon.PHONE: "📞", Icon.DEADLINE: "⌛", Icon.NO_ENTRY: "⛔",
    Icon.PERSON: "👤", Icon.REPEAT: "🔁", Icon.MEMO: "📝", Icon.SHIELD: "🛡️", Icon.SPARKLES: "✨",
}
BUTTON_STYLES = {ButtonStyle.PRIMARY: "positive", ButtonStyle.DANGER: "destructive"}

# Markdown's characters in Teams' TextBlocks, escaped with a backslash wherever they appear in plain text.
_MARKDOWN = re.compile(r"([\\*_\[\]()~`#>|!])")
# A line that would start a list ("- ", "+ ", "1. ") gets its marker escaped too.
_BULLET_START = re.compile(r"^(\s*)([-+])(?=\s)", re.MULTILINE)
# A numbered one ("1. ") gets the point after its number escaped: a digit cannot be ("2) " is, as ")" is).
_NUMBER_START = re.compile(r"^(\s*\d+)(\.)(?=\s)", re.MULTILINE)
# A button whose action starts with this opens the dialog it names ("dialog:report.file") instead of being
# sent to the bot: an Action.Execute cannot open a dialog, an Action.Submit marked task/fetch does.
OPENS_DIALOG = "dialog:"
WORD_JOINER = "\u2060"
STROKE = "\u0336"
# A code span (a command to type) is shown between these: a TextBlock has no code span.
OPEN_QUOTE, CLOSE_QUOTE = "“", "”"


def escape(text: str) -> str:
    """Plain text for a TextBlock or a Fact: shown as typed, never formatting, linking or mentioning."""
    escaped = _MARKDOWN.sub(r"\\\1", text)
    escaped = _BULLET_START.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)
    escaped = _NUMBER_START.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)
    return escaped.replace("<", "<" + WORD_JOINER)


def _mention_name(name: str) -> str:
    """A person's name inside `<at>...</at>`: it must match the entity's text exactly, so it is kept to
    what cannot close the tag or be read as markdown."""
    cleaned = re.sub(r"[<>\\*_\[\]()~`#|!]", "", name).strip()
    return cleaned or "someone"


def cut(text: str, limit: int) -> str:
    """Rendered text cut to `limit` characters with a visible mark, never through an escape, a mention,
    a link or a bold or italic run (a cut through those would show their markup)."""
    if len(text) <= limit:
        return text
    keep = limit - len(CUT_MARK)
    safe = 0  # the last place at or before `keep` where nothing is open
    for end, balanced in _boundaries(text):
        if end > keep:
            break
        if balanced:
            safe = end
    return text[:safe].rstrip() + CUT_MARK


def _boundaries(text: str) -> Iterator[tuple[int, bool]]:
    """Each position after a token of rendered text, and whether no markup is open there."""
    bold = italic = False
    link = 0  # 1 inside a link's [label]
    i = 0
    while i < len(text):
        if text.startswith("<at>", i):
            end = text.find("</at>", i)
            i = len(text) if end < 0 else end + len("</at>")
        elif text[i] == "\\":
            i += 2
        elif text.startswith("**", i):
            bold = not bold
            i += 2
        elif text[i] == "_":
            italic = not italic
            i += 1
        elif text[i] == "[" and link == 0:
            link, i = 1, i + 1
        elif text.startswith("](", i) and link == 1:
            # The address runs to the next ")" (those in it are encoded): its "_" and "*" are not marks.
            end = text.find(")", i + 2)
            link, i = 0, len(text) if end < 0 else end + 1
        elif text[i] == "<" and text.startswith(WORD_JOINER, i + 1):
            i += 2
        else:
            i += 1
        yield min(i, len(text)), not (bold or italic or link)


@dataclass(frozen=True)
class TeamsRendered:
    """A message for Teams: the card, and the plain text a notification or a screen reader says."""

    text: str
    card: dict[str, Any]

    def attachment(self) -> dict[str, Any]:
        return {"contentType": ADAPTIVE_CARD_CONTENT_TYPE, "content": self.card}


@dataclass(frozen=True)
class Dialog:
    """A form as Teams shows it: a dialog's title (outside the card) and the card in it."""

    title: str
    card: dict[str, Any]


@dataclass
class _Card:
    """What one card being built has collected: its mentions (one entity per person) and its texts, so
    they can be cut further if the card is too big."""

    mentions: dict[str, CardMention] = field(default_factory=dict)
    texts: list[Any] = field(default_factory=list)
    confirmations: int = 0


class AdaptiveCards:
    """Renders for one organisation: `teams_user_of` gives a person's Teams (Entra) object id from their
    key (None if they have none: then their name is shown, as text, from `name_of`); `channel_name_of` a
    channel's name from its key (None for one the organisation file does not name)."""

    def __init__(self, teams_user_of: Callable[[str], str | None] = lambda key: None,
                 name_of: Callable[[str], str] = lambda key: "someone",
                 channel_name_of: Callable[[str], str | None] = lambda key: None) -> None:
        self.teams_user_of = teams_user_of
        self.name_of = name_of
        self.channel_name_of = channel_name_of

    # -- text ----------------------------------------------------------------------------------------

    def markdown(self, text: Text, card: _Card) -> str:
        out = []
        for span in spans(text):
            if isinstance(span, Icon):
                out.append(ICONS[span])
            elif isinstance(span, str):
                out.append(escape(span))
            elif isinstance(span, Bold):
                out.append(_marked("**", span.text))
            elif isinstance(span, Italic):
                out.append(_marked("_", span.text))
            elif isinstance(span, Struck):
                out.append(escape("".join(c + STROKE if not c.isspace() else c for c in span.text)))
            elif isinstance(span, Code):
                # A command as typed in Teams, with no slash (bot/commands.py `as_typed_in_chat`), in quotes:
                # a TextBlock's markdown has no code span, and backticks would show as they are.
                out.append(f"{OPEN_QUOTE}{escape(as_typed_in_chat(span.text))}{CLOSE_QUOTE}")
            elif isinstance(span, Preformatted):
                # A TextBlock has no code block: the text as typed, each of its lines kept.
                out.append("\n\n".join(escape(line) for line in span.text.splitlines()))
            elif isinstance(span, Link):
                out.append(f"[{escape(span.label)}]({_url(span.url)})")
            elif isinstance(span, Mention):
                out.append(self._mention(span.person, card))
            elif isinstance(span, ChannelMention):
                out.append(escape(self._channel(span.channel)))
        return "".join(out)

    def _channel(self, channel: str) -> str:
        name = self.channel_name_of(channel)
        return f"#{name}" if name else "a channel"

    def _mention(self, person: str, card: _Card) -> str:
        name = self.name_of(person)
        object_id = self.teams_user_of(person)
        if not object_id:
            return escape(name)
        tag = f"<at>{_mention_name(name)}</at>"
        card.mentions.setdefault(object_id, CardMention(
            text=tag, mentioned=MentionedEntity(id=object_id, name=name)))
        return card.mentions[object_id].text or tag

    def plain_text(self, text: Text) -> str:
        """The text with its marks dropped, for the notification and a screen reader: not markdown."""
        names = {s.person: self.name_of(s.person) for s in spans(text) if isinstance(s, Mention)}
        said = plain([self._channel(s.channel) if isinstance(s, ChannelMention)
                      else f"{OPEN_QUOTE}{as_typed_in_chat(s.text)}{CLOSE_QUOTE}" if isinstance(s, Code) else s
                      for s in spans(text)], names)
        return said if len(said) <= SUMMARY_MAX else said[: SUMMARY_MAX - 1] + CUT_MARK

    # -- messages ------------------------------------------------------------------------------------

    def message(self, message: Message) -> TeamsRendered:
        card = _Card()
        body = self._body(message.parts, card)
        return TeamsRendered(text=self.plain_text(message.summary), card=self._finish(body, [], card))

    def _body(self, parts: Sequence[Part | FormField], card: _Card,
              errors: FormErrors | None = None) -> list[Any]:
        body: list[Any] = []
        separate = False
        for part in parts:
            if isinstance(part, Divider):
                separate = True
                continue
            if isinstance(part, TextField | Choice | PersonField | DateField | Checkbox):
                elements = self._input(part, card, errors)
            else:
                elements = self._part(part, card)
            if separate and elements:
                elements[0].separator = True
                separate = False
            body += elements
        return body

    def _text(self, text: str, card: _Card, limit: int = TEXT_MAX, **style: Any) -> TextBlock:
        block = TextBlock(text=cut(text, limit), wrap=True, **style)
        card.texts.append(block)
        return block

    def _part(self, part: Part, card: _Card) -> list[Any]:
        if isinstance(part, Heading):
            return [self._text(escape(part.text), card, HEADING_MAX, size="Large", weight="Bolder", style="heading")]
        if isinstance(part, Paragraph):
            # A line break in a TextBlock needs a blank line in Teams' markdown.
            return [self._text("\n\n".join(self.markdown(line, card) for line in part.lines), card)]
        if isinstance(part, Quote):
            items = []
            if spans(part.by):
                items.append(self._text(self.markdown(part.by, card), card, QUOTE_BY_MAX, size="Small", is_subtle=True))
            items.append(self._text("\n\n".join(escape(line) for line in part.text.splitlines() or [""]), card,
                                    QUOTE_MAX))
            return [Container(style="emphasis", items=items)]
        if isinstance(part, Facts):
            facts = [Fact(title=cut(escape(title), TEXT_MAX), value=cut(self.markdown(value, card), TEXT_MAX))
                     for title, value in part.pairs]
            card.texts += facts
            return [FactSet(facts=facts)] if facts else []
        if isinstance(part, Note):
            return [self._text(self.markdown(part.text, card), card, size="Small", is_subtle=True)]
        if isinstance(part, Buttons):
            actions, panels = self._buttons(part.buttons, card)
            return [ActionSet(id=part.id or None, actions=actions), *panels] if actions else []
        if isinstance(part, Item):
            text = self._text(self.markdown(part.text, card), card)
            if part.button is None:
                return [text]
            actions, panels = self._buttons([part.button], card)
            row = ColumnSet(columns=[Column(width="stretch", items=[text]),
                                     Column(width="auto", items=[ActionSet(actions=actions)])])
            return [row, *panels]
        raise TypeError(f"no Adaptive Card for {type(part).__name__}")

    def _buttons(self, buttons: Sequence[Button], card: _Card) -> tuple[list[Any], list[Any]]:
        """The actions for a row of buttons, and a hidden panel for each that asks to confirm."""
        actions: list[Any] = []
        panels: list[Any] = []
        for button in buttons:
            if button.action.startswith(OPENS_DIALOG):
                actions.append(SubmitAction(
                    title=_clip(button.label, BUTTON_TEXT_MAX), style=BUTTON_STYLES.get(button.style),
                    data={"msteams": {"type": "task/fetch"}, "dialog": button.action.removeprefix(OPENS_DIALOG),
                          "value": button.value}))
                continue
            execute = ExecuteAction(title=_clip(button.label, BUTTON_TEXT_MAX), verb=button.action,
                                    data={"value": button.value}, style=BUTTON_STYLES.get(button.style))
            if button.confirm is None:
                actions.append(execute)
                continue
            # Adaptive Cards 1.5 has no confirmation dialog: the button opens a panel below the row that
            # asks the question, with the real action as its "yes" and a "no" that closes it again.
            card.confirmations += 1
            panel_id = f"confirm-{card.confirmations}"
            confirm = button.confirm
            execute.title = _clip(confirm.yes, BUTTON_TEXT_MAX)
            actions.append(ToggleVisibilityAction(title=_clip(button.label, BUTTON_TEXT_MAX),
                                                  target_elements=[panel_id], style=BUTTON_STYLES.get(button.style)))
            panels.append(Container(id=panel_id, is_visible=False, style="warning", items=[
                self._text(escape(confirm.title), card, HEADING_MAX, weight="Bolder"),
                self._text(escape(confirm.text), card),
                ActionSet(actions=[execute, ToggleVisibilityAction(title=_clip(confirm.no, BUTTON_TEXT_MAX),
                                                                   target_elements=[panel_id])]),
            ]))
        return actions, panels

    # -- forms ---------------------------------------------------------------------------------------

    def dialog(self, form: Form, errors: FormErrors | None = None) -> Dialog:
        """A form as a dialog's card (for task/fetch, or task/submit's "continue" with `errors` shown
        beside their fields). The submit button sends the form's id and state back with the values."""
        card = _Card()
        body = self._body(form.fields, card, errors)
        actions: list[Any] = []
        if form.submit:
            actions.append(SubmitAction(title=_clip(form.submit, BUTTON_TEXT_MAX), style="positive",
                                        data={"form": form.id, "state": form.state}))
        return Dialog(title=form.title, card=self._finish(body, actions, card))

    def _input(self, field_: FormField, card: _Card, errors: FormErrors | None) -> list[Any]:
        required = not field_.optional
        element: Any
        if isinstance(field_, TextField):
            initial = field_.initial[: field_.max_length] if field_.max_length else field_.initial
            element = TextInput(id=field_.id, label=field_.label, is_multiline=field_.multiline,
                                placeholder=field_.placeholder or None, max_length=field_.max_length,
                                value=initial or None, is_required=required)
        elif isinstance(field_, Choice):
            element = ChoiceSetInput(
                id=field_.id, label=field_.label, is_required=required,
                choices=[CardChoice(title=_clip(label, OPTION_TEXT_MAX), value=value) for value, label in field_.options],
                is_multi_select=field_.multiple or None,
                style="expanded" if field_.multiple or field_.expanded else "compact",
                placeholder=field_.placeholder or None,
                value=field_.initial if field_.initial in {v for v, _ in field_.options} else None)
        elif isinstance(field_, PersonField):
            chosen = [object_id for key in field_.initial if (object_id := self.teams_user_of(key))]
            # Those chosen already are given as choices too: Teams shows their names from them.
            named = [CardChoice(title=_clip(self.name_of(key), OPTION_TEXT_MAX), value=object_id)
                     for key in field_.initial if (object_id := self.teams_user_of(key))]
            element = ChoiceSetInput(
                id=field_.id, label=field_.label, is_required=required, choices=named,
                choices_data=QueryData(dataset=PEOPLE_DATASET), is_multi_select=field_.multiple or None,
                placeholder=field_.placeholder or None, value=",".join(chosen) or None)
        elif isinstance(field_, DateField):
            element = DateInput(id=field_.id, label=field_.label, is_required=required,
                                value=field_.initial.isoformat() if field_.initial else None)
        else:
            element = ToggleInput(id=field_.id, label=field_.label, title=field_.text, is_required=required,
                                  value_on=CHECKED, value_off="", wrap=True)
        out = [element]
        if field_.hint:
            out.append(self._text(escape(field_.hint), card, size="Small", is_subtle=True, spacing="None"))
        problem = (errors.errors if errors else {}).get(field_.id)
        if problem:
            out.append(self._text(escape(problem), card, color="Attention", spacing="None"))
        return out

    # -- the card ------------------------------------------------------------------------------------

    def _finish(self, body: list[Any], actions: list[Any], card: _Card) -> dict[str, Any]:
        adaptive = AdaptiveCard(
            version=CARD_VERSION, body=body, actions=actions or None,
            msteams=TeamsCardProperties(width="full", entities=list(card.mentions.values()) or None),
        )
        dumped = _dump(adaptive)
        # Too big for Teams: cut the longest texts by half until it fits (a card of many short texts
        # cannot be this big: every part of the model is bounded but the text in it).
        while len(json.dumps(dumped).encode()) > CARD_BYTES_MAX:
            longest = max(card.texts, key=_text_length, default=None)
            if longest is None or _text_length(longest) <= 2 * len(CUT_MARK):
                raise ValueError("the card is too big for Teams even with its text cut")
            _shorten(longest)
            dumped = _dump(adaptive)
        return dumped


def _dump(card: AdaptiveCard) -> dict[str, Any]:
    dumped: dict[str, Any] = card.model_dump(exclude_none=True, by_alias=True)
    dumped.pop("schema", None)
    return dumped


def _text_length(element: Any) -> int:
    return len(element.value or "") if isinstance(element, Fact) else len(element.text or "")


def _shorten(element: Any) -> None:
    if isinstance(element, Fact):
        element.value = cut(element.value or "", max(len(element.value or "") // 2, len(CUT_MARK) + 1))
    else:
        element.text = cut(element.text or "", max(len(element.text or "") // 2, len(CUT_MARK) + 1))


def _marked(mark: str, text: str) -> str:
    """Text between markdown marks, its spaces kept outside them: `** bold**` would not be bold."""
    core = text.strip()
    if not core:
        return escape(text)
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    return f"{escape(lead)}{mark}{escape(core)}{mark}{escape(trail)}"


def _clip(text: str, limit: int) -> str:
    """Plain text (a button's or an option's label: never markdown) cut to `limit`, visibly."""
    return text if len(text) <= limit else text[: limit - 1] + CUT_MARK


def _url(url: str) -> str:
    """A link's address inside markdown's (...): spaces and brackets would end it early."""
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")

