from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cycle_read import CycleRead
from ...models.cycle_update import CycleUpdate
from ...models.problem_detail import ProblemDetail
from ...types import UNSET, Response, Unset


def _get_kwargs(
    number: int,
    *,
    body: CycleUpdate,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/cycles/{number}".format(
            number=quote(str(number), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CycleRead | ProblemDetail | None:
    if response.status_code == 200:
        response_200 = CycleRead.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ProblemDetail.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ProblemDetail.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ProblemDetail.from_dict(response.json())

        return response_404

    if response.status_code == 412:
        response_412 = ProblemDetail.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = ProblemDetail.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ProblemDetail.from_dict(response.json())

        return response_415

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
) -> Response[CycleRead | ProblemDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    number: int,
    *,
    client: AuthenticatedClient,
    body: CycleUpdate,
    if_match: str | Unset = UNSET,
) -> Response[CycleRead | ProblemDetail]:
    """Update Cycle

     Change a cycle's years (admins only); `end_year` is not before `start_year` (422) and null while the
    cycle runs.
    Send the ETag of your read in `If-Match`: a stale one is a 412.

    Args:
        number (int):
        if_match (str | Unset): ETag from your last read; a stale one gets 412.
        body (CycleUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CycleRead | ProblemDetail]
    """

    kwargs = _get_kwargs(
        number=number,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    number: int,
    *,
    client: AuthenticatedClient,
    body: CycleUpdate,
    if_match: str | Unset = UNSET,
) -> CycleRead | ProblemDetail | None:
    """Update Cycle

     Change a cycle's years (admins only); `end_year` is not before `start_year` (422) and null while the
    cycle runs.
    Send the ETag of your read in `If-Match`: a stale one is a 412.

    Args:
        number (int):
        if_match (str | Unset): ETag from your last read; a stale one gets 412.
        body (CycleUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CycleRead | ProblemDetail
    """

    return sync_detailed(
        number=number,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    number: int,
    *,
    client: AuthenticatedClient,
    body: CycleUpdate,
    if_match: str | Unset = UNSET,
) -> Response[CycleRead | ProblemDetail]:
    """Update Cycle

     Change a cycle's years (admins only); `end_year` is not before `start_year` (422) and null while the
    cycle runs.
    Send the ETag of your read in `If-Match`: a stale one is a 412.

    Args:
        number (int):
        if_match (str | Unset): ETag from your last read; a stale one gets 412.
        body (CycleUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CycleRead | ProblemDetail]
    """

    kwargs = _get_kwargs(
        number=number,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    number: int,
    *,
    client: AuthenticatedClient,
    body: CycleUpdate,
    if_match: str | Unset = UNSET,
) -> CycleRead | ProblemDetail | None:
    """Update Cycle

     Change a cycle's years (admins only); `end_year` is not before `start_year` (422) and null while the
    cycle runs.
    Send the ETag of your read in `If-Match`: a stale one is a 412.

    Args:
        number (int):
        if_match (str | Unset): ETag from your last read; a stale one gets 412.
        body (CycleUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CycleRead | ProblemDetail
    """

    return (
        await asyncio_detailed(
            number=number,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
