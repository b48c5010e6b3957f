"""The vocabulary in the API: a theme or group named by id, code, name or a source's label (any case) is one
entry and includes everything under it, in `/recommendations`, its export and `/champions`; `/themes` and
`/affected-persons` show the hierarchy, the synonyms and the counts."""

import csv
import io
from dataclasses import dataclass, field

import pytest
from sqlalchemy import event
from sqlmodel import Session, select

from api.recommendations import export
from api.recommendations.models import Recommendation
from api.taxonomy.models import AffectedPerson, AffectedPersonSynonym, Theme, ThemeSynonym
from api.taxonomy.vocabulary_service import seed_vocabulary
from tests.cycle_factories import create_recommendation, create_review, create_theme
from tests.helpers import assert_problem
from tests.recommendations.catalogue import add_states


@dataclass
class Tree:
    """D (Civil and political rights) > D2 (Right to life…) > D23 (Death penalty), beside E; women > girls.

    Recommendations: `d23` on D23, `d2` on D2, `d` on D, `both` on D23 and D2 (counted once), `e` on E,
    `girls` for girls, `women` for women."""

    themes: dict[str, Theme] = field(default_factory=dict)
    groups: dict[str, AffectedPerson] = field(default_factory=dict)
    recs: dict[str, Recommendation] = field(default_factory=dict)

    def names(self, body: dict) -> set[str]:
        by_id = {r.id: name for name, r in self.recs.items()}
        return {by_id[item["id"]] for item in body["items"]}


def _id(row: Theme | AffectedPerson) -> int:
    assert row.id is not None
    return row.id


def _theme(session: Session, name: str, code: str, parent: Theme | None = None) -> Theme:
    theme = Theme(name=name, code=code, parent_id=parent.id if parent else None)
    session.add(theme)
    session.flush()
    return theme


def _group(session: Session, name: str, code: str, parent: AffectedPerson | None = None) -> AffectedPerson:
    group = AffectedPerson(name=name, code=code, parent_id=parent.id if parent else None)
    session.add(group)
    session.flush()
    return group


@pytest.fixture
def tree(session: Session) -> Tree:
    add_states(session)
    svn, hrv = create_review(session, "SVN", 34), create_review(session, "HRV", 34)
    t = Tree()
    d = _theme(session, "Civil & political rights", "D")
    d2 = _theme(session, "Right to life, liberty and security of the person", "D2", d)
    d23 = _theme(session, "Death penalty", "D23", d2)
    e = _theme(session, "Economic, social & cultural rights", "E")
    t.themes = {"D": d, "D2": d2, "D23": d23, "E": e}
    session.add(ThemeSynonym(theme_id=_id(d23), source="ohchr-matrix", label="D23 Death penalty"))
    session.add(ThemeSynonym(theme_id=_id(d23), source="api", label="Capital punishment"))
    women = _group(session, "Women", "women")
    girls = _group(session, "Girls", "girls", women)
    t.groups = {"women": women, "girls": girls}
    session.add(AffectedPersonSynonym(affected_person_id=_id(women), source="dihr", label="Women and girls"))
    for name, review, state, themes, groups in (
        ("d23", svn, "FRA", (d23,), ()),
        ("d2", svn, "SEN", (d2,), ()),
        ("d", hrv, "FRA", (d,), ()),
        ("both", hrv, "BRA", (d23, d2), ()),
        ("e", svn, "JPN", (e,), (women,)),
        ("girls", hrv, "SEN", (), (girls,)),
    ):
        t.recs[name] = create_recommendation(
            session,
            review,
            f"Recommendation {name}",
            recommending=(state,),
            themes=themes,
            affected=groups,
            paragraph=f"1.{len(t.recs)}",
            external_key=f"tree:{name}",
        )
    return t


async def _kept(client, **params) -> dict:
    response = await client.get("/recommendations", params=params)
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize(
    "value",
    ["@D23", "D23", "d23", " d23 ", "Death penalty", "DEATH  PENALTY", "capital punishment", "D23 death penalty"],
)
async def test_every_form_of_a_theme_finds_the_same_recommendations(client, tree, value):
    if value == "@D23":
        value = str(tree.themes["D23"].id)
    assert tree.names(await _kept(client, theme=value)) == {"d23", "both"}


async def test_a_theme_includes_its_children_two_levels_down(client, tree):
    assert tree.names(await _kept(client, theme="D2")) == {"d23", "d2", "both"}
    assert tree.names(await _kept(client, theme="civil & political rights")) == {"d23", "d2", "d", "both"}
    assert tree.names(await _kept(client, theme=str(tree.themes["D"].id))) == {"d23", "d2", "d", "both"}
    # Several values: any of them (and a theme given twice, or with its parent, changes nothing).
    assert tree.names(await _kept(client, theme=["D23", "e"])) == {"d23", "both", "e"}
    assert tree.names(await _kept(client, theme=["D23", "death penalty", "D2"])) == {"d23", "d2", "both"}


