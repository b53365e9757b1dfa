"""The Bot Connector half of the Teams stand-in: the REST API a bot answers through (at each activity's
serviceUrl), and the sign-in endpoints around it (Entra's token endpoint for the bot's own token, and the
Bot Framework OpenID metadata and keys the bot checks incoming tokens against).

The token endpoint takes the bot's client secret, or a client assertion signed with the certificate
registered for the app (`certificate`), checked as Entra checks it: the certificate found by the
thumbprint in the header (x5t#S256 or x5t), the signature (RS256 or PS256) with its public key, the
audience (this token endpoint), issuer and subject (the app id), and the time range (against `now`, the
stand-in's clock). A bad assertion is refused as Entra refuses it: 401 invalid_client with its AADSTS code.

It answers as Microsoft's services do (see ../shared/teams/README.md), records every call, and fails
when told to: 429 with Retry-After, 5xx, or 403 for a person the app is not installed for.

It also stands in for the person's OneDrive when the bot sends them a file: a file consent card sent to a
1:1 chat is kept like any activity; pressing Allow (the client's `file_consent`) opens an upload session
here (`upload_session`), whose URL records the bytes the bot PUTs to it (`uploads`).
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import itertools
import secrets
import time
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import jwt
from aiohttp import web
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from bot.standin.teams.keys import SigningKey

BOT_FRAMEWORK_ISSUER = "https://api.botframework.com"
BOT_FRAMEWORK_SCOPE = "https://api.botframework.com/.default"
TENANT_ID = "9f1c6a5e-0d1b-4c3e-8a7f-2b6d4e8c0a11"
TOKEN_LIFETIME = 3599
CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
# What Entra says when it refuses a client's credentials, by AADSTS code.
ENTRA_ERRORS = {
    7000215: "Invalid client secret provided. Ensure the secret being sent in the request is the client secret "
             "value, not the client secret ID.",
    7000218: "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    50027: "JWT token is invalid or malformed.",
    50012: "Client assertion audience claim does not match Realm issuer.",
    700021: "Client assertion application identifier doesn't match 'client_id' parameter.",
    700024: "Client assertion is not within its valid time range.",
    700027: "Client assertion contains an invalid signature.",
}


@dataclass
class ConnectorCall:
    method: str
    path: str
    body: dict[str, Any] | None
    token: str | None
    at: float = field(default_factory=time.time)


@dataclass
class PlannedFault:
    status: int
    retry_after: int | None
    remaining: int


FILE_CONSENT_CARD = "application/vnd.microsoft.teams.card.file.consent"
FILE_INFO_CARD = "application/vnd.microsoft.teams.card.file.info"


@dataclass
class Upload:
    """An upload session OneDrive opened when a person allowed a file: what the bot PUT to it, if anything."""

    id: str
    person: str
    name: str
    content: bytes | None = None
    content_range: str = ""
    puts: int = 0


@dataclass
class SentActivity:
    conversation_id: str
    id: str
    activity: dict[str, Any]
    reply_to: str | None = None
    deleted: bool = False
    # Each replacement sent with PUT, oldest first; `activity` is the one shown now.
    history: list[dict[str, Any]] = field(default_factory=list)

    @property
    def cards(self) -> list[dict[str, Any]]:
        return [a["content"] for a in self.activity.get("attachments") or []
                if a.get("contentType") == "application/vnd.microsoft.card.adaptive"]

    def attachments_of(self, content_type: str) -> list[dict[str, Any]]:
        return [a for a in self.activity.get("attachments") or [] if a.get("contentType") == content_type]

    @property
    def file_consents(self) -> list[dict[str, Any]]:
        """File consent cards: a file the bot asks its person to allow."""
        return self.attachments_of(FILE_CONSENT_CARD)

    @property
    def file_infos(self) -> list[dict[str, Any]]:
        """File info cards: a file the bot has put in its person's OneDrive, shown in the chat."""
        return self.attachments_of(FILE_INFO_CARD)


@dataclass
class Conversation:
    id: str
    # The person of a 1:1 chat, or None for a channel.
    member: str | None = None
    team_id: str | None = None


