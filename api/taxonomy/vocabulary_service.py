"""The vocabulary in the database: canonical themes and groups, their synonyms, and merging the rows
that duplicate them.

`seed_vocabulary` is what `upr seed`, migration 0010 and the importer (on a database that has no
vocabulary yet) call. It first merges every row the crosswalk maps into its canonical entry (links
re-pointed, a pair the canonical row already has dropped rather than doubled, children and synonyms
re-pointed, the row deleted and its old name kept as a synonym), then upserts the canonical entries
by code and the crosswalk's labels as synonyms. Run twice, it changes nothing.

Core statements only (no ORM objects): migration 0010 runs this on the schema of its time, without
the audit listener writing a row per theme; `upr seed` writes one audit entry for the whole run.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from api.taxonomy.models import AffectedPerson, AffectedPersonSynonym, Theme, ThemeSynonym
from api.taxonomy.vocabulary import SOURCES, Hierarchy, Kind, Vocabulary, fold, vocabulary

# A row's old name kept as a synonym when no source's crosswalk names it (it was known by code or
# canonical name only): the label an admin or the database gave it.
OWN_SOURCE = "api"


@dataclass(frozen=True)
class _Link:
    """A table that points at a theme or group: the owner column, and the columns that make a pair."""

    table: sa.Table
    owner: str
    others: tuple[str, ...]
    label: str | None = None  # a column keeping the source's label, filled with the old name on merge


@dataclass(frozen=True)
class _Kind:
    """Themes or groups: their table, synonym table and the crosswalk kinds that name them."""

    table: sa.Table
    synonyms: sa.Table
    owner: str  # the synonym table's column pointing at the entry
    kinds: tuple[Kind, ...]

    def links(self, conn: sa.Connection) -> list[_Link]:
        """Every table with a foreign key to this one, found in the metadata (`api.models` registers them
        all; the taxonomy may not import the domains above it) and present in the database (a migration
        runs before later tables exist). Its own parent column and the synonyms are handled apart."""
        found = []
        for table in self.table.metadata.tables.values():
            if table is self.table or table is self.synonyms or not sa.inspect(conn).has_table(table.name):
                continue
            for fk in table.foreign_keys:
                if fk.column is self.table.c.id:
                    owner = fk.parent.name
                    others = tuple(c.name for c in table.primary_key.columns if c.name != owner)
                    label = "source_label" if "source_label" in table.c else None
                    found.append(_Link(table, owner, others, label))
        return found


def _table(model: Any) -> sa.Table:
    table: sa.Table = model.__table__
    return table


THEMES = _Kind(_table(Theme), _table(ThemeSynonym), "theme_id", (Kind.theme, Kind.sdg))
GROUPS = _Kind(_table(AffectedPerson), _table(AffectedPersonSynonym), "affected_person_id", (Kind.affected_person,))


@dataclass
class VocabularyCounts:
    """What one run changed, per kind."""

    created: int = 0
    updated: int = 0
    merged: int = 0
    synonyms: int = 0
    links_moved: int = 0
    links_dropped: int = 0

    @property
    def changed(self) -> bool:
        return any((self.created, self.updated, self.merged, self.synonyms))


@dataclass
class VocabularyReport:
    themes: VocabularyCounts = field(default_factory=VocabularyCounts)
    affected_persons: VocabularyCounts = field(default_factory=VocabularyCounts)

    @property
    def changed(self) -> bool:
        return self.themes.changed or self.affected_persons.changed


def canonical_code(
    vocab: Vocabulary, hierarchy: Hierarchy, kinds: Iterable[Kind], name: str, code: str | None
) -> tuple[str | None, str]:
    """The canonical entry a stored row stands for, and the source that says so: its code when the code
    is canonical, else the crosswalk of any source (code first, then the bare name), else a canonical
    name. (None, "") for a row the vocabulary does not know."""
    if code is not None and code in hierarchy:
        return code, OWN_SOURCE
    for source in sorted(SOURCES):
        for kind in kinds:
            found = vocab.canonical_for(source, name, kind=kind, code=code)
            if found is not None and found.code is not None:
                return found.code, source
    folded = fold(name)
    for entry in hierarchy.entries.values():
        if fold(entry.name) == folded:
            return entry.code, OWN_SOURCE
    return None, ""


def seed_vocabulary(session: Session, vocab: Vocabulary | None = None) -> VocabularyReport:
    """Merge the duplicates, then upsert the canonical themes and groups and their synonyms (idempotent)."""
    vocab = vocab or vocabulary()
    return VocabularyReport(
        themes=_seed(session, THEMES, vocab, vocab.themes),
        affected_persons=_seed(session, GROUPS, vocab, vocab.groups),
    )


def _seed(session: Session, kind: _Kind, vocab: Vocabulary, hierarchy: Hierarchy) -> VocabularyCounts:
    counts = VocabularyCounts()
    t, syn = kind.table, kind.synonyms
    session.flush()  # what the session holds (an import's new theme) is in the tables these statements read
    conn = session.connection()
    links = kind.links(conn)
    rows = conn.execute(sa.select(t.c.id, t.c.name, t.c.code).order_by(t.c.id)).all()
    synonyms = {
        (source, fold(label)): (sid, owner)
        for sid, source, label, owner in conn.execute(sa.select(syn.c.id, syn.c.source, syn.c.label, syn.c[kind.owner]))
    }

    def add_synonym(owner: int, source: str, label: str) -> None:
        key = (source, fold(label))
        if key not in synonyms:
            synonyms[key] = (_insert(conn, syn, **{kind.owner: owner, "source": source, "label": label[:300]}), owner)
            counts.synonyms += 1
        elif synonyms[key][1] != owner:  # the reviewed crosswalk overrules an earlier guess
            sid = synonyms[key][0]
            conn.execute(sa.update(syn).where(syn.c.id == sid).values({kind.owner: owner}))
            synonyms[key] = (sid, owner)
            counts.synonyms += 1

    # 1. Group today's rows by the canonical entry they stand for; merge each group into one keeper.
    groups: dict[str, list[tuple[int, str, str | None, str]]] = {}
    for row_id, name, code in rows:
        canonical, source = canonical_code(vocab, hierarchy, kind.kinds, name, code)
        if canonical is not None:
            groups.setdefault(canonical, []).append((row_id, name, code, source))
    ids: dict[str, int] = {}
    for canonical, members in groups.items():
        entry_name = fold(hierarchy[canonical].name)
        keeper = next(
            (m for m in members if m[2] == canonical),
            next((m for m in members if fold(m[1]) == entry_name), members[0]),
        )
        ids[canonical] = keeper[0]
        for row_id, name, _code, source in members:
            if row_id == keeper[0]:
                continue
            _merge(conn, kind, links, row_id, keeper[0], name, counts)
            for key, (sid, owner) in list(synonyms.items()):
                if owner == row_id:
                    synonyms[key] = (sid, keeper[0])
            add_synonym(keeper[0], source, name)
        if fold(keeper[1]) != entry_name:  # the keeper's own old name, before it takes the canonical one
            add_synonym(keeper[0], keeper[3], keeper[1])

    # 2. The canonical entries, by code: names first (the merges freed them), then parents.
    current = {row_id: (name, code) for row_id, name, code in rows}
    for code, entry in hierarchy.entries.items():
        if code in ids:
            if current[ids[code]] != (entry.name, code):
                conn.execute(sa.update(t).where(t.c.id == ids[code]).values(name=entry.name, code=code))
                counts.updated += 1
        else:
            ids[code] = _insert(conn, t, name=entry.name, code=code)
            counts.created += 1
    parents = dict(conn.execute(sa.select(t.c.id, t.c.parent_id).where(t.c.id.in_(list(ids.values())))).all())
    for code, entry in hierarchy.entries.items():
        parent = ids[entry.parent_code] if entry.parent_code else None
        if parents.get(ids[code]) != parent:
            conn.execute(sa.update(t).where(t.c.id == ids[code]).values(parent_id=parent))
            counts.updated += code in groups  # a new row's parent is part of its creation

    # 3. Every label the crosswalk maps, as a synonym of its entry.
    for row in vocab.crosswalk:
        if row.code is not None and row.kind in kind.kinds:
            add_synonym(ids[row.code], row.source, row.label)
    return counts


def _insert(conn: sa.Connection, table: sa.Table, **values: Any) -> int:
    key = conn.execute(sa.insert(table).values(values)).inserted_primary_key
    assert key is not None, "an inserted row has an id"
    return int(key[0])


def _merge(
    conn: sa.Connection, kind: _Kind, links: list[_Link], old: int, keeper: int, old_name: str, counts: VocabularyCounts
) -> None:
    """Everything that pointed at `old` points at `keeper`; a pair `keeper` already has is dropped."""
    for link in links:
        lt = link.table
        owner = lt.c[link.owner]
        inner = lt.alias("taken")
        # A pair the keeper already has: the same values in every other key column (a link table's key
        # is the owner plus what it links, e.g. the recommendation).
        taken = sa.exists().where(inner.c[link.owner] == keeper, *(inner.c[o] == lt.c[o] for o in link.others))
        values: dict[str, Any] = {link.owner: keeper}
        if link.label is not None:
            values[link.label] = sa.func.coalesce(lt.c[link.label], old_name[:300])
        moved = conn.execute(sa.update(lt).where(owner == old, ~taken).values(values))
        dropped = conn.execute(sa.delete(lt).where(owner == old))
        counts.links_moved += moved.rowcount or 0
        counts.links_dropped += dropped.rowcount or 0
    t, syn = kind.table, kind.synonyms
    conn.execute(sa.update(syn).where(syn.c[kind.owner] == old).values({kind.owner: keeper}))
    conn.execute(sa.update(t).where(t.c.parent_id == old).values(parent_id=keeper))
    conn.execute(sa.delete(t).where(t.c.id == old))
    counts.merged += 1
