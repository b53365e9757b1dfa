"""Who may decide on flagged messages: policy 5.1 wants moderators DBS checked, and admins oversee."""

from __future__ import annotations

from bot.directory import Member
from bot.errors import NotAllowed
from bot.org import Role


def ensure_moderator(member: Member | None, *, admins_too: bool = False) -> Member:
    allowed = (Role.MODERATOR, Role.ADMIN) if admins_too else (Role.MODERATOR,)
    if member is None or not member.has(*allowed):
        raise NotAllowed("Only the group's moderators can decide on this, so nothing has been changed.")
    return member
