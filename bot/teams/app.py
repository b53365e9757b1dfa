"""Teams' side of the bot, put together: the /api/messages endpoint with every Teams feature's listeners
registered once (handlers/teams/), as bot/slack/app.py puts Slack's together."""

from __future__ import annotations

from bot.services import Services
from bot.snapshot import current_directory
from bot.teams.server import PersonOf, SendNow, TeamsApp, TeamsEndpoint, teams_endpoint
from handlers import teams as teams_handlers


def people_by_organisation(services: Services) -> PersonOf:
    """A Teams user's key: theirs in the organisation file, or, for someone not in it, their Teams
    object id (as a Slack user outside the file is known by their Slack id)."""

    async def person_of(object_id: str) -> str:
        # Entra prints object ids in either case; the organisation file keeps them in lower case.
        member = (await current_directory(services)).by_teams_object_id(object_id.lower())
        return member.key if member is not None else object_id

    return person_of


def create_teams_endpoint(services: Services, person_of: PersonOf | None = None,
                          send_now: SendNow | None = None) -> TeamsEndpoint | None:
    """Teams' endpoint with every Teams feature registered once, or None when the bot has no Teams
    registration (TEAMS_APP_ID unset): then /api/messages is not served at all. `send_now` is the Teams
    deliverer's, for the answers that are sent at once and never kept."""
    if not services.settings.teams_app_id:
        return None
    app = TeamsApp()
    teams_handlers.register_all(app)
    return teams_endpoint(services, app, person_of or people_by_organisation(services), send_now)
