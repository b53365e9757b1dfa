"""The bot signs in to Teams with a certificate (TEAMS_APP_CERTIFICATE) in place of a client secret: each
token request carries a client assertion signed with the certificate's private key, which the stand-in
checks as Entra does. A certificate Teams does not hold is refused and nothing is lost; a wrong or
unreadable certificate file stops start-up with one line naming the setting. Over real HTTP."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import jwt
import pytest
from sqlalchemy import select

from bot.addresses import Address, ToPerson
from bot.clock import ManualClock
from bot.crypto import DataCipher, generate_key
from bot.delivery import DeliveryRouter
from bot.messages import Message, Paragraph
from bot.scheduler import CREDENTIALS_RETRY, TickReport, run_due
from bot.services import Services
from bot.settings import Settings, SettingsError
from bot.standin.teams import FakeTeams
from bot.teams.connector import BotConnector, ConnectorError, Failure
from bot.teams.credentials import CertificateCredential, teams_sign_in, thumbprint
from bot.teams.delivery import TEAMS, teams_connector, teams_delivery, teams_renderers
from storage.db import Database
from storage.migrate import upgrade_async
from storage.models import OutboxMessage
from storage.outbox import enqueue_message
from storage.teams import ConversationReference, save_person_reference
from tests.certificate_support import BotCertificate, make_certificate

APP_ID = "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d"
PASSWORD = "s3cret-Teams-pa55word"
PRIYA = "6a1f0c2e-1111-4a5b-9c8d-7e6f5a4b3c2d"
START = datetime(2026, 12, 5, 9, tzinfo=UTC)
GUESSED = "a shared secret guessed at random"  # an HMAC "signature" anyone could make
JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"


def notice(params: dict[str, Any]) -> Message:
    return Message(summary=params["text"], parts=[Paragraph([[params["text"]]])])


async def _teams_user(key: str) -> str | None:
    return PRIYA if key == "priya" else None


async def _name(key: str) -> str:
    return "Priya Shah"


async def _no_channel(purpose: str) -> str | None:
    return None


async def _teams() -> str:
    return TEAMS


@dataclass
class World:
    """The bot delivering its outbox to Teams, signed in with the certificate in its file; Teams (the
    stand-in) holds the certificate uploaded to the app registration."""

    services: Services
    teams: FakeTeams
    connector: BotConnector
    router: DeliveryRouter
    clock: ManualClock

    async def queue(self, to: Address, text: str) -> None:
        async with self.services.db.unit_of_work() as session:
            await enqueue_message(session, self.services.cipher, now=self.clock.now(), to=to, template="test.notice",
                                  params={"text": text})

    async def tick(self) -> TickReport:
        return await run_due(self.services, {}, self.router)

    async def states(self) -> list[str]:
        async with self.services.db.reading() as session:
            return list((await session.scalars(select(OutboxMessage.state).order_by(OutboxMessage.id))).all())

    async def reach(self, person: str) -> None:
        self.teams.install_for(person)
        chat = self.teams.personal_chat(person)
        async with self.services.db.unit_of_work() as session:
            await save_person_reference(session, person, ConversationReference(
                chat.id, self.teams.service_url, self.teams.tenant_id), self.clock.now())

    def token_forms(self) -> list[dict[str, Any]]:
        return [call.body for call in self.teams.calls_to("token")]


@contextlib.asynccontextmanager
async def started(database_url: str, tmp_path: Path, *, bots: BotCertificate,
                  registered: BotCertificate) -> AsyncIterator[World]:
    """The bot's PEM file holds `bots`; Teams holds `registered` (the same certificate, or not)."""
    await upgrade_async(database_url)
    clock = ManualClock(START)
    teams = await FakeTeams(APP_ID, None, certificate=registered.certificate, now=clock.now).start()
    settings = Settings(_env_file=None, TEAMS_APP_ID=APP_ID, TEAMS_TOKEN_URL=teams.token_url,  # type: ignore[call-arg]
                        TEAMS_APP_CERTIFICATE=str(bots.write(tmp_path / "tmw-bot.pem")))
    services = Services(settings=settings, db=Database(database_url), clock=clock, cipher=DataCipher(generate_key()))
    connector = teams_connector(settings, services)
    deliverer = teams_delivery(services, connector, teams_user_of=_teams_user, name_of=_name,
                               teams_channel_of=_no_channel, renderers={**teams_renderers(), "test.notice": notice})
    router = DeliveryRouter({TEAMS: deliverer}, platform_of=lambda address: _teams())
    try:
        yield World(services, teams, connector, router, clock)
    finally:
        await connector.close()
        await teams.stop()
        await services.db.dispose()


