"""Slack plumbing shared by the handlers: Web API client, delivery, servers. Workflows never import it."""
