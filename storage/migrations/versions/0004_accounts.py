"""shared accounts and leavers

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 17:14:24.671141
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.types

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('leaver',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slack_id', sa.String(length=32), nullable=False),
    sa.Column('requested_by', sa.String(length=32), nullable=False),
    sa.Column('leaving_on', sa.Date(), nullable=False),
    sa.Column('submission_key', sa.String(length=100), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('created_at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('completed_at', storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('reminders_sent', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_leaver')),
    sa.UniqueConstraint('submission_key', name=op.f('uq_leaver_submission_key'))
    )
    with op.batch_alter_table('leaver', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_leaver_slack_id'), ['slack_id'], unique=False)

    op.create_table('shared_account',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('aliases', sa.JSON(), nullable=False),
    sa.Column('owner_id', sa.String(length=32), nullable=False),
    sa.Column('rotate_every_days', sa.Integer(), nullable=False),
    sa.Column('last_changed_at', storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('next_due_at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('due_reason', sa.String(length=16), nullable=False),
    sa.Column('from_file', sa.Boolean(), nullable=False),
    sa.Column('spec_sha256', sa.String(length=64), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('cycle', sa.Integer(), nullable=False),
    sa.Column('rotation_requested_at', storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('exposed_at', storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('exposure_report_id', sa.Integer(), nullable=True),
    sa.Column('snoozed_until', storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('last_nudged_at', storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('last_nudge_stage', sa.String(length=16), nullable=False),
    sa.Column('nudges_sent', sa.Integer(), nullable=False),
    sa.Column('escalated_at', storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('check_seq', sa.Integer(), nullable=False),
    sa.Column('created_at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['exposure_report_id'], ['report.id'], name=op.f('fk_shared_account_exposure_report_id_report'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shared_account')),
    sa.UniqueConstraint('key', name=op.f('uq_shared_account_key'))
    )
    with op.batch_alter_table('shared_account', schema=None) as batch_op:
        batch_op.create_index('ix_shared_account_due', ['active', 'next_due_at'], unique=False)

    op.create_table('account_access',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('slack_id', sa.String(length=32), nullable=False),
    sa.Column('overall', sa.Boolean(), nullable=False),
    sa.Column('granted_at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['shared_account.id'], name=op.f('fk_account_access_account_id_shared_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_account_access')),
    sa.UniqueConstraint('account_id', 'slack_id', name=op.f('uq_account_access_account_id'))
    )
    op.create_table('leaver_task',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('leaver_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=True),
    sa.Column('report_id', sa.Integer(), nullable=True),
    sa.Column('assignee_id', sa.String(length=32), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('done_at', storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('done_by', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['shared_account.id'], name=op.f('fk_leaver_task_account_id_shared_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['leaver_id'], ['leaver.id'], name=op.f('fk_leaver_task_leaver_id_leaver'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['report_id'], ['report.id'], name=op.f('fk_leaver_task_report_id_report'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_leaver_task'))
    )


def downgrade() -> None:
    op.drop_table('leaver_task')
    op.drop_table('account_access')
    with op.batch_alter_table('shared_account', schema=None) as batch_op:
        batch_op.drop_index('ix_shared_account_due')

    op.drop_table('shared_account')
    with op.batch_alter_table('leaver', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_leaver_slack_id'))

    op.drop_table('leaver')
