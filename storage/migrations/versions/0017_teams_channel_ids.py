"""channel columns wide enough for a Teams channel id

Guarded notices and moderation cases name the channel a message was posted in: a Slack id fitted in 32
characters, a Teams channel id ("19:...@thread.tacv2") does not (PostgreSQL refuses a longer value;
SQLite does not check). Going back fails, and changes nothing, while any such value is kept.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06 10:00:00.000000
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None

TABLES = ('guarded_notice', 'moderation_case')


def _resize(length_from: int, length_to: int) -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.alter_column('channel_id', existing_type=sa.String(length=length_from),
                               type_=sa.String(length=length_to), existing_nullable=False)


def upgrade() -> None:
    _resize(32, 200)


def downgrade() -> None:
    _resize(200, 32)
