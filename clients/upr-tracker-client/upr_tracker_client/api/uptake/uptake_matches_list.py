from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_detail import ProblemDetail
from ...models.uptake_match_page import UptakeMatchPage
from ...models.uptake_status import UptakeStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    brief: int | None | Unset = UNSET,
    status: None | Unset | UptakeStatus = UNSET,
    proposed_recommendation: int | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_brief: int | None | Unset
    if isinstance(brief, Unset):
        json_brief = UNSET
    else:
        json_brief = brief
    params["brief"] = json_brief

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, UptakeStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_proposed_recommendation: int | None | Unset
    if isinstance(proposed_recommendation, Unset):
        json_proposed_recommendation = UNSET
    else:
        json_proposed_recommendation = proposed_recommendation
    params["proposed_recommendation"] = json_proposed_recommendation

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
        "url": "/advocacy/uptake-matches",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetail | UptakeMatchPage | None:
    if response.status_code == 200:
        response_200 = UptakeMatchPage.from_dict(response.json())

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
) -> Response[ProblemDetail | UptakeMatchPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    brief: int | None | Unset = UNSET,
    status: None | Unset | UptakeStatus = UNSET,
    proposed_recommendation: int | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[ProblemDetail | UptakeMatchPage]:
    """List Matches

     The uptake matches of your coalitions' briefs, ordered by id.

    Args:
        brief (int | None | Unset): Only matches of this brief's asks.
        status (None | Unset | UptakeStatus): Only matches with this status.
        proposed_recommendation (int | None | Unset): Only matches of this proposed recommendation
            (ask).
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetail | UptakeMatchPage]
    """

    kwargs = _get_kwargs(
        brief=brief,
        status=status,
        proposed_recommendation=proposed_recommendation,
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
    brief: int | None | Unset = UNSET,
    status: None | Unset | UptakeStatus = UNSET,
    proposed_recommendation: int | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> ProblemDetail | UptakeMatchPage | None:
    """List Matches

     The uptake matches of your coalitions' briefs, ordered by id.

    Args:
        brief (int | None | Unset): Only matches of this brief's asks.
        status (None | Unset | UptakeStatus): Only matches with this status.
        proposed_recommendation (int | None | Unset): Only matches of this proposed recommendation
            (ask).
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetail | UptakeMatchPage
    """

    return sync_detailed(
        client=client,
        brief=brief,
        status=status,
        proposed_recommendation=proposed_recommendation,
        limit=limit,
        offset=offset,
        cursor=cursor,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    brief: int | None | Unset = UNSET,
    status: None | Unset | UptakeStatus = UNSET,
    proposed_recommendation: int | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[ProblemDetail | UptakeMatchPage]:
    """List Matches

     The uptake matches of your coalitions' briefs, ordered by id.

    Args:
        brief (int | None | Unset): Only matches of this brief's asks.
        status (None | Unset | UptakeStatus): Only matches with this status.
        proposed_recommendation (int | None | Unset): Only matches of this proposed recommendation
            (ask).
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetail | UptakeMatchPage]
    """

    kwargs = _get_kwargs(
        brief=brief,
        status=status,
        proposed_recommendation=proposed_recommendation,
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
    brief: int | None | Unset = UNSET,
    status: None | Unset | UptakeStatus = UNSET,
    proposed_recommendation: int | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> ProblemDetail | UptakeMatchPage | None:
    """List Matches

     The uptake matches of your coalitions' briefs, ordered by id.

    Args:
        brief (int | None | Unset): Only matches of this brief's asks.
        status (None | Unset | UptakeStatus): Only matches with this status.
        proposed_recommendation (int | None | Unset): Only matches of this proposed recommendation
            (ask).
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetail | UptakeMatchPage
    """

    return (
        await asyncio_detailed(
            client=client,
            brief=brief,
            status=status,
            proposed_recommendation=proposed_recommendation,
            limit=limit,
            offset=offset,
            cursor=cursor,
            if_none_match=if_none_match,
        )
    ).parsed
