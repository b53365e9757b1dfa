"""The App Home tab: what needs this person now. It refreshes when opened and after each action."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.models.blocks import (
    Block,
    ButtonElement,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    MarkdownTextObject,
    SectionBlock,
)
from slack_sdk.models.views import View
from slack_sdk.web.async_client import AsyncWebClient

from bot.help import help_for
from bot.home import HomeData, home_for
from bot.org import Role
from bot.policy.messages import OPEN_ACTION
from bot.slack.mrkdwn import escape
from bot.slack.people import key_of
from bot.snapshot import org_snapshot
from handlers.middleware import services_of
from handlers.reports.blocks import render_handler
from handlers.tmw import help_blocks

EVENTS = ("app_home_opened",)
MAX_BLOCKS = 100  # Slack's limit for a Home view


def _md(text: str) -> MarkdownTextObject:
    return MarkdownTextObject(text=text)


def home_blocks(data: HomeData, help_part: list[dict[str, Any]]) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = list(help_part)
    if data.member is None:
        return blocks
    sections: list[Block] = []
    if data.policy_signed is False:
        sections += [SectionBlock(text=_md(":memo: *Please read and sign our safety policy* before using our computers or posting for us."),
                                  accessory=ButtonElement(text="Read and sign", action_id=OPEN_ACTION, value=data.policy_version, style="primary"))]
    elif data.policy_signed:
        sections.append(ContextBlock(elements=[_md(":white_check_mark: You have signed the current policy.")]))
    if data.handling:
        sections += [DividerBlock(), HeaderBlock(text=f"Reports for you to handle ({len(data.handling)})")]
    blocks += [b.to_dict() for b in sections]
    for params in data.handling:
        blocks += render_handler(params).blocks or []
        blocks.append(DividerBlock().to_dict())
    if data.filed:
        lines = [f"• *{p['reference']}* ({escape(p['kind_label'].lower())}): {escape(p['status_line'])}" for p in data.filed]
        blocks += [HeaderBlock(text="Reports you made").to_dict(), SectionBlock(text=_md("\n".join(lines)[:2990])).to_dict()]
    if data.activity_open:
        lines = [f"• {escape(name)}: {n} open report{'s' if n != 1 else ''}" for name, n in sorted(data.activity_open.items())]
        blocks += [HeaderBlock(text="Your activities").to_dict(), SectionBlock(text=_md("\n".join(lines))).to_dict()]
    if data.moderation_waiting:
        blocks.append(SectionBlock(text=_md(f":shield: {data.moderation_waiting} post{'s' if data.moderation_waiting != 1 else ''} waiting for a moderator in the moderation channel.")).to_dict())
    for title, lines in data.extra.items():
        blocks += [HeaderBlock(text=title).to_dict(), SectionBlock(text=_md("\n".join(lines)[:2990])).to_dict()]
    if data.people:
        lines = [f"• {escape(name)}: {escape(roles)}" for name, roles in data.people]
        blocks += [HeaderBlock(text="People").to_dict(), SectionBlock(text=_md("\n".join(lines)[:2990])).to_dict()]
    if not (data.handling or data.filed or data.activity_open or data.moderation_waiting or data.extra):
        blocks.append(ContextBlock(elements=[_md("Nothing needs you right now. :sparkles:")]).to_dict())
    if len(blocks) > MAX_BLOCKS:
        blocks = [*blocks[: MAX_BLOCKS - 1], ContextBlock(elements=[_md("There is more than fits here: see `/report list`.")]).to_dict()]
    return blocks


async def publish_home_for(user_id: str, context: AsyncBoltContext, client: AsyncWebClient) -> None:
    services = services_of(context)
    snapshot = await org_snapshot(services)
    admins = [m.name for m in snapshot.directory.with_role(Role.ADMIN)]
    key = key_of(user_id, snapshot.directory)  # Slack names whose Home it is by user id
    answer = help_for(snapshot.directory.by_key(key), snapshot.organisation_name, admins)
    data = await home_for(services, key)
    await client.views_publish(user_id=user_id, view=View(type="home", blocks=home_blocks(data, help_blocks(answer))).to_dict())


def register(app: AsyncApp) -> None:
    @app.event("app_home_opened")
    async def publish_home(event: dict[str, Any], context: AsyncBoltContext, client: AsyncWebClient) -> None:
        if event.get("tab", "home") != "home":
            return
        await publish_home_for(event["user"], context, client)
