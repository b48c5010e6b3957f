from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.adoption_window import AdoptionWindow
from ...models.problem_detail import ProblemDetail
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    coalition: int,
    review: int,
    include_suggested: bool | Unset = False,
    pending_only: bool | Unset = False,
    unmatched_limit: int | Unset = 50,
    unmatched_cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    params["coalition"] = coalition

    params["review"] = review

    params["include_suggested"] = include_suggested

    params["pending_only"] = pending_only

    params["unmatched_limit"] = unmatched_limit

    json_unmatched_cursor: None | str | Unset
    if isinstance(unmatched_cursor, Unset):
        json_unmatched_cursor = UNSET
    else:
        json_unmatched_cursor = unmatched_cursor
    params["unmatched_cursor"] = json_unmatched_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/advocacy/adoption-window",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AdoptionWindow | ProblemDetail | None:
    if response.status_code == 200:
        response_200 = AdoptionWindow.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = ProblemDetail.from_dict(response.json())

        return response_404

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
) -> Response[AdoptionWindow | ProblemDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    coalition: int,
    review: int,
    include_suggested: bool | Unset = False,
    pending_only: bool | Unset = False,
    unmatched_limit: int | Unset = 50,
    unmatched_cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[AdoptionWindow | ProblemDetail]:
    """Adoption Window

     The review's recommendations grouped by the coalition's brief they are matched to, each with its
    current position (null or `pending` until the outcome is adopted) and the count still pending per
    group — what to campaign on until the adoption. The last group (`brief_id` null) holds the review's
    other recommendations; it alone can be long (most of a review), so it is paged (`unmatched_limit`,
    `unmatched_cursor`, by id) while its `total` and `pending` count all its pages.

    Args:
        coalition (int): The coalition (one you are an active member of).
        review (int): The review the coalition's briefs prepare.
        include_suggested (bool | Unset): Also recommendations only suggested (not yet confirmed)
            for an ask. Default: False.
        pending_only (bool | Unset): Only recommendations still without a final position (none, or
            `pending`). Default: False.
        unmatched_limit (int | Unset): Page size of the group not matched to a brief (the only one
            paged); values above 500 are clamped. Default: 50.
        unmatched_cursor (None | str | Unset): That group's `next_cursor` from the previous answer
            with the same filters (any other value is a 422).
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AdoptionWindow | ProblemDetail]
    """

    kwargs = _get_kwargs(
        coalition=coalition,
        review=review,
        include_suggested=include_suggested,
        pending_only=pending_only,
        unmatched_limit=unmatched_limit,
        unmatched_cursor=unmatched_cursor,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    coalition: int,
    review: int,
    include_suggested: bool | Unset = False,
    pending_only: bool | Unset = False,
    unmatched_limit: int | Unset = 50,
    unmatched_cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> AdoptionWindow | ProblemDetail | None:
    """Adoption Window

     The review's recommendations grouped by the coalition's brief they are matched to, each with its
    current position (null or `pending` until the outcome is adopted) and the count still pending per
    group — what to campaign on until the adoption. The last group (`brief_id` null) holds the review's
    other recommendations; it alone can be long (most of a review), so it is paged (`unmatched_limit`,
    `unmatched_cursor`, by id) while its `total` and `pending` count all its pages.

    Args:
        coalition (int): The coalition (one you are an active member of).
        review (int): The review the coalition's briefs prepare.
        include_suggested (bool | Unset): Also recommendations only suggested (not yet confirmed)
            for an ask. Default: False.
        pending_only (bool | Unset): Only recommendations still without a final position (none, or
            `pending`). Default: False.
        unmatched_limit (int | Unset): Page size of the group not matched to a brief (the only one
            paged); values above 500 are clamped. Default: 50.
        unmatched_cursor (None | str | Unset): That group's `next_cursor` from the previous answer
            with the same filters (any other value is a 422).
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AdoptionWindow | ProblemDetail
    """

    return sync_detailed(
        client=client,
        coalition=coalition,
        review=review,
        include_suggested=include_suggested,
        pending_only=pending_only,
        unmatched_limit=unmatched_limit,
        unmatched_cursor=unmatched_cursor,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    coalition: int,
    review: int,
    include_suggested: bool | Unset = False,
    pending_only: bool | Unset = False,
    unmatched_limit: int | Unset = 50,
    unmatched_cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[AdoptionWindow | ProblemDetail]:
    """Adoption Window

     The review's recommendations grouped by the coalition's brief they are matched to, each with its
    current position (null or `pending` until the outcome is adopted) and the count still pending per
    group — what to campaign on until the adoption. The last group (`brief_id` null) holds the review's
    other recommendations; it alone can be long (most of a review), so it is paged (`unmatched_limit`,
    `unmatched_cursor`, by id) while its `total` and `pending` count all its pages.

    Args:
        coalition (int): The coalition (one you are an active member of).
        review (int): The review the coalition's briefs prepare.
        include_suggested (bool | Unset): Also recommendations only suggested (not yet confirmed)
            for an ask. Default: False.
        pending_only (bool | Unset): Only recommendations still without a final position (none, or
            `pending`). Default: False.
        unmatched_limit (int | Unset): Page size of the group not matched to a brief (the only one
            paged); values above 500 are clamped. Default: 50.
        unmatched_cursor (None | str | Unset): That group's `next_cursor` from the previous answer
            with the same filters (any other value is a 422).
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AdoptionWindow | ProblemDetail]
    """

    kwargs = _get_kwargs(
        coalition=coalition,
        review=review,
        include_suggested=include_suggested,
        pending_only=pending_only,
        unmatched_limit=unmatched_limit,
        unmatched_cursor=unmatched_cursor,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    coalition: int,
    review: int,
    include_suggested: bool | Unset = False,
    pending_only: bool | Unset = False,
    unmatched_limit: int | Unset = 50,
    unmatched_cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> AdoptionWindow | ProblemDetail | None:
    """Adoption Window

     The review's recommendations grouped by the coalition's brief they are matched to, each with its
    current position (null or `pending` until the outcome is adopted) and the count still pending per
    group — what to campaign on until the adoption. The last group (`brief_id` null) holds the review's
    other recommendations; it alone can be long (most of a review), so it is paged (`unmatched_limit`,
    `unmatched_cursor`, by id) while its `total` and `pending` count all its pages.

    Args:
        coalition (int): The coalition (one you are an active member of).
        review (int): The review the coalition's briefs prepare.
        include_suggested (bool | Unset): Also recommendations only suggested (not yet confirmed)
            for an ask. Default: False.
        pending_only (bool | Unset): Only recommendations still without a final position (none, or
            `pending`). Default: False.
        unmatched_limit (int | Unset): Page size of the group not matched to a brief (the only one
            paged); values above 500 are clamped. Default: 50.
        unmatched_cursor (None | str | Unset): That group's `next_cursor` from the previous answer
            with the same filters (any other value is a 422).
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AdoptionWindow | ProblemDetail
    """

    return (
        await asyncio_detailed(
            client=client,
            coalition=coalition,
            review=review,
            include_suggested=include_suggested,
            pending_only=pending_only,
            unmatched_limit=unmatched_limit,
            unmatched_cursor=unmatched_cursor,
            if_none_match=if_none_match,
        )
    ).parsed
