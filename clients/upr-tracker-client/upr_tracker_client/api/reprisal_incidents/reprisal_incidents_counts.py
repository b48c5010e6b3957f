from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.incident_counts import IncidentCounts
from ...models.problem_detail import ProblemDetail
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    state: None | str | Unset = UNSET,
    year_from: int | None | Unset = UNSET,
    year_to: int | None | Unset = UNSET,
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

    json_year_from: int | None | Unset
    if isinstance(year_from, Unset):
        json_year_from = UNSET
    else:
        json_year_from = year_from
    params["year_from"] = json_year_from

    json_year_to: int | None | Unset
    if isinstance(year_to, Unset):
        json_year_to = UNSET
    else:
        json_year_to = year_to
    params["year_to"] = json_year_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/advocacy/reprisal-incidents/counts",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IncidentCounts | ProblemDetail | None:
    if response.status_code == 200:
        response_200 = IncidentCounts.from_dict(response.json())

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
) -> Response[IncidentCounts | ProblemDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    state: None | str | Unset = UNSET,
    year_from: int | None | Unset = UNSET,
    year_to: int | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[IncidentCounts | ProblemDetail]:
    """Incident Counts

     Anonymised counts for the reports of a state's NHRI and UN bodies (and admins): per state and year,
    how many incidents were recorded (shared or not) and how many of them were reported to the UN —
    never
    an organisation, a kind, a description or an id. **The answer only ever holds the caller's own
    state** (admins: every state); a `state` naming another one gives an empty list, not an error.

    **Small cells are withheld**: a state-year where fewer than `minimum_shown` (3) *organisations*
    recorded incidents is listed with `fewer_than_minimum: true` and null figures, since one or two
    organisations in a state and year can be pointed at. **The caller's own organisation's incidents are
    left out** of the cells it is shown, so an NHRI cannot pad a cell with incidents of its own
    (recorded,
    read, deleted) to read the exact figure of the others. Each row is a whole state-year and no totals
    are given, so no combination of answers recovers a withheld figure.

    What remains possible: two colluding accounts of different organisations — one that records
    incidents (a CSO) and a reader of the counts of the same state — can still pad a cell and difference
    it, and so can an NHRI and a UN reader comparing their views (the NHRI's own incidents are in the
    UN's cells). Only callers with this permission (never a service token) can try.

    Args:
        state (None | str | Unset): ISO3 code of the state (any case); another state than the
            caller's gives no rows.
        year_from (int | None | Unset): From this year (the incident's date).
        year_to (int | None | Unset): Up to this year, inclusive.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IncidentCounts | ProblemDetail]
    """

    kwargs = _get_kwargs(
        state=state,
        year_from=year_from,
        year_to=year_to,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    state: None | str | Unset = UNSET,
    year_from: int | None | Unset = UNSET,
    year_to: int | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> IncidentCounts | ProblemDetail | None:
    """Incident Counts

     Anonymised counts for the reports of a state's NHRI and UN bodies (and admins): per state and year,
    how many incidents were recorded (shared or not) and how many of them were reported to the UN —
    never
    an organisation, a kind, a description or an id. **The answer only ever holds the caller's own
    state** (admins: every state); a `state` naming another one gives an empty list, not an error.

    **Small cells are withheld**: a state-year where fewer than `minimum_shown` (3) *organisations*
    recorded incidents is listed with `fewer_than_minimum: true` and null figures, since one or two
    organisations in a state and year can be pointed at. **The caller's own organisation's incidents are
    left out** of the cells it is shown, so an NHRI cannot pad a cell with incidents of its own
    (recorded,
    read, deleted) to read the exact figure of the others. Each row is a whole state-year and no totals
    are given, so no combination of answers recovers a withheld figure.

    What remains possible: two colluding accounts of different organisations — one that records
    incidents (a CSO) and a reader of the counts of the same state — can still pad a cell and difference
    it, and so can an NHRI and a UN reader comparing their views (the NHRI's own incidents are in the
    UN's cells). Only callers with this permission (never a service token) can try.

    Args:
        state (None | str | Unset): ISO3 code of the state (any case); another state than the
            caller's gives no rows.
        year_from (int | None | Unset): From this year (the incident's date).
        year_to (int | None | Unset): Up to this year, inclusive.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IncidentCounts | ProblemDetail
    """

    return sync_detailed(
        client=client,
        state=state,
        year_from=year_from,
        year_to=year_to,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    state: None | str | Unset = UNSET,
    year_from: int | None | Unset = UNSET,
    year_to: int | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[IncidentCounts | ProblemDetail]:
    """Incident Counts

     Anonymised counts for the reports of a state's NHRI and UN bodies (and admins): per state and year,
    how many incidents were recorded (shared or not) and how many of them were reported to the UN —
    never
    an organisation, a kind, a description or an id. **The answer only ever holds the caller's own
    state** (admins: every state); a `state` naming another one gives an empty list, not an error.

    **Small cells are withheld**: a state-year where fewer than `minimum_shown` (3) *organisations*
    recorded incidents is listed with `fewer_than_minimum: true` and null figures, since one or two
    organisations in a state and year can be pointed at. **The caller's own organisation's incidents are
    left out** of the cells it is shown, so an NHRI cannot pad a cell with incidents of its own
    (recorded,
    read, deleted) to read the exact figure of the others. Each row is a whole state-year and no totals
    are given, so no combination of answers recovers a withheld figure.

    What remains possible: two colluding accounts of different organisations — one that records
    incidents (a CSO) and a reader of the counts of the same state — can still pad a cell and difference
    it, and so can an NHRI and a UN reader comparing their views (the NHRI's own incidents are in the
    UN's cells). Only callers with this permission (never a service token) can try.

    Args:
        state (None | str | Unset): ISO3 code of the state (any case); another state than the
            caller's gives no rows.
        year_from (int | None | Unset): From this year (the incident's date).
        year_to (int | None | Unset): Up to this year, inclusive.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IncidentCounts | ProblemDetail]
    """

    kwargs = _get_kwargs(
        state=state,
        year_from=year_from,
        year_to=year_to,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    state: None | str | Unset = UNSET,
    year_from: int | None | Unset = UNSET,
    year_to: int | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> IncidentCounts | ProblemDetail | None:
    """Incident Counts

     Anonymised counts for the reports of a state's NHRI and UN bodies (and admins): per state and year,
    how many incidents were recorded (shared or not) and how many of them were reported to the UN —
    never
    an organisation, a kind, a description or an id. **The answer only ever holds the caller's own
    state** (admins: every state); a `state` naming another one gives an empty list, not an error.

    **Small cells are withheld**: a state-year where fewer than `minimum_shown` (3) *organisations*
    recorded incidents is listed with `fewer_than_minimum: true` and null figures, since one or two
    organisations in a state and year can be pointed at. **The caller's own organisation's incidents are
    left out** of the cells it is shown, so an NHRI cannot pad a cell with incidents of its own
    (recorded,
    read, deleted) to read the exact figure of the others. Each row is a whole state-year and no totals
    are given, so no combination of answers recovers a withheld figure.

    What remains possible: two colluding accounts of different organisations — one that records
    incidents (a CSO) and a reader of the counts of the same state — can still pad a cell and difference
    it, and so can an NHRI and a UN reader comparing their views (the NHRI's own incidents are in the
    UN's cells). Only callers with this permission (never a service token) can try.

    Args:
        state (None | str | Unset): ISO3 code of the state (any case); another state than the
            caller's gives no rows.
        year_from (int | None | Unset): From this year (the incident's date).
        year_to (int | None | Unset): Up to this year, inclusive.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IncidentCounts | ProblemDetail
    """

    return (
        await asyncio_detailed(
            client=client,
            state=state,
            year_from=year_from,
            year_to=year_to,
            if_none_match=if_none_match,
        )
    ).parsed
