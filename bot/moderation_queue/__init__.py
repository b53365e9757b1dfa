"""Moderation of the groups the charity hosts, in use (policy 5.1, 5.3, 5.7): the rules of bot/moderation
applied to moderated channels, with a review queue for moderators."""
