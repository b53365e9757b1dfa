"""Teams: a young leader's access review (bot/access_reviews.py) reaches their project manager as a card;
Keep and Revoke decide it at once and Reduce asks which accounts to take away in a dialog, as Slack's
buttons and modal do (handlers/slack/access_reviews.py). Only a reviewer or an admin may decide (the
domain's rule), a review is decided once however often its buttons are pressed, and the pressed card is
updated in place. Thin: parse the activity into the domain's terms, call the domain, render."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from bot.access_reviews import (
    NO_ACCESS_LEFT,
    REDUCE_FORM,
    ReviewActions,
    ReviewRef,
    accounts_to_take_away,
    current_accounts,
    decide,
    decided_review,
    reduce_form,
    review_request,
    reviewer_of,
)
from bot.errors import DomainError, NotAllowed
from bot.messages import FormErrors, Message, Note
from bot.snapshot import org_snapshot
from bot.teams.activities import CardAction, DialogRequest
from bot.teams.cards import OPENS_DIALOG
from bot.teams.server import InvokeAnswer, TeamsApp, Turn
from handlers.teams.cards import card_answer, message_answer
from handlers.teams.forms import say_in_dialog, show_dialog, text_answer

NOT_THIS_REVIEW = "I can't tell which review this button was for. Please use the buttons on my newest message."
NOT_THIS_FORM = "I can't tell which review this form was for. Please press Reduce access on the review again."


class Verb:
    """What a review's buttons are called in Teams: Keep and Revoke come back as adaptiveCard/action,
    Reduce opens a dialog (bot/teams/cards.py OPENS_DIALOG)."""

    KEEP = "access_review.keep"
    REVOKE = "access_review.revoke"
    REDUCE = OPENS_DIALOG + REDUCE_FORM


REVIEW_ACTIONS = ReviewActions(keep=Verb.KEEP, revoke=Verb.REVOKE, reduce=Verb.REDUCE)
DECISION_OF = {Verb.KEEP: "keep", Verb.REVOKE: "revoke"}

# What the access review workflow sends people, for those reached in Teams.
RENDERERS = {"access_review.ask": lambda params: review_request(params, REVIEW_ACTIONS)}


def _review(carried: str) -> ReviewRef | None:
    """The review a button or form carries; None for anything the bot did not put there."""
    try:
        return ReviewRef.model_validate_json(carried)
    except ValidationError:
        return None


def _chosen(answers: dict[str, Any]) -> list[int]:
    """The accounts ticked (Teams sends a multiple choice as "1,3"); anything else is no choice."""
    return [int(value) for value in text_answer(answers, accounts_to_take_away().id).split(",") if value.isdigit()]


async def _decide(turn: Turn, ref: ReviewRef, decision: str, remove: list[int] | None = None
                  ) -> tuple[str, dict[str, Any] | None]:
    """Decide the review as the person who pressed: what they are told, and the review's message now.
    Only a reviewer or an admin may (the domain refuses anyone else, and nothing changes); a second press,
    or Teams retrying, finds the review decided and decides nothing more."""
    services = turn.services
    actor = (await org_snapshot(services)).directory.by_key(turn.person)
    async with services.db.unit_of_work() as session:
        said = await decide(session, services, ref.person_key, ref.due, actor, decision, remove)
        decided = await decided_review(session, services, ref.person_key, ref.due)
    services.wake_scheduler()  # the other reviewers' copies are updated through the outbox
    return said, decided


def register(app: TeamsApp) -> None:
    async def keep_or_revoke(turn: Turn, action: CardAction) -> InvokeAnswer:
        ref = _review(action.value)
        if ref is None:
            return message_answer(NOT_THIS_REVIEW)
        try:
            said, decided = await _decide(turn, ref, DECISION_OF[action.verb])
        except DomainError as exc:
            return message_answer(exc.user_message)
        if decided is None:
            return message_answer(said)
        card = review_request(decided, REVIEW_ACTIONS)
        return await card_answer(turn.services, Message(summary=card.summary, parts=[*card.parts, Note(said)]))

    app.card_action(Verb.KEEP)(keep_or_revoke)
    app.card_action(Verb.REVOKE)(keep_or_revoke)

    async def open_reduce(turn: Turn, request: DialogRequest) -> InvokeAnswer:
        ref = _review(text_answer(request.values, "value"))
        if ref is None:
            return say_in_dialog(NOT_THIS_REVIEW)
        services = turn.services
        try:
            await reviewer_of(services, ref.person_key, turn.person)
        except DomainError as exc:
            return say_in_dialog(exc.user_message)
        async with services.db.reading() as session:
            accounts = await current_accounts(session, ref.person_key)
        if not accounts:
            return say_in_dialog(NO_ACCESS_LEFT)
        return show_dialog(reduce_form(accounts, ref))

    async def submit_reduce(turn: Turn, request: DialogRequest) -> InvokeAnswer:
        ref = _review(request.state)
        if ref is None:
            return say_in_dialog(NOT_THIS_FORM)
        services = turn.services
        try:
            said, _decided = await _decide(turn, ref, "reduce", _chosen(request.values))
        except NotAllowed as exc:
            return say_in_dialog(exc.user_message)
        except DomainError as exc:
            # Nothing chosen: asked again beside the list, as Slack's modal does.
            async with services.db.reading() as session:
                accounts = await current_accounts(session, ref.person_key)
            field = accounts_to_take_away().id
            return show_dialog(reduce_form(accounts, ref), FormErrors({field: exc.user_message}), request.values)
        return say_in_dialog(said)

    app.dialog(REDUCE_FORM, fetch=open_reduce, submit=submit_reduce)
