"""What the report workflow says and asks, as data (bot/messages.py); each platform renders it.

The builders take the outbox params the workflow wrote (bot/reports/workflow.py `snapshot_for` and the
reminders), so they show only what each person may see. The names of forms and buttons belong to the
platform (for Slack, handlers/slack/reports/ids.py) and are handed in; form fields are named as the domain names
them (TEXT_LIMITS), so a refused field's message lands beside it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import tzinfo
from typing import Any

from bot.dates import describe
from bot.messages import (
    Bold,
    Button,
    Buttons,
    ButtonStyle,
    Checkbox,
    Choice,
    Code,
    Confirm,
    DateField,
    Divider,
    Facts,
    Form,
    FormField,
    Heading,
    Icon,
    Link,
    Mention,
    Message,
    Note,
    Paragraph,
    Part,
    PersonField,
    Quote,
    Span,
    Text,
    TextField,
    spans,
)
from bot.policy.online_safety import Signpost
from bot.reports.chronology import Chronology
from bot.reports.kinds import RoutingRule, StatutoryClock
from bot.reports.workflow import AWAITING_START, TEXT_LIMITS, Filed

DANGER_NOTE = "If a child or anyone else is in immediate danger, call 999 first, then report it here."
STATUS_WORDS = {"open": "Waiting for acknowledgement", "acknowledged": "Acknowledged", "resolved": "Resolved"}
# A message holds at most 50 parts on the platforms we know (Slack's blocks): the oldest notes and
# history entries give way, and the message says how many are not shown.
MESSAGE_MAX_PARTS = 50
NOTE_TITLES = {"question": "Question", "answer": "Answer", "escalation": "Passed on", "resolution": "Resolution",
               "reopening": "Reopened", "clock": "Record"}


class FieldId:
    """The forms' fields, named as the domain names them (ReportForm, TEXT_LIMITS)."""

    KIND = "kind"
    ACTIVITY = "activity"
    TEAM_MEMBER = "team_member"
    PARTICIPANT = "participant"
    ACCOUNT = "account"
    WHEN = "when"
    DESCRIPTION = "description"
    RISK = "risk"
    PRIVACY = "privacy"
    QUESTION = "question"
    ANSWER = "answer"
    REASON = "reason"
    OUTCOME = "outcome"
    ACTIONS_TAKEN = "actions_taken"
    DECISION = "decision"
    REPORTED_ON = "reported_on"
    REFERENCE = "reference"


@dataclass(frozen=True)
class CardActions:
    """What the platform calls the buttons of a report's card, so each press comes back to it."""

    acknowledge: str
    ask: str
    escalate: str
    resolve: str
    reopen: str
    history: str
    export: str
    take_down: str
    revoke_access: str
    start_password_change: str
    # A statutory clock's button, from the clock's id (each button in a row needs its own name).
    clock: Callable[[str], str]
    # The row of buttons, so the platform can find it again.
    row: str = ""


def _first_upper(text: str) -> str:
    """A sentence's first letter in capitals, the rest as written ("the CEO" -> "The CEO")."""
    return text[:1].upper() + text[1:]


def _said(*line_spans: Span) -> Message:
    """A message of one line, which is its summary too."""
    line = list(line_spans)
    return Message(summary=line, parts=[Paragraph([line])])


# -- filing ------------------------------------------------------------------------------------------


def _text_field(id: str, label: str, placeholder: str = "", *, multiline: bool = False, initial: str = "",
                optional: bool = False, hint: str = "") -> TextField:
    # The server holds submissions to the same limits (TEXT_LIMITS): a form cannot offer more.
    return TextField(id, label, placeholder=placeholder, multiline=multiline, max_length=TEXT_LIMITS[id],
                     initial=initial, optional=optional, hint=hint)


