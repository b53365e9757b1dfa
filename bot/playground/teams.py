"""The playground over the Teams paths (`tmw-bot local --teams`): the bot's Teams endpoint and deliverer,
the Teams stand-in on loopback, and everyone in the organisation file on Teams.

It answers the terminal client exactly as the Slack engine (session.py) does, so the client, its script
language and its text rendering are the same on both platforms: what a person does is sent as Teams
sends it (a slash command becomes the chat message of bot/commands.py, a button an Action.Execute or a
dialog's task/fetch, a form a dialog's task/submit, a shortcut a message action), and the Adaptive Cards
the bot sends come back drawn as the blocks the client already shows: TextBlocks and FactSets as text,
buttons numbered, a dialog's inputs as a form's fields.
"""

from __future__ import annotations

import asyncio
import copy
import itertools
import json
import re
import secrets
import uuid
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from bot.commands import CATALOGUE, MESSAGE_ACTIONS
from bot.settings import Settings
from bot.playground.directory import MENTION, NotFound
from bot.playground.session import BotUnavailable, Changes, MessageSeen, Playground, SessionFiles
from bot.standin.client import BotResponse
from bot.standin.server import BOT_USER_ID
from bot.standin.teams import FakeTeams, TeamsActivitySender
from bot.standin.teams.client import teams_user_id

APP_ID = "5e1c7a2b-9d3f-4c8e-a1b6-0f2e4d6c8a90"
CARD = "application/vnd.microsoft.card.adaptive"
# Who the bot's messages are from, in the client's terms (its name, as in the Slack playground).
BOT = BOT_USER_ID
DOMAIN = "themusicworks.org.uk"
# The organisation's team in Teams, which its group channels belong to when everyone is on Teams.
TEAM = "19:tmw-playground@thread.tacv2"
# The channels that move to Teams when everyone is there: those whose messages the bot reads, and the
# moderators' channel their queue is in. The others stay in Slack, as the organisation file has them.
TEAMS_CHANNEL_PURPOSES = ("moderation", "guarded", "moderated")


def teams_channels(org_path: Path) -> dict[str, str]:
    """The Teams channel id each of the moderation, guarded and moderated channels gets, by its Slack id."""
    channels = (yaml.safe_load(org_path.read_text(encoding="utf-8")) or {}).get("channels") or {}
    found: dict[str, str] = {}
    for purpose in TEAMS_CHANNEL_PURPOSES:
        specs = channels.get(purpose) or []
        for spec in specs if isinstance(specs, list) else [specs]:
            if spec.get("id"):
                found[spec["id"]] = f"19:{spec.get('name') or spec['id'].lower()}@thread.tacv2"
    return found


def teams_org(org_path: Path, directory: Path, on_teams: set[str], channels: dict[str, str] | None = None) -> Path:
    """A copy of the organisation file with everyone given a Teams account (an Entra object id made from
    their Slack id, the same on every run, and a sign-in name), and those `on_teams` told on Teams.
    `channels` (Slack id to Teams id) moves those channels to the organisation's team in Teams."""
    data = yaml.safe_load(org_path.read_text(encoding="utf-8"))
    for purpose in TEAMS_CHANNEL_PURPOSES if channels else ():
        specs = (data.get("channels") or {}).get(purpose) or []
        for spec in specs if isinstance(specs, list) else [specs]:
            if spec.get("id") in channels:
                spec["teams"] = {"team_id": TEAM, "channel_id": channels[spec.pop("id")]}
    for person in data.get("people", []):
        slack_id = person.get("slack_id")
        if not slack_id:
            continue  # not in the playground's directory: the client cannot be them
        first = str(person.get("name", slack_id)).split()[0].lower()
        person["teams"] = {"object_id": object_id_of(slack_id), "upn": f"{first}.{slack_id.lower()}@{DOMAIN}"}
        person["notify_on"] = "teams" if slack_id in on_teams else "slack"
    written = directory / "org-teams.yml"
    written.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return written


def object_id_of(key: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"tmw-playground:{key}"))


