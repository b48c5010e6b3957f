"""The commit-time refresh of what is derived from recommendations: read model, review-level refreshers
(champion tallies), and the data version pages and ETags are validated with.

Registered with `api.derived` when this package is imported; runs inside the committing transaction, so
readers see new data and its derived rows together, on every worker and machine.
"""

from collections import defaultdict
from collections.abc import Callable, Collection

from sqlalchemy import delete, select, update
from sqlmodel import Session, col

from api.cycle.models import Review
from api.recommendations import read_model, tallies
from api.recommendations.derived_models import DataVersion, DerivedDirty
from api.recommendations.models import (
    Recommendation,
    RecommendationAffectedPerson,
    RecommendationTheme,
    RecommendingState,
)

SCOPE = "recommendations"
ReviewRefresher = Callable[[Session, Collection[int] | None], None]
_review_refreshers: list[ReviewRefresher] = []


def register_review_refresher(refresher: ReviewRefresher) -> None:
    """`refresher(session, review_ids)` runs at commit for the reviews whose recommendations, links or
    positions changed; `None` means every review (a theme moved, a full rebuild)."""
    if refresher not in _review_refreshers:
        _review_refreshers.append(refresher)


register_review_refresher(tallies.refresh_tallies)


def current_version(session: Session) -> int | None:
    """The data version the session sees (one indexed read); None while rows are dirty (the session's own
    uncommitted writes, or a commit that bypassed the hook): the data is then ahead of any version."""
    dirty = select(col(DerivedDirty.id)).limit(1).exists()
    version, stale = session.execute(
        select(col(DataVersion.version), dirty).where(col(DataVersion.scope) == SCOPE)
    ).one()
    return None if stale else version


def refresh(session: Session) -> None:
    """Bring everything derived up to date with the marks the triggers made, then bump the version.

    Refreshes are serialised on the version row (PostgreSQL; SQLite has one writer anyway): each starts
    after the previous one committed and sees its rows, so two never rebuild the same body or tally at once
    (a duplicate tally, a primary-key clash on a body). Marks are taken with DELETE … RETURNING, so one
    committed meanwhile by a write that bypassed this hook stays for the next refresh; and what they name
    (a state, a theme, a review) is expanded to recommendations only now, under the lock, so a recommendation
    linked by a transaction that committed meanwhile is not missed."""
    if read_model.nothing_dirty(session):
        return
    session.execute(
        select(col(DataVersion.version)).where(col(DataVersion.scope) == SCOPE).with_for_update()
    ).scalar_one()
    marks = session.execute(
        delete(DerivedDirty).returning(col(DerivedDirty.kind), col(DerivedDirty.key), col(DerivedDirty.code))
    ).all()
    if not marks:
        return
    by_kind: dict[str, set] = defaultdict(set)
    for kind, key, code in marks:
        by_kind[kind].add(code if kind == "state" else key)
    reviews: set[int] | None = None
    if "all" in by_kind:
        read_model.refresh(session, None)
    else:
        ids = by_kind["recommendation"] | _showing(session, by_kind)
        reviews = by_kind["review"] | _reviews_of(session, ids)
        read_model.refresh(session, ids)
    for refresher in _review_refreshers:
        refresher(session, reviews)
    session.execute(
        update(DataVersion).where(col(DataVersion.scope) == SCOPE).values(version=col(DataVersion.version) + 1)
    )


def _showing(session: Session, by_kind: dict[str, set]) -> set[int]:
    """The recommendations that show a changed review, session, state, theme or group."""
    rec, review = col(Recommendation.id), col(Recommendation.review_id)
    queries = []
    if by_kind["review_recs"]:
        queries.append(select(rec).where(review.in_(by_kind["review_recs"])))
    if by_kind["session"]:
        queries.append(
            select(rec).where(
                review.in_(select(col(Review.id)).where(col(Review.session_number).in_(by_kind["session"])))
            )
        )
    if by_kind["state"]:
        codes = by_kind["state"]
        queries.append(
            select(col(RecommendingState.recommendation_id)).where(col(RecommendingState.state_code).in_(codes))
        )
        queries.append(select(rec).where(review.in_(select(col(Review.id)).where(col(Review.state_code).in_(codes)))))
    if by_kind["theme"]:
        queries.append(
            select(col(RecommendationTheme.recommendation_id)).where(
                col(RecommendationTheme.theme_id).in_(by_kind["theme"])
            )
        )
    if by_kind["group"]:
        link = RecommendationAffectedPerson
        queries.append(select(col(link.recommendation_id)).where(col(link.affected_person_id).in_(by_kind["group"])))
    return {rid for query in queries for rid in session.execute(query).scalars()}


def _reviews_of(session: Session, ids: Collection[int]) -> set[int]:
    wanted, out = sorted(ids), set()
    for start in range(0, len(wanted), read_model.CHUNK):
        out |= set(
            session.execute(
                select(col(Recommendation.review_id))
                .where(col(Recommendation.id).in_(wanted[start : start + read_model.CHUNK]))
                .distinct()
            ).scalars()
        )
    return out
