"""Slack listeners for /report: ack, parse the payload into a typed object, call the domain, render."""

from __future__ import annotations

import logging
import re
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.models.blocks import MarkdownTextObject, SectionBlock
from slack_sdk.models.views import View
from slack_sdk.web.async_client import AsyncWebClient
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.reports import chronology, export, workflow
from bot.reports.workflow import FormErrors, ReportForm
from bot.services import Services
from bot.slack.people import key_of
from bot.snapshot import org_snapshot
from handlers.slack import home as home_tab  # a module, not its function: home renders report blocks
from handlers.slack.errors import tell, telling_the_person
from handlers.slack.middleware import caller, services_of
from handlers.slack.reports import blocks
from handlers.slack.reports.ids import CLOCK_ACTION_PREFIX, COMMAND, Action, Callback, Field
from handlers.slack.reports.metadata import ButtonValue, ClockMeta, ReplyMeta, ReportActionMeta
from storage.models import ProcessedDelivery

log = logging.getLogger(__name__)
Meta = TypeVar("Meta", bound=BaseModel)
SHOW = re.compile(r"^show\s+(\S+)$", re.IGNORECASE)


def _value(view: dict[str, Any], field: Field) -> Any:
    """The value of one input in a submitted view, whatever its element type."""
    state = view.get("state", {}).get("values", {}).get(field.value, {}).get(field.element) or {}
    if "selected_option" in state:
        return (state["selected_option"] or {}).get("value")
    if "selected_user" in state:
        return key_of(state["selected_user"]) if state["selected_user"] else None
    if "selected_options" in state:
        return bool(state["selected_options"])
    if "selected_date" in state:
        return state["selected_date"] or ""
    return state.get("value") or ""


def form_from_view(view: dict[str, Any]) -> ReportForm:
    return ReportForm(
        kind=_value(view, Field.KIND) or None,
        description=_value(view, Field.DESCRIPTION) or "",
        activity=_value(view, Field.ACTIVITY) or None,
        team_member=_value(view, Field.TEAM_MEMBER) or None,
        participant=_value(view, Field.PARTICIPANT) or "",
        when_text=_value(view, Field.WHEN) or "",
        account=_value(view, Field.ACCOUNT) or "",
        immediate_risk=bool(_value(view, Field.RISK)),
        name_only_to_handler=bool(_value(view, Field.PRIVACY)),
    )


class _AlreadySubmitted(Exception):
    """This form was submitted and accepted before (a double click, Slack retrying)."""


async def _mark_submitted(session: AsyncSession, services: Services, view: dict[str, Any]) -> None:
    """Record a modal as submitted, in the transaction of the work it does: so it counts only once
    that work is accepted (a refused or crafted submission leaves no mark that would make the real
    one look like a repeat), and a repeat rolls back instead of doing the work twice."""
    session.add(ProcessedDelivery(key=f"view:{view['id']}:{view.get('hash', '')}", seen_at=services.now()))
    try:
        await session.flush()
    except IntegrityError as exc:
        raise _AlreadySubmitted from exc


