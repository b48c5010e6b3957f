from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.calendar_read import CalendarRead
from ...models.problem_detail import ProblemDetail
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    year: int,
    limit: int | Unset = 100,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    params["year"] = year

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/calendar",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CalendarRead | ProblemDetail | None:
    if response.status_code == 200:
        response_200 = CalendarRead.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = None
        return response_304

    if response.status_code == 401:
        response_401 = ProblemDetail.from_dict(response.json())

        return response_401

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
) -> Response[CalendarRead | ProblemDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    year: int,
    limit: int | Unset = 100,
    if_none_match: str | Unset = UNSET,
) -> Response[CalendarRead | ProblemDetail]:
    """Year Calendar

     The same view for a calendar year (1 January to 31 December): the sessions of that year (with or
    without dates) or with a review date in it, and every review date in it. Public.

    Args:
        year (int): Calendar year, e.g. 2027.
        limit (int | Unset): At most this many sessions, and this many dates; values above 500 are
            clamped. Default: 100.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CalendarRead | ProblemDetail]
    """

    kwargs = _get_kwargs(
        year=year,
        limit=limit,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    year: int,
    limit: int | Unset = 100,
    if_none_match: str | Unset = UNSET,
) -> CalendarRead | ProblemDetail | None:
    """Year Calendar

     The same view for a calendar year (1 January to 31 December): the sessions of that year (with or
    without dates) or with a review date in it, and every review date in it. Public.

    Args:
        year (int): Calendar year, e.g. 2027.
        limit (int | Unset): At most this many sessions, and this many dates; values above 500 are
            clamped. Default: 100.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CalendarRead | ProblemDetail
    """

    return sync_detailed(
        client=client,
        year=year,
        limit=limit,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    year: int,
    limit: int | Unset = 100,
    if_none_match: str | Unset = UNSET,
) -> Response[CalendarRead | ProblemDetail]:
    """Year Calendar

     The same view for a calendar year (1 January to 31 December): the sessions of that year (with or
    without dates) or with a review date in it, and every review date in it. Public.

    Args:
        year (int): Calendar year, e.g. 2027.
        limit (int | Unset): At most this many sessions, and this many dates; values above 500 are
            clamped. Default: 100.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CalendarRead | ProblemDetail]
    """

    kwargs = _get_kwargs(
        year=year,
        limit=limit,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    year: int,
    limit: int | Unset = 100,
    if_none_match: str | Unset = UNSET,
) -> CalendarRead | ProblemDetail | None:
    """Year Calendar

     The same view for a calendar year (1 January to 31 December): the sessions of that year (with or
    without dates) or with a review date in it, and every review date in it. Public.

    Args:
        year (int): Calendar year, e.g. 2027.
        limit (int | Unset): At most this many sessions, and this many dates; values above 500 are
            clamped. Default: 100.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CalendarRead | ProblemDetail
    """

    return (
        await asyncio_detailed(
            client=client,
            year=year,
            limit=limit,
            if_none_match=if_none_match,
        )
    ).parsed