class FakeTeams:
    """Start with `await fake.start()`. Point the bot's token URL at `fake.token_url`, its OpenID metadata
    URL at `fake.openid_url`, and send it activities whose serviceUrl is `fake.service_url`."""

    def __init__(self, app_id: str, app_password: str | None, *, certificate: x509.Certificate | None = None,
                 now: Callable[[], datetime] | None = None, host: str = "127.0.0.1", port: int = 0,
                 tenant_id: str = TENANT_ID) -> None:
        self.app_id = app_id
        # The app registration's credentials: its client secret and the certificate uploaded for it.
        self.app_password = app_password
        self.certificate = certificate
        # The clock a client assertion's time range is checked against (Entra's own clock, in effect).
        self.now = now or (lambda: datetime.now(UTC))
        # Every client assertion received, unverified header and claims, whether accepted or not.
        self.client_assertions: list[tuple[dict[str, Any], dict[str, Any]]] = []
        self.tenant_id = tenant_id
        self.host = host
        self.port = port
        self.signing_key = SigningKey.generate()
        # Keys published besides the current one (an older key, as during Microsoft's rotations).
        self.older_keys: list[SigningKey] = []
        self.keys_fetched = 0
        self.calls: list[ConnectorCall] = []
        self.sent: list[SentActivity] = []
        self.conversations: dict[str, Conversation] = {}
        # People (Entra object ids) the app is installed for: a 1:1 chat with anyone else is refused.
        self.installed_for: set[str] = set()
        self.tokens_issued: list[str] = []
        # OneDrive upload sessions opened by a person's Allow, by id.
        self.uploads: dict[str, Upload] = {}
        self._faults: dict[str, list[PlannedFault]] = defaultdict(list)
        self._counter = itertools.count(1)
        self._runner: web.AppRunner | None = None

    # -- lifecycle -------------------------------------------------------------------------------

    async def start(self) -> FakeTeams:
        application = web.Application()
        application.add_routes([
            web.get("/v1/.well-known/openidconfiguration", self._openid_metadata),
            web.get("/v1/.well-known/keys", self._keys),
            web.post("/{tenant}/oauth2/v2.0/token", self._token),
            web.post("/teams/v3/conversations", self._create_conversation),
            web.post("/teams/v3/conversations/{conversation}/activities", self._send),
            web.post("/teams/v3/conversations/{conversation}/activities/{activity}", self._reply),
            web.put("/teams/v3/conversations/{conversation}/activities/{activity}", self._update),
            web.delete("/teams/v3/conversations/{conversation}/activities/{activity}", self._delete),
            web.get("/teams/v3/conversations/{conversation}/members", self._members),
            web.put("/onedrive/uploads/{upload}", self._upload),
            web.get("/onedrive/files/{upload}/{name}", self._download),
        ])
        self._runner = web.AppRunner(application)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def service_url(self) -> str:
        """What Teams puts in each activity's serviceUrl (with its trailing slash, as Teams sends it)."""
        return f"{self.base_url}/teams/"

    @property
    def openid_url(self) -> str:
        return f"{self.base_url}/v1/.well-known/openidconfiguration"

    @property
    def token_url(self) -> str:
        return f"{self.base_url}/{self.tenant_id}/oauth2/v2.0/token"

    # -- fault injection -------------------------------------------------------------------------

    def fail(self, method: str, status: int, *, times: int = 1, retry_after: int | None = None) -> None:
        """Make the next `times` calls of `method` ("send", "update", "delete", "reply",
        "create_conversation", "token", or "upload": a PUT to an upload session) fail with `status`."""
        self._faults[method].append(PlannedFault(status, retry_after, times))

    def rate_limit(self, method: str, *, times: int = 1, retry_after: int = 1) -> None:
        self.fail(method, 429, times=times, retry_after=retry_after)

    def rotate_key(self) -> None:
        """Sign with a new key from now on, publishing both, as Microsoft does when it rotates them."""
        self.older_keys.append(self.signing_key)
        self.signing_key = SigningKey.generate()

    def install_for(self, *people: str) -> None:
        self.installed_for.update(people)

    # -- what the bot did ------------------------------------------------------------------------

    def calls_to(self, method: str) -> list[ConnectorCall]:
        return [call for call in self.calls if call.method == method]

    def sent_to(self, person: str) -> list[SentActivity]:
        """What stands in a person's 1:1 chat with the bot now."""
        chats = {c.id for c in self.conversations.values() if c.member == person}
        return [s for s in self.sent if s.conversation_id in chats and not s.deleted]

    def sent_in(self, conversation_id: str) -> list[SentActivity]:
        return [s for s in self.sent if s.conversation_id == conversation_id and not s.deleted]

    def upload_session(self, person: str, name: str) -> dict[str, str]:
        """What OneDrive opens when a person allows a file: an upload session in their OneDrive, as
        Teams gives it to the bot (FileUploadInfo, by its JSON names)."""
        upload = Upload(id=secrets.token_hex(8), person=person, name=name)
        self.uploads[upload.id] = upload
        return {"name": name, "uploadUrl": f"{self.base_url}/onedrive/uploads/{upload.id}",
                "contentUrl": f"{self.base_url}/onedrive/files/{upload.id}/{name}",
                "uniqueId": str(uuid.UUID(int=int(upload.id, 16))), "fileType": name.rpartition(".")[2]}

    def uploaded_for(self, person: str) -> list[Upload]:
        """The files put in a person's OneDrive (each upload session the bot completed)."""
        return [u for u in self.uploads.values() if u.person == person and u.content is not None]

    def open_channel(self, team_id: str, channel_id: str) -> Conversation:
        """A team's channel the bot has been added to: its conversation id is the channel's id."""
        conversation = Conversation(id=channel_id, team_id=team_id)
        self.conversations[channel_id] = conversation
        return conversation

    def personal_chat(self, person: str) -> Conversation:
        """The 1:1 chat Teams keeps for the bot and a person (one per pair, as in Teams)."""
        for conversation in self.conversations.values():
            if conversation.member == person:
                return conversation
        conversation = Conversation(id=f"a:1{secrets.token_hex(12)}", member=person)
        self.conversations[conversation.id] = conversation
        return conversation

    async def wait_until(self, condition: Callable[[], object], timeout: float = 15.0, what: str = "") -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not condition():
            if loop.time() > deadline:
                raise TimeoutError(f"timed out waiting for {what or 'the bot'}")
            await asyncio.sleep(0.02)

    # -- sign-in ---------------------------------------------------------------------------------

    async def _openid_metadata(self, request: web.Request) -> web.Response:
        return web.json_response({
            "issuer": BOT_FRAMEWORK_ISSUER,
            "authorization_endpoint": f"{self.base_url}/v1/.well-known/authorize",
            "jwks_uri": f"{self.base_url}/v1/.well-known/keys",
            "id_token_signing_alg_values_supported": ["RS256"],
            "token_endpoint_auth_methods_supported": ["private_key_jwt"],
        })

    async def _keys(self, request: web.Request) -> web.Response:
        self.keys_fetched += 1
        if fault := self._fault("keys"):
            return fault
        return web.json_response({"keys": [key.jwk(endorsements=["msteams"])
                                           for key in (self.signing_key, *self.older_keys)]})

    async def _token(self, request: web.Request) -> web.Response:
        form = dict(await request.post())
        self.calls.append(ConnectorCall("token", request.path, {k: v for k, v in form.items()
                                                                 if k not in ("client_secret", "client_assertion")},
                                        None))
        if fault := self._fault("token"):
            return fault
        if request.match_info["tenant"] not in (self.tenant_id, "botframework.com"):
            return web.json_response({"error": "invalid_tenant"}, status=400)
        if form.get("grant_type") != "client_credentials" or form.get("scope") != BOT_FRAMEWORK_SCOPE:
            return web.json_response({"error": "invalid_request"}, status=400)
        if form.get("client_id") != self.app_id:
            return web.json_response({"error": "invalid_client"}, status=401)
        if "client_assertion" in form or "client_assertion_type" in form:
            refused = self._check_assertion(form, audience=f"{self.base_url}{request.path}")
            if refused is not None:
                return refused
        elif "client_secret" not in form:
            return _entra_refusal(7000218)
        elif self.app_password is None or form.get("client_secret") != self.app_password:
            return _entra_refusal(7000215)
        token = self.signing_key.sign({
            "aud": BOT_FRAMEWORK_ISSUER, "iss": f"https://login.microsoftonline.com/{self.tenant_id}/v2.0",
            "appid": self.app_id, "iat": int(time.time()), "exp": int(time.time()) + TOKEN_LIFETIME,
        })
        self.tokens_issued.append(token)
        return web.json_response({"token_type": "Bearer", "expires_in": TOKEN_LIFETIME,
                                  "ext_expires_in": TOKEN_LIFETIME, "access_token": token})

    def _check_assertion(self, form: dict[str, Any], *, audience: str) -> web.Response | None:
        """None if the client assertion proves the app, as Entra checks it; otherwise Entra's refusal."""
        assertion = str(form.get("client_assertion") or "")
        if form.get("client_assertion_type") != CLIENT_ASSERTION_TYPE or not assertion:
            return _entra_refusal(50027)
        try:
            header = jwt.get_unverified_header(assertion)
            claims = jwt.decode(assertion, options={"verify_signature": False})
        except jwt.PyJWTError:
            return _entra_refusal(50027)
        self.client_assertions.append((header, claims))
        algorithm = header.get("alg")
        if algorithm not in ("RS256", "PS256"):
            return _entra_refusal(50027)
        used = header.get("x5t#S256") or header.get("x5t")
        if self.certificate is None or used not in (_thumbprint(self.certificate, "sha256"),
                                                    _thumbprint(self.certificate, "sha1")):
            return _entra_refusal(700027, f"[Reason - The key was not found., Thumbprint of key used by client: "
                                          f"'{used}']")
        try:
            jwt.decode(assertion, self.certificate.public_key(), algorithms=[algorithm],  # type: ignore[arg-type]
                       options={"verify_aud": False, "verify_exp": False, "verify_nbf": False,
                                "verify_iat": False, "require": ["aud", "iss", "sub", "jti", "nbf", "exp"]})
        except jwt.InvalidSignatureError:
            return _entra_refusal(700027, "[Reason - The provided signature value did not match the expected "
                                          "signature value.]")
        except jwt.PyJWTError:
            return _entra_refusal(50027)
        if claims.get("aud") != audience:
            return _entra_refusal(50012)
        if claims.get("iss") != self.app_id or claims.get("sub") != self.app_id:
            return _entra_refusal(700021)
        now = self.now().timestamp()
        try:
            within = float(claims["nbf"]) <= now < float(claims["exp"])
        except (TypeError, ValueError):
            within = False
        if not within:
            return _entra_refusal(700024)
        return None

    # -- the Bot Connector -----------------------------------------------------------------------

    async def _begin(self, method: str, request: web.Request) -> tuple[dict[str, Any] | None, web.Response | None]:
        body = await request.json() if request.can_read_body else None
        auth = request.headers.get("Authorization", "")
        token = auth.removeprefix("Bearer ") if auth.startswith("Bearer ") else None
        self.calls.append(ConnectorCall(method, request.path, body, token))
        if fault := self._fault(method):
            return body, fault
        if token not in self.tokens_issued:
            return body, web.json_response({"error": {"code": "Unauthorized", "message": "Authorization has "
                                                      "been denied for this request."}}, status=401)
        return body, None

    async def _create_conversation(self, request: web.Request) -> web.Response:
        body, refused = await self._begin("create_conversation", request)
        if refused:
            return refused
        members = (body or {}).get("members") or []
        if len(members) != 1 or (body or {}).get("isGroup"):
            return _error(400, "BadArgument", "A 1:1 conversation needs exactly one member.")
        person = members[0].get("id")
        if person not in self.installed_for:
            return _error(403, "Forbidden", "The bot is not part of the conversation roster.")
        return web.json_response({"id": self.personal_chat(person).id}, status=201)

    async def _send(self, request: web.Request) -> web.Response:
        return await self._post_activity("send", request, reply_to=None)

    async def _reply(self, request: web.Request) -> web.Response:
        return await self._post_activity("reply", request, reply_to=request.match_info["activity"])

    async def _post_activity(self, method: str, request: web.Request, reply_to: str | None) -> web.Response:
        body, refused = await self._begin(method, request)
        if refused:
            return refused
        conversation = self.conversations.get(request.match_info["conversation"])
        if conversation is None:
            return _error(404, "ConversationNotFound", "Conversation not found.")
        if conversation.member is not None and conversation.member not in self.installed_for:
            return _error(403, "Forbidden", "The bot is not part of the conversation roster.")
        activity_id = f"1{int(time.time() * 1000)}{next(self._counter):04d}"
        self.sent.append(SentActivity(conversation.id, activity_id, body or {}, reply_to=reply_to))
        return web.json_response({"id": activity_id}, status=201)

    async def _update(self, request: web.Request) -> web.Response:
        body, refused = await self._begin("update", request)
        if refused:
            return refused
        found = self._find(request)
        if found is None:
            return _error(404, "ActivityNotFound", "Activity not found.")
        found.history.append(found.activity)
        found.activity = body or {}
        return web.json_response({"id": found.id})

    async def _delete(self, request: web.Request) -> web.Response:
        _, refused = await self._begin("delete", request)
        if refused:
            return refused
        found = self._find(request)
        if found is None:
            return _error(404, "ActivityNotFound", "Activity not found.")
        found.deleted = True
        return web.Response(status=200)

    async def _members(self, request: web.Request) -> web.Response:
        _, refused = await self._begin("members", request)
        if refused:
            return refused
        conversation = self.conversations.get(request.match_info["conversation"])
        if conversation is None:
            return _error(404, "ConversationNotFound", "Conversation not found.")
        members = [conversation.member] if conversation.member else sorted(self.installed_for)
        return web.json_response([{"id": m, "aadObjectId": m} for m in members])

    async def _upload(self, request: web.Request) -> web.Response:
        """A PUT of a whole file to an upload session, as OneDrive takes it: with no token (the URL grants
        it), a Content-Range that says the whole file, and once (a completed session is gone)."""
        content = await request.read()
        self.calls.append(ConnectorCall("upload", request.path, None, None))
        upload = self.uploads.get(request.match_info["upload"])
        if upload is None or upload.content is not None:
            return _error(404, "itemNotFound", "The upload session was not found.")
        upload.puts += 1
        if fault := self._fault("upload"):
            return fault
        expected = f"bytes 0-{len(content) - 1}/{len(content)}"
        if not content or request.headers.get("Content-Range") != expected:
            return _error(400, "invalidRange", "The Content-Range does not match the bytes sent.")
        upload.content, upload.content_range = content, expected
        return web.json_response({"id": upload.id, "name": upload.name, "size": len(content), "file": {}},
                                 status=201)

    async def _download(self, request: web.Request) -> web.Response:
        upload = self.uploads.get(request.match_info["upload"])
        if upload is None or upload.content is None:
            return _error(404, "itemNotFound", "The file was not found.")
        return web.Response(body=upload.content, content_type="application/octet-stream")

    def _find(self, request: web.Request) -> SentActivity | None:
        conversation, activity = request.match_info["conversation"], request.match_info["activity"]
        return next((s for s in self.sent if s.conversation_id == conversation and s.id == activity
                     and not s.deleted), None)

    def _fault(self, method: str) -> web.Response | None:
        planned = self._faults.get(method)
        if not planned:
            return None
        fault = planned[0]
        fault.remaining -= 1
        if fault.remaining <= 0:
            planned.pop(0)
        headers = {"Retry-After": str(fault.retry_after)} if fault.retry_after is not None else {}
        code = {429: "TooManyRequests", 403: "Forbidden"}.get(fault.status, "ServiceError")
        return web.json_response({"error": {"code": code, "message": "Planned by the test."}},
                                 status=fault.status, headers=headers)


def _thumbprint(certificate: x509.Certificate, algorithm: str) -> str:
    der = certificate.public_bytes(serialization.Encoding.DER)
    return base64.urlsafe_b64encode(hashlib.new(algorithm, der).digest()).rstrip(b"=").decode()


def _entra_refusal(code: int, reason: str = "") -> web.Response:
    """Entra's answer to credentials it will not take: 401 invalid_client, the AADSTS code and its words."""
    trace = str(uuid.uuid4())
    description = f"AADSTS{code}: {ENTRA_ERRORS[code]} {reason}".strip()
    return web.json_response({
        "error": "invalid_client", "error_description": f"{description}\r\nTrace ID: {trace}",
        "error_codes": [code], "timestamp": datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%SZ"), "trace_id": trace,
        "correlation_id": str(uuid.uuid4()), "error_uri": f"https://login.microsoftonline.com/error?code={code}",
    }, status=401)


def _error(status: int, code: str, message: str) -> web.Response:
    return web.json_response({"error": {"code": code, "message": message}}, status=status)
