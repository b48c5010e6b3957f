"""Inferred tags (api/classify/store.py, db_examples.py, tagging.py and what the API shows of them), on the
committed excerpt of the real files (tests/classify/fixtures) imported into the test database, with a
small model of the same excerpt (`SMALL` parameters: a few hundred texts cannot reach the real ones)."""

import copy
import csv
import io
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest
from sqlmodel import Session, col, select
from typer.testing import CliRunner

import api.cli
from api.classify import store
from api.classify.db_examples import examples_from_database, source_labels
from api.classify.examples import load_examples
from api.classify.model import Model, Params, train
from api.classify.tagging import TAG_FAMILIES, clear_inferred, tag
from api.cli import app
from api.imports.pipeline import run_import
from api.recommendations import service
from api.recommendations.export import CSV_TYPE
from api.recommendations.models import (
    ClassifierModel,
    Recommendation,
    RecommendationAffectedPerson,
    RecommendationTheme,
    TagOrigin,
)
from api.recommendations.schemas import RecommendationUpdate
from api.seed import seed_states
from api.taxonomy.models import Theme
from api.taxonomy.service import seed_sdg_targets

FIXTURE = Path(__file__).parent / "fixtures" / "data"
UPR_INFO = FIXTURE / "upr_info" / "upr_info_recommendations_excerpt.csv"
DIHR = sorted((FIXTURE / "dihr_sdg_explorer").glob("*.csv"))
SMALL = Params(min_positives=10, min_true_positives=3, validation_share=0.3, wilson_z=0.0)


@pytest.fixture(scope="module")
def model() -> Model:
    """Trained on the excerpt's files (not the database), so a test may import only part of it."""
    return train(load_examples(FIXTURE), seed=0, params=SMALL)


@pytest.fixture(scope="module")
def other_model() -> Model:
    return train(load_examples(FIXTURE), seed=1, params=SMALL)


@pytest.fixture
def reference(session: Session) -> None:
    seed_states(session)
    seed_sdg_targets(session)
    store.clear_cache()


def _import(session: Session, *paths: Path) -> None:
    for path in paths:
        run_import(session, path)
    session.flush()


def _links(session: Session, model: type[RecommendationTheme] | type[RecommendationAffectedPerson]) -> list:
    return list(session.exec(select(model)))


def _theme_codes(session: Session) -> dict[int, str]:
    return {tid: code for tid, code in session.exec(select(Theme.id, Theme.code)) if tid and code}


def _family(code: str) -> str:
    return "sdgs" if code.startswith("S") else "themes"


# ---- the model in the database --------------------------------------------------------------------------


def test_a_saved_model_comes_back_and_predicts_the_same(session, reference, model):
    assert store.current_model(session) is None
    store.save_model(session, model, trained_on=12)
    loaded = store.current_model(session)
    assert loaded is not None and loaded is not model and loaded.version == model.version
    texts = ["Abolish the death penalty.", "Protect the rights of persons with disabilities."]
    assert loaded.predict(texts) == model.predict(texts)
    row = session.get(ClassifierModel, model.version)
    assert row is not None and row.trained_on == 12 and row.summary is not None
    assert row.summary["themes"] and all(isinstance(v, float) for v in row.summary["themes"].values())


def test_the_current_model_is_unpickled_once_per_version(session, reference, model, other_model, monkeypatch):
    calls: list[int] = []
    real_loads = store.loads

    def counted(payload: bytes) -> Model:
        calls.append(1)
        return real_loads(payload)

    monkeypatch.setattr(store, "loads", counted)
    store.save_model(session, model)
    first = store.current_model(session)
    assert store.current_model(session) is first and len(calls) == 1  # cached: one cheap query, no unpickling
    store.save_model(session, other_model)  # newer: becomes current
    second = store.current_model(session)
    assert second is not None and second.version == other_model.version != model.version and len(calls) == 2


def test_a_model_of_other_library_versions_is_none_with_a_warning(session, reference, model, caplog):
    stale = copy.copy(model)
    stale.library_versions = {**model.library_versions, "scikit-learn": "0.0.1"}
    stale.version = "stale" + model.version[:11]
    store.save_model(session, stale)
    with caplog.at_level(logging.WARNING, logger="api.classify.store"):
        assert store.current_model(session) is None
    assert "retrain" in caplog.text and stale.version in caplog.text


# ---- examples from the database --------------------------------------------------------------------------


def test_examples_from_the_database_know_the_families_their_sources_tag(session, reference, model):
    _import(session, UPR_INFO, *DIHR)
    examples = examples_from_database(session)
    assert len(examples) > 300
    upr_only = [e for e in examples if e.themes is not None and e.sdgs is None]
    dihr_only = [e for e in examples if e.sdgs is not None and e.themes is None]
    assert upr_only and dihr_only
    assert all(e.groups is None and e.action in (1, 2, 3, 4, 5) for e in upr_only)
    assert all(e.action is None and e.groups is not None for e in dihr_only)
    assert {"D23", "F1"} <= {c for e in examples for c in e.themes or ()}
    # Inferred tags are never training data.
    tag(session, model)
    assert examples_from_database(session) == examples


