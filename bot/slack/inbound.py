"""How Slack writes message text, for the core's readers (bot/inline_markup.py).

Slack sends text in its own markup: `<@U123>` mentions, `<https://example.com|label>` links,
`<mailto:a@b.c|a@b.c>` and `<tel:+44...|...>` contact links, `<#C123|name>` channel references,
`<!here>` broadcasts and `<!date^...|fallback>` dates, and three HTML escapes, `&amp; &lt; &gt;`
(it escapes nothing else).
"""

from __future__ import annotations

import re

from bot.inline_markup import InlineMarkup, MarkupSpan, Resolved

# For reading: any <...> on one line.
_MARKUP = re.compile(r"<([^<>\n]{1,2000})>")
# For marking in place: <target> or <target|label>, the target without spaces.
_TOKEN = re.compile(r"<([^<>|\s]{1,2000})(?:\|([^<>]{0,2000}))?>")
_MAILTO = re.compile(r"<mailto:([^|<>]*)(?:\|[^<>]*)?>", re.IGNORECASE)
_CONTACT_SCHEMES = ("mailto", "tel")
_CROWDS = ("here", "channel", "everyone")


def unescape(text: str) -> str:
    """Undo Slack's only three escapes."""
    if "&" not in text:
        return text
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


class SlackMarkup:
    def resolve(self, text: str, mention: str) -> Resolved:
        links: list[tuple[str, str]] = []
        mentions: list[str] = []

        def replace(match: re.Match[str]) -> str:
            inner = match.group(1)
            if inner.startswith("@"):  # <@U123> or <@U123|name>
                mentions.append(inner[1:].split("|", 1)[0])
                return f" {mention} "
            if inner.startswith("#"):  # <#C123|name>
                _, _, name = inner.partition("|")
                return f" #{unescape(name) or 'channel'} "
            if inner.startswith("!"):  # <!here>, <!subteam^S1|@team>, <!date^...|fallback>
                command, _, label = inner[1:].partition("|")
                if command in _CROWDS or command.startswith("subteam"):
                    return f" {mention} "
                return f" {unescape(label)} "
            address, _, label = inner.partition("|")
            links.append((unescape(address), unescape(label)))
            # An unlabelled link shows its address, which is not conversation: readers keep its words
            # apart, from the link, rather than in the text.
            return f" {unescape(label)} " if label else " "

        resolved = _MARKUP.sub(replace, text) if "<" in text else text
        return Resolved(unescape(resolved), links, mentions)

    def spans(self, text: str) -> list[MarkupSpan]:
        if "<" not in text:
            return []
        spans = []
        for token in _TOKEN.finditer(text):
            target = token.group(1)
            scheme = target[:7].lower().partition(":")[0]
            if ":" in target[:7] and scheme in _CONTACT_SCHEMES:
                detail_start = token.start(1) + len(scheme) + 1
                detail_end = token.end(1)
                if scheme == "mailto" and (query := target.find("?")) != -1:
                    detail_end = token.start(1) + query  # mailto: may carry ?subject=...
                spans.append(MarkupSpan(token.start(), token.end(), contact_scheme=scheme,
                                        contact=(detail_start, detail_end)))
            elif target[0] in "@#!":
                spans.append(MarkupSpan(token.start(), token.end()))
            elif ":" in target:
                # <https://...|label>: the address is markup; the label is prose the poster wrote.
                label = (token.end(1) + 1, token.end() - 1)
                spans.append(MarkupSpan(token.start(), token.end(), keep=label if label[0] < label[1] else None))
        return spans

    def as_typed(self, text: str) -> str:
        return unescape(_MAILTO.sub(r"\1", text))


SLACK_MARKUP: InlineMarkup = SlackMarkup()
