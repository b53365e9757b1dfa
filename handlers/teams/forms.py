"""Forms as Teams dialogs: the answers to task/fetch and task/submit (bot/teams/cards.py draws the card)."""

from __future__ import annotations

import json
import secrets
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.commands import as_typed_in_chat
from bot.directory import Directory
from bot.messages import Form, FormErrors, Message
from bot.services import Services
from bot.teams.cards import ADAPTIVE_CARD_CONTENT_TYPE, AdaptiveCards
from storage.models import ProcessedDelivery


def show_dialog(form: Form, errors: FormErrors | None = None, answers: dict[str, Any] | None = None,
                cards: AdaptiveCards | None = None) -> dict[str, Any]:
    """The invoke answer that shows `form` in the dialog: when it is opened, or again after a refused
    submission, with each problem beside its field and what the person typed still in it (a dialog shown
    again is a new card: Teams keeps nothing of the old one). `cards` draws people chosen already."""
    dialog = (cards or AdaptiveCards()).dialog(form, errors)
    if answers:
        _refill(dialog.card.get("body", []), answers)
    return _dialog_of(dialog.title, dialog.card)


def people_cards(directory: Directory) -> AdaptiveCards:
    """A renderer that draws people chosen already in a form's people pickers by their names, where the
    organisation file gives their Teams id (someone without one cannot be shown in a picker)."""
    def teams_user_of(key: str) -> str | None:
        member = directory.by_key(key)
        return member.teams_object_id if member else None

    def name_of(key: str) -> str:
        member = directory.by_key(key)
        return member.name if member else "someone"

    return AdaptiveCards(teams_user_of=teams_user_of, name_of=name_of)


def show_in_dialog(title: str, message: Message) -> dict[str, Any]:
    """The invoke answer that shows `message` in a dialog of its own, to the person alone: nothing is
    posted anywhere, and nothing of it is kept. Its buttons, if any, are the card's; closing it is Teams'."""
    return _dialog_of(title, AdaptiveCards().message(message).card)


def _dialog_of(title: str, card: dict[str, Any]) -> dict[str, Any]:
    return {"task": {"type": "continue", "value": {
        "title": title, "card": {"contentType": ADAPTIVE_CARD_CONTENT_TYPE, "content": card}}}}


def say_in_dialog(text: str) -> dict[str, Any]:
    """The invoke answer that shows a short message in place of the dialog (nothing to fill in)."""
    return {"task": {"type": "message", "value": as_typed_in_chat(text)}}


def _refill(elements: list[Any], answers: dict[str, Any]) -> None:
    for element in elements:
        if not isinstance(element, dict):
            continue
        if str(element.get("type", "")).startswith("Input.") and element.get("id") in answers:
            answer = answers[element["id"]]
            if isinstance(answer, str) and answer:
                element["value"] = answer
        for nested in ("items", "columns"):
            if isinstance(element.get(nested), list):
                _refill(element[nested], answers)


def text_answer(answers: dict[str, Any], field_id: str) -> str:
    """A field's answer as text; anything else a crafted submission sends counts as no answer."""
    answer = answers.get(field_id)
    return answer if isinstance(answer, str) else ""


def carried(text: str) -> dict[str, Any]:
    """What a form's state, or a button's value, carries: the JSON object the bot wrote there. Anything else
    (absent, not JSON, not an object: crafted) carries nothing."""
    try:
        found = json.loads(text)
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def carried_text(values: dict[str, Any], name: str) -> str:
    """A text the bot put in what a form or button carries (`carried`); "" for anything else."""
    found = values.get(name)
    return found if isinstance(found, str) else ""


def carried_id(values: dict[str, Any], name: str) -> int | None:
    """An id (a whole number, never true or false) the bot put in what a form or button carries; None for
    anything else."""
    found = values.get(name)
    return found if isinstance(found, int) and not isinstance(found, bool) else None


def fresh_state() -> str:
    """What a form opened now carries: a new id, by which its submissions are known."""
    return json.dumps({"dialog": secrets.token_urlsafe(16)})


def dialog_id_in(state: str) -> str:
    """The id a form was given when it was opened (`fresh_state`); "" for anything the bot did not send.
    Its submissions are known by it, so Teams sending the same submission again (or a double click)
    does the work once."""
    return carried_text(carried(state), "dialog")


class AlreadySubmitted(Exception):
    """This dialog was submitted and accepted before (Teams sending it again, a double click)."""


async def mark_submitted(session: AsyncSession, services: Services, dialog_id: str) -> None:
    """Record a dialog as submitted, in the transaction of the work it does (as Slack's modals are, in
    handlers/reports/listeners.py): a refused submission leaves no mark, and a repeat rolls back."""
    session.add(ProcessedDelivery(key=f"teams-dialog:{dialog_id}"[:200], seen_at=services.now()))
    try:
        await session.flush()
    except IntegrityError as exc:
        raise AlreadySubmitted from exc
