from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.brief_page import BriefPage
from ...models.brief_status import BriefStatus
from ...models.problem_detail import ProblemDetail
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    review: int | None | Unset = UNSET,
    state: None | str | Unset = UNSET,
    coalition: int | None | Unset = UNSET,
    working_group: int | None | Unset = UNSET,
    status: BriefStatus | None | Unset = UNSET,
    theme: int | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_review: int | None | Unset
    if isinstance(review, Unset):
        json_review = UNSET
    else:
        json_review = review
    params["review"] = json_review

    json_state: None | str | Unset
    if isinstance(state, Unset):
        json_state = UNSET
    else:
        json_state = state
    params["state"] = json_state

    json_coalition: int | None | Unset
    if isinstance(coalition, Unset):
        json_coalition = UNSET
    else:
        json_coalition = coalition
    params["coalition"] = json_coalition

    json_working_group: int | None | Unset
    if isinstance(working_group, Unset):
        json_working_group = UNSET
    else:
        json_working_group = working_group
    params["working_group"] = json_working_group

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, BriefStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_theme: int | None | Unset
    if isinstance(theme, Unset):
        json_theme = UNSET
    else:
        json_theme = theme
    params["theme"] = json_theme

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
        "url": "/advocacy/briefs",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BriefPage | ProblemDetail | None:
    if response.status_code == 200:
        response_200 = BriefPage.from_dict(response.json())

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
) -> Response[BriefPage | ProblemDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    review: int | None | Unset = UNSET,
    state: None | str | Unset = UNSET,
    coalition: int | None | Unset = UNSET,
    working_group: int | None | Unset = UNSET,
    status: BriefStatus | None | Unset = UNSET,
    theme: int | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[BriefPage | ProblemDetail]:
    """List Briefs

     Published briefs for everyone; drafts and agreed briefs only to the coalition's member
    organisations (to anyone else they are absent, from `total` too). Oldest first.

    Args:
        review (int | None | Unset): Only briefs for this review.
        state (None | str | Unset): ISO3 code of the state under review (any case).
        coalition (int | None | Unset): Only briefs of this coalition's working groups.
        working_group (int | None | Unset): Only briefs of this working group.
        status (BriefStatus | None | Unset): Only briefs with this status.
        theme (int | None | Unset): Only briefs tagged with this theme id.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BriefPage | ProblemDetail]
    """

    kwargs = _get_kwargs(
        review=review,
        state=state,
        coalition=coalition,
        working_group=working_group,
        status=status,
        theme=theme,
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
    review: int | None | Unset = UNSET,
    state: None | str | Unset = UNSET,
    coalition: int | None | Unset = UNSET,
    working_group: int | None | Unset = UNSET,
    status: BriefStatus | None | Unset = UNSET,
    theme: int | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> BriefPage | ProblemDetail | None:
    """List Briefs

     Published briefs for everyone; drafts and agreed briefs only to the coalition's member
    organisations (to anyone else they are absent, from `total` too). Oldest first.

    Args:
        review (int | None | Unset): Only briefs for this review.
        state (None | str | Unset): ISO3 code of the state under review (any case).
        coalition (int | None | Unset): Only briefs of this coalition's working groups.
        working_group (int | None | Unset): Only briefs of this working group.
        status (BriefStatus | None | Unset): Only briefs with this status.
        theme (int | None | Unset): Only briefs tagged with this theme id.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BriefPage | ProblemDetail
    """

    return sync_detailed(
        client=client,
        review=review,
        state=state,
        coalition=coalition,
        working_group=working_group,
        status=status,
        theme=theme,
        limit=limit,
        offset=offset,
        cursor=cursor,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    review: int | None | Unset = UNSET,
    state: None | str | Unset = UNSET,
    coalition: int | None | Unset = UNSET,
    working_group: int | None | Unset = UNSET,
    status: BriefStatus | None | Unset = UNSET,
    theme: int | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[BriefPage | ProblemDetail]:
    """List Briefs

     Published briefs for everyone; drafts and agreed briefs only to the coalition's member
    organisations (to anyone else they are absent, from `total` too). Oldest first.

    Args:
        review (int | None | Unset): Only briefs for this review.
        state (None | str | Unset): ISO3 code of the state under review (any case).
        coalition (int | None | Unset): Only briefs of this coalition's working groups.
        working_group (int | None | Unset): Only briefs of this working group.
        status (BriefStatus | None | Unset): Only briefs with this status.
        theme (int | None | Unset): Only briefs tagged with this theme id.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BriefPage | ProblemDetail]
    """

    kwargs = _get_kwargs(
        review=review,
        state=state,
        coalition=coalition,
        working_group=working_group,
        status=status,
        theme=theme,
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
    review: int | None | Unset = UNSET,
    state: None | str | Unset = UNSET,
    coalition: int | None | Unset = UNSET,
    working_group: int | None | Unset = UNSET,
    status: BriefStatus | None | Unset = UNSET,
    theme: int | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> BriefPage | ProblemDetail | None:
    """List Briefs

     Published briefs for everyone; drafts and agreed briefs only to the coalition's member
    organisations (to anyone else they are absent, from `total` too). Oldest first.

    Args:
        review (int | None | Unset): Only briefs for this review.
        state (None | str | Unset): ISO3 code of the state under review (any case).
        coalition (int | None | Unset): Only briefs of this coalition's working groups.
        working_group (int | None | Unset): Only briefs of this working group.
        status (BriefStatus | None | Unset): Only briefs with this status.
        theme (int | None | Unset): Only briefs tagged with this theme id.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BriefPage | ProblemDetail
    """

    return (
        await asyncio_detailed(
            client=client,
            review=review,
            state=state,
            coalition=coalition,
            working_group=working_group,
            status=status,
            theme=theme,
            limit=limit,
            offset=offset,
            cursor=cursor,
            if_none_match=if_none_match,
        )
    ).parsed
