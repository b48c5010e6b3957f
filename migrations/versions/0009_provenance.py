"""Honest provenance: a position's date may be unknown (null) and says where it comes from
(`date_origin`: source or derived); each recommendation lists the files it was imported from
(`recommendation_source`).

The importer used to date a position it had no date for on 1 January of the review's year. Those
placeholders become null here: only rows the importer wrote (explanation "Imported from …", no
recorder) dated 1 January that is not their review's dialogue or adoption date. The other imported
dates were the review's adoption or dialogue date: `derived`. Every other date (the API's, the
seed's) was given by its writer: `source`. As an undated record is older than any dated one, the
current position of the recommendations concerned is computed again by the same rule.

The files that brought existing recommendations were not recorded, so they get no source rows: the
publishers stay in `recommendation.sources`.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-29 23:40:00.000000
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

IMPORTED = "p.explanation LIKE 'Imported from %' AND p.recorded_by_user_id IS NULL"
NOT_THE_REVIEWS = """NOT EXISTS (
    SELECT 1 FROM recommendation r JOIN review v ON v.id = r.review_id
    WHERE r.id = p.recommendation_id
      AND (v.dialogue_date IS NOT NULL AND v.dialogue_date = p."date"
           OR v.adoption_date IS NOT NULL AND v.adoption_date = p."date"))"""
# The latest position by (date, id), an undated one being the oldest: the same on both databases.
CURRENT = """(SELECT p."position" FROM "position" p WHERE p.recommendation_id = recommendation.id
    ORDER BY CASE WHEN p."date" IS NULL THEN 0 ELSE 1 END DESC, p."date" DESC, p.id DESC LIMIT 1)"""


def _first_of_january(dialect: str) -> str:
    if dialect == "postgresql":
        return """EXTRACT(MONTH FROM p."date") = 1 AND EXTRACT(DAY FROM p."date") = 1"""
    return """substr(p."date", 6, 5) = '01-01'"""


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    with op.batch_alter_table('position', schema=None) as batch_op:
        batch_op.add_column(sa.Column('date_origin', sa.Enum('source', 'derived', name='positiondateorigin',
                                                             native_enum=False, length=32), nullable=True))
        batch_op.alter_column('date', existing_type=sa.DATE(), nullable=True)

    placeholder = f"{IMPORTED} AND {_first_of_january(dialect)} AND {NOT_THE_REVIEWS}"
    op.execute(f'UPDATE "position" SET "date" = NULL WHERE id IN (SELECT p.id FROM "position" p WHERE {placeholder})')
    op.execute(f"""UPDATE recommendation SET current_position = {CURRENT}
        WHERE id IN (SELECT recommendation_id FROM "position" WHERE "date" IS NULL)""")
    op.execute(f"""UPDATE "position" SET date_origin = 'derived' WHERE "date" IS NOT NULL
        AND id IN (SELECT p.id FROM "position" p WHERE {IMPORTED})""")
    op.execute("""UPDATE "position" SET date_origin = 'source' WHERE "date" IS NOT NULL AND date_origin IS NULL""")
    with op.batch_alter_table('position', schema=None) as batch_op:
        batch_op.create_check_constraint(batch_op.f('ck_position_date_origin'), '(date IS NULL) = (date_origin IS NULL)')

    op.create_table(
        'recommendation_source',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('recommendation_id', sa.Integer(), nullable=False),
        sa.Column('publisher', sa.Enum('upr-info', 'dihr', 'ohchr-matrix', name='importformat', native_enum=False,
                                       length=32), nullable=False),
        sa.Column('file_name', sa.String(length=255), nullable=False),
        sa.Column('line', sa.Integer(), nullable=True),
        sa.Column('paragraph', sa.String(length=32), nullable=True),
        sa.Column('import_job_id', sa.Integer(), nullable=True),
        sa.Column('imported_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('text', sa.Text(), nullable=True),
        sa.Column('note', sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(['import_job_id'], ['import_job.id'],
                                name=op.f('fk_recommendation_source_import_job_id_import_job'), ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['recommendation_id'], ['recommendation.id'],
                                name=op.f('fk_recommendation_source_recommendation_id_recommendation'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_recommendation_source')),
        sa.UniqueConstraint('recommendation_id', 'publisher', 'file_name', name=op.f('uq_recommendation_source_file')),
    )


def downgrade() -> None:
    """Undated imported positions get back the placeholder the importer then wrote (1 January of their
    session's year), so the column can be NOT NULL again; the source rows go."""
    dialect = op.get_bind().dialect.name
    op.drop_table('recommendation_source')
    year = """(SELECT s.year FROM recommendation r JOIN review v ON v.id = r.review_id
        JOIN upr_session s ON s.number = v.session_number WHERE r.id = "position".recommendation_id)"""
    day = f"make_date({year}, 1, 1)" if dialect == "postgresql" else f"printf('%04d-01-01', {year})"
    with op.batch_alter_table('position', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_position_date_origin'), type_='check')
    op.execute(f'UPDATE "position" SET "date" = {day} WHERE "date" IS NULL')
    with op.batch_alter_table('position', schema=None) as batch_op:
        batch_op.alter_column('date', existing_type=sa.DATE(), nullable=False)
        batch_op.drop_column('date_origin')
