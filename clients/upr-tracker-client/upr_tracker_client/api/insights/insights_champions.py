from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_champion import PageChampion
from ...models.problem_detail import ProblemDetail
from ...models.regional_group import RegionalGroup
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    theme: int,
    region: None | RegionalGroup | Unset = UNSET,
    since_cycle: int | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["theme"] = theme

    json_region: None | str | Unset
    if isinstance(region, Unset):
        json_region = UNSET
    elif isinstance(region, RegionalGroup):
        json_region = region.value
    else:
        json_region = region
    params["region"] = json_region

    json_since_cycle: int | None | Unset
    if isinstance(since_cycle, Unset):
        json_since_cycle = UNSET
    else:
        json_since_cycle = since_cycle
    params["since_cycle"] = json_since_cycle

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
        "url": "/champions",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageChampion | ProblemDetail | None:
    if response.status_code == 200:
        response_200 = PageChampion.from_dict(response.json())

        return response_200

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
) -> Response[PageChampion | ProblemDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    theme: int,
    region: None | RegionalGroup | Unset = UNSET,
    since_cycle: int | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
) -> Response[PageChampion | ProblemDetail]:
    """Champions

     The states that made recommendations on a theme, across cycles: how many, to whom, and how often the
    state under review supported them — the states a civil-society organisation may lobby. Most active
    first.

    Args:
        theme (int): Theme id (see `/themes`).
        region (None | RegionalGroup | Unset): Regional group of the recommending state.
        since_cycle (int | None | Unset): Only recommendations from this cycle on.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageChampion | ProblemDetail]
    """

    kwargs = _get_kwargs(
        theme=theme,
        region=region,
        since_cycle=since_cycle,
        limit=limit,
        offset=offset,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    theme: int,
    region: None | RegionalGroup | Unset = UNSET,
    since_cycle: int | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
) -> PageChampion | ProblemDetail | None:
    """Champions

     The states that made recommendations on a theme, across cycles: how many, to whom, and how often the
    state under review supported them — the states a civil-society organisation may lobby. Most active
    first.

    Args:
        theme (int): Theme id (see `/themes`).
        region (None | RegionalGroup | Unset): Regional group of the recommending state.
        since_cycle (int | None | Unset): Only recommendations from this cycle on.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageChampion | ProblemDetail
    """

    return sync_detailed(
        client=client,
        theme=theme,
        region=region,
        since_cycle=since_cycle,
        limit=limit,
        offset=offset,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    theme: int,
    region: None | RegionalGroup | Unset = UNSET,
    since_cycle: int | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
) -> Response[PageChampion | ProblemDetail]:
    """Champions

     The states that made recommendations on a theme, across cycles: how many, to whom, and how often the
    state under review supported them — the states a civil-society organisation may lobby. Most active
    first.

    Args:
        theme (int): Theme id (see `/themes`).
        region (None | RegionalGroup | Unset): Regional group of the recommending state.
        since_cycle (int | None | Unset): Only recommendations from this cycle on.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageChampion | ProblemDetail]
    """

    kwargs = _get_kwargs(
        theme=theme,
        region=region,
        since_cycle=since_cycle,
        limit=limit,
        offset=offset,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    theme: int,
    region: None | RegionalGroup | Unset = UNSET,
    since_cycle: int | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
) -> PageChampion | ProblemDetail | None:
    """Champions

     The states that made recommendations on a theme, across cycles: how many, to whom, and how often the
    state under review supported them — the states a civil-society organisation may lobby. Most active
    first.

    Args:
        theme (int): Theme id (see `/themes`).
        region (None | RegionalGroup | Unset): Regional group of the recommending state.
        since_cycle (int | None | Unset): Only recommendations from this cycle on.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageChampion | ProblemDetail
    """

    return (
        await asyncio_detailed(
            client=client,
            theme=theme,
            region=region,
            since_cycle=since_cycle,
            limit=limit,
            offset=offset,
            cursor=cursor,
        )
    ).parsed
