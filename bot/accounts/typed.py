"""`accounts add NAME owner=... every=...` as typed, on any platform: Slack's `/accounts add`, or a line in the
bot's 1:1 chat in Teams. One parser, so a line means the same wherever it is typed; each platform says only
how it writes a mention of a person (`Mentions`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.accounts.workflow import AccountForm
from bot.directory import Directory
from bot.errors import FormErrors

QUOTES = "\"“”"
EXAMPLE = '`/accounts add Instagram owner=@Sam every="90 days"`'


@dataclass(frozen=True)
class Mentions:
    """How a platform writes a mention of a person in typed text: `pattern`, a regular expression for one
    mention, with no capturing group (Slack's `<@U123|dan>`, Teams' `<at>Dan Hughes</at>`); `key_of`, whom one names (their key,
    or None if nobody in the organisation file); `shown`, how to name it back to the person who typed it."""

    pattern: str
    key_of: Callable[[str], str | None]
    shown: Callable[[str], str] = lambda mention: mention


def _option(mentions: Mentions) -> re.Pattern[str]:
    """`key=value`: a value in straight or curly quotes, or a list of mentions and words separated by
    commas (a space may follow each comma), or one word."""
    item = rf"(?:{mentions.pattern}|[^\s,=]+)"
    return re.compile(rf"(\w+)=(\"[^\"]*\"|“[^”]*”|{item}(?:\s*,\s*{item})*)")


def has_options(text: str) -> bool:
    """Whether the line says more than a name (`owner=...` and the like)."""
    return re.search(r"(?:^|\s)\w+=", text) is not None


def people_in(text: str, directory: Directory, mentions: Mentions) -> tuple[list[str], list[str]]:
    """The people a value names, by key: mentions, or names typed with or without an @ ("@Dan Hughes",
    "dan"), separated by commas; and what named nobody (one person only), as typed."""
    found, unknown = [], []
    for mention in re.finditer(mentions.pattern, text):
        key = mentions.key_of(mention.group(0))
        if key is None:
            unknown.append(mentions.shown(mention.group(0)))
        else:
            found.append(key)
    rest = re.sub(mentions.pattern, ",", text)
    for part in [p.strip() for p in rest.strip(QUOTES).split(",") if p.strip().strip(QUOTES)]:
        matches = directory.named(part.strip(QUOTES))
        if len(matches) == 1:
            found.append(matches[0].key)
        else:
            unknown.append(part)
    return found, unknown


def form_from_command(text: str, directory: Directory, mentions: Mentions) -> AccountForm:
    """`Instagram owner=@person every="90 days" access=@a,@b admins=@c aliases="insta" last="last Friday"`:
    the name is what comes before the first option. FormErrors, by option, for anyone it cannot tell."""
    pattern = _option(mentions)
    first = pattern.search(text)
    name = (text[: first.start()] if first else text).strip().strip(QUOTES)
    options = {key.lower(): value.strip(QUOTES) for key, value in pattern.findall(text)}
    errors = {}
    people: dict[str, list[str]] = {}
    for key in ("owner", "access", "admins"):
        found, unknown = people_in(options.get(key, ""), directory, mentions)
        people[key] = found
        if unknown:
            errors[key] = f"I don't know {', '.join(unknown)}: mention them with @."
    if errors:
        raise FormErrors(errors)
    return AccountForm(name=name, owner=(people["owner"] or [None])[0], every=options.get("every", ""),
                       access=tuple(people["access"]), overall_access=tuple(people["admins"]),
                       aliases=options.get("aliases", ""), last_changed=options.get("last", ""))


def not_saved(errors: FormErrors) -> str:
    """What to say when a typed line could not be saved: each problem, and an example."""
    return "Nothing was saved. " + " ".join(errors.errors.values()) + f" For example: {EXAMPLE}."
