"""HTTP for reviews (with their troika) and their documents."""

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from api.auth.deps import CanWriteCycle, Public
from api.core.pagination import Page
from api.core.types import StateCode
from api.cycle import documents_service, reviews_service
from api.cycle.models import DocumentKind
from api.cycle.schemas import (
    ReviewCreate,
    ReviewDocumentCreate,
    ReviewDocumentRead,
    ReviewDocumentUpdate,
    ReviewRead,
    ReviewUpdate,
)
from api.db import SessionDep
from api.http.etags import IfMatch, update_with_etag, with_etag
from api.http.pages import PageDep
from api.http.params import IdPath, IdQuery
from api.http.problems import error_responses
from api.idempotency.deps import IdempotencyDep

reviews = APIRouter(prefix="/reviews", tags=["reviews"])
documents = APIRouter(prefix="/reviews/{review_id}/documents", tags=["documents"])


@reviews.get("", response_model=Page[ReviewRead], operation_id="reviews.list", responses=error_responses(422))
def list_reviews(
    session: SessionDep,
    _: Public,
    page: PageDep,
    state: Annotated[StateCode | None, Query(description="ISO3 code of the state under review (any case).")] = None,
    upr_session: Annotated[IdQuery, Query(alias="session", description="Working Group session number.")] = None,
    cycle: Annotated[IdQuery, Query(description="Cycle number.")] = None,
) -> Page[ReviewRead]:
    """Ordered by session, then state under review."""
    return reviews_service.list_reviews(session, page, state_code=state, session_number=upr_session, cycle=cycle)


@reviews.get("/{review_id}", response_model=ReviewRead, operation_id="reviews.get", responses=error_responses(404, 422))
def get_review(review_id: IdPath, session: SessionDep, _: Public, response: Response) -> ReviewRead:
    """One review (a state's UPR in a session), with its troika and counts. Public."""
    return with_etag(response, reviews_service.review_read(session, reviews_service.get_review(session, review_id)))


@reviews.post(
    "",
    response_model=ReviewRead,
    status_code=status.HTTP_201_CREATED,
    operation_id="reviews.create",
    responses=error_responses(401, 403, 409, 422),
)
def create_review(data: ReviewCreate, session: SessionDep, _: CanWriteCycle, idem: IdempotencyDep) -> ReviewRead:
    """One review per state and session (409 otherwise); the troika has at most three states, never the state
    under review."""
    return idem.saved(reviews_service.review_read(session, reviews_service.create_review(session, data)))


@reviews.patch(
    "/{review_id}",
    response_model=ReviewRead,
    operation_id="reviews.update",
    responses=error_responses(401, 403, 404, 412, 422),
)
def update_review(
    review_id: IdPath,
    data: ReviewUpdate,
    session: SessionDep,
    _: CanWriteCycle,
    response: Response,
    if_match: IfMatch = None,
) -> ReviewRead:
    """`troika`, when given, replaces the whole troika."""
    return update_with_etag(
        response,
        if_match,
        load=lambda: reviews_service.get_review(session, review_id, for_update=True),
        read=lambda review: reviews_service.review_read(session, review),
        change=lambda review: reviews_service.update_review(session, review, data),
    )


@reviews.delete(
    "/{review_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="reviews.delete",
    responses=error_responses(401, 403, 404, 409),
)
def delete_review(
    review_id: IdPath,
    session: SessionDep,
    principal: CanWriteCycle,
    force: Annotated[bool, Query(description="Also delete its recommendations and their positions (admins).")] = False,
) -> None:
    """Deletes the review with its documents, troika and submissions. A review with recommendations is
    refused with 409 unless an admin passes `force=true`; then they go too, all in one transaction."""
    reviews_service.delete_review(session, principal, review_id, force=force)


@documents.get(
    "", response_model=Page[ReviewDocumentRead], operation_id="documents.list", responses=error_responses(404, 422)
)
def list_documents(
    review_id: IdPath,
    session: SessionDep,
    _: Public,
    page: PageDep,
    kind: Annotated[DocumentKind | None, Query(description="Only documents of this kind.")] = None,
) -> Page[ReviewDocumentRead]:
    """The documents of a review (national report, working group report, addenda …); filter on `kind`. Public; a 404
    for an unknown review."""
    return documents_service.list_documents(session, review_id, page, kind=kind).map(ReviewDocumentRead.model_validate)


@documents.get(
    "/{document_id}",
    response_model=ReviewDocumentRead,
    operation_id="documents.get",
    responses=error_responses(404, 422),
)
def get_document(
    review_id: IdPath, document_id: IdPath, session: SessionDep, _: Public, response: Response
) -> ReviewDocumentRead:
    """One document of a review. Public."""
    document = documents_service.get_document(session, review_id, document_id)
    return with_etag(response, ReviewDocumentRead.model_validate(document))


@documents.post(
    "",
    response_model=ReviewDocumentRead,
    status_code=status.HTTP_201_CREATED,
    operation_id="documents.create",
    responses=error_responses(401, 403, 404, 422),
)
def create_document(
    review_id: IdPath, data: ReviewDocumentCreate, session: SessionDep, _: CanWriteCycle, idem: IdempotencyDep
) -> ReviewDocumentRead:
    """Add a document to a review (admins only); a 404 for an unknown review."""
    return idem.saved(ReviewDocumentRead.model_validate(documents_service.create_document(session, review_id, data)))


@documents.patch(
    "/{document_id}",
    response_model=ReviewDocumentRead,
    operation_id="documents.update",
    responses=error_responses(401, 403, 404, 412, 422),
)
def update_document(
    review_id: IdPath,
    document_id: IdPath,
    data: ReviewDocumentUpdate,
    session: SessionDep,
    _: CanWriteCycle,
    response: Response,
    if_match: IfMatch = None,
) -> ReviewDocumentRead:
    """Change a document's kind, symbol, languages, URL or date (admins only). Send the ETag of your read in `If-
    Match`: a stale one is a 412."""
    return update_with_etag(
        response,
        if_match,
        load=lambda: documents_service.get_document(session, review_id, document_id, for_update=True),
        read=ReviewDocumentRead.model_validate,
        change=lambda document: documents_service.update_document(session, document, data),
    )


@documents.delete(
    "/{document_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="documents.delete",
    responses=error_responses(401, 403, 404),
)
def delete_document(review_id: IdPath, document_id: IdPath, session: SessionDep, _: CanWriteCycle) -> None:
    """Remove a document from a review (admins only)."""
    documents_service.delete_document(session, review_id, document_id)
