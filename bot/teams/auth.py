"""Checking the token on every activity Teams sends: Bot Framework's JWT, signed with a key Microsoft
publishes, for our app, from the service the activity says it comes from, and not expired.

The Teams SDK's own check fetches the keys without yielding (a stalled event loop, every few minutes and
whenever anyone sends an unknown key id), accepts a token with no expiry and ignores the keys'
endorsements, so the bot uses this one: the keys are fetched asynchronously, kept for a day, fetched again
for a key id not seen before at most every five minutes, and every claim is required.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import aiohttp
import jwt

BOT_FRAMEWORK_ISSUER = "https://api.botframework.com"
PUBLIC_OPENID_METADATA = "https://login.botframework.com/v1/.well-known/openidconfiguration"
# Teams' clocks and ours may differ a little; Microsoft's own libraries allow five minutes.
CLOCK_SKEW = timedelta(minutes=5)
KEYS_KEPT_FOR = timedelta(days=1)
# A key id we do not know makes us fetch the keys again (Microsoft rotates them), but not more often than
# this, so that forged tokens cannot make us hammer the endpoint.
UNKNOWN_KEY_REFETCH_AFTER = timedelta(minutes=5)
FETCH_TIMEOUT = aiohttp.ClientTimeout(total=10)


class TokenRefused(Exception):
    """The activity does not carry a token we accept; the reason is for the log, never for the sender."""


@dataclass
class _Keys:
    by_id: dict[str, dict[str, Any]] = field(default_factory=dict)
    fetched_at: datetime | None = None


class BotFrameworkTokens:
    def __init__(self, app_id: str, now: Callable[[], datetime], *,
                 openid_metadata_url: str = PUBLIC_OPENID_METADATA) -> None:
        self.app_id = app_id
        self.now = now
        self.openid_metadata_url = openid_metadata_url
        self._keys = _Keys()
        self._fetching = asyncio.Lock()

    async def check(self, authorization: str | None, activity: dict[str, Any]) -> dict[str, Any]:
        """The token's claims if Teams sent this activity to us; otherwise TokenRefused."""
        scheme, _, token = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not token:
            raise TokenRefused("no bearer token")
        try:
            header = jwt.get_unverified_header(token)
        except jwt.InvalidTokenError as exc:
            raise TokenRefused(f"not a JWT ({exc})") from None
        if header.get("alg") != "RS256":
            raise TokenRefused(f"algorithm {header.get('alg')!r}, not RS256")
        key = await self._key(str(header.get("kid", "")))
        channel = activity.get("channelId")
        if key.get("endorsements") is not None and channel not in key["endorsements"]:
            raise TokenRefused(f"the key is not endorsed for channel {channel!r}")
        try:
            # Expiry is checked below against the injected clock, and required there.
            claims: dict[str, Any] = jwt.decode(
                token, jwt.PyJWK(key).key, algorithms=["RS256"], audience=self.app_id, issuer=BOT_FRAMEWORK_ISSUER,
                options={"require": ["exp", "iss", "aud"], "verify_exp": False, "verify_nbf": False, "verify_iat": False},
            )
        except jwt.InvalidTokenError as exc:
            raise TokenRefused(str(exc)) from None
        now = self.now().timestamp()
        if now > claims["exp"] + CLOCK_SKEW.total_seconds():
            raise TokenRefused("expired")
        if "nbf" in claims and now < claims["nbf"] - CLOCK_SKEW.total_seconds():
            raise TokenRefused("not valid yet")
        service_url = str(activity.get("serviceUrl") or "")
        if not service_url or str(claims.get("serviceurl", "")).rstrip("/") != service_url.rstrip("/"):
            raise TokenRefused("the token's serviceurl is not the activity's serviceUrl")
        return claims

    async def _key(self, kid: str) -> dict[str, Any]:
        # One fetch at a time: requests arriving together on a cold start wait for the same keys.
        async with self._fetching:
            keys, now = self._keys, self.now()
            stale = keys.fetched_at is None or now - keys.fetched_at > KEYS_KEPT_FOR
            may_refetch = keys.fetched_at is None or now - keys.fetched_at > UNKNOWN_KEY_REFETCH_AFTER
            if stale or (kid not in keys.by_id and may_refetch):
                await self._fetch_keys()
        key = self._keys.by_id.get(kid)
        if key is None:
            raise TokenRefused(f"unknown signing key {kid!r}")
        return key

    async def _fetch_keys(self) -> None:
        try:
            async with aiohttp.ClientSession(timeout=FETCH_TIMEOUT) as session:
                async with session.get(self.openid_metadata_url) as response:
                    response.raise_for_status()
                    metadata = json.loads(await response.text())
                async with session.get(metadata["jwks_uri"]) as response:
                    response.raise_for_status()
                    published = json.loads(await response.text())
        except (aiohttp.ClientError, TimeoutError, KeyError, ValueError) as exc:
            if not self._keys.by_id:
                raise TokenRefused(f"the signing keys cannot be fetched ({exc})") from None
            # Keep the keys we have (an outage at Microsoft must not lock everyone out), and try again
            # after the same pause as for an unknown key.
            self._keys.fetched_at = self.now() - KEYS_KEPT_FOR + UNKNOWN_KEY_REFETCH_AFTER
            return
        self._keys = _Keys(by_id={k["kid"]: k for k in published.get("keys", []) if "kid" in k},
                           fetched_at=self.now())
