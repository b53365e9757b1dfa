"""moderation memory

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24 17:58:07.397445
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.types

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('moderation_memory',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('state', sa.JSON(), nullable=False),
    sa.Column('saved_at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_moderation_memory'))
    )


def downgrade() -> None:
    op.drop_table('moderation_memory')
