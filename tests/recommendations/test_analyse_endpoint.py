"""`POST /recommendations/analyse`: public, validated (422 naming the field), nothing stored but the rate
counter, the classifier's guesses when a model is given (a tiny one trained on the classifier's committed
excerpt, injected through `get_classifier`) or stored (`api.classify.store`), and its route before
`/recommendations/{recommendation_id}`."""

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, text
from sqlmodel import Session, select

from api.classify import store
from api.classify.examples import load_examples
from api.classify.model import Model, Params, train
from api.derived import refresh_now
from api.main import app
from api.models import metadata
from api.ratelimit.deps import current_time
from api.ratelimit.models import RateLimitWindow
from api.recommendations.analyse_router import get_classifier
from api.recommendations.analyse_schemas import MAX_ANALYSED_CHARS
from api.recommendations.analyse_service import ENGLISH_ONLY, analyse_draft
from api.settings import Settings, get_settings
from api.taxonomy.models import Theme
from api.taxonomy.vocabulary import vocabulary
from tests.helpers import assert_problem
from tests.matrix.routes import iter_routes

PATH = "/recommendations/analyse"
CLASSIFIER_DATA = Path(__file__).parents[1] / "classify" / "fixtures" / "data"
# As tests/classify: a few hundred examples cannot make a Wilson bound reach 0.85, so the plain precision.
SMALL = Params(min_positives=10, min_true_positives=3, validation_share=0.3, wilson_z=0.0)
DEATH_PENALTY = "Abolish the death penalty and commute all death sentences to terms of imprisonment."
DRAFT = "  Consider ratifying the Optional Protocol to the Convention against Torture.  "
NOW = datetime(2026, 11, 30, 12, 0, 10, tzinfo=UTC)


@pytest.fixture(scope="module")
def model() -> Model:
    return train(load_examples(CLASSIFIER_DATA), seed=0, params=SMALL)


@pytest.fixture
def fixed_clock(client: httpx.AsyncClient) -> Iterator[None]:
    app.dependency_overrides[current_time] = lambda: NOW
    yield


def row_counts(session: Session) -> dict[str, int]:
    refresh_now(session)  # what the world's writes derive is built first: only the request's own writes count
    return {
        name: session.execute(text(f'SELECT COUNT(*) FROM "{name}"')).scalar_one()
        for name in metadata.tables
        if name != RateLimitWindow.__tablename__
    }


async def test_anyone_gets_the_signals_and_no_model_means_no_guesses(
    client: httpx.AsyncClient, session: Session, fixed_clock: None
):
    app.dependency_overrides[get_classifier] = lambda: None
    before = row_counts(session)
    response = await client.post(PATH, json={"text": DRAFT})  # no token
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["text"] == DRAFT.strip() and body["language"] == "en"
    assert body["action"] == {
        "present": True,
        "strength": "weak",
        "evidence": [{"text": "Consider", "start": 0, "end": 8}],
    }
    evidence = [e for key in ("action", "measurable", "time_bound", "addressee") for e in body[key]["evidence"]]
    assert all(body["text"][e["start"] : e["end"]] == e["text"] for e in evidence)
    assert [e["text"] for e in body["measurable"]["evidence"]] == [
        "Optional Protocol to the Convention against Torture"
    ]
    assert body["time_bound"] == {"present": False, "evidence": []}
    assert body["addressee"]["present"] is False and body["addressee"]["to_state_under_review"] is True
    assert body["smart_score"] == 1
    assert any("time frame" in s for s in body["suggestions"]) and body["notes"] == []
    assert body["model"] is None and body["action_category"] is None
    assert body["themes"] == [] and body["affected_persons"] == []
    # Nothing stored: not the text, not an audit row; only the rate counter moved.
    assert row_counts(session) == before
    windows = session.exec(select(RateLimitWindow)).all()
    assert [(w.key, w.count) for w in windows] == [("analyse:127.0.0.1", 1)]


async def test_a_given_model_adds_category_themes_and_groups_named_as_the_database_names_them(
    client: httpx.AsyncClient, session: Session, model: Model, fixed_clock: None
):
    app.dependency_overrides[get_classifier] = lambda: model
    session.add(Theme(code="D23", name="Capital punishment (as renamed here)"))
    response = await client.post(PATH, json={"text": DEATH_PENALTY})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["model"] == {"version": model.version}
    assert body["action_category"]["category"] == 5
    assert body["action_category"]["name"] == "Specific action"
    assert 0 < body["action_category"]["confidence"] <= 1
    themes = {t["code"]: t["name"] for t in body["themes"]}
    assert themes["D23"] == "Capital punishment (as renamed here)"  # the database's name wins
    others = [code for code in themes if code != "D23"]
    assert others and all(themes[c] == vocabulary().themes[c].name for c in others)  # else the vocabulary's
    confidences = [t["confidence"] for t in body["themes"]]
    assert confidences == sorted(confidences, reverse=True)
    assert body["action"]["strength"] == "specific" and body["smart_score"] >= 2


