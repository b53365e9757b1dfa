"""Block Kit for /leaver: the confirmation modal and the checklist, as pure functions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ConfirmObject,
    ContextBlock,
    HeaderBlock,
    InputBlock,
    MarkdownTextObject,
    PlainTextInputElement,
    PlainTextObject,
    SectionBlock,
    UserSelectElement,
)
from slack_sdk.models.views import View

from bot.accounts.leavers import LeaverPreview
from bot.slack.delivery import Rendered
from bot.slack.mrkdwn import escape
from handlers.leaver.ids import (
    CALLBACK,
    CANCEL,
    LEAVING_ON,
    TASK_DONE,
    CancelValue,
    LeaverMeta,
    TaskValue,
    admin_block,
    element,
    owner_block,
)


def _md(text: str) -> MarkdownTextObject:
    return MarkdownTextObject(text=text)


def _dicts(blocks: Sequence[Block]) -> list[dict[str, Any]]:
    return [block.to_dict() for block in blocks]


def _list(items: list[str], empty: str) -> str:
    return "\n".join(f"• {escape(i)}" for i in items) if items else f"_{empty}_"


def leaver_modal(preview: LeaverPreview) -> dict[str, Any]:
    accounts = [f"{a.name}{' (owner)' if a.owned else ''}{' (last admin)' if a.last_admin else ''}" for a in preview.accounts]
    projects = [f"{p} (manages)" for p in preview.manages] + [f"{p} (leads)" for p in preview.leads]
    summary = (
        f"*{escape(preview.name)}*: {escape(', '.join(preview.roles))}\n\n"
        f"*Accounts they can log in to* (each password will be changed)\n{_list(accounts, 'none recorded')}\n\n"
        f"*Reports they are handling* (each moves to the next in its chain)\n{_list([r.reference for r in preview.reports], 'none')}\n\n"
        f"*Activities they manage or lead*\n{_list(projects, 'none')}"
    )
    if preview.young_leader:
        summary += "\n\n:lock: They are a young leader: the admins will be asked to remove their social media access."
    blocks: list[Block] = [SectionBlock(text=_md(summary[:2900]))]
    for account in preview.accounts:
        if account.owned:
            block = owner_block(account.id)
            blocks.append(InputBlock(block_id=block, label=f"New owner of {account.name}"[:150],
                                     element=UserSelectElement(action_id=element(block), placeholder="Choose a person")))
        if account.last_admin:
            block = admin_block(account.id)
            blocks.append(InputBlock(block_id=block, label=f"New admin with overall access to {account.name}"[:150],
                                     hint="They are the last admin of this account: name another (an admin, the CEO or a project manager).",
                                     element=UserSelectElement(action_id=element(block), placeholder="Choose a person")))
    blocks.append(InputBlock(block_id=LEAVING_ON, label="Leaving date",
                             element=PlainTextInputElement(action_id=element(LEAVING_ON), max_length=60,
                                                           placeholder="For example “today”, “next Friday” or “31/12/2026”")))
    blocks.append(ContextBlock(elements=[_md("Their roles end on this date. Passwords are changed once their access ends.")]))
    meta = LeaverMeta(person=preview.slack_id, owned=[a.id for a in preview.accounts if a.owned],
                      last_admin=[a.id for a in preview.accounts if a.last_admin])
    return View(type="modal", callback_id=CALLBACK, title="Someone is leaving", submit="Confirm", close="Cancel",
                private_metadata=meta.model_dump_json(), blocks=blocks).to_dict()


def done_view(message: str) -> dict[str, Any]:
    return View(type="modal", title="Leaver checklist", close="Close", blocks=[SectionBlock(text=_md(message))]).to_dict()


def render_checklist(params: dict[str, Any]) -> Rendered:
    complete, cancelled = params["state"] == "complete", params["state"] == "cancelled"
    title = f"Leaver checklist: {params['name']}{' (complete)' if complete else ''}{' (cancelled)' if cancelled else ''}"
    if cancelled:
        blocks_cancelled: list[Block] = [
            HeaderBlock(text=PlainTextObject(text=title[:150])),
            SectionBlock(text=_md(f"{escape(params.get('cancelled_by') or 'Someone')} cancelled this checklist before "
                                  f"{escape(params['name'])}'s leaving date ({escape(params['leaving_on'])}). Their roles, "
                                  f"accounts and access are as they were, and no password change is needed for it.")),
        ]
        return Rendered(text=title, blocks=_dicts(blocks_cancelled))
    blocks: list[Block] = [
        HeaderBlock(text=PlainTextObject(text=title[:150])),
        ContextBlock(elements=[_md(f"Leaving {escape(params['leaving_on'])} · started by {escape(params['requested_by'])}")]),
    ]
    for task in params["tasks"]:
        if task["state"] == "done":
            line = f":white_check_mark: ~{escape(task['label'])}~ ({escape(task['done'])})"
            blocks.append(SectionBlock(text=_md(line)))
            continue
        line = f":black_square_button: {escape(task['label'])} · {escape(task['assignee'])}"
        accessory = (ButtonElement(text="Mark done", action_id=TASK_DONE, value=TaskValue(task_id=task["id"]).model_dump_json())
                     if task["manual"] else None)
        blocks.append(SectionBlock(text=_md(line), accessory=accessory))
    if complete:
        blocks.append(ContextBlock(elements=[_md("Every task is done. The CEO has been told. Thank you.")]))
    else:
        blocks.append(ContextBlock(elements=[_md("Password changes tick themselves off when they are recorded (the reminder's buttons or `/rotated`).")]))
        blocks.append(ActionsBlock(elements=[ButtonElement(
            text="Cancel this checklist", action_id=CANCEL, style="danger",
            value=CancelValue(leaver_id=params["leaver_id"]).model_dump_json(),
            confirm=ConfirmObject(title="Cancel the checklist?", confirm="Cancel it", deny="Keep it",
                                  text=f"{escape(params['name'])}'s roles, accounts and access go back to how they were. "
                                       f"Only before their leaving date."[:300]))]))
    open_count = sum(1 for t in params["tasks"] if t["state"] != "done")
    text = f"{title}: {open_count} task{'s' if open_count != 1 else ''} left" if not complete else title
    return Rendered(text=text, blocks=_dicts(blocks[:50]))


def _plain(text: str) -> Rendered:
    return Rendered(text=text, blocks=_dicts([SectionBlock(text=_md(text))]))


def render_complete(params: dict[str, Any]) -> Rendered:
    return _plain(f":white_check_mark: The leaver checklist for *{escape(params['name'])}* (leaving {escape(params['leaving_on'])}) "
                  f"is complete: all {params['tasks']} tasks are done, including changing the passwords they knew.")


def render_reminder(params: dict[str, Any]) -> Rendered:
    yours = params.get("yours") or []
    if yours:
        lines = "\n".join(f"• {escape(label)}" for label in yours)
        return _plain(f"A reminder: the leaver checklist for *{escape(params['name'])}* is still open. Yours to do:\n{lines}")
    return _plain(f"A reminder: the leaver checklist for *{escape(params['name'])}* still has {params['open']} open "
                  f"task{'s' if params['open'] != 1 else ''}. It is in your messages above.")


def render_revoke_young_leader(params: dict[str, Any]) -> Rendered:
    return _plain(f":lock: {escape(params['name'])} is a young leader who is leaving. Please remove their own access to "
                  f"{escape(params['accounts'])} now (page roles, logins), as our policy asks, then tick it off on the checklist.")


def render_notice(params: dict[str, Any]) -> Rendered:
    accounts = (f" The passwords of the {params['accounts']} shared account{'s' if params['accounts'] != 1 else ''} "
                f"you use will be changed." if params.get("accounts") else "")
    return _plain(f"Hello {escape(params['name'])}. {escape(params['requested_by'])} has started a leaver checklist for you: "
                  f"your roles here end on {escape(params['leaving_on'])}.{accounts} If this is a mistake, please tell "
                  f"{escape(params['requested_by'])} or an admin: they can cancel it before your leaving date.")


def render_cancelled(params: dict[str, Any]) -> Rendered:
    return _plain(f"Hello {escape(params['name'])}. {escape(params['cancelled_by'])} has cancelled the leaver checklist "
                  f"for you: your roles and accounts are as they were.")


RENDERERS = {
    "leaver.notice": render_notice,
    "leaver.cancelled": render_cancelled,
    "leaver.checklist": render_checklist,
    "leaver.complete": render_complete,
    "leaver.reminder": render_reminder,
    "leaver.revoke_young_leader": render_revoke_young_leader,
}
