import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.outreach_kind import OutreachKind
from ...models.outreach_page import OutreachPage
from ...models.problem_detail import ProblemDetail
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    coalition: int | None | Unset = UNSET,
    state: None | str | Unset = UNSET,
    kind: None | OutreachKind | Unset = UNSET,
    brief: int | None | Unset = UNSET,
    held_from: datetime.date | None | Unset = UNSET,
    held_to: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_coalition: int | None | Unset
    if isinstance(coalition, Unset):
        json_coalition = UNSET
    else:
        json_coalition = coalition
    params["coalition"] = json_coalition

    json_state: None | str | Unset
    if isinstance(state, Unset):
        json_state = UNSET
    else:
        json_state = state
    params["state"] = json_state

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, OutreachKind):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_brief: int | None | Unset
    if isinstance(brief, Unset):
        json_brief = UNSET
    else:
        json_brief = brief
    params["brief"] = json_brief

    json_held_from: None | str | Unset
    if isinstance(held_from, Unset):
        json_held_from = UNSET
    elif isinstance(held_from, datetime.date):
        json_held_from = held_from.isoformat()
    else:
        json_held_from = held_from
    params["held_from"] = json_held_from

    json_held_to: None | str | Unset
    if isinstance(held_to, Unset):
        json_held_to = UNSET
    elif isinstance(held_to, datetime.date):
        json_held_to = held_to.isoformat()
    else:
        json_held_to = held_to
    params["held_to"] = json_held_to

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
        "url": "/advocacy/outreach",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OutreachPage | ProblemDetail | None:
    if response.status_code == 200:
        response_200 = OutreachPage.from_dict(response.json())

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
) -> Response[OutreachPage | ProblemDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    coalition: int | None | Unset = UNSET,
    state: None | str | Unset = UNSET,
    kind: None | OutreachKind | Unset = UNSET,
    brief: int | None | Unset = UNSET,
    held_from: datetime.date | None | Unset = UNSET,
    held_to: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[OutreachPage | ProblemDetail]:
    """List Outreach

     The outreach log of your coalitions, latest first (another coalition's is in neither the items
    nor the `total`).

    Args:
        coalition (int | None | Unset): Only this coalition's outreach.
        state (None | str | Unset): ISO3 code of the target state (any case).
        kind (None | OutreachKind | Unset): Only outreach of this kind.
        brief (int | None | Unset): Only outreach where this brief was presented.
        held_from (datetime.date | None | Unset): Held on or after this day.
        held_to (datetime.date | None | Unset): Held on or before this day.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OutreachPage | ProblemDetail]
    """

    kwargs = _get_kwargs(
        coalition=coalition,
        state=state,
        kind=kind,
        brief=brief,
        held_from=held_from,
        held_to=held_to,
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
    coalition: int | None | Unset = UNSET,
    state: None | str | Unset = UNSET,
    kind: None | OutreachKind | Unset = UNSET,
    brief: int | None | Unset = UNSET,
    held_from: datetime.date | None | Unset = UNSET,
    held_to: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> OutreachPage | ProblemDetail | None:
    """List Outreach

     The outreach log of your coalitions, latest first (another coalition's is in neither the items
    nor the `total`).

    Args:
        coalition (int | None | Unset): Only this coalition's outreach.
        state (None | str | Unset): ISO3 code of the target state (any case).
        kind (None | OutreachKind | Unset): Only outreach of this kind.
        brief (int | None | Unset): Only outreach where this brief was presented.
        held_from (datetime.date | None | Unset): Held on or after this day.
        held_to (datetime.date | None | Unset): Held on or before this day.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OutreachPage | ProblemDetail
    """

    return sync_detailed(
        client=client,
        coalition=coalition,
        state=state,
        kind=kind,
        brief=brief,
        held_from=held_from,
        held_to=held_to,
        limit=limit,
        offset=offset,
        cursor=cursor,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    coalition: int | None | Unset = UNSET,
    state: None | str | Unset = UNSET,
    kind: None | OutreachKind | Unset = UNSET,
    brief: int | None | Unset = UNSET,
    held_from: datetime.date | None | Unset = UNSET,
    held_to: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[OutreachPage | ProblemDetail]:
    """List Outreach

     The outreach log of your coalitions, latest first (another coalition's is in neither the items
    nor the `total`).

    Args:
        coalition (int | None | Unset): Only this coalition's outreach.
        state (None | str | Unset): ISO3 code of the target state (any case).
        kind (None | OutreachKind | Unset): Only outreach of this kind.
        brief (int | None | Unset): Only outreach where this brief was presented.
        held_from (datetime.date | None | Unset): Held on or after this day.
        held_to (datetime.date | None | Unset): Held on or before this day.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OutreachPage | ProblemDetail]
    """

    kwargs = _get_kwargs(
        coalition=coalition,
        state=state,
        kind=kind,
        brief=brief,
        held_from=held_from,
        held_to=held_to,
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
    coalition: int | None | Unset = UNSET,
    state: None | str | Unset = UNSET,
    kind: None | OutreachKind | Unset = UNSET,
    brief: int | None | Unset = UNSET,
    held_from: datetime.date | None | Unset = UNSET,
    held_to: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> OutreachPage | ProblemDetail | None:
    """List Outreach

     The outreach log of your coalitions, latest first (another coalition's is in neither the items
    nor the `total`).

    Args:
        coalition (int | None | Unset): Only this coalition's outreach.
        state (None | str | Unset): ISO3 code of the target state (any case).
        kind (None | OutreachKind | Unset): Only outreach of this kind.
        brief (int | None | Unset): Only outreach where this brief was presented.
        held_from (datetime.date | None | Unset): Held on or after this day.
        held_to (datetime.date | None | Unset): Held on or before this day.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OutreachPage | ProblemDetail
    """

    return (
        await asyncio_detailed(
            client=client,
            coalition=coalition,
            state=state,
            kind=kind,
            brief=brief,
            held_from=held_from,
            held_to=held_to,
            limit=limit,
            offset=offset,
            cursor=cursor,
            if_none_match=if_none_match,
        )
    ).parsed
