"""data key fingerprint

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 18:20:00.000000
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.types

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('data_key',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('recorded_at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_data_key'))
    )


def downgrade() -> None:
    op.drop_table('data_key')
