import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_detail import ProblemDetail
from ...models.progress_update_page import ProgressUpdatePage
from ...models.visibility import Visibility
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    state: None | str | Unset = UNSET,
    recommendation: int | None | Unset = UNSET,
    action: int | None | Unset = UNSET,
    organisation: int | None | Unset = UNSET,
    visibility: None | Unset | Visibility = UNSET,
    q: None | str | Unset = UNSET,
    reported_from: datetime.date | None | Unset = UNSET,
    reported_to: datetime.date | None | Unset = UNSET,
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

    json_recommendation: int | None | Unset
    if isinstance(recommendation, Unset):
        json_recommendation = UNSET
    else:
        json_recommendation = recommendation
    params["recommendation"] = json_recommendation

    json_action: int | None | Unset
    if isinstance(action, Unset):
        json_action = UNSET
    else:
        json_action = action
    params["action"] = json_action

    json_organisation: int | None | Unset
    if isinstance(organisation, Unset):
        json_organisation = UNSET
    else:
        json_organisation = organisation
    params["organisation"] = json_organisation

    json_visibility: None | str | Unset
    if isinstance(visibility, Unset):
        json_visibility = UNSET
    elif isinstance(visibility, Visibility):
        json_visibility = visibility.value
    else:
        json_visibility = visibility
    params["visibility"] = json_visibility

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    json_reported_from: None | str | Unset
    if isinstance(reported_from, Unset):
        json_reported_from = UNSET
    elif isinstance(reported_from, datetime.date):
        json_reported_from = reported_from.isoformat()
    else:
        json_reported_from = reported_from
    params["reported_from"] = json_reported_from

    json_reported_to: None | str | Unset
    if isinstance(reported_to, Unset):
        json_reported_to = UNSET
    elif isinstance(reported_to, datetime.date):
        json_reported_to = reported_to.isoformat()
    else:
        json_reported_to = reported_to
    params["reported_to"] = json_reported_to

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
        "url": "/tracking/progress-updates",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetail | ProgressUpdatePage | None:
    if response.status_code == 200:
        response_200 = ProgressUpdatePage.from_dict(response.json())

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
) -> Response[ProblemDetail | ProgressUpdatePage]:
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
    recommendation: int | None | Unset = UNSET,
    action: int | None | Unset = UNSET,
    organisation: int | None | Unset = UNSET,
    visibility: None | Unset | Visibility = UNSET,
    q: None | str | Unset = UNSET,
    reported_from: datetime.date | None | Unset = UNSET,
    reported_to: datetime.date | None | Unset = UNSET,
    withdrawn: bool | Unset = False,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[ProblemDetail | ProgressUpdatePage]:
    """List Progress Updates

     Ordered by id. Only what you may see: public posts, your state's shared ones, and confidential ones
    if you posted them, are an NHRI of that state, or an admin — in the items and the `total` alike.
    Withdrawn ones only with `withdrawn=true`.

    Args:
        state (None | str | Unset): ISO3 code of the state (any case).
        recommendation (int | None | Unset): Recommendation id.
        action (int | None | Unset): Action id.
        organisation (int | None | Unset): Id of the posting organisation.
        visibility (None | Unset | Visibility): Only updates of this visibility (among those you
            may see).
        q (None | str | Unset): Case-insensitive substring of the text.
        reported_from (datetime.date | None | Unset): Reported on or after.
        reported_to (datetime.date | None | Unset): Reported on or before.
        withdrawn (bool | Unset): Only the withdrawn ones (deleted by their poster after others
            could see them). Default: False.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetail | ProgressUpdatePage]
    """

    kwargs = _get_kwargs(
        state=state,
        recommendation=recommendation,
        action=action,
        organisation=organisation,
        visibility=visibility,
        q=q,
        reported_from=reported_from,
        reported_to=reported_to,
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
    recommendation: int | None | Unset = UNSET,
    action: int | None | Unset = UNSET,
    organisation: int | None | Unset = UNSET,
    visibility: None | Unset | Visibility = UNSET,
    q: None | str | Unset = UNSET,
    reported_from: datetime.date | None | Unset = UNSET,
    reported_to: datetime.date | None | Unset = UNSET,
    withdrawn: bool | Unset = False,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> ProblemDetail | ProgressUpdatePage | None:
    """List Progress Updates

     Ordered by id. Only what you may see: public posts, your state's shared ones, and confidential ones
    if you posted them, are an NHRI of that state, or an admin — in the items and the `total` alike.
    Withdrawn ones only with `withdrawn=true`.

    Args:
        state (None | str | Unset): ISO3 code of the state (any case).
        recommendation (int | None | Unset): Recommendation id.
        action (int | None | Unset): Action id.
        organisation (int | None | Unset): Id of the posting organisation.
        visibility (None | Unset | Visibility): Only updates of this visibility (among those you
            may see).
        q (None | str | Unset): Case-insensitive substring of the text.
        reported_from (datetime.date | None | Unset): Reported on or after.
        reported_to (datetime.date | None | Unset): Reported on or before.
        withdrawn (bool | Unset): Only the withdrawn ones (deleted by their poster after others
            could see them). Default: False.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetail | ProgressUpdatePage
    """

    return sync_detailed(
        client=client,
        state=state,
        recommendation=recommendation,
        action=action,
        organisation=organisation,
        visibility=visibility,
        q=q,
        reported_from=reported_from,
        reported_to=reported_to,
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
    recommendation: int | None | Unset = UNSET,
    action: int | None | Unset = UNSET,
    organisation: int | None | Unset = UNSET,
    visibility: None | Unset | Visibility = UNSET,
    q: None | str | Unset = UNSET,
    reported_from: datetime.date | None | Unset = UNSET,
    reported_to: datetime.date | None | Unset = UNSET,
    withdrawn: bool | Unset = False,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[ProblemDetail | ProgressUpdatePage]:
    """List Progress Updates

     Ordered by id. Only what you may see: public posts, your state's shared ones, and confidential ones
    if you posted them, are an NHRI of that state, or an admin — in the items and the `total` alike.
    Withdrawn ones only with `withdrawn=true`.

    Args:
        state (None | str | Unset): ISO3 code of the state (any case).
        recommendation (int | None | Unset): Recommendation id.
        action (int | None | Unset): Action id.
        organisation (int | None | Unset): Id of the posting organisation.
        visibility (None | Unset | Visibility): Only updates of this visibility (among those you
            may see).
        q (None | str | Unset): Case-insensitive substring of the text.
        reported_from (datetime.date | None | Unset): Reported on or after.
        reported_to (datetime.date | None | Unset): Reported on or before.
        withdrawn (bool | Unset): Only the withdrawn ones (deleted by their poster after others
            could see them). Default: False.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetail | ProgressUpdatePage]
    """

    kwargs = _get_kwargs(
        state=state,
        recommendation=recommendation,
        action=action,
        organisation=organisation,
        visibility=visibility,
        q=q,
        reported_from=reported_from,
        reported_to=reported_to,
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
    recommendation: int | None | Unset = UNSET,
    action: int | None | Unset = UNSET,
    organisation: int | None | Unset = UNSET,
    visibility: None | Unset | Visibility = UNSET,
    q: None | str | Unset = UNSET,
    reported_from: datetime.date | None | Unset = UNSET,
    reported_to: datetime.date | None | Unset = UNSET,
    withdrawn: bool | Unset = False,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> ProblemDetail | ProgressUpdatePage | None:
    """List Progress Updates

     Ordered by id. Only what you may see: public posts, your state's shared ones, and confidential ones
    if you posted them, are an NHRI of that state, or an admin — in the items and the `total` alike.
    Withdrawn ones only with `withdrawn=true`.

    Args:
        state (None | str | Unset): ISO3 code of the state (any case).
        recommendation (int | None | Unset): Recommendation id.
        action (int | None | Unset): Action id.
        organisation (int | None | Unset): Id of the posting organisation.
        visibility (None | Unset | Visibility): Only updates of this visibility (among those you
            may see).
        q (None | str | Unset): Case-insensitive substring of the text.
        reported_from (datetime.date | None | Unset): Reported on or after.
        reported_to (datetime.date | None | Unset): Reported on or before.
        withdrawn (bool | Unset): Only the withdrawn ones (deleted by their poster after others
            could see them). Default: False.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetail | ProgressUpdatePage
    """

    return (
        await asyncio_detailed(
            client=client,
            state=state,
            recommendation=recommendation,
            action=action,
            organisation=organisation,
            visibility=visibility,
            q=q,
            reported_from=reported_from,
            reported_to=reported_to,
            withdrawn=withdrawn,
            limit=limit,
            offset=offset,
            cursor=cursor,
            if_none_match=if_none_match,
        )
    ).parsed
