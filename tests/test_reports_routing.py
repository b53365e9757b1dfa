"""Each kind of report reaches the people policy section 5.1 (and 2, 3, 5.4, 5.6) names, and nobody else."""

from __future__ import annotations

import json

import pytest

from bot.reports.routing import NoOneToRouteTo, ReportFacts, first_tier, route_report
from bot.snapshot import org_snapshot
from tests.harness import RunningBot
from tests.report_driver import (
    ANITA,
    BEN,
    CHAIR,
    DAN,
    DEPUTY,
    EVERYONE,
    GRACE,
    LUCY,
    MAYA,
    RACHEL,
    SAFE,
    SAM,
    ReportDriver,
)


async def _who_got_the_report(bot: RunningBot) -> dict[str, str]:
    """Each person's received text, for the people who received anything."""
    driver = ReportDriver(bot)
    return {user: driver.texts(user) for user in EVERYONE if driver.messages(user)}


@pytest.mark.parametrize(
    ("reporter", "kind", "fields", "handlers", "also_see"),
    [
        pytest.param(BEN, "participant_misuse", {"activity": "audio-base"}, {SAM}, {DAN},
                     id="participant_misuse_goes_to_the_activity_project_manager_and_its_leaders_see_it"),
        pytest.param(BEN, "team_member_misuse", {"team_member": DAN}, {ANITA, CHAIR}, set(),
                     id="team_member_misuse_goes_to_ceo_and_chair"),
        pytest.param(BEN, "team_member_misuse", {"team_member": ANITA}, {CHAIR}, set(),
                     id="misuse_by_the_ceo_goes_to_the_chair_alone"),
        pytest.param(DAN, "worrying_contact", {}, {SAM}, set(),
                     id="worrying_contact_goes_to_the_reporters_project_manager"),
        pytest.param(SAM, "worrying_contact", {}, {ANITA}, set(),
                     id="a_project_manager_reporting_worrying_contact_goes_to_the_next_in_chain"),
        pytest.param(DAN, "data_breach", {}, {ANITA}, set(), id="data_breach_goes_to_the_ceo"),
        pytest.param(LUCY, "computer_fault", {"activity": "beat-it"}, {GRACE}, set(),
                     id="computer_fault_goes_to_the_activity_project_manager"),
        pytest.param(DAN, "unpermitted_publication", {"activity": "beat-it"}, {GRACE}, set(),
                     id="unpermitted_photos_go_to_the_project_manager"),
        pytest.param(SAM, "young_leader_misuse", {"team_member": MAYA}, {DEPUTY}, set(),
                     id="young_leader_misuse_goes_to_their_project_manager"),
    ],
)
async def test_report_reaches_the_right_people(
    bot: RunningBot, reporter: str, kind: str, fields: dict[str, str], handlers: set[str], also_see: set[str]
) -> None:
    driver = ReportDriver(bot)

    submitted = await driver.file(reporter, kind, description="A test of where this goes.", **fields)

    assert submitted.errors == {}
    received = await _who_got_the_report(bot)
    for handler in handlers:
        message = driver.report_message(handler)
        assert driver.button(message, "report.acknowledge") is not None
        assert "A test of where this goes." in received[handler]
    for watcher in also_see:
        assert "A test of where this goes." in received[watcher]
        assert "report.acknowledge" not in received[watcher]
    assert set(received) == handlers | also_see | {reporter}
    subject = fields.get("team_member")
    assert subject is None or subject not in received


async def test_online_safety_concern_goes_to_the_safeguarding_lead_and_the_ceo_only_learns_it_exists(bot: RunningBot) -> None:
    driver = ReportDriver(bot)

    await driver.file(DAN, "online_safety", description="Jess said a stranger asked for her photo on Instagram.",
                      participant="Jess, Audio-Base")

    received = await _who_got_the_report(bot)
    assert set(received) == {SAFE, ANITA, DAN}
    assert "Jess said a stranger" in received[SAFE]
    assert driver.button(driver.report_message(SAFE), "report.acknowledge") is not None
    ceo = received[ANITA]
    assert "a report (TMW-2026-0001" in ceo and "safeguarding lead" in ceo
    assert "Jess" not in ceo and "stranger" not in ceo and "Dan" not in ceo
    assert "report.acknowledge" not in ceo


