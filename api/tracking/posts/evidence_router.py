"""HTTP for evidence: links and uploaded files, and serving a file back safely."""

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, File, Form, Query, Request, Response, UploadFile, status
from fastapi.responses import FileResponse
from pydantic.json_schema import SkipJsonSchema

from api.auth.deps import CanPostEvidence, Public
from api.core.pagination import Page
from api.core.types import MAX_ID, Day, StateCode, also_checked
from api.db import SessionDep
from api.http.deps import SettingsDep
from api.http.etags import IfMatch, update_with_etag, with_etag
from api.http.pages import PageDep
from api.http.params import IdPath, IdQuery
from api.http.problems import error_responses
from api.idempotency.deps import IdempotencyDep
from api.tracking.models import EvidenceKind, Visibility
from api.tracking.posts import evidence_service as service
from api.tracking.posts.locations import set_location
from api.tracking.posts.schemas import EvidenceRead, EvidenceUpdate
from api.tracking.posts.uploads import ALLOWED_DESCRIPTION, IncomingFile

ONE_PARENT = also_checked("exactly one of `progress_update_id`, `assessment_id` and `milestone_id` must be given")
ONE_CONTENT = also_checked("exactly one of `url` and `file` must be given")
router = APIRouter(prefix="/evidence", tags=["evidence"])

# Served files are downloads, never pages: no sniffing, no scripts, no caching of non-public material.
FILE_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cache-Control": "private, no-store",
}


def content_disposition(file_name: str) -> str:
    """`attachment` with the name in RFC 5987 form, plus an ASCII fallback for old clients."""
    fallback = "".join(c if 32 <= ord(c) < 127 and c not in '"\\' else "_" for c in file_name)
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(file_name, safe='')}"


@router.get("", response_model=Page[EvidenceRead], operation_id="evidence.list", responses=error_responses(422))
def list_evidence(
    session: SessionDep,
    principal: Public,
    page: PageDep,
    state: Annotated[StateCode | None, Query(description="ISO3 code of the state (any case).")] = None,
    progress_update: Annotated[IdQuery, Query(description="Progress update id.")] = None,
    assessment: Annotated[IdQuery, Query(description="Assessment id.")] = None,
    milestone: Annotated[IdQuery, Query(description="Milestone id.")] = None,
    organisation: Annotated[IdQuery, Query(description="Id of the posting organisation.")] = None,
    kind: Annotated[EvidenceKind | None, Query(description="Only evidence of this kind.")] = None,
) -> Page[EvidenceRead]:
    """Ordered by id. Only evidence you may see whose update or assessment you may also see."""
    return service.list_evidence(
        session,
        principal,
        page,
        state_code=state,
        progress_update_id=progress_update,
        assessment_id=assessment,
        milestone_id=milestone,
        organisation_id=organisation,
        kind=kind,
    )


EVIDENCE_EXAMPLE = {  # the demo's first milestone (api/tracking/demo.py)
    "milestone_id": 1228255344,
    "url": "https://www.gov.example.org/roma-programme.pdf",
    "description": "Adopted programme",
    "evidence_date": "2021-03-25",
    "visibility": "public",
}


