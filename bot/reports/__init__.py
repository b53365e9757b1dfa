"""Incident reports (policy sections 2, 3, 5.1, 5.4, 5.6): filing, routing, handling, escalation.

Plain Python and storage only: nothing here knows about Slack.
"""