async def test_a_group_by_code_name_or_label_includes_the_groups_under_it(client, tree):
    for value in ("women", "WOMEN", str(tree.groups["women"].id), "women and girls"):
        assert tree.names(await _kept(client, affected_persons=value)) == {"e", "girls"}
    assert tree.names(await _kept(client, affected_persons="Girls")) == {"girls"}
    assert tree.names(await _kept(client, affected_persons="girls", theme="D")) == set()


@pytest.mark.parametrize(
    ("params", "field", "named"),
    [
        ({"theme": "D99"}, "theme", "D99"),
        ({"theme": "Death penalties"}, "theme", "Death penalties"),
        ({"theme": ["D23", "nowhere"]}, "theme", "nowhere"),
        ({"theme": "0"}, "theme", "0"),
        ({"theme": ""}, "theme", ""),
        ({"theme": "x" * 301}, "theme", ""),
        ({"affected_persons": "boys"}, "affected_persons", "boys"),
    ],
)
async def test_an_unknown_value_is_a_422_naming_the_parameter_and_the_value(client, tree, params, field, named):
    body = assert_problem(await client.get("/recommendations", params=params), 422, "validation-error", named)
    assert body["field"].split(".")[0] == field


async def test_the_export_takes_a_theme_code(client, tree):
    response = await client.get("/recommendations", params={"theme": "d2"}, headers={"Accept": export.CSV_TYPE})
    assert response.status_code == 200, response.text
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert sorted(r["text"] for r in rows) == ["Recommendation both", "Recommendation d2", "Recommendation d23"]
    refused = await client.get("/recommendations", params={"theme": "D9"}, headers={"Accept": export.CSV_TYPE})
    assert_problem(refused, 422, "validation-error", "D9")


async def test_the_export_reads_the_vocabulary_once_however_many_batches(client, tree, session, monkeypatch):
    monkeypatch.setattr(export, "BATCH", 1)  # one list query per row
    session.commit()
    statements: list[str] = []
    engine = session.get_bind().engine

    def record(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        response = await client.get("/recommendations", params={"theme": "D"}, headers={"Accept": export.CSV_TYPE})
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert response.status_code == 200 and response.text.count("Recommendation ") == 4
    # The resolver reads the whole tree and the labels (to see a name clash with another row's label) once,
    # with no WHERE; each batch's details read only their themes.
    whole = [s.split("FROM ")[1].split()[0] for s in statements if "FROM theme" in s and "WHERE" not in s]
    assert sorted(whole) == ["theme", "theme_synonym"], whole


async def test_champions_take_a_theme_code_and_its_children(client, tree):
    response = await client.get("/champions", params={"theme": "d2"})
    assert response.status_code == 200, response.text
    assert {c["code"]: c["recommendations"] for c in response.json()["items"]} == {"FRA": 1, "SEN": 1, "BRA": 1}
    by_name = (await client.get("/champions", params={"theme": "Death penalty"})).json()
    assert {c["code"] for c in by_name["items"]} == {"FRA", "BRA"}
    unknown = await client.get("/champions", params={"theme": "D99"})
    assert assert_problem(unknown, 422, "validation-error", "D99")["field"] == "theme"


async def test_themes_show_hierarchy_synonyms_and_counts(client, tree):
    t = tree.themes
    body = (await client.get("/themes", params={"limit": 500})).json()
    by_code = {item["code"]: item for item in body["items"]}
    # A parent counts what its subtree tags, each recommendation once (`both` is on D23 and D2).
    assert {c: by_code[c]["recommendation_count"] for c in by_code} == {"D": 4, "D2": 3, "D23": 2, "E": 1}
    assert by_code["D"]["children"] == [t["D2"].id] and by_code["D2"]["children"] == [t["D23"].id]
    assert by_code["D23"]["children"] == [] and by_code["D23"]["parent_id"] == t["D2"].id
    assert by_code["D23"]["synonyms"] == [
        {"source": "api", "label": "Capital punishment"},
        {"source": "ohchr-matrix", "label": "D23 Death penalty"},
    ]
    got = await client.get("/themes/d23")
    assert got.status_code == 200 and got.json() == by_code["D23"]
    assert (await client.get(f"/themes/{t['D23'].id}")).json() == by_code["D23"]
    assert_problem(await client.get("/themes/D99"), 404, "not-found", "D99")
    assert_problem(await client.get("/themes/99999999999"), 404, "not-found", "99999999999")


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "capital"}, ["D23"]),  # a synonym
        ({"q": "d2"}, ["D2", "D23"]),  # a code
        ({"q": "RIGHTS"}, ["D", "E"]),  # a name
        ({"parent": "D"}, ["D2"]),
        ({"parent": "civil & political RIGHTS"}, ["D2"]),
        ({"parent": "@D2"}, ["D23"]),
        ({"parent": "D23"}, []),
        ({"root": "true"}, ["D", "E"]),
        ({"root": "false"}, ["D2", "D23"]),
        ({"root": "false", "q": "death"}, ["D23"]),
    ],
)
async def test_theme_list_filters(client, tree, params, expected):
    if params.get("parent", "").startswith("@"):
        params = {"parent": str(tree.themes[params["parent"][1:]].id)}
    body = (await client.get("/themes", params=params)).json()
    assert sorted(item["code"] for item in body["items"]) == expected


