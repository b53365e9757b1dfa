"""statutory clocks: the ICO, the LADO and the Charity Commission, one row per clock a report started

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04 21:45:00.000000
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.types

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('report_clock',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('clock', sa.String(length=32), nullable=False),
    sa.Column('started_at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('due_at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('escalated_at', storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('decision', sa.String(length=16), nullable=True),
    sa.Column('reported_on', sa.Date(), nullable=True),
    sa.Column('decided_at', storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('decided_by', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['report_id'], ['report.id'], name=op.f('fk_report_clock_report_id_report'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_clock')),
    sa.UniqueConstraint('report_id', 'clock', name=op.f('uq_report_clock_report_id'))
    )
    # Each data breach's ICO deadline becomes its ICO clock; its reminders carry on from there.
    op.execute("INSERT INTO report_clock (report_id, clock, started_at, due_at) "
               "SELECT id, 'ico', created_at, ico_deadline FROM report WHERE ico_deadline IS NOT NULL")


def downgrade() -> None:
    # The release before reads a data breach's ICO deadline from the report: give it back to reports
    # filed since.
    op.execute("UPDATE report SET ico_deadline = (SELECT c.due_at FROM report_clock c WHERE c.report_id = report.id "
               "AND c.clock = 'ico') WHERE ico_deadline IS NULL AND EXISTS "
               "(SELECT 1 FROM report_clock c WHERE c.report_id = report.id AND c.clock = 'ico')")
    op.drop_table('report_clock')
