"""Block Kit for the report workflow: pure functions from domain data to Slack's JSON."""

from __future__ import annotations

import base64
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    CheckboxesElement,
    ConfirmObject,
    ContextBlock,
    DatePickerElement,
    DividerBlock,
    HeaderBlock,
    InputBlock,
    MarkdownTextObject,
    Option,
    PlainTextInputElement,
    PlainTextObject,
    RadioButtonsElement,
    SectionBlock,
    StaticSelectElement,
    UserSelectElement,
)
from slack_sdk.models.views import View

from bot.dates import describe
from bot.org import SLACK_USER_ID
from bot.reports.chronology import Chronology
from bot.reports.kinds import RoutingRule, StatutoryClock
from bot.reports.workflow import AWAITING_START, TEXT_LIMITS, Filed
from bot.slack.delivery import Rendered, RenderedFile
from bot.slack.mrkdwn import cut, escape, quote
from handlers.reports.ids import ACTIONS_BLOCK, Action, Callback, Field, clock_action
from handlers.reports.metadata import ButtonValue, ClockMeta, FilingMeta, ReplyMeta, ReportActionMeta

# Slack refuses a whole message (invalid_blocks) if one part is over its limit: see
# /work/shared/slack/block_kit/limits.json. What people typed is cut to fit, visibly.
FIELD_TEXT_MAX = 2000
MESSAGE_MAX_BLOCKS = 50
DANGER_NOTE = "If a child or anyone else is in immediate danger, call 999 first, then report it here."
STATUS_WORDS = {"open": "Waiting for acknowledgement", "acknowledged": "Acknowledged", "resolved": "Resolved"}


def _first_upper(text: str) -> str:
    """A sentence's first letter in capitals, the rest as written ("the CEO" -> "The CEO")."""
    return text[:1].upper() + text[1:]


def _md(text: str) -> MarkdownTextObject:
    return MarkdownTextObject(text=text)


def _dicts(blocks: Sequence[Block]) -> list[dict[str, Any]]:
    return [block.to_dict() for block in blocks]


def _input(field: Field, label: str, element: Any, *, optional: bool = False, hint: str | None = None) -> InputBlock:
    return InputBlock(block_id=field.value, label=label, element=element, optional=optional, hint=hint)


def _text_input(field: Field, placeholder: str = "", *, multiline: bool = False, initial: str | None = None) -> PlainTextInputElement:
    # The server holds submissions to the same limits (TEXT_LIMITS): a form cannot offer more.
    return PlainTextInputElement(action_id=field.element, placeholder=placeholder or None, multiline=multiline,
                                 initial_value=(initial or "")[: TEXT_LIMITS[field.value]] or None,
                                 max_length=TEXT_LIMITS[field.value])


def _checkbox(field: Field, text: str) -> CheckboxesElement:
    return CheckboxesElement(action_id=field.element, options=[Option(value="yes", label=text)])


# -- filing ------------------------------------------------------------------------------------------


def report_modal(rules: Sequence[RoutingRule], projects: dict[str, str], description: str = "", channel_id: str = "") -> dict[str, Any]:
    kinds = [Option(value=rule.kind.value, label=rule.label[:75]) for rule in rules]
    activities = [Option(value=key, label=name[:75]) for key, name in sorted(projects.items(), key=lambda kv: kv[1])]
    blocks: list[Block] = [
        ContextBlock(elements=[_md(":rotating_light: " + DANGER_NOTE)]),
        _input(Field.KIND, "What kind of concern is it?",
               StaticSelectElement(action_id=Field.KIND.element, placeholder="Choose one", options=kinds)),
    ]
    if activities:
        blocks.append(_input(Field.ACTIVITY, "Which activity or project?",
                             StaticSelectElement(action_id=Field.ACTIVITY.element, placeholder="Choose an activity",
                                                 options=activities), optional=True))
    blocks += [
        _input(Field.TEAM_MEMBER, "Is it about a team member or young leader?",
               UserSelectElement(action_id=Field.TEAM_MEMBER.element, placeholder="Choose a person"), optional=True,
               hint="They will never see this report."),
        _input(Field.PARTICIPANT, "Or is it about a participant?", _text_input(Field.PARTICIPANT, "First name and anything that helps identify them"),
               optional=True),
        _input(Field.ACCOUNT, "Which shared account? (for a password concern)",
               _text_input(Field.ACCOUNT, "For example Instagram. Never type the password."), optional=True),
        _input(Field.WHEN, "When did it happen?", _text_input(Field.WHEN, "For example “yesterday 4pm” or “last Tuesday”"),
               optional=True),
        _input(Field.DESCRIPTION, "What happened?",
               _text_input(Field.DESCRIPTION, "In your own words: what you saw or were told", multiline=True, initial=description)),
        _input(Field.RISK, "Is anyone at immediate risk?", _checkbox(Field.RISK, "Yes, someone may be at immediate risk"), optional=True),
        _input(Field.PRIVACY, "Your name", _checkbox(Field.PRIVACY, "Show my name only to the person handling this"), optional=True),
    ]
    return View(
        type="modal", callback_id=Callback.FILE.value, title="Report a concern", submit="Send report", close="Cancel",
        private_metadata=FilingMeta(channel_id=channel_id).model_dump_json(), blocks=blocks,
    ).to_dict()


