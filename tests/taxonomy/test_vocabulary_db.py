"""The vocabulary in the database (`api/taxonomy/vocabulary_service.py`): seeding, and merging the rows
that duplicate a canonical entry without losing a link."""

from sqlmodel import Session, col, func, select

from api.recommendations.models import RecommendationAffectedPerson, RecommendationTheme
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
    assert report.themes.created == count(session, Theme) == len(vocab.themes) == 133
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


def test_seeding_merges_duplicates_into_the_canonical_entries_keeping_every_link(session: Session):
    create_state(session, "SVN")
    review = create_review(session)
    coded = create_theme(session, "Participation of women in political and public life", "F14")
    uncoded = create_theme(session, "Participation of women in political & public life")
    nhri, nhri_long = create_theme(session, "NHRI"), create_theme(session, "National Human Rights Institution (NHRI)")
    other, own = create_theme(session, "Other"), create_theme(session, "Our own theme")
    women, girls, both = (create_affected_person(session, n) for n in ("Women", "girls", "Women and girls"))
    one = create_recommendation(session, review, "One", themes=(coded, uncoded, nhri), affected=(women, both))
    two = create_recommendation(session, review, "Two", themes=(uncoded, nhri_long, other, own), affected=(girls,))
    kept_ids, uncoded_id, coded_id = {other.id, own.id}, uncoded.id, coded.id

    one_id, two_id = one.id, two.id
    report = seed_vocabulary(session)
    session.expire_all()

    assert report.themes.merged == 2 and report.affected_persons.merged == 1
    f14, a45 = theme(session, "F14"), theme(session, "A45")
    assert f14.id == coded_id and f14.name == "Participation of women in political and public life"
    links = set(session.exec(select(RecommendationTheme.recommendation_id, RecommendationTheme.theme_id)))
    # One pair per (recommendation, canonical theme): the doubled F14 of "One" is one link, none lost.
    assert links == {(one_id, f14.id), (one_id, a45.id), (two_id, f14.id), (two_id, a45.id)} | {
        (two_id, i) for i in kept_ids
    }
    assert session.get(Theme, uncoded_id) is None  # merged away; the crosswalk's unknowns stay
    assert {t.name for t in session.exec(select(Theme).where(col(Theme.id).in_(kept_ids)))} == {
        "Other",
        "Our own theme",
    }
    synonyms = {(s.source, s.label): s.theme_id for s in session.exec(select(ThemeSynonym))}
    assert synonyms[("ohchr-matrix", "Participation of women in political & public life")] == f14.id
    assert synonyms[("upr-info", "NHRI")] == a45.id
    # A merged link keeps the label it was given under.
    assert (
        session.exec(
            select(RecommendationTheme.source_label).where(
                RecommendationTheme.recommendation_id == two_id, RecommendationTheme.theme_id == f14.id
            )
        ).one()
        == "Participation of women in political & public life"
    )

    w, g = group(session, "women"), group(session, "girls")
    assert set(
        session.exec(
            select(RecommendationAffectedPerson.recommendation_id, RecommendationAffectedPerson.affected_person_id)
        )
    ) == {(one_id, w.id), (two_id, g.id)}
    assert (w.name, g.parent_id) == ("Women", w.id)
    assert (
        session.exec(
            select(AffectedPersonSynonym.affected_person_id).where(AffectedPersonSynonym.label == "Women and girls")
        ).one()
        == w.id
    )
