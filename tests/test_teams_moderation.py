"""Guarded and moderated channels in Teams (policy 5.5, 5.7). The app reads every message in its teams'
channels (resource-specific consent, in the app package); in a channel the organisation file names as
guarded or moderated, it reads them as in Slack. A guarded channel's poster is warned privately, in their
own chat with the bot, and nothing is said in the channel; a moderated channel's breach goes to the
moderators' queue as a card whose buttons only moderators may use. An app cannot delete a post in Teams:
the card says how to remove it by hand, and Delete records the decision. Over real HTTP through the Teams
stand-in, every activity signed, on SQLite and PostgreSQL."""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import select

from bot.standin import FakeSlack
from bot.standin.teams import SentActivity
from storage.models import AuditEntry, GuardedNotice, ModerationCase, OutboxMessage
from tests.cli_support import bare_env, run_tmw_bot
from tests.harness import EXAMPLE_ORG
from tests.teams_support import (
    ANITA_TEAMS,
    APP_ID,
    DAN_TEAMS,
    SAM_TEAMS,
    TeamsWorld,
    card_actions,
    card_button,
    start_teams_world,
)

MAYA_TEAMS = "d08e7d9f-8888-4bc2-8d5e-4f3a2b1c0d9e"  # a young leader
TEAM = "19:team-tmw@thread.tacv2"
MODERATION = "19:moderation-a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6@thread.tacv2"  # longer than a Slack id
DRAFTS = "19:social-drafts@thread.tacv2"  # guarded
YOUNG_LEADERS = "19:young-leaders@thread.tacv2"  # moderated
GENERAL = "19:general-chat@thread.tacv2"  # neither
TEAMS_OF = {"U0PMAUDIO1": SAM_TEAMS, "U0LEADER01": DAN_TEAMS, "U0ANITA001": ANITA_TEAMS, "U0YOUNGL01": MAYA_TEAMS}
ON_TEAMS = {"moderation": MODERATION, "social-drafts": DRAFTS, "young-leaders": YOUNG_LEADERS}

ABUSE = "you are a f u c k i n g idiot"


def _organisation() -> str:
    """The example organisation with Sam (a moderator), Dan, Anita (the CEO, no moderator) and Maya told on
    Teams, and the moderation, guarded and moderated channels in its team on Teams alone."""
    data = yaml.safe_load(EXAMPLE_ORG.read_text(encoding="utf-8"))
    for person in data["people"]:
        if person["slack_id"] in TEAMS_OF:
            person["teams"] = {"object_id": TEAMS_OF[person["slack_id"]],
                               "upn": f"{person['slack_id'].lower()}@themusicworks.org.uk"}
            person["notify_on"] = "teams"
    channels = data["channels"]
    for spec in [channels["moderation"], *channels["guarded"], *channels["moderated"]]:
        spec.pop("id")
        spec["teams"] = {"team_id": TEAM, "channel_id": ON_TEAMS[spec["name"]]}
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


@pytest.fixture
async def world(database_url: str, fake_slack: FakeSlack, tmp_path: Path) -> AsyncIterator[TeamsWorld]:
    org = tmp_path / "org.yml"
    org.write_text(_organisation(), encoding="utf-8")
    async for running in start_teams_world(database_url, fake_slack, org=org):
        for person in TEAMS_OF.values():
            assert (await running.client.send(running.client.installed(person))).status == 200
        # The app added to the team: Teams tells it in the moderators' channel, which it can then post in.
        assert (await running.client.send(running.client.added_to_team(SAM_TEAMS, TEAM, MODERATION))).status == 200
        yield running


