from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_detail import ProblemDetail
from ...models.target_suggestions import TargetSuggestions
from ...types import UNSET, Response, Unset


def _get_kwargs(
    brief_id: int,
    *,
    limit: int | Unset = 20,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/advocacy/briefs/{brief_id}/target-suggestions".format(
            brief_id=quote(str(brief_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetail | TargetSuggestions | None:
    if response.status_code == 200:
        response_200 = TargetSuggestions.from_dict(response.json())

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
) -> Response[ProblemDetail | TargetSuggestions]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    brief_id: int,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    if_none_match: str | Unset = UNSET,
) -> Response[ProblemDetail | TargetSuggestions]:
    """Suggest Targets

     States that made recommendations on the brief's themes (and the themes under them), from the
    champion finder: those that made some to the brief's state under review, and those that made them
    only to others, each with how often they were supported, a one-line `reason` and whether it is
    already a target. The state under review is never suggested. A brief without themes is a 422
    (`brief-without-themes`). The brief's coalition's only, even once the brief is published.

    Args:
        brief_id (int):
        limit (int | Unset): States in each of the two lists, at most. Default: 20.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetail | TargetSuggestions]
    """

    kwargs = _get_kwargs(
        brief_id=brief_id,
        limit=limit,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    brief_id: int,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    if_none_match: str | Unset = UNSET,
) -> ProblemDetail | TargetSuggestions | None:
    """Suggest Targets

     States that made recommendations on the brief's themes (and the themes under them), from the
    champion finder: those that made some to the brief's state under review, and those that made them
    only to others, each with how often they were supported, a one-line `reason` and whether it is
    already a target. The state under review is never suggested. A brief without themes is a 422
    (`brief-without-themes`). The brief's coalition's only, even once the brief is published.

    Args:
        brief_id (int):
        limit (int | Unset): States in each of the two lists, at most. Default: 20.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetail | TargetSuggestions
    """

    return sync_detailed(
        brief_id=brief_id,
        client=client,
        limit=limit,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    brief_id: int,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    if_none_match: str | Unset = UNSET,
) -> Response[ProblemDetail | TargetSuggestions]:
    """Suggest Targets

     States that made recommendations on the brief's themes (and the themes under them), from the
    champion finder: those that made some to the brief's state under review, and those that made them
    only to others, each with how often they were supported, a one-line `reason` and whether it is
    already a target. The state under review is never suggested. A brief without themes is a 422
    (`brief-without-themes`). The brief's coalition's only, even once the brief is published.

    Args:
        brief_id (int):
        limit (int | Unset): States in each of the two lists, at most. Default: 20.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetail | TargetSuggestions]
    """

    kwargs = _get_kwargs(
        brief_id=brief_id,
        limit=limit,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    brief_id: int,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    if_none_match: str | Unset = UNSET,
) -> ProblemDetail | TargetSuggestions | None:
    """Suggest Targets

     States that made recommendations on the brief's themes (and the themes under them), from the
    champion finder: those that made some to the brief's state under review, and those that made them
    only to others, each with how often they were supported, a one-line `reason` and whether it is
    already a target. The state under review is never suggested. A brief without themes is a 422
    (`brief-without-themes`). The brief's coalition's only, even once the brief is published.

    Args:
        brief_id (int):
        limit (int | Unset): States in each of the two lists, at most. Default: 20.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetail | TargetSuggestions
    """

    return (
        await asyncio_detailed(
            brief_id=brief_id,
            client=client,
            limit=limit,
            if_none_match=if_none_match,
        )
    ).parsed