# ---- tagging ----------------------------------------------------------------------------------------------


def test_only_families_without_source_labels_are_inferred(session, reference, model):
    _import(session, UPR_INFO, *DIHR)
    before = source_labels(session)
    report = tag(session, model)
    assert report.model_version == model.version and report.labels["themes"] > 50
    codes = _theme_codes(session)
    inferred = [r for r in _links(session, RecommendationTheme) if r.origin == TagOrigin.inferred]
    assert inferred and all(
        r.confidence and 0 < r.confidence <= 1 and r.model_version == model.version for r in inferred
    )
    for row in inferred:
        assert not before.get(row.recommendation_id, {}).get(_family(codes[row.theme_id])), "a source label was there"
    # DIHR-only records (SDG goals, no OHCHR theme) get OHCHR themes: a theme filter finds them.
    dihr_only = {rid for rid, fams in before.items() if fams.get("sdgs") and not fams.get("themes")}
    assert {r.recommendation_id for r in inferred if _family(codes[r.theme_id]) == "themes"} & dihr_only
    groups = [r for r in _links(session, RecommendationAffectedPerson) if r.origin == TagOrigin.inferred]
    assert all(not before.get(r.recommendation_id, {}).get("groups") for r in groups)
    assert report.with_theme <= report.with_text and report.theme_share > 0.9


def test_a_rerun_replaces_the_previous_models_rows(session, reference, model, other_model):
    _import(session, UPR_INFO, *DIHR)
    tag(session, model)
    first = len([r for r in _links(session, RecommendationTheme) if r.origin == TagOrigin.inferred])
    again = tag(session, model)
    assert again.labels["themes"] + again.labels["sdgs"] == first  # the same rows again, no duplicates
    report = tag(session, other_model)
    inferred = [r for r in _links(session, RecommendationTheme) if r.origin == TagOrigin.inferred]
    assert len(inferred) == report.labels["themes"] + report.labels["sdgs"]
    assert {r.model_version for r in inferred} == {other_model.version}
    actions = session.exec(
        select(Recommendation.action_category_model_version).where(
            col(Recommendation.action_category_origin) == TagOrigin.inferred
        )
    ).all()
    assert set(actions) <= {other_model.version}
    clear_inferred(session)
    assert not [r for r in _links(session, RecommendationTheme) if r.origin == TagOrigin.inferred]


def test_a_source_beats_a_guess_on_import(session, reference, model):
    """DIHR first: its records get inferred themes and action categories; UPR Info then brings its own
    themes and categories for the same recommendations, and the guesses of those families go."""
    _import(session, *DIHR)
    tag(session, model)
    codes = _theme_codes(session)
    guessed = {
        r.recommendation_id
        for r in _links(session, RecommendationTheme)
        if r.origin == TagOrigin.inferred and _family(codes[r.theme_id]) == "themes"
    }
    assert guessed
    _import(session, UPR_INFO)
    sourced = source_labels(session)
    now_sourced = {rid for rid in guessed if sourced.get(rid, {}).get("themes")}
    assert now_sourced, "the excerpt's UPR Info rows merge with DIHR's"
    for row in _links(session, RecommendationTheme):
        if row.recommendation_id in now_sourced and _family(codes[row.theme_id]) == "themes":
            assert row.origin == TagOrigin.source
    # Other records keep their guesses; the categories UPR Info gives are the source's now.
    assert guessed - now_sourced
    merged = [session.get(Recommendation, rid) for rid in now_sourced]
    assert all(r is not None and r.action_category_origin == TagOrigin.source for r in merged)
    assert all(r is not None and r.action_category_confidence is None for r in merged)


def test_a_source_beats_a_guess_through_the_api(session, reference, model):
    _import(session, *DIHR)
    tag(session, model)
    codes = _theme_codes(session)
    ids = {code: tid for tid, code in codes.items()}
    row = next(
        r
        for r in _links(session, RecommendationTheme)
        if r.origin == TagOrigin.inferred and _family(codes[r.theme_id]) == "themes"
    )
    rid, guessed = row.recommendation_id, row.theme_id
    recommendation = session.get(Recommendation, rid)
    assert recommendation is not None
    sdgs_before = {
        r.theme_id for r in _links(session, RecommendationTheme) if r.recommendation_id == rid and r.theme_id != guessed
    }
    keep = [t for t in sdgs_before if _family(codes[t]) == "sdgs"]
    service.update_recommendation(
        session, recommendation, RecommendationUpdate(themes=[guessed, ids["A1"], *keep], action_category=2)
    )
    rows = {r.theme_id: r for r in _links(session, RecommendationTheme) if r.recommendation_id == rid}
    assert rows[guessed].origin == TagOrigin.source and rows[guessed].confidence is None  # now the caller's
    assert rows[ids["A1"]].origin == TagOrigin.source
    assert not [r for r in rows.values() if r.origin == TagOrigin.inferred and _family(codes[r.theme_id]) == "themes"]
    assert recommendation.action_category_origin == TagOrigin.source


