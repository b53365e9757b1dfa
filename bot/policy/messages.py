"""What the policy workflow says, as data (bot/messages.py); each platform renders it."""

from __future__ import annotations

from typing import Any

from bot.messages import Bold, Button, Buttons, ButtonStyle, Checkbox, Form, Message, Note, Paragraph, Text
from bot.policy.document import PolicyDocument

# Names the button and the form to the platforms' listeners.
OPEN_ACTION = "policy.open"
SIGN_FORM = "policy.sign"
AGREE = Checkbox("agree", "Your agreement", "I have read and agree", optional=False)
# Slack's modals hold at most 100 blocks: the note, the sections and the agreement.
MAX_SECTIONS = 95


def please_sign(params: dict[str, Any], read_action: str = OPEN_ACTION) -> Message:
    """A request to read and sign the policy: on joining, when it changes, or as a reminder. Its button is
    `read_action`: each platform names the action that shows it the form."""
    title = Bold(params["title"])
    line: Text
    if params.get("welcome"):
        line = ("Welcome! Before you use our computers or post for us, please read and sign ", title,
                ". It takes about five minutes.")
    elif params.get("reminder"):
        line = ("A friendly reminder: please read and sign ", title, f" (version {params['version']}).")
    else:
        line = ("Our policy has been updated. Please read and sign the new version of ", title, ".")
    return Message(summary=line, parts=[
        Paragraph([line]),
        Buttons([Button("Read and sign", read_action, value=params["version"], style=ButtonStyle.PRIMARY)]),
    ])


def sign_form(document: PolicyDocument, signed: str, state: str) -> Form:
    """The policy in sections, with a box to tick to sign it."""
    sections = [Paragraph([(Bold(section.heading), "\n", section.body)]) for section in document.sections[:MAX_SECTIONS]]
    return Form(id=SIGN_FORM, title="Our safety policy", submit="Sign", close="Close", state=state, fields=[
        Note(f"Version {document.version}. {signed}"),
        *sections,
        AGREE,
    ])
