"""What the DBS workflow says, as data (bot/messages.py); each platform renders it."""

from __future__ import annotations

from typing import Any

from bot.messages import Code, Icon, Message, Paragraph


def reminder(params: dict[str, Any]) -> Message:
    """A DBS check due for review: to its holder, or to the admins."""
    whose = "Your DBS check" if params.get("own") else f"{params['name']}'s DBS check"
    line = (Icon.CALENDAR, f" {whose} is due for review in {params['days']} days, on {params['review']}. "
            "Please renew it and tell an admin.")
    return Message(summary=line, parts=[Paragraph([line])])


def missing(params: dict[str, Any]) -> Message:
    """Someone in a role that needs a DBS check (policy 5.1) has none recorded."""
    line = (Icon.WARNING, f" {params['name']} has the {params['role']} role, which our policy (5.1) says needs a "
            "current DBS check, and none is recorded. Please record one with ", Code("/dbs"),
            ", or change their role.")
    return Message(summary=line, parts=[Paragraph([line])])
