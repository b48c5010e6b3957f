from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_detail import ProblemDetail
from ...models.theme_detail_page import ThemeDetailPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    q: None | str | Unset = UNSET,
    parent: None | str | Unset = UNSET,
    parent_id: int | None | Unset = UNSET,
    root: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    json_parent: None | str | Unset
    if isinstance(parent, Unset):
        json_parent = UNSET
    else:
        json_parent = parent
    params["parent"] = json_parent

    json_parent_id: int | None | Unset
    if isinstance(parent_id, Unset):
        json_parent_id = UNSET
    else:
        json_parent_id = parent_id
    params["parent_id"] = json_parent_id

    json_root: bool | None | Unset
    if isinstance(root, Unset):
        json_root = UNSET
    else:
        json_root = root
    params["root"] = json_root

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
        "url": "/themes",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetail | ThemeDetailPage | None:
    if response.status_code == 200:
        response_200 = ThemeDetailPage.from_dict(response.json())

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
) -> Response[ProblemDetail | ThemeDetailPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
    parent: None | str | Unset = UNSET,
    parent_id: int | None | Unset = UNSET,
    root: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[ProblemDetail | ThemeDetailPage]:
    """List Themes

     By name. Each theme with its children, the labels sources give it, and how many recommendations it
    covers with the themes under it.

    Args:
        q (None | str | Unset): Case-insensitive substring of the name, the code or a source's
            label.
        parent (None | str | Unset): Only the entries directly under this one: id, code or name.
        parent_id (int | None | Unset): Use `parent`, which also takes a code.
        root (bool | None | Unset): `true`: only the top level; `false`: only what sits under
            another entry.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetail | ThemeDetailPage]
    """

    kwargs = _get_kwargs(
        q=q,
        parent=parent,
        parent_id=parent_id,
        root=root,
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
    q: None | str | Unset = UNSET,
    parent: None | str | Unset = UNSET,
    parent_id: int | None | Unset = UNSET,
    root: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> ProblemDetail | ThemeDetailPage | None:
    """List Themes

     By name. Each theme with its children, the labels sources give it, and how many recommendations it
    covers with the themes under it.

    Args:
        q (None | str | Unset): Case-insensitive substring of the name, the code or a source's
            label.
        parent (None | str | Unset): Only the entries directly under this one: id, code or name.
        parent_id (int | None | Unset): Use `parent`, which also takes a code.
        root (bool | None | Unset): `true`: only the top level; `false`: only what sits under
            another entry.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetail | ThemeDetailPage
    """

    return sync_detailed(
        client=client,
        q=q,
        parent=parent,
        parent_id=parent_id,
        root=root,
        limit=limit,
        offset=offset,
        cursor=cursor,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
    parent: None | str | Unset = UNSET,
    parent_id: int | None | Unset = UNSET,
    root: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[ProblemDetail | ThemeDetailPage]:
    """List Themes

     By name. Each theme with its children, the labels sources give it, and how many recommendations it
    covers with the themes under it.

    Args:
        q (None | str | Unset): Case-insensitive substring of the name, the code or a source's
            label.
        parent (None | str | Unset): Only the entries directly under this one: id, code or name.
        parent_id (int | None | Unset): Use `parent`, which also takes a code.
        root (bool | None | Unset): `true`: only the top level; `false`: only what sits under
            another entry.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetail | ThemeDetailPage]
    """

    kwargs = _get_kwargs(
        q=q,
        parent=parent,
        parent_id=parent_id,
        root=root,
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
    q: None | str | Unset = UNSET,
    parent: None | str | Unset = UNSET,
    parent_id: int | None | Unset = UNSET,
    root: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> ProblemDetail | ThemeDetailPage | None:
    """List Themes

     By name. Each theme with its children, the labels sources give it, and how many recommendations it
    covers with the themes under it.

    Args:
        q (None | str | Unset): Case-insensitive substring of the name, the code or a source's
            label.
        parent (None | str | Unset): Only the entries directly under this one: id, code or name.
        parent_id (int | None | Unset): Use `parent`, which also takes a code.
        root (bool | None | Unset): `true`: only the top level; `false`: only what sits under
            another entry.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetail | ThemeDetailPage
    """

    return (
        await asyncio_detailed(
            client=client,
            q=q,
            parent=parent,
            parent_id=parent_id,
            root=root,
            limit=limit,
            offset=offset,
            cursor=cursor,
            if_none_match=if_none_match,
        )
    ).parsed