def report_form(form_id: str, rules: Sequence[RoutingRule], projects: dict[str, str], description: str = "",
                state: str = "") -> Form:
    """/report: what kind of concern, about whom, when, and what happened."""
    fields: list[FormField | Part] = [
        Note((Icon.DANGER, " " + DANGER_NOTE)),
        Choice(FieldId.KIND, "What kind of concern is it?", [(rule.kind.value, rule.label) for rule in rules],
               placeholder="Choose one"),
    ]
    if projects:
        fields.append(Choice(FieldId.ACTIVITY, "Which activity or project?",
                             sorted(projects.items(), key=lambda kv: kv[1]), placeholder="Choose an activity",
                             optional=True))
    fields += [
        PersonField(FieldId.TEAM_MEMBER, "Is it about a team member or young leader?", placeholder="Choose a person",
                    optional=True, hint="They will never see this report."),
        _text_field(FieldId.PARTICIPANT, "Or is it about a participant?",
                    "First name and anything that helps identify them", optional=True),
        _text_field(FieldId.ACCOUNT, "Which shared account? (for a password concern)",
                    "For example Instagram. Never type the password.", optional=True),
        _text_field(FieldId.WHEN, "When did it happen?", "For example “yesterday 4pm” or “last Tuesday”",
                    optional=True),
        _text_field(FieldId.DESCRIPTION, "What happened?", "In your own words: what you saw or were told",
                    multiline=True, initial=description),
        Checkbox(FieldId.RISK, "Is anyone at immediate risk?", "Yes, someone may be at immediate risk"),
        Checkbox(FieldId.PRIVACY, "Your name", "Show my name only to the person handling this"),
    ]
    return Form(id=form_id, title="Report a concern", submit="Send report", state=state, fields=fields)


def _signpost(signpost: Signpost | dict[str, str]) -> list[Span]:
    sign = signpost if isinstance(signpost, dict) else {
        "text": signpost.text, "policy_section": signpost.policy_section, "url": signpost.url,
        "link_text": signpost.link_text}
    return [Icon.PHONE, f" {sign['text']} (policy {sign['policy_section']}): ", Link(sign["url"], sign["link_text"]),
            "."]


def filed(filed: Filed) -> Form:
    """The form's last page, once the report is saved: where it went, and what happens next."""
    lines: list[Text] = [[Bold("Thank you."), " Your report ", Bold(filed.reference), f" has gone to {filed.went_to}."]]
    if filed.when_understood:
        lines.append(f"I understood it happened on {filed.when_understood}.")
    lines.append(("I'll message you as it is handled. You can see your reports any time with ", Code("/report list"),
                  "."))
    parts: list[FormField | Part] = [Paragraph(lines)]
    if filed.signpost:
        parts.append(Paragraph([_signpost(filed.signpost)]))
    if filed.immediate_risk or filed.urgent:
        parts.append(Note((Icon.DANGER, " " + DANGER_NOTE)))
    return Form(id="", title="Report sent", close="Done", fields=parts)


# -- what people receive -----------------------------------------------------------------------------


def _heading(params: dict[str, Any], lead: str) -> Heading:
    urgent = "Urgent: " if params.get("urgent") else ""
    return Heading(f"{urgent}{lead} {params['reference']}")


def _person(name: str, key: str | None) -> Text:
    """A person's name, with a mention when the core gave their key (someone the organisation file does
    not list, whom a handler may need to reach)."""
    return (Mention(key), f" ({name})") if key else name


def _facts(params: dict[str, Any]) -> Facts:
    facts: list[tuple[str, Text]] = [("Kind", params["kind_label"])]
    if params.get("activity"):
        facts.append(("Activity", params["activity"]))
    if params.get("reporter"):
        facts.append(("Reported by", _person(params["reporter"], params.get("reporter_ref"))))
    if params.get("team_member"):
        facts.append(("About", params["team_member"]))
    if params.get("participant"):
        facts.append(("Participant", params["participant"]))
    if params.get("account"):
        facts.append(("Account", params["account"]))
    facts.append(("When", params.get("when") or "Not given"))
    facts.append(("Filed", params["filed"]))
    return Facts(facts)


