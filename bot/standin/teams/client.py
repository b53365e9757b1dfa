"""Sends activities to the bot the way Teams does: POST to its messaging endpoint, each with a Bot
Framework token signed by the stand-in's key (or a forged one, to see it refused)."""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import aiohttp

from bot.standin.teams.connector import BOT_FRAMEWORK_ISSUER, FakeTeams, SentActivity

INVOKE = "invoke"


@dataclass(frozen=True)
class TeamsReply:
    """The bot's HTTP answer to one activity (an invoke's body carries a card or a dialog)."""

    status: int
    body: Any


def teams_user_id(person: str) -> str:
    """The id Teams gives a person inside the bot's conversations ("29:..."), beside their Entra object id."""
    return "29:1" + hashlib.sha256(person.encode()).hexdigest()[:40]


class TeamsActivitySender:
    def __init__(self, fake: FakeTeams, bot_url: str, *, bot_name: str = "Safety assistant",
                 now: Callable[[], datetime] | None = None) -> None:
        self.fake = fake
        self.bot_url = bot_url  # e.g. http://127.0.0.1:3000/api/messages
        self.bot_name = bot_name
        # The time tokens are issued at: the bot's own (injected) clock in tests that set one.
        self.now = now or (lambda: datetime.now(UTC))
        self._ids = itertools.count(1)

    # -- tokens ----------------------------------------------------------------------------------

    def token(self, *, audience: str | None = None, issuer: str = BOT_FRAMEWORK_ISSUER,
              service_url: str | None = None, expires_in: int = 3600, kid: str | None = None) -> str:
        """A Bot Framework token as Teams sends it; change a claim to forge one."""
        now = int(self.now().timestamp())
        claims = {"iss": issuer, "aud": audience or self.fake.app_id, "serviceurl": service_url or self.fake.service_url,
                  "nbf": now - 5, "iat": now - 5, "exp": now + expires_in}
        return self.fake.signing_key.sign(claims, kid=kid)

    async def send(self, activity: dict[str, Any], *, token: str | None = "", headers: dict[str, str] | None = None
                   ) -> TeamsReply:
        """POST one activity. `token=None` sends none; the default is a valid one for its serviceUrl."""
        if token == "":
            token = self.token(service_url=activity["serviceUrl"])
        sent_headers = {"Content-Type": "application/json", **(headers or {})}
        if token is not None:
            sent_headers["Authorization"] = f"Bearer {token}"
        async with aiohttp.ClientSession() as session, session.post(self.bot_url, json=activity,
                                                                    headers=sent_headers) as response:
            body: Any = await response.json(content_type=None) if response.content_length != 0 else None
            return TeamsReply(response.status, body)

    # -- activities ------------------------------------------------------------------------------

    def _base(self, kind: str, person: str, conversation: dict[str, Any], name: str = "") -> dict[str, Any]:
        return {
            "type": kind,
            "id": f"f:{next(self._ids)}",
            "timestamp": self.now().isoformat(),
            "serviceUrl": self.fake.service_url,
            "channelId": "msteams",
            "from": {"id": teams_user_id(person), "aadObjectId": person, "name": name or person},
            "conversation": conversation,
            "recipient": {"id": f"28:{self.fake.app_id}", "name": self.bot_name},
            "channelData": {"tenant": {"id": self.fake.tenant_id}},
            "locale": "en-GB",
        }

    def _personal(self, person: str) -> dict[str, Any]:
        chat = self.fake.personal_chat(person)
        return {"id": chat.id, "conversationType": "personal", "tenantId": self.fake.tenant_id}

    def _channel(self, team_id: str, channel_id: str) -> dict[str, Any]:
        self.fake.open_channel(team_id, channel_id)
        return {"id": channel_id, "conversationType": "channel", "tenantId": self.fake.tenant_id, "isGroup": True}

    def personal_message(self, person: str, text: str, *, mentions: dict[str, str] | None = None) -> dict[str, Any]:
        """`person` writes `text` in their chat with the bot. `mentions` (Entra object id -> name) are the
        people @mentioned in it, each written `<at>name</at>` in the text, as Teams sends them."""
        activity = self._base("message", person, self._personal(person))
        activity.update({"text": text, "textFormat": "plain"})
        if mentions:
            activity["entities"] = [{"type": "mention", "text": f"<at>{name}</at>",
                                     "mentioned": {"id": teams_user_id(object_id), "name": name}}
                                    for object_id, name in mentions.items()]
        return activity

    def channel_message(self, person: str, team_id: str, channel_id: str, text: str, *,
                        mention_bot: bool = False, reply_to: str | None = None, message_id: str | None = None
                        ) -> dict[str, Any]:
        """A post in a team's channel (or, given `reply_to`, a reply in that post's thread), as Teams sends
        the bot every channel message once the app has resource-specific consent to read them."""
        activity = self._base("message", person, self._channel(team_id, channel_id))
        activity["channelData"].update({"team": {"id": team_id}, "channel": {"id": channel_id}})
        # Teams gives a channel message an id of its own: when it was posted, in milliseconds since 1970.
        activity["id"] = message_id or self.message_id()
        if reply_to is not None:
            activity["conversation"]["id"] = f"{channel_id};messageid={reply_to}"
            activity["replyToId"] = reply_to
        if mention_bot:
            mention = f"<at>{self.bot_name}</at>"
            activity["text"] = f"{mention} {text}"
            activity["entities"] = [{"type": "mention", "text": mention,
                                     "mentioned": {"id": f"28:{self.fake.app_id}", "name": self.bot_name}}]
        else:
            activity["text"] = text
        return activity

    def message_id(self) -> str:
        """A new channel message's id, as Teams makes them: its time in milliseconds, one apart at least."""
        return str(int(self.now().timestamp() * 1000) + next(self._ids))

    def message_edited(self, person: str, team_id: str, channel_id: str, message_id: str, text: str) -> dict[str, Any]:
        """A channel post edited by its author: Teams sends its new text under the post's own id."""
        activity = self._base("messageUpdate", person, self._channel(team_id, channel_id))
        activity["channelData"].update({"team": {"id": team_id}, "channel": {"id": channel_id},
                                        "eventType": "editMessage"})
        activity.update({"id": message_id, "text": text})
        return activity

    def message_deleted(self, person: str, team_id: str, channel_id: str, message_id: str) -> dict[str, Any]:
        """A channel post deleted (by its author, or a team owner): Teams names it by its id alone."""
        activity = self._base("messageDelete", person, self._channel(team_id, channel_id))
        activity["channelData"].update({"team": {"id": team_id}, "channel": {"id": channel_id},
                                        "eventType": "softDeleteMessage"})
        activity["id"] = message_id
        return activity

    def added_to_team(self, person: str, team_id: str, channel_id: str) -> dict[str, Any]:
        """The app added to a team (by `person`, its owner), as Teams tells the bot in one of its channels."""
        activity = self._base("conversationUpdate", person, self._channel(team_id, channel_id))
        activity["channelData"].update({"team": {"id": team_id}, "channel": {"id": channel_id},
                                        "eventType": "teamMemberAdded"})
        activity["membersAdded"] = [{"id": f"28:{self.fake.app_id}"}]
        return activity

    def members_added(self, by: str, team_id: str, channel_id: str, *people: str,
                      event: str = "teamMemberAdded") -> dict[str, Any]:
        """People added by `by` (an owner): to a team (teamMemberAdded, told in the team's General channel,
        whose id is the team's; its standard channels are theirs too), or to one private or shared channel
        (channelMemberAdded). Teams names each by their id in its conversations and their Entra object id."""
        activity = self._base("conversationUpdate", by, self._channel(team_id, channel_id))
        activity["channelData"].update({"team": {"id": team_id}, "channel": {"id": channel_id}, "eventType": event})
        activity["membersAdded"] = [{"id": teams_user_id(person), "aadObjectId": person} for person in people]
        return activity

    def card_action(self, person: str, verb: str, data: dict[str, Any], *, in_channel: tuple[str, str] | None = None,
                    reply_to_id: str | None = None) -> dict[str, Any]:
        """A press of an Action.Execute button on a card the bot sent: in the person's own chat, or in a
        team's channel given as (team id, channel id)."""
        conversation = self._channel(*in_channel) if in_channel else self._personal(person)
        activity = self._base(INVOKE, person, conversation)
        activity.update({"name": "adaptiveCard/action", "replyToId": reply_to_id,
                         "value": {"action": {"type": "Action.Execute", "verb": verb, "data": data},
                                   "trigger": "manual"}})
        return activity

    def dialog_fetch(self, person: str, data: dict[str, Any]) -> dict[str, Any]:
        activity = self._base(INVOKE, person, self._personal(person))
        activity.update({"name": "task/fetch", "value": {"data": data, "context": {"theme": "default"}}})
        return activity

    def dialog_submit(self, person: str, data: dict[str, Any]) -> dict[str, Any]:
        activity = self._base(INVOKE, person, self._personal(person))
        activity.update({"name": "task/submit", "value": {"data": data, "context": {"theme": "default"}}})
        return activity

    def message_action(self, person: str, command_id: str, message: dict[str, Any], *,
                       conversation: dict[str, Any] | None = None) -> dict[str, Any]:
        """A message action chosen on someone's message ("Check before sending")."""
        activity = self._base(INVOKE, person, conversation or self._personal(person))
        activity.update({"name": "composeExtension/fetchTask",
                         "value": {"commandId": command_id, "commandContext": "message", "messagePayload": message}})
        return activity

    def message_action_submit(self, person: str, command_id: str, data: dict[str, Any]) -> dict[str, Any]:
        """The dialog a message action opened, submitted: Teams sends it as composeExtension/submitAction."""
        activity = self._base(INVOKE, person, self._personal(person))
        activity.update({"name": "composeExtension/submitAction",
                         "value": {"commandId": command_id, "commandContext": "message", "data": data}})
        return activity

    def file_consent(self, person: str, sent: SentActivity, *, allow: bool = True) -> dict[str, Any]:
        """Allow (or Decline) pressed on the file consent card of `sent`, in the person's chat: on Allow,
        OneDrive opens an upload session in their OneDrive (on the stand-in) and Teams gives the bot its URL."""
        [card] = sent.file_consents
        content = card.get("content") or {}
        value: dict[str, Any] = {"type": "fileUpload", "action": "accept" if allow else "decline",
                                 "context": content.get("acceptContext" if allow else "declineContext") or {}}
        if allow:
            value["uploadInfo"] = self.fake.upload_session(person, str(card.get("name") or "file"))
        activity = self._base(INVOKE, person, self._personal(person))
        activity.update({"name": "fileConsent/invoke", "replyToId": sent.id, "value": value})
        return activity

    def installed(self, person: str) -> dict[str, Any]:
        """The app installed for a person (by them, or pre-installed by an admin)."""
        self.fake.install_for(person)
        activity = self._base("installationUpdate", person, self._personal(person))
        activity["action"] = "add"
        return activity
