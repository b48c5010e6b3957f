"""Search answers alike on SQLite (FTS5) and PostgreSQL (stored tsvector + GIN), issue 15.

The suite runs on either engine (`TEST_DATABASE_URL`); every test here asserts the expected
recommendations by name, so a run on each engine proves the two equal: symbols cut into words the
same way (`A/HRC/43/15`, `16.10`), accents folded on texts and queries, the same stemmer, and a
text searchable however it was written (ORM, Core bulk insert, Core update) without a Python step.
"""

import datetime as dt

import httpx
import pytest
from sqlalchemy import insert, update
from sqlmodel import Session, col, select

from api.cycle.models import Review
from api.recommendations import search
from api.recommendations.models import Recommendation
from tests.cycle_factories import create_recommendation, create_review
from tests.factories import create_state

TEXTS = {
    "sdg": "Implement target 16.10 of the Sustainable Development Goals on access to information",
    "paragraphs": "Apply paragraphs 10 and 16 of the resolution",
    "goals": "Reach 16 of the 17 goals by 2010",
    "report": "Follow up on the report A/HRC/43/15 of the Working Group",
    "other_report": "Take note of document A/HRC/43/16",
    "ivoire": "Strengthen cooperation with Côte d'Ivoire on migration",
    "ivoire_typeset": "Sign an agreement with COTE D\u2019IVOIRE",  # no accent, a typographic apostrophe
    "coast": "Protect the coast from erosion",
    "non_discrimination": "Adopt a comprehensive non-discrimination law",
    "discriminating": "Stop discriminating against migrants in access to housing",
    "women": "Protect women's rights and end violence against women",
    "defenders": "Support Women Human Rights Defenders",
    "woman": "Appoint a woman ombudsperson",
}

# Each query with the recommendations it must find, on both engines.
EXPECTED = {
    "16.10": {"sdg", "paragraphs"},  # every word required, in any order: `16 10` alike
    "16 10": {"sdg", "paragraphs"},
    "A/HRC/43/15": {"report"},  # `a` is a stop word; hrc, 43 and 15 must all occur
    "a/hrc/43/16": {"other_report"},
    "HRC 43": {"report", "other_report"},
    "Côte d'Ivoire": {"ivoire", "ivoire_typeset"},
    "cote d ivoire": {"ivoire", "ivoire_typeset"},
    "CÔTE D\u2019IVOIRE": {"ivoire", "ivoire_typeset"},
    "Côte": {"ivoire", "ivoire_typeset"},
    "cote": {"ivoire", "ivoire_typeset"},
    "Co\u0302te": {"ivoire", "ivoire_typeset"},  # a combining accent folds too, never cuts the word
    "coast": {"coast"},
    "non-discrimination": {"non_discrimination"},
    "non discrimination": {"non_discrimination"},
    "discriminating": {"non_discrimination", "discriminating"},
    "discrimination": {"non_discrimination", "discriminating"},
    "women's": {"women", "defenders"},
    "women": {"women", "defenders"},
    "woman": {"woman"},  # Porter keeps woman and women apart, on both engines
    "human rights defenders": {"defenders"},
    "rights women defender": {"defenders"},
}


@pytest.fixture
def texts(session: Session) -> dict[int, str]:
    """The fixture texts, recorded through the ORM as the API does: id → name."""
    create_state(session, "SVN")
    review = create_review(session, "SVN", 34)
    ids = {}
    for n, (name, body) in enumerate(TEXTS.items()):
        rec = create_recommendation(session, review, body, paragraph=f"140.{n}", external_key=f"engines:{name}")
        assert rec.id is not None
        ids[rec.id] = name
    return ids


@pytest.mark.parametrize("q", list(EXPECTED))
async def test_tricky_queries_find_the_same_rows_on_both_engines(
    client: httpx.AsyncClient, texts: dict[int, str], q: str
) -> None:
    response = await client.get("/recommendations", params={"q": q, "limit": 100})
    assert response.status_code == 200, response.text
    body = response.json()
    assert {texts[item["id"]] for item in body["items"]} == EXPECTED[q]
    assert body["total"] == len(EXPECTED[q])


