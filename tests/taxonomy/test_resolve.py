"""What `theme=` and `affected_persons=` accept (`api/taxonomy/resolve.py`): digits are an id only when such
a row exists, and a value naming two rows in two ways is a 422 naming both ids, never a silent pick."""

import pytest
from sqlmodel import Session, select

from api.core.errors import InvalidInput
from api.taxonomy.models import Theme, ThemeSynonym
from api.taxonomy.resolve import THEMES, one_entry, theme_ids
from api.taxonomy.vocabulary_service import seed_vocabulary
from tests.cycle_factories import create_theme


def id_of(theme: Theme) -> int:
    assert theme.id is not None, "a flushed theme has an id"
    return theme.id


def test_digits_are_an_id_when_the_row_exists_else_a_code_or_name(session: Session):
    digits = create_theme(session, "9999991")  # an admin may name a theme with digits (no such id here)
    assert digits.id is not None and digits.id < 9999991
    assert theme_ids(session, ["9999991"]) == [digits.id]
    assert theme_ids(session, [str(digits.id)]) == [digits.id]
    coded = create_theme(session, "Budget lines", "9999992")
    assert theme_ids(session, [" 9999992 "]) == [coded.id]


def test_an_existing_id_wins_over_a_name_of_digits(session: Session):
    first = create_theme(session, "First")
    assert first.id is not None
    create_theme(session, str(first.id))  # an admin's theme whose name is the first one's id
    assert theme_ids(session, [str(first.id)]) == [first.id]


def test_a_code_of_one_row_and_the_name_of_another_is_a_422_naming_both(session: Session):
    canonical = create_theme(session, "Death penalty", "D23")
    admins = create_theme(session, "d23")  # named like the code
    with pytest.raises(InvalidInput) as caught:
        theme_ids(session, ["D23"], field="theme")
    assert caught.value.field == "theme"
    detail = caught.value.detail
    assert f"theme {canonical.id} by its code" in detail and f"theme {admins.id} by its name" in detail
    assert "use the id" in detail
    with pytest.raises(InvalidInput, match="use the id"):
        one_entry(session, THEMES, "d23", "parent")
    assert theme_ids(session, [str(admins.id)]) == [admins.id]  # the id settles it


def test_a_name_of_one_row_and_another_rows_label_is_a_422(session: Session):
    a45 = create_theme(session, "National Human Rights Institution (NHRI)", "A45")
    session.add(ThemeSynonym(theme_id=id_of(a45), source="upr-info", label="NHRI"))
    mine = create_theme(session, "NHRI")
    session.flush()
    with pytest.raises(InvalidInput) as caught:
        theme_ids(session, ["nhri"], field="theme")
    assert f"theme {a45.id} by its label" in caught.value.detail
    assert f"theme {mine.id} by its name" in caught.value.detail


def test_one_row_named_by_its_code_name_and_label_is_that_row(session: Session):
    death = create_theme(session, "Death penalty", "D23")
    session.add(ThemeSynonym(theme_id=id_of(death), source="upr-info", label="Death penalty"))
    session.flush()
    assert theme_ids(session, ["death penalty"]) == theme_ids(session, ["d23"]) == [death.id]


def test_a_label_sources_share_and_nothing_else_names_each_entry(session: Session):
    detention, d33 = create_theme(session, "Conditions of detention", "D26"), create_theme(session, "Arbitrary", "D33")
    session.add(ThemeSynonym(theme_id=id_of(detention), source="upr-info", label="Detention"))
    session.add(ThemeSynonym(theme_id=id_of(d33), source="dihr", label="detention"))
    session.flush()
    assert theme_ids(session, ["Detention"]) == sorted([id_of(detention), id_of(d33)])


def test_a_filter_on_a_category_includes_its_child_of_ours_and_the_child_finds_only_itself(session: Session):
    seed_vocabulary(session)
    ids = dict(session.exec(select(Theme.code, Theme.id)).all())
    indigenous, idps = ids["G-indigenous"], ids["G-idps"]
    assert {indigenous, idps} <= set(theme_ids(session, ["G"]))
    assert theme_ids(session, ["g-indigenous"]) == theme_ids(session, ["Indigenous peoples"]) == [indigenous]
    assert theme_ids(session, ["Internally displaced persons"]) == [idps]
