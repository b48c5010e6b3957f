"""Demo data for `make run`: every UN member and observer state, the UPR cycles and sessions, the SDG
targets, one real review with all its recommendations, and one organisation and user per role.

Idempotent: a second run adds nothing and prints no passwords (they are shown on first seed only).
Everything is written in the caller's one transaction, so the audit log records it and a failure
leaves nothing behind; positions go through `append_position`, the API's write path, so the seed
gets the same checks and the same current position.
"""

import csv
import io
import json
import secrets
from dataclasses import asdict, dataclass
from datetime import date
from importlib.resources import files
from typing import Any, Protocol

from sqlalchemy import func
from sqlmodel import Session, col, select

from api.audit.models import AuditAction, AuditEntry
from api.auth.models import Organisation, OrganisationKind, User
from api.auth.security import hash_password
from api.auth.service import revoke_access_tokens
from api.cycle.calendar import CYCLES, cycle_of_session
from api.cycle.models import (
    Cycle,
    DocumentKind,
    RegionalGroup,
    Review,
    ReviewDocument,
    ReviewTroika,
    State,
    UNStatus,
    UprSession,
)
from api.imports.lookups import Lookups
from api.recommendations.models import (
    ImportFormat,
    PositionKind,
    Recommendation,
    RecommendationAffectedPerson,
    RecommendationTheme,
    RecommendingState,
)
from api.recommendations.positions import append_position
from api.recommendations.schemas import PositionCreate
from api.recommendations.service import derive_external_key
from api.taxonomy.models import AffectedPerson, Theme
from api.taxonomy.service import seed_sdg_targets
from api.taxonomy.vocabulary_service import VocabularyReport, seed_vocabulary

GROUPS = {
    "Africa": RegionalGroup.african,
    "Asia": RegionalGroup.asia_pacific,
    "EEG": RegionalGroup.eeg,
    "GRULAC": RegionalGroup.grulac,
    "WEOG": RegionalGroup.weog,
}

DEMO_STATE = "SVN"


class _Stored(Protocol):
    id: int | None


def _id(row: _Stored) -> int:
    """The id of a row the seed has flushed (every one it refers to)."""
    if row.id is None:
        raise ValueError(f"{type(row).__name__} was not flushed before being referred to.")
    return row.id


@dataclass(frozen=True)
class DemoAccount:
    email: str
    organisation: str
    kind: OrganisationKind
    public_name: str | None = None
    is_admin: bool = False


DEMO_ACCOUNTS = (
    DemoAccount("admin@demo.upr-tracker.org", "UPR Tracker operators", OrganisationKind.other, is_admin=True),
    DemoAccount(
        "government@demo.upr-tracker.org",
        "Ministry of Foreign and European Affairs of Slovenia",
        OrganisationKind.government,
    ),
    DemoAccount("nhri@demo.upr-tracker.org", "Human Rights Ombudsman of Slovenia", OrganisationKind.nhri),
    DemoAccount(
        "cso@demo.upr-tracker.org",
        "Slovenian Roma Rights Coalition (demo)",
        OrganisationKind.cso,
        public_name="Coalition A",
    ),
    DemoAccount("un@demo.upr-tracker.org", "UN Human Rights regional office (demo)", OrganisationKind.un),
    DemoAccount("academic@demo.upr-tracker.org", "Human Rights Centre, University (demo)", OrganisationKind.academic),
)


def reference_states() -> list[State]:
    text = files("api.cycle").joinpath("data/un_member_states.csv").read_text(encoding="utf-8")
    return [
        State(
            code=row["iso3"],
            iso2=row["iso2"] or None,
            name=row["unsd_name"],
            regional_group=GROUPS.get(row["upr_info_regional_group"]),
            un_status=UNStatus(row["un_status"]),
        )
        for row in csv.DictReader(io.StringIO(text))
    ]


def seed_states(session: Session) -> int:
    known = set(session.exec(select(State.code)))
    new = [s for s in reference_states() if s.code not in known]
    session.add_all(new)
    session.flush()
    return len(new)


