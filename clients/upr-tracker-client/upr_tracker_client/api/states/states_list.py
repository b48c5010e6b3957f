from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_state_read import PageStateRead
from ...models.problem_detail import ProblemDetail
from ...models.regional_group import RegionalGroup
from ...models.un_status import UNStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    regional_group: None | RegionalGroup | Unset = UNSET,
    un_status: None | Unset | UNStatus = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_regional_group: None | str | Unset
    if isinstance(regional_group, Unset):
        json_regional_group = UNSET
    elif isinstance(regional_group, RegionalGroup):
        json_regional_group = regional_group.value
    else:
        json_regional_group = regional_group
    params["regional_group"] = json_regional_group

    json_un_status: None | str | Unset
    if isinstance(un_status, Unset):
        json_un_status = UNSET
    elif isinstance(un_status, UNStatus):
        json_un_status = un_status.value
    else:
        json_un_status = un_status
    params["un_status"] = json_un_status

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
        "url": "/states",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageStateRead | ProblemDetail | None:
    if response.status_code == 200:
        response_200 = PageStateRead.from_dict(response.json())

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
) -> Response[PageStateRead | ProblemDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    regional_group: None | RegionalGroup | Unset = UNSET,
    un_status: None | Unset | UNStatus = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
) -> Response[PageStateRead | ProblemDetail]:
    """List States

    Args:
        regional_group (None | RegionalGroup | Unset):
        un_status (None | Unset | UNStatus):
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageStateRead | ProblemDetail]
    """

    kwargs = _get_kwargs(
        regional_group=regional_group,
        un_status=un_status,
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
    regional_group: None | RegionalGroup | Unset = UNSET,
    un_status: None | Unset | UNStatus = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
) -> PageStateRead | ProblemDetail | None:
    """List States

    Args:
        regional_group (None | RegionalGroup | Unset):
        un_status (None | Unset | UNStatus):
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageStateRead | ProblemDetail
    """

    return sync_detailed(
        client=client,
        regional_group=regional_group,
        un_status=un_status,
        limit=limit,
        offset=offset,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    regional_group: None | RegionalGroup | Unset = UNSET,
    un_status: None | Unset | UNStatus = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
) -> Response[PageStateRead | ProblemDetail]:
    """List States

    Args:
        regional_group (None | RegionalGroup | Unset):
        un_status (None | Unset | UNStatus):
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageStateRead | ProblemDetail]
    """

    kwargs = _get_kwargs(
        regional_group=regional_group,
        un_status=un_status,
        limit=limit,
        offset=offset,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    regional_group: None | RegionalGroup | Unset = UNSET,
    un_status: None | Unset | UNStatus = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
) -> PageStateRead | ProblemDetail | None:
    """List States

    Args:
        regional_group (None | RegionalGroup | Unset):
        un_status (None | Unset | UNStatus):
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageStateRead | ProblemDetail
    """

    return (
        await asyncio_detailed(
            client=client,
            regional_group=regional_group,
            un_status=un_status,
            limit=limit,
            offset=offset,
            cursor=cursor,
        )
    ).parsed
