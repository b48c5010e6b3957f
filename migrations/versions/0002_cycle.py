"""cycle: cycles, sessions, reviews, documents, submissions, taxonomy, recommendations, positions

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 08:31:29.962246
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import api.core.types


revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('affected_person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_affected_person')),
    sa.UniqueConstraint('name', name=op.f('uq_affected_person_name'))
    )
    op.create_table('cycle',
    sa.Column('number', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('start_year', sa.Integer(), nullable=False),
    sa.Column('end_year', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('number', name=op.f('pk_cycle'))
    )
    op.create_table('sdg_target',
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('goal', sa.Integer(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_sdg_target'))
    )
    with op.batch_alter_table('sdg_target', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sdg_target_goal'), ['goal'], unique=False)

    op.create_table('theme',
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['parent_id'], ['theme.id'], name=op.f('fk_theme_parent_id_theme')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_theme')),
    sa.UniqueConstraint('code', name=op.f('uq_theme_code')),
    sa.UniqueConstraint('name', name=op.f('uq_theme_name'))
    )
    op.create_table('upr_session',
    sa.Column('number', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('cycle_number', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['cycle_number'], ['cycle.number'], name=op.f('fk_upr_session_cycle_number_cycle')),
    sa.PrimaryKeyConstraint('number', name=op.f('pk_upr_session'))
    )
    with op.batch_alter_table('upr_session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_upr_session_cycle_number'), ['cycle_number'], unique=False)

    op.create_table('review',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('state_code', sqlmodel.sql.sqltypes.AutoString(length=3), nullable=False),
    sa.Column('session_number', sa.Integer(), nullable=False),
    sa.Column('dialogue_date', sa.Date(), nullable=True),
    sa.Column('adoption_date', sa.Date(), nullable=True),
    sa.Column('created_at', api.core.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['session_number'], ['upr_session.number'], name=op.f('fk_review_session_number_upr_session')),
    sa.ForeignKeyConstraint(['state_code'], ['state.code'], name=op.f('fk_review_state_code_state')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review')),
    sa.UniqueConstraint('state_code', 'session_number', name=op.f('uq_review_state_code'))
    )
    with op.batch_alter_table('review', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_session_number'), ['session_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_review_state_code'), ['state_code'], unique=False)

    op.create_table('recommendation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.Column('paragraph', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('action_category', sa.Integer(), nullable=True),
    sa.Column('source_document', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('external_key', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
    sa.Column('current_position', sa.Enum('supported', 'supported_in_part', 'noted', 'pending', name='positionkind', native_enum=False, length=32), nullable=True),
    sa.Column('created_at', api.core.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', api.core.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['review_id'], ['review.id'], name=op.f('fk_recommendation_review_id_review')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recommendation')),
    sa.UniqueConstraint('external_key', name=op.f('uq_recommendation_external_key'))
    )
    with op.batch_alter_table('recommendation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recommendation_action_category'), ['action_category'], unique=False)
        batch_op.create_index(batch_op.f('ix_recommendation_current_position'), ['current_position'], unique=False)
        batch_op.create_index(batch_op.f('ix_recommendation_review_id'), ['review_id'], unique=False)
        batch_op.create_index('ix_recommendation_review_id_paragraph', ['review_id', 'paragraph'], unique=False)

    op.create_table('review_document',
    sa.Column('kind', sa.Enum('national_report', 'un_compilation', 'stakeholders_summary', 'working_group_report', 'addendum', 'mid_term_report', name='documentkind', native_enum=False, length=32), nullable=False),
    sa.Column('symbol', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('languages', sa.JSON(), nullable=False),
    sa.Column('url', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
    sa.Column('published_on', sa.Date(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['review_id'], ['review.id'], name=op.f('fk_review_document_review_id_review'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_document'))
    )
    with op.batch_alter_table('review_document', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_document_review_id'), ['review_id'], unique=False)

    op.create_table('review_troika',
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.Column('state_code', sqlmodel.sql.sqltypes.AutoString(length=3), nullable=False),
    sa.ForeignKeyConstraint(['review_id'], ['review.id'], name=op.f('fk_review_troika_review_id_review'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['state_code'], ['state.code'], name=op.f('fk_review_troika_state_code_state')),
    sa.PrimaryKeyConstraint('review_id', 'state_code', name=op.f('pk_review_troika'))
    )
    op.create_table('submission',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('symbol', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('url', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
    sa.Column('cited_in_summary', sa.Boolean(), nullable=False),
    sa.Column('created_at', api.core.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['review_id'], ['review.id'], name=op.f('fk_submission_review_id_review'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_submission'))
    )
    with op.batch_alter_table('submission', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_submission_review_id'), ['review_id'], unique=False)

    op.create_table('position',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('recommendation_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Enum('supported', 'supported_in_part', 'noted', 'pending', name='positionkind', native_enum=False, length=32), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('source_document', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('source_paragraph', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
    sa.Column('explanation', sa.Text(), nullable=True),
    sa.Column('recorded_by_user_id', sa.Integer(), nullable=True),
    sa.Column('recorded_at', api.core.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['recommendation_id'], ['recommendation.id'], name=op.f('fk_position_recommendation_id_recommendation'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recorded_by_user_id'], ['user.id'], name=op.f('fk_position_recorded_by_user_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_position'))
    )
    with op.batch_alter_table('position', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_position_recommendation_id'), ['recommendation_id'], unique=False)

    op.create_table('recommendation_affected_person',
    sa.Column('recommendation_id', sa.Integer(), nullable=False),
    sa.Column('affected_person_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['affected_person_id'], ['affected_person.id'], name=op.f('fk_recommendation_affected_person_affected_person_id_affected_person')),
    sa.ForeignKeyConstraint(['recommendation_id'], ['recommendation.id'], name=op.f('fk_recommendation_affected_person_recommendation_id_recommendation'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('recommendation_id', 'affected_person_id', name=op.f('pk_recommendation_affected_person'))
    )
    with op.batch_alter_table('recommendation_affected_person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recommendation_affected_person_affected_person_id'), ['affected_person_id'], unique=False)

    op.create_table('recommendation_sdg_target',
    sa.Column('recommendation_id', sa.Integer(), nullable=False),
    sa.Column('sdg_target_code', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.ForeignKeyConstraint(['recommendation_id'], ['recommendation.id'], name=op.f('fk_recommendation_sdg_target_recommendation_id_recommendation'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['sdg_target_code'], ['sdg_target.code'], name=op.f('fk_recommendation_sdg_target_sdg_target_code_sdg_target')),
    sa.PrimaryKeyConstraint('recommendation_id', 'sdg_target_code', name=op.f('pk_recommendation_sdg_target'))
    )
    with op.batch_alter_table('recommendation_sdg_target', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recommendation_sdg_target_sdg_target_code'), ['sdg_target_code'], unique=False)

    op.create_table('recommendation_theme',
    sa.Column('recommendation_id', sa.Integer(), nullable=False),
    sa.Column('theme_id', sa.Integer(), nullable=False),
    sa.Column('source_label', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
    sa.ForeignKeyConstraint(['recommendation_id'], ['recommendation.id'], name=op.f('fk_recommendation_theme_recommendation_id_recommendation'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['theme_id'], ['theme.id'], name=op.f('fk_recommendation_theme_theme_id_theme')),
    sa.PrimaryKeyConstraint('recommendation_id', 'theme_id', name=op.f('pk_recommendation_theme'))
    )
    with op.batch_alter_table('recommendation_theme', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recommendation_theme_theme_id'), ['theme_id'], unique=False)

    op.create_table('recommending_state',
    sa.Column('recommendation_id', sa.Integer(), nullable=False),
    sa.Column('state_code', sqlmodel.sql.sqltypes.AutoString(length=3), nullable=False),
    sa.ForeignKeyConstraint(['recommendation_id'], ['recommendation.id'], name=op.f('fk_recommending_state_recommendation_id_recommendation'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['state_code'], ['state.code'], name=op.f('fk_recommending_state_state_code_state')),
    sa.PrimaryKeyConstraint('recommendation_id', 'state_code', name=op.f('pk_recommending_state'))
    )
    with op.batch_alter_table('recommending_state', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recommending_state_state_code'), ['state_code'], unique=False)

    op.create_table('submission_party',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('role', sa.Enum('author', 'co_signer', 'endorser', name='submissionrole', native_enum=False, length=32), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_submission_party_organisation_id_organisation')),
    sa.ForeignKeyConstraint(['submission_id'], ['submission.id'], name=op.f('fk_submission_party_submission_id_submission'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_submission_party'))
    )
    with op.batch_alter_table('submission_party', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_submission_party_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_submission_party_submission_id'), ['submission_id'], unique=False)

    op.create_table('submission_theme',
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('theme_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['submission_id'], ['submission.id'], name=op.f('fk_submission_theme_submission_id_submission'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['theme_id'], ['theme.id'], name=op.f('fk_submission_theme_theme_id_theme')),
    sa.PrimaryKeyConstraint('submission_id', 'theme_id', name=op.f('pk_submission_theme'))
    )
    _create_search()


def downgrade() -> None:
    _drop_search()
    op.drop_table('submission_theme')
    with op.batch_alter_table('submission_party', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_submission_party_submission_id'))
        batch_op.drop_index(batch_op.f('ix_submission_party_organisation_id'))

    op.drop_table('submission_party')
    with op.batch_alter_table('recommending_state', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recommending_state_state_code'))

    op.drop_table('recommending_state')
    with op.batch_alter_table('recommendation_theme', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recommendation_theme_theme_id'))

    op.drop_table('recommendation_theme')
    with op.batch_alter_table('recommendation_sdg_target', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recommendation_sdg_target_sdg_target_code'))

    op.drop_table('recommendation_sdg_target')
    with op.batch_alter_table('recommendation_affected_person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recommendation_affected_person_affected_person_id'))

    op.drop_table('recommendation_affected_person')
    with op.batch_alter_table('position', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_position_recommendation_id'))

    op.drop_table('position')
    with op.batch_alter_table('submission', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_submission_review_id'))

    op.drop_table('submission')
    op.drop_table('review_troika')
    with op.batch_alter_table('review_document', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_document_review_id'))

    op.drop_table('review_document')
    with op.batch_alter_table('recommendation', schema=None) as batch_op:
        batch_op.drop_index('ix_recommendation_review_id_paragraph')
        batch_op.drop_index(batch_op.f('ix_recommendation_review_id'))
        batch_op.drop_index(batch_op.f('ix_recommendation_current_position'))
        batch_op.drop_index(batch_op.f('ix_recommendation_action_category'))

    op.drop_table('recommendation')
    with op.batch_alter_table('review', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_state_code'))
        batch_op.drop_index(batch_op.f('ix_review_session_number'))

    op.drop_table('review')
    with op.batch_alter_table('upr_session', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_upr_session_cycle_number'))

    op.drop_table('upr_session')
    op.drop_table('theme')
    with op.batch_alter_table('sdg_target', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sdg_target_goal'))

    op.drop_table('sdg_target')
    op.drop_table('cycle')
    op.drop_table('affected_person')


# Full-text search over recommendation text, ranked and stemmed in English on both databases.
SQLITE_SEARCH = [
    "CREATE VIRTUAL TABLE recommendation_fts USING fts5(text, content='recommendation', content_rowid='id', "
    "tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER recommendation_fts_insert AFTER INSERT ON recommendation BEGIN "
    "INSERT INTO recommendation_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER recommendation_fts_delete AFTER DELETE ON recommendation BEGIN "
    "INSERT INTO recommendation_fts(recommendation_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER recommendation_fts_update AFTER UPDATE OF text ON recommendation BEGIN "
    "INSERT INTO recommendation_fts(recommendation_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO recommendation_fts(rowid, text) VALUES (new.id, new.text); END",
]
POSTGRESQL_SEARCH = [
    "CREATE INDEX ix_recommendation_text_search ON recommendation USING gin (to_tsvector('english', text))",
]


def _create_search() -> None:
    dialect = op.get_bind().dialect.name
    for statement in SQLITE_SEARCH if dialect == "sqlite" else POSTGRESQL_SEARCH:
        op.execute(statement)


def _drop_search() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS recommendation_fts_{trigger}")
        op.execute("DROP TABLE IF EXISTS recommendation_fts")
    else:
        op.execute("DROP INDEX IF EXISTS ix_recommendation_text_search")
