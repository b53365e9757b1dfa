"""org file state: a broken organisation file is told to the admins once; the directory version

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04 18:20:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.types

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    state = op.create_table('org_file_state',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('broken_sha256', sa.String(length=64), nullable=True),
    sa.Column('noticed_at', storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_org_file_state'))
    )
    # One row, always there, so noting a broken file is a single conditional UPDATE in every process.
    op.bulk_insert(state, [{'id': 1, 'broken_sha256': None, 'noticed_at': None}])
    with op.batch_alter_table('organisation') as batch:
        batch.add_column(sa.Column('directory_version', sa.Integer(), server_default='0', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('organisation') as batch:
        batch.drop_column('directory_version')
    op.drop_table('org_file_state')
