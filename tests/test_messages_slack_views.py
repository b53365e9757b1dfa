"""Every message the moved workflows describe as data still becomes Block Kit that slack_sdk's models accept
(the renderer writes plain JSON, so nothing else checks it before Slack does)."""

from __future__ import annotations

from typing import Any

from slack_sdk.models.blocks import Block

from bot.moderation_queue.workflow import group_agreement
from bot.slack.delivery import Rendered
from handlers.moderation import blocks as moderation


def _valid(rendered: Rendered) -> list[dict[str, Any]]:
    assert rendered.text
    for block in rendered.blocks or []:
        parsed = Block.parse(block)
        assert parsed is not None
        parsed.validate_json()
    return rendered.blocks or []


def test_moderation_cards_in_every_state_are_valid_block_kit() -> None:
    findings = [{"rule": "abuse", "reason": "calls someone <scum> & worse"}, {"rule": "repetition", "reason": "again"}]
    for state in ("open", "deleted", "kept", "warned", "already_removed"):
        for error, permalink in (("", "https://tmw.example/archives/C0YL/p1"), ("cant_delete_message", None)):
            params = {"case_id": 7, "channel": "C0YL", "ts": "1.2", "user": "U0MAYA", "findings": findings,
                      "text": "hi <!channel>\n" + "x" * 3000, "state": state, "decided_by": "U0MOD", "error": error,
                      "earlier_this_month": 2, "can_delete": False, "message_permalink": permalink}
            blocks = _valid(moderation.render_card(params))
            assert (blocks[-1]["type"] == "actions") == (state == "open")
    _valid(moderation.render_warning({"channel": "C0YL", "rules": ["abuse", "off_topic"]}))
    _valid(moderation.render_agreement(group_agreement("Talk & Make Works", "young-leaders", "chat")))
