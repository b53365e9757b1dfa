"""Report handling hardened: who may act, refused submissions, what is stored and shown."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from sqlalchemy import func, select

from storage.models import Report
from tests.harness import EXAMPLE_ORG, RunningBot
from tests.report_driver import (
    ANITA,
    BEN,
    DAN,
    DEPUTY,
    SAFE,
    SAM,
    ReportDriver,
    audit_count,
    form_values,
    latest_report,
    text_value,
)

# -- 1. only the tiers a report has reached can act ---------------------------------------------------


async def test_people_further_down_the_chain_cannot_act_before_it_reaches_them(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    await driver.file(DAN, "online_safety", description="Jess was messaged by a stranger.")
    lead_card = driver.report_message(SAFE)
    modals = len(bot.fake.calls_to("views.open"))

    # The CEO is third in the chain and only told that the report exists.
    acknowledged = await driver.press(ANITA, "report.acknowledge", lead_card, answered=True)
    asked = await driver.press(ANITA, "report.ask", lead_card, answered=True)
    # The deputy is second, and it has not been passed on.
    resolved = await driver.press(DEPUTY, "report.resolve", lead_card, answered=True)

    assert "nothing has been changed" in acknowledged and "safeguarding lead" in acknowledged
    assert "nothing has been changed" in asked
    assert "hasn't reached you" in resolved and "nothing has been changed" in resolved
    assert len(bot.fake.calls_to("views.open")) == modals
    assert (await latest_report(bot)).status == "open"
    assert await audit_count(bot, "report.acknowledged") == 0

    # The escalation still runs: the lead never acknowledged it.
    bot.clock.advance(timedelta(minutes=61))
    await bot.tick()
    await bot.tick()
    assert (await latest_report(bot)).tier == 1
    deputy_card = driver.report_message(DEPUTY)
    reply = await driver.press(DEPUTY, "report.acknowledge", deputy_card, answered=True)
    assert "is acknowledged" in reply


async def test_report_list_says_who_is_only_told_of_a_report(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    await driver.file(DAN, "online_safety")

    ceo = json.dumps((await bot.slack.slash_command("/report", "list", ANITA)).json())
    deputy = json.dumps((await bot.slack.slash_command("/report", "list", DEPUTY)).json())

    assert "TMW-2026-0001" in ceo and "you are told of it" in ceo and "you handle it" not in ceo
    assert "TMW-2026-0001" not in deputy  # not passed on to them: they have not been told of it


async def test_report_list_shows_a_report_that_reached_someone_however_many_newer_ones_have_not(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    await driver.file(DAN, "online_safety", description="The first worry.")
    bot.clock.advance(timedelta(minutes=61))  # the lead never acknowledged it: passed on to the deputy
    await bot.tick()
    await bot.tick()
    for n in range(25):  # newer reports, still with the lead: the deputy has not been told of them
        await driver.file(DAN, "online_safety", description=f"Worry {n}.")

    deputy = json.dumps((await bot.slack.slash_command("/report", "list", DEPUTY)).json())

    assert "TMW-2026-0001" in deputy and "you handle it" in deputy
    assert "TMW-2026-0002" not in deputy


# -- 2. a submission counts as processed only once accepted -------------------------------------------


async def test_a_crafted_submission_of_a_handlers_form_does_not_make_theirs_a_duplicate(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    await driver.file(BEN, "participant_misuse", activity="audio-base")
    before = len(bot.fake.calls_to("views.open"))
    await driver.press(SAM, "report.ask", driver.report_message(SAM))
    await bot.fake.wait_until(lambda: len(bot.fake.calls_to("views.open")) > before, what="the ask modal")
    sams_form = bot.fake.view_for(SAM)
    assert sams_form is not None

    # Dan, who is not on the chain, submits Sam's form (same view id and hash) first.
    await bot.slack.view_submission(DAN, sams_form, text_value("question", "Who told you?"))
    response = await bot.slack.view_submission(SAM, sams_form, text_value("question", "Which computer was it?"))
    await bot.tick()

    assert response.status == 200
    assert "Which computer was it?" in driver.texts(BEN)
    assert "Who told you?" not in driver.texts(BEN)
    assert await audit_count(bot, "report.question_asked") == 1


async def test_a_form_refused_for_a_mistake_is_accepted_once_corrected(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    await driver.file(BEN, "participant_misuse", activity="audio-base")
    sams_form = await _ask_form(bot, driver, SAM)

    # Slack keeps the same view (id and hash) while the person corrects what was refused.
    refused = await bot.slack.view_submission(SAM, sams_form, text_value("question", ""))
    corrected = await bot.slack.view_submission(SAM, sams_form, text_value("question", "Which computer was it?"))
    await bot.tick()

    assert refused.json()["response_action"] == "errors"
    assert corrected.json().get("response_action") == "update"
    assert "Which computer was it?" in driver.texts(BEN)


async def test_a_crafted_filing_with_someone_elses_form_does_not_swallow_their_report(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    dans_form = await driver.open_modal(DAN)

    await bot.slack.view_submission(BEN, dans_form, form_values("data_breach", "Ben's version."))
    response = await bot.slack.view_submission(DAN, dans_form, form_values("data_breach", "Dan's own report."))
    await bot.tick()

    assert response.status == 200
    async with bot.services.db.unit_of_work() as session:
        reporters = set((await session.scalars(select(Report.reporter_id))).all())
    assert reporters == {BEN, DAN}


# -- 3. refused submissions are answered, not failed ----------------------------------------------------


async def _ask_form(bot: RunningBot, driver: ReportDriver, handler: str) -> dict:
    before = len(bot.fake.calls_to("views.open"))
    await driver.press(handler, "report.ask", driver.report_message(handler))
    await bot.fake.wait_until(lambda: len(bot.fake.calls_to("views.open")) > before, what="the ask modal")
    form = bot.fake.view_for(handler)
    assert form is not None
    return form


def _closing_text(response_body: dict) -> str:
    assert response_body.get("response_action") in {"update", "errors"}, response_body
    return json.dumps(response_body.get("view") or response_body.get("errors"))


async def test_refused_report_submissions_are_answered_with_a_message_not_a_server_error(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    await driver.file(BEN, "participant_misuse", activity="audio-base")
    sams_form = await _ask_form(bot, driver, SAM)

    off_chain = await bot.slack.view_submission(DAN, sams_form, text_value("question", "Who?"))
    missing = dict(sams_form, private_metadata=json.dumps({"report_id": 999, "tier": 0}))
    no_report = await bot.slack.view_submission(SAM, missing, text_value("question", "Who?"))
    await bot.tick()

    assert off_chain.status == 200 and "not yours to handle" in _closing_text(off_chain.json())
    assert no_report.status == 200 and "can't find that report" in _closing_text(no_report.json())
    assert await audit_count(bot, "report.question_asked") == 0

    # Someone other than the reporter answering the reporter's question.
    await driver.press_and_submit(SAM, "report.ask", driver.report_message(SAM), text_value("question", "When?"))
    question = next(m for m in driver.messages(BEN) if "question about your report" in m.text)
    before = len(bot.fake.calls_to("views.open"))
    await driver.press(BEN, "report.reply", question)
    await bot.fake.wait_until(lambda: len(bot.fake.calls_to("views.open")) > before, what="the reply modal")
    bens_form = bot.fake.view_for(BEN)
    assert bens_form is not None
    not_reporter = await bot.slack.view_submission(DAN, bens_form, text_value("answer", "Never."))
    assert not_reporter.status == 200 and "Only the person who made the report" in _closing_text(not_reporter.json())
    assert await audit_count(bot, "report.question_answered") == 0


async def test_a_non_admin_submitting_the_dbs_form_is_answered_not_failed(bot: RunningBot) -> None:
    from tests.report_driver import RACHEL

    before = len(bot.fake.calls_to("views.open"))
    await bot.slack.slash_command("/dbs", f"<@{SAM}|sam>", RACHEL)
    await bot.fake.wait_until(lambda: len(bot.fake.calls_to("views.open")) > before, what="the DBS modal")
    form = bot.fake.view_for(RACHEL)
    assert form is not None
    state = {
        "person": {"person_input": {"type": "users_select", "selected_user": SAM}},
        "check_type": {"check_type_input": {"type": "static_select", "selected_option": {"value": "enhanced"}}},
        "certificate_date": {"certificate_date_input": {"type": "datepicker", "selected_date": "2025-01-15"}},
        "certificate_number": {"certificate_number_input": {"type": "plain_text_input", "value": "001234567890"}},
        "update_service": {"update_service_input": {"type": "checkboxes", "selected_options": []}},
        "next_review": {"next_review_input": {"type": "datepicker", "selected_date": None}},
    }

    response = await bot.slack.view_submission(DAN, form, state)

    assert response.status == 200 and "Only admins can record DBS checks" in _closing_text(response.json())
    assert await audit_count(bot, "dbs.recorded") == 0


async def test_a_report_form_with_mangled_metadata_is_answered_not_failed(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    await driver.file(BEN, "participant_misuse", activity="audio-base")
    sams_form = await _ask_form(bot, driver, SAM)

    response = await bot.slack.view_submission(SAM, dict(sams_form, private_metadata="{not json"), text_value("question", "Who?"))

    assert response.status == 200 and "open it again" in _closing_text(response.json())


# -- 4. no passwords in a report's follow-ups -----------------------------------------------------------

PASSWORD_TEXT = "It is the studio PC, the password is Tr0ub4dor&3"


async def _note_texts(bot: RunningBot) -> str:
    from storage.models import ReportNote

    async with bot.services.db.unit_of_work() as session:
        notes = (await session.scalars(select(ReportNote))).all()
        return " ".join(bot.services.cipher.decrypt(n.text_enc) for n in notes)


async def test_passwords_are_refused_in_every_follow_up_of_a_report(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    await driver.file(BEN, "participant_misuse", activity="audio-base")

    asked = await driver.press_and_submit(SAM, "report.ask", driver.report_message(SAM), text_value("question", PASSWORD_TEXT))
    assert asked.json()["response_action"] == "errors" and "looks like a password" in asked.json()["errors"]["question"]

    await driver.press_and_submit(SAM, "report.ask", driver.report_message(SAM), text_value("question", "Which computer?"))
    question = next(m for m in driver.messages(BEN) if "question about your report" in m.text)
    replied = await driver.press_and_submit(BEN, "report.reply", question, text_value("answer", PASSWORD_TEXT))
    assert "looks like a password" in replied.json()["errors"]["answer"]

    escalated = await driver.press_and_submit(SAM, "report.escalate", driver.report_message(SAM), text_value("reason", PASSWORD_TEXT))
    assert "looks like a password" in escalated.json()["errors"]["reason"]

    values = {**text_value("outcome", "Sorted."), **text_value("actions_taken", PASSWORD_TEXT)}
    resolved = await driver.press_and_submit(SAM, "report.resolve", driver.report_message(SAM), values)
    assert "looks like a password" in resolved.json()["errors"]["actions_taken"]

    assert "Tr0ub4dor" not in await _note_texts(bot)
    assert "Tr0ub4dor" not in driver.texts(BEN) + driver.texts(SAM) + driver.texts(DAN)
    report = await latest_report(bot)
    assert report.status == "open" and report.tier == 0


# -- 5. lengths are limited on the server, and cards fit Slack's limits ----------------------------------


async def test_a_crafted_overlong_report_is_refused_on_its_field_and_nothing_is_saved(bot: RunningBot) -> None:
    driver = ReportDriver(bot)

    submitted = await driver.file(DAN, "computer_fault", description="x" * 40_000, activity="audio-base", participant="Jess " * 500)

    assert "3,000 characters" in submitted.errors["description"]
    assert "300 characters" in submitted.errors["participant"]
    async with bot.services.db.unit_of_work() as session:
        assert await session.scalar(select(func.count()).select_from(Report)) == 0


async def test_a_crafted_overlong_follow_up_is_refused(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    await driver.file(BEN, "participant_misuse", activity="audio-base")

    asked = await driver.press_and_submit(SAM, "report.ask", driver.report_message(SAM), text_value("question", "Why? " * 2000))

    assert "3,000 characters" in asked.json()["errors"]["question"]
    assert await audit_count(bot, "report.question_asked") == 0


async def test_the_longest_report_the_form_allows_still_reaches_its_handler(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    many_lines = "a\n" * 1500  # 3,000 characters: each line gets a quote mark when shown
    ampersands = "&" * 300  # each is shown as "&amp;"

    submitted = await driver.file(BEN, "participant_misuse", description=many_lines, activity="audio-base",
                                  participant=ampersands)
    assert submitted.errors == {}
    await driver.press_and_submit(SAM, "report.ask", driver.report_message(SAM), text_value("question", "b\n" * 1500))

    card = json.dumps(driver.report_message(SAM).blocks, ensure_ascii=False)
    assert "*Question* from Sam Okafor" in card  # the card updated with the question has arrived
    assert "…" in card  # what does not fit is cut, visibly


async def test_a_report_with_more_notes_than_a_message_holds_still_updates(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    await driver.file(BEN, "participant_misuse", activity="audio-base")

    for n in range(1, 51):
        await driver.press_and_submit(SAM, "report.ask", driver.report_message(SAM), text_value("question", f"Question {n}?"))

    card = json.dumps(driver.report_message(SAM).blocks)
    assert "Question 50?" in card and "earlier notes not shown" in card


# -- 6. a chain that can end up empty: warned of, and never nowhere --------------------------------------


async def test_a_report_whose_whole_chain_is_left_out_goes_to_the_admins_and_the_chair(bot: RunningBot) -> None:
    from tests.report_driver import CHAIR, RACHEL

    driver = ReportDriver(bot)

    # The Chair, the only trustee, reports the CEO: the CEO and the Chair are left out, and so are the trustees.
    submitted = await driver.file(CHAIR, "team_member_misuse", team_member=ANITA, description="Chair's concern.")

    assert submitted.errors == {}
    assert "the admins" in submitted.confirmation
    assert driver.button(driver.report_message(RACHEL), "report.acknowledge") is not None
    assert "Chair's concern." in driver.texts(RACHEL)
    assert driver.messages(ANITA) == []


async def _validate(tmp_path: Path, text: str) -> tuple[int, str]:
    import asyncio
    import sys

    path = tmp_path / "org.yml"
    path.write_text(text)
    (tmp_path / "policy").mkdir(exist_ok=True)
    process = await asyncio.create_subprocess_exec(
        str(Path(sys.executable).with_name("tmw-bot")), "org", "validate", str(path), cwd=tmp_path,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), 60)
    return process.returncode or 0, out.decode() + err.decode()


async def test_org_validate_warns_of_chains_that_can_end_empty_and_a_missing_policy_file(tmp_path: Path) -> None:
    original = EXAMPLE_ORG.read_text()
    without_policy = original.replace("  policy_file: policy/tmw-internet-and-social-media-safety-policy.txt\n", "")
    assert without_policy != original

    code, said = await _validate(tmp_path, without_policy)

    assert code == 0 and "is valid" in said
    assert "warning: organisation.policy_file: no policy file is named" in said
    assert "team_member_misuse" in said and "leaves nobody in its chain" in said

    code, said = await _validate(tmp_path, original)  # the policy file is not beside this copy
    assert "warning: organisation.policy_file: there is no file" in said


# -- 7. who acknowledged it ---------------------------------------------------------------------------


async def test_an_acknowledgement_names_who_actually_acknowledged(bot: RunningBot) -> None:
    from tests.report_driver import CHAIR

    driver = ReportDriver(bot)
    await driver.file(BEN, "team_member_misuse", team_member=DAN)  # to the CEO and the Chair

    await driver.press(ANITA, "report.acknowledge", driver.report_message(ANITA), answered=True)

    chairs_copy = json.dumps(driver.messages(CHAIR)[-1].blocks)
    reporters_copy = driver.texts(BEN)
    assert "Acknowledged by Anita Holford, the CEO" in chairs_copy
    assert "Acknowledged by the CEO on" in reporters_copy
    assert "the CEO and the Chair on" not in chairs_copy + reporters_copy


# -- 8. CEOP, and the section 4 tips for young people ---------------------------------------------------


async def test_an_online_safety_concern_points_the_reporter_and_the_lead_to_ceop(bot: RunningBot) -> None:
    driver = ReportDriver(bot)

    submitted = await driver.file(DAN, "online_safety", description="A stranger asked Jess for photos.")
    other = await driver.file(DAN, "computer_fault", activity="audio-base")

    assert "CEOP" in submitted.confirmation and "https://www.ceop.police.uk/" in submitted.confirmation
    lead_card = json.dumps(driver.report_message(SAFE).blocks)
    assert "CEOP" in lead_card and "4.8" in lead_card
    assert "CEOP" not in other.confirmation
    assert "CEOP" not in json.dumps(driver.report_message(SAM).blocks)


async def test_the_young_leaders_welcome_carries_the_section_4_tips_in_short(bot: RunningBot) -> None:
    from tests.report_driver import MAYA

    await bot.slack.event({"type": "member_joined_channel", "user": MAYA, "channel": "C0YLCHAT01", "channel_type": "C"})
    for _ in range(100):  # the event is handled after Slack's acknowledgement; the welcome goes by the outbox
        await bot.tick()
        if bot.fake.messages_in(MAYA):
            break

    welcome = json.dumps(bot.fake.messages_in(MAYA)[0].blocks)
    assert "safe, friendly and creative space" in welcome
    assert "Keeping safe online" in welcome and "trusted adult" in welcome and "CEOP" in welcome


# -- 9. each person is told their own role ---------------------------------------------------------------


async def test_a_report_card_tells_each_person_their_own_role_in_plain_words(bot: RunningBot) -> None:
    from tests.report_driver import CHAIR, RACHEL

    driver = ReportDriver(bot)
    await driver.file(DAN, "worrying_contact")
    await driver.file(BEN, "team_member_misuse", team_member=DAN)
    await driver.file(DAN, "password_exposure", account="Instagram")

    sams = json.dumps(driver.messages(SAM)[0].blocks)
    anitas = [json.dumps(m.blocks) for m in driver.messages(ANITA)]
    chairs = json.dumps(driver.messages(CHAIR)[0].blocks)
    rachels = json.dumps(driver.messages(RACHEL)[0].blocks)
    assert "come to you as the reporter's project manager." in sams
    assert any("come to you as the CEO." in card for card in anitas)
    assert "come to you as the Chair." in chairs
    assert "come to you as an admin." in rachels
    assert "your project manager" not in sams
    assert not any("as the CEO and the Chair" in card for card in anitas)


async def test_a_handler_asking_is_named_by_their_own_role(bot: RunningBot) -> None:
    driver = ReportDriver(bot)
    await driver.file(BEN, "team_member_misuse", team_member=DAN)

    await driver.press_and_submit(ANITA, "report.ask", driver.report_message(ANITA), text_value("question", "When was this?"))

    question = next(m for m in driver.messages(BEN) if "question about your report" in m.text)
    assert "The CEO has a question" in json.dumps(question.blocks)


# -- 10. a reporter not in the organisation file ---------------------------------------------------------

NEWCOMER = "U0NEWBIE01"


async def test_a_report_from_someone_not_in_the_file_shows_who_they_are_and_tells_the_admins_once(bot: RunningBot) -> None:
    from tests.report_driver import RACHEL

    driver = ReportDriver(bot)

    await driver.file(NEWCOMER, "computer_fault", activity="audio-base", description="The PC is broken.")
    await driver.file(NEWCOMER, "computer_fault", activity="beat-it", description="This one too.")

    card = json.dumps(driver.report_message(SAM).blocks)
    assert f"<@{NEWCOMER}>" in card and NEWCOMER.lower() in card  # their Slack name, as the stand-in sends it
    assert "someone not in the organisation file" not in card
    for admin in (ANITA, RACHEL):
        told = [m for m in driver.messages(admin) if "organisation file" in m.text]
        assert len(told) == 1, driver.texts(admin)
        assert f"<@{NEWCOMER}>" in json.dumps(told[0].blocks)
        assert "broken" not in driver.texts(admin)


async def test_a_private_newcomers_name_is_kept_from_the_activity_leaders(bot: RunningBot) -> None:
    driver = ReportDriver(bot)

    await driver.file(NEWCOMER, "participant_misuse", activity="audio-base", private=True)

    assert f"<@{NEWCOMER}>" in json.dumps(driver.report_message(SAM).blocks)
    leaders_view = driver.texts(DAN)
    assert NEWCOMER not in leaders_view and NEWCOMER.lower() not in leaders_view and "a team member" in leaders_view


async def test_a_private_newcomers_report_is_not_made_known_to_admins_who_do_not_handle_it(bot: RunningBot) -> None:
    from tests.report_driver import RACHEL

    driver = ReportDriver(bot)

    await driver.file(NEWCOMER, "participant_misuse", activity="audio-base", private=True)

    assert f"<@{NEWCOMER}>" in json.dumps(driver.report_message(SAM).blocks)  # the handler can still reach them
    for admin in (ANITA, RACHEL):  # not handling it (yet): they learn nothing of who made a report
        told = driver.texts(admin)
        assert NEWCOMER not in told and NEWCOMER.lower() not in told
