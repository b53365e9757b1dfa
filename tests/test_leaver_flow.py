"""/leaver through the real HTTP endpoint: when someone with access leaves, the passwords they knew are
changed (policy 5.4), their reports move on, their roles end, and a checklist stays open until done."""

from __future__ import annotations

import asyncio
import copy
import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select, text

from bot.org import Role
from bot.snapshot import org_snapshot
from storage.models import Leaver, Person, Report, SharedAccount
from tests.accounts_support import (
    ANITA,
    BEN,
    CHAIR,
    DAN,
    GRACE,
    LUCY,
    MAYA,
    RACHEL,
    SAFE,
    SAM,
    TOM,
    account,
    add_account,
    button,
    command,
    mention,
    nudges,
    press,
    text_values,
    user_values,
)
from tests.harness import EXAMPLE_ORG, RunningBot
from tests.report_driver import ReportDriver


async def _open(bot: RunningBot, requester: str, person: str) -> dict:
    reply = await command(bot, "/leaver", mention(person), requester)
    assert reply == "", reply
    view = bot.fake.view_for(requester)
    assert view is not None and view["callback_id"] == "leaver.confirm"
    return view


def _checklist(bot: RunningBot, user: str) -> list:
    return [m for m in bot.fake.messages_in(user) if "Leaver checklist" in m.text]


async def test_leaver_by_someone_without_the_right_role_is_refused_politely(bot: RunningBot) -> None:
    reply = await command(bot, "/leaver", mention(LUCY), DAN)

    assert "only a project manager, the CEO or an admin can start a leaver checklist" in reply
    assert bot.fake.view_for(DAN) is None


