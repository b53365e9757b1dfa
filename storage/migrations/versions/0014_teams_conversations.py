"""where the bot can reach people and channels on Microsoft Teams

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05 08:00:00.000000
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.types

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('teams_conversation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_object_id', sa.String(length=64), nullable=True),
    sa.Column('team_id', sa.String(length=255), nullable=True),
    sa.Column('channel_id', sa.String(length=255), nullable=True),
    sa.Column('conversation_id', sa.String(length=255), nullable=False),
    sa.Column('service_url', sa.String(length=512), nullable=False),
    sa.Column('tenant_id', sa.String(length=64), nullable=False),
    sa.Column('updated_at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_teams_conversation')),
    sa.UniqueConstraint('channel_id', name=op.f('uq_teams_conversation_channel_id')),
    sa.UniqueConstraint('user_object_id', name=op.f('uq_teams_conversation_user_object_id'))
    )


def downgrade() -> None:
    op.drop_table('teams_conversation')
