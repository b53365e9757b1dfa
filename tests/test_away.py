"""Someone away (`/away`, or a known absence in the organisation file): reports go straight to the next
person on their chain, with the reason in the chronology; the person hears once, on their return, what
arrived meanwhile; a chain with everyone away reaches the CEO and the Chair at once; only the person,
their project manager, the CEO or an admin may set it. All through signed HTTP, on a ManualClock."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from bot.addresses import ToPerson, encode
from bot.clock import ManualClock
from bot.standin import FakeSlack
from storage.models import Absence, OutboxMessage, Report
from storage.outbox import hold_message
from tests.accounts_support import command, mention
from tests.cli_support import run_tmw_bot, sqlite_env
from tests.harness import EXAMPLE_ORG, START, RunningBot, make_settings, start_bot
from tests.report_driver import (
    ANITA,
    BEN,
    CHAIR,
    DAN,
    DEPUTY,
    GRACE,
    LUCY,
    MAYA,
    RACHEL,
    SAFE,
    SAM,
    ReportDriver,
    audit_count,
)
from tests.test_reports_statutory_clocks import WEDNESDAY_10AM, an_allegation, clock_messages

# START is Tuesday 24 November 2026, 10:00 in London: "until Friday" ends as Saturday 28 November begins.
SATURDAY = datetime(2026, 11, 28, 0, 0, tzinfo=UTC)


async def away(bot: RunningBot, user: str, text: str) -> str:
    return await command(bot, "/away", text, user)


async def _history(bot: RunningBot, user: str, reference: str) -> str:
    response = await bot.slack.slash_command("/report", f"show {reference}", user)
    assert response.status == 200
    return json.dumps(response.json())


async def _home(bot: RunningBot, user: str) -> str:
    before = len(bot.fake.calls_to("views.publish"))
    await bot.slack.event({"type": "app_home_opened", "user": user, "tab": "home", "event_ts": "1.0"})
    await bot.fake.wait_until(lambda: len(bot.fake.calls_to("views.publish")) > before, what="the Home tab")
    return json.dumps(bot.fake.home_views[user]["blocks"])


async def _absences(bot: RunningBot) -> int:
    async with bot.services.db.unit_of_work() as session:
        return await session.scalar(select(func.count()).select_from(Absence)) or 0


def _welcomes(bot: RunningBot, user: str) -> list[str]:
    return [m.text for m in bot.fake.messages_in(user) if "Welcome back" in m.text]


async def test_the_safeguarding_lead_away_a_report_goes_straight_to_the_deputy_and_she_sees_it_when_back(bot: RunningBot) -> None:
    reply = await away(bot, SAFE, "until Friday")
    assert "away until Friday 27 November 2026" in reply and "next person on their chain" in reply

    driver = ReportDriver(bot)
    filed = await driver.file(DAN, "online_safety", description="A participant is being messaged by a stranger.")
    assert "deputy safeguarding lead" in filed.confirmation
    # Straight to the deputy, with no hour's wait for the lead: she is sent nothing while away.
    assert "A participant is being messaged" in driver.texts(DEPUTY)
    assert driver.report_message(DEPUTY)
    assert not driver.messages(SAFE)
    report = await _report(bot)
    assert report.tier == 0
    history = await _history(bot, DEPUTY, report.reference)
    assert "Skipped" in history and "Priya Shah: away until Fri 27 Nov" in history

    assert "You are away" in await _home(bot, SAFE)
    # Tom acknowledges it; on Saturday Priya is back, and told once what arrived and how it was handled.
    await driver.press(DEPUTY, "report.acknowledge", driver.report_message(DEPUTY), answered=True)
    bot.clock.set(SATURDAY + timedelta(hours=9))
    await bot.tick()
    await bot.tick()
    welcomes = _welcomes(bot, SAFE)
    assert len(welcomes) == 1, welcomes
    assert report.reference in welcomes[0] and "Acknowledged by Tom Ellis" in welcomes[0]
    home = await _home(bot, SAFE)
    assert "Arrived while you were away" in home and report.reference in home
    # What she sees is what arrived and how it stands, not the report's words.
    assert "messaged by a stranger" not in home + welcomes[0]


async def test_a_named_stand_in_takes_the_report_in_the_absent_persons_place(bot: RunningBot) -> None:
    reply = await away(bot, GRACE, f"until Friday cover {mention(SAM)}")
    assert "go to Sam Okafor" in reply
    driver = ReportDriver(bot)
    await driver.file(LUCY, "computer_fault", activity="beat-it", description="The studio laptop will not start.")
    assert driver.report_message(SAM)
    assert "the person covering for the activity&#39;s project manager" in driver.texts(SAM) or \
        "the person covering for the activity's project manager" in driver.texts(SAM)
    assert not driver.messages(GRACE) and not driver.messages(RACHEL)


async def test_an_urgent_report_with_everyone_on_its_chain_away_reaches_the_ceo_and_the_chair_at_once(bot: RunningBot) -> None:
    for person in (SAFE, DEPUTY, ANITA, CHAIR):
        await away(bot, person, "until Friday")
    driver = ReportDriver(bot)
    await driver.file(DAN, "online_safety", description="A participant may be at risk tonight.")
    report = await _report(bot)
    assert report.tier == 0
    for person in (ANITA, CHAIR):
        assert driver.report_message(person), person
    assert not driver.messages(SAFE) and not driver.messages(DEPUTY)
    history = await _history(bot, ANITA, report.reference)
    assert "Everyone on its chain was away" in history
    assert await audit_count(bot, "report.everyone_away") == 1
    digest = json.dumps((await bot.slack.slash_command("/tmw", "digest", ANITA)).json())
    assert "everyone on their chain was away" in digest
    assert "Priya" not in digest


async def test_only_the_person_their_project_manager_the_ceo_or_an_admin_may_set_an_absence(bot: RunningBot) -> None:
    refused = await away(bot, DAN, f"{mention(SAFE)} until Friday")
    assert "Only Priya Shah, their project manager, the CEO or an admin" in refused and "nothing has been changed" in refused
    assert await audit_count(bot, "absence.refused") == 1
    # Grace manages Beat It, not Audio-Base: Dan is not hers.
    assert "nothing has been changed" in await away(bot, GRACE, f"{mention(DAN)} until Friday")
    assert await _absences(bot) == 0

    set_by_manager = await away(bot, SAM, f"{mention(DAN)} until Friday")
    assert "Dan Hughes is recorded as away until Friday 27 November 2026" in set_by_manager
    assert "Sam Okafor recorded you as away" in "\n".join(m.text for m in bot.fake.messages_in(DAN))
    assert "Priya Shah is recorded as away" in await away(bot, RACHEL, f"{mention(SAFE)} 1 Dec - 3 Dec")
    assert await audit_count(bot, "absence.set") == 2
    assert "Dan Hughes is no longer shown as away" in await away(bot, SAM, f"{mention(DAN)} off")
    assert "nothing has been changed" in await away(bot, LUCY, f"{mention(DAN)} off")
    assert await audit_count(bot, "absence.refused") == 3


async def test_bad_dates_get_a_clear_message_and_nothing_is_saved(bot: RunningBot) -> None:
    assert "has passed" in await away(bot, SAFE, "until 20/11/2026")
    assert "before it starts" in await away(bot, SAFE, "2 Jan - 24 Dec")
    assert "couldn't understand" in await away(bot, SAFE, "until the cows come home")
    assert "more than a year away" in await away(bot, SAFE, "until 1/1/2030")
    assert await _absences(bot) == 0
    assert await audit_count(bot, "absence.set") == 0


async def test_away_alone_says_where_you_stand_and_off_ends_it(bot: RunningBot) -> None:
    assert "not recorded as away" in await away(bot, SAFE, "")
    await away(bot, SAFE, "until Friday")
    assert "You are recorded as away until Friday 27 November 2026" in await away(bot, SAFE, "")
    bot.clock.set(START + timedelta(days=1))
    assert "no longer shown as away" in await away(bot, SAFE, "off")
    driver = ReportDriver(bot)
    await driver.file(DAN, "online_safety", description="A worry about a participant.")
    assert driver.report_message(SAFE)
    assert not driver.messages(DEPUTY)
    await bot.tick()
    assert len(_welcomes(bot, SAFE)) == 1  # back early: told (once) that nothing arrived
    assert await audit_count(bot, "absence.ended") == 1


async def test_an_absence_still_to_come_changes_nothing_until_it_starts(bot: RunningBot) -> None:
    await away(bot, SAFE, "1 Dec - 3 Dec")
    driver = ReportDriver(bot)
    await driver.file(DAN, "online_safety", description="First worry.")
    assert driver.report_message(SAFE)
    bot.clock.set(datetime(2026, 12, 1, 9, 0, tzinfo=UTC))
    await driver.file(BEN, "online_safety", description="Second worry.")
    assert "Second worry" not in driver.texts(SAFE) and "Second worry" in driver.texts(DEPUTY)


async def _report(bot: RunningBot) -> Report:
    async with bot.services.db.unit_of_work() as session:
        report = await session.scalar(select(Report).order_by(Report.id.desc()))
        assert report is not None
        return report


async def _queued(bot: RunningBot, template: str) -> int:
    async with bot.services.db.unit_of_work() as session:
        return await session.scalar(select(func.count()).select_from(OutboxMessage).where(OutboxMessage.template == template)) or 0


async def test_password_nudges_to_someone_away_wait_until_they_are_back(bot: RunningBot) -> None:
    from tests.accounts_support import add_account, audits, nudges

    await away(bot, GRACE, "until Friday")
    # Canva is due on Monday 30 November: its heads-up would go to Grace now, but she is away.
    await add_account(bot, "Canva", GRACE, "1/9/2026")
    await bot.tick()
    assert not nudges(bot, GRACE, "Canva")
    assert await audits(bot, "account.nudge_deferred") >= 1
    bot.clock.set(datetime(2026, 11, 28, 10, 0, tzinfo=UTC))  # back on Saturday, within working hours
    await bot.tick()
    await bot.tick()
    back = nudges(bot, GRACE, "Canva")
    assert len(back) == 1 and "due to be changed on Monday 30 November 2026" in back[0].text


async def test_back_early_the_nudge_that_waited_goes_out_then(bot: RunningBot) -> None:
    from tests.accounts_support import add_account, nudges

    await away(bot, GRACE, "until Friday")
    await add_account(bot, "Canva", GRACE, "1/9/2026")
    await bot.tick()
    assert not nudges(bot, GRACE, "Canva")
    bot.clock.set(datetime(2026, 11, 25, 10, 0, tzinfo=UTC))
    await away(bot, GRACE, "off")
    await bot.tick()
    assert len(nudges(bot, GRACE, "Canva")) == 1


async def test_an_exposure_while_its_owner_is_away_goes_to_the_admins_instead(bot: RunningBot) -> None:
    from tests.accounts_support import add_account, nudges

    await add_account(bot, "Canva", GRACE, "1/11/2026")
    await away(bot, GRACE, "until Friday")
    reply = await command(bot, "/accounts", "exposed Canva", RACHEL)
    assert "Canva" in reply
    await bot.tick()
    assert not [m for m in nudges(bot, GRACE, "Canva") if "Urgent" in m.text]
    for admin in (ANITA, RACHEL):
        urgent = [m for m in nudges(bot, admin, "Canva") if "Urgent" in m.text]
        assert urgent, admin
        assert "Grace Turner (its owner) is away until Fri 27 Nov" in json.dumps(urgent[-1].blocks)


async def test_leaver_tasks_held_by_someone_away_pass_to_their_stand_in(bot: RunningBot) -> None:
    from tests.accounts_support import text_values

    await away(bot, SAM, f"until Friday cover {mention(GRACE)}")
    # Lucy knew the Staff computer account's password, which Sam owns: changing it is Sam's task.
    assert await command(bot, "/leaver", mention(LUCY), ANITA) == ""
    view = bot.fake.view_for(ANITA)
    assert view is not None
    await bot.slack.view_submission(ANITA, view, text_values(leaving_on="Friday"))
    await bot.tick()
    checklist = [m for m in bot.fake.messages_in(ANITA) if "Leaver checklist" in m.text]
    assert checklist and "Change the Staff computer account password" in json.dumps(checklist[-1].blocks)
    assert "Grace Turner" in json.dumps(checklist[-1].blocks)
    assert await audit_count(bot, "leaver.task_passed") == 1
    assert "Change the Staff computer account password" in await _home(bot, GRACE)
    assert "Change the Staff computer account password" not in await _home(bot, SAM)


async def test_leaver_tasks_of_someone_away_without_a_stand_in_go_to_whoever_started_the_checklist(bot: RunningBot) -> None:
    from tests.accounts_support import text_values

    await away(bot, SAM, "until Friday")
    assert await command(bot, "/leaver", mention(LUCY), RACHEL) == ""
    view = bot.fake.view_for(RACHEL)
    assert view is not None
    await bot.slack.view_submission(RACHEL, view, text_values(leaving_on="Friday"))
    await bot.tick()
    assert "Change the Staff computer account password" in await _home(bot, RACHEL)


KNOWN_ABSENCE = """
absences:
  - person: U0SAFE0001
    from: 2026-11-23
    until: 2026-11-27
    cover: U0ANITA001
