"""reports

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 16:54:31.042559
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.types

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('reference_counter',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('series', sa.String(length=32), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('last', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reference_counter')),
    sa.UniqueConstraint('series', 'year', name=op.f('uq_reference_counter_series'))
    )
    op.create_table('report',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reference', sa.String(length=32), nullable=False),
    sa.Column('submission_key', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('urgent', sa.Boolean(), nullable=False),
    sa.Column('immediate_risk', sa.Boolean(), nullable=False),
    sa.Column('activity_key', sa.String(length=64), nullable=True),
    sa.Column('reporter_id', sa.String(length=32), nullable=False),
    sa.Column('name_only_to_handler', sa.Boolean(), nullable=False),
    sa.Column('team_member_enc', sa.Text(), nullable=True),
    sa.Column('details_enc', sa.Text(), nullable=False),
    sa.Column('happened_at', storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('happened_has_time', sa.Boolean(), nullable=False),
    sa.Column('created_at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('routed_at', storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('tier', sa.Integer(), nullable=False),
    sa.Column('acknowledge_by', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('acknowledged_at', storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('acknowledged_by', sa.String(length=32), nullable=True),
    sa.Column('resolved_at', storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('resolved_by', sa.String(length=32), nullable=True),
    sa.Column('ico_deadline', storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('escalations', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report')),
    sa.UniqueConstraint('reference', name=op.f('uq_report_reference')),
    sa.UniqueConstraint('submission_key', name=op.f('uq_report_submission_key'))
    )
    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.create_index('ix_report_status_kind', ['status', 'kind'], unique=False)

    op.create_table('report_note',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('author', sa.String(length=32), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('text_enc', sa.Text(), nullable=False),
    sa.Column('answered', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['report_id'], ['report.id'], name=op.f('fk_report_note_report_id_report'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_note'))
    )
    op.create_table('report_party',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('slack_id', sa.String(length=32), nullable=False),
    sa.Column('part', sa.String(length=16), nullable=False),
    sa.Column('tier', sa.Integer(), nullable=False),
    sa.Column('role_label', sa.String(length=80), nullable=False),
    sa.ForeignKeyConstraint(['report_id'], ['report.id'], name=op.f('fk_report_party_report_id_report'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_party')),
    sa.UniqueConstraint('report_id', 'slack_id', 'part', name=op.f('uq_report_party_report_id'))
    )
    op.create_table('report_task',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('created_at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('done_at', storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('done_by', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['report_id'], ['report.id'], name=op.f('fk_report_task_report_id_report'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_task'))
    )


def downgrade() -> None:
    op.drop_table('report_task')
    op.drop_table('report_party')
    op.drop_table('report_note')
    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.drop_index('ix_report_status_kind')

    op.drop_table('report')
    op.drop_table('reference_counter')
