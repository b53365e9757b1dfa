"""Filing and handling reports through the bot's HTTP endpoint, as Slack would deliver each step."""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from bot.standin.client import BotResponse
from storage.models import AuditEntry, Report
from tests.harness import EXAMPLE_ORG, RunningBot

ANITA, CHAIR, SAFE, DEPUTY = "U0ANITA001", "U0CHAIR001", "U0SAFE0001", "U0DEPUTY01"
SAM, GRACE, DAN, LUCY, BEN, MAYA, RACHEL = (
    "U0PMAUDIO1", "U0PMBEAT01", "U0LEADER01", "U0LEADER02", "U0VOLUNT01", "U0YOUNGL01", "U0ADMIN001",
)
EVERYONE = [ANITA, CHAIR, SAFE, DEPUTY, SAM, GRACE, DAN, LUCY, BEN, MAYA, RACHEL]


def _select(value: str | None) -> dict[str, Any]:
    return {"type": "static_select", "selected_option": {"value": value} if value else None}


def form_values(
    kind: str | None,
    description: str = "Something happened that worries me.",
    *,
    activity: str | None = None,
    team_member: str | None = None,
    participant: str = "",
    when: str = "",
    account: str = "",
    risk: bool = False,
    private: bool = False,
) -> dict[str, dict[str, Any]]:
    def text(value: str) -> dict[str, Any]:
        return {"type": "plain_text_input", "value": value or None}

    def check(on: bool) -> dict[str, Any]:
        return {"type": "checkboxes", "selected_options": [{"value": "yes"}] if on else []}

    return {
        "kind": {"kind_input": _select(kind)},
        "activity": {"activity_input": _select(activity)},
        "team_member": {"team_member_input": {"type": "users_select", "selected_user": team_member}},
        "participant": {"participant_input": text(participant)},
        "account": {"account_input": text(account)},
        "when": {"when_input": text(when)},
        "description": {"description_input": text(description)},
        "risk": {"risk_input": check(risk)},
        "privacy": {"privacy_input": check(private)},
    }


@dataclass
class Submitted:
    response: BotResponse

    @property
    def body(self) -> dict[str, Any]:
        return self.response.json() or {}

    @property
    def errors(self) -> dict[str, str]:
        return self.body.get("errors", {}) if self.body.get("response_action") == "errors" else {}

    @property
    def confirmation(self) -> str:
        return json.dumps(self.body.get("view", {}).get("blocks", []))


class ReportDriver:
    def __init__(self, bot: RunningBot) -> None:
        self.bot = bot

    async def open_modal(self, reporter: str, text: str = "") -> dict[str, Any]:
        before = len(self.bot.fake.calls_to("views.open"))
        response = await self.bot.slack.slash_command("/report", text, reporter)
        assert response.status == 200
        await self.bot.fake.wait_until(lambda: len(self.bot.fake.calls_to("views.open")) > before, what="the modal")
        view = self.bot.fake.view_for(reporter)
        assert view is not None
        return view

    async def file(self, reporter: str, kind: str | None, **fields: Any) -> Submitted:
        view = await self.open_modal(reporter)
        values = form_values(kind, **fields)
        submitted = Submitted(await self.bot.slack.view_submission(reporter, view, values))
        await self.bot.tick()  # deliver what the report queued
        return submitted

    def messages(self, user: str) -> list[Any]:
        return self.bot.fake.messages_in(user)

    def texts(self, user: str) -> str:
        return "\n".join(m.text + json.dumps(m.blocks or []) for m in self.messages(user))

    def report_message(self, user: str) -> Any:
        found = [m for m in self.messages(user) if "report." in json.dumps(m.blocks or []) and "report_actions" in json.dumps(m.blocks or [])]
        assert found, f"{user} has no report message with buttons"
        # A copy: the person's screen keeps showing this version even after the bot updates it.
        return copy.deepcopy(found[-1])

    def button(self, message: Any, action_id: str) -> dict[str, Any] | None:
        for block in message.blocks or []:
            for element in block.get("elements", []):
                if element.get("action_id") == action_id:
                    return element
        return None

    async def press(self, user: str, action_id: str, message: Any, *, answered: bool = False) -> str:
        """Press a button as `user`. With `answered`, wait for the bot's private reply and return it."""
        button = self.button(message, action_id)
        assert button is not None, f"no {action_id} button"
        replies = len(self.bot.fake.responses)
        response = await self.bot.slack.block_action(
            user, action_id, button["value"],
            message={"ts": message.ts, "text": message.text, "blocks": message.blocks}, channel_id=message.channel,
        )
        assert response.status == 200, (response.status, response.text)
        if not answered:
            return ""
        await self.bot.fake.wait_until(lambda: len(self.bot.fake.responses) > replies, what="the private reply")
        await self.bot.tick()
        reply = self.bot.fake.responses[-1].params
        assert reply.get("response_type") == "ephemeral"
        return str(reply.get("text", ""))

    async def press_and_submit(self, user: str, action_id: str, message: Any, values: dict[str, dict[str, Any]]) -> BotResponse:
        before = len(self.bot.fake.calls_to("views.open"))
        await self.press(user, action_id, message)
        await self.bot.fake.wait_until(lambda: len(self.bot.fake.calls_to("views.open")) > before, what="the action modal")
        view = self.bot.fake.view_for(user)
        assert view is not None
        response = await self.bot.slack.view_submission(user, view, values)
        await self.bot.tick()
        return response

def text_value(block: str, value: str) -> dict[str, dict[str, Any]]:
    return {block: {f"{block}_input": {"type": "plain_text_input", "value": value}}}


async def audit_count(bot: RunningBot, action: str) -> int:
    """How many audit entries record `action`."""
    async with bot.services.db.unit_of_work() as session:
        return await session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == action)) or 0


async def latest_report(bot: RunningBot) -> Report:
    async with bot.services.db.unit_of_work() as session:
        report = await session.scalar(select(Report).order_by(Report.id.desc()))
        assert report is not None
        return report


def without_the_safeguarding_lead(tmp_path: Path) -> Path:
    """The example organisation file after Priya (the safeguarding lead) has left and her deputy has
    taken her role, written into `tmp_path`: for reports whose handler leaves."""
    edited = tmp_path / "org.yml"
    edited.write_text(EXAMPLE_ORG.read_text().replace(
        "  - slack_id: U0SAFE0001\n    name: Priya Shah\n    roles: [safeguarding_lead, team_member]\n", ""
    ).replace("roles: [deputy_safeguarding_lead,", "roles: [safeguarding_lead, deputy_safeguarding_lead,"))
    return edited
