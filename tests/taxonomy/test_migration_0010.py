"""Migration 0010 merges the duplicates of a database of its time into the canonical entries, once, with
its own frozen copy of the merge and of the data (`migrations/versions/data_0010/`): built at 0009 with
plain SQL, upgraded to 0010, read with plain SQL. Runs on the suite's kind of database (a scratch one)."""

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.helpers import migrate, scratch_database

FROZEN = Path(__file__).parents[2] / "migrations/versions/data_0010"


def _frozen(name: str) -> dict[str, tuple[str, str | None]]:
    with (FROZEN / name).open(encoding="utf-8", newline="") as fh:
        return {r["code"]: (r["name"], r["parent_code"] or None) for r in csv.DictReader(fh)}


class Db:
    """A database at 0009, filled by the test, then upgraded to 0010."""

    def __init__(self, url: str):
        self.url = url
        self.engine = sa.create_engine(url)
        self.recommendations = 0

    def run(self, sql: str, **params) -> list[sa.Row]:
        with self.engine.begin() as conn:
            result = conn.execute(sa.text(sql), params)
            return list(result.all()) if result.returns_rows else []

    def theme(self, name: str, code: str | None = None, parent: int | None = None) -> int:
        return self.run(
            "INSERT INTO theme (name, code, parent_id) VALUES (:name, :code, :parent) RETURNING id",
            name=name,
            code=code,
            parent=parent,
        )[0][0]

    def group(self, name: str) -> int:
        return self.run("INSERT INTO affected_person (name) VALUES (:name) RETURNING id", name=name)[0][0]

    def recommendation(self, themes=(), groups=()) -> int:
        """A recommendation of the one review, linked to `themes` (ids, or (id, source_label)) and `groups`."""
        self.recommendations += 1
        n = self.recommendations
        rec = self.run(
            "INSERT INTO recommendation (review_id, text, external_key, created_at, updated_at) "
            "VALUES (1, :text, :key, '2020-01-01', '2020-01-01') RETURNING id",
            text=f"Recommendation {n}",
            key=f"key-{n}",
        )[0][0]
        for theme in themes:
            theme_id, label = theme if isinstance(theme, tuple) else (theme, None)
            self.run(
                "INSERT INTO recommendation_theme (recommendation_id, theme_id, source_label) VALUES (:r, :t, :l)",
                r=rec,
                t=theme_id,
                l=label,
            )
        for group in groups:
            self.run(
                "INSERT INTO recommendation_affected_person (recommendation_id, affected_person_id) VALUES (:r, :g)",
                r=rec,
                g=group,
            )
        return rec

    def upgrade(self) -> None:
        migrate(self.url, "0010")

    def themes(self) -> dict[str, tuple[int, str, str | None]]:
        """code → (id, name, parent's code) of every coded theme."""
        rows = self.run("SELECT t.id, t.name, t.code, p.code FROM theme t LEFT JOIN theme p ON p.id = t.parent_id")
        return {code: (i, name, parent) for i, name, code, parent in rows if code is not None}

    def theme_links(self) -> set[tuple[int, int, str | None]]:
        return set(self.run("SELECT recommendation_id, theme_id, source_label FROM recommendation_theme"))

    def synonym(self, source: str, label: str) -> int:
        return self.run("SELECT theme_id FROM theme_synonym WHERE source = :s AND label = :l", s=source, l=label)[0][0]


@pytest.fixture
def db(database_url: str, tmp_path: Path) -> Iterator[Db]:
    with scratch_database(database_url, tmp_path, "v0010") as url:
        migrate(url, "0009")
        found = Db(url)
        found.run("INSERT INTO state (code, name, un_status) VALUES ('SVN', 'Slovenia', 'member')")
        found.run("INSERT INTO cycle (number, start_year) VALUES (3, 2017)")
        found.run("INSERT INTO upr_session (number, cycle_number, year) VALUES (34, 3, 2019)")
        found.run("INSERT INTO review (id, state_code, session_number, created_at) VALUES (1, 'SVN', 34, '2020-01-01')")
        try:
            yield found
        finally:
            found.engine.dispose()


def test_an_empty_vocabulary_stays_empty(db: Db):
    db.upgrade()
    assert db.run("SELECT count(*) FROM theme")[0][0] == 0
    assert db.run("SELECT count(*) FROM theme_synonym")[0][0] == 0


def test_duplicates_merge_into_the_canonical_entries_keeping_every_link(db: Db):
    coded = db.theme("Participation of women in political and public life", "F14")
    uncoded = db.theme("Participation of women in political & public life")
    nhri, nhri_long = db.theme("NHRI"), db.theme("National Human Rights Institution (NHRI)")
    other, own = db.theme("Other"), db.theme("Our own theme", "X1")
    women, girls, both = db.group("Women"), db.group("girls"), db.group("Women and girls")
    one = db.recommendation(themes=(coded, uncoded, nhri), groups=(women, both))
    two = db.recommendation(themes=(uncoded, nhri_long, other, own), groups=(girls,))

    db.upgrade()

    themes = db.themes()
    f14, a45 = themes["F14"], themes["A45"]
    assert f14[:2] == (coded, "Participation of women in political and public life")
    assert a45[:2] == (nhri_long, "National Human Rights Institution (NHRI)")
    # One pair per (recommendation, canonical theme): the doubled F14 of "one" is one link, none lost; a
    # moved link keeps the label it was given under.
    assert db.theme_links() == {
        (one, coded, None),
        (one, nhri_long, "NHRI"),
        (two, coded, "Participation of women in political & public life"),
        (two, nhri_long, None),
        (two, other, None),
        (two, own, None),
    }
    remaining = dict(
        db.run("SELECT id, name FROM theme WHERE id IN (:a, :b, :c, :d)", a=uncoded, b=nhri, c=other, d=own)
    )
    assert remaining == {other: "Other", own: "Our own theme"}  # merged away; the crosswalk's unknowns stay
    assert db.synonym("ohchr-matrix", "Participation of women in political & public life") == coded
    assert db.synonym("upr-info", "NHRI") == nhri_long

    groups = {code: (i, p) for i, code, p in db.run("SELECT id, code, parent_id FROM affected_person")}
    assert groups["women"][0] == women and groups["girls"] == (girls, women)
    links = set(db.run("SELECT recommendation_id, affected_person_id FROM recommendation_affected_person"))
    assert links == {(one, women), (two, girls)}
    both_label = db.run("SELECT affected_person_id FROM affected_person_synonym WHERE label = 'Women and girls'")
    assert both_label == [(women,)]


