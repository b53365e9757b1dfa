"""The bot answers Slack over real HTTP, and only when the request is really from Slack."""

from __future__ import annotations

import time

from sqlalchemy import func, select

from storage.models import AuditEntry, ProcessedDelivery
from tests.harness import SIGNING_SECRET, RunningBot

ANITA = "U0ANITA001"  # CEO and admin in examples/org.yml
DAN = "U0LEADER01"  # a freelance music leader
STRANGER = "U0STRANGE1"  # not in the organisation file


async def test_signed_tmw_help_is_answered_privately(bot: RunningBot) -> None:
    response = await bot.slack.slash_command("/tmw", "help", DAN)

    assert response.status == 200
    body = response.json()
    assert body["response_type"] == "ephemeral"
    assert "Hello Dan!" in body["text"]
    assert "/tmw help" in body["text"]


async def test_someone_not_in_the_organisation_file_is_told_who_can_add_them(bot: RunningBot) -> None:
    response = await bot.slack.slash_command("/tmw", "", STRANGER)

    body = response.json()
    assert response.status == 200
    assert "don't have you in our list" in body["text"]
    # The admins in examples/org.yml, by name.
    assert "Anita Holford or Rachel Green" in body["text"]
    assert "/tmw help:" not in body["text"]


async def _nothing_happened(bot: RunningBot) -> None:
    assert bot.fake.calls == []
    async with bot.services.db.unit_of_work() as session:
        assert await session.scalar(select(func.count()).select_from(ProcessedDelivery)) == 0
        # Only the organisation file load at start-up is in the audit log.
        actions = (await session.scalars(select(AuditEntry.action))).all()
        assert actions == ["org.loaded"]


async def test_unsigned_request_is_refused_with_401(bot: RunningBot) -> None:
    response = await bot.slack.slash_command("/tmw", "help", ANITA, sign=False)

    assert response.status == 401
    await _nothing_happened(bot)


async def test_request_signed_with_another_secret_is_refused(bot: RunningBot) -> None:
    response = await bot.slack.slash_command("/tmw", "help", ANITA, signing_secret="not-our-secret")

    assert response.status == 401
    await _nothing_happened(bot)


async def test_replayed_request_older_than_five_minutes_is_refused(bot: RunningBot) -> None:
    response = await bot.slack.slash_command("/tmw", "help", ANITA, timestamp=int(time.time()) - 6 * 60)

    assert response.status == 401
    await _nothing_happened(bot)


async def test_tampered_body_is_refused(bot: RunningBot) -> None:
    body = bot.slack.slash_command_body("/tmw", "help", ANITA)
    ts = str(int(time.time()))
    from slack_sdk.signature import SignatureVerifier

    signature = SignatureVerifier(SIGNING_SECRET).generate_signature(timestamp=ts, body=body)
    tampered = body.replace(ANITA, STRANGER)
    response = await bot.slack.post(
        tampered, "application/x-www-form-urlencoded", sign=False,
        headers={"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": signature},
    )

    assert response.status == 401
    await _nothing_happened(bot)


async def test_a_mangled_form_submission_is_answered_with_a_closing_message_not_a_server_error(bot: RunningBot) -> None:
    # Crafted, or garbled on the way: every form's submission must still get a 200, or Slack shows the
    # person a connection error. The leaver, access review and policy forms read their metadata first.
    for callback_id in ("access_review.reduce_submit", "leaver.confirm", "policy.sign"):
        mangled = {"id": "V0MANGLED", "type": "modal", "callback_id": callback_id, "private_metadata": "{not json"}

        response = await bot.slack.view_submission(ANITA, mangled, {})

        assert response.status == 200, callback_id
        body = response.json()
        assert body["response_action"] == "update", callback_id
        assert "nothing was changed" in str(body["view"]["blocks"]), callback_id
