"""`/tmw`: the bot's own command. `help` (the default) says what the caller may do."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.models.blocks import ContextBlock, MarkdownTextObject, SectionBlock

from bot.help import HelpAnswer, help_for
from bot.org import Role
from bot.slack.mrkdwn import escape
from handlers.middleware import services_of
from storage.directory import load_org_config, members_with_role

COMMAND = "/tmw"


def help_blocks(answer: HelpAnswer) -> list[dict[str, Any]]:
    blocks = [SectionBlock(text=MarkdownTextObject(text=escape(answer.greeting)))]
    if answer.commands:
        lines = "\n".join(f"• `{c.usage}`: {escape(c.summary)}" for c in answer.commands)
        blocks.append(SectionBlock(text=MarkdownTextObject(text=f"*What you can do*\n{lines}")))
    for line in answer.ask:
        blocks.append(ContextBlock(elements=[MarkdownTextObject(text=escape(line))]))
    return [block.to_dict() for block in blocks]


def help_text(answer: HelpAnswer) -> str:
    lines = [answer.greeting, *(f"{c.usage}: {c.summary}" for c in answer.commands), *answer.ask]
    return "\n".join(lines)


def register(app: AsyncApp) -> None:
    @app.command(COMMAND)
    async def tmw(ack: AsyncAck, command: dict[str, Any], context: AsyncBoltContext) -> None:
        services = services_of(context)
        async with services.db.unit_of_work() as session:
            config = await load_org_config(session)
            admins = [m.name for m in await members_with_role(session, Role.ADMIN)]
        organisation = config.organisation.name if config else "your organisation"
        answer = help_for(context.get("member"), organisation, admins)
        await ack(response_type="ephemeral", text=help_text(answer), blocks=help_blocks(answer))
