"""Block Kit for the accounts workflow: pure functions from domain data to Slack's JSON."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    HeaderBlock,
    InputBlock,
    MarkdownTextObject,
    PlainTextInputElement,
    PlainTextObject,
    SectionBlock,
    UserMultiSelectElement,
    UserSelectElement,
)
from slack_sdk.models.views import View

from bot.slack.delivery import Rendered
from bot.slack.mrkdwn import escape
from handlers.accounts.ids import NUDGE_ACTIONS_BLOCK, Action, Callback, ChangedOnMeta, Field, NudgeValue, SaveMeta

NEVER_TYPE = "Never type a password in Slack: I don't need it, and I never keep one."
STATUS_EMOJI = {"ok": ":white_check_mark:", "soon": ":hourglass_flowing_sand:", "due": ":key:", "overdue": ":warning:",
                "exposed": ":rotating_light:"}
USAGE = (
    "*Shared accounts*\n"
    "• `/accounts`: the register, with who has access and when each password is next due\n"
    "• `/accounts add` (admins): add one in a form, or `/accounts add Instagram owner=@person every=\"90 days\"`\n"
    "• `/accounts edit NAME` (admins): change owner, access or interval\n"
    "• `/accounts exposed NAME`: a password may have been revealed, so it must change now\n"
    "• `/rotated NAME [when]`: record a password change, for example `/rotated Instagram yesterday 4pm`"
)


def _md(text: str) -> MarkdownTextObject:
    return MarkdownTextObject(text=text)


def _dicts(blocks: Sequence[Block]) -> list[dict[str, Any]]:
    return [block.to_dict() for block in blocks]


def _plain(text: str) -> Rendered:
    return Rendered(text=text, blocks=_dicts([SectionBlock(text=_md(text))]))


# -- the register ------------------------------------------------------------------------------------


def register_blocks(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if not rows:
        return _dicts([SectionBlock(text=_md("There are no shared accounts in the register yet. An admin can add one with `/accounts add`."))])
    blocks: list[Block] = [HeaderBlock(text=PlainTextObject(text="Shared accounts"))]
    for row in rows[:45]:
        access = ", ".join(escape(a) for a in row["access"]) or "nobody recorded"
        lines = [
            f"{STATUS_EMOJI.get(row['status'], '')} *{escape(row['name'])}*: {escape(row['status_words'])}",
            f"Owner {escape(row['owner'])} · changed {escape(row['interval'])} · last changed {escape(row['last_changed'])} · "
            f"next due {escape(row['next_due'])}",
            f"Access: {access}",
        ]
        lines += [f":warning: {escape(w)}" for w in row["warnings"]]
        blocks.append(SectionBlock(text=_md("\n".join(lines)[:2900])))
    if len(rows) > 45:
        blocks.append(ContextBlock(elements=[_md(f"…and {len(rows) - 45} more.")]))
    blocks.append(ContextBlock(elements=[_md(NEVER_TYPE)]))
    return _dicts(blocks)


def register_text(rows: list[dict[str, Any]]) -> str:
    return "Shared accounts: " + "; ".join(f"{r['name']} ({r['status_words']})" for r in rows) if rows else "No shared accounts yet."


def account_modal(meta: SaveMeta, initial: dict[str, Any] | None = None) -> dict[str, Any]:
    initial = initial or {}

    def text(field: Field, placeholder: str, value: str = "", max_length: int = 100) -> PlainTextInputElement:
        return PlainTextInputElement(action_id=field.element, placeholder=placeholder, initial_value=value or None,
                                     max_length=max_length)

    blocks: list[Block] = [
        ContextBlock(elements=[_md(NEVER_TYPE)]),
        InputBlock(block_id=Field.NAME.value, label="Account", element=text(Field.NAME, "For example Instagram", initial.get("name", ""))),
        InputBlock(block_id=Field.ALIASES.value, label="Other names for it", optional=True,
                   element=text(Field.ALIASES, "Separated by commas: insta, ig", initial.get("aliases", ""), 300)),
        InputBlock(block_id=Field.OWNER.value, label="Owner (changes its password)",
                   element=UserSelectElement(action_id=Field.OWNER.element, placeholder="Choose a person",
                                             initial_user=initial.get("owner"))),
        InputBlock(block_id=Field.ACCESS.value, label="Who else can log in", optional=True,
                   element=UserMultiSelectElement(action_id=Field.ACCESS.element, placeholder="Choose people",
                                                  initial_users=initial.get("access") or None)),
        InputBlock(block_id=Field.OVERALL_ACCESS.value, label="Admins with overall access", optional=True,
                   hint="Policy 5.4: an admin, the CEO or a project manager keeps overall access to every account.",
                   element=UserMultiSelectElement(action_id=Field.OVERALL_ACCESS.element, placeholder="Choose people",
                                                  initial_users=initial.get("overall_access") or None)),
        InputBlock(block_id=Field.EVERY.value, label="Change the password every",
                   element=text(Field.EVERY, "90 days, 3 months, quarterly", initial.get("every", "90 days"))),
        InputBlock(block_id=Field.LAST_CHANGED.value, label="When was it last changed?", optional=True,
                   hint="Leave it empty if nobody knows: I'll ask the owner to change it soon.",
                   element=text(Field.LAST_CHANGED, "For example “last Friday” or “3/11/2026”")),
    ]
    title = "Edit account" if meta.account_id else "Add an account"
    return View(type="modal", callback_id=Callback.SAVE.value, title=title, submit="Save", close="Cancel",
                private_metadata=meta.model_dump_json(), blocks=blocks).to_dict()


def changed_on_modal(meta: ChangedOnMeta) -> dict[str, Any]:
    blocks: list[Block] = [
        SectionBlock(text=_md(f"When did you change the *{escape(meta.name)}* password?")),
        InputBlock(block_id=Field.WHEN.value, label="When",
                   element=PlainTextInputElement(action_id=Field.WHEN.element, max_length=100,
                                                 placeholder="For example “yesterday”, “last Friday 3pm”")),
        ContextBlock(elements=[_md(NEVER_TYPE)]),
    ]
    return View(type="modal", callback_id=Callback.CHANGED_ON.value, title="Password changed", submit="Record",
                close="Cancel", private_metadata=meta.model_dump_json(), blocks=blocks).to_dict()


def done_view(message: str) -> dict[str, Any]:
    return View(type="modal", title="Done", close="Close", blocks=[SectionBlock(text=_md(message))]).to_dict()


# -- messages ----------------------------------------------------------------------------------------


def _nudge_lead(params: dict[str, Any]) -> str:
    name, due = f"*{escape(params['name'])}*", escape(params["due"])
    stage, reason = params["stage"], params.get("reason")
    if stage == "exposed":
        return (f":rotating_light: *Urgent:* the {name} password may have been revealed. Please change it now, then "
                f"press *Changed it now*. I'll remind you every hour until it is done.")
    if reason == "leaver":
        who = escape(params.get("leaver", "someone with access"))
        return f":wave: {who} is leaving, so the {name} password needs changing (by {due}), as our policy asks."
    if stage == "soon":
        return f":hourglass_flowing_sand: The {name} password is due to be changed on {due}."
    if stage == "due":
        return f":key: The {name} password is due to be changed today."
    return f":warning: The {name} password is overdue: it was due on {due}. Please change it when you can."


def render_nudge(params: dict[str, Any]) -> Rendered:
    lead = _nudge_lead(params)
    value = NudgeValue(account_id=params["account_id"], cycle=params["cycle"]).model_dump_json()
    buttons = [
        ButtonElement(text="Changed it now", action_id=Action.CHANGED_NOW.value, value=value, style="primary"),
        ButtonElement(text="Changed it on…", action_id=Action.CHANGED_ON.value, value=value),
    ]
    # Older queued nudges lack may_snooze: then only an exposure refused it.
    if params.get("may_snooze", params["stage"] != "exposed"):
        days = params.get("snooze_days", 3)
        buttons.append(ButtonElement(text=f"Remind me in {days} days", action_id=Action.SNOOZE.value, value=value))
    if params.get("owner_away"):
        lead += f"\n{escape(params['owner_away'])}"
    blocks: list[Block] = [SectionBlock(text=_md(lead)), ActionsBlock(block_id=NUDGE_ACTIONS_BLOCK, elements=buttons),
                           ContextBlock(elements=[_md(NEVER_TYPE + " You can also type `/rotated " + escape(params["name"]) + "`.")])]
    text = lead.replace("*", "").split(". ")[0]
    return Rendered(text=text, blocks=_dicts(blocks))


def render_closed(params: dict[str, Any]) -> Rendered:
    icon = {"done": ":white_check_mark:", "snoozed": ":zzz:", "superseded": ":arrows_counterclockwise:"}.get(params["state"], "")
    return _plain(f"{icon} *{escape(params['name'])}*: {escape(params['note'])}")


def render_escalated(params: dict[str, Any]) -> Rendered:
    return _plain(f":warning: The *{escape(params['name'])}* password is {params['days']} days overdue (due {escape(params['due'])}). "
                  f"{escape(params['owner'])} owns it and has been reminded. Please check in with them, or change it yourself "
                  f"and record it with `/rotated {escape(params['name'])}`.")


def render_exposed(params: dict[str, Any]) -> Rendered:
    source = "A report says" if params.get("from_report") else f"{escape(params['by'])} says"
    return _plain(f":rotating_light: {source} the *{escape(params['name'])}* password may have been revealed. "
                  f"{escape(params['owner'])} has been asked to change it now; I'll remind them every hour until it is done. "
                  f"If you can change it sooner, do, then record it with `/rotated {escape(params['name'])}`.")


RENDERERS = {
    "accounts.nudge": render_nudge,
    "accounts.closed": render_closed,
    "accounts.escalated": render_escalated,
    "accounts.exposed": render_exposed,
}
