from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_detail import ProblemDetail
from ...models.regional_group import RegionalGroup
from ...models.state_page import StatePage
from ...models.un_status import UNStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    regional_group: None | RegionalGroup | Unset = UNSET,
    un_status: None | Unset | UNStatus = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

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

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetail | StatePage | None:
    if response.status_code == 200:
        response_200 = StatePage.from_dict(response.json())

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
) -> Response[ProblemDetail | StatePage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    regional_group: None | RegionalGroup | Unset = UNSET,
    un_status: None | Unset | UNStatus = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[ProblemDetail | StatePage]:
    """List States

     The states, by name; filter on regional group and UN status. Public.

    Args:
        regional_group (None | RegionalGroup | Unset): Only states of this UN regional group.
        un_status (None | Unset | UNStatus): Only member states, or only observer states.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetail | StatePage]
    """

    kwargs = _get_kwargs(
        regional_group=regional_group,
        un_status=un_status,
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
    client: AuthenticatedClient | Client,
    regional_group: None | RegionalGroup | Unset = UNSET,
    un_status: None | Unset | UNStatus = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> ProblemDetail | StatePage | None:
    """List States

     The states, by name; filter on regional group and UN status. Public.

    Args:
        regional_group (None | RegionalGroup | Unset): Only states of this UN regional group.
        un_status (None | Unset | UNStatus): Only member states, or only observer states.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetail | StatePage
    """

    return sync_detailed(
        client=client,
        regional_group=regional_group,
        un_status=un_status,
        limit=limit,
        offset=offset,
        cursor=cursor,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    regional_group: None | RegionalGroup | Unset = UNSET,
    un_status: None | Unset | UNStatus = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[ProblemDetail | StatePage]:
    """List States

     The states, by name; filter on regional group and UN status. Public.

    Args:
        regional_group (None | RegionalGroup | Unset): Only states of this UN regional group.
        un_status (None | Unset | UNStatus): Only member states, or only observer states.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetail | StatePage]
    """

    kwargs = _get_kwargs(
        regional_group=regional_group,
        un_status=un_status,
        limit=limit,
        offset=offset,
        cursor=cursor,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    regional_group: None | RegionalGroup | Unset = UNSET,
    un_status: None | Unset | UNStatus = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> ProblemDetail | StatePage | None:
    """List States

     The states, by name; filter on regional group and UN status. Public.

    Args:
        regional_group (None | RegionalGroup | Unset): Only states of this UN regional group.
        un_status (None | Unset | UNStatus): Only member states, or only observer states.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetail | StatePage
    """

    return (
        await asyncio_detailed(
            client=client,
            regional_group=regional_group,
            un_status=un_status,
            limit=limit,
            offset=offset,
            cursor=cursor,
            if_none_match=if_none_match,
        )
    ).parsed
