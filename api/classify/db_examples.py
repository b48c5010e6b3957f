"""Training examples from the database: the recommendations as imported (and as edited through the API),
with their SOURCE tags in canonical codes. Inferred tags are never training data: a model learning
from its own guesses would only grow surer of its mistakes.

As in `examples.py`, a family a record's sources do not tag is unknown (None), not empty: UPR Info tags
themes and the action category, DIHR SDG goals and groups, the OHCHR matrices themes, groups and SDG
goals. A record tagged through the API (a source label of a family, whatever its sources) knows that
family too. The split unit is the review (its id), so copies of a text never straddle a split.
"""

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Select
from sqlalchemy import select as sa_select
from sqlmodel import Session, col

from api.classify.examples import Example
from api.recommendations.inferred import family_of_theme_code
from api.recommendations.models import (
    Recommendation,
    RecommendationAffectedPerson,
    RecommendationTheme,
    TagOrigin,
)
from api.taxonomy.models import AffectedPerson, Theme

FAMILIES_OF_SOURCE: dict[str, frozenset[str]] = {
    "upr-info": frozenset({"themes", "action"}),
    "dihr": frozenset({"sdgs", "groups"}),
    "ohchr-matrix": frozenset({"themes", "groups", "sdgs"}),
}


def source_labels(session: Session, ids: Iterable[int] | Select[Any] | None = None) -> dict[int, dict[str, set[str]]]:
    """Per recommendation, its source-given canonical codes per family (themes, sdgs, groups); only
    recommendations with at least one. `ids` limits it (None: all): a few ids, or a query of them (an
    import's records can outnumber what SQLite binds in one statement)."""
    found: dict[int, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    themes = (
        sa_select(col(RecommendationTheme.recommendation_id), col(Theme.code))
        .join(Theme, col(Theme.id) == RecommendationTheme.theme_id)
        .where(col(RecommendationTheme.origin) == TagOrigin.source, col(Theme.code).is_not(None))
    )
    groups = (
        sa_select(col(RecommendationAffectedPerson.recommendation_id), col(AffectedPerson.code))
        .join(AffectedPerson, col(AffectedPerson.id) == RecommendationAffectedPerson.affected_person_id)
        .where(col(RecommendationAffectedPerson.origin) == TagOrigin.source, col(AffectedPerson.code).is_not(None))
    )
    if ids is not None:
        wanted = ids if isinstance(ids, Select) else list(ids)
        themes = themes.where(col(RecommendationTheme.recommendation_id).in_(wanted))
        groups = groups.where(col(RecommendationAffectedPerson.recommendation_id).in_(wanted))
    for rid, code in session.execute(themes):
        found[rid][family_of_theme_code(code)].add(code)
    for rid, code in session.execute(groups):
        found[rid]["groups"].add(code)
    return found


def known_families(sources: Iterable[str] | None, labels: dict[str, set[str]], action: bool) -> set[str]:
    """The families a record's tags speak for: those its sources tag, and any it holds a source label of."""
    known = {family for source in sources or () for family in FAMILIES_OF_SOURCE.get(source, ())}
    known |= {family for family, codes in labels.items() if codes}
    if action:
        known.add("action")
    return known


def examples_from_database(session: Session) -> list[Example]:
    """Every recommendation with text and at least one known family, in id order (deterministic)."""
    labels = source_labels(session)
    stmt = (
        sa_select(
            col(Recommendation.id),
            col(Recommendation.review_id),
            col(Recommendation.text),
            col(Recommendation.sources),
            col(Recommendation.action_category),
            col(Recommendation.action_category_origin),
        )
        .where(col(Recommendation.text) != "")
        .order_by(col(Recommendation.id))
    )
    examples = []
    for rid, review_id, text, sources, action, action_origin in session.execute(stmt):
        action = None if action_origin == TagOrigin.inferred else action  # no origin: the seed's, a source
        own = labels.get(rid, {})
        known = known_families(sources, own, action is not None)
        if not known - {"action"} and action is None:
            continue

        def family(name: str, own: dict[str, set[str]] = own, known: set[str] = known) -> frozenset[str] | None:
            return frozenset(own.get(name, ())) if name in known else None

        examples.append(Example(text, str(review_id), family("themes"), family("sdgs"), family("groups"), action))
    return examples
