"""Delivering outbox messages in Microsoft Teams, as Adaptive Cards, through the Bot Connector.

A message's template gives a `Message` (bot/messages.py), rendered here as a card. Where it goes is worked
out when it is sent: a person's Teams (Entra) object id from their key, then the 1:1 chat kept for them
when the app was installed or they wrote to the bot (bot/teams/references.py); a channel's Teams id from
its purpose, then the reference kept when the app was added to its team. Someone Teams has not told the
bot about (the app installed for everyone by a setup policy while the bot was not listening) gets a 1:1
chat opened for them, at the service URL the bot knows for the organisation.

Someone the app cannot reach yet (no chat kept, or Teams answers that the app is not installed) is not a
failure to give up on: the message stays queued, and the admins are told once what to do.

Nothing is sent twice where it can be told: a message posted already is updated in place (PUT), and a
rate limit, a fault or a refused connection means Teams did not post it, so trying again is safe. After an
attempt whose answer was lost (a timeout, a crash), the Bot Connector gives no way to find what a bot
posted (it lists no activities and keeps no id of ours), so the message is sent again: twice rather than
never, as for Slack when its history cannot be read. Such an attempt is logged, to be seen.
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.addresses import Address, ToChannel, ToConversation, ToPerson, encode
from bot.messages import ChannelMention, Facts, Item, Mention, Message, Note, Paragraph, Quote, Text, spans
from bot.org import ENTRA_OBJECT_ID, Role
from bot.org_file_messages import org_file_broken, org_file_mended
from bot.outbox import DeliveryFailed, OutboundMessage, Posted
from bot.retention import retention_settings
from bot.services import Services
from bot.settings import Settings
from bot.snapshot import current_directory
from bot.teams.cards import AdaptiveCards, TeamsRendered
from bot.teams.connector import BotConnector, ConnectorError, Failure
from bot.teams.credentials import teams_sign_in
from bot.teams.files import (
    EXPIRED,
    FILE_SAID,
    FILE_UPLOAD,
    GONE,
    NOT_SAVED,
    OFFERED,
    SAVED,
    FileOffer,
    consent_card,
    file_info_card,
    new_token,
    said,
)
from bot.teams.notices import INSTALL_APP, install_app, slack_invite_bot
from storage import offered_files
from storage import outbox as outbox_store
from storage.directory import channel_named, members_with_role, teams_channel_for
from storage.teams import (
    ConversationReference,
    channel_reference,
    conversation_reference,
    latest_reference,
    person_reference,
    save_person_reference,
)

TEAMS = "teams"

log = logging.getLogger(__name__)

# What a template's params say, as a message of the neutral model; or, for a file for its person alone,
# the file (Teams asks them before the bot may put it in their OneDrive: bot/teams/files.py).
MessageOf = Callable[[dict[str, Any]], Message | FileOffer]
# A person's Teams (Entra) object id from their key, or None if they have none.
TeamsUserOf = Callable[[str], Awaitable[str | None]]
# A person's name from their key, to show them (mentioned, or named where they cannot be).
NameOf = Callable[[str], Awaitable[str]]
# A Teams channel's id from the purpose the organisation file gives it, or None.
TeamsChannelOf = Callable[[str], Awaitable[str | None]]
# The admins to tell about a message that cannot be delivered yet, by their keys.
AdminsOf = Callable[[AsyncSession], Awaitable[list[str]]]


def teams_renderers() -> dict[str, MessageOf]:
    """Templates Teams can render so far. A feature adds its own by giving its message as a `Message`."""
    return {
        "core.invite_bot": slack_invite_bot,
        "core.org_file_broken": org_file_broken,
        "core.org_file_mended": org_file_mended,
        INSTALL_APP: install_app,
        FILE_SAID: said,
    }


@dataclass(frozen=True)
class TeamsTarget:
    """Where in Teams a message goes, and how to name it to an admin if it cannot go there yet."""

    reference: ConversationReference | None
    personal: bool
    shown_as: str


class TeamsDeliverer:
    def __init__(self, services: Services, connector: BotConnector, renderers: Mapping[str, MessageOf], *,
                 teams_user_of: TeamsUserOf, name_of: NameOf, teams_channel_of: TeamsChannelOf,
                 admins_of: AdminsOf) -> None:
        self.services = services
        self.connector = connector
        self.renderers = renderers
        self.teams_user_of = teams_user_of
        self.name_of = name_of
        self.teams_channel_of = teams_channel_of
        self.admins_of = admins_of

    async def deliver(self, message: OutboundMessage) -> Posted:
        if message.template == FILE_UPLOAD:
            return await self._upload(message)
        message_of = self.renderers.get(message.template)
        if message_of is None:
            # Kept, not given up: not every message has its Teams card yet (a report's must never be
            # lost), and a later release will have it.
            raise DeliveryFailed(f"no Teams renderer for {message.template!r} yet", permanent=False, waiting=True)
        drawn = message_of(message.params)
        if isinstance(drawn, FileOffer):
            return await self._offer(message, drawn)
        return await self._post(message.to, await self.render(drawn), message)

    async def send_now(self, to: Address, message: Message) -> Posted:
        """`message` sent at once, neither queued nor kept: for an answer that must not be stored (what
        someone's own text was found to hold). DeliveryFailed if Teams cannot take it now."""
        return await self._post(to, await self.render(message))

    async def _offer(self, message: OutboundMessage, offer: FileOffer) -> Posted:
        """A file for its person alone: a consent card in their 1:1 chat. The file moves from the outbox
        into the offered files first (kept encrypted, for a bounded time), so the outbox's copy of the
        message no longer holds it; a later attempt finds it there by its token."""
        if not isinstance(message.to, ToPerson):
            raise DeliveryFailed("a file goes to its person alone, never to a channel", permanent=True)
        services = self.services
        token = message.params.get(OFFERED)
        if isinstance(token, str):
            async with services.db.reading() as session:
                offered = await offered_files.offered_file(session, token)
                size = offered.size if offered is not None else None
            if size is None:  # it waited too long (the app not installed for them, say)
                return await self._post(message.to, await self.render(said({"text": EXPIRED.format(
                    filename=offer.filename)})), message)
        else:
            if not offer.content_b64:
                raise DeliveryFailed("a file offered without its content", permanent=True)
            token, size = new_token(), len(base64.b64decode(offer.content_b64))
            now = services.now()
            hours = (await retention_settings(services)).offered_file_hours
            kept = {k: v for k, v in message.params.items() if k != offer.file_param}
            async with services.db.unit_of_work(background=True) as session:
                await offered_files.offer_file(session, services.cipher, token=token, person=message.to.key,
                                               filename=offer.filename, reference=offer.label,
                                               content_b64=offer.content_b64, size=size, now=now,
                                               expires_at=now + timedelta(hours=hours))
                await outbox_store.replace_params(session, services.cipher, message.id, {**kept, OFFERED: token})
        activity = {"type": "message", "summary": offer.description,
                    "attachments": [consent_card(offer.filename, offer.description, size, token)]}
        return await self._send(message.to, activity, message)

    async def _upload(self, message: OutboundMessage) -> Posted:
        """A file its person allowed: its bytes to their OneDrive, once, then the card that shows it; the
        file is deleted once the card has gone. A failure of either is tried again by the outbox, from
        where it stopped."""
        services = self.services
        token = str(message.params.get("token") or "")
        async with services.db.reading() as session:
            offered = await offered_files.offered_file(session, token)
            held = (offered.filename, offered.state, offered.content_enc, offered.upload_enc) if offered else None
        if held is None:
            return await self._post(message.to, await self.render(said({"text": GONE})), message)
        filename, state, content_enc, upload_enc = held
        upload = services.cipher.decrypt_json(upload_enc) if upload_enc else {}
        if state == "accepted":
            content = base64.b64decode(services.cipher.decrypt(content_enc))
            try:
                await self.connector.upload(upload.get("uploadUrl", ""), content)
            except ConnectorError as exc:
                if exc.failure is not Failure.REFUSED:
                    raise DeliveryFailed(exc.reason, permanent=False, retry_after=exc.retry_after) from exc
                log.warning("an allowed file could not be uploaded (%s); its person is told", exc.reason)
                async with services.db.unit_of_work(background=True) as session:
                    await offered_files.withdraw_file(session, token)
                return await self._post(message.to, await self.render(said({"text": NOT_SAVED.format(
                    filename=filename)})), message)
            async with services.db.unit_of_work(background=True) as session:
                await offered_files.mark_uploaded(session, token)
        text = SAVED.format(filename=filename)
        activity = {"type": "message", "text": text, "textFormat": "plain", "summary": text,
                    "attachments": [file_info_card(filename, upload)]}
        posted = await self._send(message.to, activity, message)
        async with services.db.unit_of_work(background=True) as session:
            await offered_files.withdraw_file(session, token)
        return posted

    async def _post(self, to: Address, rendered: TeamsRendered, message: OutboundMessage | None = None) -> Posted:
        activity = {"type": "message", "summary": rendered.text, "attachments": [rendered.attachment()]}
        return await self._send(to, activity, message)

    async def _send(self, to: Address, activity: dict[str, Any], message: OutboundMessage | None = None) -> Posted:
        target = None
        try:
            if message is not None and message.posted is not None:
                posted = message.posted
                if posted.platform != TEAMS or not posted.service_url:
                    raise DeliveryFailed(f"posted on {posted.platform}, not updatable in Teams", permanent=True)
                await self.connector.update(posted.service_url, posted.conversation, posted.message_id, activity)
                return posted
            target = await self.target(to)
            if target.reference is None:
                await self._tell_admins_once(to, target)
                raise DeliveryFailed(f"the Teams app cannot reach {target.shown_as} yet", permanent=False,
                                     waiting=True)
            if message is not None and message.earlier_attempts:
                log.info("message %s is tried again after %s attempt(s); if one of them posted it and its answer was "
                         "lost, Teams gives no way to find that copy", message.id, message.earlier_attempts)
            reference = target.reference
            activity_id = await self.connector.send(reference.service_url, reference.conversation_id, activity,
                                                    personal=target.personal)
        except ConnectorError as exc:
            if exc.failure is Failure.NOT_INSTALLED and target is not None:
                await self._tell_admins_once(to, target)
            raise DeliveryFailed(
                exc.reason,
                permanent=exc.failure is Failure.REFUSED,
                credentials_refused=exc.failure is Failure.CREDENTIALS,
                waiting=exc.failure is Failure.NOT_INSTALLED,
                retry_after=exc.retry_after,
            ) from exc
        return Posted(TEAMS, reference.conversation_id, activity_id, reference.service_url)

    async def render(self, message: Message) -> TeamsRendered:
        """The card, with each person mentioned looked up first (the renderer itself does not wait)."""
        people = {key: (await self.name_of(key), await self.teams_user_of(key)) for key in _mentioned(message)}
        channels: dict[str, str | None] = {}
        for channel in channels_mentioned(message):
            async with self.services.db.reading() as session:
                channels[channel] = await channel_named(session, channel)
        cards = AdaptiveCards(teams_user_of=lambda key: people[key][1], name_of=lambda key: people[key][0],
                              channel_name_of=lambda key: channels.get(key))
        return cards.message(message)

    async def target(self, to: Address) -> TeamsTarget:
        match to:
            case ToPerson(key):
                object_id = await self.teams_user_of(key)
                if object_id is None:
                    # The organisation file may give them a Teams account later: the message waits.
                    raise DeliveryFailed(f"{key} has no Teams account in the organisation file", permanent=False,
                                         waiting=True)
                async with self.services.db.reading() as session:
                    reference = await person_reference(session, object_id)
                if reference is None:
                    reference = await self._open_chat(object_id)
                return TeamsTarget(reference, personal=True, shown_as=await self.name_of(key))
            case ToChannel(purpose):
                channel = await self.teams_channel_of(purpose)
                if channel is None:
                    raise DeliveryFailed(f"no Teams channel has the purpose {purpose!r}", permanent=True)
                async with self.services.db.reading() as session:
                    reference = await channel_reference(session, channel)
                return TeamsTarget(reference, personal=False, shown_as=purpose)
            case ToConversation(platform, conversation) if platform == TEAMS:
                async with self.services.db.reading() as session:
                    reference = await conversation_reference(session, conversation)
                if reference is None:
                    raise DeliveryFailed(f"the Teams conversation {conversation} is not known", permanent=True)
                return TeamsTarget(reference, personal=conversation.startswith("a:"), shown_as=conversation)
        raise DeliveryFailed(f"{to!r} is not on Teams", permanent=True)

    async def _open_chat(self, object_id: str) -> ConversationReference | None:
        """A 1:1 chat with someone the bot has heard nothing from in Teams: the app may have been installed
        for them (for everyone, by a setup policy) while the bot was not listening. None if it is not."""
        async with self.services.db.reading() as session:
            known = await latest_reference(session)
        if known is None:
            return None  # no service URL to ask at: the first install the bot hears of gives one
        try:
            conversation = await self.connector.open_personal_chat(known.service_url, known.tenant_id, object_id)
        except ConnectorError as exc:
            if exc.failure is Failure.NOT_INSTALLED:
                return None
            raise
        reference = ConversationReference(conversation, known.service_url, known.tenant_id)
        async with self.services.db.unit_of_work(background=True) as session:
            await save_person_reference(session, object_id, reference, self.services.now())
        return reference

    async def _tell_admins_once(self, to: Address, target: TeamsTarget) -> None:
        """Ask each admin, once for each person or channel, to install the app where it is missing."""
        params = {"who": target.shown_as, "kind": "person" if target.personal else "channel"}
        async with self.services.db.unit_of_work(background=True) as session:
            told = False
            for admin in await self.admins_of(session):
                if isinstance(to, ToPerson) and admin == to.key:
                    continue  # they cannot be reached either: the other admins are told
                key = f"teams-install:{encode(to)}:{admin}"
                if await outbox_store.has_keyed_message(session, key):
                    continue
                await outbox_store.enqueue_message(session, self.services.cipher, now=self.services.now(),
                                                   to=ToPerson(admin), template=INSTALL_APP, params=params,
                                                   message_key=key)
                told = True
        if told:
            log.warning("the Teams app cannot reach %s; the admins have been asked to install it", encode(to))
            self.services.wake_scheduler()


def _mentioned(message: Message, kind: type[Mention] | type[ChannelMention] = Mention) -> list[str]:
    """Everyone (or, given ChannelMention, every channel) a message mentions, by key, in order and once each."""
    def texts() -> Iterator[Text]:
        yield message.summary
        for part in message.parts:
            if isinstance(part, Paragraph):
                yield from part.lines
            elif isinstance(part, Quote):
                yield part.by
            elif isinstance(part, Facts):
                yield from (value for _, value in part.pairs)
            elif isinstance(part, Note | Item):
                yield part.text
    keys = [span.person if isinstance(span, Mention) else span.channel
            for text in texts() for span in spans(text) if isinstance(span, kind)]
    return list(dict.fromkeys(keys))


def channels_mentioned(message: Message) -> list[str]:
    """Every channel a message mentions, by key, in order and once each."""
    return _mentioned(message, ChannelMention)


async def admins_by_key(session: AsyncSession) -> list[str]:
    """The organisation file's admins, by their keys."""
    return [admin.key for admin in await members_with_role(session, Role.ADMIN)]


def teams_connector(settings: Settings, services: Services) -> BotConnector:
    """The Bot Connector client for the bot's Teams registration (TEAMS_APP_ID, and TEAMS_APP_PASSWORD or
    TEAMS_APP_CERTIFICATE)."""
    credential = teams_sign_in(settings)
    return BotConnector(settings.secret("TEAMS_APP_ID"), credential, token_url=settings.teams_token_endpoint,
                        now=services.now)


def teams_delivery_by_organisation(services: Services, connector: BotConnector,
                                   renderers: Mapping[str, MessageOf] | None = None) -> TeamsDeliverer:
    """The Teams deliverer with people's and channels' Teams ids from the organisation file as loaded
    now. Someone outside the file is known by their Teams object id, which is then their key."""

    async def teams_user_of(key: str) -> str | None:
        member = (await current_directory(services)).by_key(key)
        if member is not None:
            return member.teams_object_id
        return key if ENTRA_OBJECT_ID.match(key) else None

    async def name_of(key: str) -> str:
        member = (await current_directory(services)).by_key(key)
        return member.name if member is not None else "someone"

    async def teams_channel_of(purpose: str) -> str | None:
        async with services.db.reading() as session:
            address = await teams_channel_for(session, purpose)
        return address.channel_id if address is not None else None

    return teams_delivery(services, connector, teams_user_of=teams_user_of, name_of=name_of,
                          teams_channel_of=teams_channel_of, renderers=renderers)


def teams_delivery(services: Services, connector: BotConnector, *, teams_user_of: TeamsUserOf, name_of: NameOf,
                   teams_channel_of: TeamsChannelOf, renderers: Mapping[str, MessageOf] | None = None,
                   admins_of: AdminsOf = admins_by_key) -> TeamsDeliverer:
    """The Teams deliverer, for the runtime to register beside Slack's: `DeliveryRouter({"slack": ...,
    "teams": teams_delivery(...)}, platform_of=...)`. People's and channels' Teams ids come from the
    callables, which read the organisation's directory."""
    return TeamsDeliverer(services, connector, renderers if renderers is not None else teams_renderers(),
                          teams_user_of=teams_user_of, name_of=name_of, teams_channel_of=teams_channel_of,
                          admins_of=admins_of)
