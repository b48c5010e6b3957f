"""Positions: an append-only history whose latest record (by date, then id) is the current position."""

from datetime import date

import pytest
from sqlmodel import Session, col, select

from api.auth.models import OrganisationKind
from api.auth.security import create_access_token
from api.recommendations.models import Position, PositionDateOrigin, PositionKind, Recommendation
from api.recommendations.policy import becomes_current, history_order
from tests.cycle_factories import create_recommendation, create_review, create_upr_session
from tests.factories import OTHER_STATE, OWN_STATE, bearer, create_organisation, create_user
from tests.helpers import assert_problem
from tests.recommendations.catalogue import add_states

OP_CRPD = "Ratify the Optional Protocol to the Convention on the Rights of Persons with Disabilities"


@pytest.fixture
def korea(session: Session, settings) -> dict:
    """A recommendation to the Republic of Korea that it noted in 2019."""
    add_states(session)
    create_upr_session(session, 28, cycle_number=3, year=2017)
    review = create_review(session, "KOR", 28)
    rec = create_recommendation(
        session,
        review,
        OP_CRPD,
        recommending=("SVN",),
        paragraph="132.1",
        position=PositionKind.noted,
        position_date=date(2019, 3, 15),
        external_key="kor:28:op-crpd",
    )
    government = create_user(
        session, create_organisation(session, OrganisationKind.government, "KOR"), email="gov@kor.example.org"
    )
    token, _ = create_access_token(government.id, settings)
    return {"rec": rec, "headers": bearer(token)}


async def test_noted_then_supported_like_korea_on_the_op_crpd(client, korea):
    rec_id = korea["rec"].id
    assert rec_id in await _ids(client, position="noted")
    response = await client.post(
        f"/recommendations/{rec_id}/positions",
        headers=korea["headers"],
        json={
            "position": "supported",
            "date": "2022-09-12",
            "source_paragraph": "4",
            "explanation": "The Optional Protocol has been ratified.",
        },
    )
    assert response.status_code == 201, response.text
    assert response.json()["position"] == "supported"

    history = (await client.get(f"/recommendations/{rec_id}/positions")).json()
    assert [(p["position"], p["date"]) for p in history["items"]] == [
        ("noted", "2019-03-15"),
        ("supported", "2022-09-12"),
    ]
    assert history["total"] == 2
    assert (await client.get(f"/recommendations/{rec_id}")).json()["current_position"] == "supported"
    assert rec_id in await _ids(client, position="supported")
    assert rec_id not in await _ids(client, position="noted")


async def _ids(client, **params) -> set[int]:
    response = await client.get("/recommendations", params={**params, "limit": 500})
    assert response.status_code == 200, response.text
    return {item["id"] for item in response.json()["items"]}


async def test_a_back_dated_record_joins_the_history_without_becoming_current(client, korea, session):
    rec_id, headers = korea["rec"].id, korea["headers"]
    for position, day in (("supported", "2022-09-12"), ("pending", "2017-11-09")):
        response = await client.post(
            f"/recommendations/{rec_id}/positions", headers=headers, json={"position": position, "date": day}
        )
        assert response.status_code == 201, response.text
    history = (await client.get(f"/recommendations/{rec_id}/positions")).json()["items"]
    assert [p["position"] for p in history] == ["pending", "noted", "supported"]
    assert session.get(Recommendation, rec_id).current_position is PositionKind.supported


async def test_same_day_the_later_record_wins(client, korea):
    rec_id, headers = korea["rec"].id, korea["headers"]
    for position in ("supported_in_part", "supported"):
        await client.post(
            f"/recommendations/{rec_id}/positions", headers=headers, json={"position": position, "date": "2022-09-12"}
        )
    assert (await client.get(f"/recommendations/{rec_id}")).json()["current_position"] == "supported"
    history = (await client.get(f"/recommendations/{rec_id}/positions")).json()["items"]
    assert [p["position"] for p in history] == ["noted", "supported_in_part", "supported"]


async def test_a_post_never_edits_earlier_records(client, korea, session):
    rec_id = korea["rec"].id
    before = [
        (p.id, p.position, p.date) for p in session.exec(select(Position).where(Position.recommendation_id == rec_id))
    ]
    await client.post(
        f"/recommendations/{rec_id}/positions",
        headers=korea["headers"],
        json={"position": "supported", "date": "2022-09-12"},
    )
    after = [
        (p.id, p.position, p.date)
        for p in session.exec(select(Position).where(Position.recommendation_id == rec_id).order_by(col(Position.id)))
    ]
    assert after[:-1] == before and len(after) == len(before) + 1


async def test_the_recorder_is_kept(client, korea, session):
    response = await client.post(
        f"/recommendations/{korea['rec'].id}/positions",
        headers=korea["headers"],
        json={"position": "supported", "date": "2022-09-12"},
    )
    position = session.get(Position, response.json()["id"])
    assert position.recorded_by_user_id is not None


async def test_history_is_paged(client, korea):
    rec_id = korea["rec"].id
    for year in (2020, 2021, 2022):
        await client.post(
            f"/recommendations/{rec_id}/positions",
            headers=korea["headers"],
            json={"position": "pending", "date": f"{year}-01-01"},
        )
    first = (await client.get(f"/recommendations/{rec_id}/positions", params={"limit": 3})).json()
    second = (
        await client.get(f"/recommendations/{rec_id}/positions", params={"limit": 3, "cursor": first["next_cursor"]})
    ).json()
    assert first["total"] == second["total"] == 4
    assert [p["date"][:4] for p in first["items"] + second["items"]] == ["2019", "2020", "2021", "2022"]
    assert second["next_cursor"] is None


