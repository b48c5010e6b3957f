import datetime
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
    day_from: datetime.date | None | Unset = UNSET,
    day_to: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 100,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_day_from: None | str | Unset
    if isinstance(day_from, Unset):
        json_day_from = UNSET
    elif isinstance(day_from, datetime.date):
        json_day_from = day_from.isoformat()
    else:
        json_day_from = day_from
    params["day_from"] = json_day_from

    json_day_to: None | str | Unset
    if isinstance(day_to, Unset):
        json_day_to = UNSET
    elif isinstance(day_to, datetime.date):
        json_day_to = day_to.isoformat()
    else:
        json_day_to = day_to
    params["day_to"] = json_day_to

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/calendar/upcoming",
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
    day_from: datetime.date | None | Unset = UNSET,
    day_to: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 100,
    if_none_match: str | Unset = UNSET,
) -> Response[CalendarRead | ProblemDetail]:
    """Upcoming

     The sessions held in the window, each with the reviews scheduled in it (state, submission deadline,
    Working Group date, adoption date), and the flat list of those dates in the window: what comes next
    for a coalition preparing a review. Public. A session without dates appears through its reviews'
    dates
    (see `GET /calendar?year=` for a year's sessions whatever their dates).

    Args:
        day_from (datetime.date | None | Unset): First day of the window (inclusive); today when
            omitted.
        day_to (datetime.date | None | Unset): Last day of the window (inclusive); a year after
            `day_from` when omitted. At most ten years after `day_from`.
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
        day_from=day_from,
        day_to=day_to,
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
    day_from: datetime.date | None | Unset = UNSET,
    day_to: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 100,
    if_none_match: str | Unset = UNSET,
) -> CalendarRead | ProblemDetail | None:
    """Upcoming

     The sessions held in the window, each with the reviews scheduled in it (state, submission deadline,
    Working Group date, adoption date), and the flat list of those dates in the window: what comes next
    for a coalition preparing a review. Public. A session without dates appears through its reviews'
    dates
    (see `GET /calendar?year=` for a year's sessions whatever their dates).

    Args:
        day_from (datetime.date | None | Unset): First day of the window (inclusive); today when
            omitted.
        day_to (datetime.date | None | Unset): Last day of the window (inclusive); a year after
            `day_from` when omitted. At most ten years after `day_from`.
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
        day_from=day_from,
        day_to=day_to,
        limit=limit,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    day_from: datetime.date | None | Unset = UNSET,
    day_to: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 100,
    if_none_match: str | Unset = UNSET,
) -> Response[CalendarRead | ProblemDetail]:
    """Upcoming

     The sessions held in the window, each with the reviews scheduled in it (state, submission deadline,
    Working Group date, adoption date), and the flat list of those dates in the window: what comes next
    for a coalition preparing a review. Public. A session without dates appears through its reviews'
    dates
    (see `GET /calendar?year=` for a year's sessions whatever their dates).

    Args:
        day_from (datetime.date | None | Unset): First day of the window (inclusive); today when
            omitted.
        day_to (datetime.date | None | Unset): Last day of the window (inclusive); a year after
            `day_from` when omitted. At most ten years after `day_from`.
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
        day_from=day_from,
        day_to=day_to,
        limit=limit,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    day_from: datetime.date | None | Unset = UNSET,
    day_to: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 100,
    if_none_match: str | Unset = UNSET,
) -> CalendarRead | ProblemDetail | None:
    """Upcoming

     The sessions held in the window, each with the reviews scheduled in it (state, submission deadline,
    Working Group date, adoption date), and the flat list of those dates in the window: what comes next
    for a coalition preparing a review. Public. A session without dates appears through its reviews'
    dates
    (see `GET /calendar?year=` for a year's sessions whatever their dates).

    Args:
        day_from (datetime.date | None | Unset): First day of the window (inclusive); today when
            omitted.
        day_to (datetime.date | None | Unset): Last day of the window (inclusive); a year after
            `day_from` when omitted. At most ten years after `day_from`.
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
            day_from=day_from,
            day_to=day_to,
            limit=limit,
            if_none_match=if_none_match,
        )
    ).parsed
