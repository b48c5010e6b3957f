"""Counting matrix rows: traffic lights per actor and per theme, positions, position changes."""

from collections import Counter, defaultdict

from sqlmodel import Session, col, select

from api.recommendations.models import Position
from api.recommendations.policy import history_order
from api.tracking.overview.schemas import ActorCounts, MatrixRow, PositionChange, RatingCounts, ThemeCounts
from api.tracking.schemas import OrganisationRef, actor_key


def by_actor(rows: list[MatrixRow]) -> list[ActorCounts]:
    """Per organisation that assessed any of `rows`: its current ratings, and how many it left unassessed."""
    actors: dict[int, OrganisationRef] = {}
    counts: dict[int, Counter] = defaultdict(Counter)
    for row in rows:
        for rating in row.assessments:
            actors[rating.organisation.id] = rating.organisation
            counts[rating.organisation.id][rating.rating.value] += 1
    result = []
    for org_id, ref in sorted(actors.items(), key=lambda item: actor_key(item[1])):
        tally = counts[org_id]
        result.append(
            ActorCounts(organisation=ref, counts=RatingCounts(**tally, not_assessed=len(rows) - sum(tally.values())))
        )
    return result


def by_theme(rows: list[MatrixRow]) -> list[ThemeCounts]:
    """Per theme (a recommendation counts under each of its themes): ratings per actor."""
    themed: dict[str, list[MatrixRow]] = defaultdict(list)
    for row in rows:
        for theme in row.themes or ["(no theme)"]:
            themed[theme].append(row)
    return [
        ThemeCounts(theme=theme, recommendations=len(members), by_actor=by_actor(members))
        for theme, members in sorted(themed.items(), key=lambda item: item[0].lower())
    ]


def by_position(rows: list[MatrixRow]) -> dict[str, int]:
    tally = Counter(row.current_position.value if row.current_position else "none" for row in rows)
    return dict(sorted(tally.items()))


def position_changes(session: Session, rows: list[MatrixRow]) -> list[PositionChange]:
    """Recommendations whose position changed (e.g. noted → supported), with the last change."""
    by_id = {row.recommendation_id: row for row in rows}
    history: dict[int, list[Position]] = defaultdict(list)
    ids = list(by_id)
    for start in range(0, len(ids), 500):
        stmt = (
            select(Position)
            .where(col(Position.recommendation_id).in_(ids[start : start + 500]))
            .order_by(col(Position.recommendation_id), *history_order(Position.date, Position.id))
        )
        for position in session.exec(stmt):
            history[position.recommendation_id].append(position)
    changes = []
    for rec_id, positions in history.items():
        last_change = None
        for before, after in zip(positions, positions[1:], strict=False):
            if before.position != after.position:
                last_change = (before, after)
        if last_change:
            row = by_id[rec_id]
            changes.append(
                PositionChange(
                    recommendation_id=rec_id,
                    paragraph=row.paragraph,
                    text=row.text,
                    previous_position=last_change[0].position,
                    current_position=last_change[1].position,
                    changed_on=last_change[1].date,
                )
            )
    return sorted(changes, key=lambda c: c.recommendation_id)