def _notes(params: dict[str, Any], room: int) -> list[Part]:
    """The notes, newest kept when there are more than `room` parts for them."""
    parts: list[Part] = []
    notes = params.get("notes", [])
    if len(notes) > room:
        hidden = len(notes) - (room - 1)
        notes = notes[hidden:]
        parts.append(Note(f"{hidden} earlier note{'s' if hidden != 1 else ''} not shown here."))
    for note in notes:
        parts.append(Quote(note["text"], by=(Bold(NOTE_TITLES.get(note["kind"], "Note")),
                                             f" from {note['author']}, {note['at']}")))
    return parts


def _task(params: dict[str, Any], kind: str, state: str) -> bool:
    return any(t["kind"] == kind and t["state"] == state for t in params.get("tasks", []))


def _with_due(duty: str, due: str) -> list[Span]:
    """A clock's duty with its deadline in bold where the duty says "{due}"."""
    out: list[Span] = []
    for number, piece in enumerate(duty.split("{due}")):
        out += [Bold(due)] if number else []
        out += [piece] if piece else []
    return out


def _awaiting_password_change(params: dict[str, Any]) -> bool:
    return params.get("status") != "resolved" and _task(params, "rotate_password", AWAITING_START)


def _deadlines(params: dict[str, Any]) -> list[Part]:
    lines: list[Text] = []
    if params.get("signpost"):
        lines.append(_signpost(params["signpost"]))
    if params.get("immediate_risk"):
        lines.append((Icon.DANGER, " ", Bold("The reporter says someone may be at immediate risk."), " " + DANGER_NOTE))
    for clock in params.get("clocks", []):
        if not clock["open"]:
            lines.append((Icon.DONE, " " + clock["recorded"]))
        elif params.get("status") != "resolved":
            lines.append([Icon.DEADLINE, " ", *_with_due(clock["duty"], clock["due"])])
    if params.get("take_down"):
        lines.append("Taken down." if _task(params, "take_down", "done") else
                     (Icon.NO_ENTRY, " ", Bold("Take down"), " the published material until permission is confirmed."))
    if _task(params, "rotate_password", "open"):
        lines.append((Icon.KEY, " The account's password must be changed at once. Never share the new one in a chat."))
    if _awaiting_password_change(params):
        lines.append((Icon.KEY, " The reporter doesn't own or use this account, so its password change has ",
                      Bold("not"), " started. If it may have been revealed, press ", Bold("Start the password change"),
                      ": its owner will be told to change it now and reminded every hour until it is done."))
    return [Paragraph([line]) for line in lines]


def _card_buttons(params: dict[str, Any], actions: CardActions, value: str) -> list[Part]:
    if not params.get("can_act"):
        return []
    history = [Button("History", actions.history, value)]
    if params.get("can_export"):
        history.append(Button("Export", actions.export, value))
    if params["status"] == "resolved":
        return [Buttons([Button("Reopen", actions.reopen, value), *history], id=actions.row)]
    buttons = []
    if params["status"] == "open":
        buttons.append(Button("Acknowledge", actions.acknowledge, value, ButtonStyle.PRIMARY))
    buttons += [Button("Ask for more information", actions.ask, value), Button("Escalate", actions.escalate, value),
                Button("Resolve", actions.resolve, value)]
    if _awaiting_password_change(params):
        buttons.append(Button("Start the password change", actions.start_password_change, value, ButtonStyle.DANGER,
                              Confirm("Start the password change?",
                                      "The account's owner and the admins will be told to change its password now, "
                                      "and its owner reminded every hour until it is done.", "Start it")))
    buttons += [Button(clock["button"], actions.clock(clock["id"]), value)
                for clock in params.get("clocks", []) if clock["open"]]
    buttons += history
    if params.get("take_down") and not _task(params, "take_down", "done"):
        buttons.append(Button("Mark taken down", actions.take_down, value))
    if params.get("revoke_access") and not _task(params, "revoke_access", "done"):
        buttons.append(Button("Revoke access", actions.revoke_access, value, ButtonStyle.DANGER,
                              Confirm("Revoke access?", "The admins will be asked to remove this young leader's "
                                      "access to our accounts now.", "Revoke access")))
    return [Buttons(buttons, id=actions.row)]


