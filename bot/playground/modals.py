"""Filling in a modal's inputs from typed answers: what Slack's own client does before it submits.

Each input block becomes a question; each answer becomes the element's entry in view.state.values,
shaped exactly as Slack sends it. Slack's client refuses an empty required field or an over-long text
itself, so those checks are here; everything else is the bot's own validation, shown as it answers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import Any

from bot.playground.directory import Directory, NotFound
from bot.playground.render import plain

# Typed instead of an answer: leave the field empty even if it had a value.
CLEAR = "-"
TEXT_INPUTS = {"plain_text_input", "email_text_input", "url_text_input", "number_input"}
SINGLE_CHOICE = {"static_select", "external_select", "radio_buttons"}
MULTI_CHOICE = {"multi_static_select", "multi_external_select", "checkboxes"}


class AnswerError(ValueError):
    """The answer cannot be taken; the message says what to type instead."""


@dataclass(frozen=True)
class InputField:
    block_id: str
    element: dict[str, Any]
    label: str
    optional: bool
    hint: str

    @property
    def kind(self) -> str:
        return str(self.element.get("type", ""))

    @property
    def action_id(self) -> str:
        return str(self.element.get("action_id", ""))

    def options(self) -> list[dict[str, Any]]:
        options = list(self.element.get("options", []))
        for group in self.element.get("option_groups", []):
            options += group.get("options", [])
        return options


def input_fields(view: dict[str, Any]) -> list[InputField]:
    return [
        InputField(str(b.get("block_id", "")), b.get("element", {}), plain(b.get("label")), bool(b.get("optional")),
                   plain(b.get("hint")))
        for b in view.get("blocks", []) if b.get("type") == "input"
    ]


@dataclass
class AnswerContext:
    directory: Directory
    today: date
    tz: tzinfo


def how_to_answer(field: InputField) -> str:
    """One line under the question: what kind of answer it takes."""
    kind = field.kind
    if kind in TEXT_INPUTS:
        extra = " (\\n for a new line)" if field.element.get("multiline") else ""
        return ("a number" if kind == "number_input" else "type your answer") + extra
    if kind in SINGLE_CHOICE:
        return "a number or the start of an option"
    if kind in MULTI_CHOICE:
        return "numbers or options, separated by commas"
    if kind in ("users_select", "multi_users_select"):
        return "a person's name (Tab completes)" + ("; several separated by commas" if kind.startswith("multi") else "")
    if kind in ("conversations_select", "channels_select", "multi_conversations_select", "multi_channels_select"):
        return "a channel name"
    if kind == "datepicker":
        return "a date: 2026-12-01, tomorrow, next friday"
    if kind == "timepicker":
        return "a time: 09:30"
    if kind == "datetimepicker":
        return "a date and time: 2026-12-01 09:30"
    return "type your answer"


def current_value(field: InputField, context: AnswerContext) -> str:
    """The field's initial value as a person would read it (people and channels by name), or ''."""
    element, directory = field.element, context.directory
    if element.get("initial_value"):
        return str(element["initial_value"])
    if element.get("initial_option"):
        return plain(element["initial_option"].get("text"))
    if element.get("initial_options"):
        return ", ".join(plain(o.get("text")) for o in element["initial_options"])
    people = [element["initial_user"]] if element.get("initial_user") else element.get("initial_users") or []
    if people:
        return ", ".join(directory.name_of(slack_id) for slack_id in people)
    channels = [element[key] for key in ("initial_conversation", "initial_channel") if element.get(key)]
    channels += element.get("initial_conversations") or element.get("initial_channels") or []
    if channels:
        return ", ".join(directory.describe_channel(channel) for channel in channels)
    for key in ("initial_date", "initial_time"):
        if element.get(key):
            return str(element[key])
    if element.get("initial_date_time"):
        return f"{datetime.fromtimestamp(int(element['initial_date_time']), context.tz):%Y-%m-%d %H:%M}"
    return ""


def initial_state(field: InputField) -> dict[str, Any]:
    """What Slack sends for a field the person did not touch."""
    element, kind = field.element, field.kind
    state: dict[str, Any] = {"type": kind}
    if kind in TEXT_INPUTS:
        state["value"] = element.get("initial_value")
    elif kind in SINGLE_CHOICE:
        state["selected_option"] = element.get("initial_option")
    elif kind in MULTI_CHOICE:
        state["selected_options"] = list(element.get("initial_options", []))
    elif kind == "users_select":
        state["selected_user"] = element.get("initial_user")
    elif kind == "multi_users_select":
        state["selected_users"] = list(element.get("initial_users", []))
    elif kind == "conversations_select":
        state["selected_conversation"] = element.get("initial_conversation")
    elif kind == "channels_select":
        state["selected_channel"] = element.get("initial_channel")
    elif kind == "multi_conversations_select":
        state["selected_conversations"] = list(element.get("initial_conversations", []))
    elif kind == "multi_channels_select":
        state["selected_channels"] = list(element.get("initial_channels", []))
    elif kind == "datepicker":
        state["selected_date"] = element.get("initial_date")
    elif kind == "timepicker":
        state["selected_time"] = element.get("initial_time")
    elif kind == "datetimepicker":
        state["selected_date_time"] = element.get("initial_date_time")
    return state


def is_empty(state: dict[str, Any]) -> bool:
    values = [v for k, v in state.items() if k != "type"]
    return all(v in (None, "", []) for v in values)


def answer(field: InputField, typed: str, context: AnswerContext) -> dict[str, Any]:
    """The state Slack would send for `typed`; raises AnswerError with a hint when it cannot be taken.
    An empty answer keeps the initial value; CLEAR empties the field."""
    typed = typed.strip()
    if not typed:
        state = initial_state(field)
    elif typed == CLEAR:
        state = {key: ([] if isinstance(value, list) else None) for key, value in initial_state(field).items() if key != "type"}
        state["type"] = field.kind
    else:
        state = _parse(field, typed, context)
    if not field.optional and is_empty(state):
        raise AnswerError("This field is required.")
    return state


