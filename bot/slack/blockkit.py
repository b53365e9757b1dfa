"""Messages as data (bot/messages.py) rendered as Slack's Block Kit.

Plain text is escaped here, always, so nothing a person typed can mention, link or format; marked spans
become mrkdwn. Text is cut to Block Kit's limits (../shared/slack/block_kit/limits.json) visibly, never
through an escape.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

from bot.messages import (
    Bold,
    Button,
    Buttons,
    ButtonStyle,
    ChannelMention,
    Checkbox,
    Choice,
    Code,
    Confirm,
    DateField,
    Divider,
    Facts,
    Form,
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
    spans,
)
from bot.slack import people
from bot.slack.delivery import Rendered
from bot.slack.mrkdwn import cut, escape, quote

SECTION_TEXT_MAX = 3000
FIELD_TEXT_MAX = 2000
FIELDS_PER_SECTION = 10
HEADER_TEXT_MAX = 150
BUTTON_TEXT_MAX = 75
OPTION_TEXT_MAX = 75
MODAL_TITLE_MAX = 24
# A preformatted box's text, so that its closing fence stays within the section it is in.
PREFORMATTED_MAX = 2800
# A paragraph shown in pieces fills each to a little under a section's limit.
SPLIT_SECTION_MAX = SECTION_TEXT_MAX - 10
FENCE, THREE_QUOTES = "```", "'''"
# The line above a quote: with the quote (cut to 2,500 by quote()) it stays within a section's 3,000.
QUOTE_BY_MAX = 400


class BlockKit:
    """Renders for one workspace: `slack_user_of` gives a person's Slack id from their key (None if they
    have none, and then `name_of` gives the name shown instead of a mention); `slack_channel_of` likewise
    gives a channel's Slack id (None if it has none: then it is "a channel")."""

    def __init__(self, slack_user_of: Callable[[str], str | None] = lambda key: None,
                 name_of: Callable[[str], str] = lambda key: "someone",
                 slack_channel_of: Callable[[str], str | None] = lambda key: None) -> None:
        self.slack_user_of = slack_user_of
        self.name_of = name_of
        self.slack_channel_of = slack_channel_of

    # -- text ----------------------------------------------------------------------------------------

    def mrkdwn(self, text: Text) -> str:
        out = []
        for span in spans(text):
            if isinstance(span, Icon):
                out.append(f":{span.value}:")
            elif isinstance(span, str):
                out.append(escape(span))
            elif isinstance(span, Bold):
                out.append(f"*{escape(span.text)}*")
            elif isinstance(span, Italic):
                out.append(f"_{escape(span.text)}_")
            elif isinstance(span, Struck):
                out.append(f"~{escape(span.text)}~")
            elif isinstance(span, Code):
                out.append(f"`{escape(span.text)}`")
            elif isinstance(span, Preformatted):
                # A fence inside would close the box early.
                fenced = cut(escape(span.text).replace(FENCE, THREE_QUOTES), PREFORMATTED_MAX)
                out.append(f"{FENCE}{fenced}{FENCE}")
            elif isinstance(span, Link):
                out.append(f"<{span.url}|{escape(span.label)}>")
            elif isinstance(span, Mention):
                slack_id = self.slack_user_of(span.person)
                out.append(f"<@{slack_id}>" if slack_id else escape(self.name_of(span.person)))
            elif isinstance(span, ChannelMention):
                channel_id = self.slack_channel_of(span.channel)
                out.append(f"<#{channel_id}>" if channel_id else "a channel")
        return "".join(out)

    # -- messages ------------------------------------------------------------------------------------

    def message(self, message: Message) -> Rendered:
        return Rendered(text=self.mrkdwn(message.summary), blocks=self.blocks(message.parts))

    def blocks(self, parts: Sequence[Part]) -> list[dict[str, Any]]:
        blocks: list[dict[str, Any]] = []
        for part in parts:
            blocks += self._part(part)
        return blocks

    def _part(self, part: Part) -> list[dict[str, Any]]:
        if isinstance(part, Heading):
            return [{"type": "header", "text": _plain(_clip(part.text, HEADER_TEXT_MAX))}]
        if isinstance(part, Paragraph) and part.splits:
            return [_section(chunk) for chunk in _between_lines([self.mrkdwn(line) for line in part.lines])]
        if isinstance(part, Paragraph):
            return [_section(cut("\n".join(self.mrkdwn(line) for line in part.lines), SECTION_TEXT_MAX))]
        if isinstance(part, Quote):
            by = spans(part.by)
            lead = f"{cut(self.mrkdwn(by), QUOTE_BY_MAX)}\n" if by else ""
            quoted = quote(part.text, part.longest) if part.longest else quote(part.text)
            return [_section(lead + quoted)]
        if isinstance(part, Facts):
            fields = [{"type": "mrkdwn", "text": cut(f"*{escape(title)}*\n{self.mrkdwn(value)}", FIELD_TEXT_MAX)}
                      for title, value in part.pairs]
            return [{"type": "section", "fields": fields[i:i + FIELDS_PER_SECTION]}
                    for i in range(0, len(fields), FIELDS_PER_SECTION)]
        if isinstance(part, Note):
            return [{"type": "context", "elements": [{"type": "mrkdwn", "text": cut(self.mrkdwn(part.text), SECTION_TEXT_MAX)}]}]
        if isinstance(part, Divider):
            return [{"type": "divider"}]
        if isinstance(part, Buttons):
            block: dict[str, Any] = {"type": "actions", "elements": [self._button(b) for b in part.buttons]}
            if part.id:
                block["block_id"] = part.id
            return [block]
        if isinstance(part, Item):
            section = _section(cut(self.mrkdwn(part.text), SECTION_TEXT_MAX))
            if part.button:
                section["accessory"] = self._button(part.button)
            return [section]
        raise TypeError(f"no Block Kit for {type(part).__name__}")

    def _button(self, button: Button) -> dict[str, Any]:
        element: dict[str, Any] = {"type": "button", "text": _plain(_clip(button.label, BUTTON_TEXT_MAX)),
                                   "action_id": button.action}
        if button.value:
            element["value"] = button.value
        if button.style is not ButtonStyle.DEFAULT:
            element["style"] = button.style.value
        if button.confirm:
            element["confirm"] = _confirm(button.confirm)
        return element

    # -- forms ---------------------------------------------------------------------------------------

    def modal(self, form: Form) -> dict[str, Any]:
        blocks = []
        for item in form.fields:
            if isinstance(item, TextField | Choice | PersonField | DateField | Checkbox):
                blocks.append(self._input(item))
            else:
                blocks += self._part(item)  # type: ignore[arg-type]
        view: dict[str, Any] = {"type": "modal", "title": _plain(form.title[:MODAL_TITLE_MAX]),
                                "close": _plain(form.close), "blocks": blocks}
        if form.id:
            view["callback_id"] = form.id
        if form.submit:
            view["submit"] = _plain(form.submit)
        if form.state:
            view["private_metadata"] = form.state
        return view

    def _input(self, field: FormField) -> dict[str, Any]:
        action_id = input_action_id(field.id)
        element: dict[str, Any]
        if isinstance(field, TextField):
            element = {"type": "plain_text_input", "action_id": action_id, "multiline": field.multiline}
            if field.placeholder:
                element["placeholder"] = _plain(field.placeholder)
            if field.max_length:
                element["max_length"] = field.max_length
            initial = field.initial[: field.max_length] if field.max_length else field.initial
            if initial:
                element["initial_value"] = initial
        elif isinstance(field, Choice) and field.multiple:
            element = {"type": "checkboxes", "action_id": action_id,
                       "options": [_option(value, label) for value, label in field.options]}
        elif isinstance(field, Choice):
            options = [_option(value, label) for value, label in field.options]
            element = {"type": "radio_buttons" if field.expanded else "static_select", "action_id": action_id,
                       "options": options}
            if field.placeholder and not field.expanded:
                element["placeholder"] = _plain(field.placeholder)
            chosen = next((o for o in options if o["value"] == field.initial), None)
            if chosen:
                element["initial_option"] = chosen
        elif isinstance(field, PersonField):
            chosen = [slack_id for key in field.initial if (slack_id := self.slack_user_of(key))]
            element = {"type": "multi_users_select" if field.multiple else "users_select", "action_id": action_id}
            if field.placeholder:
                element["placeholder"] = _plain(field.placeholder)
            if chosen and field.multiple:
                element["initial_users"] = chosen
            elif chosen:
                element["initial_user"] = chosen[0]
        elif isinstance(field, DateField):
            element = {"type": "datepicker", "action_id": action_id}
            if field.initial:
                element["initial_date"] = field.initial.isoformat()
        else:
            element = {"type": "checkboxes", "action_id": action_id, "options": [_option(CHECKED, field.text)]}
        block: dict[str, Any] = {"type": "input", "block_id": field.id, "label": _plain(field.label),
                                 "element": element, "optional": field.optional}
        if field.hint:
            block["hint"] = _plain(field.hint)
        return block


