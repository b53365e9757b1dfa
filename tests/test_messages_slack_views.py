"""Every message the moved workflows describe as data still becomes Block Kit that slack_sdk's models accept
(the renderer writes plain JSON, so nothing else checks it before Slack does)."""

from __future__ import annotations

import json
from typing import Any

from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

from bot.checks import CheckContext, Checker
from bot.digest.messages import note_params
from bot.directory import Member
from bot.home import HomeData
from bot.messages import Bold, Code, Icon
from bot.moderation_queue.workflow import group_agreement
from bot.org import Role
from bot.slack.delivery import Rendered
from handlers.slack import digest, home
from handlers.slack.checks import blocks as checks
from handlers.slack.moderation import blocks as moderation


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


def test_check_results_warnings_and_notices_are_valid_block_kit() -> None:
    checker = Checker(CheckContext(org_email_domains=["themusicworks.org.uk"]))
    for text in ("Nothing personal here", "Call Amy Smith on 07700 900123 ```or``` <!here>",
                 "password: hunter2xyz! " + "x" * 3000, "07700 900123"):
        result = checker.check(text)
        _valid(checks.render_check_result(result))
        _valid(checks.render_guarded_warning(result, "C0GUARD"))
        for state in ("open", "removed", "fine", "fixed", "already_removed"):
            params = {"notice_id": 5, "channel": "C0GUARD", "ts": "1.2", "user": "U0DAN", "state": state,
                      "kinds": sorted({str(f.kind) for f in result.findings}), "redacted": result.redacted,
                      "decided_by": "U0MOD", "error": "cant_delete_message"}
            _valid(checks.render_guarded_notice(params))


def test_the_weekly_digest_is_valid_block_kit_and_a_long_section_is_split_not_cut() -> None:
    handled = ["Reports filed this week, beside those filed in the previous four weeks."]
    handled += [f"    Kind {n}: 3 filed (previous four weeks: 5), time to acknowledge: median 2 hours" + "." * 60
                for n in range(40)]
    params = {"organisation": "Talk & Make", "from": "Monday 23 November", "to": "Monday 30 November 2026", "late": True,
              "sections": [
                  {"key": "clocks", "title": "Deadlines", "has_detail": False,
                   "figures": [{"label": "Open deadlines", "now": 4, "change": " (−1 on last week)"}],
                   "notes": [note_params(("the LADO: 1 open, ", Icon.WARNING, " 1 overdue")),
                             note_params((Icon.DEADLINE, " 72 hours left to tell the ICO"))]},
                  {"key": "response", "title": "How reports were handled", "has_detail": False, "figures": [],
                   "notes": [note_params(line) for line in handled]},
                  # As a digest queued by the release before this one has it.
                  {"key": "reports", "title": "Reports", "has_detail": True, "figures": [],
                   "notes": [":warning: 1 not acknowledged by their deadline"]},
              ]}
    blocks = _valid(digest.render_weekly(params))
    text = json.dumps(blocks, ensure_ascii=False)

    assert "the LADO: 1 open, :warning: 1 overdue" in text and ":hourglass: 72 hours left" in text
    assert "   :warning: 1 not acknowledged by their deadline" in text
    shown = "\n".join(b["text"]["text"] for b in blocks if b["type"] == "section")
    assert all(f"   {line}\n" in shown for line in handled)
    assert len([b for b in blocks if "How reports were handled" in b.get("text", {}).get("text", "")]) == 1
    assert len(blocks) > 6  # the long section took several


def test_the_home_tab_is_a_valid_view_with_what_people_named_shown_as_typed() -> None:
    admin = Member("U0ADMIN", "Ann", frozenset({Role.ADMIN, Role.MODERATOR}))
    passwords = [["• ", Bold("Insta <!here> & co"), ": change it now"], ("Use ", Code("/rotated NAME"), ".")]
    for signed in (None, True, False):
        for sections in (1, 60):
            data = HomeData(member=admin, organisation="TMW", moderation_waiting=2, policy_signed=signed,
                            policy_version="v3", activity_open={"Audio & Base": 2}, people=[("Ann", "admin")],
                            extra={f"Passwords to change {n}": passwords for n in range(sections)})
            blocks = home.home_blocks(data, [])
            View(type="home", blocks=blocks).validate_json()
            assert len(blocks) <= home.MAX_BLOCKS
    text = json.dumps(blocks)
    assert "*Insta &lt;!here&gt; &amp; co*" in text and "<!here>" not in text
    assert "There is more than fits here" in json.dumps(blocks[-1])
    assert home.home_blocks(HomeData(member=None, organisation="TMW"), [{"type": "divider"}]) == [{"type": "divider"}]