async def test_an_unknown_parent_is_a_422_naming_it(client, tree):
    assert (
        assert_problem(await client.get("/themes", params={"parent": "Z9"}), 422, "validation-error", "Z9")["field"]
        == "parent"
    )
    legacy = await client.get("/themes", params={"parent_id": 99_999})
    assert assert_problem(legacy, 422, "validation-error", "99999")["field"] == "parent_id"


async def test_affected_persons_show_hierarchy_synonyms_and_counts(client, tree):
    women, girls = tree.groups["women"], tree.groups["girls"]
    body = (await client.get("/affected-persons")).json()
    by_code = {item["code"]: item for item in body["items"]}
    assert by_code["women"]["children"] == [girls.id] and by_code["girls"]["parent_id"] == women.id
    assert by_code["women"]["recommendation_count"] == 2 and by_code["girls"]["recommendation_count"] == 1
    assert by_code["women"]["synonyms"] == [{"source": "dihr", "label": "Women and girls"}]
    assert (await client.get("/affected-persons/WOMEN")).json() == by_code["women"]
    roots = (await client.get("/affected-persons", params={"root": "true"})).json()
    assert [item["code"] for item in roots["items"]] == ["women"]
    under = (await client.get("/affected-persons", params={"parent": "women", "q": "gir"})).json()
    assert [item["code"] for item in under["items"]] == ["girls"]


async def test_a_theme_page_costs_the_same_queries_whatever_its_size(client, tree, session):
    for n in range(12):
        create_theme(session, f"Extra theme {n}", code=f"H{n}")
    session.commit()
    counts = []
    for limit in (1, 50):
        statements: list[str] = []
        engine = session.get_bind().engine

        def record(conn, cursor, statement, *args, into=statements):
            into.append(statement)

        event.listen(engine, "before_cursor_execute", record)
        try:
            body = (await client.get("/themes", params={"limit": limit})).json()
        finally:
            event.remove(engine, "before_cursor_execute", record)
        assert len(body["items"]) == min(limit, 16)
        counts.append(len(statements))
    assert counts[0] == counts[1]


async def test_the_reviewed_vocabulary_resolves_as_the_sources_name_it(client, session):
    """On the committed vocabulary: UPR Info's `Death penalty`, OHCHR's coded label and the code are D23,
    under D; `Disabilities` (UPR Info) is F4 and includes OHCHR's F41; DIHR's `Women and girls` includes girls."""
    seed_vocabulary(session)
    add_states(session)
    review = create_review(session, "SVN", 34)
    f4 = (await client.get("/themes/F4")).json()
    f41 = (await client.get("/themes/f41")).json()
    assert f41["parent_id"] == f4["id"] and f41["id"] in f4["children"]
    assert {"source": "upr-info", "label": "Disabilities"} in f4["synonyms"]
    d23 = session.get(Theme, (await client.get("/themes/D23")).json()["id"])
    girls = session.exec(select(AffectedPerson).where(AffectedPerson.code == "girls")).one()
    rec = create_recommendation(
        session,
        review,
        "Abolish the death penalty",
        themes=(d23, session.get(Theme, f41["id"])),
        affected=(girls,),
        external_key="real:1",
    )
    other = create_recommendation(session, review, "Something else", paragraph="1.2", external_key="real:2")
    for theme in ("D23", "death penalty", "D23 Death penalty", "civil and political rights", "disabilities"):
        assert [i["id"] for i in (await _kept(client, theme=theme))["items"]] == [rec.id], theme
    assert [i["id"] for i in (await _kept(client, affected_persons="women and girls"))["items"]] == [rec.id]
    assert (await client.get("/themes/D")).json()["recommendation_count"] == 1
    assert other.id != rec.id
