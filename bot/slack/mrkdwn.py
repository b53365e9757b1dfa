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


def quote(text: str, limit: int = 2500) -> str:
    """Escaped user text as a block quote, cut to fit Block Kit's text limits."""
    body = escape(text)
    if len(body) > limit:
        body = body[: limit - 1] + "…"
    return "\n".join("> " + line for line in body.splitlines() or [""])
