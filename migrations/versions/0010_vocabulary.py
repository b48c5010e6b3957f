"""One vocabulary: synonyms for themes and affected-persons groups, codes and a hierarchy for the
groups, and today's duplicates merged into the canonical entries, once.

Schema: `theme_synonym` and `affected_person_synonym` (one label of one source names one entry), and
`affected_person.code` / `parent_id` (added in place, see `upgrade`).

Data: the merge is this migration's own, frozen with it: plain Core statements on the tables as they
are at this revision, and a frozen copy of the reviewed data in `data_0010/` (themes, groups and the
crosswalk as committed with this revision; `api/taxonomy/data/` may change later without changing what
upgrading an old database does). Nothing of `api` is imported, so a later model change cannot break it.

Every theme or group whose code, a source's label for it (the crosswalk) or its name names a canonical
entry is merged into that entry's row (the "keeper": the row with the entry's code, else the one with
its name, else the oldest): links (recommendation_theme, submission_theme,
recommendation_affected_person) move to the keeper, a pair the keeper already has is dropped rather
than doubled, children follow, the row goes and its old name stays as a synonym. Then:
- a keeper takes the canonical name, its own links keeping the label they were given under
  (`source_label` NULL meant "the theme's name": it is set to the old name first);
- except a row that carries a canonical code under a name the vocabulary does not give that code (an
  admin's wording): it stays the entry of its code (codes are what imports and filters go by) but keeps
  its name;
- a parent is given where a row has none; a parent someone chose is kept (unless it would make a cycle,
  it is never changed);
- a canonical entry no row stands for is added, BEFORE any merged row is deleted, so it cannot take a
  deleted row's id (SQLite without AUTOINCREMENT hands out the highest id again);
- a name already taken by a row that stays gets the entry's code appended (`Death penalty (D23)`).
Rows the crosswalk does not know (an admin's, UPR Info's `Other`) stay as they are. A database without
any theme or group has nothing to merge and is left empty: `upr seed`, or the first import, adds the
vocabulary (`api.taxonomy.vocabulary_service.seed_vocabulary`, which only ever adds).

Downgrade drops the new tables and columns; the merge is not undone (the merged rows and which link
came from which are gone; their names survive only as the synonyms dropped with the tables).

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 00:10:00.000000
"""

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DATA = Path(__file__).with_name('data_0010')
SOURCES = ('dihr', 'ohchr-matrix', 'upr-info')  # in the order the crosswalk is asked
OWN_SOURCE = 'api'  # a row's old name no source's crosswalk gives
UNMAPPED = 'unmapped'
NAME_LENGTH, LABEL_LENGTH = 200, 300


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

    conn = op.get_bind()
    existing = conn.execute(sa.text(
        'SELECT (SELECT count(*) FROM theme) + (SELECT count(*) FROM affected_person)')).scalar_one()
    if existing:
        vocab = _Vocabulary.read()
        _merge_kind(conn, THEMES, vocab)
        _merge_kind(conn, GROUPS, vocab)


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


# ---- the frozen data -------------------------------------------------------------------------------------


def fold(label: str) -> str:
    """Labels compare without case and spacing (NBSPs and line breaks included)."""
    return ' '.join(label.split()).casefold()


def _csv(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding='utf-8', newline='') as fh:
        return [{k: (v or '').strip() for k, v in row.items()} for row in csv.DictReader(fh)]


@dataclass(frozen=True)
class _Entry:
    code: str
    name: str
    parent_code: str | None


@dataclass
class _Vocabulary:
    themes: dict[str, _Entry]
    groups: dict[str, _Entry]
    labels: list[tuple[str, str, str, str | None]]  # source, kind, label as written, code (None: unmapped)
    crosswalk: dict[tuple[str, str, str], str | None] = field(init=False)  # (source, kind, folded label) → code

    def __post_init__(self) -> None:
        self.crosswalk = {(source, kind, fold(label)): code for source, kind, label, code in self.labels}

    @classmethod
    def read(cls) -> '_Vocabulary':
        def entries(name: str) -> dict[str, _Entry]:
            return {r['code']: _Entry(r['code'], r['name'], r['parent_code'] or None) for r in _csv(name)}

        labels = [(r['source'], r['kind'], r['label'], None if r['code'] == UNMAPPED else r['code'])
                  for r in _csv('crosswalk.csv')]
        return cls(entries('themes.csv'), entries('affected_persons.csv'), labels)


# ---- the tables as they are at this revision ---------------------------------------------------------


@dataclass(frozen=True)
class _Link:
    """A table pointing at a theme or group: its owner column, the columns that make a pair with it, and
    the column keeping the source's label (NULL: the entry's name)."""

    table: sa.TableClause
    owner: str
    others: tuple[str, ...]
    label: str | None = None


