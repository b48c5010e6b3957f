"""The vocabulary in the database: adding the canonical themes and groups, and their synonyms, that are
missing.

`seed_vocabulary` is what `upr seed` (at every `make run`) and the importer (on a database without the
vocabulary) call. It only ever ADDS: a canonical entry whose code no row has (with its parent), and a
crosswalk label whose (source, label) no synonym has. It never renames, re-parents, merges or deletes a
row, so whatever an admin did since (renamed a canonical theme, moved it, created rows much like one)
stays as they left it. Merging today's duplicates into the canonical entries happened once, in
migration 0010, which carries its own frozen copy of the merge.

Core statements only (no ORM objects): `upr seed` writes one audit entry for the whole run rather than
one per theme.
"""

from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from api.taxonomy.models import AffectedPerson, AffectedPersonSynonym, Theme, ThemeSynonym
from api.taxonomy.vocabulary import Hierarchy, Kind, Vocabulary, fold, vocabulary

NAME_LENGTH, LABEL_LENGTH = 200, 300  # the `name` and `label` columns


@dataclass(frozen=True)
class _Kind:
    """Themes or groups: their table, synonym table and the crosswalk kinds that name them."""

    table: sa.Table
    synonyms: sa.Table
    owner: str  # the synonym table's column pointing at the entry
    kinds: tuple[Kind, ...]


def _table(model: Any) -> sa.Table:
    table: sa.Table = model.__table__
    return table


THEMES = _Kind(_table(Theme), _table(ThemeSynonym), "theme_id", (Kind.theme, Kind.sdg))
GROUPS = _Kind(_table(AffectedPerson), _table(AffectedPersonSynonym), "affected_person_id", (Kind.affected_person,))


@dataclass
class VocabularyCounts:
    """What one run added, per kind. `renamed`: entries added under a distinct name (`Death penalty
    (D23)`) because another row holds the canonical one."""

    created: int = 0
    renamed: int = 0
    synonyms: int = 0

    @property
    def changed(self) -> bool:
        return any((self.created, self.synonyms))


@dataclass
class VocabularyReport:
    themes: VocabularyCounts = field(default_factory=VocabularyCounts)
    affected_persons: VocabularyCounts = field(default_factory=VocabularyCounts)

    @property
    def changed(self) -> bool:
        return self.themes.changed or self.affected_persons.changed


def seed_vocabulary(session: Session, vocab: Vocabulary | None = None) -> VocabularyReport:
    """Add the canonical themes and groups, and the crosswalk's synonyms, that are missing (idempotent)."""
    vocab = vocab or vocabulary()
    return VocabularyReport(
        themes=_seed(session, THEMES, vocab, vocab.themes),
        affected_persons=_seed(session, GROUPS, vocab, vocab.groups),
    )


def free_name(name: str, code: str, taken: set[str]) -> str:
    """The name a missing canonical entry is added under: its own, or, when another row holds that name
    (compared without case or spacing, as the API compares names), `name (code)`, then `name (code, 2)`…

    Why not skip the entry: imports and filters go by its code (the importer maps a source's label to a
    code and needs that row: a skipped entry would fail every import naming it). Why not take over the
    row with the name: it is someone's (an admin's, or one migration 0010 left alone), and seeding never
    changes someone's row. A distinct name keeps both, visibly; an admin can merge or rename them."""
    n = 1
    candidate = name
    while fold(candidate) in taken:
        n += 1
        suffix = f" ({code})" if n == 2 else f" ({code}, {n - 1})"
        candidate = name[: NAME_LENGTH - len(suffix)] + suffix
    return candidate


def _seed(session: Session, kind: _Kind, vocab: Vocabulary, hierarchy: Hierarchy) -> VocabularyCounts:
    counts = VocabularyCounts()
    t, syn = kind.table, kind.synonyms
    session.flush()  # what the session holds (an import's new theme) is in the tables these statements read
    conn = session.connection()
    ids: dict[str, int] = {}
    taken: set[str] = set()
    for row_id, name, code in conn.execute(sa.select(t.c.id, t.c.name, t.c.code)):
        taken.add(fold(name))
        if code is not None:
            ids[code] = row_id

    added: list[str] = []
    for code, entry in hierarchy.entries.items():
        if code in ids:
            continue  # whatever the row is called now and wherever it sits: never renamed or moved
        name = free_name(entry.name, code, taken)
        ids[code] = _insert(conn, t, name=name, code=code)
        taken.add(fold(name))
        added.append(code)
        counts.created += 1
        counts.renamed += name != entry.name
    for code in added:  # parents once every new row exists (a child may come before its parent)
        parent = hierarchy[code].parent_code
        if parent is not None and parent in ids:
            conn.execute(sa.update(t).where(t.c.id == ids[code]).values(parent_id=ids[parent]))

    known = {(source, fold(label)) for source, label in conn.execute(sa.select(syn.c.source, syn.c.label))}
    for row in vocab.crosswalk:
        key = (row.source, fold(row.label))
        if row.code is not None and row.kind in kind.kinds and key not in known and row.code in ids:
            _insert(conn, syn, **{kind.owner: ids[row.code], "source": row.source, "label": row.label[:LABEL_LENGTH]})
            known.add(key)
            counts.synonyms += 1
    return counts


def _insert(conn: sa.Connection, table: sa.Table, **values: Any) -> int:
    key = conn.execute(sa.insert(table).values(values)).inserted_primary_key
    assert key is not None, "an inserted row has an id"
    return int(key[0])