def test_the_service_takes_its_model_as_an_argument(session: Session, model: Model):
    women = "Take measures to combat violence against women and girls."
    without = analyse_draft(session, women, "en", None)
    assert without.model is None and without.themes == [] and without.affected_persons == []
    guessed = analyse_draft(session, women, "en", model)
    assert "women" in [g.code for g in guessed.affected_persons]
    assert guessed.smart_score == without.smart_score  # the signals do not depend on the model
    french = analyse_draft(session, "Abroger d'ici 2027 l'article 4 du Code pénal.", "fr", None)
    assert french.notes == [ENGLISH_ONLY] and french.language == "fr"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"text": ""}, "text"),
        ({"text": " \n\t "}, "text"),
        ({"text": "a" * (MAX_ANALYSED_CHARS + 1)}, "text"),
        ({"text": "Ratify\x00 the OPCAT"}, "text"),
        ({}, "text"),
        ({"text": 42}, "text"),
        ({"text": "Ratify the OPCAT", "language": "en us"}, "language"),
    ],
)
async def test_bad_input_is_a_422_naming_the_field(
    client: httpx.AsyncClient, session: Session, body: dict, field: str, fixed_clock: None
):
    app.dependency_overrides[get_classifier] = lambda: None
    before = row_counts(session)
    response = await client.post(PATH, json=body)
    problem = assert_problem(response, 422, "validation-error", field)
    assert problem["field"] == field
    assert row_counts(session) == before


async def test_the_longest_text_after_stripping_is_accepted(client: httpx.AsyncClient, fixed_clock: None):
    app.dependency_overrides[get_classifier] = lambda: None
    text = "Ratify the OPCAT. " + "x" * (MAX_ANALYSED_CHARS - len("Ratify the OPCAT. "))
    response = await client.post(PATH, json={"text": f"   {text}   "})
    assert response.status_code == 200, response.text
    assert response.json()["text"] == text


async def test_analyse_is_not_read_as_a_recommendation_id(client: httpx.AsyncClient, fixed_clock: None):
    paths = [path for path, _ in iter_routes(app)]
    assert paths.index(PATH) < paths.index("/recommendations/{recommendation_id}")
    app.dependency_overrides[get_classifier] = lambda: None
    assert (await client.post(PATH, json={"text": DEATH_PENALTY})).status_code == 200
    # The id routes take digits only, so a GET or a PATCH here is a method the path lacks, not an id.
    for method in ("GET", "PATCH", "DELETE"):
        response = await client.request(method, PATH)
        assert response.status_code == 405, response.text
        assert response.headers["allow"] == "POST"


async def test_the_stored_model_is_used_when_there_is_one(
    client: httpx.AsyncClient, session: Session, model: Model, fixed_clock: None
):
    store.clear_cache()
    assert (await client.post(PATH, json={"text": DEATH_PENALTY})).json()["model"] is None  # none stored yet
    store.save_model(session, model, trained_on=429)
    try:
        body = (await client.post(PATH, json={"text": DEATH_PENALTY})).json()
    finally:
        store.clear_cache()
    assert body["model"] == {"version": model.version}
    assert body["action_category"]["category"] == 5


@pytest.fixture
async def other_client(client: httpx.AsyncClient) -> AsyncIterator[httpx.AsyncClient]:
    """Another caller (another address), on the same app and overrides as `client`."""
    transport = httpx.ASGITransport(app=app, client=("203.0.113.7", 4321))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as other:
        yield other


async def test_over_the_limit_is_a_429_with_retry_after_per_client_and_window(
    client: httpx.AsyncClient, other_client: httpx.AsyncClient, session: Session, settings: Settings
):
    clock = {"now": NOW}  # 10 s into its minute
    app.dependency_overrides[current_time] = lambda: clock["now"]
    app.dependency_overrides[get_classifier] = lambda: None
    limited = settings.model_copy(update={"analyse_rate_limit_per_minute": 3})
    app.dependency_overrides[get_settings] = lambda: limited
    body = {"text": DEATH_PENALTY}
    assert (await client.post(PATH, json={"text": ""})).status_code == 422  # a refused request counts too
    for _ in range(2):
        assert (await client.post(PATH, json=body)).status_code == 200
    refused = await client.post(PATH, json=body)
    assert_problem(refused, 429, "rate-limited", "More than 3 requests in 60 s")
    assert refused.headers["retry-after"] == "50"
    assert (await other_client.post(PATH, json=body)).status_code == 200  # another client has its own count
    clock["now"] = NOW.replace(second=59)
    assert (await client.post(PATH, json=body)).headers["retry-after"] == "1"
    clock["now"] = NOW.replace(minute=1, second=0)  # a new window
    assert (await client.post(PATH, json=body)).status_code == 200
    # The new window's first request forgot the old windows.
    windows = {w.key: (w.window_start, w.count) for w in session.exec(select(RateLimitWindow)).all()}
    assert windows == {"analyse:127.0.0.1": (NOW.replace(minute=1, second=0), 1)}
    assert session.exec(select(func.count()).select_from(RateLimitWindow)).one() == 1
