from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.invitation_page import InvitationPage
from ...models.problem_detail import ProblemDetail
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

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
        "url": "/advocacy/invitations",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> InvitationPage | ProblemDetail | None:
    if response.status_code == 200:
        response_200 = InvitationPage.from_dict(response.json())

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
) -> Response[InvitationPage | ProblemDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[InvitationPage | ProblemDetail]:
    """List Coalition Invitations

     Your organisation's pending invitations (admins: every organisation's), newest first, each with
    the coalition's name and state and who invited you.

    Args:
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InvitationPage | ProblemDetail]
    """

    kwargs = _get_kwargs(
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
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> InvitationPage | ProblemDetail | None:
    """List Coalition Invitations

     Your organisation's pending invitations (admins: every organisation's), newest first, each with
    the coalition's name and state and who invited you.

    Args:
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InvitationPage | ProblemDetail
    """

    return sync_detailed(
        client=client,
        limit=limit,
        offset=offset,
        cursor=cursor,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[InvitationPage | ProblemDetail]:
    """List Coalition Invitations

     Your organisation's pending invitations (admins: every organisation's), newest first, each with
    the coalition's name and state and who invited you.

    Args:
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InvitationPage | ProblemDetail]
    """

    kwargs = _get_kwargs(
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
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> InvitationPage | ProblemDetail | None:
    """List Coalition Invitations

     Your organisation's pending invitations (admins: every organisation's), newest first, each with
    the coalition's name and state and who invited you.

    Args:
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InvitationPage | ProblemDetail
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            offset=offset,
            cursor=cursor,
            if_none_match=if_none_match,
        )
    ).parsed
