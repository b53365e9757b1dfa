"""`/tmw`: the bot's own command. `help` (the default) says what the caller may do."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext

from bot.digest.sections import last_seven_days
from bot.digest.workflow import build_digest, digest_text
from bot.help import HelpAnswer, help_for
from bot.org import Role
from bot.slack.mrkdwn import escape
from bot.snapshot import org_snapshot
from handlers.digest import digest_blocks
from handlers.middleware import services_of

COMMAND = "/tmw"


def help_blocks(answer: HelpAnswer) -> list[dict[str, Any]]:
    # Plain dicts, not slack_sdk's block classes: those validate and convert every field on each
    # request, which was a good part of what /tmw help spent before its acknowledgement.
    def mrkdwn(text: str) -> dict[str, str]:
        return {"type": "mrkdwn", "text": text}

    blocks: list[dict[str, Any]] = [{"type": "section", "text": mrkdwn(escape(answer.greeting))}]
    if answer.commands:
        lines = "\n".join(f"• `{c.usage}`: {escape(c.summary)}" for c in answer.commands)
        blocks.append({"type": "section", "text": mrkdwn(f"*What you can do*\n{lines}")})
    blocks += [{"type": "context", "elements": [mrkdwn(escape(line))]} for line in answer.ask]
    return blocks


def help_text(answer: HelpAnswer) -> str:
    lines = [answer.greeting, *(f"{c.usage}: {c.summary}" for c in answer.commands), *answer.ask]
    return "\n".join(lines)


def register(app: AsyncApp) -> None:
    @app.command(COMMAND)
    async def tmw(ack: AsyncAck, command: dict[str, Any], context: AsyncBoltContext) -> None:
        services = services_of(context)
        if (command.get("text") or "").strip().lower() == "digest":
            member = context.get("member")
            if member is None or not member.has(Role.CEO, Role.ADMIN):
                await ack(response_type="ephemeral", text="The digest is for the CEO and the admins. Ask one of them if you need a figure from it.")
                return
            params = (await build_digest(services, last_seven_days(services.now()))).as_params(services)
            await ack(response_type="ephemeral", text=digest_text(params).splitlines()[0], blocks=digest_blocks(params))
            return
        snapshot = await org_snapshot(services)
        admins = [m.name for m in snapshot.directory.with_role(Role.ADMIN)]
        answer = help_for(context.get("member"), snapshot.organisation_name, admins)
        await ack(response_type="ephemeral", text=help_text(answer), blocks=help_blocks(answer))