async def test_the_modal_shows_accounts_roles_reports_and_activities(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    await driver.file(BEN, "participant_misuse", activity="audio-base")

    view = await _open(bot, ANITA, SAM)

    shown = json.dumps(view["blocks"])
    for expected in ("Sam Okafor", "project manager", "Staff computer account (owner)", "Facebook page", "Dropbox",
                     "TMW-2026-0001", "Audio-Base (manages)", "New owner of Staff computer account"):
        assert expected in shown


async def test_the_last_admin_of_an_account_cannot_leave_until_another_admin_is_named(bot: RunningBot) -> None:
    view = await _open(bot, ANITA, RACHEL)
    dropbox, facebook = await account(bot, "Dropbox"), await account(bot, "Facebook page")

    refused = await bot.slack.view_submission(ANITA, view, {**text_values(leaving_on="someday maybe"),
                                                            **user_values(**{f"owner_{dropbox.id}": SAM, f"owner_{facebook.id}": None})})
    errors = refused.json()["errors"]
    assert set(errors) == {"leaving_on", f"owner_{facebook.id}", f"admin_{dropbox.id}"}
    assert "last admin with overall access to Dropbox" in errors[f"admin_{dropbox.id}"]
    async with bot.services.db.reading() as session:
        assert await session.scalar(select(Leaver)) is None  # nothing half-saved


async def test_the_full_leaver_flow_ends_with_the_ceo_told(bot: RunningBot) -> None:
    view = await _open(bot, ANITA, RACHEL)
    dropbox, facebook = await account(bot, "Dropbox"), await account(bot, "Facebook page")
    values = {**text_values(leaving_on="today"),
              **user_values(**{f"owner_{dropbox.id}": SAM, f"owner_{facebook.id}": SAM, f"admin_{dropbox.id}": ANITA})}

    done = await bot.slack.view_submission(ANITA, view, values)
    again = await bot.slack.view_submission(ANITA, view, values)
    await bot.tick()

    assert "has 3 tasks" in done.text  # Facebook, Dropbox and MailChimp
    async with bot.services.db.unit_of_work() as session:
        assert len((await session.scalars(select(Leaver))).all()) == 1
        rachel = await session.scalar(select(Person).where(Person.slack_id == RACHEL))
        assert rachel is not None and {r.ends_on for r in rachel.roles} == {date(2026, 11, 24)}
    assert again.status == 200
    dropbox = await account(bot, "Dropbox")
    assert dropbox.owner_id == SAM and {(a.person_key, a.overall) for a in dropbox.access if a.revoked_at is None} == {
        (SAM, False), (GRACE, False), (ANITA, True)}
    assert "Rachel Green is leaving" in nudges(bot, SAM, "Dropbox")[0].text
    checklist = _checklist(bot, ANITA)
    assert len(checklist) == 1 and "3 tasks left" in checklist[0].text

    await command(bot, "/rotated", "Dropbox", SAM)
    assert "2 tasks left" in _checklist(bot, ANITA)[0].text
    await command(bot, "/rotated", "Facebook", SAM)
    await press(bot, ANITA, "accounts.changed_now", nudges(bot, ANITA, "MailChimp")[-1])

    assert len(_checklist(bot, ANITA)) == 1 and "(complete)" in _checklist(bot, ANITA)[0].text
    assert [m for m in bot.fake.messages_in(ANITA) if "is complete" in m.text]


async def test_a_young_leaver_loses_social_media_access_and_reports_move_on(bot: RunningBot) -> None:
    view = await _open(bot, TOM, MAYA)
    await bot.slack.view_submission(TOM, view, text_values(leaving_on="Friday"))
    await bot.tick()

    assert [m for m in bot.fake.messages_in(RACHEL) if "young leader who is leaving" in m.text]
    instagram = await account(bot, "Instagram")
    assert MAYA not in {a.person_key for a in instagram.access if a.revoked_at is None}
    checklist = copy.deepcopy(_checklist(bot, TOM)[0])
    assert "Remove Maya&#39;s own access" in json.dumps(checklist.blocks) or "Remove Maya's own access" in json.dumps(checklist.blocks)

    refused = await press(bot, BEN, "leaver.task_done", checklist)
    ticked = await press(bot, RACHEL, "leaver.task_done", checklist)

    assert "Only the person who started this checklist" in refused
    assert "Ticked off" in ticked
    assert "3 tasks left" not in _checklist(bot, TOM)[0].text and "2 tasks left" in _checklist(bot, TOM)[0].text


async def test_reports_the_leaver_was_handling_move_to_the_next_in_their_chain(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    await driver.file(BEN, "participant_misuse", activity="audio-base")
    view = await _open(bot, RACHEL, SAM)  # an admin: Sam manages no project of Grace's
    owned = await account(bot, "Staff computer account")

    await bot.slack.view_submission(RACHEL, view, {**text_values(leaving_on="31/12/2026"), **user_values(**{f"owner_{owned.id}": DAN})})
    await bot.tick()

    async with bot.services.db.unit_of_work() as session:
        report = await session.scalar(select(Report))
        assert report is not None and report.tier == 1
    assert driver.button(driver.report_message(ANITA), "report.acknowledge") is not None
    assert "Report TMW-2026-0001 passed on" in json.dumps(_checklist(bot, RACHEL)[0].blocks)


async def test_an_open_checklist_is_brought_back_until_it_is_done(bot: RunningBot) -> None:
    view = await _open(bot, ANITA, RACHEL)
    dropbox, facebook = await account(bot, "Dropbox"), await account(bot, "Facebook page")
    await bot.slack.view_submission(ANITA, view, {**text_values(leaving_on="today"), **user_values(
        **{f"owner_{dropbox.id}": SAM, f"owner_{facebook.id}": SAM, f"admin_{dropbox.id}": ANITA})})
    await bot.tick()

    bot.clock.advance(timedelta(days=2))
    await bot.tick()
    await bot.tick()

    reminders = [m for m in bot.fake.messages_in(SAM) if "checklist for *Rachel Green* is still open" in json.dumps(m.blocks)]
    assert len(reminders) == 1 and "Change the Dropbox password" in json.dumps(reminders[0].blocks)


async def test_the_message_shortcut_opens_the_checklist_for_the_messages_author(bot: RunningBot) -> None:
    opened = len(bot.fake.calls_to("views.open"))
    await bot.slack.message_shortcut(ANITA, "leaver.from_message", {"ts": "1.000001", "text": "Bye all!", "user": DAN}, "C0GENERAL1")
    await bot.fake.wait_until(lambda: len(bot.fake.calls_to("views.open")) > opened)

    view = bot.fake.view_for(ANITA)
    assert view is not None and "Dan Hughes" in json.dumps(view["blocks"])
    assert button  # (imported for symmetry with other tests)


async def test_a_project_manager_can_start_a_checklist_only_for_people_on_their_own_projects(bot: RunningBot) -> None:
    refused = {person: await command(bot, "/leaver", mention(person), GRACE) for person in (ANITA, CHAIR, SAFE, RACHEL, DAN)}

    for person, reply in refused.items():
        assert "you can't start a leaver checklist" in reply and "Please ask an admin or the CEO" in reply, person
    assert bot.fake.view_for(GRACE) is None
    await _open(bot, GRACE, LUCY)  # Lucy leads Beat It, which Grace manages
    await _open(bot, RACHEL, ANITA)  # an admin may start one for anyone


async def test_a_project_manager_cannot_hand_the_leavers_accounts_to_themselves(bot: RunningBot) -> None:
    await add_account(bot, "Studio laptop", LUCY, last="yesterday")
    laptop = await account(bot, "Studio laptop")
    view = await _open(bot, GRACE, LUCY)

    refused = await bot.slack.view_submission(GRACE, view, {**text_values(leaving_on="Friday"),
                                                            **user_values(**{f"owner_{laptop.id}": GRACE})})

    assert "An admin has to confirm handing Studio laptop" in refused.json()["errors"][f"owner_{laptop.id}"]
    async with bot.services.db.reading() as session:
        assert await session.scalar(select(Leaver)) is None
    assert (await account(bot, "Studio laptop")).owner_id == LUCY


async def _lucy_leaves_on_friday(bot: RunningBot) -> int:
    await add_account(bot, "Studio laptop", LUCY, last="yesterday")
    laptop = await account(bot, "Studio laptop")
    view = await _open(bot, GRACE, LUCY)
    done = await bot.slack.view_submission(GRACE, view, {**text_values(leaving_on="Friday"),
                                                         **user_values(**{f"owner_{laptop.id}": SAM})})
    assert "Thank you" in done.text, done.text
    await bot.tick()
    return laptop.id


async def test_the_leaver_is_told_and_the_starter_can_cancel_before_the_leaving_date(bot: RunningBot) -> None:
    await _lucy_leaves_on_friday(bot)
    laptop_before = await account(bot, "Studio laptop")
    assert laptop_before.owner_id == SAM
    notice = [m for m in bot.fake.messages_in(LUCY) if "started a leaver checklist for you" in m.text]
    assert len(notice) == 1 and "Grace Turner" in notice[0].text
    assert _checklist(bot, RACHEL)  # the admins have it too

    refused = await press(bot, BEN, "leaver.cancel", _checklist(bot, GRACE)[0])
    cancelled = await press(bot, GRACE, "leaver.cancel", _checklist(bot, GRACE)[0])

    assert "Only the person who started this checklist, an admin or the CEO" in refused
    assert "is cancelled" in cancelled
    laptop = await account(bot, "Studio laptop")
    staff = await account(bot, "Staff computer account")
    assert laptop.owner_id == LUCY and laptop.due_reason == "schedule"
    assert LUCY in {a.person_key for a in staff.access if a.revoked_at is None}
    assert "(cancelled)" in _checklist(bot, RACHEL)[0].text and "(cancelled)" in _checklist(bot, GRACE)[0].text
    assert [m for m in bot.fake.messages_in(LUCY) if "has cancelled the leaver checklist" in m.text]

    bot.clock.advance(timedelta(days=4))  # past Friday, and the organisation file read again
    await bot.tick()
    async with bot.services.db.reading() as session:
        lucy = await session.scalar(select(Person).where(Person.slack_id == LUCY))
        assert lucy is not None and lucy.left_on is None and {r.ends_on for r in lucy.roles} == {None}
    lucy_now = (await org_snapshot(bot.services)).directory.by_key(LUCY)
    assert lucy_now is not None and Role.FREELANCER in lucy_now.roles


async def test_a_checklist_cannot_be_cancelled_once_the_leaving_date_has_come(bot: RunningBot) -> None:
    await _lucy_leaves_on_friday(bot)

    bot.clock.advance(timedelta(days=3))
    late = await press(bot, ANITA, "leaver.cancel", _checklist(bot, GRACE)[0])

    assert "leaving date has come" in late
    assert (await account(bot, "Studio laptop")).owner_id == SAM


async def _sessions_waiting_for_a_lock(bot: RunningBot) -> int:
    async with bot.services.db.reading() as session:
        return await session.scalar(text("SELECT count(*) FROM pg_stat_activity "
                                         "WHERE datname = current_database() AND wait_event_type = 'Lock'")) or 0


async def test_two_people_starting_a_checklist_for_the_same_person_at_once_make_only_one(bot: RunningBot) -> None:
    views = {ANITA: await _open(bot, ANITA, DAN), RACHEL: await _open(bot, RACHEL, DAN)}

    def submit(user: str) -> Any:
        return bot.slack.view_submission(user, views[user], text_values(leaving_on="Friday"))

    if bot.services.db.is_sqlite:
        # One writer at a time on SQLite: the two queue, and the second finds the first's checklist.
        replies = await asyncio.gather(submit(ANITA), submit(RACHEL))
    else:
        # Hold the account both will lock, so both have checked for an open checklist before either saves.
        async with bot.services.db.unit_of_work() as session:
            await session.scalar(select(SharedAccount).where(SharedAccount.name == "Staff computer account").with_for_update())
            pending = [asyncio.ensure_future(submit(ANITA)), asyncio.ensure_future(submit(RACHEL))]
            for _ in range(500):
                if await _sessions_waiting_for_a_lock(bot) >= 2:
                    break
                await asyncio.sleep(0.01)
            assert await _sessions_waiting_for_a_lock(bot) >= 2
        replies = await asyncio.gather(*pending)
    await bot.tick()

    texts = [reply.text for reply in replies]
    assert sum("Thank you. The leaver checklist for Dan Hughes" in t for t in texts) == 1, texts
    assert sum("has already started a leaver checklist for Dan Hughes" in t for t in texts) == 1, texts
    async with bot.services.db.reading() as session:
        assert len((await session.scalars(select(Leaver).where(Leaver.person_key == DAN))).all()) == 1


async def test_a_password_a_leaver_knew_cannot_be_put_off(bot: RunningBot) -> None:
    view = await _open(bot, ANITA, RACHEL)
    dropbox, facebook = await account(bot, "Dropbox"), await account(bot, "Facebook page")
    await bot.slack.view_submission(ANITA, view, {**text_values(leaving_on="today"), **user_values(
        **{f"owner_{dropbox.id}": SAM, f"owner_{facebook.id}": SAM, f"admin_{dropbox.id}": ANITA})})
    await bot.tick()

    nudge = nudges(bot, SAM, "Dropbox")[-1]
    assert button(nudge, "accounts.changed_now") and button(nudge, "accounts.changed_on")
    assert button(nudge, "accounts.snooze") is None
    dropbox = await account(bot, "Dropbox")
    replies = len(bot.fake.responses)
    crafted = json.dumps({"account_id": dropbox.id, "cycle": dropbox.cycle})
    response = await bot.slack.block_action(SAM, "accounts.snooze", crafted, channel_id=nudge.channel,
                                            message={"ts": nudge.ts, "text": nudge.text, "blocks": nudge.blocks})
    assert response.status == 200
    await bot.fake.wait_until(lambda: len(bot.fake.responses) > replies, what="the answer to the snooze")

    assert "can't wait" in str(bot.fake.responses[-1].params.get("text"))
    assert (await account(bot, "Dropbox")).snoozed_until is None


async def test_an_admin_who_is_leaving_cannot_cancel_their_own_checklist(bot: RunningBot) -> None:
    view = await _open(bot, ANITA, RACHEL)
    dropbox, facebook = await account(bot, "Dropbox"), await account(bot, "Facebook page")
    await bot.slack.view_submission(ANITA, view, {**text_values(leaving_on="Friday"), **user_values(
        **{f"owner_{dropbox.id}": SAM, f"owner_{facebook.id}": SAM, f"admin_{dropbox.id}": ANITA})})
    await bot.tick()

    refused = await press(bot, RACHEL, "leaver.cancel", _checklist(bot, RACHEL)[0])

    assert "not the person who is leaving" in refused
    assert (await account(bot, "Dropbox")).owner_id == SAM


async def test_the_cancel_buttons_confirmation_escapes_the_leavers_name(bot: RunningBot, tmp_path: Path) -> None:
    renamed = tmp_path / "org.yml"
    renamed.write_text(EXAMPLE_ORG.read_text().replace("name: Lucy Moore", "name: Lucy <Moore> & Co"))
    bot.services.org_path = renamed
    assert (await bot.tick()).org_reloaded
    await _lucy_leaves_on_friday(bot)

    [checklist] = _checklist(bot, GRACE)
    confirm = button(checklist, "leaver.cancel")["confirm"]["text"]
    assert confirm["type"] == "mrkdwn" and confirm["text"].startswith("Lucy &lt;Moore&gt; &amp; Co's roles")