def seed_demo_accounts(session: Session, reset_passwords: bool = False) -> list[tuple[str, str, str]]:
    """Create missing demo accounts (or give existing ones new passwords);
    returns (email, role, password) for those whose password was set now."""
    created = []
    for account in DEMO_ACCOUNTS:
        organisation = session.exec(select(Organisation).where(col(Organisation.name) == account.organisation)).first()
        if organisation is None:
            organisation = Organisation(
                name=account.organisation, kind=account.kind, state_code=DEMO_STATE, public_name=account.public_name
            )
            session.add(organisation)
            session.flush()
        user = session.exec(select(User).where(col(User.email) == account.email)).first()
        if user is not None and not reset_passwords:
            continue
        password = secrets.token_urlsafe(12)
        if user is None:
            role = "admin" if account.is_admin else account.kind.value
            user = User(
                email=account.email,
                full_name=f"Demo {role} user",
                password_hash="",
                organisation_id=_id(organisation),
                is_admin=account.is_admin,
            )
        else:
            revoke_access_tokens(user)  # a new password ends the old one's sessions, as over the API
        user.password_hash = hash_password(password)
        session.add(user)
        created.append((account.email, "admin" if account.is_admin else account.kind.value, password))
    session.flush()
    return created


DEMO_REVIEW = "seed_data/slovenia_upr34_2019.json"


def seed_cycles(session: Session) -> int:
    known = set(session.exec(select(Cycle.number)))
    new = [Cycle(number=n, start_year=start, end_year=end) for n, (start, end) in CYCLES.items() if n not in known]
    session.add_all(new)
    session.flush()
    return len(new)


def seed_sessions(session: Session) -> int:
    """Sessions 1–53 with their years (no dates: no published calendar with them was at hand)."""
    text = files("api").joinpath("seed_data/upr_sessions_year.csv").read_text(encoding="utf-8")
    known = set(session.exec(select(UprSession.number)))
    new = [
        UprSession(
            number=int(row["session"]), cycle_number=cycle_of_session(int(row["session"])), year=int(row["year"])
        )
        for row in csv.DictReader(io.StringIO(text))
        if int(row["session"]) not in known
    ]
    session.add_all(new)
    session.flush()
    return len(new)


def demo_fixture() -> dict[str, Any]:
    """Slovenia's review at session 34 (2019), built from OHCHR's thematic list by tools/build_demo_fixture.py."""
    return json.loads(files("api").joinpath(DEMO_REVIEW).read_text(encoding="utf-8"))


def _vocabulary_ids(session: Session, recs: list[dict[str, Any]]) -> tuple[dict[str, int], dict[str, int], int, int]:
    """label → id of the demo's themes and groups, read through the vocabulary's crosswalk as an import of
    OHCHR's matrix reads them (the fixture is that matrix), so the demo lands on the canonical entries;
    with the number of themes and groups this created."""
    lookups = Lookups(session, ImportFormat.ohchr_matrix.value)
    before = (_count(session, Theme), _count(session, AffectedPerson))
    themes = {t: lookups.theme(t, None) for r in recs for t in r["themes"]}
    persons = {p: lookups.person(p) for r in recs for p in r["affected_persons"]}
    return themes, persons, _count(session, Theme) - before[0], _count(session, AffectedPerson) - before[1]


def _count(session: Session, model: type[Theme] | type[AffectedPerson]) -> int:
    return session.exec(select(func.count()).select_from(model)).one()


def _review(session: Session, data: dict[str, Any]) -> tuple[Review, int]:
    review = session.exec(
        select(Review).where(Review.state_code == data["state_under_review"], Review.session_number == data["session"])
    ).first()
    if review is not None:
        return review, 0
    review = Review(
        state_code=data["state_under_review"],
        session_number=data["session"],
        dialogue_date=date.fromisoformat(data["dialogue_date"]) if data["dialogue_date"] else None,
        adoption_date=date.fromisoformat(data["adoption_date"]) if data["adoption_date"] else None,
    )
    session.add(review)
    session.flush()
    session.add_all(ReviewTroika(review_id=_id(review), state_code=code) for code in data["troika"])
    return review, 1


def _documents(session: Session, review: Review, documents: list[dict[str, Any]]) -> int:
    known = set(session.exec(select(ReviewDocument.symbol).where(ReviewDocument.review_id == review.id)))
    new = [
        ReviewDocument(review_id=_id(review), kind=DocumentKind(d["kind"]), symbol=d["symbol"], url=d["url"])
        for d in documents
        if d["symbol"] not in known
    ]
    session.add_all(new)
    return len(new)


