"""The Bot Connector REST API, as the bot answers through it: send, update in place, and open a 1:1 chat.

The bot signs each call with its own token, got from Entra by client credentials (its app id, and its
password or a client assertion signed with its certificate: bot/teams/credentials.py) and kept until
shortly before it expires. Calls go to the service URL Teams gave with the conversation.

Every failure is one `ConnectorError` saying what to do about it: wait and try again (rate limits, Teams'
own faults, a network that is down), stop (Teams refused the bot's credentials: nothing will go out until
they are mended), wait for the app to be installed for the person, or give up on this message. The
password, the private key, the assertions and the tokens are never logged and never shown in an error.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any
from urllib.parse import quote

import aiohttp
from yarl import URL

from bot.teams.credentials import CLIENT_ASSERTION_TYPE, CertificateCredential

log = logging.getLogger(__name__)

BOT_FRAMEWORK_SCOPE = "https://api.botframework.com/.default"
# Microsoft's token endpoint for a bot registered for any organisation; a single-tenant bot uses its
# tenant's id in place of botframework.com.
PUBLIC_TOKEN_URL = "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token"
# A token is fetched again this long before it expires, so a call never goes out with one about to lapse.
TOKEN_RENEW_BEFORE = timedelta(minutes=5)
REQUEST_TIMEOUT = aiohttp.ClientTimeout(total=15)
# A 429 asking us to wait no longer than this is waited out in the call (at most RATE_LIMIT_RETRIES
# times); a longer wait is left to the outbox, which tries the message again later.
RATE_LIMIT_WAIT_MAX = 30.0
RATE_LIMIT_RETRIES = 2


class Failure(StrEnum):
    RETRY = "retry"  # Teams is busy or unwell, or the network is: try again later
    CREDENTIALS = "credentials"  # the bot's own app id, password or certificate was refused
    NOT_INSTALLED = "not_installed"  # the app is not installed for the person (or not in the team)
    REFUSED = "refused"  # Teams will never take this call as it is


class ConnectorError(Exception):
    def __init__(self, reason: str, failure: Failure, *, status: int | None = None,
                 retry_after: float | None = None, maybe_delivered: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.failure = failure
        self.status = status
        self.retry_after = retry_after
        # The request went out but no answer came back (a timeout, a dropped connection): Teams may
        # have acted on it.
        self.maybe_delivered = maybe_delivered


@dataclass
class _Token:
    value: str
    renew_at: datetime


Sleep = Callable[[float], Awaitable[None]]


class BotConnector:
    """One per process; `close()` it at shut-down. `credential` is the bot's client secret, or its
    certificate (`teams_sign_in` in bot/teams/credentials.py gives the one the settings name). `now` is the
    process clock (token expiry, and the times in a client assertion); `sleep` waits out a rate limit
    (injected, so tests can see the wait without taking it)."""

    def __init__(self, app_id: str, credential: str | CertificateCredential, *, token_url: str = PUBLIC_TOKEN_URL,
                 now: Callable[[], datetime], sleep: Sleep = asyncio.sleep) -> None:
        self.app_id = app_id
        self._credential = credential
        self.token_url = token_url
        self.now = now
        self.sleep = sleep
        self._token: _Token | None = None
        self._fetching = asyncio.Lock()
        self._session: aiohttp.ClientSession | None = None

    def __repr__(self) -> str:  # never the password or the key
        return f"BotConnector(app_id={self.app_id!r}, token_url={self.token_url!r})"

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    # -- the Bot Connector -----------------------------------------------------------------------

    async def send(self, service_url: str, conversation_id: str, activity: dict[str, Any], *,
                   personal: bool = False) -> str:
        """Post an activity in a conversation (`personal`: a 1:1 chat); its id, to update it later."""
        answer = await self._call("POST", service_url, f"v3/conversations/{_segment(conversation_id)}/activities",
                                  activity, personal=personal)
        return str(answer["id"])

    async def update(self, service_url: str, conversation_id: str, activity_id: str, activity: dict[str, Any], *,
                     personal: bool = False) -> None:
        """Replace an activity the bot sent, where it is."""
        path = f"v3/conversations/{_segment(conversation_id)}/activities/{_segment(activity_id)}"
        await self._call("PUT", service_url, path, {**activity, "id": activity_id}, personal=personal)

    async def open_personal_chat(self, service_url: str, tenant_id: str, user_id: str) -> str:
        """The id of the bot's 1:1 chat with a person (Teams keeps one per pair: asking again gives the
        same one). Refused with NOT_INSTALLED when the app is not installed for them."""
        body = {"bot": {"id": f"28:{self.app_id}"}, "members": [{"id": user_id}], "isGroup": False,
                "tenantId": tenant_id, "channelData": {"tenant": {"id": tenant_id}}}
        answer = await self._call("POST", service_url, "v3/conversations", body, personal=True)
        return str(answer["id"])

    async def upload(self, upload_url: str, content: bytes) -> None:
        """A file's bytes, whole, to the upload URL Teams gave when a person allowed it (a OneDrive upload
        session: the URL itself grants writing that one file, so it is sent no token)."""
        headers = {"Content-Range": f"bytes 0-{len(content) - 1}/{len(content)}",
                   "Content-Type": "application/octet-stream"}
        rate_limited = 0
        while True:
            try:
                async with self._http().put(URL(upload_url, encoded=True), data=content, headers=headers) as response:
                    status = response.status
                    retry_after = _retry_after(response.headers.get("Retry-After"))
                    answer = await _json(response)
            except aiohttp.ClientConnectorError as exc:
                raise ConnectorError(f"OneDrive cannot be reached ({type(exc).__name__})", Failure.RETRY) from None
            except (aiohttp.ClientError, TimeoutError) as exc:
                raise ConnectorError(f"no answer from OneDrive ({type(exc).__name__})", Failure.RETRY,
                                     maybe_delivered=True) from None
            if status < 300:
                return
            reason = f"upload: HTTP {status} {_error_code(answer)}".strip()
            if status == 429:
                wait = retry_after if retry_after is not None else 1.0
                if rate_limited < RATE_LIMIT_RETRIES and wait <= RATE_LIMIT_WAIT_MAX:
                    rate_limited += 1
                    await self.sleep(wait)
                    continue
                raise ConnectorError(reason, Failure.RETRY, status=status, retry_after=retry_after)
            if status >= 500 or status == 408:
                raise ConnectorError(reason, Failure.RETRY, status=status, retry_after=retry_after)
            raise ConnectorError(reason, Failure.REFUSED, status=status)

    async def _call(self, method: str, service_url: str, path: str, body: dict[str, Any], *,
                    personal: bool) -> dict[str, Any]:
        url = URL(service_url.rstrip("/") + "/" + path, encoded=True)
        rate_limited = 0
        renewed = False
        while True:
            token = await self._bot_token()
            try:
                async with self._http().request(method, url, json=body,
                                                headers={"Authorization": f"Bearer {token}"}) as response:
                    status = response.status
                    retry_after = _retry_after(response.headers.get("Retry-After"))
                    answer = await _json(response)
            except aiohttp.ClientConnectorError as exc:
                raise ConnectorError(f"Teams cannot be reached ({type(exc).__name__})", Failure.RETRY) from None
            except (aiohttp.ClientError, TimeoutError) as exc:
                raise ConnectorError(f"no answer from Teams ({type(exc).__name__})", Failure.RETRY,
                                     maybe_delivered=True) from None
            if status < 300:
                return answer
            reason = f"HTTP {status} {_error_code(answer)}".strip()
            if status == 429:
                wait = retry_after if retry_after is not None else 1.0
                if rate_limited < RATE_LIMIT_RETRIES and wait <= RATE_LIMIT_WAIT_MAX:
                    rate_limited += 1
                    log.warning("Teams is limiting the bot's messages; trying again in %.0f s", wait)
                    await self.sleep(wait)
                    continue
                raise ConnectorError(reason, Failure.RETRY, status=status, retry_after=retry_after)
            if status == 401:
                if not renewed:
                    # The token may have been revoked early: one more try with a new one.
                    renewed = True
                    self._token = None
                    continue
                raise ConnectorError(reason, Failure.CREDENTIALS, status=status)
            if status == 403 or (status == 404 and personal):
                # In a 1:1 chat: the app is not installed for the person. In a channel: the app has not
                # been added to its team, or was removed from it.
                raise ConnectorError(reason, Failure.NOT_INSTALLED, status=status)
            if status >= 500 or status == 408:
                raise ConnectorError(reason, Failure.RETRY, status=status, retry_after=retry_after)
            raise ConnectorError(reason, Failure.REFUSED, status=status)

    # -- the bot's own token ---------------------------------------------------------------------

    async def _bot_token(self) -> str:
        # One fetch at a time: messages sent together on a cold start wait for the same token.
        async with self._fetching:
            if self._token is None or self.now() >= self._token.renew_at:
                self._token = await self._fetch_token()
            return self._token.value

    async def _fetch_token(self) -> _Token:
        form = {"grant_type": "client_credentials", "client_id": self.app_id, "scope": BOT_FRAMEWORK_SCOPE,
                **self._client_authentication()}
        try:
            async with self._http().post(self.token_url, data=form) as response:
                status = response.status
                answer = await _json(response)
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise ConnectorError(f"Microsoft's sign-in cannot be reached ({type(exc).__name__})",
                                 Failure.RETRY) from None
        if status == 200 and answer.get("access_token"):
            lifetime = timedelta(seconds=float(answer.get("expires_in") or 0))
            return _Token(str(answer["access_token"]), self.now() + max(lifetime - TOKEN_RENEW_BEFORE, timedelta()))
        error = str(answer.get("error") or "")
        if status in (400, 401) and error in {"invalid_client", "unauthorized_client", "invalid_tenant", "invalid_request"}:
            which = "certificate" if isinstance(self._credential, CertificateCredential) else "password"
            raise ConnectorError(f"Microsoft refused the bot's app id or {which} ({_entra_error(answer)})",
                                 Failure.CREDENTIALS, status=status)
        raise ConnectorError(f"Microsoft's sign-in answered HTTP {status} {error}".strip(), Failure.RETRY, status=status)

    def _client_authentication(self) -> dict[str, str]:
        """The form fields that prove the request comes from the bot: its secret, or a client assertion
        signed with its certificate for this token endpoint (a new one for each request)."""
        if isinstance(self._credential, CertificateCredential):
            assertion = self._credential.assertion(app_id=self.app_id, audience=self.token_url, now=self.now())
            return {"client_assertion_type": CLIENT_ASSERTION_TYPE, "client_assertion": assertion}
        return {"client_secret": self._credential}

    def _http(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=REQUEST_TIMEOUT)
        return self._session


def _segment(value: str) -> str:
    """A conversation's or an activity's id as one path segment: Teams' ids hold ':', ';', '@' and '='."""
    return quote(value, safe="")


def _retry_after(header: str | None) -> float | None:
    try:
        return max(float(header), 0.0) if header else None
    except ValueError:
        return None  # an HTTP date: rare from Teams; the outbox's own pause applies


async def _json(response: aiohttp.ClientResponse) -> dict[str, Any]:
    try:
        answer = await response.json(content_type=None)
    except ValueError:
        return {}
    return answer if isinstance(answer, dict) else {}


def _entra_error(answer: dict[str, Any]) -> str:
    """Entra's error and its AADSTS numbers (which say why: an expired assertion, an unknown certificate),
    without the free-text description."""
    codes = answer.get("error_codes")
    numbers = ", ".join(f"AADSTS{code}" for code in codes if isinstance(code, int)) if isinstance(codes, list) else ""
    error = str(answer.get("error") or "")
    return f"{error}: {numbers}" if numbers else error


def _error_code(answer: dict[str, Any]) -> str:
    error = answer.get("error")
    if isinstance(error, dict):
        return str(error.get("code") or "")
    return str(error or "")