def register(app: AsyncApp) -> None:
    @app.command(COMMAND)
    async def open_report(
        ack: AsyncAck, command: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient, context: AsyncBoltContext
    ) -> None:
        text = (command.get("text") or "").strip()
        services = services_of(context)
        if text.lower() == "list":
            async with services.db.reading() as session:
                rows = await workflow.reports_for(session, services, caller(context))
            await ack(response_type="ephemeral", text="Your reports", blocks=blocks.report_list_blocks(rows))
            return
        if text.lower() == "show":
            await ack(response_type="ephemeral", text="Please give the report's reference, for example `/report show TMW-2026-0042`.")
            return
        # One word after "show" is a reference; anything longer is someone describing a concern.
        if (shown := SHOW.match(text)) is not None:
            await ack(response_type="ephemeral", **await _history(services, caller(context), reference=shown[1]))
            return
        await ack()
        async with telling_the_person(command, respond, client):
            # The trigger expires three seconds after the command: everything the modal needs is local.
            snapshot = await org_snapshot(services)
            view = blocks.report_modal(list(snapshot.rules.values()), snapshot.directory.project_names, text,
                                       command.get("channel_id", ""))
            await client.views_open(trigger_id=command["trigger_id"], view=view)

    @app.view(Callback.FILE.value)
    async def submit_report(ack: AsyncAck, body: dict[str, Any], view: dict[str, Any], context: AsyncBoltContext) -> None:
        services = services_of(context)
        form = form_from_view(view)
        try:
            # Keyed by who submitted it too: someone else submitting this form cannot claim its report.
            reporter = caller(context)
            handle = body["user"].get("name") or body["user"].get("username") or ""
            filed = await workflow.receive_report(services, form, reporter, f"view:{view['id']}:{reporter}", handle)
        except FormErrors as exc:
            await ack(response_action="errors", errors=exc.errors)
            return
        except DomainError as exc:
            await ack(response_action="errors", errors={Field.KIND.value: exc.user_message})
            return
        await ack(response_action="update", view=blocks.filed_view(filed))
        services.wake_scheduler()

    task_of_button = {Action.REVOKE_ACCESS: "revoke_access", Action.TAKE_DOWN: "take_down"}

    async def handle_button(
        ack: AsyncAck, body: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient, context: AsyncBoltContext
    ) -> None:
        await ack()
        async with telling_the_person(body, respond, client):
            services = services_of(context)
            action = Action(body["actions"][0]["action_id"])
            value = ButtonValue.model_validate_json(body["actions"][0]["value"])
            actor = caller(context)
            async with services.db.unit_of_work() as session:
                if action is Action.ACKNOWLEDGE:
                    outcome = await workflow.acknowledge(session, services, value.report_id, actor)
                elif action is Action.EXPORT:
                    outcome = await export.export_to_dm(session, services, value.report_id, actor)
                elif action is Action.START_PASSWORD_CHANGE:
                    outcome = await workflow.start_password_change(session, services, value.report_id, actor)
                else:
                    outcome = await workflow.complete_task(session, services, value.report_id, actor, task_of_button[action])
            services.wake_scheduler()
            await tell(body, respond, client, outcome.message)
            await home_tab.publish_home_for(actor, context, client)

    for action in (Action.ACKNOWLEDGE, Action.START_PASSWORD_CHANGE, Action.EXPORT, *task_of_button):
        app.action(action.value)(handle_button)

    modal_of_button = {Action.ASK: blocks.ask_modal, Action.ESCALATE: blocks.escalate_modal, Action.RESOLVE: blocks.resolve_modal,
                       Action.REOPEN: blocks.reopen_modal}

    async def open_action_modal(
        ack: AsyncAck, body: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient, context: AsyncBoltContext
    ) -> None:
        await ack()
        async with telling_the_person(body, respond, client):
            services = services_of(context)
            value = ButtonValue.model_validate_json(body["actions"][0]["value"])
            async with services.db.unit_of_work() as session:
                report = await workflow.ensure_can_handle(session, value.report_id, caller(context))
                meta = ReportActionMeta(report_id=report.id, tier=report.tier)
                reference = report.reference
            build = modal_of_button[Action(body["actions"][0]["action_id"])]
            await client.views_open(trigger_id=body["trigger_id"], view=build(meta, reference))

    for action in modal_of_button:
        app.action(action.value)(open_action_modal)

    @app.action(re.compile(rf"^{re.escape(CLOCK_ACTION_PREFIX)}[a-z_]+$"))
    async def open_clock_modal(
        ack: AsyncAck, body: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient, context: AsyncBoltContext
    ) -> None:
        await ack()
        async with telling_the_person(body, respond, client):
            services = services_of(context)
            value = ButtonValue.model_validate_json(body["actions"][0]["value"])
            clock_id = body["actions"][0]["action_id"].removeprefix(CLOCK_ACTION_PREFIX)
            async with services.db.unit_of_work() as session:
                report, clock = await workflow.clock_for_action(session, value.report_id, caller(context), clock_id)
                meta, reference = ClockMeta(report_id=report.id, clock=clock_id), report.reference
            await client.views_open(trigger_id=body["trigger_id"], view=blocks.clock_modal(meta, reference, clock))

    @app.action(Action.HISTORY.value)
    async def show_history(
        ack: AsyncAck, body: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient, context: AsyncBoltContext
    ) -> None:
        await ack()
        async with telling_the_person(body, respond, client):
            value = ButtonValue.model_validate_json(body["actions"][0]["value"])
            shown = await _history(services_of(context), caller(context), report_id=value.report_id)
            if body.get("response_url"):
                await respond(response_type="ephemeral", replace_original=False, **shown)
            else:
                await client.chat_postMessage(channel=body["user"]["id"], **shown)

    @app.action(Action.REPLY.value)
    async def reply(
        ack: AsyncAck, body: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient, context: AsyncBoltContext
    ) -> None:
        await ack()
        async with telling_the_person(body, respond, client):
            services = services_of(context)
            meta = ReplyMeta.model_validate_json(body["actions"][0]["value"])
            async with services.db.unit_of_work() as session:
                question = await workflow.question_for_reporter(session, services, meta.note_id, caller(context))
            await client.views_open(trigger_id=body["trigger_id"], view=blocks.reply_modal(meta.note_id, question))

    async def _submit(
        ack: AsyncAck, body: dict[str, Any], view: dict[str, Any], context: AsyncBoltContext, client: AsyncWebClient,
        meta_model: type[BaseModel], run: Any,
    ) -> None:
        services = services_of(context)
        try:
            meta = _metadata(meta_model, view)
            async with services.db.unit_of_work() as session:
                await _mark_submitted(session, services, view)
                outcome = await run(session, services, caller(context), meta)
        except _AlreadySubmitted:
            await ack()
            return
        except FormErrors as exc:
            await ack(response_action="errors", errors=exc.errors)
            return
        except DomainError as exc:
            # Refused (not on the chain, a report gone): nothing the form could fix, so close it kindly.
            await ack(response_action="update", view=_done_view(exc.user_message, title="Nothing changed"))
            return
        await ack(response_action="update", view=_done_view(outcome.message))
        services.wake_scheduler()
        await home_tab.publish_home_for(body["user"]["id"], context, client)

    @app.view(Callback.ASK.value)
    async def submit_question(
        ack: AsyncAck, body: dict[str, Any], view: dict[str, Any], context: AsyncBoltContext, client: AsyncWebClient
    ) -> None:
        question = _value(view, Field.QUESTION)
        await _submit(ack, body, view, context, client, ReportActionMeta,
                      lambda s, sv, actor, meta: workflow.ask_reporter(s, sv, meta.report_id, actor, question))

    @app.view(Callback.ESCALATE.value)
    async def submit_escalation(
        ack: AsyncAck, body: dict[str, Any], view: dict[str, Any], context: AsyncBoltContext, client: AsyncWebClient
    ) -> None:
        reason = _value(view, Field.REASON)
        await _submit(ack, body, view, context, client, ReportActionMeta,
                      lambda s, sv, actor, meta: workflow.escalate(s, sv, meta.report_id, actor, reason, from_tier=meta.tier))

    @app.view(Callback.RESOLVE.value)
    async def submit_resolution(
        ack: AsyncAck, body: dict[str, Any], view: dict[str, Any], context: AsyncBoltContext, client: AsyncWebClient
    ) -> None:
        outcome, actions = _value(view, Field.OUTCOME), _value(view, Field.ACTIONS_TAKEN)
        await _submit(ack, body, view, context, client, ReportActionMeta,
                      lambda s, sv, actor, meta: workflow.resolve(s, sv, meta.report_id, actor, outcome, actions))

    @app.view(Callback.REOPEN.value)
    async def submit_reopening(
        ack: AsyncAck, body: dict[str, Any], view: dict[str, Any], context: AsyncBoltContext, client: AsyncWebClient
    ) -> None:
        reason = _value(view, Field.REASON)
        await _submit(ack, body, view, context, client, ReportActionMeta,
                      lambda s, sv, actor, meta: workflow.reopen(s, sv, meta.report_id, actor, reason))

    @app.view(Callback.RECORD_CLOCK.value)
    async def submit_clock_record(
        ack: AsyncAck, body: dict[str, Any], view: dict[str, Any], context: AsyncBoltContext, client: AsyncWebClient
    ) -> None:
        def record(clock: str) -> workflow.ClockRecord:
            return workflow.ClockRecord(clock=clock, decision=_value(view, Field.DECISION) or None,
                                        reported_on=_value(view, Field.REPORTED_ON), reference=_value(view, Field.REFERENCE),
                                        reason=_value(view, Field.REASON))

        await _submit(ack, body, view, context, client, ClockMeta,
                      lambda s, sv, actor, meta: workflow.record_clock(s, sv, meta.report_id, actor, record(meta.clock)))

    @app.view(Callback.REPLY.value)
    async def submit_reply(
        ack: AsyncAck, body: dict[str, Any], view: dict[str, Any], context: AsyncBoltContext, client: AsyncWebClient
    ) -> None:
        answer = _value(view, Field.ANSWER)
        await _submit(ack, body, view, context, client, ReplyMeta,
                      lambda s, sv, actor, meta: workflow.answer_question(s, sv, meta.note_id, actor, answer))


async def _history(services: Services, viewer: str, *, reference: str = "", report_id: int | None = None) -> dict[str, Any]:
    """A report's history for `viewer`, as message arguments; or the refusal. Either is audited."""
    shown = await chronology.history_for(services, viewer, reference=reference, report_id=report_id)
    if shown is None:
        return {"text": chronology.REFUSAL}
    return {"text": f"History of {shown.chronology.reference}",
            "blocks": blocks.history_blocks(shown.chronology, shown.kind_label, services.tz)}


def _metadata(model: type[Meta], view: dict[str, Any]) -> Meta:
    """The form's private_metadata, which only the bot writes: anything else is refused, not a crash."""
    try:
        return model.model_validate_json(view.get("private_metadata") or "")
    except ValidationError as exc:
        raise DomainError("I can't tell which report this form was for. Please open it again from the report.") from exc


def _done_view(message: str, title: str = "Done") -> dict[str, Any]:
    return View(type="modal", title=title, close="Close",
                blocks=[SectionBlock(text=MarkdownTextObject(text=message))]).to_dict()
