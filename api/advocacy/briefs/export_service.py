"""A brief as one self-contained document, with names instead of ids (its coalition, working group,
state, session, labels and submissions), which the JSON export returns and the DOCX export renders;
the caller has already been allowed to read the brief.
"""

from sqlmodel import Session

from api.advocacy.briefs.briefs_service import brief_read, submissions_of
from api.advocacy.briefs.schemas import (
    EXPORT_FORMAT,
    BriefExport,
    BriefExportLabel,
    BriefExportRecommendation,
    BriefExportSession,
    BriefExportState,
    BriefExportSubmission,
)
from api.advocacy.models import Brief
from api.core.rows import stored_id
from api.cycle.models import Review, State, UprSession


def export_document(session: Session, brief: Brief) -> BriefExport:
    """The brief as one self-contained document (names, not ids), for the JSON and DOCX exports."""
    read = brief_read(session, brief)
    review = session.get_one(Review, brief.review_id)
    state = session.get_one(State, review.state_code)
    upr_session = session.get_one(UprSession, review.session_number)
    submissions = submissions_of(session, [stored_id(brief)])[stored_id(brief)]
    return BriefExport(
        format=EXPORT_FORMAT,
        id=read.id,
        title=read.title,
        status=read.status,
        coalition=read.coalition.name,
        working_group=read.working_group.name,
        state=BriefExportState(code=state.code, name=state.name),
        session=BriefExportSession(
            number=upr_session.number,
            year=upr_session.year,
            start_date=upr_session.start_date,
            end_date=upr_session.end_date,
        ),
        dialogue_date=review.dialogue_date,
        adoption_date=review.adoption_date,
        issues=read.issues,
        questions=read.questions,
        recommendations=[
            BriefExportRecommendation(number=n, text=a.text, smart=a.smart)
            for n, a in enumerate(read.proposed_recommendations, start=1)
        ],
        themes=[BriefExportLabel(code=t.code, name=t.name) for t in read.themes],
        affected_persons=[BriefExportLabel(code=p.code, name=p.name) for p in read.affected_persons],
        submissions=[BriefExportSubmission(title=s.title, symbol=s.symbol, url=s.url) for s in submissions],
        published_at=read.published_at,
        updated_at=read.updated_at,
    )
