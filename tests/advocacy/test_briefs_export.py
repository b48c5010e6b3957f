"""GET /advocacy/briefs/{id}/export: the self-contained JSON document, and by `Accept` the one-page DOCX
(opened here with python-docx); how the DOCX answer is documented."""

import io

import docx
import httpx
from sqlmodel import Session, col, select

from api.advocacy.briefs.docx_export import DOCX_TYPE
from api.advocacy.models import ProposedRecommendation
from api.main import app
from api.settings import Settings
from tests.factories import OWN_STATE, World

SECOND_ASK = "Allocate EUR 2 million a year to Roma teaching assistants within two years."


def _add_ask(session: Session, brief_id: int) -> None:
    session.add(ProposedRecommendation(brief_id=brief_id, position=1, text=SECOND_ASK))
    session.flush()


async def test_the_docx_holds_the_three_sections_and_the_asks_numbered(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings, session: Session
) -> None:
    w = advocacy_world
    brief = w.advocacy.published[OWN_STATE]
    _add_ask(session, brief.id or 0)
    first_ask = session.get_one(ProposedRecommendation, _first_ask(session, brief.id or 0)).text
    response = await client.get(f"/advocacy/briefs/{brief.id}/export", headers={"Accept": DOCX_TYPE})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == DOCX_TYPE
    assert "attachment" in response.headers["content-disposition"]
    assert "Accept" in response.headers["vary"]
    document = docx.Document(io.BytesIO(response.content))
    paragraphs = [(p.style.name if p.style else "", p.text) for p in document.paragraphs]
    headings = [text for style, text in paragraphs if style == "Heading 1"]
    assert headings == ["Issues", "Questions", "Recommendations"]
    assert ("Title", brief.title) in paragraphs
    texts = [text for _, text in paragraphs]
    assert any("Slovenia" in t and "34th session" in t for t in texts)
    recommendations = texts[texts.index("Recommendations") + 1 :]
    numbered = [text for style, text in paragraphs if style == "List Number"]
    assert numbered == [first_ask, SECOND_ASK] and recommendations[:2] == numbered
    questions = texts[texts.index("Questions") + 1 : texts.index("Recommendations")]
    assert questions == brief.questions
    assert texts[texts.index("Issues") + 1] == brief.issues
    assert not any("confidential" in t for t in texts)  # published: no notice
    assert document.core_properties.author == "" and document.core_properties.title == brief.title
    for role in ("cso", "nhri"):
        assert w.org(role).name not in "\n".join(texts)


def _first_ask(session: Session, brief_id: int) -> int:
    found = session.exec(
        select(ProposedRecommendation.id)
        .where(ProposedRecommendation.brief_id == brief_id)
        .order_by(col(ProposedRecommendation.position))
    ).first()
    assert found is not None
    return found


async def test_a_drafts_docx_says_it_is_confidential(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings
) -> None:
    w = advocacy_world
    draft = w.advocacy.drafts[OWN_STATE]
    headers = w.headers("nhri", settings) | {"Accept": f"{DOCX_TYPE}, application/json;q=0.5"}
    response = await client.get(f"/advocacy/briefs/{draft.id}/export", headers=headers)
    assert response.headers["content-type"] == DOCX_TYPE
    texts = [p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs]
    assert "DRAFT – confidential to the coalition" in texts
    assert w.advocacy.asks[OWN_STATE].text in texts


async def test_the_json_export_needs_no_other_call(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings, session: Session
) -> None:
    w = advocacy_world
    brief = w.advocacy.published[OWN_STATE]
    _add_ask(session, brief.id or 0)
    response = await client.get(f"/advocacy/briefs/{brief.id}/export")
    assert response.status_code == 200 and response.headers["content-type"] == "application/json"
    body = response.json()
    assert body["format"] == "upr-tracker.brief/1" and body["title"] == brief.title
    assert body["state"] == {"code": OWN_STATE, "name": "Slovenia"}
    assert body["session"]["number"] == 34 and body["session"]["year"] == 2019
    assert body["coalition"] == w.advocacy.coalitions[OWN_STATE].name
    assert body["working_group"] == w.advocacy.working_groups[OWN_STATE].name
    assert [r["number"] for r in body["recommendations"]] == [1, 2]
    assert body["recommendations"][1]["text"] == SECOND_ASK
    smart = body["recommendations"][1]["smart"]
    assert smart["measurable"]["present"] and smart["time_bound"]["present"]
    assert smart["action"]["strength"] == "specific"
    # a JSON Accept, or none, gets the same document
    same = await client.get(f"/advocacy/briefs/{brief.id}/export", headers={"Accept": "application/json"})
    assert same.json() == body


def test_the_docx_answer_is_documented_as_binary() -> None:
    operation = app.openapi()["paths"]["/advocacy/briefs/{brief_id}/export"]["get"]
    content = operation["responses"]["200"]["content"]
    assert content[DOCX_TYPE]["schema"]["format"] == "binary"
    assert content["application/json"]["schema"]["$ref"].endswith("/BriefExport")
    assert operation["operationId"] == "briefs.export"
