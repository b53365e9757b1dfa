"""The digest in Teams (policy 10: the CEO is told weekly): `digest` in the 1:1 chat shows the CEO this week
so far, in counts and roles, as the weekly post does; anyone else is told kindly who it is for, and sees no
figure. Over real HTTP through the Teams stand-in, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.standin import FakeSlack
from tests.teams_support import ANITA_TEAMS, BEN_TEAMS, TeamsWorld, card_text, start_teams_world


@pytest.fixture
async def world(database_url: str, fake_slack: FakeSlack) -> AsyncIterator[TeamsWorld]:
    async for running in start_teams_world(database_url, fake_slack):
        yield running


async def _ask_for_the_digest(world: TeamsWorld, person: str) -> list[str]:
    world.teams.install_for(person)
    await world.client.send(world.client.personal_message(person, "digest"))
    await world.tick()
    return [card_text(sent.cards[0]) if sent.cards else sent.text for sent in world.teams.sent_to(person)]


async def test_the_ceo_sees_this_weeks_digest_in_counts_and_roles(world: TeamsWorld) -> None:
    [digest] = await _ask_for_the_digest(world, ANITA_TEAMS)

    assert "Weekly digest for The Music Works" in digest
    assert "Reports" in digest
    assert "Counts and roles only." in digest and "For the detail you are allowed to see, type" in digest


async def test_a_volunteer_is_told_who_the_digest_is_for_and_sees_no_figure(world: TeamsWorld) -> None:
    [answer] = await _ask_for_the_digest(world, BEN_TEAMS)

    assert "The digest is for the CEO and the admins. Ask one of them if you need a figure from it." in answer
    assert "Weekly digest" not in answer
