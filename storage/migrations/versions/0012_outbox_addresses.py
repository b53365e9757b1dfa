"""outbox messages addressed to people and channel purposes; posted messages remember their platform

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 04:00:00.000000
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

# Until now a message's target was a Slack id: a person's (U…, W…), delivered as a DM, or a
# conversation's. A person's Slack id is their key unless the organisation file names another, so
# "person:<id>" is the same person; anything else is a Slack conversation (bot/addresses.py).
TO_ADDRESS = ("CASE WHEN target LIKE 'U%' OR target LIKE 'W%' THEN 'person:' || target "
              "ELSE 'slack:' || target END")
# Going back: a person's Slack id (a key that is not one, someone on Teams alone, the older release
# cannot reach), a Slack conversation's id, or the Slack channel a purpose names now. `IN` rather than
# LIKE, which SQLite compares without regard to case: a key such as "walter" is not a Slack id.
TO_TARGET = ("CASE WHEN address LIKE 'person:%' AND substr(address, 8, 1) IN ('U', 'W') THEN substr(address, 8) "
             "WHEN address LIKE 'slack:%' THEN substr(address, 7) "
             "WHEN address LIKE 'channel:%' THEN (SELECT slack_channel_id FROM org_channel "
             "WHERE org_channel.purpose = substr(outbox_message.address, 9) LIMIT 1) END")


def upgrade() -> None:
    with op.batch_alter_table('outbox_message') as batch:
        batch.add_column(sa.Column('address', sa.String(length=255), nullable=True))
    op.execute(f"UPDATE outbox_message SET address = {TO_ADDRESS}")
    with op.batch_alter_table('outbox_message') as batch:
        batch.alter_column('address', existing_type=sa.String(length=255), nullable=False)
        batch.drop_column('target')

    with op.batch_alter_table('posted_message') as batch:
        batch.alter_column('channel', new_column_name='conversation', existing_type=sa.String(length=32),
                           type_=sa.String(length=255), existing_nullable=False)
        batch.alter_column('ts', new_column_name='message_id', existing_type=sa.String(length=32),
                           type_=sa.String(length=255), existing_nullable=False)
        batch.add_column(sa.Column('platform', sa.String(length=16), nullable=False, server_default='slack'))
        batch.add_column(sa.Column('service_url', sa.String(length=512), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('outbox_message') as batch:
        batch.add_column(sa.Column('target', sa.String(length=255), nullable=True))
    op.execute(f"UPDATE outbox_message SET target = {TO_TARGET}")
    # What the older release cannot address (someone on Teams alone, a channel with no Slack channel)
    # it could never deliver: it goes, rather than block that release's queue.
    op.execute("DELETE FROM outbox_message WHERE target IS NULL OR length(target) > 32")
    with op.batch_alter_table('outbox_message') as batch:
        batch.drop_column('address')
        batch.alter_column('target', existing_type=sa.String(length=255), type_=sa.String(length=32), nullable=False)

    op.execute("DELETE FROM posted_message WHERE platform <> 'slack'")
    with op.batch_alter_table('posted_message') as batch:
        batch.drop_column('service_url')
        batch.drop_column('platform')
        batch.alter_column('message_id', new_column_name='ts', existing_type=sa.String(length=255),
                           type_=sa.String(length=32), existing_nullable=False)
        batch.alter_column('conversation', new_column_name='channel', existing_type=sa.String(length=255),
                           type_=sa.String(length=32), existing_nullable=False)
