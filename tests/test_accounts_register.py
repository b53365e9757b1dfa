"""The register (policy 5.4): every shared account, who owns it and can log in, and when its password
is next due; admins add and edit it; an account without an admin with overall access is flagged."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from bot.org import OrgFileError, parse_org_text
from storage.models import OutboxMessage, ProcessedDelivery, SharedAccount
from tests.harness import EXAMPLE_ORG, RunningBot
from tests.accounts_support import (
    ANITA,
    BEN,
    GRACE,
    RACHEL,
    SAM,
    account,
    add_account,
    command,
    mention,
    text_values,
    user_values,
)


async def test_the_register_lists_the_accounts_from_the_organisation_file_with_owner_access_and_status(bot: RunningBot) -> None:
    reply = await command(bot, "/accounts", "", BEN)

    for name in ("Facebook page", "Instagram", "X (Twitter)", "MailChimp", "Dropbox", "Staff computer account"):
        assert name in reply
    assert "Owner Rachel Green" in reply and "Dan Hughes" in reply
    assert "next due Monday 18 January 2027" in reply  # Facebook: changed 20 October, every 90 days
    assert "Anita Holford (overall)" in reply
    assert ": ok" in reply


async def test_an_admin_adds_an_account_with_one_command(bot: RunningBot) -> None:
    reply = await add_account(bot, "Canva", GRACE, "1/11/2026", every="3 months")

    assert "owned by Grace Turner" in reply and "every 3 months" in reply and "next due Saturday 30 January 2027" in reply
    listed = await command(bot, "/accounts", "list", GRACE)
    assert "Canva" in listed and "Owner Grace Turner" in listed


async def test_someone_who_is_not_an_admin_cannot_add_an_account(bot: RunningBot) -> None:
    reply = await command(bot, "/accounts", f"add Canva owner={mention(SAM)}", SAM)

    assert "Only an admin can add or edit shared accounts" in reply
    async with bot.services.db.reading() as session:
        assert await session.scalar(select(SharedAccount).where(SharedAccount.name == "Canva")) is None


async def test_an_account_without_an_admin_with_overall_access_is_flagged(bot: RunningBot) -> None:
    reply = await command(bot, "/accounts", f'add Canva owner={mention(GRACE)} every="90 days"', ANITA)
    assert "No admin has overall access" in reply

    listed = await command(bot, "/accounts", "", ANITA)
    assert "No admin has overall access (policy 5.4)" in listed


async def test_a_misspelt_account_name_gets_a_suggestion(bot: RunningBot) -> None:
    reply = await command(bot, "/rotated", "Instagrm", SAM)

    assert "Did you mean Instagram?" in reply


async def test_an_interval_that_cannot_be_understood_is_refused_with_an_example(bot: RunningBot) -> None:
    reply = await command(bot, "/accounts", f'add Canva owner={mention(GRACE)} every="sometimes"', ANITA)

    assert "Nothing was saved" in reply and "90 days" in reply


async def test_the_add_form_shows_each_mistake_beside_its_field_and_saves_nothing(bot: RunningBot) -> None:
    await command(bot, "/accounts", "add", RACHEL)
    view = bot.fake.view_for(RACHEL)
    assert view is not None

    values = {**text_values(name="Instagram", every="whenever", last_changed="next Tuesday"), **user_values(owner=None)}
    response = await bot.slack.view_submission(RACHEL, view, values)

    errors = response.json()["errors"]
    assert set(errors) == {"name", "owner", "every", "last_changed"}
    assert "already an account called Instagram" in errors["name"]
    assert "in the future" in errors["last_changed"]


async def test_the_add_form_saves_once_however_often_it_is_submitted(bot: RunningBot) -> None:
    await command(bot, "/accounts", "add", RACHEL)
    view = bot.fake.view_for(RACHEL)
    assert view is not None
    values = {**text_values(name="Canva", every="quarterly", last_changed="last Friday"), **user_values(owner=GRACE),
              "overall_access": {"overall_access_input": {"type": "multi_users_select", "selected_users": [RACHEL]}}}

    first = await bot.slack.view_submission(RACHEL, view, values)
    second = await bot.slack.view_submission(RACHEL, view, values)

    assert "Added Canva: owned by" in json.dumps(first.json())
    assert second.text == ""
    canva = await account(bot, "Canva")
    assert canva.owner_id == GRACE and [a.person_key for a in canva.access if a.overall] == [RACHEL]


async def test_a_password_typed_into_a_command_is_not_kept_and_they_are_told_to_change_it(bot: RunningBot) -> None:
    reply = await command(bot, "/accounts", f"add Canva owner={mention(GRACE)} the password is Tr0ub4dor&3", ANITA)

    assert "looks like a password" in reply and "change that password now" in reply
    async with bot.services.db.reading() as session:
        assert await session.scalar(select(SharedAccount).where(SharedAccount.name.like("Canva%"))) is None
        stored = [m.params_enc for m in (await session.scalars(select(OutboxMessage))).all()]
        keys = [k for k in (await session.scalars(select(ProcessedDelivery.key))).all()]
    assert all("Tr0ub4dor" not in bot.services.cipher.decrypt(p) for p in stored)
    assert all("Tr0ub4dor" not in k for k in keys)


async def test_a_bare_password_typed_after_an_account_name_is_not_kept(bot: RunningBot) -> None:
    reply = await command(bot, "/rotated", "Instagram Xk9!pq2wZ", ANITA)

    assert "looks like a password" in reply
    assert (await account(bot, "Instagram")).cycle == 0


def test_the_organisation_file_refuses_an_account_without_an_admin_with_overall_access() -> None:
    text = EXAMPLE_ORG.read_text().replace("    overall_access: [U0ADMIN001]\n    rotate_every: 90 days\n    last_changed: 2026-11-10",
                                          "    overall_access: [U0PMBEAT01, U0LEADER01]\n    rotate_every: 90 days\n    last_changed: 2026-11-10")
    text = text.replace("    owner: U0ADMIN001\n    access: [U0PMAUDIO1, U0PMBEAT01]", "    owner: U0NOBODY01\n    access: [U0PMAUDIO1, U0PMBEAT01]")
    with pytest.raises(OrgFileError) as raised:
        parse_org_text(text)
    message = str(raised.value)
    assert "accounts[4].owner: U0NOBODY01 is not in people" in message
    assert "accounts[4].overall_access" not in message  # Grace is a project manager: overall access is fine
    bad = text.replace("overall_access: [U0PMBEAT01, U0LEADER01]", "overall_access: [U0LEADER01]")
    with pytest.raises(OrgFileError) as raised:
        parse_org_text(bad)
    assert "accounts[4].overall_access: every account needs an admin with overall access" in str(raised.value)
