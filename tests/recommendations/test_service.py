"""The service functions behind the API and the seed, without HTTP: external keys, duplicates, positions."""

from datetime import date

import pytest
from sqlmodel import Session, select

from api.core.errors import AlreadyExists
from api.recommendations import positions, service
from api.recommendations.models import Position, PositionKind
from api.recommendations.schemas import PositionCreate, RecommendationCreate
from tests.factories import OWN_STATE
from tests.recommendations.catalogue import add_states

TEXT = "Ratify the International Convention for the Protection of All Persons from Enforced Disappearance"


def test_derived_key_is_stable_and_specific():
    key = service.derive_external_key("SVN", 3, TEXT)
    assert key.startswith("SVN:c3:") and len(key) <= 128
    assert service.derive_external_key("SVN", 3, TEXT.upper() + ".") == key
    assert service.derive_external_key("SVN", 3, TEXT.replace(" ", "   ")) == key
    assert service.derive_external_key("SVN", 2, TEXT) != key
    assert service.derive_external_key("HRV", 3, TEXT) != key
    assert service.derive_external_key("SVN", 3, TEXT + " and its Optional Protocol") != key


def _create(world, **overrides) -> RecommendationCreate:
    return RecommendationCreate(
        **{
            "review_id": world.cycle.reviews[OWN_STATE].id,
            "text": TEXT,
            "recommending_states": ["FRA", "LTU"],
            "paragraph": "121.1",
            **overrides,
        }
    )


def test_create_refuses_a_duplicate(session: Session, cycle_world):
    add_states(session)
    service.create_recommendation(session, _create(cycle_world))
    with pytest.raises(AlreadyExists) as error:
        service.create_recommendation(session, _create(cycle_world, paragraph="121.2"))
    assert error.value.field == "external_key"


def test_append_position_only_appends(session: Session, cycle_world):
    rec = cycle_world.cycle.recommendations[OWN_STATE]
    data = PositionCreate(position=PositionKind.noted, date=date(2024, 1, 1), source_document="A/HRC/55/1")
    first = positions.append_position(session, rec, data)
    assert positions.append_position(session, rec, data).id != first.id
    history = session.exec(select(Position).where(Position.recommendation_id == rec.id)).all()
    assert len(history) == 3
    assert rec.current_position is PositionKind.noted


def test_recompute_after_an_import_of_the_whole_history(session: Session, cycle_world):
    rec = cycle_world.cycle.recommendations[OWN_STATE]  # supported on 2020-03-01
    positions.append_position(session, rec, PositionCreate(position=PositionKind.pending, date=date(2019, 11, 11)))
    assert rec.current_position is PositionKind.supported
    positions.append_position(session, rec, PositionCreate(position=PositionKind.noted, date=date(2020, 3, 1)))
    assert rec.current_position is PositionKind.noted  # same day, recorded later
