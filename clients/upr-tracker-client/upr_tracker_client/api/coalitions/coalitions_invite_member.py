from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.member_invite import MemberInvite
from ...models.member_read import MemberRead
from ...models.problem_detail import ProblemDetail
from ...types import UNSET, Response, Unset


def _get_kwargs(
    coalition_id: int,
    *,
    body: MemberInvite,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/advocacy/coalitions/{coalition_id}/members".format(
            coalition_id=quote(str(coalition_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MemberRead | ProblemDetail | None:
    if response.status_code == 201:
        response_201 = MemberRead.from_dict(response.json())

        return response_201

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
    *,
    client: AuthenticatedClient,
    body: MemberInvite,
    idempotency_key: str | Unset = UNSET,
) -> Response[MemberRead | ProblemDetail]:
    """Invite Member

     A lead invites an active CSO or NHRI; it joins once it accepts (`/advocacy/invitations`).
    Inviting one that declined or left re-opens its invitation; an active member is a 409
    `already-coalition-member`.

    Args:
        coalition_id (int):
        idempotency_key (str | Unset): A unique value per intended create (e.g. a UUID): 1–255
            printable ASCII characters. Retrying with the same key and request returns the first
            result (with `Idempotent-Replayed: true`) instead of creating again; the same key with a
            different request is a 409; while the first request is still running, a 409 `idempotency-
            in-progress` with `Retry-After`. Kept for 24 hours, per organisation.
        body (MemberInvite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MemberRead | ProblemDetail]
    """

    kwargs = _get_kwargs(
        coalition_id=coalition_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    coalition_id: int,
    *,
    client: AuthenticatedClient,
    body: MemberInvite,
    idempotency_key: str | Unset = UNSET,
) -> MemberRead | ProblemDetail | None:
    """Invite Member

     A lead invites an active CSO or NHRI; it joins once it accepts (`/advocacy/invitations`).
    Inviting one that declined or left re-opens its invitation; an active member is a 409
    `already-coalition-member`.

    Args:
        coalition_id (int):
        idempotency_key (str | Unset): A unique value per intended create (e.g. a UUID): 1–255
            printable ASCII characters. Retrying with the same key and request returns the first
            result (with `Idempotent-Replayed: true`) instead of creating again; the same key with a
            different request is a 409; while the first request is still running, a 409 `idempotency-
            in-progress` with `Retry-After`. Kept for 24 hours, per organisation.
        body (MemberInvite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MemberRead | ProblemDetail
    """

    return sync_detailed(
        coalition_id=coalition_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    coalition_id: int,
    *,
    client: AuthenticatedClient,
    body: MemberInvite,
    idempotency_key: str | Unset = UNSET,
) -> Response[MemberRead | ProblemDetail]:
    """Invite Member

     A lead invites an active CSO or NHRI; it joins once it accepts (`/advocacy/invitations`).
    Inviting one that declined or left re-opens its invitation; an active member is a 409
    `already-coalition-member`.

    Args:
        coalition_id (int):
        idempotency_key (str | Unset): A unique value per intended create (e.g. a UUID): 1–255
            printable ASCII characters. Retrying with the same key and request returns the first
            result (with `Idempotent-Replayed: true`) instead of creating again; the same key with a
            different request is a 409; while the first request is still running, a 409 `idempotency-
            in-progress` with `Retry-After`. Kept for 24 hours, per organisation.
        body (MemberInvite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MemberRead | ProblemDetail]
    """

    kwargs = _get_kwargs(
        coalition_id=coalition_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    coalition_id: int,
    *,
    client: AuthenticatedClient,
    body: MemberInvite,
    idempotency_key: str | Unset = UNSET,
) -> MemberRead | ProblemDetail | None:
    """Invite Member

     A lead invites an active CSO or NHRI; it joins once it accepts (`/advocacy/invitations`).
    Inviting one that declined or left re-opens its invitation; an active member is a 409
    `already-coalition-member`.

    Args:
        coalition_id (int):
        idempotency_key (str | Unset): A unique value per intended create (e.g. a UUID): 1–255
            printable ASCII characters. Retrying with the same key and request returns the first
            result (with `Idempotent-Replayed: true`) instead of creating again; the same key with a
            different request is a 409; while the first request is still running, a 409 `idempotency-
            in-progress` with `Retry-After`. Kept for 24 hours, per organisation.
        body (MemberInvite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MemberRead | ProblemDetail
    """

    return (
        await asyncio_detailed(
            coalition_id=coalition_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