async def test_the_reporter_is_told_which_role_has_it_and_its_reference(bot: RunningBot) -> None:
    driver = ReportDriver(bot)

    first = await driver.file(DAN, "online_safety", when="yesterday 4pm")
    second = await driver.file(DAN, "computer_fault", activity="audio-base")

    assert "TMW-2026-0001" in first.confirmation and "the safeguarding lead" in first.confirmation
    assert "Monday 23 November 2026, 4:00pm" in first.confirmation
    assert "TMW-2026-0002" in second.confirmation and "the activity's project manager" in second.confirmation
    assert "Your report TMW-2026-0001" in driver.texts(DAN)


async def test_a_reporter_can_keep_their_name_to_the_handler(bot: RunningBot) -> None:
    driver = ReportDriver(bot)

    await driver.file(BEN, "participant_misuse", activity="audio-base", private=True)

    assert "Ben Carter" in driver.texts(SAM)
    assert "Ben Carter" not in driver.texts(DAN)
    assert "a team member" in driver.texts(DAN)


async def test_user_text_is_shown_as_typed_and_pings_nobody(bot: RunningBot) -> None:
    driver = ReportDriver(bot)

    await driver.file(DAN, "computer_fault", activity="audio-base",
                      description="<!channel> the PC shows <https://evil.example|your bank> <@U0ANITA001>")

    blocks = json.dumps(driver.report_message(SAM).blocks)
    assert "<!channel>" not in blocks and "<https://evil.example" not in blocks and "<@U0ANITA001>" not in blocks
    assert "&lt;!channel&gt;" in blocks


async def test_a_data_breach_shows_the_ico_deadline_72_hours_from_filing(bot: RunningBot) -> None:
    driver = ReportDriver(bot)

    await driver.file(DAN, "data_breach", description="A register was emailed to the wrong parent.")

    # Filed Tuesday 24 November 2026, 10:00 GMT.
    assert "Friday 27 November 2026, 10:00am" in driver.texts(ANITA)


async def test_young_leader_misuse_offers_revoke_access(bot: RunningBot) -> None:
    driver = ReportDriver(bot)

    await driver.file(SAM, "young_leader_misuse", team_member=MAYA)

    assert driver.button(driver.report_message(DEPUTY), "report.revoke_access") is not None


async def test_photos_published_without_permission_are_marked_take_down(bot: RunningBot) -> None:
    driver = ReportDriver(bot)

    await driver.file(DAN, "unpermitted_publication", activity="beat-it")

    message = driver.report_message(GRACE)
    assert "Take down" in json.dumps(message.blocks)
    assert driver.button(message, "report.take_down") is not None


async def test_password_exposure_goes_to_the_admins_and_the_accounts_owner_must_change_it_now(bot: RunningBot) -> None:
    driver = ReportDriver(bot)

    # Maya uses Instagram, so her report starts its change at once (someone outside it waits for an admin).
    await driver.file(MAYA, "password_exposure", account="Instagram", description="I think Jo saw me type it in.")

    received = await _who_got_the_report(bot)
    for admin in (ANITA, RACHEL):
        assert driver.button(driver.report_message(admin), "report.acknowledge") is not None
    # Tom owns Instagram: the credentials workflow asks him to change it at once, without the report's words.
    assert "Instagram" in received[DEPUTY] and "Jo saw me" not in received[DEPUTY]
    assert set(received) == {ANITA, RACHEL, DEPUTY, MAYA}


async def test_the_reporter_is_told_the_first_people_in_the_full_route(sqlite_bot: RunningBot) -> None:
    # The confirmation works out only the first tier; it must always agree with the full route
    # that routing follows, including when the reporter or the person reported is left out.
    snapshot = await org_snapshot(sqlite_bot.services)
    compared = 0
    for rule in snapshot.rules.values():
        for reporter in EVERYONE:
            for subject in (None, *EVERYONE):
                for activity in (None, "audio-base", "beat-it"):
                    facts = ReportFacts(reporter=reporter, activity=activity, team_member=subject)
                    try:
                        route = route_report(rule, snapshot.directory, facts)
                    except NoOneToRouteTo:
                        with pytest.raises(NoOneToRouteTo):
                            first_tier(rule, snapshot.directory, facts)
                        continue
                    assert first_tier(rule, snapshot.directory, facts) == route.tiers[0]
                    compared += 1
    assert compared > 1000
