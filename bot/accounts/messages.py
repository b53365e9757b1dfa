"""What the shared-accounts workflow says and asks, as data (bot/messages.py), with the ids of its forms
and fields and what the buttons carry; each platform renders it, names the nudge's buttons
(`NudgeActions`) and listens for those names."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import BaseModel

from bot.messages import (
    Bold,
    Button,
    Buttons,
    ButtonStyle,
    Code,
    Form,
    Heading,
    Icon,
    Message,
    Note,
    Paragraph,
    Part,
    PersonField,
    Span,
    TextField,
    joined,
    plain,
)

NEVER_TYPE = "Never type a password in a chat: I don't need it, and I never keep one."
STATUS_ICON = {"ok": Icon.DONE, "soon": Icon.HOURGLASS, "due": Icon.KEY, "overdue": Icon.WARNING, "exposed": Icon.DANGER}
CLOSED_ICON = {"done": Icon.DONE, "snoozed": Icon.SNOOZED, "superseded": Icon.REPLACED}
# The register shows this many accounts, then says how many more there are.
REGISTER_SHOWN = 45
USAGE: list[list[Span]] = [
    [Bold("Shared accounts")],
    ["• ", Code("/accounts"), ": the register, with who has access and when each password is next due"],
    ["• ", Code("/accounts add"), " (admins): add one in a form, or ", Code('/accounts add Instagram owner=@person every="90 days"')],
    ["• ", Code("/accounts edit NAME"), " (admins): change owner, access or interval"],
    ["• ", Code("/accounts exposed NAME"), ": a password may have been revealed, so it must change now"],
    ["• ", Code("/rotated NAME [when]"), ": record a password change, for example ", Code("/rotated Instagram yesterday 4pm")],
]


class FormId(StrEnum):
    SAVE = "accounts.save"
    CHANGED_ON = "accounts.changed_on"


class FieldId(StrEnum):
    """The forms' fields: their ids are the domain form's field names, so errors land on the right field."""

    NAME = "name"
    ALIASES = "aliases"
    OWNER = "owner"
    ACCESS = "access"
    OVERALL_ACCESS = "overall_access"
    EVERY = "every"
    LAST_CHANGED = "last_changed"
    WHEN = "when"


@dataclass(frozen=True)
class NudgeActions:
    """What the platform calls a nudge's buttons, so each press comes back to it, and how a person types
    the command that records a change there ("/rotated" in Slack)."""

    changed_now: str
    changed_on: str
    snooze: str
    rotated: str
    # The row of buttons, so the platform can find it again.
    row: str = ""


class NudgeValue(BaseModel):
    """What a nudge's buttons carry: the account, and the rotation cycle the nudge was about."""

    account_id: int
    cycle: int


class SaveMeta(BaseModel):
    account_id: int | None = None


class ChangedOnMeta(BaseModel):
    account_id: int
    cycle: int
    name: str


# -- the register ------------------------------------------------------------------------------------


def register(rows: list[dict[str, Any]]) -> Message:
    if not rows:
        line = ("There are no shared accounts in the register yet. An admin can add one with ", Code("/accounts add"), ".")
        return Message(summary="No shared accounts yet.", parts=[Paragraph([line])])
    parts: list[Part] = [Heading("Shared accounts")]
    for row in rows[:REGISTER_SHOWN]:
        icon = STATUS_ICON.get(row["status"])
        lines: list[list[Span]] = [
            [*([icon] if icon else []), " ", Bold(row["name"]), f": {row['status_words']}"],
            [f"Owner {row['owner']} · changed {row['interval']} · last changed {row['last_changed']} · "
             f"next due {row['next_due']}"],
            [f"Access: {', '.join(row['access']) or 'nobody recorded'}"],
            *([Icon.WARNING, f" {warning}"] for warning in row["warnings"]),
        ]
        parts.append(Paragraph(lines))
    if len(rows) > REGISTER_SHOWN:
        parts.append(Note(f"…and {len(rows) - REGISTER_SHOWN} more."))
    parts.append(Note(NEVER_TYPE))
    summary = "Shared accounts: " + "; ".join(f"{r['name']} ({r['status_words']})" for r in rows)
    return Message(summary=summary, parts=parts)


def usage() -> Message:
    return Message(summary=joined(USAGE), parts=[Paragraph(USAGE)])


# -- forms -------------------------------------------------------------------------------------------


