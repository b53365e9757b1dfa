"""`away` in Teams, as Slack's /away: typed in the bot's 1:1 chat, read with the same words and answered by
the same rules (bot/absences.py): away until a date, away for some days, away off, away to see it; someone
else's absence named first and who covers named last; a date the bot cannot read is answered kindly and
changes nothing. The answers name the command as it is typed in Teams. Over real HTTP through the Teams
stand-in, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from bot.standin import FakeSlack
from storage.models import Absence, AuditEntry
from tests.harness import START
from tests.teams_support import (
    ANITA_TEAMS,
    BEN_TEAMS,
    DAN_TEAMS,
    PRIYA_TEAMS,
    TeamsWorld,
    card_text,
    start_teams_world,
)

# START is Tuesday 24 November 2026, 10:00 in London: "until Friday" ends as Saturday 28 November begins.
SATURDAY = datetime(2026, 11, 28, 0, 0, tzinfo=UTC)


@pytest.fixture
async def world(database_url: str, fake_slack: FakeSlack) -> AsyncIterator[TeamsWorld]:
    async for running in start_teams_world(database_url, fake_slack):
        yield running


async def _say(world: TeamsWorld, person: str, text: str, activity: dict | None = None) -> str:
    """`text` typed in the person's chat with the bot; what the bot answered there, as the words it shows
    (a command to type is shown in quotes: a card's text has no code span)."""
    world.teams.install_for(person)
    before = len(world.teams.sent_to(person))
    answer = await world.client.send(activity or world.client.personal_message(person, text))
    assert answer.status == 200
    await world.tick()
    said = world.teams.sent_to(person)[before:]
    return "\n".join(card_text(card) for sent in said for card in sent.cards)


async def _absences(world: TeamsWorld) -> list[tuple[str, datetime, datetime, str | None, str]]:
    """Each absence: whose, from, until, who covers, who set it."""
    async with world.bot.services.db.reading() as session:
        rows = await session.execute(select(Absence.person_id, Absence.starts_at, Absence.ends_at, Absence.stand_in_id,
                                            Absence.set_by).order_by(Absence.id))
        return [(p, s.replace(tzinfo=UTC), e.replace(tzinfo=UTC), c, b) for p, s, e, c, b in rows.all()]


async def test_away_until_a_day_is_recorded_and_the_answer_names_the_teams_command(world: TeamsWorld) -> None:
    activity = world.client.personal_message(BEN_TEAMS, "away until Friday")

    said = await _say(world, BEN_TEAMS, "", activity)
    again = await _say(world, BEN_TEAMS, "", activity)  # Teams sending the same message again

    assert "You are recorded as away until Friday 27 November 2026" in said
    assert "go to the next person on their chain" in said
    assert "“away off” if you are back early" in said and "/away" not in said
    assert again == ""
    assert await _absences(world) == [("U0VOLUNT01", START, SATURDAY, None, "U0VOLUNT01")]

    shown = await _say(world, BEN_TEAMS, "away")
    assert "You are recorded as away until Friday 27 November 2026" in shown and "“away off” ends it" in shown


async def test_a_date_the_bot_cannot_read_is_answered_kindly_and_nothing_is_saved(world: TeamsWorld) -> None:
    said = await _say(world, BEN_TEAMS, "away until the cows come home")

    assert "Nothing has been changed." in said
    assert "Type “away until Friday”, “away 24 Dec - 2 Jan” or “away off”" in said and "/away" not in said
    assert await _absences(world) == []


async def test_away_off_ends_the_absence_now(world: TeamsWorld) -> None:
    await _say(world, BEN_TEAMS, "away until Friday")
    world.bot.clock.set(START.replace(hour=15))

    said = await _say(world, BEN_TEAMS, "away off")
    nothing = await _say(world, BEN_TEAMS, "away off")

    assert "Welcome back. You are no longer shown as away." in said
    assert "You are not recorded as away, so there was nothing to end." in nothing
    [(person, starts, ends, _, _)] = await _absences(world)
    assert (person, starts, ends) == ("U0VOLUNT01", START, START.replace(hour=15))


async def test_who_covers_is_named_last_by_name(world: TeamsWorld) -> None:
    said = await _say(world, PRIYA_TEAMS, "away until Friday cover @Anita")

    assert "with Anita Holford covering" in said and "go to Anita Holford" in said
    assert await _absences(world) == [("U0SAFE0001", START, SATURDAY, "U0ANITA001", "U0SAFE0001")]


async def test_someone_elses_absence_is_set_by_the_ceo_and_they_are_told_in_teams(world: TeamsWorld) -> None:
    world.teams.install_for(DAN_TEAMS)
    mention = world.client.personal_message(ANITA_TEAMS, "away <at>Dan Hughes</at> until Friday")
    mention["entities"] = [{"type": "mention", "text": "<at>Dan Hughes</at>",
                            "mentioned": {"id": "29:1dan", "name": "Dan Hughes"}}]

    said = await _say(world, ANITA_TEAMS, "", mention)
    await world.tick()

    assert "Dan Hughes is recorded as away until Friday 27 November 2026" in said and "I have told them" in said
    assert await _absences(world) == [("U0LEADER01", START, SATURDAY, None, "U0ANITA001")]
    [told] = [card_text(s.cards[0]) for s in world.teams.sent_to(DAN_TEAMS)
              if "Anita" in json.dumps(s.cards)]
    assert "recorded you as away until Friday 27 November 2026" in told
    assert "“away” shows it, and “away off” ends it." in told

    # Typed with an @ and a first name, the word after it is the dates'.
    ended = await _say(world, ANITA_TEAMS, "away @Dan off")
    assert "Dan Hughes is no longer shown as away." in ended


async def test_only_the_person_their_manager_the_ceo_or_an_admin_may_set_an_absence(world: TeamsWorld) -> None:
    refused = await _say(world, BEN_TEAMS, "away @Priya Shah until Friday")
    unknown = await _say(world, BEN_TEAMS, "away @Nobody until Friday")

    assert refused == "Only Priya Shah, their project manager, the CEO or an admin can set Priya Shah's absence, " \
                      "so nothing has been changed."
    assert "I couldn't tell who that was about, so nothing has been changed." in unknown
    assert await _absences(world) == []
    async with world.bot.services.db.reading() as session:
        refusals = (await session.scalars(select(AuditEntry.subject_id).where(AuditEntry.action == "absence.refused"))).all()
    assert refusals == ["U0SAFE0001"]
