"""Shared accounts and leavers (policy sections 2 and 5.4): who must change which password, and by when.

The bot never stores, asks for or displays a password. Domain code only: no Slack imports here.
"""
