from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.action_page import ActionPage
from ...models.action_status import ActionStatus
from ...models.problem_detail import ProblemDetail
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    state: None | str | Unset = UNSET,
    status: ActionStatus | None | Unset = UNSET,
    recommendation: int | None | Unset = UNSET,
    responsible_organisation: int | None | Unset = UNSET,
    withdrawn: bool | Unset = False,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_state: None | str | Unset
    if isinstance(state, Unset):
        json_state = UNSET
    else:
        json_state = state
    params["state"] = json_state

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ActionStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_recommendation: int | None | Unset
    if isinstance(recommendation, Unset):
        json_recommendation = UNSET
    else:
        json_recommendation = recommendation
    params["recommendation"] = json_recommendation

    json_responsible_organisation: int | None | Unset
    if isinstance(responsible_organisation, Unset):
        json_responsible_organisation = UNSET
    else:
        json_responsible_organisation = responsible_organisation
    params["responsible_organisation"] = json_responsible_organisation

    params["withdrawn"] = withdrawn

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
        "url": "/tracking/actions",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ActionPage | ProblemDetail | None:
    if response.status_code == 200:
        response_200 = ActionPage.from_dict(response.json())

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
) -> Response[ActionPage | ProblemDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    state: None | str | Unset = UNSET,
    status: ActionStatus | None | Unset = UNSET,
    recommendation: int | None | Unset = UNSET,
    responsible_organisation: int | None | Unset = UNSET,
    withdrawn: bool | Unset = False,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[ActionPage | ProblemDetail]:
    """List Actions

     The plan's actions, ordered by id, each with its cluster of recommendations and its indicator,
    milestone and overdue-milestone counts. Withdrawn actions are left out; `withdrawn=true` lists only
    them.

    Args:
        state (None | str | Unset): ISO3 code of the state (any case).
        status (ActionStatus | None | Unset): Only actions with this status.
        recommendation (int | None | Unset): Only actions answering this recommendation.
        responsible_organisation (int | None | Unset): Id of the responsible organisation.
        withdrawn (bool | Unset): Only the rows withdrawn (deleted) from the plan, each with
            `withdrawn_at` (true); the current ones otherwise. Their histories say who withdrew them
            and when. Default: False.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActionPage | ProblemDetail]
    """

    kwargs = _get_kwargs(
        state=state,
        status=status,
        recommendation=recommendation,
        responsible_organisation=responsible_organisation,
        withdrawn=withdrawn,
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
    state: None | str | Unset = UNSET,
    status: ActionStatus | None | Unset = UNSET,
    recommendation: int | None | Unset = UNSET,
    responsible_organisation: int | None | Unset = UNSET,
    withdrawn: bool | Unset = False,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> ActionPage | ProblemDetail | None:
    """List Actions

     The plan's actions, ordered by id, each with its cluster of recommendations and its indicator,
    milestone and overdue-milestone counts. Withdrawn actions are left out; `withdrawn=true` lists only
    them.

    Args:
        state (None | str | Unset): ISO3 code of the state (any case).
        status (ActionStatus | None | Unset): Only actions with this status.
        recommendation (int | None | Unset): Only actions answering this recommendation.
        responsible_organisation (int | None | Unset): Id of the responsible organisation.
        withdrawn (bool | Unset): Only the rows withdrawn (deleted) from the plan, each with
            `withdrawn_at` (true); the current ones otherwise. Their histories say who withdrew them
            and when. Default: False.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActionPage | ProblemDetail
    """

    return sync_detailed(
        client=client,
        state=state,
        status=status,
        recommendation=recommendation,
        responsible_organisation=responsible_organisation,
        withdrawn=withdrawn,
        limit=limit,
        offset=offset,
        cursor=cursor,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    state: None | str | Unset = UNSET,
    status: ActionStatus | None | Unset = UNSET,
    recommendation: int | None | Unset = UNSET,
    responsible_organisation: int | None | Unset = UNSET,
    withdrawn: bool | Unset = False,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[ActionPage | ProblemDetail]:
    """List Actions

     The plan's actions, ordered by id, each with its cluster of recommendations and its indicator,
    milestone and overdue-milestone counts. Withdrawn actions are left out; `withdrawn=true` lists only
    them.

    Args:
        state (None | str | Unset): ISO3 code of the state (any case).
        status (ActionStatus | None | Unset): Only actions with this status.
        recommendation (int | None | Unset): Only actions answering this recommendation.
        responsible_organisation (int | None | Unset): Id of the responsible organisation.
        withdrawn (bool | Unset): Only the rows withdrawn (deleted) from the plan, each with
            `withdrawn_at` (true); the current ones otherwise. Their histories say who withdrew them
            and when. Default: False.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActionPage | ProblemDetail]
    """

    kwargs = _get_kwargs(
        state=state,
        status=status,
        recommendation=recommendation,
        responsible_organisation=responsible_organisation,
        withdrawn=withdrawn,
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
    state: None | str | Unset = UNSET,
    status: ActionStatus | None | Unset = UNSET,
    recommendation: int | None | Unset = UNSET,
    responsible_organisation: int | None | Unset = UNSET,
    withdrawn: bool | Unset = False,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> ActionPage | ProblemDetail | None:
    """List Actions

     The plan's actions, ordered by id, each with its cluster of recommendations and its indicator,
    milestone and overdue-milestone counts. Withdrawn actions are left out; `withdrawn=true` lists only
    them.

    Args:
        state (None | str | Unset): ISO3 code of the state (any case).
        status (ActionStatus | None | Unset): Only actions with this status.
        recommendation (int | None | Unset): Only actions answering this recommendation.
        responsible_organisation (int | None | Unset): Id of the responsible organisation.
        withdrawn (bool | Unset): Only the rows withdrawn (deleted) from the plan, each with
            `withdrawn_at` (true); the current ones otherwise. Their histories say who withdrew them
            and when. Default: False.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActionPage | ProblemDetail
    """

    return (
        await asyncio_detailed(
            client=client,
            state=state,
            status=status,
            recommendation=recommendation,
            responsible_organisation=responsible_organisation,
            withdrawn=withdrawn,
            limit=limit,
            offset=offset,
            cursor=cursor,
            if_none_match=if_none_match,
        )
    ).parsed