def filed_view(filed: Filed) -> dict[str, Any]:
    """The modal's last page. Plain Block Kit JSON rather than slack_sdk models: it is built while
    Slack waits for the acknowledgement, and the models' checks cost more than the rest of filing.
    A test checks it against the models."""
    lines = [f"*Thank you.* Your report *{filed.reference}* has gone to {escape(filed.went_to)}."]
    if filed.when_understood:
        lines.append(f"I understood it happened on {filed.when_understood}.")
    lines.append("I'll message you as it is handled. You can see your reports any time with `/report list`.")
    blocks: list[dict[str, Any]] = [{"type": "section", "text": {"type": "mrkdwn", "text": "\n".join(lines)}}]
    if filed.signpost:
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": _signpost(asdict(filed.signpost))}})
    if filed.immediate_risk or filed.urgent:
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": ":rotating_light: " + DANGER_NOTE}]})
    return {"type": "modal", "title": {"type": "plain_text", "text": "Report sent"},
            "close": {"type": "plain_text", "text": "Done"}, "blocks": blocks}


# -- what people receive -----------------------------------------------------------------------------


def _header(params: dict[str, Any], lead: str) -> HeaderBlock:
    urgent = "Urgent: " if params.get("urgent") else ""
    return HeaderBlock(text=PlainTextObject(text=f"{urgent}{lead} {params['reference']}"[:150]))


def _field(title: str, value: str) -> MarkdownTextObject:
    text = f"*{title}*\n{value}"
    return _md(text if len(text) <= FIELD_TEXT_MAX else cut(text, FIELD_TEXT_MAX))


def _person(name: str, ref: str | None) -> str:
    """A person's name, with a mention when the core gave their reference (someone the organisation
    file does not list, whom a handler may need to reach)."""
    return f"<@{ref}> ({escape(name)})" if ref and SLACK_USER_ID.match(ref) else escape(name)


def _fields(params: dict[str, Any]) -> list[MarkdownTextObject]:
    fields = [_md(f"*Kind*\n{escape(params['kind_label'])}")]
    if params.get("activity"):
        fields.append(_field("Activity", escape(params['activity'])))
    if params.get("reporter"):
        fields.append(_field("Reported by", _person(params["reporter"], params.get("reporter_ref"))))
    if params.get("team_member"):
        fields.append(_field("About", escape(params['team_member'])))
    if params.get("participant"):
        fields.append(_field("Participant", escape(params['participant'])))
    if params.get("account"):
        fields.append(_field("Account", escape(params['account'])))
    fields.append(_field("When", escape(params["when"]) if params.get("when") else "Not given"))
    fields.append(_field("Filed", escape(params['filed'])))
    return fields[:10]


def _notes(params: dict[str, Any], room: int) -> list[Block]:
    """The notes, newest kept when there are more than `room` blocks for them."""
    titles = {"question": "Question", "answer": "Answer", "escalation": "Passed on", "resolution": "Resolution",
              "reopening": "Reopened", "clock": "Record"}
    blocks: list[Block] = []
    notes = params.get("notes", [])
    if len(notes) > room:
        hidden = len(notes) - (room - 1)
        notes = notes[hidden:]
        blocks.append(ContextBlock(elements=[_md(f"{hidden} earlier note{'s' if hidden != 1 else ''} not shown here.")]))
    for note in notes:
        title = f"*{titles.get(note['kind'], 'Note')}* from {escape(note['author'])}, {escape(note['at'])}"
        blocks.append(SectionBlock(text=_md(f"{title}\n{quote(note['text'], 2500)}")))
    return blocks