def test_the_result_is_the_frozen_vocabulary(db: Db):
    """Every canonical entry of the frozen data, with its name and parent, and every mapped label."""
    db.theme("Death penalty")
    db.group("Women and girls")
    db.upgrade()
    themes, frozen = db.themes(), _frozen("themes.csv")
    assert {code: (name, parent) for code, (_, name, parent) in themes.items()} == frozen
    groups = {c: n for c, n in db.run("SELECT code, name FROM affected_person")}
    assert groups == {code: name for code, (name, _) in _frozen("affected_persons.csv").items()}
    with (FROZEN / "crosswalk.csv").open(encoding="utf-8", newline="") as fh:
        mapped = sum(r["code"] != "unmapped" for r in csv.DictReader(fh))
    synonyms = db.run("SELECT (SELECT count(*) FROM theme_synonym) + (SELECT count(*) FROM affected_person_synonym)")
    assert synonyms[0][0] == mapped


def test_a_concept_without_an_ohchr_category_is_not_merged_into_the_category(db: Db):
    """UPR Info's "Indigenous peoples" and "Internally displaced persons" once both merged into G."""
    indigenous, idps = db.theme("Indigenous peoples"), db.theme("Internally displaced persons")
    rec = db.recommendation(themes=(indigenous, idps))
    db.upgrade()
    themes = db.themes()
    assert themes["G-indigenous"] == (indigenous, "Indigenous peoples", "G")
    assert themes["G-idps"] == (idps, "Internally displaced persons", "G")
    assert {(r, t) for r, t, _ in db.theme_links()} == {(rec, indigenous), (rec, idps)}


def test_a_renamed_keeper_keeps_the_label_its_own_links_were_given_under(db: Db):
    """`source_label` NULL meant "the theme's name": the keeper's old name is written before the rename."""
    disabilities = db.theme("Disabilities")  # UPR Info's label for F4 "Persons with disabilities"
    plain = db.recommendation(themes=(disabilities,))
    labelled = db.recommendation(themes=((disabilities, "Handicap"),))
    db.upgrade()
    f4 = db.themes()["F4"]
    assert f4[:2] == (disabilities, "Persons with disabilities")
    assert db.theme_links() == {(plain, disabilities, "Disabilities"), (labelled, disabilities, "Handicap")}
    assert db.synonym("upr-info", "Disabilities") == disabilities


def test_an_admins_theme_with_an_ohchr_code_keeps_its_name_and_parent(db: Db):
    """A coded row under a name the data does not give its code is someone's wording: it stays the entry
    of its code (imports and filters go by codes), and is neither renamed nor moved."""
    parent = db.theme("Our framework")
    mine = db.theme("Our treaty work", "A12", parent=parent)
    imported = db.theme("Acceptance of international norms")  # the uncoded 2019 label
    rec = db.recommendation(themes=(mine, imported))
    db.upgrade()
    themes = db.themes()
    assert themes["A12"] == (mine, "Our treaty work", None)
    assert db.run("SELECT parent_id FROM theme WHERE id = :i", i=mine) == [(parent,)]
    assert db.theme_links() == {(rec, mine, None)}
    assert themes["A1"][1] == "Scope of international obligations"


def test_a_canonical_name_held_by_a_row_that_stays_gives_the_new_entry_a_distinct_name(db: Db):
    mine = db.theme("Death penalty", "A12")  # someone's row: A12's code, D23's name
    db.upgrade()
    themes = db.themes()
    assert themes["A12"][:2] == (mine, "Death penalty")
    assert themes["D23"][1:] == ("Death penalty (D23)", "D2")
    assert db.synonym("upr-info", "Death penalty") == themes["D23"][0]


def test_a_new_entry_never_takes_the_id_of_a_merged_row(db: Db):
    """SQLite without AUTOINCREMENT hands out the highest id again once its row is deleted: the new
    canonical rows are inserted before any merged row goes."""
    db.theme("National Human Rights Institution (NHRI)")
    last = db.theme("NHRI")  # the highest id, merged away
    rec = db.recommendation(themes=(last,))
    db.upgrade()
    assert db.run("SELECT count(*) FROM theme WHERE id = :i", i=last)[0][0] == 0
    assert db.run("SELECT count(*) FROM theme_synonym WHERE theme_id = :i", i=last)[0][0] == 0
    assert {(r, label) for r, _, label in db.theme_links()} == {(rec, "NHRI")}
