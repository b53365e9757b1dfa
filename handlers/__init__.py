"""The chat platforms' side: each platform's listeners, one package per platform.

- `handlers/slack/`: Slack's listeners, one module per feature, each with `register(app)`, called once at
  start-up (`handlers/slack/features.py`). Slack's plumbing (server, Block Kit, delivery, reading its
  markup) is in `bot/slack/`.
- Teams' listeners go in `handlers/teams/` likewise, beside `bot/teams/`.

Everything else in `bot/` is the core: it speaks of people by key, channels by purpose and messages as
data, and imports neither package.
"""