def handler_card(params: dict[str, Any], actions: CardActions, value: str) -> Message:
    """A report, to the people handling it: everything about it, and what they can do (each button
    carries `value`)."""
    status = STATUS_WORDS[params["status"]]
    parts: list[Part] = [_heading(params, "Report")]
    if params.get("newly_yours") and params["status"] == "open":
        role = params.get("own_role") or params["with_role"]
        parts.append(Paragraph([f"This report has come to you as {role}. Please acknowledge it."]))
    parts += [_facts(params), Quote(params["description"]), *_deadlines(params)]
    buttons = _card_buttons(params, actions, value)
    parts += _notes(params, room=MESSAGE_MAX_PARTS - len(parts) - 1 - len(buttons))
    parts += [Note((Bold(f"{status}."), " " + params["status_line"])), *buttons]
    urgent = "Urgent: " if params.get("urgent") else ""
    return Message(summary=f"{urgent}report {params['reference']} ({params['kind_label']}): {status}", parts=parts)


def watcher_card(params: dict[str, Any]) -> Message:
    """A report about their activity, to its lead: its details, and who is handling it."""
    parts: list[Part] = [_heading(params, "Report"), _facts(params), Quote(params["description"]), *_deadlines(params)]
    parts.append(Note((f"You can see this because you lead the activity. {_first_upper(params['with_role'])} is "
                       "handling it. ", Bold(f"{STATUS_WORDS[params['status']]}."))))
    return Message(summary=f"Report {params['reference']} about your activity", parts=parts)


def told(params: dict[str, Any]) -> Message:
    """That a report exists, to those told no more."""
    return _said(f"For your information: a report ({params['reference']}, {params['kind_label'].lower()}) was made "
                 f"on {params['filed']}. It is with {params['with_role']}. Its details stay within the chain that "
                 "handles it.")


def reporter_card(params: dict[str, Any]) -> Message:
    """A report, to the person who made it: where it stands."""
    status = STATUS_WORDS[params["status"]]
    lines: list[Text] = [(Bold(f"Your report {params['reference']}"), f" ({params['kind_label'].lower()})"),
                         f"{status}. {params['status_line']}"]
    if params.get("when"):
        lines.append(f"You said it happened on {params['when']}.")
    if _awaiting_password_change(params):
        lines.append("As you don't own or use this account, its password change hasn't started: the admins will check "
                     "with its owner and start it if it needs changing.")
    parts: list[Part] = [Paragraph(lines)]
    if params["status"] != "resolved":
        parts.append(Note("I'll tell you when anything changes. " + DANGER_NOTE))
    return Message(summary=f"Your report {params['reference']}: {status}", parts=parts)


def question(params: dict[str, Any], reply_action: str, value: str) -> Message:
    """A handler's question, to the reporter, with a button to reply."""
    return Message(summary=f"A question about your report {params['reference']}", parts=[
        Quote(params["question"], by=(f"{_first_upper(params['asked_by'])} has a question about your report ",
                                      Bold(params["reference"]), ":")),
        Buttons([Button("Reply", reply_action, value, ButtonStyle.PRIMARY)]),
    ])


def answered(params: dict[str, Any]) -> Message:
    return _said("The reporter has answered your question on ", Bold(params["reference"]),
                 ". The answer is on the report above.")