def chat_text(command: str, text: str) -> str:
    """A slash command as typed to the bot in its Teams chat: `/tmw help` is `help`, `/check X` is `check X`."""
    if command == "/tmw":
        return text.strip()
    words = {info.chat_text.split()[0] for info in CATALOGUE if info.slash_command == command}
    word = min(words, key=len) if words else command.removeprefix("/")
    return f"{word} {text.strip()}".strip()


class TeamsPlayground(Playground):
    """The engine for `tmw-bot local --teams`; the client calls it as it calls the Slack one. The bot serves
    Slack and Teams, as `tmw-bot serve` does with both set up: everyone is on Teams, or only the people
    named (`--teams Dan,Sam`) and the rest on Slack; each is told, and acts, on their own platform."""

    def __init__(self, org_path: Path, files: SessionFiles, start: datetime, timezone: str,
                 on_teams: Sequence[str] = ()) -> None:
        super().__init__(org_path, files, start, timezone)
        everyone = {p.slack_id for p in self.directory.people}
        self.on_teams = {self.directory.person(name).slack_id for name in on_teams} or everyone
        self.platform = "Teams" if self.on_teams == everyone else "Slack and Teams"
        # With everyone on Teams, the group channels are in Teams too (by Slack id, as the client knows them).
        self.channel_ids = teams_channels(org_path) if self.on_teams == everyone else {}
        self.slack_channel_of = {teams_id: slack_id for slack_id, teams_id in self.channel_ids.items()}
        self.org_path = teams_org(org_path, files.directory, self.on_teams, self.channel_ids)
        self.object_ids = {key: object_id_of(key) for key in everyone}
        self.keys = {object_id: key for key, object_id in self.object_ids.items()}
        self.teams = FakeTeams(APP_ID, secrets.token_urlsafe(24))
        self.activities: TeamsActivitySender | None = None
        self._connector: Any = None
        # Cards Teams has replaced in place for the person who pressed a button on them (an invoke's answer).
        self._replaced: dict[str, tuple[int, dict[str, Any]]] = {}
        # What people on Teams wrote in channels (the bot is told of those in its team's channels).
        self._written: list[MessageSeen] = []
        self._views = itertools.count(1)
        self._home: dict[str, dict[str, Any]] = {}
        self._panels: dict[str, dict[str, Any]] = {}

    @classmethod
    async def start(cls, org_path: Path, files: SessionFiles, start: datetime, timezone: str = "Europe/London",
                    on_teams: Sequence[str] = ()) -> TeamsPlayground:
        playground = cls(org_path, files, start, timezone, on_teams)
        await playground._start()
        return playground

    async def _more_settings(self) -> dict[str, Any]:
        await self.teams.start()
        return {"TEAMS_APP_ID": APP_ID, "TEAMS_APP_PASSWORD": self.teams.app_password,
                "TEAMS_TOKEN_URL": self.teams.token_url, "TEAMS_OPENID_METADATA_URL": self.teams.openid_url}

    def _teams_endpoint(self, settings: Settings) -> Any:
        """Teams served beside Slack, as bot/runtime.py `serve` does: the Teams deliverer in the router."""
        from bot.delivery import SLACK, DeliveryRouter, routing_by_organisation
        from bot.teams.app import create_teams_endpoint
        from bot.teams.delivery import TEAMS, teams_connector, teams_delivery_by_organisation
        from handlers.teams import all_teams_renderers

        self._connector = teams_connector(settings, self.services)
        teams = teams_delivery_by_organisation(self.services, self._connector, all_teams_renderers())
        self._deliverer = DeliveryRouter({SLACK: self._deliverer.deliverers[SLACK], TEAMS: teams},
                                         routing_by_organisation(self.services))
        return create_teams_endpoint(self.services, send_now=teams.send_now)

    async def _serving(self, base_url: str) -> None:
        from bot.teams.server import MESSAGES_PATH

        self.activities = TeamsActivitySender(self.teams, base_url + MESSAGES_PATH, now=self.clock.now)
        for key in sorted(self.on_teams):  # the app installed for them, as an admin would
            await self.activities.send(self.activities.installed(self.object_ids[key]))
        admin = self.object_ids[sorted(self.on_teams)[0]]
        for teams_id in self.channel_ids.values():  # the app added to the team: Teams tells it in each channel
            await self.activities.send(self.activities.added_to_team(admin, TEAM, teams_id))
        await self.settle()

    async def stop(self) -> None:
        await super().stop()
        if self._connector is not None:
            await self._connector.close()
        await self.teams.stop()

    # -- what people do -----------------------------------------------------------------------------

    async def slash_command(self, user: str, command: str, text: str, channel: str) -> tuple[BotResponse, Changes]:
        if user not in self.on_teams:
            return await super().slash_command(user, command, text, channel)
        sender = self._teams()
        in_channel = any(info.slash_command == command and info.used_in == "channel" for info in CATALOGUE)
        if in_channel and channel in self.channel_ids:
            # A channel's command is said to the bot in the channel, by @mentioning it.
            said = sender.channel_message(self.object_ids[user], TEAM, self.channel_ids[channel],
                                          chat_text(command, text), mention_bot=True)
            return await self._step(lambda: self._post(said))
        activity = sender.personal_message(self.object_ids[user], chat_text(command, text))
        self._mention_people(activity)
        response, changes = await self._step(lambda: self._post(activity))
        # A command that opens a form in Slack offers it on a card in Teams, whose one button opens it as a
        # dialog: the person presses it.
        buttons = [b for m in changes.messages for b in _buttons(m.blocks)]
        if len(buttons) == 1 and "fetch" in _value(buttons[0]):
            _, opened = await self.block_action(user, buttons[0], "", {})
            changes.views += opened.views
            changes.responses += opened.responses
        return response, changes

    def _mention_people(self, activity: dict[str, Any]) -> None:
        """`@Dan` typed in a command, as Teams sends a mention of Dan: his name in <at>, and who he is."""
        entities = []

        def mention(match: re.Match[str]) -> str:
            try:
                person = self.directory.person(match[1] or match[2])
            except NotFound:
                return match[0]
            text = f"<at>{person.name}</at>"
            entities.append({"type": "mention", "text": text,
                             "mentioned": {"id": teams_user_id(self.object_ids[person.slack_id]), "name": person.name}})
            return text

        # The client gives a command's people as Slack escapes them (<@U0LEADER01|dan>), or as typed.
        activity["text"] = re.sub(rf"<@(\w+)\|[^>]*>|{MENTION.pattern}", mention, activity["text"])
        if entities:
            activity["entities"] = entities

    async def block_action(
        self, user: str, element: dict[str, Any], block_id: str, chosen: dict[str, Any],
        *, message: MessageSeen | None = None, view: dict[str, Any] | None = None,
    ) -> tuple[BotResponse, Changes]:
        if user not in self.on_teams:
            return await super().block_action(user, element, block_id, chosen, message=message, view=view)
        sender = self._teams()
        person = self.object_ids[user]
        value = _value(element)
        if "fetch" in value:
            response, changes = await self._step(lambda: self._post(sender.dialog_fetch(person, value["fetch"])))
            self._dialog_answer(user, response, changes, {"invoke": "task/submit"})
            return response, changes
        if "consent" in value:
            # Allow or Decline on a file consent card: Teams opens the upload session (on the stand-in).
            sent = next(s for s in self.teams.sent if s.id == value["activity"])
            activity = sender.file_consent(person, sent, allow=value["consent"] == "accept")
            return await self._step(lambda: self._post(activity))
        if "verb" not in value:
            return BotResponse(200, ""), Changes(problems=["that button does nothing in Teams"])
        in_channel = self.channel_ids.get(message.channel) if message is not None else None
        activity = sender.card_action(person, value["verb"], value.get("data") or {},
                                      in_channel=(TEAM, in_channel) if in_channel else None,
                                      reply_to_id=message.ts if message is not None else None)
        response, changes = await self._step(lambda: self._post(activity))
        body = response.json() if response.text else None
        if isinstance(body, dict) and body.get("type") == CARD and message is not None:
            sent = next(s for s in self.teams.sent if s.id == message.ts)
            self._replaced[message.ts] = (len(sent.history), body.get("value") or {})
            changes.messages = [m for m in changes.messages if m.ts != message.ts]
            changes.messages.append(self._seen_by_id(message.ts, updated=True))
        elif isinstance(body, dict) and isinstance(body.get("value"), str):
            changes.responses.append({"text": body["value"]})
        return response, changes

    async def submit_view(self, user: str, view: dict[str, Any], values: dict[str, dict[str, Any]]) -> tuple[BotResponse, Changes]:
        if user not in self.on_teams:
            return await super().submit_view(user, view, values)
        sender = self._teams()
        person = self.object_ids[user]
        teams = view.get("_teams", {})
        data = {**teams.get("data", {}), **self._inputs(view, values)}
        if teams.get("invoke") == "composeExtension/submitAction":
            activity = sender.message_action_submit(person, teams.get("command", ""), data)
        else:
            activity = sender.dialog_submit(person, data)
        response, changes = await self._step(lambda: self._post(activity))
        body = response.json() if response.text else None
        task = body.get("task") if isinstance(body, dict) else None
        if not isinstance(task, dict):
            return BotResponse(response.status, ""), changes
        if task.get("type") == "message":
            read = {"type": "modal", "title": {"type": "plain_text", "text": view.get("title", {}).get("text", "")},
                    "blocks": [_section(str(task.get("value", "")))]}
            return BotResponse(response.status, json.dumps({"response_action": "update", "view": read})), changes
        following = self._view_of(user, task.get("value") or {}, teams)
        errors = following.pop("_errors")
        if errors:
            return BotResponse(response.status, json.dumps({"response_action": "errors", "errors": errors})), changes
        return BotResponse(response.status, json.dumps({"response_action": "update", "view": following})), changes

    async def open_home(self, user: str) -> tuple[BotResponse, Changes]:
        if user not in self.on_teams:
            return await super().open_home(user)
        sender = self._teams()
        response, changes = await self._step(lambda: self._post(sender.personal_message(self.object_ids[user], "home")))
        mine = self._dm_of(user)
        home = next((m for m in reversed(changes.messages) if m.channel == mine), None)
        if home is not None:  # Home is a card in the chat; shown once, as the Home tab
            changes.messages.remove(home)
            self._home[user] = {"type": "home", "id": f"VH{user}", "blocks": home.blocks or [_section(home.text)]}
        return response, changes

    async def post_message(self, user: str, channel: str, text: str) -> tuple[MessageSeen, Changes]:
        if user not in self.on_teams:
            return await super().post_message(user, channel, text)
        if channel not in self.channel_ids:  # a channel in Slack: the bot is not told of someone on Teams
            written = MessageSeen(channel, f"w:{len(self._written) + 1}", text, None, user)
            self._written.append(written)
            return written, Changes()
        # In the team's channel: Teams tells the bot of every message there.
        activity = self._teams().channel_message(self.object_ids[user], TEAM, self.channel_ids[channel], text)
        self._mention_people(activity)
        written = MessageSeen(channel, activity["id"], text, None, user)
        self._written.append(written)
        self.posted_at[(channel, written.ts)] = self.clock.now()
        _, changes = await self._step(lambda: self._post(activity))
        return written, changes

    async def message_shortcut(self, user: str, callback_id: str, message: MessageSeen) -> tuple[BotResponse, Changes]:
        if user not in self.on_teams:
            return await super().message_shortcut(user, callback_id, message)
        sender = self._teams()
        command = _message_action(callback_id)
        author = self.object_ids.get(message.user, "")
        payload = {"id": message.ts, "body": {"contentType": "text", "content": message.text},
                   "from": {"user": {"id": author, "displayName": self.directory.name_of(message.user)}}}
        response, changes = await self._step(
            lambda: self._post(sender.message_action(self.object_ids[user], command, payload)))
        self._dialog_answer(user, response, changes, {"invoke": "composeExtension/submitAction", "command": command})
        return BotResponse(response.status, ""), changes

    # -- what is there to see -----------------------------------------------------------------------

    def _dm_of(self, user: str) -> str:
        person = self.directory.by_id(user)
        return person.dm_channel if person else user

    def messages_in(self, channel: str) -> list[MessageSeen]:
        owner = self.directory.dm_owner(channel)
        if owner is not None and owner.slack_id in self.on_teams:
            chat = self.teams.personal_chat(self.object_ids[owner.slack_id]).id
            return [self._seen(s.id, channel, updated=False) for s in self.teams.sent_in(chat)]
        written = [m for m in self._written if m.channel == channel]
        if channel in self.channel_ids:  # what the bot posted in the team's channel
            written += [self._seen(s.id, channel, updated=False) for s in self.teams.sent_in(self.channel_ids[channel])
                        if not s.deleted]
        return sorted(super().messages_in(channel) + written, key=lambda m: self.posted_at.get((m.channel, m.ts), self.now()))

    def current(self, message: MessageSeen) -> MessageSeen | None:
        if any(m.ts == message.ts and m.channel == message.channel for m in self._written):
            return message
        if any(s.id == message.ts for s in self.teams.sent):
            found = next((s for s in self.teams.sent if s.id == message.ts and not s.deleted), None)
            return self._seen_by_id(message.ts) if found is not None else None
        return super().current(message)

    def home_of(self, user: str) -> dict[str, Any] | None:
        if user not in self.on_teams:
            return super().home_of(user)
        return copy.deepcopy(self._home.get(user))

    # -- the machinery ------------------------------------------------------------------------------

    def _teams(self) -> TeamsActivitySender:
        if self.activities is None or self._runner is None:
            raise BotUnavailable("the bot has stopped")
        return self.activities

    async def _post(self, activity: dict[str, Any]) -> BotResponse:
        reply = await self._teams().send(activity)
        return BotResponse(reply.status, json.dumps(reply.body) if reply.body is not None else "")

    def _dialog_answer(self, user: str, response: BotResponse, changes: Changes, submit: dict[str, Any]) -> None:
        """A dialog opened (shown as a form to fill), or a message in its place."""
        body = response.json() if response.text else None
        task = body.get("task") if isinstance(body, dict) else None
        if not isinstance(task, dict):
            return
        if task.get("type") == "continue":
            view = self._view_of(user, task.get("value") or {}, submit)
            view.pop("_errors")
            changes.views.append(view)
        elif task.get("type") == "message":
            changes.responses.append({"text": str(task.get("value", ""))})

    def _view_of(self, user: str, task: dict[str, Any], submit: dict[str, Any]) -> dict[str, Any]:
        card = (task.get("card") or {}).get("content") or {}
        blocks, errors = self._form_blocks(card)
        submit_action = next((a for a in card.get("actions") or [] if a.get("type") == "Action.Submit"), None)
        view: dict[str, Any] = {"type": "modal", "id": f"VT{next(self._views)}", "_user": user, "_errors": errors,
                                "title": {"type": "plain_text", "text": str(task.get("title", ""))}, "blocks": blocks,
                                "_teams": {**submit, "data": (submit_action or {}).get("data") or {}}}
        if submit_action is not None:
            view["submit"] = {"type": "plain_text", "text": submit_action.get("title", "Submit")}
        return view

    def _form_blocks(self, card: dict[str, Any]) -> tuple[list[dict[str, Any]], dict[str, str]]:
        """A dialog's card as a form's blocks, and the errors shown in it (by the input they follow)."""
        blocks: list[dict[str, Any]] = []
        errors: dict[str, str] = {}
        last_input: dict[str, Any] | None = None
        for element in card.get("body") or []:
            kind = element.get("type", "")
            if kind.startswith("Input."):
                last_input = self._input(element)
                blocks.append(last_input)
            elif kind == "TextBlock" and last_input is not None and element.get("color") == "Attention":
                errors[last_input["block_id"]] = _plain(element.get("text", ""))
            elif kind == "TextBlock" and last_input is not None and element.get("isSubtle"):
                last_input["hint"] = {"type": "plain_text", "text": _plain(element.get("text", ""))}
            else:
                last_input = None
                blocks += self._blocks([element])
        return blocks, errors

    def _input(self, element: dict[str, Any]) -> dict[str, Any]:
        kind, name = element["type"], element.get("id", "")
        value = element.get("value")
        field: dict[str, Any] = {"action_id": name}
        if kind == "Input.Text":
            field |= {"type": "plain_text_input", "multiline": bool(element.get("isMultiline"))}
            if value:
                field["initial_value"] = value
        elif kind == "Input.Date":
            field["type"] = "datepicker"
            if value:
                field["initial_date"] = value
        elif kind == "Input.Toggle":
            option = {"text": {"type": "plain_text", "text": element.get("title", "")}, "value": element.get("valueOn", "true")}
            field |= {"type": "checkboxes", "options": [option]}
            if value == option["value"]:
                field["initial_options"] = [option]
        elif kind == "Input.ChoiceSet" and element.get("choices.data"):
            multiple = bool(element.get("isMultiSelect"))
            chosen = [self.keys[v] for v in (value or "").split(",") if v in self.keys]
            field["type"] = "multi_users_select" if multiple else "users_select"
            if chosen:
                field |= {"initial_users": chosen} if multiple else {"initial_user": chosen[0]}
        else:
            options = [{"text": {"type": "plain_text", "text": c.get("title", "")}, "value": c.get("value", "")}
                       for c in element.get("choices") or []]
            multiple = bool(element.get("isMultiSelect"))
            field |= {"type": "checkboxes" if multiple else "static_select", "options": options}
            initial = [o for o in options if o["value"] in (value or "").split(",")]
            if initial:
                field |= {"initial_options": initial} if multiple else {"initial_option": initial[0]}
        return {"type": "input", "block_id": name, "optional": not element.get("isRequired"),
                "label": {"type": "plain_text", "text": element.get("label") or element.get("title") or name},
                "element": field}

    def _inputs(self, view: dict[str, Any], values: dict[str, dict[str, Any]]) -> dict[str, Any]:
        """The answers as a dialog's Action.Submit sends them: each input's value by its id."""
        data: dict[str, Any] = {}
        for block_id, by_action in values.items():
            state = next(iter(by_action.values()), {}) or {}
            if "value" in state:
                data[block_id] = state.get("value") or ""
            elif "selected_date" in state:
                data[block_id] = state.get("selected_date") or ""
            elif "selected_option" in state:
                data[block_id] = (state.get("selected_option") or {}).get("value", "")
            elif "selected_options" in state:
                data[block_id] = ",".join(o.get("value", "") for o in state.get("selected_options") or [])
            elif "selected_user" in state:
                data[block_id] = self.object_ids.get(state.get("selected_user") or "", "")
            elif "selected_users" in state:
                data[block_id] = ",".join(self.object_ids.get(u, u) for u in state.get("selected_users") or [])
        return data

    def _working(self, task: asyncio.Task[Any]) -> bool:
        # The bot keeps its connection to the Bot Connector open between calls: the stand-in's handler of
        # that connection waits for the next request, which is no work (the calls themselves are counted).
        return not task.done() and task.get_coro().__qualname__ != "RequestHandler.start"  # type: ignore[union-attr]

    def _activity(self) -> tuple[int, ...]:
        return (*super()._activity(), len(self.teams.calls), len(self.teams.sent), len(self._replaced))

    def _marker(self) -> Any:
        return super()._marker(), {s.id: self._fingerprint(s.id) for s in self.teams.sent}

    def _fingerprint(self, activity_id: str) -> str:
        found = next(s for s in self.teams.sent if s.id == activity_id)
        return json.dumps([found.activity, found.deleted, self._replaced.get(activity_id)], sort_keys=True, default=str)

    def _changes_since(self, marker: Any) -> Changes:
        in_slack, marker = marker
        changes = super()._changes_since(in_slack)
        for sent in self.teams.sent:
            before = marker.get(sent.id)
            if before == self._fingerprint(sent.id):
                continue
            channel = self._channel_of(sent.conversation_id)
            seen = self._seen(sent.id, channel, updated=before is not None)
            (changes.deleted if sent.deleted else changes.messages).append(seen)
        return changes

    async def settle(self, timeout: float = 15.0) -> None:
        await super().settle(timeout)
        for sent in self.teams.sent:
            self.posted_at.setdefault((self._channel_of(sent.conversation_id), sent.id), self.clock.now())

    def _channel_of(self, conversation_id: str) -> str:
        if conversation_id.split(";")[0] in self.slack_channel_of:  # the team's channel, as the client knows it
            return self.slack_channel_of[conversation_id.split(";")[0]]
        conversation = self.teams.conversations.get(conversation_id)
        if conversation is not None and conversation.member is not None:
            key = self.keys.get(conversation.member)
            person = self.directory.by_id(key) if key else None
            if person is not None:
                return person.dm_channel
        return conversation_id

    def _seen_by_id(self, activity_id: str, *, updated: bool = False) -> MessageSeen:
        found = next(s for s in self.teams.sent if s.id == activity_id)
        return self._seen(activity_id, self._channel_of(found.conversation_id), updated=updated)

    def _seen(self, activity_id: str, channel: str, *, updated: bool) -> MessageSeen:
        found = next(s for s in self.teams.sent if s.id == activity_id)
        # A card replaced in place stands until the bot next updates the message itself.
        replaced = self._replaced.get(activity_id)
        cards = [replaced[1]] if replaced and replaced[0] == len(found.history) else found.cards
        blocks = [block for card in cards for block in self._card_blocks(card)]
        blocks += [block for consent in found.file_consents for block in _consent_blocks(found.id, consent)]
        if found.file_infos and found.activity.get("text"):
            blocks.append(_section(_markdown(str(found.activity["text"]))))
        blocks += [block for info in found.file_infos for block in self._file_blocks(info)]
        # The words Teams shows in its notification of the message (a card's summary).
        text = str(found.activity.get("text") or found.activity.get("summary") or "")
        return MessageSeen(channel, activity_id, text, blocks or None, BOT, updated)

    def _file_blocks(self, info: dict[str, Any]) -> list[dict[str, Any]]:
        """A file info card: the file the bot put in the person's OneDrive, as received there."""
        url = str(info.get("contentUrl") or "")
        upload = next((u for u in self.teams.uploads.values() if url.startswith(f"{self.teams.base_url}/onedrive/files/{u.id}/")), None)
        size = f", {len(upload.content):,} bytes received" if upload is not None and upload.content is not None else ""
        return [_section(f"📎 *{_markdown(str(info.get('name') or 'a file'))}* (in your OneDrive{size})")]

    # -- cards as blocks ----------------------------------------------------------------------------

    def _card_blocks(self, card: dict[str, Any]) -> list[dict[str, Any]]:
        panels = {c.get("id"): c for c in _walk(card.get("body") or []) if c.get("type") == "Container" and c.get("id")}
        self._panels = panels
        blocks = self._blocks(card.get("body") or [])
        if card.get("actions"):
            blocks.append({"type": "actions", "elements": [b for a in card["actions"] if (b := self._button(a))]})
        return blocks

    def _blocks(self, elements: list[dict[str, Any]]) -> list[dict[str, Any]]:
        blocks: list[dict[str, Any]] = []
        for element in elements:
            kind = element.get("type")
            if element.get("isVisible") is False:
                continue  # a confirmation's panel: its question is asked when its button is pressed
            if kind == "TextBlock" and element.get("text"):
                blocks.append(_section(_markdown(element["text"], bold=element.get("weight") == "Bolder")))
            elif kind == "FactSet":
                fields = [{"type": "mrkdwn", "text": f"*{_markdown(f.get('title', ''))}*\n{_markdown(f.get('value', ''))}"}
                          for f in element.get("facts") or []]
                for start in range(0, len(fields), 10):
                    blocks.append({"type": "section", "fields": fields[start:start + 10]})
            elif kind == "Container":
                blocks += self._blocks(element.get("items") or [])
            elif kind == "ColumnSet":
                for column in element.get("columns") or []:
                    blocks += self._blocks(column.get("items") or [])
            elif kind == "ActionSet":
                buttons = [b for a in element.get("actions") or [] if (b := self._button(a))]
                if buttons:
                    blocks.append({"type": "actions", "elements": buttons})
        return blocks

    def _button(self, action: dict[str, Any]) -> dict[str, Any] | None:
        kind = action.get("type")
        title = {"type": "plain_text", "text": action.get("title", "")}
        if kind == "Action.Execute":
            value = {"verb": action.get("verb", ""), "data": action.get("data") or {}}
            return {"type": "button", "action_id": "teams.execute", "text": title, "value": json.dumps(value, sort_keys=True)}
        if kind == "Action.Submit" and (action.get("data") or {}).get("msteams", {}).get("type") == "task/fetch":
            return {"type": "button", "action_id": "teams.dialog", "text": title,
                    "value": json.dumps({"fetch": action["data"]}, sort_keys=True)}
        if kind == "Action.OpenUrl":
            return {"type": "button", "action_id": "teams.url", "text": title, "url": action.get("url", "")}
        if kind == "Action.ToggleVisibility":
            # The confirmation panel it opens: its question, and its "yes" as the button's real action.
            panel = next((self._panels.get(t if isinstance(t, str) else t.get("elementId"))
                          for t in action.get("targetElements") or []), None)
            if panel is None:
                return None
            texts = [_plain(i.get("text", "")) for i in panel.get("items") or [] if i.get("type") == "TextBlock"]
            inner = [a for i in panel.get("items") or [] if i.get("type") == "ActionSet" for a in i.get("actions") or []]
            yes = next((a for a in inner if a.get("type") == "Action.Execute"), None)
            no = next((a for a in inner if a.get("type") == "Action.ToggleVisibility"), {})
            button = self._button(yes) if yes else None
            if button is None:
                return None
            button["text"] = title
            button["confirm"] = {
                "title": {"type": "plain_text", "text": texts[0] if texts else ""},
                "text": {"type": "plain_text", "text": " ".join(texts[1:])},
                "confirm": {"type": "plain_text", "text": yes.get("title", "Yes") if yes else "Yes"},
                "deny": {"type": "plain_text", "text": no.get("title", "Cancel")}}
            return button
        return None


