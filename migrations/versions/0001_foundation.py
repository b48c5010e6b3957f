"""foundation: states, organisations, users, service tokens, audit

Revision ID: 0001
Revises:
Create Date: 2026-11-25 08:17:32.462743
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import api.core.types

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('audit_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', api.core.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('actor_user_id', sa.Integer(), nullable=True),
    sa.Column('actor_service_token_id', sa.Integer(), nullable=True),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('entity', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('entity_id', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
    sa.Column('action', sa.Enum('create', 'update', 'delete', name='auditaction', native_enum=False, length=32), nullable=False),
    sa.Column('changes', sa.JSON(), nullable=False),
    sa.Column('request_id', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entry'))
    )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entry_actor_user_id'), ['actor_user_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entry_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entry_entity'), ['entity'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entry_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('login_throttle',
    sa.Column('account', sqlmodel.sql.sqltypes.AutoString(length=320), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('window_started_at', api.core.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('locked_until', api.core.types.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('account', name=op.f('pk_login_throttle'))
    )
    op.create_table('state',
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('iso2', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=True),
    sa.Column('regional_group', sa.Enum('African', 'Asia-Pacific', 'EEG', 'GRULAC', 'WEOG', name='regionalgroup', native_enum=False, length=32), nullable=True),
    sa.Column('un_status', sa.Enum('member', 'observer', name='unstatus', native_enum=False, length=32), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=3), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_state'))
    )
    op.create_table('organisation',
    sa.Column('kind', sa.Enum('government', 'nhri', 'cso', 'un', 'academic', 'other', name='organisationkind', native_enum=False, length=32), nullable=False),
    sa.Column('state_code', sqlmodel.sql.sqltypes.AutoString(length=3), nullable=False),
    sa.Column('public_name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('created_at', api.core.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['state_code'], ['state.code'], name=op.f('fk_organisation_state_code_state')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organisation')),
    sa.UniqueConstraint('name', name=op.f('uq_organisation_name'))
    )
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organisation_state_code'), ['state_code'], unique=False)

    op.create_table('user',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sqlmodel.sql.sqltypes.AutoString(length=320), nullable=False),
    sa.Column('full_name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('password_hash', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('is_admin', sa.Boolean(), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('created_at', api.core.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_user_organisation_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user')),
    sa.UniqueConstraint('email', name=op.f('uq_user_email'))
    )
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_user_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('service_token',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('created_by_user_id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('prefix', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('token_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('created_at', api.core.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('expires_at', api.core.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('revoked_at', api.core.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('last_used_at', api.core.types.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['created_by_user_id'], ['user.id'], name=op.f('fk_service_token_created_by_user_id_user')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_service_token_organisation_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_token')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_service_token_token_hash'))
    )
    with op.batch_alter_table('service_token', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_token_organisation_id'), ['organisation_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('service_token', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_token_organisation_id'))

    op.drop_table('service_token')
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_user_organisation_id'))

    op.drop_table('user')
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organisation_state_code'))

    op.drop_table('organisation')
    op.drop_table('state')
    op.drop_table('login_throttle')
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_entry_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_audit_entry_entity'))
        batch_op.drop_index(batch_op.f('ix_audit_entry_at'))
        batch_op.drop_index(batch_op.f('ix_audit_entry_actor_user_id'))

    op.drop_table('audit_entry')
