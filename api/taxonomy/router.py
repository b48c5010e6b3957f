"""HTTP for the vocabularies: themes, affected persons, SDG targets."""

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response, status

from api.auth.deps import CanWriteTaxonomy, Public
from api.core.pagination import Page
from api.core.types import MAX_ID
from api.db import SessionDep
from api.http.etags import IfMatch, update_with_etag, with_etag
from api.http.pages import PageDep
from api.http.params import IdPath
from api.http.problems import error_responses
from api.idempotency.deps import IdempotencyDep
from api.taxonomy import service
from api.taxonomy.schemas import (
    AffectedPersonCreate,
    AffectedPersonRead,
    SdgTargetRead,
    ThemeCreate,
    ThemeRead,
    ThemeUpdate,
)

themes = APIRouter(prefix="/themes", tags=["themes"])
affected_persons = APIRouter(prefix="/affected-persons", tags=["affected-persons"])
sdg_targets = APIRouter(prefix="/sdg-targets", tags=["sdg-targets"])
routers: list[APIRouter] = [themes, affected_persons, sdg_targets]

Search = Annotated[
    str | None, Query(max_length=200, description="Case-insensitive substring of the name (or, for themes, the code).")
]


@themes.get("", response_model=Page[ThemeRead], operation_id="themes.list", responses=error_responses(422))
def list_themes(
    session: SessionDep,
    _: Public,
    page: PageDep,
    q: Search = None,
    parent_id: Annotated[int | None, Query(ge=1, le=MAX_ID, description="Only the children of this theme.")] = None,
) -> Page[ThemeRead]:
    return service.list_themes(session, page, q=q, parent_id=parent_id).map(ThemeRead.model_validate)


@themes.get("/{theme_id}", response_model=ThemeRead, operation_id="themes.get", responses=error_responses(404))
def get_theme(theme_id: IdPath, session: SessionDep, _: Public, response: Response) -> ThemeRead:
    return with_etag(response, ThemeRead.model_validate(service.get_theme(session, theme_id)))


@themes.post(
    "",
    response_model=ThemeRead,
    status_code=status.HTTP_201_CREATED,
    operation_id="themes.create",
    responses=error_responses(401, 403, 409, 422),
)
def create_theme(data: ThemeCreate, session: SessionDep, _: CanWriteTaxonomy, idem: IdempotencyDep) -> ThemeRead:
    """Names and codes are unique (case-insensitively): a duplicate is a 409 naming the field."""
    return idem.saved(ThemeRead.model_validate(service.create_theme(session, data)))


@themes.patch(
    "/{theme_id}",
    response_model=ThemeRead,
    operation_id="themes.update",
    responses=error_responses(401, 403, 404, 409, 412, 422),
)
def update_theme(
    theme_id: IdPath,
    data: ThemeUpdate,
    session: SessionDep,
    _: CanWriteTaxonomy,
    response: Response,
    if_match: IfMatch = None,
) -> ThemeRead:
    """Renaming relabels every recommendation carrying the theme."""
    return update_with_etag(
        response,
        if_match,
        load=lambda: service.get_theme(session, theme_id, for_update=True),
        read=ThemeRead.model_validate,
        change=lambda theme: service.update_theme(session, theme, data),
    )


@affected_persons.get(
    "", response_model=Page[AffectedPersonRead], operation_id="affected_persons.list", responses=error_responses(422)
)
def list_affected_persons(session: SessionDep, _: Public, page: PageDep, q: Search = None) -> Page[AffectedPersonRead]:
    return service.list_affected_persons(session, page, q=q).map(AffectedPersonRead.model_validate)


@affected_persons.get(
    "/{person_id}",
    response_model=AffectedPersonRead,
    operation_id="affected_persons.get",
    responses=error_responses(404),
)
def get_affected_person(person_id: IdPath, session: SessionDep, _: Public, response: Response) -> AffectedPersonRead:
    return with_etag(response, AffectedPersonRead.model_validate(service.get_affected_person(session, person_id)))


@affected_persons.post(
    "",
    response_model=AffectedPersonRead,
    status_code=status.HTTP_201_CREATED,
    operation_id="affected_persons.create",
    responses=error_responses(401, 403, 409, 422),
)
def create_affected_person(
    data: AffectedPersonCreate, session: SessionDep, _: CanWriteTaxonomy, idem: IdempotencyDep
) -> AffectedPersonRead:
    return idem.saved(AffectedPersonRead.model_validate(service.create_affected_person(session, data)))


@sdg_targets.get(
    "", response_model=Page[SdgTargetRead], operation_id="sdg_targets.list", responses=error_responses(422)
)
def list_sdg_targets(
    session: SessionDep,
    _: Public,
    page: PageDep,
    goal: Annotated[int | None, Query(ge=1, le=17, description="SDG 1–17.")] = None,
) -> Page[SdgTargetRead]:
    """The 169 targets of the 2030 Agenda, by goal (targets as text: `16.10` sorts before `16.2`)."""
    return service.list_sdg_targets(session, page, goal=goal).map(SdgTargetRead.model_validate)


@sdg_targets.get(
    "/{code}", response_model=SdgTargetRead, operation_id="sdg_targets.get", responses=error_responses(404)
)
def get_sdg_target(
    code: Annotated[str, Path(description="e.g. `16.10` or `1.a`.")], session: SessionDep, _: Public, response: Response
) -> SdgTargetRead:
    return with_etag(response, SdgTargetRead.model_validate(service.get_sdg_target(session, code)))