@dataclass
class DemoCounts:
    themes: int = 0
    affected_persons: int = 0
    reviews: int = 0
    documents: int = 0
    recommendations: int = 0
    positions: int = 0


def seed_demo_review(session: Session, fixture: dict[str, Any] | None = None) -> DemoCounts:
    """The demo review and its recommendations; a recommendation whose external key exists is left as it is."""
    fixture = fixture or demo_fixture()
    data, recs = fixture["review"], fixture["recommendations"]
    counts = DemoCounts()
    review, counts.reviews = _review(session, data)
    counts.documents = _documents(session, review, data["documents"])
    # The same key an import of OHCHR's file (or UPR Info's) derives, so importing it updates these.
    cycle = session.exec(select(UprSession.cycle_number).where(col(UprSession.number) == review.session_number)).one()
    recs = [{**r, "external_key": derive_external_key(review.state_code, cycle, r["text"])} for r in recs]
    known = set(
        session.exec(
            select(Recommendation.external_key).where(
                col(Recommendation.external_key).in_([r["external_key"] for r in recs])
            )
        )
    )
    recs = [r for r in recs if r["external_key"] not in known]
    if not recs:
        session.flush()
        return counts
    themes, persons, counts.themes, counts.affected_persons = _vocabulary_ids(session, recs)
    report = next(d["symbol"] for d in data["documents"] if d["kind"] == DocumentKind.working_group_report)
    rows = [
        Recommendation(
            review_id=_id(review),
            paragraph=r["paragraph"],
            text=r["text"],
            source_document=report,
            external_key=r["external_key"],
        )
        for r in recs
    ]
    session.add_all(rows)
    session.flush()
    for row, r in zip(rows, recs, strict=True):
        row_id = _id(row)
        session.add_all(RecommendingState(recommendation_id=row_id, state_code=c) for c in r["recommending_states"])
        # Two labels of one row may name one canonical entry (the first label is kept as the source's).
        theme_labels = {themes[t]: t for t in reversed(r["themes"])}
        session.add_all(
            RecommendationTheme(recommendation_id=row_id, theme_id=theme_id, source_label=label[:300])
            for theme_id, label in theme_labels.items()
        )
        session.add_all(
            RecommendationAffectedPerson(recommendation_id=row_id, affected_person_id=person_id)
            for person_id in dict.fromkeys(persons[p] for p in r["affected_persons"])
        )
        # The same write as a government's over the API, so the current position follows the history.
        source = r["position_source"]
        day = data["position_dates"].get(source["document"]) or data["dialogue_date"]
        position = PositionCreate(
            position=PositionKind(r["position"]),
            date=date.fromisoformat(day),
            source_document=source["document"],
            source_paragraph=source["paragraph"],
        )
        append_position(session, row, position)
    session.flush()
    counts.recommendations = counts.positions = len(rows)
    return counts


@dataclass
class SeedReport:
    states: int
    cycles: int
    sessions: int
    sdg_targets: int
    vocabulary: VocabularyReport
    demo: DemoCounts


def seed_vocabulary_audited(session: Session) -> VocabularyReport:
    """The canonical themes and groups (`seed_vocabulary` writes with plain statements, unseen by the
    audit listener): one audit entry for the run when it changed anything."""
    report = seed_vocabulary(session)
    if report.changed:
        session.add(
            AuditEntry(
                entity="vocabulary",
                entity_id="api/taxonomy/data",
                action=AuditAction.update,
                changes={"themes": asdict(report.themes), "affected_persons": asdict(report.affected_persons)},
            )
        )
        session.flush()
    return report


def seed_reference_and_demo(session: Session) -> SeedReport:
    """Everything but the accounts, in dependency order (the demo review needs states and its session)."""
    return SeedReport(
        states=seed_states(session),
        cycles=seed_cycles(session),
        sessions=seed_sessions(session),
        sdg_targets=seed_sdg_targets(session),
        vocabulary=seed_vocabulary_audited(session),
        demo=seed_demo_review(session),
    )
