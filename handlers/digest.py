"""The weekly digest in Slack: the channel post, with a way to the App Home for the detail."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_sdk.models.blocks import ActionsBlock, ButtonElement, ContextBlock, MarkdownTextObject, SectionBlock

from bot.digest.workflow import digest_text
from bot.slack.delivery import Rendered
from bot.slack.mrkdwn import escape

OPEN_HOME = "digest.open_home"


SECTION_TEXT_LIMIT = 3000  # Slack's limit on a section block's text


def _in_blocks(lines: list[str]) -> list[str]:
    """A section's lines in as many blocks as they need, split between lines (a long section, such as
    how each kind of report was handled, would otherwise be cut off)."""
    chunks: list[str] = []
    for line in lines:
        line = line[:SECTION_TEXT_LIMIT - 10]
        if chunks and len(chunks[-1]) + 1 + len(line) <= SECTION_TEXT_LIMIT - 10:
            chunks[-1] += "\n" + line
        else:
            chunks.append(line)
    return chunks


def digest_blocks(params: dict[str, Any]) -> list[dict[str, Any]]:
    late = " _(posted late: the bot was not running at the usual time)_" if params["late"] else ""
    blocks: list[Any] = [SectionBlock(text=MarkdownTextObject(
        text=f"*Weekly digest for {escape(params['organisation'])}*: {params['from']} to {params['to']}{late}"))]
    for section in params["sections"]:
        lines = [f"*{escape(section['title'])}*"]
        lines += [f"• {escape(f['label'])}: *{f['now']}*{escape(f['change'])}" for f in section["figures"]]
        lines += [f"   {escape(note)}" for note in section["notes"]]
        blocks += [SectionBlock(text=MarkdownTextObject(text=chunk)) for chunk in _in_blocks(lines)]
    blocks.append(ContextBlock(elements=[MarkdownTextObject(text="Counts and roles only. The detail is in the app's Home tab for those allowed to see it.")]))
    blocks.append(ActionsBlock(elements=[ButtonElement(text="Open the detail in Home", action_id=OPEN_HOME, value="home")]))
    return [b.to_dict() for b in blocks]


def render_weekly(params: dict[str, Any]) -> Rendered:
    return Rendered(text=digest_text(params).splitlines()[0], blocks=digest_blocks(params))


RENDERERS = {"digest.weekly": render_weekly}


def register(app: AsyncApp) -> None:
    from handlers.home import publish_home_for

    @app.action(OPEN_HOME)
    async def open_home(ack: Any, body: dict[str, Any], respond: Any, client: Any, context: Any) -> None:
        await ack()
        from handlers.errors import telling_the_person

        async with telling_the_person(body, respond, client):
            await publish_home_for(body["user"]["id"], context, client)
            await respond(text="Your Home tab is up to date: open this app's *Home* tab (top of this conversation, or under Apps) for the detail you are allowed to see.",
                          response_type="ephemeral", replace_original=False)
