"""The service functions importers call without HTTP: external keys, upsert, idempotent positions."""

from datetime import date

import pytest
from sqlmodel import Session, select

from api.errors import Conflict, InvalidInput
from api.recommendations import positions, service
from api.recommendations.models import Position, PositionCreate, PositionKind, RecommendationCreate
from tests.factories import OWN_STATE
from tests.recommendations.catalogue import add_states

TEXT = "Ratify the International Convention for the Protection of All Persons from Enforced Disappearance"


def test_normalise_text():
    assert service.normalise_text("  Ratify\tthe  Convention.\n") == "ratify the convention"
    assert service.normalise_text("Ratify the Convention;.") == "ratify the convention"
    assert service.normalise_text("Ratify (No. 29)") == "ratify (no. 29"
    assert service.normalise_text("...") == ""


def test_derived_key_is_stable_and_specific():
    key = service.derive_external_key("SVN", 3, TEXT)
    assert key.startswith("SVN:c3:") and len(key) <= 128
    assert service.derive_external_key("SVN", 3, TEXT.upper() + ".") == key
    assert service.derive_external_key("SVN", 3, TEXT.replace(" ", "   ")) == key
    assert service.derive_external_key("SVN", 2, TEXT) != key
    assert service.derive_external_key("HRV", 3, TEXT) != key
    assert service.derive_external_key("SVN", 3, TEXT + " and its Optional Protocol") != key


def _create(world, **overrides) -> RecommendationCreate:
    return RecommendationCreate(**{"review_id": world.cycle["reviews"][OWN_STATE].id, "text": TEXT,
                                   "recommending_states": ["FRA", "LTU"], "paragraph": "121.1", **overrides})


def test_upsert_creates_then_overwrites(session: Session, cycle_world):
    add_states(session)
    rec, created = service.upsert_recommendation(session, _create(cycle_world, themes=[cycle_world.cycle["theme"].id]))
    assert created and rec.external_key.startswith("SVN:c3:")
    again, created = service.upsert_recommendation(session, _create(cycle_world, recommending_states=["LTU"],
                                                                    text=TEXT + ".", action_category=5))
    assert not created and again.id == rec.id and again.action_category == 5
    read = service.read_recommendation(session, again)
    assert [s.code for s in read.recommending_states] == ["LTU"]
    assert read.themes == []  # a re-import replaces every field, lists included


def test_upsert_by_explicit_key(session: Session, cycle_world):
    add_states(session)
    rec, created = service.upsert_recommendation(session, _create(cycle_world, external_key="upr-info:1"))
    assert created and rec.external_key == "upr-info:1"
    other_review = cycle_world.cycle["reviews"]["HRV"].id
    moved, created = service.upsert_recommendation(session, _create(cycle_world, external_key="upr-info:1",
                                                                    review_id=other_review))
    assert not created and moved.review_id == other_review
    with pytest.raises(InvalidInput) as error:
        service.upsert_recommendation(session, _create(cycle_world, external_key="upr-info:1", review_id=987654))
    assert error.value.field == "review_id"


def test_create_refuses_a_duplicate(session: Session, cycle_world):
    add_states(session)
    service.create_recommendation(session, _create(cycle_world))
    with pytest.raises(Conflict) as error:
        service.create_recommendation(session, _create(cycle_world, paragraph="121.2"))
    assert error.value.field == "external_key"


def test_append_position_can_skip_a_repeat(session: Session, cycle_world):
    rec = cycle_world.cycle["recommendations"][OWN_STATE]
    data = PositionCreate(position=PositionKind.noted, date=date(2024, 1, 1), source_document="A/HRC/55/1")
    first = positions.append_position(session, rec, data, skip_duplicate=True)
    assert positions.append_position(session, rec, data, skip_duplicate=True).id == first.id
    assert positions.append_position(session, rec, data).id != first.id
    history = session.exec(select(Position).where(Position.recommendation_id == rec.id)).all()
    assert len(history) == 3
    assert rec.current_position is PositionKind.noted


def test_recompute_after_an_import_of_the_whole_history(session: Session, cycle_world):
    rec = cycle_world.cycle["recommendations"][OWN_STATE]  # supported on 2020-03-01
    positions.append_position(session, rec, PositionCreate(position=PositionKind.pending, date=date(2019, 11, 11)))
    assert rec.current_position is PositionKind.supported
    positions.append_position(session, rec, PositionCreate(position=PositionKind.noted, date=date(2020, 3, 1)))
    assert rec.current_position is PositionKind.noted  # same day, recorded later