@dataclass(frozen=True)
class _Kind:
    table: sa.TableClause
    synonyms: sa.TableClause
    owner: str  # the synonym table's column pointing at the entry
    kinds: tuple[str, ...]  # the crosswalk kinds naming this vocabulary
    links: tuple[_Link, ...]

    def entries(self, vocab: _Vocabulary) -> dict[str, _Entry]:
        return vocab.groups if self.kinds == ('affected_person',) else vocab.themes


def _entry_table(name: str) -> sa.TableClause:
    return sa.table(name, sa.column('id', sa.Integer), sa.column('name', sa.String),
                    sa.column('code', sa.String), sa.column('parent_id', sa.Integer))


def _synonyms(name: str, owner: str) -> sa.TableClause:
    return sa.table(name, sa.column('id', sa.Integer), sa.column(owner, sa.Integer),
                    sa.column('source', sa.String), sa.column('label', sa.String))


def _link(name: str, owner: str, other: str, label: str | None = None) -> _Link:
    columns: list[sa.ColumnClause[Any]] = [sa.column(owner, sa.Integer), sa.column(other, sa.Integer)]
    if label is not None:
        columns.append(sa.column(label, sa.String))
    return _Link(sa.table(name, *columns), owner, (other,), label)


THEMES = _Kind(
    _entry_table('theme'), _synonyms('theme_synonym', 'theme_id'), 'theme_id', ('theme', 'sdg'),
    (_link('recommendation_theme', 'theme_id', 'recommendation_id', 'source_label'),
     _link('submission_theme', 'theme_id', 'submission_id')),
)
GROUPS = _Kind(
    _entry_table('affected_person'), _synonyms('affected_person_synonym', 'affected_person_id'),
    'affected_person_id', ('affected_person',),
    (_link('recommendation_affected_person', 'affected_person_id', 'recommendation_id'),),
)


# ---- the merge ------------------------------------------------------------------------------------------


@dataclass
class _Row:
    id: int
    name: str
    code: str | None
    source: str  # whose label named its canonical entry (OWN_SOURCE: its code or canonical name)


def _canonical(vocab: _Vocabulary, kind: _Kind, name: str, code: str | None) -> tuple[str | None, str]:
    """The canonical entry a stored row stands for, and the source that says so: its code when canonical,
    else the crosswalk of any source (the label with its code first, then bare), else a canonical name."""
    entries = kind.entries(vocab)
    if code is not None and code in entries:
        return code, OWN_SOURCE
    for source in SOURCES:
        for k in kind.kinds:
            for candidate in ([f'{code} {name}', name] if code else [name]):
                key = (source, k, fold(candidate))
                if key in vocab.crosswalk:
                    found = vocab.crosswalk[key]
                    if found is not None:
                        return found, source
                    break  # an unmapped label: no other spelling of this source and kind applies
    folded = fold(name)
    return next(((e.code, OWN_SOURCE) for e in entries.values() if fold(e.name) == folded), (None, ''))


def _names_of(vocab: _Vocabulary, kind: _Kind, code: str) -> set[str]:
    """Every name the frozen data gives `code` (folded): its own, and each label mapped to it (bare too)."""
    names = {fold(kind.entries(vocab)[code].name)}
    for (_source, k, label), target in vocab.crosswalk.items():
        if target == code and k in kind.kinds:
            names |= {label, fold(label.removeprefix(fold(code) + ' '))}
    return names


class _Names:
    """The names in the table (folded → the ids holding them), to give a canonical entry a free one."""

    def __init__(self, rows: Iterable[tuple[int, str]]):
        self.taken: dict[str, set[int]] = {}
        for row_id, name in rows:
            self.move(None, name, row_id)

    def free(self, name: str, code: str, row_id: int | None = None) -> str:
        """`name`, or, when another row holds it, `name (code)` (then `name (code, 2)`, …)."""
        for n in range(1, 100):
            suffix = '' if n == 1 else f' ({code})' if n == 2 else f' ({code}, {n - 1})'
            candidate = name[:NAME_LENGTH - len(suffix)] + suffix
            if not self.taken.get(fold(candidate), set()) - {row_id}:
                return candidate
        raise RuntimeError(f'no free name for {code}')  # a hundred rows named alike: not a real database

    def move(self, old: str | None, new: str | None, row_id: int) -> None:
        if old is not None:
            self.taken.get(fold(old), set()).discard(row_id)
        if new is not None:
            self.taken.setdefault(fold(new), set()).add(row_id)


