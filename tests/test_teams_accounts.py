"""Shared accounts in Teams, as in Slack: a password nudge reaches its owner as a card whose buttons record
the change, ask when it was made or put it off, each only for whoever Slack allows, once however often
pressed, with the card updated in place; `rotated NAME` in the 1:1 chat records a change; `accounts` shows
the register to people in the organisation file and to nobody else; an admin adds and edits accounts in
a dialog with the Slack form's checks, saved once, and nothing half-saved; anyone may flag a password
that may have been seen (policy 5.4). Over real HTTP through the Teams stand-in, on SQLite and
PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.accounts import workflow
from bot.accounts.intervals import IntervalNotUnderstood, parse_interval
from bot.accounts.secrets import contains_password
from bot.accounts.workflow import AccountForm
from bot.standin import FakeSlack
from bot.standin.teams.connector import SentActivity
from storage.models import AccountAccess, AuditEntry, Report, SharedAccount
from tests.harness import EXAMPLE_ORG, START
from tests.teams_support import (
    ANITA_TEAMS,
    BEN_TEAMS,
    PRIYA_TEAMS,
    SAM_TEAMS,
    STRANGER_TEAMS,
    TeamsWorld,
    card_text,
    start_teams_world,
)
from tests.teams_support import card_actions as _actions
from tests.teams_support import card_button as _button

ANITA, BEN = "U0ANITA001", "U0VOLUNT01"
RACHEL, SAM, GRACE = "U0ADMIN001", "U0PMAUDIO1", "U0PMBEAT01"
MESSAGE = "application/vnd.microsoft.activity.message"
CARD = "application/vnd.microsoft.card.adaptive"


@pytest.fixture
async def world(database_url: str, fake_slack: FakeSlack) -> AsyncIterator[TeamsWorld]:
    async for running in start_teams_world(database_url, fake_slack):
        yield running


def _on_teams(text: str, key: str, object_id: str) -> str:
    return text.replace(f"  - slack_id: {key}\n", f"  - slack_id: {key}\n    teams: {{object_id: {object_id}, upn: {key.lower()}@themusicworks.org.uk}}\n"
                                                     "    notify_on: teams\n")


# Anita (the CEO, an admin), Ben (a volunteer), Priya and Sam are on Teams; Rachel (an admin who owns
# Dropbox) and Grace (who can log in to it) are on Slack alone.
ON_TEAMS = EXAMPLE_ORG.read_text()
for _key, _object_id in ((ANITA, ANITA_TEAMS), (BEN, BEN_TEAMS), ("U0SAFE0001", PRIYA_TEAMS), (SAM, SAM_TEAMS)):
    ON_TEAMS = _on_teams(ON_TEAMS, _key, _object_id)


@pytest.fixture
async def org_world(database_url: str, fake_slack: FakeSlack, tmp_path: Any) -> AsyncIterator[TeamsWorld]:
    org = tmp_path / "org.yml"
    org.write_text(ON_TEAMS)
    async for running in start_teams_world(database_url, fake_slack, org=org):
        for person in (ANITA_TEAMS, BEN_TEAMS, PRIYA_TEAMS, STRANGER_TEAMS):
            assert (await running.client.send(running.client.installed(person))).status == 200
        yield running


def _text(card: dict[str, Any]) -> str:
    return json.dumps(card, ensure_ascii=False)


async def _canva_owned_by_ben(world: TeamsWorld) -> SentActivity:
    """An admin adds Canva, owned by Ben; nobody knows when it was last changed, so it is due now and
    Ben, who is on Teams, gets a nudge there. His nudge, as it stands in his chat."""
    world.teams.install_for(BEN_TEAMS, PRIYA_TEAMS)
    for person in (BEN_TEAMS, PRIYA_TEAMS):
        await world.client.send(world.client.personal_message(person, "hello"))  # their chats are kept
    services = world.bot.services
    async with services.db.unit_of_work() as session:
        await workflow.save_account(session, services, AccountForm(name="Canva", owner=BEN, every="90 days",
                                                                   overall_access=(ANITA,)), ANITA)
    for _ in range(2):
        await world.tick()
    [nudge] = _about_canva(world, BEN_TEAMS)
    return nudge


def _about_canva(world: TeamsWorld, person: str) -> list[SentActivity]:
    return [s for s in world.teams.sent_to(person) if s.cards and "Canva" in _text(s.cards[0])]


async def _canva(world: TeamsWorld) -> Any:
    """Canva as the database holds it now: when it was last changed, its cycle, next due and snooze."""
    async with world.bot.services.db.reading() as session:
        return (await session.execute(select(
            SharedAccount.last_changed_at, SharedAccount.cycle, SharedAccount.next_due_at, SharedAccount.snoozed_until,
        ).where(SharedAccount.name == "Canva"))).one()


async def _audits(world: TeamsWorld, action: str) -> int:
    async with world.bot.services.db.reading() as session:
        return await session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == action)) or 0


async def _press(world: TeamsWorld, person: str, button: dict[str, Any], nudge: SentActivity) -> Any:
    answer = await world.client.send(world.client.card_action(person, button["verb"], button["data"],
                                                              reply_to_id=nudge.id))
    assert answer.status == 200
    return answer.body


async def test_the_owner_gets_the_nudge_as_a_card_with_the_buttons_slack_has(world: TeamsWorld) -> None:
    nudge = await _canva_owned_by_ben(world)

    card = nudge.cards[0]
    assert "due to be changed today" in _text(card)
    assert [a["title"] for a in _actions(card)] == ["Changed it now", "Changed it on…", "Remind me in 3 days"]
    assert _button(card, "Changed it now")["type"] == "Action.Execute"
    assert _button(card, "Changed it on")["data"]["msteams"] == {"type": "task/fetch"}
    assert "rotated Canva" in _text(card) and "/rotated" not in _text(card)  # as it is typed in Teams


async def test_changed_it_now_is_recorded_once_however_often_pressed_and_the_card_updates_in_place(
        world: TeamsWorld) -> None:
    nudge = await _canva_owned_by_ben(world)
    button = _button(nudge.cards[0], "Changed it now")
    cycle = (await _canva(world)).cycle

    first = await _press(world, BEN_TEAMS, button, nudge)
    again = await _press(world, BEN_TEAMS, button, nudge)  # a double click, or Teams sending it again
    await world.tick()

    assert first["type"] == CARD and "change recorded" in _text(first["value"]) and not _actions(first["value"])
    assert again["type"] == CARD and "already recorded" in _text(again["value"]) and not _actions(again["value"])
    canva = await _canva(world)
    assert canva.last_changed_at == START and canva.cycle == cycle + 1
    assert canva.next_due_at == START + timedelta(days=90)
    assert await _audits(world, "account.rotated") == 1
    [shown] = _about_canva(world, BEN_TEAMS)  # the same message, replaced through the outbox
    assert shown.id == nudge.id and shown.history and "Changed on" in _text(shown.cards[0])
    assert not _actions(shown.cards[0])


async def test_someone_who_is_not_allowed_is_refused_and_nothing_changes(world: TeamsWorld) -> None:
    nudge = await _canva_owned_by_ben(world)
    before = await _canva(world)

    # Priya neither owns nor uses Canva, and is no admin.
    changed = await _press(world, PRIYA_TEAMS, _button(nudge.cards[0], "Changed it now"), nudge)
    snoozed = await _press(world, PRIYA_TEAMS, _button(nudge.cards[0], "Remind me"), nudge)
    forged = await _press(world, BEN_TEAMS, {"verb": "accounts.changed_now", "data": {"value": "{\"x\": 1}"}}, nudge)
    await world.tick()

    assert changed == {"statusCode": 200, "type": MESSAGE,
                       "value": "Only Canva's owner, the people who use it, or an admin can record a change."}
    assert snoozed == {"statusCode": 200, "type": MESSAGE,
                       "value": "Only Canva's owner or an admin can put this reminder off."}
    assert forged["type"] == MESSAGE and forged["value"].startswith("I can't tell which account")
    after = await _canva(world)
    assert (after.last_changed_at, after.cycle, after.snoozed_until) == (before.last_changed_at, before.cycle, None)
    assert await _audits(world, "account.rotated") == await _audits(world, "account.snoozed") == 0
    [shown] = _about_canva(world, BEN_TEAMS)
    assert [a["title"] for a in _actions(shown.cards[0])] == ["Changed it now", "Changed it on…", "Remind me in 3 days"]


async def test_remind_me_later_puts_it_off_once_and_the_card_says_when(world: TeamsWorld) -> None:
    nudge = await _canva_owned_by_ben(world)
    button = _button(nudge.cards[0], "Remind me in 3 days")

    first = await _press(world, BEN_TEAMS, button, nudge)
    again = await _press(world, BEN_TEAMS, button, nudge)
    await world.tick()

    assert first["type"] == CARD and "I'll remind you about Canva on" in _text(first["value"])
    assert not _actions(first["value"])
    assert again["type"] == CARD and "already remind you" in _text(again["value"])
    canva = await _canva(world)
    assert canva.snoozed_until is not None and canva.snoozed_until > START + timedelta(days=2)
    assert canva.last_changed_at is None
    assert await _audits(world, "account.snoozed") == 1
    [shown] = _about_canva(world, BEN_TEAMS)
    assert "I'll remind you on" in _text(shown.cards[0]) and not _actions(shown.cards[0])


async def test_changed_it_on_asks_when_in_a_dialog_and_records_that_moment_once(world: TeamsWorld) -> None:
    nudge = await _canva_owned_by_ben(world)
    button = _button(nudge.cards[0], "Changed it on")

    opened = await world.client.send(world.client.dialog_fetch(BEN_TEAMS, button["data"]))
    dialog = opened.body["task"]["value"]
    [submit] = dialog["card"]["content"]["actions"]
    future = await world.client.send(world.client.dialog_submit(BEN_TEAMS, {**submit["data"], "when": "next Friday"}))
    good = {**submit["data"], "when": "yesterday 4pm"}
    done = await world.client.send(world.client.dialog_submit(BEN_TEAMS, good))
    again = await world.client.send(world.client.dialog_submit(BEN_TEAMS, good))
    await world.tick()

    assert dialog["title"] == "Password changed" and "Canva" in _text(dialog["card"])
    assert future.body["task"]["type"] == "continue"  # shown again, with the problem beside the field
    assert done.body["task"]["type"] == "message" and "change recorded" in done.body["task"]["value"]
    assert "already recorded" in again.body["task"]["value"]
    canva = await _canva(world)
    # Yesterday 4pm in London (GMT) is 16:00 UTC on Monday 23 November.
    assert canva.last_changed_at == START.replace(day=23, hour=16)
    assert await _audits(world, "account.rotated") == 1
    [shown] = _about_canva(world, BEN_TEAMS)
    assert "Changed on" in _text(shown.cards[0]) and not _actions(shown.cards[0])


async def test_a_password_typed_in_the_dialog_is_refused_and_never_kept(world: TeamsWorld) -> None:
    nudge = await _canva_owned_by_ben(world)
    opened = await world.client.send(world.client.dialog_fetch(BEN_TEAMS, _button(nudge.cards[0], "Changed it on")["data"]))
    [submit] = opened.body["task"]["value"]["card"]["content"]["actions"]

    answer = await world.client.send(world.client.dialog_submit(BEN_TEAMS, {**submit["data"], "when": "Xk9!pq2wZ"}))

    assert answer.body["task"]["type"] == "continue"
    assert "looks like a password" in _text(answer.body) and "Xk9!pq2wZ" not in _text(answer.body)
    assert (await _canva(world)).last_changed_at is None


async def test_rotated_in_the_chat_records_the_change_once_and_closes_the_nudge(world: TeamsWorld) -> None:
    nudge = await _canva_owned_by_ben(world)
    before = len(world.teams.sent_to(BEN_TEAMS))
    typed = world.client.personal_message(BEN_TEAMS, "rotated canva yesterday 4pm")

    await world.client.send(typed)
    await world.client.send(typed)  # Teams sending the same activity again
    await world.tick()

    [reply] = world.teams.sent_to(BEN_TEAMS)[before:]  # one answer, and no second thoughts about it
    assert "change recorded for Monday 23 November" in _text(reply.cards[0]) and "Next due" in _text(reply.cards[0])
    assert await _audits(world, "account.rotated") == 1
    # Yesterday 4pm in London (GMT) is 16:00 UTC on Monday 23 November.
    assert (await _canva(world)).last_changed_at == START.replace(day=23, hour=16)
    [shown] = [s for s in world.teams.sent_to(BEN_TEAMS) if s.id == nudge.id]  # the nudge, replaced in place
    assert "Changed on" in _text(shown.cards[0]) and not _actions(shown.cards[0])


async def test_rotated_is_refused_for_an_account_the_person_does_not_hold_and_for_unknown_names(
        world: TeamsWorld) -> None:
    world.teams.install_for(BEN_TEAMS)

    for said in ("rotated Instagram", "rotated Instagrm", "rotated", "rotated Instagram Xk9!pq2wZ"):
        await world.client.send(world.client.personal_message(BEN_TEAMS, said))
    await world.tick()

    told = [_text(s.cards[0]) for s in world.teams.sent_to(BEN_TEAMS)]
    assert any("Only Instagram's owner, the people who use it, or an admin can record a change." in t for t in told)
    assert any("Did you mean Instagram?" in t for t in told)
    assert any("Which account did you change?" in t for t in told)
    assert any("looks like a password" in t for t in told)
    assert not any("Xk9!pq2wZ" in t for t in told)
    assert await _audits(world, "account.rotated") == 0


async def test_accounts_shows_the_register_to_people_in_the_organisation_file_and_to_nobody_else(
        world: TeamsWorld) -> None:
    world.teams.install_for(BEN_TEAMS, STRANGER_TEAMS)

    await world.client.send(world.client.personal_message(BEN_TEAMS, "accounts"))
    await world.client.send(world.client.personal_message(STRANGER_TEAMS, "accounts"))
    await world.tick()

    [listing] = [_text(s.cards[0]) for s in world.teams.sent_to(BEN_TEAMS)]
    for name in ("Facebook page", "Instagram", "MailChimp", "Dropbox"):
        assert name in listing
    assert "Owner Rachel Green" in listing and "Never type a password in a chat" in listing
    [refusal] = [_text(s.cards[0]) for s in world.teams.sent_to(STRANGER_TEAMS)]
    assert "I don't have you in our organisation file yet, so I can't show the accounts" in refusal
    assert "Instagram" not in refusal


# -- adding and editing accounts, flagging an exposure --------------------------------------------------


def _shown(card: dict[str, Any]) -> str:
    """A card's texts as Teams shows them: its markdown escapes read."""
    return card_text(card).replace("\\", "")