def test_the_query_is_cut_like_the_texts() -> None:
    assert search.search_terms("A/HRC/43/15") == ["hrc", "43", "15"]
    assert search.search_terms("16.10") == ["16", "10"]
    assert search.search_terms("Côte d'Ivoire") == ["cote", "d", "ivoire"]
    assert search.search_terms("co\u0302te d\u2019ivoire") == ["cote", "d", "ivoire"]
    assert search.search_terms("non-discrimination") == ["non", "discrimination"]
    assert search.search_terms("women's") == ["women"]  # `s` is a stop word on both engines
    assert search.search_terms("Hauptstraße") == ["hauptstraße"]  # not a letter plus an accent: kept


def _found(session: Session, q: str, among: list[int]) -> set[int]:
    among_ids = select(Recommendation.id).where(col(Recommendation.id).in_(among))
    matching, _rank = search.apply_search(session, among_ids, search.searched_terms(q))
    return set(session.connection().execute(matching).scalars())


def test_a_core_bulk_insert_and_update_are_searchable_without_python(session: Session) -> None:
    """As the importers write: `session.execute(insert(Recommendation), rows)`, no model objects,
    no hook; the database itself (FTS5's triggers, PostgreSQL's trigger) indexes the texts."""
    create_state(session, "HRV")
    review = create_review(session, "HRV", 34)
    assert isinstance(review, Review) and review.id is not None
    now = dt.datetime.now(dt.UTC)
    rows = [
        {
            "review_id": review.id,
            "text": body,
            "paragraph": f"150.{n}",
            "external_key": f"bulk:{n}",
            "created_at": now,
            "updated_at": now,
        }
        for n, body in enumerate(
            ["Ratify the Optional Protocol A/HRC/43/15", "Implement SDG target 16.10", "Cooperate with Côte d’Ivoire"]
        )
    ]
    session.execute(insert(Recommendation), rows)
    ids = {
        r.external_key: r.id
        for r in session.exec(select(Recommendation).where(col(Recommendation.external_key).startswith("bulk:")))
    }
    assert len(ids) == 3
    among = [i for i in ids.values() if i is not None]
    assert _found(session, "a/hrc/43/15", among) == {ids["bulk:0"]}
    assert _found(session, "16.10", among) == {ids["bulk:1"]}
    assert _found(session, "cote d'ivoire", among) == {ids["bulk:2"]}

    session.execute(
        update(Recommendation)
        .where(col(Recommendation.external_key) == "bulk:1")
        .values(text="Implement the plan on discriminating practices")
    )
    assert _found(session, "16.10", among) == set()
    assert _found(session, "discrimination", among) == {ids["bulk:1"]}


def test_search_reads_the_index_and_parses_no_text(session: Session, texts: dict[int, str]) -> None:
    """PostgreSQL: the match is a GIN index scan on the stored vector, and neither the match nor the
    rank parses a text (no `to_tsvector` anywhere in the plan). SQLite: the FTS5 table answers."""
    stmt, rank = search.apply_search(session, select(Recommendation.id), search.searched_terms("discriminating"))
    stmt = stmt.add_columns(rank).order_by(rank.desc()).limit(10)
    sql = str(stmt.compile(dialect=session.get_bind().dialect, compile_kwargs={"literal_binds": True}))
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql("SET LOCAL enable_seqscan = off")
        plan = "\n".join(row[0] for row in connection.exec_driver_sql("EXPLAIN (VERBOSE) " + sql))
        assert "Bitmap Index Scan on ix_recommendation_text_search" in plan, plan
        assert "search_vector" in plan and "to_tsvector" not in plan, plan
    else:
        plan = "\n".join(str(row[-1]) for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
        assert "recommendation_fts VIRTUAL TABLE" in plan, plan
    found = connection.exec_driver_sql(sql).all()
    assert {texts[row[0]] for row in found} == {"non_discrimination", "discriminating"}
