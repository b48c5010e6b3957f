"""HTTP for the vocabularies: themes, affected persons, SDG targets."""

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response, status

from api.auth.deps import CanWriteTaxonomy, Public
from api.core.pagination import Page
from api.core.types import MAX_ID, also_checked
from api.db import SessionDep
from api.http.etags import IfMatch, update_with_etag, with_etag
from api.http.pages import PageDep
from api.http.params import IdPath
from api.http.problems import error_responses
from api.idempotency.deps import IdempotencyDep
from api.taxonomy import reads, service
from api.taxonomy.schemas import (
    AffectedPersonCreate,
    AffectedPersonDetail,
    SdgTargetRead,
    ThemeCreate,
    ThemeDetail,
    ThemeUpdate,
)

themes = APIRouter(prefix="/themes", tags=["themes"])
affected_persons = APIRouter(prefix="/affected-persons", tags=["affected-persons"])
sdg_targets = APIRouter(prefix="/sdg-targets", tags=["sdg-targets"])
routers: list[APIRouter] = [themes, affected_persons, sdg_targets]

Search = Annotated[
    str | None,
    Query(max_length=200, description="Case-insensitive substring of the name, the code or a source's label."),
]
Parent = Annotated[
    str | None,
    Query(
        json_schema_extra=also_checked("must name an existing entry of the same vocabulary"),
        min_length=1,
        max_length=200,
        description="Only the entries directly under this one: id, code or name.",
    ),
]
Root = Annotated[
    bool | None, Query(description="`true`: only the top level; `false`: only what sits under another entry.")
]


@themes.get("", response_model=Page[ThemeDetail], operation_id="themes.list", responses=error_responses(422))
def list_themes(
    session: SessionDep,
    _: Public,
    page: PageDep,
    q: Search = None,
    parent: Parent = None,
    parent_id: Annotated[
        int | None,
        Query(
            ge=1,
            le=MAX_ID,
            deprecated=True,
            description="Use `parent`, which also takes a code.",
            json_schema_extra=also_checked("must name an existing theme"),
        ),
    ] = None,
    root: Root = None,
) -> Page[ThemeDetail]:
    """By name. Each theme with its children, the labels sources give it, and how many recommendations it
    covers with the themes under it."""
    if parent is None and parent_id is not None:
        return reads.list_themes(session, page, q=q, parent=str(parent_id), root=root, parent_field="parent_id")
    return reads.list_themes(session, page, q=q, parent=parent, root=root)


ThemeKey = Annotated[str, Path(min_length=1, max_length=16, description="Id or code, e.g. `113` or `D23`.")]


@themes.get("/{theme_id}", response_model=ThemeDetail, operation_id="themes.get", responses=error_responses(404))
def get_theme(theme_id: ThemeKey, session: SessionDep, _: Public, response: Response) -> ThemeDetail:
    """By id or by code (in any case)."""
    return with_etag(response, reads.read_theme(session, reads.get_theme(session, theme_id)))


@themes.post(
    "",
    response_model=ThemeDetail,
    status_code=status.HTTP_201_CREATED,
    operation_id="themes.create",
    responses=error_responses(401, 403, 409, 422),
)
def create_theme(data: ThemeCreate, session: SessionDep, _: CanWriteTaxonomy, idem: IdempotencyDep) -> ThemeDetail:
    """Names and codes are unique (case-insensitively): a duplicate is a 409 naming the field."""
    return idem.saved(reads.read_theme(session, service.create_theme(session, data)))


@themes.patch(
    "/{theme_id}",
    response_model=ThemeDetail,
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
) -> ThemeDetail:
    """Renaming relabels every recommendation carrying the theme."""
    return update_with_etag(
        response,
        if_match,
        load=lambda: service.get_theme(session, theme_id, for_update=True),
        read=lambda theme: reads.read_theme(session, theme),
        change=lambda theme: service.update_theme(session, theme, data),
    )


@affected_persons.get(
    "", response_model=Page[AffectedPersonDetail], operation_id="affected_persons.list", responses=error_responses(422)
)
def list_affected_persons(
    session: SessionDep, _: Public, page: PageDep, q: Search = None, parent: Parent = None, root: Root = None
) -> Page[AffectedPersonDetail]:
    """By name. Each group with the groups under it, the labels sources give it, and how many
    recommendations it covers with the groups under it."""
    return reads.list_groups(session, page, q=q, parent=parent, root=root)


GroupKey = Annotated[str, Path(min_length=1, max_length=32, description="Id or code, e.g. `12` or `women`.")]


@affected_persons.get(
    "/{person_id}",
    response_model=AffectedPersonDetail,
    operation_id="affected_persons.get",
    responses=error_responses(404),
)
def get_affected_person(
    person_id: GroupKey, session: SessionDep, _: Public, response: Response
) -> AffectedPersonDetail:
    """By id or by code (in any case)."""
    return with_etag(response, reads.read_group(session, reads.get_group(session, person_id)))


@affected_persons.post(
    "",
    response_model=AffectedPersonDetail,
    status_code=status.HTTP_201_CREATED,
    operation_id="affected_persons.create",
    responses=error_responses(401, 403, 409, 422),
)
def create_affected_person(
    data: AffectedPersonCreate, session: SessionDep, _: CanWriteTaxonomy, idem: IdempotencyDep
) -> AffectedPersonDetail:
    """Add a group of affected persons (admins only); its name is unique (409 naming `name`)."""
    return idem.saved(reads.read_group(session, service.create_affected_person(session, data)))


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
    """One SDG target by its code (`16.10`, `1.a`). Public."""
    return with_etag(response, SdgTargetRead.model_validate(service.get_sdg_target(session, code)))
