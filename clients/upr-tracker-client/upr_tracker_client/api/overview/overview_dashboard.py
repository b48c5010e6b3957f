from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dashboard import Dashboard
from ...models.problem_detail import ProblemDetail
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    state: str,
    cycle: int | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    params["state"] = state

    json_cycle: int | None | Unset
    if isinstance(cycle, Unset):
        json_cycle = UNSET
    else:
        json_cycle = cycle
    params["cycle"] = json_cycle

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/tracking/dashboard",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Dashboard | ProblemDetail | None:
    if response.status_code == 200:
        response_200 = Dashboard.from_dict(response.json())

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
) -> Response[Dashboard | ProblemDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    state: str,
    cycle: int | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Dashboard | ProblemDetail]:
    """Get Dashboard

     Counts for a state's dashboard: recommendations by position and theme, actions by status,
    milestones done and overdue, current traffic lights per organisation.

    Args:
        state (str): ISO3 code of the state under review (any case).
        cycle (int | None | Unset): UPR cycle number; default: every cycle.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Dashboard | ProblemDetail]
    """

    kwargs = _get_kwargs(
        state=state,
        cycle=cycle,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    state: str,
    cycle: int | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Dashboard | ProblemDetail | None:
    """Get Dashboard

     Counts for a state's dashboard: recommendations by position and theme, actions by status,
    milestones done and overdue, current traffic lights per organisation.

    Args:
        state (str): ISO3 code of the state under review (any case).
        cycle (int | None | Unset): UPR cycle number; default: every cycle.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Dashboard | ProblemDetail
    """

    return sync_detailed(
        client=client,
        state=state,
        cycle=cycle,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    state: str,
    cycle: int | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Dashboard | ProblemDetail]:
    """Get Dashboard

     Counts for a state's dashboard: recommendations by position and theme, actions by status,
    milestones done and overdue, current traffic lights per organisation.

    Args:
        state (str): ISO3 code of the state under review (any case).
        cycle (int | None | Unset): UPR cycle number; default: every cycle.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Dashboard | ProblemDetail]
    """

    kwargs = _get_kwargs(
        state=state,
        cycle=cycle,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    state: str,
    cycle: int | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Dashboard | ProblemDetail | None:
    """Get Dashboard

     Counts for a state's dashboard: recommendations by position and theme, actions by status,
    milestones done and overdue, current traffic lights per organisation.

    Args:
        state (str): ISO3 code of the state under review (any case).
        cycle (int | None | Unset): UPR cycle number; default: every cycle.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Dashboard | ProblemDetail
    """

    return (
        await asyncio_detailed(
            client=client,
            state=state,
            cycle=cycle,
            if_none_match=if_none_match,
        )
    ).parsed
