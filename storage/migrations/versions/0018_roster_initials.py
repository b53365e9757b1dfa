"""roster: a keyed hash of first name and surname initial ("Ella G")

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-06 03:00:00.000000

Rosters imported before this have no initial hashes (NULL): "Ella G" is then not recognised until the
roster is imported again.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('roster_participant') as batch:
        batch.add_column(sa.Column('initial_hash', sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('roster_participant') as batch:
        batch.drop_column('initial_hash')
