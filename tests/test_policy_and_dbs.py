"""Policy sign-off (section 2) and DBS checks (section 5.1)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from storage.models import AuditEntry, DbsCheck, PolicySignature
from tests.harness import EXAMPLE_ORG, RunningBot
from tests.report_driver import ANITA, BEN, DAN, MAYA, RACHEL, SAM

MONDAY_10AM = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)


async def _open_policy(bot: RunningBot, user: str) -> dict[str, Any]:
    before = len(bot.fake.calls_to("views.open"))
    await bot.slack.slash_command("/policy", "", user)
    await bot.fake.wait_until(lambda: len(bot.fake.calls_to("views.open")) > before, what="the policy")
    view = bot.fake.view_for(user)
    assert view is not None
    return view


def _agree(on: bool = True) -> dict[str, Any]:
    return {"agree": {"agree_input": {"type": "checkboxes", "selected_options": [{"value": "agree"}] if on else []}}}


async def _signatures(bot: RunningBot) -> list[tuple[str, str]]:
    async with bot.services.db.reading() as session:
        return list((await session.execute(select(PolicySignature.person_key, PolicySignature.version))).all())


async def test_policy_is_shown_in_sections_and_signed_with_its_version(bot: RunningBot) -> None:
    view = await _open_policy(bot, DAN)
    shown = json.dumps(view["blocks"])
    assert "5.4 Passwords" in shown and "5.7 Moderation rules" in shown and "I have read and agree" in shown

    refused = await bot.slack.view_submission(DAN, view, _agree(False))
    signed = await bot.slack.view_submission(DAN, view, _agree())
    again = await bot.slack.view_submission(DAN, view, _agree())

    assert "tick" in refused.json()["errors"]["agree"]
    assert "Thank you. You have signed" in json.dumps(signed.json())
    assert "already signed" in json.dumps(again.json())
    version = json.loads(view["private_metadata"])["version"]
    assert await _signatures(bot) == [(DAN, version)]


async def test_a_changed_policy_asks_everyone_to_sign_the_new_version(bot: RunningBot, tmp_path: Path) -> None:
    view = await _open_policy(bot, DAN)
    await bot.slack.view_submission(DAN, view, _agree())
    await bot.tick()
    assert bot.fake.messages_in(DAN) == []  # the first version is not a change: nobody is pestered

    policy = tmp_path / "policy" / "policy.txt"
    policy.parent.mkdir()
    policy.write_text((EXAMPLE_ORG.parent / "policy" / "tmw-internet-and-social-media-safety-policy.txt").read_text()
                      + "\n5.8 Artificial intelligence\n\nWe never upload participants' work to AI tools without permission.\n")
    org = tmp_path / "org.yml"
    org.write_text(EXAMPLE_ORG.read_text().replace("policy/tmw-internet-and-social-media-safety-policy.txt", "policy/policy.txt"))
    bot.services.org_path = org
    await bot.tick()
    await bot.tick()

    for person in (DAN, ANITA, MAYA):
        assert any("Please read and sign the new version" in m.text for m in bot.fake.messages_in(person))
    new_view = await _open_policy(bot, DAN)
    assert "5.8 Artificial intelligence" in json.dumps(new_view["blocks"])
    stale = await bot.slack.view_submission(DAN, view, _agree())
    assert "changed while you were reading" in stale.json()["errors"]["agree"]


async def test_those_who_have_not_signed_are_reminded_weekly_and_counted_in_the_digest(bot: RunningBot) -> None:
    view = await _open_policy(bot, DAN)
    await bot.slack.view_submission(DAN, view, _agree())
    await bot.tick()

    bot.clock.set(MONDAY_10AM)
    await bot.tick()
    await bot.tick()

    assert any("friendly reminder" in m.text for m in bot.fake.messages_in(BEN))
    assert len([m for m in bot.fake.messages_in(BEN) if "friendly reminder" in m.text]) == 1
    assert not any("friendly reminder" in m.text for m in bot.fake.messages_in(DAN))
    digest = (await bot.slack.slash_command("/tmw", "digest", ANITA)).json()
    assert "People who have not signed the current policy: *10*" in json.dumps(digest["blocks"])


async def test_new_members_are_welcomed_with_the_policy(bot: RunningBot) -> None:
    await bot.slack.event({"type": "team_join", "user": {"id": "U0NEWBIE01", "name": "newbie"}})
    for _ in range(100):  # the event is handled after Slack's acknowledgement
        await bot.tick()
        if bot.fake.messages_in("U0NEWBIE01"):
            break

    welcome = bot.fake.messages_in("U0NEWBIE01")
    assert len(welcome) == 1 and "Welcome!" in welcome[0].text
    assert "policy.open" in json.dumps(welcome[0].blocks)


async def _record_dbs(bot: RunningBot, admin: str, person: str, **values: Any) -> dict[str, Any]:
    before = len(bot.fake.calls_to("views.open"))
    await bot.slack.slash_command("/dbs", f"<@{person}|someone>", admin)
    await bot.fake.wait_until(lambda: len(bot.fake.calls_to("views.open")) > before, what="the DBS modal")
    view = bot.fake.view_for(admin)
    assert view is not None
    state = {
        "person": {"person_input": {"type": "users_select", "selected_user": person}},
        "check_type": {"check_type_input": {"type": "static_select", "selected_option": {"value": values.get("type", "enhanced")}}},
        "certificate_date": {"certificate_date_input": {"type": "datepicker", "selected_date": values.get("issued", "2025-01-15")}},
        "certificate_number": {"certificate_number_input": {"type": "plain_text_input", "value": values.get("number", "001234567890")}},
        "update_service": {"update_service_input": {"type": "checkboxes", "selected_options": []}},
        "next_review": {"next_review_input": {"type": "datepicker", "selected_date": values.get("review")}},
    }
    response = await bot.slack.view_submission(admin, view, state)
    await bot.tick()
    return response.json() or {}


async def test_an_admin_records_a_dbs_check_with_the_number_encrypted(bot: RunningBot) -> None:
    answer = await _record_dbs(bot, RACHEL, SAM, review="2027-01-20")

    assert "Recorded Sam Okafor's enhanced DBS check" in json.dumps(answer)
    async with bot.services.db.reading() as session:
        check = await session.scalar(select(DbsCheck.certificate_number_enc))
    assert check is not None and "001234567890" not in check


async def test_only_admins_can_record_dbs_checks_and_bad_input_is_shown_on_its_field(bot: RunningBot) -> None:
    await bot.slack.slash_command("/dbs", f"<@{SAM}|sam>", DAN)
    await bot.fake.wait_until(lambda: bot.fake.responses, what="the refusal")
    assert "Only admins" in bot.fake.responses[-1].params["text"]

    answer = await _record_dbs(bot, RACHEL, SAM, number="12345", issued="2030-01-01")
    assert set(answer["errors"]) == {"certificate_number", "certificate_date"}
    async with bot.services.db.reading() as session:
        assert await session.scalar(select(func.count()).select_from(DbsCheck)) == 0


async def test_dbs_reviews_are_reminded_60_and_14_days_before(bot: RunningBot) -> None:
    await _record_dbs(bot, RACHEL, SAM, review="2027-03-01")

    bot.clock.set(datetime(2026, 12, 31, 9, 1, tzinfo=UTC))  # 60 days before 1 March
    await bot.tick()
    bot.clock.set(datetime(2027, 2, 15, 9, 1, tzinfo=UTC))  # 14 days before
    await bot.tick()

    own = [m.text for m in bot.fake.messages_in(SAM) if "DBS check" in m.text]
    assert own == [m for m in own if "Your DBS check" in m] and len(own) == 2
    assert "in 60 days" in own[0] and "in 14 days" in own[1]
    assert any("Sam Okafor's DBS check" in m.text for m in bot.fake.messages_in(ANITA))


async def test_once_the_register_is_used_moderators_and_admins_without_a_check_are_flagged(bot: RunningBot) -> None:
    await _record_dbs(bot, RACHEL, SAM, review="2027-06-01")
    await bot.tick()
    await bot.tick()

    warnings = [m.text for m in bot.fake.messages_in(RACHEL) if "needs a current DBS check" in m.text]
    assert any("Anita Holford has the admin role" in w for w in warnings)
    assert not any("Sam Okafor" in w for w in warnings)
    async with bot.services.db.reading() as session:
        recorded = await session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "dbs.missing_for_role"))
    assert recorded == 2  # Anita and Rachel, admins without a check: once each, however many rounds


async def test_a_moderator_without_a_current_check_cannot_moderate_once_the_register_is_used(bot: RunningBot) -> None:
    await _record_dbs(bot, RACHEL, SAM, issued="2020-01-01", review="2023-01-01")  # expired
    bot.fake.record_user_message("C0YLCHAT01", MAYA, "shut up you idiot", "1700000030.000100")
    await bot.slack.event({"type": "message", "channel": "C0YLCHAT01", "user": MAYA, "text": "shut up you idiot",
                           "ts": "1700000030.000100"})
    for _ in range(100):  # the event is handled after Slack's acknowledgement
        await bot.tick()
        if bot.fake.messages_in("C0MODERA01"):
            break
    card = bot.fake.messages_in("C0MODERA01")[-1]
    value = next(e["value"] for b in card.blocks for e in b.get("elements", []) if e.get("action_id") == "moderation.keep")

    await bot.slack.block_action(SAM, "moderation.keep", value, message={"ts": card.ts, "text": card.text, "blocks": card.blocks},
                                 channel_id="C0MODERA01")
    await bot.fake.wait_until(lambda: bot.fake.responses, what="the refusal")

    assert "needs a current DBS check" in bot.fake.responses[-1].params["text"]


async def test_a_dbs_review_three_years_on_is_three_calendar_years_on(bot: RunningBot) -> None:
    answer = await _record_dbs(bot, RACHEL, SAM, issued="2024-01-10")  # 1,095 days on would be 9 January 2027
    assert "Next review: 10 January 2027" in json.dumps(answer)

    leap_day = await _record_dbs(bot, RACHEL, DAN, issued="2024-02-29")
    assert "Next review: 28 February 2027" in json.dumps(leap_day)


async def test_dbs_for_a_name_slack_does_not_know_says_so_instead_of_opening_a_blank_form(bot: RunningBot) -> None:
    # Slack makes `@name` a mention only for someone in the workspace; anything else arrives as typed.
    await bot.slack.slash_command("/dbs", "@Nobody", RACHEL)
    await bot.fake.wait_until(lambda: bot.fake.responses, what="the answer")

    assert "I don't know who “@Nobody” is" in bot.fake.responses[-1].params["text"]
    assert bot.fake.calls_to("views.open") == []