def reminder(params: dict[str, Any]) -> Message:
    urgent = "Urgent: " if params.get("urgent") else ""
    return _said(f"{urgent}report ", Bold(params["reference"]), f" ({params['kind_label'].lower()}) is still waiting "
                 "to be acknowledged. Please open it above and press Acknowledge.")


def still_handled(params: dict[str, Any]) -> Message:
    return _said("An update on your report ", Bold(params["reference"]),
                 f": it is still being handled, and is now with {params['with_role']}.")


def clock_reminder(params: dict[str, Any]) -> Message:
    """A statutory clock still open, to the people handling its report."""
    reference, to_do, deadline, hours = params["reference"], params["to_do"], params["deadline"], params["hours_left"]
    kind = f" ({params['kind_label'].lower()}): "
    if hours < 0:
        return _said(Icon.WARNING, " ", Bold(reference), kind, f"nothing is recorded yet, and it was due {-hours} hours "
                     f"ago ({deadline}). Please {to_do} now, and record it on the report.")
    if params.get("promptly"):
        return _said(Icon.DEADLINE, " ", Bold(reference), kind, f"please {to_do} promptly, and record the decision on "
                     f"the report (by {deadline}).")
    return _said(Icon.DEADLINE, " ", Bold(reference), kind, f"{hours} hours left to {to_do} (by {deadline}). "
                 "Please record what was decided on the report.")


def clock_overdue(params: dict[str, Any]) -> Message:
    """To the people a clock escalates to: where it stands, and none of the report's details."""
    return _said(Icon.WARNING, " Report ", Bold(params["reference"]), f" ({params['kind_label'].lower()}) is with "
                 f"{params['with_role']}, and nothing is recorded yet about whether to {params['to_do']}: it was due "
                 f"by {params['deadline']}. Please check with them that it is in hand.")


def ico_reminder(params: dict[str, Any]) -> Message:
    """Messages queued by the release before the clocks were data."""
    hours = params["hours_left"]
    if hours >= 0:
        return _said(Icon.DEADLINE, " Data breach ", Bold(params["reference"]), f": {hours} hours left to tell the ICO "
                     f"if it is serious (by {params['deadline']}). Resolve the report once decided.")
    return _said(Icon.WARNING, " Data breach ", Bold(params["reference"]), f": the 72-hour ICO deadline passed "
                 f"{-hours} hours ago ({params['deadline']}). Please report it to the ICO now if it is serious, and "
                 "resolve the report.")


def add_reporter(params: dict[str, Any]) -> Message:
    """To the admins: someone not in the organisation file has made a report."""
    who = _person(params.get("handle") or "no name given", params.get("person_ref"))
    return _said(Icon.PERSON, " ", *spans(who), " has made a report but is not in the "
                 "organisation file. Please add them (under ", Code("people"), "), so that what they report reaches "
                 "the right people.")


def revoke_access(params: dict[str, Any]) -> Message:
    return _said(Icon.LOCK, f" Please remove {params['young_leader']}'s access to our social media and other shared "
                 "accounts now, and change the passwords they knew (report ", Bold(params["reference"]), ").")


def case_file(params: dict[str, Any]) -> Text:
    """What comes with a case's PDF, to the person who exported it alone."""
    return ("The case record of ", Bold(params["reference"]), ", as you asked. Please keep it safe: it holds the "
            "case's personal details.")


# -- handling forms ----------------------------------------------------------------------------------


def _action_form(form_id: str, title: str, submit: str, state: str, intro: Text, fields: list[FormField]) -> Form:
    return Form(id=form_id, title=title, submit=submit, state=state, fields=[Paragraph([intro]), *fields])


def ask_form(form_id: str, state: str, reference: str) -> Form:
    return _action_form(form_id, "Ask for more information", "Send question", state,
                        ("Your question goes to the person who made ", Bold(reference), ". They can reply here."),
                        [_text_field(FieldId.QUESTION, "Your question", multiline=True)])


