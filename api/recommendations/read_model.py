"""The read model: each recommendation's public JSON kept pre-serialised, so a page is one indexed query
and a join of bytes.

A stored body is exactly `RecommendationRead.model_dump_json()` with `rank` null (the last field), the
bytes `GET /recommendations/{id}` sends and hashes for its ETag, whether built now or long ago. Bodies are
rebuilt at commit for every recommendation the database's triggers marked dirty (`derived.py`); a read
that finds a body missing, or its recommendation marked dirty by a commit that bypassed the session hook,
builds that one fresh, so a page always equals what the tables say.
"""

from collections.abc import Collection, Iterable, Sequence

from sqlalchemy import delete, insert, select
from sqlmodel import Session, col

from api.recommendations.derived_models import DerivedDirty, RecommendationReadRow
from api.recommendations.models import Recommendation
from api.recommendations.reads import recommendation_reads

CHUNK = 500
# Marks naming something many bodies show (a review, session, state, theme or group, or everything): until
# the refresh expands them, no stored body can be trusted (`derived.refresh`).
SHOWN_KINDS = ("all", "review_recs", "session", "state", "theme", "group")
RANK_NULL = b',"rank":null}'


def build(session: Session, ids: Collection[int]) -> dict[int, str]:
    """Fresh bodies of the recommendations among `ids` that exist."""
    out: dict[int, str] = {}
    wanted = sorted(ids)
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        # Plain rows, not ORM objects: faster, and never the session's stale copy of a row changed by SQL.
        columns = Recommendation.__table__.columns  # type: ignore[attr-defined]
        recs = session.execute(select(*columns).where(col(Recommendation.id).in_(chunk))).all()
        for read in recommendation_reads(session, recs):
            out[read.id] = read.model_dump_json()
    return out


def refresh(session: Session, ids: Collection[int] | None) -> int:
    """Rebuild the stored bodies of `ids` (every recommendation when None); rows of deleted ones go.
    Returns how many bodies were written."""
    if ids is None:
        session.execute(delete(RecommendationReadRow))
        ids = list(session.scalars(select(col(Recommendation.id))))
        existing_only = True
    else:
        existing_only = False
    written = 0
    wanted = sorted(ids)
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        bodies = build(session, chunk)
        if not existing_only:
            session.execute(
                delete(RecommendationReadRow).where(col(RecommendationReadRow.recommendation_id).in_(chunk))
            )
        if bodies:
            session.execute(
                insert(RecommendationReadRow), [{"recommendation_id": i, "body": b} for i, b in bodies.items()]
            )
        written += len(bodies)
    return written


def bodies(session: Session, ids: Sequence[int]) -> dict[int, bytes]:
    """The stored bodies of `ids`; missing or dirty ones built now (one deleted meanwhile is absent)."""
    if not ids:
        return {}
    if session.execute(select(col(DerivedDirty.id)).where(col(DerivedDirty.kind).in_(SHOWN_KINDS)).limit(1)).first():
        return {i: body.encode() for i, body in build(session, ids).items()}  # a mark names what many show
    stored = col(RecommendationReadRow.recommendation_id)
    dirty = (
        select(col(DerivedDirty.id))
        .where(col(DerivedDirty.kind) == "recommendation", col(DerivedDirty.key) == stored)
        .exists()
    )
    rows = session.execute(select(stored, col(RecommendationReadRow.body)).where(stored.in_(ids), ~dirty)).all()
    found = {rid: body for rid, body in rows}
    if len(found) < len(ids):
        found.update(build(session, [i for i in ids if i not in found]))
    return {i: found[i].encode() for i in ids if i in found}


def nothing_dirty(session: Session) -> bool:
    """No row awaits its refresh: what is derived (bodies, tallies) says what the tables say."""
    return session.execute(select(col(DerivedDirty.id)).limit(1)).first() is None


def with_rank(body: bytes, rank: float | None) -> bytes:
    """A stored body with its search rank in place of the null."""
    if rank is None:
        return body
    assert body.endswith(RANK_NULL), "a stored body ends with its null rank"
    return body[: -len(RANK_NULL)] + b',"rank":' + repr(float(rank)).encode() + b"}"


def page_json(items: Iterable[bytes], total: int, next_cursor: str | None) -> bytes:
    """The page envelope around already-serialised items, as `Page[RecommendationRead]` would write it."""
    cursor = b"null" if next_cursor is None else b'"' + next_cursor.encode() + b'"'
    return b'{"items":[' + b",".join(items) + b'],"total":' + str(total).encode() + b',"next_cursor":' + cursor + b"}"