def _consent_blocks(activity_id: str, consent: dict[str, Any]) -> list[dict[str, Any]]:
    """A file consent card as Teams shows it: the file, what it is, its size, and Allow and Decline."""
    content = consent.get("content") or {}
    line = (f"📎 *{_markdown(str(consent.get('name') or 'a file'))}* ({int(content.get('sizeInBytes') or 0):,} bytes)\n"
            f"{_markdown(str(content.get('description') or ''))}")
    buttons = [{"type": "button", "action_id": f"teams.file.{answer}", "text": {"type": "plain_text", "text": title},
                "value": json.dumps({"consent": answer, "activity": activity_id}, sort_keys=True)}
               for title, answer in (("Allow", "accept"), ("Decline", "decline"))]
    return [_section(line), {"type": "actions", "elements": buttons}]


def _walk(elements: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for element in elements:
        yield element
        yield from _walk(element.get("items") or [])
        for column in element.get("columns") or []:
            yield from _walk(column.get("items") or [])


def _buttons(blocks: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    return [e for b in blocks or [] if b.get("type") == "actions" for e in b.get("elements", [])]


def _value(element: dict[str, Any]) -> dict[str, Any]:
    try:
        value = json.loads(element.get("value") or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


_MENTION = re.compile(r"</?at>")
_ESCAPED = re.compile(r"\\([\\*_\[\]()~`#>|!+.-])")


# Text struck through: Teams' markdown has no mark for it, so each character carries a combining stroke.
_STRUCK = re.compile(r"(?:.\u0336)(?:[ ]*.\u0336)*")


def _plain(text: str) -> str:
    """Teams' markdown as the words it shows."""
    text = text.replace("**", "").replace("\u2060", "").replace("\u0336", "")
    return _ESCAPED.sub(r"\1", _MENTION.sub("", text))


def _markdown(text: str, *, bold: bool = False) -> str:
    """Teams' markdown in the client's own (Slack-like) marks: **bold** as *bold*, links as <url|text>."""
    text = _MENTION.sub("", text.replace("\u2060", ""))
    text = _STRUCK.sub(lambda struck: "~" + struck[0].replace("\u0336", "") + "~", text)
    text = re.sub(r"(?<!\\)\[([^\]]*)\]\(([^)]*)\)", r"<\2|\1>", text)
    text = re.sub(r"\*\*(.+?)\*\*", r"*\1*", text)
    text = _ESCAPED.sub(r"\1", text)
    text = text.replace("\n\n", "\n")
    return f"*{text}*" if bold and text.strip() else text


def _message_action(callback_id: str) -> str:
    """The Teams message action for a Slack shortcut's callback id: the same title in the app's manifest."""
    from bot.playground.client import MANIFEST, Manifest

    names = {callback: name for name, callback in Manifest.read(MANIFEST).shortcuts.items()}
    title = names.get(callback_id, callback_id)
    return next((action.key for action in MESSAGE_ACTIONS if action.title.casefold() == title.casefold()), callback_id)