def account_form(meta: SaveMeta, initial: dict[str, Any] | None = None) -> Form:
    initial = initial or {}
    return Form(
        id=FormId.SAVE, title="Edit account" if meta.account_id else "Add an account", submit="Save",
        state=meta.model_dump_json(),
        fields=[
            Note(NEVER_TYPE),
            TextField(FieldId.NAME, "Account", "For example Instagram", max_length=100, initial=initial.get("name", "")),
            TextField(FieldId.ALIASES, "Other names for it", "Separated by commas: insta, ig", max_length=300,
                      initial=initial.get("aliases", ""), optional=True),
            PersonField(FieldId.OWNER, "Owner (changes its password)", "Choose a person",
                        initial=tuple(filter(None, [initial.get("owner")]))),
            PersonField(FieldId.ACCESS, "Who else can log in", "Choose people", optional=True, multiple=True,
                        initial=tuple(initial.get("access") or ())),
            PersonField(FieldId.OVERALL_ACCESS, "Admins with overall access", "Choose people", optional=True,
                        multiple=True, initial=tuple(initial.get("overall_access") or ()),
                        hint="Policy 5.4: an admin, the CEO or a project manager keeps overall access to every account."),
            TextField(FieldId.EVERY, "Change the password every", "90 days, 3 months, quarterly", max_length=100,
                      initial=initial.get("every", "90 days")),
            TextField(FieldId.LAST_CHANGED, "When was it last changed?", "For example “last Friday” or “3/11/2026”",
                      max_length=100, optional=True,
                      hint="Leave it empty if nobody knows: I'll ask the owner to change it soon."),
        ],
    )


def changed_on_form(meta: ChangedOnMeta) -> Form:
    return Form(id=FormId.CHANGED_ON, title="Password changed", submit="Record", state=meta.model_dump_json(), fields=[
        Paragraph([("When did you change the ", Bold(meta.name), " password?")]),
        TextField(FieldId.WHEN, "When", "For example “yesterday”, “last Friday 3pm”", max_length=100),
        Note(NEVER_TYPE),
    ])


# -- messages ----------------------------------------------------------------------------------------


def _nudge_lead(params: dict[str, Any]) -> tuple[Span, ...]:
    name, due = Bold(params["name"]), params["due"]
    stage, reason = params["stage"], params.get("reason")
    if stage == "exposed":
        return (Icon.DANGER, " ", Bold("Urgent:"), " the ", name, " password may have been revealed. Please change it "
                "now, then press ", Bold("Changed it now"), ". I'll remind you every hour until it is done.")
    if reason == "leaver":
        return (Icon.WAVE, f" {params.get('leaver', 'someone with access')} is leaving, so the ", name,
                f" password needs changing (by {due}), as our policy asks.")
    if stage == "soon":
        return (Icon.HOURGLASS, " The ", name, f" password is due to be changed on {due}.")
    if stage == "due":
        return (Icon.KEY, " The ", name, " password is due to be changed today.")
    return (Icon.WARNING, " The ", name, f" password is overdue: it was due on {due}. Please change it when you can.")


def nudge(params: dict[str, Any], actions: NudgeActions) -> Message:
    """A reminder to change a shared account's password, with buttons to record it or put it off."""
    lead = _nudge_lead(params)
    value = NudgeValue(account_id=params["account_id"], cycle=params["cycle"]).model_dump_json()
    buttons = [Button("Changed it now", actions.changed_now, value=value, style=ButtonStyle.PRIMARY),
               Button("Changed it on…", actions.changed_on, value=value)]
    # Older queued nudges lack may_snooze: then only an exposure refused it.
    if params.get("may_snooze", params["stage"] != "exposed"):
        buttons.append(Button(f"Remind me in {params.get('snooze_days', 3)} days", actions.snooze, value=value))
    lines: list[Any] = [lead]
    if params.get("owner_away"):
        lines.append(params["owner_away"])
    # The notification says the first sentence, in plain words after its icon.
    summary = (lead[0], " " + plain(lead).split(". ")[0])
    return Message(summary=summary, parts=[
        Paragraph(lines), Buttons(buttons, id=actions.row),
        Note((NEVER_TYPE + " You can also type ", Code(f"{actions.rotated} {params['name']}"), ".")),
    ])


def _said(*line: Span) -> Message:
    return Message(summary=line, parts=[Paragraph([line])])


def closed(params: dict[str, Any]) -> Message:
    icon = CLOSED_ICON.get(params["state"])
    return _said(*([icon] if icon else []), " ", Bold(params["name"]), f": {params['note']}")


def escalated(params: dict[str, Any], rotated: str) -> Message:
    return _said(Icon.WARNING, " The ", Bold(params["name"]), f" password is {params['days']} days overdue (due "
                 f"{params['due']}). {params['owner']} owns it and has been reminded. Please check in with them, or "
                 "change it yourself and record it with ", Code(f"{rotated} {params['name']}"), ".")


def exposed(params: dict[str, Any], rotated: str) -> Message:
    source = "A report says" if params.get("from_report") else f"{params['by']} says"
    return _said(Icon.DANGER, f" {source} the ", Bold(params["name"]), " password may have been revealed. "
                 f"{params['owner']} has been asked to change it now; I'll remind them every hour until it is done. "
                 "If you can change it sooner, do, then record it with ", Code(f"{rotated} {params['name']}"), ".")
