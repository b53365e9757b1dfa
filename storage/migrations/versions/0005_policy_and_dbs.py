"""policy sign-off and DBS checks

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24 17:27:12.069554
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.types

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('dbs_check',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slack_id', sa.String(length=32), nullable=False),
    sa.Column('check_type', sa.String(length=32), nullable=False),
    sa.Column('certificate_date', sa.Date(), nullable=False),
    sa.Column('certificate_number_enc', sa.Text(), nullable=False),
    sa.Column('update_service', sa.Boolean(), nullable=False),
    sa.Column('next_review', sa.Date(), nullable=False),
    sa.Column('recorded_by', sa.String(length=32), nullable=False),
    sa.Column('recorded_at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dbs_check')),
    sa.UniqueConstraint('slack_id', name=op.f('uq_dbs_check_slack_id'))
    )
    op.create_table('policy_signature',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slack_id', sa.String(length=32), nullable=False),
    sa.Column('version', sa.String(length=16), nullable=False),
    sa.Column('signed_at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_policy_signature')),
    sa.UniqueConstraint('slack_id', 'version', name=op.f('uq_policy_signature_slack_id'))
    )
    op.create_table('policy_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.String(length=16), nullable=False),
    sa.Column('first_seen_at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_policy_version')),
    sa.UniqueConstraint('version', name=op.f('uq_policy_version_version'))
    )


def downgrade() -> None:
    op.drop_table('policy_version')
    op.drop_table('policy_signature')
    op.drop_table('dbs_check')
