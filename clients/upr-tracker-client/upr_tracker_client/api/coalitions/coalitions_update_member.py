from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.member_read import MemberRead
from ...models.member_update import MemberUpdate
from ...models.problem_detail import ProblemDetail
from ...types import Response


def _get_kwargs(
    coalition_id: int,
    organisation_id: int,
    *,
    body: MemberUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/advocacy/coalitions/{coalition_id}/members/{organisation_id}".format(
            coalition_id=quote(str(coalition_id), safe=""),
            organisation_id=quote(str(organisation_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MemberRead | ProblemDetail | None:
    if response.status_code == 200:
        response_200 = MemberRead.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = ProblemDetail.from_dict(response.json())

        return response_409

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
) -> Response[MemberRead | ProblemDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    coalition_id: int,
    organisation_id: int,
    *,
    client: AuthenticatedClient,
    body: MemberUpdate,
) -> Response[MemberRead | ProblemDetail]:
    """Update Member

     Leads change a member's role; the last lead cannot step down (409 `last-coalition-lead`).

    Args:
        coalition_id (int):
        organisation_id (int):
        body (MemberUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MemberRead | ProblemDetail]
    """

    kwargs = _get_kwargs(
        coalition_id=coalition_id,
        organisation_id=organisation_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    coalition_id: int,
    organisation_id: int,
    *,
    client: AuthenticatedClient,
    body: MemberUpdate,
) -> MemberRead | ProblemDetail | None:
    """Update Member

     Leads change a member's role; the last lead cannot step down (409 `last-coalition-lead`).

    Args:
        coalition_id (int):
        organisation_id (int):
        body (MemberUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MemberRead | ProblemDetail
    """

    return sync_detailed(
        coalition_id=coalition_id,
        organisation_id=organisation_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    coalition_id: int,
    organisation_id: int,
    *,
    client: AuthenticatedClient,
    body: MemberUpdate,
) -> Response[MemberRead | ProblemDetail]:
    """Update Member

     Leads change a member's role; the last lead cannot step down (409 `last-coalition-lead`).

    Args:
        coalition_id (int):
        organisation_id (int):
        body (MemberUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MemberRead | ProblemDetail]
    """

    kwargs = _get_kwargs(
        coalition_id=coalition_id,
        organisation_id=organisation_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    coalition_id: int,
    organisation_id: int,
    *,
    client: AuthenticatedClient,
    body: MemberUpdate,
) -> MemberRead | ProblemDetail | None:
    """Update Member

     Leads change a member's role; the last lead cannot step down (409 `last-coalition-lead`).

    Args:
        coalition_id (int):
        organisation_id (int):
        body (MemberUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MemberRead | ProblemDetail
    """

    return (
        await asyncio_detailed(
            coalition_id=coalition_id,
            organisation_id=organisation_id,
            client=client,
            body=body,
        )
    ).parsed
