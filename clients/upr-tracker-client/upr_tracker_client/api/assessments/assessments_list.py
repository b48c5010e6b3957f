from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.assessment_page import AssessmentPage
from ...models.problem_detail import ProblemDetail
from ...models.traffic_light import TrafficLight
from ...models.visibility import Visibility
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    state: None | str | Unset = UNSET,
    recommendation: int | None | Unset = UNSET,
    organisation: int | None | Unset = UNSET,
    rating: None | TrafficLight | Unset = UNSET,
    visibility: None | Unset | Visibility = UNSET,
    q: None | str | Unset = UNSET,
    current: bool | Unset = False,
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

    json_organisation: int | None | Unset
    if isinstance(organisation, Unset):
        json_organisation = UNSET
    else:
        json_organisation = organisation
    params["organisation"] = json_organisation

    json_rating: None | str | Unset
    if isinstance(rating, Unset):
        json_rating = UNSET
    elif isinstance(rating, TrafficLight):
        json_rating = rating.value
    else:
        json_rating = rating
    params["rating"] = json_rating

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

    params["current"] = current

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
        "url": "/tracking/assessments",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AssessmentPage | ProblemDetail | None:
    if response.status_code == 200:
        response_200 = AssessmentPage.from_dict(response.json())

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
) -> Response[AssessmentPage | ProblemDetail]:
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
    organisation: int | None | Unset = UNSET,
    rating: None | TrafficLight | Unset = UNSET,
    visibility: None | Unset | Visibility = UNSET,
    q: None | str | Unset = UNSET,
    current: bool | Unset = False,
    withdrawn: bool | Unset = False,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[AssessmentPage | ProblemDetail]:
    """List Assessments

     Ordered by id. Only what you may see, in the items and the `total` alike; withdrawn ones only
    with `withdrawn=true`.

    Args:
        state (None | str | Unset): ISO3 code of the state (any case).
        recommendation (int | None | Unset): Recommendation id.
        organisation (int | None | Unset): Id of the assessing organisation.
        rating (None | TrafficLight | Unset): Only assessments with this traffic light.
        visibility (None | Unset | Visibility): Only assessments of this visibility (among those
            you may see).
        q (None | str | Unset): Case-insensitive substring of the reasoning.
        current (bool | Unset): Only each organisation's latest assessment (that you may see) of
            each recommendation; the other filters apply to those. Default: False.
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
        Response[AssessmentPage | ProblemDetail]
    """

    kwargs = _get_kwargs(
        state=state,
        recommendation=recommendation,
        organisation=organisation,
        rating=rating,
        visibility=visibility,
        q=q,
        current=current,
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
    organisation: int | None | Unset = UNSET,
    rating: None | TrafficLight | Unset = UNSET,
    visibility: None | Unset | Visibility = UNSET,
    q: None | str | Unset = UNSET,
    current: bool | Unset = False,
    withdrawn: bool | Unset = False,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> AssessmentPage | ProblemDetail | None:
    """List Assessments

     Ordered by id. Only what you may see, in the items and the `total` alike; withdrawn ones only
    with `withdrawn=true`.

    Args:
        state (None | str | Unset): ISO3 code of the state (any case).
        recommendation (int | None | Unset): Recommendation id.
        organisation (int | None | Unset): Id of the assessing organisation.
        rating (None | TrafficLight | Unset): Only assessments with this traffic light.
        visibility (None | Unset | Visibility): Only assessments of this visibility (among those
            you may see).
        q (None | str | Unset): Case-insensitive substring of the reasoning.
        current (bool | Unset): Only each organisation's latest assessment (that you may see) of
            each recommendation; the other filters apply to those. Default: False.
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
        AssessmentPage | ProblemDetail
    """

    return sync_detailed(
        client=client,
        state=state,
        recommendation=recommendation,
        organisation=organisation,
        rating=rating,
        visibility=visibility,
        q=q,
        current=current,
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
    organisation: int | None | Unset = UNSET,
    rating: None | TrafficLight | Unset = UNSET,
    visibility: None | Unset | Visibility = UNSET,
    q: None | str | Unset = UNSET,
    current: bool | Unset = False,
    withdrawn: bool | Unset = False,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[AssessmentPage | ProblemDetail]:
    """List Assessments

     Ordered by id. Only what you may see, in the items and the `total` alike; withdrawn ones only
    with `withdrawn=true`.

    Args:
        state (None | str | Unset): ISO3 code of the state (any case).
        recommendation (int | None | Unset): Recommendation id.
        organisation (int | None | Unset): Id of the assessing organisation.
        rating (None | TrafficLight | Unset): Only assessments with this traffic light.
        visibility (None | Unset | Visibility): Only assessments of this visibility (among those
            you may see).
        q (None | str | Unset): Case-insensitive substring of the reasoning.
        current (bool | Unset): Only each organisation's latest assessment (that you may see) of
            each recommendation; the other filters apply to those. Default: False.
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
        Response[AssessmentPage | ProblemDetail]
    """

    kwargs = _get_kwargs(
        state=state,
        recommendation=recommendation,
        organisation=organisation,
        rating=rating,
        visibility=visibility,
        q=q,
        current=current,
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
    organisation: int | None | Unset = UNSET,
    rating: None | TrafficLight | Unset = UNSET,
    visibility: None | Unset | Visibility = UNSET,
    q: None | str | Unset = UNSET,
    current: bool | Unset = False,
    withdrawn: bool | Unset = False,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> AssessmentPage | ProblemDetail | None:
    """List Assessments

     Ordered by id. Only what you may see, in the items and the `total` alike; withdrawn ones only
    with `withdrawn=true`.

    Args:
        state (None | str | Unset): ISO3 code of the state (any case).
        recommendation (int | None | Unset): Recommendation id.
        organisation (int | None | Unset): Id of the assessing organisation.
        rating (None | TrafficLight | Unset): Only assessments with this traffic light.
        visibility (None | Unset | Visibility): Only assessments of this visibility (among those
            you may see).
        q (None | str | Unset): Case-insensitive substring of the reasoning.
        current (bool | Unset): Only each organisation's latest assessment (that you may see) of
            each recommendation; the other filters apply to those. Default: False.
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
        AssessmentPage | ProblemDetail
    """

    return (
        await asyncio_detailed(
            client=client,
            state=state,
            recommendation=recommendation,
            organisation=organisation,
            rating=rating,
            visibility=visibility,
            q=q,
            current=current,
            withdrawn=withdrawn,
            limit=limit,
            offset=offset,
            cursor=cursor,
            if_none_match=if_none_match,
        )
    ).parsed