def _signpost(signpost: dict[str, str]) -> str:
    return (f":telephone_receiver: {escape(signpost['text'])} (policy {escape(signpost['policy_section'])}): "
            f"<{signpost['url']}|{escape(signpost['link_text'])}>.")


def _deadlines(params: dict[str, Any]) -> list[Block]:
    notes = []
    if params.get("signpost"):
        notes.append(_signpost(params["signpost"]))
    if params.get("immediate_risk"):
        notes.append(":rotating_light: *The reporter says someone may be at immediate risk.* " + DANGER_NOTE)
    for clock in params.get("clocks", []):
        if not clock["open"]:
            notes.append(f":white_check_mark: {escape(clock['recorded'])}")
        elif params.get("status") != "resolved":
            notes.append(":hourglass: " + escape(clock["duty"]).replace("{due}", f"*{escape(clock['due'])}*"))
    if params.get("take_down"):
        done = any(t["kind"] == "take_down" and t["state"] == "done" for t in params.get("tasks", []))
        notes.append("Taken down." if done else ":no_entry: *Take down* the published material until permission is confirmed.")
    if any(t["kind"] == "rotate_password" and t["state"] == "open" for t in params.get("tasks", [])):
        notes.append(":key: The account's password must be changed at once. Never share the new one in Slack.")
    if _awaiting_password_change(params):
        notes.append(":key: The reporter doesn't own or use this account, so its password change has *not* started. "
                     "If it may have been revealed, press *Start the password change*: its owner will be told to change "
                     "it now and reminded every hour until it is done.")
    return [SectionBlock(text=_md(n)) for n in notes]


def _awaiting_password_change(params: dict[str, Any]) -> bool:
    return params.get("status") != "resolved" and any(
        t["kind"] == "rotate_password" and t["state"] == AWAITING_START for t in params.get("tasks", []))


def _buttons(params: dict[str, Any]) -> list[Block]:
    if not params.get("can_act"):
        return []
    value = ButtonValue(report_id=params["report_id"], tier=params.get("tier", 0)).model_dump_json()
    history = [ButtonElement(text="History", action_id=Action.HISTORY.value, value=value)]
    if params.get("can_export"):
        history.append(ButtonElement(text="Export", action_id=Action.EXPORT.value, value=value))
    if params["status"] == "resolved":
        reopen = ButtonElement(text="Reopen", action_id=Action.REOPEN.value, value=value)
        return [ActionsBlock(block_id=ACTIONS_BLOCK, elements=[reopen, *history])]
    buttons = []
    if params["status"] == "open":
        buttons.append(ButtonElement(text="Acknowledge", action_id=Action.ACKNOWLEDGE.value, value=value, style="primary"))
    buttons += [
        ButtonElement(text="Ask for more information", action_id=Action.ASK.value, value=value),
        ButtonElement(text="Escalate", action_id=Action.ESCALATE.value, value=value),
        ButtonElement(text="Resolve", action_id=Action.RESOLVE.value, value=value),
    ]
    if _awaiting_password_change(params):
        buttons.append(ButtonElement(
            text="Start the password change", action_id=Action.START_PASSWORD_CHANGE.value, value=value, style="danger",
            confirm=ConfirmObject(title="Start the password change?",
                                  text="The account's owner and the admins will be told to change its password now, and "
                                       "its owner reminded every hour until it is done.",
                                  confirm="Start it", deny="Cancel"),
        ))
    buttons += [ButtonElement(text=clock["button"], action_id=clock_action(clock["id"]), value=value)
                for clock in params.get("clocks", []) if clock["open"]]
    buttons += history
    if params.get("take_down") and not any(t["kind"] == "take_down" and t["state"] == "done" for t in params.get("tasks", [])):
        buttons.append(ButtonElement(text="Mark taken down", action_id=Action.TAKE_DOWN.value, value=value))
    if params.get("revoke_access") and not any(t["kind"] == "revoke_access" and t["state"] == "done" for t in params.get("tasks", [])):
        buttons.append(ButtonElement(
            text="Revoke access", action_id=Action.REVOKE_ACCESS.value, value=value, style="danger",
            confirm=ConfirmObject(title="Revoke access?", text="The admins will be asked to remove this young leader's access to our accounts now.",
                                  confirm="Revoke access", deny="Cancel"),
        ))
    return [ActionsBlock(block_id=ACTIONS_BLOCK, elements=buttons)]


