"""absences

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04 21:45:00.000000
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.types

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('absences',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.String(length=32), nullable=False),
    sa.Column('starts_at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('ends_at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('stand_in_id', sa.String(length=32), nullable=True),
    sa.Column('set_by', sa.String(length=32), nullable=False),
    sa.Column('created_at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('welcomed_at', storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_absences'))
    )
    op.create_index('ix_absences_person', 'absences', ['person_id', 'ends_at'], unique=False)
    op.create_index('uq_absences_org_file', 'absences', ['person_id', 'starts_at'], unique=True,
                    sqlite_where=sa.text("source = 'org_file'"), postgresql_where=sa.text("source = 'org_file'"))


def downgrade() -> None:
    op.drop_index('uq_absences_org_file', table_name='absences')
    op.drop_index('ix_absences_person', table_name='absences')
    op.drop_table('absences')