async def _say(world: TeamsWorld, person: str, text: str) -> dict[str, Any]:
    """`person` types `text` in their chat with the bot: the card they get back."""
    await world.client.send(world.client.personal_message(person, text))
    await world.tick()
    return world.teams.sent_to(person)[-1].cards[0]


async def _open_form(world: TeamsWorld, person: str, said: str, button: str) -> dict[str, Any]:
    """Type `said`, press the reply's `button`: the dialog Teams is given to show."""
    pressed = _button(await _say(world, person, said), button)
    assert pressed["type"] == "Action.Submit" and pressed["data"]["msteams"] == {"type": "task/fetch"}
    opened = await world.client.send(world.client.dialog_fetch(person, pressed["data"]))
    assert opened.status == 200 and opened.body["task"]["type"] == "continue"
    return opened.body["task"]["value"]


def _inputs(dialog: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {e["id"]: e for e in dialog["card"]["content"]["body"] if e.get("type", "").startswith("Input.")}


def _problems(dialog: dict[str, Any]) -> list[str]:
    return [e["text"] for e in dialog["card"]["content"]["body"] if e.get("color") == "Attention"]


def _submission(dialog: dict[str, Any], **answers: str) -> dict[str, Any]:
    [save] = dialog["card"]["content"]["actions"]
    return {**save["data"], **answers}


async def _submit(world: TeamsWorld, person: str, submission: dict[str, Any]) -> dict[str, Any]:
    answer = await world.client.send(world.client.dialog_submit(person, submission))
    assert answer.status == 200
    return answer.body["task"]


async def _account(world: TeamsWorld, name: str) -> tuple[Any, dict[str, bool]]:
    """The account as saved (owner, aliases, interval, when flagged), and who can log in to it now (True:
    with overall access)."""
    async with world.bot.services.db.reading() as session:
        account = (await session.execute(select(
            SharedAccount.id, SharedAccount.owner_id, SharedAccount.aliases, SharedAccount.rotate_every_days,
            SharedAccount.exposed_at).where(SharedAccount.name == name))).one_or_none()
        if account is None:
            return None, {}
        rows = await session.execute(select(AccountAccess.person_key, AccountAccess.overall).where(
            AccountAccess.account_id == account.id, AccountAccess.revoked_at.is_(None)))
        return account, dict(rows.all())  # type: ignore[arg-type]


GOOD = {"name": "Canva", "aliases": "canva pro", "owner": BEN_TEAMS, "access": SAM_TEAMS,
        "overall_access": ANITA_TEAMS, "every": "90 days", "last_changed": "last Friday"}


async def test_an_admin_adds_an_account_with_one_line_as_in_slack(org_world: TeamsWorld) -> None:
    typed = ('accounts add Canva owner=<at>Ben Carter</at> every="90 days" access=<at>Sam Okafor</at>, @Grace '
             'admins=<at>Anita Holford</at> last="last Friday"')
    mentions = {BEN_TEAMS: "Ben Carter", SAM_TEAMS: "Sam Okafor", ANITA_TEAMS: "Anita Holford"}
    await org_world.client.send(org_world.client.personal_message(ANITA_TEAMS, typed, mentions=mentions))
    await org_world.tick()

    said = _shown(org_world.teams.sent_to(ANITA_TEAMS)[-1].cards[0])
    assert said.startswith("Added Canva: owned by Ben Carter, password changed every 3 months, next due Thursday "
                           "18 February 2027.")
    canva, access = await _account(org_world, "Canva")
    assert canva is not None and canva.owner_id == BEN and canva.rotate_every_days == 90
    assert access == {SAM: False, GRACE: False, ANITA: True}


async def test_someone_named_in_one_line_who_is_not_in_the_file_saves_nothing(org_world: TeamsWorld) -> None:
    typed = "accounts add Canva owner=@Nobody every=90d"
    await org_world.client.send(org_world.client.personal_message(ANITA_TEAMS, typed))
    await org_world.tick()

    said = _shown(org_world.teams.sent_to(ANITA_TEAMS)[-1].cards[0])
    assert said.startswith("Nothing was saved. I don't know @Nobody: mention them with @.")
    assert (await _account(org_world, "Canva"))[0] is None


async def test_an_admin_adds_an_account_in_a_dialog_and_a_second_submission_saves_nothing_more(
        org_world: TeamsWorld) -> None:
    dialog = await _open_form(org_world, ANITA_TEAMS, "accounts add Canva", "Add an account")

    assert dialog["title"] == "Add an account"
    fields = _inputs(dialog)
    assert list(fields) == ["name", "aliases", "owner", "access", "overall_access", "every", "last_changed"]
    assert fields["name"]["value"] == "Canva"  # as typed after `accounts add`
    assert fields["owner"]["choices.data"]["dataset"] == "graph.microsoft.com/users"
    first = await _submit(org_world, ANITA_TEAMS, _submission(dialog, **GOOD))
    again = await _submit(org_world, ANITA_TEAMS, _submission(dialog, **GOOD))  # a double click, or Teams again

    # Last Friday is 20 November (the tests' today is Tuesday 24 November 2026).
    assert first == {"type": "message", "value": "Added Canva: owned by Ben Carter, password changed every 3 months, "
                                                 "next due Thursday 18 February 2027."}
    assert again == {"type": "message", "value": "That account was saved already."}
    canva, access = await _account(org_world, "Canva")
    assert canva is not None and canva.owner_id == BEN and canva.aliases == ["canva pro"]
    assert canva.rotate_every_days == 90
    assert access == {SAM: False, ANITA: True}
    assert await _audits(org_world, "account.added") == 1


async def test_an_admin_edits_an_account_and_people_not_on_teams_keep_their_access(org_world: TeamsWorld) -> None:
    dialog = await _open_form(org_world, ANITA_TEAMS, "accounts edit dropbox", "Edit Dropbox")

    # Dropbox: owned by Rachel, with Sam and Grace; Rachel has overall access. Only Sam is on Teams.
    assert dialog["title"] == "Edit account"
    fields = _inputs(dialog)
    assert (fields["name"]["value"], fields["every"]["value"]) == ("Dropbox", "90 days")
    assert fields["access"]["value"] == SAM_TEAMS
    assert "value" not in fields["owner"] and fields["owner"]["isRequired"] is False
    shown = _shown(dialog["card"]["content"])
    assert "Now Rachel Green, who is not on Teams: leave this empty to keep them as the owner." in shown
    assert "Grace Turner (who else can log in): not on Teams" in shown
    assert "Rachel Green (admins with overall access): not on Teams" in shown
    # Anita takes Sam off, gives herself overall access, and changes it every 60 days.
    said = await _submit(org_world, ANITA_TEAMS, _submission(dialog, name="Dropbox", aliases="", owner="", access="",
                                                             overall_access=ANITA_TEAMS, every="60 days",
                                                             last_changed=""))

    assert said["type"] == "message" and said["value"].startswith("Saved Dropbox: owned by Rachel Green, password "
                                                                  "changed every 2 months")
    dropbox, access = await _account(org_world, "Dropbox")
    assert dropbox is not None and dropbox.owner_id == RACHEL and dropbox.rotate_every_days == 60
    assert access == {GRACE: False, RACHEL: True, ANITA: True}
    assert await _audits(org_world, "account.edited") == 1


async def test_a_bad_field_is_shown_again_with_the_slack_forms_message_and_nothing_is_saved(
        org_world: TeamsWorld) -> None:
    dialog = await _open_form(org_world, ANITA_TEAMS, "accounts add", "Add an account")
    with pytest.raises(IntervalNotUnderstood) as slack_says:
        parse_interval("now and then")

    bad = await _submit(org_world, ANITA_TEAMS, _submission(dialog, **{**GOOD, "every": "now and then",
                                                                       "last_changed": "Xk9!pq2wZ"}))

    assert bad["type"] == "continue"  # the form again, each problem beside its field
    again = bad["value"]
    problems = _problems(again)
    assert str(slack_says.value).replace("“", "").replace("”", "") in " ".join(problems).replace("“", "").replace("”", "")
    assert any(p.startswith("That looks like a password") for p in problems)
    fields = _inputs(again)
    assert fields["name"]["value"] == "Canva" and fields["every"]["value"] == "now and then"
    assert "value" not in fields["last_changed"] and "Xk9!pq2wZ" not in json.dumps(bad)  # never shown back
    assert fields["owner"]["value"] == BEN_TEAMS and fields["overall_access"]["value"] == ANITA_TEAMS
    assert await _account(org_world, "Canva") == (None, {})
    assert await _audits(org_world, "account.added") == 0
    # Put right, the same form saves: the refusal left no mark.
    fixed = await _submit(org_world, ANITA_TEAMS, _submission(again, **GOOD))
    assert fixed["value"].startswith("Added Canva")
    assert (await _account(org_world, "Canva"))[0] is not None


async def test_someone_who_is_not_an_admin_is_refused_at_every_step_and_nothing_is_saved(
        org_world: TeamsWorld) -> None:
    refusals = [_shown(await _say(org_world, BEN_TEAMS, said)) for said in ("accounts add", "accounts edit Dropbox")]
    assert refusals == ["Only an admin can add or edit shared accounts. Please ask one of our admins."] * 2
    assert not any(_actions(sent.cards[0]) for sent in org_world.teams.sent_to(BEN_TEAMS))

    pressed = _button(await _say(org_world, ANITA_TEAMS, "accounts edit Dropbox"), "Edit Dropbox")
    opened = await org_world.client.send(org_world.client.dialog_fetch(BEN_TEAMS, pressed["data"]))
    assert opened.body["task"] == {"type": "message",
                                   "value": "Only an admin can add or edit shared accounts. Please ask one of our admins."}
    # Even with a form an admin opened, sent as his own.
    dialog = await _open_form(org_world, ANITA_TEAMS, "accounts add", "Add an account")
    said = await _submit(org_world, BEN_TEAMS, _submission(dialog, **GOOD))
    assert said == {"type": "message", "value": "Only an admin can add or edit shared accounts. Please ask one of our admins."}
    assert await _account(org_world, "Canva") == (None, {})
    dropbox, _ = await _account(org_world, "Dropbox")
    assert dropbox is not None and dropbox.rotate_every_days == 90
    assert await _audits(org_world, "account.added") == await _audits(org_world, "account.edited") == 0


async def test_someone_who_holds_an_account_flags_it_and_the_urgent_change_starts_once(org_world: TeamsWorld) -> None:
    typed = org_world.client.personal_message(ANITA_TEAMS, "accounts exposed insta")

    await org_world.client.send(typed)
    await org_world.client.send(typed)  # Teams sending the same activity again
    await org_world.tick()

    [reply] = [_shown(s.cards[0]) for s in org_world.teams.sent_to(ANITA_TEAMS) if "Instagram" in _shown(s.cards[0])
               and "told to change" in _shown(s.cards[0])]
    assert "Tom Ellis (who owns Instagram) and the admins have been told to change its password now" in reply
    instagram, _ = await _account(org_world, "Instagram")
    assert instagram is not None and instagram.exposed_at == START
    assert await _audits(org_world, "account.exposed") == 1


async def test_someone_outside_an_account_flags_it_as_an_urgent_report_for_the_admins(org_world: TeamsWorld) -> None:
    await _say(org_world, BEN_TEAMS, "accounts exposed Dropbox")
    told = "\n".join(_shown(sent.cards[0]) for sent in org_world.teams.sent_to(BEN_TEAMS))  # his answer, and the report's card

    assert "Thank you for flagging Dropbox. As you don't own or use it, I've passed it to" in told
    async with org_world.bot.services.db.reading() as session:
        [(reference, kind)] = (await session.execute(select(Report.reference, Report.kind))).all()
    assert reference in told and kind == "password_exposure"
    dropbox, _ = await _account(org_world, "Dropbox")
    assert dropbox is not None and dropbox.exposed_at is None  # an admin starts it, from the report


async def test_flagging_needs_a_name_and_someone_in_the_organisation_file(org_world: TeamsWorld) -> None:
    nameless = _shown(await _say(org_world, BEN_TEAMS, "accounts exposed"))
    stranger = _shown(await _say(org_world, STRANGER_TEAMS, "accounts exposed Dropbox"))
    password = _shown(await _say(org_world, BEN_TEAMS, "accounts exposed Dropbox Xk9!pq2wZ"))
    edited = _shown(await _say(org_world, ANITA_TEAMS, "accounts edit Xk9!pq2wZ"))  # an admin, in the wrong place

    assert nameless.replace("\\", "") == "Which account? For example “accounts exposed Instagram”. Never type the password."
    assert stranger.startswith("I don't have you in our organisation file yet, so I can't pass this on for you.")
    assert "looks like a password" in password and "Xk9!pq2wZ" not in password
    assert "looks like a password" in edited and "Xk9!pq2wZ" not in edited
    assert await _audits(org_world, "account.exposed") == 0 and await org_world.count(Report) == 0
    assert not contains_password(json.dumps([s.cards for s in org_world.teams.sent]))


async def test_anything_else_after_accounts_says_what_can_be_typed_in_teams(org_world: TeamsWorld) -> None:
    usage = _shown(await _say(org_world, BEN_TEAMS, "accounts what"))

    for typed in ("accounts add", "accounts edit NAME", "accounts exposed NAME", "rotated Instagram yesterday 4pm"):
        assert typed in usage
    assert "/accounts" not in usage and "/rotated" not in usage
