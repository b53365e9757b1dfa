"""The other half of the stand-in: requests to the bot, shaped and signed as Slack sends them."""

from __future__ import annotations

import itertools
import json
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import aiohttp
from slack_sdk.signature import SignatureVerifier

from bot.standin.server import APP_ID, TEAM_ID, FakeSlack


@dataclass
class BotResponse:
    status: int
    text: str

    def json(self) -> Any:
        return json.loads(self.text) if self.text else None


class SlackRequestSender:
    def __init__(self, bot_url: str, signing_secret: str, fake: FakeSlack, *, timestamp_offset: int = 0) -> None:
        self.bot_url = bot_url
        self.signing_secret = signing_secret
        self.fake = fake
        self.timestamp_offset = timestamp_offset
        self._counter = itertools.count(1)

    def trigger_id(self, user_id: str) -> str:
        # The stand-in reads the user back from the trigger id to know whose modal it opened.
        return f"{next(self._counter)}.{int(time.time())}.{user_id}"

    async def post(
        self,
        body: str,
        content_type: str,
        *,
        sign: bool = True,
        signing_secret: str | None = None,
        timestamp: int | None = None,
        headers: dict[str, str] | None = None,
    ) -> BotResponse:
        ts = str(timestamp if timestamp is not None else int(time.time()) + self.timestamp_offset)
        all_headers = {"Content-Type": content_type, **(headers or {})}
        if sign:
            verifier = SignatureVerifier(signing_secret or self.signing_secret)
            all_headers["X-Slack-Request-Timestamp"] = ts
            all_headers["X-Slack-Signature"] = verifier.generate_signature(timestamp=ts, body=body)
        async with aiohttp.ClientSession() as session:
            async with session.post(self.bot_url, data=body.encode(), headers=all_headers) as response:
                return BotResponse(response.status, await response.text())

    # -- what Slack sends ------------------------------------------------------------------------

    def slash_command_body(self, command: str, text: str, user_id: str, channel_id: str = "C0GENERAL1") -> str:
        return urlencode(
            {
                "token": "legacy-verification-token",
                "team_id": TEAM_ID,
                "team_domain": "themusicworks",
                "channel_id": channel_id,
                "channel_name": "general",
                "user_id": user_id,
                "user_name": user_id.lower(),
                "command": command,
                "text": text,
                "api_app_id": APP_ID,
                "is_enterprise_install": "false",
                "response_url": self.fake.response_url(),
                "trigger_id": self.trigger_id(user_id),
            }
        )

    async def slash_command(self, command: str, text: str, user_id: str, **kwargs: Any) -> BotResponse:
        channel_id = kwargs.pop("channel_id", "C0GENERAL1")
        body = self.slash_command_body(command, text, user_id, channel_id)
        return await self.post(body, "application/x-www-form-urlencoded", **kwargs)

    async def interactive(self, payload: dict[str, Any], **kwargs: Any) -> BotResponse:
        body = urlencode({"payload": json.dumps(payload)})
        return await self.post(body, "application/x-www-form-urlencoded", **kwargs)

    async def block_action(
        self,
        user_id: str,
        action_id: str,
        value: str = "",
        *,
        block_id: str = "actions",
        message: dict[str, Any] | None = None,
        channel_id: str | None = None,
        view: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> BotResponse:
        payload: dict[str, Any] = {
            "type": "block_actions",
            "user": {"id": user_id, "username": user_id.lower(), "name": user_id.lower(), "team_id": TEAM_ID},
            "api_app_id": APP_ID,
            "token": "legacy-verification-token",
            "team": {"id": TEAM_ID, "domain": "themusicworks"},
            "trigger_id": self.trigger_id(user_id),
            "actions": [
                {"action_id": action_id, "block_id": block_id, "value": value, "type": "button",
                 "action_ts": f"{time.time():.6f}"}
            ],
        }
        if message is not None:
            payload["container"] = {"type": "message", "message_ts": message["ts"], "channel_id": channel_id}
            payload["message"] = message
            payload["channel"] = {"id": channel_id}
            payload["response_url"] = self.fake.response_url()
        if view is not None:
            payload["container"] = {"type": "view", "view_id": view["id"]}
            payload["view"] = view
        return await self.interactive(payload, **kwargs)

    async def view_submission(self, user_id: str, view: dict[str, Any], values: dict[str, dict[str, Any]], **kwargs: Any) -> BotResponse:
        """Submit a modal the bot opened, with `values` as Slack's view.state.values."""
        submitted = {k: v for k, v in view.items() if not k.startswith("_")}
        submitted["state"] = {"values": values}
        payload = {
            "type": "view_submission",
            "team": {"id": TEAM_ID, "domain": "themusicworks"},
            "user": {"id": user_id, "username": user_id.lower(), "name": user_id.lower(), "team_id": TEAM_ID},
            "api_app_id": APP_ID,
            "token": "legacy-verification-token",
            "trigger_id": self.trigger_id(user_id),
            "view": submitted,
            "response_urls": [],
        }
        return await self.interactive(payload, **kwargs)

    async def message_shortcut(self, user_id: str, callback_id: str, message: dict[str, Any], channel_id: str, **kwargs: Any) -> BotResponse:
        payload = {
            "type": "message_action",
            "token": "legacy-verification-token",
            "action_ts": f"{time.time():.6f}",
            "team": {"id": TEAM_ID, "domain": "themusicworks"},
            "user": {"id": user_id, "name": user_id.lower()},
            "channel": {"id": channel_id, "name": channel_id.lower()},
            "callback_id": callback_id,
            "trigger_id": self.trigger_id(user_id),
            "message_ts": message["ts"],
            "message": message,
            "response_url": self.fake.response_url(),
        }
        return await self.interactive(payload, **kwargs)

    def event_body(self, event: dict[str, Any], event_id: str | None = None) -> dict[str, Any]:
        return {
            "token": "legacy-verification-token",
            "team_id": TEAM_ID,
            "api_app_id": APP_ID,
            "event": event,
            "type": "event_callback",
            "event_id": event_id or f"Ev{next(self._counter):08d}",
            "event_time": int(time.time()),
            "authed_users": [],
        }

    async def event(self, event: dict[str, Any], *, event_id: str | None = None, retry_num: int | None = None, **kwargs: Any) -> BotResponse:
        headers = dict(kwargs.pop("headers", {}) or {})
        if retry_num is not None:
            headers["X-Slack-Retry-Num"] = str(retry_num)
            headers["X-Slack-Retry-Reason"] = "http_timeout"
        body = json.dumps(self.event_body(event, event_id))
        return await self.post(body, "application/json", headers=headers, **kwargs)