"""


async def test_a_known_absence_in_the_organisation_file_routes_past_the_person(tmp_path: Path, fake_slack: FakeSlack) -> None:
    org = tmp_path / "org.yml"
    org.write_text(EXAMPLE_ORG.read_text() + KNOWN_ABSENCE)
    running, runner = await start_bot(make_settings(f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite'}", fake_slack.api_url, org=org),
                                      fake_slack, ManualClock(START))
    try:
        await running.tick()
        assert "recorded as away until Friday 27 November 2026, with Anita Holford covering" in await away(running, SAFE, "")
        driver = ReportDriver(running)
        await driver.file(DAN, "online_safety", description="A worry while Priya is on leave.")
        assert driver.report_message(ANITA)
        assert "the person covering for the safeguarding lead" in driver.texts(ANITA)
        assert not driver.messages(SAFE) and not driver.messages(DEPUTY)
        await running.tick()
        assert await _absences(running) == 1  # read from the file once, not again each round
    finally:
        await runner.cleanup()
        await running.services.db.dispose()


async def test_the_organisation_files_absences_are_checked_line_by_line(tmp_path: Path) -> None:
    bad = tmp_path / "org.yml"
    text = EXAMPLE_ORG.read_text() + """
absences:
  - person: U0NOBODY01
    from: 2026-12-21
    until: 2027-01-02
  - person: U0SAFE0001
    from: 2026-12-21
    until: 2026-12-01
    cover: U0SAFE0001