def render_handler(params: dict[str, Any]) -> Rendered:
    blocks: list[Block] = [_header(params, "Report")]
    if params.get("newly_yours") and params["status"] == "open":
        role = params.get("own_role") or params["with_role"]
        blocks.append(SectionBlock(text=_md(f"This report has come to you as {escape(role)}. Please acknowledge it.")))
    blocks += [SectionBlock(fields=_fields(params)), SectionBlock(text=_md(quote(params["description"])))]
    blocks += _deadlines(params)
    status = ContextBlock(elements=[_md(f"*{STATUS_WORDS[params['status']]}.* {escape(params['status_line'])}")])
    buttons = _buttons(params)
    blocks += _notes(params, room=MESSAGE_MAX_BLOCKS - len(blocks) - 1 - len(buttons))
    blocks += [status, *buttons]
    text = f"{'Urgent: ' if params.get('urgent') else ''}report {params['reference']} ({params['kind_label']}): {STATUS_WORDS[params['status']]}"
    return Rendered(text=text, blocks=_dicts(blocks))


def render_watcher(params: dict[str, Any]) -> Rendered:
    blocks: list[Block] = [_header(params, "Report"), SectionBlock(fields=_fields(params)),
                           SectionBlock(text=_md(quote(params["description"])))]
    blocks += _deadlines(params)
    blocks.append(ContextBlock(elements=[_md(
        f"You can see this because you lead the activity. {_first_upper(escape(params['with_role']))} is handling it. "
        f"*{STATUS_WORDS[params['status']]}.*")]))
    return Rendered(text=f"Report {params['reference']} about your activity", blocks=_dicts(blocks))


def render_told(params: dict[str, Any]) -> Rendered:
    text = (f"For your information: a report ({params['reference']}, {escape(params['kind_label'].lower())}) was made on "
            f"{escape(params['filed'])}. It is with {escape(params['with_role'])}. Its details stay within the chain that handles it.")
    return Rendered(text=text, blocks=_dicts([SectionBlock(text=_md(text))]))


def render_reporter(params: dict[str, Any]) -> Rendered:
    lines = [f"*Your report {params['reference']}* ({escape(params['kind_label'].lower())})",
             f"{STATUS_WORDS[params['status']]}. {escape(params['status_line'])}"]
    if params.get("when"):
        lines.append(f"You said it happened on {escape(params['when'])}.")
    if _awaiting_password_change(params):
        lines.append("As you don't own or use this account, its password change hasn't started: the admins will check "
                     "with its owner and start it if it needs changing.")
    blocks: list[Block] = [SectionBlock(text=_md("\n".join(lines)))]
    if params["status"] != "resolved":
        blocks.append(ContextBlock(elements=[_md("I'll tell you when anything changes. " + DANGER_NOTE)]))
    return Rendered(text=f"Your report {params['reference']}: {STATUS_WORDS[params['status']]}", blocks=_dicts(blocks))


def render_question(params: dict[str, Any]) -> Rendered:
    text = f"{_first_upper(escape(params['asked_by']))} has a question about your report *{params['reference']}*:\n{quote(params['question'])}"
    blocks = [SectionBlock(text=_md(text)),
              ActionsBlock(elements=[ButtonElement(text="Reply", action_id=Action.REPLY.value, style="primary",
                                                   value=ReplyMeta(note_id=params["note_id"]).model_dump_json())])]
    return Rendered(text=f"A question about your report {params['reference']}", blocks=_dicts(blocks))


def _plain(text: str) -> Rendered:
    return Rendered(text=text, blocks=_dicts([SectionBlock(text=_md(text))]))


def render_answered(params: dict[str, Any]) -> Rendered:
    return _plain(f"The reporter has answered your question on *{params['reference']}*. The answer is on the report above.")


def render_reminder(params: dict[str, Any]) -> Rendered:
    urgent = "Urgent: " if params.get("urgent") else ""
    return _plain(f"{urgent}report *{params['reference']}* ({escape(params['kind_label'].lower())}) is still waiting to be acknowledged. Please open it above and press Acknowledge.")


def render_still_handled(params: dict[str, Any]) -> Rendered:
    return _plain(f"An update on your report *{params['reference']}*: it is still being handled, and is now with {escape(params['with_role'])}.")


def render_clock_reminder(params: dict[str, Any]) -> Rendered:
    """A statutory clock still open, to the people handling its report."""
    reference, to_do, deadline, hours = params["reference"], escape(params["to_do"]), escape(params["deadline"]), params["hours_left"]
    kind = escape(params["kind_label"].lower())
    if hours < 0:
        return _plain(f":warning: *{reference}* ({kind}): nothing is recorded yet, and it was due {-hours} hours ago "
                      f"({deadline}). Please {to_do} now, and record it on the report.")
    if params.get("promptly"):
        return _plain(f":hourglass: *{reference}* ({kind}): please {to_do} promptly, and record the decision on the report "
                      f"(by {deadline}).")
    return _plain(f":hourglass: *{reference}* ({kind}): {hours} hours left to {to_do} (by {deadline}). "
                  "Please record what was decided on the report.")


