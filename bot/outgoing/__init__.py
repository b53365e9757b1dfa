"""Outgoing checks in use (policy sections 3, 4, 5.5, 5.6): the checker of bot/checks, given the
organisation's details and its roster, for the CLI, /check, "Check before sending" and guarded channels."""
