"""Block Kit for outgoing checks: pure functions."""

from __future__ import annotations

from typing import Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    MarkdownTextObject,
    SectionBlock,
)

from bot.checks import CheckResult
from bot.checks.cli import KIND_LABELS
from bot.checks.findings import Kind
from bot.slack.delivery import Rendered
from bot.slack.mrkdwn import escape
from handlers.checks.ids import Action


def _md(text: str) -> MarkdownTextObject:
    return MarkdownTextObject(text=text)


def _finding_lines(result: CheckResult) -> str:
    lines = []
    for finding in result.findings:
        shown = "(hidden)" if finding.kind == Kind.SECRET else f"“{escape(finding.text[:80])}”"
        lines.append(f"• *{KIND_LABELS[Kind(finding.kind)]}* {shown}: {escape(finding.message)}")
    return "\n".join(lines)


def _code(text: str) -> str:
    body = escape(text)[:2800].replace("```", "'''")
    return f"```{body}```" if body.strip() else "_(nothing left)_"


def check_result_blocks(result: CheckResult) -> tuple[str, list[dict[str, Any]]]:
    if not result.findings:
        text = ":white_check_mark: I found no personal details or passwords. Good to go."
        return text, [SectionBlock(text=_md(text)).to_dict()]
    count = len(result.findings)
    heading = f":warning: I found {count} thing{'s' if count != 1 else ''} to change before this goes out:"
    blocks: list[Block] = [
        SectionBlock(text=_md(f"{heading}\n{_finding_lines(result)}"[:2990])),
        SectionBlock(text=_md(f"*Ready to copy, with them taken out:*\n{_code(result.redacted)}")),
    ]
    return heading, [b.to_dict() for b in blocks]


def guarded_warning_blocks(result: CheckResult, channel: str) -> tuple[str, list[dict[str, Any]]]:
    text, blocks = check_result_blocks(result)
    intro = SectionBlock(text=_md(f"Your message in <#{channel}> may share personal details. The moderators have been told."))
    return f"Your message in this channel may share personal details. {text}", [intro.to_dict(), *blocks]


def render_guarded_notice(params: dict[str, Any]) -> Rendered:
    kinds = ", ".join(KIND_LABELS[Kind(k)].lower() for k in params["kinds"])
    where = f"<@{params['user']}> in <#{params['channel']}>"
    lines = [f"*Possible personal details* ({kinds}) from {where}.", f"Redacted:\n{_code(params['redacted'])}"]
    blocks: list[Block] = [SectionBlock(text=_md("\n".join(lines)[:2990]))]
    state = params["state"]
    if state == "open":
        if params.get("error"):
            blocks.append(ContextBlock(elements=[_md(f":warning: Slack would not delete it ({escape(params['error'])}). Remove it by hand: hover over the message, choose ⋮, then Delete.")]))
        blocks.append(ActionsBlock(elements=[
            ButtonElement(text="Remove message", action_id=Action.REMOVE.value, value=str(params["notice_id"]), style="danger"),
            ButtonElement(text="It's fine", action_id=Action.FINE.value, value=str(params["notice_id"])),
        ]))
    else:
        outcome = {"removed": "Removed", "fine": "Marked as fine", "fixed": "Fixed by its poster",
                   "already_removed": "Already removed"}.get(state, state)
        by = f" by <@{params['decided_by']}>" if params.get("decided_by") else ""
        blocks.append(ContextBlock(elements=[_md(f"*{outcome}*{by}.")]))
    return Rendered(text=f"Possible personal details from a message in <#{params['channel']}>", blocks=[b.to_dict() for b in blocks])


RENDERERS = {"checks.guarded_notice": render_guarded_notice}