def _merge_kind(conn: sa.Connection, kind: _Kind, vocab: _Vocabulary) -> None:
    t, syn = kind.table, kind.synonyms
    entries = kind.entries(vocab)
    rows = conn.execute(sa.select(t.c.id, t.c.name, t.c.code).order_by(t.c.id)).all()
    names = _Names((r.id, r.name) for r in rows)

    # 1. Today's rows grouped by the canonical entry they stand for; one keeper per group.
    groups: dict[str, list[_Row]] = {}
    for row_id, name, code in rows:
        canonical, source = _canonical(vocab, kind, name, code)
        if canonical is not None:
            groups.setdefault(canonical, []).append(_Row(row_id, name, code, source))
    keepers: dict[str, _Row] = {}
    for canonical, members in groups.items():
        entry_name = fold(entries[canonical].name)
        keepers[canonical] = next(
            (m for m in members if m.code == canonical),
            next((m for m in members if fold(m.name) == entry_name), members[0]),
        )
    ids = {code: keeper.id for code, keeper in keepers.items()}

    # 2. The canonical entries no row stands for, before any row is deleted (a new row must not take a
    # merged row's id).
    for code, entry in entries.items():
        if code not in ids:
            name = names.free(entry.name, code)
            ids[code] = _insert(conn, t, name=name, code=code)
            names.move(None, name, ids[code])
    new = set(ids.values()) - {r.id for r in rows}

    # 3. The duplicates into their keepers; each old name becomes a synonym of the keeper.
    synonyms: dict[tuple[str, str], int] = {}

    def add_synonym(owner: int, source: str, label: str) -> None:
        if (source, fold(label)) not in synonyms:
            _insert(conn, syn, **{kind.owner: owner, 'source': source, 'label': label[:LABEL_LENGTH]})
            synonyms[(source, fold(label))] = owner

    for canonical, members in groups.items():
        keeper = keepers[canonical]
        for member in members:
            if member is not keeper:
                _move_links(conn, kind, member.id, keeper.id, member.name)
                conn.execute(sa.update(t).where(t.c.parent_id == member.id).values(parent_id=keeper.id))
                conn.execute(sa.delete(t).where(t.c.id == member.id))
                names.move(member.name, None, member.id)
                add_synonym(keeper.id, member.source, member.name)

    # 4. Keepers take the canonical name and code, their links keeping the label they were given under;
    # a coded row under a name the data does not give its code is someone's wording and keeps it.
    for canonical, keeper in keepers.items():
        entry = entries[canonical]
        own_wording = keeper.code == canonical and fold(keeper.name) not in _names_of(vocab, kind, canonical)
        name = keeper.name if own_wording else names.free(entry.name, canonical, keeper.id)
        if (name, canonical) == (keeper.name, keeper.code):
            continue
        if name != keeper.name:
            for link in kind.links:
                if link.label is not None:
                    lt = link.table
                    conn.execute(sa.update(lt).where(lt.c[link.owner] == keeper.id).values(
                        {link.label: sa.func.coalesce(lt.c[link.label], keeper.name[:LABEL_LENGTH])}))
            if fold(name) != fold(keeper.name):
                add_synonym(keeper.id, keeper.source, keeper.name)
            names.move(keeper.name, name, keeper.id)
        conn.execute(sa.update(t).where(t.c.id == keeper.id).values(name=name, code=canonical))

    # 5. Parents where a row has none (a parent someone chose stays), never making a cycle.
    parents: dict[int, int | None] = dict(conn.execute(sa.select(t.c.id, t.c.parent_id)).all())
    for code, entry in entries.items():
        row_id = ids[code]
        if entry.parent_code is None or (parents.get(row_id) is not None and row_id not in new):
            continue
        parent = ids[entry.parent_code]
        above: int | None = parent
        seen: set[int] = set()
        while above is not None and above != row_id and above not in seen:
            seen.add(above)
            above = parents.get(above)
        if above != row_id:
            conn.execute(sa.update(t).where(t.c.id == row_id).values(parent_id=parent))
            parents[row_id] = parent

    # 6. Every label the crosswalk maps, as written, as a synonym of its entry.
    for source, k, label, code in vocab.labels:
        if code is not None and k in kind.kinds:
            add_synonym(ids[code], source, label)


def _insert(conn: sa.Connection, table: sa.TableClause, **values: Any) -> int:
    key = conn.execute(sa.insert(table).values(values).returning(table.c.id)).scalar_one()
    return int(key)


def _move_links(conn: sa.Connection, kind: _Kind, old: int, keeper: int, old_name: str) -> None:
    """Every link of `old` moves to `keeper`, keeping the label it was given under; a pair `keeper`
    already has is dropped rather than doubled."""
    for link in kind.links:
        lt = link.table
        inner = lt.alias('taken')
        taken = sa.exists().where(inner.c[link.owner] == keeper, *(inner.c[o] == lt.c[o] for o in link.others))
        values: dict[str, Any] = {link.owner: keeper}
        if link.label is not None:
            values[link.label] = sa.func.coalesce(lt.c[link.label], old_name[:LABEL_LENGTH])
        conn.execute(sa.update(lt).where(lt.c[link.owner] == old, ~taken).values(values))
        conn.execute(sa.delete(lt).where(lt.c[link.owner] == old))
