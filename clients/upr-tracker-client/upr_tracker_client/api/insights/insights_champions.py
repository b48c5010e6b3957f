from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.champion_page import ChampionPage
from ...models.problem_detail import ProblemDetail
from ...models.regional_group import RegionalGroup
from ...models.tag_origin_filter import TagOriginFilter
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    theme: list[str] | Unset = UNSET,
    q: None | str | Unset = UNSET,
    state_under_review: list[str] | Unset = UNSET,
    since_cycle: int | None | Unset = UNSET,
    region: list[RegionalGroup] | Unset = UNSET,
    tag_origin: TagOriginFilter | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_theme: list[str] | Unset = UNSET
    if not isinstance(theme, Unset):
        json_theme = theme

    params["theme"] = json_theme

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    json_state_under_review: list[str] | Unset = UNSET
    if not isinstance(state_under_review, Unset):
        json_state_under_review = state_under_review

    params["state_under_review"] = json_state_under_review

    json_since_cycle: int | None | Unset
    if isinstance(since_cycle, Unset):
        json_since_cycle = UNSET
    else:
        json_since_cycle = since_cycle
    params["since_cycle"] = json_since_cycle

    json_region: list[str] | Unset = UNSET
    if not isinstance(region, Unset):
        json_region = []
        for region_item_data in region:
            region_item = region_item_data.value
            json_region.append(region_item)

    params["region"] = json_region

    json_tag_origin: str | Unset = UNSET
    if not isinstance(tag_origin, Unset):
        json_tag_origin = tag_origin.value

    params["tag_origin"] = json_tag_origin

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
        "url": "/champions",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ChampionPage | ProblemDetail | None:
    if response.status_code == 200:
        response_200 = ChampionPage.from_dict(response.json())

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
) -> Response[ChampionPage | ProblemDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    theme: list[str] | Unset = UNSET,
    q: None | str | Unset = UNSET,
    state_under_review: list[str] | Unset = UNSET,
    since_cycle: int | None | Unset = UNSET,
    region: list[RegionalGroup] | Unset = UNSET,
    tag_origin: TagOriginFilter | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[ChampionPage | ProblemDetail]:
    """Champions

     The states that recommended on a subject, and how the state under review answered them.

    Answers "who recommended on X to my state before, and did we accept it?": the recommending states of
    the recommendations matching every filter given (at least one of `theme`, `q`,
    `state_under_review`),
    each with how many, to whom, their current positions, the cycles, and a `/recommendations` link
    listing them. Most recommendations first, then by code; unknown themes, codes or cycles are a 422
    naming the parameter.

    Args:
        theme (list[str] | Unset): Theme: its id, code (`D23`), name or a source's label (`death
            penalty`), in any case; a theme includes the themes under it. Repeat the parameter for any
            of several values.
        q (None | str | Unset): Full-text search of the recommendation text, as `q` of
            `/recommendations` (stemmed English, every word must occur).
        state_under_review (list[str] | Unset): ISO3 code of the state the recommendations were
            made to, e.g. yours. Repeat the parameter for any of several values.
        since_cycle (int | None | Unset): Only recommendations from this cycle on.
        region (list[RegionalGroup] | Unset): UN regional group of the recommending state. Repeat
            the parameter for any of several values.
        tag_origin (TagOriginFilter | Unset): `tag_origin=`: whose tags a theme, group or action-
            category filter matches.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChampionPage | ProblemDetail]
    """

    kwargs = _get_kwargs(
        theme=theme,
        q=q,
        state_under_review=state_under_review,
        since_cycle=since_cycle,
        region=region,
        tag_origin=tag_origin,
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
    theme: list[str] | Unset = UNSET,
    q: None | str | Unset = UNSET,
    state_under_review: list[str] | Unset = UNSET,
    since_cycle: int | None | Unset = UNSET,
    region: list[RegionalGroup] | Unset = UNSET,
    tag_origin: TagOriginFilter | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> ChampionPage | ProblemDetail | None:
    """Champions

     The states that recommended on a subject, and how the state under review answered them.

    Answers "who recommended on X to my state before, and did we accept it?": the recommending states of
    the recommendations matching every filter given (at least one of `theme`, `q`,
    `state_under_review`),
    each with how many, to whom, their current positions, the cycles, and a `/recommendations` link
    listing them. Most recommendations first, then by code; unknown themes, codes or cycles are a 422
    naming the parameter.

    Args:
        theme (list[str] | Unset): Theme: its id, code (`D23`), name or a source's label (`death
            penalty`), in any case; a theme includes the themes under it. Repeat the parameter for any
            of several values.
        q (None | str | Unset): Full-text search of the recommendation text, as `q` of
            `/recommendations` (stemmed English, every word must occur).
        state_under_review (list[str] | Unset): ISO3 code of the state the recommendations were
            made to, e.g. yours. Repeat the parameter for any of several values.
        since_cycle (int | None | Unset): Only recommendations from this cycle on.
        region (list[RegionalGroup] | Unset): UN regional group of the recommending state. Repeat
            the parameter for any of several values.
        tag_origin (TagOriginFilter | Unset): `tag_origin=`: whose tags a theme, group or action-
            category filter matches.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChampionPage | ProblemDetail
    """

    return sync_detailed(
        client=client,
        theme=theme,
        q=q,
        state_under_review=state_under_review,
        since_cycle=since_cycle,
        region=region,
        tag_origin=tag_origin,
        limit=limit,
        offset=offset,
        cursor=cursor,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    theme: list[str] | Unset = UNSET,
    q: None | str | Unset = UNSET,
    state_under_review: list[str] | Unset = UNSET,
    since_cycle: int | None | Unset = UNSET,
    region: list[RegionalGroup] | Unset = UNSET,
    tag_origin: TagOriginFilter | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[ChampionPage | ProblemDetail]:
    """Champions

     The states that recommended on a subject, and how the state under review answered them.

    Answers "who recommended on X to my state before, and did we accept it?": the recommending states of
    the recommendations matching every filter given (at least one of `theme`, `q`,
    `state_under_review`),
    each with how many, to whom, their current positions, the cycles, and a `/recommendations` link
    listing them. Most recommendations first, then by code; unknown themes, codes or cycles are a 422
    naming the parameter.

    Args:
        theme (list[str] | Unset): Theme: its id, code (`D23`), name or a source's label (`death
            penalty`), in any case; a theme includes the themes under it. Repeat the parameter for any
            of several values.
        q (None | str | Unset): Full-text search of the recommendation text, as `q` of
            `/recommendations` (stemmed English, every word must occur).
        state_under_review (list[str] | Unset): ISO3 code of the state the recommendations were
            made to, e.g. yours. Repeat the parameter for any of several values.
        since_cycle (int | None | Unset): Only recommendations from this cycle on.
        region (list[RegionalGroup] | Unset): UN regional group of the recommending state. Repeat
            the parameter for any of several values.
        tag_origin (TagOriginFilter | Unset): `tag_origin=`: whose tags a theme, group or action-
            category filter matches.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChampionPage | ProblemDetail]
    """

    kwargs = _get_kwargs(
        theme=theme,
        q=q,
        state_under_review=state_under_review,
        since_cycle=since_cycle,
        region=region,
        tag_origin=tag_origin,
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
    theme: list[str] | Unset = UNSET,
    q: None | str | Unset = UNSET,
    state_under_review: list[str] | Unset = UNSET,
    since_cycle: int | None | Unset = UNSET,
    region: list[RegionalGroup] | Unset = UNSET,
    tag_origin: TagOriginFilter | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> ChampionPage | ProblemDetail | None:
    """Champions

     The states that recommended on a subject, and how the state under review answered them.

    Answers "who recommended on X to my state before, and did we accept it?": the recommending states of
    the recommendations matching every filter given (at least one of `theme`, `q`,
    `state_under_review`),
    each with how many, to whom, their current positions, the cycles, and a `/recommendations` link
    listing them. Most recommendations first, then by code; unknown themes, codes or cycles are a 422
    naming the parameter.

    Args:
        theme (list[str] | Unset): Theme: its id, code (`D23`), name or a source's label (`death
            penalty`), in any case; a theme includes the themes under it. Repeat the parameter for any
            of several values.
        q (None | str | Unset): Full-text search of the recommendation text, as `q` of
            `/recommendations` (stemmed English, every word must occur).
        state_under_review (list[str] | Unset): ISO3 code of the state the recommendations were
            made to, e.g. yours. Repeat the parameter for any of several values.
        since_cycle (int | None | Unset): Only recommendations from this cycle on.
        region (list[RegionalGroup] | Unset): UN regional group of the recommending state. Repeat
            the parameter for any of several values.
        tag_origin (TagOriginFilter | Unset): `tag_origin=`: whose tags a theme, group or action-
            category filter matches.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChampionPage | ProblemDetail
    """

    return (
        await asyncio_detailed(
            client=client,
            theme=theme,
            q=q,
            state_under_review=state_under_review,
            since_cycle=since_cycle,
            region=region,
            tag_origin=tag_origin,
            limit=limit,
            offset=offset,
            cursor=cursor,
            if_none_match=if_none_match,
        )
    ).parsed