def escalate_form(form_id: str, state: str, reference: str) -> Form:
    return _action_form(form_id, "Escalate", "Escalate", state,
                        (Bold(reference), " will go to the next people in its chain."),
                        [_text_field(FieldId.REASON, "Why?", multiline=True)])


def resolve_form(form_id: str, state: str, reference: str) -> Form:
    return _action_form(form_id, "Resolve", "Resolve", state,
                        ("Close ", Bold(reference), ". The reporter will be told."),
                        [_text_field(FieldId.OUTCOME, "Outcome", multiline=True),
                         _text_field(FieldId.ACTIONS_TAKEN, "Actions taken", multiline=True, optional=True)])


def reopen_form(form_id: str, state: str, reference: str) -> Form:
    return _action_form(form_id, "Reopen", "Reopen", state,
                        (Bold(reference), " will be open again, with its history. The reporter will be told."),
                        [_text_field(FieldId.REASON, "Why is it being reopened?", multiline=True)])


def clock_form(form_id: str, state: str, reference: str, clock: StatutoryClock) -> Form:
    """Record what was decided for a statutory clock: reported on a day (with the body's reference), or
    not, with the reason. The server says which of these the choice needs, beside each field."""
    whose = "the trustees' decision" if clock.trustees_decide else "what was decided"
    return _action_form(form_id, clock.short_name, "Record", state, (
        f"Record {whose} about {clock.body} for ", Bold(reference), ". It goes on the report's history, and its "
        "reminders stop."), [
        Choice(FieldId.DECISION, "What was decided?", expanded=True,
               options=[("reported", clock.reported_choice), ("not_reported", clock.not_reported_choice)]),
        DateField(FieldId.REPORTED_ON, f"The day it was {clock.done}", optional=True, hint=f"If it was {clock.done}."),
        _text_field(FieldId.REFERENCE, "Their reference", "If they gave one", optional=True),
        _text_field(FieldId.REASON, f"Why not {clock.done}?", multiline=True, optional=True,
                    hint=f"If it was not {clock.done}."),
    ])


def reply_form(form_id: str, state: str, question: str) -> Form:
    return Form(id=form_id, title="Reply", submit="Send reply", state=state, fields=[
        Quote(question), _text_field(FieldId.ANSWER, "Your answer", multiline=True)])


# -- lists and history -------------------------------------------------------------------------------


def report_list(rows: list[dict[str, str]]) -> list[Part]:
    """/report list: what a person filed or handles."""
    if not rows:
        return [Paragraph([("You have no reports yet. To report a concern, type ", Code("/report"), ".")])]
    lines: list[Text] = [Bold("Your reports")]
    lines += [("• ", Bold(r["reference"]), f" · {r['kind']} · {r['status']} · {r['age']} · {r['relation']}")
              for r in rows]
    return [Paragraph(lines), Divider()]


def history(chronology: Chronology, kind_label: str, tz: tzinfo) -> list[Part]:
    """The chronology, an entry a part, the earliest left out (and said so) when there are more than a
    message holds. Times are in the organisation's timezone."""
    whose = "Your report" if chronology.audience == "reporter" else "Report"
    parts: list[Part] = [Paragraph([(Bold(f"{whose} {chronology.reference}"),
                                     f" ({kind_label.lower()}): {STATUS_WORDS[chronology.status].lower()}.")])]
    entries = chronology.entries
    room = MESSAGE_MAX_PARTS - 2
    if len(entries) > room:
        hidden = len(entries) - (room - 1)
        entries = entries[hidden:]
        parts.append(Note(f"{hidden} earlier event{'s' if hidden != 1 else ''} not shown here."))
    for entry in entries:
        line: list[Span] = [Bold(describe(entry.at, tz)), f": {entry.what}, by {entry.who}"]
        if entry.detail:
            line.append(f" ({entry.detail})")
        parts.append(Quote(entry.text, by=line) if entry.text else Paragraph([line]))
    return parts
