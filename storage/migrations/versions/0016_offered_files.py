"""files offered to a person and not taken yet (a case's record, waiting for them to allow it in Teams)

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-12 08:00:00.000000
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.types

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('offered_file',
    sa.Column('token', sa.String(length=64), nullable=False),
    sa.Column('person', sa.String(length=64), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('reference', sa.String(length=64), nullable=False),
    sa.Column('content_enc', storage.types.EncryptedText(), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('upload_enc', storage.types.EncryptedText(), nullable=True),
    sa.Column('created_at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('expires_at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('token', name=op.f('pk_offered_file'))
    )
    op.create_index('ix_offered_file_expires_at', 'offered_file', ['expires_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_offered_file_expires_at', table_name='offered_file')
    op.drop_table('offered_file')
