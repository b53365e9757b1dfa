"""Helpers for the accounts and leaver tests: commands and buttons through the bot's HTTP endpoint."""

from __future__ import annotations

import copy
import json
from typing import Any

from sqlalchemy import func, select

from storage.models import AuditEntry, OutboxMessage, SharedAccount
from tests.harness import RunningBot

ANITA, CHAIR, SAFE, TOM = "U0ANITA001", "U0CHAIR001", "U0SAFE0001", "U0DEPUTY01"
SAM, GRACE, DAN, LUCY, BEN, MAYA, RACHEL = (
    "U0PMAUDIO1", "U0PMBEAT01", "U0LEADER01", "U0LEADER02", "U0VOLUNT01", "U0YOUNGL01", "U0ADMIN001",
)


def mention(slack_id: str) -> str:
    return f"<@{slack_id}|{slack_id.lower()}>"


async def command(bot: RunningBot, name: str, text: str, user: str) -> str:
    """Send a slash command and return what the bot answered privately (text and blocks)."""
    before = len(bot.fake.responses)
    opened = len(bot.fake.calls_to("views.open"))
    response = await bot.slack.slash_command(name, text, user)
    assert response.status == 200, response.text
    await bot.fake.wait_until(lambda: len(bot.fake.responses) > before or len(bot.fake.calls_to("views.open")) > opened,
                              what=f"the answer to {name} {text}")
    await bot.tick()
    if len(bot.fake.responses) > before:
        reply = bot.fake.responses[-1].params
        return str(reply.get("text", "")) + json.dumps(reply.get("blocks") or [])
    return ""


async def add_account(bot: RunningBot, name: str, owner: str, last: str, every: str = "90 days",
                      admins: str = ANITA) -> str:
    reply = await command(bot, "/accounts", f'add {name} owner={mention(owner)} admins={mention(admins)} every="{every}" last="{last}"', ANITA)
    assert "Added" in reply, reply
    return reply


def nudges(bot: RunningBot, user: str, name: str) -> list[Any]:
    """The messages about an account in a person's DMs (a nudge updated in place stays one message)."""
    return [m for m in bot.fake.messages_in(user) if name in m.text]


def texts(bot: RunningBot, user: str) -> str:
    return "\n".join(m.text + json.dumps(m.blocks or []) for m in bot.fake.messages_in(user))


def button(message: Any, action_id: str) -> dict[str, Any] | None:
    for block in message.blocks or []:
        for element in [*block.get("elements", []), block.get("accessory") or {}]:
            if element.get("action_id") == action_id:
                return element
    return None


async def press(bot: RunningBot, user: str, action_id: str, message: Any, *, index: int = 0) -> str:
    """Press a button on a message as `user` and return the bot's private reply (if any)."""
    message = copy.deepcopy(message)
    found = [e for b in message.blocks or [] for e in [*b.get("elements", []), b.get("accessory") or {}]
             if e.get("action_id") == action_id]
    assert found, f"no {action_id} button"
    replies, opened = len(bot.fake.responses), len(bot.fake.calls_to("views.open"))
    response = await bot.slack.block_action(user, action_id, found[index]["value"],
                                            message={"ts": message.ts, "text": message.text, "blocks": message.blocks},
                                            channel_id=message.channel)
    assert response.status == 200, response.text
    await bot.fake.wait_until(lambda: len(bot.fake.responses) > replies or len(bot.fake.calls_to("views.open")) > opened,
                              what="the bot's answer to the button")
    await bot.tick()
    return str(bot.fake.responses[-1].params.get("text", "")) if len(bot.fake.responses) > replies else ""


async def account(bot: RunningBot, name: str) -> SharedAccount:
    async with bot.services.db.unit_of_work() as session:
        found = await session.scalar(select(SharedAccount).where(SharedAccount.name == name))
        assert found is not None
        return found


async def audits(bot: RunningBot, action: str) -> int:
    async with bot.services.db.reading() as session:
        return await session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == action)) or 0


async def queued(bot: RunningBot, template: str) -> int:
    async with bot.services.db.reading() as session:
        return await session.scalar(select(func.count()).select_from(OutboxMessage).where(OutboxMessage.template == template)) or 0


def text_values(**fields: str) -> dict[str, dict[str, Any]]:
    return {k: {f"{k}_input": {"type": "plain_text_input", "value": v or None}} for k, v in fields.items()}


def user_values(**fields: str | None) -> dict[str, dict[str, Any]]:
    return {k: {f"{k}_input": {"type": "users_select", "selected_user": v}} for k, v in fields.items()}
