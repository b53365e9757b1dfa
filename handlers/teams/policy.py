"""Teams: `policy` in the bot's 1:1 chat, and the "Read and sign" button on a request to sign, show the
policy in a dialog; ticking the box and pressing Sign signs it, as Slack's /policy modal does
(bot/policy/workflow.py `sign`). Signing twice, or Teams sending the submission again, signs once."""

from __future__ import annotations

import json
from typing import Any

from bot.errors import DomainError
from bot.messages import Bold, Button, Buttons, ButtonStyle, Message, Paragraph
from bot.messages import FormErrors as FormErrorsOf
from bot.policy.document import PolicyDocument, PolicyUnavailable
from bot.policy.messages import AGREE, SIGN_FORM, please_sign, sign_form
from bot.policy.workflow import current_policy, sign, signed_line, signed_version
from bot.teams.activities import DialogRequest
from bot.teams.cards import CHECKED, OPENS_DIALOG
from bot.teams.server import InvokeAnswer, TeamsApp, Turn
from handlers.teams.forms import carried, carried_text, say_in_dialog, show_dialog, text_answer

# The button that opens the policy's dialog (Teams opens a dialog only from a button).
READ_AND_SIGN = OPENS_DIALOG + SIGN_FORM
OFFER = "teams.policy_offer"
NOT_THIS_FORM = "I can't tell which version of the policy this was. Please type policy and open it again."


def offer(params: dict[str, Any]) -> Message:
    """The reply to `policy`: where the person stands, and the button that shows the policy."""
    line = ("Our safety policy, ", Bold(params["title"]), f", version {params['version']}. {params['signed']}")
    label = "Read it again" if params["already_signed"] else "Read and sign"
    return Message(summary=line, parts=[
        Paragraph([line]),
        Buttons([Button(label, READ_AND_SIGN, value=params["version"], style=ButtonStyle.PRIMARY)]),
    ])


RENDERERS = {OFFER: offer, "policy.please_sign": lambda params: please_sign(params, READ_AND_SIGN)}


def _version_read(state: str) -> str | None:
    """The version the dialog showed, from what the form carried; None for anything the bot did not send."""
    return carried_text(carried(state), "version") or None


async def _policy(turn: Turn) -> PolicyDocument:
    try:
        return await current_policy(turn.services)
    except PolicyUnavailable as exc:
        raise DomainError(f"I can't show the policy just now: {exc} Please tell an admin.") from exc


async def _dialog(turn: Turn, document: PolicyDocument, errors: FormErrorsOf | None = None,
                  answers: dict[str, Any] | None = None) -> InvokeAnswer:
    async with turn.services.db.reading() as session:
        signed_at = await signed_version(session, turn.person, document.version)
    form = sign_form(document, signed_line(signed_at, turn.services), json.dumps({"version": document.version}))
    return show_dialog(form, errors, answers)


def register(app: TeamsApp) -> None:
    @app.command("policy")
    async def offer_policy(turn: Turn, _rest: str) -> None:
        document = await _policy(turn)
        async with turn.services.db.reading() as session:
            signed_at = await signed_version(session, turn.person, document.version)
        await turn.reply(OFFER, {"title": document.title, "version": document.version,
                                 "signed": signed_line(signed_at, turn.services), "already_signed": signed_at is not None})

    async def open_policy(turn: Turn, _request: DialogRequest) -> InvokeAnswer:
        try:
            document = await _policy(turn)
        except DomainError as exc:
            return say_in_dialog(exc.user_message)
        return await _dialog(turn, document)

    async def submit_signature(turn: Turn, request: DialogRequest) -> InvokeAnswer:
        version = _version_read(request.state)
        if version is None:
            return say_in_dialog(NOT_THIS_FORM)
        agreed = text_answer(request.values, AGREE.id) == CHECKED
        services = turn.services
        try:
            async with services.db.unit_of_work() as session:
                signed = await sign(session, services, turn.person, version, agreed=agreed)
        except DomainError as exc:
            # Not ticked, or the policy changed while it was open: shown again, as it now stands.
            try:
                document = await _policy(turn)
            except DomainError as unavailable:
                return say_in_dialog(unavailable.user_message)
            return await _dialog(turn, document, FormErrorsOf({AGREE.id: exc.user_message}), request.values)
        word = "You had already signed" if signed.already else "Thank you. You have signed"
        return say_in_dialog(f"{word} version {signed.version} of the policy. {signed_line(signed.signed_at, services)}")

    app.dialog(SIGN_FORM, fetch=open_policy, submit=submit_signature)
