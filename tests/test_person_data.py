"""`tmw-bot person export` writes what the bot holds about one person, without other people's details;
`tmw-bot person erase` erases what no rule requires keeping and says why the rest is kept. Both audited."""

from __future__ import annotations

import json
import subprocess
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from bot.person_data import erase_person, export_person
from storage.models import Absence, AuditEntry, DbsCheck, ModerationCase, PolicySignature, Report
from tests.cli_support import TMW_BOT, cli_env
from tests.harness import RunningBot
from tests.report_driver import ANITA, BEN, DAN, SAFE, ReportDriver


async def _give_ben_a_history(bot: RunningBot) -> None:
    services = bot.services
    driver = ReportDriver(bot)
    await driver.file(BEN, "participant_misuse", activity="audio-base", description="Zebedee-posted-it", participant="Jessamy")
    await driver.file(DAN, "team_member_misuse", team_member=BEN, description="Otter-said-ben-did-it")
    await bot.tick()
    now = services.now()
    async with services.db.unit_of_work() as session:
        session.add(PolicySignature(person_key=BEN, version="abc123", signed_at=now))
        session.add(DbsCheck(person_key=BEN, check_type="enhanced", certificate_date=now.date(), update_service=False,
                             certificate_number_enc=services.cipher.encrypt("009876543210"), next_review=now.date(),
                             recorded_by=SAFE, recorded_at=now))
        session.add(ModerationCase(created_at=now, channel_id="C0MODERAT1", message_ts="1.1", user_id=BEN,
                                   findings=[{"rule": "profanity", "reason": "x"}], text_enc=services.cipher.encrypt("Kiwi-rude-word")))
        session.add(ModerationCase(created_at=now, channel_id="C0MODERAT1", message_ts="1.2", user_id=DAN,
                                   findings=[{"rule": "profanity", "reason": "x"}], text_enc=services.cipher.encrypt("Dan's own post")))


