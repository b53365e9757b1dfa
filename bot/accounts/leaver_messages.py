"""What the leaver workflow says and asks, as data (bot/messages.py), with the ids of its form and fields.
Each platform names the checklist's buttons itself (`ChecklistActions`), renders it and listens for them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from bot.accounts.leavers import LeaverPreview
from bot.messages import (
    Bold,
    Button,
    Buttons,
    ButtonStyle,
    Code,
    Confirm,
    Form,
    Heading,
    Icon,
    Italic,
    Item,
    Message,
    Note,
    Paragraph,
    Part,
    PersonField,
    Span,
    Struck,
    TextField,
    joined,
)

CONFIRM_FORM = "leaver.confirm"
LEAVING_ON = "leaving_on"
MAX_PARTS = 50


def owner_field(account_id: int) -> str:
    return f"owner_{account_id}"


def admin_field(account_id: int) -> str:
    return f"admin_{account_id}"


@dataclass(frozen=True)
class ChecklistActions:
    """What the platform calls the checklist's buttons, so each press comes back to it, and how a person
    types the command that records a password change there ("/rotated" in Slack)."""

    task_done: str
    cancel: str
    rotated: str


class LeaverMeta(BaseModel):
    """Carried through the confirmation form: who is leaving, and which accounts need a new owner or admin.
    `opened` is an id the form was given when it was opened, where the platform gives it none itself (a
    Teams dialog), so that form sent twice starts one checklist."""

    person: str
    owned: list[int] = []
    last_admin: list[int] = []
    opened: str = ""


class TaskValue(BaseModel):
    task_id: int


class CancelValue(BaseModel):
    leaver_id: int


def _listed(items: list[str], empty: str) -> list[list[Span]]:
    return [["• " + item] for item in items] if items else [[Italic(empty)]]


def confirm_form(preview: LeaverPreview, opened: str = "") -> Form:
    """What leaving will change, and the new owners, admins and leaving date it needs."""
    accounts = [f"{a.name}{' (owner)' if a.owned else ''}{' (last admin)' if a.last_admin else ''}" for a in preview.accounts]
    projects = [f"{p} (manages)" for p in preview.manages] + [f"{p} (leads)" for p in preview.leads]
    lines: list[list[Span]] = [
        [Bold(preview.name), ": " + ", ".join(preview.roles)], [""],
        [Bold("Accounts they can log in to"), " (each password will be changed)"], *_listed(accounts, "none recorded"), [""],
        [Bold("Reports they are handling"), " (each moves to the next in its chain)"],
        *_listed([r.reference for r in preview.reports], "none"), [""],
        [Bold("Activities they manage or lead")], *_listed(projects, "none"),
    ]
    if preview.young_leader:
        lines += [[""], [Icon.LOCK, " They are a young leader: the admins will be asked to remove their social media access."]]
    fields: list[Any] = [Paragraph(lines)]
    for account in preview.accounts:
        if account.owned:
            fields.append(PersonField(owner_field(account.id), f"New owner of {account.name}", "Choose a person"))
        if account.last_admin:
            fields.append(PersonField(
                admin_field(account.id), f"New admin with overall access to {account.name}", "Choose a person",
                hint="They are the last admin of this account: name another (an admin, the CEO or a project manager)."))
    fields += [
        TextField(LEAVING_ON, "Leaving date", "For example “today”, “next Friday” or “31/12/2026”", max_length=60),
        Note("Their roles end on this date. Passwords are changed once their access ends."),
    ]
    meta = LeaverMeta(person=preview.person_key, owned=[a.id for a in preview.accounts if a.owned],
                      last_admin=[a.id for a in preview.accounts if a.last_admin], opened=opened)
    return Form(id=CONFIRM_FORM, title="Someone is leaving", submit="Confirm", state=meta.model_dump_json(), fields=fields)


def checklist(params: dict[str, Any], actions: ChecklistActions) -> Message:
    """The checklist, as it stands: each task, done or to do, with a Cancel while it is open."""
    complete, cancelled = params["state"] == "complete", params["state"] == "cancelled"
    title = f"Leaver checklist: {params['name']}{' (complete)' if complete else ''}{' (cancelled)' if cancelled else ''}"
    if cancelled:
        return Message(summary=title, parts=[Heading(title), Paragraph([
            f"{params.get('cancelled_by') or 'Someone'} cancelled this checklist before {params['name']}'s leaving date "
            f"({params['leaving_on']}). Their roles, accounts and access are as they were, and no password change is "
            "needed for it."])])
    parts: list[Part] = [Heading(title), Note(f"Leaving {params['leaving_on']} · started by {params['requested_by']}")]
    for task in params["tasks"]:
        if task["state"] == "done":
            parts.append(Item((Icon.DONE, " ", Struck(task["label"]), f" ({task['done']})")))
            continue
        button = (Button("Mark done", actions.task_done, value=TaskValue(task_id=task["id"]).model_dump_json())
                  if task["manual"] else None)
        parts.append(Item((Icon.TO_DO, f" {task['label']} · {task['assignee']}"), button))
    if complete:
        parts.append(Note("Every task is done. The CEO has been told. Thank you."))
    else:
        parts.append(Note(("Password changes tick themselves off when they are recorded (the reminder's buttons or ",
                           Code(actions.rotated), ").")))
        parts.append(Buttons([Button(
            "Cancel this checklist", actions.cancel, style=ButtonStyle.DANGER,
            value=CancelValue(leaver_id=params["leaver_id"]).model_dump_json(),
            confirm=Confirm("Cancel the checklist?", f"{params['name']}'s roles, accounts and access go back to how "
                            "they were. Only before their leaving date."[:300], "Cancel it", "Keep it"))]))
    open_count = sum(1 for t in params["tasks"] if t["state"] != "done")
    summary = f"{title}: {open_count} task{'s' if open_count != 1 else ''} left" if not complete else title
    return Message(summary=summary, parts=parts[:MAX_PARTS])


def _said(*line: Span) -> Message:
    return Message(summary=line, parts=[Paragraph([line])])


def complete(params: dict[str, Any]) -> Message:
    return _said(Icon.DONE, " The leaver checklist for ", Bold(params["name"]), f" (leaving {params['leaving_on']}) is "
                 f"complete: all {params['tasks']} tasks are done, including changing the passwords they knew.")


def reminder(params: dict[str, Any]) -> Message:
    yours = params.get("yours") or []
    if yours:
        lines: list[list[Span]] = [["A reminder: the leaver checklist for ", Bold(params["name"]),
                                    " is still open. Yours to do:"], *(["• " + label] for label in yours)]
        return Message(summary=joined(lines), parts=[Paragraph(lines)])
    return _said("A reminder: the leaver checklist for ", Bold(params["name"]), f" still has {params['open']} open "
                 f"task{'s' if params['open'] != 1 else ''}. It is in your messages above.")


def revoke_young_leader(params: dict[str, Any]) -> Message:
    return _said(Icon.LOCK, f" {params['name']} is a young leader who is leaving. Please remove their own access to "
                 f"{params['accounts']} now (page roles, logins), as our policy asks, then tick it off on the checklist.")


def notice(params: dict[str, Any]) -> Message:
    """To the person leaving: what will change, and who to tell if it is a mistake."""
    accounts = (f" The passwords of the {params['accounts']} shared account{'s' if params['accounts'] != 1 else ''} "
                f"you use will be changed." if params.get("accounts") else "")
    return _said(f"Hello {params['name']}. {params['requested_by']} has started a leaver checklist for you: your roles "
                 f"here end on {params['leaving_on']}.{accounts} If this is a mistake, please tell "
                 f"{params['requested_by']} or an admin: they can cancel it before your leaving date.")


def cancelled(params: dict[str, Any]) -> Message:
    return _said(f"Hello {params['name']}. {params['cancelled_by']} has cancelled the leaver checklist for you: your "
                 "roles and accounts are as they were.")
