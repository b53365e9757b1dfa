"""tmw-bot: a charity's internet and social media safety policy as Slack workflows.

Keep this module empty of imports: `tmw-bot check` must start without the Slack or web stack.
"""
