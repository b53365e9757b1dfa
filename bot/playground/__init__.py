"""The local playground: the real bot, the Slack and Teams stand-ins and a terminal client, on one machine.

`tmw-bot local` lets someone see every workflow work before anyone creates a Slack or Teams app. The
client speaks to the bot only as Slack would (signed HTTP requests to /slack/events) or, with `--teams`,
as Teams would (`teams.py`: signed activities to /api/messages), and sees only what the bot sends to
each platform's API, so what works here works there.

- `session.py`: the engine. Starts the bot and the stand-in on loopback, sends what a person does,
  waits for the bot to finish, runs what is due, and reports what changed.
- `directory.py`: the people and channels of the organisation file, found by how people type them.
- `render.py`: Block Kit drawn with rich, with numbers on everything that can be pressed.
- `modals.py`: filling a modal field by field, as Slack's own client would check it.
- `client.py`: the commands people type (`/as`, `/inbox`, `/press`, `/clock`, ...), interactive or from a script.
"""
