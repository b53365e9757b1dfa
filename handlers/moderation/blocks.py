"""Block Kit for the moderation review queue: pure functions."""

from __future__ import annotations

from typing import Any

from slack_sdk.models.blocks import ActionsBlock, Block, ButtonElement, ContextBlock, MarkdownTextObject, SectionBlock

from bot.slack.delivery import Rendered
from bot.slack.mrkdwn import escape, quote
from handlers.moderation.ids import Action

RULE_LABELS = {"abuse": "Abuse", "threat": "Threat or defamation", "solicitation": "Solicitation",
               "illegal": "Illegal activity", "repetition": "Repetition", "off_topic": "Off-topic"}
STATE_WORDS = {"deleted": "Deleted", "kept": "Kept (false alarm)", "warned": "Kept, poster warned",
               "already_removed": "Already removed"}


def _md(text: str) -> MarkdownTextObject:
    return MarkdownTextObject(text=text)


def render_card(params: dict[str, Any]) -> Rendered:
    rules = "\n".join(f"• *{RULE_LABELS.get(f['rule'], f['rule'])}*: {escape(f['reason'])}" for f in params["findings"])
    if params.get("message_permalink"):
        opener = f"<{params['message_permalink']}|open the message>"
    else:  # Slack gave no permalink: the channel, where the message can be found
        opener = f"<https://slack.com/app_redirect?channel={params['channel']}|open the channel>"
    head = f"<@{params['user']}> in <#{params['channel']}> ({opener})"
    blocks: list[Block] = [SectionBlock(text=_md(f"*A post may break the group's rules*\n{head}\n{rules}"[:2990]))]
    if params.get("text"):
        blocks.append(SectionBlock(text=_md(quote(params["text"], 2000))))
    if params.get("earlier_this_month"):
        n = params["earlier_this_month"]
        blocks.append(ContextBlock(elements=[_md(f":repeat: {n} earlier breach{'es' if n != 1 else ''} by this person in the last month.")]))
    if params["state"] == "open":
        if params.get("error"):
            blocks.append(ContextBlock(elements=[_md(f":warning: Slack would not delete it ({escape(params['error'])}).")]))
        if not params.get("can_delete") or params.get("error"):
            blocks.append(ContextBlock(elements=[_md("To remove it by hand: open the message, choose ⋮ (More actions), then Delete message. Then press Delete here to record it.")]))
        value = str(params["case_id"])
        blocks.append(ActionsBlock(elements=[
            ButtonElement(text="Delete", action_id=Action.DELETE.value, value=value, style="danger"),
            ButtonElement(text="Keep", action_id=Action.KEEP.value, value=value),
            ButtonElement(text="Warn poster", action_id=Action.WARN.value, value=value),
        ]))
    else:
        by = f" by <@{params['decided_by']}>" if params.get("decided_by") else ""
        blocks.append(ContextBlock(elements=[_md(f"*{STATE_WORDS.get(params['state'], params['state'])}*{by}.")]))
    return Rendered(text=f"A post in <#{params['channel']}> may break the group's rules", blocks=[b.to_dict() for b in blocks])


def render_warning(params: dict[str, Any]) -> Rendered:
    rules = ", ".join(RULE_LABELS.get(r, r).lower() for r in params["rules"])
    text = (f"Hello. A moderator noticed that one of your posts in <#{params['channel']}> didn't fit the group "
            f"agreement ({rules}). No harm meant, we're sure: please keep the channel friendly and on topic. "
            "You can read the agreement pinned in the channel, and if anything there worries you, tell a moderator.")
    return Rendered(text=text, blocks=[SectionBlock(text=_md(text)).to_dict()])


def agreement_blocks(paragraphs: list[str]) -> list[dict[str, Any]]:
    return [SectionBlock(text=_md(escape(p))).to_dict() for p in paragraphs]


RENDERERS = {"moderation.card": render_card, "moderation.warning": render_warning}