@pytest.mark.parametrize(
    ("role", "state", "status"),
    [
        ("government", OWN_STATE, 201),
        ("admin", OTHER_STATE, 201),
        ("government", OTHER_STATE, 403),
        ("nhri", OWN_STATE, 403),
        ("cso", OWN_STATE, 403),
        ("un", OWN_STATE, 403),
        ("anonymous", OWN_STATE, 401),
    ],
)
async def test_who_records_positions(client, cycle_world, settings, role, state, status):
    """Only the government of the state under review (SVN here), or an admin of any state."""
    rec = cycle_world.cycle.recommendations[OWN_STATE]
    response = await client.post(
        f"/recommendations/{rec.id}/positions",
        headers=cycle_world.headers(role, settings, state),
        json={"position": "noted", "date": "2021-05-01"},
    )
    assert response.status_code == status, response.text
    if status == 403 and role == "government":
        assert_problem(response, 403, "position-not-own-state", "SVN")


async def test_unknown_recommendation_is_404(client, cycle_world, settings):
    headers = cycle_world.headers("admin", settings)
    assert_problem(await client.get("/recommendations/987654/positions"), 404, "not-found", "987654")
    assert_problem(
        await client.post(
            "/recommendations/987654/positions", headers=headers, json={"position": "noted", "date": "2021-05-01"}
        ),
        404,
        "not-found",
        "987654",
    )


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"position": "accepted", "date": "2021-05-01"}, "position"),
        ({"date": "2021-05-01"}, "position"),
        ({"position": "noted"}, "date"),
        ({"position": "noted", "date": "May 2021"}, "date"),
        ({"position": "noted", "date": "2021-05-01", "source_paragraph": "12a"}, "source_paragraph"),
        ({"position": "noted", "date": "2021-05-01", "explanation": "nul\x00"}, "explanation"),
    ],
)
async def test_bad_position_is_422_naming_the_field(client, cycle_world, settings, body, field):
    rec = cycle_world.cycle.recommendations[OWN_STATE]
    response = await client.post(
        f"/recommendations/{rec.id}/positions", json=body, headers=cycle_world.headers("government", settings)
    )
    assert assert_problem(response, 422, "validation-error", field)["field"] == field


@pytest.mark.parametrize("when", ["2202-09-12", "2006-12-31"])
async def test_an_implausible_date_is_422_so_it_cannot_become_current_for_good(client, korea, when):
    response = await client.post(
        f"/recommendations/{korea['rec'].id}/positions",
        headers=korea["headers"],
        json={"position": "supported", "date": when},
    )
    assert assert_problem(response, 422, "validation-error", "2007-01-01")["field"] == "date"


def test_an_undated_record_is_older_than_any_dated_one():
    """The one rule (`becomes_current`), given the latest date among the recorded positions."""
    assert becomes_current(None, None)  # the first record, or one more among undated ones
    assert becomes_current(date(2019, 3, 15), None)  # any date is later than none
    assert not becomes_current(None, date(2019, 3, 15))  # undated: older than a dated record
    assert becomes_current(date(2019, 3, 15), date(2019, 3, 15))  # same day: the later record
    assert not becomes_current(date(2019, 3, 14), date(2019, 3, 15))


async def test_a_dated_post_overtakes_undated_imports_and_the_history_lists_them_first(client, korea, session):
    """Korea's noted record is dated 2019; two imports that gave no date come before it in the history
    (and in the same order on both databases: NULLS FIRST, then id), and a later post is current."""
    rec_id = korea["rec"].id
    for kind in (PositionKind.pending, PositionKind.supported_in_part):
        session.add(Position(recommendation_id=rec_id, position=kind, date=None, date_origin=None))
    session.flush()
    first = (await client.get(f"/recommendations/{rec_id}/positions", params={"limit": 2})).json()
    rest = (
        await client.get(f"/recommendations/{rec_id}/positions", params={"limit": 2, "cursor": first["next_cursor"]})
    ).json()
    assert [(p["position"], p["date"], p["date_origin"]) for p in first["items"] + rest["items"]] == [
        ("pending", None, None),
        ("supported_in_part", None, None),
        ("noted", "2019-03-15", "source"),
    ]
    response = await client.post(
        f"/recommendations/{rec_id}/positions",
        headers=korea["headers"],
        json={"position": "supported", "date": "2019-03-15"},
    )
    assert response.status_code == 201 and response.json()["date_origin"] == "source"
    session.expire_all()
    assert session.get(Recommendation, rec_id).current_position is PositionKind.supported


def test_history_order_puts_undated_records_first_on_both_databases(session, korea):
    rec_id = korea["rec"].id
    session.add(Position(recommendation_id=rec_id, position=PositionKind.pending, date=None, date_origin=None))
    session.flush()
    stmt = select(Position.position).where(Position.recommendation_id == rec_id)
    ordered = session.exec(stmt.order_by(*history_order(Position.date, Position.id))).all()
    assert ordered == [PositionKind.pending, PositionKind.noted]


def test_a_date_and_its_origin_go_together(session, korea):
    """A database check: a dated record says where its date comes from, an undated one says nothing."""
    from sqlalchemy.exc import IntegrityError

    for date_value, origin in ((date(2020, 1, 5), None), (None, PositionDateOrigin.derived)):
        with pytest.raises(IntegrityError), session.begin_nested():
            session.add(
                Position(
                    recommendation_id=korea["rec"].id, position=PositionKind.noted, date=date_value, date_origin=origin
                )
            )
            session.flush()