"""
    bad.write_text(text)
    code, _, err = await run_tmw_bot("org", "validate", str(bad), env=sqlite_env(tmp_path), cwd=tmp_path)
    lines = text.splitlines()
    nobody = next(i for i, line in enumerate(lines, 1) if "U0NOBODY01" in line)
    assert code != 0
    assert f"line {nobody}: absences[0].person: U0NOBODY01 is not in people" in err
    assert "absences[1].until: the absence ends (2026-12-01) before it starts (2026-12-21)" in err
    assert "absences[1].cover: someone can't cover for themselves" in err
    unreadable = tmp_path / "unreadable.yml"
    unreadable.write_text(EXAMPLE_ORG.read_text() + "\nabsences:\n  - person: U0SAFE0001\n    from: after Christmas\n    until: 2027-01-02\n")
    code, _, err = await run_tmw_bot("org", "validate", str(unreadable), env=sqlite_env(tmp_path), cwd=tmp_path)
    assert code != 0 and "absences[0].from" in err


async def test_a_policy_reminder_to_someone_away_is_held_until_they_are_back_and_sent_once(bot: RunningBot) -> None:
    await bot.tick()
    await away(bot, BEN, "until 1 Dec")
    # The weekly reminder to sign the policy goes out on Monday 30 November at 10:00.
    bot.clock.set(datetime(2026, 11, 30, 10, 0, tzinfo=UTC))
    await bot.tick()
    await bot.tick()
    assert any("friendly reminder" in m.text for m in bot.fake.messages_in(DAN))
    assert not any("friendly reminder" in m.text for m in bot.fake.messages_in(BEN))
    assert await audit_count(bot, "reminder.held") == 1
    # Ben is back on Wednesday 2 December: the reminder goes out then, once.
    bot.clock.set(datetime(2026, 12, 2, 9, 0, tzinfo=UTC))
    await bot.tick()
    await bot.tick()
    assert len([m for m in bot.fake.messages_in(BEN) if "friendly reminder" in m.text]) == 1
    assert len(_welcomes(bot, BEN)) == 1


async def test_a_report_waiting_for_someone_who_then_goes_away_moves_on_at_once(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    await driver.file(DAN, "online_safety", description="A worry for Priya.")
    assert driver.report_message(SAFE)
    bot.clock.set(START + timedelta(minutes=10))
    await away(bot, SAFE, "until Friday")
    await bot.tick()
    assert driver.report_message(DEPUTY)
    report = await _report(bot)
    assert report.tier == 1
    assert "Everyone it was with is away" in await _history(bot, DEPUTY, report.reference)


async def test_someone_whose_role_would_not_let_them_see_the_reports_cannot_be_named_as_cover(bot: RunningBot) -> None:
    reply = await away(bot, SAFE, f"until Friday cover {mention(MAYA)}")

    assert "Maya can't cover for you" in reply and "nothing has been changed" in reply
    assert await _absences(bot) == 0


async def _running_with(tmp_path: Path, fake_slack: FakeSlack, absences: str) -> tuple[RunningBot, object]:
    org = tmp_path / "org.yml"
    org.write_text(EXAMPLE_ORG.read_text() + absences)
    return await start_bot(make_settings(f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite'}", fake_slack.api_url, org=org),
                           fake_slack, ManualClock(START))


async def test_a_cover_in_the_organisation_file_who_may_not_see_the_report_is_passed_over(
    tmp_path: Path, fake_slack: FakeSlack
) -> None:
    running, runner = await _running_with(tmp_path, fake_slack, KNOWN_ABSENCE.replace("U0ANITA001", MAYA))
    try:
        await running.tick()
        driver = ReportDriver(running)
        reference = await driver.file(DAN, "online_safety", description="A participant is being groomed online.")

        assert "groomed" not in driver.texts(MAYA)
        assert driver.report_message(DEPUTY)
        assert "covered by" not in await _history(running, DEPUTY, reference)
    finally:
        await runner.cleanup()  # type: ignore[attr-defined]
        await running.services.db.dispose()


async def test_an_away_wider_than_a_known_absence_stands_beside_it(tmp_path: Path, fake_slack: FakeSlack) -> None:
    running, runner = await _running_with(tmp_path, fake_slack, KNOWN_ABSENCE.replace("2026-11-23", "2026-11-25"))
    try:
        await running.tick()
        assert "from Tuesday 24 November 2026 until Friday 4 December 2026" not in await away(running, SAFE, "")
        await away(running, SAFE, "until 4 Dec")
        await running.tick()
        await running.tick()

        shown = await away(running, SAFE, "")
        assert "until Friday 4 December 2026" in shown, shown
        running.clock.set(datetime(2026, 12, 2, 10, tzinfo=UTC))
        driver = ReportDriver(running)
        await driver.file(DAN, "online_safety", description="A worry while Priya is still away.")
        assert not driver.messages(SAFE)
    finally:
        await runner.cleanup()  # type: ignore[attr-defined]
        await running.services.db.dispose()


async def test_nobody_is_welcomed_back_while_another_absence_still_keeps_them_away(
    tmp_path: Path, fake_slack: FakeSlack
) -> None:
    running, runner = await _running_with(tmp_path, fake_slack, KNOWN_ABSENCE.replace("2026-11-27", "2026-12-04"))
    try:
        await away(running, SAFE, "until Friday")
        await running.tick()
        running.clock.set(datetime(2026, 11, 30, 9, tzinfo=UTC))  # Monday: away under the file until 4 Dec
        await running.tick()
        await running.tick()
        assert not [m for m in running.fake.messages_in(SAFE) if "Welcome back" in m.text]

        running.clock.set(datetime(2026, 12, 5, 9, tzinfo=UTC))
        await running.tick()
        await running.tick()
        assert len([m for m in running.fake.messages_in(SAFE) if "Welcome back" in m.text]) == 1
    finally:
        await runner.cleanup()  # type: ignore[attr-defined]
        await running.services.db.dispose()


async def test_held_reviews_of_two_young_leaders_are_both_kept(bot: RunningBot) -> None:
    async with bot.services.db.unit_of_work() as session:
        for young_leader in ("first", "second"):
            await hold_message(session, bot.services.cipher, now=bot.services.now(), to=ToPerson(GRACE),
                               template="access_review.ask", params={"name": young_leader}, replaces_held=False)
        await hold_message(session, bot.services.cipher, now=bot.services.now(), to=ToPerson(GRACE),
                           template="policy.please_sign", params={"v": 1})
        await hold_message(session, bot.services.cipher, now=bot.services.now(), to=ToPerson(GRACE),
                           template="policy.please_sign", params={"v": 2})
        held = (await session.scalars(select(OutboxMessage.template).where(
            OutboxMessage.address == encode(ToPerson(GRACE)), OutboxMessage.state == "held"))).all()

    assert sorted(held) == ["access_review.ask", "access_review.ask", "policy.please_sign"]


async def test_until_friday_typed_on_a_friday_means_today(bot: RunningBot) -> None:
    bot.clock.set(datetime(2026, 11, 27, 10, tzinfo=UTC))  # Friday 27 November

    assert "until Friday 27 November 2026" in await away(bot, GRACE, "until Friday")
    assert "until Friday 27 November 2026" in await away(bot, SAM, "until 27 Nov")


async def test_a_cover_named_without_dates_is_asked_for_the_dates(bot: RunningBot) -> None:
    reply = await away(bot, GRACE, f"cover {mention(SAM)}")

    assert "Please give the dates too" in reply
    assert await _absences(bot) == 0



async def _absent_people(bot: RunningBot) -> list[str]:
    async with bot.services.db.unit_of_work() as session:
        return sorted((await session.scalars(select(Absence.person_id))).all())


async def test_absences_are_erased_ninety_days_after_they_end_and_the_files_do_not_come_back(
        tmp_path: Path, fake_slack: FakeSlack) -> None:
    org = tmp_path / "org.yml"
    org.write_text(EXAMPLE_ORG.read_text() + KNOWN_ABSENCE)
    running, runner = await start_bot(make_settings(f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite'}", fake_slack.api_url, org=org),
                                      fake_slack, ManualClock(START))
    try:
        await running.tick()
        await away(running, GRACE, "24 Dec - 2 Jan")
        assert await _absent_people(running) == [GRACE, SAFE]

        # Priya's known absence ended as Saturday 28 November began: kept for 90 days after.
        running.clock.set(SATURDAY + timedelta(days=89))
        await running.tick()
        assert await _absent_people(running) == [GRACE, SAFE]
        told_priya = len(running.fake.messages_in(SAFE))

        running.clock.set(SATURDAY + timedelta(days=91))
        await running.tick()
        assert await _absent_people(running) == [GRACE]
        # The file still lists it; read again, it is not added back, and nobody is welcomed back twice.
        running.clock.advance(timedelta(hours=2))
        await running.tick()
        await running.tick()
        assert await _absent_people(running) == [GRACE]
        assert len(running.fake.messages_in(SAFE)) == told_priya

        # Grace's ended as 3 January began.
        running.clock.set(datetime(2027, 1, 3, tzinfo=UTC) + timedelta(days=91))
        await running.tick()
        assert await _absent_people(running) == []
        assert await audit_count(running, "retention.erased") == 2
    finally:
        await runner.cleanup()
        await running.services.db.dispose()



async def _report_of_kind(bot: RunningBot, kind: str) -> Report:
    async with bot.services.db.unit_of_work() as session:
        report = await session.scalar(select(Report).where(Report.kind == kind).order_by(Report.id.desc()))
        assert report is not None
        return report


async def test_an_acknowledged_report_with_a_deadline_running_moves_on_when_its_handler_goes_away(bot: RunningBot) -> None:
    driver = await an_allegation(bot)  # about a music leader: a working day to refer it to the LADO
    await driver.file(LUCY, "computer_fault", activity="beat-it", description="The studio laptop will not start.")
    await driver.press(GRACE, "report.acknowledge", driver.report_message(GRACE), answered=True)
    allegation = await _report_of_kind(bot, "online_safety")

    await away(bot, SAFE, "until Friday")
    await away(bot, GRACE, "until Friday")
    await bot.tick()

    passed_on = await _report_of_kind(bot, "online_safety")
    assert passed_on.tier == allegation.tier + 1 and passed_on.status == "acknowledged"
    assert "deadline to tell a body outside is running" in await _history(bot, DEPUTY, passed_on.reference)
    # The deputy now gets the LADO reminders; the fault, with no deadline, waits for Grace.
    bot.clock.set(WEDNESDAY_10AM - timedelta(hours=1))
    await bot.tick()
    assert clock_messages(driver, DEPUTY, "LADO")
    assert (await _report_of_kind(bot, "computer_fault")).tier == 0
