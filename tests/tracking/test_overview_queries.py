"""The matrix, the mid-term report and the dashboard read in a fixed number of statements, whatever
the number of recommendations, actions, indicators and assessments (no query per row); and the counts
the database computes are the counts of the matrix the same caller sees (the figures do not depend on
where they are counted)."""

from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine, event
from sqlmodel import Session, col, select

from api.recommendations.models import Position, PositionKind
from api.settings import Settings
from api.taxonomy.models import Theme
from api.tracking.models import MilestoneStatus, TrafficLight, Visibility
from tests.cycle_factories import create_recommendation, create_theme
from tests.factories import OWN_STATE, World
from tests.tracking_factories import (
    create_action,
    create_assessment,
    create_indicator,
    create_measurement,
    create_milestone,
)

CYCLE = 3  # the cycle of the world's own-state review
CALLERS = ("anonymous", "government", "nhri", "cso", "admin")
READS: dict[str, tuple[str, dict[str, Any]]] = {
    "matrix": ("/tracking/matrix", {"state": OWN_STATE, "cycle": CYCLE, "limit": 500}),
    "mid-term": ("/tracking/reports/mid-term", {"state": OWN_STATE, "cycle": CYCLE}),
    "dashboard": ("/tracking/dashboard", {"state": OWN_STATE}),
}


@pytest.fixture
def statements(engine: Engine) -> Iterator[list[str]]:
    seen: list[str] = []

    def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    yield seen
    event.remove(engine, "before_cursor_execute", record)


def add_tracked(session: Session, w: World, first: int, count: int, themes: list[Theme]) -> None:
    """`count` recommendations of the own state's cycle-3 review, each answered by its own action with
    an indicator (measured twice), a milestone, a theme or none, a position change, and assessments:
    the government's public ones (an older and a later), the CSO's public one and a later confidential
    one, the NHRI's shared one, and a withdrawn one of the government's, later than the rest."""
    review = w.cycle.reviews[OWN_STATE]
    government, nhri, cso = w.org("government"), w.org("nhri"), w.org("cso")
    for n in range(first, first + count):
        rec = create_recommendation(
            session,
            review,
            f"Recommendation {n} on inclusive education",
            paragraph=f"130.{n}",
            recommending=("FRA", "DEU") if n % 2 else ("NOR",),
            themes=(themes[n % len(themes)],) if n % 3 else (),
            position=PositionKind.noted,
            external_key=f"queries:{n}",
        )
        assert rec.id is not None
        if n % 2:  # noted → supported
            session.add(
                Position(recommendation_id=rec.id, position=PositionKind.supported, date=date(2021, 3, n % 28 + 1))
            )
            rec.current_position = PositionKind.supported
            session.add(rec)
        action = create_action(session, OWN_STATE, title=f"Action {n}", responsible=government, recommendations=(rec,))
        indicator = create_indicator(session, OWN_STATE, action=action, name=f"Indicator {n}")
        create_measurement(session, indicator, government, 45.0 + n % 30, date(2021, 6, 30))
        create_measurement(session, indicator, nhri, 50.0 + n % 30, date(2022, 6, 30))
        create_milestone(
            session,
            action,
            title=f"Milestone {n}",
            due_date=date(2021, 1, n % 28 + 1),
            status=(MilestoneStatus.pending, MilestoneStatus.done, MilestoneStatus.cancelled)[n % 3],
        )
        lights = list(TrafficLight)
        create_assessment(session, government, rec, rating=lights[n % 4], assessed_on=date(2021, 1, 1))
        create_assessment(session, government, rec, rating=lights[(n + 1) % 4], assessed_on=date(2021, 7, 1))
        withdrawn = create_assessment(
            session, government, rec, rating=lights[(n + 2) % 4], assessed_on=date(2022, 1, 1)
        )
        withdrawn.withdrawn_at = datetime.now(UTC)
        session.add(withdrawn)
        create_assessment(session, cso, rec, rating=lights[(n + 3) % 4], assessed_on=date(2021, 5, 1))
        create_assessment(
            session,
            cso,
            rec,
            rating=TrafficLight.not_started,
            visibility=Visibility.confidential,
            assessed_on=date(2021, 8, 1),
        )
        if n % 2 == 0:
            create_assessment(session, nhri, rec, rating=lights[n % 4], visibility=Visibility.shared)
    session.flush()


async def _count_statements(
    client: httpx.AsyncClient, statements: list[str], path: str, params: dict[str, Any], headers: dict[str, str]
) -> tuple[int, dict[str, Any]]:
    statements.clear()
    response = await client.get(path, params=params, headers=headers)
    assert response.status_code == 200, response.text
    return len(statements), response.json()


def _size(read: str, body: dict[str, Any]) -> int:
    return len(body["items"]) if read == "matrix" else body["recommendations"]


