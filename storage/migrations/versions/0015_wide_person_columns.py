"""person columns wide enough for a Teams object id

Someone outside the organisation file is known by the platform's id for them; a Teams (Entra) object id
has 36 characters, more than the 32 these columns held (PostgreSQL refuses a longer value; SQLite does
not check). Going back fails, and changes nothing, while any such value is kept.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05 08:50:57.143977
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


# Each table's columns that name a person, and whether they may be empty.
PERSON_COLUMNS = {
    'absences': [('person_id', False), ('stand_in_id', True), ('set_by', False)],
    'account_access': [('person_key', False)],
    'audit_entry': [('actor', False)],
    'dbs_check': [('person_key', False), ('recorded_by', False)],
    'guarded_notice': [('user_id', False), ('decided_by', True)],
    'leaver': [('person_key', False), ('requested_by', False)],
    'leaver_task': [('assignee_id', False), ('done_by', True)],
    'moderation_case': [('user_id', False), ('decided_by', True)],
    'person': [('key', False)],
    'policy_signature': [('person_key', False)],
    'report': [('reporter_id', False), ('acknowledged_by', True), ('resolved_by', True)],
    'report_clock': [('decided_by', True)],
    'report_note': [('author', False)],
    'report_party': [('person_key', False)],
    'report_task': [('done_by', True)],
    'shared_account': [('owner_id', False)],
}


def _resize(length_from: int, length_to: int) -> None:
    for table, columns in PERSON_COLUMNS.items():
        with op.batch_alter_table(table) as batch:
            for column, nullable in columns:
                batch.alter_column(column, existing_type=sa.String(length=length_from),
                                   type_=sa.String(length=length_to), existing_nullable=nullable)


def upgrade() -> None:
    _resize(32, 64)


def downgrade() -> None:
    _resize(64, 32)
