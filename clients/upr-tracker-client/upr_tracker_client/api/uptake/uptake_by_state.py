from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_detail import ProblemDetail
from ...models.uptake_by_state import UptakeByState
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    coalition: int,
    review: int,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    params["coalition"] = coalition

    params["review"] = review

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/advocacy/uptake/by-state",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetail | UptakeByState | None:
    if response.status_code == 200:
        response_200 = UptakeByState.from_dict(response.json())

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
) -> Response[ProblemDetail | UptakeByState]:
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
    if_none_match: str | Unset = UNSET,
) -> Response[ProblemDetail | UptakeByState]:
    """By State

     Per recommending state: the coalition's asks (on the review) it took up, whether any of the
    coalition's briefs targeted it, and the positions of its carrying recommendations; targets that
    took up nothing are listed after them.

    Args:
        coalition (int): The coalition (one you are an active member of).
        review (int): The review the coalition's briefs prepare.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetail | UptakeByState]
    """

    kwargs = _get_kwargs(
        coalition=coalition,
        review=review,
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
    if_none_match: str | Unset = UNSET,
) -> ProblemDetail | UptakeByState | None:
    """By State

     Per recommending state: the coalition's asks (on the review) it took up, whether any of the
    coalition's briefs targeted it, and the positions of its carrying recommendations; targets that
    took up nothing are listed after them.

    Args:
        coalition (int): The coalition (one you are an active member of).
        review (int): The review the coalition's briefs prepare.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetail | UptakeByState
    """

    return sync_detailed(
        client=client,
        coalition=coalition,
        review=review,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    coalition: int,
    review: int,
    if_none_match: str | Unset = UNSET,
) -> Response[ProblemDetail | UptakeByState]:
    """By State

     Per recommending state: the coalition's asks (on the review) it took up, whether any of the
    coalition's briefs targeted it, and the positions of its carrying recommendations; targets that
    took up nothing are listed after them.

    Args:
        coalition (int): The coalition (one you are an active member of).
        review (int): The review the coalition's briefs prepare.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetail | UptakeByState]
    """

    kwargs = _get_kwargs(
        coalition=coalition,
        review=review,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    coalition: int,
    review: int,
    if_none_match: str | Unset = UNSET,
) -> ProblemDetail | UptakeByState | None:
    """By State

     Per recommending state: the coalition's asks (on the review) it took up, whether any of the
    coalition's briefs targeted it, and the positions of its carrying recommendations; targets that
    took up nothing are listed after them.

    Args:
        coalition (int): The coalition (one you are an active member of).
        review (int): The review the coalition's briefs prepare.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetail | UptakeByState
    """

    return (
        await asyncio_detailed(
            client=client,
            coalition=coalition,
            review=review,
            if_none_match=if_none_match,
        )
    ).parsed