def _text(card: dict[str, Any]) -> str:
    """What a card shows, as read: every text in it, its markdown escapes undone."""
    texts: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("text"), str):
                texts.append(node["text"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)
    walk(card.get("body", []))
    return re.sub(r"\\(.)", r"\1", "\n".join(texts)).replace("\u2060", "").replace("**", "")


def _said_to(world: TeamsWorld, person: str) -> str:
    return "\n".join(_text(card) for sent in world.teams.sent_to(person) for card in sent.cards)


def _in(world: TeamsWorld, channel: str) -> list[SentActivity]:
    return world.teams.sent_in(channel)


async def _post(world: TeamsWorld, person: str, channel: str, text: str, **extra: Any) -> dict[str, Any]:
    activity = world.client.channel_message(person, TEAM, channel, text, **extra)
    assert (await world.client.send(activity)).status == 200
    return activity


async def _flagged(world: TeamsWorld, text: str = ABUSE) -> SentActivity:
    """Maya posts in the moderated channel; the moderators' card about it, once the outbox has run."""
    await _post(world, MAYA_TEAMS, YOUNG_LEADERS, text)
    await world.tick()
    return _in(world, MODERATION)[-1]


async def _press(world: TeamsWorld, person: str, card: SentActivity, title: str) -> Any:
    button = card_button(card.cards[0], title)
    pressed = await world.client.send(world.client.card_action(person, button["verb"], button["data"],
                                                               in_channel=(TEAM, MODERATION), reply_to_id=card.id))
    assert pressed.status == 200
    return pressed.body


async def _case(world: TeamsWorld) -> Any:
    """The one moderation case, as its row's values."""
    async with world.bot.services.db.reading() as session:
        return (await session.execute(select(ModerationCase.channel_id, ModerationCase.user_id, ModerationCase.state,
                                             ModerationCase.decided_by, ModerationCase.findings))).one()


async def _audits(world: TeamsWorld, action: str) -> int:
    async with world.bot.services.db.reading() as session:
        return len((await session.scalars(select(AuditEntry).where(AuditEntry.action == action))).all())


# -- guarded channels ----------------------------------------------------------------------------------


async def test_a_phone_number_in_a_guarded_channel_warns_the_poster_privately_and_nothing_is_said_there(
        world: TeamsWorld) -> None:
    await _post(world, DAN_TEAMS, DRAFTS, "Great gig! Ring Amy's mum on 07700 900123 for tickets")

    # At once, before the outbox has run: in Dan's own chat, with what was found and a copy without it.
    warning = _said_to(world, DAN_TEAMS)
    assert "Your message in #social-drafts may share personal details. The moderators have been told." in warning
    assert "07700 900123" in warning and "Ring Amy's mum on [phone number removed]" in warning
    # Nothing in the channel, and nothing of the warning kept to send later.
    assert _in(world, DRAFTS) == []
    async with world.bot.services.db.reading() as session:
        queued = (await session.execute(select(OutboxMessage.template, OutboxMessage.params_enc))).all()
    assert [template for template, _ in queued] == ["checks.guarded_notice"]  # the moderators' notice only
    assert all("07700" not in str(params) for _, params in queued)

    # The moderators hear of it in their channel, with the redacted text only.
    await world.tick()
    [notice] = _in(world, MODERATION)
    told = _text(notice.cards[0])
    assert "Possible personal details (phone number)" in told and "#social-drafts" in told
    assert "07700 900123" not in told and "[phone number removed]" in told
    assert "a team owner opens the post's ⋯ (More options) menu and chooses Delete" in told


async def test_when_teams_cannot_take_the_warning_the_poster_is_told_later_without_their_words(
        world: TeamsWorld) -> None:
    world.teams.fail("send", 503)  # once: the warning sent at once
    await _post(world, DAN_TEAMS, DRAFTS, "Ring Amy's mum on 07700 900123")

    assert _said_to(world, DAN_TEAMS) == ""
    await world.tick()  # Teams is back

    told = _said_to(world, DAN_TEAMS)
    assert ("One of your messages in #social-drafts may share personal details, and the moderators have been told."
            in told)
    assert "07700" not in told and "Amy" not in told


async def test_an_edit_that_adds_a_phone_number_is_checked_again(world: TeamsWorld) -> None:
    posted = await _post(world, DAN_TEAMS, DRAFTS, "See you all on Saturday")
    assert _said_to(world, DAN_TEAMS) == ""

    edited = world.client.message_edited(DAN_TEAMS, TEAM, DRAFTS, posted["id"],
                                         "See you Saturday, ring me on 07700 900123")
    assert (await world.client.send(edited)).status == 200

    assert "may share personal details" in _said_to(world, DAN_TEAMS)
    async with world.bot.services.db.reading() as session:
        [notice] = (await session.execute(select(GuardedNotice.channel_id, GuardedNotice.message_ts,
                                                 GuardedNotice.user_id))).all()
    # The post by its time in seconds, as the core names messages (Teams' id is in milliseconds).
    assert tuple(notice) == (DRAFTS, f"{posted['id'][:-3]}.{posted['id'][-3:]}", "U0LEADER01")


async def test_removing_a_guarded_post_is_recorded_and_says_it_is_done_by_hand(world: TeamsWorld) -> None:
    await _post(world, DAN_TEAMS, DRAFTS, "Amy's number is 07700 900123")
    await world.tick()
    [notice] = _in(world, MODERATION)

    refused = await _press(world, DAN_TEAMS, notice, "Remove message")  # a freelancer: no moderator or admin
    assert refused["value"] == "Only the group's moderators can decide on this, so nothing has been changed."
    done = await _press(world, SAM_TEAMS, notice, "Remove message")

    assert "Recorded as removed" in done["value"] and "remove it by hand" in done["value"]
    async with world.bot.services.db.reading() as session:
        assert (await session.scalar(select(GuardedNotice.state))) == "removed"


# -- moderated channels ----------------------------------------------------------------------------------


async def test_an_abusive_post_in_a_moderated_channel_goes_to_the_moderators_queue(world: TeamsWorld) -> None:
    await _post(world, MAYA_TEAMS, YOUNG_LEADERS, "you absolutely killed that solo last night")
    await world.tick()
    assert _in(world, MODERATION) == []  # friendly music talk is fine

    card = await _flagged(world)

    shown = _text(card.cards[0])
    assert "A post may break the group's rules" in shown
    assert "#young-leaders" in shown and "Abuse" in shown and ABUSE in shown
    assert "I can't delete posts in Teams. To remove it, a team owner opens the post's ⋯ (More options) menu" in shown
    assert {button["verb"] for button in card.cards[0]["body"][-1]["actions"]} == {
        "moderation.delete", "moderation.keep", "moderation.warn"}
    # Maya is mentioned as herself, and nothing is said in the group's channel.
    assert MAYA_TEAMS in json.dumps(card.cards[0]["msteams"])
    assert _in(world, YOUNG_LEADERS) == []
    case = await _case(world)
    assert (case.channel_id, case.user_id, case.state) == (YOUNG_LEADERS, "U0YOUNGL01", "open")


async def test_someone_who_is_not_a_moderator_cannot_decide_and_nothing_changes(world: TeamsWorld) -> None:
    card = await _flagged(world)

    for title in ("Keep", "Warn poster", "Delete"):
        answer = await _press(world, ANITA_TEAMS, card, title)
        assert answer["value"] == "Only the group's moderators can decide on this, so nothing has been changed."
    await world.tick()

    assert (await _case(world)).state == "open"
    assert "group agreement" not in _said_to(world, MAYA_TEAMS)
    assert [sent.history for sent in _in(world, MODERATION)] == [[]]  # the card was never changed
    assert await _audits(world, "moderation.kept") + await _audits(world, "moderation.warned") == 0


async def test_warn_poster_sends_a_private_reminder_of_the_group_agreement(world: TeamsWorld) -> None:
    card = await _flagged(world)
    keep = card_button(card.cards[0], "Keep")

    answer = await _press(world, SAM_TEAMS, card, "Warn poster")
    await world.tick()

    assert "The poster has been sent a kind, private reminder of the group agreement." in _text(answer["value"])
    assert "Kept, poster warned" in _text(answer["value"])
    reminder = _said_to(world, MAYA_TEAMS)
    assert ("A moderator noticed that one of your posts in #young-leaders didn't fit the group agreement (abuse)"
            in reminder)
    assert _in(world, YOUNG_LEADERS) == []
    assert (await _case(world)).state == "warned"
    # The card, updated in place for everyone, no longer offers the buttons or repeats the post.
    [updated] = _in(world, MODERATION)
    assert "Kept, poster warned" in _text(updated.cards[0]) and ABUSE not in _text(updated.cards[0])
    assert card_actions(updated.cards[0]) == []
    # A press on the card as it was (another moderator's copy, not yet updated) decides nothing more.
    again = await world.client.send(world.client.card_action(SAM_TEAMS, keep["verb"], keep["data"],
                                                             in_channel=(TEAM, MODERATION), reply_to_id=card.id))
    assert "This was already kept, and the poster warned." in _text(again.body["value"])
    assert (await _case(world)).state == "warned"


async def test_delete_records_the_decision_and_says_how_to_remove_the_post_by_hand(world: TeamsWorld) -> None:
    card = await _flagged(world)

    answer = await _press(world, SAM_TEAMS, card, "Delete")
    await world.tick()

    said = _text(answer["value"])
    assert "Recorded as deleted. If the post is still in the channel, remove it by hand" in said
    assert "⋯ (More options) menu and chooses Delete" in said
    case = await _case(world)
    assert (case.state, case.decided_by) == ("deleted", "U0PMAUDIO1")
    assert await _audits(world, "moderation.deleted") == 1
    assert world.teams.calls_to("delete") == []  # nothing the app could delete in Teams


async def test_a_post_deleted_before_a_moderator_acts_closes_its_case(world: TeamsWorld) -> None:
    posted = await _post(world, MAYA_TEAMS, YOUNG_LEADERS, ABUSE)
    await world.tick()

    deleted = world.client.message_deleted(MAYA_TEAMS, TEAM, YOUNG_LEADERS, posted["id"])
    assert (await world.client.send(deleted)).status == 200
    await world.tick()

    assert (await _case(world)).state == "already_removed"
    assert "Already removed" in _text(_in(world, MODERATION)[-1].cards[0])


async def test_a_channel_neither_guarded_nor_moderated_is_left_alone(world: TeamsWorld) -> None:
    await _post(world, MAYA_TEAMS, GENERAL, ABUSE)
    await _post(world, DAN_TEAMS, GENERAL, "ring me on 07700 900123")
    await world.tick()

    assert _said_to(world, DAN_TEAMS) == "" and _said_to(world, MAYA_TEAMS) == ""
    assert _in(world, GENERAL) == [] and _in(world, MODERATION) == []
    assert await world.count(ModerationCase) == 0 and await world.count(GuardedNotice) == 0


async def test_the_same_post_sent_twice_by_teams_is_read_once(world: TeamsWorld) -> None:
    activity = await _post(world, MAYA_TEAMS, YOUNG_LEADERS, ABUSE)
    assert (await world.client.send(activity)).status == 200  # Teams sending it again
    await world.tick()

    assert [f["rule"] for f in (await _case(world)).findings] == ["abuse"]
    assert await _audits(world, "moderation.flagged") == 1
    assert len(_in(world, MODERATION)) == 1


# -- the group agreement -----------------------------------------------------------------------------


async def test_groupagreement_posts_the_agreement_in_the_channel_and_says_how_to_pin_it(world: TeamsWorld) -> None:
    command = world.client.channel_message(SAM_TEAMS, TEAM, YOUNG_LEADERS, "groupagreement", mention_bot=True)
    assert (await world.client.send(command)).status == 200
    await world.tick()

    [agreement] = _in(world, YOUNG_LEADERS)
    assert agreement.conversation_id == YOUNG_LEADERS  # a post of its own, not a reply to the command
    shown = _text(agreement.cards[0])
    assert "Welcome to #young-leaders, a group run by The Music Works." in shown
    assert "keep personal details private" in shown
    told = _said_to(world, SAM_TEAMS)
    assert "The group agreement is posted in #young-leaders. A bot can't pin posts in Teams" in told
    assert "open the post's ⋯ (More options) menu and choose Pin" in told
    assert await world.count(ModerationCase) == 0  # a command, not a post to moderate


async def test_only_the_groups_organisers_may_post_the_agreement(world: TeamsWorld) -> None:
    command = world.client.channel_message(DAN_TEAMS, TEAM, YOUNG_LEADERS, "groupagreement", mention_bot=True)
    assert (await world.client.send(command)).status == 200
    elsewhere = world.client.channel_message(SAM_TEAMS, TEAM, GENERAL, "groupagreement", mention_bot=True)
    assert (await world.client.send(elsewhere)).status == 200
    await world.tick()

    assert _in(world, YOUNG_LEADERS) == [] and _in(world, GENERAL) == []
    assert "Only the group's organiser (a project manager, moderator or admin) can post its agreement." in _said_to(
        world, DAN_TEAMS)
    assert "This channel is not one of our moderated groups." in _said_to(world, SAM_TEAMS)


# -- new members get the agreement ---------------------------------------------------------------------

NEWCOMER_TEAMS = "5c1f2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b"  # a young person the organisation file does not name


async def test_someone_added_to_a_moderated_groups_team_gets_the_agreement_and_safety_tips_in_their_chat(
        world: TeamsWorld) -> None:
    world.teams.install_for(NEWCOMER_TEAMS)  # the app pre-installed for everyone (a setup policy)
    added = world.client.members_added(SAM_TEAMS, TEAM, TEAM, NEWCOMER_TEAMS)

    assert (await world.client.send(added)).status == 200
    assert (await world.client.send(added)).status == 200  # Teams sending it again
    await world.tick()

    [welcome] = [sent for sent in world.teams.sent_to(NEWCOMER_TEAMS) if sent.cards]
    shown = _text(welcome.cards[0])
    assert "Welcome to #young-leaders, a group run by The Music Works." in shown
    assert "keep personal details private" in shown
    assert "Keeping safe online" in shown and "trusted adult" in shown and "CEOP" in shown
    assert _in(world, YOUNG_LEADERS) == [] and _in(world, TEAM) == []  # to them alone
    assert "Welcome to #" not in _said_to(world, SAM_TEAMS)  # not to whoever added them


async def test_someone_added_to_a_moderated_private_channel_gets_its_agreement(world: TeamsWorld) -> None:
    added = world.client.members_added(SAM_TEAMS, TEAM, YOUNG_LEADERS, MAYA_TEAMS, event="channelMemberAdded")
    assert (await world.client.send(added)).status == 200
    await world.tick()

    assert "Welcome to #young-leaders" in _said_to(world, MAYA_TEAMS)


async def test_no_agreement_for_a_channel_that_is_not_a_moderated_group_nor_for_the_app_itself(world: TeamsWorld) -> None:
    added = world.client.members_added(SAM_TEAMS, TEAM, DRAFTS, MAYA_TEAMS, event="channelMemberAdded")
    assert (await world.client.send(added)).status == 200
    elsewhere = world.client.members_added(SAM_TEAMS, "19:another-team@thread.tacv2", "19:another-team@thread.tacv2",
                                           DAN_TEAMS)
    assert (await world.client.send(elsewhere)).status == 200
    await world.tick()

    # (The fixture added the app itself to the team: nobody was welcomed for that either.)
    for person in (MAYA_TEAMS, DAN_TEAMS, SAM_TEAMS):
        assert "Welcome to #" not in _said_to(world, person)


# -- the app package ------------------------------------------------------------------------------------


async def test_the_app_package_asks_to_read_channel_messages(tmp_path: Path) -> None:
    out = tmp_path / "app.zip"
    code, _, err = await run_tmw_bot("teams", "package", "--out", str(out),
                                     env={**bare_env(), "TEAMS_APP_ID": APP_ID, "TMW_ORG_CONFIG": str(EXAMPLE_ORG)},
                                     cwd=tmp_path)
    assert code == 0, err
    manifest = json.loads(zipfile.ZipFile(io.BytesIO(out.read_bytes())).read("manifest.json"))
    assert {"name": "ChannelMessage.Read.Group", "type": "Application"} in (
        manifest["authorization"]["permissions"]["resourceSpecific"])
    assert "team" in manifest["bots"][0]["scopes"]
