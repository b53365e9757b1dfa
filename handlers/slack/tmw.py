"""`/tmw`: the bot's own command. `help` (the default) says what the caller may do."""

from __future__ import annotations

import asyncio
import base64
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.addresses import ToPerson
from bot.digest.workflow import digest_on_request
from bot.errors import DomainError
from bot.help import HelpAnswer, help_for
from bot.org import Role
from bot.services import Services
from bot.slack.delivery import Rendered, RenderedFile
from bot.slack.mrkdwn import escape
from bot.snapshot import org_snapshot
from bot.trustees import report as trustees
from handlers.slack.digest import render_weekly
from handlers.slack.errors import telling_the_person
from handlers.slack.middleware import caller, services_of
from storage.outbox import enqueue_message

COMMAND = "/tmw"
TRUSTEES_FILE = "trustees.report_file"
TRUSTEES_USAGE = "For example `/tmw trustees 2026-09-01 2026-11-30` (the first and the last day), or `/tmw trustees` for the last twelve months."


def help_blocks(answer: HelpAnswer) -> list[dict[str, Any]]:
    # Plain dicts, not slack_sdk's block classes: those validate and convert every field on each
    # request, which was a good part of what /tmw help spent before its acknowledgement.
    def mrkdwn(text: str) -> dict[str, str]:
        return {"type": "mrkdwn", "text": text}

    blocks: list[dict[str, Any]] = [{"type": "section", "text": mrkdwn(escape(answer.greeting))}]
    if answer.commands:
        lines = "\n".join(f"• `{c.usage}`: {escape(c.summary)}" for c in answer.commands)
        blocks.append({"type": "section", "text": mrkdwn(f"*What you can do*\n{lines}")})
    blocks += [{"type": "context", "elements": [mrkdwn(escape(line))]} for line in answer.ask]
    return blocks


def help_text(answer: HelpAnswer) -> str:
    lines = [answer.greeting, *(f"{c.usage}: {c.summary}" for c in answer.commands), *answer.ask]
    return "\n".join(lines)


def _period(words: list[str], services: Services) -> trustees.Period:
    if not words:
        return trustees.last_twelve_months(services.local_now().date())
    if len(words) != 2:
        raise DomainError(f"Please give the period's first and last day. {TRUSTEES_USAGE}")
    try:
        return trustees.parse_period(words[0], words[1], names=("the first day", "the last day"))
    except DomainError as exc:
        raise DomainError(f"{exc.user_message} {TRUSTEES_USAGE}") from None


async def _trustees_report(ack: AsyncAck, command: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient,
                           context: AsyncBoltContext, words: list[str]) -> None:
    """`/tmw trustees [FROM TO]`: the period's PDF, to the CEO or the Chair alone, through the outbox (a
    file in their DM), so it is not lost if Slack is down. Made after the acknowledgement: drawing the
    charts takes longer than Slack waits."""
    services, actor = services_of(context), caller(context)
    if not trustees.may_make(context.get("member")):
        await ack(response_type="ephemeral", text=trustees.REFUSAL)
        async with telling_the_person(command, respond, client), services.db.unit_of_work() as session:
            await trustees.record_refused(session, services, actor)
        return
    try:
        period = _period(words, services)
    except DomainError as exc:
        await ack(response_type="ephemeral", text=exc.user_message)
        return
    await ack(response_type="ephemeral", text=f"Putting together the trustees' report for {period.first:%-d %B %Y} to "
                                             f"{period.last:%-d %B %Y}: it will arrive here, to you alone, as a PDF in a moment.")
    async with telling_the_person(command, respond, client):
        from bot.trustees.pdf import trustees_pdf

        async with services.db.reading() as session:
            report = await trustees.build_report(session, services, period)

        # In a thread: matplotlib and fpdf2 are plain CPU work that would otherwise hold up everyone else.
        pdf = await asyncio.to_thread(trustees_pdf, report)
        async with services.db.unit_of_work() as session:
            await trustees.record_made(session, services, period, actor, "pdf")
            await enqueue_message(session, services.cipher, now=services.now(), to=ToPerson(actor), template=TRUSTEES_FILE,
                                  params={"period": report.period_text, "filename": trustees.default_filename(period, "pdf"),
                                          "pdf_b64": base64.b64encode(pdf).decode()})
        services.wake_scheduler()


def render_trustees_file(params: dict[str, Any]) -> Rendered:
    text = f"The trustees' report for {params['period']}, as you asked: counts and roles only, no names."
    return Rendered(text=text, file=RenderedFile(filename=params["filename"], title=f"Trustees' report: {params['period']}",
                                                 content=base64.b64decode(params["pdf_b64"])))


RENDERERS = {TRUSTEES_FILE: render_trustees_file}


def register(app: AsyncApp) -> None:
    @app.command(COMMAND)
    async def tmw(ack: AsyncAck, command: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient,
                  context: AsyncBoltContext) -> None:
        services = services_of(context)
        words = (command.get("text") or "").split()
        if words and words[0].lower() == "trustees":
            await _trustees_report(ack, command, respond, client, context, words[1:])
            return
        if (command.get("text") or "").strip().lower() == "digest":
            try:
                params = await digest_on_request(services, context.get("member"))
            except DomainError as exc:
                await ack(response_type="ephemeral", text=exc.user_message)
                return
            rendered = render_weekly(params)
            await ack(response_type="ephemeral", text=rendered.text, blocks=rendered.blocks)
            return
        snapshot = await org_snapshot(services)
        admins = [m.name for m in snapshot.directory.with_role(Role.ADMIN)]
        answer = help_for(context.get("member"), snapshot.organisation_name, admins)
        await ack(response_type="ephemeral", text=help_text(answer), blocks=help_blocks(answer))
