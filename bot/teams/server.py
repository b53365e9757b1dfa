"""The endpoint Teams posts to (/api/messages), on the bot's own aiohttp server beside Slack's.

Every activity is answered inside the same "people first" handling as a Slack request (background work
waits meanwhile, `PeopleFirst`). Its Bot Framework token is checked first (bot/teams/auth.py): anything
refused gets 401 and changes nothing. Then where it came from is kept (bot/teams/references.py), so the
bot can reach the person or channel later, and what waits for someone who has just become reachable goes
out at once. Then a listener answers it: Teams' listeners live in handlers/teams/, one module per
feature, each registering with a `TeamsApp` as Slack's do with Bolt.

Replies to a person's chat go through the outbox (`Turn.reply`), as every other message does: the
request is answered at once, nothing is lost if Teams is down, and an activity Teams sends again does not
get a second reply. An answer that must not be kept (what someone's own text was found to hold) is sent
at once instead (`Turn.answer_now`) and never written down; if Teams cannot take it, the person is asked
to try again.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from sqlalchemy.exc import IntegrityError

from bot.addresses import Address, ToConversation, ToPerson
from bot.commands import as_typed_in_chat
from bot.errors import DomainError
from bot.messages import Message, Paragraph, commands_in
from bot.outbox import DeliveryFailed
from bot.services import Services
from bot.teams.activities import (
    Activity,
    CardAction,
    DialogRequest,
    MessageActionRequest,
    card_action,
    dialog_request,
    message_action_request,
    parse,
)
from bot.teams.auth import PUBLIC_OPENID_METADATA, BotFrameworkTokens, TokenRefused
from bot.teams.delivery import TEAMS
from bot.teams.references import kept_reference, reachable_now, reached_from, record_reference
from storage import outbox as outbox_store
from storage.models import ProcessedDelivery
from storage.teams import ConversationReference

MESSAGES_PATH = "/api/messages"
SEEN_AT_MOST = 10_000
# What a person is told when answering them failed on our side (as in Slack, handlers/errors.py).
SORRY = "Sorry, something went wrong on my side and nothing was changed. Please try again in a minute."
NOT_IN_TEAMS_YET = "Sorry, this button doesn't work in Teams yet, so nothing was changed."
ACTION_NOT_IN_TEAMS_YET = "Sorry, this doesn't work in Teams yet, so nothing was changed."
# Said when an answer sent at once (`Turn.answer_now`) could not go: nothing of it was kept to send later.
NOT_ANSWERED = "Sorry, I couldn't answer that just now. Please try again in a minute."
# A reply that is a sentence and nothing more (a refusal, an apology).
SAID = "teams.said"
MESSAGE_CONTENT_TYPE = "application/vnd.microsoft.activity.message"
# A message action chosen on a message (its "..." menu), answered as a dialog is: with a card or a message.
MESSAGE_ACTION = "composeExtension/fetchTask"
# A dialog a message action opened comes back as this when submitted, not as task/submit.
MESSAGE_ACTION_SUBMIT = "composeExtension/submitAction"
# The invokes answered with a dialog ({"task": ...}), a refusal included.
DIALOG_INVOKES = ("task/fetch", "task/submit", MESSAGE_ACTION, MESSAGE_ACTION_SUBMIT)

log = logging.getLogger(__name__)

# A person's key from their Teams (Entra) object id. Someone the organisation file does not give a Teams
# account is known by their object id, which then serves as their key (see bot/addresses.py `ToPerson`).
PersonOf = Callable[[str], Awaitable[str]]


async def known_by_object_id(object_id: str) -> str:
    return object_id


# Sends a message at once, never through the outbox (bot/teams/delivery.py `TeamsDeliverer.send_now`);
# raises DeliveryFailed if Teams cannot take it.
SendNow = Callable[[Address, Message], Awaitable[object]]


def said_plainly(params: dict[str, Any]) -> Message:
    """One of the bot's own sentences (a refusal, what was done), its commands as typed in Teams, shown
    as commands (a card's text has no code span: backticks would show as they are)."""
    text = commands_in(as_typed_in_chat(params["text"]))
    return Message(summary=text, parts=[Paragraph([text])])


RENDERERS = {SAID: said_plainly}


# An invoke's answer: the JSON body Teams reads (a dialog, a card), or None for a plain 200.
InvokeAnswer = dict[str, Any] | None


@dataclass
class Turn:
    """One authenticated activity being answered: who sent it (as a person key), and how to reply."""

    services: Services
    activity: Activity
    person: str
    person_of: PersonOf
    send_now: SendNow | None = None

    async def reply(self, template: str, params: dict[str, Any], *, key: str = "") -> None:
        """Say something in the conversation the activity came from, through the outbox. Keyed by the
        activity unless `key` is given, so the same activity sent again is not answered twice."""
        key = key or f"teams-reply:{self.activity.where.conversation_id}:{self.activity.id}:{template}"
        async with self.services.db.unit_of_work() as session:
            if await outbox_store.has_keyed_message(session, key):
                return
            await outbox_store.enqueue_message(
                session, self.services.cipher, now=self.services.now(),
                to=ToConversation(TEAMS, self.activity.where.conversation_id), template=template, params=params,
                message_key=key)
        self.services.wake_scheduler()

    async def reply_privately(self, template: str, params: dict[str, Any], *, key: str = "") -> None:
        """Say something to the person who sent the activity, in their 1:1 chat with the bot, through the
        outbox: for what is theirs alone, wherever they wrote (a channel has no message for one person)."""
        key = key or f"teams-private:{self.activity.where.conversation_id}:{self.activity.id}:{template}"
        async with self.services.db.unit_of_work() as session:
            if await outbox_store.has_keyed_message(session, key):
                return
            await outbox_store.enqueue_message(session, self.services.cipher, now=self.services.now(),
                                               to=ToPerson(self.person), template=template, params=params,
                                               message_key=key)
        self.services.wake_scheduler()

    async def answer_now(self, message: Message) -> bool:
        """Say `message` in the conversation the activity came from at once, keeping nothing of it: for
        an answer that must not be stored. True once it is there. False if this activity was answered
        before (Teams sending it again: nothing is sent twice), or if Teams cannot take it now: then the
        person is asked, through the outbox, to try again."""
        conversation = self.activity.where.conversation_id
        here = ToConversation(TEAMS, conversation)
        key = f"teams-answer:{conversation}:{self.activity.id}"
        return await self._send_once(here, message, key, NOT_ANSWERED, here)

    async def answer_privately_now(self, message: Message, *, otherwise: str) -> bool:
        """Say `message` to the person who sent the activity, in their 1:1 chat, at once and keeping
        nothing of it (what their own words were found to hold, when they wrote in a channel). True once
        it is there; False if this activity was answered before, or if Teams cannot take it now: then
        `otherwise`, which must hold nothing of theirs, goes to their chat through the outbox."""
        activity = self.activity
        # An edit comes with its message's id: its kind and time tell it from the message first posted.
        key = f"teams-private-answer:{activity.where.conversation_id}:{activity.id}:{activity.kind}:{activity.sent_at}"
        return await self._send_once(ToPerson(self.person), message, key, otherwise, ToPerson(self.person))

    async def _send_once(self, to: Address, message: Message, key: str, otherwise: str, otherwise_to: Address) -> bool:
        try:
            async with self.services.db.unit_of_work() as session:
                session.add(ProcessedDelivery(key=key[:200], seen_at=self.services.now()))
                await session.flush()
        except IntegrityError:
            return False
        if self.send_now is None:
            log.warning("an answer could not be sent at once: Teams sending is not set up")
        else:
            try:
                await self.send_now(to, message)
                return True
            except DeliveryFailed as exc:
                log.warning("an answer could not be sent at once: %s", exc.reason)
        fallback = f"teams-not-answered:{key.partition(':')[2]}"
        async with self.services.db.unit_of_work() as session:
            if not await outbox_store.has_keyed_message(session, fallback):
                await outbox_store.enqueue_message(session, self.services.cipher, now=self.services.now(),
                                                   to=otherwise_to, template=SAID, params={"text": otherwise},
                                                   message_key=fallback)
        self.services.wake_scheduler()
        return False


CommandListener = Callable[[Turn, str], Awaitable[None]]
DialogListener = Callable[[Turn, DialogRequest], Awaitable[InvokeAnswer]]
CardActionListener = Callable[[Turn, CardAction], Awaitable[InvokeAnswer]]
MessageActionListener = Callable[[Turn, MessageActionRequest], Awaitable[InvokeAnswer]]
# Any other invoke, by its name (fileConsent/invoke: Allow or Decline on a file consent card).
InvokeListener = Callable[[Turn], Awaitable[InvokeAnswer]]
# Every message said in a team's channel the bot reads (new, edited or deleted) that is not a command.
ChannelListener = Callable[[Turn], Awaitable[None]]
# People added to a team, or to a channel (a conversationUpdate naming them).
MembersAddedListener = Callable[[Turn], Awaitable[None]]
# The activities a channel's message comes as: new, edited (or undeleted), deleted.
CHANNEL_MESSAGE_KINDS = ("message", "messageUpdate", "messageDelete")


@dataclass
class Dialog:
    fetch: DialogListener
    submit: DialogListener


@dataclass
class TeamsApp:
    """The Teams listeners, by what they answer: a command typed in the 1:1 chat (by its first word), a
    dialog (by its id), a card's button (by its verb), a message action (by its command id, the
    `MessageAction` key of bot/commands.py the app package declares it by)."""

    commands: dict[str, CommandListener] = field(default_factory=dict)
    dialogs: dict[str, Dialog] = field(default_factory=dict)
    card_actions: dict[str, CardActionListener] = field(default_factory=dict)
    message_actions: dict[str, MessageActionListener] = field(default_factory=dict)
    invokes: dict[str, InvokeListener] = field(default_factory=dict)
    unknown_command: CommandListener | None = None
    # Commands said to the bot by @mentioning it in a team's channel (by their first word), and the
    # listener for every other message in a channel (the app reads them all: resource-specific consent).
    channel_commands: dict[str, CommandListener] = field(default_factory=dict)
    channel_messages: ChannelListener | None = None
    members_added: MembersAddedListener | None = None

    def command(self, word: str) -> Callable[[CommandListener], CommandListener]:
        def register(listener: CommandListener) -> CommandListener:
            self.commands[word] = listener
            return listener
        return register

    def dialog(self, dialog_id: str, *, fetch: DialogListener, submit: DialogListener) -> None:
        self.dialogs[dialog_id] = Dialog(fetch, submit)

    def card_action(self, verb: str) -> Callable[[CardActionListener], CardActionListener]:
        def register(listener: CardActionListener) -> CardActionListener:
            self.card_actions[verb] = listener
            return listener
        return register

    def channel_command(self, word: str) -> Callable[[CommandListener], CommandListener]:
        def register(listener: CommandListener) -> CommandListener:
            self.channel_commands[word] = listener
            return listener
        return register

    def message_action(self, command_id: str) -> Callable[[MessageActionListener], MessageActionListener]:
        def register(listener: MessageActionListener) -> MessageActionListener:
            self.message_actions[command_id] = listener
            return listener
        return register

    async def dispatch(self, turn: Turn) -> InvokeAnswer:
        activity = turn.activity
        if activity.channel is not None and activity.kind in CHANNEL_MESSAGE_KINDS:
            return await self._in_channel(turn)
        if activity.kind == "message":
            # Commands are typed in the 1:1 chat; in a channel, only by @mentioning the bot (above).
            if not activity.where.personal or activity.value:
                return None
            word, _, rest = activity.command.partition(" ")
            listener = self.commands.get(word.lower()) or self.unknown_command
            if listener is not None:
                await listener(turn, rest.strip())
            return None
        if activity.kind == "conversationUpdate" and activity.members_added and self.members_added is not None:
            await self.members_added(turn)
            return None
        if activity.kind != "invoke":
            return None
        if activity.name in ("task/fetch", "task/submit", MESSAGE_ACTION_SUBMIT):  # dialogs
            request = dialog_request(activity)
            dialog = self.dialogs.get(request.dialog)
            if dialog is None:
                log.warning("a dialog nobody registered was asked for: %r", request.dialog)
                return {"task": {"type": "message", "value": "Sorry, I don't know that form. Please start again."}}
            # Its answers (the dialog again, a message in it, or closed) are a message action's answers too.
            return await (dialog.fetch if activity.name == "task/fetch" else dialog.submit)(turn, request)
        if activity.name == "adaptiveCard/action":
            action = card_action(activity)
            listener = self.card_actions.get(action.verb)
            if listener is None:
                log.warning("a button nobody registered was pressed: %r", action.verb)
                return {"statusCode": 200, "type": MESSAGE_CONTENT_TYPE, "value": NOT_IN_TEAMS_YET}
            return await listener(turn, action)
        if activity.name == MESSAGE_ACTION:
            request = message_action_request(activity)
            chosen = self.message_actions.get(request.command)
            if chosen is None:
                log.warning("a message action nobody registered was chosen: %r", request.command)
                return {"task": {"type": "message", "value": ACTION_NOT_IN_TEAMS_YET}}
            return await chosen(turn, request)
        if (invoked := self.invokes.get(activity.name)) is not None:
            return await invoked(turn)
        return None


    async def _in_channel(self, turn: Turn) -> InvokeAnswer:
        """A message in a team's channel: a command if it @mentions the bot with one, else a person's words."""
        activity = turn.activity
        if activity.kind == "message" and activity.mentions_bot and not activity.value:
            listener = self.channel_commands.get(activity.command.partition(" ")[0].lower())
            if listener is not None:
                await listener(turn, activity.command.partition(" ")[2].strip())
                return None
        if self.channel_messages is not None and activity.sender.object_id:
            await self.channel_messages(turn)
        return None


class TeamsEndpoint:
    def __init__(self, services: Services, app: TeamsApp, tokens: BotFrameworkTokens,
                 person_of: PersonOf = known_by_object_id, send_now: SendNow | None = None) -> None:
        self.services = services
        self.app = app
        self.tokens = tokens
        self.person_of = person_of
        self.send_now = send_now
        # Where this process has seen each person (by Entra object id) and channel write to it from.
        self._seen: dict[str, ConversationReference] = {}

    async def handle(self, request: web.Request) -> web.Response:
        with self.services.db.people_first.serving():
            try:
                body = json.loads(await request.read())
            except ValueError:
                body = None
            body = body if isinstance(body, dict) else {}
            try:
                await self.tokens.check(request.headers.get("Authorization"), body)
            except TokenRefused as exc:
                # The reason is for the log only; the sender learns nothing from the answer.
                log.warning("a request to %s was refused: %s", MESSAGES_PATH, exc)
                return web.Response(status=401)
            activity = parse(body)
            person = await self.person_of(activity.sender.object_id) if activity.sender.object_id else ""
            await self._remember(body, activity, person)
            turn = Turn(self.services, activity, person, self.person_of, self.send_now)
            try:
                answer = await self.app.dispatch(turn)
            except Exception as exc:
                answer = await self._tell_the_person(turn, exc)
        return web.json_response(answer) if answer is not None else web.Response(status=200)

    async def _tell_the_person(self, turn: Turn, error: Exception) -> InvokeAnswer:
        """A refusal (DomainError) in its own words, anything else logged and apologised for: in the
        dialog or beside the button that was used, or in the chat for a command. Never a failed request,
        which Teams shows as a broken app."""
        if isinstance(error, DomainError):
            text = as_typed_in_chat(error.user_message)
        else:
            log.error("unhandled error answering a Teams %s", turn.activity.name or turn.activity.kind, exc_info=error)
            text = SORRY
        if turn.activity.name in DIALOG_INVOKES:
            return {"task": {"type": "message", "value": text}}
        if turn.activity.name == "adaptiveCard/action":
            return {"statusCode": 200, "type": MESSAGE_CONTENT_TYPE, "value": text}
        try:
            await turn.reply(SAID, {"text": text}, key=f"teams-error:{turn.activity.id}")
        except Exception:  # the error path must never raise itself
            log.exception("could not tell the person about an error")
        return None

    async def _remember(self, body: dict[str, Any], activity: Activity, person: str) -> None:
        """Keep where the activity came from; someone who has just become reachable (the app installed for
        them, or their first message) gets what waits for them on the outbox's next round. Most activities
        come from where the bot already knows, and then nothing is written before the answer; a message
        or a button from a conversation this process has seen is not even looked up. The app installed
        or removed is always written, so another process that shares the database is never misled."""
        reached = reached_from(body)
        if reached is None:
            return
        seen_as = reached.person or f"channel:{reached.channel}"
        routine = activity.kind in ("message", "invoke")
        if routine and self._seen.get(seen_as) == reached.reference:
            return
        if not reached.removed:
            async with self.services.db.reading() as session:
                if await kept_reference(session, reached) == reached.reference:
                    self._saw(seen_as, reached.reference)
                    return
        now = self.services.now()
        woken = 0
        async with self.services.db.unit_of_work() as session:
            personal = activity.where.personal and bool(person)
            before = await kept_reference(session, reached) if personal else None
            kept = await record_reference(session, body, now)
            if personal and kept is not None and kept != before:
                woken = await reachable_now(session, ToPerson(person), now)
        if reached.removed:
            self._seen.pop(seen_as, None)
        else:
            self._saw(seen_as, reached.reference)
        if woken:
            self.services.wake_scheduler()

    def _saw(self, seen_as: str, reference: ConversationReference) -> None:
        if len(self._seen) >= SEEN_AT_MOST:  # far more people and channels than a charity has
            self._seen.clear()
        self._seen[seen_as] = reference


def teams_endpoint(services: Services, app: TeamsApp, person_of: PersonOf = known_by_object_id,
                   send_now: SendNow | None = None) -> TeamsEndpoint:
    """The endpoint for the bot's Teams registration (TEAMS_APP_ID), checking tokens against Microsoft's
    published keys, or a stand-in's (TEAMS_OPENID_METADATA_URL). `send_now` sends the answers that are
    not kept (the Teams deliverer's); without it they cannot be given."""
    settings = services.settings
    settings.require("TEAMS_APP_ID")
    tokens = BotFrameworkTokens(settings.secret("TEAMS_APP_ID"), services.now,
                                openid_metadata_url=settings.teams_openid_metadata_url or PUBLIC_OPENID_METADATA)
    return TeamsEndpoint(services, app, tokens, person_of, send_now)
