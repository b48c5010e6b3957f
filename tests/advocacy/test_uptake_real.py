"""Uptake on a real review: Slovenia's 2019 review (session 34, A/HRC/43/15), the whole OHCHR thematic
list imported through the importer (`run_import`), and asks a coalition could have written from the
themes of its stakeholder submissions (Roma, hate speech, the Ombudsman as NHRI, the "erased", …),
paraphrased rather than copied. Each ask's first suggestion is the real recommendation that carries
it; a confirmed one shows in the reports with its recommending states and positions.

Runs whenever ../shared/data is there (as in CI), as the importer's own whole-file tests do.
"""

from pathlib import Path

import httpx
from sqlmodel import Session, col, select

from api.advocacy.models import BriefStatus, BriefTarget, ProposedRecommendation
from api.recommendations.models import Recommendation
from api.settings import Settings
from tests.advocacy_factories import create_brief
from tests.factories import OWN_STATE, World

DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "ohchr_matrices"
SLOVENIA_2019 = DATA / "slovenia_upr34_2019_thematic_list.csv"

# Each ask, and the paragraph(s) of the recommendation(s) that carry it: the first is expected at the top.
ASKS: dict[str, tuple[str, ...]] = {
    "Put an end to the segregation of Roma children in schools and fund their inclusion in preschool "
    "and mainstream education": ("122.142",),
    "Guarantee safe drinking water and sanitation for Roma families living in informal settlements": ("122.139",),
    "Amend the public finance legislation so that the Human Rights Ombudsman is independent of the Government": (
        "122.13",
    ),
    "Enact comprehensive legislation against hate speech on social media": ("122.43",),
    "Let the erased persons recover their permanent residence through a swift and accessible procedure": ("122.155",),
    "Base the definition of rape in the Criminal Code on the lack of consent": (
        "121.38",
        "121.33",
        "122.106",
        "122.107",
    ),
    "Raise the national human rights institution to A status under the Paris Principles and ensure its independence": (
        "121.4",
    ),
}

if SLOVENIA_2019.is_file():
    from api.imports.pipeline import run_import
    from api.seed import seed_states

    async def test_whole_slovenia_2019_review_uptake(
        client: httpx.AsyncClient, advocacy_world: World, settings: Settings, session: Session
    ) -> None:
        review = advocacy_world.cycle.reviews[OWN_STATE]
        seed_states(session)
        report = run_import(session, SLOVENIA_2019)
        assert report.rejected_count == 0
        real = {
            r.id: r
            for r in session.exec(
                select(Recommendation).where(
                    Recommendation.review_id == review.id, col(Recommendation.source_document).is_not(None)
                )
            )
        }
        assert sum(1 for r in real.values() if r.paragraph and r.paragraph.startswith("12")) >= 219
        built = advocacy_world.advocacy
        brief = create_brief(
            session,
            built.working_groups[OWN_STATE],
            review,
            title="Equality, Roma and the Ombudsman",
            status=BriefStatus.published,  # published: its uptake stays the coalition's all the same
            asks=tuple(ASKS),
        )
        session.add(BriefTarget(brief_id=brief.id or 0, state_code="GHA", reason="Raised hate speech before"))
        session.flush()
        cso = advocacy_world.headers("cso", settings)

        r = await client.post(f"/advocacy/briefs/{brief.id}/uptake-suggestions", headers=cso)
        assert r.status_code == 200, r.text
        matches = r.json()["matches"]
        by_ask: dict[str, list[dict]] = {}
        for m in matches:
            by_ask.setdefault(m["proposed_recommendation_text"], []).append(m)
        for ask, paragraphs in ASKS.items():
            suggested = by_ask[ask]
            assert suggested[0]["recommendation_paragraph"] == paragraphs[0], (ask, suggested[:3])
            assert set(paragraphs) <= {m["recommendation_paragraph"] for m in suggested}, ask
            assert all(m["status"] == "suggested" and m["similarity"] >= 0.2 for m in suggested)
            assert [m["similarity"] for m in suggested] == sorted((m["similarity"] for m in suggested), reverse=True)

        # Confirm the hate-speech ask's top suggestion (Ghana's 122.43) and the Ombudsman's (Denmark's, noted).
        hate = by_ask["Enact comprehensive legislation against hate speech on social media"][0]
        ombudsman = by_ask[
            "Amend the public finance legislation so that the Human Rights Ombudsman is independent of the Government"
        ][0]
        for m in (hate, ombudsman):
            decided = await client.patch(
                f"/advocacy/uptake-matches/{m['id']}", headers=cso | {"If-Match": "*"}, json={"status": "confirmed"}
            )
            assert decided.status_code == 200, decided.text
        assert hate["recommending_states"] == ["GHA"] and hate["current_position"] == "supported"
        assert ombudsman["recommending_states"] == ["DNK"] and ombudsman["current_position"] == "noted"

        uptake = (await client.get(f"/advocacy/briefs/{brief.id}/uptake", headers=cso)).json()
        taken = {a["text"]: a for a in uptake["asks"] if a["taken_up"]}
        assert set(taken) == {hate["proposed_recommendation_text"], ombudsman["proposed_recommendation_text"]}
        assert taken[hate["proposed_recommendation_text"]]["states"] == [{"state_code": "GHA", "targeted": True}]
        (carrier,) = taken[hate["proposed_recommendation_text"]]["recommendations"]
        assert (carrier["paragraph"], carrier["current_position"]) == ("122.43", "supported")
        assert taken[ombudsman["proposed_recommendation_text"]]["states"] == [{"state_code": "DNK", "targeted": False}]
        assert uptake["totals"]["taken_up"] == 2 and uptake["totals"]["by_position"] == {"noted": 1, "supported": 1}
        assert uptake["totals"]["targeted_states_taking_up"] == 1

        params = {"coalition": built.coalitions[OWN_STATE].id, "review": review.id}
        by_state = (await client.get("/advocacy/uptake/by-state", headers=cso, params=params)).json()
        states = {s["state_code"]: s for s in by_state["states"]}
        assert states["GHA"]["targeted"] is True and states["GHA"]["by_position"] == {"supported": 1}
        assert states["DNK"]["targeted"] is False and states["DNK"]["by_position"] == {"noted": 1}
        assert [a["proposed_recommendation_id"] for a in states["GHA"]["asks"]] == [hate["proposed_recommendation_id"]]

        # The review's outcome is adopted: nothing the coalition matched is pending any more.
        window = (await client.get("/advocacy/adoption-window", headers=cso, params=params)).json()
        (entry,) = [b for b in window["briefs"] if b["brief_id"] == brief.id]
        assert {(r["paragraph"], r["current_position"], r["pending"]) for r in entry["recommendations"]} == {
            ("122.43", "supported", False),
            ("122.13", "noted", False),
        }
        assert entry["pending"] == 0
        wide = (
            await client.get("/advocacy/adoption-window", headers=cso, params=params | {"include_suggested": "true"})
        ).json()
        (entry,) = [b for b in wide["briefs"] if b["brief_id"] == brief.id]
        assert len(entry["recommendations"]) > 2
        ask_ids = set(
            session.exec(select(ProposedRecommendation.id).where(ProposedRecommendation.brief_id == brief.id))
        )
        assert {a for r in entry["recommendations"] for a in r["asks"]} <= ask_ids