# ---- the API --------------------------------------------------------------------------------------------


def _guessed(session: Session) -> str:
    """An action category the small model inferred somewhere (it infers few)."""
    return str(
        session.exec(
            select(Recommendation.action_category).where(
                col(Recommendation.action_category_origin) == TagOrigin.inferred
            )
        ).first()
    )


async def _tagged(session: Session, model: Model) -> None:
    _import(session, UPR_INFO, *DIHR)
    tag(session, model)
    session.commit()


async def test_tag_origin_restricts_the_theme_group_and_action_filters(client, session, reference, model):
    await _tagged(session, model)

    async def ids(**params: str) -> set[int]:
        response = await client.get("/recommendations", params={**params, "limit": 500})
        assert response.status_code == 200, response.text
        return {item["id"] for item in response.json()["items"]}

    for param, value in (("theme", "D23"), ("affected_persons", "women"), ("action_category", _guessed(session))):
        anyone = await ids(**{param: value})
        source = await ids(**{param: value, "tag_origin": "source"})
        inferred = await ids(**{param: value, "tag_origin": "inferred"})
        assert source and inferred, param
        assert source | inferred == anyone and source < anyone and inferred < anyone, param
    bad = await client.get("/recommendations", params={"theme": "D23", "tag_origin": "guessed"})
    assert bad.status_code == 422 and "tag_origin" in bad.text


async def test_a_read_says_who_gave_each_tag(client, session, reference, model):
    await _tagged(session, model)
    body = (await client.get("/recommendations", params={"theme": "D23", "tag_origin": "inferred"})).json()
    item = body["items"][0]
    inferred = [t for t in item["themes"] if t["origin"] == "inferred"]
    assert inferred and all(0 < t["confidence"] <= 1 and t["model_version"] == model.version for t in inferred)
    assert all(
        t["confidence"] is None and t["model_version"] is None for t in item["themes"] if t["origin"] == "source"
    )
    assert [t["origin"] for t in item["themes"]] == sorted((t["origin"] for t in item["themes"]), key="source".__ne__)
    one = (await client.get(f"/recommendations/{item['id']}")).json()
    assert one["themes"] == item["themes"]
    sourced = (await client.get("/recommendations", params={"action_category": "5", "tag_origin": "source"})).json()
    assert {i["action_category_origin"] for i in sourced["items"]} == {"source"}
    assert {i["action_category_confidence"] for i in sourced["items"]} == {None}
    params = {"action_category": _guessed(session), "tag_origin": "inferred"}
    guessed = (await client.get("/recommendations", params=params)).json()
    assert guessed["items"] and all(
        i["action_category_origin"] == "inferred" and i["action_category_confidence"] for i in guessed["items"]
    )


async def test_the_export_says_which_tags_are_inferred(client, session, reference, model):
    await _tagged(session, model)
    response = await client.get("/recommendations", params={"theme": "D23"}, headers={"Accept": CSV_TYPE})
    rows = list(csv.DictReader(io.StringIO(response.text.lstrip("\ufeff"))))
    assert rows and any(r["themes_inferred"] for r in rows) and any(not r["themes_inferred"] for r in rows)
    for r in rows:
        assert set(filter(None, r["themes_inferred"].split("; "))) <= set(r["themes"].split("; "))
    assert {r["action_category_origin"] for r in rows} <= {"source", "inferred", ""}


# ---- the command ------------------------------------------------------------------------------------------


def test_the_command_without_retrain_uses_the_stored_model(session, reference, model, monkeypatch):
    @contextmanager
    def test_session(*, writes: bool = True) -> Iterator[Session]:
        yield session

    monkeypatch.setattr(api.cli, "_session", test_session)
    _import(session, UPR_INFO, *DIHR)
    refused = CliRunner().invoke(app, ["classify", "tag", "--no-retrain"])
    assert refused.exit_code == 1 and "no usable model" in refused.output
    store.save_model(session, model)
    result = CliRunner().invoke(app, ["classify", "tag", "--no-retrain"])
    assert result.exit_code == 0, result.output
    assert model.version in result.output and "have a theme" in result.output
    for family in TAG_FAMILIES:
        assert f"{family}:" in result.output
    inferred = session.exec(select(RecommendationTheme).where(col(RecommendationTheme.origin) == TagOrigin.inferred))
    assert {r.model_version for r in inferred} == {model.version}


def test_retraining_on_the_database_stores_a_model_and_tags(session, reference, monkeypatch):
    """`retag` is what the command runs; the excerpt needs the small parameters to learn anything."""
    from api.classify.tagging import retag

    _import(session, UPR_INFO, *DIHR)
    report = retag(session, retrain=True, params=SMALL)
    stored = store.current_model(session)
    assert stored is not None and stored.version == report.model_version
    assert report.labels["themes"] > 0
    assert replace(SMALL) == stored.params
