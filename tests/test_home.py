"""The Home tab shows each person what needs them, and refreshes after each action."""

from __future__ import annotations

import json

from tests.harness import RunningBot
from tests.report_driver import ANITA, BEN, DAN, MAYA, SAM, ReportDriver


async def _home(bot: RunningBot, user: str) -> str:
    before = len(bot.fake.calls_to("views.publish"))
    await bot.slack.event({"type": "app_home_opened", "user": user, "tab": "home", "event_ts": "1.0"})
    await bot.fake.wait_until(lambda: len(bot.fake.calls_to("views.publish")) > before, what="the Home tab")
    return json.dumps(bot.fake.home_views[user]["blocks"])


async def test_a_handler_sees_their_reports_with_buttons_and_can_act_from_home(bot: RunningBot) -> None:
    await ReportDriver(bot).file(BEN, "participant_misuse", activity="audio-base", description="Gambling site on PC 3")

    home = await _home(bot, SAM)
    assert "Reports for you to handle (1)" in home and "Gambling site on PC 3" in home
    button = next(e for b in bot.fake.home_views[SAM]["blocks"] for e in b.get("elements", [])
                  if e.get("action_id") == "report.acknowledge")

    publishes = len(bot.fake.calls_to("views.publish"))
    await bot.slack.block_action(SAM, "report.acknowledge", button["value"], view={"id": "VHOME", "type": "home"})
    await bot.fake.wait_until(lambda: len(bot.fake.calls_to("views.publish")) > publishes, what="the refreshed Home")

    assert "report.acknowledge" not in json.dumps(bot.fake.home_views[SAM]["blocks"])
    assert any("acknowledged" in m.text for m in bot.fake.messages_in(SAM))


async def test_a_reporter_sees_where_their_report_stands(bot: RunningBot) -> None:
    await ReportDriver(bot).file(DAN, "online_safety")

    home = await _home(bot, DAN)

    assert "Reports you made" in home and "Waiting for the safeguarding lead" in home


async def test_a_project_manager_sees_their_activitys_open_reports(bot: RunningBot) -> None:
    await ReportDriver(bot).file(BEN, "computer_fault", activity="audio-base")

    assert "Audio-Base: 1 open report" in await _home(bot, SAM)


async def test_admins_see_the_register_and_the_people_list_and_others_do_not(bot: RunningBot) -> None:
    await bot.tick()  # the register is loaded from the organisation file

    admin = await _home(bot, ANITA)
    freelancer = await _home(bot, DAN)

    assert "Malcolm Price: chair, trustee" in admin and "Shared accounts" in admin and "*Instagram*" in admin
    assert "Malcolm Price" not in freelancer and "Shared accounts" not in freelancer


async def test_someone_not_in_the_organisation_sees_only_who_can_add_them(bot: RunningBot) -> None:
    home = await _home(bot, "U0STRANGE1")
    assert "don't have you in our list" in home and "Reports" not in home


async def test_home_asks_for_the_policy_signature_until_it_is_given(bot: RunningBot) -> None:
    assert "Please read and sign our safety policy" in await _home(bot, DAN)

    before = len(bot.fake.calls_to("views.open"))
    await bot.slack.slash_command("/policy", "", DAN)
    await bot.fake.wait_until(lambda: len(bot.fake.calls_to("views.open")) > before, what="the policy")
    view = bot.fake.view_for(DAN)
    assert view is not None
    await bot.slack.view_submission(DAN, view, {"agree": {"agree_input": {"type": "checkboxes", "selected_options": [{"value": "agree"}]}}})

    home = await _home(bot, DAN)
    assert "You have signed the current policy" in home and "Please read and sign" not in home


async def test_an_account_owner_sees_the_passwords_they_must_change(bot: RunningBot) -> None:
    from tests.report_driver import DEPUTY

    await bot.slack.slash_command("/accounts", "exposed Instagram", MAYA)  # she uses it, so it starts at once
    for _ in range(100):  # the flag is handled after Slack's acknowledgement
        await bot.tick()
        if bot.fake.messages_in(DEPUTY):
            break

    home = await _home(bot, DEPUTY)
    assert "Passwords to change" in home and "Instagram" in home and "change it now" in home
