"""A source beats a guess: when a source (an import or an API write) gives a record labels of a family,
the classifier's inferred labels of that family on that record go. The one home of that rule; the
importer's writer and the recommendation service call it.

Families: `themes` (OHCHR themes), `sdgs` (SDG goal themes, codes under `S`), `groups` (affected
persons) and `action` (the action category).
"""

from collections.abc import Collection

from sqlalchemy import delete, select, update
from sqlmodel import Session, col

from api.recommendations.models import (
    Recommendation,
    RecommendationAffectedPerson,
    RecommendationTheme,
    TagOrigin,
)
from api.taxonomy.models import Theme
from api.taxonomy.vocabulary import SDG_ROOT

BATCH = 1_000


def family_of_theme_code(code: str | None) -> str:
    """`sdgs` for an SDG goal theme (S01–S17), `themes` for an OHCHR theme (the one rule, for the importer,
    the API's setters and the classifier)."""
    return "sdgs" if (code or "").startswith(SDG_ROOT) else "themes"


def drop_inferred(session: Session, family: str, recommendation_ids: Collection[int]) -> None:
    """Delete the inferred labels of `family` on these recommendations (Core statements: no ORM state)."""
    ids = sorted(recommendation_ids)
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        if family in ("themes", "sdgs"):
            sdg_ids = select(col(Theme.id)).where(col(Theme.code).like(f"{SDG_ROOT}%"))
            within = col(RecommendationTheme.theme_id).in_(sdg_ids)
            session.execute(
                delete(RecommendationTheme).where(
                    col(RecommendationTheme.origin) == TagOrigin.inferred,
                    col(RecommendationTheme.recommendation_id).in_(batch),
                    within if family == "sdgs" else ~within,
                )
            )
        elif family == "groups":
            session.execute(
                delete(RecommendationAffectedPerson).where(
                    col(RecommendationAffectedPerson.origin) == TagOrigin.inferred,
                    col(RecommendationAffectedPerson.recommendation_id).in_(batch),
                )
            )
        elif family == "action":
            session.execute(
                update(Recommendation)
                .where(
                    col(Recommendation.id).in_(batch),
                    col(Recommendation.action_category_origin) == TagOrigin.inferred,
                )
                .values(
                    action_category=None,
                    action_category_origin=None,
                    action_category_confidence=None,
                    action_category_model_version=None,
                )
                .execution_options(synchronize_session=False)
            )
        else:
            raise ValueError(f"unknown family {family!r}")