def _cli(bot: RunningBot, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    key = bot.services.settings.tmw_data_key
    assert key is not None
    env = cli_env(bot.services.settings.database_url, key.get_secret_value())
    return subprocess.run([TMW_BOT, *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=120)


async def _audit(bot: RunningBot, action: str) -> list[AuditEntry]:
    async with bot.services.db.unit_of_work() as session:
        return list((await session.scalars(select(AuditEntry).where(AuditEntry.action == action))).all())


async def test_a_subject_access_export_and_an_erasure_from_the_command_line(sqlite_bot: RunningBot, tmp_path: Path) -> None:
    bot = sqlite_bot
    await _give_ben_a_history(bot)

    exported = _cli(bot, tmp_path, "person", "export", BEN, "--out", "ben")

    assert exported.returncode == 0, exported.stderr
    out = tmp_path / "ben"
    made = json.loads((out / "reports_you_made.json").read_text())
    assert [r["your_description"] for r in made] == ["Zebedee-posted-it"]
    about = json.loads((out / "reports_about_you.json").read_text())
    assert [r["kind"] for r in about] == ["team_member_misuse"]
    everything = "".join(p.read_text() for p in out.iterdir())
    # Other people's details stay out: the participant Ben named, and who reported Ben and what they wrote.
    assert "Jessamy" not in everything and "Otter" not in everything and DAN not in everything
    assert "Dan's own post" not in everything
    assert json.loads((out / "moderation_cases.json").read_text())[0]["your_message"] == "Kiwi-rude-word"
    assert json.loads((out / "dbs_check.json").read_text())[0]["certificate_number"] == "009876543210"
    assert json.loads((out / "policy_signatures.json").read_text())[0]["policy_version"] == "abc123"
    readme = (out / "README.txt").read_text()
    assert "reports_about_you.json (1)" in readme and "Left out:" in readme
    assert [e.subject_id for e in await _audit(bot, "person.exported")] == [BEN]

    not_an_id = _cli(bot, tmp_path, "person", "erase", "Ben Volunteer")
    assert not_an_id.returncode == 2 and "is not a person's key" in not_an_id.stderr
    assert await _audit(bot, "person.erased") == []

    erased = _cli(bot, tmp_path, "person", "erase", BEN)

    assert erased.returncode == 0, erased.stderr
    assert "moderation_cases: 1" in erased.stdout
    assert "reports_you_made" in erased.stdout and "retention period" in erased.stdout
    assert "policy_signatures" in erased.stdout and "agreed to the policy" in erased.stdout
    async with bot.services.db.unit_of_work() as session:
        cases = (await session.scalars(select(ModerationCase))).all()
        check = await session.scalar(select(DbsCheck))
        reports = (await session.scalars(select(Report))).all()
        signatures = (await session.scalars(select(PolicySignature))).all()
    assert [c.user_id for c in cases] == [DAN]  # someone else's case is untouched
    assert check is not None and check.certificate_number_enc == "" and check.check_type == "enhanced"
    assert len(reports) == 2 and all(r.details_enc for r in reports) and len(signatures) == 1
    [entry] = await _audit(bot, "person.erased")
    assert entry.subject_id == BEN and entry.detail["erased"]["moderation_cases"] == 1


async def test_export_and_erase_on_each_database(bot: RunningBot, tmp_path: Path) -> None:
    await _give_ben_a_history(bot)

    counts = await export_person(bot.services, BEN, tmp_path / "out", actor=ANITA)
    outcome = await erase_person(bot.services, BEN, actor=ANITA)

    assert counts["reports_you_made"] == 1 and counts["reports_about_you"] == 1 and counts["moderation_cases"] == 1
    assert outcome.erased["moderation_cases"] == 1 and outcome.erased["dbs_check"] == 1
    assert {"reports_you_made", "reports_about_you", "policy_signatures", "audit_trail"} <= set(outcome.kept)
    assert "moderation_cases" not in outcome.kept
    again = await erase_person(bot.services, BEN, actor=ANITA)
    assert not any(again.erased.values())


async def test_an_export_does_not_reveal_a_report_that_never_reached_the_person(bot: RunningBot, tmp_path: Path) -> None:
    # An online-safety concern goes to the safeguarding lead; the deputy is next on its chain, but only
    # if the lead does not acknowledge it. Until then, the deputy's export must not show it exists.
    from tests.report_driver import DEPUTY

    await ReportDriver(bot).file(DAN, "online_safety", description="Jess was messaged by a stranger.")
    await bot.tick()

    deputy = await export_person(bot.services, DEPUTY, tmp_path / "deputy", actor=ANITA)
    lead = await export_person(bot.services, SAFE, tmp_path / "lead", actor=ANITA)

    assert deputy["reports_you_handled"] == 0
    assert lead["reports_you_handled"] == 1


async def test_absences_are_exported_without_who_covered_and_erased_once_over(bot: RunningBot, tmp_path: Path) -> None:
    services = bot.services
    now = services.now()
    async with services.db.unit_of_work() as session:
        session.add(Absence(person_id=BEN, starts_at=now - timedelta(days=20), ends_at=now - timedelta(days=10),
                            stand_in_id=DAN, set_by=BEN, created_at=now - timedelta(days=21)))
        session.add(Absence(person_id=BEN, starts_at=now + timedelta(days=5), ends_at=now + timedelta(days=9),
                            set_by=ANITA, created_at=now))
        session.add(Absence(person_id=DAN, starts_at=now - timedelta(days=20), ends_at=now - timedelta(days=10),
                            set_by=DAN, created_at=now - timedelta(days=21)))

    await export_person(services, BEN, tmp_path / "out", actor=ANITA)

    exported = json.loads((tmp_path / "out" / "absences.json").read_text())
    assert [(a["cover_named"], a["set_by_you"]) for a in exported] == [(True, True), (False, False)]
    assert DAN not in (tmp_path / "out" / "absences.json").read_text()

    outcome = await erase_person(services, BEN, actor=ANITA)

    assert outcome.erased["absences"] == 1 and "decides where reports go" in outcome.kept["absences"]
    async with services.db.unit_of_work() as session:
        left = (await session.execute(select(Absence.person_id, Absence.ends_at).order_by(Absence.person_id))).all()
    assert sorted(person for person, _ in left) == sorted([BEN, DAN])  # Ben's still to come, and Dan's untouched