async def test_with_a_certificate_the_bot_signs_in_by_client_assertion_and_its_card_reaches_teams(
    database_url: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    certificate = make_certificate()
    async with started(database_url, tmp_path, bots=certificate, registered=certificate) as world:
        await world.reach(PRIYA)
        await world.queue(ToPerson("priya"), "A new report")

        report = await world.tick()

        assert report.messages_sent == 1 and await world.states() == ["sent"]
        [sent] = world.teams.sent_to(PRIYA)
        assert "A new report" in str(sent.cards[0])
        [form] = world.token_forms()
        assert form["client_assertion_type"] == JWT_BEARER and "client_secret" not in form
        assert form["grant_type"] == "client_credentials" and form["client_id"] == APP_ID
        [(header, claims)] = world.teams.client_assertions
        assert header == {"alg": "PS256", "typ": "JWT", "x5t#S256": thumbprint(certificate.certificate)}
        assert claims["aud"] == world.teams.token_url
        assert claims["iss"] == claims["sub"] == APP_ID and claims["jti"]
        assert claims["nbf"] == claims["iat"] == int(START.timestamp())
        assert claims["exp"] - claims["nbf"] == 300  # five minutes: Microsoft asks for a short assertion

        # The token is kept, and a new one asked for with a new assertion only when it is about to lapse.
        world.clock.advance(timedelta(minutes=56))
        await world.queue(ToPerson("priya"), "Another")
        await world.tick()

        assert len(world.teams.sent_to(PRIYA)) == 2 and await world.states() == ["sent", "sent"]
        first, second = (claims for _, claims in world.teams.client_assertions)
        assert second["jti"] != first["jti"] and second["nbf"] == first["nbf"] + 56 * 60
        assert not any(line in caplog.text for line in certificate.key_pem().decode().splitlines()[1:-1])
        assert "PRIVATE KEY" not in repr(world.connector) + repr(teams_sign_in(world.services.settings))


async def test_a_certificate_teams_does_not_hold_is_refused_and_the_message_waits_until_it_is_uploaded(
    database_url: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    bots, registered = make_certificate("a new certificate, not uploaded yet"), make_certificate("the old one")
    async with started(database_url, tmp_path, bots=bots, registered=registered) as world:
        await world.reach(PRIYA)
        await world.queue(ToPerson("priya"), "A new report")

        report = await world.tick()

        assert report.messages_sent == 0 and report.messages_retrying == 1 and report.messages_failed == 0
        assert await world.states() == ["pending"]
        assert world.teams.sent_to(PRIYA) == [] and world.teams.tokens_issued == []
        assert world.services.delivery.credentials_refused
        [refusal] = [r.getMessage() for r in caplog.records if "credentials were refused" in r.getMessage()]
        assert "certificate" in refusal and "AADSTS700027" in refusal

        # An admin uploads the new certificate to the app registration: the message goes, once.
        world.teams.certificate = bots.certificate
        world.clock.advance(CREDENTIALS_RETRY)
        await world.tick()

        assert await world.states() == ["sent"] and len(world.teams.sent_to(PRIYA)) == 1
        assert not world.services.delivery.credentials_refused


async def test_an_assertion_signed_with_another_key_under_the_registered_thumbprint_is_refused() -> None:
    registered, thief = make_certificate(), make_certificate("someone else")
    clock = ManualClock(START)
    teams = await FakeTeams(APP_ID, None, certificate=registered.certificate, now=clock.now).start()
    # Made by hand: a PEM file whose key does not match its certificate is refused before it gets this far.
    forged = CertificateCredential(certificate=registered.certificate, private_key=thief.private_key)
    connector = BotConnector(APP_ID, forged, token_url=teams.token_url, now=clock.now)
    teams.install_for(PRIYA)
    try:
        with pytest.raises(ConnectorError) as refused:
            await connector.open_personal_chat(teams.service_url, teams.tenant_id, PRIYA)
    finally:
        await connector.close()
        await teams.stop()

    assert refused.value.failure is Failure.CREDENTIALS and refused.value.status == 401
    assert refused.value.reason == "Microsoft refused the bot's app id or certificate (invalid_client: AADSTS700027)"
    assert teams.tokens_issued == [] and teams.calls_to("create_conversation") == []


def _assertion(key: BotCertificate, *, header: dict[str, Any] | None = None, algorithm: str = "PS256",
               **claims: Any) -> str:
    moment = int(START.timestamp())
    body = {"aud": None, "iss": APP_ID, "sub": APP_ID, "jti": "a1", "nbf": moment, "iat": moment, "exp": moment + 300}
    return jwt.encode({**body, **claims}, key.private_key, algorithm=algorithm,
                      headers=header if header is not None else {"typ": "JWT", "x5t#S256": thumbprint(key.certificate)})


@pytest.mark.parametrize(
    ("forge", "code"),
    [
        (lambda good, other, url: _assertion(good, aud=url), None),  # the genuine one, for contrast
        (lambda good, other, url: _assertion(good, aud=url, algorithm="RS256",  # the older form Entra also takes
                                             header={"x5t": thumbprint(good.certificate, "sha1")}), None),
        (lambda good, other, url: _assertion(other, aud=url), 700027),  # a certificate Teams does not hold
        (lambda good, other, url: _assertion(other, aud=url, header={"x5t#S256": thumbprint(good.certificate)}),
         700027),  # another key, claiming the registered certificate
        (lambda good, other, url: _assertion(good, aud=url, header={}), 700027),  # no thumbprint at all
        (lambda good, other, url: _assertion(good, aud="https://login.microsoftonline.com/common/oauth2/v2.0/token"),
         50012),  # meant for another token endpoint
        (lambda good, other, url: _assertion(good, aud=url, iss="00000000-0000-4000-8000-000000000000"), 700021),
        (lambda good, other, url: _assertion(good, aud=url, sub="00000000-0000-4000-8000-000000000000"), 700021),
        (lambda good, other, url: _assertion(good, aud=url, exp=int(START.timestamp())), 700024),  # expired
        (lambda good, other, url: _assertion(good, aud=url, nbf=int(START.timestamp()) + 60), 700024),  # too soon
        (lambda good, other, url: jwt.encode({"aud": url, "iss": APP_ID, "sub": APP_ID}, GUESSED, algorithm="HS256",
                                             headers={"x5t#S256": thumbprint(good.certificate)}), 50027),
        (lambda good, other, url: "not-a-jwt", 50027),
    ],
)
async def test_the_stand_in_checks_each_client_assertion_as_entra_does(forge: Any, code: int | None) -> None:
    good, other = make_certificate(), make_certificate("another")
    teams = await FakeTeams(APP_ID, None, certificate=good.certificate, now=lambda: START).start()
    form = {"grant_type": "client_credentials", "client_id": APP_ID, "scope": "https://api.botframework.com/.default",
            "client_assertion_type": JWT_BEARER, "client_assertion": forge(good, other, teams.token_url)}
    try:
        async with aiohttp.ClientSession() as session, session.post(teams.token_url, data=form) as response:
            status, answer = response.status, await response.json()
    finally:
        await teams.stop()

    if code is None:
        assert status == 200 and answer["access_token"] in teams.tokens_issued
    else:
        assert status == 401 and answer["error"] == "invalid_client" and answer["error_codes"] == [code]
        assert answer["error_description"].startswith(f"AADSTS{code}: ") and teams.tokens_issued == []


async def test_with_neither_a_secret_nor_an_assertion_the_stand_in_answers_as_entra_does() -> None:
    teams = await FakeTeams(APP_ID, PASSWORD).start()
    form = {"grant_type": "client_credentials", "client_id": APP_ID, "scope": "https://api.botframework.com/.default"}
    try:
        async with aiohttp.ClientSession() as session:
            async with session.post(teams.token_url, data=form) as response:
                missing = (response.status, await response.json())
            async with session.post(teams.token_url, data={**form, "client_secret": "guess"}) as response:
                wrong = (response.status, await response.json())
    finally:
        await teams.stop()

    assert missing[0] == 401 and missing[1]["error_codes"] == [7000218]
    assert wrong[0] == 401 and wrong[1]["error_codes"] == [7000215]


# -- settings ---------------------------------------------------------------------------------------


def _settings(**values: str) -> Settings:
    return Settings(_env_file=None, TEAMS_APP_ID=APP_ID, **values)  # type: ignore[call-arg]


def test_the_bot_signs_in_with_its_secret_or_its_certificate_and_is_told_plainly_to_set_one(tmp_path: Path) -> None:
    certificate_file = make_certificate().write(tmp_path / "tmw-bot.pem")

    assert teams_sign_in(_settings(TEAMS_APP_PASSWORD=PASSWORD)) == PASSWORD
    signed_in = teams_sign_in(_settings(TEAMS_APP_CERTIFICATE=str(certificate_file), TEAMS_APP_PASSWORD=" "))
    assert isinstance(signed_in, CertificateCredential)
    with pytest.raises(SettingsError) as neither:
        teams_sign_in(_settings(TEAMS_APP_CERTIFICATE=""))
    assert str(neither.value).startswith("TEAMS_APP_PASSWORD or TEAMS_APP_CERTIFICATE is not set: ")
    assert "copy its value into TEAMS_APP_PASSWORD" in str(neither.value)
    assert "set TEAMS_APP_CERTIFICATE to the path of a PEM file" in str(neither.value)
    with pytest.raises(SettingsError) as both:
        teams_sign_in(_settings(TEAMS_APP_PASSWORD=PASSWORD, TEAMS_APP_CERTIFICATE=str(certificate_file)))
    assert str(both.value).startswith("TEAMS_APP_PASSWORD and TEAMS_APP_CERTIFICATE are both set: ")
    with pytest.raises(SettingsError, match=r"^TEAMS_APP_ID is not set"):
        teams_sign_in(Settings(_env_file=None, TEAMS_APP_CERTIFICATE=str(certificate_file)))  # type: ignore[call-arg]


def _only_the_certificate(one: BotCertificate, other: BotCertificate) -> bytes:
    return one.certificate_pem


def _only_the_key(one: BotCertificate, other: BotCertificate) -> bytes:
    return one.key_pem()


def _mismatched(one: BotCertificate, other: BotCertificate) -> bytes:
    return one.certificate_pem + other.key_pem()


def _encrypted(one: BotCertificate, other: BotCertificate) -> bytes:
    return one.certificate_pem + one.key_pem(b"a passphrase")


def _garbled(one: BotCertificate, other: BotCertificate) -> bytes:
    return one.certificate_pem + b"-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n"


def _not_pem(one: BotCertificate, other: BotCertificate) -> bytes:
    return b"TEAMS_APP_PASSWORD=oops\n"


@pytest.mark.parametrize(
    ("contents", "reason"),
    [
        (_only_the_certificate, "it holds no PEM private key"),
        (_only_the_key, "it holds no PEM certificate"),
        (_mismatched, "its certificate and its private key do not belong together"),
        (_encrypted, "its private key is encrypted"),
        (_garbled, "its private key cannot be read"),
        (_not_pem, "it holds no PEM certificate"),
    ],
)
def test_a_wrong_certificate_file_is_named_in_one_line_without_its_contents(
    tmp_path: Path, contents: Any, reason: str
) -> None:
    one, other = make_certificate(), make_certificate("other")
    path = tmp_path / "tmw-bot.pem"
    path.write_bytes(contents(one, other))

    with pytest.raises(SettingsError) as wrong:
        teams_sign_in(_settings(TEAMS_APP_CERTIFICATE=str(path)))

    message = str(wrong.value)
    assert message.startswith(f"TEAMS_APP_CERTIFICATE is not right ({reason}") and len(message.splitlines()) == 1
    assert "Certificates & secrets" in message
    assert not any(line in message for line in path.read_text().splitlines() if line and "-----" not in line)


def test_an_unreadable_certificate_file_is_named_with_its_path(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.pem"

    with pytest.raises(SettingsError) as unreadable:
        teams_sign_in(_settings(TEAMS_APP_CERTIFICATE=str(missing)))

    assert str(unreadable.value).startswith(
        f"TEAMS_APP_CERTIFICATE is not right ({missing} cannot be read: No such file or directory): ")
