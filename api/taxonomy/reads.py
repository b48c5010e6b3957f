"""The vocabularies as `/themes` and `/affected-persons` show them: each entry with its children, the
labels sources give it, and how many recommendations it covers together with everything under it.

A page costs the same few queries whatever its size: the page, its children, its synonyms, and one
grouped count over the page's subtrees (a recursive CTE walks down from the page's entries, so a
parent's count is never a sum that counts a recommendation tagged twice in its subtree twice).

Recommendations are a layer above: they register the table that tags them (`register_tagging`), so
this side counts them without importing them, as a review counts its registered dependents.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy import distinct, func, or_
from sqlalchemy.sql import ColumnElement
from sqlmodel import Session, col, select

from api.core.errors import InvalidInput, NotFound
from api.core.pagination import Page, PageParams, Sort, paginate
from api.core.types import MAX_ID
from api.taxonomy.models import AffectedPerson, Theme
from api.taxonomy.resolve import GROUPS, THEMES, Kind, one_entry
from api.taxonomy.schemas import AffectedPersonDetail, SynonymRead, ThemeDetail


@dataclass(frozen=True)
class Tagging:
    """A link table tagging recommendations with entries of one vocabulary."""

    link: Any  # the link table's model
    recommendation_id: Any
    entry_id: Any


_taggings: dict[str, Tagging] = {}


def register_tagging(kind: Kind, tagging: Tagging) -> None:
    _taggings[kind.what] = tagging


def _contains(column: Any, q: str) -> ColumnElement[bool]:
    """Case-insensitive substring match; `%` and `_` in `q` are literal, not wildcards."""
    return func.lower(column).contains(q.lower(), autoescape=True)


def _listed(
    session: Session, kind: Kind, q: str | None, parent: str | None, root: bool | None, parent_field: str = "parent"
) -> Any:
    t = kind.table
    stmt = select(t)
    if q:
        by_label = col(t.id).in_(select(kind.synonym_key).where(_contains(col(kind.synonyms.label), q)))
        stmt = stmt.where(or_(_contains(t.name, q), _contains(t.code, q), by_label))
    if parent is not None:
        parent_id = one_entry(session, kind, parent, parent_field)
        if parent_id is None:
            raise InvalidInput(f"Unknown {kind.what} {parent!r} (give an id, a code or a name).", field=parent_field)
        stmt = stmt.where(col(t.parent_id) == parent_id)
    if root is not None:
        stmt = stmt.where(col(t.parent_id).is_(None) if root else col(t.parent_id).is_not(None))
    return stmt


def _details(session: Session, kind: Kind, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """Children, synonyms and recommendation counts of `ids`: three queries, whatever their number."""
    t = kind.table
    found: dict[int, dict[str, Any]] = {i: {"children": [], "synonyms": [], "recommendation_count": 0} for i in ids}
    if not ids:
        return found
    for child, parent in session.execute(
        select(t.id, t.parent_id).where(col(t.parent_id).in_(ids)).order_by(t.name, t.id)
    ):
        found[parent]["children"].append(child)
    synonyms = kind.synonyms
    for entry, source, label in session.execute(
        select(kind.synonym_key, synonyms.source, synonyms.label)
        .where(col(kind.synonym_key).in_(ids))
        .order_by(synonyms.source, synonyms.label)
    ):
        found[entry]["synonyms"].append(SynonymRead(source=source, label=label))
    for entry, n in _subtree_counts(session, kind, ids).items():
        found[entry]["recommendation_count"] = n
    return found


def _subtree_counts(session: Session, kind: Kind, ids: Sequence[int]) -> dict[int, int]:
    """Distinct recommendations tagged with each entry or anything under it, in one statement.

    A recursive CTE pairs each entry with its subtree (UNION, not UNION ALL, so the walk stops even if the
    data ever held a cycle); each entry's count is a correlated COUNT(DISTINCT) over its subtree's links.
    The roots read every link: on SQLite, 56,000 recommendations with two themes each take ~150 ms (~60 ms
    with an index on the link table's (entry, recommendation) pair, which answers from the index alone)."""
    tagging = _taggings.get(kind.what)
    if tagging is None:
        raise RuntimeError(f"Nothing registered how recommendations are tagged with a {kind.what}.")
    t = kind.table
    start: Any = sa.select(col(t.id).label("top"), col(t.id).label("entry")).where(col(t.id).in_(ids))
    closure = start.cte("subtree", recursive=True)
    closure = closure.union(
        sa.select(closure.c.top, col(t.id)).select_from(t).where(col(t.parent_id) == closure.c.entry)
    )
    subtree = closure.alias("below")
    count = (
        sa.select(func.count(distinct(col(tagging.recommendation_id))))
        .select_from(tagging.link)
        .where(col(tagging.entry_id).in_(sa.select(subtree.c.entry).where(subtree.c.top == col(t.id)).correlate(t)))
        .scalar_subquery()
    )
    stmt = sa.select(col(t.id), count).where(col(t.id).in_(ids))
    return {entry: n for entry, n in session.connection().execute(stmt)}


def _by_id_or_code(session: Session, kind: Kind, key: str, entity: str) -> Any:
    """`113` is an id, anything else a code in any case (`d23`); 404 when neither names a row."""
    t = kind.table
    text = key.strip()
    if text.isascii() and text.isdigit():
        row = session.get(t, int(text)) if 0 < int(text) <= MAX_ID else None
    else:
        row = session.exec(select(t).where(func.lower(t.code) == text.lower())).first()
    if row is None:
        raise NotFound.entity(entity, key)
    return row


# ---- one list and one read for both vocabularies ------------------------------------------------------

D = TypeVar("D", ThemeDetail, AffectedPersonDetail)


def _detailed(session: Session, kind: Kind, rows: Sequence[Any], shape: type[D]) -> list[D]:
    details = _details(session, kind, [r.id for r in rows if r.id is not None])
    return [shape.model_validate(r, update=details[r.id]) for r in rows if r.id is not None]


def _list(
    session: Session,
    kind: Kind,
    shape: type[D],
    params: PageParams,
    *,
    q: str | None,
    parent: str | None,
    root: bool | None,
    parent_field: str = "parent",
) -> Page[D]:
    """By name, then id. `q` matches the name, the code or a source's label; `parent` (id, code or name)
    keeps its direct children; `root` keeps the top level (or, false, everything under it)."""
    t = kind.table
    page = paginate(session, _listed(session, kind, q, parent, root, parent_field), params, [Sort(t.name), Sort(t.id)])
    items = _detailed(session, kind, page.items, shape)
    return Page[Any](items=items, total=page.total, next_cursor=page.next_cursor)


def list_themes(
    session: Session,
    params: PageParams,
    *,
    q: str | None = None,
    parent: str | None = None,
    root: bool | None = None,
    parent_field: str = "parent",
) -> Page[ThemeDetail]:
    return _list(session, THEMES, ThemeDetail, params, q=q, parent=parent, root=root, parent_field=parent_field)


def list_groups(
    session: Session, params: PageParams, *, q: str | None = None, parent: str | None = None, root: bool | None = None
) -> Page[AffectedPersonDetail]:
    return _list(session, GROUPS, AffectedPersonDetail, params, q=q, parent=parent, root=root)


def read_theme(session: Session, theme: Theme) -> ThemeDetail:
    return _detailed(session, THEMES, [theme], ThemeDetail)[0]


def read_group(session: Session, group: AffectedPerson) -> AffectedPersonDetail:
    return _detailed(session, GROUPS, [group], AffectedPersonDetail)[0]


def get_theme(session: Session, key: str) -> Theme:
    return _by_id_or_code(session, THEMES, key, "Theme")


def get_group(session: Session, key: str) -> AffectedPerson:
    return _by_id_or_code(session, GROUPS, key, "Affected person")
