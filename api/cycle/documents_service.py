"""The documents of a review (national report, compilations, outcome, addendum, mid-term report)."""

from sqlmodel import Session, select

from api.core.errors import NotFound
from api.core.pagination import Page, PageParams, Sort, paginate
from api.core.updates import apply_changes
from api.cycle.models import DocumentKind, ReviewDocument
from api.cycle.reviews_service import get_review
from api.cycle.schemas import ReviewDocumentCreate, ReviewDocumentUpdate


def list_documents(
    session: Session, review_id: int, params: PageParams, *, kind: DocumentKind | None = None
) -> Page[ReviewDocument]:
    get_review(session, review_id)
    stmt = select(ReviewDocument).where(ReviewDocument.review_id == review_id)
    if kind:
        stmt = stmt.where(ReviewDocument.kind == kind)
    return paginate(session, stmt, params, [Sort(ReviewDocument.id)])


def get_document(session: Session, review_id: int, document_id: int, *, for_update: bool = False) -> ReviewDocument:
    """A document is addressed under its own review only: another review's id in the path is a 404."""
    get_review(session, review_id)
    document = session.get(ReviewDocument, document_id, with_for_update=for_update)
    if document is None or document.review_id != review_id:
        raise NotFound.entity(f"Document of review {review_id}", document_id)
    return document


def create_document(session: Session, review_id: int, data: ReviewDocumentCreate) -> ReviewDocument:
    get_review(session, review_id)
    document = ReviewDocument(review_id=review_id, **data.model_dump())
    session.add(document)
    session.flush()
    return document


def update_document(session: Session, document: ReviewDocument, data: ReviewDocumentUpdate) -> ReviewDocument:
    """`document` as `get_document(..., for_update=True)` loaded it."""
    apply_changes(document, data)
    session.add(document)
    session.flush()
    return document


def delete_document(session: Session, review_id: int, document_id: int) -> None:
    session.delete(get_document(session, review_id, document_id))
    session.flush()
