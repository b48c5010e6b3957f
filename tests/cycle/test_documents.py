"""/reviews/{id}/documents: kinds, UN symbols, ISO 639-1 languages, URLs; addressed under their own review."""

import pytest

from api.cycle.models import DocumentKind, ReviewDocument
from tests.cycle.helpers import ids, problem
from tests.factories import OTHER_STATE, OWN_STATE


@pytest.fixture
def review(cycle_world):
    return cycle_world.cycle.reviews[OWN_STATE]


async def test_admin_creates_each_kind(client, cycle_world, settings, review):
    admin = cycle_world.headers("admin", settings)
    symbols = {
        "national_report": "A/HRC/WG.6/34/SVN/1",
        "un_compilation": "A/HRC/WG.6/34/SVN/2",
        "stakeholders_summary": "A/HRC/WG.6/34/SVN/3",
        "working_group_report": "A/HRC/43/15",
        "addendum": "A/HRC/43/15/Add.1",
        "mid_term_report": None,
    }
    assert set(symbols) == {k.value for k in DocumentKind}
    for kind, symbol in symbols.items():
        response = await client.post(
            f"/reviews/{review.id}/documents",
            headers=admin,
            json={
                "kind": kind,
                "symbol": symbol,
                "languages": ["EN", "fr", "en"],
                "url": "https://documents.un.org/doc/undoc/gen/g20/003/67/pdf/g2000367.pdf",
                "published_on": "2019-12-16",
            },
        )
        assert response.status_code == 201, response.text
        body = response.json()
        assert body["kind"] == kind and body["symbol"] == symbol and body["review_id"] == review.id
        assert body["languages"] == ["en", "fr"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"symbol": "A/HRC/43/"}, "symbol"),
        ({"symbol": "a/hrc/43/15"}, "symbol"),
        ({"symbol": "A HRC 43 15"}, "symbol"),
        ({"languages": ["xx"]}, "languages.0"),
        ({"languages": ["en", "english"]}, "languages.1"),
        ({"kind": "press_release"}, "kind"),
        ({"url": "javascript:alert(1)"}, "url"),
        ({"url": "documents.un.org/x"}, "url"),
    ],
)
async def test_invalid_fields_are_422_naming_them(client, cycle_world, settings, review, change, field):
    body = {"kind": "addendum", "symbol": "A/HRC/43/15/Add.1", "languages": ["en"], **change}
    problem(
        await client.post(f"/reviews/{review.id}/documents", headers=cycle_world.headers("admin", settings), json=body),
        422,
        field,
    )


async def test_list_filter_and_get(client, cycle_world, session, review):
    addendum = ReviewDocument(review_id=review.id, kind=DocumentKind.addendum, symbol="A/HRC/43/15/Add.1")
    session.add(addendum)
    session.flush()
    report = cycle_world.cycle.documents[OWN_STATE]
    everything = await client.get(f"/reviews/{review.id}/documents")
    assert ids(everything) == [report.id, addendum.id]  # the other review's document is not listed
    assert ids(await client.get(f"/reviews/{review.id}/documents?kind=addendum")) == [addendum.id]
    assert ids(await client.get(f"/reviews/{review.id}/documents?kind=mid_term_report")) == []
    one = await client.get(f"/reviews/{review.id}/documents/{report.id}")
    assert one.status_code == 200 and one.headers["etag"]
    assert one.json() == {
        "id": report.id,
        "review_id": review.id,
        "kind": "working_group_report",
        "symbol": "A/HRC/43/15",
        "languages": ["en"],
        "url": None,
        "published_on": None,
    }


async def test_404s(client, cycle_world, settings, review):
    other_document = cycle_world.cycle.documents[OTHER_STATE]
    admin = cycle_world.headers("admin", settings)
    problem(await client.get(f"/reviews/{review.id}/documents/{other_document.id}"), 404)
    problem(await client.get(f"/reviews/{review.id}/documents/987654"), 404)
    problem(await client.get("/reviews/987654/documents"), 404, detail="Review 987654")
    problem(await client.post("/reviews/987654/documents", headers=admin, json={"kind": "addendum"}), 404)
    problem(
        await client.patch(
            f"/reviews/{review.id}/documents/{other_document.id}", headers=admin, json={"languages": ["fr"]}
        ),
        404,
    )
    problem(await client.delete(f"/reviews/{review.id}/documents/{other_document.id}", headers=admin), 404)


async def test_patch_and_delete(client, cycle_world, settings, review):
    document = cycle_world.cycle.documents[OWN_STATE]
    admin = cycle_world.headers("admin", settings)
    url = f"/reviews/{review.id}/documents/{document.id}"
    response = await client.patch(url, headers=admin, json={"languages": ["en", "FR", "es"], "url": "https://x.org/a"})
    assert response.status_code == 200, response.text
    assert response.json()["languages"] == ["en", "fr", "es"] and response.json()["symbol"] == "A/HRC/43/15"
    problem(await client.patch(url, headers=admin, json={"symbol": "not a symbol"}), 422, "symbol")
    problem(await client.patch(url, headers=admin, json={"kind": None}), 422, "kind")
    problem(await client.patch(url, headers=cycle_world.headers("cso", settings), json={"url": None}), 403)
    etag = (await client.get(url)).headers["etag"]
    assert (await client.patch(url, headers={**admin, "If-Match": etag}, json={"symbol": None})).status_code == 200
    problem(await client.patch(url, headers={**admin, "If-Match": etag}, json={"url": None}), 412)
    assert (await client.delete(url, headers=admin)).status_code == 204
    problem(await client.get(url), 404)
