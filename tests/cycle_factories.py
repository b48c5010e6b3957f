"""`create_*` helpers for the cycle model, and a cycle world on top of the standard one."""

from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session

from api.cycle.models import (
    Cycle,
    DocumentKind,
    Review,
    ReviewDocument,
    ReviewTroika,
    Submission,
    SubmissionParty,
    SubmissionRole,
    UprSession,
)
from api.imports.models import ImportJob, JobStatus
from api.recommendations.models import (
    Position,
    PositionKind,
    Recommendation,
    RecommendationAffectedPerson,
    RecommendationSdgTarget,
    RecommendationTheme,
    RecommendingState,
)
from api.taxonomy.models import AffectedPerson, SdgTarget, Theme
from tests.factories import OTHER_STATE, OWN_STATE, World, create_state


def create_cycle(session: Session, number: int = 3, start_year: int = 2017, end_year: int | None = 2022) -> Cycle:
    cycle = session.get(Cycle, number)
    if cycle is None:
        cycle = Cycle(number=number, start_year=start_year, end_year=end_year)
        session.add(cycle)
        session.flush()
    return cycle


def create_upr_session(session: Session, number: int = 34, cycle_number: int = 3, year: int = 2019) -> UprSession:
    upr_session = session.get(UprSession, number)
    if upr_session is None:
        create_cycle(session, cycle_number, start_year=min(year, 2017 if cycle_number == 3 else year))
        upr_session = UprSession(number=number, cycle_number=cycle_number, year=year)
        session.add(upr_session)
        session.flush()
    return upr_session


def create_review(
    session: Session, state_code: str = OWN_STATE, session_number: int = 34, troika: tuple[str, ...] = ()
) -> Review:
    create_upr_session(session, session_number)
    review = Review(state_code=state_code, session_number=session_number, dialogue_date=date(2019, 11, 11))
    session.add(review)
    session.flush()
    for code in troika:
        create_state(session, code)
        session.add(ReviewTroika(review_id=review.id, state_code=code))
    session.flush()
    return review


def create_theme(session: Session, name: str = "Equality & non-discrimination", code: str | None = None) -> Theme:
    theme = Theme(name=name, code=code)
    session.add(theme)
    session.flush()
    return theme


def create_affected_person(session: Session, name: str = "Roma") -> AffectedPerson:
    person = AffectedPerson(name=name)
    session.add(person)
    session.flush()
    return person


def create_sdg_target(
    session: Session, code: str = "16.10", title: str = "Ensure public access to information"
) -> SdgTarget:
    target = session.get(SdgTarget, code)
    if target is None:
        target = SdgTarget(code=code, goal=int(code.split(".")[0]), title=title)
        session.add(target)
        session.flush()
    return target


def create_recommendation(
    session: Session,
    review: Review,
    text: str = "Take further measures to combat discrimination against Roma",
    *,
    recommending: tuple[str, ...] = ("FRA",),
    paragraph: str | None = "121.1",
    themes: tuple[Theme, ...] = (),
    affected: tuple[AffectedPerson, ...] = (),
    sdg_targets: tuple[str, ...] = (),
    position: PositionKind | None = PositionKind.supported,
    position_date: date = date(2020, 3, 1),
    action_category: int | None = None,
    external_key: str | None = None,
) -> Recommendation:
    recommendation = Recommendation(
        review_id=review.id,
        paragraph=paragraph,
        text=text,
        action_category=action_category,
        source_document="A/HRC/43/15",
        external_key=external_key or f"test:{review.id}:{paragraph}:{hash(text)}",
        current_position=position,
    )
    session.add(recommendation)
    session.flush()
    for code in recommending:
        create_state(session, code)
        session.add(RecommendingState(recommendation_id=recommendation.id, state_code=code))
    for theme in themes:
        session.add(RecommendationTheme(recommendation_id=recommendation.id, theme_id=theme.id))
    for person in affected:
        session.add(RecommendationAffectedPerson(recommendation_id=recommendation.id, affected_person_id=person.id))
    for code in sdg_targets:
        create_sdg_target(session, code)
        session.add(RecommendationSdgTarget(recommendation_id=recommendation.id, sdg_target_code=code))
    if position is not None:
        session.add(
            Position(
                recommendation_id=recommendation.id,
                position=position,
                date=position_date,
                source_document="A/HRC/43/15/Add.1",
            )
        )
    session.flush()
    return recommendation


@dataclass
class CycleWorld:
    """The cycle rows of a world: per state (own and other) unless said otherwise."""

    theme: Theme
    affected_person: AffectedPerson
    sdg_target: str
    reviews: dict[str, Review] = field(default_factory=dict)  # at session 34
    recommendations: dict[str, Recommendation] = field(default_factory=dict)
    documents: dict[str, ReviewDocument] = field(default_factory=dict)
    submissions: dict[str, Submission] = field(default_factory=dict)  # the CSO's
    nhri_submissions: dict[str, Submission] = field(default_factory=dict)
    imports: dict[tuple[str, str], ImportJob] = field(default_factory=dict)  # by (role, state)


def build_cycle_world(session: Session, world: World) -> World:
    """Per state (own and other): a review at session 34 with a document, a submission by its CSO and
    one by its NHRI, and a recommendation carrying a theme, an affected person, an SDG target and a
    position; per state, an import by its government and one by its admin."""
    theme = create_theme(session)
    person = create_affected_person(session)
    create_sdg_target(session, "16.10")
    cycle = world.built_cycle = CycleWorld(theme=theme, affected_person=person, sdg_target="16.10")
    for state in (OWN_STATE, OTHER_STATE):
        review = create_review(session, state, troika=("FRA", "BRA", "JPN"))
        document = ReviewDocument(
            review_id=review.id,
            kind=DocumentKind.working_group_report,
            symbol=f"A/HRC/43/{15 if state == OWN_STATE else 16}",
            languages=["en"],
        )
        submission = Submission(review_id=review.id, title=f"Joint submission on Roma rights in {state}")
        session.add_all([document, submission])
        session.flush()
        session.add(
            SubmissionParty(
                submission_id=submission.id,
                name=world.org("cso", state).name,
                organisation_id=world.org("cso", state).id,
                role=SubmissionRole.author,
            )
        )
        nhri_submission = Submission(review_id=review.id, title=f"NHRI submission on {state}")
        session.add(nhri_submission)
        session.flush()
        session.add(
            SubmissionParty(
                submission_id=nhri_submission.id,
                name=world.org("nhri", state).name,
                organisation_id=world.org("nhri", state).id,
                role=SubmissionRole.author,
            )
        )
        recommendation = create_recommendation(
            session, review, themes=(theme,), affected=(person,), sdg_targets=("16.10",), external_key=f"world:{state}"
        )
        cycle.reviews[state] = review
        cycle.recommendations[state] = recommendation
        cycle.documents[state] = document
        cycle.submissions[state] = submission
        cycle.nhri_submissions[state] = nhri_submission
    for role in ("government", "admin"):  # an import each, by the organisations that may import
        for state in (OWN_STATE, OTHER_STATE):
            job = ImportJob(
                filename="recommendations.csv",
                status=JobStatus.succeeded,
                organisation_id=world.org(role, state).id,
                created_by_user_id=world.user(role, state).id,
            )
            session.add(job)
            session.flush()
            cycle.imports[(role, state)] = job
    session.flush()
    return world
