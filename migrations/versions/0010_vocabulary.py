"""One vocabulary: synonyms for themes and affected-persons groups, codes and a hierarchy for the
groups, and today's duplicates merged into the canonical entries.

Schema: `theme_synonym` and `affected_person_synonym` (one label of one source names one entry), and
`affected_person.code` / `parent_id` (added in place, see `upgrade`).

Data: this migration calls `api.taxonomy.vocabulary_service.seed_vocabulary`, which reads the reviewed
data committed in `api/taxonomy/data/` (themes.csv, affected_persons.csv, crosswalk.csv). Every theme
or group whose name or code the crosswalk maps (any source, without regard to case or spacing) is
merged into its canonical entry: its links (recommendation_theme, submission_theme,
recommendation_affected_person) move to the canonical row, a pair the canonical row already had is
dropped rather than doubled, children and synonyms follow, the row goes and its old name stays as a
synonym. Rows the crosswalk does not know (an admin's, UPR Info's `Other`) stay as they are. A database
without any theme or group has nothing to merge and is left empty: `upr seed`, or the first import,
brings the vocabulary.

The merge reads the data as committed when it runs: a later change of the crosswalk is applied by
`upr seed`, not by editing this migration.

Downgrade drops the new tables and columns; the merge is not undone (the merged rows and which link
came from which are gone; their names survive only as the synonyms dropped with the tables).

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 00:10:00.000000
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlmodel import Session

revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _synonym_table(name: str, owner_column: str, owner_table: str) -> None:
    op.create_table(
        name,
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column(owner_column, sa.Integer(), nullable=False),
        sa.Column('source', sa.String(length=32), nullable=False),
        sa.Column('label', sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint([owner_column], [f'{owner_table}.id'],
                                name=op.f(f'fk_{name}_{owner_column}_{owner_table}'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f(f'pk_{name}')),
        sa.UniqueConstraint('source', 'label', name=op.f(f'uq_{name}_source')),
    )
    with op.batch_alter_table(name, schema=None) as batch_op:
        batch_op.create_index(batch_op.f(f'ix_{name}_{owner_column}'), [owner_column], unique=False)


def upgrade() -> None:
    # In place on both databases: SQLite's batch mode would copy the table, and dropping the old copy
    # fails the foreign keys of its links (recommendation_affected_person). So `code` is unique by a
    # unique index (SQLite cannot add a UNIQUE column), and the parent's foreign key is written inline.
    op.add_column('affected_person', sa.Column('code', sa.String(length=40), nullable=True))
    op.create_index(op.f('ix_affected_person_code'), 'affected_person', ['code'], unique=True)
    if op.get_bind().dialect.name == 'sqlite':
        op.execute('ALTER TABLE affected_person ADD COLUMN parent_id INTEGER CONSTRAINT '
                   'fk_affected_person_parent_id_affected_person REFERENCES affected_person (id)')
    else:
        op.add_column('affected_person', sa.Column('parent_id', sa.Integer(), nullable=True))
        op.create_foreign_key(op.f('fk_affected_person_parent_id_affected_person'),
                              'affected_person', 'affected_person', ['parent_id'], ['id'])
    _synonym_table('theme_synonym', 'theme_id', 'theme')
    _synonym_table('affected_person_synonym', 'affected_person_id', 'affected_person')

    from api.taxonomy.vocabulary_service import seed_vocabulary

    bind = op.get_bind()
    existing = bind.execute(sa.text(
        'SELECT (SELECT count(*) FROM theme) + (SELECT count(*) FROM affected_person)')).scalar_one()
    if existing:
        session = Session(bind=bind)
        seed_vocabulary(session)
        session.flush()


def downgrade() -> None:
    with op.batch_alter_table('affected_person_synonym', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_affected_person_synonym_affected_person_id'))
    op.drop_table('affected_person_synonym')
    with op.batch_alter_table('theme_synonym', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_theme_synonym_theme_id'))
    op.drop_table('theme_synonym')
    # In place, as upgrade added them (SQLite 3.35+ drops a column, its inline foreign key with it).
    if op.get_bind().dialect.name != 'sqlite':
        op.drop_constraint(op.f('fk_affected_person_parent_id_affected_person'), 'affected_person',
                           type_='foreignkey')
    op.drop_column('affected_person', 'parent_id')
    op.drop_index(op.f('ix_affected_person_code'), table_name='affected_person')
    op.drop_column('affected_person', 'code')
