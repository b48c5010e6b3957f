"""The vocabulary in the database (`api/taxonomy/vocabulary_service.py`): seeding adds what is missing and
never touches a row that is there (the merge of duplicates is migration 0010's: test_migration_0010.py)."""

from sqlmodel import Session, func, select

from api.recommendations.models import RecommendationTheme
from api.taxonomy.models import AffectedPerson, AffectedPersonSynonym, Theme, ThemeSynonym
from api.taxonomy.vocabulary import vocabulary
from api.taxonomy.vocabulary_service import seed_vocabulary
from tests.cycle_factories import create_affected_person, create_recommendation, create_review, create_theme
from tests.factories import create_state


def count(session: Session, model) -> int:
    return session.exec(select(func.count()).select_from(model)).one()


def theme(session: Session, code: str) -> Theme:
    return session.exec(select(Theme).where(Theme.code == code)).one()


def group(session: Session, code: str) -> AffectedPerson:
    return session.exec(select(AffectedPerson).where(AffectedPerson.code == code)).one()


def test_seeding_gives_the_canonical_entries_their_hierarchy_and_synonyms(session: Session):
    report = seed_vocabulary(session)
    vocab = vocabulary()
    assert report.themes.created == count(session, Theme) == len(vocab.themes) == 144
    assert report.affected_persons.created == count(session, AffectedPerson) == len(vocab.groups) == 30
    mapped = [r for r in vocab.crosswalk if r.code is not None]
    assert count(session, ThemeSynonym) + count(session, AffectedPersonSynonym) == len(mapped) == 294
    death = theme(session, "D23")
    assert (death.name, session.get(Theme, death.parent_id).code) == ("Death penalty", "D2")  # type: ignore[union-attr]
    assert group(session, "girls").parent_id == group(session, "women").id
    nhri = session.exec(
        select(ThemeSynonym).where(ThemeSynonym.source == "upr-info", ThemeSynonym.label == "NHRI")
    ).one()
    assert nhri.theme_id == theme(session, "A45").id


def test_seeding_twice_changes_nothing(session: Session):
    seed_vocabulary(session)
    rows = {model: count(session, model) for model in (Theme, AffectedPerson, ThemeSynonym, AffectedPersonSynonym)}
    names = set(session.exec(select(Theme.id, Theme.name, Theme.code, Theme.parent_id)))
    again = seed_vocabulary(session)
    assert not again.changed
    assert {model: count(session, model) for model in rows} == rows
    assert set(session.exec(select(Theme.id, Theme.name, Theme.code, Theme.parent_id))) == names


def test_seeding_only_adds_and_leaves_an_admins_rows_as_they_are(session: Session):
    """`upr seed` runs at every `make run`: it adds what is missing and never merges, renames or moves a
    row (the merge ran once, in migration 0010: tests/taxonomy/test_migration_0010.py)."""
    create_state(session, "SVN")
    review = create_review(session)
    mine = create_theme(session, "Death penalty")  # an admin's, uncoded, under D23's name
    nhri = create_theme(session, "NHRI")  # UPR Info's label for A45
    coded = create_theme(session, "Our treaty work", "A12")
    women = create_affected_person(session, "Women and girls")
    rec = create_recommendation(session, review, "One", themes=(mine, nhri, coded), affected=(women,))
    before = set(session.exec(select(Theme.id, Theme.name, Theme.code, Theme.parent_id)))
    rec_id = rec.id

    report = seed_vocabulary(session)
    session.expire_all()

    after = set(session.exec(select(Theme.id, Theme.name, Theme.code, Theme.parent_id)))
    assert before <= after  # every row as it was
    assert report.themes.created == len(after) - len(before) == len(vocabulary().themes) - 1  # A12 is there
    d23 = theme(session, "D23")
    assert (d23.name, report.themes.renamed) == ("Death penalty (D23)", 1)  # the name is the admin's row's
    assert session.get(Theme, coded.id).parent_id is None  # type: ignore[union-attr]  # not moved under A1
    links = set(session.exec(select(RecommendationTheme.recommendation_id, RecommendationTheme.theme_id)))
    assert links == {(rec_id, mine.id), (rec_id, nhri.id), (rec_id, coded.id)}
    synonyms = {(s.source, s.label): s.theme_id for s in session.exec(select(ThemeSynonym))}
    assert (
        synonyms[("upr-info", "Death penalty")] == d23.id and synonyms[("upr-info", "NHRI")] == theme(session, "A45").id
    )
    assert group(session, "women").name == "Women" and session.get(AffectedPerson, women.id).code is None  # type: ignore[union-attr]


def test_seeding_after_an_admin_renamed_and_moved_a_canonical_theme_changes_nothing(session: Session):
    seed_vocabulary(session)
    d23 = theme(session, "D23")
    d23.name, d23.parent_id = "Capital punishment", None
    session.add(d23)
    session.add(Theme(name="Acceptance of international norms, again", code="A12-mine"))
    label = session.exec(select(ThemeSynonym).where(ThemeSynonym.label == "Death penalty")).first()
    assert label is not None
    a12 = theme(session, "A12").id
    assert a12 is not None
    label.theme_id = a12  # an admin's (odd) choice, kept too
    session.add(label)
    session.flush()
    rows = set(session.exec(select(Theme.id, Theme.name, Theme.code, Theme.parent_id)))
    synonyms = set(session.exec(select(ThemeSynonym.id, ThemeSynonym.theme_id, ThemeSynonym.label)))

    again = seed_vocabulary(session)

    assert not again.changed
    assert set(session.exec(select(Theme.id, Theme.name, Theme.code, Theme.parent_id))) == rows
    assert set(session.exec(select(ThemeSynonym.id, ThemeSynonym.theme_id, ThemeSynonym.label))) == synonyms


def test_seeding_adds_a_deleted_canonical_entry_and_its_synonyms_again(session: Session):
    seed_vocabulary(session)
    session.delete(theme(session, "G-idps"))
    session.flush()
    report = seed_vocabulary(session)
    assert (report.themes.created, report.themes.synonyms) == (1, 1)
    idps = theme(session, "G-idps")
    assert (idps.name, idps.parent_id) == ("Internally displaced persons", theme(session, "G").id)