@pytest.mark.parametrize("read", list(READS))
@pytest.mark.parametrize("who", ["anonymous", "nhri"])
async def test_statements_do_not_grow_with_the_rows(
    client: httpx.AsyncClient,
    tracking_world: World,
    session: Session,
    settings: Settings,
    statements: list[str],
    read: str,
    who: str,
) -> None:
    """3 actions, then 30: the same number of statements (no query per recommendation, action,
    indicator or assessment)."""
    w = tracking_world
    themes = [w.cycle.theme, create_theme(session, "Right to education"), create_theme(session, "rights of Roma")]
    path, params = READS[read]
    headers = w.headers(who, settings)
    add_tracked(session, w, 0, 3, themes)
    session.commit()
    await client.get(path, params=params, headers=headers)  # warm up (first-request work)
    few, small = await _count_statements(client, statements, path, params, headers)
    add_tracked(session, w, 3, 27, themes)
    session.commit()
    many, large = await _count_statements(client, statements, path, params, headers)
    assert _size(read, large) == _size(read, small) + 27
    assert many == few, f"{read}: {few} statements with 3 actions, {many} with 30"


def _oracle(matrix: list[dict[str, Any]]) -> dict[str, Any]:
    """The counts, computed row by row from the matrix the caller sees (as the report did before the
    database counted them)."""

    def by_actor(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        refs: dict[int, dict[str, Any]] = {}
        tally: dict[int, Counter[str]] = defaultdict(Counter)
        for row in rows:
            for rating in row["assessments"]:
                refs[rating["organisation"]["id"]] = rating["organisation"]
                tally[rating["organisation"]["id"]][rating["rating"]] += 1
        kinds = ("government", "nhri", "cso")
        order = sorted(refs, key=lambda i: (kinds.index(refs[i]["kind"]) if refs[i]["kind"] in kinds else 3, i))
        return [
            {
                "organisation": refs[i],
                "counts": {light.value: tally[i][light.value] for light in TrafficLight}
                | {"not_assessed": len(rows) - sum(tally[i].values())},
            }
            for i in order
        ]

    themed: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in matrix:
        for theme in row["themes"] or ["(no theme)"]:
            themed[theme].append(row)
    return {
        "recommendations": len(matrix),
        "by_position": dict(sorted(Counter(row["current_position"] or "none" for row in matrix).items())),
        "by_actor": by_actor(matrix),
        "by_theme": [
            {"theme": theme, "recommendations": len(rows), "by_actor": by_actor(rows)}
            for theme, rows in sorted(themed.items(), key=lambda item: item[0].lower())
        ],
    }


def _position_changes(session: Session, matrix: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each recommendation's last change of position, from its history read in order."""
    changes = []
    for row in matrix:
        history = session.exec(select(Position).where(Position.recommendation_id == row["recommendation_id"])).all()
        history = sorted(history, key=lambda p: (p.date is not None, p.date or date.min, p.id))
        last = None
        for before, after in zip(history, history[1:], strict=False):
            if before.position != after.position:
                last = (before, after)
        if last:
            changes.append(
                {
                    "recommendation_id": row["recommendation_id"],
                    "paragraph": row["paragraph"],
                    "text": row["text"],
                    "previous_position": last[0].position.value,
                    "current_position": last[1].position.value,
                    "changed_on": last[1].date.isoformat() if last[1].date else None,
                }
            )
    return changes


@pytest.mark.parametrize("who", CALLERS)
async def test_the_counts_are_those_of_the_matrix_the_caller_sees(
    client: httpx.AsyncClient, tracking_world: World, session: Session, settings: Settings, who: str
) -> None:
    w = tracking_world
    themes = [w.cycle.theme, create_theme(session, "Right to education"), create_theme(session, "rights of Roma")]
    add_tracked(session, w, 0, 12, themes)
    undated = session.exec(
        select(Position).where(col(Position.recommendation_id) == w.cycle.recommendations[OWN_STATE].id)
    ).one()
    session.add(
        Position(recommendation_id=undated.recommendation_id, position=PositionKind.noted, date=None, date_origin=None)
    )
    session.commit()
    headers = w.headers(who, settings)

    path, params = READS["mid-term"]
    report = (await client.get(path, params=params, headers=headers)).json()
    assert report["matrix"] and {k: report[k] for k in _oracle([])} == _oracle(report["matrix"])
    assert report["position_changes"] == _position_changes(session, report["matrix"])
    assert len(report["position_changes"]) >= 6  # the test data changes positions: the check has teeth

    dashboard = (
        await client.get("/tracking/dashboard", params={"state": OWN_STATE, "cycle": CYCLE}, headers=headers)
    ).json()
    assert {k: dashboard[k] for k in _oracle([])} == _oracle(report["matrix"])
    assert dashboard["recommendations_with_actions"] == sum(1 for row in report["matrix"] if row["actions"])

    every_cycle: list[dict[str, Any]] = []  # the dashboard without a cycle: every cycle's matrix
    for cycle in (2, 3):
        page = await client.get(
            "/tracking/matrix", params={"state": OWN_STATE, "cycle": cycle, "limit": 500}, headers=headers
        )
        every_cycle += page.json()["items"]
    dashboard = (await client.get("/tracking/dashboard", params={"state": OWN_STATE}, headers=headers)).json()
    assert dashboard["recommendations"] == len(every_cycle) > len(report["matrix"])
    assert {k: dashboard[k] for k in _oracle([])} == _oracle(every_cycle)
