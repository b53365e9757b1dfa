"""Teams: Allow or Decline pressed on a file consent card (fileConsent/invoke), for a file the bot offered
one person (a case's record: bot/teams/files.py). Answered at once with 200; the upload, and the card that
shows the file, follow through the outbox; a decline, or an offer no longer held, is said in the chat."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError

from bot.addresses import ToConversation
from bot.teams.files import FILE_CONSENT_INVOKE, FILE_SAID, TEAMS, answer_consent, file_consent
from bot.teams.server import InvokeAnswer, TeamsApp, Turn
from storage import outbox as outbox_store
from storage.models import ProcessedDelivery


def register(app: TeamsApp) -> None:
    async def consent(turn: Turn) -> InvokeAnswer:
        services, activity = turn.services, turn.activity
        if not activity.where.personal:
            return None  # Teams offers files in a 1:1 chat alone
        conversation = activity.where.conversation_id
        try:
            async with services.db.unit_of_work() as session:
                # Teams sending the same press again (its answer was slow) is taken once.
                session.add(ProcessedDelivery(key=f"teams-consent:{conversation}:{activity.id}"[:200],
                                              seen_at=services.now()))
                await session.flush()
                text = await answer_consent(session, services, file_consent(activity.value), turn.person,
                                            conversation)
                if text:
                    await outbox_store.enqueue_message(session, services.cipher, now=services.now(),
                                                       to=ToConversation(TEAMS, conversation), template=FILE_SAID,
                                                       params={"text": text})
        except IntegrityError:
            return None
        services.wake_scheduler()
        return None

    app.invokes[FILE_CONSENT_INVOKE] = consent
