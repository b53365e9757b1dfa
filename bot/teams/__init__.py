"""Microsoft Teams: everything that knows Teams' shapes (the app package, and later its activities,
tokens and cards) lives here, as everything that knows Slack's lives in bot/slack/."""