def render_clock_overdue(params: dict[str, Any]) -> Rendered:
    """To the people a clock escalates to: where it stands, and none of the report's details."""
    return _plain(f":warning: Report *{params['reference']}* ({escape(params['kind_label'].lower())}) is with "
                  f"{escape(params['with_role'])}, and nothing is recorded yet about whether to {escape(params['to_do'])}: "
                  f"it was due by {escape(params['deadline'])}. Please check with them that it is in hand.")


def render_ico_reminder(params: dict[str, Any]) -> Rendered:
    """Messages queued by the release before the clocks were data."""
    hours = params["hours_left"]
    if hours >= 0:
        return _plain(f":hourglass: Data breach *{params['reference']}*: {hours} hours left to tell the ICO if it is serious (by {escape(params['deadline'])}). Resolve the report once decided.")
    return _plain(f":warning: Data breach *{params['reference']}*: the 72-hour ICO deadline passed {-hours} hours ago ({escape(params['deadline'])}). Please report it to the ICO now if it is serious, and resolve the report.")


def render_add_reporter(params: dict[str, Any]) -> Rendered:
    who = _person(params.get("handle") or "no name given", params["person_ref"])
    return _plain(f":bust_in_silhouette: {who} has made a report but is not in the organisation file. Please add them "
                  "(under `people`), so that what they report reaches the right people.")


def render_revoke_access(params: dict[str, Any]) -> Rendered:
    return _plain(f":lock: Please remove {escape(params['young_leader'])}'s access to our social media and other shared accounts now, and change the passwords they knew (report *{params['reference']}*).")


def render_case_file(params: dict[str, Any]) -> Rendered:
    """A case's PDF, to the person who exported it alone."""
    text = f"The case record of *{params['reference']}*, as you asked. Please keep it safe: it holds the case's personal details."
    return Rendered(text=text, file=RenderedFile(filename=params["filename"], title=f"Case record {params['reference']}",
                                                 content=base64.b64decode(params["pdf_b64"])))


RENDERERS = {
    "report.case_file": render_case_file,
    "report.handler": render_handler,
    "report.watcher": render_watcher,
    "report.told": render_told,
    "report.reporter": render_reporter,
    "report.question": render_question,
    "report.answered": render_answered,
    "report.reminder": render_reminder,
    "report.still_handled": render_still_handled,
    "report.ico_reminder": render_ico_reminder,
    "report.clock_reminder": render_clock_reminder,
    "report.clock_overdue": render_clock_overdue,
    "report.revoke_access": render_revoke_access,
    "report.add_reporter": render_add_reporter,
}


# -- handling modals ---------------------------------------------------------------------------------


def _action_modal(callback: Callback, title: str, submit: str, meta: ReportActionMeta, intro: str, inputs: list[InputBlock]) -> dict[str, Any]:
    return View(type="modal", callback_id=callback.value, title=title, submit=submit, close="Cancel",
                private_metadata=meta.model_dump_json(), blocks=[SectionBlock(text=_md(intro)), *inputs]).to_dict()


def ask_modal(meta: ReportActionMeta, reference: str) -> dict[str, Any]:
    return _action_modal(Callback.ASK, "Ask for more information", "Send question", meta,
                         f"Your question goes to the person who made *{reference}*. They can reply here.",
                         [_input(Field.QUESTION, "Your question", _text_input(Field.QUESTION, multiline=True))])


def escalate_modal(meta: ReportActionMeta, reference: str) -> dict[str, Any]:
    return _action_modal(Callback.ESCALATE, "Escalate", "Escalate", meta,
                         f"*{reference}* will go to the next people in its chain.",
                         [_input(Field.REASON, "Why?", _text_input(Field.REASON, multiline=True))])


def resolve_modal(meta: ReportActionMeta, reference: str) -> dict[str, Any]:
    return _action_modal(Callback.RESOLVE, "Resolve", "Resolve", meta, f"Close *{reference}*. The reporter will be told.",
                         [_input(Field.OUTCOME, "Outcome", _text_input(Field.OUTCOME, multiline=True)),
                          _input(Field.ACTIONS_TAKEN, "Actions taken", _text_input(Field.ACTIONS_TAKEN, multiline=True), optional=True)])


