"""Escaping user text before the bot posts it.

Slack treats <, > and & as control characters: `<!channel>`, `<@U123>` and `<http://evil|bank>` are
mentions and disguised links. Escaping them shows the text as typed and pings nobody.
"""

from __future__ import annotations

import re

_BROADCAST_WORDS = re.compile(r"@(channel|here|everyone)\b", re.IGNORECASE)


def escape(text: str) -> str:
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # Plain "@here" does not notify through the API, but a zero-width joiner keeps it inert
    # even if the text is ever re-posted by a client that parses it.
    return _BROADCAST_WORDS.sub(lambda m: "@\u2060" + m.group(1), escaped)


def cut(text: str, limit: int) -> str:
    """Escaped text cut to `limit` characters with an ellipsis, never through an escape (&amp;)."""
    if len(text) <= limit:
        return text
    kept = text[: limit - 1]
    # In escaped text every "&" starts an entity: one with no ";" after it was cut through.
    if kept.rfind("&") > kept.rfind(";"):
        kept = kept[: kept.rfind("&")]
    return kept + "…"


def quote(text: str, limit: int = 2500) -> str:
    """Escaped user text as a block quote, cut to fit Block Kit's text limits: `limit` counts the
    quote marks too, as many short lines add one to each."""
    quoted = "\n".join("> " + line for line in escape(text).splitlines() or [""])
    return cut(quoted, limit)