def _parse(field: InputField, typed: str, context: AnswerContext) -> dict[str, Any]:
    kind, element = field.kind, field.element
    if kind in TEXT_INPUTS:
        value = typed.replace("\\n", "\n")
        if kind == "number_input":
            _check_number(value, element)
        if len(value) > int(element.get("max_length", 3000)):
            raise AnswerError(f"That is {len(value)} characters; this field takes at most {element['max_length']}.")
        if len(value) < int(element.get("min_length", 0)):
            raise AnswerError(f"This field needs at least {element['min_length']} characters.")
        return {"type": kind, "value": value}
    if kind in SINGLE_CHOICE:
        return {"type": kind, "selected_option": choose(field.options(), typed)}
    if kind in MULTI_CHOICE:
        options = field.options()
        if typed.casefold() in ("n", "no", "none"):
            return {"type": kind, "selected_options": []}
        if typed.casefold() in ("y", "yes") and len(options) == 1:  # a lone tick box: "yes" ticks it
            return {"type": kind, "selected_options": options}
        return {"type": kind, "selected_options": [choose(options, part) for part in _parts(typed)]}
    if kind in ("users_select", "multi_users_select"):
        try:
            users = [context.directory.person(part).slack_id for part in _parts(typed)]
        except NotFound as exc:
            raise AnswerError(str(exc)) from None
        return {"type": kind, "selected_user": users[0]} if kind == "users_select" else {"type": kind, "selected_users": users}
    if kind in ("conversations_select", "channels_select", "multi_conversations_select", "multi_channels_select"):
        try:
            channels = [context.directory.channel(part) for part in _parts(typed)]
        except NotFound as exc:
            raise AnswerError(str(exc)) from None
        key = "selected_conversation" if "conversations" in kind else "selected_channel"
        if kind.startswith("multi"):
            return {"type": kind, key + "s": channels}
        return {"type": kind, key: channels[0]}
    if kind == "datepicker":
        return {"type": kind, "selected_date": parse_date(typed, context).isoformat()}
    if kind == "timepicker":
        return {"type": kind, "selected_time": _parse_time(typed)}
    if kind == "datetimepicker":
        moment = parse_moment(typed, context)
        return {"type": kind, "selected_date_time": int(moment.timestamp())}
    return {"type": kind, "value": typed}


def choose(options: list[dict[str, Any]], typed: str) -> dict[str, Any]:
    """An option by its number, its label (or the start of it, or a word in it) or its value."""
    typed = typed.strip()
    if typed.isdigit():
        number = int(typed)
        if 0 < number <= len(options):
            return options[number - 1]
        raise AnswerError(f"There is no option {number}: choose 1 to {len(options)}.")
    wanted = typed.casefold()
    labels = [(plain(o.get("text")).casefold(), str(o.get("value", "")).casefold()) for o in options]
    for test in (lambda lab, val: wanted in (lab, val), lambda lab, val: lab.startswith(wanted),
                 lambda lab, val: wanted in lab):
        matches = [o for o, (lab, val) in zip(options, labels, strict=True) if test(lab, val)]
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise AnswerError(f"“{typed}” matches {len(matches)} options: type its number.")
    raise AnswerError(f"No option matches “{typed}”: type its number, 1 to {len(options)}.")


def parse_date(typed: str, context: AnswerContext) -> date:
    try:
        return date.fromisoformat(typed)
    except ValueError:
        pass
    return parse_moment(typed, context).date()


def parse_moment(typed: str, context: AnswerContext, base: datetime | None = None) -> datetime:
    """A moment as people type it (`next monday 9am`, `2026-12-01 09:00`), in the organisation's time."""
    import dateparser

    base = base or datetime.combine(context.today, datetime.min.time(), context.tz)
    found = dateparser.parse(typed, languages=["en"], settings={
        "RELATIVE_BASE": base.replace(tzinfo=None), "PREFER_DATES_FROM": "future", "DATE_ORDER": "DMY",
        "RETURN_AS_TIMEZONE_AWARE": False,
    })
    if found is None:
        raise AnswerError(f"I can't read “{typed}” as a date: try 2026-12-01, tomorrow or next friday.")
    return found.replace(tzinfo=context.tz)


def _parse_time(typed: str) -> str:
    try:
        hours, minutes = typed.replace(".", ":").split(":")
        if 0 <= int(hours) < 24 and 0 <= int(minutes) < 60:
            return f"{int(hours):02d}:{int(minutes):02d}"
    except ValueError:
        pass
    raise AnswerError(f"I can't read “{typed}” as a time: try 09:30.")


def _check_number(value: str, element: dict[str, Any]) -> None:
    try:
        number = float(value) if element.get("is_decimal_allowed") else int(value)
    except ValueError:
        raise AnswerError("This field takes a number" + (" (whole numbers only)." if not element.get("is_decimal_allowed") else ".")) from None
    if element.get("min_value") is not None and number < float(element["min_value"]):
        raise AnswerError(f"The smallest number allowed is {element['min_value']}.")
    if element.get("max_value") is not None and number > float(element["max_value"]):
        raise AnswerError(f"The largest number allowed is {element['max_value']}.")


def _parts(typed: str) -> list[str]:
    return [part.strip() for part in typed.split(",") if part.strip()]


def action_payload(field: InputField, state: dict[str, Any]) -> dict[str, Any]:
    """What a block action carries for an element that dispatches on change (`dispatch_action`)."""
    return {key: value for key, value in state.items() if key != "type"}
