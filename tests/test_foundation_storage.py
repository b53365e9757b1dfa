"""The organisation file in the database, the audit log, and what is kept out of the database file."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from bot import snapshot as snapshot_module
from bot.org import Role, load_org_file
from bot.settings import Settings
from bot.slack.mrkdwn import escape, quote
from bot.snapshot import org_snapshot
from storage.audit import audit_trail
from storage.directory import find_member, members_with_role, sync_org
from storage.models import Person, PersonRole
from tests.harness import EXAMPLE_ORG, ROOT, RunningBot


async def test_people_and_projects_are_loaded_from_the_organisation_file(bot: RunningBot) -> None:
    async with bot.services.db.unit_of_work() as session:
        sam = await find_member(session, "U0PMAUDIO1")
        chairs = await members_with_role(session, Role.CHAIR)
    assert sam is not None
    assert sam.name == "Sam Okafor"
    assert Role.PROJECT_MANAGER in sam.roles
    assert sam.manages == {"audio-base"}
    assert [c.name for c in chairs] == ["Malcolm Price"]


async def test_reloading_an_unchanged_file_does_nothing(bot: RunningBot) -> None:
    loaded = load_org_file(EXAMPLE_ORG)
    async with bot.services.db.unit_of_work() as session:
        assert await sync_org(session, loaded, bot.clock.now()) is False
        trail = await audit_trail(session, "organisation", "1")
    assert [e.action for e in trail] == ["org.loaded"]


async def test_someone_removed_from_the_file_is_kept_for_the_record_but_gets_nothing(bot: RunningBot, tmp_path: Path) -> None:
    text = EXAMPLE_ORG.read_text()
    without_ben = text.replace(
        "  - slack_id: U0VOLUNT01\n    name: Ben Carter\n    roles: [volunteer]\n    projects: [audio-base]\n", ""
    )
    assert without_ben != text
    edited = tmp_path / "org.yml"
    edited.write_text(without_ben)

    async with bot.services.db.unit_of_work() as session:
        assert await sync_org(session, load_org_file(edited), bot.clock.now()) is True
    async with bot.services.db.unit_of_work() as session:
        assert await find_member(session, "U0VOLUNT01") is None
        assert await session.scalar(select(Person.name).where(Person.slack_id == "U0VOLUNT01")) == "Ben Carter"
        trail = await audit_trail(session, "organisation", "1")
    assert [e.action for e in trail] == ["org.loaded", "org.loaded"]


async def test_the_scheduler_picks_up_an_edited_organisation_file(bot: RunningBot, tmp_path: Path) -> None:
    edited = tmp_path / "org.yml"
    edited.write_text(EXAMPLE_ORG.read_text().replace("roles: [volunteer]", "roles: [volunteer, moderator]"))
    bot.services.org_path = edited

    report = await bot.tick()

    assert report.org_reloaded
    async with bot.services.db.unit_of_work() as session:
        ben = await find_member(session, "U0VOLUNT01")
    assert ben is not None and Role.MODERATOR in ben.roles


async def test_a_broken_edit_keeps_the_last_good_directory(bot: RunningBot, tmp_path: Path) -> None:
    edited = tmp_path / "org.yml"
    edited.write_text(EXAMPLE_ORG.read_text().replace("roles: [volunteer]", "roles: [volunter]"))
    bot.services.org_path = edited

    report = await bot.tick()

    assert not report.org_reloaded
    assert any("volunter" in problem for problem in report.problems)
    async with bot.services.db.unit_of_work() as session:
        assert await find_member(session, "U0VOLUNT01") is not None


async def test_a_role_that_has_ended_no_longer_counts(bot: RunningBot) -> None:
    today = bot.services.local_now().date()
    async with bot.services.db.unit_of_work() as session:
        person = await session.scalar(select(Person).where(Person.slack_id == "U0ADMIN001"))
        assert person is not None
        role = await session.scalar(select(PersonRole).where(PersonRole.person_id == person.id, PersonRole.role == "admin"))
        assert role is not None
        role.ends_on = today
    async with bot.services.db.unit_of_work() as session:
        before = await find_member(session, "U0ADMIN001", today - timedelta(days=1))
        after = await find_member(session, "U0ADMIN001", today)
        admins = [m.slack_id for m in await members_with_role(session, Role.ADMIN, today)]
    assert before is not None and Role.ADMIN in before.roles
    assert after is not None and Role.ADMIN not in after.roles
    assert admins == ["U0ANITA001"]


def test_user_text_cannot_ping_everyone_or_disguise_a_link() -> None:
    hostile = "Hi <!channel> and <@U0ANITA001>, see <https://evil.example|the bank> & @here"

    shown = escape(hostile)

    assert "<" not in shown and ">" not in shown
    assert "&lt;!channel&gt;" in shown and "&lt;https://evil.example|the bank&gt;" in shown
    assert "&amp;" in shown
    assert "@here" not in shown and "@\u2060here" in shown
    assert quote("line one\n<!here>").splitlines() == ["> line one", "> &lt;!here&gt;"]


def test_env_example_documents_every_setting() -> None:
    documented = {
        line.split("=", 1)[0]
        for line in (ROOT / ".env.example").read_text().splitlines()
        if line and not line.startswith("#")
    }
    fields = {field.validation_alias for field in Settings.model_fields.values()}
    assert documented == fields


async def test_an_old_snapshot_serves_requests_while_one_rebuild_runs(bot: RunningBot) -> None:
    first = await org_snapshot(bot.services)
    bot.clock.advance(snapshot_module.MAX_AGE + timedelta(seconds=1))

    answers = await asyncio.gather(*(org_snapshot(bot.services) for _ in range(10)))

    assert all(answer is first for answer in answers)  # nobody waited for the rebuild
    rebuilding = bot.services.cache[snapshot_module.REBUILDING]
    assert isinstance(rebuilding, asyncio.Task)
    await rebuilding
    rebuilt = await org_snapshot(bot.services)
    assert rebuilt is not first and rebuilt.taken_at == bot.clock.now()


async def test_a_snapshot_far_too_old_is_rebuilt_before_it_is_used(bot: RunningBot) -> None:
    first = await org_snapshot(bot.services)
    bot.clock.advance(2 * snapshot_module.MAX_AGE)

    rebuilt = await org_snapshot(bot.services)

    assert rebuilt is not first and rebuilt.taken_at == bot.clock.now()


async def test_a_rebuild_under_way_when_the_organisation_changes_is_dropped(bot: RunningBot) -> None:
    await org_snapshot(bot.services)
    bot.clock.advance(snapshot_module.MAX_AGE + timedelta(seconds=1))
    await org_snapshot(bot.services)
    rebuilding = bot.services.cache[snapshot_module.REBUILDING]

    snapshot_module.forget_org_snapshot(bot.services)  # e.g. someone left while it was being read
    await rebuilding

    assert snapshot_module.SNAPSHOT not in bot.services.cache
