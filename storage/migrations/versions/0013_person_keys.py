"""person keys: people are keyed by a neutral key, with a Slack and/or Teams identity; channels may be on
either platform

Revision ID: 0013
Revises: 0011
Create Date: 2026-12-05 08:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Everyone so far is on Slack and keyed by their Slack id, so every stored row keeps its meaning.
    with op.batch_alter_table('person') as batch:
        batch.add_column(sa.Column('key', sa.String(length=32), nullable=True))
        batch.add_column(sa.Column('teams_object_id', sa.String(length=36), nullable=True))
        batch.add_column(sa.Column('teams_upn', sa.String(length=254), nullable=True))
        batch.add_column(sa.Column('notify_on', sa.String(length=8), nullable=True))
    op.execute("UPDATE person SET key = slack_id, notify_on = 'slack'")
    with op.batch_alter_table('person') as batch:
        batch.alter_column('key', existing_type=sa.String(length=32), nullable=False)
        batch.alter_column('notify_on', existing_type=sa.String(length=8), nullable=False)
        batch.alter_column('slack_id', existing_type=sa.String(length=32), nullable=True)
        batch.create_unique_constraint(batch.f('uq_person_key'), ['key'])
        batch.create_unique_constraint(batch.f('uq_person_teams_object_id'), ['teams_object_id'])

    with op.batch_alter_table('org_channel') as batch:
        batch.add_column(sa.Column('teams_team_id', sa.String(length=200), nullable=True))
        batch.add_column(sa.Column('teams_channel_id', sa.String(length=200), nullable=True))
        batch.alter_column('slack_channel_id', existing_type=sa.String(length=32), nullable=True)


def downgrade() -> None:
    # Before this release everyone had a Slack id: people and channels known only on Teams can't be kept.
    op.execute("DELETE FROM org_channel WHERE slack_channel_id IS NULL")
    with op.batch_alter_table('org_channel') as batch:
        batch.alter_column('slack_channel_id', existing_type=sa.String(length=32), nullable=False)
        batch.drop_column('teams_channel_id')
        batch.drop_column('teams_team_id')

    op.execute("DELETE FROM person WHERE slack_id IS NULL")
    with op.batch_alter_table('person') as batch:
        batch.drop_constraint('uq_person_teams_object_id', type_='unique')
        batch.drop_constraint('uq_person_key', type_='unique')
        batch.alter_column('slack_id', existing_type=sa.String(length=32), nullable=False)
        batch.drop_column('notify_on')
        batch.drop_column('teams_upn')
        batch.drop_column('teams_object_id')
        batch.drop_column('key')
