"""In Teams there are no slash commands: people type `report`, `accounts add`, `help` in their chat with
the bot. The core names a command once, as Slack's slash command (in a code span, or between backticks
in a sentence), and each platform shows it as its people type it: every message Teams can be sent says
no "/report" (nor "/accounts", "/away"...), while Slack's still say them with the slash."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from bot.commands import CATALOGUE, as_typed_in_chat, slash_commands
from bot.errors import DomainError
from bot.teams.cards import AdaptiveCards
from bot.teams.files import FileOffer
from bot.teams.server import SAID
from handlers.slack.features import all_renderers as slack_renderers
from handlers.teams import all_teams_renderers
from handlers.teams.forms import say_in_dialog

SLASHED = re.compile(r"(?<![\w/:.])/(" + "|".join(sorted(c.removeprefix("/") for c in slash_commands())) + r")\b")

REPORT = {"reference": "TMW-2026-0042", "kind_label": "Online bullying", "status": "open", "report_id": 42,
          "status_line": "Waiting for acknowledgement.", "description": "Something happened in the group chat.",
          "filed": "Tuesday 24 November", "with_role": "the safeguarding lead", "can_act": True, "tier": 0,
          "when": "Monday 23 November"}
ROW = {"id": 1, "name": "Instagram", "owner": "Tom Ellis", "access": ["Maya"], "interval": "every 3 months",
       "last_changed": "2 November", "next_due": "2 February", "status": "ok", "status_words": "up to date",
       "warnings": [], "from_file": True}

# Sample params for every template Teams renders: each shows what it says with commands in it (an empty
# register or list says how to add to it). A template added without a sample fails here: add one.
SAMPLES: dict[str, list[dict[str, Any]]] = {
    "access_review.ask": [{"name": "Maya", "accounts": [{"name": "Instagram"}], "person": "U0YOUNGL01",
                           "person_key": "U0YOUNGL01", "due": "2026-12-01"}],
    "accounts.closed": [{"state": "done", "name": "Canva", "note": "Changed on Monday."}],
    "accounts.escalated": [{"name": "Canva", "days": 10, "due": "14 November", "owner": "Ben Carter"}],
    "accounts.exposed": [{"by": "Anita Holford", "name": "Canva", "owner": "Ben Carter"}],
    "accounts.nudge": [{"name": "Canva", "due": "today", "stage": stage, "account_id": 1, "cycle": 0}
                       for stage in ("soon", "due", "overdue", "exposed")],
    "core.invite_bot": [{"channel": "C0DIGEST01", "purpose": "digest"}],
    "core.org_file_broken": [{"errors": [{"line": 3, "field": "people[0].roles", "message": "is required"}]}],
    "core.org_file_mended": [{}],
    "dbs.missing": [{"name": "Sam Okafor", "role": "moderator"}],
    "dbs.reminder": [{"name": "Sam Okafor", "days": 30, "review": "24 December"}],
    "digest.weekly": [{"organisation": "The Music Works", "from": "17 November", "to": "23 November", "late": False,
                       "sections": [{"key": "everyone_away", "title": "Absences", "has_detail": False,
                                     "figures": [{"label": "Reports sent on", "now": 1, "change": ""}],
                                     "notes": [[{"icon": "WARNING"}, " people going away can name who covers for them (",
                                                {"code": "/away … cover @person"}, ")"]]}]}],
    "leaver.cancelled": [{"name": "Dan Hughes", "cancelled_by": "Sam Okafor"}],
    "leaver.checklist": [{"state": "open", "name": "Dan Hughes", "leaving_on": "30 November", "requested_by": "Sam",
                          "checklist_id": 1, "leaver_id": 1, "tasks": [{"id": 1, "state": "open", "label": "Change the Canva password",
                                                        "assignee": "Ben Carter", "manual": False, "done": ""}]}],
    "leaver.complete": [{"name": "Dan Hughes", "leaving_on": "30 November", "tasks": 3}],
    "leaver.notice": [{"name": "Dan Hughes", "requested_by": "Sam Okafor", "leaving_on": "30 November", "accounts": 2}],
    "leaver.reminder": [{"name": "Dan Hughes", "open": 2}, {"name": "Dan Hughes", "open": 1, "yours": ["Canva"]}],
    "leaver.revoke_young_leader": [{"name": "Maya", "accounts": "Instagram"}],
    "policy.please_sign": [{"title": "Internet safety policy", "version": "2026-09"}],
    "report.add_reporter": [{}],
    "report.answered": [{"reference": "TMW-2026-0042"}],
    "report.clock_overdue": [{**REPORT, "to_do": "tell the LADO", "deadline": "25 November"}],
    "report.clock_reminder": [{**REPORT, "to_do": "tell the LADO", "deadline": "25 November", "hours_left": 5}],
    "report.handler": [REPORT, {**REPORT, "status": "resolved"}],
    "report.ico_reminder": [{**REPORT, "hours_left": 10, "deadline": "27 November"}],
    "report.question": [{**REPORT, "note_id": 7, "question": "When was this?", "asked_by": "the safeguarding lead"}],
    "report.reminder": [REPORT],
    "report.reporter": [REPORT],
    "report.revoke_access": [{"young_leader": "Maya", "reference": "TMW-2026-0042"}],
    "report.still_handled": [REPORT],
    "report.told": [REPORT],
    "report.watcher": [REPORT],
    "teams.accounts_list": [{"rows": []}, {"rows": [ROW]}],
    "teams.accounts_offer": [{"account_id": None, "name": "Canva"}, {"account_id": 1, "name": "Canva"}],
    "teams.accounts_usage": [{}],
    "teams.check_usage": [{}],
    "teams.dbs_offer": [{}],
    "teams.help": [{"greeting": "Hello Ben!", "ask": [],
                    "commands": [(c.chat_text, as_typed_in_chat(c.summary)) for c in CATALOGUE]}],
    "teams.install_app": [{"person": "U0VOLUNT01", "name": "Ben Carter"}],
    "teams.leaver_offer": [{}],
    "teams.policy_offer": [{"title": "Internet safety policy", "version": "2026-09", "signed": False,
                            "already_signed": False}],
    "teams.report_list": [{"rows": []}],
    "teams.report_offer": [{}],
    SAID: [{"text": "Please give the dates too, for example `/away until Friday cover @person`. `/away off` ends it."}],
    "teams.unknown_command": [{"said": "dance"}],
    "away.back": [{"until": "Friday 27 November", "reports": []},
                  {"until": "Friday 27 November", "reports": [REPORT]}],
    "away.set_for_you": [{"by": "Anita Holford", "what": "recorded you as away until Friday 27 November."}],
    "teams.away_said": [{"text": "You are recorded as away until Friday. `away off` ends it."}],
    "moderation.card": [{"case_id": 3, "channel": "19:abc@thread.tacv2", "ts": "1712345678.901", "user": "U0VOLUNT01",
                         "findings": [{"rule": "abuse", "reason": "an insult", "words": "idiot"}],
                         "text": "you are an idiot", "state": "open", "decided_by": None, "error": None,
                         "earlier_this_month": 0, "can_delete": False, "post_on": "teams",
                         "message_link": {"channel": "19:abc@thread.tacv2", "ts": "1712345678.901"}}],
    "moderation.warning": [{"channel": "19:abc@thread.tacv2", "rules": ["abuse"]}],
    "moderation.agreement": [{"paragraphs": ["Be kind.", "If something worries you, `/report` it."]}],
    "checks.guarded_notice": [{"notice_id": 4, "channel": "19:abc@thread.tacv2", "ts": "1712345678.901",
                               "user": "U0VOLUNT01", "kinds": ["phone"], "redacted": "call me on [phone number removed]",
                               "state": state, "decided_by": None, "error": None, "post_on": "teams"}
                              for state in ("open", "removed")],
    "report.case_file": [{"reference": "TMW-2026-0042", "filename": "TMW-2026-0042.pdf", "pdf_b64": "JVBERi0="}],
    "teams.file_said": [{"text": "You declined TMW-2026-0042.pdf, so nothing was saved."}],
}


def _teams(template: str, params: dict[str, Any]) -> str:
    drawn = all_teams_renderers()[template](params)
    if isinstance(drawn, FileOffer):  # a file: its consent card says what it is
        return drawn.description
    rendered = AdaptiveCards().message(drawn)
    return rendered.text + "\n" + json.dumps(rendered.card, ensure_ascii=False)


def test_every_template_teams_can_be_sent_has_samples_here() -> None:
    assert sorted(all_teams_renderers()) == sorted(SAMPLES)


@pytest.mark.parametrize("template", sorted(SAMPLES))
def test_no_message_in_teams_names_a_slash_command(template: str) -> None:
    for params in SAMPLES[template]:
        shown = _teams(template, params)
        assert not SLASHED.search(shown), f"{template} says {SLASHED.search(shown).group(0)!r} in Teams"  # type: ignore[union-attr]


def test_commands_read_as_typed_in_teams() -> None:
    assert "rotated Canva" in _teams("accounts.escalated", SAMPLES["accounts.escalated"][0])
    assert "type “report”" in _teams("teams.report_list", {"rows": []})
    assert "away … cover @person" in _teams("digest.weekly", SAMPLES["digest.weekly"][0])
    usage = _teams("teams.accounts_usage", {})
    assert "accounts add" in usage and "accounts exposed NAME" in usage
    assert "An admin can add one with “accounts add”" in _teams("teams.accounts_list", {"rows": []})


@pytest.mark.parametrize("template", sorted(set(SAMPLES) & set(slack_renderers())))
def test_slack_still_shows_its_slash_commands(template: str) -> None:
    """Slack's rendering of the same messages is untouched: what names a command names it with its slash."""
    teams = [_teams(template, params) for params in SAMPLES[template]]
    slack = [json.dumps(slack_renderers()[template](params).blocks, ensure_ascii=False) for params in SAMPLES[template]]
    for in_teams, in_slack in zip(teams, slack, strict=True):
        for command in ("rotated Canva", "away … cover", "report list", "accounts add"):
            if f"`{command}" in in_teams.replace("\\", ""):
                assert f"/{command}" in in_slack, f"{template}: Slack lost the slash of /{command}"


def test_the_bots_own_sentences_read_as_typed_in_teams_wherever_they_are_said() -> None:
    refusal = DomainError("Please open it again with `/policy` and read the new version.").user_message
    assert say_in_dialog(refusal)["task"]["value"] == "Please open it again with `policy` and read the new version."
    assert as_typed_in_chat("`/tmw help` or `/report list`, never https://example.org/report on 24/11") == \
        "`help` or `report list`, never https://example.org/report on 24/11"
