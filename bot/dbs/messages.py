"""What the DBS workflow says, as data (bot/messages.py); each platform renders it."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from bot.dbs.workflow import CHECK_TYPES
from bot.messages import Checkbox, Choice, Code, DateField, Form, Icon, Message, Paragraph, PersonField, TextField

# Names the form to the platforms' listeners.
RECORD_FORM = "dbs.record"


class FieldId(StrEnum):
    PERSON = "person"
    CHECK_TYPE = "check_type"
    CERTIFICATE_DATE = "certificate_date"
    CERTIFICATE_NUMBER = "certificate_number"
    UPDATE_SERVICE = "update_service"
    NEXT_REVIEW = "next_review"


def record_form(person: str | None = None, state: str = "") -> Form:
    """The form an admin records a DBS check with; `person` (a key) is chosen already when given. The
    certificate number is kept encrypted and never shown again."""
    return Form(id=RECORD_FORM, title="Record a DBS check", submit="Save", close="Cancel", state=state, fields=[
        PersonField(FieldId.PERSON, "Person", initial=(person,) if person else ()),
        Choice(FieldId.CHECK_TYPE, "Type of check", options=list(CHECK_TYPES.items())),
        DateField(FieldId.CERTIFICATE_DATE, "Certificate date"),
        TextField(FieldId.CERTIFICATE_NUMBER, "Certificate number", max_length=20,
                  hint="Kept encrypted; never shown again."),
        Checkbox(FieldId.UPDATE_SERVICE, "Update Service", "Subscribed to the DBS Update Service"),
        DateField(FieldId.NEXT_REVIEW, "Next review", optional=True,
                  hint="Leave empty for three years after the certificate date."),
    ])


def reminder(params: dict[str, Any]) -> Message:
    """A DBS check due for review: to its holder, or to the admins."""
    whose = "Your DBS check" if params.get("own") else f"{params['name']}'s DBS check"
    line = (Icon.CALENDAR, f" {whose} is due for review in {params['days']} days, on {params['review']}. "
            "Please renew it and tell an admin.")
    return Message(summary=line, parts=[Paragraph([line])])


def missing(params: dict[str, Any], command: str) -> Message:
    """Someone in a role that needs a DBS check (policy 5.1) has none recorded. `command` is what to type
    to record one, as the platform knows it."""
    line = (Icon.WARNING, f" {params['name']} has the {params['role']} role, which our policy (5.1) says needs a "
            "current DBS check, and none is recorded. Please record one with ", Code(command),
            ", or change their role.")
    return Message(summary=line, parts=[Paragraph([line])])
