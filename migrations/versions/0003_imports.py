"""imports: recommendation sources, voluntary pledges, import jobs

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 09:17:58.407153
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import api.core.types


revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('import_job',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('queued', 'running', 'succeeded', 'failed', name='jobstatus', native_enum=False, length=32), nullable=False),
    sa.Column('filename', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('format', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
    sa.Column('options', sa.JSON(), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=True),
    sa.Column('created_by_user_id', sa.Integer(), nullable=True),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('created_at', api.core.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('started_at', api.core.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('finished_at', api.core.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('rows_read', sa.Integer(), nullable=False),
    sa.Column('report', sa.JSON(), nullable=True),
    sa.Column('error', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
    sa.ForeignKeyConstraint(['created_by_user_id'], ['user.id'], name=op.f('fk_import_job_created_by_user_id_user')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_import_job_organisation_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_job'))
    )
    with op.batch_alter_table('import_job', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_import_job_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_import_job_status'), ['status'], unique=False)

    op.create_table('voluntary_pledge',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('action_category', sa.Integer(), nullable=True),
    sa.Column('themes', sa.JSON(), nullable=True),
    sa.Column('external_key', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
    sa.Column('created_at', api.core.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['review_id'], ['review.id'], name=op.f('fk_voluntary_pledge_review_id_review')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_voluntary_pledge')),
    sa.UniqueConstraint('external_key', name=op.f('uq_voluntary_pledge_external_key'))
    )
    with op.batch_alter_table('voluntary_pledge', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_voluntary_pledge_review_id'), ['review_id'], unique=False)

    # Plain ALTERs, never batch mode: a batch copy of `recommendation` on SQLite would drop the
    # full-text search triggers of migration 0002.
    op.add_column('recommendation', sa.Column('sources', sa.JSON(), nullable=True))


def downgrade() -> None:
    op.execute("ALTER TABLE recommendation DROP COLUMN sources")  # SQLite >= 3.35 and PostgreSQL

    with op.batch_alter_table('voluntary_pledge', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_voluntary_pledge_review_id'))

    op.drop_table('voluntary_pledge')
    with op.batch_alter_table('import_job', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_import_job_status'))
        batch_op.drop_index(batch_op.f('ix_import_job_organisation_id'))

    op.drop_table('import_job')
