"""People on Slack, on Teams or on both, keyed by a neutral key: the organisation file says which, and
validation names the line and field of each mistake, all at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from bot.org import OrgFileError, Platform, load_org_file, parse_org_text
from storage.directory import TeamsChannelAddress, channel_for, load_directory, sync_org, teams_channel_for
from storage.models import Person
from tests.cli_support import run_tmw_bot, sqlite_env
from tests.harness import EXAMPLE_ORG, RunningBot

EXAMPLE = EXAMPLE_ORG.read_text()
ANITA_OBJECT_ID = "6f1c2b9e-3d4a-4e8f-9b1a-0c2d3e4f5a61"
MALCOLM_OBJECT_ID = "0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d"
RACHEL_OBJECT_ID = "b3c4d5e6-f7a8-4b9c-8d0e-1f2a3b4c5d6e"

# Anita on both (Slack named first); Malcolm on both (Teams named first); Rachel on Teams only, with a
# key; Grace on Teams only, managing Beat It by her key; the safeguarding channel on both platforms and
# the moderation channel on Teams only.
MIXED = (
    EXAMPLE.replace(
        "  - slack_id: U0ANITA001\n",
        "  - slack_id: U0ANITA001\n"
        f"    teams: {{object_id: {ANITA_OBJECT_ID}, upn: anita@themusicworks.org.uk}}\n",
    )
    .replace(
        "  - slack_id: U0CHAIR001\n",
        f"  - teams: {{object_id: {MALCOLM_OBJECT_ID}, upn: malcolm@themusicworks.org.uk}}\n"
        "    slack_id: U0CHAIR001\n",
    )
    .replace(
        "  - slack_id: U0ADMIN001\n",
        "  - key: rachel.g\n"
        f"    teams: {{object_id: {RACHEL_OBJECT_ID}, upn: Rachel.Green@themusicworks.org.uk}}\n",
    )
    .replace(
        "  - slack_id: U0PMBEAT01\n",
        "  - key: grace\n"
        "    teams: {object_id: c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f, upn: grace@themusicworks.org.uk}\n",
    )
    # Everywhere else the file names them, it names them by key.
    .replace("U0PMBEAT01", "grace")
    .replace("U0ADMIN001", "rachel.g")
    .replace(
        "  safeguarding: {id: C0SAFEGD01, name: safeguarding}\n",
        "  safeguarding:\n    id: C0SAFEGD01\n    teams: {team_id: 19:team-tmw@thread.tacv2, channel_id: 19:safe@thread.tacv2}\n"
        "    name: safeguarding\n",
    )
    .replace(
        "  moderation: {id: C0MODERA01, name: moderation}\n",
        "  moderation: {teams: {team_id: 19:team-tmw@thread.tacv2, channel_id: 19:mod@thread.tacv2}, name: moderation}\n",
    )
)


def _line_of(text: str, needle: str, after: int = 0) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if i > after and needle in line)


async def test_a_file_mixing_slack_only_teams_only_and_two_platform_people_validates(tmp_path: Path) -> None:
    path = tmp_path / "mixed.yml"
    path.write_text(MIXED)

    code, out, err = await run_tmw_bot("org", "validate", str(path), env=sqlite_env(tmp_path), cwd=tmp_path)

    assert code == 0, err
    assert "is valid: 11 people, 3 projects" in out
    config = parse_org_text(MIXED)
    rachel = config.person("rachel.g")
    assert rachel is not None and rachel.slack_id is None and rachel.notify_on is Platform.TEAMS
    ben = config.person("U0VOLUNT01")  # no key given: keyed by the Slack id, as every existing file is
    assert ben is not None and ben.slack_id == "U0VOLUNT01" and ben.notify_on is Platform.SLACK
    assert config.channels.moderation is not None and config.channels.moderation.id is None


def test_a_two_platform_person_is_told_on_the_platform_their_entry_names_first() -> None:
    config = parse_org_text(MIXED)
    anita, malcolm = config.person("U0ANITA001"), config.person("U0CHAIR001")
    assert anita is not None and anita.notify_on is Platform.SLACK  # slack_id comes first in her entry
    assert malcolm is not None and malcolm.notify_on is Platform.TEAMS  # teams comes first in his
    said = parse_org_text(MIXED.replace("    slack_id: U0CHAIR001\n", "    slack_id: U0CHAIR001\n    notify_on: slack\n"))
    chair = said.person("U0CHAIR001")
    assert chair is not None and chair.notify_on is Platform.SLACK


async def test_each_identity_mistake_is_listed_with_its_line_and_field(tmp_path: Path) -> None:
    extra_people = (
        # people[11]: on Teams only, with no key; its UPN is Rachel's but for the case of its letters.
        "  - teams:\n      object_id: 3c9a1f2e-5b6d-4e7f-8a9b-0c1d2e3f4a5b\n"
        "      upn: RACHEL.green@THEMUSICWORKS.org.uk\n    name: Nameless\n    roles: [volunteer]\n"
        # people[12]: Anita's object id in capitals, and told on Slack where she has no Slack id.
        f"  - key: priya2\n    teams: {{object_id: {ANITA_OBJECT_ID.upper()}, upn: priya2@themusicworks.org.uk}}\n"
        "    notify_on: slack\n    name: Priya Again\n    roles: [volunteer]\n"
    )
    broken = MIXED.replace("\nprojects:\n", extra_people + "\nprojects:\n").replace(
        "  guarded:\n", "  guarded:\n    - {name: nowhere}\n"
    )
    path = tmp_path / "broken.yml"
    path.write_text(broken)

    code, _, err = await run_tmw_bot("org", "validate", str(path), env=sqlite_env(tmp_path), cwd=tmp_path)

    assert code == 1
    nameless = _line_of(broken, "object_id: 3c9a1f2e") - 1  # the entry starts on the line before
    assert f"line {nameless}: people[11].key: is required for someone with no slack_id" in err
    upn = _line_of(broken, "upn: RACHEL.green@")
    assert f"line {upn}: people[11].teams.upn: RACHEL.green@THEMUSICWORKS.org.uk is listed twice (also people[10])" in err
    priya = _line_of(broken, f"object_id: {ANITA_OBJECT_ID.upper()}")
    assert f"line {priya}: people[12].teams.object_id: {ANITA_OBJECT_ID} is listed twice (also people[0])" in err
    notify = _line_of(broken, "notify_on: slack", after=priya)
    assert f"line {notify}: people[12].notify_on: says slack, but this person has no slack_id" in err
    nowhere = _line_of(broken, "{name: nowhere}")
    assert f"line {nowhere}: channels.guarded[0]: give id (a Slack channel), teams (a Teams channel) or both" in err
    assert "has 5 errors" in err, err


def test_a_bad_key_or_object_id_is_named_by_its_field() -> None:
    text = MIXED.replace("key: rachel.g", "key: Rachel G").replace(RACHEL_OBJECT_ID, "not-a-guid")
    with pytest.raises(OrgFileError) as raised:
        parse_org_text(text)
    message = str(raised.value)
    assert f"line {_line_of(text, 'key: Rachel G')}: people[10].key: 'Rachel G' is not a key" in message
    assert f"line {_line_of(text, 'not-a-guid')}: people[10].teams.object_id:" in message


async def test_the_directory_holds_each_persons_identities_and_each_channels_addresses(
    bot: RunningBot, tmp_path: Path
) -> None:
    edited = tmp_path / "org.yml"
    edited.write_text(MIXED)
    async with bot.services.db.unit_of_work() as session:
        assert await sync_org(session, load_org_file(edited), bot.clock.now()) is True
    async with bot.services.db.unit_of_work() as session:
        directory = await load_directory(session)
        safeguarding = await channel_for(session, "safeguarding"), await teams_channel_for(session, "safeguarding")
        moderation = await channel_for(session, "moderation"), await teams_channel_for(session, "moderation")
        digest = await channel_for(session, "ceo_digest"), await teams_channel_for(session, "ceo_digest")

    rachel = directory.by_key("rachel.g")
    assert rachel is not None and rachel.slack_id is None and rachel.notify_on == "teams"
    assert rachel.teams_object_id == RACHEL_OBJECT_ID and rachel.teams_upn == "Rachel.Green@themusicworks.org.uk"
    assert directory.by_teams_object_id(RACHEL_OBJECT_ID.upper()) is rachel
    assert directory.by_key("U0ADMIN001") is None  # her old entry, keyed by a Slack id, has left the file
    anita = directory.by_slack_id("U0ANITA001")
    assert anita is not None and anita.key == "U0ANITA001" and anita.notify_on == "slack"
    assert directory.by_teams_object_id(ANITA_OBJECT_ID) is anita
    malcolm = directory.by_key("U0CHAIR001")
    assert malcolm is not None and malcolm.notify_on == "teams" and malcolm.slack_id == "U0CHAIR001"
    grace = directory.by_key("grace")
    assert grace is not None and grace.manages == {"beat-it"}
    assert safeguarding == ("C0SAFEGD01", TeamsChannelAddress("19:team-tmw@thread.tacv2", "19:safe@thread.tacv2"))
    assert moderation == (None, TeamsChannelAddress("19:team-tmw@thread.tacv2", "19:mod@thread.tacv2"))
    assert digest == ("C0DIGEST01", None)


async def test_a_slack_id_moved_to_a_new_key_is_taken_from_the_old_entry(bot: RunningBot, tmp_path: Path) -> None:
    # Ben is given a key after his entry was loaded by Slack id: the new entry gets his Slack id, and the old
    # one (kept for the record, out of the directory) gives it up rather than the load failing.
    edited = tmp_path / "org.yml"
    edited.write_text(EXAMPLE.replace("  - slack_id: U0VOLUNT01\n", "  - key: ben.c\n    slack_id: U0VOLUNT01\n"))
    async with bot.services.db.unit_of_work() as session:
        assert await sync_org(session, load_org_file(edited), bot.clock.now()) is True
    async with bot.services.db.unit_of_work() as session:
        directory = await load_directory(session)
        old = await session.scalar(select(Person).where(Person.key == "U0VOLUNT01"))
    ben = directory.by_slack_id("U0VOLUNT01")
    assert ben is not None and ben.key == "ben.c" and directory.by_key("U0VOLUNT01") is None
    assert old is not None and old.slack_id is None and not old.in_directory
