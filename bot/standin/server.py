"""The Web API half of the stand-in: answers like Slack, records every call, and fails when told to."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import WSMsgType, web

BOT_USER_ID = "U0TMWBOT00"
BOT_ID = "B0TMWBOT00"
TEAM_ID = "T0TMW00001"
APP_ID = "A0TMWAPP01"


# Slack's Block Kit text limits (see /work/shared/slack/block_kit/limits.json): a message breaking
# them is refused with invalid_blocks, as Slack does, so a test sees the message never arrive.
MESSAGE_MAX_BLOCKS = 50
SECTION_TEXT_MAX = 3000
SECTION_FIELDS_MAX = 10
SECTION_FIELD_TEXT_MAX = 2000
HEADER_TEXT_MAX = 150


def breaks_block_limits(blocks: Any) -> bool:
    if not isinstance(blocks, list):
        return False
    if len(blocks) > MESSAGE_MAX_BLOCKS:
        return True
    for block in blocks:
        text = (block.get("text") or {}).get("text", "")
        if block.get("type") == "section":
            fields = block.get("fields") or []
            if len(text) > SECTION_TEXT_MAX or len(fields) > SECTION_FIELDS_MAX:
                return True
            if any(len(f.get("text", "")) > SECTION_FIELD_TEXT_MAX for f in fields):
                return True
        if block.get("type") == "header" and len(text) > HEADER_TEXT_MAX:
            return True
    return False


@dataclass
class RecordedCall:
    method: str
    params: dict[str, Any]
    token: str | None
    at: float = field(default_factory=time.time)


@dataclass
class PlannedFailure:
    error: str
    status: int = 200
    retry_after: int | None = None
    remaining: int = 1


@dataclass
class PostedMessage:
    channel: str
    ts: str
    text: str
    blocks: list[dict[str, Any]] | None
    user: str = BOT_USER_ID
    deleted: bool = False
    # chat.postMessage's `metadata` (event_type and event_payload), returned by conversations.history.
    metadata: dict[str, Any] | None = None


@dataclass
class UploadedFile:
    channel: str
    filename: str
    title: str
    content: bytes
    initial_comment: str = ""


@dataclass
class SocketConnection:
    ws: web.WebSocketResponse
    acks: asyncio.Queue[dict[str, Any]] = field(default_factory=asyncio.Queue)


class FakeSlack:
    """Start with `await fake.start()`; point SLACK_API_URL at `fake.api_url`."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0, *, users: dict[str, dict[str, Any]] | None = None):
        self.host = host
        self.port = port
        self.calls: list[RecordedCall] = []
        self.responses: list[RecordedCall] = []  # posts to response_url
        self.messages: list[PostedMessage] = []
        self.ephemerals: list[dict[str, Any]] = []
        self.views: dict[str, dict[str, Any]] = {}
        self.home_views: dict[str, dict[str, Any]] = {}
        self.users = users or {}
        self.bot_not_in: set[str] = set()
        self.pinned: list[tuple[str, str]] = []
        self.files: list[UploadedFile] = []  # files shared by files.completeUploadExternal
        self._uploads: dict[str, dict[str, Any]] = {}  # file id -> filename and uploaded bytes
        self._failures: dict[str, list[PlannedFailure]] = defaultdict(list)
        self._counter = itertools.count(1)
        self._clock_base = int(time.time())
        self._runner: web.AppRunner | None = None
        self.sockets: list[SocketConnection] = []
        self.socket_connected = asyncio.Event()
        self.stalled = False
        self.connections_opened = 0
        # Methods whose next call does its work but keeps the answer back until `let_go` (a hang).
        self._holding: dict[str, asyncio.Event] = {}
        self.held: list[RecordedCall] = []
        self._held_events: list[asyncio.Event] = []

    # -- lifecycle -------------------------------------------------------------------------------

    async def start(self) -> FakeSlack:
        application = web.Application()
        application.add_routes(
            [
                web.post("/api/{method}", self._api),
                web.get("/api/{method}", self._api),  # slack_sdk reads some methods (history) by GET
                web.post("/response/{token}", self._response_url),
                web.post("/upload/{file_id}", self._upload),
                web.get("/socket", self._socket),
            ]
        )
        self._runner = web.AppRunner(application)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self

    async def stop(self) -> None:
        for connection in list(self.sockets):
            await connection.ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def api_url(self) -> str:
        return f"{self.base_url}/api/"

    def response_url(self, token: str = "") -> str:
        return f"{self.base_url}/response/{token or next(self._counter)}"

    # -- fault injection -------------------------------------------------------------------------

    def fail(self, method: str, error: str, *, times: int = 1, status: int = 200, retry_after: int | None = None) -> None:
        """Make the next `times` calls of `method` fail as Slack would (ok: false, or HTTP 429/5xx)."""
        self._failures[method].append(PlannedFailure(error, status, retry_after, times))

    def recover(self, method: str) -> None:
        """Cancel the failures still planned for `method`."""
        self._failures.pop(method, None)

    def rate_limit(self, method: str, *, times: int = 1, retry_after: int = 1) -> None:
        self.fail(method, "ratelimited", times=times, status=429, retry_after=retry_after)

    def hold(self, method: str) -> None:
        """Let the next call of `method` take effect (a post lands), then hang without answering, as if
        the connection or the bot died before the answer came back."""
        self._holding[method] = asyncio.Event()

    def let_go(self) -> None:
        """Answer the calls still held, and hold no more."""
        for released in self._held_events:
            released.set()
        self._held_events.clear()
        self._holding.clear()

    # -- what the bot did ------------------------------------------------------------------------

    def calls_to(self, method: str) -> list[RecordedCall]:
        return [call for call in self.calls if call.method == method]

    async def wait_until(self, condition: Callable[[], object], timeout: float = 15.0, what: str = "") -> None:
        """Wait for the bot's work after an ack (events and lazy listeners run after Slack is answered)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not condition():
            if loop.time() > deadline:
                raise TimeoutError(f"timed out waiting for {what or 'the bot'}")
            await asyncio.sleep(0.02)

    def record_user_message(self, channel: str, user: str, text: str, ts: str) -> PostedMessage:
        """A message a person posted (sent to the bot as an event), so that chat.delete can find it."""
        message = PostedMessage(channel, ts, text, None, user=user)
        self.messages.append(message)
        return message

    def dm_channel(self, user_id: str) -> str:
        return "D" + user_id[1:]

    def messages_in(self, channel_or_user: str) -> list[PostedMessage]:
        channel = self.dm_channel(channel_or_user) if channel_or_user[:1] in "UW" else channel_or_user
        return [m for m in self.messages if m.channel == channel and not m.deleted]

    def ephemerals_for(self, user_id: str) -> list[dict[str, Any]]:
        return [e for e in self.ephemerals if e.get("user") == user_id]

    def view_for(self, user_id: str) -> dict[str, Any] | None:
        """The modal most recently opened for a person, as it stands now."""
        opened = [v for v in self.views.values() if v.get("_user") == user_id]
        return opened[-1] if opened else None

    # -- the Web API -----------------------------------------------------------------------------

    async def _params(self, request: web.Request) -> dict[str, Any]:
        raw = await request.text()
        if request.content_type == "application/json":
            params: dict[str, Any] = json.loads(raw or "{}")
        else:
            params = dict(parse_qsl(raw, keep_blank_values=True))
        params.update(request.query)
        for key in ("blocks", "view", "attachments", "metadata"):
            if isinstance(params.get(key), str) and params[key]:
                with contextlib.suppress(json.JSONDecodeError):
                    params[key] = json.loads(params[key])
        return params

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params = await self._params(request)
        auth = request.headers.get("Authorization", "")
        token = auth.removeprefix("Bearer ") if auth.startswith("Bearer ") else params.get("token")
        self.calls.append(RecordedCall(method, params, token))
        planned = self._failures.get(method)
        if planned:
            failure = planned[0]
            failure.remaining -= 1
            if failure.remaining <= 0:
                planned.pop(0)
            headers = {"Retry-After": str(failure.retry_after)} if failure.retry_after is not None else {}
            return web.json_response({"ok": False, "error": failure.error}, status=failure.status, headers=headers)
        if not token:
            return web.json_response({"ok": False, "error": "not_authed"})
        handler = getattr(self, "_m_" + method.replace(".", "_"), None)
        if handler is None:
            return web.json_response({"ok": False, "error": "unknown_method"})
        body = handler(params, token)
        if asyncio.iscoroutine(body):
            body = await body
        released = self._holding.pop(method, None)
        if released is not None:  # this call hangs, the next ones are answered
            self.held.append(self.calls[-1])
            self._held_events.append(released)
            await released.wait()
        return web.json_response(body)

    def _ts(self) -> str:
        return f"{self._clock_base + next(self._counter)}.{next(self._counter):06d}"

    def _channel(self, target: str) -> str:
        return self.dm_channel(target) if target[:1] in "UW" else target

    def _m_auth_test(self, params: dict[str, Any], token: str) -> dict[str, Any]:
        return {"ok": True, "url": "https://tmw.example/", "team": "The Music Works", "user": "tmw-bot",
                "team_id": TEAM_ID, "user_id": BOT_USER_ID, "bot_id": BOT_ID, "is_enterprise_install": False}

    def _m_chat_postMessage(self, params: dict[str, Any], token: str) -> dict[str, Any]:
        target = str(params.get("channel", ""))
        if not target:
            return {"ok": False, "error": "channel_not_found"}
        if not params.get("text") and not params.get("blocks"):
            return {"ok": False, "error": "no_text"}
        channel = self._channel(target)
        if channel in self.bot_not_in:
            return {"ok": False, "error": "not_in_channel"}
        if breaks_block_limits(params.get("blocks")):
            return {"ok": False, "error": "invalid_blocks"}
        metadata = params.get("metadata") if isinstance(params.get("metadata"), dict) else None
        message = PostedMessage(channel, self._ts(), str(params.get("text", "")), params.get("blocks"), metadata=metadata)
        self.messages.append(message)
        return {"ok": True, "channel": channel, "ts": message.ts,
                "message": {"text": message.text, "blocks": message.blocks, "ts": message.ts, "user": BOT_USER_ID}}

    def _m_chat_postEphemeral(self, params: dict[str, Any], token: str) -> dict[str, Any]:
        if not params.get("user"):
            return {"ok": False, "error": "user_not_in_channel"}
        self.ephemerals.append(dict(params))
        return {"ok": True, "message_ts": self._ts()}

    def _find(self, channel: str, ts: str) -> PostedMessage | None:
        return next((m for m in self.messages if m.channel == channel and m.ts == ts and not m.deleted), None)

    def _m_chat_update(self, params: dict[str, Any], token: str) -> dict[str, Any]:
        message = self._find(str(params.get("channel")), str(params.get("ts")))
        if message is None:
            return {"ok": False, "error": "message_not_found"}
        if breaks_block_limits(params.get("blocks")):
            return {"ok": False, "error": "invalid_blocks"}
        message.text = str(params.get("text", message.text))
        message.blocks = params.get("blocks", message.blocks)
        return {"ok": True, "channel": message.channel, "ts": message.ts, "text": message.text}

    def _m_chat_delete(self, params: dict[str, Any], token: str) -> dict[str, Any]:
        message = self._find(str(params.get("channel")), str(params.get("ts")))
        if message is None:
            return {"ok": False, "error": "message_not_found"}
        message.deleted = True
        return {"ok": True, "channel": message.channel, "ts": message.ts}

    def _m_chat_getPermalink(self, params: dict[str, Any], token: str) -> dict[str, Any]:
        channel, ts = str(params.get("channel")), str(params.get("message_ts", ""))
        if self._find(channel, ts) is None:
            return {"ok": False, "error": "message_not_found"}
        return {"ok": True, "channel": channel, "permalink": f"https://tmw.example/archives/{channel}/p{ts.replace('.', '')}"}

    def _m_conversations_history(self, params: dict[str, Any], token: str) -> dict[str, Any]:
        channel = str(params.get("channel", ""))
        oldest = float(params.get("oldest") or 0)
        with_metadata = str(params.get("include_all_metadata", "")).lower() in ("1", "true")
        found = sorted((m for m in self.messages if m.channel == channel and not m.deleted and float(m.ts) > oldest),
                       key=lambda m: float(m.ts), reverse=True)[: int(params.get("limit") or 100)]
        messages = []
        for m in found:
            shown: dict[str, Any] = {"type": "message", "ts": m.ts, "text": m.text, "blocks": m.blocks, "user": m.user}
            if with_metadata and m.metadata is not None:
                shown["metadata"] = m.metadata
            messages.append(shown)
        return {"ok": True, "messages": messages, "has_more": False}

    def _m_conversations_open(self, params: dict[str, Any], token: str) -> dict[str, Any]:
        users = str(params.get("users", "")).split(",")
        return {"ok": True, "channel": {"id": self.dm_channel(users[0])}}

    # files.getUploadURLExternal, a POST of the bytes to the URL it gives, then files.completeUploadExternal
    # (see /work/shared/slack/web-api): the file is recorded once it is completed into a channel.
    def _m_files_getUploadURLExternal(self, params: dict[str, Any], token: str) -> dict[str, Any]:
        if not params.get("filename") or not str(params.get("length", "")).isdigit():
            return {"ok": False, "error": "invalid_arguments"}
        file_id = f"F{next(self._counter):08d}"
        self._uploads[file_id] = {"filename": str(params["filename"]), "content": None}
        return {"ok": True, "upload_url": f"{self.base_url}/upload/{file_id}", "file_id": file_id}

    async def _upload(self, request: web.Request) -> web.Response:
        upload = self._uploads.get(request.match_info["file_id"])
        if upload is None:
            return web.Response(status=404, text="no such upload")
        upload["content"] = await request.read()
        return web.Response(status=200, text="OK - " + str(len(upload["content"])))

    def _m_files_completeUploadExternal(self, params: dict[str, Any], token: str) -> dict[str, Any]:
        files = params.get("files")
        files = json.loads(files) if isinstance(files, str) else files
        channel = str(params.get("channel_id") or "")
        if not files:
            return {"ok": False, "error": "invalid_arguments"}
        done = []
        for entry in files:
            upload = self._uploads.get(entry.get("id", ""))
            if upload is None or upload["content"] is None:
                return {"ok": False, "error": "file_not_found"}
            if channel:
                self.files.append(UploadedFile(channel, upload["filename"], str(entry.get("title") or upload["filename"]),
                                               upload["content"], str(params.get("initial_comment") or "")))
            done.append({"id": entry["id"], "name": upload["filename"], "title": entry.get("title")})
        return {"ok": True, "files": done}

    def files_in(self, channel_or_user: str) -> list[UploadedFile]:
        channel = self._channel(channel_or_user)
        return [f for f in self.files if f.channel == channel]

    def _m_users_info(self, params: dict[str, Any], token: str) -> dict[str, Any]:
        user_id = str(params.get("user"))
        profile = self.users.get(user_id)
        if profile is None:
            return {"ok": False, "error": "user_not_found"}
        return {"ok": True, "user": {"id": user_id, "team_id": TEAM_ID, "tz": "Europe/London", **profile}}

    def _m_pins_add(self, params: dict[str, Any], token: str) -> dict[str, Any]:
        self.pinned.append((str(params.get("channel")), str(params.get("timestamp"))))
        return {"ok": True}

    def _new_view(self, view: dict[str, Any], user: str | None, view_id: str | None = None) -> dict[str, Any]:
        view_id = view_id or f"V{next(self._counter):08d}"
        stored = {**view, "id": view_id, "team_id": TEAM_ID, "app_id": APP_ID, "bot_id": BOT_ID,
                  "hash": f"{int(time.time())}.{next(self._counter)}", "root_view_id": view_id,
                  "state": {"values": {}}, "_user": user}
        stored.setdefault("private_metadata", "")
        stored.setdefault("callback_id", "")
        return stored

    def _m_views_open(self, params: dict[str, Any], token: str) -> dict[str, Any]:
        if not params.get("trigger_id"):
            return {"ok": False, "error": "invalid_trigger_id"}
        view = params.get("view")
        if not isinstance(view, dict):
            return {"ok": False, "error": "invalid_arguments"}
        user = str(params["trigger_id"]).split(".")[-1] if "." in str(params["trigger_id"]) else None
        stored = self._new_view(view, user)
        self.views[stored["id"]] = stored
        return {"ok": True, "view": {k: v for k, v in stored.items() if not k.startswith("_")}}

    def _m_views_update(self, params: dict[str, Any], token: str) -> dict[str, Any]:
        view_id = params.get("view_id") or next(
            (v["id"] for v in self.views.values() if v.get("external_id") == params.get("external_id")), None
        )
        if view_id not in self.views:
            return {"ok": False, "error": "not_found"}
        view = params.get("view")
        if not isinstance(view, dict):
            return {"ok": False, "error": "invalid_arguments"}
        stored = self._new_view(view, self.views[view_id].get("_user"), view_id)
        self.views[view_id] = stored
        return {"ok": True, "view": {k: v for k, v in stored.items() if not k.startswith("_")}}

    def _m_views_publish(self, params: dict[str, Any], token: str) -> dict[str, Any]:
        user = str(params.get("user_id", ""))
        view = params.get("view")
        if not user or not isinstance(view, dict):
            return {"ok": False, "error": "invalid_arguments"}
        self.home_views[user] = view
        return {"ok": True, "view": {**view, "id": f"VH{user}"}}

    def _m_apps_connections_open(self, params: dict[str, Any], token: str) -> dict[str, Any]:
        if not token.startswith("xapp-"):
            return {"ok": False, "error": "not_allowed_token_type"}
        self.connections_opened += 1
        return {"ok": True, "url": f"ws://{self.host}:{self.port}/socket?ticket={next(self._counter)}"}

    # -- response_url ----------------------------------------------------------------------------

    async def _response_url(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.responses.append(RecordedCall("response_url", body, None))
        return web.Response(text="ok")

    # -- Socket Mode -----------------------------------------------------------------------------

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        # autoping off, so a "stalled" server can stop answering pings as a dead connection would.
        ws = web.WebSocketResponse(autoping=False)
        await ws.prepare(request)
        connection = SocketConnection(ws)
        self.sockets.append(connection)
        await ws.send_json({"type": "hello", "num_connections": len(self.sockets),
                            "connection_info": {"app_id": APP_ID}, "debug_info": {"host": "standin"}})
        self.socket_connected.set()
        try:
            async for message in ws:
                if message.type == WSMsgType.PING:
                    if not self.stalled:
                        await ws.pong(message.data)
                elif message.type == WSMsgType.TEXT:
                    await connection.acks.put(json.loads(message.data))
        finally:
            if connection in self.sockets:
                self.sockets.remove(connection)
            if not self.sockets:
                self.socket_connected.clear()
        return ws

    async def wait_for_socket(self, timeout: float = 10.0) -> SocketConnection:
        deadline = asyncio.get_running_loop().time() + timeout
        while asyncio.get_running_loop().time() < deadline:
            live = [c for c in self.sockets if not c.ws.closed]
            if live:
                return live[-1]
            await asyncio.sleep(0.05)
        raise TimeoutError("the bot did not open a Socket Mode connection")

    async def send_envelope(self, kind: str, payload: dict[str, Any], timeout: float = 10.0) -> dict[str, Any]:
        """Send an envelope (events_api, slash_commands, interactive) and wait for the bot's ack."""
        connection = await self.wait_for_socket(timeout)
        envelope_id = f"env-{next(self._counter)}"
        await connection.ws.send_json({"envelope_id": envelope_id, "payload": payload, "type": kind,
                                       "accepts_response_payload": kind != "events_api"})
        while True:
            ack = await asyncio.wait_for(connection.acks.get(), timeout)
            if ack.get("envelope_id") == envelope_id:
                return ack

    async def send_disconnect(self, reason: str = "refresh_requested") -> None:
        for connection in list(self.sockets):
            await connection.ws.send_json({"type": "disconnect", "reason": reason, "debug_info": {"host": "standin"}})

    async def drop_sockets(self) -> None:
        """Cut every connection without a goodbye, as a network fault would."""
        for connection in list(self.sockets):
            transport = connection.ws._req.transport if connection.ws._req else None  # type: ignore[union-attr]
            if transport is not None:
                transport.abort()
            self.sockets.remove(connection)
        self.socket_connected.clear()
