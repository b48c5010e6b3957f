from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.position_kind import PositionKind
from ...models.problem_detail import ProblemDetail
from ...models.recommendation_page import RecommendationPage
from ...models.regional_group import RegionalGroup
from ...models.tag_origin_filter import TagOriginFilter
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    state_under_review: list[str] | Unset = UNSET,
    recommending_state: list[str] | Unset = UNSET,
    region: list[RegionalGroup] | Unset = UNSET,
    cycle: list[int] | Unset = UNSET,
    session: list[int] | Unset = UNSET,
    theme: list[str] | Unset = UNSET,
    affected_persons: list[str] | Unset = UNSET,
    sdg_target: list[str] | Unset = UNSET,
    position: list[PositionKind] | Unset = UNSET,
    action_category: list[int] | Unset = UNSET,
    review: list[int] | Unset = UNSET,
    tag_origin: TagOriginFilter | Unset = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_state_under_review: list[str] | Unset = UNSET
    if not isinstance(state_under_review, Unset):
        json_state_under_review = state_under_review

    params["state_under_review"] = json_state_under_review

    json_recommending_state: list[str] | Unset = UNSET
    if not isinstance(recommending_state, Unset):
        json_recommending_state = recommending_state

    params["recommending_state"] = json_recommending_state

    json_region: list[str] | Unset = UNSET
    if not isinstance(region, Unset):
        json_region = []
        for region_item_data in region:
            region_item = region_item_data.value
            json_region.append(region_item)

    params["region"] = json_region

    json_cycle: list[int] | Unset = UNSET
    if not isinstance(cycle, Unset):
        json_cycle = cycle

    params["cycle"] = json_cycle

    json_session: list[int] | Unset = UNSET
    if not isinstance(session, Unset):
        json_session = session

    params["session"] = json_session

    json_theme: list[str] | Unset = UNSET
    if not isinstance(theme, Unset):
        json_theme = theme

    params["theme"] = json_theme

    json_affected_persons: list[str] | Unset = UNSET
    if not isinstance(affected_persons, Unset):
        json_affected_persons = affected_persons

    params["affected_persons"] = json_affected_persons

    json_sdg_target: list[str] | Unset = UNSET
    if not isinstance(sdg_target, Unset):
        json_sdg_target = sdg_target

    params["sdg_target"] = json_sdg_target

    json_position: list[str] | Unset = UNSET
    if not isinstance(position, Unset):
        json_position = []
        for position_item_data in position:
            position_item = position_item_data.value
            json_position.append(position_item)

    params["position"] = json_position

    json_action_category: list[int] | Unset = UNSET
    if not isinstance(action_category, Unset):
        json_action_category = action_category

    params["action_category"] = json_action_category

    json_review: list[int] | Unset = UNSET
    if not isinstance(review, Unset):
        json_review = review

    params["review"] = json_review

    json_tag_origin: str | Unset = UNSET
    if not isinstance(tag_origin, Unset):
        json_tag_origin = tag_origin.value

    params["tag_origin"] = json_tag_origin

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

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
        "url": "/recommendations",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetail | RecommendationPage | None:
    if response.status_code == 200:
        response_200 = RecommendationPage.from_dict(response.json())

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
) -> Response[ProblemDetail | RecommendationPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    state_under_review: list[str] | Unset = UNSET,
    recommending_state: list[str] | Unset = UNSET,
    region: list[RegionalGroup] | Unset = UNSET,
    cycle: list[int] | Unset = UNSET,
    session: list[int] | Unset = UNSET,
    theme: list[str] | Unset = UNSET,
    affected_persons: list[str] | Unset = UNSET,
    sdg_target: list[str] | Unset = UNSET,
    position: list[PositionKind] | Unset = UNSET,
    action_category: list[int] | Unset = UNSET,
    review: list[int] | Unset = UNSET,
    tag_origin: TagOriginFilter | Unset = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[ProblemDetail | RecommendationPage]:
    """List Recommendations

     Public. Different filters must all hold; unknown codes or ids are a 422 naming the parameter.
    Ordered by review, then in the order the recommendations were recorded; with `q`, most relevant
    first. `cursor` paging works in both orders.

    With `Accept: text/csv` or the XLSX media type, the response is every matching row (paging
    parameters ignored) with recommending states, themes and current position.

    Args:
        state_under_review (list[str] | Unset): ISO3 code. Repeat the parameter for any of several
            values.
        recommending_state (list[str] | Unset): ISO3 code. Repeat the parameter for any of several
            values.
        region (list[RegionalGroup] | Unset): UN regional group of a recommending state. Repeat
            the parameter for any of several values.
        cycle (list[int] | Unset): Cycle number. Repeat the parameter for any of several values.
        session (list[int] | Unset): Session number. Repeat the parameter for any of several
            values.
        theme (list[str] | Unset): Theme: its id, code (`D23`), name or a source's label (`death
            penalty`), in any case; a theme includes the themes under it. Repeat the parameter for any
            of several values.
        affected_persons (list[str] | Unset): Affected-persons group: its id, code (`women`), name
            or a source's label, in any case; a group includes the groups under it. Repeat the
            parameter for any of several values.
        sdg_target (list[str] | Unset): SDG target code, e.g. `16.10`. Repeat the parameter for
            any of several values.
        position (list[PositionKind] | Unset): Current position. Repeat the parameter for any of
            several values.
        action_category (list[int] | Unset): UPR Info action category, 1–5. Repeat the parameter
            for any of several values.
        review (list[int] | Unset): Review id. Repeat the parameter for any of several values.
        tag_origin (TagOriginFilter | Unset): `tag_origin=`: whose tags a theme, group or action-
            category filter matches.
        q (None | str | Unset): Full-text search, stemmed English: every word must occur (in any
            inflection); punctuation and operators are ignored, as are English stop words. Results
            come most relevant first, with `rank`.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetail | RecommendationPage]
    """

    kwargs = _get_kwargs(
        state_under_review=state_under_review,
        recommending_state=recommending_state,
        region=region,
        cycle=cycle,
        session=session,
        theme=theme,
        affected_persons=affected_persons,
        sdg_target=sdg_target,
        position=position,
        action_category=action_category,
        review=review,
        tag_origin=tag_origin,
        q=q,
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
    state_under_review: list[str] | Unset = UNSET,
    recommending_state: list[str] | Unset = UNSET,
    region: list[RegionalGroup] | Unset = UNSET,
    cycle: list[int] | Unset = UNSET,
    session: list[int] | Unset = UNSET,
    theme: list[str] | Unset = UNSET,
    affected_persons: list[str] | Unset = UNSET,
    sdg_target: list[str] | Unset = UNSET,
    position: list[PositionKind] | Unset = UNSET,
    action_category: list[int] | Unset = UNSET,
    review: list[int] | Unset = UNSET,
    tag_origin: TagOriginFilter | Unset = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> ProblemDetail | RecommendationPage | None:
    """List Recommendations

     Public. Different filters must all hold; unknown codes or ids are a 422 naming the parameter.
    Ordered by review, then in the order the recommendations were recorded; with `q`, most relevant
    first. `cursor` paging works in both orders.

    With `Accept: text/csv` or the XLSX media type, the response is every matching row (paging
    parameters ignored) with recommending states, themes and current position.

    Args:
        state_under_review (list[str] | Unset): ISO3 code. Repeat the parameter for any of several
            values.
        recommending_state (list[str] | Unset): ISO3 code. Repeat the parameter for any of several
            values.
        region (list[RegionalGroup] | Unset): UN regional group of a recommending state. Repeat
            the parameter for any of several values.
        cycle (list[int] | Unset): Cycle number. Repeat the parameter for any of several values.
        session (list[int] | Unset): Session number. Repeat the parameter for any of several
            values.
        theme (list[str] | Unset): Theme: its id, code (`D23`), name or a source's label (`death
            penalty`), in any case; a theme includes the themes under it. Repeat the parameter for any
            of several values.
        affected_persons (list[str] | Unset): Affected-persons group: its id, code (`women`), name
            or a source's label, in any case; a group includes the groups under it. Repeat the
            parameter for any of several values.
        sdg_target (list[str] | Unset): SDG target code, e.g. `16.10`. Repeat the parameter for
            any of several values.
        position (list[PositionKind] | Unset): Current position. Repeat the parameter for any of
            several values.
        action_category (list[int] | Unset): UPR Info action category, 1–5. Repeat the parameter
            for any of several values.
        review (list[int] | Unset): Review id. Repeat the parameter for any of several values.
        tag_origin (TagOriginFilter | Unset): `tag_origin=`: whose tags a theme, group or action-
            category filter matches.
        q (None | str | Unset): Full-text search, stemmed English: every word must occur (in any
            inflection); punctuation and operators are ignored, as are English stop words. Results
            come most relevant first, with `rank`.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetail | RecommendationPage
    """

    return sync_detailed(
        client=client,
        state_under_review=state_under_review,
        recommending_state=recommending_state,
        region=region,
        cycle=cycle,
        session=session,
        theme=theme,
        affected_persons=affected_persons,
        sdg_target=sdg_target,
        position=position,
        action_category=action_category,
        review=review,
        tag_origin=tag_origin,
        q=q,
        limit=limit,
        offset=offset,
        cursor=cursor,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    state_under_review: list[str] | Unset = UNSET,
    recommending_state: list[str] | Unset = UNSET,
    region: list[RegionalGroup] | Unset = UNSET,
    cycle: list[int] | Unset = UNSET,
    session: list[int] | Unset = UNSET,
    theme: list[str] | Unset = UNSET,
    affected_persons: list[str] | Unset = UNSET,
    sdg_target: list[str] | Unset = UNSET,
    position: list[PositionKind] | Unset = UNSET,
    action_category: list[int] | Unset = UNSET,
    review: list[int] | Unset = UNSET,
    tag_origin: TagOriginFilter | Unset = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[ProblemDetail | RecommendationPage]:
    """List Recommendations

     Public. Different filters must all hold; unknown codes or ids are a 422 naming the parameter.
    Ordered by review, then in the order the recommendations were recorded; with `q`, most relevant
    first. `cursor` paging works in both orders.

    With `Accept: text/csv` or the XLSX media type, the response is every matching row (paging
    parameters ignored) with recommending states, themes and current position.

    Args:
        state_under_review (list[str] | Unset): ISO3 code. Repeat the parameter for any of several
            values.
        recommending_state (list[str] | Unset): ISO3 code. Repeat the parameter for any of several
            values.
        region (list[RegionalGroup] | Unset): UN regional group of a recommending state. Repeat
            the parameter for any of several values.
        cycle (list[int] | Unset): Cycle number. Repeat the parameter for any of several values.
        session (list[int] | Unset): Session number. Repeat the parameter for any of several
            values.
        theme (list[str] | Unset): Theme: its id, code (`D23`), name or a source's label (`death
            penalty`), in any case; a theme includes the themes under it. Repeat the parameter for any
            of several values.
        affected_persons (list[str] | Unset): Affected-persons group: its id, code (`women`), name
            or a source's label, in any case; a group includes the groups under it. Repeat the
            parameter for any of several values.
        sdg_target (list[str] | Unset): SDG target code, e.g. `16.10`. Repeat the parameter for
            any of several values.
        position (list[PositionKind] | Unset): Current position. Repeat the parameter for any of
            several values.
        action_category (list[int] | Unset): UPR Info action category, 1–5. Repeat the parameter
            for any of several values.
        review (list[int] | Unset): Review id. Repeat the parameter for any of several values.
        tag_origin (TagOriginFilter | Unset): `tag_origin=`: whose tags a theme, group or action-
            category filter matches.
        q (None | str | Unset): Full-text search, stemmed English: every word must occur (in any
            inflection); punctuation and operators are ignored, as are English stop words. Results
            come most relevant first, with `rank`.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetail | RecommendationPage]
    """

    kwargs = _get_kwargs(
        state_under_review=state_under_review,
        recommending_state=recommending_state,
        region=region,
        cycle=cycle,
        session=session,
        theme=theme,
        affected_persons=affected_persons,
        sdg_target=sdg_target,
        position=position,
        action_category=action_category,
        review=review,
        tag_origin=tag_origin,
        q=q,
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
    state_under_review: list[str] | Unset = UNSET,
    recommending_state: list[str] | Unset = UNSET,
    region: list[RegionalGroup] | Unset = UNSET,
    cycle: list[int] | Unset = UNSET,
    session: list[int] | Unset = UNSET,
    theme: list[str] | Unset = UNSET,
    affected_persons: list[str] | Unset = UNSET,
    sdg_target: list[str] | Unset = UNSET,
    position: list[PositionKind] | Unset = UNSET,
    action_category: list[int] | Unset = UNSET,
    review: list[int] | Unset = UNSET,
    tag_origin: TagOriginFilter | Unset = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> ProblemDetail | RecommendationPage | None:
    """List Recommendations

     Public. Different filters must all hold; unknown codes or ids are a 422 naming the parameter.
    Ordered by review, then in the order the recommendations were recorded; with `q`, most relevant
    first. `cursor` paging works in both orders.

    With `Accept: text/csv` or the XLSX media type, the response is every matching row (paging
    parameters ignored) with recommending states, themes and current position.

    Args:
        state_under_review (list[str] | Unset): ISO3 code. Repeat the parameter for any of several
            values.
        recommending_state (list[str] | Unset): ISO3 code. Repeat the parameter for any of several
            values.
        region (list[RegionalGroup] | Unset): UN regional group of a recommending state. Repeat
            the parameter for any of several values.
        cycle (list[int] | Unset): Cycle number. Repeat the parameter for any of several values.
        session (list[int] | Unset): Session number. Repeat the parameter for any of several
            values.
        theme (list[str] | Unset): Theme: its id, code (`D23`), name or a source's label (`death
            penalty`), in any case; a theme includes the themes under it. Repeat the parameter for any
            of several values.
        affected_persons (list[str] | Unset): Affected-persons group: its id, code (`women`), name
            or a source's label, in any case; a group includes the groups under it. Repeat the
            parameter for any of several values.
        sdg_target (list[str] | Unset): SDG target code, e.g. `16.10`. Repeat the parameter for
            any of several values.
        position (list[PositionKind] | Unset): Current position. Repeat the parameter for any of
            several values.
        action_category (list[int] | Unset): UPR Info action category, 1–5. Repeat the parameter
            for any of several values.
        review (list[int] | Unset): Review id. Repeat the parameter for any of several values.
        tag_origin (TagOriginFilter | Unset): `tag_origin=`: whose tags a theme, group or action-
            category filter matches.
        q (None | str | Unset): Full-text search, stemmed English: every word must occur (in any
            inflection); punctuation and operators are ignored, as are English stop words. Results
            come most relevant first, with `rank`.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetail | RecommendationPage
    """

    return (
        await asyncio_detailed(
            client=client,
            state_under_review=state_under_review,
            recommending_state=recommending_state,
            region=region,
            cycle=cycle,
            session=session,
            theme=theme,
            affected_persons=affected_persons,
            sdg_target=sdg_target,
            position=position,
            action_category=action_category,
            review=review,
            tag_origin=tag_origin,
            q=q,
            limit=limit,
            offset=offset,
            cursor=cursor,
            if_none_match=if_none_match,
        )
    ).parsed
