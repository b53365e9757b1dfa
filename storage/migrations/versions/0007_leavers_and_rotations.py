"""leavers and rotations: a cancelled leaver checklist can be put back; one open checklist per leaver

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
    # Two people starting a checklist at the same instant could both get through: keep the first open
    # checklist for each person and set the later ones aside (kept for the record), then allow only one.
    op.execute(
        "UPDATE leaver SET state = 'duplicate' WHERE state = 'open' AND id > "
        "(SELECT MIN(first.id) FROM leaver AS first WHERE first.slack_id = leaver.slack_id AND first.state = 'open')"
    )
    op.create_index('uq_leaver_open_slack_id', 'leaver', ['slack_id'], unique=True,
                    sqlite_where=sa.text("state = 'open'"), postgresql_where=sa.text("state = 'open'"))


def downgrade() -> None:
    op.drop_index('uq_leaver_open_slack_id', table_name='leaver')
    with op.batch_alter_table('leaver') as batch:
        batch.drop_column('restore')
