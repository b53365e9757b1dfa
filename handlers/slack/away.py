"""`/away` in Slack: someone is away (holiday, leave), and who covers for them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.absences import HOW_TO, set_absence
from bot.away_messages import BACK, SET_FOR_YOU, back, set_for_you
from bot.errors import DomainError
from bot.slack.blockkit import BLOCK_KIT
from bot.slack.mrkdwn import escape
from bot.slack.people import key_of
from bot.snapshot import org_snapshot
from handlers.slack.errors import tell, telling_the_person
from handlers.slack.middleware import caller, services_of

COMMAND = "/away"
_MENTION = r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>"
# `/away @person ...`: someone else's absence.
PERSON_FIRST = re.compile(rf"^\s*{_MENTION}\s*")
# `... cover @person`: who covers.
COVER_LAST = re.compile(rf"\s*\b(?:cover(?:ed)?(?:\s+by)?|with)\s+{_MENTION}\s*$", re.IGNORECASE)
ANY_MENTION = re.compile(_MENTION)


@dataclass(frozen=True)
class AwayCommand:
    """`/away` as typed, its people taken out: whose absence (None: the sender's), the dates in words,
    and who covers."""

    person: str | None
    text: str
    stand_in: str | None


def parse_command(text: str) -> AwayCommand:
    person = stand_in = None
    if cover := COVER_LAST.search(text):
        stand_in, text = key_of(cover.group(1)), text[: cover.start()]
    if first := PERSON_FIRST.match(text):
        person, text = key_of(first.group(1)), text[first.end():]
    if ANY_MENTION.search(text):
        raise DomainError("I couldn't tell who that was about, so nothing has been changed. Put the person first "
                          f"(`/away @person until Friday`) and who covers last (`cover @person`). {HOW_TO}")
    return AwayCommand(person, text.strip(), stand_in)


RENDERERS = {BACK: lambda params: BLOCK_KIT.message(back(params)),
             SET_FOR_YOU: lambda params: BLOCK_KIT.message(set_for_you(params))}


def register(app: AsyncApp) -> None:
    @app.command(COMMAND)
    async def away_command(
        ack: AsyncAck, command: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient, context: AsyncBoltContext
    ) -> None:
        await ack()
        async with telling_the_person(command, respond, client):
            services = services_of(context)
            typed = parse_command(command.get("text") or "")
            directory = (await org_snapshot(services)).directory
            async with services.db.unit_of_work() as session:
                outcome = await set_absence(session, services, directory, caller(context), typed.person,
                                            typed.text, typed.stand_in)
            if outcome.changed:
                services.wake_scheduler()
            await tell(command, respond, client, escape(outcome.message))