def reopen_modal(meta: ReportActionMeta, reference: str) -> dict[str, Any]:
    return _action_modal(Callback.REOPEN, "Reopen", "Reopen", meta,
                         f"*{reference}* will be open again, with its history. The reporter will be told.",
                         [_input(Field.REASON, "Why is it being reopened?", _text_input(Field.REASON, multiline=True))])


def clock_modal(meta: ClockMeta, reference: str, clock: StatutoryClock) -> dict[str, Any]:
    """Record what was decided for a statutory clock: reported on a day (with the body's reference), or
    not, with the reason. The server says which of these the choice needs, beside each field."""
    whose = "the trustees' decision" if clock.trustees_decide else "what was decided"
    choice = RadioButtonsElement(action_id=Field.DECISION.element, options=[
        Option(value="reported", label=clock.reported_choice), Option(value="not_reported", label=clock.not_reported_choice)])
    inputs = [
        _input(Field.DECISION, "What was decided?", choice),
        _input(Field.REPORTED_ON, f"The day it was {clock.done}", DatePickerElement(action_id=Field.REPORTED_ON.element),
               optional=True, hint=f"If it was {clock.done}."),
        _input(Field.REFERENCE, "Their reference", _text_input(Field.REFERENCE, "If they gave one"), optional=True),
        _input(Field.REASON, f"Why not {clock.done}?", _text_input(Field.REASON, multiline=True), optional=True,
               hint=f"If it was not {clock.done}."),
    ]
    return View(type="modal", callback_id=Callback.RECORD_CLOCK.value, title=clock.short_name[:24], submit="Record",
                close="Cancel", private_metadata=meta.model_dump_json(),
                blocks=[SectionBlock(text=_md(f"Record {whose} about {escape(clock.body)} for *{reference}*. "
                                              "It goes on the report's history, and its reminders stop.")), *inputs]).to_dict()


def reply_modal(note_id: int, question: str) -> dict[str, Any]:
    return View(type="modal", callback_id=Callback.REPLY.value, title="Reply", submit="Send reply", close="Cancel",
                private_metadata=ReplyMeta(note_id=note_id).model_dump_json(),
                blocks=[SectionBlock(text=_md(quote(question))),
                        _input(Field.ANSWER, "Your answer", _text_input(Field.ANSWER, multiline=True))]).to_dict()


def report_list_blocks(rows: list[dict[str, str]]) -> list[dict[str, Any]]:
    if not rows:
        return _dicts([SectionBlock(text=_md("You have no reports yet. To report a concern, type `/report`."))])
    lines = [f"• *{r['reference']}* · {escape(r['kind'])} · {r['status']} · {r['age']} · {r['relation']}" for r in rows]
    return _dicts([SectionBlock(text=_md("*Your reports*\n" + "\n".join(lines)[:2900])), DividerBlock()])


# -- a report's history ------------------------------------------------------------------------------

HISTORY_TEXT_MAX = 2900  # a section's text is at most 3,000 characters


def history_blocks(chronology: Chronology, kind_label: str, tz: Any) -> list[dict[str, Any]]:
    """The chronology as Block Kit: one section per entry, the earliest left out (and said so) when
    there are more than a message holds. Times are in the organisation's timezone."""
    whose = "Your report" if chronology.audience == "reporter" else "Report"
    intro = f"*{whose} {chronology.reference}* ({escape(kind_label.lower())}): {STATUS_WORDS[chronology.status].lower()}."
    blocks: list[Block] = [SectionBlock(text=_md(intro))]
    entries = chronology.entries
    room = MESSAGE_MAX_BLOCKS - 2
    if len(entries) > room:
        hidden = len(entries) - (room - 1)
        entries = entries[hidden:]
        blocks.append(ContextBlock(elements=[_md(f"{hidden} earlier event{'s' if hidden != 1 else ''} not shown here.")]))
    for entry in entries:
        line = f"*{escape(describe(entry.at, tz))}*: {escape(entry.what)}, by {escape(entry.who)}"
        if entry.detail:
            line += f" ({escape(entry.detail)})"
        if entry.text:
            line = f"{cut(line, 400)}\n{quote(entry.text, HISTORY_TEXT_MAX - 420)}"
        blocks.append(SectionBlock(text=_md(cut(line, HISTORY_TEXT_MAX) if not entry.text else line)))
    return _dicts(blocks)