@router.post(
    "",
    response_model=EvidenceRead,
    status_code=status.HTTP_201_CREATED,
    operation_id="evidence.create",
    responses=error_responses(401, 403, 404, 409, 413, 415, 422),
    # One whole example: the fields are alternatives (one of three parents, a link or a file), so an
    # example on each would add up to a request the server refuses.
    openapi_extra={"requestBody": {"content": {"multipart/form-data": {"example": EVIDENCE_EXAMPLE}}}},
)
def create_evidence(
    session: SessionDep,
    principal: CanPostEvidence,
    settings: SettingsDep,
    request: Request,
    response: Response,
    idem: IdempotencyDep,
    progress_update_id: Annotated[
        int | None,
        Form(ge=1, le=MAX_ID, description="Attach to this progress update (yours).", json_schema_extra=ONE_PARENT),
    ] = None,
    assessment_id: Annotated[
        int | None, Form(ge=1, le=MAX_ID, description="… or to this assessment (yours).", json_schema_extra=ONE_PARENT)
    ] = None,
    milestone_id: Annotated[
        int | None,
        Form(ge=1, le=MAX_ID, description="… or to this milestone (of your state).", json_schema_extra=ONE_PARENT),
    ] = None,
    url: Annotated[
        str | None,
        Form(
            max_length=2000,
            description="A link (http or https) …",
            json_schema_extra=ONE_CONTENT,
        ),
    ] = None,
    file: Annotated[
        UploadFile | SkipJsonSchema[None],
        File(
            description=f"… or a file: {ALLOWED_DESCRIPTION}; the type is read from the content.",
            json_schema_extra=ONE_CONTENT,
        ),
    ] = None,
    description: Annotated[str | None, Form(max_length=5000)] = None,
    evidence_date: Annotated[
        Day | None, Form(description="Not in the future.", json_schema_extra=also_checked("must not be in the future"))
    ] = None,
    visibility: Annotated[
        Visibility | None,
        Form(
            description="Defaults to the visibility of the update or assessment; `public` on a milestone.",
        ),
    ] = None,
) -> EvidenceRead:
    """multipart/form-data: exactly one of `progress_update_id`, `assessment_id`, `milestone_id`, and exactly
    one of `url` and `file`. Updates and assessments take evidence from the organisation that posted them
    (admins: any); milestones from their state's posters. A file over the size limit is a 413; a type not
    accepted (judged by content, whatever its name; a ZIP by its structure) a 415; one that cannot be read
    as its type a 422. It is stored under a random name, cleaned of identifying metadata (authors, PDF Info
    and XMP, EXIF/GPS); `size_bytes` and `sha256` are the stored file's. A pseudonymous organisation's
    file is named `evidence-<id>.<ext>`."""
    data = service.EvidenceInput(
        progress_update_id=progress_update_id,
        assessment_id=assessment_id,
        milestone_id=milestone_id,
        url=url or None,
        description=description,
        evidence_date=evidence_date,
        visibility=visibility,
    )
    upload = IncomingFile(name=file.filename, stream=file.file) if file is not None else None
    store = service.FileStore(directory=settings.evidence_dir, max_bytes=settings.max_evidence_bytes)
    evidence = service.create_evidence(session, principal, store, data, upload)
    set_location(request, response, f"/evidence/{evidence.id}")
    return idem.saved(with_etag(response, service.evidence_read(session, principal, evidence)), response)


@router.get(
    "/{evidence_id}", response_model=EvidenceRead, operation_id="evidence.get", responses=error_responses(404, 422)
)
def get_evidence(evidence_id: IdPath, session: SessionDep, principal: Public, response: Response) -> EvidenceRead:
    """Metadata (and the `url` of a link); a file's bytes are at `/evidence/{evidence_id}/file`."""
    return with_etag(
        response, service.evidence_read(session, principal, service.get_evidence(session, principal, evidence_id))
    )


@router.get(
    "/{evidence_id}/file",
    response_class=FileResponse,
    operation_id="evidence.download",
    responses={
        200: {
            "description": "The file, as an attachment, with the type detected at upload.",
            "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
        },
        **error_responses(404, 422),
    },
)
def download_evidence(
    evidence_id: IdPath, session: SessionDep, principal: Public, settings: SettingsDep
) -> FileResponse:
    """Always a download (`Content-Disposition: attachment`, `nosniff`, a CSP that runs nothing), under the
    name the metadata shows (`evidence-<id>.<ext>` for a pseudonymous organisation). A link, or evidence
    you may not see, is a 404."""
    evidence, path, name = service.evidence_file(session, principal, evidence_id, settings.evidence_dir)
    return FileResponse(
        path,
        media_type=evidence.content_type or "application/octet-stream",
        headers={**FILE_HEADERS, "Content-Disposition": content_disposition(name)},
    )


@router.patch(
    "/{evidence_id}",
    response_model=EvidenceRead,
    operation_id="evidence.update",
    responses=error_responses(401, 403, 404, 409, 412, 422),
)
def update_evidence(
    evidence_id: IdPath,
    data: EvidenceUpdate,
    session: SessionDep,
    principal: CanPostEvidence,
    response: Response,
    if_match: IfMatch = None,
) -> EvidenceRead:
    """Description, date and visibility, by the posting organisation (or an admin)."""
    return update_with_etag(
        response,
        if_match,
        load=lambda: service.get_writable_evidence(session, principal, evidence_id),
        read=lambda evidence: service.evidence_read(session, principal, evidence),
        change=lambda evidence: service.update_evidence(session, evidence, data),
    )


@router.delete(
    "/{evidence_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="evidence.delete",
    responses=error_responses(401, 403, 404, 409, 422),
)
def delete_evidence(
    evidence_id: IdPath, session: SessionDep, principal: CanPostEvidence, settings: SettingsDep
) -> None:
    """By the posting organisation (or an admin); a file is removed from the store too."""
    service.delete_evidence(session, principal, evidence_id, settings.evidence_dir)