# The value of a ticked checkbox, as a form's submission reads it back.
CHECKED = "yes"


def input_action_id(field_id: str) -> str:
    """The action id of a form field's element: the field's id with `_input`, one rule for every form."""
    return f"{field_id}_input"


def submitted_values(view: dict[str, Any], fields: Sequence[FormField],
                     person_of: Callable[[str], str] = lambda user: people.key_of(user),
                     ) -> dict[str, str | bool | date | list[str] | None]:
    """A submitted modal's values by field id: text as typed, a choice's value (a list of them when
    several may be chosen), a person (their key, from `person_of` their Slack id; a list of them when
    several may be chosen), a date, or whether a checkbox was ticked."""
    values: dict[str, str | bool | date | list[str] | None] = {}
    state: Mapping[str, Any] = view.get("state", {}).get("values", {})
    for field in fields:
        entry = state.get(field.id, {}).get(input_action_id(field.id)) or {}
        if isinstance(field, TextField):
            values[field.id] = entry.get("value") or ""
        elif isinstance(field, Choice) and field.multiple:
            values[field.id] = [o["value"] for o in entry.get("selected_options") or []]
        elif isinstance(field, Choice):
            values[field.id] = (entry.get("selected_option") or {}).get("value")
        elif isinstance(field, PersonField) and field.multiple:
            values[field.id] = [person_of(user) for user in entry.get("selected_users") or []]
        elif isinstance(field, PersonField):
            values[field.id] = person_of(entry["selected_user"]) if entry.get("selected_user") else None
        elif isinstance(field, DateField):
            values[field.id] = date.fromisoformat(entry["selected_date"]) if entry.get("selected_date") else None
        else:
            # A form's checkbox has one option: ticked is chosen.
            values[field.id] = bool(entry.get("selected_options"))
    return values


