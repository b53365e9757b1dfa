"""outgoing checks and moderation

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 17:03:08.481620
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.types

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('check_finding',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_check_finding'))
    )
    with op.batch_alter_table('check_finding', schema=None) as batch_op:
        batch_op.create_index('ix_check_finding_at', ['at'], unique=False)

    op.create_table('guarded_notice',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('channel_id', sa.String(length=32), nullable=False),
    sa.Column('message_ts', sa.String(length=32), nullable=False),
    sa.Column('user_id', sa.String(length=32), nullable=False),
    sa.Column('kinds', sa.JSON(), nullable=False),
    sa.Column('redacted_enc', sa.Text(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('decided_by', sa.String(length=32), nullable=True),
    sa.Column('decided_at', storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_guarded_notice')),
    sa.UniqueConstraint('channel_id', 'message_ts', name=op.f('uq_guarded_notice_channel_id'))
    )
    op.create_table('moderation_case',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('channel_id', sa.String(length=32), nullable=False),
    sa.Column('message_ts', sa.String(length=32), nullable=False),
    sa.Column('user_id', sa.String(length=32), nullable=False),
    sa.Column('findings', sa.JSON(), nullable=False),
    sa.Column('text_enc', sa.Text(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('decided_by', sa.String(length=32), nullable=True),
    sa.Column('decided_at', storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_moderation_case')),
    sa.UniqueConstraint('channel_id', 'message_ts', name=op.f('uq_moderation_case_channel_id'))
    )
    with op.batch_alter_table('moderation_case', schema=None) as batch_op:
        batch_op.create_index('ix_moderation_case_user', ['user_id', 'created_at'], unique=False)

    op.create_table('roster_participant',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('first_hash', sa.String(length=64), nullable=False),
    sa.Column('last_hash', sa.String(length=64), nullable=False),
    sa.Column('school_hash', sa.String(length=64), nullable=True),
    sa.Column('photo_consent', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_roster_participant'))
    )
    with op.batch_alter_table('roster_participant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_roster_participant_first_hash'), ['first_hash'], unique=False)
        batch_op.create_index(batch_op.f('ix_roster_participant_last_hash'), ['last_hash'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('roster_participant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_roster_participant_last_hash'))
        batch_op.drop_index(batch_op.f('ix_roster_participant_first_hash'))

    op.drop_table('roster_participant')
    with op.batch_alter_table('moderation_case', schema=None) as batch_op:
        batch_op.drop_index('ix_moderation_case_user')

    op.drop_table('moderation_case')
    op.drop_table('guarded_notice')
    with op.batch_alter_table('check_finding', schema=None) as batch_op:
        batch_op.drop_index('ix_check_finding_at')

    op.drop_table('check_finding')
