from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.incident_kind import IncidentKind
from ...models.incident_page import IncidentPage
from ...models.problem_detail import ProblemDetail
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    state: None | str | Unset = UNSET,
    year: int | None | Unset = UNSET,
    kind: IncidentKind | None | Unset = UNSET,
    shared: bool | None | Unset = UNSET,
    reported_to_un: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_state: None | str | Unset
    if isinstance(state, Unset):
        json_state = UNSET
    else:
        json_state = state
    params["state"] = json_state

    json_year: int | None | Unset
    if isinstance(year, Unset):
        json_year = UNSET
    else:
        json_year = year
    params["year"] = json_year

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, IncidentKind):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_shared: bool | None | Unset
    if isinstance(shared, Unset):
        json_shared = UNSET
    else:
        json_shared = shared
    params["shared"] = json_shared

    json_reported_to_un: bool | None | Unset
    if isinstance(reported_to_un, Unset):
        json_reported_to_un = UNSET
    else:
        json_reported_to_un = reported_to_un
    params["reported_to_un"] = json_reported_to_un

    params["limit"] = limit

    params["offset"] = offset

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/advocacy/reprisal-incidents",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IncidentPage | ProblemDetail | None:
    if response.status_code == 200:
        response_200 = IncidentPage.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = None
        return response_304

    if response.status_code == 401:
        response_401 = ProblemDetail.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ProblemDetail.from_dict(response.json())

        return response_403

    if response.status_code == 422:
        response_422 = ProblemDetail.from_dict(response.json())

        return response_422

    if response.status_code == 503:
        response_503 = ProblemDetail.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[IncidentPage | ProblemDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    state: None | str | Unset = UNSET,
    year: int | None | Unset = UNSET,
    kind: IncidentKind | None | Unset = UNSET,
    shared: bool | None | Unset = UNSET,
    reported_to_un: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[IncidentPage | ProblemDetail]:
    """List Incidents

     The incidents the caller may see, latest first: its organisation's, and for an NHRI those the
    organisations of its state share with it (admins: all). Others' are absent, from the items and the
    total.

    Args:
        state (None | str | Unset): ISO3 code of the incident's state (any case).
        year (int | None | Unset): Only incidents that occurred in this year.
        kind (IncidentKind | None | Unset): Only incidents of this kind.
        shared (bool | None | Unset): Only incidents shared (true) or not (false) with the NHRI.
        reported_to_un (bool | None | Unset): Only incidents reported (true) or not (false) to the
            UN.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IncidentPage | ProblemDetail]
    """

    kwargs = _get_kwargs(
        state=state,
        year=year,
        kind=kind,
        shared=shared,
        reported_to_un=reported_to_un,
        limit=limit,
        offset=offset,
        cursor=cursor,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    state: None | str | Unset = UNSET,
    year: int | None | Unset = UNSET,
    kind: IncidentKind | None | Unset = UNSET,
    shared: bool | None | Unset = UNSET,
    reported_to_un: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> IncidentPage | ProblemDetail | None:
    """List Incidents

     The incidents the caller may see, latest first: its organisation's, and for an NHRI those the
    organisations of its state share with it (admins: all). Others' are absent, from the items and the
    total.

    Args:
        state (None | str | Unset): ISO3 code of the incident's state (any case).
        year (int | None | Unset): Only incidents that occurred in this year.
        kind (IncidentKind | None | Unset): Only incidents of this kind.
        shared (bool | None | Unset): Only incidents shared (true) or not (false) with the NHRI.
        reported_to_un (bool | None | Unset): Only incidents reported (true) or not (false) to the
            UN.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IncidentPage | ProblemDetail
    """

    return sync_detailed(
        client=client,
        state=state,
        year=year,
        kind=kind,
        shared=shared,
        reported_to_un=reported_to_un,
        limit=limit,
        offset=offset,
        cursor=cursor,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    state: None | str | Unset = UNSET,
    year: int | None | Unset = UNSET,
    kind: IncidentKind | None | Unset = UNSET,
    shared: bool | None | Unset = UNSET,
    reported_to_un: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[IncidentPage | ProblemDetail]:
    """List Incidents

     The incidents the caller may see, latest first: its organisation's, and for an NHRI those the
    organisations of its state share with it (admins: all). Others' are absent, from the items and the
    total.

    Args:
        state (None | str | Unset): ISO3 code of the incident's state (any case).
        year (int | None | Unset): Only incidents that occurred in this year.
        kind (IncidentKind | None | Unset): Only incidents of this kind.
        shared (bool | None | Unset): Only incidents shared (true) or not (false) with the NHRI.
        reported_to_un (bool | None | Unset): Only incidents reported (true) or not (false) to the
            UN.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IncidentPage | ProblemDetail]
    """

    kwargs = _get_kwargs(
        state=state,
        year=year,
        kind=kind,
        shared=shared,
        reported_to_un=reported_to_un,
        limit=limit,
        offset=offset,
        cursor=cursor,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    state: None | str | Unset = UNSET,
    year: int | None | Unset = UNSET,
    kind: IncidentKind | None | Unset = UNSET,
    shared: bool | None | Unset = UNSET,
    reported_to_un: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> IncidentPage | ProblemDetail | None:
    """List Incidents

     The incidents the caller may see, latest first: its organisation's, and for an NHRI those the
    organisations of its state share with it (admins: all). Others' are absent, from the items and the
    total.

    Args:
        state (None | str | Unset): ISO3 code of the incident's state (any case).
        year (int | None | Unset): Only incidents that occurred in this year.
        kind (IncidentKind | None | Unset): Only incidents of this kind.
        shared (bool | None | Unset): Only incidents shared (true) or not (false) with the NHRI.
        reported_to_un (bool | None | Unset): Only incidents reported (true) or not (false) to the
            UN.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IncidentPage | ProblemDetail
    """

    return (
        await asyncio_detailed(
            client=client,
            state=state,
            year=year,
            kind=kind,
            shared=shared,
            reported_to_un=reported_to_un,
            limit=limit,
            offset=offset,
            cursor=cursor,
            if_none_match=if_none_match,
        )
    ).parsed
