"""leavers and rotations: a cancelled leaver checklist can be put back

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 18:30:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # What a checklist changed, to undo it; checklists made before this have none and can't be cancelled.
    with op.batch_alter_table('leaver') as batch:
        batch.add_column(sa.Column('restore', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('leaver') as batch:
        batch.drop_column('restore')
