"""person keys: people are keyed by a neutral key, with a Slack and/or Teams identity; channels may be on
either platform; the tables that name a person name them by key (person_key, was slack_id)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05 08:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


# Tables naming a person by what was their Slack id and is now their key (the same value for everyone so
# far), each with its unique constraints: {column name: constraint name} and the constraint's columns.
_RENAMED: dict[str, list[tuple[dict[str, str], list[str]]]] = {
    'report_party': [({'slack_id': 'uq_report_party_report_id', 'person_key': 'uq_report_party_report_id'},
                      ['report_id', '{person}', 'part'])],
    'account_access': [({'slack_id': 'uq_account_access_account_id', 'person_key': 'uq_account_access_account_id'},
                        ['account_id', '{person}'])],
    'leaver': [],
    'policy_signature': [({'slack_id': 'uq_policy_signature_slack_id', 'person_key': 'uq_policy_signature_person_key'},
                          ['{person}', 'version'])],
    'dbs_check': [({'slack_id': 'uq_dbs_check_slack_id', 'person_key': 'uq_dbs_check_person_key'}, ['{person}'])],
}


def _rename_person_columns(old: str, new: str) -> None:
    # The leaver's indexes (one of them partial) are dropped and made again around the copy SQLite makes.
    op.drop_index(f'uq_leaver_open_{old}', table_name='leaver')
    op.drop_index(f'ix_leaver_{old}', table_name='leaver')
    for table, constraints in _RENAMED.items():
        with op.batch_alter_table(table) as batch:
            for names, _columns in constraints:
                batch.drop_constraint(names[old], type_='unique')
            batch.alter_column(old, new_column_name=new, existing_type=sa.String(length=32), existing_nullable=False)
        with op.batch_alter_table(table) as batch:
            for names, columns in constraints:
                batch.create_unique_constraint(names[new], [c.format(person=new) for c in columns])
    op.create_index(f'ix_leaver_{new}', 'leaver', [new], unique=False)
    op.create_index(f'uq_leaver_open_{new}', 'leaver', [new], unique=True,
                    sqlite_where=sa.text("state = 'open'"), postgresql_where=sa.text("state = 'open'"))


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

    _rename_person_columns('slack_id', 'person_key')


def downgrade() -> None:
    _rename_person_columns('person_key', 'slack_id')
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
