"""Slack: everything that knows Slack's shapes. The Bolt app factory (`app.py`), the HTTP and Socket Mode
servers, the Web API client, the Block Kit renderer of the core's messages, delivery of the outbox,
reading Slack's markup and user ids (`inbound.py`, `people.py`). Its
listeners are in handlers/slack/. The core (the rest of bot/) never imports it."""