def _between_lines(lines: list[str]) -> list[str]:
    """Lines in as many sections' texts as they need, split between lines (a line too long for one is cut)."""
    chunks: list[str] = []
    for line in lines:
        line = cut(line, SPLIT_SECTION_MAX)
        if chunks and len(chunks[-1]) + 1 + len(line) <= SPLIT_SECTION_MAX:
            chunks[-1] += "\n" + line
        else:
            chunks.append(line)
    return chunks


def _clip(text: str, limit: int) -> str:
    """Plain text (never escaped) cut to `limit` characters, visibly."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _plain(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text, "emoji": True}


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def _option(value: str, label: str) -> dict[str, Any]:
    return {"text": _plain(_clip(label, OPTION_TEXT_MAX)), "value": value}


def _confirm(confirm: Confirm) -> dict[str, Any]:
    return {"title": _plain(confirm.title), "text": {"type": "mrkdwn", "text": escape(confirm.text)},
            "confirm": _plain(confirm.yes), "deny": _plain(confirm.no)}


# People are named by key; Slack shows user ids. The directory of the request or delivery in hand says
# which is whose (bot/slack/people.py). A channel's key is its Slack id for now (ChannelMention).
BLOCK_KIT = BlockKit(slack_user_of=people.slack_user_of, name_of=people.name_of, slack_channel_of=lambda key: key)
